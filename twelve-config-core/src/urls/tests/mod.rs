//! Unit tests of the URL types, by topic, and the helpers they and the
//! tests of agreement with the drivers share.

use std::str::FromStr;

use super::*;

mod common;
mod databases;
mod secrets;
mod services;

/// Parses, or panics with the (masked) reason.
pub(super) fn ok<T: FromStr<Err = crate::ValueError>>(text: &str) -> T {
    match text.parse() {
        Ok(value) => value,
        Err(e) => panic!("{text:?} rejected: {e}"),
    }
}

pub(super) fn reason<T: FromStr<Err = crate::ValueError> + std::fmt::Debug>(text: &str) -> String {
    match text.parse::<T>() {
        Ok(value) => panic!("{text:?} accepted as {value:?}"),
        Err(e) => e.reason().to_owned(),
    }
}

/// Parsing the exposed URL again gives an equal value, and neither
/// `Display` nor `Debug` shows the password.
pub(super) fn round_trip<T>(text: &str, password: &str)
where
    T: FromStr<Err = crate::ValueError> + std::fmt::Debug + std::fmt::Display + PartialEq + 'static,
{
    let value: T = ok(text);
    let exposed = format!("{value:#?}");
    assert!(!exposed.contains(password), "{exposed}");
    assert!(!value.to_string().contains(password), "{value}");
    let again: T = ok(&expose(&value));
    assert_eq!(again, value, "round trip of {text:?}");
}

/// `expose_url` of any URL type, through `Display` of the canonical string.
fn expose<T: std::fmt::Debug + 'static>(value: &T) -> String {
    let any = value as &dyn std::any::Any;
    if let Some(u) = any.downcast_ref::<PostgresUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<MysqlUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<RedisUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<AmqpUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<MongoUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<HttpUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<SmtpUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<SqliteUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<DatabaseUrl>() {
        u.expose_url().to_owned()
    } else {
        unreachable!("not a URL type")
    }
}
