//! `RedisUrl`.

use super::parts::{parse_form, Parts, Rules, Sockets};
use super::percent::decode;
use super::url_type;
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[
        ("redis", 6379),
        ("rediss", 6379),
        ("redis+unix", 6379),
        ("unix", 6379),
        ("valkey", 6379),
        ("valkeys", 6379),
        ("valkey+unix", 6379),
    ],
    multi_host: false,
    fragment: true,
    sockets: Sockets::None,
    bare_port: false,
};

/// A Redis (or Valkey) connection URL, as the `redis` crate reads it.
///
/// - `redis://[user][:password]@host[:port][/db]`, and `rediss://` for TLS;
///   `valkey://` and `valkeys://` are the same; default port 6379; the
///   database index is the path (`/3`, slashes around it ignored), 0 when
///   absent; a host is required, and it may not be a wildcard address
///   (`0.0.0.0`, `::`), which names no server.
/// - `redis+unix:///path/to/redis.sock`, `valkey+unix://` or
///   `unix:///path/to/redis.sock` for a unix socket, with the database in
///   the `db` parameter, the user name in `user` and the password in
///   `pass`; no host.
/// - The query is decoded as the driver decodes it, as a form: `+` is a
///   space (`?pass=a+b` is the password `a b`; write a `+` as `%2B`).
/// - `protocol`, if given, is `2`, `resp2`, `3` or `resp3`.
/// - An empty password (`redis://user:@host`) is no password.
///
/// Refused, with a reason that says how to write them, because the `redis`
/// crate would not use what they say: a user name or password before the
/// path of a unix socket URL (the driver ignores it), a `password`
/// parameter on one (the driver reads only `pass`), and an empty `pass`
/// (the driver would log in with the empty password, which no server
/// accepts).
///
/// The database index must be a non-negative integer (the driver also takes
/// a negative one, which every server refuses). A fragment is kept: on
/// `rediss://` only `#insecure`, which turns off certificate checks.
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
        let mut parts = Parts::parse(text, &RULES)?;
        // The driver reads the query as a form, where `+` is a space.
        if let Some(query) = &parts.query {
            parts.params = parse_form(query)?;
        }
        if let Some(protocol) = parts.param("protocol") {
            if !["2", "resp2", "3", "resp3"].contains(&protocol) {
                return Err(ValueError::new(
                    "invalid protocol; expected one of: 2, resp2, 3, resp3",
                ));
            }
        }
        let unix = matches!(parts.scheme, "redis+unix" | "unix" | "valkey+unix");
        let (database, socket_path) = if unix {
            if !parts.hosts.is_empty() {
                return Err(ValueError::new(
                    "a unix socket URL takes no host; write redis+unix:///path/to/socket",
                ));
            }
            if !parts.user.is_empty() || parts.password.is_some() {
                return Err(ValueError::new(
                    "a unix socket URL takes its credentials in the query; write redis+unix:///path/to/socket?user=name&pass=secret",
                ));
            }
            if parts.param("password").is_some() {
                return Err(ValueError::new(
                    "a unix socket URL takes its password as pass; write ?pass=secret",
                ));
            }
            // The driver would send AUTH with an empty password, which no
            // server accepts: a password left out by mistake.
            if parts.param("pass") == Some("") {
                return Err(ValueError::new(
                    "an empty pass parameter; give the password or leave pass out",
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
            let Some(host) = parts.hosts.first() else {
                return Err(ValueError::new("missing host"));
            };
            let wildcard = match host.host() {
                url::Host::Ipv4(ip) => ip.is_unspecified(),
                url::Host::Ipv6(ip) => ip.is_unspecified(),
                url::Host::Domain(_) => false,
            };
            if wildcard {
                return Err(ValueError::new(
                    "a wildcard address (0.0.0.0 or ::) names no server; write the server's address",
                ));
            }
            if matches!(parts.scheme, "rediss" | "valkeys") {
                if let Some(fragment) = parts.fragment.as_deref() {
                    if fragment != "insecure" {
                        return Err(ValueError::new(
                            "the only fragment of a TLS URL is #insecure",
                        ));
                    }
                }
            }
            let path = parts.path.trim_matches('/');
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

    // A unix socket URL has its credentials in the query only (the parser
    // refuses any before the path); a TCP URL in the authority only, where
    // the driver reads an empty user name or password as none.
    fn user_value(&self) -> Option<&str> {
        if self.unix() {
            return self.parts.param("user");
        }
        Some(self.parts.user.as_str()).filter(|u| !u.is_empty())
    }

    fn password_value(&self) -> Option<&str> {
        if self.unix() {
            return self.parts.param("pass");
        }
        self.parts.password.as_deref().filter(|p| !p.is_empty())
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

    /// Whether the connection uses TLS: the scheme is `rediss` or `valkeys`.
    pub fn requires_tls(&self) -> bool {
        matches!(self.parts.scheme, "rediss" | "valkeys")
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
