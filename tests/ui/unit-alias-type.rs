use twelve_config::Config;

// The derive cannot see through an alias; the type's own units decide.
type Ttl = std::time::Duration;

#[derive(Config)]
struct Settings {
    #[config(unit = "MiB")]
    ttl: Ttl,
}

fn main() {}
