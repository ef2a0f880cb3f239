//! Parsers for one field: a value type, a list of them, `from_str` or `with`.
//!
//! The derive picks one parser per field from its type and attributes; the
//! loader and the schema only talk to the [`Parse`] trait.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::marker::PhantomData;

use crate::value::{EnvValue, ValueError};

/// Turns a variable's raw value into a field's value, and describes it.
pub trait Parse {
    /// The field's type (without `Option`).
    type Output;

    /// Whether the values are secret.
    fn secret(&self) -> bool;

    /// What the variable should hold ("integer 0..=65535").
    fn expected(&self) -> Cow<'static, str>;

    /// The fixed spellings accepted, if any.
    fn choices(&self) -> &'static [&'static str] {
        &[]
    }

    /// Parses a raw value.
    fn parse(&self, raw: &OsStr) -> Result<Self::Output, ValueError>;

    /// Parses text already known to be UTF-8, such as a list item.
    fn parse_str(&self, text: &str) -> Result<Self::Output, ValueError> {
        self.parse(OsStr::new(text))
    }

    /// Takes an owned raw value without copying it when the output keeps the
    /// text as it is; otherwise gives it back for [`parse`](Self::parse).
    fn take(&self, raw: OsString) -> Result<Self::Output, OsString> {
        Err(raw)
    }

    /// The part of `text` that may be shown, `None` when nothing may be.
    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>>;

    /// Whether a value may carry a password though it is not secret (URL
    /// types).
    fn credential(&self) -> bool {
        false
    }

    /// The text a variable would hold to give `value`, when the type can
    /// say (a computed default is shown by it).
    fn show(&self, value: &Self::Output) -> Option<String> {
        let _ = value;
        None
    }
}

/// The raw value as text, for parsers that need UTF-8.
fn text(raw: &OsStr) -> Result<&str, ValueError> {
    raw.to_str().ok_or_else(ValueError::not_unicode)
}

/// Parses a type through its [`EnvValue`] implementation.
pub struct Value<T>(PhantomData<fn() -> T>);

impl<T> Value<T> {
    /// The parser for `T`.
    pub const fn new() -> Self {
        Value(PhantomData)
    }
}

impl<T> Default for Value<T> {
    fn default() -> Self {
        Value::new()
    }
}

impl<T: EnvValue> Parse for Value<T> {
    type Output = T;

    fn secret(&self) -> bool {
        T::SECRET
    }

    fn expected(&self) -> Cow<'static, str> {
        T::expected()
    }

    fn choices(&self) -> &'static [&'static str] {
        T::choices()
    }

    fn parse(&self, raw: &OsStr) -> Result<T, ValueError> {
        T::parse_env_os(raw)
    }

    fn parse_str(&self, text: &str) -> Result<T, ValueError> {
        T::parse_env(text)
    }

    fn take(&self, raw: OsString) -> Result<T, OsString> {
        T::take_env_os(raw)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        T::redact(text)
    }

    fn credential(&self) -> bool {
        T::CREDENTIAL
    }

    fn show(&self, value: &T) -> Option<String> {
        value.to_env()
    }
}

/// Parses a type through its `FromStr` implementation (`#[config(from_str)]`).
pub struct FromStrParser<T>(PhantomData<fn() -> T>);

impl<T> FromStrParser<T> {
    /// The parser for `T`.
    pub const fn new() -> Self {
        FromStrParser(PhantomData)
    }
}

impl<T> Default for FromStrParser<T> {
    fn default() -> Self {
        FromStrParser::new()
    }
}

impl<T> Parse for FromStrParser<T>
where
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    type Output = T;

    // Secret types (`SecretString`, `SecretBox`) do not implement `FromStr`.
    fn secret(&self) -> bool {
        false
    }

    fn expected(&self) -> Cow<'static, str> {
        crate::words::in_words(std::any::type_name::<T>()).into()
    }

    fn parse(&self, raw: &OsStr) -> Result<T, ValueError> {
        self.parse_str(text(raw)?)
    }

    fn parse_str(&self, text: &str) -> Result<T, ValueError> {
        text.parse::<T>().map_err(ValueError::from_foreign)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        Some(Cow::Borrowed(text))
    }
}

/// Parses with a function (`#[config(with = path)]`).
pub struct With<F> {
    parse: F,
    name: &'static str,
    secret: bool,
}

impl<F> With<F> {
    /// A parser calling `parse`, described by the function's `name`.
    pub const fn new(parse: F, name: &'static str) -> Self {
        With {
            parse,
            name,
            secret: false,
        }
    }

    /// The same parser for a secret type (`SecretString`, `SecretBox`): its
    /// values are never shown and may come from `_FILE`.
    pub fn secret(self) -> Self {
        With {
            secret: true,
            ..self
        }
    }
}

impl<F, T, E> Parse for With<F>
where
    F: Fn(&str) -> Result<T, E>,
    E: fmt::Display,
{
    type Output = T;

    fn secret(&self) -> bool {
        self.secret
    }

    fn expected(&self) -> Cow<'static, str> {
        let secret = if self.secret { "secret " } else { "" };
        format!("{secret}{}", crate::words::in_words(self.name)).into()
    }

    fn parse(&self, raw: &OsStr) -> Result<T, ValueError> {
        self.parse_str(text(raw)?)
    }

    fn parse_str(&self, text: &str) -> Result<T, ValueError> {
        (self.parse)(text).map_err(ValueError::from_foreign)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        (!self.secret).then_some(Cow::Borrowed(text))
    }
}

/// Parses a list of items separated by `separator` (`Vec<T>` fields).
///
/// Items are trimmed; the empty text is the empty list; an empty item is an
/// error. A backslash escapes the separator (`a\,b` is one item `a,b`) and
/// itself (`\\`); before any other character it is kept. A separator made of
/// whitespace splits at any run of whitespace.
pub struct List<P, const SKIP_EMPTY: bool = false> {
    item: P,
    separator: &'static str,
}

impl<P> List<P> {
    /// A list of `item`s separated by `separator`.
    pub const fn new(item: P, separator: &'static str) -> Self {
        List { item, separator }
    }
}

impl<P> List<P, true> {
    /// `#[config(skip_empty_items)]`: a list whose empty items (`a,,b`, a
    /// trailing separator) are left out rather than reported, as services
    /// that split a `PATH`-like list do. A type of its own, so that lists
    /// that report empty items carry no check for it.
    pub const fn skipping_empty(item: P, separator: &'static str) -> Self {
        List { item, separator }
    }
}

impl<P, const SKIP_EMPTY: bool> List<P, SKIP_EMPTY> {
    /// Parses the item at index `i`, already split and trimmed.
    fn item(&self, i: usize, item: &str) -> Result<P::Output, ValueError>
    where
        P: Parse,
    {
        if item.is_empty() {
            return Err(ValueError::empty_item(i));
        }
        self.item.parse_str(item).map_err(|e| e.at_item(i))
    }
}

/// `text.trim()`, compiled once: `str::trim` is generic underneath, and
/// would be compiled into each place that trims, some 650 bytes each.
#[inline(never)]
pub(crate) fn trim(text: &str) -> &str {
    text.trim()
}

/// Whether `separator` splits at runs of whitespace.
fn splits_on_whitespace(separator: &str) -> bool {
    separator.chars().all(char::is_whitespace)
}

/// The items of a list's text as [`List`] reads them: split at the
/// separator, escapes undone, trimmed.
///
/// Not generic: one copy of the splitting serves every item type, and a
/// list of a new type only adds the loop that parses the items.
pub(crate) struct Items<'t> {
    /// What is left to split; `None` once the last item is out.
    rest: Option<&'t str>,
    separator: &'t str,
    whitespace: bool,
    escapes: bool,
}

impl<'t> Items<'t> {
    pub(crate) fn new(text: &'t str, separator: &'t str) -> Self {
        Items {
            rest: (!trim(text).is_empty()).then_some(text),
            separator,
            whitespace: splits_on_whitespace(separator),
            escapes: text.contains('\\'),
        }
    }

    /// The next item of a list with escapes: `\` before the separator or
    /// before itself escapes it, before anything else it is kept.
    fn unescape(&mut self, text: &'t str) -> Cow<'t, str> {
        let mut item = String::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if c == '\\' {
                let after = &rest[1..];
                if let Some(next) = after.strip_prefix(self.separator) {
                    item.push_str(self.separator);
                    rest = next;
                    continue;
                }
                if let Some(next) = after.strip_prefix('\\') {
                    item.push('\\');
                    rest = next;
                    continue;
                }
            } else if let Some(next) = rest.strip_prefix(self.separator) {
                self.rest = Some(next);
                return Cow::Owned(trim(&item).to_owned());
            }
            item.push(c);
            rest = &rest[c.len_utf8()..];
        }
        self.rest = None;
        Cow::Owned(trim(&item).to_owned())
    }
}

impl<'t> Iterator for Items<'t> {
    type Item = Cow<'t, str>;

    fn next(&mut self) -> Option<Cow<'t, str>> {
        let rest = self.rest?;
        if self.whitespace {
            let rest = rest.trim_start();
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            self.rest = (end < rest.len()).then(|| &rest[end..]);
            return (end > 0).then(|| Cow::Borrowed(&rest[..end]));
        }
        if self.escapes {
            return Some(self.unescape(rest));
        }
        // A one-byte separator (`,`, `;`, `:`) is found with a byte search;
        // a longer one with a plain scan, as fast for a few bytes as the
        // general substring search and 1 KB smaller.
        let separator = self.separator.as_bytes();
        let found = match *separator {
            [byte] => rest.find(char::from(byte)),
            _ => rest
                .as_bytes()
                .windows(separator.len())
                .position(|window| window == separator),
        };
        let item = match found {
            Some(at) => {
                self.rest = Some(&rest[at + self.separator.len()..]);
                &rest[..at]
            }
            None => {
                self.rest = None;
                rest
            }
        };
        Some(Cow::Borrowed(trim(item)))
    }
}

/// The separator as a `char` when [`Items`] would only split `text` at it:
/// one byte, no backslash in `text`, which is not blank.
fn plain_separator(text: &str, separator: &str) -> Option<char> {
    match *separator.as_bytes() {
        [byte]
            if !char::from(byte).is_whitespace()
                && !text.contains('\\')
                && !trim(text).is_empty() =>
        {
            Some(char::from(byte))
        }
        _ => None,
    }
}

/// Splits `text` at `separator`, honouring `\` escapes; items are trimmed.
pub(crate) fn split_list<'t>(text: &'t str, separator: &'t str) -> Vec<Cow<'t, str>> {
    Items::new(text, separator).collect()
}

/// What a list of `item`s separated by `separator` expects.
fn list_expected(item: Cow<'static, str>, separator: &str) -> Cow<'static, str> {
    if splits_on_whitespace(separator) {
        format!("list of {item} separated by spaces").into()
    } else {
        format!("list of {item} separated by {separator:?}").into()
    }
}

/// A list's text with each item redacted by `redact`; `None` when an item
/// may not be shown at all.
fn redact_list<'t>(
    text: &'t str,
    separator: &str,
    redact: &dyn Fn(&str) -> Option<Cow<'_, str>>,
) -> Option<Cow<'t, str>> {
    if !text.contains('\\') {
        return redact_in_place(text, separator, redact).map(Cow::Owned);
    }
    // The items as parsing sees them (escapes undone, whitespace runs
    // split), so that an item holding an escaped separator is redacted
    // whole rather than in pieces.
    let mut changed = false;
    let mut shown = Vec::new();
    for item in split_list(text, separator) {
        let redacted = redact(&item)?;
        changed |= matches!(redacted, Cow::Owned(_));
        shown.push(redacted.into_owned());
    }
    if !changed {
        return Some(Cow::Borrowed(text));
    }
    if splits_on_whitespace(separator) {
        return Some(Cow::Owned(shown.join(" ")));
    }
    let escaped: Vec<String> = shown.iter().map(|i| escape_item(i, separator)).collect();
    // A space on both sides of a separator of several characters, so that
    // an item ending with a piece of it (`a:` before `::`) is not read as
    // the separator.
    let joint = if separator.chars().count() > 1 {
        format!(" {separator} ")
    } else {
        format!("{separator} ")
    };
    Some(Cow::Owned(escaped.join(&joint)))
}

impl<P: Parse, const SKIP_EMPTY: bool> Parse for List<P, SKIP_EMPTY> {
    type Output = Vec<P::Output>;

    fn secret(&self) -> bool {
        self.item.secret()
    }

    fn expected(&self) -> Cow<'static, str> {
        let expected = list_expected(self.item.expected(), self.separator);
        if SKIP_EMPTY {
            format!("{expected} (empty items skipped)").into()
        } else {
            expected
        }
    }

    fn choices(&self) -> &'static [&'static str] {
        self.item.choices()
    }

    fn credential(&self) -> bool {
        self.item.credential()
    }

    fn show(&self, values: &Self::Output) -> Option<String> {
        let items: Option<Vec<String>> = values.iter().map(|v| self.item.show(v)).collect();
        Some(items?.join(self.separator))
    }

    fn parse(&self, raw: &OsStr) -> Result<Self::Output, ValueError> {
        // Not counted first: lists are short, and the first allocation
        // already holds four items.
        let mut values = Vec::new();
        let text = text(raw)?;
        // The common list, split at a one-byte separator with no escapes,
        // is split here, inline: about a third fewer instructions per item.
        if let Some(separator) = plain_separator(text, self.separator) {
            for (i, item) in text.split(separator).enumerate() {
                let item = trim(item);
                if !(SKIP_EMPTY && item.is_empty()) {
                    values.push(self.item(i, item)?);
                }
            }
            return Ok(values);
        }
        for (i, item) in Items::new(text, self.separator).enumerate() {
            if !(SKIP_EMPTY && item.is_empty()) {
                values.push(self.item(i, &item)?);
            }
        }
        Ok(values)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        if self.item.secret() {
            return None;
        }
        // Most item types show their text as it is: then so does the list,
        // and for them this loop compiles to a split with nothing done, so
        // that their lists do not carry the rewriting below.
        for item in Items::new(text, self.separator) {
            match self.item.redact(&item) {
                None => return None,
                Some(Cow::Owned(_)) => {
                    return redact_list(text, self.separator, &|item| self.item.redact(item))
                }
                Some(Cow::Borrowed(_)) => {}
            }
        }
        Some(Cow::Borrowed(text))
    }
}

/// A list's text without escapes, each item replaced by its redacted form
/// where it stands: the separators and spaces shown are the operator's.
fn redact_in_place(
    text: &str,
    separator: &str,
    redact: &dyn Fn(&str) -> Option<Cow<'_, str>>,
) -> Option<String> {
    // Each item is a piece of `text`, as `Items` splits it.
    let items: Vec<&str> = if splits_on_whitespace(separator) {
        text.split_whitespace().collect()
    } else {
        text.split(separator).map(trim).collect()
    };
    let mut shown = String::with_capacity(text.len());
    let mut copied = 0;
    for item in items {
        let start = item.as_ptr() as usize - text.as_ptr() as usize;
        shown.push_str(&text[copied..start]);
        shown.push_str(&redact(item)?);
        copied = start + item.len();
    }
    shown.push_str(&text[copied..]);
    Some(shown)
}

/// Writes an item so that [`split_list`] reads it back: the separator and
/// backslashes escaped.
fn escape_item(item: &str, separator: &str) -> String {
    let mut out = String::with_capacity(item.len());
    let mut rest = item;
    while let Some(c) = rest.chars().next() {
        if let Some(tail) = rest.strip_prefix(separator) {
            out.push('\\');
            out.push_str(separator);
            rest = tail;
            continue;
        }
        if c == '\\' {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests;
