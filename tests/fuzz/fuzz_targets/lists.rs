//! `Vec<T>` fields: list parsing with several separators and item types.
//!
//! The first byte picks the separator and the item type. Checked: no panic;
//! the items read back the same when written again (escaped and joined);
//! an error names the failing item; redaction of a list of URLs masks every
//! password and a list of secrets shows nothing.
#![no_main]

use std::ffi::OsStr;
use std::fmt::Debug;
use std::net::SocketAddr;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use twelve_config::__private::{List, Parse, Value};
use twelve_config::{EnvValue, ExposeSecret, SecretString};
use twelve_config_fuzz::loader::Format;
use twelve_config_fuzz::{escape_item, os, split_first};

const SEPARATORS: [&str; 5] = [",", ";", " ", "::", "|"];

/// Parses, then writes the items back (with `show`) and parses again.
fn check<T: EnvValue + PartialEq + Debug>(
    raw: &[u8],
    separator: &'static str,
    show: impl Fn(&T) -> String,
) -> Option<Vec<T>> {
    let list = List::new(Value::<T>::new(), separator);
    let result = list.parse(os(raw));
    let items = match result {
        Ok(items) => items,
        Err(error) => {
            let reason = error.reason();
            assert!(
                reason.starts_with("item ") || error.is_not_unicode(),
                "list error without the item: {reason:?}"
            );
            return None;
        }
    };
    let whitespace = separator.trim().is_empty();
    let mut shown = Vec::with_capacity(items.len());
    for item in &items {
        let text = show(item);
        if whitespace && text.contains(char::is_whitespace) {
            // Items of a whitespace-separated list cannot hold whitespace.
            return Some(items);
        }
        shown.push(if whitespace {
            text
        } else {
            escape_item(&text, separator)
        });
    }
    let joined = shown.join(&format!(" {separator} "));
    let again = list
        .parse(OsStr::new(&joined))
        .unwrap_or_else(|e| panic!("{items:?} written as {joined:?} does not parse: {e}"));
    assert_eq!(again, items, "written as {joined:?}");
    Some(items)
}

fuzz_target!(|data: &[u8]| {
    let Some((selector, raw)) = split_first(data) else {
        return;
    };
    let separator = SEPARATORS[usize::from(selector % 5)];
    match (selector / 5) % 7 {
        0 => {
            check::<u16>(raw, separator, u16::to_string);
        }
        1 => {
            if let Some(items) = check::<String>(raw, separator, String::clone) {
                for item in &items {
                    assert!(!item.is_empty(), "an empty item was accepted");
                    assert_eq!(item.trim(), item, "an item was not trimmed");
                }
            }
        }
        2 => {
            check::<SocketAddr>(raw, separator, SocketAddr::to_string);
        }
        3 => {
            check::<Duration>(raw, separator, |d| {
                humantime::format_duration(*d).to_string()
            });
        }
        4 => {
            check::<Format>(raw, separator, |f| f.spelling().to_owned());
        }
        5 => {
            let list = List::new(Value::<url::Url>::new(), separator);
            if let Ok(text) = std::str::from_utf8(raw) {
                // The list shows each item as the URL type shows it (the
                // url target checks that no password survives that), the
                // items being those that parsing sees.
                let shown = list.redact(text).expect("a list of URLs is shown");
                let texts = List::new(Value::<String>::new(), separator);
                if let Ok(items) = texts.parse(OsStr::new(text)) {
                    let expected: Vec<String> = items
                        .iter()
                        .map(|i| url::Url::redact(i).expect("a URL is shown").into_owned())
                        .collect();
                    if shown == text {
                        assert_eq!(expected, items, "{text:?} shown unchanged");
                    } else {
                        let again = texts.parse(OsStr::new(shown.as_ref()));
                        assert_eq!(again, Ok(expected), "{text:?} shown as {shown:?}");
                    }
                }
            }
            // `file:` URLs do not always read back (see the url target).
            let has_file_url = list
                .parse(os(raw))
                .is_ok_and(|urls| urls.iter().any(|u| u.scheme() == "file"));
            if !has_file_url {
                check::<url::Url>(raw, separator, url::Url::to_string);
            }
        }
        _ => {
            let list = List::new(Value::<SecretString>::new(), separator);
            if let Ok(text) = std::str::from_utf8(raw) {
                assert!(list.redact(text).is_none(), "a list of secrets is shown");
            }
            if let Ok(items) = list.parse(os(raw)) {
                assert!(items.iter().all(|s| !s.expose_secret().is_empty()));
            }
        }
    }
});
