//! Generates what runs after a struct's fields are read: computed
//! defaults, presence rules and checks. `valid_rules.rs` made sure every
//! field they name is a value field of the struct.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use crate::ast::Struct;
use crate::expand::{binding, is_required_value, parser, respan, spec};

/// The index of the field named `name`.
fn index_of(input: &Struct<'_>, name: &Ident) -> Option<usize> {
    input.fields.iter().position(|f| f.ident == name)
}

/// A rule's member for each named field: a value field, or an optional
/// group.
pub(crate) fn members<'a>(
    input: &'a Struct<'_>,
    names: &'a [Ident],
) -> impl Iterator<Item = TokenStream> + 'a {
    names.iter().filter_map(move |name| {
        let index = index_of(input, name)?;
        let spec = spec(index);
        Some(if input.fields[index].is_nested() {
            quote!(::twelve_config::__private::Member::Group(&#spec))
        } else {
            quote!(::twelve_config::__private::Member::Field(&#spec))
        })
    })
}

/// A match of the named fields' bindings, by reference, with a pattern that
/// binds `__arg_k` to each loaded value: `&T` for a field that must have a
/// value, `&Option<T>` for an optional one.
fn loaded(input: &Struct<'_>, names: &[Ident]) -> (TokenStream, TokenStream, Vec<Ident>) {
    let mut scrutinee = Vec::new();
    let mut patterns = Vec::new();
    let mut args = Vec::new();
    for (k, name) in names.iter().enumerate() {
        let Some(index) = index_of(input, name) else {
            continue;
        };
        let field = &input.fields[index];
        let binding = binding(index);
        let arg = format_ident!("__arg_{}", k);
        scrutinee.push(quote!(&#binding));
        patterns.push(if is_required_value(field) {
            quote!(::core::option::Option::Some(::core::option::Option::Some(#arg)))
        } else {
            quote!(::core::option::Option::Some(#arg))
        });
        args.push(arg);
    }
    (quote!((#(#scrutinee,)*)), quote!((#(#patterns,)*)), args)
}

/// For each field with `default_with`: when its variable is unset, its
/// value computed from the fields it names, once they have loaded.
pub(crate) fn computed_defaults(input: &Struct<'_>) -> TokenStream {
    let mut out = TokenStream::new();
    for (index, field) in input.fields.iter().enumerate() {
        let Some(call) = &field.attrs.default_with else {
            continue;
        };
        if field.is_nested() {
            continue;
        }
        let binding = binding(index);
        let spec = spec(index);
        let parser = parser(field);
        let function = &call.function;
        let (scrutinee, pattern, args) = loaded(input, &call.args);
        out.extend(quote! {
            let #binding = match #binding {
                ::core::option::Option::Some(::core::option::Option::None) => match #scrutinee {
                    #pattern => ::twelve_config::__private::computed(
                        __walker,
                        &#spec,
                        &#parser,
                        #function(#(#args),*),
                    ),
                    // An input failed: it is reported once, by itself.
                    #[allow(unreachable_patterns)]
                    _ => ::core::option::Option::None,
                },
                __other => __other,
            };
        });
    }
    out
}

/// The struct's presence rules and its fields' `requires`,
/// `conflicts_with` and `required_if`, judged from what is set.
pub(crate) fn presence_rules(input: &Struct<'_>) -> TokenStream {
    let mut rules = Vec::new();
    let mut conditions = Vec::new();
    for rule in &input.attrs.rules {
        let variant = match rule.kind.to_string().as_str() {
            "at_most_one" => quote!(AtMostOne),
            "exactly_one" => quote!(ExactlyOne),
            "at_least_one" => quote!(AtLeastOne),
            _ => quote!(AllOrNone),
        };
        let members = members(input, &rule.fields);
        rules.push(quote!(::twelve_config::__private::Rule::#variant(&[#(#members),*])));
    }
    for (index, field) in input.fields.iter().enumerate() {
        let this = spec(index);
        let a = &field.attrs;
        if !a.requires.is_empty() {
            let others = members(input, &a.requires);
            rules.push(quote!(::twelve_config::__private::Rule::Requires(&#this, &[#(#others),*])));
        }
        if !a.conflicts_with.is_empty() {
            let others = members(input, &a.conflicts_with);
            rules.push(
                quote!(::twelve_config::__private::Rule::ConflictsWith(&#this, &[#(#others),*])),
            );
        }
        for (condition, text) in &a.required_if {
            let Some(index) = index_of(input, condition) else {
                continue;
            };
            let condition_spec = spec(index);
            rules.push(quote!(::twelve_config::__private::Rule::RequiredIf(
                &#this,
                &#condition_spec,
                #text
            )));
            // The condition field's loaded value (after its computed
            // default), compared with the text read by the field's own
            // parser; spanned on the text, where a type that cannot be
            // compared is reported.
            let binding = binding(index);
            let parser = parser(&input.fields[index]);
            let span = proc_macro2::Span::call_site().located_at(text.span());
            conditions.push(respan(
                quote!(::twelve_config::__private::condition(&#parser, &#binding, #text)),
                span,
            ));
        }
    }
    if rules.is_empty() {
        return TokenStream::new();
    }
    quote! {
        static __RULES: &[::twelve_config::__private::Rule] = &[#(#rules),*];
        ::twelve_config::__private::presence(__walker, __RULES, &[#(#conditions),*]);
    }
}

/// The struct's `check = function(a, b)` and `warn_check = function(a, b)`
/// rules, run when their inputs loaded.
pub(crate) fn checks(input: &Struct<'_>) -> TokenStream {
    let mut out = TokenStream::new();
    for (k, check) in input.attrs.checks.iter().enumerate() {
        let spec = format_ident!("__CHECK_{}", k);
        let function = &check.function;
        let name = quote!(#function).to_string().replace(' ', "");
        let warn = check.key.is_ident("warn_check");
        let inputs = members(input, &check.args);
        let (scrutinee, pattern, args) = loaded(input, &check.args);
        let failed = check.args.iter().filter_map(|name| {
            let binding = binding(index_of(input, name)?);
            Some(quote!(#binding.is_none()))
        });
        out.extend(quote! {
            static #spec: ::twelve_config::__private::Check = ::twelve_config::__private::Check {
                name: #name,
                inputs: &[#(#inputs),*],
                warn: #warn,
            };
            ::twelve_config::__private::check(
                __walker,
                &#spec,
                match #scrutinee {
                    #pattern => ::core::option::Option::Some(#function(#(#args),*)),
                    #[allow(unreachable_patterns)]
                    _ => ::core::option::Option::None,
                },
                &[#(#failed),*],
            );
        });
    }
    out
}
