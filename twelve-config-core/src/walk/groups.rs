//! Nested structs and optional groups.

use super::{Nested, Walker};
use crate::error::ErrorKind;
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
    let outer = walker.group.replace(Vec::new());
    // A group records which of its variables are set: no plain reads.
    let plain_source = walker.plain_source.take();
    let value = visit::<T>(walker, group, true);
    walker.plain_source = plain_source;
    let enablers = std::mem::replace(&mut walker.group, outer).unwrap_or_default();
    if enablers.is_empty() {
        walker.errors.truncate(errors_before);
        walker.notes.truncate(notes_before);
        walker.warnings_truncate(warnings_before);
        walker.trace_truncate(trace_before);
        return Some(None);
    }
    // Said once, at the group's first missing variable that no inner
    // group has explained already.
    let missing = walker.errors[errors_before..]
        .iter_mut()
        .find(|e| matches!(e.kind(), ErrorKind::Missing { .. }) && e.note().is_none());
    if let Some(error) = missing {
        let note = format!(
            "the optional group {}{} is enabled because {} {} set",
            walker.path,
            group.ident,
            enablers.join(", "),
            if enablers.len() == 1 { "is" } else { "are" }
        );
        *error = error.clone().with_note(note);
    }
    if let Some(outer) = &mut walker.group {
        outer.extend(enablers);
    }
    value.map(Some)
}
