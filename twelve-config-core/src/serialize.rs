//! `serde::Serialize` for what a service may show on a debug endpoint
//! (feature `serde`): the URL types, [`ByteSize`], [`HostPort`], and a load's [`Loaded`]
//! record of every variable, with secrets and passwords left out.
//!
//! Each impl is written by hand rather than derived, so that what is
//! serialized is chosen field by field: a URL is its masked `Display` text,
//! never its connection string, and a secret variable's value is null.
//! The configuration struct itself gets no impl from this crate: secrecy's
//! types refuse to serialize (by design), and `Loaded` already holds every
//! value as it may be shown.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::bytes::ByteSize;
use crate::host_port::HostPort;
use crate::loaded::{Loaded, Origin, ResolvedVar, Warning};

/// The number of bytes, as a number.
impl Serialize for ByteSize {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.bytes())
    }
}

/// `host:port`, as it is written.
impl Serialize for HostPort {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The URL types as their `Display` text: password and sensitive query
/// values masked.
#[cfg(feature = "url")]
macro_rules! masked {
    ($($ty:ty),* $(,)?) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}

#[cfg(feature = "url")]
masked!(
    crate::urls::AmqpUrl,
    crate::urls::DatabaseUrl,
    crate::urls::HttpUrl,
    crate::urls::MongoUrl,
    crate::urls::MysqlUrl,
    crate::urls::PostgresUrl,
    crate::urls::RedisUrl,
    crate::urls::SmtpUrl,
    crate::urls::SqliteUrl,
    // `host:port`, which holds nothing secret.
    crate::urls::Host,
);

/// `{"vars": [...], "warnings": [...]}`: each variable with its shown
/// value and origin, as in [`Loaded::to_json`]'s `vars` and `warnings`.
/// The configuration itself is not serialized.
impl<T> Serialize for Loaded<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Loaded", 2)?;
        out.serialize_field("vars", self.vars())?;
        out.serialize_field("warnings", self.warnings())?;
        out.end()
    }
}

/// `{"name", "field", "value", "secret", "origin"}`; `value` is null for a
/// secret or an unset variable.
impl Serialize for ResolvedVar {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // `shown_value` is already `None` for a secret; checked again here
        // because this is the one place a value leaves the process.
        let value = if self.is_secret() {
            None
        } else {
            self.shown_value()
        };
        let mut out = serializer.serialize_struct("ResolvedVar", 5)?;
        out.serialize_field("name", self.name())?;
        out.serialize_field("field", self.field())?;
        out.serialize_field("value", &value)?;
        out.serialize_field("secret", &self.is_secret())?;
        out.serialize_field("origin", self.origin())?;
        out.end()
    }
}

/// `{"kind", "text"}` and, by kind, `name` (alias, fallback), `path` (file),
/// `path` and `line` (`.env` file) or `flag` (command line): the report's
/// `origin` object.
impl Serialize for Origin {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let kind = match self {
            Origin::Env => "environment",
            Origin::Alias(_) => "alias",
            Origin::File(_) => "file",
            Origin::DotEnv { .. } => "dotenv",
            Origin::Fallback(_) => "fallback",
            Origin::CommandLine(_) => "command_line",
            Origin::Default => "default",
            Origin::Computed => "computed",
            Origin::Unset => "unset",
            Origin::GroupOff(_) => "group_off",
            Origin::Unused(_) => "unused",
            Origin::Other(_) => "other",
        };
        let extra = match self {
            Origin::Alias(_)
            | Origin::Fallback(_)
            | Origin::File(_)
            | Origin::CommandLine(_)
            | Origin::GroupOff(_)
            | Origin::Unused(_) => 1,
            Origin::DotEnv { .. } => 2,
            _ => 0,
        };
        let mut out = serializer.serialize_map(Some(2 + extra))?;
        out.serialize_entry("kind", kind)?;
        out.serialize_entry("text", &self.to_string())?;
        match self {
            Origin::Alias(name) | Origin::Fallback(name) => out.serialize_entry("name", name)?,
            Origin::File(path) => out.serialize_entry("path", &path.to_string_lossy())?,
            Origin::CommandLine(flag) => out.serialize_entry("flag", flag)?,
            Origin::GroupOff(group) | Origin::Unused(group) => {
                out.serialize_entry("group", group)?;
            }
            Origin::DotEnv { path, line } => {
                out.serialize_entry("path", &path.to_string_lossy())?;
                out.serialize_entry("line", line)?;
            }
            _ => {}
        }
        out.end()
    }
}

/// `{"var", "message"}`.
impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Warning", 3)?;
        out.serialize_field("var", self.var())?;
        out.serialize_field("vars", self.vars())?;
        out.serialize_field("message", self.message())?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_sizes_are_numbers_of_bytes() {
        let addr = serde_json::to_string(&HostPort::new("::1", 80)).unwrap();
        assert_eq!(addr, r#""[::1]:80""#);
        let json = serde_json::to_string(&[ByteSize::kib(1), ByteSize::new(0)]).unwrap();
        assert_eq!(json, "[1024,0]");
    }

    #[cfg(feature = "url")]
    #[test]
    fn urls_are_their_masked_text() {
        let url: crate::urls::PostgresUrl =
            "postgres://app:pw-canary@db:5433/billing".parse().unwrap();
        let json = serde_json::to_string(&url).unwrap();
        assert_eq!(json, r#""postgres://app:***@db:5433/billing""#);
        let hosts = serde_json::to_string(url.hosts()).unwrap();
        assert_eq!(hosts, r#"["db:5433"]"#);
    }

    #[test]
    fn every_origin_has_its_kind_and_text() {
        let origins = [
            Origin::Env,
            Origin::Alias("OLD".into()),
            Origin::File("/run/secrets/key".into()),
            Origin::DotEnv {
                path: ".env".into(),
                line: Some(3),
            },
            Origin::DotEnv {
                path: ".env".into(),
                line: None,
            },
            Origin::Fallback("OTHER".into()),
            Origin::Default,
            Origin::Computed,
            Origin::Unset,
            Origin::GroupOff("storage.s3".into()),
            Origin::Unused("smtp".into()),
        ];
        let json = serde_json::to_string(&origins).unwrap();
        assert_eq!(
            json,
            concat!(
                r#"[{"kind":"environment","text":"environment"},"#,
                r#"{"kind":"alias","text":"deprecated alias OLD","name":"OLD"},"#,
                r#"{"kind":"file","text":"file /run/secrets/key","path":"/run/secrets/key"},"#,
                r#"{"kind":"dotenv","text":"env file .env, line 3","path":".env","line":3},"#,
                r#"{"kind":"dotenv","text":"env file .env","path":".env","line":null},"#,
                r#"{"kind":"fallback","text":"fallback OTHER","name":"OTHER"},"#,
                r#"{"kind":"default","text":"default"},"#,
                r#"{"kind":"computed","text":"computed"},"#,
                r#"{"kind":"unset","text":"unset"},"#,
                r#"{"kind":"group_off","text":"unset: the optional group storage.s3 is off","group":"storage.s3"},"#,
                r#"{"kind":"unused","text":"set, but not used: the optional group smtp is off","group":"smtp"}]"#
            )
        );
    }

    #[test]
    fn a_secret_value_is_null_even_if_one_was_recorded() {
        let var = ResolvedVar {
            name: "APP_KEY".into(),
            field: "key".into(),
            origin: Origin::Env,
            value: Some("leaked-canary".into()),
            secret: true,
        };
        let json = serde_json::to_string(&var).unwrap();
        assert_eq!(
            json,
            r#"{"name":"APP_KEY","field":"key","value":null,"secret":true,"origin":{"kind":"environment","text":"environment"}}"#
        );
    }

    /// A serializer that only serializes maps, and fails unless the length
    /// a map announces is the number of entries it then gets: formats with
    /// a length prefix (bincode, MessagePack) write the announced one.
    struct MapLength;

    #[derive(Debug)]
    struct Refused(String);

    impl std::fmt::Display for Refused {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Refused {}

    impl serde::ser::Error for Refused {
        fn custom<T: std::fmt::Display>(msg: T) -> Self {
            Refused(msg.to_string())
        }
    }

    struct Entries {
        announced: Option<usize>,
        written: usize,
    }

    impl SerializeMap for Entries {
        type Ok = ();
        type Error = Refused;

        fn serialize_key<T: ?Sized + Serialize>(&mut self, _key: &T) -> Result<(), Refused> {
            self.written += 1;
            Ok(())
        }

        fn serialize_value<T: ?Sized + Serialize>(&mut self, _value: &T) -> Result<(), Refused> {
            Ok(())
        }

        fn end(self) -> Result<(), Refused> {
            match self.announced {
                Some(n) if n == self.written => Ok(()),
                n => Err(Refused(format!("announced {n:?}, wrote {}", self.written))),
            }
        }
    }

    /// The serializer methods a map of origins never calls.
    macro_rules! refuse {
        ($($name:ident($($arg:ty),*) -> $out:ty),* $(,)?) => {
            $(fn $name(self, $(_: $arg),*) -> Result<$out, Refused> {
                Err(Refused(stringify!($name).into()))
            })*
        };
    }

    impl Serializer for MapLength {
        type Ok = ();
        type Error = Refused;
        type SerializeSeq = serde::ser::Impossible<(), Refused>;
        type SerializeTuple = serde::ser::Impossible<(), Refused>;
        type SerializeTupleStruct = serde::ser::Impossible<(), Refused>;
        type SerializeTupleVariant = serde::ser::Impossible<(), Refused>;
        type SerializeMap = Entries;
        type SerializeStruct = serde::ser::Impossible<(), Refused>;
        type SerializeStructVariant = serde::ser::Impossible<(), Refused>;

        refuse!(
            serialize_bool(bool) -> (),
            serialize_i8(i8) -> (),
            serialize_i16(i16) -> (),
            serialize_i32(i32) -> (),
            serialize_i64(i64) -> (),
            serialize_u8(u8) -> (),
            serialize_u16(u16) -> (),
            serialize_u32(u32) -> (),
            serialize_u64(u64) -> (),
            serialize_f32(f32) -> (),
            serialize_f64(f64) -> (),
            serialize_char(char) -> (),
            serialize_str(&str) -> (),
            serialize_bytes(&[u8]) -> (),
            serialize_none() -> (),
            serialize_unit() -> (),
            serialize_unit_struct(&'static str) -> (),
            serialize_unit_variant(&'static str, u32, &'static str) -> (),
            serialize_seq(Option<usize>) -> Self::SerializeSeq,
            serialize_tuple(usize) -> Self::SerializeTuple,
            serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct,
            serialize_tuple_variant(&'static str, u32, &'static str, usize)
                -> Self::SerializeTupleVariant,
            serialize_struct(&'static str, usize) -> Self::SerializeStruct,
            serialize_struct_variant(&'static str, u32, &'static str, usize)
                -> Self::SerializeStructVariant,
        );

        fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Refused> {
            Err(Refused("some".into()))
        }

        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<(), Refused> {
            Err(Refused("newtype".into()))
        }

        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Refused> {
            Err(Refused("newtype variant".into()))
        }

        fn serialize_map(self, len: Option<usize>) -> Result<Entries, Refused> {
            Ok(Entries {
                announced: len,
                written: 0,
            })
        }
    }

    #[test]
    fn every_origin_announces_as_many_entries_as_it_writes() {
        let origins = [
            Origin::Env,
            Origin::Alias("OLD".into()),
            Origin::File("/run/secrets/key".into()),
            Origin::DotEnv {
                path: ".env".into(),
                line: Some(3),
            },
            Origin::Fallback("OTHER".into()),
            Origin::CommandLine("--port".into()),
            Origin::Default,
            Origin::Computed,
            Origin::Unset,
            Origin::GroupOff("s3".into()),
            Origin::Unused("smtp".into()),
        ];
        for origin in &origins {
            origin
                .serialize(MapLength)
                .unwrap_or_else(|e| panic!("{origin:?}: {e}"));
        }
    }
}
