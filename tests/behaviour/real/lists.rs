//! Lists with any separator, whitespace runs, and bad items located.

use twelve_config::Config;

use super::report;

#[derive(Config, Debug)]
struct Lists {
    #[config(default = "")]
    commas: Vec<String>,
    #[config(separator = " ", default = "")]
    words: Vec<String>,
    #[config(separator = "\n", default = "")]
    lines: Vec<String>,
    #[config(separator = ":", default = "")]
    path: Vec<std::path::PathBuf>,
    #[config(separator = "||")]
    alternatives: Option<Vec<u8>>,
}

#[test]
fn any_separator_and_whitespace_runs() {
    let l = Lists::from_vars([
        ("COMMAS", r"a, b\,c , d\\"),
        ("WORDS", "  one\ttwo \n three  "),
        ("LINES", "x y\n z"),
        ("PATH", "/usr/bin:/bin"),
        ("ALTERNATIVES", "1 || 2||3"),
    ])
    .unwrap();
    assert_eq!(l.commas, ["a", "b,c", r"d\"]);
    assert_eq!(l.words, ["one", "two", "three"]);
    // A newline is whitespace: it splits at any whitespace run.
    assert_eq!(l.lines, ["x", "y", "z"]);
    assert_eq!(l.path.len(), 2);
    assert_eq!(l.alternatives, Some(vec![1, 2, 3]));
}

#[test]
fn schema_names_the_separator() {
    let schema = Lists::schema();
    assert_eq!(
        schema.var("WORDS").unwrap().expected(),
        "list of text separated by spaces"
    );
    assert_eq!(
        schema.var("ALTERNATIVES").unwrap().expected(),
        "list of integer 0..=255 separated by \"||\""
    );
}

#[test]
fn bad_items_are_located() {
    let text = report::<Lists>(&[("ALTERNATIVES", "1||x"), ("COMMAS", "a,,b")]);
    assert!(
        text.contains("item 2: invalid digit found in string"),
        "{text}"
    );
    assert!(text.contains("item 2 is empty"), "{text}");
}
