//! Masking of the secret part of values that are shown in reports.

use std::borrow::Cow;

/// The mask that stands for a hidden password.
pub(crate) const MASK: &str = "***";

/// Replaces the password of a URL-like text with `***`, even when the text is
/// not a valid URL, so that a rejected URL can still be shown in a report.
///
/// The authority is the part after `scheme://` (or the start, without a
/// scheme) up to the first `/`, `?` or `#`; the password is what stands
/// between the first `:` and the last `@` of it. The last `@` is used because
/// users paste unencoded `@` in passwords, and drivers split at the last one.
pub(crate) fn mask_url_password(text: &str) -> Cow<'_, str> {
    let start = text.find("://").map_or(0, |i| i + 3);
    let rest = &text[start..];
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_len];
    let Some(at) = authority.rfind('@') else {
        return Cow::Borrowed(text);
    };
    let Some(colon) = authority[..at].find(':') else {
        return Cow::Borrowed(text);
    };
    let password = start + colon + 1..start + at;
    let mut masked = String::with_capacity(text.len());
    masked.push_str(&text[..password.start]);
    masked.push_str(MASK);
    masked.push_str(&text[password.end..]);
    Cow::Owned(masked)
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
    }
}
