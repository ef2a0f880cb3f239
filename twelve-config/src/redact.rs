//! Masking of the secret part of values that are shown in reports.

use std::borrow::Cow;

/// The mask that stands for a hidden password.
pub(crate) const MASK: &str = "***";

/// Replaces the password of a URL-like text with `***`, even when the text is
/// not a valid URL, so that a rejected URL can still be shown in a report.
///
/// The text is not parsed, so the rule leans towards masking too much: the
/// userinfo ends at the last `@` before any `?` or `#` (users paste unencoded
/// `@` and `/` in passwords, and drivers split at the last `@`); it starts
/// after the first `://` before that `@`, or at the start of the text; the
/// password is what follows its first `:`.
pub(crate) fn mask_url_password(text: &str) -> Cow<'_, str> {
    let end = text.find(['?', '#']).unwrap_or(text.len());
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
/// does not parse is masked by [`mask_url_password`].
#[cfg(feature = "url")]
pub(crate) fn mask_url(text: &str) -> Cow<'_, str> {
    match url::Url::parse(text) {
        Ok(mut url) if url.password().is_some() => match url.set_password(Some(MASK)) {
            Ok(()) => Cow::Owned(url.into()),
            Err(()) => Cow::Borrowed(MASK),
        },
        _ => mask_url_password(text),
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

    #[cfg(feature = "url")]
    #[test]
    fn valid_urls_are_masked_where_the_parser_finds_the_password() {
        use super::mask_url;
        // Found by fuzzing: each has a password that the text rule missed.
        assert_eq!(mask_url("http:/user:pass@host"), "http://user:***@host/");
        assert_eq!(mask_url("http:\t//u:pass@h"), "http://u:***@h/");
        assert_eq!(mask_url("\u{19}http:t\0u:Bhttw@i"), "http://t%00u:***@i/");
        assert_eq!(mask_url("https://h/p?q=a:b@c"), "https://h/p?q=a:b@c");
        assert_eq!(mask_url("redis://:pw@h:6379"), "redis://:***@h:6379");
        assert_eq!(mask_url("not a url"), "not a url");
    }
}
