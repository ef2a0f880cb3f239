//! `DatabaseUrl`: a PostgreSQL, MySQL or SQLite URL.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::masking::redact;
use super::parts::{check_text, split_scheme};
use super::{Host, MysqlUrl, PostgresUrl, SqliteUrl};
use crate::value::{EnvValue, ValueError};

/// Which database a [`DatabaseUrl`] is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DatabaseKind {
    /// PostgreSQL: `postgres://`, `postgresql://`.
    Postgres,
    /// MySQL or MariaDB: `mysql://`, `mariadb://`.
    Mysql,
    /// SQLite: `sqlite:`.
    Sqlite,
}

/// The URL of a PostgreSQL, MySQL or SQLite database, told apart by its
/// scheme, for services that support more than one (`DATABASE_URL`).
///
/// Each variant holds the type of its database, with its rules and
/// accessors; the methods here cover what they share.
///
/// ```
/// use twelve_config::{DatabaseKind, DatabaseUrl};
///
/// let url: DatabaseUrl = "mariadb://shop:pw@db.internal/orders".parse().unwrap();
/// assert_eq!(url.kind(), DatabaseKind::Mysql);
/// assert_eq!(url.database(), Some("orders"));
/// assert_eq!(url.to_string(), "mariadb://shop:***@db.internal/orders");
///
/// match "sqlite::memory:".parse::<DatabaseUrl>().unwrap() {
///     DatabaseUrl::Sqlite(sqlite) => assert!(sqlite.is_memory()),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DatabaseUrl {
    /// A PostgreSQL URL.
    Postgres(PostgresUrl),
    /// A MySQL or MariaDB URL.
    Mysql(MysqlUrl),
    /// A SQLite URL.
    Sqlite(SqliteUrl),
}

const SCHEMES: [&str; 5] = ["postgres", "postgresql", "mysql", "mariadb", "sqlite"];

impl DatabaseUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        check_text(text, true)?;
        let (scheme, _) = split_scheme(text, &SCHEMES, &SCHEMES.join(", "))?;
        Ok(match scheme {
            "postgres" | "postgresql" => DatabaseUrl::Postgres(text.parse()?),
            "mysql" | "mariadb" => DatabaseUrl::Mysql(text.parse()?),
            _ => DatabaseUrl::Sqlite(text.parse()?),
        })
    }

    /// Which database the URL is for.
    pub fn kind(&self) -> DatabaseKind {
        match self {
            DatabaseUrl::Postgres(_) => DatabaseKind::Postgres,
            DatabaseUrl::Mysql(_) => DatabaseKind::Mysql,
            DatabaseUrl::Sqlite(_) => DatabaseKind::Sqlite,
        }
    }

    /// Every host, each with its port; empty for SQLite and unix sockets.
    pub fn hosts(&self) -> &[Host] {
        match self {
            DatabaseUrl::Postgres(url) => url.hosts(),
            DatabaseUrl::Mysql(url) => url.hosts(),
            DatabaseUrl::Sqlite(_) => &[],
        }
    }

    /// The user name, percent-decoded, if given.
    pub fn username(&self) -> Option<&str> {
        match self {
            DatabaseUrl::Postgres(url) => url.username(),
            DatabaseUrl::Mysql(url) => url.username(),
            DatabaseUrl::Sqlite(_) => None,
        }
    }

    /// The database name (PostgreSQL, MySQL), if given; `None` for SQLite,
    /// whose database is a file: see [`SqliteUrl::path`].
    pub fn database(&self) -> Option<&str> {
        match self {
            DatabaseUrl::Postgres(url) => url.database(),
            DatabaseUrl::Mysql(url) => url.database(),
            DatabaseUrl::Sqlite(_) => None,
        }
    }

    /// Whether the connection must use TLS; never for SQLite.
    pub fn requires_tls(&self) -> bool {
        match self {
            DatabaseUrl::Postgres(url) => url.requires_tls(),
            DatabaseUrl::Mysql(url) => url.requires_tls(),
            DatabaseUrl::Sqlite(_) => false,
        }
    }

    /// The password, percent-decoded, if given. It is a secret.
    pub fn expose_password(&self) -> Option<&str> {
        match self {
            DatabaseUrl::Postgres(url) => url.expose_password(),
            DatabaseUrl::Mysql(url) => url.expose_password(),
            DatabaseUrl::Sqlite(_) => None,
        }
    }

    /// The whole connection string, password included, to hand to a
    /// driver. It is a secret.
    pub fn expose_url(&self) -> &str {
        match self {
            DatabaseUrl::Postgres(url) => url.expose_url(),
            DatabaseUrl::Mysql(url) => url.expose_url(),
            DatabaseUrl::Sqlite(url) => url.expose_url(),
        }
    }
}

impl FromStr for DatabaseUrl {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, ValueError> {
        DatabaseUrl::parse_text(text)
    }
}

/// The URL with its password masked.
impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Postgres(url) => url.fmt(f),
            DatabaseUrl::Mysql(url) => url.fmt(f),
            DatabaseUrl::Sqlite(url) => url.fmt(f),
        }
    }
}

/// Overwrites the URL of the variant, so that `SecretBox<DatabaseUrl>` wipes
/// it when dropped.
impl zeroize::Zeroize for DatabaseUrl {
    fn zeroize(&mut self) {
        match self {
            DatabaseUrl::Postgres(url) => url.zeroize(),
            DatabaseUrl::Mysql(url) => url.zeroize(),
            DatabaseUrl::Sqlite(url) => url.zeroize(),
        }
    }
}

impl EnvValue for DatabaseUrl {
    const CREDENTIAL: bool = true;

    fn expected() -> Cow<'static, str> {
        "database URL such as postgres://user:pass@host/db, mysql://user:pass@host/db or sqlite://data.db"
            .into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        DatabaseUrl::parse_text(text)
    }

    fn redact(text: &str) -> Option<Cow<'_, str>> {
        Some(redact(text, DatabaseUrl::parse_text(text).is_ok()))
    }
}
