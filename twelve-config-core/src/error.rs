//! Configuration problems and the aggregated report.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

use crate::redact::{mask, mask_passwords};

/// Values longer than this many characters are shortened in reports.
const SHOWN_VALUE_MAX_CHARS: usize = 60;
/// The report aligns messages after names up to this width.
const NAME_COLUMN_MAX: usize = 32;

/// One problem with one variable.
///
/// ```
/// use twelve_config::{Config, ErrorKind};
///
/// #[derive(Config, Debug)]
/// struct Settings {
///     port: u16,
/// }
///
/// let errors = Settings::from_vars([("PORT", "80a")]).unwrap_err();
/// let error = errors.iter().next().unwrap();
/// assert_eq!(error.var(), "PORT");
/// assert_eq!(error.field(), "port");
/// assert!(matches!(error.kind(), ErrorKind::Invalid { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    vars: Vec<String>,
    field: String,
    kind: ErrorKind,
    note: Option<String>,
}

/// What is wrong with a variable.
///
/// Values in it are already redacted: a secret's value is `None`, and the
/// password of any URL in the text it holds (values, reasons, messages) is
/// masked as `scheme://user:***@host`, whatever the field's type.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A required variable is not set (or set to the empty string).
    #[non_exhaustive]
    Missing {
        /// What the variable should hold.
        expected: String,
    },
    /// The variable's value was rejected.
    #[non_exhaustive]
    Invalid {
        /// The rejected value as it may be shown: quoted, shortened, URL
        /// passwords masked; `None` for a secret or a value that is not
        /// valid UTF-8.
        value: Option<String>,
        /// What the variable should hold.
        expected: String,
        /// Why the value was rejected, when that may be shown (URL
        /// passwords masked).
        reason: Option<String>,
    },
    /// The default written in the program does not parse: a bug in the
    /// program, not in the environment.
    #[non_exhaustive]
    InvalidDefault {
        /// The default as written in `#[config(default = ...)]`, URL
        /// passwords masked; `None` for a secret.
        default: Option<String>,
        /// What the variable should hold.
        expected: String,
        /// Why the default was rejected; `None` for a secret, as the
        /// reason may quote the default.
        reason: Option<String>,
    },
    /// Two variables that give the same setting are both set, such as `X` and
    /// `X_FILE`, or a name and its deprecated alias.
    #[non_exhaustive]
    Conflict {
        /// The other variable.
        other: String,
    },
    /// The file named by a `_FILE` variable cannot be used.
    #[non_exhaustive]
    File {
        /// The path the variable names.
        path: PathBuf,
        /// Why it cannot be used.
        reason: String,
    },
    /// A variable carries the configuration's prefix but no field reads it.
    #[non_exhaustive]
    Unknown {
        /// The closest known name, when one is close.
        suggestion: Option<String>,
    },
    /// A rule across fields failed: a presence rule such as
    /// `#[config(at_most_one(..))]`, a `check` or the `validate` function.
    #[non_exhaustive]
    Rule {
        /// The rule's message, URL passwords masked.
        message: String,
    },
    /// The variable is set to the empty string where
    /// `#[config(empty = "error")]` forbids it.
    Empty,
}

impl Error {
    pub(crate) fn new(var: impl Into<String>, field: impl Into<String>, kind: ErrorKind) -> Self {
        let var = var.into();
        let vars = if var.is_empty() {
            Vec::new()
        } else {
            vec![var]
        };
        Error::with_vars(vars, field, kind)
    }

    /// A problem involving several variables, such as a rule's.
    pub(crate) fn with_vars(vars: Vec<String>, field: impl Into<String>, kind: ErrorKind) -> Self {
        let mut kind = kind;
        kind.mask();
        Error {
            vars,
            field: field.into(),
            kind,
            note: None,
        }
    }

    /// Adds a note under the problem. It takes a `String` rather than
    /// `impl Into<String>`: one copy of this function in every program.
    pub(crate) fn with_note(mut self, mut note: String) -> Self {
        mask(&mut note);
        self.note = Some(note);
        self
    }

    /// The variable's full name as it is set in the environment, prefix
    /// included (for `_FILE` problems, the `_FILE` variable). For a rule
    /// involving several variables, the first; see [`vars`](Self::vars).
    pub fn var(&self) -> &str {
        self.vars.first().map_or("", String::as_str)
    }

    /// Every variable the problem involves: one, or those a rule names.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config, Debug)]
    /// #[config(at_most_one(import_dump, import_snapshot))]
    /// struct Settings {
    ///     import_dump: Option<String>,
    ///     import_snapshot: Option<String>,
    /// }
    ///
    /// let errors = Settings::from_vars([("IMPORT_DUMP", "a"), ("IMPORT_SNAPSHOT", "b")])
    ///     .unwrap_err();
    /// let error = errors.get("IMPORT_SNAPSHOT").unwrap();
    /// assert_eq!(error.vars(), ["IMPORT_DUMP", "IMPORT_SNAPSHOT"]);
    /// ```
    pub fn vars(&self) -> &[String] {
        &self.vars
    }

    /// The field's path in the configuration, such as `workers.threads`
    /// (for a rule, the paths of its fields joined by `, `). Empty for
    /// problems that belong to no field (unknown variables).
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What is wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Extra context, such as the variables that enabled an optional group.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// The problem in one line, without the variable's name.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl ErrorKind {
    /// Masks URL passwords in all the text the kind holds that
    /// may quote what the operator set: a foreign parser's reason or a
    /// rule's message may quote a value whatever the field's type, and a
    /// `_FILE` variable may hold a connection string by mistake. Every
    /// [`Error`] is built through it, so no report has to remember.
    fn mask(&mut self) {
        match self {
            ErrorKind::Invalid { value, reason, .. } => {
                value.iter_mut().chain(reason).for_each(mask);
            }
            ErrorKind::InvalidDefault {
                default, reason, ..
            } => {
                default.iter_mut().chain(reason).for_each(mask);
            }
            ErrorKind::File { path, reason } => {
                if let Some(Cow::Owned(shown)) = path.to_str().map(mask_passwords) {
                    *path = PathBuf::from(shown);
                }
                mask(reason);
            }
            ErrorKind::Rule { message } => mask(message),
            _ => {}
        }
    }

    pub(crate) fn missing(expected: impl Into<String>) -> Self {
        ErrorKind::Missing {
            expected: expected.into(),
        }
    }

    pub(crate) fn invalid(
        value: Option<String>,
        expected: impl Into<String>,
        reason: Option<String>,
    ) -> Self {
        ErrorKind::Invalid {
            value,
            expected: expected.into(),
            reason,
        }
    }

    pub(crate) fn conflict(other: impl Into<String>) -> Self {
        ErrorKind::Conflict {
            other: other.into(),
        }
    }

    pub(crate) fn file(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        ErrorKind::File {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

/// Quotes a value for a report: URL passwords masked, escaped like a Rust
/// string literal, so control characters cannot forge report lines, and
/// shortened when long (after masking, so that a cut cannot leave part of a
/// password in view).
pub(crate) fn quote_value(text: &str) -> String {
    let text = &*mask_passwords(text);
    if text.chars().count() <= SHOWN_VALUE_MAX_CHARS {
        format!("{text:?}")
    } else {
        let end = text
            .char_indices()
            .nth(SHOWN_VALUE_MAX_CHARS - 3)
            .map_or(text.len(), |(at, _)| at);
        format!("{:?}... ({} bytes)", &text[..end], text.len())
    }
}

/// A variable's name for a report: as it is, unless it holds a control
/// character (a name can hold anything but `=` and NUL), which would let an
/// unknown variable's name forge report lines; then escaped and quoted.
pub(crate) fn shown_name(name: &str) -> std::borrow::Cow<'_, str> {
    if name.contains(char::is_control) {
        std::borrow::Cow::Owned(format!("{name:?}"))
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// Text from elsewhere (a foreign parser's reason, which may quote the
/// value; a rule's message; an I/O error) on one report line: control
/// characters escaped so that it cannot forge lines.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(char::is_control) {
        let mut out = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            if c.is_control() {
                // `escape_default` is `escape_debug` for control characters
                // (but `\0`, which becomes `\u{0}`) with much less code.
                for escaped in c.escape_default() {
                    out.push(escaped);
                }
            } else {
                out.push(c);
            }
        }
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Missing { expected } => write!(f, "missing: required ({expected})"),
            ErrorKind::Invalid {
                value,
                expected,
                reason,
            } => {
                match value {
                    Some(value) => write!(f, "invalid value {value}")?,
                    None if reason.as_deref() == Some("not valid UTF-8") => {
                        return write!(f, "invalid value: not valid UTF-8, expected {expected}")
                    }
                    None => f.write_str("invalid value <redacted>")?,
                }
                write!(f, ": expected {expected}")?;
                match reason {
                    Some(reason) => write!(f, " ({})", one_line(reason)),
                    None => Ok(()),
                }
            }
            ErrorKind::InvalidDefault {
                default,
                expected,
                reason,
            } => {
                match default {
                    Some(default) => write!(
                        f,
                        "bug in the program: its default {}",
                        quote_value(default)
                    )?,
                    None => f.write_str("bug in the program: its default <redacted>")?,
                }
                write!(f, " does not parse: expected {expected}")?;
                match reason {
                    Some(reason) => write!(f, " ({})", one_line(reason)),
                    None => Ok(()),
                }
            }
            ErrorKind::Conflict { other } => {
                write!(f, "conflicts with {other}: both are set, set only one")
            }
            ErrorKind::File { path, reason } => {
                write!(
                    f,
                    "cannot use file {}: {}",
                    quote_value(&path.to_string_lossy()),
                    one_line(reason)
                )
            }
            ErrorKind::Unknown { suggestion } => {
                f.write_str("unknown variable: no setting reads it")?;
                match suggestion {
                    Some(name) => write!(f, " (did you mean {name}?)"),
                    None => Ok(()),
                }
            }
            ErrorKind::Rule { message } => f.write_str(&one_line(message)),
            ErrorKind::Empty => f.write_str("set but empty: give it a value"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", shown_names(&self.vars), self.kind)?;
        if let Some(note) = &self.note {
            write!(f, " ({})", one_line(note))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Every problem found in one load, in declaration order.
///
/// Its `Display` is the report that [`Config::load_or_exit`](crate::Config::load_or_exit)
/// prints:
///
/// ```text
/// error: 2 configuration problems
///   BILLING_DATABASE_URL  missing: required (text)
///   PORT                  invalid value "80a": expected integer 0..=65535 (invalid digit found in string)
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Errors {
    errors: Vec<Error>,
    notes: Vec<String>,
}

impl Errors {
    pub(crate) fn from_vec(errors: Vec<Error>) -> Self {
        Errors {
            errors,
            notes: Vec::new(),
        }
    }

    pub(crate) fn with_notes(mut self, notes: Vec<String>) -> Self {
        self.notes = notes;
        self
    }

    /// Rules that could not be checked because a value they read did not
    /// load: "the rule ports_differ(port, admin_port) was not checked:
    /// APP_PORT did not load". They are checked once those problems are
    /// mended.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// How many problems there are (at least one in a failed load).
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether there are no problems.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The problems, in the order of the fields.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.errors.iter()
    }

    /// The first problem involving the given variable, if there is one.
    pub fn get(&self, var: &str) -> Option<&Error> {
        self.errors.iter().find(|e| e.vars.iter().any(|v| v == var))
    }
}

impl fmt::Display for Errors {
    /// One entry per problem. Names up to 32 characters stand in a column
    /// with the message beside them; longer names, and rules naming several
    /// variables, stand on a line of their own with the message below, so
    /// that every entry starts with its variables and reads well at real
    /// name lengths.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len();
        write!(
            f,
            "error: {n} configuration problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        let names: Vec<String> = self.errors.iter().map(|e| shown_names(&e.vars)).collect();
        let fits = |name: &String| name.chars().count() <= NAME_COLUMN_MAX;
        let width = names
            .iter()
            .filter(|n| fits(n))
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0);
        for (error, name) in self.errors.iter().zip(&names) {
            if fits(name) {
                write!(f, "\n  {name:width$}  {}", error.kind)?;
                if let Some(note) = &error.note {
                    write!(f, "\n  {:width$}  note: {}", "", one_line(note))?;
                }
            } else {
                write!(f, "\n  {}", wrapped(name, 4))?;
                write!(f, "\n      {}", error.kind)?;
                if let Some(note) = &error.note {
                    write!(f, "\n      note: {}", one_line(note))?;
                }
            }
        }
        for note in &self.notes {
            write!(f, "\n  note: {}", one_line(note))?;
        }
        Ok(())
    }
}

/// The names of a problem's variables, as a report shows them.
fn shown_names(vars: &[String]) -> String {
    // A plain loop rather than collecting and `join`, whose general code
    // would add 1 KB to every program for this one use.
    let mut names = String::new();
    for (i, var) in vars.iter().enumerate() {
        if i > 0 {
            names.push_str(", ");
        }
        names.push_str(&shown_name(var));
    }
    names
}

/// A list of names broken after a comma where a line would pass 100
/// characters, each further line indented by `indent` more spaces.
fn wrapped(names: &str, indent: usize) -> String {
    const LINE: usize = 100;
    let mut out = String::new();
    let mut line = 0;
    for (i, name) in names.split(", ").enumerate() {
        if i > 0 {
            if line + name.len() + 2 > LINE {
                out.push_str(",\n  ");
                out.push_str(&" ".repeat(indent));
                line = indent;
            } else {
                out.push_str(", ");
                line += 2;
            }
        }
        out.push_str(name);
        line += name.len();
    }
    out
}

impl std::error::Error for Errors {}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

#[cfg(test)]
mod tests;
