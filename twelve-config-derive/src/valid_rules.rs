//! Checks of what names other fields: computed defaults, presence rules and
//! checks. Every name must be a value field of the same struct, or, in a
//! presence rule's list, an optional group, or, in a check, any nested
//! struct.

use syn::{Ident, LitStr, Type};

use crate::ast::{looks_secret, Field, Struct};
use crate::ctxt::Ctxt;

pub(crate) fn check_rules(cx: &mut Ctxt, input: &Struct<'_>) {
    for (index, field) in input.fields.iter().enumerate() {
        check_computed(cx, input, index, field);
        for other in field
            .attrs
            .requires
            .iter()
            .chain(&field.attrs.conflicts_with)
        {
            if other == field.ident {
                cx.error(other, "a field cannot name itself in its own rule");
            } else {
                rule_member(cx, input, other);
            }
        }
        if !field.attrs.requires.is_empty() || !field.attrs.conflicts_with.is_empty() {
            not_nested(cx, field, "presence rules");
        }
        for (condition, text) in &field.attrs.enabled_if {
            check_choice(cx, input, index, condition, text);
        }
        for (condition, text) in &field.attrs.required_if {
            not_nested(cx, field, "`required_if`");
            if condition == field.ident {
                cx.error(condition, "a field cannot be required on its own value");
            } else if let Some(on) = value_field(cx, input, condition) {
                check_condition_text(cx, on, text);
            }
        }
    }
    for rule in &input.attrs.rules {
        if rule.fields.len() < 2 {
            cx.error(
                &rule.kind,
                format!("`{}` needs at least two fields", rule.kind),
            );
        }
        for (i, name) in rule.fields.iter().enumerate() {
            if rule.fields[..i].contains(name) {
                cx.error(name, format!("`{name}` is named twice"));
            }
            rule_member(cx, input, name);
        }
    }
    for check in &input.attrs.checks {
        if check.args.is_empty() {
            let key = if check.key.is_ident("warn_check") {
                "warn_check"
            } else {
                "check"
            };
            cx.error(
                &check.function,
                format!("`{key}` names the fields its function reads: `{key} = function(a, b)`"),
            );
        }
        for arg in &check.args {
            // A check reads a nested struct as `&T` and an optional group
            // as `&Option<T>`, besides value fields.
            let nested = input.fields.iter().any(|f| f.ident == arg && f.is_nested());
            if !nested {
                value_field(cx, input, arg);
            }
        }
    }
}

/// An optional group's `enabled_if(condition = "text")`: the condition is a
/// value field declared before the group, since the group is loaded in
/// field order and chosen by the value already loaded, and its default is
/// one written out, for a computed default is worked out only once every
/// field has loaded.
fn check_choice(cx: &mut Ctxt, input: &Struct<'_>, index: usize, condition: &Ident, text: &LitStr) {
    let Some(on) = value_field(cx, input, condition) else {
        return;
    };
    let group = input.fields[index].ident;
    if input.fields[index + 1..]
        .iter()
        .any(|f| f.ident == condition)
    {
        cx.error(
            condition,
            format!(
                "declare `{condition}` before `{group}`: fields load in order, and the group is chosen by the value `{condition}` loaded"
            ),
        );
    } else if on.attrs.default_with.is_some() {
        cx.error(
            condition,
            format!(
                "`{condition}` has a computed default, which is worked out once every field has loaded, after `{group}` is chosen; give it a written `default`"
            ),
        );
    } else {
        check_condition_text(cx, on, text);
    }
}

fn not_nested(cx: &mut Ctxt, field: &Field<'_>, what: &str) {
    if field.is_nested() {
        cx.error(
            field.ident,
            format!("{what} are for value fields; a nested struct's fields can carry them"),
        );
    }
}

/// Reports `name` unless it is a value field of the struct or an optional
/// group (`Option<T>` with `nested` or `flatten`), which a presence rule
/// counts as set when it is on.
fn rule_member(cx: &mut Ctxt, input: &Struct<'_>, name: &Ident) {
    match input.fields.iter().find(|f| f.ident == name) {
        Some(field) if field.is_nested() && field.shape.is_optional() => {}
        Some(field) if field.is_nested() => cx.error(
            name,
            format!(
                "`{name}` is a nested struct, which is always there; a presence rule can name an optional group (`Option<..>`) or, in a rule of its own struct, one of its fields (a `check` can read the whole struct)"
            ),
        ),
        _ => {
            value_field(cx, input, name);
        }
    }
}

/// Reports `name` unless it is a value field of the struct.
fn value_field<'a>(cx: &mut Ctxt, input: &'a Struct<'a>, name: &Ident) -> Option<&'a Field<'a>> {
    match input.fields.iter().find(|f| f.ident == name) {
        Some(field) if field.is_nested() => {
            cx.error(
                name,
                format!("`{name}` is a nested struct; name one of its fields in a rule of its own struct"),
            );
            None
        }
        Some(field) => Some(field),
        None => {
            let fields: Vec<String> = input
                .fields
                .iter()
                .filter(|f| !f.is_nested())
                .map(|f| f.ident.to_string())
                .collect();
            cx.error(
                name,
                format!(
                    "no field `{name}` in this struct; its value fields are: {}",
                    fields.join(", ")
                ),
            );
            None
        }
    }
}

fn check_computed(cx: &mut Ctxt, input: &Struct<'_>, index: usize, field: &Field<'_>) {
    let a = &field.attrs;
    if let (Some(doc), None) = (&a.default_doc, &a.default_with) {
        cx.error(
            doc,
            "`default_doc` describes a `default_with`; a written `default` describes itself",
        );
    }
    let Some(call) = &a.default_with else {
        return;
    };
    if field.is_nested() {
        return;
    }
    if let Some(default) = &a.default {
        cx.error(
            &default.key,
            "`default` and `default_with` both give the default; keep one",
        );
    }
    if field.shape.is_optional() {
        cx.error(
            &call.key,
            "`default_with` on an `Option` field: remove `Option`, since the field always has a value",
        );
    }
    for arg in &call.args {
        if arg == field.ident {
            cx.error(arg, "a default cannot be computed from its own field");
            continue;
        }
        let Some(position) = input.fields.iter().position(|f| f.ident == arg) else {
            value_field(cx, input, arg);
            continue;
        };
        let input_field = &input.fields[position];
        // A nested struct is read as `&T` and an optional group as
        // `&Option<T>`, as a `check` reads them: a default may follow a
        // setting of a section (half of its memory limit).
        if input_field.is_nested() {
            continue;
        }
        if value_field(cx, input, arg).is_none() {
            continue;
        }
        if input_field.attrs.default_with.is_some() && position > index {
            cx.error(
                arg,
                format!("`{arg}` has a computed default too: declare it before `{}`, whose default reads it", field.ident),
            );
        }
    }
}

/// What the derive can tell of a `required_if` text before the program
/// runs: a secret is never compared with text written in the program, and
/// a `bool` field reads only its spellings. Other types read the text when
/// the program loads, and a text they cannot read is reported then.
fn check_condition_text(cx: &mut Ctxt, on: &Field<'_>, text: &LitStr) {
    let ty = on.shape.value_type();
    if looks_secret(ty) {
        cx.error(
            text,
            format!(
                "`{}` is a secret: a rule cannot compare it with text written in the program",
                on.ident
            ),
        );
        return;
    }
    let a = &on.attrs;
    let own_parser = a.with.is_none()
        && a.from_str.is_none()
        && a.deserialize.is_none()
        && a.unit.is_none()
        && !on.shape.is_list()
        && on.shape.map().is_none();
    let is_bool = matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident("bool"));
    let spellings = ["true", "false", "1", "0", "yes", "no", "on", "off"];
    if own_parser
        && is_bool
        && !spellings
            .iter()
            .any(|s| s.eq_ignore_ascii_case(&text.value()))
    {
        cx.error(
            text,
            format!(
                "`{}` is a bool, which cannot be {:?}: the rule could never hold; write \"true\" or \"false\"",
                on.ident,
                text.value()
            ),
        );
    }
}
