//! The value types and parsers of sccache's variables, read as sccache reads
//! them.

use std::borrow::Cow;

use twelve_config::{EnvValue, ValueError};

/// sccache's `bool_from_env_var`: `true`, `on`, `1`, `false`, `off` or `0`,
/// any case (no `yes`/`no`, which the library's `bool` would take).
pub(crate) fn sccache_bool(text: &str) -> Result<bool, String> {
    match text.to_lowercase().as_str() {
        "true" | "on" | "1" => Ok(true),
        "false" | "off" | "0" => Ok(false),
        _ => Err("sccache reads no other text".into()),
    }
}

/// [`sccache_bool`] as a value type, for a switch of an optional group:
/// the type says which values mean off (`false`, `off`, `0`), which a
/// `with` function cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OnOff(pub(crate) bool);

impl EnvValue for OnOff {
    const OFF: &'static [&'static str] = &["false", "off", "0"];

    fn expected() -> Cow<'static, str> {
        "true, on, 1, false, off or 0 (any case)".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        sccache_bool(text).map(OnOff).map_err(ValueError::new)
    }
}

/// sccache's `key_prefix_from_env_var`: trailing slashes are dropped.
pub(crate) fn key_prefix(text: &str) -> Result<String, std::convert::Infallible> {
    Ok(text.trim_end_matches('/').to_owned())
}

/// A switch sccache compares with `== "1"`: exactly `1` is on, `0` off;
/// any other text is off too (read with `invalid = "unset"`, which warns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct One(pub(crate) bool);

impl EnvValue for One {
    fn expected() -> Cow<'static, str> {
        "1 to turn it on".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        match text {
            "1" => Ok(One(true)),
            "0" => Ok(One(false)),
            _ => Err(ValueError::new("only 1 turns it on")),
        }
    }
}

/// A cache's `*_RW_MODE`, read upper-cased as `cache_mode_from_env_var` does.
#[derive(EnvValue, Debug, Clone, Copy, PartialEq, Eq)]
#[config(rename_all = "SCREAMING_SNAKE_CASE")]
pub(crate) enum CacheMode {
    /// Only read from the cache.
    ReadOnly,
    /// Read and write.
    ReadWrite,
}

/// `SCCACHE_MULTILEVEL_WRITE_ERROR_POLICY`, any case.
#[derive(EnvValue, Debug, Clone, Copy, PartialEq, Eq)]
#[config(rename_all = "lowercase")]
pub(crate) enum WriteErrorPolicy {
    /// Never fail on a write error.
    Ignore,
    /// Fail when the first level fails to write.
    L0,
    /// Fail when any read-write level fails to write.
    All,
}

/// A level of `SCCACHE_MULTILEVEL_CHAIN`: sccache compares the trimmed names
/// exactly, and has no `cos` level.
#[derive(EnvValue, Debug, Clone, Copy, PartialEq, Eq)]
#[config(rename_all = "lowercase", case_sensitive)]
pub(crate) enum Level {
    /// The local disk cache, always there.
    Disk,
    /// Amazon S3 or compatible.
    S3,
    /// Redis.
    Redis,
    /// Memcached.
    Memcached,
    /// Google Cloud Storage.
    Gcs,
    /// GitHub Actions cache.
    Gha,
    /// Azure Blob Storage.
    Azure,
    /// WebDAV.
    Webdav,
    /// Alibaba OSS.
    Oss,
}
