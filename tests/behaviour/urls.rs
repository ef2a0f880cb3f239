//! Backing-service URL types as fields of a derived configuration.

use twelve_config::{Config, DatabaseKind, DatabaseUrl, ErrorKind, PostgresUrl, RedisUrl};

/// Settings of a service with a database and a cache.
#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Settings {
    /// The main database.
    database_url: PostgresUrl,
    /// The cache.
    redis_url: RedisUrl,
    /// A reporting database of any kind.
    reports_url: Option<DatabaseUrl>,
}

const PASSWORD: &str = "Hunter2-p4ss";

#[test]
fn loads_url_fields_and_keeps_passwords_out_of_debug() {
    let settings = Settings::from_vars([
        (
            "APP_DATABASE_URL",
            format!("postgres://app:{PASSWORD}@db1:5432,db2:5433/billing?sslmode=require"),
        ),
        (
            "APP_REDIS_URL",
            format!("rediss://:{PASSWORD}@cache:6380/3"),
        ),
        ("APP_REPORTS_URL", "mysql://reports@db3/reports".to_owned()),
    ])
    .unwrap();
    let db = &settings.database_url;
    assert_eq!(db.hosts().len(), 2);
    assert_eq!(db.hosts()[1].port_or_default(), 5433);
    assert_eq!(db.database(), Some("billing"));
    assert!(db.requires_tls());
    assert_eq!(db.expose_password(), Some(PASSWORD));
    assert_eq!(settings.redis_url.database(), 3);
    assert!(settings.redis_url.requires_tls());
    let reports = settings.reports_url.as_ref().unwrap();
    assert_eq!(reports.kind(), DatabaseKind::Mysql);
    assert_eq!(reports.username(), Some("reports"));

    let debug = format!("{settings:?}");
    assert!(!debug.contains(PASSWORD), "{debug}");
    assert!(
        debug.contains("postgres://app:***@db1:5432,db2:5433/billing?sslmode=require"),
        "{debug}"
    );
    assert!(debug.contains("rediss://:***@cache:6380/3"), "{debug}");
}

#[test]
fn invalid_urls_are_reported_without_their_password() {
    let errors = Settings::from_vars([
        (
            "APP_DATABASE_URL",
            format!("postgres://app:{PASSWORD}@db:65536/billing"),
        ),
        ("APP_REDIS_URL", format!("redis://:{PASSWORD}@cache/three")),
        ("APP_REPORTS_URL", format!("mongodb://u:{PASSWORD}@h/x")),
    ])
    .unwrap_err();
    let display = errors.to_string();
    let debug = format!("{errors:?}");
    for shown in [&display, &debug] {
        assert!(!shown.contains(PASSWORD), "{shown}");
    }
    assert_eq!(
        display,
        "\
error: 3 configuration problems
  APP_DATABASE_URL  invalid value \"postgres://app:***@db:65536/billing\": expected PostgreSQL URL such as postgres://user:pass@host:5432/db (port out of range 1..=65535)
  APP_REDIS_URL     invalid value \"redis://:***@cache/three\": expected Redis URL such as redis://:pass@host:6379/0 (the database index must be a non-negative integer)
  APP_REPORTS_URL   invalid value \"mongodb://u:***@h/x\": expected database URL such as postgres://user:pass@host/db, mysql://user:pass@host/db or sqlite://data.db (unsupported scheme; expected one of: postgres, postgresql, mysql, mariadb, sqlite)"
    );
    let first = errors.iter().next().unwrap();
    match first.kind() {
        ErrorKind::Invalid { value, reason, .. } => {
            assert_eq!(
                value.as_deref(),
                Some("\"postgres://app:***@db:65536/billing\"")
            );
            assert_eq!(reason.as_deref(), Some("port out of range 1..=65535"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_password_with_an_unencoded_slash_is_still_masked() {
    // The `/` ends the authority early, so the URL does not parse; the
    // report masks everything from the first `:` to the last `@`.
    let errors = Settings::from_vars([
        ("APP_DATABASE_URL", "postgres://app:se/cr3t@db/billing"),
        ("APP_REDIS_URL", "redis://cache"),
    ])
    .unwrap_err();
    let display = errors.to_string();
    assert!(!display.contains("se/cr3t"), "{display}");
    assert!(!display.contains("cr3t"), "{display}");
    assert!(
        display.contains("\"postgres://app:***@db/billing\""),
        "{display}"
    );
    assert!(!format!("{errors:?}").contains("cr3t"));
}

#[test]
fn whitespace_around_a_url_gets_a_hint() {
    let errors = Settings::from_vars([
        ("APP_DATABASE_URL", "postgres://db/billing "),
        ("APP_REDIS_URL", "redis://cache"),
    ])
    .unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("(whitespace around the URL; the value has leading or trailing whitespace)"),
        "{errors}"
    );
}

#[test]
fn schema_and_print_config_show_urls_masked() {
    let schema = Settings::schema();
    let var = schema
        .vars()
        .iter()
        .find(|v| v.name() == "APP_DATABASE_URL")
        .unwrap();
    assert!(!var.is_secret());
    assert_eq!(
        var.expected(),
        "PostgreSQL URL such as postgres://user:pass@host:5432/db"
    );
    let loaded = Settings::load(&twelve_config::Vars::new([
        (
            "APP_DATABASE_URL",
            format!("postgres://app:{PASSWORD}@db/billing"),
        ),
        ("APP_REDIS_URL", format!("redis://u:{PASSWORD}@cache/1")),
    ]))
    .unwrap();
    for var in loaded.vars() {
        if let Some(value) = var.shown_value() {
            assert!(!value.contains(PASSWORD), "{value}");
        }
    }
    let db = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "APP_DATABASE_URL")
        .unwrap();
    assert_eq!(db.shown_value(), Some("postgres://app:***@db/billing"));
}

#[test]
fn a_rejected_url_with_an_unencoded_question_mark_in_its_password_is_masked() {
    #[derive(twelve_config::Config, Debug)]
    struct Links {
        link: url::Url,
        db: twelve_config::PostgresUrl,
    }
    let errors = Links::from_vars([
        ("LINK", "http://u:p?sssecret@h"),
        ("DB", "postgres://u:p?sssecret@h/db"),
    ])
    .unwrap_err();
    let report = format!("{errors}\n{errors:?}");
    assert_eq!(errors.len(), 2, "{report}");
    assert!(!report.contains("sssecret"), "{report}");
    assert!(report.contains("\"http://u:***@h\""), "{report}");
}

/// Settings of a service with a queue, a document store and a mail relay.
#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Backends {
    /// The main database.
    database_url: PostgresUrl,
    /// The cache.
    redis_url: RedisUrl,
    /// The queue.
    amqp_url: twelve_config::AmqpUrl,
    /// The document store.
    mongo_url: twelve_config::MongoUrl,
    /// The mail relay.
    smtp_url: twelve_config::SmtpUrl,
}

#[test]
fn driver_forms_load_and_stay_masked() {
    let settings = Backends::from_vars([
        (
            "APP_DATABASE_URL",
            format!("postgres://app:{PASSWORD}@%2Fcloudsql%2Fproj%3Aeu%3Adb/billing"),
        ),
        (
            "APP_REDIS_URL",
            format!("redis+unix:///run/redis.sock?user=app&pass={PASSWORD}&db=2"),
        ),
        ("APP_AMQP_URL", format!("amqp://app:{PASSWORD}@")),
        (
            "APP_MONGO_URL",
            format!("mongodb://app:{PASSWORD}@%2Ftmp%2Fmongodb-27017.sock/orders"),
        ),
        ("APP_SMTP_URL", format!("smtp://:{PASSWORD}@mail")),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        settings.database_url.socket_dir(),
        Some("/cloudsql/proj:eu:db")
    );
    assert_eq!(settings.redis_url.expose_password(), Some(PASSWORD));
    assert_eq!(settings.amqp_url.host_str(), None);
    assert_eq!(settings.amqp_url.vhost(), "/");
    assert_eq!(
        settings.mongo_url.socket_paths().collect::<Vec<_>>(),
        ["/tmp/mongodb-27017.sock"]
    );
    assert_eq!(settings.smtp_url.username(), Some(""));
    let debug = format!("{settings:?}");
    assert!(!debug.contains(PASSWORD), "{debug}");
    assert!(
        debug.contains("postgres://app:***@%2Fcloudsql%2Fproj%3Aeu%3Adb/billing"),
        "{debug}"
    );
    assert!(debug.contains("AmqpUrl(amqp://app:***@)"), "{debug}");
}

#[test]
fn forms_a_driver_would_misread_are_reported_with_the_spelling_to_use() {
    let errors = Backends::from_vars([
        ("APP_DATABASE_URL", "postgres://db/billing".to_owned()),
        (
            "APP_REDIS_URL",
            format!("redis+unix:///run/redis.sock?password={PASSWORD}"),
        ),
        ("APP_AMQP_URL", "amqp://mq/a/b".to_owned()),
        ("APP_MONGO_URL", format!("mongodb://app:{PASSWORD}:x@h/db")),
        ("APP_SMTP_URL", "smtp://mailer@mail".to_owned()),
    ])
    .unwrap_err();
    let display = errors.to_string();
    assert!(!display.contains(PASSWORD), "{display}");
    assert!(!format!("{errors:?}").contains(PASSWORD));
    for expected in [
        "APP_REDIS_URL",
        "(a unix socket URL takes its password as pass; write ?pass=secret)",
        "APP_AMQP_URL",
        "(the vhost must be one path segment; percent-encode / as %2f)",
        "APP_MONGO_URL",
        "(an unencoded : in the password; write it as %3A)",
        "APP_SMTP_URL",
        // The report masks the password of any URL it shows, the advice's
        // example too.
        "(a user name without a password, which lettre ignores; write smtp://user:***@host)",
    ] {
        assert!(display.contains(expected), "{expected}\n{display}");
    }
    assert!(!display.contains("APP_DATABASE_URL"), "{display}");
}

#[derive(twelve_config::Config, Debug)]
#[config(prefix = "APP_")]
struct SecretUrl {
    database_url: twelve_config::SecretBox<twelve_config::PostgresUrl>,
    public_database_url: twelve_config::PostgresUrl,
}

#[test]
fn a_url_that_must_stay_secret_is_a_secret_box_and_a_plain_one_is_a_credential() {
    use twelve_config::{Config, ExposeSecret};
    let loaded = SecretUrl::from_vars([
        ("APP_DATABASE_URL", "postgres://app:hunter2@db/app"),
        ("APP_PUBLIC_DATABASE_URL", "postgres://ro:readonly@db/app"),
    ])
    .unwrap();
    assert_eq!(
        loaded.database_url.expose_secret().expose_password(),
        Some("hunter2")
    );
    assert!(!format!("{loaded:?}").contains("hunter2"));
    let schema = SecretUrl::schema();
    let secret = schema.var("APP_DATABASE_URL").unwrap();
    assert!(secret.is_secret() && !secret.is_credential());
    assert_eq!(secret.file_var(), Some("APP_DATABASE_URL_FILE"));
    assert!(schema
        .var("APP_PUBLIC_DATABASE_URL")
        .unwrap()
        .is_credential());
    let yaml = schema.to_kubernetes("app");
    assert!(!yaml.contains("value: \"postgres"), "{yaml}");
    assert_eq!(yaml.matches("secretKeyRef").count(), 2, "{yaml}");
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct UrlLists {
    /// Redis Sentinel nodes, each of which may carry a password.
    sentinels: Vec<RedisUrl>,
    webhooks: Vec<url::Url>,
    hosts: Vec<String>,
}

#[test]
fn a_list_of_urls_is_a_credential_as_one_url_is() {
    let schema = UrlLists::schema();
    assert!(schema.var("APP_SENTINELS").unwrap().is_credential());
    assert!(schema.var("APP_WEBHOOKS").unwrap().is_credential());
    assert!(!schema.var("APP_HOSTS").unwrap().is_credential());
    // Kept out of the plain manifest, as a single URL is.
    let yaml = schema.to_kubernetes("app");
    assert_eq!(yaml.matches("secretKeyRef").count(), 2, "{yaml}");
}

/// One field of each URL type, all required.
#[derive(Config, Debug)]
#[config(prefix = "U_")]
struct EveryKind {
    sqlite: twelve_config::SqliteUrl,
    database: DatabaseUrl,
    mysql: twelve_config::MysqlUrl,
    redis: RedisUrl,
}

#[test]
fn a_missing_url_says_which_kind_of_url_is_expected() {
    let errors = EveryKind::from_vars(Vec::<(String, String)>::new()).unwrap_err();
    let messages: Vec<String> = errors.iter().map(|e| e.message().to_owned()).collect();
    assert_eq!(
        messages,
        [
            "missing: required (SQLite URL such as sqlite://data.db or sqlite::memory:)",
            "missing: required (database URL such as postgres://user:pass@host/db, \
             mysql://user:pass@host/db or sqlite://data.db)",
            "missing: required (MySQL URL such as mysql://user:pass@host:3306/db)",
            "missing: required (Redis URL such as redis://:pass@host:6379/0)",
        ]
    );
    let schema = EveryKind::schema();
    assert_eq!(
        schema.var("U_SQLITE").unwrap().expected(),
        "SQLite URL such as sqlite://data.db or sqlite::memory:"
    );
}
