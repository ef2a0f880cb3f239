//! What a load gives back besides the configuration: where each value came
//! from, and warnings.

use std::fmt;
use std::path::PathBuf;

use crate::error::ErrorKind;

/// Where a variable's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
// A plain tag keeps every path and name at one offset, so dropping an
// origin is one check and one free: without it `DotEnv` takes the niche
// of the others' layout and the drop code of every value that holds an
// origin grows, 1.5 KB in a program built without the `cli` feature.
#[repr(u8)]
pub enum Origin {
    /// The variable itself.
    Env,
    /// A deprecated alias of the variable (`#[config(alias = ...)]`).
    Alias(String),
    /// The file named by the variable's `_FILE` variable.
    File(PathBuf),
    /// A line of a `.env` file: read with `Options::dotenv` or checked with
    /// `--env-file`.
    DotEnv {
        /// The file.
        path: PathBuf,
        /// The line the variable is set on (counting from 1), when known.
        line: Option<u32>,
    },
    /// A fallback name read when the variable is unset
    /// (`#[config(fallback = ...)]`).
    Fallback(String),
    /// A flag of the service's own command line that overrides the
    /// variable ([`Overrides`](crate::Overrides)), such as `--db-path`.
    CommandLine(String),
    /// The default written in the program.
    Default,
    /// A default computed by the program (`#[config(default_with = ...)]`).
    Computed,
    /// Nothing: an optional variable that is not set.
    Unset,
    /// Nothing: a variable of an optional group that is off, as none of its
    /// variables is set. Holds the group's path in the configuration
    /// (`storage.s3`). The group's defaults do not apply.
    GroupOff(String),
    /// Set, but not used: a variable of an optional group that stays off
    /// because its `enabled_by` names other fields. Holds the group's path.
    Unused(String),
    /// A source of the program's own, in its words (`config.toml`): what
    /// its [`Source::origin`](crate::Source::origin) says.
    Other(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Env => f.write_str("environment"),
            Origin::Alias(name) => write!(f, "deprecated alias {name}"),
            Origin::File(path) => write!(f, "file {}", path.display()),
            Origin::DotEnv {
                path,
                line: Some(line),
            } => write!(f, "env file {}, line {line}", path.display()),
            Origin::DotEnv { path, line: None } => write!(f, "env file {}", path.display()),
            Origin::Fallback(name) => write!(f, "fallback {name}"),
            Origin::CommandLine(flag) => write!(f, "command line {flag}"),
            Origin::Default => f.write_str("default"),
            Origin::Computed => f.write_str("computed"),
            Origin::Unset => f.write_str("unset"),
            Origin::GroupOff(group) => write!(f, "unset: the optional group {group} is off"),
            Origin::Unused(group) => {
                write!(f, "set, but not used: the optional group {group} is off")
            }
            Origin::Other(text) => f.write_str(text),
        }
    }
}

/// One variable of a successful load: its name, where its value came from,
/// and the value as it may be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedVar {
    pub(crate) name: String,
    pub(crate) field: String,
    pub(crate) origin: Origin,
    pub(crate) value: Option<String>,
    pub(crate) secret: bool,
}

impl ResolvedVar {
    /// The variable's full name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The field's path, such as `workers.threads`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Where the value came from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The value as text that may be shown: `None` for a secret or an unset
    /// optional variable; the password of any URL in it is masked
    /// (`scheme://user:***@host`), whatever the field's type or parser.
    pub fn shown_value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// Whether the value is secret.
    pub fn is_secret(&self) -> bool {
        self.secret
    }

    /// Masks URL passwords in the shown value: the value types mask their
    /// own, this is for every other value (a connection string in a
    /// `String`, a `from_str` or `with` field).
    pub(crate) fn mask_passwords(&mut self) {
        if let Some(value) = &mut self.value {
            crate::redact::mask(value);
        }
    }
}

/// Something worth telling the operator that does not stop the load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    var: String,
    /// The variables apart, when a rule's warning names several; else
    /// empty, and `var` is the one.
    vars: Vec<String>,
    message: String,
}

impl Warning {
    fn about(var: String, message: String) -> Self {
        Warning {
            var,
            vars: Vec::new(),
            message,
        }
    }

    pub(crate) fn deprecated(alias: &str, name: &str) -> Self {
        Warning::about(alias.to_owned(), format!("deprecated: rename it to {name}"))
    }

    /// A setting marked `#[config(deprecated = "...")]` that is set.
    pub(crate) fn deprecated_setting(var: String, why: &str) -> Self {
        Warning::about(var, format!("deprecated: {why}"))
    }

    /// An empty variable that counts as unset, so that what applies when
    /// it is unset (`uses`, such as `the default "8080" is used`) applies
    /// instead of what was perhaps meant.
    pub(crate) fn empty(var: &str, uses: &str) -> Self {
        Warning::about(
            var.to_owned(),
            format!("set but empty, so {uses}; unset it, or give it a value"),
        )
    }

    /// A value rejected for a field with `#[config(invalid = "unset")]`:
    /// `problem`, which the report would have given, and what the field
    /// `uses` instead.
    pub(crate) fn invalid_unset(problem: &crate::Error, uses: &str) -> Self {
        let mut message = format!("{}, so {uses}", problem.message());
        if let Some(note) = problem.note() {
            message.push_str(&format!(" ({note})"));
        }
        Warning::about(problem.var().to_owned(), message)
    }

    /// An empty variable of an optional group that stays off: it counts as
    /// unset, so it does not turn the group on.
    pub(crate) fn empty_in_group(var: &str, group: &str) -> Self {
        Warning::about(
            var.to_owned(),
            format!(
                "set but empty, so it is treated as unset and the optional group {group} \
                 stays off; unset it, or give it a value"
            ),
        )
    }

    /// A variable of an optional group with `enabled_by` that is set while
    /// the group stays off, since none of `unset` (the variables that turn
    /// it on) is set, and those in `off` are set to a value that means
    /// off: its value is not used.
    pub(crate) fn unused_in_group(
        var: &str,
        group: &str,
        unset: &[String],
        off: &[String],
    ) -> Self {
        let unset = match unset {
            [] => None,
            [one] => Some(format!("{one} is not set")),
            many => Some(format!("none of {} is set", many.join(", "))),
        };
        let off = match off {
            [] => None,
            [one] => Some(format!("{one} says off")),
            many => Some(format!("{} say off", many.join(", "))),
        };
        let message = match (off, unset) {
            (None, None) => format!("not used: the optional group {group} is off"),
            (Some(why), None) | (None, Some(why)) => {
                format!("not used: the optional group {group} is off, since {why}")
            }
            (Some(off), Some(unset)) => {
                format!("not used: the optional group {group} is off, since {off} and {unset}")
            }
        };
        Warning::about(var.to_owned(), message)
    }

    /// A variable of an optional group with `enabled_if` that is set while
    /// the group stays off, for the reason `why` (`STORAGE is not s3`).
    pub(crate) fn unused_since(var: &str, group: &str, why: &str) -> Self {
        Warning::about(
            var.to_owned(),
            format!("not used: the optional group {group} is off, since {why}"),
        )
    }

    /// A variable set in the environment (or a `.env` file) that a flag
    /// on the command line overrides.
    pub(crate) fn overridden(var: String, flag: &str) -> Self {
        Warning::about(
            var,
            format!("not used: {flag} on the command line overrides it"),
        )
    }

    /// A warning of a struct's `validate` function
    /// ([`Problems::warn`](crate::Problems::warn)), naming the variables of
    /// the fields it gives; URL passwords in the message are masked.
    pub(crate) fn rule(vars: &[String], message: String) -> Self {
        let mut message = message;
        crate::redact::mask(&mut message);
        Warning {
            var: vars.join(", "),
            vars: vars.to_vec(),
            message,
        }
    }

    /// A variable no setting reads that looks like `known` mistyped: in
    /// another case, or one edit away.
    /// A name no setting reads that looks like one mistyped; `given`:
    /// where it was written, when not in the environment.
    pub(crate) fn misspelled(
        var: String,
        known: &str,
        case_only: bool,
        given: Option<&str>,
    ) -> Self {
        let why = if case_only {
            " (names are case-sensitive)"
        } else {
            ""
        };
        Warning::about(
            var,
            with_given(
                format!("not read by any setting: did you mean {known}?{why}"),
                given,
            ),
        )
    }

    /// A name with the configuration's prefix that no setting reads;
    /// `given`: where it was written, when not in the environment.
    pub(crate) fn unknown(var: String, kind: &ErrorKind, given: Option<&str>) -> Self {
        Warning::about(var, with_given(kind.to_string(), given))
    }

    /// The variable the warning is about; for a warning of a `validate`
    /// rule that names several, all of them as the report says them
    /// (`CERT, KEY`).
    pub fn var(&self) -> &str {
        &self.var
    }

    /// Every variable the warning is about: one, or those a rule names.
    ///
    /// ```
    /// use twelve_config::{Config, Problems, Vars};
    ///
    /// #[derive(Config)]
    /// #[config(validate = Settings::tls)]
    /// struct Settings {
    ///     cert: Option<String>,
    ///     key: Option<String>,
    /// }
    ///
    /// impl Settings {
    ///     fn tls(&self) -> Result<(), Problems> {
    ///         let mut problems = Problems::new();
    ///         if self.cert.is_some() != self.key.is_some() {
    ///             problems.warn(["cert", "key"], "TLS needs both; it stays off");
    ///         }
    ///         problems.into_result()
    ///     }
    /// }
    ///
    /// let loaded = Settings::load(&Vars::new([("CERT", "/tls/cert.pem")])).unwrap();
    /// let warning = &loaded.warnings()[0];
    /// assert_eq!(warning.vars(), ["CERT", "KEY"]);
    /// assert_eq!(warning.var(), "CERT, KEY");
    /// ```
    pub fn vars(&self) -> &[String] {
        if self.vars.is_empty() {
            std::slice::from_ref(&self.var)
        } else {
            &self.vars
        }
    }

    /// What is wrong with it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `message`, then where the variable was written when that was not the
/// environment ("read from .env.production, line 4").
fn with_given(message: String, given: Option<&str>) -> String {
    match given {
        Some(given) => format!("{message}; {given}"),
        None => message,
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let var = crate::error::shown_name(&self.var);
        write!(f, "warning: {var}: {}", self.message)
    }
}

/// A loaded configuration with where each value came from and any warnings,
/// returned by [`Config::load`](crate::Config::load).
///
/// With the `serde` feature it implements `serde::Serialize` as
/// `{"vars": [...], "warnings": [...]}`, each variable with its value as it
/// may be shown (URL passwords masked, null for a secret) and its origin:
/// the thing to serve on a debug endpoint. The configuration struct is left
/// out: its secrets, secrecy's types, refuse to serialize, and every value
/// of it is in `vars` already, shown as it may be.
#[derive(Debug)]
pub struct Loaded<T> {
    pub(crate) config: T,
    pub(crate) vars: Vec<ResolvedVar>,
    pub(crate) warnings: Vec<Warning>,
}

impl<T> Loaded<T> {
    /// The configuration.
    pub fn config(&self) -> &T {
        &self.config
    }

    /// The configuration, taking it out.
    pub fn into_config(self) -> T {
        self.config
    }

    /// Every variable the configuration reads, in field order, with its origin.
    pub fn vars(&self) -> &[ResolvedVar] {
        &self.vars
    }

    /// Deprecated names in use and unknown variables under the prefix.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}
