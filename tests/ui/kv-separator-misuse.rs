use std::collections::HashMap;
use twelve_config::Config;

#[derive(Config)]
struct Settings {
    #[config(kv_separator = ":")]
    tags: Vec<String>,
    #[config(kv_separator = "")]
    labels: HashMap<String, String>,
    #[config(separator = ";", kv_separator = ";")]
    levels: HashMap<String, String>,
    #[config(kv_separator = " ")]
    weights: HashMap<String, String>,
    #[config(separator = ",")]
    port: u16,
}

fn main() {}
