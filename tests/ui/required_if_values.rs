use twelve_config::{Config, EnvValue, SecretString};

#[derive(EnvValue, Debug)]
enum Mode {
    Production,
    Development,
}

#[derive(Config)]
struct Settings {
    #[config(default = false)]
    push_enabled: bool,
    #[config(required_if(push_enabled = "enabled"))]
    push_key: Option<SecretString>,
    admin_token: Option<SecretString>,
    #[config(required_if(admin_token = "hunter2"))]
    admin_user: Option<String>,
}

#[derive(Config)]
struct Deployed {
    #[config(default = "development")]
    mode: Mode,
    #[config(required_if(mode = "production"))]
    master_key: Option<SecretString>,
}

fn main() {}
