use twelve_config::Config;

#[derive(Config)]
struct Settings {
    #[config(default = 8080)]
    port: Option<u16>,
}

fn main() {}
