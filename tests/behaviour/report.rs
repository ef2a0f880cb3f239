//! The aggregated report: every problem of the whole tree in one load.

use std::time::Duration;

use twelve_config::{Config, EnvValue, ErrorKind};

#[derive(EnvValue, Debug)]
enum Level {
    Debug,
    Info,
    Warn,
}

#[derive(Config, Debug)]
#[config(prefix = "SHOP_")]
struct Shop {
    database_url: String,
    #[config(env = "PORT", default = 8080)]
    port: u16,
    #[config(default = "info")]
    log_level: Level,
    #[config(default = "30s")]
    timeout: Duration,
    #[config(default = "")]
    admins: Vec<String>,
    debug: Option<bool>,
    #[config(nested)]
    cache: Cache,
}

#[derive(Config, Debug)]
struct Cache {
    #[config(default = 100)]
    entries: usize,
    ttl: Duration,
}

#[test]
fn every_problem_is_reported_in_declaration_order() {
    let errors = Shop::from_vars([
        ("PORT", "80a"),
        ("SHOP_LOG_LEVEL", "verbose"),
        ("SHOP_TIMEOUT", "soon"),
        ("SHOP_ADMINS", "ann,,bob"),
        ("SHOP_DEBUG", "ture"),
        ("SHOP_CACHE_ENTRIES", "-1"),
    ])
    .unwrap_err();
    assert_eq!(errors.len(), 8);
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(
        vars,
        [
            "SHOP_DATABASE_URL",
            "PORT",
            "SHOP_LOG_LEVEL",
            "SHOP_TIMEOUT",
            "SHOP_ADMINS",
            "SHOP_DEBUG",
            "SHOP_CACHE_ENTRIES",
            "SHOP_CACHE_TTL",
        ]
    );
    let report = errors.to_string();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "error: 8 configuration problems");
    assert_eq!(lines[1], "  SHOP_DATABASE_URL   missing: required (text)");
    assert_eq!(
        lines[2],
        "  PORT                invalid value \"80a\": expected integer 0..=65535 (invalid digit found in string)"
    );
    assert_eq!(
        lines[3],
        "  SHOP_LOG_LEVEL      invalid value \"verbose\": expected one of: debug, info, warn"
    );
    assert!(lines[4].starts_with("  SHOP_TIMEOUT        invalid value \"soon\": expected duration such as 30s, 500ms or 1h 15m ("));
    assert_eq!(
        lines[5],
        "  SHOP_ADMINS         invalid value \"ann,,bob\": expected list of text separated by \",\" (item 2 is empty)"
    );
    assert_eq!(
        lines[6],
        "  SHOP_DEBUG          invalid value \"ture\": expected boolean: true/false, 1/0, yes/no or on/off (not a boolean)"
    );
    assert_eq!(
        lines[7],
        "  SHOP_CACHE_ENTRIES  invalid value \"-1\": expected integer 0..=18446744073709551615 (negative, but the type is unsigned)"
    );
    assert_eq!(
        lines[8],
        "  SHOP_CACHE_TTL      missing: required (duration such as 30s, 500ms or 1h 15m)"
    );
    assert!(matches!(
        errors.iter().next().unwrap().kind(),
        ErrorKind::Missing { .. }
    ));
}

#[test]
fn the_report_never_quotes_another_variables_value() {
    let errors = Shop::from_vars([
        ("PORT", "not-a-port"),
        ("SHOP_DATABASE_URL", "postgres://only-mine"),
        ("SHOP_CACHE_TTL", "1s"),
    ])
    .unwrap_err();
    let report = errors.to_string();
    assert_eq!(errors.len(), 1, "{report}");
    assert!(!report.contains("only-mine"), "{report}");
}

#[test]
fn long_and_control_character_values_are_shortened_and_escaped() {
    let long = format!("{}\n\u{1b}[31mred", "9".repeat(500));
    let errors = Shop::from_vars([
        ("PORT", long.as_str()),
        ("SHOP_DATABASE_URL", "x"),
        ("SHOP_CACHE_TTL", "1s"),
    ])
    .unwrap_err();
    let report = errors.to_string();
    assert_eq!(report.lines().count(), 2, "{report}");
    assert!(report.len() < 300, "{report}");
    assert!(!report.contains('\u{1b}'), "{report}");
    assert!(
        report.contains("\"... (509 bytes): expected integer"),
        "{report}"
    );
    let errors = Shop::from_vars([
        ("PORT", "8\u{1b}[2J0\r\nerror: forged line"),
        ("SHOP_DATABASE_URL", "x"),
        ("SHOP_CACHE_TTL", "1s"),
    ])
    .unwrap_err();
    let report = errors.to_string();
    assert_eq!(report.lines().count(), 2, "{report}");
    assert!(
        report.contains(r#"invalid value "8\u{1b}[2J0\r\nerror: forged line""#),
        "{report}"
    );
}

#[test]
fn errors_iterate_by_reference_and_by_value() {
    let errors = Shop::from_vars(Vec::<(String, String)>::new()).unwrap_err();
    assert!(!errors.is_empty());
    let by_ref: Vec<String> = (&errors).into_iter().map(|e| e.var().to_owned()).collect();
    let by_value: Vec<String> = errors
        .clone()
        .into_iter()
        .map(|e| e.var().to_owned())
        .collect();
    assert_eq!(by_ref, by_value);
    assert_eq!(by_ref, ["SHOP_DATABASE_URL", "SHOP_CACHE_TTL"]);
    let source: &dyn std::error::Error = &errors;
    assert!(source
        .to_string()
        .starts_with("error: 2 configuration problems"));
    assert_eq!(errors.len(), 2);
    // The empty list a program may start from before adding its own.
    let none = twelve_config::Errors::default();
    assert!(none.is_empty());
    assert_eq!(none.len(), 0);
    assert_eq!(none.iter().count(), 0);
}

#[derive(Config, Debug)]
#[config(prefix = "OPS_")]
struct WithGroup {
    #[config(default = "info")]
    level: String,
    #[config(nested)]
    s3: Option<S3>,
}

#[derive(Config, Debug)]
struct S3 {
    bucket: String,
    region: String,
    #[config(default = "https://s3.amazonaws.com")]
    endpoint: String,
}

#[test]
fn an_optional_group_is_off_when_unset_and_complete_when_used() {
    let off = WithGroup::from_vars([("OPS_LEVEL", "debug")]).unwrap();
    assert!(off.s3.is_none());
    let on = WithGroup::from_vars([("OPS_S3_BUCKET", "b"), ("OPS_S3_REGION", "eu")]).unwrap();
    let s3 = on.s3.unwrap();
    assert_eq!(
        (s3.bucket.as_str(), s3.endpoint.as_str()),
        ("b", "https://s3.amazonaws.com")
    );
    let errors = WithGroup::from_vars([("OPS_S3_ENDPOINT", "http://minio")]).unwrap_err();
    let note = "note: the optional group s3 is enabled because OPS_S3_ENDPOINT is set";
    let indent = " ".repeat(2 + "OPS_S3_BUCKET".len() + 2);
    assert_eq!(
        errors.to_string(),
        format!(
            "error: 2 configuration problems\n  \
             OPS_S3_BUCKET  missing: required (text)\n{indent}{note}\n  \
             OPS_S3_REGION  missing: required (text)"
        )
    );
    let schema = WithGroup::schema();
    assert_eq!(schema.var("OPS_S3_BUCKET").unwrap().group(), Some("s3"));
    assert_eq!(schema.var("OPS_LEVEL").unwrap().group(), None);
}
