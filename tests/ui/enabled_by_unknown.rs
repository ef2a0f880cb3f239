use twelve_config::Config;

#[derive(Config)]
struct Tls {
    cert: String,
}

#[derive(Config)]
struct Smtp {
    host: String,
    #[config(nested)]
    tls: Option<Tls>,
}

#[derive(Config)]
struct Settings {
    // Misspelled: the group's struct has no such field.
    #[config(nested, enabled_by(hots))]
    smtp: Option<Smtp>,
    // A nested group is not a value field.
    #[config(nested, enabled_by(tls))]
    mail: Option<Smtp>,
}

fn main() {}
