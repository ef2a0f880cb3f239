use std::time::Duration;
use twelve_config::Config;

#[derive(Config)]
struct Settings {
    #[config(unit = "fortnights")]
    retention: Duration,
}

fn main() {}
