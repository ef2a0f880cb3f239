//! The command-line flags a configuration answers (the `cli` feature):
//! `--print-schema`, `--check-config` and `--print-config`.
//!
//! See [`handle_args`] for the flags, the formats and the exit statuses.

use std::ffi::OsStr;
use std::io::Write;

use super::args::{ReportFormat, Request};
use super::text::{check_summary, effective_config};
use super::EX_CONFIG;
use crate::error::Errors;
use crate::load::load_keeping_warnings;
use crate::loaded::{Loaded, Warning};
use crate::report::report_json;
use crate::schema::SchemaFormat;
use crate::source::Source;
use crate::walk::TRACE;
use crate::Config;

/// The exit status for a misused flag, such as an unknown schema format:
/// `EX_USAGE` from sysexits.h.
pub const EX_USAGE: i32 = 64;

/// The exit status when stdout cannot be written: `EX_IOERR`.
const EX_IOERR: i32 = 74;

impl Request {
    /// Answers the request for the configuration `T`, reading variables from
    /// `source` (except for `--print-schema`, which reads none), writing the
    /// requested output to `stdout` and reports and warnings to `stderr`.
    /// Returns the exit status: 0, [`EX_CONFIG`] when the configuration does
    /// not load, or 74 when `stdout` cannot be written. A reader that closed
    /// `stdout` early (`app --print-schema | head`) is no error: the status
    /// is 0 and nothing is printed.
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
            Request::CheckConfig { format, env_files }
            | Request::PrintConfig { format, env_files } => {
                #[cfg(feature = "dotenv")]
                let files = (!env_files.is_empty()).then(|| crate::dotenv::Files::read(env_files));
                #[cfg(feature = "dotenv")]
                let source: &dyn Source = match &files {
                    Some(files) => files,
                    None => source,
                };
                #[cfg(not(feature = "dotenv"))]
                let _ = env_files;
                let check = matches!(self, Request::CheckConfig { .. });
                match (load_joined::<T>(source, TRACE), format) {
                    (Ok(loaded), ReportFormat::Json) => {
                        report_json(None, loaded.vars(), loaded.warnings())
                    }
                    (Err((errors, warnings)), ReportFormat::Json) => {
                        let json = report_json(Some(&errors), &[], &warnings);
                        return match write_out(&json, stdout, stderr) {
                            0 => EX_CONFIG,
                            status => status,
                        };
                    }
                    (Ok(loaded), _) => {
                        print_warnings(loaded.warnings(), stderr);
                        let vars = loaded.vars();
                        if check {
                            check_summary(vars)
                        } else {
                            effective_config(vars)
                        }
                    }
                    (Err((errors, warnings)), _) => {
                        return report_failure(&errors, &warnings, stderr)
                    }
                }
            }
        };
        write_out(&output, stdout, stderr)
    }
}

/// Loads `T` from `source`, the source's own problems (a `.env` line that
/// does not parse) first in the report, and a variable that two fields
/// read, a bug that a load cannot see.
fn load_joined<T: Config>(
    source: &dyn Source,
    trace: Option<crate::walk::Tracer>,
) -> Result<Loaded<T>, (Errors, Vec<Warning>)> {
    let loaded = load_keeping_warnings::<T, true>(source, trace);
    let mut problems = source.__problems();
    problems.extend(T::schema().read_twice());
    if problems.is_empty() {
        return loaded;
    }
    match loaded {
        Ok(loaded) => Err((Errors::from_vec(problems), loaded.warnings().to_vec())),
        Err((errors, warnings)) => {
            problems.extend(errors);
            Err((Errors::from_vec(problems), warnings))
        }
    }
}

/// Writes the requested output; returns the exit status.
fn write_out(output: &str, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => 0,
        // The reader left, as `head` does once it has its lines: what it
        // read is all that was wanted, so end quietly.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(error) => {
            let _ = writeln!(stderr, "error: cannot write to stdout: {error}");
            EX_IOERR
        }
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
///   (`environment`, `file PATH` for `_FILE`, `default`, `computed`,
///   `deprecated alias NAME`), and exits 0; or prints the report to stderr
///   and exits 78. Secrets show as `<redacted>`, unset optional variables as
///   `<unset>`, a computed default whose type cannot write itself as text
///   (no [`EnvValue::to_env`](crate::EnvValue::to_env)) as `<no text form>`;
///   the password of any URL in a value is masked (`scheme://user:***@host`),
///   whatever the field's type.
/// - `--format=json` with `--check-config` or `--print-config` prints one
///   JSON document to stdout instead, whether the configuration loads or
///   not (the exit status is the same): the problems, the warnings and each
///   variable with its origin, in the versioned shape described at
///   [`Loaded::to_json`](crate::Loaded::to_json). `--format=text` is the
///   default.
/// - `--env-file=PATH` with `--check-config` or `--print-config` (with the
///   `dotenv` feature, on by default) reads the variables from that `.env`
///   file instead of the process environment, so that CI can check each
///   deployment's file against the new build before it runs. Repeated, the
///   files are read as one, a later file winning (a base file, then an
///   environment's overrides). The process environment is not read (but
///   for `${VAR}` substitutions written in the file): the machine that
///   checks is not the deployment. A line that does not
///   parse joins the report, naming the file and line. Paths that `_FILE`
///   variables name are read on the machine that checks.
///
/// A value is given after `=` or as the next argument (`--print-schema
/// json`, `--secret-name shop`); `--print-schema` takes the next argument as
/// its format unless it starts with `-`. Nothing after a `--` argument is
/// read. Every other argument is left to the service (a subcommand, its
/// own flags): an unknown flag is not an error here. An argument meant for
/// the crate is never ignored: two of the flags together, a value given to
/// `--check-config`, an option the flag does not use (`--secret-name`
/// without `--print-schema=kubernetes`), or a near miss of one of the three
/// (`--chek-config`, `--print-confg`: a letter left out, added, changed or
/// swapped; a flag that only adds to or cuts one, such as
/// `--print-schemas`, stays the service's) is a usage error. The options belong to the crate only beside
/// one of the three flags; alone, they are left to the service. The flag is
/// answered before the service reads its own arguments, so a service whose
/// flags override variables (`--port 9000`) answers with
/// [`Request::split_args`] and [`answer`], for `--check-config` to see
/// them.
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
/// | 64 ([`EX_USAGE`]) | a flag is misused: an unknown format, a bad or unused `--secret-name` or `--format`, two flags together |
/// | 74 | stdout could not be written (a reader that closed it early, as `head` does, is not an error: 0) |
/// | 78 ([`EX_CONFIG`]) | the configuration does not load |
///
/// # With an argument parser of your own
///
/// A service with its own parser (clap, argh, pico-args, ...) can either
/// answer the configuration flags with [`handle_flags`] first, then run its
/// parser, then load. Its parser never sees the configuration flags (they
/// exit before it runs), so it need not declare them; and since nothing is
/// loaded before it runs, its `--help` and `--version` work whatever the
/// environment holds (loading first would answer `app --help` with the
/// configuration report and status 78). `examples/with_clap.rs` does this
/// with clap:
///
/// ```no_run
/// use twelve_config::{handle_flags, Config, Env};
///
/// #[derive(Config)]
/// struct Settings {
///     port: u16,
/// }
///
/// // 1. --print-schema, --check-config, --print-config: answered, then exit.
/// let args = std::env::args_os().skip(1);
/// if let Some(status) = handle_flags::<Settings>(args, &Env, &mut std::io::stdout(), &mut std::io::stderr()) {
///     std::process::exit(status);
/// }
/// // 2. The service's own parser, such as `let cli = Cli::parse();`: its
/// //    --help and --version exit here, before any variable is read.
/// // 3. The configuration.
/// let settings = Settings::load_or_exit();
/// println!("listening on {}", settings.port);
/// ```
///
/// or declare the flags itself and build a [`Request`] for [`answer`]:
///
/// ```no_run
/// use twelve_config::{Config, Env, ReportFormat, Request, SchemaFormat};
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
///     Some(Request::CheckConfig { format: ReportFormat::Text, env_files: Vec::new() })
/// } else if cli.print_config {
///     Some(Request::PrintConfig { format: ReportFormat::Text, env_files: Vec::new() })
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

/// Answers the configuration flag in `args` (the program name excluded) and
/// returns the exit status, or returns `None` without reading any variable
/// when there is none: the first step of a service with its own argument
/// parser, which runs next and handles `--help` and `--version` before the
/// configuration is loaded (see [`handle_args`] for the whole pattern).
///
/// ```
/// use twelve_config::{handle_flags, Config, Vars};
///
/// #[derive(Config)]
/// struct Settings {
///     port: u16,
/// }
///
/// // Nothing is set, yet --help is left to the service's parser.
/// let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
/// let nothing = Vars::default();
/// assert_eq!(handle_flags::<Settings>(["--help"], &nothing, &mut stdout, &mut stderr), None);
/// assert_eq!(handle_flags::<Settings>(["--check-config"], &nothing, &mut stdout, &mut stderr), Some(78));
/// ```
pub fn handle_flags<T: Config>(
    args: impl IntoIterator<Item = impl AsRef<OsStr>>,
    source: &dyn Source,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Option<i32> {
    match Request::from_args(args) {
        Ok(request) => request.map(|request| request.run::<T>(source, stdout, stderr)),
        Err(error) => {
            let _ = writeln!(stderr, "error: {error}");
            Some(EX_USAGE)
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
    match load_joined::<T>(source, None) {
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

/// With the `cli` feature: the flags answered from the process arguments,
/// or the configuration loaded from `source`.
pub(crate) fn load_or_exit<T: Config>(source: &dyn Source) -> T {
    let args = std::env::args_os().skip(1);
    let action = handle_args::<T>(
        args,
        source,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    action.or_exit()
}
