//! Behaviour of derived loaders, driven through `from_vars` only: no test
//! reads or changes the process environment.

// Test configurations declare fields that only some tests read.
#![allow(dead_code)]

mod hostile;
mod naming;
mod properties;
mod report;
mod secrets;
mod types;
