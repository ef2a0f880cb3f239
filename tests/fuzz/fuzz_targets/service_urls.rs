//! The backing-service URL types (`PostgresUrl`, `RedisUrl`, ...): the first
//! byte picks the type, the rest is the text.
//!
//! Properties: a rejected URL's reason never quotes the text (checked with a
//! marker character that no reason contains), and showing it
//! (`EnvValue::redact`) does not panic; an accepted URL parses back from
//! `expose_url()` to an equal value; its `Display`, `Debug` and redaction do
//! not depend on its password at all (the same URL with another password
//! shows the same text), which is exact where a substring search is not.
#![no_main]

use std::fmt::{Debug, Display};
use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use twelve_config::{
    AmqpUrl, DatabaseUrl, EnvValue, HttpUrl, MongoUrl, MysqlUrl, PostgresUrl, RedisUrl, SmtpUrl,
    SqliteUrl,
};

/// Stands anywhere in an input; a reason that quotes any part around it shows it.
const MARKER: char = 'ǂ';

fn check<T>(text: &str, password: fn(&T) -> Option<&str>, exposed: fn(&T) -> &str)
where
    T: EnvValue + FromStr + PartialEq + Debug + Display,
{
    let value = match T::parse_env(text) {
        Ok(value) => value,
        Err(error) => {
            assert!(
                !error.reason().contains(MARKER),
                "the reason {:?} quotes the text {text:?}",
                error.reason()
            );
            let _ = T::redact(text);
            return;
        }
    };
    let canonical = exposed(&value);
    let again = T::parse_env(canonical)
        .unwrap_or_else(|e| panic!("{text:?}: its exposed form does not parse: {e}"));
    assert_eq!(again, value, "{text:?}: the exposed form parses to another value");
    if password(&value).is_none() {
        return;
    }
    // The text as written, masked for a report or --print-config: read
    // again, its password is the mask (or it has none).
    let shown = T::redact(text).expect("a URL type shows its text masked");
    if let Ok(shown_value) = T::parse_env(&shown) {
        let masked = password(&shown_value);
        assert!(
            masked.is_none_or(|p| p == "***"),
            "{text:?} is shown as {shown:?}, whose password is {masked:?}"
        );
    }
    // Exact: what is shown must not depend on the password at all. The same
    // URL with another password must display, debug and redact identically.
    let Some((other, other_value)) = with_other_password(canonical)
        .into_iter()
        .filter_map(|other| Some((other.clone(), T::parse_env(&other).ok()?)))
        .find(|(_, other_value)| password(other_value) == Some(OTHER_PASSWORD))
    else {
        panic!("{text:?}: no password found in the exposed form {canonical:?}");
    };
    assert_eq!(value.to_string(), other_value.to_string(), "{text:?}: Display shows the password");
    assert_eq!(format!("{value:?}"), format!("{other_value:?}"), "{text:?}: Debug shows the password");
    assert_eq!(T::redact(canonical), T::redact(&other), "{text:?}: redaction shows the password");
}

const OTHER_PASSWORD: &str = "other-password";

/// The exposed (canonical) form with its password replaced, in each place a
/// password can stand; the caller keeps the one that reads back with the new
/// password. In that form the user name, password and parameters are
/// percent-encoded, so the password is what stands between the first `:` and
/// the `@` of the user information, or the value of the last `password` or
/// `pass` parameter (PostgreSQL and unix-socket Redis URLs).
fn with_other_password(canonical: &str) -> Vec<String> {
    let mut candidates: Vec<String> = ["password", "pass"]
        .iter()
        .filter_map(|name| with_other_param(canonical, name))
        .collect();
    candidates.extend(with_other_user_password(canonical));
    candidates
}

fn with_other_user_password(canonical: &str) -> Option<String> {
    let start = canonical.find("://")? + 3;
    let rest = &canonical[start..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let at = authority.rfind('@')?;
    let colon = authority[..at].find(':')?;
    Some(format!(
        "{}{OTHER_PASSWORD}{}",
        &canonical[..start + colon + 1],
        &canonical[start + at..]
    ))
}

fn with_other_param(canonical: &str, name: &str) -> Option<String> {
    let query_start = canonical.find('?')? + 1;
    let query_end = canonical[query_start..]
        .find('#')
        .map_or(canonical.len(), |i| query_start + i);
    let query = &canonical[query_start..query_end];
    let mut offset = 0;
    let mut last = None;
    for pair in query.split('&') {
        if let Some(value) = pair.strip_prefix(name).and_then(|v| v.strip_prefix('=')) {
            let value_start = query_start + offset + name.len() + 1;
            last = Some((value_start, value_start + value.len()));
        }
        offset += pair.len() + 1;
    }
    let (from, to) = last?;
    Some(format!("{}{OTHER_PASSWORD}{}", &canonical[..from], &canonical[to..]))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match pick % 9 {
        0 => check::<PostgresUrl>(text, PostgresUrl::expose_password, PostgresUrl::expose_url),
        1 => check::<MysqlUrl>(text, MysqlUrl::expose_password, MysqlUrl::expose_url),
        2 => check::<SqliteUrl>(text, |_| None, SqliteUrl::expose_url),
        3 => check::<DatabaseUrl>(text, DatabaseUrl::expose_password, DatabaseUrl::expose_url),
        4 => check::<RedisUrl>(text, RedisUrl::expose_password, RedisUrl::expose_url),
        5 => check::<AmqpUrl>(text, AmqpUrl::expose_password, AmqpUrl::expose_url),
        6 => check::<MongoUrl>(text, MongoUrl::expose_password, MongoUrl::expose_url),
        7 => check::<HttpUrl>(text, HttpUrl::expose_password, HttpUrl::expose_url),
        _ => check::<SmtpUrl>(text, SmtpUrl::expose_password, SmtpUrl::expose_url),
    }
});
