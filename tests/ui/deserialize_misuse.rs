use twelve_config::{Config, SecretBox, SecretString};

#[derive(serde::Deserialize)]
enum Level {
    Debug,
}

fn parse_level(_: &str) -> Result<Level, String> {
    Ok(Level::Debug)
}

#[derive(Config)]
struct Settings {
    #[config(deserialize, with = parse_level)]
    level: Level,
    #[config(deserialize, from_str)]
    other: Level,
    #[config(deserialize, unit = "s")]
    timeout: std::time::Duration,
    #[config(deserialize)]
    api_key: SecretString,
    #[config(deserialize)]
    pin: Option<SecretBox<u32>>,
    #[config(deserialize = true)]
    flagged: Level,
    #[config(nested, deserialize)]
    inner: Inner,
}

#[derive(Config)]
struct Inner {
    port: u16,
}

fn main() {}
