use twelve_config::Config;

#[derive(Config)]
struct Settings(u16, String);

fn main() {}
