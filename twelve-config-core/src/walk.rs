//! The walk over a configuration's fields that both loads and describes it.
//!
//! The derive generates one function per struct, `__visit`, that calls
//! [`required`], [`optional`], [`nested`] or [`optional_nested`] once per
//! field. The same walk either loads values (collecting every problem) or
//! records each variable's schema, so the two can never disagree about names.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::PathBuf;

use crate::error::{quote_value, Error, ErrorKind};
use crate::load::{Origin, ResolvedVar, Warning};
use crate::parse::Parse;
use crate::rule::Problems;
use crate::schema::VarSchema;
use crate::source::Source;
use crate::value::ValueError;
use crate::Config;

/// A `_FILE` variable may name a file of at most this many bytes; a secret is
/// small, and a mistaken path such as `/dev/zero` must not hang the start.
pub(crate) const FILE_MAX_BYTES: u64 = 1 << 20;

/// The separator that joins nested prefixes unless a struct chooses another.
pub(crate) const DEFAULT_NESTED_SEPARATOR: &str = "_";

/// What the derive knows about a value field.
///
/// The field's strings share one `text`, read through the accessors: a
/// service has one of these statics per field, and in a position-independent
/// executable every pointer in a static costs a relocation entry (24 bytes
/// on x86-64) on top of its own 16.
#[derive(Debug)]
pub struct Field {
    /// The variable's name, the field's identifier and its doc comment, one
    /// after another.
    pub text: &'static str,
    /// The length of the variable's name in `text`.
    pub name_len: u32,
    /// The length of the identifier, which follows the name.
    pub ident_len: u32,
    /// How much of the name is the struct's own prefix: the rest is the
    /// field's part, which a nested struct puts after its own prefix.
    pub prefix_len: u32,
    /// `#[config(env = "...")]`: the name is exactly this, never prefixed.
    pub exact: bool,
    /// `#[config(default = ...)]`, as the text a variable would hold.
    pub default: Option<&'static str>,
    /// `#[config(allow_empty)]`.
    pub allow_empty: bool,
    /// `#[config(file)]` on the field or its struct.
    pub file: bool,
    /// `#[config(alias = ...)]`, deprecated names.
    pub aliases: &'static [&'static str],
}

impl Field {
    /// The variable's name when the struct is the one loaded: its prefix,
    /// then the field's part.
    #[inline]
    pub fn name(&self) -> &'static str {
        let text: &'static str = self.text;
        text.get(..self.name_len as usize).unwrap_or_default()
    }

    /// The field's part of the name, which follows the prefix.
    pub fn suffix(&self) -> &'static str {
        self.part(self.prefix_len, self.name_len)
    }

    /// The field's identifier.
    pub fn ident(&self) -> &'static str {
        self.part(self.name_len, self.name_len.saturating_add(self.ident_len))
    }

    /// The doc comment.
    pub fn doc(&self) -> &'static str {
        self.part(self.name_len.saturating_add(self.ident_len), u32::MAX)
    }

    /// `text[start..end]`, `end` capped at its length; empty when the range
    /// is not one (the derive always writes one).
    #[inline]
    fn part(&self, start: u32, end: u32) -> &'static str {
        let text = self.text;
        let end = text.len().min(end as usize);
        text.get(start as usize..end).unwrap_or_default()
    }
}

/// What the derive knows about a nested field.
#[derive(Debug)]
pub struct Nested {
    /// The field's identifier.
    pub ident: &'static str,
    /// The field's name in SCREAMING_SNAKE_CASE, the default prefix segment.
    pub segment: &'static str,
    /// `#[config(nested, prefix = "...")]`: replaces segment and separator.
    pub prefix: Option<&'static str>,
    /// The doc comment.
    pub doc: &'static str,
}

enum Mode<'s> {
    Load {
        source: &'s dyn Source,
        trace: Option<Trace>,
        warnings: Vec<Warning>,
    },
    Describe {
        vars: Vec<VarSchema>,
        /// [`record_schema`], reached through a pointer that only
        /// [`Walker::describe`] sets, so that a program which never
        /// describes a configuration does not carry it.
        record: fn(&mut Walker<'_>, &Field, &dyn Slot, bool),
    },
}

/// Where each value of a traced load came from.
struct Trace {
    vars: Vec<ResolvedVar>,
    record: RecordTrace,
}

type RecordTrace = fn(&mut Walker<'_>, &Field, &dyn Slot, Option<&OsStr>, Origin);

/// What a load passes to be traced: [`TRACE`], or `None`.
///
/// The tracing code is reached through a pointer that only the loads which
/// trace name, for the same reason as `Mode::Describe::record`: a program
/// that never traces does not carry it. A `bool` would not do: the code
/// behind it would be compiled into every load.
#[derive(Clone, Copy)]
pub(crate) struct Tracer(RecordTrace);

/// Traces a load: [`Loaded::vars`](crate::Loaded::vars).
pub(crate) const TRACE: Option<Tracer> = Some(Tracer(record_trace));

/// Walks a configuration's fields, loading or describing them.
pub struct Walker<'s> {
    mode: Mode<'s>,
    /// The source, while fields can be read the plain way: loading,
    /// untraced, outside optional groups.
    plain_source: Option<&'s dyn Source>,
    /// Whether the source is the process environment: plain reads then call
    /// `std::env::var_os` directly, a value moved rather than converted.
    process_env: bool,
    prefix: String,
    separator: &'static str,
    path: String,
    /// The current variable's name when it is known in full at compile
    /// time: an `env` name, or any name of the struct loaded at the top.
    fixed: Option<&'static str>,
    /// Otherwise the name built from the prefix; reused so that a load
    /// allocates no name.
    name: String,
    /// Whether `name` starts with the current `prefix`, so that the next
    /// prefixed name only replaces what follows it.
    name_prefixed: bool,
    /// Whether the walk is in the struct it started from, whose prefix the
    /// derive knew.
    at_top: bool,
    errors: Vec<Error>,
    /// Inside an optional group: the variables found set so far.
    group: Option<Vec<String>>,
    /// Inside an optional group while describing: the group's prefix.
    group_prefix: Option<String>,
}

/// A value found for a variable, with where it came from.
struct Found<'s> {
    raw: Cow<'s, OsStr>,
    origin: Origin,
}

enum Lookup<'s> {
    Found(Found<'s>),
    Unset,
    Failed,
}

impl<'s> Walker<'s> {
    fn new(mode: Mode<'s>, prefix: &str, separator: Option<&'static str>) -> Self {
        let plain_source = match &mode {
            Mode::Load {
                source,
                trace: None,
                ..
            } => Some(*source),
            _ => None,
        };
        Walker {
            mode,
            process_env: plain_source.is_some_and(|s| s.__is_process_env()),
            plain_source,
            prefix: prefix.to_owned(),
            separator: separator.unwrap_or(DEFAULT_NESTED_SEPARATOR),
            path: String::new(),
            fixed: None,
            name: String::new(),
            name_prefixed: false,
            at_top: true,
            errors: Vec::new(),
            group: None,
            group_prefix: None,
        }
    }

    /// A walk that loads `T` from `source`, recording where each value came
    /// from when `trace` is [`TRACE`].
    pub(crate) fn load<T: Config>(source: &'s dyn Source, trace: Option<Tracer>) -> Self {
        let trace = trace.map(|Tracer(record)| Trace {
            vars: Vec::new(),
            record,
        });
        let mode = Mode::Load {
            source,
            trace,
            warnings: Vec::new(),
        };
        Walker::new(mode, T::__PREFIX, T::__SEPARATOR)
    }

    /// A walk that describes `T`.
    pub(crate) fn describe<T: Config>() -> Self {
        let mode = Mode::Describe {
            vars: Vec::new(),
            record: record_schema,
        };
        Walker::new(mode, T::__PREFIX, T::__SEPARATOR)
    }

    /// The problems, the resolved variables and the warnings of a load.
    pub(crate) fn finish_load(self) -> (Vec<Error>, Vec<ResolvedVar>, Vec<Warning>) {
        match self.mode {
            Mode::Load {
                trace, warnings, ..
            } => (
                self.errors,
                trace.map(|t| t.vars).unwrap_or_default(),
                warnings,
            ),
            Mode::Describe { .. } => (self.errors, Vec::new(), Vec::new()),
        }
    }

    /// The variables of a description.
    pub(crate) fn finish_describe(self) -> Vec<VarSchema> {
        match self.mode {
            Mode::Describe { vars, .. } => vars,
            Mode::Load { .. } => Vec::new(),
        }
    }

    #[inline]
    fn set_name(&mut self, field: &Field) {
        if field.exact || self.at_top {
            self.fixed = Some(field.name());
        } else {
            self.build_name(field.suffix());
        }
    }

    /// Names a nested struct's field: its prefix, known at run time only,
    /// then its suffix.
    #[inline(never)]
    fn build_name(&mut self, suffix: &str) {
        self.fixed = None;
        if self.name_prefixed {
            self.name.truncate(self.prefix.len());
        } else {
            self.name.clear();
            self.name.push_str(&self.prefix);
            self.name_prefixed = true;
        }
        self.name.push_str(suffix);
    }

    /// The current variable's name.
    fn var(&self) -> &str {
        self.fixed.unwrap_or(&self.name)
    }

    fn field_path(&self, field: &Field) -> String {
        format!("{}{}", self.path, field.ident())
    }

    fn error(&mut self, var: String, field: &Field, kind: ErrorKind) {
        let path = self.field_path(field);
        self.errors.push(Error::new(var, path, kind));
    }

    fn warn(&mut self, warning: Warning) {
        if let Mode::Load { warnings, .. } = &mut self.mode {
            warnings.push(warning);
        }
    }

    fn file_var(&self) -> String {
        format!("{}_FILE", self.var())
    }

    /// Finds the current variable's value: the variable itself, a deprecated
    /// alias, or the file its `_FILE` variable names.
    fn lookup(&mut self, source: &'s dyn Source, field: &Field, secret: bool) -> Lookup<'s> {
        let present = |v: &Cow<'_, OsStr>| field.allow_empty || !v.is_empty();
        let mut found = source.get(self.var()).filter(present).map(|raw| Found {
            raw,
            origin: Origin::Env,
        });
        // The variable the value came from, when it is not `self.var()`;
        // the common case allocates no copy of the name.
        let mut found_var: Option<String> = None;
        for &alias in field.aliases {
            let Some(raw) = source.get(alias).filter(present) else {
                continue;
            };
            if found.is_some() {
                let kind = ErrorKind::conflict(alias);
                let var = found_var.unwrap_or_else(|| self.var().to_owned());
                self.error(var, field, kind);
                return Lookup::Failed;
            }
            let warning = Warning::deprecated(alias, self.var());
            self.warn(warning);
            found = Some(Found {
                raw,
                origin: Origin::Alias(alias.to_owned()),
            });
            found_var = Some(alias.to_owned());
        }
        if field.file || secret {
            let file_var = self.file_var();
            if let Some(path) = source.get(&file_var).filter(|p| !p.is_empty()) {
                if found.is_some() {
                    let var = found_var.unwrap_or_else(|| self.var().to_owned());
                    self.error(var, field, ErrorKind::conflict(file_var));
                    return Lookup::Failed;
                }
                let path = PathBuf::from(path.into_owned());
                match read_secret_file(&path, field.allow_empty) {
                    Ok(raw) => {
                        found = Some(Found {
                            raw: Cow::Owned(raw),
                            origin: Origin::File(path),
                        });
                        found_var = Some(file_var);
                    }
                    Err(reason) => {
                        self.error(file_var, field, ErrorKind::file(path, reason));
                        return Lookup::Failed;
                    }
                }
            }
        }
        match found {
            Some(found) => {
                if let Some(group) = &mut self.group {
                    group.push(
                        found_var.unwrap_or_else(|| self.fixed.unwrap_or(&self.name).to_owned()),
                    );
                }
                Lookup::Found(found)
            }
            None => Lookup::Unset,
        }
    }

    /// Parses a found value into the slot; false when it was rejected. Not
    /// inlined: one copy serves every field type.
    #[inline(never)]
    fn parse_found(
        &mut self,
        field: &Field,
        slot: &mut dyn Slot,
        secret: bool,
        found: Found<'s>,
    ) -> bool {
        let Found { raw, origin } = found;
        if !secret && !self.tracing() {
            return match slot.load(raw) {
                Ok(()) => true,
                Err((raw, error)) => {
                    self.reject(field, slot, &raw, &origin, &error);
                    false
                }
            };
        }
        // Secrets keep the borrowing path so that their text is wiped, and a
        // traced load keeps it to show the value.
        let parsed = match slot.parse(&raw) {
            Ok(()) => {
                self.trace(field, slot, Some(&raw), origin);
                true
            }
            Err(error) => {
                self.reject(field, slot, &raw, &origin, &error);
                false
            }
        };
        if secret {
            wipe(raw);
        }
        parsed
    }

    /// Records that the current variable's value was rejected.
    #[cold]
    #[inline(never)]
    fn reject(
        &mut self,
        field: &Field,
        slot: &mut dyn Slot,
        raw: &OsStr,
        origin: &Origin,
        error: &ValueError,
    ) {
        let kind = self.invalid(slot, raw, error);
        let note = match origin {
            Origin::File(path) => Some(format!(
                "read from {} named by {}",
                quote_value(&path.to_string_lossy()),
                self.file_var()
            )),
            Origin::Alias(alias) => Some(format!("read from deprecated {alias}")),
            _ => None,
        };
        let mut error = Error::new(self.var().to_owned(), self.field_path(field), kind);
        if let Some(note) = note {
            error = error.with_note(note);
        }
        self.errors.push(error);
    }

    /// The problem for a rejected value, showing only what may be shown.
    ///
    /// The slot may be left holding a value parsed from the trimmed text,
    /// which nothing reads: its field has failed.
    fn invalid(&self, parser: &mut dyn Slot, raw: &OsStr, error: &ValueError) -> ErrorKind {
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

    fn parse_default(
        &mut self,
        field: &Field,
        parser: &mut dyn Slot,
        default: &'static str,
    ) -> bool {
        match parser.parse(OsStr::new(default)) {
            Ok(()) => {
                self.trace(field, parser, Some(OsStr::new(default)), Origin::Default);
                true
            }
            Err(error) => {
                let kind = ErrorKind::invalid_default(default, parser.expected(), error.reason());
                self.error(self.var().to_owned(), field, kind);
                false
            }
        }
    }

    /// Looks up the current field's variable when it is a plain one: its
    /// only source is its own variable, and the load records nothing about
    /// it. That is most fields, so [`read`] parses them on the spot: `Ok`
    /// is a value the process environment holds, all else is for
    /// [`read_other`](Self::read_other).
    #[inline(never)]
    fn plain(&mut self, field: &Field, secret: bool) -> Result<OsString, Plain<'s>> {
        self.set_name(field);
        let Some(source) = self.plain_source else {
            return Err(Plain::Other);
        };
        if !field.aliases.is_empty() || field.file || secret {
            return Err(Plain::Other);
        }
        if self.process_env {
            return match std::env::var_os(self.var()) {
                Some(raw) if field.allow_empty || !raw.is_empty() => Ok(raw),
                _ => Err(Plain::Unset),
            };
        }
        match source.get(self.var()) {
            Some(raw) if field.allow_empty || !raw.is_empty() => Err(Plain::Found(raw)),
            _ => Err(Plain::Unset),
        }
    }

    /// Finishes reading a field after [`plain`](Self::plain) when [`read`]
    /// did not parse it on the spot: a value found in a [`Source`] other
    /// than the process environment, one that [`read`] rejected, an unset
    /// variable, or a field that needs [`read_full`](Self::read_full). Not
    /// generic: one copy serves every field type.
    #[inline(never)]
    fn read_other(
        &mut self,
        plain: Plain<'s>,
        field: &Field,
        slot: &mut dyn Slot,
        required: bool,
        secret: bool,
    ) -> Outcome {
        match plain {
            Plain::Found(raw) => {
                let found = Found {
                    raw,
                    origin: Origin::Env,
                };
                if self.parse_found(field, slot, false, found) {
                    Outcome::Value
                } else {
                    Outcome::Failed
                }
            }
            Plain::Invalid(raw, error) => {
                self.reject(field, slot, &raw, &Origin::Env, &error);
                Outcome::Failed
            }
            Plain::Unset => self.unset(field, slot, required),
            Plain::Other => self.read_full(field, slot, required, secret),
        }
    }

    /// Reads a field that is not [`plain`](Self::plain): describes it, or
    /// finds, parses and traces its value, recording any problem. Compiled
    /// once for every field type; only [`Slot`] is generic.
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
            Mode::Describe { record, .. } => {
                record(self, field, slot, required && field.default.is_none());
                return Outcome::Failed;
            }
        };
        match self.lookup(source, field, secret) {
            Lookup::Found(found) => {
                if self.parse_found(field, slot, secret, found) {
                    Outcome::Value
                } else {
                    Outcome::Failed
                }
            }
            Lookup::Unset => self.unset(field, slot, required),
            Lookup::Failed => Outcome::Failed,
        }
    }

    /// Handles a field whose variable is unset: its default, a missing
    /// variable, or an optional field's `None`.
    #[inline(never)]
    fn unset(&mut self, field: &Field, slot: &mut dyn Slot, required: bool) -> Outcome {
        match field.default {
            Some(default) if self.parse_default(field, slot, default) => Outcome::Value,
            Some(_) => Outcome::Failed,
            None if required => {
                let kind = ErrorKind::missing(slot.expected());
                self.error(self.var().to_owned(), field, kind);
                Outcome::Failed
            }
            None => {
                self.trace(field, slot, None, Origin::Unset);
                Outcome::Unset
            }
        }
    }

    /// Whether this load records where each value came from.
    fn tracing(&self) -> bool {
        matches!(self.mode, Mode::Load { trace: Some(_), .. })
    }

    /// Records where a value came from, when this load traces.
    #[inline]
    fn trace(&mut self, field: &Field, parser: &dyn Slot, raw: Option<&OsStr>, origin: Origin) {
        if let Mode::Load {
            trace: Some(Trace { record, .. }),
            ..
        } = self.mode
        {
            record(self, field, parser, raw, origin);
        }
    }

    fn enter(
        &mut self,
        nested: &Nested,
        separator: Option<&'static str>,
    ) -> (usize, usize, &'static str, bool) {
        let saved = (
            self.prefix.len(),
            self.path.len(),
            self.separator,
            self.at_top,
        );
        self.name_prefixed = false;
        self.at_top = false;
        match nested.prefix {
            Some(prefix) => self.prefix.push_str(prefix),
            None => {
                self.prefix.push_str(nested.segment);
                self.prefix.push_str(self.separator);
            }
        }
        self.path.push_str(nested.ident);
        self.path.push('.');
        if let Some(separator) = separator {
            self.separator = separator;
        }
        saved
    }

    fn leave(&mut self, (prefix, path, separator, at_top): (usize, usize, &'static str, bool)) {
        self.at_top = at_top;
        self.prefix.truncate(prefix);
        self.name_prefixed = false;
        self.path.truncate(path);
        self.separator = separator;
    }
}

/// Records the current variable of a describing walk.
fn record_schema(walker: &mut Walker<'_>, field: &Field, parser: &dyn Slot, required: bool) {
    let secret = parser.secret();
    let var = VarSchema {
        name: walker.var().to_owned(),
        field: walker.field_path(field),
        expected: parser.expected().into_owned(),
        choices: parser.choices(),
        required,
        default: field.default,
        secret,
        description: field.doc(),
        file_var: (field.file || secret).then(|| walker.file_var()),
        aliases: field.aliases,
        group: walker.group_prefix.clone(),
    };
    if let Mode::Describe { vars, .. } = &mut walker.mode {
        vars.push(var);
    }
}

/// Records where the current variable's value came from in a traced load.
fn record_trace(
    walker: &mut Walker<'_>,
    field: &Field,
    parser: &dyn Slot,
    raw: Option<&OsStr>,
    origin: Origin,
) {
    let value = raw.and_then(|raw| match raw.to_str() {
        Some(text) => parser.redact(text).map(Cow::into_owned),
        None if parser.secret() => None,
        None => Some(raw.to_string_lossy().into_owned()),
    });
    let resolved = ResolvedVar {
        name: walker.var().to_owned(),
        field: walker.field_path(field),
        origin,
        value,
        secret: parser.secret(),
    };
    if let Mode::Load {
        trace: Some(trace), ..
    } = &mut walker.mode
    {
        trace.vars.push(resolved);
    }
}

/// Reads a secret file: at most [`FILE_MAX_BYTES`], one trailing `\n` or
/// `\r\n` removed.
fn read_secret_file(path: &std::path::Path, allow_empty: bool) -> Result<OsString, String> {
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    // A plain loop rather than `Read::read_to_end`, whose general version
    // adds 2 KB to every program for the few bytes of a secret.
    let mut buffer = [0u8; 4096];
    while bytes.len() as u64 <= FILE_MAX_BYTES {
        match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                use zeroize::Zeroize;
                bytes.zeroize();
                buffer.zeroize();
                return Err(e.to_string());
            }
        }
    }
    {
        use zeroize::Zeroize;
        buffer.zeroize();
    }
    if bytes.len() as u64 > FILE_MAX_BYTES {
        use zeroize::Zeroize;
        bytes.zeroize();
        return Err(format!("larger than {FILE_MAX_BYTES} bytes"));
    }
    if bytes.ends_with(b"\r\n") {
        bytes.truncate(bytes.len() - 2);
    } else if bytes.ends_with(b"\n") {
        bytes.truncate(bytes.len() - 1);
    }
    if bytes.is_empty() && !allow_empty {
        return Err("the file is empty".to_owned());
    }
    bytes_to_os_string(bytes)
}

#[cfg(unix)]
fn bytes_to_os_string(bytes: Vec<u8>) -> Result<OsString, String> {
    use std::os::unix::ffi::OsStringExt;
    Ok(OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn bytes_to_os_string(bytes: Vec<u8>) -> Result<OsString, String> {
    String::from_utf8(bytes)
        .map(OsString::from)
        .map_err(|mut e| {
            use zeroize::Zeroize;
            let mut bytes = std::mem::take(&mut e).into_bytes();
            bytes.zeroize();
            "not valid UTF-8".to_owned()
        })
}

/// Overwrites a secret's raw text that this crate owns before freeing it.
fn wipe(raw: Cow<'_, OsStr>) {
    use zeroize::Zeroize;
    if let Cow::Owned(raw) = raw {
        raw.into_encoded_bytes().zeroize();
    }
}

/// What [`Walker::plain`] leaves to [`Walker::read_other`].
enum Plain<'s> {
    /// A value from a [`Source`] other than the process environment.
    Found(Cow<'s, OsStr>),
    /// A value from the process environment that [`read`] rejected.
    Invalid(OsString, ValueError),
    Unset,
    /// The field needs [`Walker::read_full`].
    Other,
}

/// What [`Walker::read_full`] did with a field.
enum Outcome {
    /// The slot holds the value.
    Value,
    /// An optional field's variable is unset.
    Unset,
    /// A problem was recorded, or the walk only describes.
    Failed,
}

/// A parser with a place for its output: the object-safe view of a
/// [`Parse`] that lets one non-generic [`Walker::read_full`] serve every type.
trait Slot {
    fn secret(&self) -> bool;
    fn expected(&self) -> Cow<'static, str>;
    fn choices(&self) -> &'static [&'static str];
    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>>;
    /// Parses `raw` into the slot, moving an owned value in without a copy
    /// when the type keeps the text as it is; gives `raw` back on error.
    ///
    /// The one parsing method, so that each field type adds one function
    /// to a program rather than one per use.
    fn load<'r>(&mut self, raw: Cow<'r, OsStr>) -> Result<(), (Cow<'r, OsStr>, ValueError)>;
}

impl dyn Slot + '_ {
    /// Parses `raw` into the slot.
    fn parse(&mut self, raw: &OsStr) -> Result<(), ValueError> {
        self.load(Cow::Borrowed(raw)).map_err(|(_, error)| error)
    }
}

struct Output<'p, P: Parse> {
    parser: &'p P,
    value: Option<P::Output>,
}

impl<P: Parse> Slot for Output<'_, P> {
    fn secret(&self) -> bool {
        self.parser.secret()
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

/// Reads one field: `Some(Some(_))` for a value, `Some(None)` for an
/// optional field whose variable is unset, `None` when a problem was
/// recorded or the walk only describes.
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
    let mut slot = Output {
        parser,
        value: None,
    };
    let secret = parser.secret();
    let outcome = match walker.plain(field, secret) {
        // What `Output::load` does, spelled out on the concrete parser: this
        // is the hot path of `from_env`, and going through the slot and a
        // `Cow` measured about 1% more instructions per load.
        Ok(raw) => match parser.take(raw) {
            Ok(value) => return Some(Some(value)),
            Err(raw) => match parser.parse(&raw) {
                Ok(value) => return Some(Some(value)),
                // Reported by the code shared by all types.
                Err(error) => walker.read_other(
                    Plain::Invalid(raw, error),
                    field,
                    &mut slot,
                    required,
                    secret,
                ),
            },
        },
        Err(other) => walker.read_other(other, field, &mut slot, required, secret),
    };
    match outcome {
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

/// Loads an `Option` field: `Some(None)` when its variable is unset, `None`
/// when a problem was recorded.
#[inline]
pub fn optional<P: Parse>(
    walker: &mut Walker<'_>,
    field: &Field,
    parser: &P,
) -> Option<Option<P::Output>> {
    read(walker, field, parser, false)
}

/// Loads a `#[config(nested)]` field.
pub fn nested<T: Config>(walker: &mut Walker<'_>, nested: &Nested) -> Option<T> {
    let saved = walker.enter(nested, T::__SEPARATOR);
    let value = T::__visit(walker);
    walker.leave(saved);
    value
}

/// Loads an `Option<T>` `#[config(nested)]` field: an optional group that is
/// `None` when none of its variables is set, and loads fully otherwise.
pub fn optional_nested<T: Config>(walker: &mut Walker<'_>, group: &Nested) -> Option<Option<T>> {
    if let Mode::Describe { .. } = walker.mode {
        let outer = walker.group_prefix.take();
        let saved = walker.enter(group, T::__SEPARATOR);
        walker.group_prefix = Some(format!("{}*", walker.prefix));
        walker.leave(saved);
        nested::<T>(walker, group);
        walker.group_prefix = outer;
        return None;
    }
    let errors_before = walker.errors.len();
    let trace_before = match &walker.mode {
        Mode::Load { trace: Some(t), .. } => t.vars.len(),
        _ => 0,
    };
    let outer = walker.group.replace(Vec::new());
    // A group records which of its variables are set: no plain reads.
    let plain_source = walker.plain_source.take();
    let value = nested::<T>(walker, group);
    walker.plain_source = plain_source;
    let enablers = std::mem::replace(&mut walker.group, outer).unwrap_or_default();
    if enablers.is_empty() {
        walker.errors.truncate(errors_before);
        if let Mode::Load { trace: Some(t), .. } = &mut walker.mode {
            t.vars.truncate(trace_before);
        }
        return Some(None);
    }
    let note = format!(
        "the optional group {} is enabled because {} {} set",
        group.ident,
        enablers.join(", "),
        if enablers.len() == 1 { "is" } else { "are" }
    );
    for error in &mut walker.errors[errors_before..] {
        if let ErrorKind::Missing { .. } = error.kind() {
            *error = error.clone().with_note(note.clone());
        }
    }
    if let Some(outer) = &mut walker.group {
        outer.extend(enablers);
    }
    value.map(Some)
}

/// Runs a struct's `#[config(validate = ...)]` function on its loaded value.
///
/// Its problems fail the load, but the rules of enclosing structs still run.
pub fn validate<T>(
    walker: &mut Walker<'_>,
    value: T,
    rule: fn(&T) -> Result<(), Problems>,
    fields: &[&Field],
) -> Option<T> {
    let Err(problems) = rule(&value) else {
        return Some(value);
    };
    let problems = problems.into_list();
    if problems.is_empty() {
        // `Err(Problems::new())`: the value is rejected, and a failed load
        // always has at least one error to say so.
        let vars = format!("{}*", walker.prefix);
        let path = walker.path.trim_end_matches('.').to_owned();
        let message = "rejected by the validation rule, which named no problem".to_owned();
        walker
            .errors
            .push(Error::new(vars, path, ErrorKind::Rule { message }));
        return None;
    }
    for (involved, message) in problems {
        let mut vars = Vec::new();
        let mut paths = Vec::new();
        for name in involved {
            match fields.iter().find(|f| f.ident() == name) {
                Some(field) => {
                    walker.set_name(field);
                    vars.push(walker.var().to_owned());
                    paths.push(walker.field_path(field));
                }
                None => vars.push(name),
            }
        }
        let kind = ErrorKind::Rule { message };
        walker
            .errors
            .push(Error::new(vars.join(", "), paths.join(", "), kind));
    }
    // The load fails on these problems; the value still goes up so that
    // the rules of the structs around this one run too and the report
    // lists every problem.
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::Field;

    const fn field(text: &'static str, name_len: u32, ident_len: u32, prefix_len: u32) -> Field {
        Field {
            text,
            name_len,
            ident_len,
            prefix_len,
            exact: false,
            default: None,
            allow_empty: false,
            file: false,
            aliases: &[],
        }
    }

    #[test]
    fn a_field_reads_its_strings_from_one_text() {
        let f = field("APP_HTTP_PORThttp_portThe port.", 13, 9, 4);
        assert_eq!(f.name(), "APP_HTTP_PORT");
        assert_eq!(f.suffix(), "HTTP_PORT");
        assert_eq!(f.ident(), "http_port");
        assert_eq!(f.doc(), "The port.");
        let bare = field("PORTport", 4, 4, 0);
        assert_eq!(
            (bare.name(), bare.suffix(), bare.doc()),
            ("PORT", "PORT", "")
        );
    }

    #[test]
    fn lengths_that_do_not_fit_the_text_give_empty_strings() {
        let f = field("NAMEé", 5, 9, 7);
        assert_eq!(f.name(), "", "5 is inside é");
        assert_eq!(f.suffix(), "");
        assert_eq!(f.ident(), "");
        assert_eq!(field("AB", 9, 9, 9).doc(), "");
    }
}
