//! Every built-in value type through the derive: accepted and rejected text,
//! one module per family of types, sharing the loaders below.

use twelve_config::{Config, EnvValue, ErrorKind, Errors};

/// Loads a one-field struct of each type from `VALUE`.
macro_rules! one {
    ($name:ident: $t:ty) => {
        #[derive(Config, Debug)]
        struct $name {
            value: $t,
        }
    };
}

mod collections;
mod custom;
mod enums;
mod scalars;

#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
enum LogFormat {
    Json,
    JsonLines,
    #[config(rename = "plain")]
    Text,
    #[config(alias = "logfmt")]
    KeyValue,
}

fn load<T: Config>(value: &str) -> Result<T, Errors> {
    T::from_vars([("VALUE", value)])
}

fn rejects<T: Config + std::fmt::Debug>(value: &str) -> (Option<String>, String, Option<String>) {
    let errors = load::<T>(value).expect_err(value);
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.iter().next().unwrap();
    assert_eq!(error.var(), "VALUE");
    match error.kind() {
        ErrorKind::Invalid {
            value,
            expected,
            reason,
            ..
        } => (value.clone(), expected.clone(), reason.clone()),
        other => panic!("{value:?}: expected an invalid value, got {other:?}"),
    }
}
