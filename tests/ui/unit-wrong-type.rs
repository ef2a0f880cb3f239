use twelve_config::Config;

#[derive(Config)]
struct Settings {
    #[config(unit = "s")]
    timeout_secs: u64,
    #[config(unit = "MB")]
    limits: Vec<String>,
}

fn main() {}
