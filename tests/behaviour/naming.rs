//! Naming rules, defaults and empty values.

use std::time::Duration;

use twelve_config::{Config, ErrorKind, Origin, Vars};

/// A pool reused under two prefixes.
#[derive(Config, Debug, PartialEq)]
#[config(prefix = "POOL_")]
struct Pool {
    #[config(default = 4)]
    size: u32,
    #[config(default = "5s")]
    idle_timeout: Duration,
    /// Shared by every pool: `env` is exact wherever the struct is nested.
    #[config(env = "POOL_DEBUG", default = false)]
    debug: bool,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct App {
    name: String,
    #[config(env = "PORT", default = 8080)]
    port: u16,
    #[config(nested)]
    primary: Pool,
    #[config(nested, prefix = "REPLICA_POOL_")]
    replica: Pool,
    r#type: Option<String>,
    http2_enabled: Option<bool>,
}

#[test]
fn prefix_env_and_nested_names() {
    let names: Vec<String> = App::schema()
        .vars()
        .iter()
        .map(|v| v.name().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "APP_NAME",
            "PORT",
            "APP_PRIMARY_SIZE",
            "APP_PRIMARY_IDLE_TIMEOUT",
            "POOL_DEBUG",
            "APP_REPLICA_POOL_SIZE",
            "APP_REPLICA_POOL_IDLE_TIMEOUT",
            "APP_TYPE",
            "APP_HTTP2_ENABLED",
        ]
    );
    let schema = App::schema();
    let fields: Vec<&str> = schema.vars().iter().map(|v| v.field()).collect();
    assert_eq!(
        fields,
        [
            "name",
            "port",
            "primary.size",
            "primary.idle_timeout",
            "primary.debug",
            "replica.size",
            "replica.idle_timeout",
            "type",
            "http2_enabled",
        ]
    );
}

#[test]
fn a_struct_reused_under_two_prefixes_loads_each_separately() {
    let app = App::from_vars([
        ("APP_NAME", "billing"),
        ("PORT", "9000"),
        ("APP_PRIMARY_SIZE", "16"),
        ("APP_REPLICA_POOL_SIZE", "2"),
        ("APP_REPLICA_POOL_IDLE_TIMEOUT", "1m"),
        ("POOL_DEBUG", "on"),
        ("POOL_SIZE", "99"),
        ("APP_TYPE", "worker"),
    ])
    .unwrap();
    assert_eq!(app.name, "billing");
    assert_eq!(app.port, 9000);
    assert_eq!(
        app.primary,
        Pool {
            size: 16,
            idle_timeout: Duration::from_secs(5),
            debug: true
        }
    );
    assert_eq!(
        app.replica,
        Pool {
            size: 2,
            idle_timeout: Duration::from_secs(60),
            debug: true
        }
    );
    assert_eq!(app.r#type.as_deref(), Some("worker"));
    assert_eq!(app.http2_enabled, None);
}

#[test]
fn a_nested_struct_keeps_its_own_prefix_at_the_top_level() {
    let pool = Pool::from_vars([("POOL_SIZE", "99"), ("APP_PRIMARY_SIZE", "1")]).unwrap();
    assert_eq!(pool.size, 99);
}

#[test]
fn nested_errors_name_the_full_variable_and_the_field_path() {
    let errors = App::from_vars([("APP_REPLICA_POOL_SIZE", "many")]).unwrap_err();
    let names: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(names, ["APP_NAME", "APP_REPLICA_POOL_SIZE"]);
    let replica = errors.get("APP_REPLICA_POOL_SIZE").unwrap();
    assert_eq!(replica.field(), "replica.size");
}

#[derive(Config, Debug)]
#[config(prefix = "APP__", nested_separator = "__")]
struct Deep {
    #[config(nested)]
    storage: Storage,
}

#[derive(Config, Debug)]
struct Storage {
    #[config(nested)]
    optimizers: Optimizers,
    #[config(default = 1)]
    shards: u8,
}

#[derive(Config, Debug)]
struct Optimizers {
    flush_interval_sec: u64,
}

#[test]
fn the_nested_separator_applies_at_every_depth() {
    let deep = Deep::from_vars([("APP__STORAGE__OPTIMIZERS__FLUSH_INTERVAL_SEC", "5")]).unwrap();
    assert_eq!(deep.storage.optimizers.flush_interval_sec, 5);
    assert_eq!(deep.storage.shards, 1);
    let names: Vec<String> = Deep::schema()
        .vars()
        .iter()
        .map(|v| v.name().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "APP__STORAGE__OPTIMIZERS__FLUSH_INTERVAL_SEC",
            "APP__STORAGE__SHARDS"
        ]
    );
}

#[derive(Config, Debug)]
struct Defaults {
    #[config(default = "text")]
    text: String,
    #[config(default = 42)]
    int: u64,
    #[config(default = -7)]
    negative: i32,
    #[config(default = 0.5)]
    float: f64,
    #[config(default = -1.5e3)]
    negative_float: f64,
    #[config(default = true)]
    flag: bool,
    #[config(default = 'x')]
    letter: char,
    #[config(default = "1m 30s")]
    wait: Duration,
    #[config(default = "a,b")]
    list: Vec<String>,
}

#[test]
fn defaults_of_every_literal_kind_are_read_as_text() {
    let d = Defaults::from_vars(Vec::<(String, String)>::new()).unwrap();
    assert_eq!(d.text, "text");
    assert_eq!(d.int, 42);
    assert_eq!(d.negative, -7);
    assert_eq!(d.float, 0.5);
    assert_eq!(d.negative_float, -1500.0);
    assert!(d.flag);
    assert_eq!(d.letter, 'x');
    assert_eq!(d.wait, Duration::from_secs(90));
    assert_eq!(d.list, ["a", "b"]);
    let schema = Defaults::schema();
    let shown: Vec<_> = schema.vars().iter().map(|v| v.default().unwrap()).collect();
    assert_eq!(
        shown,
        ["text", "42", "-7", "0.5", "-1.5e3", "true", "x", "1m 30s", "a,b"]
    );
}

#[test]
fn variables_override_defaults_and_empty_values_fall_back() {
    let d = Defaults::from_vars([("INT", "7"), ("TEXT", ""), ("FLAG", "")]).unwrap();
    assert_eq!(d.int, 7);
    assert_eq!(d.text, "text", "an empty value counts as unset");
    assert!(d.flag);
}

#[derive(Config, Debug)]
struct Empty {
    #[config(allow_empty, default = "fallback")]
    keeps_empty: String,
    #[config(allow_empty)]
    required_but_empty_ok: String,
    #[config(allow_empty)]
    optional_empty: Option<String>,
    #[config(allow_empty, default = "1,2")]
    list: Vec<u8>,
}

#[test]
fn allow_empty_keeps_the_empty_string() {
    let e = Empty::from_vars([
        ("KEEPS_EMPTY", ""),
        ("REQUIRED_BUT_EMPTY_OK", ""),
        ("OPTIONAL_EMPTY", ""),
        ("LIST", ""),
    ])
    .unwrap();
    assert_eq!(e.keeps_empty, "");
    assert_eq!(e.required_but_empty_ok, "");
    assert_eq!(e.optional_empty.as_deref(), Some(""));
    assert!(e.list.is_empty());
    let unset = Empty::from_vars([("REQUIRED_BUT_EMPTY_OK", "x")]).unwrap();
    assert_eq!(unset.keeps_empty, "fallback");
    assert_eq!(unset.optional_empty, None);
    assert_eq!(unset.list, [1, 2]);
}

#[derive(Config, Debug)]
struct BrokenDefault {
    #[config(default = "soon")]
    timeout: Duration,
}

#[test]
fn a_default_that_does_not_parse_is_reported_as_a_bug_naming_the_field() {
    let errors = BrokenDefault::from_vars(Vec::<(String, String)>::new()).unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.field(), "timeout");
    assert!(matches!(error.kind(), ErrorKind::InvalidDefault { .. }));
    assert!(
        error
            .message()
            .starts_with("bug in the program: its default \"soon\" does not parse"),
        "{}",
        error.message()
    );
    // With the variable set, the default is never parsed.
    assert!(BrokenDefault::from_vars([("TIMEOUT", "1s")]).is_ok());
}

#[test]
fn names_are_case_sensitive_and_the_last_duplicate_wins() {
    let d = Defaults::from_vars([("int", "1"), ("INT", "2"), ("INT", "3")]).unwrap();
    assert_eq!(d.int, 3);
}

#[test]
fn provenance_records_where_each_value_came_from() {
    let loaded = Defaults::load(&Vars::new([("INT", "7")])).unwrap();
    let int = &loaded.vars()[1];
    assert_eq!(int.name(), "INT");
    assert_eq!(int.origin(), &Origin::Env);
    assert_eq!(int.shown_value(), Some("7"));
    assert_eq!(loaded.vars()[0].origin(), &Origin::Default);
    assert_eq!(loaded.vars()[0].shown_value(), Some("text"));
}

#[derive(Config, Debug)]
#[config(prefix = "SVC_")]
struct Renamed {
    #[config(alias = "SVC_DB", alias = "DATABASE")]
    database_url: String,
}

#[test]
fn deprecated_aliases_are_read_with_a_warning_and_conflict_with_the_name() {
    let loaded = Renamed::load(&Vars::new([("DATABASE", "x")])).unwrap();
    assert_eq!(loaded.config().database_url, "x");
    assert_eq!(loaded.vars()[0].origin(), &Origin::Alias("DATABASE".into()));
    assert_eq!(
        loaded.warnings()[0].to_string(),
        "warning: DATABASE: deprecated: rename it to SVC_DATABASE_URL"
    );
    let errors = Renamed::from_vars([("SVC_DATABASE_URL", "x"), ("SVC_DB", "y")]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  SVC_DATABASE_URL  conflicts with SVC_DB: both are set, set only one"
    );
    assert!(Renamed::from_vars([("SVC_DATABASE_URL", "x")]).is_ok());
}

#[test]
fn check_defaults_finds_broken_defaults_without_reading_anything() {
    let errors = BrokenDefault::check_defaults().unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.iter().next().unwrap().var(), "TIMEOUT");
    assert!(Defaults::check_defaults().is_ok());
    // Required fields without defaults are not problems here.
    assert!(App::check_defaults().is_ok());
}

#[derive(Config, Debug)]
struct Documented {
    /// How long to wait for
    ///   the database.
    ///
    /// Raise it on slow networks.
    #[config(default = "5s")]
    wait: Duration,
    undocumented: Option<u8>,
}

#[test]
fn doc_comments_become_descriptions_with_their_paragraphs() {
    let schema = Documented::schema();
    assert_eq!(
        schema.vars()[0].description(),
        "How long to wait for the database.\nRaise it on slow networks."
    );
    assert_eq!(schema.vars()[1].description(), "");
}

/// A nested struct whose `env` field sits between two prefixed ones.
#[derive(Config, Debug)]
struct Mixed {
    #[config(default = 4)]
    size: u32,
    #[config(env = "MIXED_DEBUG", default = false)]
    debug: bool,
    #[config(file)]
    idle_timeout: Duration,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_", validate = Outer::check)]
struct Outer {
    #[config(env = "OUTER_MODE")]
    mode: String,
    #[config(nested)]
    mixed: Mixed,
    limit: u32,
}

impl Outer {
    fn check(&self) -> Result<(), twelve_config::Problems> {
        let mut problems = twelve_config::Problems::new();
        if self.limit < self.mixed.size {
            problems.add(["limit", "mode"], "limit below size");
        }
        problems.into_result()
    }
}

#[test]
fn names_stay_right_around_exact_names_at_every_level() {
    let schema = Outer::schema();
    let names: Vec<&str> = schema.vars().iter().map(|v| v.name()).collect();
    assert_eq!(
        names,
        [
            "OUTER_MODE",
            "APP_MIXED_SIZE",
            "MIXED_DEBUG",
            "APP_MIXED_IDLE_TIMEOUT",
            "APP_LIMIT"
        ]
    );
    assert_eq!(
        schema.var("APP_MIXED_IDLE_TIMEOUT").unwrap().file_var(),
        Some("APP_MIXED_IDLE_TIMEOUT_FILE")
    );

    let errors = Outer::from_vars([
        ("MIXED_DEBUG", "maybe"),
        ("APP_MIXED_IDLE_TIMEOUT", "soon"),
        ("APP_LIMIT", "x"),
    ])
    .unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(
        vars,
        [
            "OUTER_MODE",
            "MIXED_DEBUG",
            "APP_MIXED_IDLE_TIMEOUT",
            "APP_LIMIT"
        ]
    );

    // The rule names the variables of the fields it involves.
    let errors = Outer::from_vars([
        ("OUTER_MODE", "fast"),
        ("APP_MIXED_SIZE", "8"),
        ("APP_MIXED_IDLE_TIMEOUT", "1s"),
        ("APP_LIMIT", "2"),
    ])
    .unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().vars(),
        ["APP_LIMIT", "OUTER_MODE"]
    );
}

/// A leading underscore is part of the name: `_ENABLE_SMTP` and
/// `ENABLE_SMTP` are different variables.
#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Underscored {
    #[config(default = false)]
    _enable_smtp: bool,
    #[config(default = 1)]
    __workers: u8,
}

#[test]
fn a_leading_underscore_stays_in_the_variable_name() {
    let schema = Underscored::schema();
    let names: Vec<&str> = schema.vars().iter().map(|v| v.name()).collect();
    assert_eq!(names, ["APP__ENABLE_SMTP", "APP___WORKERS"]);
    let loaded =
        Underscored::from_vars([("APP__ENABLE_SMTP", "true"), ("APP___WORKERS", "3")]).unwrap();
    assert!(loaded._enable_smtp);
    assert_eq!(loaded.__workers, 3);
    // The name without the underscore is another variable, so it is not read.
    let other = Underscored::from_vars([("APP_ENABLE_SMTP", "true")]).unwrap();
    assert!(!other._enable_smtp);
}
