#![deny(warnings)]
#![forbid(unsafe_code)]

use std::time::Duration;

use twelve_config::{Config, EnvValue, ExposeSecret, SecretString};

/// Every kind of field, in a crate that denies warnings.
#[derive(Config, Debug)]
#[config(prefix = "APP_", file)]
pub struct Settings {
    /// A documented port.
    #[config(env = "PORT", default = 8080)]
    pub port: u16,
    #[config(default = "30s")]
    pub timeout: Duration,
    #[config(separator = ";", default = "")]
    pub hosts: Vec<String>,
    pub mode: Option<Mode>,
    pub key: SecretString,
    #[config(from_str)]
    pub ip: Option<std::net::IpAddr>,
    #[config(nested)]
    pub pool: Pool,
    #[config(nested)]
    pub extra: Option<Pool>,
}

#[derive(Config, Debug)]
pub struct Pool {
    #[config(default = 1)]
    pub size: u8,
}

#[derive(EnvValue, Debug)]
pub enum Mode {
    Fast,
    Slow,
}

fn main() {
    let settings = Settings::from_vars([("APP_KEY", "k")]).unwrap();
    assert_eq!(settings.port, 8080);
    assert_eq!(settings.key.expose_secret(), "k");
    assert!(settings.mode.is_none() && settings.extra.is_none() && settings.ip.is_none());
    assert_eq!((settings.timeout.as_secs(), settings.hosts.len(), settings.pool.size), (30, 0, 1));
}
