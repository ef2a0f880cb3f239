//! The backing-service URL types (`PostgresUrl`, `RedisUrl`, ...): the first
//! byte picks the type, the rest is the text.
//!
//! Properties: a rejected URL's reason never quotes the text (checked with a
//! marker character that no reason contains), and showing it
//! (`EnvValue::redact`) does not panic; an accepted URL parses back from
//! `expose_url()` to an equal value; its `Display`, `Debug` and redaction never
//! show its password; its `Display` parses back with the password masked.
#![no_main]

use std::fmt::{Debug, Display};
use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use twelve_config::{
    AmqpUrl, DatabaseUrl, EnvValue, HttpUrl, MongoUrl, MysqlUrl, PostgresUrl, RedisUrl, SmtpUrl,
    SqliteUrl,
};
use twelve_config_fuzz::url_password;

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
    let again = T::parse_env(exposed(&value))
        .unwrap_or_else(|e| panic!("{text:?}: its exposed form does not parse: {e}"));
    assert_eq!(again, value, "{text:?}: the exposed form parses to another value");
    url_password::<T>(text.as_bytes(), |v| password(v).map(str::to_owned));
    let Some(secret) = password(&value).filter(|p| p.len() >= 4 && !p.contains("***")) else {
        return;
    };
    let shown = value.to_string();
    let debug = format!("{value:?}");
    // Only meaningful where the password's bytes stand nowhere else.
    if exposed(&value).matches(secret).count() <= 1 && text.matches(secret).count() <= 1 {
        assert!(!shown.contains(secret), "{text:?} displays as {shown:?}");
        assert!(!debug.contains(secret), "{text:?} debugs as {debug:?}");
    }
    if let Ok(shown_value) = T::parse_env(&shown) {
        let masked = password(&shown_value);
        assert!(
            masked.is_none_or(|p| p == "***" || p.is_empty()),
            "{text:?} displays as {shown:?}, which has the password {masked:?}"
        );
    }
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
