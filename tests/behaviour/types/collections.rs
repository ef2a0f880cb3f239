//! Lists, with their separators, and options: items, empty items and
//! empty values.

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
