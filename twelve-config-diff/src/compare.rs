//! What changed between two schemas, and whether each change breaks a
//! deployment that worked with the old one.

use crate::effect::{integer_range, Effect};
use crate::model::{Schema, Var};

/// One change.
pub(crate) struct Change {
    /// A stable identifier, such as `removed` or `default_changed`.
    pub(crate) kind: &'static str,
    /// The variable, by its new name (its old one when removed); `None` for
    /// a rule.
    pub(crate) var: Option<String>,
    pub(crate) breaking: bool,
    /// One sentence for people.
    pub(crate) text: String,
    /// What a deployment must do or avoid to be hit.
    pub(crate) effect: Effect,
}

fn change(kind: &'static str, var: &str, breaking: bool, text: String, effect: Effect) -> Change {
    Change {
        kind,
        var: Some(var.to_owned()),
        breaking,
        text,
        effect,
    }
}

fn owned(names: Vec<&str>) -> Vec<String> {
    names.into_iter().map(str::to_owned).collect()
}

/// Names that carry a value in the variable's text (not `_FILE`).
fn value_names(var: &Var) -> Vec<String> {
    let mut names = vec![var.name.clone()];
    names.extend(var.aliases.iter().cloned());
    names.extend(var.fallbacks.iter().cloned());
    names
}

/// Every change from `old` to `new`: by variable in the new schema's order,
/// then the variables removed, then rules.
pub(crate) fn compare(old: &Schema, new: &Schema) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut old_left: Vec<&Var> = old.vars.iter().collect();
    let mut pairs: Vec<(&Var, &Var)> = Vec::new();
    let mut new_left: Vec<&Var> = Vec::new();
    for var in &new.vars {
        match old_left.iter().position(|o| o.name == var.name) {
            Some(at) => pairs.push((old_left.remove(at), var)),
            None => new_left.push(var),
        }
    }
    // Renamed, the old name still read as an alias or a fallback.
    new_left.retain(|var| {
        let at = old_left
            .iter()
            .position(|o| var.aliases.contains(&o.name) || var.fallbacks.contains(&o.name));
        let Some(at) = at else { return true };
        let previous = old_left.remove(at);
        let how = if var.aliases.contains(&previous.name) {
            "a deprecated alias"
        } else {
            "a fallback"
        };
        changes.push(change(
            "renamed_with_alias",
            &var.name,
            false,
            format!(
                "renamed from {}, which is still read as {how}",
                previous.name
            ),
            Effect::None,
        ));
        pairs.push((previous, var));
        false
    });
    // Renamed: the same field under a new name, the old name no longer read.
    old_left.retain(|previous| {
        let at = new_left
            .iter()
            .position(|n| !previous.field.is_empty() && n.field == previous.field);
        let Some(at) = at else { return true };
        let var = new_left.remove(at);
        changes.push(change(
            "renamed",
            &var.name,
            true,
            format!(
                "renamed from {} without an alias: a deployment that sets {} must set {} instead",
                previous.name, previous.name, var.name
            ),
            Effect::Set(owned(previous.sources())),
        ));
        pairs.push((previous, var));
        false
    });
    for previous in old_left {
        changes.push(change(
            "removed",
            &previous.name,
            true,
            "removed: the program no longer reads it".to_owned(),
            Effect::Set(owned(previous.sources())),
        ));
    }
    let grouped_before = |group: &str| {
        pairs
            .iter()
            .any(|(o, n)| n.group.as_deref() == Some(group) && o.group.is_some())
    };
    for var in new_left {
        let has_default = var.shown_default().is_some();
        let change = match &var.group {
            _ if !var.required || has_default => change(
                "new_optional",
                &var.name,
                false,
                "new optional variable".to_owned(),
                Effect::None,
            ),
            None => change(
                "new_required",
                &var.name,
                true,
                "new required variable without a default".to_owned(),
                Effect::Unset(owned(var.sources())),
            ),
            // A new group that defaults turn on is used by every
            // deployment that leaves them alone.
            Some(group) if grouped_before(group) || new.on_while_unset(group) => change(
                "new_required_in_group",
                &var.name,
                true,
                format!("new variable required whenever the optional group {group} is used"),
                Effect::group_in_use(new, group, owned(var.sources())),
            ),
            Some(group) => change(
                "new_optional",
                &var.name,
                false,
                format!("new variable of the new optional group {group}"),
                Effect::None,
            ),
        };
        changes.push(change);
    }
    for (o, n) in pairs {
        compare_var(new, o, n, &mut changes);
    }
    // The new schema's order; removed variables after, rules last.
    changes.sort_by_key(|change| match &change.var {
        Some(name) => new
            .vars
            .iter()
            .position(|v| v.name == *name)
            .unwrap_or(new.vars.len()),
        None => usize::MAX,
    });
    compare_rules(old, new, &mut changes);
    changes
}

fn compare_var(new: &Schema, o: &Var, n: &Var, changes: &mut Vec<Change>) {
    let name = &n.name;
    let push = |changes: &mut Vec<Change>, kind, breaking, text: String, effect| {
        changes.push(change(kind, name, breaking, text, effect));
    };

    compare_type(o, n, changes);

    // Requirement and default.
    let became_required = n.always_required() && !o.always_required();
    if became_required {
        push(
            changes,
            "became_required",
            true,
            match o.shown_default() {
                Some(default) => format!("now required: its default {default} was removed"),
                None => "now required: it was optional".to_owned(),
            },
            Effect::Unset(owned(n.sources())),
        );
    } else if n.required && !o.required {
        let group = n.group.as_deref().unwrap_or_default();
        push(
            changes,
            "became_required_in_group",
            true,
            format!("now required whenever the optional group {group} is used"),
            Effect::group_in_use(new, group, owned(n.sources())),
        );
    } else if (o.always_required() && !n.always_required()) || (o.required && !n.required) {
        let text = match n.shown_default() {
            Some(default) => format!("no longer required: it defaults to {default}"),
            None => "no longer required".to_owned(),
        };
        push(changes, "became_optional", false, text, Effect::None);
    }
    // A change to a secret's hidden default cannot be seen: only that it
    // was added, removed or replaced by another kind.
    let default_changed = o.default != n.default
        || o.default_hidden != n.default_hidden
        || o.default_computed != n.default_computed;
    if default_changed && !became_required && !o.required {
        let unset = Effect::Unset(owned(n.sources()));
        match (o.shown_default(), n.shown_default()) {
            (None, Some(default)) => push(
                changes,
                "default_added",
                true,
                format!("unset used to mean no value; it now means the default {default}"),
                unset,
            ),
            (Some(default), None) => push(
                changes,
                "default_removed",
                true,
                format!("the default {default} was removed: unset now means no value"),
                unset,
            ),
            // A default written out that became a secret's: it may have
            // changed too, which the schema cannot tell.
            (Some(_), Some(_)) if o.default.is_some() && n.default_hidden => push(
                changes,
                "default_hidden",
                true,
                "its written default is now hidden: it may differ".to_owned(),
                unset,
            ),
            (Some(before), Some(after)) if o.default.is_some() && n.default.is_none() => push(
                changes,
                "default_computed",
                true,
                format!("the default {before} is now {after}: it may differ"),
                unset,
            ),
            (Some(before), Some(after)) => push(
                changes,
                "default_changed",
                true,
                format!("the default changed from {before} to {after}"),
                unset,
            ),
            (None, None) => {}
        }
    }

    if o.secret != n.secret {
        let text = if n.secret {
            "now secret: its value is no longer shown"
        } else {
            "no longer secret: its value is shown in reports and --print-config"
        };
        push(
            changes,
            "secret_changed",
            true,
            text.to_owned(),
            Effect::Set(owned(o.sources())),
        );
    }
    if o.credential != n.credential {
        let text = if n.credential {
            "may now carry a password, which reports mask"
        } else {
            "no longer described as carrying a password"
        };
        push(
            changes,
            "credential_changed",
            false,
            text.to_owned(),
            Effect::None,
        );
    }

    // Other names. A rename without an alias already says every old name
    // is no longer read, its `_FILE` included.
    let plain_rename =
        o.name != n.name && !n.aliases.contains(&o.name) && !n.fallbacks.contains(&o.name);
    match (&o.file, &n.file) {
        _ if plain_rename => {}
        (Some(before), Some(after)) if before != after => push(
            changes,
            "file_removed",
            true,
            format!("{before} is no longer read: the value's file is now named by {after}"),
            Effect::Set(vec![before.clone()]),
        ),
        (Some(before), None) => push(
            changes,
            "file_removed",
            true,
            format!("{before} is no longer read: the value must be set directly"),
            Effect::Set(vec![before.clone()]),
        ),
        (None, Some(after)) => push(
            changes,
            "file_added",
            false,
            format!("may also be read from the file {after} names"),
            Effect::None,
        ),
        _ => {}
    }
    let still_read = |alias: &String| {
        *alias == n.name || n.aliases.contains(alias) || n.fallbacks.contains(alias)
    };
    for alias in o.aliases.iter().chain(&o.fallbacks) {
        if !still_read(alias) {
            let what = if o.aliases.contains(alias) {
                "deprecated alias"
            } else {
                "fallback"
            };
            push(
                changes,
                "alias_removed",
                true,
                format!("the {what} {alias} is no longer read"),
                Effect::Set(vec![alias.clone()]),
            );
        }
    }
    for alias in &n.aliases {
        if !o.aliases.contains(alias) && !o.fallbacks.contains(alias) && *alias != o.name {
            push(
                changes,
                "alias_added",
                false,
                format!("also read from the deprecated alias {alias}"),
                Effect::None,
            );
        }
    }
    for fallback in &n.fallbacks {
        if !o.aliases.contains(fallback) && !o.fallbacks.contains(fallback) && *fallback != o.name {
            push(
                changes,
                "fallback_added",
                false,
                format!("also read from {fallback} when unset"),
                Effect::None,
            );
        }
    }

    match (&o.none, &n.none) {
        (Some(off), None) => push(
            changes,
            "none_removed",
            true,
            format!("{off:?} no longer switches the setting off"),
            Effect::Value {
                names: value_names(o),
                files: owned(o.file.as_deref().into_iter().collect()),
                hit: value_is(off),
            },
        ),
        (Some(before), Some(after)) if before != after => push(
            changes,
            "none_changed",
            true,
            format!("the setting is switched off with {after:?}, no longer {before:?}"),
            Effect::Value {
                names: value_names(o),
                files: owned(o.file.as_deref().into_iter().collect()),
                hit: value_is(before),
            },
        ),
        (None, Some(off)) => push(
            changes,
            "none_added",
            false,
            format!("{off:?} switches the setting off"),
            Effect::None,
        ),
        _ => {}
    }

    if o.description != n.description {
        push(
            changes,
            "description_changed",
            false,
            "description changed".to_owned(),
            Effect::None,
        );
    }
}

/// A test of a value: it equals `word`, ignoring ASCII case.
fn value_is(word: &str) -> Box<dyn Fn(&str) -> bool> {
    let word = word.to_owned();
    Box::new(move |value| value.eq_ignore_ascii_case(&word))
}

fn compare_type(o: &Var, n: &Var, changes: &mut Vec<Change>) {
    let name = &n.name;
    let files: Vec<String> = owned(o.file.as_deref().into_iter().collect());
    if !o.choices.is_empty() && !n.choices.is_empty() {
        let removed: Vec<String> = o
            .choices
            .iter()
            .filter(|c| !n.choices.iter().any(|n| n.eq_ignore_ascii_case(c)))
            .cloned()
            .collect();
        let added: Vec<&String> = n
            .choices
            .iter()
            .filter(|c| !o.choices.iter().any(|o| o.eq_ignore_ascii_case(c)))
            .collect();
        if !removed.is_empty() {
            let text = format!("choices removed: {}", removed.join(", "));
            let effect = Effect::Value {
                names: value_names(o),
                files,
                hit: Box::new(move |value| removed.iter().any(|c| c.eq_ignore_ascii_case(value))),
            };
            changes.push(change("choice_removed", name, true, text, effect));
        }
        if !added.is_empty() {
            let added: Vec<&str> = added.iter().map(|c| c.as_str()).collect();
            let text = format!("choices added: {}", added.join(", "));
            changes.push(change("choice_added", name, false, text, Effect::None));
        }
        return;
    }
    // A secret's type reads "secret text": secret-ness has its own change.
    let plain = |ty: &str| ty.strip_prefix("secret ").unwrap_or(ty).to_owned();
    if plain(&o.ty) == plain(&n.ty) {
        return;
    }
    match (integer_range(&o.ty), integer_range(&n.ty)) {
        (Some(before), Some(after)) if after.contains_range(&before) => changes.push(change(
            "range_widened",
            name,
            false,
            format!("accepts more: {} (was {})", n.ty, o.ty),
            Effect::None,
        )),
        (Some(_), Some(after)) => changes.push(change(
            "type_narrowed",
            name,
            true,
            format!("accepts less: {} (was {})", n.ty, o.ty),
            Effect::Value {
                names: value_names(o),
                files,
                hit: Box::new(move |value| !after.accepts(value)),
            },
        )),
        _ => changes.push(change(
            "type_changed",
            name,
            true,
            format!("now expects {} (was {})", n.ty, o.ty),
            Effect::Set(owned(o.sources())),
        )),
    }
}

fn compare_rules(old: &Schema, new: &Schema, changes: &mut Vec<Change>) {
    for rule in &new.rules {
        if old.rules.iter().any(|o| o.same_as(rule)) {
            continue;
        }
        // Version 1 documents list no rules, though `validate` functions
        // existed: such a rule may be as old as the program.
        let (breaking, text) = if rule.kind == "warn_check" {
            // Its failure is a warning: no deployment stops loading.
            (false, format!("new warning rule: {}", rule.text))
        } else if old.version == 1 && rule.kind == "validate" {
            (
                false,
                format!(
                    "rule listed ({}); the old schema's format_version 1 listed no rules",
                    rule.text
                ),
            )
        } else {
            (true, format!("new rule: {}", rule.text))
        };
        changes.push(Change {
            kind: "rule_added",
            var: None,
            breaking,
            text,
            effect: if breaking {
                Effect::rule(rule, new)
            } else {
                Effect::None
            },
        });
    }
    for rule in &old.rules {
        if !new.rules.iter().any(|n| n.same_as(rule)) {
            changes.push(Change {
                kind: "rule_removed",
                var: None,
                breaking: false,
                text: format!("rule removed: {}", rule.text),
                effect: Effect::None,
            });
        }
    }
}
