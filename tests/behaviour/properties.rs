//! Property tests: the fuzz targets' properties on generated inputs, in a
//! few dozen cases each so that every `cargo test` runs them quickly.

use std::net::SocketAddr;
use std::time::Duration;

use proptest::prelude::*;
use twelve_config::{
    Config, EnvValue, Errors, ExposeSecret, Loaded, SecretBox, SecretString, Vars,
};

/// Few cases: these run in every `cargo test`; the fuzz targets go deep.
fn cases(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Marks secret inputs; no other input holds it.
const MARK: char = '§';

#[derive(Config, Debug)]
#[config(prefix = "P_")]
struct Props {
    #[config(default = 8080)]
    port: u16,
    #[config(default = "")]
    items: Vec<String>,
    #[config(separator = ";")]
    ports: Option<Vec<u16>>,
    ratio: Option<f64>,
    wait: Option<Duration>,
    flag: Option<bool>,
    endpoint: Option<url::Url>,
    listen: Option<SocketAddr>,
    api_key: SecretString,
    pin: Option<SecretBox<u64>>,
    codes: Option<Vec<SecretString>>,
    #[config(nested)]
    db: Option<PropsDb>,
}

#[derive(Config, Debug)]
struct PropsDb {
    host: String,
    password: SecretString,
}

/// A list item written so that list parsing reads it back: the separator
/// and backslashes escaped.
fn escape(item: &str, separator: char) -> String {
    let mut out = String::new();
    for c in item.chars() {
        if c == separator || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Every text the crate shows about a load. `Loaded`'s `Debug` includes the
/// configuration's, where `url::Url` shows its password by design; the
/// resolved variables are what the crate itself shows.
fn outputs(result: &Result<Loaded<Props>, Errors>, with_config: bool) -> String {
    match result {
        Ok(loaded) => {
            let mut out = if with_config {
                format!("{loaded:?}")
            } else {
                String::new()
            };
            for var in loaded.vars() {
                out += &format!("{var:?}{:?}", var.shown_value());
            }
            out
        }
        Err(errors) => format!("{errors}{errors:?}"),
    }
}

const NAMES: [&str; 14] = [
    "P_PORT",
    "P_ITEMS",
    "P_PORTS",
    "P_RATIO",
    "P_WAIT",
    "P_FLAG",
    "P_ENDPOINT",
    "P_LISTEN",
    "P_API_KEY",
    "P_PIN",
    "P_CODES",
    "P_DB_HOST",
    "P_DB_PASSWORD",
    "P_UNKNOWN",
];
const SECRETS: [&str; 4] = ["P_API_KEY", "P_PIN", "P_CODES", "P_DB_PASSWORD"];

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn integers_read_back_what_they_display(n in any::<i64>(), u in any::<u16>(), w in any::<u128>()) {
        prop_assert_eq!(i64::parse_env(&n.to_string()), Ok(n));
        prop_assert_eq!(u16::parse_env(&u.to_string()), Ok(u));
        prop_assert_eq!(u128::parse_env(&w.to_string()), Ok(w));
    }

    #[test]
    fn integers_accept_exactly_what_std_accepts(text in "[-+]?[0-9a-f_ ]{0,8}") {
        prop_assert_eq!(i32::parse_env(&text).ok(), text.parse::<i32>().ok());
        prop_assert_eq!(u8::parse_env(&text).ok(), text.parse::<u8>().ok());
    }

    #[test]
    fn floats_read_back_and_are_finite(x in any::<f64>(), text in "[-+]?(inf|nan|infinity|[0-9.e]{1,6})") {
        if x.is_finite() {
            prop_assert_eq!(f64::parse_env(&x.to_string()), Ok(x));
        } else {
            prop_assert!(f64::parse_env(&x.to_string()).is_err());
        }
        if let Ok(parsed) = f64::parse_env(&text) {
            prop_assert!(parsed.is_finite());
        }
    }

    #[test]
    fn booleans_ignore_case_and_nothing_else_passes(
        word in prop::sample::select(vec!["true", "false", "1", "0", "yes", "no", "on", "off"]),
        upper in prop::collection::vec(any::<bool>(), 5),
        other in "[a-zA-Z0-9 ]{0,6}",
    ) {
        let cased: String = word
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
            .collect();
        let expected = ["true", "1", "yes", "on"].contains(&word);
        prop_assert_eq!(bool::parse_env(&cased), Ok(expected));
        let known = ["true", "false", "1", "0", "yes", "no", "on", "off"];
        if !known.iter().any(|k| k.eq_ignore_ascii_case(&other)) {
            prop_assert!(bool::parse_env(&other).is_err());
        }
    }

    #[test]
    fn durations_and_addresses_read_back(
        secs in 0u64..1_000_000_000_000,
        nanos in 0u32..1_000_000_000,
        ip in any::<[u8; 4]>(),
        port in any::<u16>(),
    ) {
        let d = Duration::new(secs, nanos);
        prop_assert_eq!(Duration::parse_env(&format!("{secs}s {nanos}ns")), Ok(d));
        let addr = SocketAddr::from((ip, port));
        prop_assert_eq!(SocketAddr::parse_env(&addr.to_string()), Ok(addr));
    }

    #[test]
    fn list_items_read_back_when_escaped(
        items in prop::collection::vec("[ a-z,;\\\\é\t]{0,6}", 0..12),
    ) {
        let items: Vec<String> = items
            .iter()
            .map(|i| i.trim().to_owned())
            .filter(|i| !i.is_empty())
            .collect();
        let text = items.iter().map(|i| escape(i, ',')).collect::<Vec<_>>().join(" , ");
        let config = Props::from_vars([("P_ITEMS", text.as_str()), ("P_API_KEY", "k")]).unwrap();
        prop_assert_eq!(config.items, items);
    }

    #[test]
    fn the_last_of_duplicate_variables_wins(
        values in prop::collection::vec((0usize..3, any::<u16>()), 1..20),
    ) {
        let names = ["P_PORT", "P_API_KEY", "P_FLAG"];
        let vars: Vec<(&str, String)> =
            values.iter().map(|&(i, v)| (names[i], v.to_string())).collect();
        let last = |name: &str| vars.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v.clone());
        match Props::from_vars(vars.clone()) {
            Ok(config) => {
                prop_assert_eq!(Some(config.port.to_string()), last("P_PORT").or(Some("8080".into())));
                prop_assert_eq!(Some(config.api_key.expose_secret().to_owned()), last("P_API_KEY"));
                if let Some(flag) = last("P_FLAG") {
                    prop_assert_eq!(config.flag, Some(flag == "1"));
                }
            }
            Err(errors) => {
                // Only a missing key or a flag other than 0/1 can fail.
                let flag_bad = last("P_FLAG").is_some_and(|f| f != "0" && f != "1");
                prop_assert!(last("P_API_KEY").is_none() || flag_bad, "{}", errors);
            }
        }
    }

    #[test]
    fn url_passwords_are_masked_wherever_shown(
        user in "[a-z]{1,6}",
        password in "[A-Z0-9]{8,16}",
        host in "[a-z]{1,8}",
        port in prop::option::of(any::<u16>()),
        path in "(/[a-z0-9@:]{0,5}){0,3}",
    ) {
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let text = format!("postgres://{user}:{password}@{host}{port}{path}");
        let shown = url::Url::redact(&text).unwrap();
        prop_assert!(!shown.contains(&password), "{} shown as {}", text, shown);
        // In the trace of a successful load and in a report alike.
        let good = Props::load(&Vars::new([("P_ENDPOINT", text.as_str()), ("P_API_KEY", "k")]));
        prop_assert!(!outputs(&good, false).contains(&password));
        let bad = Props::load(&Vars::new([("P_ENDPOINT", format!("{text} ")), ("P_PORT", "x".into())]));
        prop_assert!(!outputs(&bad, false).contains(&password));
    }
}

proptest! {
    #![proptest_config(cases(96))]

    #[test]
    fn a_load_succeeds_or_reports_and_never_shows_a_secret(
        vars in prop::collection::vec(
            (0usize..NAMES.len(), "[ -~é\n\\\\]{0,12}", 0usize..16),
            0..16,
        ),
    ) {
        let vars: Vec<(String, String)> = vars
            .into_iter()
            .map(|(i, value, at)| {
                let name = NAMES[i];
                let value = if SECRETS.contains(&name) {
                    let mut value = value;
                    let at = value.char_indices().nth(at).map_or(value.len(), |(i, _)| i);
                    value.insert(at, MARK);
                    value
                } else {
                    value
                };
                (name.to_owned(), value)
            })
            .collect();
        let loaded = Props::load(&Vars::new(vars.clone()));
        if let Err(errors) = &loaded {
            prop_assert!(!errors.is_empty());
            prop_assert_eq!(errors.to_string().lines().count(), 1 + errors.len()
                + errors.iter().filter(|e| e.note().is_some()).count());
        }
        let plain = Props::from_vars(vars);
        prop_assert_eq!(loaded.is_ok(), plain.is_ok());
        let out = outputs(&loaded, true);
        prop_assert!(!out.contains(MARK), "a secret is shown: {}", out);
    }
}

/// Values of every kind that may hold a connection string, none secret.
#[derive(Config, Debug)]
#[config(prefix = "C_")]
struct Conn {
    dsn: Option<String>,
    dsns: Option<Vec<String>>,
    #[config(from_str)]
    endpoint: Option<url::Url>,
    #[config(with = refuse)]
    refused: Option<String>,
}

/// A parser that rejects every value and quotes it, as many do.
fn refuse(text: &str) -> Result<String, String> {
    Err(format!("cannot use {text}"))
}

/// `scheme://user:password@host[:port][/path][?query]`, the password
/// starting with `Q` and holding the characters that make masking hard.
fn connection_string() -> impl Strategy<Value = (String, String)> {
    (
        "[a-z][a-z0-9+.-]{0,8}",
        "[a-z]{0,6}",
        "Q[A-Za-z0-9@/?#:%!$&*+._~-]{5,15}",
        "[a-z]{1,8}(\\.[a-z]{1,4})?",
        prop::option::of(1u16..),
        "(/[a-z0-9]{0,5}){0,2}(\\?[a-z]=[a-z@:]{0,4})?",
    )
        .prop_map(|(scheme, user, password, host, port, rest)| {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            let text = format!("{scheme}://{user}:{password}@{host}{port}{rest}");
            (text, password)
        })
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn no_output_shows_a_url_password_whatever_the_field(
        urls in prop::collection::vec(connection_string(), 1..4),
        separator in prop::sample::select(vec![",", ", ", " "]),
    ) {
        let list = urls.iter().map(|(text, _)| text.as_str()).collect::<Vec<_>>();
        let (first, _) = &urls[0];
        let vars = Vars::new([
            ("C_DSN", list.join(separator)),
            ("C_DSNS", list.join(",")),
            ("C_ENDPOINT", first.clone()),
        ]);
        let mut out = String::new();
        for args in [&["--print-config"][..], &["--print-config", "--format=json"]] {
            let outcome = crate::cli::run::<Conn>(args, &vars);
            out += &outcome.stdout;
            out += &outcome.stderr;
        }
        if let Ok(loaded) = Conn::load(&vars) {
            for var in loaded.vars() {
                out += &format!("{var:?}");
            }
        }
        let refused = Vars::new([("C_REFUSED", list.join(separator))]);
        let errors = Conn::from_source(&refused).unwrap_err();
        out += &format!("{errors}{errors:?}{}", errors.to_json());
        out += &crate::cli::run::<Conn>(&["--check-config"], &refused).stderr;
        for (text, password) in &urls {
            prop_assert!(!out.contains(password.as_str()), "{} shown in\n{}", text, out);
        }
    }
}
