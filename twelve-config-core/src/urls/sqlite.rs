//! `SqliteUrl`.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::parts::{check_text, split_scheme};
use super::percent::decode;
use crate::value::{EnvValue, ValueError};

/// The query parameters sqlx's SQLite driver accepts; it rejects others.
const PARAMS: [&str; 4] = ["mode", "cache", "immutable", "vfs"];

/// A SQLite database URL, as sqlx reads it.
///
/// - `sqlite://data.db` or `sqlite:data.db`: the file `data.db`, relative
///   to the working directory; `sqlite:///var/lib/app/data.db` is absolute.
/// - `sqlite::memory:` (or `sqlite://:memory:`): an in-memory database.
/// - Options after `?`: `mode` (`ro`, `rw`, `rwc`, `memory`), `cache`
///   (`shared`, `private`), `immutable` (`true`, `false`) and `vfs`; any
///   other parameter is an error, as in sqlx.
///
/// The path is percent-decoded (`%3F` for a `?` in a file name) and may
/// contain spaces. A SQLite URL has no password, so `Display` shows it
/// whole.
///
/// ```
/// use std::path::Path;
/// use twelve_config::SqliteUrl;
///
/// let url: SqliteUrl = "sqlite:///var/lib/app/data.db?mode=ro".parse().unwrap();
/// assert_eq!(url.path(), Some(Path::new("/var/lib/app/data.db")));
/// assert_eq!(url.param("mode"), Some("ro"));
///
/// let memory: SqliteUrl = "sqlite::memory:".parse().unwrap();
/// assert!(memory.is_memory());
/// assert_eq!(memory.path(), None);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SqliteUrl {
    url: String,
    path: Option<PathBuf>,
    memory: bool,
    params: Vec<(String, String)>,
}

impl SqliteUrl {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        check_text(text, true)?;
        let (scheme, rest) = split_scheme(text, &["sqlite"], "sqlite")?;
        let body = rest.strip_prefix("//").unwrap_or(rest);
        let (database, query) = match body.split_once('?') {
            Some((database, query)) => (database, Some(query)),
            None => (body, None),
        };
        let mut params = Vec::new();
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            const BAD: &str = "invalid percent-encoding in query";
            let (key, value) = (decode(key, BAD)?, decode(value, BAD)?);
            let allowed: &[&str] = match key.as_str() {
                "mode" => &["ro", "rw", "rwc", "memory"],
                "cache" => &["shared", "private"],
                "immutable" => &["true", "false"],
                "vfs" => &[],
                _ => {
                    return Err(ValueError::new(format!(
                        "unknown query parameter; expected one of: {}",
                        PARAMS.join(", ")
                    )))
                }
            };
            if !allowed.is_empty() && !allowed.contains(&value.as_str()) {
                return Err(ValueError::new(format!(
                    "invalid {key}; expected one of: {}",
                    allowed.join(", ")
                )));
            }
            params.push((key, value));
        }
        let mode_memory = params.iter().any(|(k, v)| k == "mode" && v == "memory");
        let (path, memory) = if database == ":memory:" {
            (None, true)
        } else if database.is_empty() {
            if !mode_memory {
                return Err(ValueError::new("missing database file path"));
            }
            (None, true)
        } else {
            let path = decode(database, "invalid percent-encoding in path")?;
            (Some(PathBuf::from(path)), mode_memory)
        };
        Ok(SqliteUrl {
            url: format!("{scheme}:{rest}"),
            path,
            memory,
            params,
        })
    }

    /// The database file, percent-decoded; `None` for `sqlite::memory:`.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the database is in memory: `sqlite::memory:` or `mode=memory`.
    pub fn is_memory(&self) -> bool {
        self.memory
    }

    /// The last value of a query parameter, percent-decoded.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The URL to hand to a driver, with the scheme in lowercase. It holds
    /// no secret; the name matches the other URL types.
    pub fn expose_url(&self) -> &str {
        &self.url
    }
}

impl FromStr for SqliteUrl {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, ValueError> {
        SqliteUrl::parse_text(text)
    }
}

impl fmt::Display for SqliteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

impl fmt::Debug for SqliteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SqliteUrl").field(&self.url).finish()
    }
}

/// Overwrites the URL, so that `SecretBox<SqliteUrl>` wipes it when dropped.
impl zeroize::Zeroize for SqliteUrl {
    fn zeroize(&mut self) {
        self.url.zeroize();
        for (key, value) in &mut self.params {
            key.zeroize();
            value.zeroize();
        }
    }
}

impl EnvValue for SqliteUrl {
    fn expected() -> Cow<'static, str> {
        "SQLite URL such as sqlite://data.db or sqlite::memory:".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        SqliteUrl::parse_text(text)
    }
}
