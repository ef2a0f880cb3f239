//! The JSON Schema rendering's unit tests: which types' descriptions get a
//! pattern, and how the writer lays the document out.

use super::*;

#[test]
fn the_integer_descriptions_are_the_types_own() {
    use crate::EnvValue;
    use std::num::{NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8};
    use std::num::{NonZeroU128, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8};
    assert_eq!(
        UNSIGNED_RANGES.map(str::to_owned),
        [
            u8::expected(),
            u16::expected(),
            u32::expected(),
            u64::expected(),
            u128::expected()
        ]
        .map(String::from)
    );
    assert_eq!(
        NONZERO_UNSIGNED_RANGES.map(str::to_owned),
        [
            NonZeroU8::expected(),
            NonZeroU16::expected(),
            NonZeroU32::expected(),
            NonZeroU64::expected(),
            NonZeroU128::expected()
        ]
        .map(String::from)
    );
    assert_eq!(
        SIGNED_RANGES.map(str::to_owned),
        [
            i8::expected(),
            i16::expected(),
            i32::expected(),
            i64::expected(),
            i128::expected()
        ]
        .map(String::from)
    );
    assert_eq!(
        NONZERO_SIGNED_RANGES.map(str::to_owned),
        [
            NonZeroI8::expected(),
            NonZeroI16::expected(),
            NonZeroI32::expected(),
            NonZeroI64::expected(),
            NonZeroI128::expected()
        ]
        .map(String::from)
    );
    for expected in [usize::expected(), isize::expected()] {
        assert_ne!(accepted(&expected), Accepted::Any, "{expected}");
    }
}

#[test]
fn only_the_crates_own_descriptions_get_a_pattern() {
    assert_eq!(accepted("integer 0..=65535"), Accepted::Pattern(UNSIGNED));
    assert_eq!(
        accepted(&format!("secret integer 0..={}", u64::MAX)),
        Accepted::Pattern(UNSIGNED)
    );
    assert_eq!(
        accepted(&format!("integer 0..={}", u128::MAX)),
        Accepted::Pattern(UNSIGNED)
    );
    assert_eq!(accepted("integer -128..=127"), Accepted::Pattern(SIGNED));
    assert_eq!(
        accepted("integer 1..=255"),
        Accepted::Pattern(NONZERO_UNSIGNED)
    );
    assert_eq!(
        accepted("nonzero integer -32768..=32767"),
        Accepted::Pattern(NONZERO_SIGNED)
    );
    assert_eq!(
        accepted("boolean: true/false, 1/0, yes/no or on/off"),
        Accepted::Pattern(BOOLEAN)
    );
    assert_eq!(
        accepted("finite number such as 0.5 or 1e-3"),
        Accepted::Pattern(FINITE)
    );
    assert_eq!(accepted("a single character"), Accepted::MaxLength("1"));
    // A range no built-in type has, a user's wording, an enum, a list.
    for other in [
        "integer 0..=100",
        "integer 1..=10",
        "a boolean such as true or 1",
        "one of: json, text",
        "list of integer 0..=65535 separated by \",\"",
        "text accepted by parse_port",
        "text",
    ] {
        assert_eq!(accepted(other), Accepted::Any, "{other}");
    }
}

#[test]
fn the_writer_indents_and_keeps_names_on_one_line() {
    let mut w = Writer::new();
    w.names("a", &["x", "y"]);
    w.open(Some("b"), '[');
    w.open(None, '{');
    w.literal("c", "true");
    w.close('}');
    w.close(']');
    w.open(Some("d"), '{');
    w.close('}');
    w.text("e", "quote \" and \\");
    assert_eq!(
        w.finish(),
        "{\n  \"a\": [\"x\", \"y\"],\n  \"b\": [\n    {\n      \"c\": true\n    }\n  ],\n  \"d\": {},\n  \"e\": \"quote \\\" and \\\\\"\n}\n"
    );
}
