//! The JSON Schema's requirements of optional groups: each group's
//! required variables, required once the group is on, as an `if`/`then`
//! whose `if` says what turns the group on.

use super::{all_of_item, any_set, any_set_as, non_empty, providers, Writer};
use crate::schema::render::inside_optional;
use crate::schema::{GroupSchema, Schema, VarSchema};

/// One `allOf` item per optional group with required variables.
pub(super) fn requirements(w: &mut Writer, schema: &Schema, opened: &mut bool) {
    let mut groups: Vec<&str> = Vec::new();
    for group in schema.vars.iter().filter_map(VarSchema::group) {
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    for group in groups {
        let members = || schema.vars.iter().filter(move |v| v.group() == Some(group));
        if !members().any(VarSchema::is_required) {
            continue;
        }
        if let Some(chosen) = schema
            .groups
            .iter()
            .find(|g| g.field() == group && !g.enabled_if().is_empty())
        {
            all_of_item(w, opened);
            w.open(None, '{');
            chosen_group(w, schema, chosen);
            then_required(w, members());
            w.close('}');
            continue;
        }
        // What turns the group on: the variables its `enabled_by`
        // names, else any of its own.
        let named = schema
            .groups
            .iter()
            .find(|g| g.field() == group && g.enabled_by() != g.vars());
        let switches = named.map(GroupSchema::enabled_by);
        let (condition, comment): (Vec<&VarSchema>, String) = match switches {
            Some(names) => (
                schema
                    .vars
                    .iter()
                    .filter(|v| names.contains(&v.name))
                    .collect(),
                format!(
                    "the optional group {group} is in use once one of {} is set{}",
                    names.join(", "),
                    match named.map_or(&[][..], GroupSchema::on_by_default) {
                        [] => String::new(),
                        unset => format!(", or while {} is unset", unset.join(" or ")),
                    }
                ),
            ),
            None => (
                members().collect(),
                format!("the optional group {group} is in use once one of its variables is set"),
            ),
        };
        all_of_item(w, opened);
        w.open(None, '{');
        w.text("$comment", &comment);
        w.open(Some("if"), '{');
        w.open(Some("anyOf"), '[');
        for var in condition {
            // A switch that can say off (a `bool`) turns the group on
            // only with another value; read from a file, with any.
            let off = named.map_or(&[][..], |g| g.off_values(var.name()));
            for name in providers(var) {
                w.open(None, '{');
                if off.is_empty() || var.file_var() == Some(name) {
                    non_empty(w, &[name]);
                } else {
                    switched_on(w, name, off);
                }
                w.close('}');
            }
            // A switch whose default turns the group on does so while
            // none of its names is set.
            if named.is_some_and(|g| g.on_by_default().contains(&var.name))
                && !inside_optional(schema, group)
            {
                none_set(w, &providers(var));
            }
        }
        w.close(']');
        w.close('}');
        then_required(w, members());
        w.close('}');
    }
}

/// The `then` of a group's `if`: each of its required variables set.
fn then_required<'s>(w: &mut Writer, members: impl Iterator<Item = &'s VarSchema>) {
    w.open(Some("then"), '{');
    w.open(Some("allOf"), '[');
    for var in members.filter(|v| v.is_required()) {
        any_set(w, &providers(var));
    }
    w.close(']');
    w.close('}');
}

/// An alternative of an `anyOf`: none of `names` is set. A default that
/// turns a group on does so only while an enclosing optional group is on,
/// which the schema does not follow: inside one, callers leave this
/// alternative out (asking less than the program, never more).
fn none_set(w: &mut Writer, names: &[&str]) {
    w.open(None, '{');
    any_set_as(w, Some("not"), names);
    w.close('}');
}

/// The comment and `if` of a group chosen by a value (`enabled_if`): any
/// of the variables named holds its value as written in the program, or is
/// unset (none of its names set) while its default is that value, unless an
/// optional group encloses this one. Another spelling the variable's
/// type accepts (`S3` for `s3`) does not match: the schema then asks less
/// than the program, never more.
fn chosen_group(w: &mut Writer, schema: &Schema, group: &GroupSchema) {
    let when: Vec<String> = group
        .enabled_if()
        .iter()
        .map(|(var, value)| format!("{var} is {value}"))
        .collect();
    w.text(
        "$comment",
        &format!(
            "the optional group {} is in use when {}",
            group.field(),
            when.join(" or ")
        ),
    );
    w.open(Some("if"), '{');
    w.open(Some("anyOf"), '[');
    for (name, value) in group.enabled_if() {
        w.open(None, '{');
        w.names("required", &[name]);
        w.open(Some("properties"), '{');
        w.open(Some(name), '{');
        let mut literal = String::new();
        crate::json::json_string(&mut literal, value);
        w.literal("const", &literal);
        w.close('}');
        w.close('}');
        w.close('}');
        let var = schema.vars().iter().find(|v| v.name() == name);
        let by_default = var.filter(|v| v.default() == Some(*value));
        if let Some(var) = by_default.filter(|_| !inside_optional(schema, group.field())) {
            none_set(w, &providers(var));
        }
    }
    w.close(']');
    w.close('}');
}

/// The schema of "`name` is set, to none of the values in `off`" (compared
/// ignoring ASCII case, as the loader does).
fn switched_on(w: &mut Writer, name: &str, off: &[&str]) {
    let mut pattern = String::from("^(?:");
    for (index, value) in off.iter().enumerate() {
        if index > 0 {
            pattern.push('|');
        }
        for c in value.chars() {
            if c.is_ascii_alphabetic() {
                pattern.push('[');
                pattern.push(c.to_ascii_uppercase());
                pattern.push(c.to_ascii_lowercase());
                pattern.push(']');
            } else {
                if "\\^$.|?*+()[]{}/".contains(c) {
                    pattern.push('\\');
                }
                pattern.push(c);
            }
        }
    }
    pattern.push_str(")$");
    w.names("required", &[name]);
    w.open(Some("properties"), '{');
    w.open(Some(name), '{');
    w.literal("minLength", "1");
    w.open(Some("not"), '{');
    w.text("pattern", &pattern);
    w.close('}');
    w.close('}');
    w.close('}');
}
