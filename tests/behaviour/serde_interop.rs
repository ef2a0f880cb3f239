//! Feature `serde`: fields of serde types (`#[config(deserialize)]`), and
//! what serializes for a debug endpoint.

use serde::Deserialize;
use twelve_config::{
    ByteSize, Config, ExposeSecret, Origin, PostgresUrl, RedisUrl, SecretString, Vars,
};

/// An enum a service already has, named the way its JSON config names it.
#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Level {
    Debug,
    Info,
    WarnOnce,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Region(String);

#[derive(Deserialize, Debug, PartialEq)]
struct Port(u16);

/// `major.minor`, deserialized from a string through `TryFrom`.
#[derive(Deserialize, Debug, PartialEq)]
#[serde(try_from = "String")]
struct Version {
    major: u32,
    minor: u32,
}

impl TryFrom<String> for Version {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let (major, minor) = text
            .split_once('.')
            .ok_or("expected major.minor such as 2.1")?;
        let number = |part: &str| {
            part.parse()
                .map_err(|_| format!("{part:?} is not a number"))
        };
        Ok(Version {
            major: number(major)?,
            minor: number(minor)?,
        })
    }
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Settings {
    #[config(deserialize, default = "INFO")]
    level: Level,
    #[config(deserialize)]
    region: Region,
    #[config(deserialize, default = 8080)]
    port: Port,
    #[config(deserialize)]
    api_version: Option<Version>,
    #[config(deserialize, separator = ";")]
    quiet_levels: Option<Vec<Level>>,
    #[config(deserialize, expected = "DEBUG, INFO or WARN_ONCE")]
    audit_level: Option<Level>,
}

#[test]
fn serde_types_read_their_serde_spellings() {
    let settings = Settings::from_vars([
        ("APP_LEVEL", "WARN_ONCE"),
        ("APP_REGION", "eu-west-1"),
        ("APP_PORT", "9090"),
        ("APP_API_VERSION", "2.1"),
        ("APP_QUIET_LEVELS", "DEBUG; INFO"),
    ])
    .unwrap();
    assert_eq!(settings.level, Level::WarnOnce);
    assert_eq!(settings.region, Region("eu-west-1".into()));
    assert_eq!(settings.port, Port(9090));
    assert_eq!(settings.api_version, Some(Version { major: 2, minor: 1 }));
    assert_eq!(settings.quiet_levels, Some(vec![Level::Debug, Level::Info]));
    assert_eq!(settings.audit_level, None);

    let defaults = Settings::from_vars([("APP_REGION", "x")]).unwrap();
    assert_eq!(defaults.level, Level::Info);
    assert_eq!(defaults.port, Port(8080));
    assert!(Settings::check_defaults().is_ok());
}

#[test]
fn serde_reasons_are_the_reasons_of_the_report() {
    let errors = Settings::from_vars([
        ("APP_LEVEL", "warn_once"),
        ("APP_PORT", "80a"),
        ("APP_API_VERSION", "2"),
        ("APP_QUIET_LEVELS", "DEBUG;LOUD"),
        ("APP_AUDIT_LEVEL", "all"),
    ])
    .unwrap_err();
    let message = |var: &str| errors.get(var).unwrap().message();
    assert_eq!(
        message("APP_LEVEL"),
        "invalid value \"warn_once\": expected text accepted by level (unknown variant `warn_once`, expected one of `DEBUG`, `INFO`, `WARN_ONCE`)"
    );
    assert_eq!(
        message("APP_PORT"),
        "invalid value \"80a\": expected text accepted by port (invalid digit found in string)"
    );
    assert_eq!(
        message("APP_API_VERSION"),
        "invalid value \"2\": expected text accepted by version (expected major.minor such as 2.1)"
    );
    assert_eq!(
        message("APP_QUIET_LEVELS"),
        "invalid value \"DEBUG;LOUD\": expected list of text accepted by level separated by \";\" (item 2: unknown variant `LOUD`, expected one of `DEBUG`, `INFO`, `WARN_ONCE`)"
    );
    assert_eq!(
        message("APP_AUDIT_LEVEL"),
        "invalid value \"all\": expected DEBUG, INFO or WARN_ONCE (unknown variant `all`, expected one of `DEBUG`, `INFO`, `WARN_ONCE`)"
    );
    assert_eq!(
        message("APP_REGION"),
        "missing: required (text accepted by region)"
    );
    assert_eq!(errors.len(), 6, "{errors}");
}

#[test]
fn the_schema_names_the_type_in_words() {
    let schema = Settings::schema();
    let expected = |var: &str| schema.var(var).unwrap().expected().to_owned();
    assert_eq!(expected("APP_LEVEL"), "text accepted by level");
    assert_eq!(expected("APP_API_VERSION"), "text accepted by version");
    assert_eq!(expected("APP_AUDIT_LEVEL"), "DEBUG, INFO or WARN_ONCE");
    assert_eq!(schema.var("APP_LEVEL").unwrap().default(), Some("INFO"));
}

/// What a service shows on its debug endpoint.
#[derive(Config, Debug)]
#[config(prefix = "SVC_")]
struct Service {
    database_url: PostgresUrl,
    cache_url: Option<RedisUrl>,
    api_key: SecretString,
    #[config(default = "64 MiB")]
    max_body: ByteSize,
    #[config(deserialize, default = "INFO")]
    level: Level,
}

#[test]
fn loaded_serializes_shown_values_and_origins_never_secrets() {
    let vars = Vars::new([
        (
            "SVC_DATABASE_URL",
            "postgres://billing:pg-canary@db.internal/billing",
        ),
        ("SVC_API_KEY", "sk-canary"),
        ("SVC_LEVEL", "DEBUG"),
        ("SVC_UNUSED", "1"),
    ]);
    let loaded = Service::load(&vars).unwrap();
    assert_eq!(loaded.config().api_key.expose_secret(), "sk-canary");
    assert_eq!(loaded.vars()[3].origin(), &Origin::Default);
    let json = serde_json::to_string_pretty(&loaded).unwrap();
    assert_eq!(
        json,
        r#"{
  "vars": [
    {
      "name": "SVC_DATABASE_URL",
      "field": "database_url",
      "value": "postgres://billing:***@db.internal/billing",
      "secret": false,
      "origin": {
        "kind": "environment",
        "text": "environment"
      }
    },
    {
      "name": "SVC_CACHE_URL",
      "field": "cache_url",
      "value": null,
      "secret": false,
      "origin": {
        "kind": "unset",
        "text": "unset"
      }
    },
    {
      "name": "SVC_API_KEY",
      "field": "api_key",
      "value": null,
      "secret": true,
      "origin": {
        "kind": "environment",
        "text": "environment"
      }
    },
    {
      "name": "SVC_MAX_BODY",
      "field": "max_body",
      "value": "64 MiB",
      "secret": false,
      "origin": {
        "kind": "default",
        "text": "default"
      }
    },
    {
      "name": "SVC_LEVEL",
      "field": "level",
      "value": "DEBUG",
      "secret": false,
      "origin": {
        "kind": "environment",
        "text": "environment"
      }
    }
  ],
  "warnings": [
    {
      "var": "SVC_UNUSED",
      "vars": [
        "SVC_UNUSED"
      ],
      "message": "unknown variable: no setting reads it"
    }
  ]
}"#
    );
    assert!(!json.contains("canary"), "{json}");
}

#[test]
fn url_and_byte_size_fields_serialize_masked_and_as_numbers() {
    let settings = Service::from_vars([
        (
            "SVC_DATABASE_URL",
            "postgres://billing:pg-canary@db.internal:5433/billing?password=q-canary",
        ),
        ("SVC_CACHE_URL", "rediss://:redis-canary@cache.internal/2"),
        ("SVC_API_KEY", "sk-canary"),
        ("SVC_MAX_BODY", "1.5 KiB"),
    ])
    .unwrap();
    let shown = serde_json::json!({
        "database": &settings.database_url,
        "cache": &settings.cache_url,
        "max_body": settings.max_body,
        "hosts": settings.database_url.hosts(),
    });
    assert_eq!(
        shown.to_string(),
        r#"{"cache":"rediss://:***@cache.internal/2","database":"postgres://billing:***@db.internal:5433/billing?password=***","hosts":["db.internal:5433"],"max_body":1536}"#
    );
}

#[test]
fn every_origin_serializes_with_its_kind_text_and_details() {
    use std::path::PathBuf;
    let cases = [
        (
            Origin::Env,
            serde_json::json!({"kind": "environment", "text": "environment"}),
        ),
        (
            Origin::Alias("OLD_PORT".into()),
            serde_json::json!({"kind": "alias", "text": "deprecated alias OLD_PORT", "name": "OLD_PORT"}),
        ),
        (
            Origin::Fallback("PORT".into()),
            serde_json::json!({"kind": "fallback", "text": "fallback PORT", "name": "PORT"}),
        ),
        (
            Origin::File(PathBuf::from("/run/secrets/key")),
            serde_json::json!({"kind": "file", "text": "file /run/secrets/key", "path": "/run/secrets/key"}),
        ),
        (
            Origin::DotEnv {
                path: PathBuf::from("prod.env"),
                line: Some(3),
            },
            serde_json::json!({"kind": "dotenv", "text": "env file prod.env, line 3", "path": "prod.env", "line": 3}),
        ),
        (
            Origin::DotEnv {
                path: PathBuf::from("prod.env"),
                line: None,
            },
            serde_json::json!({"kind": "dotenv", "text": "env file prod.env", "path": "prod.env", "line": null}),
        ),
        (
            Origin::CommandLine("--port".into()),
            serde_json::json!({"kind": "command_line", "text": "command line --port", "flag": "--port"}),
        ),
        (
            Origin::Default,
            serde_json::json!({"kind": "default", "text": "default"}),
        ),
        (
            Origin::Computed,
            serde_json::json!({"kind": "computed", "text": "computed"}),
        ),
        (
            Origin::Unset,
            serde_json::json!({"kind": "unset", "text": "unset"}),
        ),
    ];
    for (origin, expected) in cases {
        // Parsed back from the text, so that a malformed object fails too.
        let text = serde_json::to_string(&origin).unwrap();
        let parsed: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{origin:?}: {text}: {e}"));
        assert_eq!(parsed, expected, "{origin:?}");
    }
}

/// The derive refuses `deserialize` on a type it can see is secret; behind
/// an alias it cannot, and with secrecy's `serde` feature the type
/// deserializes. Its value is as secret as any other secret's.
type Pin = twelve_config::SecretBox<u32>;

#[derive(Config, Debug)]
#[config(prefix = "VAULT_")]
struct Vault {
    #[config(deserialize)]
    pin: Pin,
}

#[test]
fn a_secret_read_with_serde_behind_an_alias_stays_secret() {
    use twelve_config::ExposeSecret;

    let vault = Vault::from_vars([("VAULT_PIN", "4711")]).unwrap();
    assert_eq!(*vault.pin.expose_secret(), 4711);
    let errors = Vault::from_vars([("VAULT_PIN", "47x1-hunter2")]).unwrap_err();
    let report = format!("{errors} {errors:?}");
    assert!(!report.contains("hunter2"), "{report}");
    assert!(report.contains("VAULT_PIN"), "{report}");
    let loaded = Vault::load(&twelve_config::Vars::new([("VAULT_PIN", "4711")])).unwrap();
    assert!(loaded.vars()[0].is_secret());
    assert_eq!(loaded.vars()[0].shown_value(), None);
}
