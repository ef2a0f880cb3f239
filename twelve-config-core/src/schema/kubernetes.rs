//! The `env:` list of a Kubernetes container: `--print-schema=kubernetes`.

use std::fmt::Write as _;

use super::render::{closing_sections, comment_line, notes, on_while_unset, plain};
use super::{Schema, VarSchema};

impl Schema {
    /// The name of the Kubernetes Secret that [`to_kubernetes`](Self::to_kubernetes)
    /// uses unless told otherwise: the prefix in lower case with `-` for
    /// `_`, then `-secrets` (`BILLING_` gives `billing-secrets`), or
    /// `app-secrets` without a prefix.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config)]
    /// #[config(prefix = "BILLING_")]
    /// struct Settings {
    ///     port: u16,
    /// }
    ///
    /// assert_eq!(Settings::schema().default_secret_name(), "billing-secrets");
    /// ```
    pub fn default_secret_name(&self) -> String {
        let mut name = String::new();
        for c in self.prefix.chars() {
            if c.is_ascii_alphanumeric() {
                name.push(c.to_ascii_lowercase());
            } else if !name.is_empty() && !name.ends_with('-') {
                name.push('-');
            }
        }
        let name = name.trim_end_matches('-');
        if name.is_empty() {
            "app-secrets".to_owned()
        } else {
            format!("{name}-secrets")
        }
    }

    /// The `env:` list of a Kubernetes container spec, as YAML.
    ///
    /// Secrets, and URL-typed variables whose value may carry a password
    /// ([`VarSchema::is_credential`]), come from the Kubernetes Secret
    /// `secret_name`, under the variable's name as key (`valueFrom.secretKeyRef`, with
    /// `optional: true` when the variable may stay unset). Every other
    /// variable gets a `value:`: its default, or `""` to fill in with a
    /// comment saying whether it is required, optional or has a computed
    /// default, and what it holds. Entries that must not take effect as
    /// they stand are commented out, to be uncommented where a deployment
    /// sets them: variables with a default (written into a manifest, the
    /// default would be pinned there, and a later release's default never
    /// reach it), optional variables without one (those with a computed
    /// default included), and every variable of an optional group (setting
    /// any of them turns the group on). Descriptions and notes are
    /// comments.
    /// Every scalar is double-quoted, so YAML never reads `8080`, `on` or
    /// `1e3` as anything but text.
    ///
    /// ```
    /// use twelve_config::{Config, SecretString};
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     /// TCP port to listen on.
    ///     #[config(default = 8080)]
    ///     port: u16,
    ///     api_key: SecretString,
    /// }
    ///
    /// let yaml = Settings::schema().to_kubernetes("my-app");
    /// assert!(yaml.contains("  # TCP port to listen on.\n  # - name: \"PORT\"\n  #   value: \"8080\"\n"));
    /// assert!(yaml.contains(
    ///     "  - name: \"API_KEY\"\n    valueFrom:\n      secretKeyRef:\n        name: \"my-app\"\n        key: \"API_KEY\"\n"
    /// ));
    /// ```
    pub fn to_kubernetes(&self, secret_name: &str) -> String {
        let mut out =
            String::from("# The env list of a container spec (--print-schema=kubernetes).\n");
        if self.vars.iter().any(from_secret) {
            let _ = writeln!(
                out,
                "# Secrets, and URLs that may carry a password, come from the Kubernetes Secret {}, one key per variable.",
                yaml_string(secret_name)
            );
        }
        let mut entries = String::new();
        let mut active = 0;
        for var in &self.vars {
            for line in var.description().lines() {
                comment_line(&mut entries, "  ", line);
            }
            for note in notes(self, var) {
                comment_line(&mut entries, "  ", &note);
            }
            // An entry that must not take effect as it stands is commented
            // out: any variable of an optional group turns the group on
            // (unless defaults make it on anyway), an empty optional value
            // may not mean unset, and a default written into a manifest
            // would pin it there: a later release's default, or the
            // development default of a setting such as the environment's
            // name, would never change it.
            // So is a URL that may carry a password and has a default (a
            // public endpoint): it needs no key in the Secret until a
            // deployment sets it. (A secret's default is never in the
            // schema, so a secret never counts as having one.)
            let off = var
                .group()
                .is_some_and(|group| !on_while_unset(self, group))
                || var.default().is_some()
                || (!var.is_required() && !from_secret(var));
            let indent = if off { "  # " } else { "  " };
            active += usize::from(!off);
            let mut entry = format!("- name: {}\n", yaml_string(var.name()));
            if from_secret(var) {
                let _ = write!(
                    entry,
                    "  valueFrom:\n    secretKeyRef:\n      name: {}\n      key: {}\n",
                    yaml_string(secret_name),
                    yaml_string(var.name())
                );
                if !var.is_required() {
                    entry.push_str("      optional: true\n");
                }
            } else if let Some(default) = var.default() {
                let _ = writeln!(entry, "  value: {}", yaml_string(default));
            } else {
                // As the text and Markdown tables put it: a variable left
                // unset gets a value the program computes, which is neither
                // required nor merely optional.
                let need = if var.is_required() {
                    "required"
                } else if var.computed_default().is_some() {
                    "computed default"
                } else {
                    "optional"
                };
                let _ = writeln!(entry, "  value: \"\" # {need}: {}", plain(var.expected()));
            }
            for line in entry.lines() {
                entries.push_str(indent);
                entries.push_str(line);
                entries.push('\n');
            }
        }
        let (groups, rules) = closing_sections(self);
        for group in groups {
            comment_line(&mut out, "", &format!("Group: {group}"));
        }
        for rule in rules {
            comment_line(&mut out, "", &format!("Rule: {rule}"));
        }
        // A list of comments only would read as null, not as a list.
        out.push_str(if active == 0 { "env: []\n" } else { "env:\n" });
        out.push_str(&entries);
        out
    }
}

/// Whether a variable's value comes from the Secret: a secret, or a URL
/// that may carry a password, which must not stand in a manifest.
fn from_secret(var: &VarSchema) -> bool {
    var.is_secret() || var.is_credential()
}

/// A YAML double-quoted scalar: never read as a number, boolean or null.
fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' || c == '\u{feff}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
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
    fn yaml_strings_are_always_double_quoted() {
        assert_eq!(yaml_string("on"), "\"on\"");
        assert_eq!(yaml_string("8080"), "\"8080\"");
        assert_eq!(yaml_string("a\"b\\\n\u{7}"), "\"a\\\"b\\\\\\n\\u0007\"");
        // Line and paragraph separators and the byte-order mark are escaped
        // too: YAML would read them as breaks or drop them.
        assert_eq!(
            yaml_string("a\u{2028}b\u{2029}c\u{feff}d\re\tf"),
            "\"a\\u2028b\\u2029c\\uFEFFd\\re\\tf\""
        );
    }
}
