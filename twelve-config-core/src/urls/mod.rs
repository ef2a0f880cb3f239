//! Backing-service URL types (feature `url`, on by default).
//!
//! Each type reads the connection URL of one kind of backing service,
//! checks what its driver would otherwise only reject at connect time, and
//! keeps the password out of `Display`, `Debug` and every report.
//!
//! | type | schemes | default port | accessors besides host, port, user, password, URL |
//! |---|---|---|---|
//! | [`PostgresUrl`] | `postgres`, `postgresql` | 5432 | `database()`, `socket_dir()`, `requires_tls()` |
//! | [`MysqlUrl`] | `mysql`, `mariadb` | 3306 | `database()`, `socket()`, `requires_tls()` |
//! | [`SqliteUrl`] | `sqlite` | none | `path()`, `is_memory()`, `param()` |
//! | [`DatabaseUrl`] | any of the three above | as above | `kind()`, `database()`, `requires_tls()` |
//! | [`RedisUrl`] | `redis`, `rediss`, `redis+unix`, `unix`, `valkey`, `valkeys`, `valkey+unix` | 6379 | `database()`, `socket_path()`, `requires_tls()` |
//! | [`AmqpUrl`] | `amqp`, `amqps` | 5672, 5671 | `vhost()`, `requires_tls()` |
//! | [`MongoUrl`] | `mongodb`, `mongodb+srv` | 27017 | `database()`, `replica_set()`, `socket_paths()`, `is_srv()`, `requires_tls()` |
//! | [`HttpUrl`] | `http`, `https` | 80, 443 | `path()`, `query()`, `requires_tls()` |
//! | [`SmtpUrl`] | `smtp`, `smtps` | 25, 465 | `requires_tls()` |
//!
//! Every type except `SqliteUrl` also has `scheme()`, `hosts()` (every host
//! with its port), `host_str()` and `port()` (of the first host),
//! `port_or_default()`, `username()`, `param(name)` (a decoded query
//! parameter), `expose_password()` and `expose_url()`.
//!
//! # Secrets
//!
//! The password is a secret: `Display` and `Debug` show `***` in its place
//! (`postgres://app:***@db.internal:5432/billing`), and so do the values of
//! query parameters whose name contains `pass`, `secret` or `token`. The
//! reports of the loader show a rejected URL with the same masking, and a
//! parse error never quotes the text. The password is read only through
//! `expose_password()`, and the whole connection string, to hand to a
//! driver, only through `expose_url()`. The types are not
//! [`EnvValue::SECRET`](crate::EnvValue::SECRET): the rest of the URL may be shown.
//!
//! # What is checked
//!
//! - the scheme, in any case (`expose_url()` writes it in lowercase, as
//!   drivers expect);
//! - a host where the scheme needs one (AMQP's, like PostgreSQL's, may be
//!   left out: the client then uses its default); hosts are domain names (international
//!   names are converted to their `xn--` form), IPv4 addresses, or IPv6
//!   addresses in brackets (`[::1]:5432`);
//! - ports: decimal, 1..=65535; port 0 is rejected, since no server
//!   listens on it;
//! - percent-encoding of the user name, password, path and query (`%` must
//!   be followed by two hex digits, and the decoded text must be UTF-8);
//! - host lists where drivers take them: `postgres://h1:5432,h2:5433/db`
//!   and `mongodb://h1,h2:27018/?replicaSet=rs0`;
//! - unix socket paths percent-encoded in the host list, where the driver
//!   reads them there: PostgreSQL (`postgres://%2Fvar%2Frun%2Fpostgresql/db`)
//!   and MongoDB (`mongodb://%2Ftmp%2Fmongodb-27017.sock`);
//! - what each type documents: a Redis database index, an AMQP vhost, a
//!   PostgreSQL `sslmode`, ...
//!
//! Each type reads the user name, password and absent parts as its
//! reference driver or specification does (libpq, the RabbitMQ URI
//! specification, the `redis` crate, the MongoDB connection string
//! specification, the URL standard, lettre); where that reading would make
//! the type report a password the driver does not use, the form is refused
//! with a reason that says how to write it.
//!
//! A password may hold an unencoded `@`: the user information ends at the
//! last `@` before the host, as in the URL standard. Any other special
//! character (`/`, `?`, `#`, `:` in the user name, `%`, a space) must be
//! percent-encoded. `expose_url()` gives the URL in a canonical form that
//! every driver reads the same way: user name and password percent-encoded
//! (all but letters, digits and `-._~`), hosts in ASCII, the rest as written.
//! Parsing that form again gives an equal value.
//!
//! # Why not `url::Url`
//!
//! These types use the `url` crate for hosts (IDNA, IPv4 and IPv6), but take
//! the URL apart themselves: `url::Url` rejects host lists, keeps the host of
//! a non-web scheme such as `postgres` as opaque text (no IDNA, no address
//! check), decodes `+` in a query as a space, which connection strings do
//! not, and accepts `%` not followed by hex digits, which drivers reject.
//!
//! ```
//! use twelve_config::{Config, PostgresUrl, RedisUrl};
//!
//! #[derive(Config)]
//! struct Settings {
//!     database_url: PostgresUrl,
//!     redis_url: RedisUrl,
//! }
//!
//! let settings = Settings::from_vars([
//!     ("DATABASE_URL", "postgres://app:s3cret@db.internal/billing?sslmode=require"),
//!     ("REDIS_URL", "rediss://cache.internal/2"),
//! ])
//! .unwrap();
//! let db = &settings.database_url;
//! assert_eq!(db.host_str(), Some("db.internal"));
//! assert_eq!(db.port_or_default(), 5432);
//! assert_eq!(db.database(), Some("billing"));
//! assert!(db.requires_tls());
//! assert_eq!(db.expose_password(), Some("s3cret"));
//! assert_eq!(db.to_string(), "postgres://app:***@db.internal/billing?sslmode=require");
//! assert_eq!(settings.redis_url.database(), 2);
//! ```

mod amqp;
mod database;
mod http;
mod masking;
mod mongo;
mod mysql;
mod parts;
mod percent;
mod postgres;
mod redis;
mod smtp;
mod sqlite;

pub use self::amqp::AmqpUrl;
pub use self::database::{DatabaseKind, DatabaseUrl};
pub use self::http::HttpUrl;
pub use self::mongo::MongoUrl;
pub use self::mysql::MysqlUrl;
pub use self::parts::Host;
pub use self::postgres::PostgresUrl;
pub use self::redis::RedisUrl;
pub use self::smtp::SmtpUrl;
pub use self::sqlite::SqliteUrl;

/// Whether a query parameter's value means "on": `true`, `1`, `yes`, any case.
fn truthy(value: Option<&str>) -> bool {
    value.is_some_and(|v| {
        ["true", "1", "yes"]
            .iter()
            .any(|t| t.eq_ignore_ascii_case(v))
    })
}

/// The impls every network URL type shares: `FromStr`, `Display`, `Debug`,
/// `EnvValue`, and the accessors of host, port, credentials and URL.
///
/// The type has fields `parts: Parts` and `url: String` (the canonical
/// form), and private methods `parse_text`, `user_value` and
/// `password_value`.
macro_rules! url_type {
    ($ty:ident, $expected:literal) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::ValueError;

            fn from_str(text: &str) -> ::std::result::Result<Self, $crate::ValueError> {
                $ty::parse_text(text)
            }
        }

        /// The URL with its password and sensitive query values masked.
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.parts.write(f, true)
            }
        }

        /// Like `Display`: the password is masked.
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(stringify!($ty))
                    .field(&format_args!("{self}"))
                    .finish()
            }
        }

        impl $crate::EnvValue for $ty {
            const CREDENTIAL: bool = true;

            fn expected() -> ::std::borrow::Cow<'static, str> {
                $expected.into()
            }

            fn to_env(&self) -> ::std::option::Option<::std::string::String> {
                ::std::option::Option::Some(self.url.clone())
            }

            fn parse_env(text: &str) -> ::std::result::Result<Self, $crate::ValueError> {
                $ty::parse_text(text)
            }

            fn redact(text: &str) -> ::std::option::Option<::std::borrow::Cow<'_, str>> {
                let valid = $ty::parse_text(text).is_ok();
                Some($crate::urls::masking::redact(text, valid))
            }
        }

        /// Overwrites the connection string, user name, password and query,
        /// so that `SecretBox<Self>` wipes them when dropped.
        impl ::zeroize::Zeroize for $ty {
            fn zeroize(&mut self) {
                ::zeroize::Zeroize::zeroize(&mut self.url);
                self.parts.zeroize();
            }
        }

        impl $ty {
            /// The scheme, in lowercase.
            pub fn scheme(&self) -> &str {
                self.parts.scheme
            }

            /// Every host of the URL, in order, each with its port.
            pub fn hosts(&self) -> &[$crate::urls::Host] {
                &self.parts.hosts
            }

            /// The first host as text (IPv6 addresses in brackets), if any.
            pub fn host_str(&self) -> Option<&str> {
                self.parts.hosts.first().map(|h| h.host_str())
            }

            /// The first host, if any.
            pub fn host(&self) -> Option<&::url::Host<String>> {
                self.parts.hosts.first().map(|h| h.host())
            }

            /// The port written for the first host (or unix socket, or
            /// alone where the scheme allows `scheme://:port`), if any.
            pub fn port(&self) -> Option<u16> {
                self.parts.first_port()
            }

            /// The port of the first host, or the scheme's default port.
            pub fn port_or_default(&self) -> u16 {
                self.parts.hosts.first().map_or(
                    self.parts.first_port().unwrap_or(self.parts.default_port),
                    |h| h.port_or_default(),
                )
            }

            /// The user name, percent-decoded, as the scheme's driver reads
            /// it; `None` when the driver sends none.
            pub fn username(&self) -> Option<&str> {
                self.user_value()
            }

            /// The last value of a query parameter, percent-decoded.
            pub fn param(&self, name: &str) -> Option<&str> {
                self.parts.param(name)
            }

            /// The password, percent-decoded, as the scheme's driver reads
            /// it; `None` when the driver sends none. Whether an empty
            /// password (`user:@host`) counts as one depends on the driver:
            /// see the type's documentation.
            ///
            /// It is a secret: keep it out of logs.
            pub fn expose_password(&self) -> Option<&str> {
                self.password_value()
            }

            /// The whole connection string, password included, to hand to
            /// a driver.
            ///
            /// It is the URL in canonical form: scheme in lowercase, user
            /// name and password percent-encoded, hosts in ASCII, the rest
            /// as written. It is a secret: keep it out of logs.
            pub fn expose_url(&self) -> &str {
                &self.url
            }
        }
    };
}
use url_type;

#[cfg(test)]
mod drivers;
#[cfg(test)]
mod tests;
