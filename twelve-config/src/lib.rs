//! Typed twelve-factor configuration from environment variables.
//!
//! A service declares one struct; `#[derive(Config)]` turns it into a loader
//! that reads every field from its environment variable, reports **every**
//! missing or invalid variable at once, never shows a secret, and describes
//! itself for READMEs, `.env` files and manifests.
//!
//! ```
//! use std::time::Duration;
//! use twelve_config::{Config, EnvValue, SecretString};
//!
//! /// Settings of the billing service.
//! #[derive(Config, Debug)]
//! #[config(prefix = "BILLING_")]
//! struct Settings {
//!     /// TCP port the HTTP server binds.
//!     #[config(env = "PORT", default = 8080)]
//!     port: u16,
//!     /// Upper bound for one request.
//!     #[config(default = "30s")]
//!     request_timeout: Duration,
//!     /// Origins allowed by CORS.
//!     #[config(default = "")]
//!     allowed_origins: Vec<String>,
//!     /// Log format override.
//!     log_format: Option<LogFormat>,
//!     /// Key for the payment provider.
//!     api_key: SecretString,
//! }
//!
//! #[derive(EnvValue, Debug, PartialEq)]
//! enum LogFormat {
//!     Json,
//!     Text,
//! }
//!
//! let settings = Settings::from_vars([
//!     ("BILLING_API_KEY", "sk_live_123"),
//!     ("BILLING_ALLOWED_ORIGINS", "https://a.example, https://b.example"),
//!     ("BILLING_LOG_FORMAT", "JSON"),
//! ])
//! .unwrap();
//! assert_eq!(settings.port, 8080);
//! assert_eq!(settings.request_timeout, Duration::from_secs(30));
//! assert_eq!(settings.allowed_origins.len(), 2);
//! assert_eq!(settings.log_format, Some(LogFormat::Json));
//! assert!(!format!("{settings:?}").contains("sk_live_123"));
//!
//! let errors = Settings::from_vars([("PORT", "80a"), ("BILLING_LOG_FORMAT", "jsno")]).unwrap_err();
//! assert_eq!(errors.to_string(), "\
//! error: 3 configuration problems
//!   PORT                inval\
//! id value \"80a\": expected integer 0..=65535 (invalid digit found in string)
//!   BILLING_LOG_FORMAT  invalid value \"jsno\": expected one of: json, text (did you mean \"json\"?)
//!   BILLING_API_KEY     missing: required (secret text)");
//! ```
//!
//! In `main`, call [`Config::load_or_exit`]: it loads from the process
//! environment, prints the report to stderr and exits with status 78
//! (`EX_CONFIG`) when anything is wrong, and answers `--print-schema`,
//! `--check-config` and `--print-config`.
//!
//! # Features
//!
//! All three are on by default.
//!
//! - `url`: the backing-service URL types ([`PostgresUrl`], [`RedisUrl`],
//!   ...) and `url::Url` as a value type. Without it, the `url` crate and its
//!   IDNA tables, most of a cold build, are not built.
//! - `cli`: [`Config::load_or_exit`] answers its flags and warns about
//!   variables under the prefix that no field reads; [`handle_args`],
//!   [`handle_flags`], [`answer`] and [`Request`] answer them for a service
//!   with its own argument parser; the schema renders as text, Markdown,
//!   JSON, JSON Schema, a `.env` file and Kubernetes (`Schema::to_*`,
//!   [`SchemaFormat`]), and loads report as JSON ([`Errors::to_json`],
//!   [`Loaded::to_json`]). Without it, `load_or_exit` reads no argument and
//!   warns only about deprecated names, none of that code is compiled
//!   (about a third of the runtime's code, so a cold build is shorter), and the
//!   program is about 110 KB smaller; [`Config::schema`] still describes
//!   every variable, as data.
//!
//! - `dotenv`: `.env` files, for `--check-config --env-file PATH` and
//!   [`Options::dotenv`] in local development, parsed by `dotenvy`.
//!
//! `default-features = false, features = ["url"]` keeps the URL types
//! without the flags.
//!
//! Off by default:
//!
//! - `serde`: `#[config(deserialize)]` reads a field of any
//!   `serde::Deserialize` type from its variable's text (an enum with its
//!   `rename_all`, a newtype), and the URL types, [`ByteSize`] and
//!   [`Loaded`] implement `serde::Serialize` for a debug endpoint, with
//!   passwords masked and secret values null. Serialize the [`Loaded`] a
//!   load returns, not the configuration struct: secrecy's types refuse to
//!   serialize, so that a secret cannot reach a response by accident, and
//!   `Loaded` already holds every value as it may be shown, with its
//!   origin. serde is built without its derive.
//!
//! # Names
//!
//! A field's variable is the field's name in `SCREAMING_SNAKE_CASE` with the
//! struct's `prefix` in front: `request_timeout` under `prefix = "BILLING_"`
//! reads `BILLING_REQUEST_TIMEOUT`. `#[config(env = "PORT")]` names the
//! variable exactly, with no prefix. A `#[config(nested)]` field named
//! `workers` reads its struct's fields under `BILLING_WORKERS_` (the outer
//! prefix, the field's name, and the nested separator, `_` by default); the
//! nested struct's own `prefix` applies only when it is loaded on its own.
//! Names are matched exactly, case included.
//!
//! # Required, default, optional, empty
//!
//! A plain field is required. An `Option<T>` field is `None` when its
//! variable is unset. `#[config(default = ...)]` is read exactly as if the
//! variable held that text; `#[config(default_with = f(a, b))]` computes it
//! from other fields. **A variable set to the empty string counts as
//! unset**, with a warning naming it: `PORT=` falls back to the default,
//! leaves an `Option` field `None`, or is reported missing;
//! `#[config(allow_empty)]` keeps the empty string as a value, and
//! `empty = "error"` reports it.
//!
//! # Rules
//!
//! **Every rule whose inputs loaded runs**, whatever else failed, and names
//! every variable involved. Presence rules (`at_most_one`, `exactly_one`,
//! `at_least_one`, `all_or_none` on a struct; `requires`, `conflicts_with`
//! on a field) are judged from which variables are set, so they run even
//! when a value did not parse. `required_if(env = "production")` is judged
//! from the value of `env` once loaded, compared with the text read as its
//! type reads it (`on` is `true` for a `bool`), and is noted as not checked
//! when `env` did not load. A `check = f(a, b)` runs when
//! `a` and `b` loaded, whatever else failed; `a` may be a nested struct or
//! an optional group, read whole. A `validate` function over the whole struct needs
//! every field: when one failed, the report ends with a note that it was not
//! checked ([`Errors::notes`]).
//!
//! # Names operators mistype
//!
//! [`Config::load`] and `load_or_exit` warn about a set variable that no
//! field reads but that looks meant for one: under the prefix (with the
//! closest known name), in the wrong case (`app_api_key`), or one edit from
//! a known name of six characters or more (`SIGNUPS_ALOWED`), with or
//! without a prefix. Unrelated variables such as `PATH` are left alone.
//!
//! # Value types
//!
//! Each type has one documented syntax, given by its [`EnvValue`]
//! implementation; the schema shows it and errors quote it.
//!
//! | type | accepted text |
//! |---|---|
//! | `String` | any UTF-8 text, untouched (not trimmed) |
//! | `OsString`, `PathBuf` | any bytes |
//! | `u8` ... `u128`, `i8` ... `i128`, `usize`, `isize` | decimal with optional sign, in range |
//! | `NonZeroU16` and the other `NonZero*` | as above, but not 0 |
//! | `f32`, `f64` | finite decimal numbers (`1.5`, `1e-3`); `NaN` and `inf` are rejected |
//! | `bool` | `true/false`, `1/0`, `yes/no`, `on/off`, any case; nothing else |
//! | `char` | exactly one character |
//! | `IpAddr`, `Ipv4Addr`, `Ipv6Addr`, `SocketAddr`, `SocketAddrV4`, `SocketAddrV6` | std syntax: `10.0.0.1`, `[::1]:8080` |
//! | `Duration` | humantime: `30s`, `500ms`, `1h 15m`, `2days`; a unit is required, unless `#[config(unit = "s")]` names the unit of a bare number |
//! | [`ByteSize`] | `100 MB`, `375 MiB`, `10G`, `1.5 GiB`, bare bytes; see its grammar; `#[config(unit = "MB")]` names the unit of a bare number |
//! | `url::Url` (feature `url`) | an absolute URL |
//! | [`PostgresUrl`], [`MysqlUrl`], [`SqliteUrl`], [`DatabaseUrl`], [`RedisUrl`], [`AmqpUrl`], [`MongoUrl`], [`HttpUrl`], [`SmtpUrl`] (feature `url`) | backing-service URLs, checked as their drivers would, password masked; see [`urls`] |
//! | [`SecretString`], [`SecretBox<T>`] | like the inner type, but secret |
//! | `Vec<T>` | items separated by `,` (or `#[config(separator = ...)]`), trimmed; empty text is the empty list; `\` escapes the separator |
//! | `HashMap<K, V>`, `BTreeMap<K, V>` | `KEY=VALUE` pairs separated by `,` (or `separator`; `kv_separator` replaces `=`), trimmed; a repeated key is an error; `\` escapes either separator |
//! | `Option<T>` | `T`, or `None` when unset |
//! | unit enums with `#[derive(EnvValue)]` | the variant names in kebab-case or snake_case, any case; or exactly the spellings of `rename_all` (serde's rule names), with `case_sensitive` to match case |
//! | anything `FromStr` | with `#[config(from_str)]` |
//! | anything `serde::Deserialize` (feature `serde`) | with `#[config(deserialize)]` |
//! | anything | with `#[config(with = path::to::function)]` |
//!
//! # Errors
//!
//! A load tries every field of the whole tree and returns [`Errors`]: every
//! missing and invalid variable in declaration order, each naming the
//! variable as it is set, what was expected and why the value was rejected.
//! Non-secret values are quoted (escaped, and shortened when long) so an
//! operator sees what was wrong; secret values never are.
//!
//! # Secrets
//!
//! A field is secret because of its type: [`SecretString`] or
//! [`SecretBox<T>`] (re-exported from [`secrecy`]). What is guaranteed:
//!
//! - its value never appears in `Debug` of the loaded configuration (secrecy
//!   prints `[REDACTED]`), in any [`Error`] or [`Errors`] message, in the
//!   [`Schema`] or any of its renderings, nor in `--print-config`;
//! - the copy of the raw text this crate reads is overwritten before it is
//!   freed (the process environment's own copy is not ours to wipe);
//! - a secret's default (`#[config(default = "m1cr0b1n")]`, a service's
//!   development password) applies when it is unset and is shown nowhere:
//!   the schema's tables say `hidden` (JSON `default_hidden`), and a diff
//!   of schemas sees only that it was added or removed;
//! - `X_FILE` may name a file holding the value of a secret `X` (Docker and
//!   Kubernetes secrets); one trailing newline is removed; both set is an
//!   error, and so is an unreadable, empty or over-1-MiB file.
//!
//! What is not: the value is still in the process environment, where child
//! processes inherit it and `/proc/<pid>/environ` shows it to the same user;
//! prefer `_FILE` for secrets that matter. Code that calls `expose_secret()`
//! can print it. URL types mask their password in `Display` and `Debug`, but
//! the whole connection string is one `expose_secret()` away by design.
//!
//! # Attributes
//!
//! See [`attributes`] for every `#[config(...)]` key.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// Everything but the derives lives in `twelve-config-core`, which compiles in
// parallel with the derive's `syn` instead of after it.
pub use twelve_config_core::*;
/// Derives [`Config`] for a struct with named fields; see [`attributes`].
pub use twelve_config_derive::Config;
/// Derives [`EnvValue`] for a unit enum; see [`attributes`].
pub use twelve_config_derive::EnvValue;
