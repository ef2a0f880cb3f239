//! The whole generated loader on an arbitrary set of variables.
//!
//! [`Everything`] has a field of every kind: each value type, `Option`,
//! lists with several separators, defaults, `allow_empty`, aliases,
//! `from_str`, `with`, `#[config(file)]`, secrets (plain, boxed, in a list,
//! behind an alias), nested structs three levels deep, optional groups and a
//! validation rule.
//!
//! The fuzzer picks variable names (a known name by index, or any bytes) and
//! values. Secret inputs are marked: every value given to a secret variable
//! (or its alias, or its `_FILE` file) contains [`MARK`], and the mark is
//! removed from every other input. A secret shows up in an output only if
//! the mark does, which makes the "never shown" property exact.
//!
//! `_FILE` variables never name a real file: their value is replaced by a
//! file this module writes in a directory of its own under the system's
//! temporary directory, holding bytes the fuzzer chose, or by a path in that
//! directory that does not exist.

use std::ffi::OsString;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU16;
use std::os::unix::ffi::OsStringExt;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use arbitrary::Arbitrary;
use twelve_config::{Config, EnvValue, Errors, Loaded, Problems, SecretBox, SecretString, Vars};

/// The character that marks secret inputs; no other input contains it.
pub const MARK: char = '§';

/// A unit enum of every spelling rule: plain, multi-word, renamed, aliased.
#[derive(EnvValue, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `json`.
    Json,
    /// `text`.
    Text,
    /// `json-lines` or `json_lines`.
    JsonLines,
    /// Only `plain`.
    #[config(rename = "plain")]
    Human,
    /// `key-value`, `key_value` or `logfmt`.
    #[config(alias = "logfmt")]
    KeyValue,
}

impl Format {
    /// The listed spelling of the value.
    pub fn spelling(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Text => "text",
            Format::JsonLines => "json-lines",
            Format::Human => "plain",
            Format::KeyValue => "key-value",
        }
    }
}

fn percent(text: &str) -> Result<u8, String> {
    let digits = text.strip_suffix('%').unwrap_or(text);
    match digits.parse::<u8>() {
        Ok(n) if n <= 100 => Ok(n),
        Ok(_) => Err("more than 100".to_owned()),
        // A foreign reason quoting the input: withheld for secrets, shown
        // (quoted) otherwise.
        Err(_) => Err(format!("{text} is not a percentage")),
    }
}

/// A configuration with a field of every kind.
#[derive(Config, Debug)]
#[config(prefix = "APP_", validate = Everything::check)]
#[allow(missing_docs)]
pub struct Everything {
    #[config(env = "PORT", default = 8080)]
    pub port: u16,
    #[config(default = "30s")]
    pub timeout: Duration,
    pub ratio: Option<f64>,
    pub verbose: Option<bool>,
    pub level: Option<i8>,
    pub big: Option<u128>,
    pub workers: Option<NonZeroU16>,
    pub listen: Option<SocketAddr>,
    pub peers: Option<Vec<IpAddr>>,
    #[config(default = "")]
    pub tags: Vec<String>,
    #[config(separator = ";")]
    pub ports: Option<Vec<u16>>,
    #[config(separator = " ")]
    pub formats: Option<Vec<Format>>,
    #[config(separator = "::")]
    pub delays: Option<Vec<Duration>>,
    pub format: Option<Format>,
    pub endpoint: Option<url::Url>,
    pub mirrors: Option<Vec<url::Url>>,
    pub path: Option<PathBuf>,
    pub raw: Option<OsString>,
    pub initial: Option<char>,
    #[config(allow_empty)]
    pub banner: Option<String>,
    #[config(alias = "APP_OLD_NAME", alias = "LEGACY_NAME")]
    pub name: Option<String>,
    #[config(from_str)]
    pub gateway: Option<Ipv4Addr>,
    #[config(with = percent)]
    pub share: Option<u8>,
    #[config(file)]
    pub cert: Option<String>,
    pub api_key: SecretString,
    #[config(alias = "APP_OLD_PIN")]
    pub pin: Option<SecretBox<u64>>,
    pub backup_codes: Option<Vec<SecretString>>,
    #[config(nested)]
    pub db: Db,
    #[config(nested)]
    pub cache: Option<Cache>,
}

impl Everything {
    fn check(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        if self.port == 0 {
            problems.add(["port"], "must not be 0");
        }
        if self.db.replica.is_some() && self.cache.is_none() {
            problems.add(["db", "APP_CACHE_URL"], "a replica needs the cache");
        }
        problems.into_result()
    }
}

/// The database: nested, with an optional group inside.
#[derive(Config, Debug)]
#[allow(missing_docs)]
pub struct Db {
    #[config(default = "localhost")]
    pub host: String,
    #[config(default = 5432)]
    pub port: u16,
    pub password: Option<SecretString>,
    #[config(nested, prefix = "REPLICA_")]
    pub replica: Option<Replica>,
}

/// An optional group two levels down, with a nested struct of its own.
#[derive(Config, Debug)]
#[config(nested_separator = "__")]
#[allow(missing_docs)]
pub struct Replica {
    pub host: String,
    #[config(nested)]
    pub pool: Pool,
}

/// Three levels down.
#[derive(Config, Debug)]
#[allow(missing_docs)]
pub struct Pool {
    pub size: Option<u32>,
    pub token: Option<SecretString>,
}

/// An optional group with a required secret.
#[derive(Config, Debug)]
#[allow(missing_docs)]
pub struct Cache {
    pub url: url::Url,
    #[config(default = "1m")]
    pub ttl: Duration,
    pub token: SecretString,
}

/// One variable of the fuzz input.
#[derive(Arbitrary, Debug)]
pub struct Var {
    name: Name,
    value: Vec<u8>,
    /// Where in a secret value the mark goes.
    mark_at: u8,
}

/// A variable's name: one the configuration knows, or any bytes.
#[derive(Arbitrary, Debug)]
pub enum Name {
    /// A name from [`known_names`], by index.
    Known(u8),
    /// Any bytes (UTF-8 or not).
    Raw(Vec<u8>),
    /// The prefix and any text, so that the unknown-variable scan runs.
    Prefixed(String),
}

/// Every name the configuration reads: variables, `_FILE` variables, aliases.
pub fn known_names() -> &'static [(String, bool)] {
    static NAMES: OnceLock<Vec<(String, bool)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = Vec::new();
        for var in Everything::schema().vars() {
            let secret = var.is_secret();
            names.push((var.name().to_owned(), secret));
            names.extend(var.file_var().map(|f| (f.to_owned(), secret)));
            names.extend(var.aliases().iter().map(|a| ((*a).to_owned(), secret)));
        }
        names
    })
}

/// Whether a variable of this name gives a secret its value.
fn is_secret_name(name: &[u8]) -> bool {
    known_names()
        .iter()
        .any(|(known, secret)| *secret && known.as_bytes() == name)
}

/// The directory that `_FILE` variables point into.
fn file_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("twelve-config-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary directory");
        dir
    })
}

/// Removes the mark from a non-secret input.
fn unmarked(bytes: &[u8]) -> Vec<u8> {
    let mark = MARK.to_string();
    let mark = mark.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(mark) {
            i += mark.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Puts the mark into a secret input.
fn marked(bytes: &[u8], at: u8) -> Vec<u8> {
    let mut value = unmarked(bytes);
    let at = usize::from(at).min(value.len());
    let mark = MARK.to_string();
    value.splice(at..at, mark.bytes());
    value
}

/// Turns the fuzz input into variables, with marks placed and `_FILE`
/// values confined to [`file_dir`].
pub fn variables(input: &[Var]) -> Vec<(OsString, OsString)> {
    let names = known_names();
    let mut vars = Vec::with_capacity(input.len());
    for (i, var) in input.iter().enumerate() {
        let name: Vec<u8> = match &var.name {
            Name::Known(index) => names[usize::from(*index) % names.len()]
                .0
                .clone()
                .into_bytes(),
            Name::Raw(bytes) => unmarked(bytes),
            Name::Prefixed(rest) => unmarked(format!("APP_{rest}").as_bytes()),
        };
        let secret = is_secret_name(&name);
        let file = name.ends_with(b"_FILE");
        let contents = if secret {
            marked(&var.value, var.mark_at)
        } else {
            unmarked(&var.value)
        };
        let value = if file {
            // The value is what the file holds; the variable names the file.
            let path = file_dir().join(format!("{i}"));
            if var.mark_at % 8 == 7 {
                let _ = std::fs::remove_file(&path);
            } else {
                std::fs::write(&path, &contents).expect("write a fuzz file");
            }
            path.into_os_string().into_vec()
        } else {
            contents
        };
        vars.push((OsString::from_vec(name), OsString::from_vec(value)));
    }
    vars
}

/// Every text the crate shows about a load, joined.
fn outputs(result: &Result<Loaded<Everything>, Errors>) -> String {
    match result {
        Ok(loaded) => {
            let mut out = format!("{loaded:?}\n");
            for var in loaded.vars() {
                out += &format!("{var:?} {} {:?}\n", var.origin(), var.shown_value());
                if var.is_secret() {
                    assert_eq!(var.shown_value(), None, "{} is shown", var.name());
                }
            }
            for warning in loaded.warnings() {
                out += &format!("{warning} {warning:?}\n");
            }
            out
        }
        Err(errors) => {
            let mut out = format!("{errors}\n{errors:#?}\n");
            for error in errors {
                out += &format!("{error} {}\n", error.message());
            }
            out
        }
    }
}

/// Loads [`Everything`] from the fuzz input and checks:
///
/// - a load succeeds, or fails with at least one error, and its report
///   counts them;
/// - `load` and `from_vars` agree;
/// - no output (reports, `Debug`, resolved variables, warnings) shows any
///   part of a secret input that holds the mark;
/// - report lines cannot be forged: each error is one line (plus its note).
pub fn check(input: &[Var]) {
    let vars = variables(input);
    let source = Vars::new(vars.iter().cloned());
    let loaded = Everything::load(&source);
    let plain = Everything::from_vars(vars.iter().cloned());
    match (&loaded, &plain) {
        (Ok(_), Ok(_)) => {}
        (Err(a), Err(b)) => assert_eq!(a, b, "load and from_vars report differently"),
        _ => panic!("load and from_vars disagree"),
    }
    if let Err(errors) = &loaded {
        assert!(!errors.is_empty(), "a failed load without an error");
        let n = errors.len();
        let report = errors.to_string();
        let head = format!(
            "error: {n} configuration problem{}",
            if n == 1 { "" } else { "s" }
        );
        assert!(report.starts_with(&head), "{report}");
        // One entry per problem and per closing note, each starting at
        // two spaces; every other line (a long name's message, a note
        // under its entry, a wrapped list of names) is indented further.
        // A forged line would start elsewhere.
        let entries = report
            .lines()
            .skip(1)
            .filter(|line| line.starts_with("  ") && !line[2..].starts_with(' '))
            .count();
        assert_eq!(entries, n + errors.notes().len(), "{report}");
        assert!(
            report.lines().skip(1).all(|line| line.starts_with("  ")),
            "{report}"
        );
    }
    let out = outputs(&loaded);
    assert!(!out.contains(MARK), "a secret is shown:\n{out}");
    if let Ok(loaded) = &loaded {
        for warning in loaded.warnings() {
            let line = warning.to_string();
            assert!(
                !line.contains(['\n', '\r']),
                "a warning of two lines: {line:?}"
            );
        }
    }
}
