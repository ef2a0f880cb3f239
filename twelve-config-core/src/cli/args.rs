//! Finding the configuration flags among a service's arguments.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use crate::error::quote_value;
use crate::schema::SchemaFormat;
pub use crate::usage::UsageError;

/// One of the configuration flags, parsed from the arguments by
/// [`Request::from_args`] or built by a service's own argument parser.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Request {
    /// `--print-schema[=FORMAT]`, with `--secret-name=NAME` for Kubernetes.
    PrintSchema {
        /// The format.
        format: SchemaFormat,
        /// The Kubernetes Secret holding the secrets; `None` for
        /// [`Schema::default_secret_name`](crate::Schema::default_secret_name).
        secret_name: Option<String>,
    },
    /// `--check-config`, with `--format=FORMAT` and `--env-file=PATH`.
    CheckConfig {
        /// How the outcome is written.
        format: ReportFormat,
        /// The `.env` files to read the variables from instead of the
        /// process environment, a later one winning; empty for the
        /// environment.
        env_files: Vec<PathBuf>,
    },
    /// `--print-config`, with `--format=FORMAT` and `--env-file=PATH`.
    PrintConfig {
        /// How the outcome is written.
        format: ReportFormat,
        /// As for `CheckConfig`.
        env_files: Vec<PathBuf>,
    },
}

/// How `--check-config` and `--print-config` write their outcome, chosen
/// with `--format=FORMAT`.
///
/// ```
/// use twelve_config::ReportFormat;
///
/// assert_eq!("json".parse::<ReportFormat>().unwrap(), ReportFormat::Json);
/// assert!("yaml".parse::<ReportFormat>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReportFormat {
    /// `text` (the default): a summary line or one line per variable on
    /// stdout, the report of a failed load on stderr.
    #[default]
    Text,
    /// `json`: one JSON document on stdout, whether the load succeeded or
    /// not, in the shape described at [`Loaded::to_json`](crate::Loaded::to_json).
    /// The exit status is the same as with text.
    Json,
}

impl ReportFormat {
    /// The format's name, as `--format=NAME` takes it.
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Text => "text",
            ReportFormat::Json => "json",
        }
    }
}

impl fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ReportFormat {
    type Err = UsageError;

    fn from_str(name: &str) -> Result<Self, UsageError> {
        match name {
            "text" => Ok(ReportFormat::Text),
            "json" => Ok(ReportFormat::Json),
            _ => Err(UsageError::new(format!(
                "unknown report format {}: expected one of: text, json",
                quote_value(name)
            ))),
        }
    }
}

/// The flags that choose what to do: at most one of them.
const ACTIONS: [&str; 3] = ["--print-schema", "--check-config", "--print-config"];

/// The options that refine an action, each taking a value.
const OPTIONS: [&str; 3] = ["--secret-name", "--format", "--env-file"];

/// One flag of the crate's as it was given.
struct Given<'a> {
    /// The flag, such as `--print-schema`.
    flag: &'static str,
    /// Its value, from `--flag=value` or the next argument.
    value: Option<&'a str>,
    /// The indices of the arguments it took: the flag, and its value when
    /// that is the next argument.
    at: (usize, usize),
}

impl Request {
    /// [`from_args`](Self::from_args), and the arguments left for the
    /// service's own parser: all of them when there is no configuration
    /// flag, and otherwise all but the flag and its options. A service whose
    /// own flags override variables ([`Overrides`](crate::Overrides)) parses
    /// the rest, then answers the request with [`answer`](crate::answer)
    /// over a source that holds its overrides, so that `--print-config`
    /// and `--check-config` see them.
    ///
    /// ```
    /// use twelve_config::{Request, ReportFormat};
    ///
    /// let (request, rest) = Request::split_args(["--port", "7000", "--print-config"]).unwrap();
    /// assert!(matches!(request, Some(Request::PrintConfig { format: ReportFormat::Text, .. })));
    /// assert_eq!(rest, ["--port", "7000"]);
    /// let (request, rest) = Request::split_args(["--port", "7000"]).unwrap();
    /// assert_eq!((request, rest.len()), (None, 2));
    /// ```
    ///
    /// # Errors
    ///
    /// As [`from_args`](Self::from_args).
    pub fn split_args<A: AsRef<OsStr>>(
        args: impl IntoIterator<Item = A>,
    ) -> Result<(Option<Request>, Vec<OsString>), UsageError> {
        let args: Vec<A> = args.into_iter().collect();
        let request = Request::from_args(&args)?;
        let all = || args.iter().map(|a| a.as_ref().to_owned());
        if request.is_none() {
            return Ok((None, all().collect()));
        }
        let texts: Vec<Option<&str>> = args.iter().map(|a| a.as_ref().to_str()).collect();
        let taken: Vec<(usize, usize)> = scan(&texts)?.iter().map(|g| g.at).collect();
        let rest = all()
            .enumerate()
            .filter(|(i, _)| !taken.iter().any(|(start, end)| (start..=end).contains(&i)))
            .map(|(_, arg)| arg)
            .collect();
        Ok((request, rest))
    }

    /// Finds the configuration flag in `args` (the program name excluded),
    /// if there is one, with its options. Arguments that are not
    /// configuration flags, or not valid UTF-8, are skipped; so is
    /// everything after `--`.
    ///
    /// A value follows its flag after `=` or as the next argument, as with
    /// most argument parsers: `--print-schema json` is `--print-schema=json`.
    /// `--print-schema` takes the next argument as its format unless it
    /// starts with `-`. The options (`--secret-name`) belong to the crate
    /// only together with a configuration flag; without one they are left
    /// to the service. `--format=FORMAT` chooses how `--check-config` and
    /// `--print-config` write their outcome (see [`ReportFormat`]);
    /// `--env-file=PATH` (repeatable) makes them read a `.env` file instead
    /// of the process environment.
    ///
    /// ```
    /// use twelve_config::{Request, SchemaFormat};
    ///
    /// let request = Request::from_args(["-v", "--print-schema", "json"]).unwrap();
    /// assert_eq!(
    ///     request,
    ///     Some(Request::PrintSchema { format: SchemaFormat::Json, secret_name: None })
    /// );
    /// assert_eq!(Request::from_args(["--port", "80"]).unwrap(), None);
    /// assert_eq!(Request::from_args(["--", "--check-config"]).unwrap(), None);
    /// assert!(Request::from_args(["--print-schema=yaml"]).is_err());
    /// // An option that the chosen flag does not use is an error, not ignored.
    /// assert!(Request::from_args(["--print-schema=json", "--secret-name=shop"]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// An unknown format, a value given to a flag that takes none, an
    /// option without its value, given twice or that the flag does not use,
    /// an unknown report format, an invalid `--secret-name`, or two different configuration flags.
    pub fn from_args(
        args: impl IntoIterator<Item = impl AsRef<OsStr>>,
    ) -> Result<Option<Request>, UsageError> {
        let args: Vec<_> = args.into_iter().collect();
        let args: Vec<Option<&str>> = args.iter().map(|a| a.as_ref().to_str()).collect();
        let given = scan(&args)?;
        let mut action: Option<&Given<'_>> = None;
        for flag in given.iter().filter(|g| ACTIONS.contains(&g.flag)) {
            match action {
                Some(earlier) if earlier.flag == flag.flag && earlier.value == flag.value => {}
                Some(earlier) => {
                    return Err(UsageError::new(format!(
                        "{} and {} cannot be used together",
                        spelled(earlier),
                        spelled(flag)
                    )))
                }
                None => action = Some(flag),
            }
        }
        let Some(action) = action else {
            return Ok(None);
        };
        let secret_name = option(&given, "--secret-name")?;
        let report_format = option(&given, "--format")?;
        let env_files: Vec<PathBuf> = given
            .iter()
            .filter(|g| g.flag == "--env-file")
            .filter_map(|g| g.value.map(PathBuf::from))
            .collect();
        // Compiled only where it can happen, so that the builds with
        // `dotenv` carry no check that cannot fail.
        #[cfg(not(feature = "dotenv"))]
        if !env_files.is_empty() {
            return Err(UsageError::new(
                "--env-file needs the dotenv feature of twelve-config",
            ));
        }
        let request = match action.flag {
            "--print-schema" => {
                let format = match action.value {
                    Some(name) => name.parse()?,
                    None => SchemaFormat::Text,
                };
                if let Some(name) = secret_name {
                    if format != SchemaFormat::Kubernetes {
                        return Err(UsageError::new(format!(
                            "--secret-name is only used with --print-schema=kubernetes, \
                             not with --print-schema={format}"
                        )));
                    }
                    check_secret_name(name)?;
                }
                if !env_files.is_empty() {
                    return Err(UsageError::new(
                        "--env-file is used with --check-config and --print-config; \
                         --print-schema reads no variable",
                    ));
                }
                if report_format.is_some() {
                    return Err(UsageError::new(
                        "--format is used with --check-config and --print-config; \
                         write --print-schema=FORMAT",
                    ));
                }
                Request::PrintSchema {
                    format,
                    secret_name: secret_name.map(str::to_owned),
                }
            }
            flag => {
                if secret_name.is_some() {
                    return Err(UsageError::new(format!(
                        "--secret-name is only used with --print-schema=kubernetes, not with {flag}"
                    )));
                }
                let format = match report_format {
                    Some(name) => name.parse()?,
                    None => ReportFormat::Text,
                };
                if flag == "--check-config" {
                    Request::CheckConfig { format, env_files }
                } else {
                    Request::PrintConfig { format, env_files }
                }
            }
        };
        Ok(Some(request))
    }
}

/// `--flag` or `--flag=value`, for messages.
fn spelled(given: &Given<'_>) -> String {
    match given.value {
        Some(value) => format!("{}={value}", given.flag),
        None => given.flag.to_owned(),
    }
}

/// The crate's flags among `args` (`None` for an argument that is not
/// UTF-8), up to `--`, each with its value.
fn scan<'a>(args: &[Option<&'a str>]) -> Result<Vec<Given<'a>>, UsageError> {
    let mut given = Vec::new();
    let mut rest = args.iter().copied().enumerate().peekable();
    while let Some((start, arg)) = rest.next() {
        let Some(arg) = arg else { continue };
        if arg == "--" {
            break;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (arg, None),
        };
        let Some(flag) = ACTIONS.iter().chain(&OPTIONS).find(|f| **f == name) else {
            if let Some(flag) = near_miss(name) {
                return Err(UsageError::new(format!(
                    "unknown flag {name}: did you mean {flag}?"
                )));
            }
            continue;
        };
        let mut end = start;
        let value = if *flag == "--print-schema" {
            // Optional: the next argument is the format unless it is a flag.
            inline.or_else(|| {
                let (at, next) =
                    rest.next_if(|(_, next)| next.is_some_and(|n| !n.starts_with('-')))?;
                end = at;
                next
            })
        } else if ACTIONS.contains(flag) {
            if inline.is_some() {
                return Err(UsageError::new(format!("{flag} takes no value")));
            }
            None
        } else {
            // Required: `--secret-name NAME`, whatever NAME looks like.
            match inline {
                Some(value) => Some(value),
                None => match rest.next() {
                    Some((at, Some(value))) if !value.starts_with("--") => {
                        end = at;
                        Some(value)
                    }
                    Some((_, None)) => {
                        return Err(UsageError::new(format!(
                            "the value of {flag} is not valid UTF-8"
                        )))
                    }
                    _ => return Err(UsageError::new(format!("{flag} needs a value"))),
                },
            }
        };
        given.push(Given {
            flag,
            value,
            at: (start, end),
        });
    }
    Ok(given)
}

/// The flag that `name` misspells, such as `--check-config` for
/// `--chek-config` or `--check_config`: a letter left out, added, changed
/// or swapped, where a service's own flag would not be (one that only adds
/// to or cuts one of the three, such as `--print-schemas`, is left to the
/// service), so the argument is an error rather than left to the service.
fn near_miss(name: &str) -> Option<&'static str> {
    if !name.starts_with("--") {
        return None;
    }
    let flag = crate::suggest::closest(name, ACTIONS)?;
    // Within a character of its length, and not merely longer or shorter:
    // `--check`, `--print-conf`, `--print-configs` may be the service's.
    let related = flag.starts_with(name) || name.starts_with(flag);
    (flag.len().abs_diff(name.len()) <= 1 && !related).then_some(flag)
}

/// The value of the option `flag`, if it was given; twice is an error.
fn option<'a>(given: &[Given<'a>], flag: &str) -> Result<Option<&'a str>, UsageError> {
    let mut values = given.iter().filter(|g| g.flag == flag).map(|g| g.value);
    let first = values.next().flatten();
    if values.next().is_some() {
        return Err(UsageError::new(format!("{flag} is given more than once")));
    }
    Ok(first)
}

/// A Kubernetes object name: a DNS subdomain (RFC 1123), lower case.
fn check_secret_name(name: &str) -> Result<(), UsageError> {
    let valid_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    let alnum_ends = name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    if valid_chars && alnum_ends && name.len() <= 253 {
        Ok(())
    } else {
        Err(UsageError::new(format!(
            "invalid --secret-name {}: expected a Kubernetes object name \
             (lower-case letters, digits, '-' and '.', at most 253 characters)",
            quote_value(name)
        )))
    }
}

/// Run by `.ci/run` in a build with `cli` and without `dotenv`.
#[cfg(all(test, not(feature = "dotenv")))]
mod without_dotenv {
    use super::*;

    #[test]
    fn an_env_file_needs_the_dotenv_feature_and_nothing_else_does() {
        let error = Request::from_args(["--check-config", "--env-file", "x.env"]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "--env-file needs the dotenv feature of twelve-config"
        );
        assert!(matches!(
            Request::from_args(["--check-config"]),
            Ok(Some(Request::CheckConfig { .. }))
        ));
        assert!(matches!(
            Request::from_args(["--print-config", "--format=json"]),
            Ok(Some(Request::PrintConfig { .. }))
        ));
    }
}
