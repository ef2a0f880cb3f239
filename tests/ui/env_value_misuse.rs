use twelve_config::EnvValue;

#[derive(EnvValue)]
enum WithData {
    Plain,
    Data(u8),
}

#[derive(EnvValue)]
struct NotAnEnum {
    value: u8,
}

#[derive(EnvValue)]
enum Clash {
    #[config(rename = "fast")]
    Quick,
    Fast,
}

fn main() {}
