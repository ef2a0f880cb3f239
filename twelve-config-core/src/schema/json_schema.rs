//! The environment as a JSON Schema: `--print-schema=json-schema`.
//!
//! The document validates an object of strings, one per variable, such as an
//! env file read into JSON. It must never reject an environment the loader
//! accepts: a constraint is written only where the loader's rule is known
//! exactly, and where it is not, the document says less rather than guess.

use super::render::{closing_sections, notes};
use super::{Schema, VarSchema};
use crate::json::{json_array, json_string};

/// The JSON Schema dialect of the document.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Writes pretty-printed JSON as it goes, two spaces per level, lists of
/// names on one line. Streaming rather than building a tree, and one copy
/// of each method rather than one per call, keep the rendering small in
/// every program that has `--print-schema`.
struct Writer {
    out: String,
    depth: usize,
    /// No member yet in the object or array being written.
    fresh: bool,
}

impl Writer {
    /// A writer inside the document's top-level object.
    fn new() -> Self {
        Writer {
            out: String::from("{"),
            depth: 1,
            fresh: true,
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Starts a member: a comma after the previous one, its line, its key.
    #[inline(never)]
    fn member(&mut self, key: Option<&str>) {
        if !self.fresh {
            self.out.push(',');
        }
        self.fresh = false;
        self.newline();
        if let Some(key) = key {
            json_string(&mut self.out, key);
            self.out.push_str(": ");
        }
    }

    /// Opens an object (`{`) or an array (`[`).
    #[inline(never)]
    fn open(&mut self, key: Option<&str>, bracket: char) {
        self.member(key);
        self.out.push(bracket);
        self.depth += 1;
        self.fresh = true;
    }

    /// Closes what [`open`](Self::open) opened with `bracket`'s partner.
    #[inline(never)]
    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.fresh {
            self.newline();
        }
        self.out.push(bracket);
        self.fresh = false;
    }

    #[inline(never)]
    fn text(&mut self, key: &str, text: &str) {
        self.member(Some(key));
        json_string(&mut self.out, text);
    }

    #[inline(never)]
    fn literal(&mut self, key: &str, literal: &str) {
        self.member(Some(key));
        self.out.push_str(literal);
    }

    #[inline(never)]
    fn names(&mut self, key: &str, names: &[&str]) {
        self.member(Some(key));
        json_array(&mut self.out, names);
    }

    /// The document, closed.
    fn finish(mut self) -> String {
        self.close('}');
        self.out.push('\n');
        self.out
    }
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

// The descriptions of the crate's integer types, from `u8` to `u128` and
// `i8` to `i128` (`usize` and `isize` are one of them); a test checks them
// against the types. Literals rather than text formatted from the types'
// bounds: the 128-bit formatting would add kilobytes to every program.
const UNSIGNED_RANGES: [&str; 5] = [
    "integer 0..=255",
    "integer 0..=65535",
    "integer 0..=4294967295",
    "integer 0..=18446744073709551615",
    "integer 0..=340282366920938463463374607431768211455",
];
const NONZERO_UNSIGNED_RANGES: [&str; 5] = [
    "integer 1..=255",
    "integer 1..=65535",
    "integer 1..=4294967295",
    "integer 1..=18446744073709551615",
    "integer 1..=340282366920938463463374607431768211455",
];
const SIGNED_RANGES: [&str; 5] = [
    "integer -128..=127",
    "integer -32768..=32767",
    "integer -2147483648..=2147483647",
    "integer -9223372036854775808..=9223372036854775807",
    "integer -170141183460469231731687303715884105728..=170141183460469231731687303715884105727",
];
const NONZERO_SIGNED_RANGES: [&str; 5] = [
    "nonzero integer -128..=127",
    "nonzero integer -32768..=32767",
    "nonzero integer -2147483648..=2147483647",
    "nonzero integer -9223372036854775808..=9223372036854775807",
    "nonzero integer -170141183460469231731687303715884105728..=170141183460469231731687303715884105727",
];

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
    for (ranges, pattern) in [
        (UNSIGNED_RANGES, UNSIGNED),
        (NONZERO_UNSIGNED_RANGES, NONZERO_UNSIGNED),
        (SIGNED_RANGES, SIGNED),
        (NONZERO_SIGNED_RANGES, NONZERO_SIGNED),
    ] {
        if ranges.contains(&expected) {
            return Accepted::Pattern(pattern);
        }
    }
    match expected {
        "boolean: true/false, 1/0, yes/no or on/off" => Accepted::Pattern(BOOLEAN),
        "finite number such as 0.5 or 1e-3" => Accepted::Pattern(FINITE),
        "a single character" => Accepted::MaxLength("1"),
        _ => Accepted::Any,
    }
}

/// The names that give `var` its value and may not be set together: the
/// variable, its deprecated aliases and its `_FILE` variable.
fn sources(var: &VarSchema) -> Vec<&str> {
    let mut names = vec![var.name()];
    names.extend(var.aliases().iter().copied());
    names.extend(var.file_var());
    names
}

/// Every name that can give `var` its value: its [`sources`], then its
/// fallbacks, read when those are unset.
fn providers(var: &VarSchema) -> Vec<&str> {
    let mut names = sources(var);
    names.extend(var.fallbacks().iter().copied());
    names
}

/// The schema of "at least one of `names` is set".
fn any_set(w: &mut Writer, names: &[&str]) {
    any_set_as(w, None, names);
}

/// [`any_set`] as the member `key` of the object being written.
fn any_set_as(w: &mut Writer, key: Option<&str>, names: &[&str]) {
    w.open(key, '{');
    if let [name] = names {
        w.names("required", &[name]);
    } else {
        w.open(Some("anyOf"), '[');
        for name in names {
            w.open(None, '{');
            w.names("required", &[name]);
            w.close('}');
        }
        w.close(']');
    }
    w.close('}');
}

/// The members of "`names` are set and not empty": what enables a group and
/// what makes two sources conflict.
fn non_empty(w: &mut Writer, names: &[&str]) {
    w.names("required", names);
    w.open(Some("properties"), '{');
    for name in names {
        w.open(Some(name), '{');
        w.literal("minLength", "1");
        w.close('}');
    }
    w.close('}');
}

/// Which name a value property is for.
#[derive(Clone, Copy)]
enum Name<'n> {
    /// The variable itself.
    Main,
    /// A deprecated alias.
    Alias(&'n str),
    /// A fallback, read when the variable is unset.
    Fallback(&'n str),
}

/// The property of the variable itself, or of one of its aliases or
/// fallbacks.
fn value_property(w: &mut Writer, schema: &Schema, var: &VarSchema, name: Name<'_>) {
    let mut lines = Vec::new();
    let key = match name {
        Name::Main => var.name(),
        Name::Alias(alias) => {
            lines.push(format!("Deprecated name of {}.", var.name()));
            alias
        }
        Name::Fallback(fallback) => {
            lines.push(format!("Read when {} is unset.", var.name()));
            fallback
        }
    };
    lines.extend(var.description().lines().map(str::to_owned));
    lines.push(format!("Expected: {}.", var.expected()));
    lines.extend(notes(schema, var));
    if var.is_required() && var.group().is_none() && providers(var).len() > 1 {
        lines.push(format!("Required: {}.", alternatives(var)));
    }
    w.open(Some(key), '{');
    w.text("type", "string");
    w.text("description", &lines.join("\n"));
    // The text that switches a setting off is accepted beside the type's,
    // and with `invalid = "unset"` any text is (the program warns).
    let accepted = if var.none().is_some() || var.invalid_is_unset() {
        Accepted::Any
    } else {
        accepted(var.expected())
    };
    match accepted {
        Accepted::Pattern(pattern) => w.text("pattern", pattern),
        Accepted::MaxLength(max) => w.literal("maxLength", max),
        Accepted::Any => {}
    }
    // A required variable set empty is missing, as the loader reads it
    // (unless empty is a value for it): `required` alone takes "".
    let required_here = var.is_required() && var.group().is_none() && providers(var).len() == 1;
    if matches!(name, Name::Main) && required_here && !var.empty_is_value {
        w.literal("minLength", "1");
    }
    if !var.choices().is_empty() {
        w.names("examples", var.choices());
    }
    if let Some(default) = var.default() {
        w.text("default", default);
    }
    if var.is_secret() {
        w.literal("writeOnly", "true");
    }
    if matches!(name, Name::Alias(_)) || var.deprecated().is_some() {
        w.literal("deprecated", "true");
    }
    w.close('}');
}

/// The property of a `_FILE` variable.
fn file_property(w: &mut Writer, var: &VarSchema, file: &str) {
    w.open(Some(file), '{');
    w.text("type", "string");
    let description = format!("The path of a file holding the value of {}.", var.name());
    w.text("description", &description);
    w.close('}');
}

/// Opens the document's `allOf` before its first item.
fn all_of_item(w: &mut Writer, opened: &mut bool) {
    if !*opened {
        w.open(Some("allOf"), '[');
        *opened = true;
    }
}

/// "APP_KEY or APP_KEY_FILE", naming every source of a variable.
fn alternatives(var: &VarSchema) -> String {
    let names = providers(var);
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
    ///   of the group is set (not empty); a variable that `required` lists
    ///   has `minLength: 1`, since the program reads it empty as missing
    ///   (unless `empty = "value"`);
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
        let mut w = Writer::new();
        w.text("$schema", DIALECT);
        let mut description = String::from(
            "The environment variables this program reads, each a string. \
             Generated with --print-schema=json-schema.",
        );
        let (groups, rules) = closing_sections(self);
        for (title, lines) in [("Groups", groups), ("Rules", rules)] {
            if !lines.is_empty() {
                description.push_str(&format!("\n{title}:"));
                for line in lines {
                    description.push_str("\n- ");
                    description.push_str(&line);
                }
            }
        }
        w.text("description", &description);
        w.text("type", "object");
        w.open(Some("properties"), '{');
        // One property per name: a name read twice (a variable called like
        // another's `_FILE`) keeps its first description.
        let mut written: Vec<&str> = Vec::new();
        let mut first = |name| {
            let new = !written.contains(&name);
            if new {
                written.push(name);
            }
            new
        };
        for var in &self.vars {
            if first(var.name()) {
                value_property(&mut w, self, var, Name::Main);
            }
            for alias in var.aliases() {
                if first(alias) {
                    value_property(&mut w, self, var, Name::Alias(alias));
                }
            }
            if let Some(file) = var.file_var() {
                if first(file) {
                    file_property(&mut w, var, file);
                }
            }
            for fallback in var.fallbacks() {
                if first(fallback) {
                    value_property(&mut w, self, var, Name::Fallback(fallback));
                }
            }
        }
        w.close('}');

        let required: Vec<&str> = self
            .vars
            .iter()
            .filter(|v| v.is_required() && v.group().is_none() && providers(v).len() == 1)
            .map(VarSchema::name)
            .collect();
        if !required.is_empty() {
            w.names("required", &required);
        }

        let mut opened = false;
        for var in &self.vars {
            let all = providers(var);
            if var.is_required() && var.group().is_none() && all.len() > 1 {
                all_of_item(&mut w, &mut opened);
                any_set(&mut w, &all);
            }
            let names = sources(var);
            // The program rejects two sources of one variable set at once.
            for (index, one) in names.iter().enumerate() {
                for other in &names[index + 1..] {
                    all_of_item(&mut w, &mut opened);
                    w.open(None, '{');
                    w.open(Some("not"), '{');
                    non_empty(&mut w, &[one, other]);
                    w.close('}');
                    w.close('}');
                }
            }
        }
        groups::requirements(&mut w, self, &mut opened);
        if opened {
            w.close(']');
        }
        w.finish()
    }
}

mod groups;
#[cfg(test)]
mod tests;
