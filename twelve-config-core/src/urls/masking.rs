//! How a URL value is shown in a report: the password and the values of
//! sensitive query parameters masked, whether the URL is valid or not.

use std::borrow::Cow;

use crate::redact::{mask_unparsed_url, mask_url_password, MASK};

/// Whether a query parameter carries a secret: its name contains `pass`,
/// `secret` or `token` (`password`, `pass`, `sslpassword`, ...).
fn sensitive(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["pass", "secret", "token"].iter().any(|s| key.contains(s))
}

/// The query with the values of sensitive parameters replaced by `***`.
pub(super) fn mask_query(query: &str) -> Cow<'_, str> {
    if !query
        .split('&')
        .any(|pair| sensitive(pair.split_once('=').map_or(pair, |(k, _)| k)))
    {
        return Cow::Borrowed(query);
    }
    let masked: Vec<Cow<'_, str>> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if sensitive(key) => Cow::Owned(format!("{key}={MASK}")),
            _ => Cow::Borrowed(pair),
        })
        .collect();
    Cow::Owned(masked.join("&"))
}

/// The text of a URL value as it may be shown in a report.
///
/// A valid URL (`valid`) gets the usual masking: the password between the
/// first `:` and the last `@` of the authority, and sensitive query values.
/// An invalid one may hold a password with an unencoded `/`, `?` or `#`,
/// which ends the authority early, so the password is taken to run from
/// the first `:` after `scheme://` to the last `@` of the whole text;
/// this hides too much rather than too little.
pub(crate) fn redact(text: &str, valid: bool) -> Cow<'_, str> {
    let masked = if valid {
        mask_url_password(text)
    } else {
        mask_unparsed_url(text)
    };
    let Some(question) = masked.find('?') else {
        return masked;
    };
    let (head, query) = masked.split_at(question + 1);
    let (query, fragment) = match query.split_once('#') {
        Some((query, fragment)) => (query, Some(fragment)),
        None => (query, None),
    };
    match mask_query(query) {
        Cow::Borrowed(_) => masked,
        Cow::Owned(query) => {
            let mut out = format!("{head}{query}");
            if let Some(fragment) = fragment {
                out.push('#');
                out.push_str(fragment);
            }
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_of_valid_and_broken_urls() {
        assert_eq!(
            redact("postgres://u:pw@h/db?password=x&a=1#f", true),
            "postgres://u:***@h/db?password=***&a=1#f"
        );
        assert_eq!(redact("redis://h/0", true), "redis://h/0");
        // An unencoded `/` in the password ends the authority early.
        assert_eq!(
            redact("postgres://u:pa/ss@h:99999/db", false),
            "postgres://u:***@h:99999/db"
        );
        assert_eq!(
            redact("postgres://u:pa#ss@h/db", false),
            "postgres://u:***@h/db"
        );
        assert_eq!(
            redact("postgres://h:99999/db", false),
            "postgres://h:99999/db"
        );
        assert_eq!(
            redact("a://x?pass=1&token=2&k=v", false),
            "a://x?pass=***&token=***&k=v"
        );
        // The query starts right after the `?`, wherever that is: at the
        // start of the text, or after a character of several bytes.
        assert_eq!(redact("?password=x", false), "?password=***");
        assert_eq!(
            redact("postgres://h/dé?password=x", true),
            "postgres://h/dé?password=***"
        );
    }
}
