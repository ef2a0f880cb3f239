//! The parser shared by the URL types: scheme, user information, host list,
//! path, query and fragment, read deliberately rather than through
//! `url::Url`, which rejects host lists and treats the hosts of non-web
//! schemes as opaque text.

use std::fmt;

use super::masking::mask_query;
use super::percent::{decode, encode};
use crate::redact::MASK;
use crate::value::ValueError;

/// One host of a backing-service URL, with its port.
///
/// ```
/// use twelve_config::PostgresUrl;
///
/// let url: PostgresUrl = "postgres://h1:5433,[::1]/db".parse().unwrap();
/// let hosts = url.hosts();
/// assert_eq!(hosts[0].host_str(), "h1");
/// assert_eq!(hosts[0].port(), Some(5433));
/// assert_eq!(hosts[1].host_str(), "[::1]");
/// assert_eq!(hosts[1].port(), None);
/// assert_eq!(hosts[1].port_or_default(), 5432);
/// assert_eq!(hosts[1].to_string(), "[::1]:5432");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Host {
    host: url::Host<String>,
    name: String,
    port: Option<u16>,
    default_port: u16,
}

impl Host {
    pub(crate) fn new(host: url::Host<String>, port: Option<u16>, default_port: u16) -> Self {
        Host {
            name: host.to_string(),
            host,
            port,
            default_port,
        }
    }

    /// The host: a domain name (in ASCII, international names in their
    /// `xn--` form), an IPv4 or an IPv6 address.
    pub fn host(&self) -> &url::Host<String> {
        &self.host
    }

    /// The host as text, as a URL writes it: IPv6 addresses in brackets.
    pub fn host_str(&self) -> &str {
        &self.name
    }

    /// The port written in the URL, if any.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The port written in the URL, or the scheme's default port.
    pub fn port_or_default(&self) -> u16 {
        self.port.unwrap_or(self.default_port)
    }
}

/// `host:port`, with the default port applied.
impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.name, self.port_or_default())
    }
}

/// What a URL type accepts.
pub(crate) struct Rules {
    /// Accepted schemes, in lowercase, with the default port of each.
    pub schemes: &'static [(&'static str, u16)],
    /// Whether a host list (`h1,h2:5433`) is allowed.
    pub multi_host: bool,
    /// Whether a `#fragment` is allowed.
    pub fragment: bool,
    /// Which percent-encoded hosts name a unix socket rather than a
    /// network host.
    pub sockets: Sockets,
    /// Whether a port may stand without a host (`scheme://:5433/`), the
    /// client then connecting to its default host on that port.
    pub bare_port: bool,
}

/// Which hosts of a host list are unix sockets, as the scheme's driver
/// tells them apart. A socket path holds `/`, so it is always written
/// percent-encoded (`%2Fvar%2Frun%2Fpostgresql`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sockets {
    /// No host is a socket.
    None,
    /// libpq: a host that starts with `/` is the directory of the server's
    /// socket, one that starts with `@` a socket in the abstract namespace.
    Directory,
    /// The MongoDB connection string specification: a host that ends with
    /// `.sock` is the path of the server's socket.
    SockFile,
}

/// A unix socket named in the host list, with the port written after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Socket {
    pub path: String,
    pub port: Option<u16>,
}

impl Rules {
    pub(crate) fn expected_schemes(&self) -> String {
        let names: Vec<&str> = self.schemes.iter().map(|(s, _)| *s).collect();
        names.join(", ")
    }
}

/// A URL taken apart. User name and password are percent-decoded; path and
/// query are kept as written (their percent-encoding checked), with the query
/// pairs also decoded.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Parts {
    pub scheme: &'static str,
    pub default_port: u16,
    pub user: String,
    pub password: Option<String>,
    /// The hosts to connect to; a type may replace them (PostgreSQL's
    /// `host` parameter).
    pub hosts: Vec<Host>,
    /// The unix sockets of the host list, in order.
    pub sockets: Vec<Socket>,
    /// A port written without a host (`:5433`), where the rules allow it.
    pub bare_port: Option<u16>,
    /// The host list as written back: hosts in ASCII, socket paths
    /// percent-encoded, ports as given.
    pub host_list: String,
    pub path: String,
    pub query: Option<String>,
    pub params: Vec<(String, String)>,
    pub fragment: Option<String>,
}

fn err(reason: &'static str) -> ValueError {
    ValueError::new(reason)
}

/// Rejects what no URL form of this crate accepts: nothing, whitespace
/// around it, and whitespace or control characters inside it when
/// `inner_spaces` is false.
pub(crate) fn check_text(text: &str, inner_spaces: bool) -> Result<(), ValueError> {
    if text.trim().is_empty() {
        return Err(err("empty URL"));
    }
    if text.trim() != text {
        return Err(err("whitespace around the URL"));
    }
    if text.chars().any(char::is_control) {
        return Err(err("control characters in URL"));
    }
    if !inner_spaces && text.chars().any(char::is_whitespace) {
        return Err(err("whitespace in URL; percent-encode a space as %20"));
    }
    Ok(())
}

/// The scheme of `text` if it is one of `schemes` (any case), and the rest
/// after `scheme:`.
pub(crate) fn split_scheme<'t>(
    text: &'t str,
    schemes: &[&'static str],
    expected: &str,
) -> Result<(&'static str, &'t str), ValueError> {
    let Some(colon) = text.find(':') else {
        return Err(ValueError::new(format!(
            "missing scheme; expected one of: {expected}"
        )));
    };
    let candidate = &text[..colon];
    match schemes.iter().find(|s| s.eq_ignore_ascii_case(candidate)) {
        Some(scheme) => Ok((scheme, &text[colon + 1..])),
        None if text.contains("://") => Err(ValueError::new(format!(
            "unsupported scheme; expected one of: {expected}"
        ))),
        None => Err(ValueError::new(format!(
            "missing scheme; expected one of: {expected}"
        ))),
    }
}

impl Parts {
    pub(crate) fn parse(text: &str, rules: &Rules) -> Result<Parts, ValueError> {
        check_text(text, false)?;
        let names: Vec<&'static str> = rules.schemes.iter().map(|(s, _)| *s).collect();
        let (scheme, rest) = split_scheme(text, &names, &rules.expected_schemes())?;
        let default_port = rules
            .schemes
            .iter()
            .find(|(s, _)| *s == scheme)
            .map_or(0, |(_, p)| *p);
        let Some(rest) = rest.strip_prefix("//") else {
            return Err(err("expected // after the scheme"));
        };
        // The same cut as the report's masking: the authority ends at the
        // first `/`, `?` or `#`, and the user information at its last `@`.
        let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(authority_len);
        let (userinfo, host_list) = match authority.rfind('@') {
            Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
            None => (None, authority),
        };
        // An empty password (`user:@host`) is kept as written: some drivers
        // read it as a password, others as none; each type decides.
        let (user, password) = match userinfo {
            None => (String::new(), None),
            Some(info) => match info.split_once(':') {
                Some((user, password)) => (
                    decode(user, "invalid percent-encoding in user name")?,
                    Some(decode(password, "invalid percent-encoding in password")?),
                ),
                None => (decode(info, "invalid percent-encoding in user name")?, None),
            },
        };
        let list = parse_hosts(host_list, default_port, rules).map_err(|e| {
            // `u:pa#ss@h`: the authority ended at the `#` of the password.
            if userinfo.is_none() && rest.contains('@') {
                err("invalid host or port; percent-encode any /, ? or # in the password")
            } else {
                e
            }
        })?;
        let host_list = write_hosts(&list);
        let mut hosts = Vec::new();
        let mut sockets = Vec::new();
        let mut bare_port = None;
        for entry in list {
            match entry {
                Entry::Host(host) => hosts.push(host),
                Entry::Socket(socket) => sockets.push(socket),
                Entry::Port(port) => bare_port = Some(port),
            }
        }
        if hosts.len() + sockets.len() > 1 && !rules.multi_host {
            return Err(err("more than one host; this scheme takes one"));
        }
        let (before_fragment, fragment) = match rest.split_once('#') {
            Some((before, fragment)) => (before, Some(fragment.to_owned())),
            None => (rest, None),
        };
        if fragment.is_some() && !rules.fragment {
            return Err(err(
                "unexpected #fragment; percent-encode # in a password as %23",
            ));
        }
        let (path, query) = match before_fragment.split_once('?') {
            Some((path, query)) => (path, Some(query.to_owned())),
            None => (before_fragment, None),
        };
        decode(path, "invalid percent-encoding in path")?;
        let params = match &query {
            Some(query) => parse_query(query)?,
            None => Vec::new(),
        };
        Ok(Parts {
            scheme,
            default_port,
            user,
            password,
            hosts,
            sockets,
            bare_port,
            host_list,
            path: path.to_owned(),
            query,
            params,
            fragment,
        })
    }

    /// The port of the first host, socket or bare port, as written.
    pub(crate) fn first_port(&self) -> Option<u16> {
        match self.hosts.first() {
            Some(host) => host.port(),
            None => self
                .sockets
                .first()
                .map_or(self.bare_port, |socket| socket.port),
        }
    }

    /// The last value of a query parameter, decoded.
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The path without its leading `/`, percent-decoded; `None` when empty.
    pub(crate) fn first_segment(&self, what: &'static str) -> Result<Option<String>, ValueError> {
        let path = self.path.strip_prefix('/').unwrap_or(&self.path);
        if path.is_empty() {
            return Ok(None);
        }
        if path.contains('/') {
            return Err(ValueError::new(format!(
                "{what} must be one path segment; percent-encode / as %2f"
            )));
        }
        decode(path, "invalid percent-encoding in path").map(Some)
    }

    /// The URL in canonical form: scheme in lowercase, user information
    /// percent-encoded, hosts in ASCII, the rest as written. With `masked`,
    /// the password and the values of sensitive query parameters are `***`.
    pub(crate) fn write(&self, out: &mut impl fmt::Write, masked: bool) -> fmt::Result {
        write!(out, "{}://", self.scheme)?;
        if !self.user.is_empty() || self.password.is_some() {
            out.write_str(&encode(&self.user))?;
            if let Some(password) = &self.password {
                out.write_char(':')?;
                if masked {
                    out.write_str(MASK)?;
                } else {
                    out.write_str(&encode(password))?;
                }
            }
            out.write_char('@')?;
        }
        out.write_str(&self.host_list)?;
        out.write_str(&self.path)?;
        if let Some(query) = &self.query {
            out.write_char('?')?;
            if masked {
                out.write_str(&mask_query(query))?;
            } else {
                out.write_str(query)?;
            }
        }
        if let Some(fragment) = &self.fragment {
            write!(out, "#{fragment}")?;
        }
        Ok(())
    }

    /// Overwrites every part that may hold a secret.
    pub(crate) fn zeroize(&mut self) {
        use zeroize::Zeroize;
        self.user.zeroize();
        self.password.zeroize();
        self.host_list.zeroize();
        for socket in &mut self.sockets {
            socket.path.zeroize();
        }
        self.path.zeroize();
        self.query.zeroize();
        for (key, value) in &mut self.params {
            key.zeroize();
            value.zeroize();
        }
        self.fragment.zeroize();
    }

    pub(crate) fn to_canonical(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write(&mut out, false);
        out
    }
}

/// One item of a host list.
enum Entry {
    Host(Host),
    Socket(Socket),
    /// A port without a host.
    Port(u16),
}

fn write_hosts(list: &[Entry]) -> String {
    let mut out = String::new();
    for (i, entry) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let port = match entry {
            Entry::Host(host) => {
                out.push_str(host.host_str());
                host.port()
            }
            Entry::Socket(socket) => {
                out.push_str(&encode(&socket.path));
                socket.port
            }
            Entry::Port(port) => Some(*port),
        };
        if let Some(port) = port {
            out.push(':');
            out.push_str(&port.to_string());
        }
    }
    out
}

fn parse_hosts(list: &str, default_port: u16, rules: &Rules) -> Result<Vec<Entry>, ValueError> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let entries = list
        .split(',')
        .map(|item| parse_host(item, default_port, rules))
        .collect::<Result<Vec<Entry>, ValueError>>()?;
    if entries.len() > 1 && entries.iter().any(|e| matches!(e, Entry::Port(_))) {
        return Err(err("empty host in host list"));
    }
    Ok(entries)
}

fn parse_host(item: &str, default_port: u16, rules: &Rules) -> Result<Entry, ValueError> {
    if item.is_empty() {
        return Err(err("empty host in host list"));
    }
    let (host, port) = if item.starts_with('[') {
        let Some(end) = item.find(']') else {
            return Err(err("invalid IPv6 address: missing ]"));
        };
        let after = &item[end + 1..];
        let port = match after.strip_prefix(':') {
            Some(port) => Some(port),
            None if after.is_empty() => None,
            None => return Err(err("unexpected text after an IPv6 address")),
        };
        (&item[..=end], port)
    } else {
        match item.split_once(':') {
            Some((_, port)) if port.contains(':') => {
                return Err(err("IPv6 address without brackets; write it as [::1]"))
            }
            Some((host, port)) => (host, Some(port)),
            None => (item, None),
        }
    };
    let port = match port {
        None | Some("") => None,
        Some(port) => Some(parse_port(port)?),
    };
    if host.is_empty() && rules.bare_port {
        if let Some(port) = port {
            return Ok(Entry::Port(port));
        }
    }
    if rules.sockets != Sockets::None {
        let path = decode(host, "invalid percent-encoding in host")?;
        let socket = match rules.sockets {
            Sockets::Directory => path.starts_with('/') || path.starts_with('@'),
            Sockets::SockFile => path.ends_with(".sock"),
            Sockets::None => false,
        };
        if socket {
            if path.chars().any(char::is_control) {
                return Err(err("control characters in a socket path"));
            }
            return Ok(Entry::Socket(Socket { path, port }));
        }
    }
    if host.is_empty() {
        return Err(err("empty host"));
    }
    let parsed =
        url::Host::parse(host).map_err(|e| ValueError::new(format!("invalid host: {e}")))?;
    // The URL standard accepts (and percent-decodes to) characters such as
    // `,` and `*` in a host; no resolver does, and a `,` would turn one host
    // into a host list when the URL is written out again.
    if let url::Host::Domain(name) = &parsed {
        let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
        if !name.bytes().all(allowed) {
            return Err(err(
                "invalid host: a host name has only letters, digits, '-', '_' and '.'",
            ));
        }
    }
    Ok(Entry::Host(Host::new(parsed, port, default_port)))
}

/// A TCP port: decimal digits, 1..=65535. Port 0 is rejected: no server
/// listens on it, and to a client it means "any", which is never meant.
pub(crate) fn parse_port(text: &str) -> Result<u16, ValueError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err("invalid port number"));
    }
    match text.parse::<u16>() {
        Ok(0) | Err(_) => Err(err("port out of range 1..=65535")),
        Ok(port) => Ok(port),
    }
}

fn parse_query(query: &str) -> Result<Vec<(String, String)>, ValueError> {
    const BAD: &str = "invalid percent-encoding in query";
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(key, BAD)?, decode(value, BAD)?))
        })
        .collect()
}

/// The query read as an HTML form, as drivers built on `url::Url`'s
/// `query_pairs` read it: `+` is a space. Percent-encoding is still checked
/// strictly.
pub(crate) fn parse_form(query: &str) -> Result<Vec<(String, String)>, ValueError> {
    if !query.contains('+') {
        return parse_query(query);
    }
    parse_query(&query.replace('+', "%20"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports() {
        assert_eq!(parse_port("1").unwrap(), 1);
        assert_eq!(parse_port("65535").unwrap(), 65535);
        assert_eq!(parse_port("05432").unwrap(), 5432);
        assert_eq!(
            parse_port("0").unwrap_err().reason(),
            "port out of range 1..=65535"
        );
        assert_eq!(
            parse_port("65536").unwrap_err().reason(),
            "port out of range 1..=65535"
        );
        assert_eq!(
            parse_port("+80").unwrap_err().reason(),
            "invalid port number"
        );
        assert_eq!(
            parse_port("8o").unwrap_err().reason(),
            "invalid port number"
        );
    }
}
