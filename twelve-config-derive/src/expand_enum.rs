//! Generates `EnvValue` for a unit enum: its spellings, its choices and
//! the text of each variant. Finds no new user errors: `valid.rs` did that.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::Enum;
use crate::expand::derive;
use crate::valid;

pub(crate) fn derive_env_value(input: &DeriveInput) -> syn::Result<TokenStream> {
    derive(input, Enum::from_input, valid::check_enum, env_value_impl)
}

fn env_value_impl(input: &Enum<'_>) -> TokenStream {
    let ident = &input.input.ident;
    let case_sensitive = input.attrs.case_sensitive.is_some();
    let choices: Vec<String> = input.variants.iter().map(|v| v.canonical()).collect();
    let spellings = input.variants.iter().map(|v| {
        let s = v.spellings();
        quote!(&[#(#s),*])
    });
    let arms = input.variants.iter().enumerate().map(|(i, v)| {
        let variant = v.ident;
        quote!(#i => ::core::result::Result::Ok(Self::#variant),)
    });
    // Each variant written as its canonical spelling, which `parse_env`
    // reads back: `--print-config` shows a computed default through it.
    let texts = input.variants.iter().zip(&choices).map(|(v, text)| {
        let variant = v.ident;
        quote!(Self::#variant => #text,)
    });
    quote! {
        #[automatically_derived]
        impl ::twelve_config::EnvValue for #ident {
            fn expected() -> ::twelve_config::__private::Cow<'static, str> {
                ::twelve_config::__private::one_of(&[#(#choices),*])
            }

            fn choices() -> &'static [&'static str] {
                &[#(#choices),*]
            }

            fn parse_env(
                text: &str,
            ) -> ::core::result::Result<Self, ::twelve_config::ValueError> {
                const SPELLINGS: &[&[&str]] = &[#(#spellings),*];
                match ::twelve_config::__private::choose(text, SPELLINGS, &[#(#choices),*], #case_sensitive)? {
                    #(#arms)*
                    _ => ::core::result::Result::Err(::twelve_config::ValueError::new("")),
                }
            }

            fn to_env(&self) -> ::core::option::Option<::std::string::String> {
                let text: &str = match self {
                    #(#texts)*
                };
                ::core::option::Option::Some(::std::string::String::from(text))
            }
        }
    }
}

pub(crate) fn env_value_fallback(input: &DeriveInput, error: &syn::Error) -> TokenStream {
    let ident = &input.ident;
    let error = error.to_compile_error();
    if !input.generics.params.is_empty() {
        return error;
    }
    quote! {
        #error
        #[automatically_derived]
        impl ::twelve_config::EnvValue for #ident {
            fn expected() -> ::twelve_config::__private::Cow<'static, str> {
                ::twelve_config::__private::Cow::Borrowed("")
            }

            fn parse_env(
                _: &str,
            ) -> ::core::result::Result<Self, ::twelve_config::ValueError> {
                ::core::result::Result::Err(::twelve_config::ValueError::new(""))
            }
        }
    }
}
