//! Loading: one walk over a configuration's fields, then the unknown
//! variables.

use crate::error::{Error, Errors};
use crate::loaded::{Loaded, ResolvedVar, Warning};
use crate::source::Source;
use crate::walk::{Finished, Tracer, Walker};
use crate::Config;

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
        notes,
        vars,
        warnings,
    } = walk::<T, UNKNOWN>(source, trace);
    match config {
        Some(config) if errors.is_empty() => Ok(Loaded {
            config,
            vars,
            warnings,
        }),
        _ => Err((Errors::from_vec(errors).with_notes(notes), warnings)),
    }
}

/// What one walk over `T`'s fields loaded and found.
pub(crate) struct Walked<T> {
    /// The configuration, when every field has a value (the load still
    /// fails if there are errors, such as a validation rule's).
    pub(crate) config: Option<T>,
    pub(crate) errors: Vec<Error>,
    /// Rules that could not be checked.
    pub(crate) notes: Vec<String>,
    /// Where each value came from, when the load traced.
    pub(crate) vars: Vec<ResolvedVar>,
    pub(crate) warnings: Vec<Warning>,
}

/// Walks `T`'s fields to load them, then adds the unknown variables: as
/// warnings when `UNKNOWN`, as errors under `deny_unknown`; and variables
/// that look like a known name mistyped, as warnings.
// Inline, as are `load_or_exit` and `load_or_report` without the `cli`
// feature: a program then compiles the generic steps of its load in one
// code unit with its struct's `__visit`, which is inlined into its one
// caller; compiled apart (each generic function goes with its module),
// they kept separate copies and unwinding tables, about 1.3 KB of a lean
// service's binary.
#[inline]
pub(crate) fn walk<T: Config, const UNKNOWN: bool>(
    source: &dyn Source,
    trace: Option<Tracer>,
) -> Walked<T> {
    let mut config = None;
    let Finished {
        mut errors,
        notes,
        vars,
        mut warnings,
    } = Walker::run_load(
        source,
        trace,
        T::__PREFIX,
        T::__SEPARATOR,
        T::__FILE_SUFFIX,
        &mut |walker| {
            config = T::__visit(walker);
        },
    );
    if UNKNOWN || T::__DENY_UNKNOWN {
        let scan = crate::unknown::scan::<T>(source);
        for (var, kind) in scan.unknown {
            // Where the operator wrote it, when that was not the
            // environment: an env file and its line, a flag.
            let given = source.__given_by(&var);
            if T::__DENY_UNKNOWN {
                let error = Error::new(var, "", kind);
                errors.push(match given {
                    Some(given) => error.with_note(given),
                    None => error,
                });
            } else {
                warnings.push(Warning::unknown(var, &kind, given.as_deref()));
            }
        }
        warnings.extend(scan.misspelled);
        // Set but hidden by a flag: not used either.
        hidden_by_flags(source, &mut warnings);
    }
    Walked {
        config,
        errors,
        notes,
        vars,
        warnings,
    }
}

/// Warns of each variable that a flag on the command line hides. Apart
/// from the generic walk, so that every program shares one copy.
fn hidden_by_flags(source: &dyn Source, warnings: &mut Vec<Warning>) {
    for (var, flag) in source.__hidden_by_flags() {
        warnings.push(Warning::overridden(var, &flag));
    }
}
