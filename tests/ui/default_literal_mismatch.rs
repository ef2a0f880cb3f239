use std::time::Duration;
use twelve_config::Config;

#[derive(Config)]
struct Settings {
    #[config(default = 300)]
    retries: u8,
    #[config(default = -1)]
    workers: u16,
    #[config(default = "ten")]
    offset: i8,
    #[config(default = "enabled")]
    verbose: bool,
    #[config(default = 30)]
    timeout: Duration,
    #[config(default = "1.5")]
    grace: std::time::Duration,
    // These are right: a unit, a unit key, an integer in range.
    #[config(default = "30s")]
    idle: Duration,
    #[config(unit = "s", default = 30)]
    ttl: Duration,
    #[config(default = "+255")]
    limit: u8,
    #[config(default = "on")]
    color: bool,
}

fn main() {}
