//! Reading one value field: from the environment (its variable, an alias,
//! a fallback, or the file its `_FILE` variable names) to a parsed value,
//! recording every problem.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use super::file::{wipe, ReadFile};
use super::slot::{Output, Slot};
use super::{Empty, Field, Mode, Walker};
use crate::error::{Error, ErrorKind};
use crate::loaded::{Origin, Warning};
use crate::parse::Parse;
use crate::source::Source;
use crate::value::ValueError;

/// Reads one field: `Some(Some(_))` for a value, `Some(None)` for a field
/// whose variable is unset and has no default (or holds the `none`
/// spelling), `None` when a problem was recorded or the walk only
/// describes.
///
/// A plain field found in the process environment is parsed here, where
/// the parser's type is known; all else goes through the non-generic
/// [`Walker::read_other`]. Never inlined: the derive calls it once per
/// field, and one copy per field type keeps the program small.
#[inline(never)]
fn read<P: Parse>(
    walker: &mut Walker<'_>,
    field: &Field,
    parser: &P,
    required: bool,
) -> Option<Option<P::Output>> {
    let secret = parser.secret();
    // The hot path of `from_env`: a plain field of the struct loaded,
    // looked up by the name the derive wrote, and parsed here where the
    // parser's type is known. `secret` is a constant of the type, so the
    // check costs a field nothing unless it is a secret; the walker's name
    // is set only when something reads it, in `read_other`. (`direct` is
    // off in nested structs, the only ones that inherit `file`.)
    let found = if walker.direct && field.plain && !(secret && field.file.is_none()) {
        match std::env::var_os(field.name) {
            Some(raw) if field.empty == Empty::Value || !raw.is_empty() => Ok(raw),
            found => Err(Plain::Unset(found.is_some())),
        }
    } else {
        walker.plain(field, secret)
    };
    let other = match found {
        // What `Output::load` does, spelled out on the concrete parser:
        // going through the slot and a `Cow` measured about 1% more
        // instructions per load.
        Ok(raw) => match parser.take(raw) {
            Ok(value) => return Some(Some(value)),
            Err(raw) => match parser.parse(&raw) {
                Ok(value) => return Some(Some(value)),
                // Reported by the code shared by all types.
                Err(error) => Plain::Invalid(raw, error),
            },
        },
        Err(other) => other,
    };
    let mut slot = Output {
        parser,
        value: None,
    };
    match walker.read_other(other, field, &mut slot, required, secret) {
        Outcome::Value => Some(slot.value),
        Outcome::Unset => Some(None),
        Outcome::Failed => None,
    }
}

/// Loads a field that must have a value (from its variable or its default):
/// `Some(Some(value))`, or `None` when a problem was recorded.
///
/// The value stays in the shape `read` returns, so that `__visit` stores
/// it as it comes: turning it into `Option<T>` here cost each field of a
/// struct some 20 bytes of code.
#[inline]
pub fn required<P: Parse>(
    walker: &mut Walker<'_>,
    field: &Field,
    parser: &P,
) -> Option<Option<P::Output>> {
    read(walker, field, parser, true)
}

/// Loads an `Option` field, or a field whose default is computed:
/// `Some(None)` when its variable is unset (or holds its `none` text),
/// `None` when a problem was recorded.
#[inline]
pub fn optional<P: Parse>(
    walker: &mut Walker<'_>,
    field: &Field,
    parser: &P,
) -> Option<Option<P::Output>> {
    read(walker, field, parser, false)
}

/// A value found for a variable, with where it came from.
struct Found<'s> {
    raw: Cow<'s, OsStr>,
    origin: Origin,
}

enum Lookup<'s> {
    Found(Found<'s>),
    /// Unset; `true` when the variable is set but empty.
    Unset(bool),
    Failed,
}

/// What [`Walker::plain`] leaves to [`Walker::read_other`].
enum Plain<'s> {
    /// A value from a [`Source`](crate::Source) other than the process
    /// environment.
    Found(Cow<'s, OsStr>),
    /// A value from the process environment that [`read`] rejected.
    Invalid(OsString, ValueError),
    /// Unset; `true` when set but empty.
    Unset(bool),
    /// The field needs [`Walker::read_full`].
    Other,
}

/// What [`Walker::read_full`] did with a field.
enum Outcome {
    /// The slot holds the value.
    Value,
    /// The variable is unset, or holds the `none` text.
    Unset,
    /// A problem was recorded, or the walk only describes.
    Failed,
}

impl<'s> Walker<'s> {
    /// Looks up the current field's variable when it is a plain one: its
    /// only source is its own variable, and the load records nothing about
    /// it. [`read`] looks up the plain fields of a struct loaded from the
    /// process environment itself; this serves the rest: `Ok` is a value
    /// the process environment holds, all else is for
    /// [`read_other`](Self::read_other).
    #[inline(never)]
    fn plain(&mut self, field: &Field, secret: bool) -> Result<OsString, Plain<'s>> {
        let Some(source) = self.plain_source else {
            return Err(Plain::Other);
        };
        // A field without a `file` of its own or its struct's reads `_FILE`
        // when it is a secret or an enclosing struct has `file`.
        if !field.plain || ((secret || self.file.is_some()) && field.file.is_none()) {
            return Err(Plain::Other);
        }
        self.set_name(field);
        let empty_is_value = field.empty == Empty::Value;
        if self.process_env {
            return match std::env::var_os(self.var()) {
                Some(raw) if empty_is_value || !raw.is_empty() => Ok(raw),
                found => Err(Plain::Unset(found.is_some())),
            };
        }
        match source.get(self.var()) {
            Some(raw) if empty_is_value || !raw.is_empty() => Err(Plain::Found(raw)),
            found => Err(Plain::Unset(found.is_some())),
        }
    }

    /// Finishes reading a field after [`plain`](Self::plain) when [`read`]
    /// did not parse it on the spot. Not generic: one copy serves every
    /// field type.
    #[inline(never)]
    fn read_other(
        &mut self,
        plain: Plain<'s>,
        field: &Field,
        slot: &mut dyn Slot,
        required: bool,
        secret: bool,
    ) -> Outcome {
        // The hot path in `read` leaves the name unset.
        self.set_name(field);
        match plain {
            Plain::Found(raw) => {
                let found = Found {
                    raw,
                    origin: Origin::Env,
                };
                self.parse_found(field, slot, false, found, required)
            }
            Plain::Invalid(raw, error) => {
                self.rejected(field, slot, &raw, &Origin::Env, &error, required)
            }
            Plain::Unset(empty) => self.unset(field, slot, required, empty),
            Plain::Other => self.read_full(field, slot, required, secret),
        }
    }

    /// Reads a field that is not [`plain`](Self::plain): describes it, or
    /// finds, parses and traces its value, recording any problem.
    #[inline(never)]
    fn read_full(
        &mut self,
        field: &Field,
        slot: &mut dyn Slot,
        required: bool,
        secret: bool,
    ) -> Outcome {
        let source = match &self.mode {
            Mode::Load { source, .. } => *source,
            Mode::Describe => {
                self.record_schema(field, slot, required);
                return Outcome::Failed;
            }
        };
        let read_file = field.file_reader(slot.read_file(), self.file);
        match self.lookup(source, field, read_file) {
            Lookup::Found(found) => {
                if field
                    .none()
                    .is_some_and(|none| found.raw.eq_ignore_ascii_case(none))
                {
                    self.trace(field, slot, Some(&found.raw), &found.origin);
                    return Outcome::Unset;
                }
                self.parse_found(field, slot, secret, found, required)
            }
            Lookup::Unset(empty) => self.unset(field, slot, required, empty),
            Lookup::Failed => Outcome::Failed,
        }
    }

    /// Finds the current variable's value: the variable itself, a deprecated
    /// alias, a fallback, or the file its `_FILE` variable names, read by
    /// `read_file` when the field reads one. Any of them set turns the
    /// current optional group on, whatever becomes of the value.
    fn lookup(
        &mut self,
        source: &'s dyn Source,
        field: &Field,
        read_file: Option<ReadFile>,
    ) -> Lookup<'s> {
        let empty_is_value = field.empty == Empty::Value;
        let present = |v: &Cow<'_, OsStr>| empty_is_value || !v.is_empty();
        let mut empty = false;
        let mut found = match source.get(self.var()) {
            Some(raw) if present(&raw) => Some(Found {
                raw,
                origin: self.env_origin(source),
            }),
            Some(_) => {
                empty = true;
                None
            }
            None => None,
        };
        // The variable the value came from, when it is not `self.var()`;
        // the common case allocates no copy of the name.
        let mut found_var: Option<String> = None;
        if let Some(found) = &found {
            self.mark_current_set(field, &found.raw);
        }
        for &alias in field.aliases() {
            let Some(raw) = source.get(alias).filter(present) else {
                continue;
            };
            self.mark_set(alias, field, &raw);
            if found.is_some() {
                let var = found_var.unwrap_or_else(|| self.var().to_owned());
                self.error(var, field, ErrorKind::conflict(alias));
                return Lookup::Failed;
            }
            self.warn(Warning::deprecated(alias, self.var()));
            found = Some(Found {
                raw,
                origin: Origin::Alias(alias.to_owned()),
            });
            found_var = Some(alias.to_owned());
        }
        if let Some(read_file) = read_file {
            let file_var = self.file_var();
            if let Some(path) = source.get(&file_var).filter(|p| !p.is_empty()) {
                // Set, whatever the file holds: the group is on to report
                // a conflict or a file that cannot be read.
                self.mark_set(&file_var, field, OsStr::new(""));
                if found.is_some() {
                    let var = found_var.unwrap_or_else(|| self.var().to_owned());
                    self.error(var, field, ErrorKind::conflict(file_var));
                    return Lookup::Failed;
                }
                let path = PathBuf::from(path.into_owned());
                match read_file(&path, empty_is_value) {
                    Ok(raw) => {
                        found = Some(Found {
                            raw: Cow::Owned(raw),
                            origin: Origin::File(path),
                        });
                    }
                    Err(reason) => {
                        self.error(file_var, field, ErrorKind::file(path, reason));
                        return Lookup::Failed;
                    }
                }
            }
        }
        if found.is_none() {
            for &fallback in field.fallbacks() {
                if let Some(raw) = source.get(fallback).filter(present) {
                    self.mark_set(fallback, field, &raw);
                    found = Some(Found {
                        raw,
                        origin: Origin::Fallback(fallback.to_owned()),
                    });
                    break;
                }
            }
        }
        match found {
            Some(found) => {
                if empty {
                    if field.empty == Empty::Error {
                        // A problem whatever is set in its place, reported
                        // as for an unset field; what was read in its
                        // place (a file, maybe a secret) is wiped.
                        wipe(found.raw);
                        return Lookup::Unset(true);
                    }
                    // Read in its place (the origin `--print-config` shows).
                    self.warn_empty("it is treated as unset");
                }
                Lookup::Found(found)
            }
            None => Lookup::Unset(empty),
        }
    }

    /// Parses a found value into the slot. Not inlined: one copy serves
    /// every field type.
    #[inline(never)]
    fn parse_found(
        &mut self,
        field: &Field,
        slot: &mut dyn Slot,
        secret: bool,
        found: Found<'s>,
        required: bool,
    ) -> Outcome {
        let Found { raw, origin } = found;
        if !secret && !self.tracing() {
            return match slot.load(raw) {
                Ok(()) => Outcome::Value,
                Err((raw, error)) => self.rejected(field, slot, &raw, &origin, &error, required),
            };
        }
        // Secrets keep the borrowing path so that their text is wiped, and a
        // traced load keeps it to show the value.
        let outcome = match slot.parse(&raw) {
            Ok(()) => {
                self.trace(field, slot, Some(&raw), &origin);
                Outcome::Value
            }
            Err(error) => {
                let outcome = self.rejected(field, slot, &raw, &origin, &error, required);
                // Listed as set, though rejected: an optional group that
                // stays off lists it as not used, the problem being its own.
                if let Outcome::Failed = outcome {
                    self.trace(field, slot, Some(&raw), &origin);
                }
                outcome
            }
        };
        if secret {
            wipe(raw);
        }
        outcome
    }

    /// After a value was rejected ([`reject`](Self::reject)): the field
    /// failed, or with `invalid = "unset"` reads as unset.
    fn rejected(
        &mut self,
        field: &Field,
        slot: &mut dyn Slot,
        raw: &OsStr,
        origin: &Origin,
        error: &ValueError,
        required: bool,
    ) -> Outcome {
        if self.reject(field, slot, raw, origin, error) {
            self.unset(field, slot, required, false)
        } else {
            Outcome::Failed
        }
    }

    /// Handles a field whose variable is unset (or set but empty): its
    /// default, a problem, or nothing for an optional field and for a
    /// computed default, which the derive computes once the fields it
    /// reads have loaded.
    #[inline(never)]
    fn unset(
        &mut self,
        field: &Field,
        slot: &mut dyn Slot,
        required: bool,
        empty: bool,
    ) -> Outcome {
        self.mark_current_unset(field, empty);
        if empty {
            if field.empty == Empty::Error {
                let var = self.var().to_owned();
                self.error(var, field, ErrorKind::Empty);
                return Outcome::Failed;
            }
            // Nothing an operator sets is ignored silently: an empty
            // variable counts as unset only with a word saying so (for a
            // required variable, the word is in its problem). A default
            // that is itself empty (an empty list) reads the same text, so
            // what was set is what is used, and there is nothing to say.
            if (field.default.is_some() || !required) && field.default != Some("") {
                self.warn_empty(&field.when_unset(slot.secret()));
            }
        }
        match field.default {
            Some(default) => self.parse_default(field, slot, default),
            None if required => {
                let kind = ErrorKind::missing(slot.expected());
                let var = self.var().to_owned();
                let mut error = Error::new(var, self.field_path(field), kind);
                if empty {
                    error = error.with_note("it is set, but empty".to_owned());
                }
                self.errors.push(error);
                // Shown only if an optional group holding it stays off: a
                // load with a problem shows no values.
                self.trace_unset(field, slot);
                Outcome::Failed
            }
            None => {
                if field.computed().is_none() {
                    self.trace_unset(field, slot);
                }
                Outcome::Unset
            }
        }
    }

    /// Warns that the current variable is set but empty, so that what
    /// applies when it is unset (`uses`: the default, the computed default,
    /// no value, or what is read in its place) applies.
    #[cold]
    #[inline(never)]
    fn warn_empty(&mut self, uses: &str) {
        let warning = Warning::empty(self.var(), uses);
        self.warn(warning);
    }

    /// Records that the current variable is unset, when this load traces.
    fn trace_unset(&mut self, field: &Field, slot: &mut dyn Slot) {
        self.trace(field, slot, None, &Origin::Unset);
    }

    fn parse_default(
        &mut self,
        field: &Field,
        parser: &mut dyn Slot,
        default: &'static str,
    ) -> Outcome {
        match parser.parse(OsStr::new(default)) {
            Ok(()) => {
                self.trace(field, parser, Some(OsStr::new(default)), &Origin::Default);
                Outcome::Value
            }
            Err(error) => {
                let kind = super::reject::invalid_default(parser, default, &error);
                let var = self.var().to_owned();
                self.error(var, field, kind);
                Outcome::Failed
            }
        }
    }

    /// Where a value found under the variable's own name came from: the
    /// environment, or a line of a `.env` file a layered source read.
    /// Asked only when the load records origins.
    fn env_origin(&self, source: &dyn Source) -> Origin {
        if self.tracing() {
            source.origin(self.var()).unwrap_or(Origin::Env)
        } else {
            Origin::Env
        }
    }

    /// Whether this load records where each value came from.
    pub(super) fn tracing(&self) -> bool {
        matches!(self.mode, Mode::Load { trace: Some(_), .. })
    }
}

impl Walker<'_> {
    /// The first name under which the current field is set, not empty
    /// unless empty is a value: its variable, an alias, its `_FILE` (when
    /// `file`) or a fallback. `None` when none is, or the walk describes.
    pub(super) fn set_as(&self, field: &Field, file: bool) -> Option<String> {
        let Mode::Load { source, .. } = &self.mode else {
            return None;
        };
        let present = |name: &str| {
            source
                .get(name)
                .is_some_and(|v| field.empty == Empty::Value || !v.is_empty())
        };
        let file = file.then(|| self.file_var());
        std::iter::once(self.var())
            .chain(field.aliases().iter().copied())
            .chain(file.as_deref())
            .chain(field.fallbacks().iter().copied())
            .find(|name| present(name))
            .map(str::to_owned)
    }
}

/// After a `#[config(deprecated = "...")]` field is read: warns when it is
/// set (its variable, an alias, its `_FILE` or a fallback), under the first
/// of those names that is. The derive calls it for such fields only, so
/// that other programs do not carry it.
pub fn deprecated(walker: &mut Walker<'_>, field: &Field, secret: bool) {
    if walker.describing() {
        return;
    }
    let Some(why) = field.deprecated() else {
        return;
    };
    walker.set_name(field);
    let set = walker.set_as(field, walker.reads_file(field, secret));
    if let Some(var) = set {
        walker.warn(Warning::deprecated_setting(var, why));
    }
}
