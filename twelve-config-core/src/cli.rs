//! [`Config::load_or_exit`] and the command-line flags a configuration
//! answers.
//!
//! See [`handle_args`] for the flags, the formats and the exit statuses.

use std::ffi::OsStr;
use std::fmt;
use std::io::Write;

use crate::load::load_keeping_warnings;
use crate::loaded::Warning;
use crate::source::Source;
use crate::walk::TRACE;
use crate::Config;

pub use crate::schema::SchemaFormat;

/// The exit status for a configuration error: `EX_CONFIG` from sysexits.h.
pub const EX_CONFIG: i32 = 78;

/// The exit status for a misused flag, such as an unknown schema format:
/// `EX_USAGE` from sysexits.h.
pub const EX_USAGE: i32 = 64;

/// The exit status when stdout cannot be written: `EX_IOERR`.
const EX_IOERR: i32 = 74;

/// A misused configuration flag, such as `--print-schema=yaml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError {
    message: String,
}

impl UsageError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        UsageError {
            message: message.into(),
        }
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UsageError {}

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
    /// `--check-config`.
    CheckConfig,
    /// `--print-config`.
    PrintConfig,
}

impl Request {
    /// Finds the configuration flag in `args` (the program name excluded),
    /// if there is one. Arguments that are not configuration flags, or not
    /// valid UTF-8, are skipped; so is everything after `--`.
    /// `--secret-name` is read only with `--print-schema=kubernetes`.
    ///
    /// ```
    /// use twelve_config::{Request, SchemaFormat};
    ///
    /// let request = Request::from_args(["-v", "--print-schema=json"]).unwrap();
    /// assert_eq!(
    ///     request,
    ///     Some(Request::PrintSchema { format: SchemaFormat::Json, secret_name: None })
    /// );
    /// assert_eq!(Request::from_args(["--port", "80"]).unwrap(), None);
    /// assert_eq!(Request::from_args(["--", "--check-config"]).unwrap(), None);
    /// assert!(Request::from_args(["--print-schema=yaml"]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// An unknown format, an invalid `--secret-name`, or two different
    /// configuration flags.
    pub fn from_args(
        args: impl IntoIterator<Item = impl AsRef<OsStr>>,
    ) -> Result<Option<Request>, UsageError> {
        let mut found: Option<(String, Request)> = None;
        let mut secret_name: Option<String> = None;
        for arg in args {
            let Some(arg) = arg.as_ref().to_str() else {
                continue;
            };
            if arg == "--" {
                break;
            }
            let request = if arg == "--print-schema" {
                Request::PrintSchema {
                    format: SchemaFormat::Text,
                    secret_name: None,
                }
            } else if let Some(format) = arg.strip_prefix("--print-schema=") {
                Request::PrintSchema {
                    format: format.parse()?,
                    secret_name: None,
                }
            } else if arg == "--check-config" {
                Request::CheckConfig
            } else if arg == "--print-config" {
                Request::PrintConfig
            } else {
                if let Some(name) = arg.strip_prefix("--secret-name=") {
                    secret_name = Some(name.to_owned());
                }
                continue;
            };
            match &found {
                Some((_, earlier)) if *earlier == request => {}
                Some((earlier, _)) => {
                    return Err(UsageError::new(format!(
                        "{earlier} and {arg} cannot be used together"
                    )))
                }
                None => found = Some((arg.to_owned(), request)),
            }
        }
        let Some((_, mut request)) = found else {
            return Ok(None);
        };
        if let Request::PrintSchema {
            format: SchemaFormat::Kubernetes,
            secret_name: slot,
        } = &mut request
        {
            if let Some(name) = secret_name {
                check_secret_name(&name)?;
                *slot = Some(name);
            }
        }
        Ok(Some(request))
    }

    /// Answers the request for the configuration `T`, reading variables from
    /// `source` (except for `--print-schema`, which reads none), writing the
    /// requested output to `stdout` and reports and warnings to `stderr`.
    /// Returns the exit status: 0, [`EX_CONFIG`] when the configuration does
    /// not load, or 74 when `stdout` cannot be written.
    pub fn run<T: Config>(
        &self,
        source: &dyn Source,
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
    ) -> i32 {
        let output = match self {
            Request::PrintSchema {
                format,
                secret_name,
            } => {
                let schema = T::schema();
                match (format, secret_name) {
                    (SchemaFormat::Kubernetes, Some(name)) => schema.to_kubernetes(name),
                    _ => schema.render(*format),
                }
            }
            Request::CheckConfig => match load_keeping_warnings::<T, true>(source, TRACE) {
                Ok(loaded) => {
                    print_warnings(loaded.warnings(), stderr);
                    check_summary(loaded.vars())
                }
                Err((errors, warnings)) => return report_failure(&errors, &warnings, stderr),
            },
            Request::PrintConfig => match load_keeping_warnings::<T, true>(source, TRACE) {
                Ok(loaded) => {
                    print_warnings(loaded.warnings(), stderr);
                    effective_config(loaded.vars())
                }
                Err((errors, warnings)) => return report_failure(&errors, &warnings, stderr),
            },
        };
        match stdout
            .write_all(output.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Ok(()) => 0,
            Err(error) => {
                let _ = writeln!(stderr, "error: cannot write to stdout: {error}");
                EX_IOERR
            }
        }
    }
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
            crate::error::quote_value(name)
        )))
    }
}

/// What the process should do after [`handle_args`] or [`answer`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Action<T> {
    /// Start the service with this configuration.
    Run(T),
    /// Exit with this status: a flag was answered, the load failed, or a
    /// flag was misused.
    Exit(i32),
}

impl<T> Action<T> {
    /// The configuration to run with, or exits the process with the status,
    /// after flushing stdout.
    pub fn or_exit(self) -> T {
        match self {
            Action::Run(config) => config,
            Action::Exit(code) => {
                let _ = std::io::stdout().flush();
                std::process::exit(code)
            }
        }
    }
}

/// Answers the configuration flags in `args` (the program name excluded),
/// or loads the configuration when there is none; what
/// [`Config::load_or_exit`] does with the process arguments (with the `cli`
/// feature), for services that have their own argument parser or read their
/// arguments from elsewhere. Available with or without the feature.
///
/// Requested output goes to `stdout`; reports and warnings go to `stderr`.
/// Returns [`Action::Run`] with the loaded configuration when no flag was
/// given and it loads (after printing warnings), and [`Action::Exit`]
/// otherwise, with the status to exit with.
///
/// # Flags
///
/// [`Config::load_or_exit`] and `handle_args` look for these among the
/// process arguments; [`Request::from_args`] parses them alone:
///
/// - `--print-schema[=FORMAT]` prints every variable the configuration reads
///   to stdout and exits 0, without reading any variable. `FORMAT` is one of
///   (see [`SchemaFormat`]):
///   - `text` (the default): an aligned table for the terminal: name, type,
///     default or required, secret, description;
///   - `markdown` (or `md`): a table to paste into a README;
///   - `json`: a stable shape for tools, described at
///     [`Schema::to_json`](crate::Schema::to_json);
///   - `dotenv` (or `env`): a `.env.example` file;
///   - `kubernetes` (or `k8s`): the `env:` list of a container spec, secrets
///     read with `secretKeyRef` from the Secret named by
///     `--secret-name=NAME` (default: from the prefix, such as
///     `billing-secrets`, see
///     [`Schema::default_secret_name`](crate::Schema::default_secret_name)).
/// - `--check-config` loads the configuration from the environment without
///   starting the service: on success it prints one summary line to stdout,
///   such as `configuration ok: 7 variables (3 set, 3 from defaults, 1
///   unset)`, and exits 0; otherwise it prints the report to stderr and exits
///   78.
/// - `--print-config` loads the configuration and prints one line per
///   variable to stdout: its name, its value and where the value came from
///   (`environment`, `file PATH` for `_FILE`, `default`, `deprecated alias
///   NAME`), and exits 0; or prints the report to stderr and exits 78.
///   Secrets show as `<redacted>`, unset optional variables as `<unset>`,
///   URL passwords are masked.
///
/// Only `--flag` and `--flag=value` forms are recognised, and nothing after
/// a `--` argument. Every other argument is left to the service: an unknown
/// flag is not an error. Two of the flags together are an error.
///
/// # Output and exit status
///
/// Requested output goes to stdout and nothing else does, so
/// `app --print-schema=json > schema.json` works; reports and warnings
/// (deprecated names in use, unknown variables under the prefix with a
/// "did you mean" suggestion) go to stderr. The exit statuses follow
/// sysexits.h:
///
/// | status | meaning |
/// |---|---|
/// | 0 | the flag was answered |
/// | 64 ([`EX_USAGE`]) | a flag is misused: an unknown format, a bad `--secret-name`, two flags together |
/// | 74 | stdout could not be written |
/// | 78 ([`EX_CONFIG`]) | the configuration does not load |
///
/// # With an argument parser of your own
///
/// A service with its own parser (clap, argh, pico-args, ...) can either
/// hand all its arguments to `handle_args` before parsing them itself: it
/// ignores what it does not know, and the service's parser must accept the
/// configuration flags it then never sees set (with clap, declare
/// `#[arg(long, hide = true)] check_config: bool`, and likewise
/// `print_config`, `print_schema: Option<String>` with `num_args = 0..=1`
/// and `secret_name: Option<String>`):
///
/// ```no_run
/// use twelve_config::{handle_args, Config, Env};
///
/// #[derive(Config)]
/// struct Settings {
///     port: u16,
/// }
///
/// let settings: Settings = handle_args(
///     std::env::args_os().skip(1),
///     &Env,
///     &mut std::io::stdout(),
///     &mut std::io::stderr(),
/// )
/// .or_exit();
/// // Then the service's own parser: `let cli = Cli::parse();`.
/// println!("listening on {}", settings.port);
/// ```
///
/// or declare the flags itself and build a [`Request`] for [`answer`]:
///
/// ```no_run
/// use twelve_config::{Config, Env, Request, SchemaFormat};
///
/// #[derive(Config)]
/// struct Settings {
///     port: u16,
/// }
///
/// /// What the service's own parser produced, for example with clap:
/// /// `#[arg(long, value_name = "FORMAT", num_args = 0..=1,
/// /// default_missing_value = "text")] print_schema: Option<SchemaFormat>`
/// /// (`SchemaFormat` implements `FromStr`), and
/// /// `#[arg(long)] check_config: bool`, `#[arg(long)] print_config: bool`.
/// struct Cli {
///     print_schema: Option<SchemaFormat>,
///     secret_name: Option<String>,
///     check_config: bool,
///     print_config: bool,
/// }
///
/// fn parse_cli() -> Cli {
///     // Stands for `Cli::parse()`.
///     Cli { print_schema: None, secret_name: None, check_config: true, print_config: false }
/// }
///
/// let cli = parse_cli();
/// let request = if let Some(format) = cli.print_schema {
///     Some(Request::PrintSchema { format, secret_name: cli.secret_name })
/// } else if cli.check_config {
///     Some(Request::CheckConfig)
/// } else if cli.print_config {
///     Some(Request::PrintConfig)
/// } else {
///     None
/// };
/// let settings: Settings = twelve_config::answer(
///     request.as_ref(),
///     &Env,
///     &mut std::io::stdout(),
///     &mut std::io::stderr(),
/// )
/// .or_exit();
/// println!("listening on {}", settings.port);
/// ```
///
/// # Example
///
/// ```
/// use twelve_config::{handle_args, Action, Config, Vars};
///
/// #[derive(Config, Debug)]
/// #[config(prefix = "APP_")]
/// struct Settings {
///     /// TCP port to listen on.
///     port: u16,
/// }
///
/// let vars = Vars::new([("APP_PORT", "8080")]);
/// let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
/// let action = handle_args::<Settings>(["--verbose"], &vars, &mut stdout, &mut stderr);
/// assert!(matches!(action, Action::Run(Settings { port: 8080 })));
///
/// let action = handle_args::<Settings>(["--check-config"], &vars, &mut stdout, &mut stderr);
/// assert!(matches!(action, Action::Exit(0)));
/// assert_eq!(
///     String::from_utf8(stdout).unwrap(),
///     "configuration ok: 1 variable (1 set, 0 from defaults, 0 unset)\n"
/// );
/// ```
pub fn handle_args<T: Config>(
    args: impl IntoIterator<Item = impl AsRef<OsStr>>,
    source: &dyn Source,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Action<T> {
    match Request::from_args(args) {
        Ok(request) => answer(request.as_ref(), source, stdout, stderr),
        Err(error) => {
            let _ = writeln!(stderr, "error: {error}");
            Action::Exit(EX_USAGE)
        }
    }
}

/// Answers `request` like [`handle_args`], or loads the configuration when
/// it is `None`: for services whose own argument parser recognised the
/// flags (see [`handle_args`] for an example).
pub fn answer<T: Config>(
    request: Option<&Request>,
    source: &dyn Source,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Action<T> {
    if let Some(request) = request {
        return Action::Exit(request.run::<T>(source, stdout, stderr));
    }
    // The warnings of a full load, without recording where each value came
    // from: nothing here shows that.
    match load_keeping_warnings::<T, true>(source, None) {
        Ok(loaded) => {
            print_warnings(loaded.warnings(), stderr);
            Action::Run(loaded.into_config())
        }
        Err((errors, warnings)) => Action::Exit(report_failure(&errors, &warnings, stderr)),
    }
}

fn print_warnings(warnings: &[Warning], stderr: &mut dyn Write) {
    for warning in warnings {
        let _ = writeln!(stderr, "{warning}");
    }
}

/// Prints the report, then the load's warnings: unknown variables under
/// the prefix often explain a missing one (`APP_PROT` for `APP_PORT`).
fn report_failure(errors: &crate::Errors, warnings: &[Warning], stderr: &mut dyn Write) -> i32 {
    let _ = writeln!(stderr, "{errors}");
    print_warnings(warnings, stderr);
    EX_CONFIG
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `configuration ok: 7 variables (3 set, 3 from defaults, 1 unset)`.
fn check_summary(vars: &[crate::ResolvedVar]) -> String {
    use crate::Origin;
    let defaulted = vars
        .iter()
        .filter(|v| *v.origin() == Origin::Default)
        .count();
    let unset = vars.iter().filter(|v| *v.origin() == Origin::Unset).count();
    let set = vars.len() - defaulted - unset;
    format!(
        "configuration ok: {} ({set} set, {defaulted} from defaults, {unset} unset)\n",
        plural(vars.len(), "variable")
    )
}

/// One line per variable: name, value and origin, aligned.
fn effective_config(vars: &[crate::ResolvedVar]) -> String {
    use crate::Origin;
    let width = vars
        .iter()
        .map(|v| v.name().chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for var in vars {
        let line = match (var.origin(), var.shown_value()) {
            (Origin::Unset, _) => format!("{:width$}  <unset>", var.name()),
            (origin, value) => {
                let value = match value {
                    Some(value) if !var.is_secret() => shown_value(value),
                    _ => "<redacted>".to_owned(),
                };
                let origin = origin.to_string();
                format!(
                    "{:width$}  {value}  ({})",
                    var.name(),
                    shown_origin(&origin)
                )
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A value as `--print-config` shows it: as is when that is unambiguous,
/// quoted and escaped when it is empty, has surrounding whitespace, holds
/// control characters or starts with a quote or `<`.
fn shown_value(value: &str) -> String {
    let ambiguous = value.is_empty()
        || value.trim() != value
        || value.starts_with(['"', '<'])
        || value.chars().any(char::is_control);
    if ambiguous {
        format!("{value:?}")
    } else {
        value.to_owned()
    }
}

/// An origin with control characters in a file path escaped.
fn shown_origin(origin: &str) -> String {
    origin
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

#[cfg(feature = "cli")]
pub(crate) fn load_or_exit<T: Config>() -> T {
    let args = std::env::args_os().skip(1);
    let action = handle_args::<T>(
        args,
        &crate::Env,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    action.or_exit()
}

/// Without the `cli` feature: [`load_or_report`] from the process
/// environment, exiting with status 78 when it fails.
#[cfg(not(feature = "cli"))]
pub(crate) fn load_or_exit<T: Config>() -> T {
    let (config, text) = load_or_report::<T>(&crate::Env);
    if !text.is_empty() {
        // At once, so that the report's lines stay together.
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    match config {
        Some(config) => config,
        None => {
            let _ = std::io::stdout().flush();
            std::process::exit(EX_CONFIG)
        }
    }
}

/// What [`Config::load_or_exit`] does without the `cli` feature, apart from
/// printing and exiting: loads from `source` and returns the configuration
/// if it loaded, with what to print to stderr: the report of a failed load,
/// then the warnings about deprecated names (empty when all is well).
///
/// It answers no flag and does not scan the environment for unknown
/// variables (unless the struct has `deny_unknown`): the flags' answers and
/// the scan make most of `load_or_exit`'s code, which a service built
/// without the feature does without.
pub fn load_or_report<T: Config>(source: &dyn Source) -> (Option<T>, String) {
    let walked = crate::load::walk::<T, false>(source, None);
    // Written by code that is not generic: one copy in every program,
    // whatever it loads.
    let (ok, text) = report(walked.errors, walked.notes, walked.warnings);
    (walked.config.filter(|_| ok), text)
}

/// The report, if any, then the warnings; and whether there is no problem.
fn report(errors: Vec<crate::Error>, notes: Vec<String>, warnings: Vec<Warning>) -> (bool, String) {
    use std::fmt::Write as _;
    let ok = errors.is_empty();
    let mut text = String::new();
    if !ok {
        let errors = crate::Errors::from_vec(errors).with_notes(notes);
        let _ = writeln!(text, "{errors}");
    }
    for warning in &warnings {
        let _ = writeln!(text, "{warning}");
    }
    (ok, text)
}
