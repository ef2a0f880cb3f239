//! The walk over a configuration's fields that both loads and describes it.
//!
//! The derive generates one function per struct, `__visit`, that calls
//! [`required`], [`optional`], [`nested`], [`optional_nested`] or
//! [`chosen_nested`] once per
//! field, then its computed defaults and rules. The same walk either loads
//! values (collecting every problem) or records each variable's schema, so
//! the two can never disagree about names.
//!
//! Files, in the order a value travels: [`field`] (what the derive writes
//! about a field), this module (the walker: names, problems), `read` (from
//! the environment to a parsed value) with `slot` (a field's parser behind
//! one non-generic interface), `reject` (a value the type rejects), `file`
//! (`_FILE`), `groups` (nested
//! structs and optional groups) with `chosen` (groups chosen by a value,
//! `enabled_if`), `rules` (computed defaults, presence
//! rules, checks) with `condition` (what `required_if` compares), then
//! `trace` and `describe` (what a traced load and a describing walk
//! record).

mod checks;
mod chosen;
mod condition;
mod describe;
mod field;
mod file;
mod groups;
mod read;
mod reject;
mod rules;
mod slot;
mod trace;

use std::ffi::OsStr;

use crate::error::{Error, ErrorKind};
use crate::loaded::{ResolvedVar, Warning};
use crate::schema::SchemaParts;
use crate::source::Source;
use crate::Config;

pub use self::checks::{check, validate};
pub use self::chosen::chosen_nested;
pub(crate) use self::chosen::NEVER_ON;
pub(crate) use self::condition::NEVER_HOLDS;
pub use self::condition::{condition, Comparable, Condition};
pub use self::field::{
    Check, Choice, Computed, Empty, Extra, Field, Member, Nested, OnInvalid, Rule, Switch,
};
pub use self::file::{read_value_file, ReadFile};
pub use self::groups::{checked_nested, nested, optional_nested};
pub use self::read::{deprecated, optional, required};
pub use self::reject::warn_invalid;
pub use self::rules::{computed, presence};
pub(crate) use self::trace::{Tracer, TRACE};

/// The separator that joins nested prefixes unless a struct chooses another.
pub(crate) const DEFAULT_NESTED_SEPARATOR: &str = "_";

enum Mode<'s> {
    Load {
        source: &'s dyn Source,
        trace: Option<trace::Trace>,
        warnings: Vec<Warning>,
    },
    /// Describing: what is recorded is in [`Walker::description`].
    Describe,
}

/// Walks a configuration's fields, loading or describing them.
pub struct Walker<'s> {
    mode: Mode<'s>,
    /// While describing, the schema recorded so far: a trait object that
    /// only the describing walks make, so that a program that only loads
    /// links neither the recording code nor the schema's drop code.
    description: Option<Box<dyn describe::Describe>>,
    /// The source, while fields can be read the plain way: loading,
    /// untraced, outside optional groups.
    plain_source: Option<&'s dyn Source>,
    /// Whether the source is the process environment: plain reads then call
    /// `std::env::var_os` directly, a value moved rather than converted.
    process_env: bool,
    /// Whether the fields walked now are read straight from the process
    /// environment by the names the derive wrote: a plain, untraced load
    /// from the process environment, in the struct it started from. Decided
    /// once per load and per nested struct, so that reading a field checks
    /// one flag rather than the mode, the source and where the walk stands.
    direct: bool,
    prefix: String,
    separator: &'static str,
    /// What follows a variable's name in the name of the variable that
    /// names a file holding its value: `_FILE`, or the loaded struct's
    /// `#[config(file_suffix = ...)]`.
    file_suffix: &'static str,
    /// The reader of `_FILE` files when an enclosing struct has
    /// `#[config(file)]`: the fields of the struct walked now read `_FILE`
    /// unless they say otherwise. A pointer rather than a flag, so that a
    /// program reading no `_FILE` links no reader.
    file: Option<ReadFile>,
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
    /// Rules that could not run, for the report's closing notes.
    notes: Vec<String>,
    /// What the load found of its optional groups, made by the first one
    /// it enters: a trait object, so that a program whose configuration
    /// has none links neither the state nor its drop code.
    groups: Option<Box<dyn groups::Track>>,
    /// Load every optional group as if it were on: `check_defaults`.
    all_groups: bool,
}

/// Where the walk stood before it entered a nested struct.
struct Saved {
    prefix: usize,
    path: usize,
    separator: &'static str,
    at_top: bool,
    direct: bool,
    file: Option<ReadFile>,
}

/// What a load found: problems, notes on rules that could not run, where
/// each value came from (when traced) and warnings.
pub(crate) struct Finished {
    pub(crate) errors: Vec<Error>,
    pub(crate) notes: Vec<String>,
    pub(crate) vars: Vec<ResolvedVar>,
    pub(crate) warnings: Vec<Warning>,
}

impl<'s> Walker<'s> {
    fn new(
        mode: Mode<'s>,
        prefix: &str,
        separator: Option<&'static str>,
        file_suffix: &'static str,
    ) -> Self {
        let plain_source = match &mode {
            Mode::Load {
                source,
                trace: None,
                ..
            } => Some(*source),
            _ => None,
        };
        let process_env = plain_source.is_some_and(|s| s.__is_process_env());
        Walker {
            mode,
            description: None,
            process_env,
            direct: process_env,
            plain_source,
            prefix: prefix.to_owned(),
            separator: separator.unwrap_or(DEFAULT_NESTED_SEPARATOR),
            file_suffix,
            file: None,
            path: String::new(),
            fixed: None,
            name: String::new(),
            name_prefixed: false,
            at_top: true,
            errors: Vec::new(),
            notes: Vec::new(),
            groups: None,
            all_groups: false,
        }
    }

    /// A walk that loads `T` from `source`, recording where each value came
    /// from when `trace` is [`TRACE`].
    pub(crate) fn load<T: Config>(source: &'s dyn Source, trace: Option<Tracer>) -> Self {
        Walker::load_from(source, trace, T::__PREFIX, T::__SEPARATOR, T::__FILE_SUFFIX)
    }

    /// A whole load's walk, apart from the struct: sets the walker up,
    /// has `visit` call the struct's generated code, and finishes. A
    /// program has one copy of it, beside the walker's drop code, whatever
    /// it loads; only `visit` is its own.
    pub(crate) fn run_load(
        source: &'s dyn Source,
        trace: Option<Tracer>,
        prefix: &'static str,
        separator: Option<&'static str>,
        file_suffix: &'static str,
        visit: &mut dyn FnMut(&mut Walker<'_>),
    ) -> Finished {
        let mut walker = Walker::load_from(source, trace, prefix, separator, file_suffix);
        visit(&mut walker);
        walker.finish_load()
    }

    /// [`load`](Self::load) given the struct's prefix, separator and file
    /// suffix.
    pub(crate) fn load_from(
        source: &'s dyn Source,
        trace: Option<Tracer>,
        prefix: &'static str,
        separator: Option<&'static str>,
        file_suffix: &'static str,
    ) -> Self {
        let mode = Mode::Load {
            source,
            trace: trace.map(trace::Trace::new),
            warnings: Vec::new(),
        };
        Walker::new(mode, prefix, separator, file_suffix)
    }

    /// A walk that loads `T` from nothing with every optional group on, so
    /// that every default written in the program is parsed.
    pub(crate) fn load_defaults<T: Config>(source: &'s dyn Source) -> Self {
        let mut walker = Walker::load::<T>(source, None);
        walker.all_groups = true;
        walker.plain_source = None;
        walker.direct = false;
        walker
    }

    /// A walk that describes `T`.
    pub(crate) fn describe<T: Config>() -> Self {
        let mut walker = Walker::new(
            Mode::Describe,
            T::__PREFIX,
            T::__SEPARATOR,
            T::__FILE_SUFFIX,
        );
        walker.description = Some(describe::Description::start());
        walker
    }

    /// A walk that finds the names `T` reads (see [`describe::Names`]).
    pub(crate) fn names<T: Config>() -> Self {
        let mut walker = Walker::new(
            Mode::Describe,
            T::__PREFIX,
            T::__SEPARATOR,
            T::__FILE_SUFFIX,
        );
        walker.description = Some(Box::<describe::Names>::default());
        walker
    }

    /// The names a [`names`](Self::names) walk found.
    pub(crate) fn finish_names(self) -> describe::Names {
        let names = self.description.map(|d| d.into_any());
        let names = names.and_then(|any| any.downcast::<describe::Names>().ok());
        names.map(|names| *names).unwrap_or_default()
    }

    /// A walk that describes the struct being walked, from where this walk
    /// stands: its variables' names as this walk would read them.
    fn describe_here(&self) -> Walker<'static> {
        let mut walker = Walker::new(Mode::Describe, "", None, self.file_suffix);
        walker.description = Some(describe::Description::start());
        walker.prefix.clone_from(&self.prefix);
        walker.separator = self.separator;
        walker.file = self.file;
        walker.at_top = self.at_top;
        walker
    }

    /// What a load found.
    pub(crate) fn finish_load(self) -> Finished {
        let (vars, warnings) = match self.mode {
            Mode::Load {
                trace, warnings, ..
            } => (
                trace.map(trace::Trace::into_vars).unwrap_or_default(),
                warnings,
            ),
            Mode::Describe => (Vec::new(), Vec::new()),
        };
        Finished {
            errors: self.errors,
            notes: self.notes,
            vars,
            warnings,
        }
    }

    /// What a description found: variables, groups, rules, and the
    /// variables two fields read.
    pub(crate) fn finish_describe(self) -> SchemaParts {
        self.description
            .map(|description| description.finish())
            .unwrap_or_default()
    }

    fn describing(&self) -> bool {
        matches!(self.mode, Mode::Describe)
    }

    #[inline]
    fn set_name(&mut self, field: &Field) {
        if field.exact || self.at_top {
            self.fixed = Some(field.name);
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

    /// The full name of `field`'s variable where the walk stands.
    fn name_of(&mut self, field: &Field) -> String {
        self.set_name(field);
        self.var().to_owned()
    }

    /// The field's path, such as `smtp.port`. Not inlined: the places that
    /// name a field in a problem or a trace share this one copy.
    #[inline(never)]
    fn field_path(&self, field: &Field) -> String {
        format!("{}{}", self.path, field.ident())
    }

    fn error(&mut self, var: String, field: &Field, kind: ErrorKind) {
        let path = self.field_path(field);
        self.errors.push(Error::new(var, path, kind));
    }

    /// Records a warning. Not inlined: the warnings are given on cold
    /// paths, which share this one copy.
    #[inline(never)]
    fn warn(&mut self, warning: Warning) {
        if let Mode::Load { warnings, .. } = &mut self.mode {
            warnings.push(warning);
        }
    }

    fn file_var(&self) -> String {
        format!("{}{}", self.var(), self.file_suffix)
    }

    /// Whether `field` may be read from the file its `_FILE` variable
    /// names, where the walk stands.
    fn reads_file(&self, field: &Field, secret: bool) -> bool {
        field.reads_file(secret, self.file.is_some())
    }

    /// Records that `var`, a name of `field` in the current optional
    /// group, is set to `value`: the group is on (unless `enabled_by` names
    /// other fields, or `value` means off for the switch it names).
    fn mark_set(&mut self, var: &str, field: &Field, value: &OsStr) {
        if let Some(groups) = &mut self.groups {
            groups.mark(var, groups::Mark::Set(value), &self.path, field);
        }
    }

    /// [`mark_set`](Self::mark_set) for the current variable.
    fn mark_current_set(&mut self, field: &Field, value: &OsStr) {
        if let Some(groups) = &mut self.groups {
            let var = self.fixed.unwrap_or(&self.name);
            groups.mark(var, groups::Mark::Set(value), &self.path, field);
        }
    }

    /// Records that the current variable, of the current optional group,
    /// is unset (`empty`: set but empty, which does not turn the group on
    /// either, but is reported if the group stays off).
    fn mark_current_unset(&mut self, field: &Field, empty: bool) {
        if let Some(groups) = &mut self.groups {
            let mark = if empty {
                groups::Mark::Empty
            } else {
                groups::Mark::Unset
            };
            let var = self.fixed.unwrap_or(&self.name);
            groups.mark(var, mark, &self.path, field);
        }
    }

    /// The optional group the walk is in, if any.
    fn current_group(&mut self) -> Option<&mut groups::Seen> {
        self.groups.as_mut()?.get_mut().current.as_mut()
    }

    fn enter(&mut self, nested: &Nested, separator: Option<&'static str>) -> Saved {
        let saved = Saved {
            prefix: self.prefix.len(),
            path: self.path.len(),
            separator: self.separator,
            at_top: self.at_top,
            direct: self.direct,
            file: self.file,
        };
        self.file = self.file.or(nested.file);
        self.name_prefixed = false;
        self.at_top = false;
        // A nested struct's names are built at run time.
        self.direct = false;
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

    fn leave(&mut self, saved: Saved) {
        self.at_top = saved.at_top;
        self.direct = saved.direct;
        self.file = saved.file;
        self.prefix.truncate(saved.prefix);
        self.name_prefixed = false;
        self.path.truncate(saved.path);
        self.separator = saved.separator;
    }
}

impl Walker<'_> {
    fn warnings_len(&self) -> usize {
        match &self.mode {
            Mode::Load { warnings, .. } => warnings.len(),
            Mode::Describe => 0,
        }
    }

    fn warnings_truncate(&mut self, len: usize) {
        if let Mode::Load { warnings, .. } = &mut self.mode {
            warnings.truncate(len);
        }
    }
}
