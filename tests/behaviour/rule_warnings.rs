//! A `validate` rule that warns: the program works around what it found,
//! and the operator hears of it.

use twelve_config::{Config, ErrorKind, Problems, Vars};

#[derive(Config, Debug)]
struct Redis {
    url: String,
    #[config(default = 0)]
    db: u8,
}

#[derive(Config, Debug)]
#[config(prefix = "CACHE_", validate = Cache::check)]
struct Cache {
    s3_bucket: Option<String>,
    #[config(nested)]
    redis: Option<Redis>,
    #[config(default = 0)]
    level: u8,
}

impl Cache {
    fn check(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        if let (Some(_), Some(redis)) = (&self.s3_bucket, &self.redis) {
            problems.warn(
                ["s3_bucket", "redis"],
                format!("S3 is used; the Redis cache at {} is not", redis.url),
            );
        }
        if self.level > 19 {
            problems.add(["level"], "at most 19");
        }
        if self.level == 7 {
            problems.warn(["levle"], "a misspelled field in a warning");
        }
        problems.into_result()
    }
}

#[test]
fn a_warning_alone_lets_the_load_succeed_and_joins_the_warnings() {
    let vars = Vars::new([
        ("CACHE_S3_BUCKET", "b"),
        ("CACHE_REDIS_URL", "redis://:hunter2@cache:6379"),
    ]);
    let loaded = Cache::load(&vars).unwrap();
    assert_eq!(loaded.config().s3_bucket.as_deref(), Some("b"));
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    // The variables of the fields it names, of a nested struct those set
    // in it, and the URL's password masked.
    assert_eq!(
        warnings,
        ["warning: CACHE_S3_BUCKET, CACHE_REDIS_URL: S3 is used; the Redis cache at redis://:***@cache:6379 is not"]
    );
    // Each variable apart, for tools.
    assert_eq!(
        loaded.warnings()[0].vars(),
        ["CACHE_S3_BUCKET", "CACHE_REDIS_URL"]
    );
    let json = loaded.to_json();
    assert!(
        json.contains(r#""var": "CACHE_S3_BUCKET, CACHE_REDIS_URL", "vars": ["CACHE_S3_BUCKET", "CACHE_REDIS_URL"]"#),
        "{json}"
    );
    let vars = Vars::new([
        ("CACHE_S3_BUCKET", "b"),
        ("CACHE_REDIS_URL", "redis://cache:6379"),
        ("CACHE_REDIS_DB", "2"),
    ]);
    let loaded = Cache::load(&vars).unwrap();
    assert!(
        loaded.warnings()[0]
            .to_string()
            .starts_with("warning: CACHE_S3_BUCKET, CACHE_REDIS_URL, CACHE_REDIS_DB: "),
        "{:?}",
        loaded.warnings()
    );
    // Nothing to say: no warning.
    let loaded = Cache::load(&Vars::new([("CACHE_S3_BUCKET", "b")])).unwrap();
    assert!(loaded.warnings().is_empty());
}

#[test]
fn warnings_and_problems_of_one_rule_go_each_their_way() {
    let vars = Vars::new([
        ("CACHE_S3_BUCKET", "b"),
        ("CACHE_REDIS_URL", "redis://cache"),
        ("CACHE_LEVEL", "20"),
    ]);
    let errors = Cache::load(&vars).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(errors.iter().next().unwrap().var(), "CACHE_LEVEL");
}

#[test]
fn a_warning_naming_no_field_is_a_bug_in_the_program() {
    let errors = Cache::from_vars([("CACHE_LEVEL", "7")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.iter().next().unwrap();
    assert!(matches!(error.kind(), ErrorKind::Rule { .. }));
    assert_eq!(
        error.to_string(),
        "CACHE_*: bug in the program: the rule Cache::check names levle, which is no setting of the configuration"
    );
}

#[test]
fn problems_with_a_warning_are_not_empty() {
    let mut problems = Problems::new();
    assert!(problems.is_empty());
    assert_eq!(problems.clone().into_result(), Ok(()));
    problems.warn(["a"], "w");
    assert!(!problems.is_empty());
    assert!(problems.into_result().is_err());
}

#[derive(Config, Debug)]
struct Pool {
    #[config(default = 4)]
    min: u8,
    #[config(default = 8)]
    max: u8,
}

#[derive(Config, Debug)]
#[config(prefix = "W_", validate = Worker::check)]
struct Worker {
    #[config(default = 1)]
    threads: u8,
    #[config(nested)]
    pool: Pool,
}

impl Worker {
    fn check(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        if self.pool.max > self.threads * 4 {
            problems.warn(["pool"], "more connections than the threads can use");
        }
        problems.into_result()
    }
}

#[test]
fn a_warning_naming_a_nested_struct_names_what_was_set_in_it_or_all_of_it() {
    let warnings = |vars: &[(&str, &str)]| -> Vec<String> {
        let loaded = Worker::load(&Vars::new(vars.iter().copied())).unwrap();
        loaded.warnings().iter().map(|w| w.to_string()).collect()
    };
    // Nothing set in it: all of its variables, for the operator to look at.
    assert_eq!(
        warnings(&[]),
        ["warning: W_POOL_MIN, W_POOL_MAX: more connections than the threads can use"]
    );
    assert_eq!(
        warnings(&[("W_POOL_MAX", "9"), ("W_THREADS", "2")]),
        ["warning: W_POOL_MAX: more connections than the threads can use"]
    );
}

/// TLS is on only with both files: one without the other is worked
/// around (TLS stays off), and the operator hears of it.
fn tls_pair(cert: &Option<String>, key: &Option<String>) -> Result<(), String> {
    match (cert, key) {
        (Some(_), None) => Err("the certificate is set without its key: TLS stays off".into()),
        (None, Some(_)) => Err("the key is set without its certificate: TLS stays off".into()),
        _ => Ok(()),
    }
}

#[derive(Config, Debug)]
#[config(prefix = "MEILI_", warn_check = tls_pair(ssl_cert_path, ssl_key_path))]
struct Tls {
    ssl_cert_path: Option<String>,
    ssl_key_path: Option<String>,
    #[config(default = "info")]
    log_level: LogLevel,
}

#[derive(twelve_config::EnvValue, Debug, PartialEq)]
enum LogLevel {
    Info,
    Debug,
}

#[test]
fn a_warn_check_warns_and_the_load_goes_on() {
    let loaded = Tls::load(&Vars::new([("MEILI_SSL_CERT_PATH", "/tls/cert.pem")])).unwrap();
    assert_eq!(
        loaded.config().ssl_cert_path.as_deref(),
        Some("/tls/cert.pem")
    );
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: MEILI_SSL_CERT_PATH, MEILI_SSL_KEY_PATH: the certificate is set without its key: TLS stays off"]
    );
    assert!(Tls::load(&Vars::default()).unwrap().warnings().is_empty());
}

#[test]
fn a_warn_checks_warning_shows_beside_other_problems() {
    // Where a `validate` warning is lost (the struct did not load), a
    // `warn_check` over fields that loaded still runs.
    let vars = Vars::new([
        ("MEILI_SSL_KEY_PATH", "/tls/key.pem"),
        ("MEILI_LOG_LEVEL", "loud"),
    ]);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status =
        twelve_config::handle_args::<Tls>(&["--check-config"], &vars, &mut stdout, &mut stderr);
    let out = String::from_utf8(stdout).unwrap() + &String::from_utf8(stderr).unwrap();
    assert!(
        matches!(
            status,
            twelve_config::Action::Exit(twelve_config::EX_CONFIG)
        ),
        "{out}"
    );
    assert!(out.contains("MEILI_LOG_LEVEL"), "{out}");
    assert!(
        out.contains("warning: MEILI_SSL_CERT_PATH, MEILI_SSL_KEY_PATH: the key is set without its certificate"),
        "{out}"
    );
}

#[test]
fn the_schema_lists_a_warn_check_as_a_warning() {
    let schema = Tls::schema();
    let rule = &schema.rules()[0];
    assert_eq!(rule.kind(), "warn_check");
    assert_eq!(rule.vars(), ["MEILI_SSL_CERT_PATH", "MEILI_SSL_KEY_PATH"]);
    assert_eq!(
        rule.text(),
        "tls_pair holds for MEILI_SSL_CERT_PATH, MEILI_SSL_KEY_PATH, else a warning (the load goes on)"
    );
    assert!(schema.to_json().contains(r#""kind": "warn_check""#));
}
