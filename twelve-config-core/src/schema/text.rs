//! The terminal table: `--print-schema=text`.

use std::fmt::Write as _;

use super::render::{closing_sections, description_lines, plain, requirement};
use super::Schema;

impl Schema {
    /// An aligned table for the terminal.
    ///
    /// The columns are `NAME`, `TYPE`, `DEFAULT`, `SECRET` and
    /// `DESCRIPTION`. `DEFAULT` holds the default, or `required`, or
    /// `optional` for a variable that may stay unset; a default that could be
    /// mistaken for those, or that is empty or has surrounding spaces, is
    /// quoted. A type or default longer than 60 characters (an enum's long
    /// list of choices) goes on over several lines of its row, at its
    /// spaces, so that one variable does not widen the table for all the
    /// others. Extra lines under a description name the `_FILE` alternative,
    /// deprecated names, the optional group and the rules; sections
    /// `GROUPS` and `RULES` close the table when the configuration has
    /// nested structs or rules.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     /// TCP port to listen on.
    ///     #[config(default = 8080)]
    ///     port: u16,
    ///     /// Where the data lives.
    ///     data_dir: std::path::PathBuf,
    /// }
    ///
    /// assert_eq!(Settings::schema().to_text(), "\
    /// NAME      TYPE               DEFAULT   SECRET  DESCRIPTION
    /// PORT      integer 0..=65535  8080              TCP port to listen on.
    /// DATA_DIR  path               required          Where the data lives.
    /// ");
    /// ```
    pub fn to_text(&self) -> String {
        let head = ["NAME", "TYPE", "DEFAULT", "SECRET", "DESCRIPTION"];
        let rows: Vec<([Vec<String>; 4], Vec<String>)> = self
            .vars
            .iter()
            .map(|var| {
                let cells = [
                    vec![plain(var.name())],
                    wrapped(&plain(var.expected())),
                    wrapped(&plain(&requirement(var))),
                    vec![if var.is_secret() { "yes" } else { "" }.to_owned()],
                ];
                let lines = description_lines(self, var)
                    .iter()
                    .map(|l| plain(l))
                    .collect();
                (cells, lines)
            })
            .collect();
        let mut widths = head.map(|h| h.len());
        for (cells, _) in &rows {
            for (width, cell) in widths.iter_mut().zip(cells) {
                for part in cell {
                    *width = (*width).max(part.chars().count());
                }
            }
        }
        let mut out = String::new();
        let mut line = |cells: [&str; 4], description: &str| {
            let mut text = String::new();
            for (cell, width) in cells.iter().zip(widths) {
                let _ = write!(text, "{cell:width$}  ");
            }
            text.push_str(description);
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line([head[0], head[1], head[2], head[3]], head[4]);
        for (cells, lines) in &rows {
            let height = cells.iter().map(Vec::len).chain([lines.len()]).max();
            for at in 0..height.unwrap_or(1) {
                let part = |cell: usize| cells[cell].get(at).map_or("", String::as_str);
                let description = lines.get(at).map_or("", String::as_str);
                line([part(0), part(1), part(2), part(3)], description);
            }
        }
        let (groups, rules) = closing_sections(self);
        if !groups.is_empty() {
            out.push_str("\nGROUPS\n");
            for group in groups {
                let _ = writeln!(out, "{}", plain(&group));
            }
        }
        if !rules.is_empty() {
            out.push_str("\nRULES\n");
            for rule in rules {
                let _ = writeln!(out, "{}", plain(&rule));
            }
        }
        out
    }
}

/// The widest a type or default stands in the table before it goes on to
/// the next line.
const CELL_MAX: usize = 60;

/// `text` in lines of at most [`CELL_MAX`] characters, broken at spaces
/// (a word longer than that stands alone).
fn wrapped(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > CELL_MAX {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_break_at_a_space_once_a_line_would_pass_60_characters() {
        let (a, b) = ("a".repeat(29), "b".repeat(30));
        // 29 + a space + 30: exactly 60, one line.
        assert_eq!(wrapped(&format!("{a} {b}")), [format!("{a} {b}")]);
        // One more, and the second word starts a line of its own.
        assert_eq!(wrapped(&format!("{a} {b}b")), [a.clone(), format!("{b}b")]);
        // A word longer than a line stands alone, unbroken.
        let long = "x".repeat(70);
        assert_eq!(wrapped(&format!("{long} y")), [long, "y".to_owned()]);
        assert_eq!(wrapped(""), [""]);
    }
}
