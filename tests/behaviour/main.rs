//! Behaviour of derived loaders, driven through `from_vars` and `Vars`: no
//! test changes the process environment. `process` runs this binary again as
//! a child with a prepared environment to test `from_env` itself.

// Test configurations declare fields that only some tests read.
#![allow(dead_code)]

mod cli;
mod computed;
mod computed_shown;
mod declared;
mod deprecated;
mod empty;
mod enabled_by;
mod enabled_if;
mod every_problem;
mod file_suffix;
mod group_empty;
mod hostile;
mod invalid;
mod json_schema;
mod masking;
mod naming;
mod nested_file;
mod ported;
mod ported_meilisearch;
mod ported_sccache;
mod process;
mod properties;
mod real;
mod report;
mod required_if;
mod rule_warnings;
mod rules_groups;
mod schema;
mod secret_defaults;
mod secrets;
#[cfg(feature = "serde")]
mod serde_interop;
mod sources;
mod support;
mod switches;
mod types;
mod urls;
mod values;
