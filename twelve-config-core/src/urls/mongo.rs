//! `MongoUrl`.

use super::parts::{Parts, Rules};
use super::{truthy, url_type};
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[("mongodb", 27017), ("mongodb+srv", 27017)],
    multi_host: true,
    fragment: false,
};

/// A MongoDB connection string: `mongodb://` with one or more hosts
/// (default port 27017), or `mongodb+srv://` with exactly one host name and
/// no port (the hosts come from DNS SRV records).
///
/// The path is the default database (`/billing`); options follow `?`. TLS is
/// required when `tls` or `ssl` is `true`, and for `mongodb+srv` unless one
/// of them is `false`, as the MongoDB drivers do.
///
/// ```
/// use twelve_config::MongoUrl;
///
/// let url: MongoUrl = "mongodb://app:pw@h1,h2:27018/billing?replicaSet=rs0".parse().unwrap();
/// let ports: Vec<u16> = url.hosts().iter().map(|h| h.port_or_default()).collect();
/// assert_eq!(ports, [27017, 27018]);
/// assert_eq!(url.replica_set(), Some("rs0"));
/// assert_eq!(url.database(), Some("billing"));
/// assert!(!url.requires_tls());
///
/// let srv: MongoUrl = "mongodb+srv://cluster0.example.net/".parse().unwrap();
/// assert!(srv.is_srv());
/// assert!(srv.requires_tls());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct MongoUrl {
    parts: Parts,
    url: String,
    database: Option<String>,
}

url_type!(
    MongoUrl,
    "MongoDB URL such as mongodb://user:pass@host1,host2:27017/db?replicaSet=rs0"
);

impl MongoUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        let parts = Parts::parse(text, &RULES)?;
        if parts.hosts.is_empty() {
            return Err(ValueError::new("missing host"));
        }
        if parts.scheme == "mongodb+srv" {
            if parts.hosts.len() > 1 {
                return Err(ValueError::new("mongodb+srv takes exactly one host name"));
            }
            if parts.hosts.iter().any(|h| h.port().is_some()) {
                return Err(ValueError::new("mongodb+srv takes no port"));
            }
        }
        if parts.password.is_some() && parts.user.is_empty() {
            return Err(ValueError::new("a password without a user name"));
        }
        let database = parts.first_segment("the database name")?;
        let url = parts.to_canonical();
        Ok(MongoUrl {
            parts,
            url,
            database,
        })
    }

    fn user_value(&self) -> Option<&str> {
        Some(&self.parts.user)
    }

    fn password_value(&self) -> Option<&str> {
        self.parts.password.as_deref()
    }

    /// The default database, percent-decoded, if given.
    pub fn database(&self) -> Option<&str> {
        self.database.as_deref()
    }

    /// The `replicaSet` option, if given.
    pub fn replica_set(&self) -> Option<&str> {
        self.parts.param("replicaSet")
    }

    /// Whether the scheme is `mongodb+srv`.
    pub fn is_srv(&self) -> bool {
        self.parts.scheme == "mongodb+srv"
    }

    /// Whether the connection must use TLS: `tls` or `ssl` is `true`, or the
    /// scheme is `mongodb+srv` and neither is `false`.
    pub fn requires_tls(&self) -> bool {
        let option = self.parts.param("tls").or(self.parts.param("ssl"));
        match option {
            Some(value) => truthy(Some(value)),
            None => self.is_srv(),
        }
    }
}
