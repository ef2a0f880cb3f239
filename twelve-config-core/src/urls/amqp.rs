//! `AmqpUrl`.

use super::parts::{Parts, Rules};
use super::url_type;
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[("amqp", 5672), ("amqps", 5671)],
    multi_host: false,
    fragment: false,
};

/// An AMQP 0-9-1 (RabbitMQ) connection URL: `amqp://` (port 5672) or
/// `amqps://` (TLS, port 5671).
///
/// The path is the virtual host, percent-decoded: `/%2f` is the vhost `/`,
/// `/billing` the vhost `billing`. No path, or `/` alone, means the default
/// vhost `/`, as lapin and pika read it (the RabbitMQ URI specification
/// reads `/` alone as the empty vhost, which no server has by default). A
/// vhost is one path segment: a `/` in it must be written `%2f`. A host is
/// required.
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
        if parts.hosts.is_empty() {
            return Err(ValueError::new("missing host"));
        }
        let vhost = parts
            .first_segment("the vhost")?
            .unwrap_or_else(|| "/".to_owned());
        let url = parts.to_canonical();
        Ok(AmqpUrl { parts, url, vhost })
    }

    fn user_value(&self) -> Option<&str> {
        Some(&self.parts.user)
    }

    fn password_value(&self) -> Option<&str> {
        self.parts.password.as_deref()
    }

    /// The virtual host, percent-decoded; `/` when not given.
    pub fn vhost(&self) -> &str {
        &self.vhost
    }

    /// Whether the connection uses TLS: the scheme is `amqps`.
    pub fn requires_tls(&self) -> bool {
        self.parts.scheme == "amqps"
    }
}
