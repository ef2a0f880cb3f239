//! An empty variable on an optional field: unset, but never silently.

use twelve_config::{Config, ErrorKind, Vars};

#[derive(Config, Debug)]
struct Mail {
    smtp_host: Option<String>,
    smtp_port: Option<u16>,
    #[config(allow_empty)]
    smtp_helo: Option<String>,
    #[config(empty = "error")]
    smtp_from: Option<String>,
    #[config(requires(smtp_host))]
    smtp_user: Option<String>,
}

#[test]
fn an_empty_optional_variable_is_unset_with_a_warning() {
    let loaded = Mail::load(&Vars::new([("SMTP_HOST", ""), ("SMTP_PORT", "")])).unwrap();
    assert_eq!(loaded.config().smtp_host, None);
    assert_eq!(loaded.config().smtp_port, None);
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "warning: SMTP_HOST: set but empty, so it is treated as unset; unset it, or give it a value",
            "warning: SMTP_PORT: set but empty, so it is treated as unset; unset it, or give it a value",
        ]
    );
    // Unset, nothing to say.
    let loaded = Mail::load(&Vars::default()).unwrap();
    assert!(loaded.warnings().is_empty());
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Logging {
    #[config(default = "info", fallback = "RUST_LOG")]
    log: String,
    #[config(file)]
    token: Option<String>,
}

#[test]
fn an_empty_variable_passed_over_for_its_fallback_or_file_is_warned_about() {
    let file = crate::support::TempFile::with(b"from-file\n");
    let vars = Vars::new([
        ("APP_LOG", ""),
        ("RUST_LOG", "debug"),
        ("APP_TOKEN", ""),
        ("APP_TOKEN_FILE", file.path()),
    ]);
    let loaded = Logging::load(&vars).unwrap();
    assert_eq!(loaded.config().log, "debug");
    assert_eq!(loaded.config().token.as_deref(), Some("from-file"));
    // Counted as unset: what is read in its place is the origin that
    // `--print-config` shows.
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "warning: APP_LOG: set but empty, so it is treated as unset; unset it, or give it a value",
            "warning: APP_TOKEN: set but empty, so it is treated as unset; unset it, or give it a value",
        ]
    );
    let log = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "APP_LOG")
        .unwrap();
    assert_eq!(
        log.origin(),
        &twelve_config::Origin::Fallback("RUST_LOG".into())
    );
    // Unset, the fallback is read without a word.
    let loaded = Logging::load(&Vars::new([("RUST_LOG", "debug")])).unwrap();
    assert!(loaded.warnings().is_empty());
}

#[derive(Config, Debug)]
#[config(prefix = "APP_", empty = "error")]
struct Strict {
    #[config(default = "info", fallback = "RUST_LOG")]
    log: String,
    #[config(file)]
    token: Option<String>,
}

#[test]
fn with_empty_as_an_error_an_empty_variable_is_reported_whatever_is_read_in_its_place() {
    let file = crate::support::TempFile::with(b"from-file\n");
    let errors = Strict::from_vars([
        ("APP_LOG", ""),
        ("RUST_LOG", "debug"),
        ("APP_TOKEN", ""),
        ("APP_TOKEN_FILE", file.path()),
    ])
    .unwrap_err();
    let problems: Vec<(String, bool)> = errors
        .iter()
        .map(|e| (e.vars().join(","), matches!(e.kind(), ErrorKind::Empty)))
        .collect();
    assert_eq!(
        problems,
        [("APP_LOG".to_owned(), true), ("APP_TOKEN".to_owned(), true)]
    );
}

#[test]
fn a_field_where_empty_is_a_value_or_an_error_gets_no_warning() {
    let loaded = Mail::load(&Vars::new([("SMTP_HELO", "")])).unwrap();
    assert_eq!(loaded.config().smtp_helo.as_deref(), Some(""));
    assert!(loaded.warnings().is_empty());
    let errors = Mail::from_vars([("SMTP_FROM", "")]).unwrap_err();
    assert!(matches!(
        errors.iter().next().unwrap().kind(),
        ErrorKind::Empty
    ));
}

#[derive(Config, Debug)]
#[config(prefix = "APP_", allow_empty)]
struct EmptyIsText {
    banner: Option<String>,
}

#[test]
fn a_struct_where_empty_is_a_value_gets_no_warning() {
    let loaded = EmptyIsText::load(&Vars::new([("APP_BANNER", "")])).unwrap();
    assert_eq!(loaded.config().banner.as_deref(), Some(""));
    assert!(loaded.warnings().is_empty());
}

#[test]
fn a_rule_names_a_required_variable_that_is_set_but_empty() {
    let errors = Mail::from_vars([("SMTP_USER", "me"), ("SMTP_HOST", "")]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "SMTP_USER requires SMTP_HOST; only SMTP_USER is set; SMTP_HOST is set but empty"
    );
}

#[derive(Config, Debug)]
#[config(prefix = "KELLNR_")]
struct Proxy {
    /// Crates never proxied; none by default.
    #[config(default = "")]
    skip_crates: Vec<String>,
    #[config(default = "crates.io")]
    upstream: String,
}

#[test]
fn an_empty_variable_whose_default_is_empty_too_is_used_as_set_without_a_word() {
    let vars = twelve_config::Vars::new([("KELLNR_SKIP_CRATES", ""), ("KELLNR_UPSTREAM", "")]);
    let loaded = Proxy::load(&vars).unwrap();
    assert!(loaded.config().skip_crates.is_empty());
    assert_eq!(loaded.config().upstream, "crates.io");
    // The list: what was set is what is used. The text: the default
    // stands in for it, and a warning says so.
    let warnings: Vec<&str> = loaded.warnings().iter().map(|w| w.var()).collect();
    assert_eq!(warnings, ["KELLNR_UPSTREAM"]);
}
