use twelve_config::Config;

#[derive(Config)]
struct Pool {
    size: u32,
}

#[derive(Config)]
struct Settings {
    #[config(separator = ";")]
    name: String,
    #[config(prefix = "X_")]
    port: u16,
    #[config(nested, env = "POOL", default = "x")]
    pool: Pool,
    #[config(from_str, with = str::parse)]
    count: u8,
    #[config(nested = true)]
    other: Pool,
    #[config(default = b"bytes")]
    raw: String,
    #[config(nested, deprecated = "moved")]
    old_pool: Pool,
    #[config(deprecated = " ")]
    quiet: Option<u8>,
}

fn main() {}
