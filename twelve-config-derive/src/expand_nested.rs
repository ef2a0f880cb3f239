//! Generates a nested field's static and load: a struct always there, an
//! optional group, or a group chosen by a value (`enabled_if`).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::LitStr;

use crate::ast::{Field, Shape, Struct};
use crate::expand::{binding, located_at, opt_str, parser, respan, spec, unraw};

/// A nested field's static; `file` is whether the struct declaring it has
/// `#[config(file)]`, which the nested struct's fields inherit.
pub(crate) fn nested_static(
    spec: &syn::Ident,
    field: &Field<'_>,
    input: &Struct<'_>,
    file: bool,
) -> TokenStream {
    let ident = field.ident.to_string();
    let ident = ident.strip_prefix("r#").unwrap_or(&ident);
    let segment = &field.segment;
    let prefix = if field.attrs.flatten.is_some() {
        opt_str(Some(String::new()))
    } else {
        opt_str(field.attrs.prefix.as_ref().map(LitStr::value))
    };
    let doc = &field.doc;
    let file = if file {
        quote!(::twelve_config::__private::Some(
            ::twelve_config::__private::read_value_file
        ))
    } else {
        quote!(::twelve_config::__private::None)
    };
    let enabled_by: Vec<String> = field.attrs.enabled_by.iter().map(unraw).collect();
    // Each name must be a value field of the group's struct, which only
    // that struct's own derive knows: checked when the program compiles,
    // against the list it writes, and reported on the name.
    let known = Shape::option_inner(field.ty).map(|inner| {
        let checks = field
            .attrs
            .enabled_by
            .iter()
            .zip(&enabled_by)
            .map(|(name, text)| {
                let message = format!(
                    "`enabled_by` names `{text}`, which is not a value field of {}",
                    inner.to_token_stream().to_string().replace(' ', "")
                );
                quote_spanned! {name.span()=>
                    const _: () = ::core::assert!(
                        ::twelve_config::__private::contains(
                            <#inner as ::twelve_config::Config>::__FIELDS,
                            #text,
                        ),
                        #message,
                    );
                }
            });
        quote!(#(#checks)*)
    });
    // Each switch with the values that mean off for its type, which the
    // struct's own derive wrote.
    let switches = Shape::option_inner(field.ty).map(|inner| {
        let switches = enabled_by.iter().map(|text| {
            quote! {
                ::twelve_config::__private::Switch {
                    ident: #text,
                    off: ::twelve_config::__private::off_values(
                        <#inner as ::twelve_config::Config>::__FIELDS,
                        <#inner as ::twelve_config::Config>::__OFF,
                        #text,
                    ),
                }
            }
        });
        quote!(#(#switches),*)
    });
    // `enabled_if`: the declaring struct's fields, by their statics, with
    // the values that turn the group on.
    let choices = field
        .attrs
        .enabled_if
        .iter()
        .filter_map(|(condition, text)| {
            let condition = spec_of(input, condition)?;
            Some(quote! {
                ::twelve_config::__private::Choice { field: &#condition, equals: #text }
            })
        });
    quote! {
        #known
        static #spec: ::twelve_config::__private::Nested = ::twelve_config::__private::Nested {
            ident: #ident,
            segment: #segment,
            prefix: #prefix,
            doc: #doc,
            file: #file,
            enabled_by: &[#switches],
            enabled_if: &[#(#choices),*],
        };
    }
}

/// The static of the field of `input` named `name`.
fn spec_of(input: &Struct<'_>, name: &syn::Ident) -> Option<syn::Ident> {
    input.fields.iter().position(|f| f.ident == name).map(spec)
}

/// Loads a nested field; `checked` when a check reads it, which then needs
/// to know which of its variables are set.
pub(crate) fn nested_load(
    binding: &syn::Ident,
    spec: &syn::Ident,
    field: &Field<'_>,
    input: &Struct<'_>,
    checked: bool,
) -> TokenStream {
    let span = located_at(field.ty);
    match Shape::option_inner(field.ty) {
        Some(inner) if !field.attrs.enabled_if.is_empty() => {
            // Each condition field's loaded value compared with the text
            // read by that field's parser, as `required_if` compares;
            // spanned on the text, where a type that cannot be compared is
            // reported.
            let conditions = field
                .attrs
                .enabled_if
                .iter()
                .filter_map(|(condition, text)| {
                    let index = input.fields.iter().position(|f| f.ident == condition)?;
                    let on = self::binding(index);
                    let parser = parser(&input.fields[index]);
                    let span = Span::call_site().located_at(text.span());
                    Some(respan(
                        quote!(::twelve_config::__private::condition(&#parser, &#on, #text)),
                        span,
                    ))
                });
            quote_spanned! {span=>
                let #binding = ::twelve_config::__private::chosen_nested::<#inner>(
                    __walker,
                    &#spec,
                    &[#(#conditions),*],
                );
            }
        }
        Some(inner) => quote_spanned! {span=>
            let #binding = ::twelve_config::__private::optional_nested::<#inner>(__walker, &#spec);
        },
        None => {
            let ty = field.ty;
            let function = if checked {
                quote!(checked_nested)
            } else {
                quote!(nested)
            };
            quote_spanned! {span=>
                let #binding = ::twelve_config::__private::#function::<#ty>(__walker, &#spec);
            }
        }
    }
}
