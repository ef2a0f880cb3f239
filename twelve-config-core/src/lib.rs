//! The runtime of [twelve-config](https://docs.rs/twelve-config): the
//! loader, the value types, the reports, the schema and the flags.
//!
//! Depend on `twelve-config`, not on this crate: it re-exports everything
//! here together with the derive macros, and documents it. The runtime is a
//! crate of its own so that it compiles while the derive's `syn` does,
//! rather than after it.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod attributes;
mod bytes;
mod cli;
mod error;
mod json;
mod load;
mod loaded;
mod map;
mod parse;
#[cfg(feature = "url")]
mod redact;
mod rule;
mod schema;
mod secret;
mod source;
mod suggest;
mod unit;
mod unknown;
#[cfg(feature = "url")]
pub mod urls;
mod value;
mod walk;

pub use crate::bytes::ByteSize;
pub use crate::cli::{
    answer, handle_args, Action, Request, SchemaFormat, UsageError, EX_CONFIG, EX_USAGE,
};
pub use crate::error::{Error, ErrorKind, Errors};
pub use crate::loaded::{Loaded, Origin, ResolvedVar, Warning};
pub use crate::rule::Problems;
pub use crate::schema::{GroupSchema, RuleSchema, Schema, VarSchema};
pub use crate::source::{Env, Source, Vars};
#[cfg(feature = "url")]
pub use crate::urls::{
    AmqpUrl, DatabaseKind, DatabaseUrl, Host, HttpUrl, MongoUrl, MysqlUrl, PostgresUrl, RedisUrl,
    SmtpUrl, SqliteUrl,
};
pub use crate::value::{EnvValue, ValueError};
pub use secrecy::{self, ExposeSecret, SecretBox, SecretString};

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
    /// The struct's doc comment, which describes it as a nested group.
    #[doc(hidden)]
    const __DOC: &'static str = "";
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
    /// and checks that no two fields read one variable.
    ///
    /// A default that does not parse is a bug in the program; a load reports
    /// it only when the variable is unset (and, in an optional group, only
    /// once the group is on). Two fields that read the same variable are a
    /// bug too: a load gives both the same value, and the schema lists the
    /// variable once. Call this in a unit test to catch both at `cargo test`
    /// time:
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
    /// One [`ErrorKind::InvalidDefault`] per default that does not parse, and
    /// one [`ErrorKind::Rule`] per variable that two fields read.
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
            .filter(|e| matches!(e.kind(), ErrorKind::InvalidDefault { .. }))
            .collect();
        for (var, first, second) in Self::schema().duplicates {
            let message =
                format!("bug in the program: the fields {first} and {second} both read {var}");
            bugs.push(Error::new(var, second, ErrorKind::Rule { message }));
        }
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
        cli::load_or_exit::<Self>()
    }
}

/// What the derives call. Not public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::cli::load_or_report;
    pub use crate::map::{Map, MapLike};
    pub use crate::parse::{FromStrParser, List, Parse, Value, With};
    pub use crate::suggest::closest;
    pub use crate::unit::{has_unit, InUnit, Measure};
    pub use crate::walk::{
        check, computed, nested, optional, optional_nested, presence, required, validate, Check,
        Computed, Empty, Field, Nested, Rule, Walker,
    };
    pub use std::borrow::Cow;
    pub use std::option::Option::{self, None, Some};
    pub use std::result::Result::{self, Err, Ok};

    use crate::value::ValueError;

    /// "one of: a, b, c".
    pub fn one_of(choices: &[&str]) -> Cow<'static, str> {
        Cow::Owned(format!("one of: {}", choices.join(", ")))
    }

    /// The index of the variant whose spellings contain `text`, ignoring
    /// ASCII case; otherwise an error suggesting the closest choice.
    ///
    /// # Errors
    ///
    /// When no spelling matches.
    pub fn choose(
        text: &str,
        spellings: &[&[&str]],
        choices: &[&'static str],
    ) -> Result<usize, ValueError> {
        for (index, names) in spellings.iter().enumerate() {
            if names.iter().any(|n| n.eq_ignore_ascii_case(text)) {
                return Ok(index);
            }
        }
        let all = spellings.iter().flat_map(|names| names.iter().copied());
        Err(match closest(text, all) {
            Some(near) => {
                let canonical = spellings
                    .iter()
                    .position(|names| names.contains(&near))
                    .and_then(|i| choices.get(i))
                    .copied()
                    .unwrap_or(near);
                ValueError::new(format!("did you mean {canonical:?}?"))
            }
            None => ValueError::new(""),
        })
    }
}
