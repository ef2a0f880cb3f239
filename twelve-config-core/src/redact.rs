//! Masking of the secret part of values that are shown in reports.
//!
//! Two layers. The URL types mask their own text where they parse it
//! (`mask_url`, the `urls` module), knowing its structure. Under them,
//! [`mask_passwords`] guards every value the crate shows, whatever the
//! field's type or parser: a connection string in a `String`, a `with`
//! parser returning a URL type, a `from_str` field. It needs no URL parser,
//! so it works without the `url` feature.

use std::borrow::Cow;
use std::ops::Range;

/// The mask that stands for a hidden password.
pub(crate) const MASK: &str = "***";

/// Replaces the password of every `scheme://user:password@host` in `text`
/// with `***`, for text the crate shows that is not known to be a URL.
///
/// Each `://` starts a URL, whose text runs to the next URL that starts a
/// word (after whitespace or one of `,;|"'<>()[]{}=`), so that a list of
/// URLs has each masked; a `://` inside a password does not end it (nor
/// one after `user:` and a password with no `@` yet, `pg://u:p,a://b@h`). In
/// a URL, the userinfo ends at the last `@` before any `?` or `#` (drivers
/// split at the last `@`, and passwords hold unencoded `@` and `/`), or at
/// the last `@` at all when there is none before them (an unencoded `?` or
/// `#` in a password); the password is what follows its first `:`. A `/`,
/// `?` or `#` before that `:` means the `@` is in a path or query, not
/// after a password. It leans towards masking too much: text it is unsure
/// of may lose a port or a path to the mask.
pub(crate) fn mask_passwords(text: &str) -> Cow<'_, str> {
    let mut masked: Option<String> = None;
    // How much of `text` is in `masked` already.
    let mut copied = 0;
    let mut from = 0;
    while let Some(separator) = find_separator(text, from) {
        let authority = separator + 3;
        let end = next_url(text, authority);
        if let Some(password) = password_in(&text[authority..end]) {
            let out = masked.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..authority + password.start]);
            out.push_str(MASK);
            copied = authority + password.end;
        }
        // `end` is past `authority`'s `://`, so the scan moves on.
        from = end;
    }
    match masked {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// [`mask_passwords`] in place: `text` is left alone when nothing is
/// masked.
pub(crate) fn mask(text: &mut String) {
    if let Cow::Owned(masked) = mask_passwords(text) {
        *text = masked;
    }
}

/// Whether `b` ends a word before a URL in a list or a sentence.
///
/// The scan looks at bytes: every character it looks for is ASCII, and
/// a byte of a multi-byte character is never one of them, so each position
/// it finds is a character boundary.
fn ends_word(b: u8) -> bool {
    b.is_ascii_whitespace() || b",;|\"'<>()[]{}=".contains(&b)
}

/// The position of the first `://` in `text` at or after `from`.
fn find_separator(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(colon) = text[at..].find(':') {
        let colon = at + colon;
        if text[colon + 1..].starts_with("//") {
            return Some(colon);
        }
        at = colon + 1;
    }
    None
}

/// The position of the first of the ASCII characters `any` in `text`.
fn find_any(text: &str, any: &[u8]) -> Option<usize> {
    text.bytes().position(|b| any.contains(&b))
}

/// Where the URL after `from` ends: at the scheme of the next `://` that
/// starts a word, unless the text before it may be a password cut short
/// (`pg://u:p=a://b@h`), or at the end of the text.
fn next_url(text: &str, from: usize) -> usize {
    let mut search = from;
    // Once the text reads as a password cut short, only an `@` finishes
    // it: looking for one in what is new keeps the scan linear.
    let mut unfinished_up_to = None;
    while let Some(separator) = find_separator(text, search) {
        let scheme = text.as_bytes()[from..separator]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
            .count();
        let start = separator - scheme;
        let starts_word = text.as_bytes()[from..start]
            .last()
            .is_none_or(|&b| ends_word(b));
        if starts_word {
            let finished = match unfinished_up_to {
                Some(checked) => text[checked..start].contains('@'),
                None => !unfinished_password(&text[from..start]),
            };
            if finished {
                return start;
            }
            unfinished_up_to = Some(start);
        }
        search = separator + 3;
    }
    text.len()
}

/// Whether the text after a `://` reads as `user:` and the start of a
/// password with no `@` yet: then a `://` after it is inside the password.
/// A port (`host:8080,`) or a bracketed address is no password.
fn unfinished_password(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    if url.contains('@') || find_any(&url[..colon], b"/?#[]").is_some() {
        return false;
    }
    let after = &url[colon + 1..];
    let port = &after.as_bytes()[..find_any(after, b"/?#").unwrap_or(after.len())];
    // Digits, then perhaps what ends the word (`host:8080,`).
    let digits = port.iter().rev().skip_while(|&&b| ends_word(b));
    !digits.into_iter().all(u8::is_ascii_digit)
}

/// The password in the text after a URL's `://`, if it has one.
fn password_in(url: &str) -> Option<Range<usize>> {
    let limit = find_any(url, b"?#").unwrap_or(url.len());
    let at = url[..limit].rfind('@').or_else(|| url.rfind('@'))?;
    let colon = url[..at].find(':')?;
    if find_any(&url[..colon], b"/?#").is_some() {
        return None;
    }
    Some(colon + 1..at)
}

/// Replaces the password of a well-formed URL's text with `***`.
///
/// The userinfo ends at the last `@` before any `?` or `#` (users paste
/// unencoded `@` and `/` in passwords, and drivers split at the last `@`); it
/// starts after the first `://` before that `@`, or at the start of the text;
/// the password is what follows its first `:`. The `?`/`#` limit keeps an `@`
/// in a query (`?q=a:b@c`) from being taken for the userinfo, which is right
/// only when the text is known to be a URL: see [`mask_unparsed_url`].
#[cfg(feature = "url")]
pub(crate) fn mask_url_password(text: &str) -> Cow<'_, str> {
    mask_userinfo(text, text.find(['?', '#']).unwrap_or(text.len()))
}

/// Replaces the password of URL-like text that did not parse, so that a
/// rejected URL can still be shown in a report.
///
/// Nothing is known of its structure, so the rule leans towards masking too
/// much: it is [`mask_url_password`]'s without the `?`/`#` limit, since an
/// unencoded `?` or `#` in a password is a likely reason the text was
/// rejected (`http://u:p?ss@h` must not show `p?ss`).
#[cfg(feature = "url")]
pub(crate) fn mask_unparsed_url(text: &str) -> Cow<'_, str> {
    mask_userinfo(text, text.len())
}

/// Masks the password of the userinfo that ends at the last `@` before `end`.
#[cfg(feature = "url")]
fn mask_userinfo(text: &str, end: usize) -> Cow<'_, str> {
    let Some(at) = text[..end].rfind('@') else {
        return Cow::Borrowed(text);
    };
    let start = text[..at].find("://").map_or(0, |i| i + 3);
    let Some(colon) = text[start..at].find(':') else {
        return Cow::Borrowed(text);
    };
    let password = start + colon + 1..at;
    let mut masked = String::with_capacity(text.len());
    masked.push_str(&text[..password.start]);
    masked.push_str(MASK);
    masked.push_str(&text[password.end..]);
    Cow::Owned(masked)
}

/// The text of a `url::Url` value as it may be shown.
///
/// Text that parses is masked through the parsed URL, so that the password
/// the URL really has is the one masked, whatever way of writing it the
/// parser accepts (`http:/user:pw@host`, tabs inside the text, backslashes
/// for slashes); the URL is then shown as the parser writes it. Text that
/// does not parse is masked by [`mask_unparsed_url`].
#[cfg(feature = "url")]
pub(crate) fn mask_url(text: &str) -> Cow<'_, str> {
    match url::Url::parse(text) {
        Ok(mut url) if url.password().is_some() => match url.set_password(Some(MASK)) {
            Ok(()) => Cow::Owned(url.into()),
            Err(()) => Cow::Borrowed(MASK),
        },
        // No password where the parser looks; the text rule still masks
        // what reads like one (`a:b@c` is a URL with scheme `a`).
        Ok(_) => mask_url_password(text),
        Err(_) => mask_unparsed_url(text),
    }
}

#[cfg(test)]
mod tests {
    use super::mask_passwords;
    #[cfg(feature = "url")]
    use super::mask_url_password as mask;

    #[test]
    fn masks_every_password_in_any_text() {
        let cases = [
            (
                "postgresql://vw:dbpass123@db:0/vw",
                "postgresql://vw:***@db:0/vw",
            ),
            ("redis://:pw@h", "redis://:***@h"),
            // `@`, `/`, `?`, `#` and `://` unencoded in passwords.
            ("pg://app:p@ss@db/x", "pg://app:***@db/x"),
            ("pg://u:pa/ss@h/db", "pg://u:***@h/db"),
            ("http://u:p?ss@h", "http://u:***@h"),
            ("redis://:p#w@cache:1/0", "redis://:***@cache:1/0"),
            ("pg://u:ab://c@h", "pg://u:***@h"),
            // An Azure user name holds an `@`.
            (
                "pg://me@srv:pw@srv.example/db",
                "pg://me@srv:***@srv.example/db",
            ),
            // Several URLs in one value.
            (
                "redis://:a@h1,redis://:b@h2;amqp://u:c@h3 x=pg://v:d@h4",
                "redis://:***@h1,redis://:***@h2;amqp://u:***@h3 x=pg://v:***@h4",
            ),
            (
                "http://h:8080/a,http://u:p@h2",
                "http://h:8080/a,http://u:***@h2",
            ),
            (
                "redis://h:6379, redis://:pw@h2",
                "redis://h:6379, redis://:***@h2",
            ),
            (
                "http://[::1]:80,http://u:p@h",
                "http://[::1]:80,http://u:***@h",
            ),
            ("http://u@h:80,http://v:p@k", "http://u@h:80,http://v:***@k"),
            // A password that holds `://` after a word's end.
            ("pg://u:x=a://q@h", "pg://u:***@h"),
            ("pg://u:x,a://q@h,pg://v:w@k", "pg://u:***@h,pg://v:***@k"),
            ("use pg://u:p@h/db, then", "use pg://u:***@h/db, then"),
            // An `@` in a path or query is not after a password.
            ("https://h/p?q=a:b@c", "https://h/p?q=a:b@c"),
            ("https://h?q=a:b@c", "https://h?q=a:b@c"),
            ("http://u:p@h/x?q=a:b@c", "http://u:***@h/x?q=a:b@c"),
            ("http://user@h:80/?x=1:2@3", "http://user@h:80/?x=1:2@3"),
            ("http://user@h", "http://user@h"),
            ("a://:@", "a://:***@"),
            ("not a url", "not a url"),
            ("u:pw@h", "u:pw@h"),
            ("", ""),
            ("://", "://"),
            (":///:@@", ":///:@@"),
            (
                "\u{e9}://\u{e9}:\u{e9}@\u{e9}",
                "\u{e9}://\u{e9}:***@\u{e9}",
            ),
        ];
        for (text, masked) in cases {
            assert_eq!(mask_passwords(text), masked, "{text:?}");
            assert_eq!(mask_passwords(masked), masked, "{masked:?} again");
        }
        assert!(matches!(
            mask_passwords("http://h/x"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn hostile_text_is_scanned_in_linear_time() {
        // Each `://` could start a URL: a quadratic scan would take minutes.
        for unit in ["a://u:x,", "://", ",a://", "a://u:x@,"] {
            let text = unit.repeat(200_000);
            let started = std::time::Instant::now();
            let _ = mask_passwords(&text);
            assert!(started.elapsed().as_secs() < 5, "{unit:?}");
        }
    }

    #[cfg(feature = "url")]
    #[test]
    fn masks_the_password_of_valid_and_broken_urls() {
        assert_eq!(
            mask("postgres://app:s3cret@db:5432/x"),
            "postgres://app:***@db:5432/x"
        );
        assert_eq!(mask("redis://:pw@h"), "redis://:***@h");
        assert_eq!(mask("postgres://app:p@ss@db/x"), "postgres://app:***@db/x");
        assert_eq!(mask("app:pw@db:99999"), "app:***@db:99999");
        assert_eq!(mask("http://h/p?q=a:b@c"), "http://h/p?q=a:b@c");
        assert_eq!(mask("http://user@h"), "http://user@h");
        assert_eq!(mask("not a url"), "not a url");
        assert_eq!(mask("a://:@"), "a://:***@");
        // Unencoded `/` in a password, and `://` later in the text.
        assert_eq!(mask("postgres://u:pa/ss@h/db"), "postgres://u:***@h/db");
        assert_eq!(mask("x:y:pw@h;a://b"), "x:***@h;a://b");
        assert_eq!(mask("http:t:pw@i,x://a"), "http:***@i,x://a");
    }

    #[cfg(feature = "url")]
    #[test]
    fn text_that_did_not_parse_is_masked_past_question_marks_and_hashes() {
        use super::mask_unparsed_url as unparsed;
        // An unencoded `?` or `#` in the password is why such text fails.
        assert_eq!(unparsed("http://u:p?ss@h"), "http://u:***@h");
        assert_eq!(
            unparsed("redis://:p#w@cache:99999/0"),
            "redis://:***@cache:99999/0"
        );
        assert_eq!(unparsed("no password here"), "no password here");
        // Well-formed text keeps an `@` in its query.
        assert_eq!(mask("http://u:p@h/x?q=a:b@c"), "http://u:***@h/x?q=a:b@c");
    }

    #[cfg(feature = "url")]
    #[test]
    fn valid_urls_are_masked_where_the_parser_finds_the_password() {
        use super::mask_url;
        // Found by fuzzing: each has a password that the text rule missed.
        assert_eq!(mask_url("http:/user:pass@host"), "http://user:***@host/");
        assert_eq!(mask_url("http:\t//u:pass@h"), "http://u:***@h/");
        // Rejected (the port is `p`): masked past the unencoded `?`.
        assert_eq!(mask_url("http://u:p?ss@h"), "http://u:***@h");
        assert_eq!(mask_url("\u{19}http:t\0u:Bhttw@i"), "http://t%00u:***@i/");
        assert_eq!(mask_url("https://h/p?q=a:b@c"), "https://h/p?q=a:b@c");
        assert_eq!(mask_url("redis://:pw@h:6379"), "redis://:***@h:6379");
        assert_eq!(mask_url("not a url"), "not a url");
    }
}
