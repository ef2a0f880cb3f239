//! Rules over loaded values: `check` and `warn_check` over some fields, and
//! the struct's `validate` function over all of them. When an input
//! failed, the report says the rule was not checked rather than leaving it
//! out silently.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::fmt::Display;

use super::rules::{and_list, labels, member_path, member_vars, refs};
use super::{Check, Member, Mode, Walker};
use crate::error::{Error, ErrorKind};
use crate::loaded::Warning;
use crate::rule::Problems;
use crate::schema::VarSchema;
use crate::Config;

/// Runs a `#[config(check = function(a, b))]` rule: `result` is `None` when
/// one of its inputs failed (`failed` says which), and the report then says
/// the rule was not checked.
pub fn check<E: Display>(
    walker: &mut Walker<'_>,
    check: &Check,
    result: Option<Result<(), E>>,
    failed: &[bool],
) {
    let result = result.map(|r| r.map_err(|message| message.to_string()));
    judge_check(walker, check, result, failed);
}

/// [`check`] once the function's error is text: one copy for every check.
#[inline]
fn judge_check(
    walker: &mut Walker<'_>,
    check: &Check,
    result: Option<Result<(), String>>,
    failed: &[bool],
) {
    let labels = labels(walker, check.inputs);
    if walker.describing() {
        let (kind, text) = if check.warn {
            let text = format!(
                "{} holds for {}, else a warning (the load goes on)",
                check.name,
                labels.join(", ")
            );
            ("warn_check", text)
        } else {
            (
                "check",
                format!("{} holds for {}", check.name, labels.join(", ")),
            )
        };
        let members = check
            .inputs
            .iter()
            .map(|m| member_vars(walker, m))
            .collect();
        walker.record_rule(kind, members, None, text);
        return;
    }
    match result {
        Some(Ok(())) => {}
        Some(Err(message)) => {
            let mut vars = Vec::new();
            let mut paths = Vec::new();
            for member in check.inputs {
                vars.extend(member_vars(walker, member));
                paths.push(member_path(walker, member));
            }
            if check.warn {
                walker.warn(Warning::rule(&vars, message));
            } else {
                walker.rule_problem(vars, paths.join(", "), message);
            }
        }
        None => {
            let not_loaded: Vec<&str> = labels
                .iter()
                .zip(failed)
                .filter(|(_, &f)| f)
                .map(|(v, _)| v.as_str())
                .collect();
            let why = format!("{} did not load", and_list(&not_loaded));
            // Named with its inputs: one function may serve several checks.
            let inputs: Vec<&str> = check
                .inputs
                .iter()
                .map(|member| match *member {
                    Member::Field(field) => field.ident(),
                    Member::Group(group) => group.ident,
                })
                .collect();
            walker.unchecked(&format!("{}({})", check.name, inputs.join(", ")), why);
        }
    }
}

/// Runs a struct's `#[config(validate = ...)]` function on its loaded
/// value; when a field of the struct failed there is no value, and the
/// report says the rule was not checked.
///
/// Its problems fail the load, but the value still goes up so that the
/// rules of enclosing structs run too.
pub fn validate<T: Config>(
    walker: &mut Walker<'_>,
    value: Option<T>,
    rule: fn(&T) -> Result<(), Problems>,
    name: &'static str,
) -> Option<T> {
    if walker.describing() {
        let text = format!("{name} holds");
        walker.record_rule("validate", Vec::new(), None, text);
        return value;
    }
    let Some(value) = value else {
        let place = match walker.path.trim_end_matches('.') {
            "" => "the configuration".to_owned(),
            path => path.to_owned(),
        };
        walker.unchecked(name, format!("it needs every setting of {place} to load"));
        return None;
    };
    let Err(problems) = rule(&value) else {
        return Some(value);
    };
    let (problems, warnings) = problems.into_lists();
    let path = walker.path.trim_end_matches('.').to_owned();
    if problems.is_empty() && warnings.is_empty() {
        // `Err(Problems::new())`: the value is rejected, and a failed load
        // always has at least one error to say so. Nothing the operator
        // set is wrong: the program's rule is.
        let message = format!(
            "bug in the program: the rule {name} returned an error naming no problem \
             (Problems::into_result gives Ok when nothing was added)"
        );
        let var = format!("{}*", walker.prefix);
        walker
            .errors
            .push(Error::new(var, path, ErrorKind::Rule { message }));
        return Some(value);
    }
    // The names a rule gives are resolved from a description of the
    // struct, made only now that a rule said something.
    let mut describer = walker.describe_here();
    let _ = T::__visit(&mut describer);
    let known = describer.finish_describe().vars;
    for (involved, message) in problems {
        let (vars, paths) = resolve(walker, name, &path, &known, involved);
        walker.rule_problem(vars, paths.join(", "), message);
    }
    for (involved, message) in warnings {
        let (vars, _) = resolve(walker, name, &path, &known, involved);
        walker.warn(Warning::rule(&vars, message));
    }
    Some(value)
}

/// The variables and field paths of the names a `validate` rule gave
/// (fields, variables, or nested structs: all their variables). A name
/// that is none of them is a bug in the program, reported as such.
#[inline]
fn resolve(
    walker: &mut Walker<'_>,
    name: &str,
    path: &str,
    known: &[VarSchema],
    involved: Vec<String>,
) -> (Vec<String>, Vec<String>) {
    let mut vars = Vec::new();
    let mut paths = Vec::new();
    let mut unknown = Vec::new();
    for given in involved {
        let group = format!("{given}.");
        let mut matching: Vec<_> = known
            .iter()
            .filter(|v| v.field == given || v.name == given || v.field.starts_with(&group))
            .collect();
        if matching.is_empty() {
            unknown.push(given);
        }
        // A nested struct stands for the variables set in it, as in a
        // check; for all of them when none is.
        if matching.iter().any(|v| is_set_in(walker, v)) {
            matching.retain(|v| is_set_in(walker, v));
        }
        for var in matching {
            vars.push(var.name.clone());
            paths.push(join_path(&walker.path, &var.field));
        }
    }
    if !unknown.is_empty() {
        let message = format!(
            "bug in the program: the rule {name} names {}, which {} no setting of {}",
            and_list(&refs(&unknown)),
            if unknown.len() == 1 { "is" } else { "are" },
            if path.is_empty() {
                "the configuration"
            } else {
                path
            },
        );
        // Named by the struct's variables, as a report entry always is.
        walker.errors.push(Error::new(
            format!("{}*", walker.prefix),
            path.to_owned(),
            ErrorKind::Rule { message },
        ));
        if vars.is_empty() {
            vars.push(format!("{}*", walker.prefix));
        }
    }
    (vars, paths)
}

/// Whether the load found `var` set (not empty), under its name or any
/// other it is read from.
#[inline]
fn is_set_in(walker: &Walker<'_>, var: &VarSchema) -> bool {
    let Mode::Load { source, .. } = &walker.mode else {
        return false;
    };
    std::iter::once(var.name.as_str())
        .chain(var.aliases.iter().copied())
        .chain(var.file_var.as_deref())
        .chain(var.fallbacks.iter().copied())
        .any(|name| source.get(name).is_some_and(|v| !v.is_empty()))
}

#[inline]
fn join_path(base: &str, field: &str) -> String {
    format!("{base}{field}")
}
