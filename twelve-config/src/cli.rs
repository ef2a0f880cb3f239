//! `load_or_exit` and the command-line flags a configuration answers.

use std::ffi::OsString;
use std::io::Write;

use crate::Config;

/// The exit status for a configuration error: `EX_CONFIG` from sysexits.h.
pub const EX_CONFIG: i32 = 78;

/// A schema output format for `--print-schema=FORMAT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SchemaFormat {
    /// An aligned table for the terminal.
    Text,
}

/// What the process should do after [`handle_args`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Action<T> {
    /// Start the service with this configuration.
    Run(T),
    /// Exit with this status: a flag was answered, or the load failed.
    Exit(i32),
}

/// Answers the configuration flags in `args` (the program name excluded),
/// writing requested output to `stdout` and reports and warnings to
/// `stderr`, for services whose own argument parser forwards the flags.
pub fn handle_args<T: Config>(
    _args: &[OsString],
    source: &dyn crate::Source,
    _stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Action<T> {
    match T::load(source) {
        Ok(loaded) => {
            for warning in loaded.warnings() {
                let _ = writeln!(stderr, "{warning}");
            }
            Action::Run(loaded.into_config())
        }
        Err(errors) => {
            let _ = writeln!(stderr, "{errors}");
            Action::Exit(EX_CONFIG)
        }
    }
}

pub(crate) fn load_or_exit<T: Config>() -> T {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let action = handle_args::<T>(
        &args,
        &crate::Env,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    match action {
        Action::Run(config) => config,
        Action::Exit(code) => {
            let _ = std::io::stdout().flush();
            std::process::exit(code)
        }
    }
}
