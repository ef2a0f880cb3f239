//! Loading: the result of a load with where each value came from.

use std::collections::HashSet;
use std::fmt;
use std::path::PathBuf;

use crate::error::{Error, ErrorKind, Errors};
use crate::source::Source;
use crate::walk::{Tracer, Walker};
use crate::Config;

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
    /// The default written in the program.
    Default,
    /// Nothing: an optional variable that is not set.
    Unset,
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
            Origin::Default => f.write_str("default"),
            Origin::Unset => f.write_str("unset"),
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
    /// optional variable; URL passwords are masked.
    pub fn shown_value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// Whether the value is secret.
    pub fn is_secret(&self) -> bool {
        self.secret
    }
}

/// Something worth telling the operator that does not stop the load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    var: String,
    message: String,
}

impl Warning {
    pub(crate) fn deprecated(alias: &str, name: &str) -> Self {
        Warning {
            var: alias.to_owned(),
            message: format!("deprecated: rename it to {name}"),
        }
    }

    pub(crate) fn unknown(var: String, kind: &ErrorKind) -> Self {
        Warning {
            var,
            message: kind.to_string(),
        }
    }

    /// The variable the warning is about.
    pub fn var(&self) -> &str {
        &self.var
    }

    /// What is wrong with it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let var = crate::error::shown_name(&self.var);
        write!(f, "warning: {var}: {}", self.message)
    }
}

/// A loaded configuration with where each value came from and any warnings,
/// returned by [`Config::load`].
#[derive(Debug)]
pub struct Loaded<T> {
    config: T,
    vars: Vec<ResolvedVar>,
    warnings: Vec<Warning>,
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

/// Loads `T`; `trace` ([`TRACE`](crate::walk::TRACE) or `None`) records
/// origins, `UNKNOWN` scans for unknown variables (always done under
/// `deny_unknown`).
///
/// `UNKNOWN` is a constant, and `trace` a pointer to the tracing code, so
/// that the scan with its hash set and suggestions, and the trace with its
/// redaction, are compiled only into the loads that do them: a program that
/// only calls `from_env` carries neither.
pub(crate) fn load<T: Config, const UNKNOWN: bool>(
    source: &dyn Source,
    trace: Option<Tracer>,
) -> Result<Loaded<T>, Errors> {
    load_keeping_warnings::<T, UNKNOWN>(source, trace).map_err(|(errors, _)| errors)
}

/// [`load`], whose failure also gives the warnings, so that a report can
/// list the unknown variables without scanning the environment again.
pub(crate) fn load_keeping_warnings<T: Config, const UNKNOWN: bool>(
    source: &dyn Source,
    trace: Option<Tracer>,
) -> Result<Loaded<T>, (Errors, Vec<Warning>)> {
    let Walked {
        config,
        errors,
        vars,
        warnings,
    } = walk::<T, UNKNOWN>(source, trace);
    match config {
        Some(config) if errors.is_empty() => Ok(Loaded {
            config,
            vars,
            warnings,
        }),
        _ => Err((Errors::from_vec(errors), warnings)),
    }
}

/// What one walk over `T`'s fields loaded and found.
pub(crate) struct Walked<T> {
    /// The configuration, when every field has a value (the load still
    /// fails if there are errors, such as a validation rule's).
    pub(crate) config: Option<T>,
    pub(crate) errors: Vec<Error>,
    /// Where each value came from, when the load traced.
    pub(crate) vars: Vec<ResolvedVar>,
    pub(crate) warnings: Vec<Warning>,
}

/// Walks `T`'s fields to load them, then adds the unknown variables: as
/// warnings when `UNKNOWN`, as errors under `deny_unknown`.
pub(crate) fn walk<T: Config, const UNKNOWN: bool>(
    source: &dyn Source,
    trace: Option<Tracer>,
) -> Walked<T> {
    let mut walker = Walker::load::<T>(source, trace);
    let config = T::__visit(&mut walker);
    let (mut errors, vars, mut warnings) = walker.finish_load();
    if UNKNOWN || T::__DENY_UNKNOWN {
        for (var, kind) in unknown_vars::<T>(source) {
            if T::__DENY_UNKNOWN {
                errors.push(Error::new(var, "", kind));
            } else {
                warnings.push(Warning::unknown(var, &kind));
            }
        }
    }
    Walked {
        config,
        errors,
        vars,
        warnings,
    }
}

/// Variables that carry `T`'s prefix but that no field reads, sorted, each
/// with a suggestion when a known name is close.
pub(crate) fn unknown_vars<T: Config>(source: &dyn Source) -> Vec<(String, ErrorKind)> {
    let prefix = T::__PREFIX;
    if prefix.is_empty() {
        return Vec::new();
    }
    let schema = T::schema();
    let mut known: HashSet<&str> = HashSet::new();
    for var in schema.vars() {
        known.insert(var.name());
        known.extend(var.file_var());
        known.extend(var.aliases().iter().copied());
    }
    let mut unknown = Vec::new();
    source.for_each_name(&mut |name| {
        if let Some(name) = name.to_str() {
            if name.starts_with(prefix) && !known.contains(name) {
                unknown.push(name.to_owned());
            }
        }
    });
    unknown.sort();
    let names = || schema.vars().iter().map(|v| v.name());
    unknown
        .into_iter()
        .map(|var| {
            let suggestion = crate::suggest::closest(&var, names()).map(str::to_owned);
            (var, ErrorKind::Unknown { suggestion })
        })
        .collect()
}
