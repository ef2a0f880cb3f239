use twelve_config::Config;

#[derive(Config)]
struct Pool {
    size: u32,
}

#[derive(Config)]
struct Settings {
    #[config(expected = " ")]
    retries: u8,
    #[config(nested, expected = "a pool")]
    pool: Pool,
}

fn main() {}
