//! The plain-text answers: the summary of `--check-config` and the lines of
//! `--print-config`.

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `configuration ok: 7 variables (3 set, 3 from defaults, 1 unset)`, and
/// `, 1 set but not used` when a variable of an optional group that stays
/// off is set.
pub(super) fn check_summary(vars: &[crate::ResolvedVar]) -> String {
    let counts = crate::report::counts(vars);
    let not_used = match counts.not_used {
        0 => String::new(),
        n => format!(", {n} set but not used"),
    };
    format!(
        "configuration ok: {} ({} set, {} from defaults, {} unset{not_used})\n",
        plural(vars.len(), "variable"),
        counts.set,
        counts.defaults,
        counts.unset,
    )
}

/// One line per variable: name, value and origin, aligned.
pub(super) fn effective_config(vars: &[crate::ResolvedVar]) -> String {
    use crate::Origin;
    let width = vars
        .iter()
        .map(|v| v.name().chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for var in vars {
        let line = match (var.origin(), var.shown_value()) {
            (Origin::Unset, _) => format!("{:width$}  <unset>", var.name()),
            (Origin::GroupOff(group), _) => {
                format!(
                    "{:width$}  <unset>  (optional group {group} off)",
                    var.name()
                )
            }
            (origin, value) => {
                let value = match value {
                    _ if var.is_secret() => "<redacted>".to_owned(),
                    Some(value) => shown_value(value),
                    // Not a secret: a computed default whose type cannot
                    // write itself as text. `<redacted>` would claim a secret.
                    None => "<no text form>".to_owned(),
                };
                let origin = origin.to_string();
                format!(
                    "{:width$}  {value}  ({})",
                    var.name(),
                    shown_origin(&origin)
                )
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A value as `--print-config` shows it: as is when that is unambiguous,
/// quoted and escaped when it is empty, has surrounding whitespace, holds
/// control characters or starts with a quote or `<`.
fn shown_value(value: &str) -> String {
    let ambiguous = value.is_empty()
        || value.trim() != value
        || value.starts_with(['"', '<'])
        || value.chars().any(char::is_control);
    if ambiguous {
        format!("{value:?}")
    } else {
        value.to_owned()
    }
}

/// An origin with control characters in a file path escaped.
fn shown_origin(origin: &str) -> String {
    origin
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}
