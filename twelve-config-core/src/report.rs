//! Machine-readable reports: the outcome of a load as a JSON document, for
//! `--check-config --format=json`, `--print-config --format=json`, and
//! services that show it on an admin endpoint.

use std::fmt::Write as _;

use crate::error::{Error, ErrorKind, Errors};
use crate::json::{json_array, json_string, Object};
use crate::loaded::{Loaded, Origin, ResolvedVar, Warning};

/// The version of the report's shape, its `version` key.
///
/// It goes up when a key is removed or changes meaning; new keys may appear
/// without a new version.
pub const REPORT_VERSION: u32 = 1;

impl Errors {
    /// The report as a JSON document for tools, in the shape described at
    /// [`Loaded::to_json`], with `ok` false, the problems, and no variables.
    ///
    /// Values are shown as in the text report: never a secret's, and URL
    /// passwords masked.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config, Debug)]
    /// struct Settings {
    ///     port: u16,
    /// }
    ///
    /// let errors = Settings::from_vars([("PORT", "80a")]).unwrap_err();
    /// let json = errors.to_json();
    /// assert!(json.starts_with("{\n  \"version\": 1,\n  \"ok\": false,\n"));
    /// assert!(json.contains(r#""kind": "invalid", "vars": ["PORT"], "field": "port""#));
    /// ```
    pub fn to_json(&self) -> String {
        report_json(Some(self), &[], &[])
    }
}

impl<T> Loaded<T> {
    /// The loaded configuration as a JSON document for tools: each
    /// variable's value as it may be shown and where it came from, and the
    /// warnings. `--print-config --format=json` and `--check-config
    /// --format=json` print it; a service can serve it on an admin
    /// endpoint.
    ///
    /// ```json
    /// {
    ///   "version": 1,
    ///   "ok": true,
    ///   "summary": {"variables": 2, "set": 1, "defaults": 1, "unset": 0, "not_used": 0},
    ///   "problems": [],
    ///   "warnings": [
    ///     {"var": "APP_PROT", "vars": ["APP_PROT"], "message": "unknown variable: no setting reads it (did you mean APP_PORT?)"}
    ///   ],
    ///   "notes": [],
    ///   "vars": [
    ///     {"name": "APP_PORT", "field": "port", "value": "8080", "secret": false, "origin": {"kind": "default", "text": "default"}},
    ///     {"name": "APP_KEY", "field": "key", "value": null, "secret": true, "origin": {"kind": "file", "text": "file /run/secrets/key", "path": "/run/secrets/key"}}
    ///   ]
    /// }
    /// ```
    ///
    /// - `version` (number): the version of this shape, 1. It goes up when a
    ///   key is removed or changes meaning; new keys may be added at any
    ///   time.
    /// - `ok` (boolean): whether the configuration loaded.
    /// - `summary` (object, null when not `ok`): how many variables there
    ///   are, how many are set, from defaults (written or computed), unset
    ///   (those of optional groups that are off included), and `not_used`:
    ///   set in an optional group that stays off.
    /// - `problems` (array, empty when `ok`), in the order of the text
    ///   report, each with:
    ///   - `kind` (string): `missing`, `invalid`, `invalid_default` (a bug in
    ///     the program), `conflict`, `file`, `unknown`, `rule` or `empty`;
    ///   - `vars` (array of strings): the variables involved, the first
    ///     being the one the report line names;
    ///   - `field` (string): the field's path, empty for an unknown variable;
    ///     for a rule, its fields' paths joined by `, `;
    ///   - `fields` (array of strings): the same paths apart (empty for an
    ///     unknown variable);
    ///   - `message` (string): the problem in one line, as the text report
    ///     says it after the variable;
    ///   - `expected` (string or null): what the variable should hold;
    ///   - `value` (string or null): the rejected value as the text report
    ///     quotes it (escaped like a Rust string literal, shortened when
    ///     long, URL passwords masked); null for a secret, a value that is
    ///     not UTF-8, or a problem without a value;
    ///   - `reason` (string or null): why the value was rejected, when that
    ///     may be shown;
    ///   - `default` (string or null): for `invalid_default`, the default as
    ///     written in the program;
    ///   - `path` (string or null): for `file`, the path of the file;
    ///   - `suggestion` (string or null): for `unknown`, the closest known
    ///     name;
    ///   - `note` (string or null): more context, such as the variables that
    ///     enabled an optional group.
    /// - `warnings` (array), each with `var` (as the text report names it:
    ///   for a rule's warning that names several variables, all of them,
    ///   joined by `, `), `vars` (array of strings: each variable) and
    ///   `message`.
    /// - `notes` (array of strings): rules that could not be checked because
    ///   a value they read did not load.
    /// - `vars` (array, empty when not `ok`), in field order, each with:
    ///   - `name` (string) and `field` (string);
    ///   - `value` (string or null): the value as text that may be shown,
    ///     URL passwords masked; null for a secret, an unset variable, or a
    ///     computed default whose type cannot write itself as text;
    ///   - `secret` (boolean);
    ///   - `origin` (object): `kind` (`environment`, `alias`, `fallback`,
    ///     `file`, `dotenv`, `command_line`, `default`, `computed`, `unset`,
    ///     `group_off` for a variable of an optional group that is off,
    ///     `unused` for one set in a group that stays off since its
    ///     `enabled_by` names other fields, or `other` for a source of the
    ///     program's own, whose words are the `text`), `text` (as `--print-config`
    ///     says it), and `name` for an alias or a fallback, `path` for a
    ///     file, `path` and `line` (number or null) for a `.env` file, `flag`
    ///     for the command line, `group` (the group's path) for `group_off`
    ///     and `unused`. A tool should treat a kind it does not know as
    ///     `unset`.
    ///
    /// No secret value appears anywhere in it.
    pub fn to_json(&self) -> String {
        report_json(None, self.vars(), self.warnings())
    }
}

/// The report document: the problems when the load failed, the variables
/// when it succeeded, and the warnings either way.
pub(crate) fn report_json(
    errors: Option<&Errors>,
    vars: &[ResolvedVar],
    warnings: &[Warning],
) -> String {
    let ok = errors.is_none_or(Errors::is_empty);
    let mut out = String::from("{\n");
    let _ = writeln!(out, "  \"version\": {REPORT_VERSION},");
    let _ = writeln!(out, "  \"ok\": {ok},");
    out.push_str("  \"summary\": ");
    if ok {
        let Counts {
            set,
            defaults,
            unset,
            not_used,
        } = counts(vars);
        let _ = write!(
            out,
            "{{\"variables\": {}, \"set\": {set}, \"defaults\": {defaults}, \"unset\": {unset}, \"not_used\": {not_used}}}",
            vars.len()
        );
    } else {
        out.push_str("null");
    }
    out.push_str(",\n");
    let problems: Vec<String> = errors
        .map(|errors| errors.iter().map(problem).collect())
        .unwrap_or_default();
    array(&mut out, "problems", &problems);
    out.push_str(",\n");
    let warnings: Vec<String> = warnings
        .iter()
        .map(|w| {
            let mut vars = String::new();
            json_array(
                &mut vars,
                &w.vars().iter().map(String::as_str).collect::<Vec<_>>(),
            );
            Object::new()
                .string("var", w.var())
                .raw("vars", &vars)
                .string("message", w.message())
                .finish()
        })
        .collect();
    array(&mut out, "warnings", &warnings);
    out.push_str(",\n");
    let notes: Vec<String> = errors
        .map(|errors| {
            errors
                .notes()
                .iter()
                .map(|note| {
                    let mut text = String::new();
                    crate::json::json_string(&mut text, note);
                    text
                })
                .collect()
        })
        .unwrap_or_default();
    array(&mut out, "notes", &notes);
    out.push_str(",\n");
    let vars: Vec<String> = if ok {
        vars.iter().map(var).collect()
    } else {
        Vec::new()
    };
    array(&mut out, "vars", &vars);
    out.push_str("\n}\n");
    out
}

/// How many variables of a load are in each state.
pub(crate) struct Counts {
    /// Set, and used.
    pub(crate) set: usize,
    /// From defaults, written or computed.
    pub(crate) defaults: usize,
    /// Unset, or in an optional group that is off.
    pub(crate) unset: usize,
    /// Set, but in an optional group that stays off.
    pub(crate) not_used: usize,
}

pub(crate) fn counts(vars: &[ResolvedVar]) -> Counts {
    let count = |matches: fn(&Origin) -> bool| vars.iter().filter(|v| matches(v.origin())).count();
    let defaults = count(|o| matches!(o, Origin::Default | Origin::Computed));
    let unset = count(|o| matches!(o, Origin::Unset | Origin::GroupOff(_)));
    let not_used = count(|o| matches!(o, Origin::Unused(_)));
    Counts {
        set: vars.len() - defaults - unset - not_used,
        defaults,
        unset,
        not_used,
    }
}

/// `"key": [` items one per line `]`.
fn array(out: &mut String, key: &str, items: &[String]) {
    out.push_str("  ");
    json_string(out, key);
    if items.is_empty() {
        out.push_str(": []");
        return;
    }
    out.push_str(": [\n");
    for (index, item) in items.iter().enumerate() {
        out.push_str("    ");
        out.push_str(item);
        if index + 1 < items.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push_str("  ]");
}

fn string_array(items: &[&str]) -> String {
    let mut out = String::new();
    crate::json::json_array(&mut out, items);
    out
}

/// One problem. `ErrorKind`'s values are already redacted.
fn problem(error: &Error) -> String {
    let mut vars: Vec<&str> = error.vars().iter().map(String::as_str).collect();
    let (mut expected, mut value, mut reason) = (None, None, None);
    let (mut default, mut path, mut suggestion) = (None, None, None);
    let kind = match error.kind() {
        ErrorKind::Missing { expected: e } => {
            expected = Some(e.as_str());
            "missing"
        }
        ErrorKind::Invalid {
            value: v,
            expected: e,
            reason: r,
        } => {
            (value, expected, reason) = (v.as_deref(), Some(e.as_str()), r.as_deref());
            "invalid"
        }
        ErrorKind::InvalidDefault {
            default: d,
            expected: e,
            reason: r,
        } => {
            (default, expected, reason) = (d.as_deref(), Some(e.as_str()), r.as_deref());
            "invalid_default"
        }
        ErrorKind::Conflict { other } => {
            vars.push(other);
            "conflict"
        }
        ErrorKind::File { path: p, reason: r } => {
            path = Some(p.to_string_lossy());
            reason = Some(r.as_str());
            "file"
        }
        ErrorKind::Unknown { suggestion: s } => {
            suggestion = s.as_deref();
            "unknown"
        }
        ErrorKind::Rule { .. } => "rule",
        ErrorKind::Empty => "empty",
    };
    // A rule's fields apart, as its variables are.
    let fields: Vec<&str> = error
        .field()
        .split(", ")
        .filter(|f| !f.is_empty())
        .collect();
    Object::new()
        .string("kind", kind)
        .raw("vars", &string_array(&vars))
        .string("field", error.field())
        .raw("fields", &string_array(&fields))
        .string("message", &error.message())
        .optional("expected", expected)
        .optional("value", value)
        .optional("reason", reason)
        .optional("default", default)
        .optional("path", path.as_deref())
        .optional("suggestion", suggestion)
        .optional("note", error.note())
        .finish()
}

/// One variable of a successful load.
fn var(var: &ResolvedVar) -> String {
    let value = if var.is_secret() {
        None
    } else {
        var.shown_value()
    };
    Object::new()
        .string("name", var.name())
        .string("field", var.field())
        .optional("value", value)
        .raw("secret", if var.is_secret() { "true" } else { "false" })
        .raw("origin", &origin(var.origin()))
        .finish()
}

fn origin(origin: &Origin) -> String {
    let text = origin.to_string();
    let (kind, detail) = match origin {
        Origin::Env => ("environment", None),
        Origin::Alias(name) => ("alias", Some(("name", name.clone()))),
        Origin::File(path) => ("file", Some(("path", path.to_string_lossy().into_owned()))),
        Origin::DotEnv { path, line } => {
            let object = Object::new()
                .string("kind", "dotenv")
                .string("text", &text)
                .string("path", &path.to_string_lossy());
            return match line {
                Some(line) => object.raw("line", &line.to_string()).finish(),
                None => object.raw("line", "null").finish(),
            };
        }
        Origin::Fallback(name) => ("fallback", Some(("name", name.clone()))),
        Origin::CommandLine(flag) => ("command_line", Some(("flag", flag.clone()))),
        Origin::Default => ("default", None),
        Origin::Computed => ("computed", None),
        Origin::Unset => ("unset", None),
        Origin::GroupOff(group) => ("group_off", Some(("group", group.clone()))),
        Origin::Unused(group) => ("unused", Some(("group", group.clone()))),
        Origin::Other(_) => ("other", None),
    };
    let object = Object::new().string("kind", kind).string("text", &text);
    match detail {
        Some((key, value)) => object.string(key, &value).finish(),
        None => object.finish(),
    }
}
