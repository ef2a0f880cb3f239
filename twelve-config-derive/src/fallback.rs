//! What the derive emits after an error: the error, and a stub impl.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::expand::unraw;

/// After an error, a stub impl keeps the user's other code compiling, so the
/// derive's errors are not buried under unrelated ones.
pub(crate) fn config_fallback(input: &DeriveInput, error: &syn::Error) -> TokenStream {
    let ident = &input.ident;
    let error = error.to_compile_error();
    if !input.generics.params.is_empty() {
        return error;
    }
    // Every field, so that an `enabled_by` elsewhere naming one of them
    // adds no error of its own to this struct's.
    let fields: Vec<String> = match &input.data {
        syn::Data::Struct(data) => data
            .fields
            .iter()
            .filter_map(|f| f.ident.as_ref())
            .map(unraw)
            .collect(),
        _ => Vec::new(),
    };
    let no_off = fields.iter().map(|_| quote!(&[]));
    quote! {
        #error
        #[automatically_derived]
        impl ::twelve_config::Config for #ident {
            const __PREFIX: &'static str = "";
            const __SEPARATOR: ::core::option::Option<&'static str> = ::core::option::Option::None;
            const __DENY_UNKNOWN: bool = false;
            const __DOC: &'static str = "";
            const __FIELDS: &'static [&'static str] = &[#(#fields),*];
            const __OFF: &'static [&'static [&'static str]] = &[#(#no_off),*];

            fn __visit(
                _: &mut ::twelve_config::__private::Walker<'_>,
            ) -> ::core::option::Option<Self> {
                ::core::option::Option::None
            }
        }
    }
}
