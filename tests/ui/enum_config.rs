use twelve_config::Config;

#[derive(Config)]
enum Mode {
    Fast,
    Slow,
}

fn main() {}
