//! `PostgresUrl`.

use super::parts::{parse_port, Parts, Rules, Socket, Sockets};
use super::{url_type, Host};
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[("postgres", 5432), ("postgresql", 5432)],
    multi_host: true,
    fragment: false,
    sockets: Sockets::Directory,
    bare_port: true,
};

const SSLMODES: [&str; 6] = [
    "disable",
    "allow",
    "prefer",
    "require",
    "verify-ca",
    "verify-full",
];

/// A PostgreSQL connection URL, as libpq reads it: `postgres://` or
/// `postgresql://`, default port 5432.
///
/// - Host lists for failover: `postgres://h1:5432,h2:5433/db`; [`hosts`](Self::hosts)
///   gives every host.
/// - No host means the local socket: `postgres:///db`, or a socket directory
///   with `?host=/var/run/postgresql` ([`socket_dir`](Self::socket_dir)).
///   As in libpq, a socket directory may also stand in the host list,
///   percent-encoded, with a port naming the socket file:
///   `postgres://%2Fvar%2Frun%2Fpostgresql:5433/db`, or Google Cloud SQL's
///   `postgres://user:pass@%2Fcloudsql%2Fproject%3Aregion%3Ainstance/db`. A
///   host that decodes to a text starting with `/` is a directory, one
///   starting with `@` a socket in Linux's abstract namespace.
/// - A port alone, `postgres://:5433/db`, is the default host (the local
///   socket) on that port.
/// - An empty user name or password (`postgres://:@host/db`) is no user name
///   or password, as libpq reads it: libpq then falls back to its defaults
///   (`PGUSER`, `PGPASSWORD`, the password file).
/// - As in libpq, the query parameters `host`, `port`, `dbname`, `user` and
///   `password` replace the parts of the URL they name; `host` and `port`
///   may be lists, and a `port` list must have one port, or one per host.
/// - `sslmode` must be one of libpq's: `disable`, `allow`, `prefer`,
///   `require`, `verify-ca` or `verify-full`; the last three require TLS.
///   `ssl=true`, a JDBC spelling, is `sslmode=require`, as libpq reads it;
///   `ssl` with any other value is an error in libpq, and here.
/// - Each query parameter is `name=value`, with one `=` (libpq refuses a
///   parameter without one, and a second one unencoded).
///
/// ```
/// use twelve_config::PostgresUrl;
///
/// let url: PostgresUrl = "postgres://app:p%40ss@db1:5432,db2/billing?sslmode=verify-full"
///     .parse()
///     .unwrap();
/// assert_eq!(url.hosts().len(), 2);
/// assert_eq!(url.hosts()[1].port_or_default(), 5432);
/// assert_eq!(url.username(), Some("app"));
/// assert_eq!(url.expose_password(), Some("p@ss"));
/// assert_eq!(url.database(), Some("billing"));
/// assert!(url.requires_tls());
/// assert_eq!(
///     url.to_string(),
///     "postgres://app:***@db1:5432,db2/billing?sslmode=verify-full"
/// );
///
/// let local: PostgresUrl = "postgres:///billing?host=/var/run/postgresql".parse().unwrap();
/// assert_eq!(local.socket_dir(), Some("/var/run/postgresql"));
/// assert!(local.hosts().is_empty());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct PostgresUrl {
    parts: Parts,
    url: String,
    database: Option<String>,
    /// The effective `sslmode`, `ssl=true` read as `require`.
    sslmode: Option<String>,
}

url_type!(
    PostgresUrl,
    "PostgreSQL URL such as postgres://user:pass@host:5432/db"
);

impl PostgresUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        let mut parts = Parts::parse(text, &RULES)?;
        if let Some(list) = parts.param("host").map(str::to_owned) {
            let mut hosts = Vec::new();
            let mut sockets = Vec::new();
            for item in list.split(',') {
                if item.starts_with('/') || item.starts_with('@') {
                    sockets.push(Socket {
                        path: item.to_owned(),
                        port: None,
                    });
                } else if item.is_empty() {
                    return Err(ValueError::new("empty host in the host parameter"));
                } else {
                    let host = url::Host::parse(item)
                        .map_err(|e| ValueError::new(format!("invalid host: {e}")))?;
                    hosts.push(Host::new(host, None, 5432));
                }
            }
            // A port written without a host (`postgres://:5433/db?host=/tmp`)
            // is the port of the hosts the parameter names.
            if let Some(port) = parts.bare_port {
                for host in &mut hosts {
                    *host = Host::new(host.host().clone(), Some(port), port);
                }
                for socket in &mut sockets {
                    socket.port = Some(port);
                }
            }
            parts.hosts = hosts;
            parts.sockets = sockets;
        }
        if let Some(list) = parts.param("port").map(str::to_owned) {
            let ports = list
                .split(',')
                .map(parse_port)
                .collect::<Result<Vec<u16>, _>>()?;
            match (ports.as_slice(), parts.hosts.len()) {
                ([port], _) => {
                    parts.default_port = *port;
                    for host in &mut parts.hosts {
                        *host = Host::new(host.host().clone(), Some(*port), *port);
                    }
                    for socket in &mut parts.sockets {
                        socket.port = Some(*port);
                    }
                    if parts.bare_port.is_some() {
                        parts.bare_port = Some(*port);
                    }
                }
                (ports, n) if parts.sockets.is_empty() && ports.len() == n => {
                    for (host, port) in parts.hosts.iter_mut().zip(ports) {
                        *host = Host::new(host.host().clone(), Some(*port), *port);
                    }
                }
                _ => {
                    return Err(ValueError::new(
                        "the port list does not match the host list",
                    ))
                }
            }
        }
        if let Some(query) = &parts.query {
            check_pairs(query)?;
        }
        // libpq reads the parameters in order, the last one winning, and
        // takes `ssl=true` as `sslmode=require`.
        let mut sslmode = None;
        for (key, value) in &parts.params {
            match key.as_str() {
                "sslmode" if SSLMODES.contains(&value.as_str()) => sslmode = Some(value.clone()),
                "sslmode" => {
                    return Err(ValueError::new(format!(
                        "invalid sslmode; expected one of: {}",
                        SSLMODES.join(", ")
                    )))
                }
                "ssl" if value == "true" => sslmode = Some("require".to_owned()),
                "ssl" => {
                    return Err(ValueError::new(
                        "ssl takes only true, which libpq reads as sslmode=require",
                    ))
                }
                _ => {}
            }
        }
        let database = match parts.param("dbname") {
            Some(name) => Some(name.to_owned()).filter(|n| !n.is_empty()),
            None => parts.first_segment("the database name")?,
        };
        let url = parts.to_canonical();
        Ok(PostgresUrl {
            parts,
            url,
            database,
            sslmode,
        })
    }

    // libpq stores the user name and password of the URL only when they are
    // not empty, and a query parameter replaces them; an empty value then
    // means "not given" (libpq falls back to PGUSER, PGPASSWORD, .pgpass).
    fn user_value(&self) -> Option<&str> {
        self.parts
            .param("user")
            .or(Some(&self.parts.user))
            .filter(|u| !u.is_empty())
    }

    fn password_value(&self) -> Option<&str> {
        self.parts
            .param("password")
            .or(self.parts.password.as_deref())
            .filter(|p| !p.is_empty())
    }

    /// The database name, percent-decoded: the `dbname` parameter or the
    /// path. `None` when not given (libpq then uses the user name).
    pub fn database(&self) -> Option<&str> {
        self.database.as_deref()
    }

    /// The directory of the server's unix socket, if given: the first
    /// socket directory of the `host` parameter
    /// (`?host=/var/run/postgresql`), or else of the host list
    /// (`postgres://%2Fvar%2Frun%2Fpostgresql/db`), percent-decoded.
    pub fn socket_dir(&self) -> Option<&str> {
        self.parts.sockets.first().map(|s| s.path.as_str())
    }

    /// Whether the connection must use TLS: `sslmode` is `require`,
    /// `verify-ca` or `verify-full` (or `ssl` is `true`), the last of them
    /// written counting.
    pub fn requires_tls(&self) -> bool {
        matches!(
            self.sslmode.as_deref(),
            Some("require" | "verify-ca" | "verify-full")
        )
    }
}

/// libpq's syntax of the query: each parameter has one `=`; a `&` may end
/// the query. Neither reason quotes the text, which may hold a password.
fn check_pairs(query: &str) -> Result<(), ValueError> {
    let query = query.strip_suffix('&').unwrap_or(query);
    if query.is_empty() {
        return Ok(());
    }
    for pair in query.split('&') {
        match pair.matches('=').count() {
            0 => {
                return Err(ValueError::new(
                    "a query parameter without =; write name=value",
                ))
            }
            1 => {}
            _ => {
                return Err(ValueError::new(
                    "a second = in a query parameter; percent-encode it as %3D",
                ))
            }
        }
    }
    Ok(())
}
