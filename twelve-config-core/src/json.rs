//! A small JSON writer for the documents the crate prints: the schema and
//! the machine-readable reports.

use std::fmt::Write as _;

/// Appends `text` as a JSON string.
pub(crate) fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            // Control characters must be escaped; U+2028 and U+2029 are, so
            // the output is also a valid JavaScript literal.
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

pub(crate) fn json_optional(out: &mut String, text: Option<&str>) {
    match text {
        Some(text) => json_string(out, text),
        None => out.push_str("null"),
    }
}

pub(crate) fn json_array(out: &mut String, items: &[&str]) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        json_string(out, item);
    }
    out.push(']');
}

/// A JSON object written on one line, key by key.
pub(crate) struct Object {
    out: String,
}

impl Object {
    pub(crate) fn new() -> Self {
        Object {
            out: String::from("{"),
        }
    }

    /// Adds `key` with `value`, already JSON.
    pub(crate) fn raw(mut self, key: &str, value: &str) -> Self {
        if self.out.len() > 1 {
            self.out.push_str(", ");
        }
        json_string(&mut self.out, key);
        self.out.push_str(": ");
        self.out.push_str(value);
        self
    }

    pub(crate) fn string(self, key: &str, value: &str) -> Self {
        self.optional(key, Some(value))
    }

    pub(crate) fn optional(self, key: &str, value: Option<&str>) -> Self {
        let mut text = String::new();
        json_optional(&mut text, value);
        self.raw(key, &text)
    }

    pub(crate) fn finish(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_quotes_backslashes_and_controls() {
        let mut out = String::new();
        json_string(&mut out, "a\"b\\c\nd\u{1}e\u{2028}é");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001e\\u2028é\"");
        let mut out = String::new();
        json_string(&mut out, "\u{2029}\r\t\u{8}\u{c}");
        assert_eq!(out, "\"\\u2029\\r\\t\\b\\f\"");
    }

    #[test]
    fn objects_separate_their_keys() {
        let object = Object::new()
            .string("a", "x\"")
            .optional("b", None)
            .raw("c", "[1]")
            .finish();
        assert_eq!(object, "{\"a\": \"x\\\"\", \"b\": null, \"c\": [1]}");
        assert_eq!(Object::new().finish(), "{}");
    }
}
