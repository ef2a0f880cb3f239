//! Maps read from key-value lists: separators, typed keys and values,
//! secret values, and the reports of bad pairs.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use twelve_config::{ByteSize, Config, EnvValue, SecretString};

use super::report;

#[derive(EnvValue, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Level {
    Debug,
    Info,
    Warn,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Settings {
    #[config(default = "")]
    labels: HashMap<String, String>,
    #[config(separator = ";", kv_separator = ":")]
    log_levels: Option<BTreeMap<String, Level>>,
    #[config(default = "")]
    weights: std::collections::BTreeMap<u8, f64>,
    #[config(unit = "s", default = "")]
    timeouts: HashMap<String, Duration>,
    #[config(separator = " ")]
    limits: Option<HashMap<String, ByteSize>>,
    tokens: Option<HashMap<String, SecretString>>,
}

#[test]
fn key_value_lists_fill_maps() {
    let s = Settings::from_vars([
        ("APP_LABELS", "team=core, tier = gold ,empty="),
        ("APP_LOG_LEVELS", "hyper:warn;app:DEBUG"),
        ("APP_WEIGHTS", "2=0.5,1=1e-3"),
        ("APP_TIMEOUTS", "db=30,http=1m"),
        ("APP_LIMITS", "upload=100MB  body=1.5KiB"),
        ("APP_TOKENS", r"github=ghp_1\,2,npm=x=y"),
    ])
    .unwrap();
    assert_eq!(s.labels.len(), 3);
    assert_eq!(s.labels["tier"], "gold");
    assert_eq!(s.labels["empty"], "");
    let levels = s.log_levels.unwrap();
    assert_eq!(
        levels.into_iter().collect::<Vec<_>>(),
        [
            ("app".to_owned(), Level::Debug),
            ("hyper".to_owned(), Level::Warn)
        ]
    );
    assert_eq!(
        s.weights.into_iter().collect::<Vec<_>>(),
        [(1, 0.001), (2, 0.5)]
    );
    assert_eq!(s.timeouts["db"], Duration::from_secs(30));
    assert_eq!(s.timeouts["http"], Duration::from_secs(60));
    let limits = s.limits.unwrap();
    assert_eq!(limits["upload"], ByteSize::mb(100));
    assert_eq!(limits["body"].bytes(), 1536);
    use twelve_config::ExposeSecret;
    let tokens = s.tokens.unwrap();
    assert_eq!(tokens["github"].expose_secret(), "ghp_1,2");
    assert_eq!(tokens["npm"].expose_secret(), "x=y");
}

#[test]
fn bad_maps_are_reported_and_secrets_stay_hidden() {
    let text = report::<Settings>(&[
        ("APP_LABELS", "team=core,team=edge"),
        ("APP_LOG_LEVELS", "hyper:loud"),
        ("APP_WEIGHTS", "x=1"),
        ("APP_TIMEOUTS", "db"),
        ("APP_LIMITS", "a=1 =2"),
        ("APP_TOKENS", "a=hunter2,a=hunter3"),
    ]);
    assert!(
        text.starts_with("error: 6 configuration problems\n"),
        "{text}"
    );
    assert!(text.contains("pair 2 repeats the key of pair 1"), "{text}");
    assert!(text.contains("(value of pair 1 is invalid)"), "{text}");
    assert!(
        text.contains("key of pair 1: invalid digit found in string"),
        "{text}"
    );
    assert!(
        text.contains("pair 1 has no \"=\" between key and value"),
        "{text}"
    );
    assert!(text.contains("pair 2 has an empty key"), "{text}");
    assert!(!text.contains("hunter"), "{text}");
    let tokens = text.lines().find(|l| l.contains("APP_TOKENS")).unwrap();
    assert!(
        tokens.contains("invalid value <redacted>: expected KEY=VALUE pairs"),
        "{text}"
    );
    assert!(
        tokens.ends_with("(pair 2 repeats the key of pair 1)"),
        "{text}"
    );
}

#[test]
fn schema_describes_pairs() {
    let schema = Settings::schema();
    let labels = schema.var("APP_LABELS").unwrap();
    assert_eq!(
        labels.expected(),
        "KEY=VALUE pairs separated by \",\", keys: text, values: text"
    );
    assert_eq!(
        schema.var("APP_LOG_LEVELS").unwrap().expected(),
        "KEY:VALUE pairs separated by \";\", keys: text, values: one of: debug, info, warn"
    );
    assert_eq!(
        schema.var("APP_LIMITS").unwrap().expected(),
        "KEY=VALUE pairs separated by spaces, keys: text, values: byte size such as 512 KiB, 100 MB or 10G"
    );
    let tokens = schema.var("APP_TOKENS").unwrap();
    assert!(tokens.is_secret());
    assert_eq!(tokens.file_var(), Some("APP_TOKENS_FILE"));
    assert!(!tokens.is_required());
}
