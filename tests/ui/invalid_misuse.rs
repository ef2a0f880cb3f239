use twelve_config::Config;

#[derive(Config)]
struct Pool {
    size: u32,
}

#[derive(Config)]
struct Settings {
    #[config(default = 8080, invalid = "ignore")]
    port: u16,
    #[config(invalid = "unset")]
    host: String,
    #[config(nested, invalid = "unset")]
    pool: Pool,
    #[config(default = 3, invalid = "unset")]
    level: u8,
}

fn main() {}
