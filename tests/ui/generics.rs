use twelve_config::Config;

#[derive(Config)]
struct Settings<T> {
    value: T,
}

fn main() {}
