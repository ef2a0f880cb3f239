//! Loading: one walk over a configuration's fields, then the unknown
//! variables.

use std::collections::HashSet;

use crate::error::{Error, ErrorKind, Errors};
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
/// warnings when `UNKNOWN`, as errors under `deny_unknown`.
pub(crate) fn walk<T: Config, const UNKNOWN: bool>(
    source: &dyn Source,
    trace: Option<Tracer>,
) -> Walked<T> {
    let mut walker = Walker::load::<T>(source, trace);
    let config = T::__visit(&mut walker);
    let Finished {
        mut errors,
        notes,
        vars,
        mut warnings,
    } = walker.finish_load();
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
        notes,
        vars,
        warnings,
    }
}

/// Variables that carry `T`'s prefix, in any ASCII case, but that no field
/// reads, sorted, each with a suggestion when a known name is close (case
/// ignored, so `app_port` is pointed at `APP_PORT`).
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
        known.extend(var.fallbacks().iter().copied());
    }
    let mut unknown = Vec::new();
    source.for_each_name(&mut |name| {
        if let Some(name) = name.to_str() {
            // Names are read exactly; `app_port` is scanned too, so that a
            // name written in the wrong case is pointed at its spelling
            // instead of being ignored in silence.
            let under_prefix = name
                .get(..prefix.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(prefix));
            if under_prefix && !known.contains(name) {
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
