//! Masking of the secret part of values that are shown in reports.

use std::borrow::Cow;

/// The mask that stands for a hidden password.
pub(crate) const MASK: &str = "***";

/// Replaces the password of a well-formed URL's text with `***`.
///
/// The userinfo ends at the last `@` before any `?` or `#` (users paste
/// unencoded `@` and `/` in passwords, and drivers split at the last `@`); it
/// starts after the first `://` before that `@`, or at the start of the text;
/// the password is what follows its first `:`. The `?`/`#` limit keeps an `@`
/// in a query (`?q=a:b@c`) from being taken for the userinfo, which is right
/// only when the text is known to be a URL: see [`mask_unparsed_url`].
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
pub(crate) fn mask_unparsed_url(text: &str) -> Cow<'_, str> {
    mask_userinfo(text, text.len())
}

/// Masks the password of the userinfo that ends at the last `@` before `end`.
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
    use super::mask_url_password as mask;

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
