//! Lists, with their separators, and options: items, empty items and
//! empty values.

use std::path::Path;

use twelve_config::{Config, ErrorKind};

use super::{load, rejects};

one!(Names: Vec<String>);
one!(Ports: Vec<u16>);
one!(Maybe: Option<u16>);
one!(MaybeList: Option<Vec<u16>>);

#[test]
fn lists() {
    assert_eq!(load::<Names>("a, b ,c").unwrap().value, ["a", "b", "c"]);
    assert_eq!(load::<Names>(r"a\,b,c").unwrap().value, ["a,b", "c"]);
    assert_eq!(load::<Ports>("80,443").unwrap().value, [80, 443]);
    let (_, expected, reason) = rejects::<Ports>("80,http");
    assert_eq!(expected, "list of integer 0..=65535 separated by \",\"");
    assert_eq!(
        reason.as_deref(),
        Some("item 2: invalid digit found in string")
    );
    assert_eq!(
        rejects::<Names>("a,,b").2.as_deref(),
        Some("item 2 is empty")
    );
    // The empty value is unset, so a required list without a default is missing.
    let errors = load::<Names>("").unwrap_err();
    assert!(matches!(
        errors.iter().next().unwrap().kind(),
        ErrorKind::Missing { .. }
    ));
}

#[derive(Config, Debug)]
struct Separators {
    #[config(separator = ";", default = "")]
    semicolons: Vec<String>,
    #[config(separator = " ", default = "")]
    spaces: Vec<u8>,
    #[config(separator = "::", default = "a::b")]
    colons: Vec<String>,
}

#[test]
fn list_separators_and_empty_defaults() {
    let s = Separators::from_vars([("SEMICOLONS", "a;b"), ("SPACES", " 1  2\t3 ")]).unwrap();
    assert_eq!(s.semicolons, ["a", "b"]);
    assert_eq!(s.spaces, [1, 2, 3]);
    assert_eq!(s.colons, ["a", "b"]);
    let s = Separators::from_vars(Vec::<(String, String)>::new()).unwrap();
    assert!(s.semicolons.is_empty() && s.spaces.is_empty());
}

#[test]
fn options() {
    assert_eq!(load::<Maybe>("8").unwrap().value, Some(8));
    assert_eq!(
        Maybe::from_vars(Vec::<(&str, &str)>::new()).unwrap().value,
        None
    );
    assert_eq!(
        load::<Maybe>("").unwrap().value,
        None,
        "empty counts as unset"
    );
    rejects::<Maybe>("x");
    assert_eq!(load::<MaybeList>("1,2").unwrap().value, Some(vec![1, 2]));
    assert_eq!(load::<MaybeList>("").unwrap().value, None);
}

/// Lists read as services that split a `PATH`-like text read them:
/// `#[config(skip_empty_items)]`.
#[derive(Config, Debug)]
struct Skipping {
    #[config(separator = ":", skip_empty_items, default = "")]
    search_path: Vec<std::path::PathBuf>,
    #[config(skip_empty_items)]
    allowed_hosts: Option<Vec<String>>,
    #[config(skip_empty_items, default = "")]
    ports: Vec<u16>,
    #[config(skip_empty_items, default = "")]
    labels: std::collections::BTreeMap<String, String>,
}

#[test]
fn empty_items_can_be_skipped() {
    let s = Skipping::from_vars([
        ("SEARCH_PATH", "/usr/lib::/opt/lib:"),
        ("ALLOWED_HOSTS", "a.example, ,b.example,"),
        ("PORTS", ",80,,443,"),
        ("LABELS", "team=core,,tier=web,"),
    ])
    .unwrap();
    assert_eq!(
        s.search_path,
        [Path::new("/usr/lib"), Path::new("/opt/lib")]
    );
    assert_eq!(s.allowed_hosts.unwrap(), ["a.example", "b.example"]);
    assert_eq!(s.ports, [80, 443]);
    assert_eq!(s.labels.len(), 2);
    // Escapes still work, and nothing but separators is an empty list.
    let s = Skipping::from_vars([("ALLOWED_HOSTS", r"a\,b,,"), ("PORTS", ",,")]).unwrap();
    assert_eq!(s.allowed_hosts.unwrap(), ["a,b"]);
    assert!(s.ports.is_empty());
    // Items keep their numbers in the text when one is invalid.
    let errors = Skipping::from_vars([("PORTS", ",80,,http")]).unwrap_err();
    let text = errors.to_string();
    assert!(
        text.contains("item 4: invalid digit found in string"),
        "{text}"
    );
    // The schema says so.
    let schema = Skipping::schema();
    assert_eq!(
        schema.vars()[2].expected(),
        "list of integer 0..=65535 separated by \",\" (empty items skipped)"
    );
    assert!(
        schema.vars()[3]
            .expected()
            .contains("separated by \",\" (empty pairs skipped)"),
        "{}",
        schema.vars()[3].expected()
    );
}
