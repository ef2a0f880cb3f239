//! What runs after a struct's fields are read: computed defaults and
//! presence rules; the checks over loaded values are in
//! [`checks`](super::checks).
//!
//! Presence rules are judged from which variables are set, so they run
//! whatever became of the values. A `required_if` condition, a check and a
//! `validate` function need values: when one of their inputs failed, the
//! report says the rule was not checked rather than leaving it out
//! silently.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::borrow::Cow;

use super::condition::unreadable;
use super::describe::Description;
use super::{Condition, Empty, Field, Member, Mode, Rule, Walker};
use crate::error::{Error, ErrorKind};
use crate::parse::Parse;

/// Gives a field whose variable is unset its computed default (the derive
/// calls the program's function once the fields it reads have loaded).
pub fn computed<P: Parse>(
    walker: &mut Walker<'_>,
    field: &Field,
    parser: &P,
    value: P::Output,
) -> Option<Option<P::Output>> {
    if walker.tracing() {
        walker.set_name(field);
        let shown = parser
            .show(&value)
            .and_then(|text| parser.redact(&text).map(Cow::into_owned));
        walker.trace_computed(field, shown, parser.secret());
    }
    Some(Some(value))
}

/// Judges a struct's presence rules from which variables are set, and its
/// `required_if` rules from `conditions`, one per `RequiredIf` in order.
#[inline]
pub fn presence(walker: &mut Walker<'_>, rules: &[Rule], conditions: &[Condition]) {
    let mut conditions = conditions.iter();
    for rule in rules {
        let condition = match rule {
            Rule::RequiredIf(..) => conditions.next(),
            _ => None,
        };
        if walker.describing() {
            describe_rule(walker, rule);
        } else {
            judge(walker, rule, condition);
        }
    }
}

/// "A", "A and B", "A, B and C".
#[inline]
pub(super) fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// How a rule's text names a member: a variable, or `group s3`.
#[inline]
pub(super) fn label(walker: &mut Walker<'_>, member: &Member) -> String {
    match *member {
        Member::Field(field) => walker.name_of(field),
        Member::Group(group) => format!("group {}{}", walker.path, group.ident),
    }
}

#[inline]
pub(super) fn labels(walker: &mut Walker<'_>, members: &[Member]) -> Vec<String> {
    members.iter().map(|m| label(walker, m)).collect()
}

/// A member's path in the configuration: a field's, or a group's.
#[inline]
pub(super) fn member_path(walker: &Walker<'_>, member: &Member) -> String {
    match *member {
        Member::Field(field) => walker.field_path(field),
        Member::Group(group) => format!("{}{}", walker.path, group.ident),
    }
}

/// The variables a member stands for: a field's, or a group's. Described,
/// all of a group's; loaded, those that turned it on, or all of them when
/// it is off, for the operator to set.
#[inline]
pub(super) fn member_vars(walker: &mut Walker<'_>, member: &Member) -> Vec<String> {
    match *member {
        Member::Field(field) => vec![walker.set_name_of(field)],
        Member::Group(group) => {
            let path = format!("{}{}", walker.path, group.ident);
            if let Some(description) = &walker.description {
                let description = description.as_any().downcast_ref::<Description>();
                return description.map(|d| d.group_vars(&path)).unwrap_or_default();
            }
            match walker.group_outcome(&path) {
                Some(outcome) if outcome.set.is_empty() => outcome.would_turn_on.clone(),
                Some(outcome) => outcome.set.clone(),
                None => Vec::new(),
            }
        }
    }
}

/// The rule's members, in order, each with the variables it stands for.
#[inline]
fn members_vars(walker: &mut Walker<'_>, rule: &Rule) -> Vec<Vec<String>> {
    let (first, members) = match *rule {
        Rule::AtMostOne(m) | Rule::ExactlyOne(m) | Rule::AtLeastOne(m) | Rule::AllOrNone(m) => {
            (None, m)
        }
        Rule::Requires(f, m) | Rule::ConflictsWith(f, m) => (Some(f), m),
        Rule::RequiredIf(f, on, _) => {
            return vec![vec![walker.name_of(f)], vec![walker.set_name_of(on)]]
        }
    };
    let mut out: Vec<Vec<String>> = first
        .map(|f| vec![walker.set_name_of(f)])
        .into_iter()
        .collect();
    out.extend(members.iter().map(|m| member_vars(walker, m)));
    out
}

/// The kind of rule and the rule in words.
#[inline]
fn words(walker: &mut Walker<'_>, rule: &Rule) -> (&'static str, String) {
    match *rule {
        Rule::AtMostOne(members) => {
            let text = format!(
                "at most one of {} may be set",
                labels(walker, members).join(", ")
            );
            ("at_most_one", text)
        }
        Rule::ExactlyOne(members) => {
            let text = format!(
                "exactly one of {} must be set",
                labels(walker, members).join(", ")
            );
            ("exactly_one", text)
        }
        Rule::AtLeastOne(members) => {
            let text = format!(
                "at least one of {} must be set",
                labels(walker, members).join(", ")
            );
            ("at_least_one", text)
        }
        Rule::AllOrNone(members) => {
            let labels = labels(walker, members);
            let text = format!(
                "{} are set together or not at all",
                and_list(&refs(&labels))
            );
            ("all_or_none", text)
        }
        Rule::Requires(field, members) => {
            let name = walker.name_of(field);
            let labels = labels(walker, members);
            (
                "requires",
                format!("{name} requires {}", and_list(&refs(&labels))),
            )
        }
        Rule::ConflictsWith(field, members) => {
            let name = walker.name_of(field);
            let labels = labels(walker, members);
            let text = format!(
                "{name} conflicts with {}: set only one",
                and_list(&refs(&labels))
            );
            ("conflicts_with", text)
        }
        Rule::RequiredIf(field, condition, equals) => {
            let (name, on) = (walker.name_of(field), walker.name_of(condition));
            (
                "required_if",
                format!("{name} is required when {on} is {equals}"),
            )
        }
    }
}

#[inline]
pub(super) fn refs(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}

#[inline]
fn describe_rule(walker: &mut Walker<'_>, rule: &Rule) {
    let (kind, text) = words(walker, rule);
    let members = members_vars(walker, rule);
    let equals = match rule {
        Rule::RequiredIf(_, _, equals) => Some(*equals),
        _ => None,
    };
    walker.record_rule(kind, members, equals, text);
}

#[inline]
fn judge(walker: &mut Walker<'_>, rule: &Rule, condition: Option<&Condition>) {
    let is_set = |walker: &mut Walker<'_>, members: &[Member]| -> Vec<bool> {
        members.iter().map(|m| walker.member_is_set(m)).collect()
    };
    let broken = match *rule {
        Rule::AtMostOne(members) => {
            let set = is_set(walker, members);
            set.iter().filter(|&&s| s).count() > 1
        }
        Rule::ExactlyOne(members) => {
            let set = is_set(walker, members);
            set.iter().filter(|&&s| s).count() != 1
        }
        Rule::AtLeastOne(members) => is_set(walker, members).iter().all(|&s| !s),
        Rule::AllOrNone(members) => {
            let set = is_set(walker, members);
            set.iter().any(|&s| s) && !set.iter().all(|&s| s)
        }
        Rule::Requires(field, members) => {
            walker.is_set(field) && is_set(walker, members).iter().any(|&s| !s)
        }
        Rule::ConflictsWith(field, members) => {
            walker.is_set(field) && is_set(walker, members).iter().any(|&s| s)
        }
        Rule::RequiredIf(field, on, equals) => match condition {
            Some(Condition::Met) => !walker.is_set(field),
            Some(Condition::NotLoaded) => {
                // Named with its text: a field may have several.
                let (name, var) = (walker.name_of(field), walker.name_of(on));
                walker.unchecked(
                    &format!("required_if({} = {equals:?}) on {name}", on.ident()),
                    format!("{var} did not load"),
                );
                false
            }
            Some(Condition::Unreadable(reason)) => {
                unreadable(walker, field, on, equals, reason);
                false
            }
            Some(Condition::NotMet) | None => false,
        },
    };
    if !broken {
        return;
    }
    let (_, text) = words(walker, rule);
    let (first, members): (Option<&Field>, &[Member]) = match *rule {
        Rule::AtMostOne(m) | Rule::ExactlyOne(m) | Rule::AtLeastOne(m) | Rule::AllOrNone(m) => {
            (None, m)
        }
        Rule::Requires(f, m) | Rule::ConflictsWith(f, m) => (Some(f), m),
        Rule::RequiredIf(field, condition, _) => {
            // Its condition held, so only the field's own variable matters.
            let message = if walker.is_set_but_empty(field) {
                format!("{text}; it is set but empty")
            } else {
                format!("{text}; it is not set")
            };
            let vars = vec![walker.name_of(field), walker.set_name_of(condition)];
            let paths = [walker.field_path(field), walker.field_path(condition)];
            walker.rule_problem(vars, paths.join(", "), message);
            return;
        }
    };
    // What is set, in the rule's order: a variable by its name, a group by
    // its name and the variables that turned it on.
    let mut set = Vec::new();
    if let Some(field) = first {
        if walker.is_set(field) {
            set.push(walker.set_name_of(field));
        }
    }
    for member in members {
        if walker.member_is_set(member) {
            let name = match *member {
                Member::Field(field) => walker.set_name_of(field),
                Member::Group(_) => {
                    let vars = member_vars(walker, member).join(", ");
                    format!("{} ({vars})", label(walker, member))
                }
            };
            set.push(name);
        }
    }
    let detail = match set.len() {
        0 => "none is set".to_owned(),
        1 => format!("only {} is set", set[0]),
        _ => format!("{} are set", and_list(&refs(&set))),
    };
    // The value fields set but empty, which the detail counts as unset.
    let value_fields = first
        .into_iter()
        .chain(members.iter().filter_map(|m| match *m {
            Member::Field(field) => Some(field),
            Member::Group(_) => None,
        }));
    let mut empty = Vec::new();
    for field in value_fields {
        if walker.is_set_but_empty(field) {
            empty.push(walker.name_of(field));
        }
    }
    let message = match empty.len() {
        0 => format!("{text}; {detail}"),
        1 => format!("{text}; {detail}; {} is set but empty", empty[0]),
        _ => format!(
            "{text}; {detail}; {} are set but empty",
            and_list(&refs(&empty))
        ),
    };
    let vars: Vec<String> = members_vars(walker, rule).into_iter().flatten().collect();
    let mut paths: Vec<String> = first.iter().map(|f| walker.field_path(f)).collect();
    for member in members {
        paths.push(member_path(walker, member));
    }
    walker.rule_problem(vars, paths.join(", "), message);
}

impl Walker<'_> {
    /// The name `field` is set by, as the operator typed it (an alias, its
    /// `_FILE` variable, a fallback), for a rule's problem to name; its
    /// variable's name when it is not set.
    #[inline]
    fn set_name_of(&mut self, field: &Field) -> String {
        let name = self.name_of(field);
        self.set_as(field, field.file != Some(false))
            .unwrap_or(name)
    }

    /// Reports a rule's problem, with a note saying where its variables
    /// were given when not in the environment ("MEILI_MASTER_KEY given by
    /// --master-key on the command line"): the operator looks there.
    #[inline]
    pub(super) fn rule_problem(&mut self, vars: Vec<String>, paths: String, message: String) {
        let mut error = Error::with_vars(vars, paths, ErrorKind::Rule { message });
        if let Mode::Load { source, .. } = &self.mode {
            let given: Vec<String> = error
                .vars()
                .iter()
                .filter_map(|var| Some(format!("{var} {}", source.__given_by(var)?)))
                .collect();
            if !given.is_empty() {
                error = error.with_note(given.join("; "));
            }
        }
        self.errors.push(error);
    }

    /// Whether `field` is set: its variable, an alias, a fallback or its
    /// `_FILE` variable, not empty unless empty is a value. A boolean set to
    /// `false` is set.
    #[inline]
    pub(super) fn is_set(&mut self, field: &Field) -> bool {
        self.set_name(field);
        self.set_as(field, field.file != Some(false)).is_some()
    }

    /// Whether a rule's member is set: a field's variable, or a group
    /// that is on.
    #[inline]
    fn member_is_set(&mut self, member: &Member) -> bool {
        match *member {
            Member::Field(field) => self.is_set(field),
            Member::Group(group) => {
                let path = format!("{}{}", self.path, group.ident);
                self.group_outcome(&path)
                    .is_some_and(|outcome| !outcome.set.is_empty())
            }
        }
    }

    /// Whether `field` is unset, but its variable (or an alias or a
    /// fallback) is set to the empty string: a report says so rather than
    /// "not set".
    #[inline]
    fn is_set_but_empty(&mut self, field: &Field) -> bool {
        if field.empty == Empty::Value || self.is_set(field) {
            return false;
        }
        let Mode::Load { source, .. } = self.mode else {
            return false;
        };
        std::iter::once(self.var())
            .chain(field.aliases().iter().copied())
            .chain(field.fallbacks().iter().copied())
            .any(|name| source.get(name).is_some_and(|v| v.is_empty()))
    }

    #[inline]
    pub(super) fn unchecked(&mut self, rule: &str, why: String) {
        self.notes
            .push(format!("the rule {rule} was not checked: {why}"));
    }
}
