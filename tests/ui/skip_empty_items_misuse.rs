use twelve_config::Config;

#[derive(Config)]
struct Pool {
    size: u32,
}

#[derive(Config)]
struct Settings {
    #[config(skip_empty_items)]
    port: u16,
    #[config(skip_empty_items = true)]
    hosts: Vec<String>,
    #[config(nested, skip_empty_items)]
    pool: Pool,
}

fn main() {}
