//! What the derive writes about each field: one static per field, read by
//! the walk.

/// What an empty variable means for a field: `#[config(empty = ...)]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    /// Empty is unset: the default applies (with a warning naming it), or
    /// the variable is missing.
    Unset,
    /// Empty is a value: the empty string, the empty list
    /// (`#[config(allow_empty)]`).
    Value,
    /// Empty is a problem: set the variable to a value or unset it.
    Error,
}

use std::borrow::Cow;

use super::file::ReadFile;

/// What the derive knows about a value field.
#[derive(Debug)]
pub struct Field {
    /// The variable's name when the struct is the one loaded: its prefix,
    /// then the field's part; or the `env` name.
    pub name: &'static str,
    /// The length of the field's part of the name, which ends it: a nested
    /// struct puts that part after its own prefix.
    pub suffix_len: u32,
    /// The field's identifier, then its doc comment: one string rather
    /// than two, because in a position-independent program every pointer
    /// in a static costs a 24-byte relocation besides its 16 bytes.
    pub text: &'static str,
    /// The length of the identifier in `text`.
    pub ident_len: u32,
    /// `#[config(env = "...")]`: the name is exactly this, never prefixed.
    pub exact: bool,
    /// Whether the field is read only from its own variable: no alias,
    /// fallback, `none` spelling or `file`. A secret also reads `_FILE`
    /// unless [`file`](Self::file) says no.
    pub plain: bool,
    /// `#[config(default = ...)]`, as the text a variable would hold.
    pub default: Option<&'static str>,
    /// What an empty variable means.
    pub empty: Empty,
    /// The field's `file` or `file = false`, else `Some(true)` when its
    /// struct has `#[config(file)]`; `None`: `_FILE` is read for secrets
    /// and in a struct nested in one with `file`.
    pub file: Option<bool>,
    /// What few fields have: other names, a `none` spelling, a computed
    /// default, `#[config(file)]`'s reader. Behind one reference, so that the many fields with none of
    /// them carry 8 bytes for them rather than 56.
    pub extra: Option<&'static Extra>,
}

/// The attributes of a field that few fields have: see [`Field::extra`].
#[derive(Debug)]
pub struct Extra {
    /// `#[config(default_with = ...)]`: a default the program computes.
    pub computed: Option<Computed>,
    /// `#[config(none = "...")]`: the text that means `None` for an
    /// `Option` field with a default.
    pub none: Option<&'static str>,
    /// `#[config(deprecated = "...")]`: the warning given when the
    /// variable is set ([`deprecated`](crate::walk::deprecated) gives it).
    pub deprecated: Option<&'static str>,
    /// `#[config(alias = ...)]`, deprecated names.
    pub aliases: &'static [&'static str],
    /// `#[config(fallback = ...)]`, names read when the variable is unset.
    pub fallbacks: &'static [&'static str],
    /// For a field whose [`file`](Field::file) is `Some(true)`: the
    /// function that reads the file, here so that only such fields name it.
    pub read_file: Option<ReadFile>,
    /// `#[config(invalid = "unset")]`: what warns about a rejected value,
    /// which the field then reads as unset; here so that only such fields
    /// name it.
    pub on_invalid: Option<OnInvalid>,
}

/// Warns that a value was rejected for a field with
/// `#[config(invalid = "unset")]`, given the problem the report would have
/// given and whether the field is secret.
pub type OnInvalid = fn(&mut super::Walker<'_>, &Field, crate::Error, bool);

/// A default computed by the program from other fields.
#[derive(Debug)]
pub struct Computed {
    /// `#[config(default_doc = "...")]`: how the schema words it.
    pub doc: Option<&'static str>,
    /// The fields it is computed from: value fields, nested structs and
    /// optional groups.
    pub inputs: &'static [Member],
}

impl Field {
    /// The field's part of the name, which follows the prefix.
    pub(crate) fn suffix(&self) -> &'static str {
        let name: &'static str = self.name;
        let start = name.len().saturating_sub(self.suffix_len as usize);
        name.get(start..).unwrap_or(name)
    }

    /// The field's identifier.
    pub(crate) fn ident(&self) -> &'static str {
        let text: &'static str = self.text;
        text.get(..self.ident_len as usize).unwrap_or(text)
    }

    /// The doc comment.
    pub(crate) fn doc(&self) -> &'static str {
        let text: &'static str = self.text;
        text.get(self.ident_len as usize..).unwrap_or_default()
    }

    /// `#[config(default_with = ...)]`, the default the program computes.
    pub(crate) fn computed(&self) -> Option<&'static Computed> {
        self.extra?.computed.as_ref()
    }

    /// What applies when the field is unset, as a warning words it: `the
    /// default "8080" is used`, the computed default, or `it is treated as
    /// unset`. A secret's default is never shown.
    pub(crate) fn when_unset(&self, secret: bool) -> Cow<'static, str> {
        match (self.default, self.computed()) {
            (Some(_), _) if secret => "the default (secret, not shown) is used".into(),
            (Some(default), _) => {
                format!("the default {} is used", crate::error::quote_value(default)).into()
            }
            (None, Some(_)) => "the computed default is used".into(),
            (None, None) => "it is treated as unset".into(),
        }
    }

    /// `#[config(none = "...")]`, the text that means `None`.
    pub(crate) fn none(&self) -> Option<&'static str> {
        self.extra?.none
    }

    /// `#[config(deprecated = "...")]`, why the setting is deprecated.
    pub(crate) fn deprecated(&self) -> Option<&'static str> {
        self.extra?.deprecated
    }

    /// `#[config(invalid = "unset")]`: what warns about a rejected value.
    pub(crate) fn on_invalid(&self) -> Option<OnInvalid> {
        self.extra?.on_invalid
    }

    /// `#[config(alias = ...)]`, deprecated names.
    pub(crate) fn aliases(&self) -> &'static [&'static str] {
        self.extra.map_or(&[], |extra| extra.aliases)
    }

    /// `#[config(fallback = ...)]`, names read when the variable is unset.
    pub(crate) fn fallbacks(&self) -> &'static [&'static str] {
        self.extra.map_or(&[], |extra| extra.fallbacks)
    }

    /// Whether the field may be read from the file its `_FILE` variable
    /// names: its own `file` decides, then its struct's, then that of a
    /// struct it is nested in (`inherited`); otherwise only a secret is.
    pub(crate) fn reads_file(&self, secret: bool, inherited: bool) -> bool {
        self.file.unwrap_or(secret || inherited)
    }

    /// The function that reads the file its `_FILE` variable names, when
    /// the field reads one: its own, the one a secret type gives
    /// (`of_type`), else the one an enclosing struct's `file` gives
    /// (`inherited`).
    pub(crate) fn file_reader(
        &self,
        of_type: Option<ReadFile>,
        inherited: Option<ReadFile>,
    ) -> Option<ReadFile> {
        match self.file {
            Some(true) => self.extra?.read_file,
            Some(false) => None,
            None => of_type.or(inherited),
        }
    }
}

/// What the derive knows about a nested field.
#[derive(Debug)]
pub struct Nested {
    /// The field's identifier.
    pub ident: &'static str,
    /// The field's name in SCREAMING_SNAKE_CASE, the default prefix segment.
    pub segment: &'static str,
    /// `#[config(nested, prefix = "...")]`: replaces segment and separator;
    /// `Some("")` for `#[config(flatten)]`.
    pub prefix: Option<&'static str>,
    /// The reader of `_FILE` files when the struct declaring the field has
    /// `#[config(file)]`, which carries into the nested struct as its prefix
    /// does: its fields read `_FILE` unless they (or it) say otherwise.
    pub file: Option<ReadFile>,
    /// The doc comment.
    pub doc: &'static str,
    /// `#[config(enabled_by(host))]` on an optional group: its struct's
    /// fields whose variables turn it on. Empty when any of its variables
    /// does.
    pub enabled_by: &'static [Switch],
    /// `#[config(enabled_if(storage = "s3"))]` on an optional group: the
    /// values of fields of the declaring struct that turn it on, any of
    /// them. Empty when its own variables do.
    pub enabled_if: &'static [Choice],
}

/// A value that turns an optional group on: `enabled_if(storage = "s3")`
/// names the field `storage` of the struct declaring the group, and the
/// text its value is compared with, read as the field's type reads a
/// variable.
#[derive(Debug)]
pub struct Choice {
    /// The field whose value chooses the group.
    pub field: &'static Field,
    /// The value, as written in the program.
    pub equals: &'static str,
}

/// A field named by an optional group's `enabled_by`: its variable turns
/// the group on, unless set to one of `off`.
#[derive(Debug)]
pub struct Switch {
    /// The field's identifier.
    pub ident: &'static str,
    /// The values that mean off for the field's type, compared ignoring
    /// ASCII case ([`EnvValue::OFF`](crate::EnvValue::OFF)).
    pub off: &'static [&'static str],
}

impl Switch {
    /// Any variable of a group without `enabled_by`, which no value turns
    /// off.
    pub(crate) const ANY: Switch = Switch {
        ident: "",
        off: &[],
    };

    /// Whether `value` leaves the group off.
    pub(crate) fn says_off(&self, value: &std::ffi::OsStr) -> bool {
        self.off.iter().any(|off| value.eq_ignore_ascii_case(off))
    }
}

/// A presence rule, `#[config(at_most_one(..))]` and the like: judged
/// from which variables are set, so it runs even when a value failed to
/// parse.
#[derive(Debug)]
pub enum Rule {
    /// At most one of the members is set.
    AtMostOne(&'static [Member]),
    /// Exactly one of the members is set.
    ExactlyOne(&'static [Member]),
    /// At least one of the members is set.
    AtLeastOne(&'static [Member]),
    /// All of the members are set, or none is.
    AllOrNone(&'static [Member]),
    /// When the field is set, so are the members.
    Requires(&'static Field, &'static [Member]),
    /// When the field is set, none of the members is.
    ConflictsWith(&'static Field, &'static [Member]),
    /// The first field is set when the second one's value (once loaded:
    /// from its variable, `_FILE`, default or computed default) is the given
    /// text as that field's type reads it. Whether it is, the derive works
    /// out from the loaded value: a [`Condition`](super::Condition) per
    /// `RequiredIf`, in order.
    RequiredIf(&'static Field, &'static Field, &'static str),
}

/// What a presence rule names: a value field, set when its variable is
/// (or an alias, a fallback or its `_FILE`), or an optional group, set
/// when it is on (any of its variables set).
#[derive(Debug)]
pub enum Member {
    /// A value field.
    Field(&'static Field),
    /// An `Option<T>` field with `nested` or `flatten`.
    Group(&'static Nested),
}

/// A rule over loaded values, `#[config(check = function(a, b))]`.
#[derive(Debug)]
pub struct Check {
    /// The function, as written.
    pub name: &'static str,
    /// The fields it reads: value fields, or optional groups.
    pub inputs: &'static [Member],
    /// `warn_check`: its error is a warning, and the load goes on.
    pub warn: bool,
}
