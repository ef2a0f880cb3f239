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
    /// quoted. Extra lines under a description name the `_FILE` alternative,
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
        let rows: Vec<([String; 4], Vec<String>)> = self
            .vars
            .iter()
            .map(|var| {
                let cells = [
                    plain(var.name()),
                    plain(var.expected()),
                    plain(&requirement(var)),
                    if var.is_secret() { "yes" } else { "" }.to_owned(),
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
                *width = (*width).max(cell.chars().count());
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
            let mut lines = lines.iter();
            let first = lines.next().map_or("", String::as_str);
            line([&cells[0], &cells[1], &cells[2], &cells[3]], first);
            for more in lines {
                line(["", "", "", ""], more);
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
