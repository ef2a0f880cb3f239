//! Nested structs and optional groups.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::ffi::OsStr;

use super::{Field, Nested, Switch, Walker};
use crate::error::ErrorKind;
use crate::loaded::Warning;
use crate::Config;

/// Loads a `#[config(nested)]` or `#[config(flatten)]` field.
pub fn nested<T: Config>(walker: &mut Walker<'_>, nested: &Nested) -> Option<T> {
    visit::<T>(walker, nested, false)
}

/// Loads a nested struct that a `check` reads: as [`nested`], and records
/// which of its variables are set, so that the check's problem names what
/// the operator set (or, when nothing is, every variable of the group).
pub fn checked_nested<T: Config>(walker: &mut Walker<'_>, nested: &Nested) -> Option<T> {
    if walker.describing() {
        return visit::<T>(walker, nested, false);
    }
    let (value, mut seen) = watch(walker, Seen::default(), |walker| {
        visit::<T>(walker, nested, false)
    });
    let pending = std::mem::take(&mut seen.pending);
    if let Some(outer) = walker.current_group() {
        outer.absorb_set(&seen);
        outer.empty.extend(seen.empty);
        outer.ignored.extend(seen.ignored);
    }
    walker.hand_on(pending);
    let path = format!("{}{}", walker.path, nested.ident);
    walker.group_walked(Outcome {
        path,
        set: seen.set,
        would_turn_on: seen.unset,
    });
    value
}

/// Runs `walk` over a group with its own record of which variables are
/// set: the fast path that reads the process environment without
/// recording is off meanwhile.
fn watch<V>(
    walker: &mut Walker<'_>,
    seen: Seen,
    walk: impl FnOnce(&mut Walker<'_>) -> V,
) -> (V, Seen) {
    let outer = walker
        .groups
        .get_or_insert_with(|| Box::<Groups>::default())
        .get_mut()
        .current
        .replace(seen);
    let plain_source = walker.plain_source.take();
    let value = walk(walker);
    walker.plain_source = plain_source;
    let groups = walker.groups.as_mut().map(|g| g.get_mut());
    let seen = match groups {
        Some(groups) => std::mem::replace(&mut groups.current, outer).unwrap_or_default(),
        None => Seen::default(),
    };
    (value, seen)
}

fn visit<T: Config>(walker: &mut Walker<'_>, nested: &Nested, optional: bool) -> Option<T> {
    let doc = if nested.doc.is_empty() {
        T::__DOC
    } else {
        nested.doc
    };
    let path = format!("{}{}", walker.path, nested.ident);
    let start = walker.start_group(path, doc, optional, nested);
    let saved = walker.enter(nested, T::__SEPARATOR);
    let value = T::__visit(walker);
    walker.leave(saved);
    if let Some(start) = start {
        walker.end_group(start);
    }
    value
}

/// What a load found of its optional groups (and of the nested structs
/// that checks read).
#[derive(Default)]
pub(super) struct Groups {
    /// The innermost group being walked.
    pub(super) current: Option<Seen>,
    /// The groups walked so far, on or off, for the presence rules that
    /// name them.
    pub(super) seen: Vec<Outcome>,
}

/// The walker holds [`Groups`] as this trait object, made only where a
/// load enters an optional group, so that the code of the state (its
/// bookkeeping at each variable, its drop code) is linked only into
/// programs with optional groups.
pub(super) trait Track {
    fn get(&self) -> &Groups;
    fn get_mut(&mut self) -> &mut Groups;
    /// Records what the variable `var` of the current group, if any, is:
    /// a name of `field`, of the struct at `at` (a field path ending in
    /// `.`).
    fn mark(&mut self, var: &str, mark: Mark<'_>, at: &str, field: &Field);
}

/// What a variable of an optional group was found to be.
pub(super) enum Mark<'v> {
    /// Set to this value.
    Set(&'v OsStr),
    Unset,
    /// Set but empty: unset, but worth a warning if the group stays off.
    Empty,
}

impl Track for Groups {
    #[inline]
    fn get(&self) -> &Groups {
        self
    }

    #[inline]
    fn get_mut(&mut self) -> &mut Groups {
        self
    }

    #[inline]
    fn mark(&mut self, var: &str, mark: Mark<'_>, at: &str, field: &Field) {
        let Some(group) = &mut self.current else {
            return;
        };
        let var = var.to_owned();
        let switch = if group.switches.is_empty() {
            Some(&Switch::ANY)
        } else if at == group.at {
            group.switches.iter().find(|s| s.ident == field.ident())
        } else {
            None
        };
        let Some(switch) = switch else {
            // A variable that does not turn its group on: used when the
            // group is on, said to be unused when it stays off.
            if !matches!(mark, Mark::Unset) {
                group.ignored.push(var);
            }
            return;
        };
        // A named switch whose default is not a value that means off (a
        // `bool` defaulting to true) turns the group on while unset.
        let on_by_default = !group.switches.is_empty()
            && field
                .default
                .is_some_and(|default| !switch.says_off(OsStr::new(default)));
        match mark {
            Mark::Set(value) if switch.says_off(value) => group.off.push(var),
            Mark::Set(_) => group.set.push(var),
            // Empty counts as unset, so the default applies here too.
            Mark::Unset | Mark::Empty if on_by_default => group.by_default.push(var),
            Mark::Unset => group.unset.push(var),
            Mark::Empty => {
                group.empty.push(var.clone());
                group.unset.push(var);
            }
        }
    }
}

/// What the walk found of an optional group's variables.
#[derive(Default)]
pub(super) struct Seen {
    /// `enabled_by`: the group's own fields whose variables turn it on;
    /// empty when any variable does.
    switches: &'static [Switch],
    /// The field path of the group's own fields, such as `smtp.`.
    at: String,
    /// The variables set that turn the group on.
    pub(super) set: Vec<String>,
    /// The switches set to a value that means off: they leave the group
    /// off unless another switch turns it on, and say why it is off.
    off: Vec<String>,
    /// The switches unset whose default turns the group on.
    pub(super) by_default: Vec<String>,
    /// The variables set that do not turn it on (`enabled_by` names other
    /// fields): unused when it stays off, which a warning then says.
    ignored: Vec<String>,
    /// Warnings for the variables of inner groups that stayed off,
    /// given once the outermost group is done, whether it is on or off.
    pending: Vec<Warning>,
    /// The variables set but empty, which count as unset: when the group
    /// stays off, each gets a warning, since the operator set it.
    pub(super) empty: Vec<String>,
    /// The variables unset (the empty ones included) that would turn the
    /// group on: when it stays off, what the operator would set; all of its
    /// variables, or with `enabled_by` those of the fields it names.
    pub(super) unset: Vec<String>,
}

impl Seen {
    /// Takes in what an inner group found that counts for this one: the
    /// variables that turned the inner group on turn this one on too,
    /// unless this one has `enabled_by`, which names its own fields only.
    #[inline]
    fn absorb_set(&mut self, inner: &Seen) {
        if self.switches.is_empty() {
            self.set.extend(inner.set.iter().cloned());
        } else {
            self.ignored.extend(inner.set.iter().cloned());
        }
        self.absorb_unset(&inner.unset);
    }

    /// Takes in an inner group's unset variables, which would turn this one
    /// on too, unless this one has `enabled_by`.
    #[inline]
    fn absorb_unset(&mut self, unset: &[String]) {
        if self.switches.is_empty() {
            self.unset.extend(unset.iter().cloned());
        }
    }
}

/// An optional group as a load found it, for the presence rules that name
/// it.
pub(super) struct Outcome {
    /// Its field path.
    pub(super) path: String,
    /// The variables that turned it on; none when it is off.
    pub(super) set: Vec<String>,
    /// The variables that would turn it on: its unset ones (and switches
    /// set to off), or for a group chosen by a value, the variables whose
    /// value chooses it.
    pub(super) would_turn_on: Vec<String>,
}

/// Loads an `Option<T>` `#[config(nested)]` field: an optional group that is
/// `None` when none of its variables is set (its value, an alias, a
/// fallback or its `_FILE`), and loads fully otherwise, every problem
/// reported.
pub fn optional_nested<T: Config>(walker: &mut Walker<'_>, group: &Nested) -> Option<Option<T>> {
    load_group(walker, group, None)
}

/// How `enabled_if` chose a group.
pub(super) enum Chosen {
    /// A condition holds: the variable whose value it is, and the reason
    /// in words (`STORAGE is s3`).
    On { var: String, because: String },
    /// None holds, or one could not be judged.
    Off(Unchosen),
}

/// Why a group with `enabled_if` is off.
pub(super) struct Unchosen {
    /// In words: `STORAGE is not s3`, `STORAGE did not load`.
    pub(super) why: String,
    /// The variables whose values would turn the group on.
    pub(super) vars: Vec<String>,
}

/// Where a load stood when it entered a group: what the group adds from
/// here on is dropped if it stays off.
struct Before {
    errors: usize,
    notes: usize,
    warnings: usize,
    trace: usize,
}

/// Loads an optional group: on when a variable that turns it on is set
/// (`chosen` is `None`), or as `enabled_if` chose.
pub(super) fn load_group<T: Config>(
    walker: &mut Walker<'_>,
    group: &Nested,
    chosen: Option<Chosen>,
) -> Option<Option<T>> {
    if walker.describing() {
        visit::<T>(walker, group, true);
        return None;
    }
    if walker.all_groups {
        return visit::<T>(walker, group, true).map(Some);
    }
    let before = Before {
        errors: walker.errors.len(),
        notes: walker.notes.len(),
        warnings: walker.warnings_len(),
        trace: walker.trace_len(),
    };
    // A group records which of its variables are set.
    let start = Seen {
        switches: group.enabled_by,
        at: format!("{}{}.", walker.path, group.ident),
        ..Seen::default()
    };
    let (value, seen) = watch(walker, start, |walker| visit::<T>(walker, group, true));
    let name = format!("{}{}", walker.path, group.ident);
    match chosen {
        None if seen.set.is_empty() && seen.by_default.is_empty() => {
            group_off(walker, &before, name, seen, None);
            Some(None)
        }
        None => {
            let (on_by, how) = if seen.set.is_empty() {
                (seen.by_default.clone(), "unset and on by default")
            } else {
                (seen.set.clone(), "set")
            };
            let because = format!(
                "{} {} {how}",
                on_by.join(", "),
                if on_by.len() == 1 { "is" } else { "are" }
            );
            group_on(walker, &before, name, seen, on_by, &because);
            value.map(Some)
        }
        Some(Chosen::On { var, because }) => {
            group_on(walker, &before, name, seen, vec![var], &because);
            value.map(Some)
        }
        Some(Chosen::Off(unchosen)) => {
            group_off(walker, &before, name, seen, Some(unchosen));
            Some(None)
        }
    }
}

/// A group that stays off: what its fields reported does not apply, but
/// what the operator set in it is not passed over in silence. `chosen`:
/// for a group with `enabled_if`, why it is off, and the variables whose
/// values would turn it on.
// Inline, as the generic code that calls it: built only into programs
// with optional groups, with its unwinding table, which linkers keep even
// where they drop the function.
#[inline]
fn group_off(
    walker: &mut Walker<'_>,
    before: &Before,
    name: String,
    mut seen: Seen,
    chosen: Option<Unchosen>,
) {
    // An enclosing group that stays off too says it again, in its own
    // words, in place of these. `--print-config` lists the group's
    // variables as off.
    walker.errors.truncate(before.errors);
    walker.notes.truncate(before.notes);
    walker.warnings_truncate(before.warnings);
    let set: Vec<String> = seen.set.iter().chain(&seen.ignored).cloned().collect();
    walker.trace_group_off(before.trace, &name, &seen.off, &set);
    let mut pending = std::mem::take(&mut seen.pending);
    let would_turn_on = match chosen {
        None => {
            // A variable set to the empty string was set by someone.
            for var in &seen.empty {
                walker.warn(Warning::empty_in_group(var, &name));
            }
            for var in &seen.ignored {
                let warning = Warning::unused_in_group(var, &name, &seen.unset, &seen.off);
                pending.push(warning);
            }
            if let Some(outer) = walker.current_group() {
                outer.empty.extend(seen.empty);
                outer.absorb_unset(&seen.unset);
            }
            // What would turn it on: its unset switches, and those set to
            // off.
            let mut unset = seen.unset;
            unset.append(&mut seen.off);
            unset
        }
        Some(Unchosen { why, vars }) => {
            // Nothing set in it is used, empty or not: each says why.
            let set = seen.set.iter().chain(&seen.ignored).chain(&seen.empty);
            for var in set {
                pending.push(Warning::unused_since(var, &name, &why));
            }
            vars
        }
    };
    walker.hand_on(pending);
    walker.group_walked(Outcome {
        path: name,
        set: Vec::new(),
        would_turn_on,
    });
}

/// A group that is on, because of the variables `on_by` (`because` says
/// how in words): its first problem that does not explain itself says so.
// Inline: see `group_off`.
#[inline]
fn group_on(
    walker: &mut Walker<'_>,
    before: &Before,
    name: String,
    mut seen: Seen,
    on_by: Vec<String>,
    because: &str,
) {
    // Said once, at the group's first problem that does not explain itself
    // (a missing variable, a rule, an empty value, that does not name every
    // variable that turned the group on) and that no inner group has
    // explained already.
    let unexplained = walker.errors[before.errors..].iter_mut().find(|e| {
        matches!(
            e.kind(),
            ErrorKind::Missing { .. } | ErrorKind::Rule { .. } | ErrorKind::Empty
        ) && e.note().is_none()
            && !on_by.iter().all(|var| e.vars().contains(var))
    });
    if let Some(error) = unexplained {
        let note = format!("the optional group {name} is enabled because {because}");
        *error = error.clone().with_note(note);
    }
    let pending = std::mem::take(&mut seen.pending);
    if let Some(outer) = walker.current_group() {
        outer.absorb_set(&seen);
        // What is set in it without turning it on is used now that it is
        // on: for the enclosing group, it is set like the rest, so that a
        // group on by default does not leave it unsaid when the enclosing
        // one stays off.
        let used = Seen {
            set: std::mem::take(&mut seen.ignored),
            ..Seen::default()
        };
        outer.absorb_set(&used);
    }
    walker.hand_on(pending);
    walker.group_walked(Outcome {
        path: name,
        set: on_by,
        would_turn_on: seen.unset,
    });
}

impl Walker<'_> {
    /// Passes on the warnings a group kept for later: to the enclosing
    /// group, which gives them when it is done (it may truncate what was
    /// said inside it), or to the load when there is none.
    #[inline]
    fn hand_on(&mut self, pending: Vec<Warning>) {
        if let Some(outer) = self.current_group() {
            outer.pending.extend(pending);
            return;
        }
        for warning in pending {
            self.warn(warning);
        }
    }

    /// Records what the load found of an optional group.
    #[inline]
    fn group_walked(&mut self, outcome: Outcome) {
        if let Some(groups) = &mut self.groups {
            groups.get_mut().seen.push(outcome);
        }
    }

    /// What the load found of the optional group at `path`.
    #[inline]
    pub(super) fn group_outcome(&self, path: &str) -> Option<&Outcome> {
        let groups = self.groups.as_ref()?.get();
        groups.seen.iter().rev().find(|g| g.path == path)
    }
}
