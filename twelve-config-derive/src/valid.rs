//! Checks that involve several fields or attributes.

use std::collections::HashMap;

use syn::Generics;

use crate::ast::{looks_secret, Enum, Field, Shape, Struct};
use crate::ctxt::Ctxt;

fn no_generics(cx: &mut Ctxt, generics: &Generics, derive: &str) {
    if !generics.params.is_empty() || generics.where_clause.is_some() {
        cx.error(
            generics,
            format!("`{derive}` cannot be derived for generic types"),
        );
    }
}

pub(crate) fn check_struct(cx: &mut Ctxt, input: &Struct<'_>) {
    no_generics(cx, &input.input.generics, "Config");
    if let Some(sep) = &input.attrs.nested_separator {
        if sep.value().is_empty() {
            cx.error(sep, "`nested_separator` cannot be empty");
        }
    }
    if let Some(suffix) = &input.attrs.file_suffix {
        let value = suffix.value();
        if value.is_empty() || value.contains(['=', '\0']) {
            cx.error(
                suffix,
                "`file_suffix` is what follows a variable's name to name its file variable, such as \"__FILE\": not empty, without `=`",
            );
        }
    }
    if let (Some(key), Some(empty)) = (&input.attrs.allow_empty, &input.attrs.empty) {
        let _ = key;
        cx.error(empty, "`allow_empty` is `empty = \"value\"`; keep one");
    }
    if let Some(empty) = &input.attrs.empty {
        check_empty(cx, empty);
    }
    for field in &input.fields {
        if field.is_nested() {
            check_nested(cx, field);
        } else {
            check_value(cx, field);
        }
    }
    check_unique_names(cx, input);
    crate::valid_rules::check_rules(cx, input);
    check_expected(cx, input);
    crate::literals::check(cx, input);
}

/// `invalid = "error" | "unset"`; read as unset, a field needs something
/// to fall back to.
fn check_invalid(cx: &mut Ctxt, field: &Field<'_>, invalid: &syn::LitStr) {
    let a = &field.attrs;
    match invalid.value().as_str() {
        "error" => {}
        "unset" if field.is_nested() => {}
        "unset" if a.default.is_none() && a.default_with.is_none() && !field.shape.is_optional() => {
            cx.error(
                invalid,
                "`invalid = \"unset\"` needs a value to fall back to: a `default`, a `default_with`, or an `Option` field",
            );
        }
        "unset" => {}
        _ => cx.error(
            invalid,
            "`invalid` takes \"error\" (the value is reported, the default) or \"unset\" (it is warned about and read as unset)",
        ),
    }
}

/// `empty = "unset" | "value" | "error"`.
fn check_empty(cx: &mut Ctxt, empty: &syn::LitStr) {
    if !matches!(empty.value().as_str(), "unset" | "value" | "error") {
        cx.error(
            empty,
            "`empty` takes \"unset\" (the default applies), \"value\" (empty is a value) or \"error\"",
        );
    }
}

/// `expected` describes one variable's text.
fn check_expected(cx: &mut Ctxt, input: &Struct<'_>) {
    for field in &input.fields {
        if let Some(deprecated) = &field.attrs.deprecated {
            if deprecated.value().trim().is_empty() {
                cx.error(
                    deprecated,
                    "`deprecated` says what to do instead, for the warning: `deprecated = \"ignored since 2.0; remove it\"`",
                );
            }
        }
        let Some(expected) = &field.attrs.expected else {
            continue;
        };
        if field.is_nested() {
            cx.error(
                expected,
                "`expected` cannot be used with `nested`: `nested` loads a whole struct; put this attribute on its fields",
            );
        } else if expected.value().trim().is_empty() {
            cx.error(expected, "`expected` cannot be empty");
        }
    }
}

fn check_nested(cx: &mut Ctxt, field: &Field<'_>) {
    let a = &field.attrs;
    if let (Some(_), Some(flatten)) = (&a.nested, &a.flatten) {
        cx.error(
            flatten,
            "`flatten` is `nested` without a prefix of its own; keep one",
        );
    }
    if let (Some(flatten), Some(prefix)) = (&a.flatten, &a.prefix) {
        let _ = flatten;
        cx.error(
            prefix,
            "`prefix` with `flatten`: a flattened struct keeps the parent's prefix; use `nested, prefix = ...` instead",
        );
    }
    let why = "`nested` loads a whole struct; put this attribute on its fields";
    if let Some(env) = &a.env {
        cx.error(env, format!("`env` cannot be used with `nested`: {why}"));
    }
    if let Some(default) = &a.default {
        cx.error(
            &default.key,
            format!("`default` cannot be used with `nested`: {why}"),
        );
    }
    for (lit, what) in [
        (&a.separator, "separator"),
        (&a.kv_separator, "kv_separator"),
        (&a.unit, "unit"),
    ] {
        if let Some(lit) = lit {
            cx.error(lit, format!("`{what}` cannot be used with `nested`: {why}"));
        }
    }
    for (key, what) in [
        (&a.allow_empty, "allow_empty"),
        (&a.skip_empty_items, "skip_empty_items"),
        (&a.from_str, "from_str"),
        (&a.deserialize, "deserialize"),
    ] {
        if let Some(key) = key {
            cx.error(key, format!("`{what}` cannot be used with `nested`: {why}"));
        }
    }
    if let Some((key, _)) = &a.file {
        cx.error(key, format!("`file` cannot be used with `nested`: {why}"));
    }
    for (lit, what) in [
        (&a.default_doc, "default_doc"),
        (&a.deprecated, "deprecated"),
        (&a.none, "none"),
        (&a.empty, "empty"),
        (&a.invalid, "invalid"),
    ] {
        if let Some(lit) = lit {
            cx.error(lit, format!("`{what}` cannot be used with `nested`: {why}"));
        }
    }
    if let Some(call) = &a.default_with {
        cx.error(
            &call.key,
            format!("`default_with` cannot be used with `nested`: {why}"),
        );
    }
    if let Some(fallback) = a.fallbacks.first() {
        cx.error(
            fallback,
            format!("`fallback` cannot be used with `nested`: {why}"),
        );
    }
    if let Some((key, _)) = &a.with {
        cx.error(key, format!("`with` cannot be used with `nested`: {why}"));
    }
    if let Some(alias) = a.aliases.first() {
        cx.error(
            alias,
            format!("`alias` cannot be used with `nested`: {why}"),
        );
    }
    if let Shape::Vec(_) | Shape::OptionVec(_) = field.shape {
        cx.error(
            field.ty,
            "a `nested` field is a struct or an `Option` of one, not a list",
        );
    }
    if field.shape.map().is_some() {
        cx.error(
            field.ty,
            "a `nested` field is a struct or an `Option` of one, not a map",
        );
    }
    if let Some(prefix) = &a.prefix {
        if prefix.value().is_empty() {
            cx.error(prefix, "`prefix` cannot be empty");
        }
    }
    if let Some(first) = a.enabled_by.first() {
        if !field.shape.is_optional() {
            cx.error(
                first,
                "`enabled_by` names what turns an optional group on; this group is always there: make it `Option<..>`",
            );
        }
    }
    for (i, name) in a.enabled_by.iter().enumerate() {
        if a.enabled_by[..i].contains(name) {
            cx.error(name, format!("`{name}` is named twice"));
        }
    }
    if let Some((first, _)) = a.enabled_if.first() {
        if !field.shape.is_optional() {
            cx.error(
                first,
                "`enabled_if` names the value that turns an optional group on; this group is always there: make it `Option<..>`",
            );
        } else if !a.enabled_by.is_empty() {
            cx.error(
                first,
                "`enabled_if` and `enabled_by` both say what turns the group on; keep one: `enabled_if` chooses the group by a value of this struct, `enabled_by` by variables of the group being set",
            );
        }
    }
}

fn check_value(cx: &mut Ctxt, field: &Field<'_>) {
    let a = &field.attrs;
    if let Some((first, _)) = a.enabled_if.first() {
        cx.error(
            first,
            "`enabled_if` is for an optional group (`Option<..>` with `nested` or `flatten`): it names a field of this struct whose value turns the group on; a value field needed for a value of another uses `required_if`",
        );
    }
    if let Some(first) = a.enabled_by.first() {
        cx.error(
            first,
            "`enabled_by` is for an optional group (`Option<..>` with `nested` or `flatten`): it names the fields of the group's struct that turn it on",
        );
    }
    if let Some(prefix) = &a.prefix {
        cx.error(
            prefix,
            "`prefix` on a field needs `nested`; to name one variable exactly, use `env`",
        );
    }
    if let Some(default) = &a.default {
        if field.shape.is_optional() && a.none.is_none() {
            cx.error(
                &default.key,
                "`default` on an `Option` field needs `none = \"...\"`, the text that means `None` (a setting on by default that can be switched off); otherwise remove `Option`",
            );
        }
    }
    if let Some(sep) = &a.separator {
        if !field.shape.is_list() && field.shape.map().is_none() {
            cx.error(
                sep,
                "`separator` is for list fields (`Vec<T>`) and map fields (`HashMap<K, V>`, `BTreeMap<K, V>`)",
            );
        } else if sep.value().is_empty() {
            cx.error(
                sep,
                "`separator` cannot be empty; use \" \" to split at whitespace",
            );
        }
    }
    if let Some(key) = &a.skip_empty_items {
        if !field.shape.is_list() && field.shape.map().is_none() && !field.is_nested() {
            cx.error(
                key,
                "`skip_empty_items` is for list fields (`Vec<T>`) and map fields (`HashMap<K, V>`, `BTreeMap<K, V>`)",
            );
        }
    }
    if let Some(invalid) = &a.invalid {
        check_invalid(cx, field, invalid);
    }
    if let Some(none) = &a.none {
        if !field.shape.is_optional() || a.default.is_none() {
            cx.error(
                none,
                "`none` is for an `Option` field with a `default`: the text that switches the setting off",
            );
        } else if none.value().is_empty() {
            cx.error(
                none,
                "`none` cannot be empty: an empty variable counts as unset",
            );
        }
    }
    if let (Some(_), Some(empty)) = (&a.allow_empty, &a.empty) {
        cx.error(empty, "`allow_empty` is `empty = \"value\"`; keep one");
    }
    if let Some(empty) = &a.empty {
        check_empty(cx, empty);
    }
    for fallback in &a.fallbacks {
        if fallback.value().is_empty() {
            cx.error(fallback, "`fallback` cannot be empty");
        }
    }
    if let (Some(_), Some((key, _))) = (&a.from_str, &a.with) {
        cx.error(
            key,
            "`with` and `from_str` both choose the parser; keep one",
        );
    }
    check_deserialize(cx, field);
    check_kv_separator(cx, field);
    check_unit(cx, field);
    if let Some(env) = &a.env {
        if env.value().is_empty() {
            cx.error(env, "`env` cannot be empty");
        }
    }
    for alias in &a.aliases {
        if alias.value().is_empty() {
            cx.error(alias, "`alias` cannot be empty");
        }
    }
}

/// `deserialize` chooses the parser, and never reads a secret.
fn check_deserialize(cx: &mut Ctxt, field: &Field<'_>) {
    let a = &field.attrs;
    let Some(key) = &a.deserialize else { return };
    for (other, what) in [
        (a.with.as_ref().map(|(k, _)| k), "with"),
        (a.from_str.as_ref(), "from_str"),
    ] {
        if other.is_some() {
            cx.error(
                key,
                format!("`deserialize` and `{what}` both choose the parser; keep one"),
            );
        }
    }
    if looks_secret(field.shape.value_type()) {
        cx.error(
            key,
            "a secret cannot be read with `deserialize`: serde's errors may quote the text, and its types do not say they are secret; use `with` on the secret field, or a `SecretString` and deserialize after `expose_secret()`",
        );
    }
}

fn check_kv_separator(cx: &mut Ctxt, field: &Field<'_>) {
    let Some(kv) = &field.attrs.kv_separator else {
        return;
    };
    let kv_value = kv.value();
    if field.shape.map().is_none() {
        cx.error(
            kv,
            "`kv_separator` is for map fields (`HashMap<K, V>`, `BTreeMap<K, V>`)",
        );
    } else if kv_value.is_empty() {
        cx.error(kv, "`kv_separator` cannot be empty");
    } else if kv_value.chars().any(char::is_whitespace) {
        cx.error(
            kv,
            "`kv_separator` cannot contain whitespace: keys and values are trimmed",
        );
    } else {
        let separator = field
            .attrs
            .separator
            .as_ref()
            .map_or_else(|| ",".to_owned(), syn::LitStr::value);
        if separator == kv_value {
            cx.error(
                kv,
                format!("`kv_separator` must differ from the pair separator {separator:?}"),
            );
        }
    }
}

/// Units `#[config(unit = ...)]` knows, as the runtime's `Measure` impls do.
const DURATION_UNITS: &[&str] = &["ms", "s", "m", "h", "d"];
const BYTE_UNITS: &[&str] = &[
    "B", "kB", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB",
];

/// The last segment of a type's path, such as `Duration`.
fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

fn check_unit(cx: &mut Ctxt, field: &Field<'_>) {
    let a = &field.attrs;
    let Some(unit) = &a.unit else { return };
    if a.from_str.is_some() || a.with.is_some() || a.deserialize.is_some() {
        cx.error(
            unit,
            "`unit` chooses the parser, like `with`, `from_str` and `deserialize`; keep one",
        );
        return;
    }
    let value = unit.value();
    let is_duration = DURATION_UNITS.contains(&value.as_str());
    let is_bytes = BYTE_UNITS.contains(&value.as_str());
    let duration_list = DURATION_UNITS.join(", ");
    let byte_list = BYTE_UNITS.join(", ");
    if !is_duration && !is_bytes {
        cx.error(
            unit,
            format!(
                "unknown unit {value:?}; expected one of: {duration_list} (for `Duration`) or {byte_list} (for `ByteSize`)"
            ),
        );
        return;
    }
    const NO_UNITS: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char", "String", "PathBuf", "OsString",
    ];
    let ty = field.shape.value_type();
    match type_name(ty).as_deref() {
        Some(name) if NO_UNITS.contains(&name) => cx.error(
            ty,
            format!("`unit` is for `Duration` and `ByteSize` fields, not `{name}`; make the field a `Duration` or a `ByteSize`"),
        ),
        Some("Duration") if !is_duration => cx.error(
            unit,
            format!("{value:?} is a unit of bytes, but the field is a `Duration`; expected one of: {duration_list}"),
        ),
        Some("ByteSize") if !is_bytes => cx.error(
            unit,
            format!("{value:?} is a unit of time, but the field is a `ByteSize`; expected one of: {byte_list}"),
        ),
        _ => {}
    }
}

/// Two fields of one struct must not read the same variable (with the
/// struct's own prefix; nested structs get theirs at run time).
fn check_unique_names(cx: &mut Ctxt, input: &Struct<'_>) {
    let prefix = input
        .attrs
        .prefix
        .as_ref()
        .map(syn::LitStr::value)
        .unwrap_or_default();
    let container_file = input.attrs.file.is_some();
    let mut seen: HashMap<String, String> = HashMap::new();
    for field in input.fields.iter().filter(|f| !f.is_nested()) {
        let name = match &field.attrs.env {
            Some(env) => env.value(),
            None => format!("{prefix}{}", field.segment),
        };
        let file = match field.attrs.file {
            Some((_, on)) => on,
            None => container_file || looks_secret(field.shape.value_type()),
        };
        let mut names = vec![name.clone()];
        if file {
            names.push(format!("{name}_FILE"));
        }
        names.extend(field.attrs.aliases.iter().map(syn::LitStr::value));
        let this = field.ident.to_string();
        for name in names {
            if let Some(other) = seen.get(&name) {
                cx.error(
                    field.ident,
                    format!(
                        "field `{this}` reads variable `{name}`, which field `{other}` reads too"
                    ),
                );
            } else {
                seen.insert(name, this.clone());
            }
        }
    }
}

pub(crate) fn check_enum(cx: &mut Ctxt, input: &Enum<'_>) {
    no_generics(cx, &input.input.generics, "EnvValue");
    let case_sensitive = input.attrs.case_sensitive.is_some();
    // Spelling as matched -> (variant, spelling as written).
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for variant in &input.variants {
        if let Some(rename) = &variant.attrs.rename {
            if rename.value().is_empty() {
                cx.error(rename, "`rename` cannot be empty");
            }
        }
        let this = variant.ident.to_string();
        for spelling in variant.spellings() {
            let key = if case_sensitive {
                spelling.clone()
            } else {
                spelling.to_ascii_lowercase()
            };
            match seen.get(&key) {
                Some((other, theirs)) if *theirs != spelling => cx.error(
                    variant.ident,
                    format!(
                        "variant `{this}` is spelled `{spelling}`, like variant `{other}` (`{theirs}`) when case is ignored; add `case_sensitive` to the enum or `rename` one of them"
                    ),
                ),
                Some((other, _)) => cx.error(
                    variant.ident,
                    format!("variant `{this}` is spelled `{spelling}`, like variant `{other}`"),
                ),
                None => {
                    seen.insert(key, (this.clone(), spelling));
                }
            }
        }
    }
}
