use twelve_config::Config;

fn twice(n: &u16) -> u16 {
    n * 2
}

fn same(a: &u16, b: &u16) -> Result<(), String> {
    if a == b { Err("same".into()) } else { Ok(()) }
}

#[derive(Config)]
struct Inner {
    a: u16,
}

#[derive(Config)]
#[config(at_most_one(port, prot), all_or_none(port), check = same(port, inner))]
#[config(warn_check = noted(), warn_check = noted(prot))]
struct Settings {
    #[config(default = 1)]
    port: u16,
    #[config(requires(port, itself), conflicts_with(inner))]
    itself: Option<u16>,
    #[config(default_with = twice(port), default = 3)]
    both: u16,
    #[config(default_with = twice(port))]
    optional: Option<u16>,
    #[config(default_with = twice(later))]
    early: u16,
    #[config(default_with = twice(port))]
    later: u16,
    #[config(default_doc = "words")]
    words_only: u16,
    #[config(none = "off")]
    none_without_default: Option<u16>,
    #[config(empty = "maybe")]
    empty_word: Option<u16>,
    #[config(required_if(missing = "x"))]
    conditional: Option<u16>,
    #[config(nested)]
    inner: Inner,
    #[config(flatten, prefix = "X_")]
    flat: Inner,
}

fn main() {}
