//! Unit tests of the field parsers: list splitting and escapes, masking in
//! lists of URLs, and the `from_str` and `with` wrappers.

use super::*;

fn items(text: &str, sep: &str) -> Vec<String> {
    split_list(text, sep)
        .into_iter()
        .map(Cow::into_owned)
        .collect()
}

#[test]
fn splits_trims_and_unescapes() {
    assert_eq!(items("a, b ,c", ","), ["a", "b", "c"]);
    assert_eq!(items("", ","), Vec::<String>::new());
    assert_eq!(items("   ", ","), Vec::<String>::new());
    assert_eq!(items("a,,b", ","), ["a", "", "b"]);
    assert_eq!(items(r"a\,b,c", ","), ["a,b", "c"]);
    assert_eq!(items(r"C:\dir,x\\", ","), [r"C:\dir", r"x\"]);
    assert_eq!(items("a::b::c", "::"), ["a", "b", "c"]);
    assert_eq!(items(" a  b\tc ", " "), ["a", "b", "c"]);
    assert_eq!(items("é;ü", ";"), ["é", "ü"]);
}

#[test]
fn list_reports_the_failing_item() {
    let list = List::new(Value::<u16>::new(), ",");
    assert_eq!(list.parse(OsStr::new("1, 2,3")).unwrap(), [1, 2, 3]);
    assert_eq!(list.parse(OsStr::new("")).unwrap(), Vec::<u16>::new());
    assert_eq!(
        list.parse(OsStr::new("1,x")).unwrap_err().reason(),
        "item 2: invalid digit found in string"
    );
    assert_eq!(
        list.parse(OsStr::new("1,,2")).unwrap_err().reason(),
        "item 2 is empty"
    );
    assert_eq!(
        list.expected(),
        "list of integer 0..=65535 separated by \",\""
    );
}

#[cfg(feature = "url")]
#[test]
fn a_list_of_urls_masks_each_password_even_behind_an_escaped_separator() {
    let list = List::new(Value::<url::Url>::new(), ",");
    // Found by fuzzing: split at every comma, the escaped one included,
    // the pieces of this URL had no password to mask.
    let text = r"http://u:p\,w@h,https://x:y@z";
    let urls = list.parse(OsStr::new(text)).unwrap();
    assert_eq!(urls[0].password(), Some("p,w"));
    assert_eq!(
        list.redact(text).unwrap(),
        r"http://u:***@h/, https://x:***@z/"
    );
    let plain = "http://h/a,http://k/b";
    assert!(matches!(list.redact(plain), Some(Cow::Borrowed(t)) if t == plain));
    let spaced = List::new(Value::<url::Url>::new(), " ");
    // Without escapes, each item is masked where it stands: the
    // separators and spaces are the operator's.
    assert_eq!(
        spaced.redact("http://a:b@h\thttp://c:d@k").unwrap(),
        "http://a:***@h/\thttp://c:***@k/"
    );
    assert_eq!(
        list.redact(" http://u:p@h ,http://k/b").unwrap(),
        " http://u:***@h/ ,http://k/b"
    );
    let colons = List::new(Value::<url::Url>::new(), "::");
    assert_eq!(
        colons.redact("a:b@c: :: http://u:p@h").unwrap(),
        "a:***@c: :: http://u:***@h/"
    );
    let texts = List::new(Value::<String>::new(), "::");
    assert_eq!(
        texts
            .parse(OsStr::new("a:***@c: :: http://u:***@h/"))
            .unwrap(),
        ["a:***@c:", "http://u:***@h/"]
    );
    let escaped = escape_item(r"a,b\c", ",");
    assert_eq!(split_list(&escaped, ","), [r"a,b\c"]);
}

#[test]
fn lists_with_and_without_escapes_agree() {
    let list = List::new(Value::<String>::new(), ",");
    let parse = |text: &str| list.parse(OsStr::new(text));
    assert_eq!(parse(" a ,b").unwrap(), ["a", "b"]);
    assert_eq!(parse(r" a ,b\\").unwrap(), ["a", r"b\"]);
    assert_eq!(parse(r"a\,b, c").unwrap(), ["a,b", "c"]);
    assert_eq!(parse("a, ,b").unwrap_err().reason(), "item 2 is empty");
    assert_eq!(parse(r"a\,b,,c").unwrap_err().reason(), "item 2 is empty");
    assert_eq!(parse(" ").unwrap(), Vec::<String>::new());
    let spaced = List::new(Value::<String>::new(), " ");
    assert_eq!(spaced.parse(OsStr::new(" a  b ")).unwrap(), ["a", "b"]);
    // A one-byte whitespace separator outside ASCII's set still splits
    // at runs of whitespace.
    let tabbed = List::new(Value::<String>::new(), "\u{b}");
    assert_eq!(
        tabbed.parse(OsStr::new("a\u{b}\u{b}b c")).unwrap(),
        ["a", "b", "c"]
    );
    // The inline split and the general one agree on empty items.
    assert_eq!(parse("a,b,").unwrap_err().reason(), "item 3 is empty");
    assert_eq!(parse(r"a,b\\,").unwrap_err().reason(), "item 3 is empty");
    let semi = List::new(Value::<String>::new(), ";;");
    assert_eq!(
        semi.parse(OsStr::new("a;;b;;")).unwrap_err().reason(),
        "item 3 is empty"
    );
}

#[test]
fn from_str_and_with_wrap_foreign_errors() {
    let p = FromStrParser::<std::net::IpAddr>::new();
    assert!(p.parse(OsStr::new("::1")).is_ok());
    assert_eq!(p.expected(), "ip addr");
    let w = With::new(|s: &str| s.parse::<u8>().map(|n| n * 2), "double");
    assert_eq!(w.parse(OsStr::new("4")).unwrap(), 8);
    assert_eq!(w.expected(), "double");
    assert!(w.parse(OsStr::new("x")).is_err());
}
