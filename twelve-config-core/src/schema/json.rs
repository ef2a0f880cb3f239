//! The document for tools: `--print-schema=json`.

use std::fmt::Write as _;

use super::Schema;
use crate::json::{json_array, json_optional, json_string};

/// The version of the JSON rendering's shape, its `format_version` key.
///
/// It goes up when a key is removed or changes meaning; new keys may appear
/// without a new version.
const JSON_FORMAT_VERSION: u32 = 1;

impl Schema {
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
}
