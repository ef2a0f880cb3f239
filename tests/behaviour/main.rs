//! Behaviour of derived loaders, driven through `from_vars` only: no test
//! reads or changes the process environment.

// Test configurations declare fields that only some tests read.
#![allow(dead_code)]

mod cli;
mod hostile;
mod naming;
mod ported;
mod properties;
mod real;
mod report;
mod schema;
mod secrets;
mod support;
mod types;
mod urls;
