//! Optional groups chosen by a value: `#[config(nested, enabled_if(storage
//! = "s3"))]`. The value is judged as a `required_if` condition is; the
//! group then loads, or stays off, as [`groups`](super::groups) loads any
//! optional group.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use super::groups::{load_group, Chosen, Unchosen};
use super::{Choice, Condition, Nested, Walker};
use crate::error::{Error, ErrorKind};
use crate::Config;

/// Loads an `Option<T>` group with `enabled_if`: on when a field of the
/// declaring struct has one of the values named, whatever of the group's
/// own variables is set. `conditions` says, for each of the group's
/// [`Choice`](super::Choice)s in order, whether its value is there.
///
/// A condition field that did not load, or that cannot be compared with
/// its text, leaves the group unjudged: it is not loaded, and what is set
/// in it is said to be unused for that reason (the load fails on the
/// field's own problem anyway).
pub fn chosen_nested<T: Config>(
    walker: &mut Walker<'_>,
    group: &Nested,
    conditions: &[Condition],
) -> Option<Option<T>> {
    if walker.describing() {
        return load_group(walker, group, None);
    }
    let mut met = None;
    let mut not_loaded = None;
    let mut vars: Vec<String> = Vec::new();
    for (choice, condition) in group.enabled_if.iter().zip(conditions) {
        let var = walker.name_of(choice.field);
        match condition {
            Condition::Met if met.is_none() => {
                // An operator looking for what turned the group on finds
                // nothing set when the default did.
                let default = if walker.is_set(choice.field) {
                    ""
                } else {
                    " (its default)"
                };
                met = Some((var.clone(), format!("{var} is {}{default}", choice.equals)));
            }
            Condition::NotLoaded if not_loaded.is_none() => {
                not_loaded = Some(format!("{var} did not load"));
            }
            Condition::Unreadable(reason) => {
                unreadable_choice(walker, group, choice, reason);
                // Not judged, as when the field did not load: "is not s3"
                // would be untrue, and of a secret, would say what it is not.
                if not_loaded.is_none() {
                    not_loaded = Some(format!("{var} cannot choose it (a bug in the program)"));
                }
            }
            _ => {}
        }
        if !vars.contains(&var) {
            vars.push(var);
        }
    }
    if walker.all_groups {
        // `check_defaults`: every group is loaded; only an unreadable text
        // above counts.
        return load_group(walker, group, None);
    }
    let chosen = match (met, not_loaded) {
        (Some((var, because)), _) => Chosen::On { var, because },
        (None, Some(why)) => Chosen::Off(Unchosen { why, vars }),
        (None, None) => Chosen::Off(Unchosen {
            why: not_chosen(walker, group),
            vars,
        }),
    };
    load_group(walker, group, Some(chosen))
}

/// How the problem of an `enabled_if` whose text its condition cannot read
/// ends: `check_defaults` reports such problems.
pub(crate) const NEVER_ON: &str = ", so the group could never be on";

/// An `enabled_if` whose text the condition field's type cannot read: the
/// group could never be on, which is a mistake in the program.
// Inline, as the generic code that calls it: built only into programs
// with chosen groups (see `groups::group_off`).
#[inline]
fn unreadable_choice(walker: &mut Walker<'_>, group: &Nested, choice: &Choice, reason: &str) {
    let var = walker.name_of(choice.field);
    let message = format!(
        "bug in the program: the optional group {}{} is enabled when {var} is {}, which the \
         type of {var} cannot read (expected {reason}){NEVER_ON}",
        walker.path,
        group.ident,
        crate::error::quote_value(choice.equals),
    );
    let path = walker.field_path(choice.field);
    let error = Error::with_vars(vec![var], path, ErrorKind::Rule { message });
    walker.errors.push(error);
}

/// Why a group with `enabled_if` stays off: `STORAGE is not s3`, or, for
/// several values of one field, `STORAGE is not s3 or minio`.
// Inline: see `unreadable_choice`.
#[inline]
fn not_chosen(walker: &mut Walker<'_>, group: &Nested) -> String {
    let mut clauses: Vec<(String, Vec<&str>)> = Vec::new();
    for choice in group.enabled_if {
        let var = walker.name_of(choice.field);
        match clauses.iter_mut().find(|(v, _)| *v == var) {
            Some((_, values)) => values.push(choice.equals),
            None => clauses.push((var, vec![choice.equals])),
        }
    }
    let clauses: Vec<String> = clauses
        .iter()
        .map(|(var, values)| format!("{var} is not {}", values.join(" or ")))
        .collect();
    clauses.join(" and ")
}
