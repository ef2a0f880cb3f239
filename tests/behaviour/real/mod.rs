//! What real service configurations need: units in names, byte sizes,
//! key-value lists, optional groups, nested separators, cross-field rules.
//! One module per need.

use twelve_config::Config;

mod groups;
mod lists;
mod maps;
mod rules;
mod units;

fn report<T: Config + std::fmt::Debug>(vars: &[(&str, &str)]) -> String {
    T::from_vars(vars.iter().copied()).unwrap_err().to_string()
}
