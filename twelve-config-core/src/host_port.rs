//! [`HostPort`]: a host, by name or address, and a port.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::borrow::Cow;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::str::FromStr;

use crate::value::{EnvValue, ValueError};

/// A host and a port, `host:port`: what a service listens on or connects
/// to where a host name is as good as an address (`localhost:7700`,
/// `db.internal:5432`, `0.0.0.0:80`, `[::1]:8080`).
/// [`SocketAddr`](std::net::SocketAddr) takes IP addresses only, so
/// `localhost:7700` would be an error; a `String` would take
/// `localhost:77000` and leave it to fail when the service binds.
///
/// # Grammar
///
/// ```text
/// host-port = host ":" port
/// host      = name | ipv4 | "[" ipv6 "]"
/// name      = labels of letters, digits, "-" and "_", separated by ".",
///             each 1 to 63 characters, not starting or ending with "-";
///             at most 253 characters; a final "." is allowed
/// port      = decimal 0..=65535
/// ```
///
/// - A host of digits and dots only must be an IPv4 address
///   (`300.1.1.1:80` is an error, not a name).
/// - An IPv6 address is written in brackets, as in URLs: `::1:8080` is an
///   error that says so.
/// - The port is required; the text is not trimmed.
/// - Underscores are allowed in names: container platforms give services
///   such names, and resolvers look them up.
///
/// The name is not resolved when the configuration loads: a name that
/// does not resolve yet (a database still starting) is not a
/// configuration error. [`ToSocketAddrs`] resolves it when the service
/// binds or connects.
///
/// ```
/// use std::net::{IpAddr, Ipv6Addr};
/// use twelve_config::HostPort;
///
/// let addr: HostPort = "localhost:7700".parse().unwrap();
/// assert_eq!((addr.host(), addr.port()), ("localhost", 7700));
/// assert_eq!(addr.ip(), None);
///
/// let addr: HostPort = "[::1]:8080".parse().unwrap();
/// assert_eq!(addr.host(), "::1");
/// assert_eq!(addr.ip(), Some(IpAddr::V6(Ipv6Addr::LOCALHOST)));
/// assert_eq!(addr.to_string(), "[::1]:8080");
///
/// assert!("localhost:77000".parse::<HostPort>().is_err());
/// assert!("localhost".parse::<HostPort>().is_err());
/// ```
///
/// As a field:
///
/// ```
/// use twelve_config::{Config, HostPort};
///
/// #[derive(Config, Debug)]
/// #[config(prefix = "MEILI_")]
/// struct Settings {
///     #[config(default = "localhost:7700")]
///     http_addr: HostPort,
/// }
///
/// let settings = Settings::from_vars([("MEILI_HTTP_ADDR", "0.0.0.0:7700")]).unwrap();
/// assert_eq!(settings.http_addr.port(), 7700);
/// let errors = Settings::from_vars([("MEILI_HTTP_ADDR", "localhost:77000")]).unwrap_err();
/// assert!(errors.to_string().contains("port out of range 0..=65535"), "{errors}");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HostPort {
    /// The host as written, without the brackets of an IPv6 address.
    host: String,
    port: u16,
}

impl HostPort {
    /// `host` and `port`; `host` is a name or an address, an IPv6 address
    /// without brackets. Not checked: [`FromStr`] checks text.
    ///
    /// ```
    /// use twelve_config::HostPort;
    ///
    /// assert_eq!(HostPort::new("localhost", 7700).to_string(), "localhost:7700");
    /// ```
    #[inline]
    pub fn new(host: impl Into<String>, port: u16) -> Self {
        HostPort {
            host: host.into(),
            port,
        }
    }

    /// The host: a name, or an address (an IPv6 one without brackets).
    #[inline]
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port.
    #[inline]
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The host's address, when it is written as one rather than a name.
    #[inline]
    pub fn ip(&self) -> Option<IpAddr> {
        self.host.parse().ok()
    }
}

impl fmt::Display for HostPort {
    /// `host:port`, an IPv6 address in brackets; it parses back the same.
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

impl FromStr for HostPort {
    type Err = ValueError;

    #[inline]
    fn from_str(text: &str) -> Result<Self, ValueError> {
        let (host, port) = if let Some(rest) = text.strip_prefix('[') {
            let (address, after) = rest
                .split_once(']')
                .ok_or_else(|| ValueError::new("no `]` after the IPv6 address"))?;
            address
                .parse::<Ipv6Addr>()
                .map_err(|_| ValueError::new("not an IPv6 address in the brackets"))?;
            let port = after
                .strip_prefix(':')
                .ok_or_else(|| ValueError::new("no `:port` after the address"))?;
            (address, port)
        } else {
            let (host, port) = text
                .rsplit_once(':')
                .ok_or_else(|| ValueError::new("no `:port` after the host"))?;
            if host.contains(':') {
                return Err(ValueError::new(
                    "an IPv6 address is written in brackets: [::1]:8080",
                ));
            }
            check_host(host)?;
            (host, port)
        };
        let port = parse_port(port)?;
        Ok(HostPort::new(host, port))
    }
}

/// A host name, or an IPv4 address when it is all digits and dots.
#[inline]
fn check_host(host: &str) -> Result<(), ValueError> {
    if host.is_empty() {
        return Err(ValueError::new("no host before the `:`"));
    }
    if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return host
            .parse::<Ipv4Addr>()
            .map(|_| ())
            .map_err(|_| ValueError::new("not an IPv4 address"));
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.len() > 253 {
        return Err(ValueError::new("host name longer than 253 characters"));
    }
    for label in name.split('.') {
        let plain = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        if label.is_empty() {
            return Err(ValueError::new("empty label in the host name"));
        }
        if label.len() > 63 {
            return Err(ValueError::new(
                "a label of the host name is longer than 63 characters",
            ));
        }
        if !label.bytes().all(plain) {
            return Err(ValueError::new(
                "the host name holds a character other than letters, digits, `-`, `_` and `.`",
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(ValueError::new(
                "a label of the host name starts or ends with `-`",
            ));
        }
    }
    Ok(())
}

/// A port: decimal digits only, 0..=65535.
#[inline]
fn parse_port(port: &str) -> Result<u16, ValueError> {
    if port.is_empty() {
        return Err(ValueError::new("no port after the `:`"));
    }
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::new("the port is not a number"));
    }
    port.parse()
        .map_err(|_| ValueError::new("port out of range 0..=65535"))
}

impl From<SocketAddr> for HostPort {
    #[inline]
    fn from(addr: SocketAddr) -> Self {
        HostPort::new(addr.ip().to_string(), addr.port())
    }
}

impl ToSocketAddrs for HostPort {
    type Iter = std::vec::IntoIter<SocketAddr>;

    /// The host's addresses, looked up when it is a name.
    ///
    /// ```
    /// use std::net::ToSocketAddrs;
    /// use twelve_config::HostPort;
    ///
    /// let addr: HostPort = "127.0.0.1:7700".parse().unwrap();
    /// let first = addr.to_socket_addrs().unwrap().next().unwrap();
    /// assert_eq!(first.to_string(), "127.0.0.1:7700");
    /// ```
    #[inline]
    fn to_socket_addrs(&self) -> std::io::Result<Self::Iter> {
        (self.host.as_str(), self.port).to_socket_addrs()
    }
}

impl EnvValue for HostPort {
    #[inline]
    fn expected() -> Cow<'static, str> {
        "host:port such as localhost:8080, db.internal:5432 or [::1]:8080".into()
    }

    #[inline]
    fn parse_env(text: &str) -> Result<Self, ValueError> {
        text.parse()
    }

    #[inline]
    fn to_env(&self) -> Option<String> {
        Some(self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> String {
        match text.parse::<HostPort>() {
            Ok(addr) => panic!("{text:?} must be rejected, got {addr}"),
            Err(e) => e.reason().to_owned(),
        }
    }

    #[test]
    fn names_and_addresses_with_a_port() {
        for (text, host, port) in [
            ("localhost:7700", "localhost", 7700),
            ("db.internal:5432", "db.internal", 5432),
            ("my_db:5432", "my_db", 5432),
            ("example.com.:443", "example.com.", 443),
            ("0.0.0.0:0", "0.0.0.0", 0),
            ("10.1.2.3:65535", "10.1.2.3", 65535),
            ("[::1]:8080", "::1", 8080),
            ("[fe80::1]:1", "fe80::1", 1),
            ("a-b.c-d:1", "a-b.c-d", 1),
        ] {
            let addr: HostPort = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!((addr.host(), addr.port()), (host, port), "{text}");
            assert_eq!(addr.to_string(), text, "{text} prints back as written");
        }
    }

    #[test]
    fn every_mistake_says_what_is_wrong() {
        assert_eq!(reason("localhost"), "no `:port` after the host");
        assert_eq!(reason(":80"), "no host before the `:`");
        assert_eq!(reason("localhost:"), "no port after the `:`");
        assert_eq!(reason("localhost:77000"), "port out of range 0..=65535");
        assert_eq!(reason("localhost:+80"), "the port is not a number");
        assert_eq!(reason("localhost:8o"), "the port is not a number");
        assert_eq!(reason("300.1.1.1:80"), "not an IPv4 address");
        assert_eq!(reason("1.2.3:80"), "not an IPv4 address");
        assert_eq!(
            reason("::1:8080"),
            "an IPv6 address is written in brackets: [::1]:8080"
        );
        assert_eq!(reason("[::1:8080"), "no `]` after the IPv6 address");
        assert_eq!(reason("[::1]"), "no `:port` after the address");
        assert_eq!(reason("[::1]8080"), "no `:port` after the address");
        assert_eq!(reason("[db]:80"), "not an IPv6 address in the brackets");
        assert_eq!(reason("a..b:80"), "empty label in the host name");
        assert_eq!(
            reason("-a.b:80"),
            "a label of the host name starts or ends with `-`"
        );
        assert_eq!(
            reason("a-.b:80"),
            "a label of the host name starts or ends with `-`"
        );
        assert_eq!(
            reason("a b:80"),
            "the host name holds a character other than letters, digits, `-`, `_` and `.`"
        );
        assert_eq!(
            reason(" localhost:80"),
            "the host name holds a character other than letters, digits, `-`, `_` and `.`"
        );
        // 63 characters is the most a label may have.
        assert!(format!("{}.b:80", "a".repeat(63))
            .parse::<HostPort>()
            .is_ok());
        let label = "a".repeat(64);
        assert_eq!(
            reason(&format!("{label}.b:80")),
            "a label of the host name is longer than 63 characters"
        );
        assert!(reason(&format!("{}:80", "a.".repeat(128))).contains("253"));
        // 253 characters is the most a name may have.
        let longest = format!("{}a", "a.".repeat(126));
        assert_eq!(longest.len(), 253);
        assert!(format!("{longest}:80").parse::<HostPort>().is_ok());
    }

    #[test]
    fn a_field_is_described_and_shown_as_host_port() {
        assert_eq!(
            HostPort::expected(),
            "host:port such as localhost:8080, db.internal:5432 or [::1]:8080"
        );
        let addr: HostPort = "[::1]:8080".parse().unwrap();
        assert_eq!(addr.to_env().as_deref(), Some("[::1]:8080"));
    }

    #[test]
    fn an_address_is_known_and_a_socket_address_converts() {
        let addr: HostPort = "127.0.0.1:80".parse().unwrap();
        assert_eq!(addr.ip(), Some(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        let socket: SocketAddr = "[::1]:9".parse().unwrap();
        let addr = HostPort::from(socket);
        assert_eq!(addr.to_string(), "[::1]:9");
        assert_eq!(addr.to_socket_addrs().unwrap().next(), Some(socket));
    }
}
