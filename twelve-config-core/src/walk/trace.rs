//! What a traced load records: where each value came from
//! ([`Loaded::vars`](crate::Loaded::vars)).

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::borrow::Cow;
use std::ffi::OsStr;

use super::slot::Slot;
use super::{Field, Mode, Walker};
use crate::loaded::{Origin, ResolvedVar};

/// Where each value of a traced load came from.
pub(super) struct Trace {
    vars: Vec<ResolvedVar>,
    record: RecordTrace,
}

impl Trace {
    #[inline]
    pub(super) fn new(Tracer(record): Tracer) -> Self {
        Trace {
            vars: Vec::new(),
            record,
        }
    }

    #[inline]
    pub(super) fn into_vars(self) -> Vec<ResolvedVar> {
        let mut vars = self.vars;
        // Here, where every shown value passes, rather than in each parser.
        for var in &mut vars {
            var.mask_passwords();
        }
        vars
    }

    /// How many variables are recorded, so that an optional group that
    /// stays off can mark what it recorded.
    #[inline]
    pub(super) fn len(&self) -> usize {
        self.vars.len()
    }

    /// Marks what was recorded from `start` on as belonging to the optional
    /// group `group`, which stays off: its defaults do not apply, and what
    /// is set in it (where `enabled_by` names other fields) is not used,
    /// but for the switches in `switched_off`, set to a value that means
    /// off.
    ///
    /// `set`: the variables found set in the group, so that one whose
    /// value was rejected and read as unset (`invalid = "unset"`), traced
    /// with its default, is listed as set but not used all the same.
    #[inline]
    pub(super) fn group_off(
        &mut self,
        start: usize,
        group: &str,
        switched_off: &[String],
        set: &[String],
    ) {
        for var in &mut self.vars[start..] {
            if switched_off.contains(&var.name) {
                // Used: it keeps the group off.
                continue;
            }
            var.origin = match var.origin {
                Origin::Default | Origin::Computed | Origin::Unset | Origin::GroupOff(_) => {
                    var.value = None;
                    if set.contains(&var.name) {
                        Origin::Unused(group.to_owned())
                    } else {
                        Origin::GroupOff(group.to_owned())
                    }
                }
                _ => Origin::Unused(group.to_owned()),
            };
        }
    }
}

type RecordTrace = fn(&mut Walker<'_>, &Field, &dyn Slot, Option<&OsStr>, &Origin);

/// What a load passes to be traced: [`TRACE`], or `None`.
///
/// The tracing code is reached through a pointer that only the loads which
/// trace name: a program that never traces does not carry it. A `bool`
/// would not do: the code behind it would be compiled into every load.
#[derive(Clone, Copy)]
pub(crate) struct Tracer(RecordTrace);

/// Traces a load: [`Loaded::vars`](crate::Loaded::vars).
pub(crate) const TRACE: Option<Tracer> = Some(Tracer(record_trace));

impl Walker<'_> {
    /// Records where a value came from, when this load traces.
    ///
    /// Not inlined: each place that may trace is then one call, rather
    /// than the check and the origin's drop code copied into each (about
    /// 300 bytes in a program that loads); a load that does not trace pays
    /// a call that returns at once, 34 instructions of a 50-field load's
    /// 98,560.
    #[inline(never)]
    pub(super) fn trace(
        &mut self,
        field: &Field,
        parser: &dyn Slot,
        raw: Option<&OsStr>,
        origin: &Origin,
    ) {
        if let Mode::Load {
            trace: Some(Trace { record, .. }),
            ..
        } = self.mode
        {
            record(self, field, parser, raw, origin);
        }
    }

    /// Records a computed default, shown as `shown` (already redacted).
    #[inline]
    pub(super) fn trace_computed(&mut self, field: &Field, shown: Option<String>, secret: bool) {
        if self.tracing() {
            let resolved = ResolvedVar {
                name: self.var().to_owned(),
                field: self.field_path(field),
                origin: Origin::Computed,
                value: shown,
                secret,
            };
            if let Mode::Load {
                trace: Some(trace), ..
            } = &mut self.mode
            {
                trace.vars.push(resolved);
            }
        }
    }

    /// How many variables the trace holds (0 when not tracing).
    #[inline]
    pub(super) fn trace_len(&self) -> usize {
        match &self.mode {
            Mode::Load { trace: Some(t), .. } => t.len(),
            _ => 0,
        }
    }

    /// See [`Trace::group_off`].
    #[inline]
    pub(super) fn trace_group_off(
        &mut self,
        start: usize,
        group: &str,
        switched_off: &[String],
        set: &[String],
    ) {
        if let Mode::Load { trace: Some(t), .. } = &mut self.mode {
            t.group_off(start, group, switched_off, set);
        }
    }
}

/// Records where the current variable's value came from in a traced load.
#[inline]
fn record_trace(
    walker: &mut Walker<'_>,
    field: &Field,
    parser: &dyn Slot,
    raw: Option<&OsStr>,
    origin: &Origin,
) {
    let value = raw.and_then(|raw| match raw.to_str() {
        Some(text) => parser.redact(text).map(Cow::into_owned),
        None if parser.secret() => None,
        None => Some(raw.to_string_lossy().into_owned()),
    });
    let resolved = ResolvedVar {
        name: walker.var().to_owned(),
        field: walker.field_path(field),
        origin: origin.clone(),
        value,
        secret: parser.secret(),
    };
    if let Mode::Load {
        trace: Some(trace), ..
    } = &mut walker.mode
    {
        trace.vars.push(resolved);
    }
}
