//! `SmtpUrl`.

use super::parts::{Parts, Rules, Sockets};
use super::{truthy, url_type};
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[("smtp", 25), ("smtps", 465)],
    multi_host: false,
    fragment: false,
    sockets: Sockets::None,
    bare_port: false,
};

/// An SMTP relay URL, as lettre reads it: `smtp://` (port 25) or `smtps://`
/// (TLS from the start, port 465). A host is required.
///
/// lettre logs in only when the URL has a password, with the user name as
/// written (even empty): `smtp://:pw@host` logs in as `""`. A user name
/// without a password (`smtp://user@host`, `smtp://user:@host`) would be
/// ignored, the mail then sent without logging in; it is refused, with a
/// reason that says to add the password.
///
/// `smtp://host:587?tls=required` asks for STARTTLS and counts as requiring
/// TLS, as does `tls=true`; `tls=opportunistic` does not.
///
/// ```
/// use twelve_config::SmtpUrl;
///
/// let url: SmtpUrl = "smtps://mailer%40example.com:pw@mail.example.com".parse().unwrap();
/// assert_eq!(url.username(), Some("mailer@example.com"));
/// assert_eq!(url.port_or_default(), 465);
/// assert!(url.requires_tls());
/// assert_eq!(url.to_string(), "smtps://mailer%40example.com:***@mail.example.com");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    parts: Parts,
    url: String,
}

url_type!(
    SmtpUrl,
    "SMTP URL such as smtps://user:pass@mail.example.com:465"
);

impl SmtpUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        let parts = Parts::parse(text, &RULES)?;
        if parts.hosts.is_empty() {
            return Err(ValueError::new("missing host"));
        }
        if !parts.user.is_empty() && parts.password.as_deref().is_none_or(str::is_empty) {
            return Err(ValueError::new(
                "a user name without a password, which lettre ignores; write smtp://user:password@host",
            ));
        }
        let url = parts.to_canonical();
        Ok(SmtpUrl { parts, url })
    }

    // lettre logs in with the user name as written whenever there is a
    // (non-empty) password, and not at all otherwise.
    fn user_value(&self) -> Option<&str> {
        self.password_value().map(|_| self.parts.user.as_str())
    }

    fn password_value(&self) -> Option<&str> {
        self.parts.password.as_deref().filter(|p| !p.is_empty())
    }

    /// Whether the connection must use TLS: the scheme is `smtps`, or `tls`
    /// is `required` or `true`.
    pub fn requires_tls(&self) -> bool {
        let tls = self.parts.param("tls");
        self.parts.scheme == "smtps"
            || tls.is_some_and(|t| t.eq_ignore_ascii_case("required"))
            || truthy(tls)
    }
}
