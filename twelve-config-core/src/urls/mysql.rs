//! `MysqlUrl`.

use super::parts::{Parts, Rules, Sockets};
use super::{truthy, url_type};
use crate::value::ValueError;

const RULES: Rules = Rules {
    schemes: &[("mysql", 3306), ("mariadb", 3306)],
    multi_host: false,
    fragment: false,
    sockets: Sockets::None,
    bare_port: false,
};

const SSL_MODES: [&str; 5] = [
    "disabled",
    "preferred",
    "required",
    "verify_ca",
    "verify_identity",
];

/// A MySQL or MariaDB connection URL: `mysql://` or `mariadb://`, default
/// port 3306, one host.
///
/// A host is required, unless the `socket` parameter names the server's
/// unix socket (`mysql://app@/shop?socket=/run/mysqld/mysqld.sock`); some
/// clients would connect to `localhost`, but a service's configuration should
/// name its server. `ssl-mode` (or `sslmode`), as sqlx and the MySQL clients
/// spell it, must be one of `disabled`, `preferred`, `required`, `verify_ca`
/// or `verify_identity` (any case, `-` or `_`).
///
/// ```
/// use twelve_config::MysqlUrl;
///
/// let url: MysqlUrl = "mysql://shop:pw@[::1]/orders?ssl-mode=REQUIRED".parse().unwrap();
/// assert_eq!(url.host_str(), Some("[::1]"));
/// assert_eq!(url.port_or_default(), 3306);
/// assert_eq!(url.database(), Some("orders"));
/// assert!(url.requires_tls());
/// assert_eq!(url.to_string(), "mysql://shop:***@[::1]/orders?ssl-mode=REQUIRED");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct MysqlUrl {
    parts: Parts,
    url: String,
    database: Option<String>,
}

url_type!(MysqlUrl, "MySQL URL such as mysql://user:pass@host:3306/db");

impl MysqlUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        let parts = Parts::parse(text, &RULES)?;
        if parts.hosts.is_empty() && parts.param("socket").is_none() {
            return Err(ValueError::new("missing host"));
        }
        if let Some(mode) = ssl_mode(&parts) {
            if !SSL_MODES.contains(&mode.as_str()) {
                return Err(ValueError::new(format!(
                    "invalid ssl-mode; expected one of: {}",
                    SSL_MODES.join(", ")
                )));
            }
        }
        let database = parts.first_segment("the database name")?;
        let url = parts.to_canonical();
        Ok(MysqlUrl {
            parts,
            url,
            database,
        })
    }

    // The drivers parse with `url::Url`, which has no empty user name or
    // password.
    fn user_value(&self) -> Option<&str> {
        Some(self.parts.user.as_str()).filter(|u| !u.is_empty())
    }

    fn password_value(&self) -> Option<&str> {
        self.parts.password.as_deref().filter(|p| !p.is_empty())
    }

    /// The database name, percent-decoded, if given.
    pub fn database(&self) -> Option<&str> {
        self.database.as_deref()
    }

    /// The path of the server's unix socket (`socket` parameter), if given.
    pub fn socket(&self) -> Option<&str> {
        self.parts.param("socket")
    }

    /// Whether the connection must use TLS: `ssl-mode` is `required`,
    /// `verify_ca` or `verify_identity`, or `ssl`, `tls` or `require_ssl` is
    /// `true`.
    pub fn requires_tls(&self) -> bool {
        matches!(
            ssl_mode(&self.parts).as_deref(),
            Some("required" | "verify_ca" | "verify_identity")
        ) || ["ssl", "tls", "require_ssl"]
            .iter()
            .any(|k| truthy(self.parts.param(k)))
    }
}

/// `ssl-mode` or `sslmode`, in lowercase with `_`.
fn ssl_mode(parts: &Parts) -> Option<String> {
    parts
        .param("ssl-mode")
        .or_else(|| parts.param("sslmode"))
        .map(|m| m.to_ascii_lowercase().replace('-', "_"))
}
