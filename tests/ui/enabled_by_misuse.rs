use twelve_config::Config;

#[derive(Config)]
struct Smtp {
    host: String,
}

#[derive(Config)]
struct Settings {
    // A group that is always there has nothing to turn on.
    #[config(nested, enabled_by(host))]
    always: Smtp,
    // A value field is no group.
    #[config(enabled_by(host))]
    port: u16,
    #[config(nested, enabled_by(host, host))]
    twice: Option<Smtp>,
}

fn main() {}
