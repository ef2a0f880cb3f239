use twelve_config::Config;

/// A type the derive cannot judge by its name.
#[derive(Debug)]
struct Percent(u8);

impl twelve_config::EnvValue for Percent {
    fn expected() -> std::borrow::Cow<'static, str> {
        "percentage".into()
    }

    fn parse_env(text: &str) -> Result<Self, twelve_config::ValueError> {
        text.parse().map(Percent).map_err(|_| twelve_config::ValueError::new("not a number"))
    }
}

#[derive(Config)]
struct Settings {
    #[config(unit = "s")]
    share: Percent,
}

fn main() {}
