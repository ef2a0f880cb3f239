//! The [`EnvValue`] trait: how one variable's text becomes a typed value.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::fmt;

/// The standard library's types (and `url::Url`), one syntax each.
mod std_types;

/// A type that can be read from the text of one environment variable.
///
/// Every field type of a `#[derive(Config)]` struct implements this trait (or
/// is a `Vec<T>` or `Option<T>` of one that does). It says three things about
/// the type: how to parse it, how to describe it to a person, and whether its
/// values are secret.
///
/// Implement it for your own types; for a unit enum, `#[derive(EnvValue)]`
/// does it for you. A type that already implements [`FromStr`](std::str::FromStr)
/// can be used without this trait through `#[config(from_str)]`.
///
/// # Example
///
/// ```
/// use std::borrow::Cow;
/// use twelve_config::{EnvValue, ValueError};
///
/// /// A percentage from 0 to 100.
/// #[derive(Debug)]
/// struct Percent(u8);
///
/// impl EnvValue for Percent {
///     fn expected() -> Cow<'static, str> {
///         "percentage 0..=100, such as 75 or 75%".into()
///     }
///
///     fn parse_env(text: &str) -> Result<Self, ValueError> {
///         let digits = text.strip_suffix('%').unwrap_or(text);
///         match digits.parse::<u8>() {
///             Ok(n) if n <= 100 => Ok(Percent(n)),
///             Ok(_) => Err(ValueError::new("more than 100")),
///             Err(_) => Err(ValueError::new("not a whole number")),
///         }
///     }
/// }
///
/// assert_eq!(Percent::parse_env("75%").unwrap().0, 75);
/// assert_eq!(Percent::parse_env("101").unwrap_err().reason(), "more than 100");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from an environment variable",
    label = "no `EnvValue` implementation for this type",
    note = "implement `twelve_config::EnvValue` for it, derive it for a unit enum, or use `#[config(from_str)]` or `#[config(with = function)]` on the field",
    note = "a struct of several variables needs `#[config(nested)]`"
)]
pub trait EnvValue: Sized {
    /// Whether values of this type are secret.
    ///
    /// A secret value is never shown: not in error reports, not in the schema
    /// and not in `--print-config`. `_FILE` indirection is on for secret fields.
    const SECRET: bool = false;

    /// Whether a value may carry a password although the type is not
    /// secret, as URLs do: the schema marks such variables so that
    /// manifests keep them in a secret store.
    const CREDENTIAL: bool = false;

    /// The values that mean "off" when a variable of this type is a switch
    /// of an optional group (`#[config(nested, enabled_by(enabled))]`): set
    /// to one of them, the variable does not turn its group on. Compared
    /// ignoring ASCII case.
    ///
    /// Empty (the default) for types that switch nothing off; for `bool`,
    /// its four words for false. An enum of modes can name its `disabled`
    /// spelling:
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use twelve_config::{EnvValue, ValueError};
    ///
    /// enum Tracing {
    ///     Disabled,
    ///     Sampled,
    ///     Always,
    /// }
    ///
    /// impl EnvValue for Tracing {
    ///     const OFF: &'static [&'static str] = &["disabled"];
    ///
    ///     fn expected() -> Cow<'static, str> {
    ///         "one of disabled, sampled, always".into()
    ///     }
    ///
    ///     fn parse_env(text: &str) -> Result<Self, ValueError> {
    ///         match text {
    ///             "disabled" => Ok(Tracing::Disabled),
    ///             "sampled" => Ok(Tracing::Sampled),
    ///             "always" => Ok(Tracing::Always),
    ///             _ => Err(ValueError::new("not a tracing mode")),
    ///         }
    ///     }
    /// }
    /// ```
    const OFF: &'static [&'static str] = &[];

    /// What text the type accepts, for error reports and the schema, such as
    /// `integer 0..=65535` or `duration such as 30s or 1h 15m`.
    ///
    /// Lowercase, no trailing period; it completes the sentence "expected ...".
    fn expected() -> Cow<'static, str>;

    /// The fixed set of spellings the type accepts, if it has one (unit enums).
    ///
    /// The schema lists them as choices. Empty when any text may be valid.
    fn choices() -> &'static [&'static str] {
        &[]
    }

    /// Parses the (UTF-8) text of a variable.
    ///
    /// The text is exactly what the variable holds: it is not trimmed.
    ///
    /// # Errors
    ///
    /// A [`ValueError`] saying why the text was rejected. Its reason must not
    /// quote the text: the report shows the value itself when it may be shown.
    fn parse_env(text: &str) -> Result<Self, ValueError>;

    /// Parses a value that may not be valid Unicode.
    ///
    /// The default rejects non-UTF-8 values and calls [`parse_env`](Self::parse_env)
    /// otherwise; `OsString` and `PathBuf` override it to take any value. For
    /// valid UTF-8 an override must return what `parse_env` returns: the
    /// items of a list, already known to be text, are parsed with `parse_env`.
    ///
    /// # Errors
    ///
    /// [`ValueError::not_unicode`] by default, or whatever `parse_env` returns.
    fn parse_env_os(raw: &OsStr) -> Result<Self, ValueError> {
        match raw.to_str() {
            Some(text) => Self::parse_env(text),
            None => Err(ValueError::not_unicode()),
        }
    }

    /// Takes a value the loader owns without copying it, for types that keep
    /// the text exactly as it is (`String`, `OsString`, `PathBuf`).
    ///
    /// The default gives the text back, and the loader then calls
    /// [`parse_env_os`](Self::parse_env_os). An implementation returns the
    /// same value `parse_env_os` would, and gives back any text it does not
    /// take whole, so that `parse_env_os` can say what is wrong with it. The
    /// loader never calls it for secret types: it wipes the text it read for
    /// them once they are parsed.
    ///
    /// ```
    /// use std::ffi::OsString;
    /// use twelve_config::EnvValue;
    ///
    /// assert_eq!(String::take_env_os(OsString::from("api")), Ok("api".to_owned()));
    /// assert_eq!(u16::take_env_os(OsString::from("80")), Err(OsString::from("80")));
    /// ```
    ///
    /// # Errors
    ///
    /// The text, unchanged, when the type does not take it as it is.
    fn take_env_os(raw: OsString) -> Result<Self, OsString> {
        Err(raw)
    }

    /// The part of a value that may be shown in reports and dumps.
    ///
    /// `None` means nothing of it may be shown, which is the default for
    /// secret types. Types whose text holds a secret in part, such as URLs
    /// with a password, return the text with that part masked.
    fn redact(text: &str) -> Option<Cow<'_, str>> {
        if Self::SECRET {
            None
        } else {
            Some(Cow::Borrowed(text))
        }
    }

    /// The text a variable would hold to give this value, when the type
    /// can say; `None` by default. `--print-config` shows a computed
    /// default through it (redacted as any value is).
    ///
    /// ```
    /// use twelve_config::EnvValue;
    ///
    /// assert_eq!(8080u16.to_env().as_deref(), Some("8080"));
    /// assert_eq!(std::time::Duration::from_millis(1500).to_env().as_deref(), Some("1s 500ms"));
    /// ```
    fn to_env(&self) -> Option<String> {
        None
    }
}

/// Why a variable's text was rejected by a value type.
///
/// The reason completes "invalid value ...: expected ... (reason)" in a report;
/// keep it short and lowercase, with no trailing period, and never quote the
/// rejected text in it (the report decides whether the text may be shown).
///
/// ```
/// use twelve_config::ValueError;
///
/// let error = ValueError::new("must be a power of two");
/// assert_eq!(error.to_string(), "must be a power of two");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ValueError {
    reason: Cow<'static, str>,
    /// False when the reason comes from code that might quote the input
    /// (another crate's `FromStr` error, a `with` function). Such reasons are
    /// withheld for secret fields.
    trusted: bool,
    not_unicode: bool,
}

impl ValueError {
    /// An error with the given reason.
    pub fn new(reason: impl Into<Cow<'static, str>>) -> Self {
        ValueError {
            reason: reason.into(),
            trusted: true,
            not_unicode: false,
        }
    }

    /// An error whose reason comes from code that may quote the input, such
    /// as another crate's `FromStr` error; it is never shown for a secret.
    pub fn from_foreign(reason: impl fmt::Display) -> Self {
        ValueError {
            reason: Cow::Owned(reason.to_string()),
            trusted: false,
            not_unicode: false,
        }
    }

    /// The value is not valid UTF-8 but the type needs text.
    pub fn not_unicode() -> Self {
        ValueError {
            reason: Cow::Borrowed("not valid UTF-8"),
            trusted: true,
            not_unicode: true,
        }
    }

    /// The reason the text was rejected.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Whether the value was rejected for not being valid UTF-8.
    pub fn is_not_unicode(&self) -> bool {
        self.not_unicode
    }

    /// Whether the reason may be shown for a secret value: it was written by
    /// a value type of this crate or a user's `EnvValue` implementation, and
    /// it does not contain the value.
    pub(crate) fn shown_for_secret(&self, text: &str) -> bool {
        self.trusted && !occurs_in(text, &self.reason)
    }

    /// Prefixes the reason with where in a value the problem is (a list item).
    /// The error for a list's empty item at index `i`.
    #[cold]
    pub(crate) fn empty_item(i: usize) -> Self {
        ValueError::new(format!("item {} is empty", i + 1))
    }

    /// This error, said of a list's item at index `i`.
    #[cold]
    pub(crate) fn at_item(self, i: usize) -> Self {
        self.at(format_args!("item {}", i + 1))
    }

    pub(crate) fn at(self, place: impl fmt::Display) -> Self {
        let reason = if self.reason.is_empty() {
            format!("{place} is invalid")
        } else {
            format!("{place}: {}", self.reason)
        };
        ValueError {
            reason: Cow::Owned(reason),
            ..self
        }
    }
}

/// Whether a non-empty `text` occurs in `reason`.
///
/// A plain scan rather than `str::contains`: it runs only when a secret's
/// value is rejected, and the general substring search would add about 2 KB
/// to every program for it.
fn occurs_in(text: &str, reason: &str) -> bool {
    let text = text.as_bytes();
    !text.is_empty() && reason.as_bytes().windows(text.len()).any(|w| w == text)
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl fmt::Debug for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ValueError").field(&self.reason).finish()
    }
}

impl std::error::Error for ValueError {}
