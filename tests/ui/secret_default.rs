use twelve_config::{Config, SecretBox, SecretString};

#[derive(Config)]
struct Settings {
    #[config(default = "hunter2")]
    password: SecretString,
    #[config(default = 1234)]
    pin: SecretBox<u32>,
}

fn main() {}
