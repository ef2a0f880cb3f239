//! `RedisUrl`.

use super::parts::{decode, Parts, Rules};
use super::url_type;
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[
        ("redis", 6379),
        ("rediss", 6379),
        ("redis+unix", 6379),
        ("unix", 6379),
    ],
    multi_host: false,
    fragment: true,
};

/// A Redis connection URL, as the `redis` crate and redis-py read it.
///
/// - `redis://[user][:password]@host[:port][/db]`, and `rediss://` for TLS;
///   default port 6379; the database index is the path (`/3`), 0 when
///   absent; a host is required.
/// - `redis+unix:///path/to/redis.sock` or `unix:///path/to/redis.sock`
///   for a unix socket, with the database in the `db` parameter and the
///   password in `pass` (or `password`); no host.
///
/// The database index must be a non-negative integer. A fragment is kept
/// (`rediss://host/#insecure` turns off certificate checks in the `redis`
/// crate).
///
/// ```
/// use twelve_config::RedisUrl;
///
/// let url: RedisUrl = "rediss://:s3cret@cache.internal:6380/3".parse().unwrap();
/// assert_eq!(url.port_or_default(), 6380);
/// assert_eq!(url.database(), 3);
/// assert!(url.requires_tls());
/// assert_eq!(url.username(), None);
/// assert_eq!(url.expose_password(), Some("s3cret"));
/// assert_eq!(url.to_string(), "rediss://:***@cache.internal:6380/3");
///
/// let socket: RedisUrl = "redis+unix:///run/redis.sock?db=2".parse().unwrap();
/// assert_eq!(socket.socket_path(), Some("/run/redis.sock"));
/// assert_eq!(socket.database(), 2);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct RedisUrl {
    parts: Parts,
    url: String,
    database: i64,
    socket_path: Option<String>,
}

url_type!(RedisUrl, "Redis URL such as redis://:pass@host:6379/0");

impl RedisUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        let parts = Parts::parse(text, &RULES)?;
        let unix = matches!(parts.scheme, "redis+unix" | "unix");
        let (database, socket_path) = if unix {
            if !parts.hosts.is_empty() {
                return Err(ValueError::new(
                    "a unix socket URL takes no host; write redis+unix:///path/to/socket",
                ));
            }
            let path = decode(&parts.path, "invalid percent-encoding in path")?;
            if path.is_empty() || path == "/" {
                return Err(ValueError::new("missing socket path"));
            }
            let database = match parts.param("db") {
                Some(db) => database_index(db)?,
                None => 0,
            };
            (database, Some(path))
        } else {
            if parts.hosts.is_empty() {
                return Err(ValueError::new("missing host"));
            }
            let path = parts.path.strip_prefix('/').unwrap_or(&parts.path);
            let database = if path.is_empty() {
                0
            } else {
                database_index(path)?
            };
            (database, None)
        };
        let url = parts.to_canonical();
        Ok(RedisUrl {
            parts,
            url,
            database,
            socket_path,
        })
    }

    fn unix(&self) -> bool {
        self.socket_path.is_some()
    }

    fn user_value(&self) -> Option<&str> {
        if self.unix() {
            if let Some(user) = self.parts.param("user") {
                return Some(user);
            }
        }
        Some(&self.parts.user)
    }

    fn password_value(&self) -> Option<&str> {
        if self.unix() {
            if let Some(pass) = self.parts.param("pass").or(self.parts.param("password")) {
                return Some(pass);
            }
        }
        self.parts.password.as_deref()
    }

    /// The database index: the path of a TCP URL, the `db` parameter of a
    /// unix socket URL, 0 when not given.
    pub fn database(&self) -> i64 {
        self.database
    }

    /// The path of the unix socket, for `redis+unix://` and `unix://`.
    pub fn socket_path(&self) -> Option<&str> {
        self.socket_path.as_deref()
    }

    /// Whether the connection uses TLS: the scheme is `rediss`.
    pub fn requires_tls(&self) -> bool {
        self.parts.scheme == "rediss"
    }
}

fn database_index(text: &str) -> Result<i64, ValueError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::new(
            "the database index must be a non-negative integer",
        ));
    }
    text.parse()
        .map_err(|_| ValueError::new("the database index is too large"))
}
