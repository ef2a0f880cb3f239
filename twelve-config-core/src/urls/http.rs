//! `HttpUrl`.

use super::parts::{Parts, Rules, Sockets};
use super::url_type;
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[("http", 80), ("https", 443)],
    multi_host: false,
    fragment: true,
    sockets: Sockets::None,
    bare_port: false,
};

/// An HTTP or HTTPS URL of a backing service (an API, a webhook), default
/// port 80 or 443. A host is required; the URL must also be valid to the
/// `url` crate, as HTTP clients parse it.
///
/// The credentials are read as the URL standard and clients such as
/// `reqwest` read them for Basic authentication: a password with an empty
/// user name (`https://:t0ken@host`) gives the user name `""`, and an empty
/// password is none.
///
/// ```
/// use twelve_config::HttpUrl;
///
/// let url: HttpUrl = "https://bot:t0ken@api.example.com/v1?region=eu".parse().unwrap();
/// assert_eq!(url.port_or_default(), 443);
/// assert_eq!(url.path(), "/v1");
/// assert_eq!(url.query(), Some("region=eu"));
/// assert!(url.requires_tls());
/// assert_eq!(url.to_string(), "https://bot:***@api.example.com/v1?region=eu");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct HttpUrl {
    parts: Parts,
    url: String,
}

url_type!(HttpUrl, "HTTP URL such as https://example.com/path");

impl HttpUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        let parts = Parts::parse(text, &RULES)?;
        if parts.hosts.is_empty() {
            return Err(ValueError::new("missing host"));
        }
        let url = parts.to_canonical();
        // url's errors are fixed phrases that never quote the input.
        url::Url::parse(&url).map_err(|e| ValueError::new(e.to_string()))?;
        Ok(HttpUrl { parts, url })
    }

    // Clients send Basic credentials when there is a user name or a
    // non-empty password, and the URL standard has no empty password.
    fn user_value(&self) -> Option<&str> {
        Some(self.parts.user.as_str()).filter(|u| !u.is_empty() || self.password_value().is_some())
    }

    fn password_value(&self) -> Option<&str> {
        self.parts.password.as_deref().filter(|p| !p.is_empty())
    }

    /// The path as written, `""` when absent.
    pub fn path(&self) -> &str {
        &self.parts.path
    }

    /// The query as written, without `?`.
    pub fn query(&self) -> Option<&str> {
        self.parts.query.as_deref()
    }

    /// Whether the connection uses TLS: the scheme is `https`.
    pub fn requires_tls(&self) -> bool {
        self.parts.scheme == "https"
    }
}
