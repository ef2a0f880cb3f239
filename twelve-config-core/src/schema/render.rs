//! What the renderings of a [`Schema`](super::Schema) share: how a
//! requirement, a default and the notes of a variable are worded, and how
//! text is kept on its line.
//!
//! Every rendering lists the variables in field order and is built from the
//! schema alone, so it never holds a value read from the environment. A
//! secret has no default, and a secret's line never shows one.

use super::VarSchema;

/// The default, or `required` or `optional`, as the text table shows it.
pub(super) fn requirement(var: &VarSchema) -> String {
    match var.default() {
        Some(default) if !var.is_secret() => shown_default(default),
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
        || default.trim() != default
        || default.starts_with('"')
        || default.chars().any(char::is_control);
    if ambiguous {
        format!("{default:?}")
    } else {
        default.to_owned()
    }
}

/// What the schema knows about a variable beyond its type and default.
pub(super) fn notes(var: &VarSchema) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(file) = var.file_var() {
        notes.push(format!("or {file}: the path of a file holding the value"));
    }
    match var.aliases() {
        [] => {}
        [alias] => notes.push(format!("deprecated name: {alias}")),
        aliases => notes.push(format!("deprecated names: {}", aliases.join(", "))),
    }
    if let Some(group) = var.group() {
        if var.is_required() {
            notes.push(format!(
                "required only when a variable of the optional group {group} is set"
            ));
        } else {
            notes.push(format!("in the optional group {group}"));
        }
    }
    notes
}

/// The description's paragraphs, then the notes.
pub(super) fn description_lines(var: &VarSchema) -> Vec<String> {
    let mut lines: Vec<String> = var.description().lines().map(str::to_owned).collect();
    lines.extend(notes(var));
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
        assert_eq!(shown_default("required"), "\"required\"");
        assert_eq!(shown_default(" x"), "\" x\"");
    }
}
