//! Properties shared by the fuzz targets of twelve-config.
//!
//! Each target in `fuzz_targets/` is a few lines that pick a type and call a
//! check from here, so a new value type (such as a backing-service URL) gets
//! a target by naming it: see [`value_with_display`] and [`url_password`].
//!
//! Every check panics (a libFuzzer finding) when a property fails; none of
//! them only asks for "no crash".
#![forbid(unsafe_code)]

pub mod loader;

use std::ffi::OsStr;
use std::fmt::{Debug, Display};
use std::os::unix::ffi::OsStrExt;

use twelve_config::EnvValue;

/// The raw bytes as a variable's value (any bytes are possible on Unix).
pub fn os(bytes: &[u8]) -> &OsStr {
    OsStr::from_bytes(bytes)
}

/// Parses `raw` as `T` and checks what holds for every value type:
///
/// - `parse_env_os` agrees with `parse_env` on UTF-8 input, and rejects
///   other input as not Unicode (unless `T` takes any bytes: `any_bytes`);
/// - a rejection has a reason that is one line and ends without a period;
/// - a non-secret type shows the text as it is, unless it masks part of it;
///   a secret type shows nothing.
///
/// Returns the value when the text parses.
pub fn value<T: EnvValue + PartialEq + Debug>(raw: &[u8], any_bytes: bool) -> Option<T> {
    let result = T::parse_env_os(os(raw));
    match std::str::from_utf8(raw) {
        Ok(text) => {
            assert_eq!(
                T::parse_env(text),
                result,
                "parse_env and parse_env_os differ"
            );
            match T::redact(text) {
                None => assert!(T::SECRET, "a non-secret type hides its whole value"),
                Some(shown) => {
                    assert!(!T::SECRET, "a secret type shows {shown:?}");
                }
            }
        }
        Err(_) if any_bytes => assert!(result.is_ok(), "bytes rejected: {result:?}"),
        Err(_) => assert!(
            result.as_ref().is_err_and(|e| e.is_not_unicode()),
            "non-UTF-8 accepted or rejected for another reason: {result:?}"
        ),
    }
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            let reason = error.reason();
            assert!(!reason.contains('\n'), "reason of two lines: {reason:?}");
            assert!(
                !reason.ends_with('.'),
                "reason ends with a period: {reason:?}"
            );
            None
        }
    }
}

/// [`value`], then: the value's `Display` parses back to the same value.
pub fn value_with_display<T>(raw: &[u8]) -> Option<T>
where
    T: EnvValue + PartialEq + Debug + Display,
{
    let value = value::<T>(raw, false)?;
    round_trip(&value, &value.to_string());
    Some(value)
}

/// `shown` (the value displayed) parses back to `value`.
pub fn round_trip<T: EnvValue + PartialEq + Debug>(value: &T, shown: &str) {
    match T::parse_env(shown) {
        Ok(again) => assert_eq!(&again, value, "{shown:?} parses to another value"),
        Err(e) => panic!("{value:?} displays as {shown:?}, which does not parse: {e}"),
    }
}

/// For a URL-like type: when `raw` parses to a value whose password is
/// `password(&value)`, the type's redaction must not let the password be
/// recovered from the text it shows.
///
/// The shown text is parsed again: it must have no password or the mask.
/// When it does not parse, the password must occur in it fewer times than in
/// the original text (other parts of a URL may hold the same bytes).
pub fn url_password<T: EnvValue + Debug>(raw: &[u8], password: impl Fn(&T) -> Option<String>) {
    let Ok(text) = std::str::from_utf8(raw) else {
        return;
    };
    let Ok(value) = T::parse_env(text) else {
        // A rejected URL is shown too: redaction must not panic on it.
        let _ = T::redact(text);
        return;
    };
    // A password that holds the mask itself can coincide with the masked
    // text around it (`user:st:***@host@host` shows as `user:***@host`);
    // the substring check cannot tell such a password from the mask.
    let Some(secret) = password(&value).filter(|p| !p.is_empty() && !p.contains("***")) else {
        return;
    };
    let shown = T::redact(text).expect("a URL is shown with its password masked");
    if let Ok(again) = T::parse_env(&shown) {
        let again = password(&again);
        assert!(
            again.as_deref().is_none_or(|p| p == "***" || p.is_empty()),
            "{text:?} is shown as {shown:?}, with password {again:?}"
        );
        return;
    }
    // The shown text does not parse: the password, in any of its forms,
    // must occur in it fewer times than in the text (URL parsers drop tabs
    // and newlines, so the text is compared without them).
    let text = text.replace(['\t', '\n', '\r'], "");
    let decoded = percent_decode(&secret);
    for form in [secret.as_str(), decoded.as_str()] {
        if form.len() >= 4 {
            let before = occurrences(&text, form);
            let after = occurrences(&shown, form);
            assert!(
                after == 0 || after < before,
                "{text:?} is shown as {shown:?}, with its password {form:?}"
            );
        }
    }
}

/// How many times `needle` occurs in `haystack`, overlaps included,
/// ignoring ASCII case (hosts and schemes are lowercased by parsers).
pub fn occurrences(haystack: &str, needle: &str) -> usize {
    let haystack = haystack.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    haystack
        .as_bytes()
        .windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

/// `%XX` sequences decoded, lossily.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A list item written so that list parsing reads it back unchanged: the
/// separator and backslashes escaped.
pub fn escape_item(item: &str, separator: &str) -> String {
    let mut out = String::with_capacity(item.len());
    let mut rest = item;
    while let Some(c) = rest.chars().next() {
        if !separator.is_empty() && rest.starts_with(separator) {
            out.push('\\');
            out.push_str(separator);
            rest = &rest[separator.len()..];
            continue;
        }
        if c == '\\' {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Splits fuzz input into a selector byte and the rest.
pub fn split_first(data: &[u8]) -> Option<(u8, &[u8])> {
    data.split_first().map(|(&first, rest)| (first, rest))
}
