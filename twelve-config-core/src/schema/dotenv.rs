//! The `.env.example` file: `--print-schema=dotenv`.

use std::fmt::Write as _;

use super::render::{closing_sections, comment_line, notes, on_while_unset, shown_default};
use super::Schema;

impl Schema {
    /// A `.env.example` file.
    ///
    /// Each variable gets its description and a line of facts (type,
    /// required, default, secret, `_FILE`, deprecated names, group) as `#`
    /// comments, then its assignment: required variables are left empty to
    /// be filled in; variables with a default show it commented out;
    /// optional ones, and those of optional groups, are commented out and
    /// empty; secrets are always empty.
    ///
    /// ```
    /// use twelve_config::{Config, SecretString};
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     /// TCP port to listen on.
    ///     #[config(default = 8080)]
    ///     port: u16,
    ///     /// Key for the payment provider.
    ///     api_key: SecretString,
    /// }
    ///
    /// let dotenv = Settings::schema().to_dotenv();
    /// assert!(dotenv.contains("# TCP port to listen on.\n# integer 0..=65535; default 8080\n# PORT=8080\n"));
    /// assert!(dotenv.contains("\nAPI_KEY=\n"));
    /// ```
    pub fn to_dotenv(&self) -> String {
        let mut out = String::from(
            "# Environment variables of this program (--print-schema=dotenv).\n\
             # Fill in the empty ones; commented-out lines show defaults, optional variables\n\
             # and the variables of optional groups.\n",
        );
        for var in &self.vars {
            out.push('\n');
            for line in var.description().lines() {
                comment_line(&mut out, "", line);
            }
            let mut facts = vec![var.expected().to_owned()];
            match var.default() {
                Some(default) => facts.push(format!("default {}", shown_default(default))),
                None if var.has_hidden_default() => facts.push("default hidden".to_owned()),
                None if var.computed_default().is_some() => {
                    facts.push("computed default".to_owned())
                }
                None if var.is_required() => facts.push("required".to_owned()),
                None => facts.push("optional".to_owned()),
            }
            if var.is_secret() && !var.expected().contains("secret") {
                facts.push("secret".to_owned());
            }
            comment_line(&mut out, "", &facts.join("; "));
            for note in notes(self, var) {
                comment_line(&mut out, "", &note);
            }
            let name = var.name();
            match var.default() {
                Some(default) => {
                    let _ = writeln!(out, "# {name}={}", dotenv_value(default));
                }
                // A variable required only once its optional group is on is
                // commented out like an optional one: an empty line would
                // say the group is wanted, and leave it off. A group that
                // defaults make on needs it as much as a top-level one.
                None if var.is_required()
                    && var.group().is_none_or(|group| on_while_unset(self, group)) =>
                {
                    let _ = writeln!(out, "{name}=");
                }
                None => {
                    let _ = writeln!(out, "# {name}=");
                }
            }
        }
        let (groups, rules) = closing_sections(self);
        for (title, lines) in [("Groups", groups), ("Rules", rules)] {
            if !lines.is_empty() {
                out.push('\n');
                comment_line(&mut out, "", &format!("{title}:"));
                for line in lines {
                    comment_line(&mut out, "", &format!("- {line}"));
                }
            }
        }
        out
    }
}

/// otherwise, double-quoted with escapes when it holds a `'` or a control
/// character.
fn dotenv_value(text: &str) -> String {
    let bare = |c: char| c.is_ascii_alphanumeric() || "_-.,:/@%+=".contains(c);
    if text.chars().all(bare) {
        return text.to_owned();
    }
    if !text.contains('\'') && !text.chars().any(char::is_control) {
        return format!("'{text}'");
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '$' => out.push_str("\\$"),
            '`' => out.push_str("\\`"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotenv_values_are_quoted_only_when_needed() {
        assert_eq!(dotenv_value("8080"), "8080");
        assert_eq!(dotenv_value("postgres://h:5432/db"), "postgres://h:5432/db");
        assert_eq!(dotenv_value("1h 15m"), "'1h 15m'");
        assert_eq!(dotenv_value("it's $HOME"), "\"it's \\$HOME\"");
        assert_eq!(dotenv_value(""), "");
        // A control character is escaped, never written raw into the file.
        assert_eq!(dotenv_value("a\tb"), "\"a\\tb\"");
        assert_eq!(dotenv_value("one\ntwo"), "\"one\\ntwo\"");
    }
}
