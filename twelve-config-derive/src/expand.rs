//! Generates the impls. Finds no new user errors: `valid.rs` did that.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{DeriveInput, LitStr};

use crate::ast::{looks_secret, Field, Struct};
use crate::ctxt::Ctxt;
use crate::valid;

pub(crate) fn derive_config(input: &DeriveInput) -> syn::Result<TokenStream> {
    derive(input, Struct::from_input, valid::check_struct, config_impl)
}

/// Reads, checks (collecting every error), then generates.
pub(crate) fn derive<'a, T>(
    input: &'a DeriveInput,
    read: fn(&mut Ctxt, &'a DeriveInput) -> Option<T>,
    check: fn(&mut Ctxt, &T),
    generate: fn(&T) -> TokenStream,
) -> syn::Result<TokenStream> {
    let mut cx = Ctxt::default();
    let parsed = read(&mut cx, input);
    if let Some(parsed) = &parsed {
        check(&mut cx, parsed);
    }
    cx.check()?;
    match parsed {
        Some(parsed) => Ok(generate(&parsed)),
        // `read` records an error whenever it returns nothing.
        None => Err(syn::Error::new_spanned(input, "invalid input")),
    }
}

/// A span at `tokens`' place in the source but with the hygiene of the
/// derive's own output, so generated names such as `__walker` still resolve
/// when the user's tokens come from a `macro_rules!` macro.
pub(crate) fn located_at(tokens: &impl Spanned) -> Span {
    Span::call_site().located_at(tokens.span())
}

pub(crate) fn opt_str(value: Option<String>) -> TokenStream {
    match value {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}

fn config_impl(input: &Struct<'_>) -> TokenStream {
    let ident = &input.input.ident;
    let prefix = input
        .attrs
        .prefix
        .as_ref()
        .map(LitStr::value)
        .unwrap_or_default();
    let separator = opt_str(input.attrs.nested_separator.as_ref().map(LitStr::value));
    let deny_unknown = input.attrs.deny_unknown.is_some();
    let file_suffix = input
        .attrs
        .file_suffix
        .as_ref()
        .map(|suffix| quote!(const __FILE_SUFFIX: &'static str = #suffix;));
    let doc = crate::attr::doc(&input.input.attrs);
    let settings = Settings {
        prefix: &prefix,
        file: input.attrs.file.is_some(),
        empty: match (&input.attrs.allow_empty, &input.attrs.empty) {
            (Some(_), _) => "value".to_owned(),
            (None, Some(empty)) => empty.value(),
            (None, None) => "unset".to_owned(),
        },
    };

    let mut statics = Vec::new();
    let mut loads = Vec::new();
    let mut checks = Vec::new();
    let mut bindings = Vec::new();
    let mut patterns = Vec::new();
    let mut members = Vec::new();
    for (index, field) in input.fields.iter().enumerate() {
        let binding = binding(index);
        let spec = spec(index);
        let member = field.ident;
        if field.is_nested() {
            statics.push(crate::expand_nested::nested_static(
                &spec,
                field,
                input,
                settings.file,
            ));
            let checked = input
                .attrs
                .checks
                .iter()
                .any(|c| c.args.contains(field.ident));
            loads.push(crate::expand_nested::nested_load(
                &binding, &spec, field, input, checked,
            ));
        } else {
            statics.push(field_static(&spec, field, input, &settings));
            loads.push(value_load(&binding, &spec, field));
            checks.extend(unit_check(field));
        }
        // A required value field comes back as `Some(Some(value))`; the
        // others as `Some(value)`.
        patterns.push(if is_required_value(field) {
            quote!(::core::option::Option::Some(::core::option::Option::Some(#binding)))
        } else {
            quote!(::core::option::Option::Some(#binding))
        });
        bindings.push(binding.clone());
        members.push(quote!(#member: #binding));
    }
    let computed = crate::expand_rules::computed_defaults(input);
    let rules = crate::expand_rules::presence_rules(input);
    let rule_checks = crate::expand_rules::checks(input);

    let value_fields = input
        .fields
        .iter()
        .filter(|f| !f.is_nested())
        .map(|f| unraw(f.ident));
    let off_values = input
        .fields
        .iter()
        .filter(|f| !f.is_nested())
        .map(off_values);
    let construct = quote! { Self { #(#members),* } };
    let value = quote! {
        match (#(#bindings,)*) {
            (#(#patterns,)*) => ::core::option::Option::Some(#construct),
            _ => ::core::option::Option::None,
        }
    };
    let value = match &input.attrs.validate {
        Some(path) => {
            let name = quote!(#path).to_string().replace(' ', "");
            quote! {
                ::twelve_config::__private::validate(__walker, #value, #path, #name)
            }
        }
        None => value,
    };
    quote! {
        #[automatically_derived]
        impl ::twelve_config::Config for #ident {
            const __PREFIX: &'static str = #prefix;
            const __SEPARATOR: ::core::option::Option<&'static str> = #separator;
            const __DENY_UNKNOWN: bool = #deny_unknown;
            #file_suffix
            const __DOC: &'static str = #doc;
            const __FIELDS: &'static [&'static str] = &[#(#value_fields),*];
            const __OFF: &'static [&'static [&'static str]] = &[#(#off_values),*];

            fn __visit(
                __walker: &mut ::twelve_config::__private::Walker<'_>,
            ) -> ::core::option::Option<Self> {
                #(#checks)*
                #(#statics)*
                #(#loads)*
                #computed
                #rules
                #rule_checks
                #value
            }
        }
    }
}

/// The local holding field `index`'s value in `__visit`.
pub(crate) fn binding(index: usize) -> syn::Ident {
    format_ident!("__field_{}", index)
}

/// The static describing field `index`.
pub(crate) fn spec(index: usize) -> syn::Ident {
    format_ident!("__FIELD_{}", index)
}

/// A value field read with `required`, whose binding is `Some(Some(value))`
/// once loaded: not an `Option`, not nested.
pub(crate) fn is_required_value(field: &Field<'_>) -> bool {
    !field.is_nested() && !field.shape.is_optional()
}

/// What a struct's attributes give each of its fields.
struct Settings<'p> {
    prefix: &'p str,
    file: bool,
    empty: String,
}

fn field_static(
    spec: &syn::Ident,
    field: &Field<'_>,
    input: &Struct<'_>,
    settings: &Settings<'_>,
) -> TokenStream {
    let a = &field.attrs;
    let ident = field.ident.to_string();
    let ident = ident.strip_prefix("r#").unwrap_or(&ident);
    // The name when the struct is loaded itself rather than nested: a load
    // then builds no name at run time.
    let name = field.var_name(settings.prefix);
    let exact = a.env.is_some();
    // The suffix ends the name; an exact name is all suffix.
    let suffix_len = if exact {
        name.len()
    } else {
        field.segment.len()
    } as u32;
    // The identifier then the doc comment, one string: see `Field::text`.
    let ident_len = ident.len() as u32;
    let text = format!("{ident}{}", field.doc);
    let default = opt_str(a.default.as_ref().map(|d| d.text.clone()));
    let empty = match (&a.allow_empty, &a.empty) {
        (Some(_), _) => "value".to_owned(),
        (None, Some(empty)) => empty.value(),
        (None, None) => settings.empty.clone(),
    };
    let empty = match empty.as_str() {
        "value" => quote!(::twelve_config::__private::Empty::Value),
        "error" => quote!(::twelve_config::__private::Empty::Error),
        _ => quote!(::twelve_config::__private::Empty::Unset),
    };
    let file = match (&a.file, settings.file) {
        (Some((_, on)), _) => quote!(::core::option::Option::Some(#on)),
        (None, true) => quote!(::core::option::Option::Some(true)),
        (None, false) => quote!(::core::option::Option::None),
    };
    let reads_file = matches!(
        (&a.file, settings.file),
        (Some((_, true)), _) | (None, true)
    );
    let plain = a.aliases.is_empty() && a.fallbacks.is_empty() && a.none.is_none() && !reads_file;
    let extra = field_extra(field, input, reads_file);
    quote! {
        static #spec: ::twelve_config::__private::Field = ::twelve_config::__private::Field {
            name: #name,
            suffix_len: #suffix_len,
            text: #text,
            ident_len: #ident_len,
            exact: #exact,
            plain: #plain,
            default: #default,
            empty: #empty,
            file: #file,
            extra: #extra,
        };
    }
}

/// A field's `extra`: its aliases, fallbacks, `none` spelling, computed
/// default, `deprecated` text and the reader of its `_FILE` file when it
/// has `file`; or `None`
/// when it has none of them, as most fields.
fn field_extra(field: &Field<'_>, input: &Struct<'_>, reads_file: bool) -> TokenStream {
    let a = &field.attrs;
    if a.aliases.is_empty()
        && a.fallbacks.is_empty()
        && a.none.is_none()
        && a.default_with.is_none()
        && a.deprecated.is_none()
        && !invalid_is_unset(field)
        && !reads_file
    {
        return quote!(::core::option::Option::None);
    }
    // Named only here, so that a program without `invalid = "unset"` does
    // not carry the warning.
    let on_invalid = if invalid_is_unset(field) {
        quote!(::core::option::Option::Some(
            ::twelve_config::__private::warn_invalid
        ))
    } else {
        quote!(::core::option::Option::None)
    };
    let read_file = if reads_file {
        quote!(::core::option::Option::Some(
            ::twelve_config::__private::read_value_file
        ))
    } else {
        quote!(::core::option::Option::None)
    };
    let none = opt_str(a.none.as_ref().map(LitStr::value));
    let deprecated = opt_str(a.deprecated.as_ref().map(LitStr::value));
    let aliases = &a.aliases;
    let fallbacks = &a.fallbacks;
    let computed = match &a.default_with {
        Some(call) => {
            let doc = opt_str(a.default_doc.as_ref().map(LitStr::value));
            let inputs = crate::expand_rules::members(input, &call.args);
            quote! {
                ::core::option::Option::Some(::twelve_config::__private::Computed {
                    doc: #doc,
                    inputs: &[#(#inputs),*],
                })
            }
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        ::core::option::Option::Some(&::twelve_config::__private::Extra {
            computed: #computed,
            none: #none,
            deprecated: #deprecated,
            aliases: &[#(#aliases),*],
            fallbacks: &[#(#fallbacks),*],
            read_file: #read_file,
            on_invalid: #on_invalid,
        })
    }
}

/// `invalid = "unset"`: a rejected value is warned about and read as unset.
fn invalid_is_unset(field: &Field<'_>) -> bool {
    field
        .attrs
        .invalid
        .as_ref()
        .is_some_and(|lit| lit.value() == "unset")
}

/// The values that mean off for a value field's type, when its
/// `EnvValue` reads it: what the field takes as a switch that an optional
/// group's `enabled_by` names. Spanned on the type, as its parser is.
fn off_values(field: &Field<'_>) -> TokenStream {
    let a = &field.attrs;
    let own_parser =
        a.with.is_some() || a.unit.is_some() || a.from_str.is_some() || a.deserialize.is_some();
    if own_parser || field.shape.is_list() || field.shape.map().is_some() {
        return quote!(&[]);
    }
    // Spanned as the bound that `value_load` writes, so that a type without
    // an `EnvValue` is reported once for both.
    let span = located_at(field.shape.value_type());
    let ty = respan(field.shape.value_type().to_token_stream(), span);
    quote_spanned!(span=> <#ty as ::twelve_config::EnvValue>::OFF)
}

/// The parser for a value field, described by its `expected` when given.
pub(crate) fn parser(field: &Field<'_>) -> TokenStream {
    let parser = value_parser(field);
    match &field.attrs.expected {
        Some(expected) => quote!(::twelve_config::__private::Described::new(#parser, #expected)),
        None => parser,
    }
}

/// The parser for a value field, spanned on its type so that "the trait
/// `EnvValue` is not implemented" points at the field.
fn value_parser(field: &Field<'_>) -> TokenStream {
    let ty = field.shape.value_type();
    let span = located_at(ty);
    // `with` bypasses `EnvValue::SECRET`, so a secret type is known by its
    // spelling, as the derive's other secret checks know it. (Secret types
    // do not implement `FromStr`, so `from_str` needs no such care.)
    let secret = looks_secret(ty).then(|| quote!(.secret()));
    let item = if let Some((_, path)) = &field.attrs.with {
        let name = quote!(#path).to_string().replace(' ', "");
        quote_spanned!(span=> ::twelve_config::__private::With::new(#path, #name)#secret)
    } else if let Some(unit) = &field.attrs.unit {
        quote_spanned!(span=> ::twelve_config::__private::InUnit::<#ty>::new(#unit))
    } else if field.attrs.from_str.is_some() {
        quote_spanned!(span=> ::twelve_config::__private::FromStrParser::<#ty>::new())
    } else if field.attrs.deserialize.is_some() {
        // A macro rather than the parser's path, so that without the
        // runtime's `serde` feature the error names the feature.
        quote_spanned!(span=> ::twelve_config::__private::deserialized!(#ty))
    } else {
        quote_spanned!(span=> ::twelve_config::__private::Value::<#ty>::new())
    };
    let separator = field
        .attrs
        .separator
        .as_ref()
        .map_or_else(|| ",".to_owned(), LitStr::value);
    // `skip_empty_items` picks the parsers that leave empty items out.
    let (skip, new) = if field.attrs.skip_empty_items.is_some() {
        (quote!(true), quote!(skipping_empty))
    } else {
        (quote!(false), quote!(new))
    };
    if let Some(map) = field.shape.map() {
        let (map_ty, key) = (map.map, map.key);
        let key = quote_spanned!(key.span()=> ::twelve_config::__private::Value::<#key>::new());
        let kv = field
            .attrs
            .kv_separator
            .as_ref()
            .map_or_else(|| "=".to_owned(), LitStr::value);
        quote_spanned!(map_ty.span()=> ::twelve_config::__private::Map::<#map_ty, _, _, #skip>::#new(#key, #item, #separator, #kv))
    } else if field.shape.is_list() {
        quote!(::twelve_config::__private::List::#new(#item, #separator))
    } else {
        item
    }
}

fn value_load(binding: &syn::Ident, spec: &syn::Ident, field: &Field<'_>) -> TokenStream {
    let parser = parser(field);
    // Spanned on the type, so that an unsupported type is reported at the
    // field, and only once: the call's bound and its argument then share a
    // span, and the compiler reports one error for both.
    let span = located_at(field.shape.value_type());
    let function = if field.shape.is_optional() || field.attrs.default_with.is_some() {
        syn::Ident::new("optional", span)
    } else {
        syn::Ident::new("required", span)
    };
    // A type read through its `EnvValue` is first named as the trait's
    // implementer, so that a missing implementation is reported in those
    // terms, without the derive's private types; the call below then fails at
    // the same place for the same reason, and is not reported again.
    let bound = (field.attrs.with.is_none()
        && field.attrs.from_str.is_none()
        && field.attrs.deserialize.is_none()
        && field.attrs.unit.is_none())
    .then(|| {
        let ty = respan(field.shape.value_type().to_token_stream(), span);
        quote_spanned!(span=> let _ = <#ty as ::twelve_config::EnvValue>::parse_env;)
    });
    // A deprecated setting warns when set, from code that only such
    // fields call.
    let deprecated = field.attrs.deprecated.is_some().then(|| {
        quote! {
            ::twelve_config::__private::deprecated(
                __walker,
                &#spec,
                ::twelve_config::__private::Parse::secret(&#parser),
            );
        }
    });
    quote_spanned! {span=>
        #bound
        let #binding = ::twelve_config::__private::#function(__walker, &#spec, &#parser);
        #deprecated
    }
}

/// `tokens` with every span set to `span`.
pub(crate) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// A unit the field's type does not know fails to compile, spanned on the
/// unit, for types the derive cannot recognise by name.
fn unit_check(field: &Field<'_>) -> Option<TokenStream> {
    let unit = field.attrs.unit.as_ref()?;
    let ty = field.shape.value_type();
    Some(quote_spanned! {unit.span()=>
        const _: () = ::core::assert!(
            ::twelve_config::__private::contains(
                <#ty as ::twelve_config::__private::Measure>::UNITS,
                #unit,
            ),
            "the field's type has no such unit",
        );
    })
}

/// An identifier as written in Rust code, without `r#`.
pub(crate) fn unraw(ident: &syn::Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").unwrap_or(&text).to_owned()
}
