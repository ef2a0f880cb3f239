//! What operators are told a field expects in the program's own words:
//! `#[config(expected = "...")]`.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};

use crate::parse::Parse;
use crate::value::ValueError;

/// A parser described in the program's words (`#[config(expected = "...")]`):
/// reports and every schema format say `expected` instead of the parser's
/// own description.
pub struct Described<P> {
    inner: P,
    expected: &'static str,
}

impl<P> Described<P> {
    /// `inner`, described as `expected`.
    pub const fn new(inner: P, expected: &'static str) -> Self {
        Described { inner, expected }
    }
}

impl<P: Parse> Parse for Described<P> {
    type Output = P::Output;

    fn secret(&self) -> bool {
        self.inner.secret()
    }

    fn expected(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.expected)
    }

    fn choices(&self) -> &'static [&'static str] {
        self.inner.choices()
    }

    fn parse(&self, raw: &OsStr) -> Result<P::Output, ValueError> {
        self.inner.parse(raw)
    }

    fn parse_str(&self, text: &str) -> Result<P::Output, ValueError> {
        self.inner.parse_str(text)
    }

    fn take(&self, raw: OsString) -> Result<P::Output, OsString> {
        self.inner.take(raw)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        self.inner.redact(text)
    }

    fn credential(&self) -> bool {
        self.inner.credential()
    }

    fn show(&self, value: &P::Output) -> Option<String> {
        self.inner.show(value)
    }
}
