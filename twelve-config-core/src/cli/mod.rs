//! [`Config::load_or_exit`], and with the `cli` feature the command-line
//! flags a configuration answers.
//!
//! Without the feature, `load_or_exit` loads, prints the report and exits:
//! the flags' parser, their answers and the documents they print (the
//! schema's renderings, the JSON reports) are not compiled at all, which is
//! about a third of the runtime's code.

#[cfg(not(feature = "cli"))]
use std::io::Write;

use crate::loaded::Warning;
use crate::source::Source;
use crate::Config;

#[cfg(feature = "cli")]
pub use self::args::{ReportFormat, Request, UsageError};
#[cfg(feature = "cli")]
pub(crate) use self::flags::load_or_exit;
#[cfg(feature = "cli")]
pub use self::flags::{answer, handle_args, handle_flags, Action, EX_USAGE};
pub use self::options::Options;
#[cfg(feature = "cli")]
pub use crate::schema::SchemaFormat;

#[cfg(feature = "cli")]
mod args;
#[cfg(feature = "cli")]
mod flags;
pub(crate) mod options;
#[cfg(feature = "cli")]
mod text;

/// The exit status for a configuration error: `EX_CONFIG` from sysexits.h.
pub const EX_CONFIG: i32 = 78;

/// Without the `cli` feature: [`load_or_report`] from `source` (the process
/// environment, or it over a `.env` file), exiting with status 78 when it fails.
#[cfg(not(feature = "cli"))]
// Inline: see `load::walk`.
#[inline]
pub(crate) fn load_or_exit<T: Config>(source: &dyn Source) -> T {
    let (config, text) = load_or_report::<T>(source);
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

/// Without the `cli` feature: [`load_or_exit`] from a source with problems
/// of its own (a `.env` file's lines that do not parse), which come first
/// in the report. Apart so that a program that loads from the environment
/// alone carries none of it.
#[cfg(all(feature = "dotenv", not(feature = "cli")))]
pub(crate) fn load_or_exit_joined<T: Config>(source: &dyn Source) -> T {
    let walked = crate::load::walk::<T, false>(source, None);
    let mut errors = source.__problems();
    errors.extend(walked.errors);
    let (ok, text) = report(errors, walked.notes, walked.warnings);
    if !text.is_empty() {
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    match walked.config.filter(|_| ok) {
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
// Inline: see `load::walk`.
#[inline]
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
