//! Reads `#[config(...)]` attributes and doc comments.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitBool, LitStr, Path, Token};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;

/// A key that was given, kept for spans.
pub(crate) type Flag = Option<Path>;

/// `#[config(...)]` on a struct deriving `Config`.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    pub(crate) prefix: Option<LitStr>,
    pub(crate) nested_separator: Option<LitStr>,
    pub(crate) file_suffix: Option<LitStr>,
    pub(crate) deny_unknown: Flag,
    pub(crate) file: Flag,
    pub(crate) validate: Option<Path>,
    pub(crate) allow_empty: Flag,
    pub(crate) empty: Option<LitStr>,
    /// `at_most_one(a, b)` and the other presence rules over fields.
    pub(crate) rules: Vec<GroupRule>,
    /// `check = function(a, b)` and `warn_check = function(a, b)`, told
    /// apart by their key.
    pub(crate) checks: Vec<Call>,
}

/// `at_most_one(a, b)`, `exactly_one(..)`, `at_least_one(..)`,
/// `all_or_none(..)` on a struct.
pub(crate) struct GroupRule {
    /// The key, such as `at_most_one`.
    pub(crate) kind: Ident,
    pub(crate) fields: Vec<Ident>,
}

/// `function(a, b)`: a function of other fields, for `default_with` and
/// `check`.
pub(crate) struct Call {
    pub(crate) key: Path,
    pub(crate) function: Path,
    pub(crate) args: Vec<Ident>,
}

/// `#[config(default = ...)]`: the literal as the text a variable would hold.
pub(crate) struct Default {
    pub(crate) key: Path,
    pub(crate) text: String,
    pub(crate) span: Span,
}

/// `#[config(...)]` on a field of a struct deriving `Config`.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub(crate) env: Option<LitStr>,
    pub(crate) default: Option<Default>,
    pub(crate) nested: Flag,
    pub(crate) prefix: Option<LitStr>,
    pub(crate) separator: Option<LitStr>,
    pub(crate) kv_separator: Option<LitStr>,
    /// `skip_empty_items` on a list or map: empty items are left out.
    pub(crate) skip_empty_items: Flag,
    pub(crate) unit: Option<LitStr>,
    pub(crate) allow_empty: Flag,
    pub(crate) from_str: Flag,
    /// `deserialize`: the type's `serde::Deserialize` reads the text.
    pub(crate) deserialize: Flag,
    pub(crate) with: Option<(Path, Path)>,
    /// `file` (true) or `file = false`.
    pub(crate) file: Option<(Path, bool)>,
    pub(crate) aliases: Vec<LitStr>,
    pub(crate) fallbacks: Vec<LitStr>,
    pub(crate) flatten: Flag,
    pub(crate) default_with: Option<Call>,
    pub(crate) default_doc: Option<LitStr>,
    /// `deprecated = "why"`: read as usual, with a warning when set.
    pub(crate) deprecated: Option<LitStr>,
    pub(crate) none: Option<LitStr>,
    pub(crate) empty: Option<LitStr>,
    /// `invalid = "unset"`: a value the type rejects is warned about and
    /// read as unset; `"error"` (the default) reports it.
    pub(crate) invalid: Option<LitStr>,
    /// `enabled_by(host)` on an optional group: the fields of its struct
    /// whose variables turn it on; empty when any of its variables does.
    pub(crate) enabled_by: Vec<Ident>,
    /// `enabled_if(field = "text")` on an optional group: on when the
    /// named field of the declaring struct has that value.
    pub(crate) enabled_if: Vec<(Ident, LitStr)>,
    pub(crate) requires: Vec<Ident>,
    pub(crate) conflicts_with: Vec<Ident>,
    /// `required_if(field = "text")`.
    pub(crate) required_if: Vec<(Ident, LitStr)>,
    /// What operators are told the field expects, instead of its parser's words.
    pub(crate) expected: Option<LitStr>,
}

/// `#[config(...)]` on a variant of an enum deriving `EnvValue`.
#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub(crate) rename: Option<LitStr>,
    pub(crate) aliases: Vec<LitStr>,
}

/// `#[config(...)]` on an enum deriving `EnvValue`.
#[derive(Default)]
pub(crate) struct EnumAttrs {
    /// The rule and its literal, for spans.
    pub(crate) rename_all: Option<(RenameRule, LitStr)>,
    pub(crate) case_sensitive: Flag,
}

const ENUM_KEYS: &str = "rename_all, case_sensitive";
const CONTAINER_KEYS: &str = "prefix, nested_separator, file_suffix, deny_unknown, file, validate, allow_empty, empty, at_most_one, exactly_one, at_least_one, all_or_none, check, warn_check";
const FIELD_KEYS: &str = "env, default, default_with, default_doc, none, nested, flatten, prefix, separator, kv_separator, skip_empty_items, unit, allow_empty, empty, invalid, from_str, deserialize, with, file, alias, fallback, deprecated, enabled_by, enabled_if, requires, conflicts_with, required_if, expected";
const VARIANT_KEYS: &str = "rename, alias";

fn key_name(meta: &ParseNestedMeta<'_>) -> String {
    meta.path
        .get_ident()
        .map_or_else(|| "?".to_owned(), ToString::to_string)
}

/// Stores `value` in `slot`, or reports the key's second occurrence.
fn set_once<T>(cx: &mut Ctxt, slot: &mut Option<T>, meta: &ParseNestedMeta<'_>, value: T) {
    if slot.is_some() {
        cx.error(
            &meta.path,
            format!("duplicate `config({})` attribute", key_name(meta)),
        );
    } else {
        *slot = Some(value);
    }
}

fn unknown_key(cx: &mut Ctxt, meta: &ParseNestedMeta<'_>, expected: &str) {
    cx.error(
        &meta.path,
        format!(
            "unknown `config` attribute `{}`; expected one of: {expected}",
            key_name(meta)
        ),
    );
}

/// Consumes whatever follows an unknown or misused key, so that parsing can
/// go on to report the other keys.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    // Whatever is left of the key's value, up to the next key: `= value`,
    // `(..)`, or the rest of a value whose parsing stopped part way (a
    // constant where a string literal was expected), so that one mistake
    // gives one error.
    while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        meta.input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

/// Visits each `key` or `key = value` in every `#[config(...)]` attribute.
fn each_key(
    cx: &mut Ctxt,
    attrs: &[Attribute],
    mut visit: impl FnMut(&mut Ctxt, &ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("config")) {
        let mut errors = Vec::new();
        let result = attr.parse_nested_meta(|meta| {
            if let Err(error) = visit(cx, &meta) {
                errors.push(error);
                skip_value(&meta)?;
            }
            Ok(())
        });
        for error in errors {
            cx.syn_error(error);
        }
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
}

fn lit_str(meta: &ParseNestedMeta<'_>) -> syn::Result<LitStr> {
    meta.value()?.parse()
}

/// `key(a, b, c)`: field names.
fn idents(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<Ident>> {
    let mut fields = Vec::new();
    meta.parse_nested_meta(|inner| match inner.path.get_ident() {
        Some(ident) if inner.input.is_empty() || inner.input.peek(Token![,]) => {
            fields.push(ident.clone());
            Ok(())
        }
        _ => Err(inner.error(format!(
            "`{}` takes field names: `{}(a, b)`",
            key_name(meta),
            key_name(meta)
        ))),
    })?;
    Ok(fields)
}

/// `key(field = "text", ...)`, for `required_if` and `enabled_if`: each
/// pair, in order.
fn condition(meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<Vec<(Ident, LitStr)>> {
    let mut pairs = Vec::new();
    meta.parse_nested_meta(|inner| {
        let Some(field) = inner.path.get_ident().cloned() else {
            return Err(inner.error(format!("`{key}` takes `field = \"text\"`")));
        };
        pairs.push((field, lit_str(&inner)?));
        Ok(())
    })?;
    Ok(pairs)
}

/// `key = path::to::function(a, b)`.
fn call(meta: &ParseNestedMeta<'_>) -> syn::Result<Call> {
    let value = meta.value()?;
    let function: Path = value.parse()?;
    let content;
    syn::parenthesized!(content in value);
    let args = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?;
    Ok(Call {
        key: meta.path.clone(),
        function,
        args: args.into_iter().collect(),
    })
}

/// Reports a value on a key that takes none, such as `nested = true`.
fn flag(meta: &ParseNestedMeta<'_>) -> syn::Result<Path> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!("`config({})` takes no value", key_name(meta))));
    }
    Ok(meta.path.clone())
}

pub(crate) fn container(cx: &mut Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    each_key(cx, attrs, |cx, meta| {
        let key = key_name(meta);
        match key.as_str() {
            "prefix" => set_once(cx, &mut out.prefix, meta, lit_str(meta)?),
            "nested_separator" => set_once(cx, &mut out.nested_separator, meta, lit_str(meta)?),
            "file_suffix" => set_once(cx, &mut out.file_suffix, meta, lit_str(meta)?),
            "deny_unknown" => set_once(cx, &mut out.deny_unknown, meta, flag(meta)?),
            "file" => set_once(cx, &mut out.file, meta, flag(meta)?),
            "validate" => set_once(cx, &mut out.validate, meta, meta.value()?.parse()?),
            "allow_empty" => set_once(cx, &mut out.allow_empty, meta, flag(meta)?),
            "empty" => set_once(cx, &mut out.empty, meta, lit_str(meta)?),
            "at_most_one" | "exactly_one" | "at_least_one" | "all_or_none" => {
                let kind = meta.path.get_ident().cloned();
                let fields = idents(meta)?;
                if let Some(kind) = kind {
                    out.rules.push(GroupRule { kind, fields });
                }
            }
            "check" | "warn_check" => out.checks.push(call(meta)?),
            _ => {
                unknown_key(cx, meta, CONTAINER_KEYS);
                skip_value(meta)?;
            }
        }
        Ok(())
    });
    out
}

pub(crate) fn field(cx: &mut Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    each_key(cx, attrs, |cx, meta| {
        let key = key_name(meta);
        match key.as_str() {
            "env" => set_once(cx, &mut out.env, meta, lit_str(meta)?),
            "default" => {
                let default = default_value(meta)?;
                set_once(cx, &mut out.default, meta, default);
            }
            "nested" => set_once(cx, &mut out.nested, meta, flag(meta)?),
            "prefix" => set_once(cx, &mut out.prefix, meta, lit_str(meta)?),
            "separator" => set_once(cx, &mut out.separator, meta, lit_str(meta)?),
            "kv_separator" => set_once(cx, &mut out.kv_separator, meta, lit_str(meta)?),
            "skip_empty_items" => set_once(cx, &mut out.skip_empty_items, meta, flag(meta)?),
            "unit" => set_once(cx, &mut out.unit, meta, lit_str(meta)?),
            "allow_empty" => set_once(cx, &mut out.allow_empty, meta, flag(meta)?),
            "from_str" => set_once(cx, &mut out.from_str, meta, flag(meta)?),
            "deserialize" => set_once(cx, &mut out.deserialize, meta, flag(meta)?),
            "with" => {
                let path: Path = meta.value()?.parse()?;
                set_once(cx, &mut out.with, meta, (meta.path.clone(), path));
            }
            "file" => {
                let on = if meta.input.peek(Token![=]) {
                    meta.value()?.parse::<LitBool>()?.value
                } else {
                    true
                };
                set_once(cx, &mut out.file, meta, (meta.path.clone(), on));
            }
            "alias" => out.aliases.push(lit_str(meta)?),
            "fallback" => out.fallbacks.push(lit_str(meta)?),
            "flatten" => set_once(cx, &mut out.flatten, meta, flag(meta)?),
            "default_with" => {
                let call = call(meta)?;
                set_once(cx, &mut out.default_with, meta, call);
            }
            "default_doc" => set_once(cx, &mut out.default_doc, meta, lit_str(meta)?),
            "deprecated" => set_once(cx, &mut out.deprecated, meta, lit_str(meta)?),
            "none" => set_once(cx, &mut out.none, meta, lit_str(meta)?),
            "empty" => set_once(cx, &mut out.empty, meta, lit_str(meta)?),
            "invalid" => set_once(cx, &mut out.invalid, meta, lit_str(meta)?),
            "enabled_by" => out.enabled_by.extend(idents(meta)?),
            "requires" => out.requires.extend(idents(meta)?),
            "conflicts_with" => out.conflicts_with.extend(idents(meta)?),
            "required_if" => out.required_if.extend(condition(meta, "required_if")?),
            "enabled_if" => out.enabled_if.extend(condition(meta, "enabled_if")?),
            "expected" => set_once(cx, &mut out.expected, meta, lit_str(meta)?),
            _ => {
                unknown_key(cx, meta, FIELD_KEYS);
                skip_value(meta)?;
            }
        }
        Ok(())
    });
    out
}

pub(crate) fn variant(cx: &mut Ctxt, attrs: &[Attribute]) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    each_key(cx, attrs, |cx, meta| {
        let key = key_name(meta);
        match key.as_str() {
            "rename" => set_once(cx, &mut out.rename, meta, lit_str(meta)?),
            "alias" => out.aliases.push(lit_str(meta)?),
            _ => {
                unknown_key(cx, meta, VARIANT_KEYS);
                skip_value(meta)?;
            }
        }
        Ok(())
    });
    out
}

pub(crate) fn enum_attrs(cx: &mut Ctxt, attrs: &[Attribute]) -> EnumAttrs {
    let mut out = EnumAttrs::default();
    each_key(cx, attrs, |cx, meta| {
        let key = key_name(meta);
        match key.as_str() {
            "rename_all" => {
                let lit = lit_str(meta)?;
                match RenameRule::from_name(&lit.value()) {
                    Some(rule) => set_once(cx, &mut out.rename_all, meta, (rule, lit)),
                    None => cx.error(
                        &lit,
                        format!(
                            "unknown `rename_all` rule {:?}; expected one of: {}",
                            lit.value(),
                            RenameRule::NAMES
                        ),
                    ),
                }
            }
            "case_sensitive" => set_once(cx, &mut out.case_sensitive, meta, flag(meta)?),
            _ => {
                unknown_key(cx, meta, ENUM_KEYS);
                skip_value(meta)?;
            }
        }
        Ok(())
    });
    out
}

/// `default = "30s"`, `default = 8080`, `default = -1.5`, `default = true`.
fn default_value(meta: &ParseNestedMeta<'_>) -> syn::Result<Default> {
    let input = meta.value()?;
    let minus: Option<Token![-]> = input.parse()?;
    let lit: Lit = input.parse()?;
    let text = match (&lit, minus.is_some()) {
        (Lit::Str(s), false) => s.value(),
        (Lit::Int(i), _) => i.base10_digits().to_owned(),
        (Lit::Float(f), _) => f.base10_digits().to_owned(),
        (Lit::Bool(b), false) => b.value.to_string(),
        (Lit::Char(c), false) => c.value().to_string(),
        _ => {
            return Err(syn::Error::new_spanned(
                &lit,
                "`default` takes a string, integer, float or bool literal",
            ))
        }
    };
    Ok(Default {
        key: meta.path.clone(),
        text: if minus.is_some() {
            format!("-{text}")
        } else {
            text
        },
        span: lit.span(),
    })
}

/// The doc comment: each line trimmed, lines joined by spaces, paragraphs
/// (blank lines) kept as newlines.
pub(crate) fn doc(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) = &nv.value
            {
                let value = s.value();
                if value.trim().is_empty() {
                    // A blank `///` line: `"".lines()` yields nothing, but
                    // it separates paragraphs.
                    lines.push(String::new());
                } else {
                    lines.extend(value.lines().map(|l| l.trim().to_owned()));
                }
            }
        }
    }
    let mut doc = String::new();
    for line in lines {
        if line.is_empty() {
            if !doc.is_empty() && !doc.ends_with('\n') {
                doc.push('\n');
            }
        } else {
            if !doc.is_empty() && !doc.ends_with('\n') {
                doc.push(' ');
            }
            doc.push_str(&line);
        }
    }
    doc.trim_end().to_owned()
}
