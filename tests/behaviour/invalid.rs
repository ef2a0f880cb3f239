//! `#[config(invalid = "unset")]`: a service that falls back to its
//! default when it cannot read a value, declared as it behaves. The value
//! is never ignored in silence: a warning gives the problem the report
//! would have given, and what the field uses instead.

use twelve_config::{Config, Loaded, Origin, SecretString, Vars};

fn half_the_cpus() -> u16 {
    4
}

#[derive(Config, Debug)]
#[config(prefix = "CACHE_")]
struct Cache {
    #[config(default = 4226, invalid = "unset")]
    port: u16,
    #[config(invalid = "unset")]
    idle_timeout: Option<std::time::Duration>,
    #[config(default_with = half_the_cpus(), invalid = "unset")]
    workers: u16,
    #[config(invalid = "unset")]
    token: Option<SecretString>,
    #[config(default = 3)]
    level: u8,
}

fn load(vars: &[(&str, &str)]) -> Loaded<Cache> {
    Cache::load(&Vars::new(vars.iter().copied())).unwrap()
}

fn warnings(loaded: &Loaded<Cache>) -> Vec<String> {
    loaded.warnings().iter().map(|w| w.to_string()).collect()
}

#[test]
fn an_invalid_value_gives_a_warning_and_the_default() {
    let loaded = load(&[
        ("CACHE_PORT", "port"),
        ("CACHE_IDLE_TIMEOUT", "soon"),
        ("CACHE_WORKERS", "-1"),
    ]);
    let cache = loaded.config();
    assert_eq!(cache.port, 4226);
    assert_eq!(cache.idle_timeout, None);
    assert_eq!(cache.workers, 4);
    assert_eq!(
        warnings(&loaded),
        [
            "warning: CACHE_PORT: invalid value \"port\": expected integer 0..=65535 \
             (invalid digit found in string), so the default \"4226\" is used",
            "warning: CACHE_IDLE_TIMEOUT: invalid value \"soon\": expected duration such as \
             30s, 500ms or 1h 15m (a number is missing at character 1; each unit follows a \
             number, as in 1h 30m), so it is treated as unset",
            "warning: CACHE_WORKERS: invalid value \"-1\": expected integer 0..=65535 \
             (negative, but the type is unsigned), so the computed default is used",
        ]
    );
    // --print-config shows what the program uses.
    let port = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "CACHE_PORT")
        .unwrap();
    assert_eq!(port.origin(), &Origin::Default);
    assert_eq!(port.shown_value(), Some("4226"));
}

#[test]
fn valid_values_are_read_and_other_fields_still_report() {
    let loaded = load(&[("CACHE_PORT", "8080"), ("CACHE_WORKERS", "2")]);
    assert_eq!((loaded.config().port, loaded.config().workers), (8080, 2));
    assert!(loaded.warnings().is_empty());
    // Without the attribute, an invalid value is a problem as always.
    let errors = Cache::from_vars([("CACHE_PORT", "x"), ("CACHE_LEVEL", "high")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(errors.iter().next().unwrap().var(), "CACHE_LEVEL");
}

#[test]
fn a_secret_rejected_is_never_shown() {
    // A secret's text cannot be rejected by `SecretString`; a secret URL can.
    #[derive(Config, Debug)]
    struct Db {
        #[config(invalid = "unset")]
        replica_url: Option<twelve_config::SecretBox<twelve_config::PostgresUrl>>,
    }
    let loaded = Db::load(&Vars::new([("REPLICA_URL", "mysql://u:CANARY@h/db")])).unwrap();
    assert!(loaded.config().replica_url.is_none());
    let text = format!("{:?}", loaded.warnings());
    assert!(text.contains("REPLICA_URL"), "{text}");
    assert!(!text.contains("CANARY"), "{text}");
}

#[test]
fn the_schema_says_how_an_invalid_value_is_read() {
    let schema = Cache::schema();
    let text = schema.to_text();
    assert!(
        text.contains("an invalid value is warned about and treated as unset"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&schema.to_json()).unwrap();
    assert_eq!(json["vars"][0]["invalid"], "unset");
    assert_eq!(json["vars"][4]["invalid"], "error");
}

#[test]
fn the_json_schema_accepts_what_the_program_reads_as_unset() {
    let environments = [
        vec![("CACHE_PORT", "port")],
        vec![("CACHE_PORT", "8080"), ("CACHE_LEVEL", "3")],
        vec![("CACHE_LEVEL", "high")],
    ];
    let instances: Vec<serde_json::Value> = environments
        .iter()
        .map(|vars| {
            let object = vars
                .iter()
                .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)));
            serde_json::Value::Object(object.collect())
        })
        .collect();
    let Some(verdicts) =
        crate::json_schema::validate(&Cache::schema().to_json_schema(), &instances)
    else {
        return;
    };
    assert_eq!(verdicts, [true, true, false]);
    for (vars, valid) in environments.iter().zip(verdicts) {
        assert_eq!(Cache::from_vars(vars.clone()).is_ok(), valid, "{vars:?}");
    }
}

#[derive(Config, Debug)]
struct Smtp {
    host: String,
    #[config(default = 587, invalid = "unset")]
    port: u16,
}

#[derive(Config, Debug)]
struct Mail {
    #[config(nested)]
    smtp: Option<Smtp>,
}

#[test]
fn a_value_read_as_unset_still_turns_its_group_on() {
    // The operator set the port: the group is on, and asks for its host.
    let errors = Mail::from_vars([("SMTP_PORT", "submission")]).unwrap_err();
    let text = errors.to_string();
    assert!(text.contains("SMTP_HOST"), "{text}");
    assert!(
        text.contains("the optional group smtp is enabled because SMTP_PORT is set"),
        "{text}"
    );
    let loaded = Mail::load(&Vars::new([("SMTP_HOST", "mail"), ("SMTP_PORT", "x")])).unwrap();
    assert_eq!(loaded.config().smtp.as_ref().unwrap().port, 587);
    assert_eq!(loaded.warnings().len(), 1);
}
