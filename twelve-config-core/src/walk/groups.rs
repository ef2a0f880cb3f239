//! Nested structs and optional groups.

use super::{Nested, Walker};
use crate::error::ErrorKind;
use crate::loaded::Warning;
use crate::Config;

/// Loads a `#[config(nested)]` or `#[config(flatten)]` field.
pub fn nested<T: Config>(walker: &mut Walker<'_>, nested: &Nested) -> Option<T> {
    visit::<T>(walker, nested, false)
}

fn visit<T: Config>(walker: &mut Walker<'_>, nested: &Nested, optional: bool) -> Option<T> {
    let doc = if nested.doc.is_empty() {
        T::__DOC
    } else {
        nested.doc
    };
    let path = format!("{}{}", walker.path, nested.ident);
    let start = walker.start_group(path, doc, optional);
    let saved = walker.enter(nested, T::__SEPARATOR);
    let value = T::__visit(walker);
    walker.leave(saved);
    if let Some(start) = start {
        walker.end_group(start);
    }
    value
}

/// What the walk found of an optional group's variables.
#[derive(Default)]
pub(super) struct Seen {
    /// The variables set: any of them turns the group on.
    pub(super) set: Vec<String>,
    /// The variables set but empty, which count as unset: when the group
    /// stays off, each gets a warning, since the operator set it.
    pub(super) empty: Vec<String>,
    /// The variables unset (the empty ones included): when the group
    /// stays off, all of its variables.
    pub(super) unset: Vec<String>,
}

/// An optional group as a load found it, for the presence rules that name
/// it.
pub(super) struct Outcome {
    /// Its field path.
    pub(super) path: String,
    /// The variables that turned it on; none when it is off.
    pub(super) set: Vec<String>,
    /// Its variables that are unset.
    pub(super) unset: Vec<String>,
}

/// Loads an `Option<T>` `#[config(nested)]` field: an optional group that is
/// `None` when none of its variables is set (its value, an alias, a
/// fallback or its `_FILE`), and loads fully otherwise, every problem
/// reported.
pub fn optional_nested<T: Config>(walker: &mut Walker<'_>, group: &Nested) -> Option<Option<T>> {
    if walker.describing() {
        visit::<T>(walker, group, true);
        return None;
    }
    if walker.all_groups {
        return visit::<T>(walker, group, true).map(Some);
    }
    let errors_before = walker.errors.len();
    let notes_before = walker.notes.len();
    let warnings_before = walker.warnings_len();
    let trace_before = walker.trace_len();
    let outer = walker.group.replace(Seen::default());
    // A group records which of its variables are set: no plain reads.
    let plain_source = walker.plain_source.take();
    let value = visit::<T>(walker, group, true);
    walker.plain_source = plain_source;
    let seen = std::mem::replace(&mut walker.group, outer).unwrap_or_default();
    let name = format!("{}{}", walker.path, group.ident);
    if seen.set.is_empty() {
        // Off: what its fields reported does not apply, but a variable set
        // to the empty string was set by someone, so it is not passed over
        // in silence. An enclosing group that stays off too says it again,
        // in its own words, in place of these. `--print-config` lists the
        // group's variables as off.
        walker.errors.truncate(errors_before);
        walker.notes.truncate(notes_before);
        walker.warnings_truncate(warnings_before);
        walker.trace_group_off(trace_before, &name);
        for var in &seen.empty {
            walker.warn(Warning::empty_in_group(var, &name));
        }
        if let Some(outer) = &mut walker.group {
            outer.empty.extend(seen.empty);
            outer.unset.extend(seen.unset.iter().cloned());
        }
        walker.groups_seen.push(Outcome {
            path: name,
            set: Vec::new(),
            unset: seen.unset,
        });
        return Some(None);
    }
    // Said once, at the group's first problem that does not explain itself
    // (a missing variable, a rule, an empty value, that does not name every
    // variable that turned the group on) and that no inner group has
    // explained already.
    let unexplained = walker.errors[errors_before..].iter_mut().find(|e| {
        matches!(
            e.kind(),
            ErrorKind::Missing { .. } | ErrorKind::Rule { .. } | ErrorKind::Empty
        ) && e.note().is_none()
            && !seen.set.iter().all(|var| e.vars().contains(var))
    });
    if let Some(error) = unexplained {
        let note = format!(
            "the optional group {name} is enabled because {} {} set",
            seen.set.join(", "),
            if seen.set.len() == 1 { "is" } else { "are" }
        );
        *error = error.clone().with_note(note);
    }
    if let Some(outer) = &mut walker.group {
        outer.set.extend(seen.set.iter().cloned());
        outer.unset.extend(seen.unset.iter().cloned());
    }
    walker.groups_seen.push(Outcome {
        path: name,
        set: seen.set,
        unset: seen.unset,
    });
    value.map(Some)
}
