//! Key-value lists (`KEY=VAL,KEY2=VAL2`) for `HashMap` and `BTreeMap` fields.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ffi::OsStr;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

use crate::parse::{trim, Parse};
use crate::value::ValueError;

/// A map a key-value list can fill: `HashMap` or `BTreeMap`.
pub trait MapLike: Default {
    /// The key type.
    type Key;
    /// The value type.
    type Value;

    /// Inserts a pair; `false` when the key was already there (the map is
    /// left unchanged then).
    fn insert_new(&mut self, key: Self::Key, value: Self::Value) -> bool;
}

impl<K: Eq + Hash, V, S: BuildHasher + Default> MapLike for HashMap<K, V, S> {
    type Key = K;
    type Value = V;

    #[inline]
    fn insert_new(&mut self, key: K, value: V) -> bool {
        match self.entry(key) {
            std::collections::hash_map::Entry::Occupied(_) => false,
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(value);
                true
            }
        }
    }
}

impl<K: Ord, V> MapLike for BTreeMap<K, V> {
    type Key = K;
    type Value = V;

    #[inline]
    fn insert_new(&mut self, key: K, value: V) -> bool {
        match self.entry(key) {
            std::collections::btree_map::Entry::Occupied(_) => false,
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(value);
                true
            }
        }
    }
}

/// Parses `KEY=VALUE` pairs separated by `separator` into a map
/// (`HashMap<K, V>` and `BTreeMap<K, V>` fields).
///
/// - Pairs are split at `separator` (`,` by default), each pair at the
///   first `kv_separator` (`=` by default); keys and values are trimmed.
///   A value may contain further `kv_separator`s: `A=x=y` maps `A` to `x=y`.
/// - The empty text is the empty map; an empty pair (`a=1,,b=2`), a pair
///   without `kv_separator` and an empty key are errors. An empty value is
///   passed to the value type, which decides.
/// - A key given twice is an error: the two settings would silently
///   override each other, and which one wins is a guess.
/// - A backslash escapes either separator (`a\,b=1` has the key `a,b`;
///   `k\=1=v` has the key `k=1`) and itself (`\\`); before any other
///   character it is kept, as in lists.
/// - A `separator` made of whitespace splits at any run of whitespace (no
///   escapes then), as in lists.
pub struct Map<M, KP, VP, const SKIP_EMPTY: bool = false> {
    key: KP,
    value: VP,
    separator: &'static str,
    kv_separator: &'static str,
    marker: PhantomData<fn() -> M>,
}

impl<M, KP, VP> Map<M, KP, VP> {
    /// A map of `key` and `value` parsers with the two separators.
    #[inline]
    pub const fn new(
        key: KP,
        value: VP,
        separator: &'static str,
        kv_separator: &'static str,
    ) -> Self {
        Map::with(key, value, separator, kv_separator)
    }
}

impl<M, KP, VP> Map<M, KP, VP, true> {
    /// `#[config(skip_empty_items)]`: a map whose empty pairs (`a=1,,b=2`,
    /// a trailing separator) are left out rather than reported. A type of
    /// its own, as for [`List`](crate::parse::List).
    #[inline]
    pub const fn skipping_empty(
        key: KP,
        value: VP,
        separator: &'static str,
        kv_separator: &'static str,
    ) -> Self {
        Map::with(key, value, separator, kv_separator)
    }
}

impl<M, KP, VP, const SKIP_EMPTY: bool> Map<M, KP, VP, SKIP_EMPTY> {
    #[inline]
    const fn with(key: KP, value: VP, separator: &'static str, kv_separator: &'static str) -> Self {
        Map {
            key,
            value,
            separator,
            kv_separator,
            marker: PhantomData,
        }
    }
}

/// One pair's text before parsing.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum RawPair {
    Pair(String, String),
    Empty,
    NoSeparator,
}

/// Splits `text` into pairs, honouring `\` escapes of both separators.
#[inline]
pub(crate) fn split_map(text: &str, separator: &str, kv_separator: &str) -> Vec<RawPair> {
    if trim(text).is_empty() {
        return Vec::new();
    }
    let whitespace = separator.is_empty() || separator.chars().all(char::is_whitespace);
    let mut pairs = Vec::new();
    let mut key = String::new();
    let mut value: Option<String> = None;
    let mut rest = text;
    let finish = |key: &mut String, value: &mut Option<String>, pairs: &mut Vec<RawPair>| {
        let k = std::mem::take(key);
        pairs.push(match value.take() {
            Some(v) => RawPair::Pair(trim(&k).to_owned(), trim(&v).to_owned()),
            None if trim(&k).is_empty() => RawPair::Empty,
            None => RawPair::NoSeparator,
        });
    };
    let at_separator = |rest: &str| -> Option<usize> {
        if whitespace {
            let n = rest.len() - rest.trim_start().len();
            (n > 0).then_some(n)
        } else {
            rest.starts_with(separator).then_some(separator.len())
        }
    };
    if whitespace {
        rest = trim(rest);
    }
    while let Some(c) = rest.chars().next() {
        if c == '\\' && !whitespace {
            let after = &rest[1..];
            if let Some(tail) = after.strip_prefix(separator) {
                value.as_mut().unwrap_or(&mut key).push_str(separator);
                rest = tail;
                continue;
            }
            if let Some(tail) = after.strip_prefix(kv_separator) {
                value.as_mut().unwrap_or(&mut key).push_str(kv_separator);
                rest = tail;
                continue;
            }
            if let Some(tail) = after.strip_prefix('\\') {
                value.as_mut().unwrap_or(&mut key).push('\\');
                rest = tail;
                continue;
            }
        } else if let Some(n) = at_separator(rest) {
            finish(&mut key, &mut value, &mut pairs);
            rest = &rest[n..];
            continue;
        } else if value.is_none() && rest.starts_with(kv_separator) {
            value = Some(String::new());
            rest = &rest[kv_separator.len()..];
            continue;
        }
        value.as_mut().unwrap_or(&mut key).push(c);
        rest = &rest[c.len_utf8()..];
    }
    finish(&mut key, &mut value, &mut pairs);
    pairs
}

impl<M, KP, VP, const SKIP_EMPTY: bool> Parse for Map<M, KP, VP, SKIP_EMPTY>
where
    M: MapLike<Key = KP::Output, Value = VP::Output>,
    KP: Parse,
    VP: Parse,
{
    type Output = M;

    #[inline]
    fn secret(&self) -> bool {
        self.key.secret() || self.value.secret()
    }

    #[inline]
    fn expected(&self) -> Cow<'static, str> {
        let separator = if self.separator.chars().all(char::is_whitespace) {
            "spaces".to_owned()
        } else {
            format!("{:?}", self.separator)
        };
        format!(
            "KEY{kv}VALUE pairs separated by {separator}{}, keys: {}, values: {}",
            if SKIP_EMPTY {
                " (empty pairs skipped)"
            } else {
                ""
            },
            self.key.expected(),
            self.value.expected(),
            kv = self.kv_separator,
        )
        .into()
    }

    #[inline]
    fn parse(&self, raw: &OsStr) -> Result<M, ValueError> {
        let text = raw.to_str().ok_or_else(ValueError::not_unicode)?;
        let mut map = M::default();
        let mut seen: Vec<String> = Vec::new();
        for (i, pair) in split_map(text, self.separator, self.kv_separator)
            .into_iter()
            .enumerate()
        {
            let n = i + 1;
            let (key, value) = match pair {
                RawPair::Pair(key, value) => (key, value),
                RawPair::Empty if SKIP_EMPTY => continue,
                RawPair::Empty => return Err(ValueError::new(format!("pair {n} is empty"))),
                RawPair::NoSeparator => {
                    return Err(ValueError::new(format!(
                        "pair {n} has no {:?} between key and value",
                        self.kv_separator
                    )))
                }
            };
            if key.is_empty() {
                return Err(ValueError::new(format!("pair {n} has an empty key")));
            }
            if let Some(first) = seen.iter().position(|k| *k == key) {
                return Err(ValueError::new(format!(
                    "pair {n} repeats the key of pair {}",
                    first + 1
                )));
            }
            let parsed_key = self
                .key
                .parse(OsStr::new(&key))
                .map_err(|e| e.at(format_args!("key of pair {n}")))?;
            let parsed_value = self
                .value
                .parse(OsStr::new(&value))
                .map_err(|e| e.at(format_args!("value of pair {n}")))?;
            if !map.insert_new(parsed_key, parsed_value) {
                return Err(ValueError::new(format!(
                    "pair {n} repeats a key given before"
                )));
            }
            seen.push(key);
        }
        Ok(map)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        if self.secret() {
            return None;
        }
        let pairs = split_map(text, self.separator, self.kv_separator);
        let mut changed = false;
        let mut shown = Vec::with_capacity(pairs.len());
        for pair in &pairs {
            match pair {
                RawPair::Pair(key, value) => {
                    let value = self.value.redact(value)?;
                    changed |= matches!(value, Cow::Owned(_));
                    shown.push(format!("{key}{}{value}", self.kv_separator));
                }
                _ => return Some(Cow::Borrowed(text)),
            }
        }
        if changed {
            Some(Cow::Owned(shown.join(self.separator)))
        } else {
            Some(Cow::Borrowed(text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Value;

    fn pairs(text: &str, sep: &str, kv: &str) -> Vec<(String, String)> {
        split_map(text, sep, kv)
            .into_iter()
            .map(|p| match p {
                RawPair::Pair(k, v) => (k, v),
                other => panic!("{text:?}: {other:?}"),
            })
            .collect()
    }

    fn p(k: &str, v: &str) -> (String, String) {
        (k.to_owned(), v.to_owned())
    }

    #[test]
    fn splits_pairs_trims_and_unescapes() {
        assert_eq!(
            pairs("a=1, b = 2 ,c=3", ",", "="),
            [p("a", "1"), p("b", "2"), p("c", "3")]
        );
        assert_eq!(pairs("", ",", "="), []);
        assert_eq!(pairs("  ", ",", "="), []);
        assert_eq!(pairs("a=x=y", ",", "="), [p("a", "x=y")]);
        assert_eq!(pairs("a=", ",", "="), [p("a", "")]);
        assert_eq!(pairs(r"a\,b=1,c=2", ",", "="), [p("a,b", "1"), p("c", "2")]);
        assert_eq!(pairs(r"k\=1=v", ",", "="), [p("k=1", "v")]);
        assert_eq!(
            pairs(r"k=C:\dir\\,x=\q", ",", "="),
            [p("k", r"C:\dir\"), p("x", r"\q")]
        );
        assert_eq!(pairs("a:1;b:2", ";", ":"), [p("a", "1"), p("b", "2")]);
        assert_eq!(pairs("a=>1&&b=>2", "&&", "=>"), [p("a", "1"), p("b", "2")]);
        assert_eq!(
            pairs(" a=1  b=2\tc=3 ", " ", "="),
            [p("a", "1"), p("b", "2"), p("c", "3")]
        );
        assert_eq!(pairs("é=ü", ",", "="), [p("é", "ü")]);
        assert_eq!(
            split_map("a=1,,b", ",", "="),
            [
                RawPair::Pair("a".into(), "1".into()),
                RawPair::Empty,
                RawPair::NoSeparator
            ]
        );
    }

    fn hash_map() -> Map<HashMap<String, u16>, Value<String>, Value<u16>> {
        Map::new(Value::new(), Value::new(), ",", "=")
    }

    #[test]
    fn fills_hash_and_btree_maps() {
        let map = hash_map().parse(OsStr::new("a=1, b=2")).unwrap();
        assert_eq!(map.len(), 2);
        assert_eq!(map["a"], 1);
        assert_eq!(map["b"], 2);
        let btree: Map<BTreeMap<u8, String>, Value<u8>, Value<String>> =
            Map::new(Value::new(), Value::new(), ";", ":");
        let map = btree.parse(OsStr::new("2:b;1:a")).unwrap();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [(1, "a".to_owned()), (2, "b".to_owned())]
        );
        assert!(hash_map().parse(OsStr::new("")).unwrap().is_empty());
    }

    #[test]
    fn reports_the_failing_pair() {
        let reason = |text: &str| {
            hash_map()
                .parse(OsStr::new(text))
                .unwrap_err()
                .reason()
                .to_owned()
        };
        assert_eq!(
            reason("a=1,b=x"),
            "value of pair 2: invalid digit found in string"
        );
        assert_eq!(reason("a=1,,b=2"), "pair 2 is empty");
        assert_eq!(reason("a=1,b"), "pair 2 has no \"=\" between key and value");
        assert_eq!(reason("=1"), "pair 1 has an empty key");
        assert_eq!(reason("a=1,b=2,a=3"), "pair 3 repeats the key of pair 1");
        assert_eq!(reason("a=1,"), "pair 2 is empty");
        assert_eq!(
            reason("a="),
            "value of pair 1: cannot parse integer from empty string"
        );
        let keyed: Map<HashMap<u8, String>, Value<u8>, Value<String>> =
            Map::new(Value::new(), Value::new(), ",", "=");
        assert_eq!(
            keyed.parse(OsStr::new("300=x")).unwrap_err().reason(),
            "key of pair 1: number too large to fit in target type"
        );
        // Different texts, same key once parsed.
        assert_eq!(
            keyed.parse(OsStr::new("1=a,01=b")).unwrap_err().reason(),
            "pair 2 repeats a key given before"
        );
    }

    #[test]
    fn describes_itself() {
        assert_eq!(
            hash_map().expected(),
            "KEY=VALUE pairs separated by \",\", keys: text, values: integer 0..=65535"
        );
        let spaced: Map<HashMap<String, String>, Value<String>, Value<String>> =
            Map::new(Value::new(), Value::new(), " ", ":");
        assert_eq!(
            spaced.expected(),
            "KEY:VALUE pairs separated by spaces, keys: text, values: text"
        );
        assert!(!hash_map().secret());
        let secret: Map<
            HashMap<String, crate::SecretString>,
            Value<String>,
            Value<crate::SecretString>,
        > = Map::new(Value::new(), Value::new(), ",", "=");
        assert!(secret.secret());
        assert_eq!(secret.redact("a=b"), None);
        assert_eq!(hash_map().redact("a=1").as_deref(), Some("a=1"));
    }

    #[cfg(feature = "url")]
    #[test]
    fn a_map_of_urls_masks_every_password() {
        let urls: Map<BTreeMap<String, url::Url>, Value<String>, Value<url::Url>> =
            Map::new(Value::new(), Value::new(), ",", "=");
        let text = "main=http://u:s3cret@h,replica=http://r:hunter2@k";
        let shown = urls.redact(text).unwrap();
        assert!(
            !shown.contains("s3cret") && !shown.contains("hunter2"),
            "{shown}"
        );
        assert_eq!(shown, "main=http://u:***@h/,replica=http://r:***@k/");
        // Without a password the text is shown as it is.
        let plain = "main=http://h/";
        assert!(matches!(urls.redact(plain), Some(Cow::Borrowed(t)) if t == plain));
    }
}
