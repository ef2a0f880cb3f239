use twelve_config::{Config, SecretString};

type ApiKey = SecretString;

#[derive(Config)]
struct Settings {
    #[config(default = "sk_live_123")]
    key: ApiKey,
}

fn main() {}
