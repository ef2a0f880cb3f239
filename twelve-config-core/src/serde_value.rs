//! Fields of any `serde::Deserialize` type (`#[config(deserialize)]`,
//! feature `serde`): the variable's text is handed to the type's
//! deserializer as a string.
//!
//! serde's own string deserializer reads unit enum variants (with the
//! type's `rename_all`) and types that deserialize from a string, but not a
//! newtype (`struct Name(String)` asks for a newtype, which a string is not)
//! nor a number or boolean, which asks for a number. [`Text`] adds those,
//! so a newtype over `u16` reads `8080` as `u16` itself would.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, Error};
use serde::de::{DeserializeOwned, Deserializer, Error as _, Visitor};

use crate::parse::Parse;
use crate::value::ValueError;

/// Parses a type through its `serde::Deserialize` implementation
/// (`#[config(deserialize)]`).
pub struct Deserialized<T>(PhantomData<fn() -> T>);

impl<T> Deserialized<T> {
    /// The parser for `T`.
    pub const fn new() -> Self {
        Deserialized(PhantomData)
    }
}

impl<T> Default for Deserialized<T> {
    fn default() -> Self {
        Deserialized::new()
    }
}

/// Whether `T` is one of secrecy's types, whatever the field calls it.
///
/// The derive refuses `deserialize` on a type spelled `SecretString` or
/// `SecretBox`; behind a type alias it cannot see one, and with secrecy's
/// own `serde` feature such a type deserializes. Its values must then stay
/// as secret as they do through [`EnvValue`](crate::EnvValue).
fn is_secrecy_type<T>() -> bool {
    std::any::type_name::<T>().starts_with("secrecy::")
}

impl<T: DeserializeOwned> Parse for Deserialized<T> {
    type Output = T;

    fn secret(&self) -> bool {
        is_secrecy_type::<T>()
    }

    // The spellings a deserializer accepts cannot be asked of it (an enum's
    // variants are only known to the code serde generated), so this names
    // the type, as `from_str` does.
    fn expected(&self) -> Cow<'static, str> {
        let words = crate::words::in_words(std::any::type_name::<T>());
        format!("text accepted by {words}").into()
    }

    fn parse(&self, raw: &OsStr) -> Result<T, ValueError> {
        let text = raw.to_str().ok_or_else(ValueError::not_unicode)?;
        self.parse_str(text)
    }

    // serde's reasons ("unknown variant `x`, expected one of `a`, `b`",
    // "invalid type: string \"x\", expected u16") may quote the text, so
    // they are foreign: withheld if the value is secret.
    fn parse_str(&self, text: &str) -> Result<T, ValueError> {
        T::deserialize(Text(text)).map_err(ValueError::from_foreign)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        (!is_secrecy_type::<T>()).then_some(Cow::Borrowed(text))
    }
}

/// A variable's text as a serde deserializer.
struct Text<'de>(&'de str);

impl<'de> Text<'de> {
    /// serde's deserializer of a borrowed string, for what it reads alike.
    fn string(&self) -> BorrowedStrDeserializer<'de, Error> {
        BorrowedStrDeserializer::new(self.0)
    }
}

/// `deserialize_u16` and the others: the text parsed as the type is by its
/// `FromStr`, which is what the field's `EnvValue` would accept too.
macro_rules! parsed {
    ($($method:ident => $visit:ident($ty:ty),)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0.parse::<$ty>() {
                Ok(value) => visitor.$visit(value),
                Err(error) => Err(Error::custom(error)),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for Text<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.0)
    }

    parsed! {
        deserialize_bool => visit_bool(bool),
        deserialize_i8 => visit_i8(i8),
        deserialize_i16 => visit_i16(i16),
        deserialize_i32 => visit_i32(i32),
        deserialize_i64 => visit_i64(i64),
        deserialize_i128 => visit_i128(i128),
        deserialize_u8 => visit_u8(u8),
        deserialize_u16 => visit_u16(u16),
        deserialize_u32 => visit_u32(u32),
        deserialize_u64 => visit_u64(u64),
        deserialize_u128 => visit_u128(u128),
        deserialize_f32 => visit_f32(f32),
        deserialize_f64 => visit_f64(f64),
        deserialize_char => visit_char(char),
    }

    // A set variable is a value: `Option<T>` inside a type reads `T`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    // A unit variant by name, as serde's string deserializer reads it; a
    // variant with data is an error that says so.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.string().deserialize_enum(name, variants, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        str string bytes byte_buf unit unit_struct seq tuple tuple_struct map
        struct identifier
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::{self, Deserialize};
    use std::fmt;

    /// A unit enum as serde derives it, with `rename_all = "lowercase"`.
    #[derive(Debug, PartialEq)]
    enum Level {
        Debug,
        Info,
    }

    impl<'de> Deserialize<'de> for Level {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Name;
            impl<'de> Visitor<'de> for Name {
                type Value = Level;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("variant identifier")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Level, E> {
                    match v {
                        "debug" => Ok(Level::Debug),
                        "info" => Ok(Level::Info),
                        _ => Err(E::unknown_variant(v, &["debug", "info"])),
                    }
                }
            }
            d.deserialize_identifier(Name)
        }
    }

    #[test]
    fn an_identifier_reads_the_text_and_serde_says_why_not() {
        let p = Deserialized::<Level>::new();
        assert_eq!(p.parse(OsStr::new("info")).unwrap(), Level::Info);
        assert_eq!(
            p.parse(OsStr::new("loud")).unwrap_err().reason(),
            "unknown variant `loud`, expected `debug` or `info`"
        );
        assert!(p.expected().starts_with("text accepted by level"));
        assert!(!p.secret());
        assert_eq!(p.redact("info").as_deref(), Some("info"));
    }

    #[test]
    fn numbers_and_booleans_are_parsed_from_the_text() {
        let port = Deserialized::<u16>::new();
        assert_eq!(port.parse_str("8080").unwrap(), 8080);
        assert_eq!(
            port.parse_str("80a").unwrap_err().reason(),
            "invalid digit found in string"
        );
        assert!(Deserialized::<bool>::new().parse_str("true").unwrap());
        assert_eq!(Deserialized::<char>::new().parse_str("x").unwrap(), 'x');
        assert_eq!(
            Deserialized::<Option<String>>::new()
                .parse_str("a")
                .unwrap(),
            Some("a".to_owned())
        );
        // A sequence cannot be read from text: the reason says so.
        assert_eq!(
            Deserialized::<Vec<u8>>::new()
                .parse_str("1,2")
                .unwrap_err()
                .reason(),
            "invalid type: string \"1,2\", expected a sequence"
        );
    }

    #[test]
    fn secrecy_types_are_known_by_name_behind_any_alias() {
        type Key = secrecy::SecretString;
        assert!(is_secrecy_type::<Key>());
        assert!(is_secrecy_type::<secrecy::SecretBox<u64>>());
        assert!(!is_secrecy_type::<String>());
        assert!(!is_secrecy_type::<Level>());
    }

    #[test]
    fn text_that_is_not_unicode_is_refused_before_serde_sees_it() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = OsStr::from_bytes(b"\xff");
            let error = Deserialized::<String>::new().parse(raw).unwrap_err();
            assert!(error.is_not_unicode());
        }
    }
}
