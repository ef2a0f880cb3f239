use twelve_config::Config;

#[derive(Config)]
struct Pool {
    size: u32,
}

#[derive(Config)]
#[config(prefix = "APP")]
struct Settings {
    retries: u8,
    #[config(nested, prefix = "REPLICA2")]
    replica: Pool,
    #[config(nested, prefix = "PRIMARY__")]
    primary: Pool,
}

fn main() {}
