//! The README table: `--print-schema=markdown`.

use super::render::{closing_sections, description_lines, shown_default};
use super::Schema;

impl Schema {
    /// A Markdown table to paste into a README.
    ///
    /// Names and defaults are code spans; a required variable says
    /// **required**; `|` in a cell is escaped and line breaks become `<br>`.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     /// Log format: json | text.
    ///     #[config(default = "text")]
    ///     log_format: String,
    /// }
    ///
    /// assert_eq!(Settings::schema().to_markdown(), "\
    /// | Variable | Type | Default | Secret | Description |
    /// | --- | --- | --- | --- | --- |
    /// | `LOG_FORMAT` | text | `text` |  | Log format: json \\| text. |
    /// ");
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::from(
            "| Variable | Type | Default | Secret | Description |\n\
             | --- | --- | --- | --- | --- |\n",
        );
        for var in &self.vars {
            let default = match (var.default(), var.is_required()) {
                (Some(default), _) => code_span(&shown_default(default)),
                _ if var.has_hidden_default() => "hidden".to_owned(),
                _ if var.computed_default().is_some() => "computed".to_owned(),
                (_, true) => "**required**".to_owned(),
                _ => "optional".to_owned(),
            };
            let cells = [
                code_span(var.name()),
                var.expected().to_owned(),
                default,
                if var.is_secret() { "yes" } else { "" }.to_owned(),
                description_lines(self, var).join("\n"),
            ];
            out.push('|');
            for cell in cells {
                out.push(' ');
                out.push_str(&markdown_cell(&cell));
                out.push_str(" |");
            }
            out.push('\n');
        }
        let (groups, rules) = closing_sections(self);
        if !groups.is_empty() {
            out.push_str("\nGroups:\n\n");
            for group in groups {
                out.push_str("- ");
                out.push_str(&markdown_cell(&group));
                out.push('\n');
            }
        }
        if !rules.is_empty() {
            out.push_str("\nRules:\n\n");
            for rule in rules {
                out.push_str("- ");
                out.push_str(&markdown_cell(&rule));
                out.push('\n');
            }
        }
        out
    }
}

/// A Markdown code span that holds `text` whatever backticks it contains.
fn code_span(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A table cell: `|` escaped, line breaks as `<br>`, other control
/// characters escaped.
fn markdown_cell(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn table_cells_keep_to_their_row() {
        assert_eq!(markdown_cell("a|b"), "a\\|b");
        assert_eq!(markdown_cell("one\r\ntwo\nthree"), "one<br>two<br>three");
        assert_eq!(markdown_cell("tab\there\u{7}"), "tab\\there\\u{7}");
    }
}
