//! The type-erased view of a field's parser: what lets one non-generic
//! reading path ([`Walker::read_full`](super::Walker)) serve every field
//! type, while each type adds only its own small `load` to a program.

use std::borrow::Cow;
use std::ffi::OsStr;

use super::file::{read_value_file, ReadFile};
use crate::parse::Parse;
use crate::value::ValueError;

/// A parser with a place for its output: the object-safe view of a
/// [`Parse`] that lets one non-generic [`Walker::read_full`] serve every type.
pub(super) trait Slot {
    fn secret(&self) -> bool;
    fn credential(&self) -> bool;
    fn expected(&self) -> Cow<'static, str>;
    fn choices(&self) -> &'static [&'static str];
    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>>;
    /// The reader of `_FILE` files for a secret type, which reads them
    /// unless told not to; `None` for other types. Named only by the secret
    /// types' code, so that a program without secrets (or `file` fields)
    /// carries no file reading.
    fn read_file(&self) -> Option<ReadFile>;
    /// Parses `raw` into the slot, moving an owned value in without a copy
    /// when the type keeps the text as it is; gives `raw` back on error.
    ///
    /// The one parsing method, so that each field type adds one function
    /// to a program rather than one per use.
    fn load<'r>(&mut self, raw: Cow<'r, OsStr>) -> Result<(), (Cow<'r, OsStr>, ValueError)>;
}

impl dyn Slot + '_ {
    /// Parses `raw` into the slot.
    pub(super) fn parse(&mut self, raw: &OsStr) -> Result<(), ValueError> {
        self.load(Cow::Borrowed(raw)).map_err(|(_, error)| error)
    }
}

pub(super) struct Output<'p, P: Parse> {
    pub(super) parser: &'p P,
    pub(super) value: Option<P::Output>,
}

impl<P: Parse> Slot for Output<'_, P> {
    fn secret(&self) -> bool {
        self.parser.secret()
    }

    fn credential(&self) -> bool {
        self.parser.credential()
    }

    fn expected(&self) -> Cow<'static, str> {
        self.parser.expected()
    }

    fn choices(&self) -> &'static [&'static str] {
        self.parser.choices()
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        self.parser.redact(text)
    }

    fn read_file(&self) -> Option<ReadFile> {
        if self.parser.secret() {
            Some(read_value_file)
        } else {
            None
        }
    }

    fn load<'r>(&mut self, raw: Cow<'r, OsStr>) -> Result<(), (Cow<'r, OsStr>, ValueError)> {
        let raw = match raw {
            Cow::Owned(raw) => match self.parser.take(raw) {
                Ok(value) => {
                    self.value = Some(value);
                    return Ok(());
                }
                Err(raw) => Cow::Owned(raw),
            },
            borrowed => borrowed,
        };
        match self.parser.parse(&raw) {
            Ok(value) => {
                self.value = Some(value);
                Ok(())
            }
            Err(error) => Err((raw, error)),
        }
    }
}
