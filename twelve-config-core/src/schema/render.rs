//! The renderings of a [`Schema`]: text, Markdown, JSON, `.env` and
//! Kubernetes.
//!
//! Every rendering lists the variables in field order and is built from the
//! schema alone, so it never holds a value read from the environment. A
//! secret has no default, and a secret's line never shows one.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use super::{Schema, VarSchema};
use crate::cli::UsageError;

/// The version of the JSON rendering's shape, its `format_version` key.
///
/// It goes up when a key is removed or changes meaning; new keys may appear
/// without a new version.
pub(crate) const JSON_FORMAT_VERSION: u32 = 1;

/// A rendering of a [`Schema`], chosen with `--print-schema=FORMAT`.
///
/// Parse one from its name with [`str::parse`]; [`SchemaFormat::name`] gives
/// it back.
///
/// ```
/// use twelve_config::SchemaFormat;
///
/// assert_eq!("markdown".parse::<SchemaFormat>().unwrap(), SchemaFormat::Markdown);
/// assert_eq!("k8s".parse::<SchemaFormat>().unwrap(), SchemaFormat::Kubernetes);
/// assert_eq!(
///     "yaml".parse::<SchemaFormat>().unwrap_err().to_string(),
///     "unknown schema format \"yaml\": expected one of: text, markdown, json, dotenv, kubernetes"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SchemaFormat {
    /// `text`: an aligned table for the terminal, with the columns `NAME`,
    /// `TYPE`, `DEFAULT` (the default, or `required` or `optional`), `SECRET`
    /// and `DESCRIPTION`. See [`Schema::to_text`].
    Text,
    /// `markdown` (or `md`): a table to paste into a README. See
    /// [`Schema::to_markdown`].
    Markdown,
    /// `json`: a stable, versioned shape for tools. See [`Schema::to_json`].
    Json,
    /// `dotenv` (or `env`): a `.env.example` file. See [`Schema::to_dotenv`].
    Dotenv,
    /// `kubernetes` (or `k8s`): the `env:` list of a container spec, secrets
    /// read from a Kubernetes Secret. See [`Schema::to_kubernetes`].
    Kubernetes,
}

impl SchemaFormat {
    /// Every format, in the order the usage message lists them.
    pub const ALL: [SchemaFormat; 5] = [
        SchemaFormat::Text,
        SchemaFormat::Markdown,
        SchemaFormat::Json,
        SchemaFormat::Dotenv,
        SchemaFormat::Kubernetes,
    ];

    /// The format's name, as `--print-schema=NAME` takes it.
    pub fn name(self) -> &'static str {
        match self {
            SchemaFormat::Text => "text",
            SchemaFormat::Markdown => "markdown",
            SchemaFormat::Json => "json",
            SchemaFormat::Dotenv => "dotenv",
            SchemaFormat::Kubernetes => "kubernetes",
        }
    }

    /// The names of every format, comma-separated.
    pub(crate) fn names() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
        names.join(", ")
    }
}

impl fmt::Display for SchemaFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SchemaFormat {
    type Err = UsageError;

    /// Takes a format's name or its short form (`md`, `env`, `k8s`), in
    /// lower case.
    fn from_str(name: &str) -> Result<Self, UsageError> {
        let format = match name {
            "text" => SchemaFormat::Text,
            "markdown" | "md" => SchemaFormat::Markdown,
            "json" => SchemaFormat::Json,
            "dotenv" | "env" => SchemaFormat::Dotenv,
            "kubernetes" | "k8s" => SchemaFormat::Kubernetes,
            _ => {
                return Err(UsageError::new(format!(
                    "unknown schema format {}: expected one of: {}",
                    crate::error::quote_value(name),
                    Self::names()
                )))
            }
        };
        Ok(format)
    }
}

impl Schema {
    /// The schema in `format`; Kubernetes output names the Secret
    /// [`default_secret_name`](Self::default_secret_name).
    pub fn render(&self, format: SchemaFormat) -> String {
        match format {
            SchemaFormat::Text => self.to_text(),
            SchemaFormat::Markdown => self.to_markdown(),
            SchemaFormat::Json => self.to_json(),
            SchemaFormat::Dotenv => self.to_dotenv(),
            SchemaFormat::Kubernetes => self.to_kubernetes(&self.default_secret_name()),
        }
    }

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

    /// An aligned table for the terminal.
    ///
    /// The columns are `NAME`, `TYPE`, `DEFAULT`, `SECRET` and
    /// `DESCRIPTION`. `DEFAULT` holds the default, or `required`, or
    /// `optional` for a variable that may stay unset; a default that could be
    /// mistaken for those, or that is empty or has surrounding spaces, is
    /// quoted. Extra lines under a description name the `_FILE` alternative,
    /// deprecated names and the optional group.
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
                let lines = description_lines(var).iter().map(|l| plain(l)).collect();
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
        out
    }

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
                (Some(default), _) if !var.is_secret() => code_span(&shown_default(default)),
                (_, true) => "**required**".to_owned(),
                _ => "optional".to_owned(),
            };
            let cells = [
                code_span(var.name()),
                var.expected().to_owned(),
                default,
                if var.is_secret() { "yes" } else { "" }.to_owned(),
                description_lines(var).join("\n"),
            ];
            out.push('|');
            for cell in cells {
                out.push(' ');
                out.push_str(&markdown_cell(&cell));
                out.push_str(" |");
            }
            out.push('\n');
        }
        out
    }

    /// A JSON document for tools, pretty-printed, in a stable shape:
    ///
    /// ```json
    /// {
    ///   "format_version": 1,
    ///   "prefix": "BILLING_",
    ///   "vars": [
    ///     {
    ///       "name": "BILLING_API_KEY",
    ///       "field": "api_key",
    ///       "type": "text",
    ///       "required": true,
    ///       "default": null,
    ///       "secret": true,
    ///       "description": "Key for the payment provider's API.",
    ///       "file": "BILLING_API_KEY_FILE",
    ///       "choices": [],
    ///       "deprecated_aliases": [],
    ///       "group": null
    ///     }
    ///   ]
    /// }
    /// ```
    ///
    /// - `format_version` (number): the version of this shape, 1; it goes up
    ///   when a key is removed or changes meaning, while new keys may be
    ///   added at any time;
    /// - `prefix` (string): the configuration's prefix, empty without one;
    /// - `vars` (array), in field order, each with:
    ///   - `name` (string): the variable;
    ///   - `field` (string): the field's path, such as `workers.threads`;
    ///   - `type` (string): what the variable holds, as error reports say it;
    ///   - `required` (boolean): it has no default and is not optional;
    ///   - `default` (string or null): the default as variable text; always
    ///     null for a secret;
    ///   - `secret` (boolean);
    ///   - `description` (string): the doc comment, paragraphs separated by
    ///     `\n`, empty when there is none;
    ///   - `file` (string or null): the `_FILE` variable that may name a file
    ///     holding the value;
    ///   - `choices` (array of strings): the accepted spellings of an enum;
    ///   - `deprecated_aliases` (array of strings): old names still read;
    ///   - `group` (string or null): the optional group, such as `APP_S3_*`:
    ///     a `required` variable in a group is needed only once any variable
    ///     of the group is set.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "{{\n  \"format_version\": {JSON_FORMAT_VERSION},\n  \"prefix\": "
        );
        json_string(&mut out, self.prefix);
        out.push_str(",\n  \"vars\": [");
        for (index, var) in self.vars.iter().enumerate() {
            out.push_str(if index == 0 { "\n" } else { ",\n" });
            out.push_str("    {\n");
            let key = |out: &mut String, name: &str| {
                let _ = write!(out, "      \"{name}\": ");
            };
            key(&mut out, "name");
            json_string(&mut out, var.name());
            out.push_str(",\n");
            key(&mut out, "field");
            json_string(&mut out, var.field());
            out.push_str(",\n");
            key(&mut out, "type");
            json_string(&mut out, var.expected());
            out.push_str(",\n");
            key(&mut out, "required");
            let _ = writeln!(out, "{},", var.is_required());
            key(&mut out, "default");
            json_optional(&mut out, var.default().filter(|_| !var.is_secret()));
            out.push_str(",\n");
            key(&mut out, "secret");
            let _ = writeln!(out, "{},", var.is_secret());
            key(&mut out, "description");
            json_string(&mut out, var.description());
            out.push_str(",\n");
            key(&mut out, "file");
            json_optional(&mut out, var.file_var());
            out.push_str(",\n");
            key(&mut out, "choices");
            json_array(&mut out, var.choices());
            out.push_str(",\n");
            key(&mut out, "deprecated_aliases");
            json_array(&mut out, var.aliases());
            out.push_str(",\n");
            key(&mut out, "group");
            json_optional(&mut out, var.group());
            out.push_str("\n    }");
        }
        if !self.vars.is_empty() {
            out.push_str("\n  ");
        }
        out.push_str("]\n}\n");
        out
    }

    /// A `.env.example` file.
    ///
    /// Each variable gets its description and a line of facts (type,
    /// required, default, secret, `_FILE`, deprecated names, group) as `#`
    /// comments, then its assignment: required variables are left empty to
    /// be filled in; variables with a default show it commented out;
    /// optional ones are commented out and empty; secrets are always empty.
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
             # Fill in the empty ones; commented-out lines show defaults and optional variables.\n",
        );
        for var in &self.vars {
            out.push('\n');
            for line in var.description().lines() {
                comment_line(&mut out, "", line);
            }
            let mut facts = vec![var.expected().to_owned()];
            match var.default().filter(|_| !var.is_secret()) {
                Some(default) => facts.push(format!("default {}", shown_default(default))),
                None if var.is_required() => facts.push("required".to_owned()),
                None => facts.push("optional".to_owned()),
            }
            if var.is_secret() && !var.expected().contains("secret") {
                facts.push("secret".to_owned());
            }
            comment_line(&mut out, "", &facts.join("; "));
            for note in notes(var) {
                comment_line(&mut out, "", &note);
            }
            let name = var.name();
            match var.default().filter(|_| !var.is_secret()) {
                Some(default) => {
                    let _ = writeln!(out, "# {name}={}", dotenv_value(default));
                }
                None if var.is_required() => {
                    let _ = writeln!(out, "{name}=");
                }
                None => {
                    let _ = writeln!(out, "# {name}=");
                }
            }
        }
        out
    }

    /// The `env:` list of a Kubernetes container spec, as YAML.
    ///
    /// Secrets come from the Kubernetes Secret `secret_name`, under the
    /// variable's name as key (`valueFrom.secretKeyRef`, with
    /// `optional: true` when the variable may stay unset). Every other
    /// variable gets a `value:`: its default, or `""` to fill in with a
    /// comment saying what it holds. Entries that must not take effect as
    /// they stand are commented out: optional variables without a default,
    /// and every variable of an optional group (setting any of them turns
    /// the group on). Descriptions and notes are comments.
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
    /// assert!(yaml.contains("  # TCP port to listen on.\n  - name: \"PORT\"\n    value: \"8080\"\n"));
    /// assert!(yaml.contains(
    ///     "  - name: \"API_KEY\"\n    valueFrom:\n      secretKeyRef:\n        name: \"my-app\"\n        key: \"API_KEY\"\n"
    /// ));
    /// ```
    pub fn to_kubernetes(&self, secret_name: &str) -> String {
        let mut out =
            String::from("# The env list of a container spec (--print-schema=kubernetes).\n");
        if self.vars.iter().any(VarSchema::is_secret) {
            let _ = writeln!(
                out,
                "# Secrets come from the Kubernetes Secret {}, one key per variable.",
                yaml_string(secret_name)
            );
        }
        let mut entries = String::new();
        let mut active = 0;
        for var in &self.vars {
            for line in var.description().lines() {
                comment_line(&mut entries, "  ", line);
            }
            for note in notes(var) {
                comment_line(&mut entries, "  ", &note);
            }
            // An entry that must not take effect as it stands is commented
            // out: any variable of an optional group turns the group on, and
            // an empty optional value may not mean unset.
            let off = var.group().is_some()
                || (!var.is_required() && !var.is_secret() && var.default().is_none());
            let indent = if off { "  # " } else { "  " };
            active += usize::from(!off);
            let mut entry = format!("- name: {}\n", yaml_string(var.name()));
            if var.is_secret() {
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
                let need = if var.is_required() {
                    "required"
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
        // A list of comments only would read as null, not as a list.
        out.push_str(if active == 0 { "env: []\n" } else { "env:\n" });
        out.push_str(&entries);
        out
    }
}

/// The default, or `required` or `optional`, as the text table shows it.
fn requirement(var: &VarSchema) -> String {
    match var.default() {
        Some(default) if !var.is_secret() => shown_default(default),
        _ if var.is_required() => "required".to_owned(),
        _ => "optional".to_owned(),
    }
}

/// A default as shown in a table: quoted when it is empty, has surrounding
/// whitespace, holds control characters or could be read as a keyword.
fn shown_default(default: &str) -> String {
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
fn notes(var: &VarSchema) -> Vec<String> {
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
fn description_lines(var: &VarSchema) -> Vec<String> {
    let mut lines: Vec<String> = var.description().lines().map(str::to_owned).collect();
    lines.extend(notes(var));
    lines
}

/// Text with control characters escaped, so it cannot break a line or a
/// column.
fn plain(text: &str) -> String {
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
fn comment_line(out: &mut String, indent: &str, text: &str) {
    out.push_str(indent);
    out.push('#');
    if !text.is_empty() {
        out.push(' ');
        out.push_str(plain(text).trim_end());
    }
    out.push('\n');
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

/// Appends `text` as a JSON string.
fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            // Control characters must be escaped; U+2028 and U+2029 are, so
            // the output is also a valid JavaScript literal.
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_optional(out: &mut String, text: Option<&str>) {
    match text {
        Some(text) => json_string(out, text),
        None => out.push_str("null"),
    }
}

fn json_array(out: &mut String, items: &[&str]) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        json_string(out, item);
    }
    out.push(']');
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

/// A value in a `.env` file: bare when it is plain, single-quoted (literal)
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
    fn json_strings_escape_quotes_backslashes_and_controls() {
        let mut out = String::new();
        json_string(&mut out, "a\"b\\c\nd\u{1}e\u{2028}é");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001e\\u2028é\"");
    }

    #[test]
    fn yaml_strings_are_always_double_quoted() {
        assert_eq!(yaml_string("on"), "\"on\"");
        assert_eq!(yaml_string("8080"), "\"8080\"");
        assert_eq!(yaml_string("a\"b\\\n\u{7}"), "\"a\\\"b\\\\\\n\\u0007\"");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
    }

    #[test]
    fn dotenv_values_are_quoted_only_when_needed() {
        assert_eq!(dotenv_value("8080"), "8080");
        assert_eq!(dotenv_value("postgres://h:5432/db"), "postgres://h:5432/db");
        assert_eq!(dotenv_value("1h 15m"), "'1h 15m'");
        assert_eq!(dotenv_value("it's $HOME"), "\"it's \\$HOME\"");
        assert_eq!(dotenv_value(""), "");
    }

    #[test]
    fn defaults_that_look_like_keywords_are_quoted() {
        assert_eq!(shown_default("8080"), "8080");
        assert_eq!(shown_default(""), "\"\"");
        assert_eq!(shown_default("required"), "\"required\"");
        assert_eq!(shown_default(" x"), "\" x\"");
    }
}
