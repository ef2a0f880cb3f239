//! A value its field's type rejects: a problem in the report, or, for a
//! field with `#[config(invalid = "unset")]`, a warning and the field read
//! as unset.

use std::ffi::OsStr;

use super::slot::Slot;
use super::{Field, Mode, Walker};
use crate::error::{quote_value, Error, ErrorKind};
use crate::loaded::{Origin, Warning};
use crate::value::ValueError;

impl Walker<'_> {
    /// Records that the current variable's value was rejected: a problem,
    /// or with `invalid = "unset"` a warning; `true` when the field is then
    /// to be read as unset.
    #[cold]
    #[inline(never)]
    pub(super) fn reject(
        &mut self,
        field: &Field,
        slot: &mut dyn Slot,
        raw: &OsStr,
        origin: &Origin,
        error: &ValueError,
    ) -> bool {
        let problem = self.rejection(field, slot, raw, origin, error);
        if let Some(warn) = field.on_invalid() {
            warn(self, field, problem, slot.secret());
            return true;
        }
        self.errors.push(problem);
        false
    }

    /// The problem of a rejected value, under the name the operator set.
    fn rejection(
        &self,
        field: &Field,
        slot: &mut dyn Slot,
        raw: &OsStr,
        origin: &Origin,
        error: &ValueError,
    ) -> Error {
        let kind = invalid(slot, raw, error);
        let (var, note) = match origin {
            Origin::File(path) => (
                self.var().to_owned(),
                Some(format!(
                    "read from {} named by {}",
                    quote_value(&path.to_string_lossy()),
                    self.file_var()
                )),
            ),
            // The operator set a deprecated name or a fallback, not this
            // variable: the report names what was typed, and what for.
            Origin::Alias(name) | Origin::Fallback(name) => {
                let what = match origin {
                    Origin::Alias(_) => "a deprecated name",
                    _ => "the fallback",
                };
                (name.clone(), Some(format!("{what} of {}", self.var())))
            }
            _ => (self.var().to_owned(), self.given_by()),
        };
        let error = Error::new(var, self.field_path(field), kind);
        match note {
            Some(note) => error.with_note(note),
            None => error,
        }
    }

    /// For a value found under the variable's own name in a layered
    /// source, where it was given when that was not the environment: a
    /// note for its report entry.
    fn given_by(&self) -> Option<String> {
        let Mode::Load { source, .. } = self.mode else {
            return None;
        };
        source.__given_by(self.var())
    }
}

/// Warns about a value rejected for a field with
/// `#[config(invalid = "unset")]`: `problem`, which the report would have
/// given, and what the field uses instead (a secret's default unshown).
/// The derive names it for such fields only, so that other programs do
/// not carry it.
pub fn warn_invalid(walker: &mut Walker<'_>, field: &Field, problem: Error, secret: bool) {
    walker.warn(Warning::invalid_unset(&problem, &field.when_unset(secret)));
}

/// The problem for a default written in the program that its type
/// rejects: a bug, reported with the default and the reason, except a
/// secret's (the reason may quote it; the field's name and type are enough
/// to find the line).
#[cold]
#[inline(never)]
pub(super) fn invalid_default(parser: &dyn Slot, default: &str, error: &ValueError) -> ErrorKind {
    let (default, reason) = if parser.secret() {
        (None, None)
    } else {
        (Some(default.to_owned()), Some(error.reason().to_owned()))
    };
    ErrorKind::InvalidDefault {
        default,
        expected: parser.expected().into_owned(),
        reason,
    }
}

/// The problem for a rejected value, showing only what may be shown.
///
/// The slot may be left holding a value parsed from the trimmed text,
/// which nothing reads: its field has failed.
fn invalid(parser: &mut dyn Slot, raw: &OsStr, error: &ValueError) -> ErrorKind {
    let expected = parser.expected();
    let Some(text) = raw.to_str() else {
        return ErrorKind::invalid(None, expected, Some(error.reason().to_owned()));
    };
    if parser.secret() {
        let reason = error
            .shown_for_secret(text)
            .then(|| error.reason().to_owned());
        return ErrorKind::invalid(None, expected, reason.filter(|r| !r.is_empty()));
    }
    let shown = parser.redact(text).map(|t| quote_value(&t));
    let mut reason = error.reason().to_owned();
    let trimmed = crate::parse::trim(text);
    if trimmed.len() != text.len() && parser.parse(OsStr::new(trimmed)).is_ok() {
        reason.push_str("; the value has leading or trailing whitespace");
    }
    ErrorKind::invalid(shown, expected, Some(reason).filter(|r| !r.is_empty()))
}
