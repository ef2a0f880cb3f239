//! [`EnvValue`] for the standard library's types and `url::Url`: one
//! strict, documented syntax each.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize,
};
use std::path::PathBuf;
use std::time::Duration;

use super::{EnvValue, ValueError};

impl EnvValue for String {
    fn expected() -> Cow<'static, str> {
        "text".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        Ok(text.to_owned())
    }

    fn take_env_os(raw: OsString) -> Result<Self, OsString> {
        raw.into_string()
    }

    fn to_env(&self) -> Option<String> {
        Some(self.clone())
    }
}

impl EnvValue for OsString {
    fn expected() -> Cow<'static, str> {
        "text (any bytes)".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        Ok(text.into())
    }

    fn parse_env_os(raw: &OsStr) -> Result<Self, ValueError> {
        Ok(raw.to_os_string())
    }

    fn take_env_os(raw: OsString) -> Result<Self, OsString> {
        Ok(raw)
    }
}

impl EnvValue for PathBuf {
    fn expected() -> Cow<'static, str> {
        "path".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        Ok(text.into())
    }

    fn parse_env_os(raw: &OsStr) -> Result<Self, ValueError> {
        Ok(raw.into())
    }

    fn take_env_os(raw: OsString) -> Result<Self, OsString> {
        Ok(raw.into())
    }

    fn to_env(&self) -> Option<String> {
        self.to_str().map(str::to_owned)
    }
}

/// `true/false/1/0/yes/no/on/off`, any case; nothing else.
impl EnvValue for bool {
    const OFF: &'static [&'static str] = &["false", "0", "no", "off"];

    fn expected() -> Cow<'static, str> {
        "boolean: true/false, 1/0, yes/no or on/off".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        // Lowercased into a buffer as long as the longest word, then one
        // match: smaller code than comparing with each word in turn.
        let mut word = [0u8; 5];
        let lower = word.get_mut(..text.len()).map(|word| {
            word.copy_from_slice(text.as_bytes());
            word.make_ascii_lowercase();
            &*word
        });
        match lower {
            Some(b"true" | b"1" | b"yes" | b"on") => Ok(true),
            Some(b"false" | b"0" | b"no" | b"off") => Ok(false),
            _ => Err(ValueError::new("not a boolean")),
        }
    }

    fn to_env(&self) -> Option<String> {
        Some(self.to_string())
    }
}

impl EnvValue for char {
    fn expected() -> Cow<'static, str> {
        "a single character".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(ValueError::new("not exactly one character")),
        }
    }

    fn to_env(&self) -> Option<String> {
        Some(self.to_string())
    }
}

// Integers up to 64 bits parse as `u64` or `i64` and are checked against
// their type's range: one parser for all of them, rather than one per type
// in every program that reads several integer types.
macro_rules! unsigned_integers {
    ($($t:ty),*) => {$(
        /// A decimal integer with an optional `+`, in the type's range.
        impl EnvValue for $t {
            fn expected() -> Cow<'static, str> {
                unsigned_range(<$t>::MAX as u64)
            }

            fn parse_env(text: &str) -> Result<Self, ValueError> {
                parse_unsigned(text, <$t>::MAX as u64).map(|n| n as $t)
            }

            fn to_env(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

macro_rules! signed_integers {
    ($($t:ty),*) => {$(
        /// A decimal integer with an optional sign, in the type's range.
        impl EnvValue for $t {
            fn expected() -> Cow<'static, str> {
                signed_range(<$t>::MIN as i64, <$t>::MAX as i64)
            }

            fn parse_env(text: &str) -> Result<Self, ValueError> {
                parse_signed(text, <$t>::MIN as i64, <$t>::MAX as i64).map(|n| n as $t)
            }

            fn to_env(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

macro_rules! wide_integers {
    ($($t:ty),*) => {$(
        /// A decimal integer with an optional sign, in the type's range.
        impl EnvValue for $t {
            fn expected() -> Cow<'static, str> {
                format!("integer {}..={}", <$t>::MIN, <$t>::MAX).into()
            }

            fn parse_env(text: &str) -> Result<Self, ValueError> {
                text.parse::<$t>().map_err(|e| integer_error(<$t>::MIN == 0, text, &e))
            }

            fn to_env(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

fn unsigned_range(max: u64) -> Cow<'static, str> {
    format!("integer 0..={max}").into()
}

fn signed_range(min: i64, max: i64) -> Cow<'static, str> {
    format!("integer {min}..={max}").into()
}

#[inline(never)]
fn parse_unsigned(text: &str, max: u64) -> Result<u64, ValueError> {
    match text.parse::<u64>() {
        Ok(n) if n <= max => Ok(n),
        Ok(_) => Err(ValueError::new("number too large to fit in target type")),
        Err(e) => Err(integer_error(true, text, &e)),
    }
}

#[inline(never)]
fn parse_signed(text: &str, min: i64, max: i64) -> Result<i64, ValueError> {
    match text.parse::<i64>() {
        Ok(n) if n > max => Err(ValueError::new("number too large to fit in target type")),
        Ok(n) if n < min => Err(ValueError::new("number too small to fit in target type")),
        Ok(n) => Ok(n),
        Err(e) => Err(integer_error(false, text, &e)),
    }
}

/// std's reason, except for a negative number given to an unsigned type,
/// where "invalid digit" would puzzle the reader.
fn integer_error(unsigned: bool, text: &str, error: &std::num::ParseIntError) -> ValueError {
    if unsigned && text.starts_with('-') && text.len() > 1 {
        ValueError::new("negative, but the type is unsigned")
    } else {
        ValueError::new(error.to_string())
    }
}

unsigned_integers!(u8, u16, u32, u64, usize);
signed_integers!(i8, i16, i32, i64, isize);
wide_integers!(u128, i128);

macro_rules! nonzero_integers {
    ($($t:ty => $inner:ty),*) => {$(
        /// A decimal integer in the type's range, except 0.
        impl EnvValue for $t {
            fn expected() -> Cow<'static, str> {
                if <$inner>::MIN == 0 {
                    format!("integer 1..={}", <$inner>::MAX).into()
                } else {
                    format!("nonzero integer {}..={}", <$inner>::MIN, <$inner>::MAX).into()
                }
            }

            fn parse_env(text: &str) -> Result<Self, ValueError> {
                text.parse::<$t>().map_err(|e| ValueError::new(e.to_string()))
            }

            fn to_env(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

nonzero_integers!(
    NonZeroU8 => u8, NonZeroU16 => u16, NonZeroU32 => u32, NonZeroU64 => u64,
    NonZeroU128 => u128, NonZeroUsize => usize, NonZeroI8 => i8, NonZeroI16 => i16,
    NonZeroI32 => i32, NonZeroI64 => i64, NonZeroI128 => i128, NonZeroIsize => isize
);

macro_rules! floats {
    ($($t:ty),*) => {$(
        /// A finite decimal number (`1.5`, `-2`, `1e-3`). `NaN` and the
        /// infinities are rejected: no setting means them on purpose.
        impl EnvValue for $t {
            fn expected() -> Cow<'static, str> {
                "finite number such as 0.5 or 1e-3".into()
            }

            fn parse_env(text: &str) -> Result<Self, ValueError> {
                match text.parse::<$t>() {
                    Ok(n) if n.is_finite() => Ok(n),
                    Ok(_) => Err(ValueError::new("not a finite number")),
                    Err(e) => Err(ValueError::new(e.to_string())),
                }
            }

            fn to_env(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

floats!(f32, f64);

macro_rules! from_std_str {
    ($($t:ty => $expected:literal),*) => {$(
        impl EnvValue for $t {
            fn expected() -> Cow<'static, str> {
                $expected.into()
            }

            fn parse_env(text: &str) -> Result<Self, ValueError> {
                // std's address errors never quote the input.
                text.parse::<$t>().map_err(|e| ValueError::new(e.to_string()))
            }

            fn to_env(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

from_std_str!(
    IpAddr => "IP address such as 10.0.0.1 or ::1",
    Ipv4Addr => "IPv4 address such as 10.0.0.1",
    Ipv6Addr => "IPv6 address such as ::1",
    SocketAddr => "socket address such as 0.0.0.0:8080 or [::1]:8080",
    SocketAddrV4 => "IPv4 socket address such as 0.0.0.0:8080",
    SocketAddrV6 => "IPv6 socket address such as [::1]:8080"
);

/// humantime syntax: `30s`, `500ms`, `1h 15m`, `2days`; a unit is required.
impl EnvValue for Duration {
    fn expected() -> Cow<'static, str> {
        "duration such as 30s, 500ms or 1h 15m".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        humantime::parse_duration(text).map_err(|e| duration_reason(text, &e))
    }

    fn to_env(&self) -> Option<String> {
        Some(humantime::format_duration(*self).to_string())
    }
}

/// humantime's reason in an operator's words: its own ("expected number at
/// 0") count bytes from zero and quote the unknown unit.
#[cold]
fn duration_reason(text: &str, error: &humantime::DurationError) -> ValueError {
    use humantime::DurationError as E;
    // Byte offset -> position counted in characters from 1.
    let position = |offset: usize| text.get(..offset).map_or(1, |s| s.chars().count() + 1);
    ValueError::new(match error {
        _ if text.starts_with('-') => Cow::Borrowed("negative"),
        E::Empty => Cow::Borrowed("empty"),
        E::UnknownUnit { unit, .. } if unit.is_empty() => {
            Cow::Borrowed("a number without a unit; add one, as in 30s or 500ms")
        }
        E::UnknownUnit { .. } => Cow::Borrowed(
            "unknown unit; use ns, us, ms, s, m, h, d, w, M or y (or words such as sec, min, hours, days)",
        ),
        E::NumberExpected(offset) => Cow::Owned(format!(
            "a number is missing at character {}; each unit follows a number, as in 1h 30m",
            position(*offset)
        )),
        E::InvalidCharacter(offset) => Cow::Owned(format!(
            "character {} is not a digit, letter or space; write numbers with units, as in 1h 30m",
            position(*offset)
        )),
        E::NumberOverflow => {
            Cow::Borrowed("too large, or more precise than a nanosecond")
        }
    })
}

#[cfg(feature = "url")]
/// Any absolute URL, as the `url` crate parses it.
///
/// `url::Url` prints its password in `Debug`; for URLs with credentials prefer
/// the backing-service types such as [`HttpUrl`](crate::HttpUrl) or
/// [`PostgresUrl`](crate::PostgresUrl). Reports never show the password.
impl EnvValue for url::Url {
    fn expected() -> Cow<'static, str> {
        "absolute URL such as https://example.com/path".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        // url's parse errors are fixed phrases such as "invalid port number".
        url::Url::parse(text).map_err(|e| ValueError::new(e.to_string()))
    }

    fn redact(text: &str) -> Option<Cow<'_, str>> {
        Some(crate::redact::mask_url(text))
    }

    const CREDENTIAL: bool = true;

    fn to_env(&self) -> Option<String> {
        Some(self.as_str().to_owned())
    }
}

#[cfg(test)]
mod tests;
