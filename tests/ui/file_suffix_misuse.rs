use twelve_config::{Config, SecretString};

#[derive(Config)]
#[config(file_suffix = "")]
struct Empty {
    key: SecretString,
}

#[derive(Config)]
#[config(file_suffix = "_FILE=")]
struct WithEquals {
    key: SecretString,
}

#[derive(Config)]
struct OnAField {
    #[config(file_suffix = "__FILE")]
    key: SecretString,
}

fn main() {}
