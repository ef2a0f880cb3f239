use twelve_config::Config;

const WORDS: &str = "port number";

#[derive(Config)]
struct Settings {
    // A constant where a string literal is expected: one error, and the
    // keys after it are still read.
    #[config(expected = WORDS, defualt = 1)]
    port: u16,
}

fn main() {}
