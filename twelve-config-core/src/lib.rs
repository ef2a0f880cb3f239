//! The runtime of [twelve-config](https://docs.rs/twelve-config): the
//! loader, the value types, the reports, the schema and the flags.
//!
//! Depend on `twelve-config`, not on this crate: it re-exports everything
//! here together with the derive macros, and documents it. The runtime is a
//! crate of its own so that it compiles while the derive's `syn` does,
//! rather than after it.
#![forbid(unsafe_code)]
// Where the code is compiled. The functions of the modules that serve only
// some declarations (rules, optional groups and their conditions, `_FILE`
// secrets, the load's trace, near misses of unknown names, maps, byte sizes
// and units, overrides) are `#[inline]`: like generic code, rustc then
// compiles them into the programs that call them, not into this crate.
// A service pays for what it declares, in build time and in its binary,
// where linkers keep the unwinding tables of functions they drop
// (benches/NOTES.md, "Binary size, 2026-11-28, night" and "Build cost,
// 2026-11-28: code compiled where it is used").
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod attributes;
mod bytes;
mod choose;
mod cli;
mod describe;
#[cfg(feature = "dotenv")]
mod dotenv;
mod error;
mod host_port;
#[cfg(feature = "cli")]
mod json;
mod load;
mod loaded;
mod map;
mod overrides;
mod parse;
mod redact;
#[cfg(feature = "cli")]
mod report;
mod rule;
mod schema;
mod secret;
#[cfg(feature = "serde")]
mod serde_value;
#[cfg(feature = "serde")]
mod serialize;
mod source;
mod suggest;
mod unit;
mod unknown;
#[cfg(feature = "url")]
pub mod urls;
#[cfg(feature = "cli")]
mod usage;
mod value;
mod walk;
mod words;

pub use crate::bytes::ByteSize;
#[cfg(feature = "cli")]
pub use crate::cli::{
    answer, handle_args, handle_flags, Action, ReportFormat, Request, SchemaFormat, UsageError,
    EX_USAGE,
};
pub use crate::cli::{Options, EX_CONFIG};
#[cfg(feature = "dotenv")]
pub use crate::dotenv::DotEnv;
pub use crate::error::{Error, ErrorKind, Errors};
pub use crate::host_port::HostPort;
pub use crate::loaded::{Loaded, Origin, ResolvedVar, Warning};
pub use crate::overrides::Overrides;
#[cfg(feature = "cli")]
pub use crate::report::REPORT_VERSION;
pub use crate::rule::Problems;
pub use crate::schema::{GroupSchema, RuleSchema, Schema, VarSchema};
pub use crate::source::{Env, Layered, Source, Vars};
#[cfg(feature = "url")]
pub use crate::urls::{
    AmqpUrl, DatabaseKind, DatabaseUrl, Host, HttpUrl, MongoUrl, MysqlUrl, PostgresUrl, RedisUrl,
    SmtpUrl, SqliteUrl,
};
pub use crate::value::{EnvValue, ValueError};
pub use secrecy::{self, ExposeSecret, SecretBox, SecretString};
/// The [`url`](https://docs.rs/url) crate, re-exported so that a
/// `url::Url` field needs no second dependency whose version must match:
///
/// ```
/// use twelve_config::{url::Url, Config};
///
/// #[derive(Config)]
/// struct Settings {
///     public_url: Url,
/// }
///
/// let settings = Settings::from_vars([("PUBLIC_URL", "https://example.com/")]).unwrap();
/// assert_eq!(settings.public_url.host_str(), Some("example.com"));
/// ```
#[cfg(feature = "url")]
pub use url;

use std::ffi::OsString;

/// A configuration loaded from environment variables.
///
/// Derive it with `#[derive(Config)]` on a struct with named fields; every
/// method has a default implementation built on what the derive generates.
pub trait Config: Sized {
    #[doc(hidden)]
    const __PREFIX: &'static str;
    #[doc(hidden)]
    const __SEPARATOR: Option<&'static str>;
    #[doc(hidden)]
    const __DENY_UNKNOWN: bool;
    /// `#[config(file_suffix = ...)]`: what follows a variable's name to
    /// name the variable that names a file holding its value.
    #[doc(hidden)]
    const __FILE_SUFFIX: &'static str = "_FILE";
    /// The struct's doc comment, which describes it as a nested group.
    #[doc(hidden)]
    const __DOC: &'static str = "";
    /// The identifiers of the struct's value fields, which an
    /// `enabled_by` naming them is checked against when it compiles.
    #[doc(hidden)]
    const __FIELDS: &'static [&'static str] = &[];
    /// For each of [`__FIELDS`](Self::__FIELDS), the values that mean off
    /// for its type ([`EnvValue::OFF`]), which an `enabled_by` naming it
    /// takes.
    #[doc(hidden)]
    const __OFF: &'static [&'static [&'static str]] = &[];
    #[doc(hidden)]
    fn __visit(walker: &mut __private::Walker<'_>) -> Option<Self>;

    /// Loads from the process environment.
    ///
    /// Each field is one look-up; the environment is never copied.
    ///
    /// # Errors
    ///
    /// Every missing or invalid variable, in field order.
    fn from_env() -> Result<Self, Errors> {
        Self::from_source(&Env)
    }

    /// Loads from the given variables only, never the process environment.
    ///
    /// Tests and embedders use it. When a name occurs twice, the last value
    /// wins.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     #[config(default = 8080)]
    ///     port: u16,
    /// }
    ///
    /// assert_eq!(Settings::from_vars([("PORT", "9090")]).unwrap().port, 9090);
    /// assert_eq!(Settings::from_vars([("PORT", "")]).unwrap().port, 8080);
    /// assert_eq!(Settings::from_vars(Vec::<(String, String)>::new()).unwrap().port, 8080);
    /// ```
    ///
    /// # Errors
    ///
    /// Every missing or invalid variable, in field order.
    fn from_vars<I, K, V>(vars: I) -> Result<Self, Errors>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<OsString>,
        V: Into<OsString>,
    {
        Self::from_source(&Vars::new(vars))
    }

    /// Loads from any [`Source`].
    ///
    /// # Errors
    ///
    /// Every missing or invalid variable, in field order.
    fn from_source(source: &dyn Source) -> Result<Self, Errors> {
        load::load::<Self, false>(source, None).map(Loaded::into_config)
    }

    /// Loads from any [`Source`] and also returns where each value came from
    /// and warnings: deprecated names in use and, when the configuration has
    /// a prefix, variables with that prefix that no field reads.
    ///
    /// ```
    /// use twelve_config::{Config, Origin, Vars};
    ///
    /// #[derive(Config)]
    /// #[config(prefix = "APP_")]
    /// struct Settings {
    ///     #[config(default = 8080)]
    ///     port: u16,
    /// }
    ///
    /// let loaded = Settings::load(&Vars::new([("APP_PROT", "1")])).unwrap();
    /// assert_eq!(loaded.vars()[0].origin(), &Origin::Default);
    /// assert_eq!(
    ///     loaded.warnings()[0].to_string(),
    ///     "warning: APP_PROT: unknown variable: no setting reads it (did you mean APP_PORT?)"
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// Every missing or invalid variable, in field order.
    fn load(source: &dyn Source) -> Result<Loaded<Self>, Errors> {
        load::load::<Self, true>(source, walk::TRACE)
    }

    /// Parses every default written in the program, reading no variable,
    /// checks that no two fields read one variable, and that each
    /// `required_if` and `enabled_if` text can be read by its condition
    /// field's type.
    ///
    /// A default that does not parse is a bug in the program; a load reports
    /// it only when the variable is unset (and, in an optional group, only
    /// once the group is on). Two fields that read the same variable are a
    /// bug too: a load gives both the same value, and the schema lists the
    /// variable once; so is a `required_if` or `enabled_if` text the
    /// condition cannot hold, which would make the rule never apply or the
    /// group never load. Call this in a unit test to
    /// catch them at `cargo test` time (`--check-config` and
    /// `--print-config` report two fields on one variable too, which a load
    /// cannot see):
    ///
    /// ```
    /// use std::time::Duration;
    /// use twelve_config::Config;
    ///
    /// #[derive(Config, Debug)]
    /// struct Settings {
    ///     #[config(default = "30s")]
    ///     timeout: Duration,
    ///     #[config(default = "soon")]
    ///     retry_after: Duration,
    /// }
    ///
    /// let errors = Settings::check_defaults().unwrap_err();
    /// assert_eq!(errors.len(), 1);
    /// assert_eq!(errors.iter().next().unwrap().field(), "retry_after");
    /// ```
    ///
    /// # Errors
    ///
    /// One [`ErrorKind::InvalidDefault`] per default that does not parse,
    /// one [`ErrorKind::Rule`] per variable that two fields read, and one
    /// per `required_if` or `enabled_if` text its condition's type cannot
    /// read.
    fn check_defaults() -> Result<(), Errors> {
        let nothing = Vars::default();
        let mut walker = __private::Walker::load_defaults::<Self>(&nothing);
        // Nothing is set, so every field with a default parses its default,
        // optional groups included.
        let _ = Self::__visit(&mut walker);
        let mut bugs: Vec<Error> = walker
            .finish_load()
            .errors
            .into_iter()
            .filter(|e| match e.kind() {
                ErrorKind::InvalidDefault { .. } => true,
                // A rule that can never hold, whatever is set.
                ErrorKind::Rule { message } => {
                    message.ends_with(walk::NEVER_HOLDS) || message.ends_with(walk::NEVER_ON)
                }
                _ => false,
            })
            .collect();
        bugs.extend(Self::schema().read_twice());
        if bugs.is_empty() {
            Ok(())
        } else {
            Err(error::Errors::from_vec(bugs))
        }
    }

    /// Every variable this configuration reads, described. Reads nothing.
    fn schema() -> Schema {
        let mut walker = __private::Walker::describe::<Self>();
        // The describing walk records each variable and builds no value.
        let _ = Self::__visit(&mut walker);
        Schema::new(walker.finish_describe()).with_prefix(Self::__PREFIX)
    }

    /// Loads from the process environment, or prints the report to stderr
    /// and exits with status 78 (`EX_CONFIG`).
    ///
    /// With the `cli` feature (on by default) it also answers the
    /// command-line flags of [`handle_args`] (`--print-schema`,
    /// `--check-config`, `--print-config`), which print and exit, and prints
    /// warnings (deprecated or unknown variables) to stderr. Without it, it
    /// reads no argument and warns only about deprecated names: a service
    /// that does not want the flags saves their code, about 110 KB.
    fn load_or_exit() -> Self {
        cli::load_or_exit::<Self>(&Env)
    }

    /// [`load_or_exit`](Config::load_or_exit) with [`Options`]: with the
    /// `dotenv` feature (on by default), a `.env` file under the process
    /// environment for local development (see [`Options`] for why
    /// production should not rely on one).
    ///
    /// ```no_run
    /// use twelve_config::{Config, Options};
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     port: u16,
    /// }
    ///
    /// let settings = Settings::load_or_exit_with(Options::new().dotenv(".env"));
    /// ```
    fn load_or_exit_with(options: Options) -> Self {
        cli::options::load_or_exit_with::<Self>(&options)
    }
}

/// The parser of a `#[config(deserialize)]` field; see
/// `__private::deserialized`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __deserialized {
    ($ty:ty) => {
        $crate::__private::Deserialized::<$ty>::new()
    };
}

/// Without the `serde` feature, `#[config(deserialize)]` says which feature
/// to turn on, at the field's type, rather than that a private path is
/// missing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __deserialized {
    ($ty:ty) => {
        ::core::compile_error!(
            "`#[config(deserialize)]` needs the `serde` feature of twelve-config: `features = [\"serde\"]`"
        )
    };
}

/// What the derives call. Not public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    /// Whether `texts` holds `text`, usable in constants: the checks, when
    /// a program compiles, that a field's unit is one its type reads and
    /// that an `enabled_by` names a value field of the group's struct.
    pub const fn contains(texts: &[&str], text: &str) -> bool {
        let mut i = 0;
        while i < texts.len() {
            let (a, b) = (texts[i].as_bytes(), text.as_bytes());
            if a.len() == b.len() {
                let mut j = 0;
                while j < a.len() && a[j] == b[j] {
                    j += 1;
                }
                if j == a.len() {
                    return true;
                }
            }
            i += 1;
        }
        false
    }

    /// The values that mean off for the value field `field` of a struct
    /// with the value fields `fields` and their `off` values
    /// ([`Config::__FIELDS`](crate::Config::__FIELDS),
    /// [`Config::__OFF`](crate::Config::__OFF)): what an `enabled_by`
    /// naming the field takes. Empty for a name that is not there, which
    /// [`contains`] reports. `off` holds one entry per field, as the
    /// derive writes them.
    pub const fn off_values(
        fields: &[&str],
        off: &'static [&'static [&'static str]],
        field: &str,
    ) -> &'static [&'static str] {
        let mut i = 0;
        while i < fields.len() {
            if contains(&[fields[i]], field) {
                return off[i];
            }
            i += 1;
        }
        &[]
    }

    /// The parser of a `#[config(deserialize)]` field of type `$ty`; a
    /// compile error naming the feature when `serde` is off.
    pub use crate::__deserialized as deserialized;
    pub use crate::choose::choose;
    pub use crate::cli::load_or_report;
    pub use crate::describe::Described;
    pub use crate::map::{Map, MapLike};
    pub use crate::parse::{FromStrParser, List, Parse, Value, With};
    #[cfg(feature = "serde")]
    pub use crate::serde_value::Deserialized;
    pub use crate::suggest::closest;
    pub use crate::unit::{InUnit, Measure};
    pub use crate::walk::{
        check, checked_nested, chosen_nested, computed, condition, deprecated, nested, optional,
        optional_nested, presence, read_value_file, required, validate, warn_invalid, Check,
        Choice, Comparable, Computed, Condition, Empty, Extra, Field, Member, Nested, OnInvalid,
        ReadFile, Rule, Switch, Walker,
    };
    pub use std::borrow::Cow;
    pub use std::option::Option::{self, None, Some};
    pub use std::result::Result::{self, Err, Ok};

    /// "one of: a, b, c".
    pub fn one_of(choices: &[&str]) -> Cow<'static, str> {
        Cow::Owned(format!("one of: {}", choices.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::__private::off_values;

    #[test]
    fn a_switch_takes_the_off_values_of_its_own_field() {
        let fields = ["host", "enabled", "tls"];
        let off: &[&[&str]] = &[&[], &["false", "0"], &["no"]];
        assert_eq!(off_values(&fields, off, "enabled"), ["false", "0"]);
        assert_eq!(off_values(&fields, off, "tls"), ["no"]);
        assert!(off_values(&fields, off, "host").is_empty());
        // A name that is not a field (which the derive reports) has none.
        assert!(off_values(&fields, off, "port").is_empty());
        assert!(off_values(&[], &[], "port").is_empty());
    }
}
