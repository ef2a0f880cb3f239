//! Percent-encoding of the parts of a URL: strict decoding, and encoding of
//! everything but the unreserved characters.

use std::borrow::Cow;

use crate::value::ValueError;

/// Strict percent-decoding: `%` must be followed by two hex digits, and the
/// result must be UTF-8. `+` stays `+` (connection strings are not forms).
pub(crate) fn decode(text: &str, reason: &'static str) -> Result<String, ValueError> {
    if !text.contains('%') {
        return Ok(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            match (hex_value(bytes.get(i + 1)), hex_value(bytes.get(i + 2))) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 3;
                }
                _ => return Err(ValueError::new(reason)),
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ValueError::new(reason))
}

fn hex_value(byte: Option<&u8>) -> Option<u8> {
    char::from(*byte?)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Percent-encodes everything but the unreserved characters of RFC 3986, so
/// that every driver splits user information the same way.
pub(crate) fn encode(text: &str) -> Cow<'_, str> {
    let keep = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if text.bytes().all(keep) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_is_strict_and_keeps_plus() {
        assert_eq!(decode("a%20b+c", "bad").unwrap(), "a b+c");
        assert_eq!(decode("%2f%2F", "bad").unwrap(), "//");
        assert!(decode("%", "bad").is_err());
        assert!(decode("%2", "bad").is_err());
        assert!(decode("%zz", "bad").is_err());
        assert!(decode("%+1", "bad").is_err());
        assert!(decode("%ff", "bad").is_err(), "not UTF-8");
        assert_eq!(decode("%C3%A9", "bad").unwrap(), "é");
    }

    #[test]
    fn encoding_keeps_only_unreserved() {
        assert_eq!(encode("abc-._~"), "abc-._~");
        assert_eq!(encode("p@ss w:/%"), "p%40ss%20w%3A%2F%25");
        assert_eq!(decode(&encode("ü@:/ %x"), "bad").unwrap(), "ü@:/ %x");
    }
}
