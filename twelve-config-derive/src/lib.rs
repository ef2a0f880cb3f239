//! Derive macros of [twelve-config](https://docs.rs/twelve-config).
//!
//! Use them through the `twelve-config` crate, which re-exports them and
//! documents every attribute in its `attributes` module.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod expand_enum;
mod expand_nested;
mod expand_rules;
mod fallback;
mod literals;
mod valid;
mod valid_rules;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `twelve_config::Config` for a struct with named fields.
#[proc_macro_derive(Config, attributes(config))]
pub fn derive_config(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive_config(&input)
        .unwrap_or_else(|error| fallback::config_fallback(&input, &error))
        .into()
}

/// Derives `twelve_config::EnvValue` for a unit enum.
#[proc_macro_derive(EnvValue, attributes(config))]
pub fn derive_env_value(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand_enum::derive_env_value(&input)
        .unwrap_or_else(|error| expand_enum::env_value_fallback(&input, &error))
        .into()
}
