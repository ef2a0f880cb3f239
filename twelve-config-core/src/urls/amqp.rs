//! `AmqpUrl`.

use super::parts::{Parts, Rules, Sockets};
use super::percent::decode;
use super::url_type;
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[("amqp", 5672), ("amqps", 5671)],
    multi_host: false,
    fragment: false,
    sockets: Sockets::None,
    bare_port: true,
};

/// An AMQP 0-9-1 (RabbitMQ) connection URL: `amqp://` (port 5672) or
/// `amqps://` (TLS, port 5671), read as the RabbitMQ URI specification
/// defines it.
///
/// Every part may be absent, the client then using its default: `amqp://`
/// alone is valid (host `localhost` in every client, port 5672, user and
/// password `guest`, vhost `/`); [`hosts`](Self::hosts) is then empty, and a
/// port may stand alone (`amqp://:5673`).
///
/// The path is the virtual host, percent-decoded, one path segment (a `/` in
/// it is written `%2f`). The specification tells an absent path from an
/// empty one: `amqp://host` names no vhost, so the default `/` applies,
/// while `amqp://host/` names the vhost `""`, which a server has only if it
/// was created. `/%2f` is the vhost `/`, `/billing` the vhost `billing`.
///
/// The user name and password are taken as written: `amqp://:@host` gives the
/// empty user name and the empty password, not the defaults.
///
/// ```
/// use twelve_config::AmqpUrl;
///
/// let url: AmqpUrl = "amqps://app:pw@mq.internal/%2fbilling".parse().unwrap();
/// assert_eq!(url.vhost(), "/billing");
/// assert_eq!(url.port_or_default(), 5671);
/// assert!(url.requires_tls());
/// assert_eq!(url.to_string(), "amqps://app:***@mq.internal/%2fbilling");
///
/// let default: AmqpUrl = "amqp://mq.internal".parse().unwrap();
/// assert_eq!(default.vhost(), "/");
/// let empty: AmqpUrl = "amqp://mq.internal/".parse().unwrap();
/// assert_eq!(empty.vhost(), "");
/// let local: AmqpUrl = "amqp://".parse().unwrap();
/// assert_eq!(local.host_str(), None);
/// assert_eq!(local.port_or_default(), 5672);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AmqpUrl {
    parts: Parts,
    url: String,
    vhost: String,
}

url_type!(AmqpUrl, "AMQP URL such as amqp://user:pass@host:5672/%2f");

impl AmqpUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        let parts = Parts::parse(text, &RULES)?;
        let vhost = match parts.path.strip_prefix('/') {
            // No path: the client's default vhost.
            None => "/".to_owned(),
            Some(segment) if segment.contains('/') => {
                return Err(ValueError::new(
                    "the vhost must be one path segment; percent-encode / as %2f",
                ))
            }
            Some(segment) => decode(segment, "invalid percent-encoding in path")?,
        };
        let url = parts.to_canonical();
        Ok(AmqpUrl { parts, url, vhost })
    }

    // `amqp://:@host` gives the empty user name, `amqp://host` none.
    fn user_value(&self) -> Option<&str> {
        Some(self.parts.user.as_str()).filter(|u| !u.is_empty() || self.parts.password.is_some())
    }

    fn password_value(&self) -> Option<&str> {
        self.parts.password.as_deref()
    }

    /// The virtual host, percent-decoded; `/` when there is no path, `""`
    /// when the path is `/` alone.
    pub fn vhost(&self) -> &str {
        &self.vhost
    }

    /// Whether the connection uses TLS: the scheme is `amqps`.
    pub fn requires_tls(&self) -> bool {
        self.parts.scheme == "amqps"
    }
}
