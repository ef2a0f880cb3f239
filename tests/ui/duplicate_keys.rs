use twelve_config::Config;

#[derive(Config)]
#[config(prefix = "A_", prefix = "B_")]
struct Settings {
    #[config(env = "PORT", env = "HTTP_PORT")]
    port: u16,
}

fn main() {}
