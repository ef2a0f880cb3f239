use twelve_config::{Config, SecretString};

#[derive(Config)]
#[config(prefix = "APP_")]
struct Settings {
    port: u16,
    #[config(env = "APP_PORT")]
    http_port: u16,
    password: SecretString,
    /// Collides with `password`'s `APP_PASSWORD_FILE`.
    password_file: Option<String>,
}

fn main() {}
