//! `MongoUrl`.

use super::parts::{Parts, Rules, Sockets};
use super::{truthy, url_type};
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[("mongodb", 27017), ("mongodb+srv", 27017)],
    multi_host: true,
    fragment: false,
    sockets: Sockets::SockFile,
    bare_port: false,
};

/// A MongoDB connection string: `mongodb://` with one or more hosts
/// (default port 27017), or `mongodb+srv://` with exactly one host name and
/// no port (the hosts come from DNS SRV records).
///
/// The path is the default database (`/billing`); options follow `/?`. TLS is
/// required when `tls` or `ssl` is `true`, and for `mongodb+srv` unless one
/// of them is `false`, as the MongoDB drivers do.
///
/// As the MongoDB connection string specification defines:
/// - a host that ends with `.sock` is the path of a unix socket, written
///   percent-encoded (`mongodb://%2Ftmp%2Fmongodb-27017.sock/db`), with no
///   port; [`socket_paths`](Self::socket_paths) gives them, and
///   [`hosts`](Self::hosts) only the network hosts;
/// - an empty password (`mongodb://alice:@host`) is a password, the empty
///   one; an empty user name is an error;
/// - the user name and password must percent-encode `@`, `:` (in the
///   password too), `/`, `?` and `#`;
/// - options need the `/` before `?` (`mongodb://host/?w=1`), and each one a
///   value (`w=1`, not `w`).
///
/// The specification's test for a socket path with an unencoded space is
/// refused here, as every URL of this crate with a space is: write it `%20`.
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
        if parts.hosts.is_empty() && parts.sockets.is_empty() {
            return Err(ValueError::new("missing host"));
        }
        check_userinfo(text)?;
        if parts.sockets.iter().any(|s| s.port.is_some()) {
            return Err(ValueError::new(
                "a unix socket takes no port; write mongodb://%2Ftmp%2Fmongodb-27017.sock",
            ));
        }
        if parts.path.is_empty() && parts.query.is_some() {
            return Err(ValueError::new(
                "options need a / before the ?; write mongodb://host/?option=value",
            ));
        }
        if let Some(query) = &parts.query {
            if query.split('&').any(|pair| !pair.contains('=')) {
                return Err(ValueError::new(
                    "an option without a value; write option=value",
                ));
            }
        }
        if parts.scheme == "mongodb+srv" {
            if !parts.sockets.is_empty() {
                return Err(ValueError::new(
                    "mongodb+srv takes a host name, not a unix socket",
                ));
            }
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
        Some(self.parts.user.as_str()).filter(|u| !u.is_empty())
    }

    fn password_value(&self) -> Option<&str> {
        self.parts.password.as_deref()
    }

    /// The paths of the unix sockets of the host list, percent-decoded, in
    /// order (`/tmp/mongodb-27017.sock`).
    pub fn socket_paths(&self) -> impl Iterator<Item = &str> {
        self.parts.sockets.iter().map(|s| s.path.as_str())
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

/// The rules of the specification for the user information, which need the
/// text as written: an empty user name before `@`, and an unencoded `@` in
/// the user name or password or `:` in the password, are errors. Neither
/// reason quotes the text.
fn check_userinfo(text: &str) -> Result<(), ValueError> {
    let after_scheme = text.split_once("://").map_or(text, |(_, rest)| rest);
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(after_scheme);
    let Some(at) = authority.rfind('@') else {
        return Ok(());
    };
    let info = &authority[..at];
    if info.contains('@') {
        return Err(ValueError::new(
            "an unencoded @ in the user name or password; write it as %40",
        ));
    }
    let (user, password) = info.split_once(':').unwrap_or((info, ""));
    if user.is_empty() && info.contains(':') {
        return Err(ValueError::new("a password without a user name"));
    }
    if user.is_empty() {
        return Err(ValueError::new("an empty user name before @"));
    }
    if password.contains(':') {
        return Err(ValueError::new(
            "an unencoded : in the password; write it as %3A",
        ));
    }
    Ok(())
}
