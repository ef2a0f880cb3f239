//! The document for tools: `--print-schema=json`.

use std::fmt::Write as _;

use super::Schema;
use crate::json::{json_array, json_optional, json_string};

/// The version of the JSON rendering's shape, its `format_version` key.
///
/// It goes up when a key is removed or changes meaning; new keys may appear
/// without a new version.
const JSON_FORMAT_VERSION: u32 = 2;

impl Schema {
    /// A JSON document for tools, pretty-printed, in a stable shape:
    ///
    /// ```json
    /// {
    ///   "format_version": 2,
    ///   "prefix": "BILLING_",
    ///   "vars": [
    ///     {
    ///       "name": "BILLING_API_KEY",
    ///       "field": "api_key",
    ///       "type": "text",
    ///       "required": true,
    ///       "default": null,
    ///       "default_hidden": false,
    ///       "default_computed": null,
    ///       "none": null,
    ///       "secret": true,
    ///       "credential": false,
    ///       "description": "Key for the payment provider's API.",
    ///       "file": "BILLING_API_KEY_FILE",
    ///       "choices": [],
    ///       "deprecated_aliases": [],
    ///       "fallbacks": [],
    ///       "deprecated": null,
    ///       "invalid": "error",
    ///       "group": null
    ///     }
    ///   ],
    ///   "groups": [],
    ///   "rules": []
    /// }
    /// ```
    ///
    /// - `format_version` (number): the version of this shape, 2; it goes up
    ///   when a key is removed or changes meaning, while new keys may be
    ///   added at any time (version 1 named a group by a pattern such as
    ///   `APP_S3_*`, and had no `groups` or `rules`);
    /// - `prefix` (string): the configuration's prefix, empty without one;
    /// - `vars` (array), in field order, each with:
    ///   - `name` (string): the variable;
    ///   - `field` (string): the field's path, such as `workers.threads`;
    ///   - `type` (string): what the variable holds, as error reports say it;
    ///   - `required` (boolean): it has no default (written or computed) and
    ///     is not optional;
    ///   - `default` (string or null): the default as variable text; always
    ///     null for a secret;
    ///   - `default_hidden` (boolean): a secret with a default written in
    ///     the program, which applies when it is unset and is never shown;
    ///   - `default_computed` (string or null): a default the program
    ///     computes, in words;
    ///   - `none` (string or null): the text that switches off a setting that
    ///     is on by default;
    ///   - `secret` (boolean);
    ///   - `credential` (boolean): not secret, but the value may carry a
    ///     password (URL types);
    ///   - `description` (string): the doc comment, paragraphs separated by
    ///     `\n`, empty when there is none;
    ///   - `file` (string or null): the `_FILE` variable that may name a file
    ///     holding the value;
    ///   - `choices` (array of strings): the accepted spellings of an enum;
    ///   - `deprecated_aliases` (array of strings): old names still read,
    ///     with a warning;
    ///   - `fallbacks` (array of strings): other names read when this one is
    ///     unset;
    ///   - `deprecated` (string or null): why the setting is deprecated, the
    ///     text of the warning that setting it gives;
    ///   - `invalid` (string): what a value the type rejects does: `error`,
    ///     a problem in the report, or `unset`, a warning, and the field
    ///     reads as unset (its default applies);
    ///   - `group` (string or null): the field path of the optional group the
    ///     variable belongs to: a `required` variable in a group is needed
    ///     only once the group is on (see `enabled_by`);
    /// - `groups` (array): every nested struct, outer before inner, with
    ///   `field` (its path), `description`, `optional` (boolean), `vars`
    ///   (its variables' names) and `enabled_by` (for an optional group, the
    ///   variables any of which turns it on: all of `vars` unless the group
    ///   names some with `enabled_by`; empty for a group always there) and
    ///   `off_values` (an object: for each variable of `enabled_by` named
    ///   by the group's `enabled_by` whose type has values that mean off,
    ///   such as a `bool`'s `false`, those values, with which it leaves the
    ///   group off; compared ignoring case), `on_by_default` (the switches
    ///   of `enabled_by` whose default turns the group on while they are
    ///   unset, such as a `bool` defaulting to true) and `enabled_if` (an object:
    ///   for a group chosen by a value with `enabled_if`, each variable of
    ///   the declaring struct named, with the values that turn the group
    ///   on, as written in the program; `enabled_by` is then empty);
    /// - `rules` (array): every rule across variables, with `kind`
    ///   (`at_most_one`, `exactly_one`, `at_least_one`, `all_or_none`,
    ///   `requires`, `conflicts_with`, `required_if`, `check`, `warn_check`
    ///   (a check whose failure is a warning) or `validate`),
    ///   `vars` (for `requires`, `conflicts_with` and `required_if` the
    ///   declaring variable first), `members` (what the rule names, in
    ///   order, each as its variables: one for a field, and for an optional
    ///   group those that turn it on, which counts as set when any of them
    ///   is; `vars` is
    ///   these in a row), `equals` (for `required_if`, else null), `text`
    ///   and `group` (the field path of the optional group whose struct
    ///   declares the rule, which applies only while the group is on; null
    ///   for a rule that always applies).
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
            let mut object = Object::new(&mut out, 4);
            object.string("name", var.name());
            object.string("field", var.field());
            object.string("type", var.expected());
            object.bool("required", var.is_required());
            object.optional("default", var.default());
            object.bool("default_hidden", var.has_hidden_default());
            object.optional("default_computed", var.computed_default());
            object.optional("none", var.none());
            object.bool("secret", var.is_secret());
            object.bool("credential", var.is_credential());
            object.string("description", var.description());
            object.optional("file", var.file_var());
            object.array("choices", var.choices());
            object.array("deprecated_aliases", var.aliases());
            object.array("fallbacks", var.fallbacks());
            object.optional("deprecated", var.deprecated());
            object.string(
                "invalid",
                if var.invalid_is_unset() {
                    "unset"
                } else {
                    "error"
                },
            );
            object.optional("group", var.group());
            object.close();
        }
        close_array(&mut out, self.vars.is_empty());
        out.push_str(",\n  \"groups\": [");
        for (index, group) in self.groups.iter().enumerate() {
            out.push_str(if index == 0 { "\n" } else { ",\n" });
            let mut object = Object::new(&mut out, 4);
            object.string("field", group.field());
            object.string("description", group.description());
            object.bool("optional", group.is_optional());
            object.array("vars", &refs(group.vars()));
            object.array("enabled_by", &refs(group.enabled_by()));
            object.values_by_var("enabled_if", &group.enabled_if_by_var());
            object.values_by_var("off_values", &group.off);
            object.array("on_by_default", &refs(group.on_by_default()));
            object.close();
        }
        close_array(&mut out, self.groups.is_empty());
        out.push_str(",\n  \"rules\": [");
        for (index, rule) in self.rules.iter().enumerate() {
            out.push_str(if index == 0 { "\n" } else { ",\n" });
            let mut object = Object::new(&mut out, 4);
            object.string("kind", rule.kind());
            object.array("vars", &refs(rule.vars()));
            object.arrays("members", &rule.members());
            object.optional("equals", rule.equals());
            object.string("text", rule.text());
            object.optional("group", rule.group());
            object.close();
        }
        close_array(&mut out, self.rules.is_empty());
        out.push_str("\n}\n");
        out
    }
}

fn refs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

fn close_array(out: &mut String, empty: bool) {
    if !empty {
        out.push_str("\n  ");
    }
    out.push(']');
}

/// A JSON object written one key per line at `indent` spaces.
struct Object<'o> {
    out: &'o mut String,
    indent: usize,
    first: bool,
}

impl<'o> Object<'o> {
    fn new(out: &'o mut String, indent: usize) -> Self {
        let _ = write!(out, "{:indent$}{{", "");
        Object {
            out,
            indent,
            first: true,
        }
    }

    fn key(&mut self, name: &str) {
        let separator = if self.first { "" } else { "," };
        self.first = false;
        let _ = write!(
            self.out,
            "{separator}\n{:width$}\"{name}\": ",
            "",
            width = self.indent + 2
        );
    }

    fn string(&mut self, name: &str, value: &str) {
        self.key(name);
        json_string(self.out, value);
    }

    fn optional(&mut self, name: &str, value: Option<&str>) {
        self.key(name);
        json_optional(self.out, value);
    }

    fn bool(&mut self, name: &str, value: bool) {
        self.key(name);
        let _ = write!(self.out, "{value}");
    }

    fn array(&mut self, name: &str, items: &[&str]) {
        self.key(name);
        json_array(self.out, items);
    }

    /// An array of arrays of strings, on one line.
    fn arrays(&mut self, name: &str, items: &[&[String]]) {
        self.key(name);
        self.out.push('[');
        for (index, item) in items.iter().enumerate() {
            if index > 0 {
                self.out.push_str(", ");
            }
            json_array(self.out, &refs(item));
        }
        self.out.push(']');
    }

    /// An object of arrays on one line: for each variable, its values
    /// (`off_values`, `enabled_if`).
    fn values_by_var<V: AsRef<[&'static str]>>(&mut self, name: &str, items: &[(String, V)]) {
        self.key(name);
        self.out.push('{');
        for (index, (var, values)) in items.iter().enumerate() {
            if index > 0 {
                self.out.push_str(", ");
            }
            json_string(self.out, var);
            self.out.push_str(": ");
            json_array(self.out, values.as_ref());
        }
        self.out.push('}');
    }

    fn close(self) {
        let _ = write!(self.out, "\n{:indent$}}}", "", indent = self.indent);
    }
}
