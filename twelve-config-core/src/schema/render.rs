//! What the renderings of a [`Schema`](super::Schema) share: how a
//! requirement, a default and the notes of a variable are worded, and how
//! text is kept on its line.
//!
//! Every rendering lists the variables in field order and is built from the
//! schema alone, so it never holds a value read from the environment. A
//! secret's default is never shown: its line says `hidden`.

use super::{Schema, VarSchema};

/// The default, or `hidden`, `computed`, `required` or `optional`, as the
/// text table shows it.
pub(super) fn requirement(var: &VarSchema) -> String {
    match var.default() {
        Some(default) => shown_default(default),
        _ if var.has_hidden_default() => "hidden".to_owned(),
        _ if var.computed_default().is_some() => "computed".to_owned(),
        _ if var.is_required() => "required".to_owned(),
        _ => "optional".to_owned(),
    }
}

/// A default as shown in a table: quoted when it is empty, has surrounding
/// whitespace, holds control characters or could be read as a keyword.
pub(super) fn shown_default(default: &str) -> String {
    let ambiguous = default.is_empty()
        || default == "required"
        || default == "optional"
        || default == "computed"
        || default == "hidden"
        || default.trim() != default
        || default.starts_with('"')
        || default.chars().any(char::is_control);
    if ambiguous {
        format!("{default:?}")
    } else {
        default.to_owned()
    }
}

/// What the schema knows about a variable beyond its type and default:
/// other ways to set it, its group, and the rules that name it.
pub(super) fn notes(schema: &Schema, var: &VarSchema) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(computed) = var.computed_default() {
        notes.push(format!("default when unset: {computed}"));
    }
    if let Some(none) = var.none() {
        notes.push(format!("set to {none} to switch it off"));
    }
    if !var.fallbacks().is_empty() {
        notes.push(format!(
            "when unset, read from {}",
            var.fallbacks().join(", then ")
        ));
    }
    if let Some(file) = var.file_var() {
        notes.push(format!("or {file}: the path of a file holding the value"));
    }
    if let Some(why) = var.deprecated() {
        notes.push(format!("deprecated: {why}"));
    }
    if var.invalid_is_unset() {
        notes.push("an invalid value is warned about and treated as unset".to_owned());
    }
    match var.aliases() {
        [] => {}
        [alias] => notes.push(format!("deprecated name: {alias}")),
        aliases => notes.push(format!("deprecated names: {}", aliases.join(", "))),
    }
    for group in schema.groups() {
        let values: Vec<&str> = group
            .enabled_if()
            .iter()
            .filter(|(name, _)| *name == var.name)
            .map(|(_, value)| *value)
            .collect();
        if !values.is_empty() {
            notes.push(format!(
                "the optional group {} is on when it is {}",
                group.field(),
                or_list(&values)
            ));
        }
    }
    if let Some(when) = var.group().and_then(|group| chosen_when(schema, group)) {
        let group = var.group().unwrap_or_default();
        if var.is_required() {
            notes.push(format!(
                "required once the optional group {group} is on ({when})"
            ));
        } else {
            notes.push(format!("in the optional group {group}, on when {when}"));
        }
    } else if let Some(group) = var.group() {
        let switches = switches(schema, group);
        let on = match switches {
            None => "any of its variables set".to_owned(),
            Some([one]) => format!("{one} set{}", off_clause(schema, group)),
            Some(many) => format!(
                "any of {} set{}",
                many.join(", "),
                off_clause(schema, group)
            ),
        } + &unset_clause(schema, group);
        if switches.is_some_and(|s| s.contains(&var.name)) {
            // Itself what turns the group on: never "required once it is".
            let off = schema
                .groups()
                .iter()
                .find(|g| g.field() == group)
                .map_or(&[][..], |g| g.off_values(&var.name));
            let unless = match off {
                [] => String::new(),
                off => format!(" to other than {}", or_list(off)),
            };
            let by_default = schema
                .groups()
                .iter()
                .any(|g| g.field() == group && g.on_by_default().contains(&var.name));
            let unset = if by_default { ", and while unset" } else { "" };
            notes.push(format!(
                "turns the optional group {group} on when set{unless}{unset}"
            ));
        } else if var.is_required() {
            notes.push(format!(
                "required once the optional group {group} is on ({on})"
            ));
        } else if switches.is_some() {
            notes.push(format!("in the optional group {group}, on once {on}"));
        } else {
            notes.push(format!("in the optional group {group}"));
        }
    }
    for rule in schema.rules() {
        if rule.vars().contains(&var.name) {
            notes.push(format!("rule: {}", rule.text()));
        }
    }
    notes
}

/// Whether the optional group at `path` is on with nothing set: chosen by
/// the default of its `enabled_if` variable, or turned on by a switch's
/// default, and not inside another optional group (which nothing set
/// leaves off). A template then lists its required variables as required.
pub(super) fn on_while_unset(schema: &Schema, path: &str) -> bool {
    let Some(group) = schema.groups().iter().find(|g| g.field() == path) else {
        return false;
    };
    let chosen_by_default = group.enabled_if().iter().any(|(var, value)| {
        schema
            .vars()
            .iter()
            .any(|v| v.name() == var && v.default() == Some(*value))
    });
    !inside_optional(schema, path) && (chosen_by_default || !group.on_by_default().is_empty())
}

/// Whether the group at `path` is inside an optional group.
pub(super) fn inside_optional(schema: &Schema, path: &str) -> bool {
    schema.groups().iter().any(|g| {
        g.is_optional()
            && path
                .strip_prefix(g.field())
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// For an optional group chosen by a value (`enabled_if`), when it is on:
/// `APP_STORAGE is s3 or minio`. `None` for other groups.
fn chosen_when(schema: &Schema, path: &str) -> Option<String> {
    let group = schema.groups().iter().find(|g| g.field() == path)?;
    let clauses: Vec<String> = group
        .enabled_if_by_var()
        .iter()
        .map(|(var, values)| {
            // The value the variable defaults to chooses the group while it
            // is unset: said, since nothing set then turns the group on.
            let default = schema
                .vars()
                .iter()
                .find(|v| v.name() == var)
                .and_then(VarSchema::default);
            let values: Vec<String> = values
                .iter()
                .map(|value| match default {
                    Some(default) if default == *value => format!("{value} (its default)"),
                    _ => (*value).to_owned(),
                })
                .collect();
            format!("{var} is {}", or_list_owned(&values))
        })
        .collect();
    (!clauses.is_empty()).then(|| clauses.join(", or "))
}

/// The variables that turn the optional group at `path` on, when its
/// `enabled_by` names some: `None` when any of its variables does.
fn switches<'s>(schema: &'s Schema, path: &str) -> Option<&'s [String]> {
    let group = schema.groups().iter().find(|g| g.field() == path)?;
    (group.is_optional() && group.enabled_by() != group.vars()).then_some(group.enabled_by())
}

/// For an optional group whose switches can say off (a `bool` set to
/// `false`), the values with which they do, as a clause that follows "set":
/// `, other than to false, 0, no or off`. Empty for other groups.
fn off_clause(schema: &Schema, path: &str) -> String {
    let Some(group) = schema.groups().iter().find(|g| g.field() == path) else {
        return String::new();
    };
    match group.off.as_slice() {
        [] => String::new(),
        [(_, off)] if group.enabled_by().len() == 1 => {
            format!(", other than to {}", or_list(off))
        }
        switches => switches
            .iter()
            .map(|(var, off)| format!(", {var} other than to {}", or_list(off)))
            .collect(),
    }
}

/// For an optional group with switches whose default turns it on, the
/// clause that says so: `, or while SMTP_ENABLED is unset`. Empty for other
/// groups.
fn unset_clause(schema: &Schema, path: &str) -> String {
    match schema.groups().iter().find(|g| g.field() == path) {
        Some(group) if !group.on_by_default().is_empty() => {
            format!(
                ", or while {} is unset",
                or_list_owned(group.on_by_default())
            )
        }
        _ => String::new(),
    }
}

/// [`or_list`] of owned names.
fn or_list_owned(names: &[String]) -> String {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    or_list(&names)
}

/// `false, 0, no or off`.
fn or_list(values: &[&str]) -> String {
    match values {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The groups and rules, for the sections that close a rendering: each
/// group's field path, what it is, its variables; each rule in words.
pub(super) fn closing_sections(schema: &Schema) -> (Vec<String>, Vec<String>) {
    let groups = schema
        .groups()
        .iter()
        .map(|group| {
            let vars = group.vars().join(", ");
            let mut line = if let Some(when) = chosen_when(schema, group.field()) {
                format!(
                    "{} (optional group of {vars}: on when {when})",
                    group.field()
                )
            } else if let Some(by) = switches(schema, group.field()) {
                let by = match by {
                    [one] => one.clone(),
                    many => format!("any of {}", many.join(", ")),
                };
                format!(
                    "{} (optional group of {vars}: on once {by} is set{}{})",
                    group.field(),
                    off_clause(schema, group.field()),
                    unset_clause(schema, group.field())
                )
            } else if group.is_optional() {
                format!(
                    "{} (optional group: on once any of {vars} is set)",
                    group.field()
                )
            } else {
                format!("{} ({vars})", group.field())
            };
            if !group.description().is_empty() {
                line.push_str(": ");
                line.push_str(&group.description().replace('\n', " "));
            }
            line
        })
        .collect();
    let rules = schema
        .rules()
        .iter()
        .map(|rule| rule.text().to_owned())
        .collect();
    (groups, rules)
}

/// The description's paragraphs, then the notes.
pub(super) fn description_lines(schema: &Schema, var: &VarSchema) -> Vec<String> {
    let mut lines: Vec<String> = var.description().lines().map(str::to_owned).collect();
    lines.extend(notes(schema, var));
    lines
}

/// Text with control characters escaped, so it cannot break a line or a
/// column.
pub(super) fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// `# text` with control characters escaped (`#` alone for an empty line).
pub(super) fn comment_line(out: &mut String, indent: &str, text: &str) {
    out.push_str(indent);
    out.push('#');
    if !text.is_empty() {
        out.push(' ');
        out.push_str(plain(text).trim_end());
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_that_look_like_keywords_are_quoted() {
        assert_eq!(shown_default("8080"), "8080");
        assert_eq!(shown_default(""), "\"\"");
        // Each word the table uses in the same column, read as itself.
        for word in ["required", "optional", "computed"] {
            assert_eq!(shown_default(word), format!("\"{word}\""));
        }
        assert_eq!(shown_default("requires"), "requires");
        assert_eq!(shown_default(" x"), "\" x\"");
        assert_eq!(shown_default("\"x\""), "\"\\\"x\\\"\"");
        assert_eq!(shown_default("a\tb"), "\"a\\tb\"");
    }
}
