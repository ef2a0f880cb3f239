use std::time::Duration;
use twelve_config::{ByteSize, Config};

#[derive(Config)]
struct Settings {
    #[config(unit = "MB")]
    timeout: Duration,
    #[config(unit = "s")]
    limit: ByteSize,
}

fn main() {}
