use std::time::Duration;
use twelve_config::Config;

fn parse(text: &str) -> Result<Duration, std::num::ParseIntError> {
    text.parse().map(Duration::from_secs)
}

#[derive(Config)]
struct Settings {
    #[config(unit = "s", with = parse)]
    timeout: Duration,
    #[config(nested, unit = "s")]
    inner: Inner,
}

#[derive(Config)]
struct Inner {
    port: u16,
}

fn main() {}
