//! The environment as a JSON Schema: `--print-schema=json-schema`.
//!
//! The document validates an object of strings, one per variable, such as an
//! env file read into JSON. It must never reject an environment the loader
//! accepts: a constraint is written only where the loader's rule is known
//! exactly, and where it is not, the document says less rather than guess.

use std::fmt::Write as _;

use super::render::notes;
use super::{Schema, VarSchema};
use crate::json::json_string;

/// The JSON Schema dialect of the document.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A JSON value, built before it is printed so that objects can be
/// assembled in any order and printed with one indentation rule.
enum Node {
    Text(String),
    Literal(&'static str),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Node {
    fn text(text: impl Into<String>) -> Node {
        Node::Text(text.into())
    }

    fn names<'a>(names: impl IntoIterator<Item = &'a str>) -> Node {
        Node::Array(names.into_iter().map(Node::text).collect())
    }

    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Node::Text(text) => json_string(out, text),
            Node::Literal(literal) => out.push_str(literal),
            Node::Array(items) if items.iter().all(|i| matches!(i, Node::Text(_))) => {
                // Lists of names stay on one line.
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, indent);
                }
                out.push(']');
            }
            Node::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    pad(out, indent + 1);
                    item.write(out, indent + 1);
                }
                if !items.is_empty() {
                    out.push('\n');
                    pad(out, indent);
                }
                out.push(']');
            }
            Node::Object(members) => {
                out.push('{');
                for (index, (key, value)) in members.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    pad(out, indent + 1);
                    json_string(out, key);
                    out.push_str(": ");
                    value.write(out, indent + 1);
                }
                if !members.is_empty() {
                    out.push('\n');
                    pad(out, indent);
                }
                out.push('}');
            }
        }
    }
}

fn pad(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push_str("  ");
    }
}

fn object(members: Vec<(&str, Node)>) -> Node {
    Node::Object(
        members
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

/// What the JSON Schema can say exactly about the text a type accepts.
#[derive(Debug, PartialEq, Eq)]
enum Accepted {
    /// A regular expression (ECMA-262, as JSON Schema requires) for the
    /// whole text, the empty text included.
    Pattern(&'static str),
    /// At most this many characters (code points, as JSON Schema counts).
    MaxLength(&'static str),
    /// Nothing more than "a string".
    Any,
}

// Every pattern also accepts the empty text: an empty variable is unset
// unless the field allows empty values, and an unset variable may fall back
// to its default, its `_FILE` or an alias. `[0-9]` rather than `\d`, which
// some regex engines extend to every Unicode digit.
const UNSIGNED: &str = r"^(?:\+?[0-9]+)?$";
const SIGNED: &str = r"^(?:[+-]?[0-9]+)?$";
const NONZERO_UNSIGNED: &str = r"^(?:\+?0*[1-9][0-9]*)?$";
const NONZERO_SIGNED: &str = r"^(?:[+-]?0*[1-9][0-9]*)?$";
const BOOLEAN: &str =
    r"^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff]|1|0)?$";
const FINITE: &str = r"^(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)?$";

/// What the JSON Schema may require of a variable described as `expected`.
///
/// Only the descriptions of the crate's own parsers are recognised, word for
/// word, and only where the parser's grammar is regular: the integers (any
/// number of leading zeros, an optional `+`, a `-` for signed types; the
/// range is left to the program, as a pattern for it would be unreadable),
/// booleans (the eight words in any case), finite numbers (the pattern
/// admits an exponent too large for the type, which the program rejects)
/// and characters. Enums match their spellings ignoring case and may have
/// aliases the schema does not list, so their choices are only examples.
fn accepted(expected: &str) -> Accepted {
    let expected = expected.strip_prefix("secret ").unwrap_or(expected);
    let unsigned = [
        u128::from(u8::MAX),
        u128::from(u16::MAX),
        u128::from(u32::MAX),
        u128::from(u64::MAX),
        u128::MAX,
    ];
    let signed = [
        (i128::from(i8::MIN), i128::from(i8::MAX)),
        (i128::from(i16::MIN), i128::from(i16::MAX)),
        (i128::from(i32::MIN), i128::from(i32::MAX)),
        (i128::from(i64::MIN), i128::from(i64::MAX)),
        (i128::MIN, i128::MAX),
    ];
    if let Some(range) = expected.strip_prefix("integer ") {
        if unsigned.iter().any(|max| range == format!("0..={max}")) {
            return Accepted::Pattern(UNSIGNED);
        }
        if unsigned.iter().any(|max| range == format!("1..={max}")) {
            return Accepted::Pattern(NONZERO_UNSIGNED);
        }
        if signed
            .iter()
            .any(|(min, max)| range == format!("{min}..={max}"))
        {
            return Accepted::Pattern(SIGNED);
        }
    }
    if let Some(range) = expected.strip_prefix("nonzero integer ") {
        if signed
            .iter()
            .any(|(min, max)| range == format!("{min}..={max}"))
        {
            return Accepted::Pattern(NONZERO_SIGNED);
        }
    }
    match expected {
        "boolean: true/false, 1/0, yes/no or on/off" => Accepted::Pattern(BOOLEAN),
        "finite number such as 0.5 or 1e-3" => Accepted::Pattern(FINITE),
        "a single character" => Accepted::MaxLength("1"),
        _ => Accepted::Any,
    }
}

/// Every name that can give `var` its value: the variable, its deprecated
/// aliases and its `_FILE` variable.
fn sources(var: &VarSchema) -> Vec<&str> {
    let mut names = vec![var.name()];
    names.extend(var.aliases().iter().copied());
    names.extend(var.file_var());
    names
}

/// The schema of "at least one of `names` is set".
fn any_set(names: &[&str]) -> Node {
    match names {
        [name] => object(vec![("required", Node::names([*name]))]),
        _ => object(vec![(
            "anyOf",
            Node::Array(
                names
                    .iter()
                    .map(|name| object(vec![("required", Node::names([*name]))]))
                    .collect(),
            ),
        )]),
    }
}

/// The schema of "`name` is set and not empty": what enables a group and
/// what makes two sources conflict.
fn non_empty(names: &[&str]) -> Node {
    let properties = names
        .iter()
        .map(|name| {
            (
                (*name).to_owned(),
                object(vec![("minLength", Node::Literal("1"))]),
            )
        })
        .collect();
    object(vec![
        ("required", Node::names(names.iter().copied())),
        ("properties", Node::Object(properties)),
    ])
}

/// The property of the variable itself, or of one of its aliases.
fn value_property(var: &VarSchema, alias: Option<&str>) -> Node {
    let mut lines = Vec::new();
    if alias.is_some() {
        lines.push(format!("Deprecated name of {}.", var.name()));
    }
    lines.extend(var.description().lines().map(str::to_owned));
    lines.push(format!("Expected: {}.", var.expected()));
    lines.extend(notes(var));
    if var.is_required() && var.group().is_none() && sources(var).len() > 1 {
        lines.push(format!("Required: {}.", alternatives(var)));
    }
    let mut members = vec![
        ("type", Node::text("string")),
        ("description", Node::text(lines.join("\n"))),
    ];
    match accepted(var.expected()) {
        Accepted::Pattern(pattern) => members.push(("pattern", Node::text(pattern))),
        Accepted::MaxLength(max) => members.push(("maxLength", Node::Literal(max))),
        Accepted::Any => {}
    }
    if !var.choices().is_empty() {
        members.push(("examples", Node::names(var.choices().iter().copied())));
    }
    if let Some(default) = var.default().filter(|_| !var.is_secret()) {
        members.push(("default", Node::text(default)));
    }
    if var.is_secret() {
        members.push(("writeOnly", Node::Literal("true")));
    }
    if alias.is_some() {
        members.push(("deprecated", Node::Literal("true")));
    }
    object(members)
}

/// "APP_KEY or APP_KEY_FILE", naming every source of a variable.
fn alternatives(var: &VarSchema) -> String {
    let names = sources(var);
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl Schema {
    /// A [JSON Schema](https://json-schema.org/) (draft 2020-12) of the
    /// environment, for validating an env file converted to a JSON object of
    /// strings, or for an editor's completion.
    ///
    /// - one string property per variable, deprecated alias and `_FILE`
    ///   variable, with a `description` (the doc comment, the expected type,
    ///   the notes), the `default`, `writeOnly` for secrets and `deprecated`
    ///   for aliases;
    /// - a `pattern` only where the accepted text is exactly known: integers
    ///   (digits and a sign; the range is checked by the program), booleans
    ///   and finite numbers; a `char` gets `maxLength`. Every pattern admits
    ///   the empty text, which the program treats as unset. An enum's choices
    ///   are `examples`, not an `enum`: the program matches them ignoring case
    ///   and may accept aliases the schema does not list;
    /// - `required` lists the variables that must be set; one that may also
    ///   come from its `_FILE` variable or a deprecated alias is required
    ///   through an `anyOf` in `allOf` instead, and a required variable of an
    ///   optional group through an `if`/`then` that applies once a variable
    ///   of the group is set (not empty);
    /// - `allOf` also forbids setting a variable twice (the name and an alias,
    ///   or a value and its `_FILE`), which the program rejects;
    /// - other properties are allowed: the environment holds more than this
    ///   program's variables.
    ///
    /// No value is read to build it, and a secret never has a default.
    ///
    /// ```
    /// use twelve_config::{Config, SecretString};
    ///
    /// #[derive(Config)]
    /// #[config(prefix = "APP_")]
    /// struct Settings {
    ///     /// TCP port to listen on.
    ///     #[config(default = 8080)]
    ///     port: u16,
    ///     /// Key for the payment provider.
    ///     api_key: SecretString,
    /// }
    ///
    /// let schema = Settings::schema().to_json_schema();
    /// assert!(schema.contains(r#""$schema": "https://json-schema.org/draft/2020-12/schema""#));
    /// assert!(schema.contains(r#""pattern": "^(?:\\+?[0-9]+)?$""#));
    /// assert!(schema.contains(r#""default": "8080""#));
    /// assert!(schema.contains(r#""writeOnly": true"#));
    /// // The key may come from APP_API_KEY or from the file APP_API_KEY_FILE names.
    /// assert!(schema.contains(r#""APP_API_KEY_FILE": {"#));
    /// ```
    pub fn to_json_schema(&self) -> String {
        let mut properties = Vec::new();
        let mut required = Vec::new();
        let mut all_of = Vec::new();
        // One property per name: a name read twice (a variable called like
        // another's `_FILE`) keeps its first description.
        let mut add = |name: &str, property: Node| {
            if !properties.iter().any(|(key, _)| key == name) {
                properties.push((name.to_owned(), property));
            }
        };
        for var in &self.vars {
            add(var.name(), value_property(var, None));
            for alias in var.aliases() {
                add(alias, value_property(var, Some(alias)));
            }
            if let Some(file) = var.file_var() {
                let description =
                    format!("The path of a file holding the value of {}.", var.name());
                let members = vec![
                    ("type", Node::text("string")),
                    ("description", Node::text(description)),
                ];
                add(file, object(members));
            }
            let names = sources(var);
            if var.is_required() && var.group().is_none() {
                if names.len() == 1 {
                    required.push(var.name());
                } else {
                    all_of.push(any_set(&names));
                }
            }
            // The program rejects two sources of one variable set at once.
            for (index, first) in names.iter().enumerate() {
                for second in &names[index + 1..] {
                    all_of.push(object(vec![("not", non_empty(&[first, second]))]));
                }
            }
        }
        let mut groups: Vec<&str> = Vec::new();
        for group in self.vars.iter().filter_map(VarSchema::group) {
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
        for group in groups {
            let members: Vec<&VarSchema> = self
                .vars
                .iter()
                .filter(|v| v.group() == Some(group))
                .collect();
            let needed: Vec<Node> = members
                .iter()
                .filter(|v| v.is_required())
                .map(|v| any_set(&sources(v)))
                .collect();
            if needed.is_empty() {
                continue;
            }
            let enablers: Vec<Node> = members
                .iter()
                .flat_map(|v| sources(v))
                .map(|name| non_empty(&[name]))
                .collect();
            all_of.push(object(vec![
                (
                    "$comment",
                    Node::text(format!(
                        "the optional group {group} is in use once one of its variables is set"
                    )),
                ),
                ("if", object(vec![("anyOf", Node::Array(enablers))])),
                ("then", object(vec![("allOf", Node::Array(needed))])),
            ]));
        }
        let mut document = vec![
            ("$schema", Node::text(DIALECT)),
            (
                "description",
                Node::text(
                    "The environment variables this program reads, each a string. \
                     Generated with --print-schema=json-schema.",
                ),
            ),
            ("type", Node::text("object")),
            ("properties", Node::Object(properties)),
        ];
        if !required.is_empty() {
            document.push(("required", Node::names(required)));
        }
        if !all_of.is_empty() {
            document.push(("allOf", Node::Array(all_of)));
        }
        let mut out = String::new();
        object(document).write(&mut out, 0);
        let _ = writeln!(out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_crates_own_descriptions_get_a_pattern() {
        assert_eq!(accepted("integer 0..=65535"), Accepted::Pattern(UNSIGNED));
        assert_eq!(
            accepted(&format!("secret integer 0..={}", u64::MAX)),
            Accepted::Pattern(UNSIGNED)
        );
        assert_eq!(
            accepted(&format!("integer 0..={}", u128::MAX)),
            Accepted::Pattern(UNSIGNED)
        );
        assert_eq!(accepted("integer -128..=127"), Accepted::Pattern(SIGNED));
        assert_eq!(
            accepted("integer 1..=255"),
            Accepted::Pattern(NONZERO_UNSIGNED)
        );
        assert_eq!(
            accepted("nonzero integer -32768..=32767"),
            Accepted::Pattern(NONZERO_SIGNED)
        );
        assert_eq!(
            accepted("boolean: true/false, 1/0, yes/no or on/off"),
            Accepted::Pattern(BOOLEAN)
        );
        assert_eq!(
            accepted("finite number such as 0.5 or 1e-3"),
            Accepted::Pattern(FINITE)
        );
        assert_eq!(accepted("a single character"), Accepted::MaxLength("1"));
        // A range no built-in type has, a user's wording, an enum, a list.
        for other in [
            "integer 0..=100",
            "integer 1..=10",
            "a boolean such as true or 1",
            "one of: json, text",
            "list of integer 0..=65535 separated by \",\"",
            "text accepted by parse_port",
            "text",
        ] {
            assert_eq!(accepted(other), Accepted::Any, "{other}");
        }
    }

    #[test]
    fn nodes_print_as_indented_json() {
        let node = object(vec![
            ("a", Node::names(["x", "y"])),
            (
                "b",
                Node::Array(vec![object(vec![("c", Node::Literal("true"))])]),
            ),
            ("d", Node::Object(Vec::new())),
            ("e", Node::text("quote \" and \\")),
        ]);
        let mut out = String::new();
        node.write(&mut out, 0);
        assert_eq!(
            out,
            "{\n  \"a\": [\"x\", \"y\"],\n  \"b\": [\n    {\n      \"c\": true\n    }\n  ],\n  \"d\": {},\n  \"e\": \"quote \\\" and \\\\\"\n}"
        );
    }
}
