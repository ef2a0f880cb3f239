//! Secret values: `secrecy` types as value types.
//!
//! A field whose type is [`SecretString`] or [`SecretBox<T>`] is secret: its
//! value is never shown in reports, the schema or `--print-config`, its
//! `_FILE` variable is read, and it may not have a default in the code.

use std::borrow::Cow;

use secrecy::{SecretBox, SecretString};
use zeroize::Zeroize;

use crate::value::{EnvValue, ValueError};

/// Any text, kept in a zeroizing box.
impl EnvValue for SecretString {
    const SECRET: bool = true;

    fn expected() -> Cow<'static, str> {
        "secret text".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        Ok(SecretString::from(text))
    }
}

/// Any value type, kept in a zeroizing box: `SecretBox<u64>` is a secret
/// integer, `SecretBox<PostgresUrl>` a secret URL.
impl<T: EnvValue + Zeroize> EnvValue for SecretBox<T> {
    const SECRET: bool = true;

    fn expected() -> Cow<'static, str> {
        format!("secret {}", T::expected()).into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        T::parse_env(text).map(|value| SecretBox::new(Box::new(value)))
    }

    fn parse_env_os(raw: &std::ffi::OsStr) -> Result<Self, ValueError> {
        T::parse_env_os(raw).map(|value| SecretBox::new(Box::new(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn secrets_parse_and_never_show() {
        let s = SecretString::parse_env("hunter2").unwrap();
        assert_eq!(s.expose_secret(), "hunter2");
        assert!(!format!("{s:?}").contains("hunter2"));
        assert_eq!(SecretString::redact("hunter2"), None);
        let n = SecretBox::<u64>::parse_env("42").unwrap();
        assert_eq!(*n.expose_secret(), 42);
        assert_eq!(
            SecretBox::<u64>::expected(),
            format!("secret {}", u64::expected())
        );
        assert!(SecretBox::<u64>::parse_env("x").is_err());
        const { assert!(<SecretBox<u64> as EnvValue>::SECRET) };
    }
}
