use twelve_config::Config;

struct Opaque;

#[derive(Config)]
struct Settings {
    port: u16,
    thing: Opaque,
}

fn main() {}
