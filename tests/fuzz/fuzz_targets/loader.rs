//! The generated loader of a configuration with every kind of field, fed
//! an arbitrary set of variables; see `twelve_config_fuzz::loader`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twelve_config_fuzz::loader::{check, Var};

fuzz_target!(|vars: Vec<Var>| check(&vars));
