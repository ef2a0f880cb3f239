//! Unit tests of the error report: alignment, line breaking, quoting of
//! values and redaction.

use super::*;

#[test]
fn report_aligns_names_and_counts_problems() {
    let errors = Errors::from_vec(vec![
        Error::new("BILLING_DATABASE_URL", "db", ErrorKind::missing("text")),
        Error::new(
            "PORT",
            "port",
            ErrorKind::invalid(
                Some(quote_value("80a")),
                "integer 0..=65535",
                Some("invalid digit found in string".into()),
            ),
        ),
    ]);
    assert_eq!(
        errors.to_string(),
        "error: 2 configuration problems\n  \
         BILLING_DATABASE_URL  missing: required (text)\n  \
         PORT                  invalid value \"80a\": expected integer 0..=65535 (invalid digit found in string)"
    );
}

#[test]
fn a_long_list_of_names_breaks_before_a_line_passes_100_characters() {
    let name = |c: &str, n: usize| c.repeat(n);
    let rule = |names: &[&String]| {
        let vars = names.iter().map(|n| (*n).clone()).collect();
        let kind = ErrorKind::Rule {
            message: "at most one may be set".into(),
        };
        Errors::from_vec(vec![Error::with_vars(vars, "", kind)]).to_string()
    };
    let (a, b) = (name("A", 48), name("B", 50));
    // 48 + ", " + 50 is 100: one line.
    assert_eq!(
        rule(&[&a, &b]),
        format!("error: 1 configuration problem\n  {a}, {b}\n      at most one may be set")
    );
    // One more character would pass 100: the name starts the next line,
    // indented by four more spaces, which count toward that line.
    let b = name("B", 51);
    let (fits, passes) = (name("C", 43), name("C", 44));
    assert_eq!(
        rule(&[&a, &b, &fits]),
        format!(
            "error: 1 configuration problem\n  {a},\n      {b}, {fits}\n      \
             at most one may be set"
        )
    );
    assert_eq!(
        rule(&[&a, &b, &passes]),
        format!(
            "error: 1 configuration problem\n  {a},\n      {b},\n      {passes}\n      \
             at most one may be set"
        )
    );
    // Every ", " counts: 30 + 2 + 30 + 2 + 36 is 100, one more passes it.
    let (x, y) = (name("X", 30), name("Y", 30));
    let (fits, passes) = (name("Z", 36), name("Z", 37));
    assert_eq!(
        rule(&[&x, &y, &fits]),
        format!("error: 1 configuration problem\n  {x}, {y}, {fits}\n      at most one may be set")
    );
    assert_eq!(
        rule(&[&x, &y, &passes]),
        format!(
            "error: 1 configuration problem\n  {x}, {y},\n      {passes}\n      \
             at most one may be set"
        )
    );
}

#[test]
fn one_problem_is_singular_and_notes_are_indented() {
    let errors = Errors::from_vec(vec![
        Error::new("A", "a", ErrorKind::missing("text")).with_note("enabled by B".to_owned())
    ]);
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  A  missing: required (text)\n     note: enabled by B"
    );
}

#[test]
fn long_values_are_shortened_and_escaped() {
    let long = "x".repeat(1000);
    let quoted = quote_value(&long);
    assert!(quoted.len() < 100, "{quoted}");
    assert!(quoted.ends_with("(1000 bytes)"));
    // Up to 60 characters are shown whole; past that, the first 57 and
    // `...`, so that the shortened text is no longer than a whole one.
    let sixty = "é".repeat(60);
    assert_eq!(quote_value(&sixty), format!("\"{sixty}\""));
    let longer = "é".repeat(61);
    assert_eq!(
        quote_value(&longer),
        format!("\"{}\"... (122 bytes)", "é".repeat(57))
    );
    assert_eq!(quote_value("a\nb\u{1b}"), "\"a\\nb\\u{1b}\"");
}

#[test]
fn reasons_and_messages_from_elsewhere_stay_on_one_line() {
    // Found by fuzzing: a `with` function's reason quoting the value.
    let kind = ErrorKind::invalid(
        Some(quote_value("L\n")),
        "percent",
        Some("L\n is not a percentage".into()),
    );
    assert_eq!(
        kind.to_string(),
        "invalid value \"L\\n\": expected percent (L\\n is not a percentage)"
    );
    let rule = ErrorKind::Rule {
        message: "a\r\nb\u{1b}".into(),
    };
    assert_eq!(rule.to_string(), "a\\r\\nb\\u{1b}");
    let errors = Errors::from_vec(vec![Error::new("A", "a", rule).with_note("x\ny".to_owned())]);
    assert_eq!(errors.to_string().lines().count(), 3, "{errors}");
}

#[test]
fn redacted_values_say_so() {
    let kind = ErrorKind::invalid(None, "integer 0..=9", Some("too big".into()));
    assert_eq!(
        kind.to_string(),
        "invalid value <redacted>: expected integer 0..=9 (too big)"
    );
}
