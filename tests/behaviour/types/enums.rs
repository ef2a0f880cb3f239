//! Enums deriving `EnvValue`: spellings, `rename_all`, aliases, case
//! sensitivity, the hints of "did you mean" and the choices the schema lists.

use twelve_config::{Config, EnvValue, ErrorKind, Errors};

use super::{load, rejects, LogFormat};

one!(Format: LogFormat);

#[test]
fn enums_accept_kebab_snake_renames_and_aliases_in_any_case() {
    assert_eq!(load::<Format>("json").unwrap().value, LogFormat::Json);
    assert_eq!(
        load::<Format>("JSON-LINES").unwrap().value,
        LogFormat::JsonLines
    );
    assert_eq!(
        load::<Format>("json_lines").unwrap().value,
        LogFormat::JsonLines
    );
    assert_eq!(load::<Format>("Plain").unwrap().value, LogFormat::Text);
    assert_eq!(load::<Format>("logfmt").unwrap().value, LogFormat::KeyValue);
    assert_eq!(
        load::<Format>("key-value").unwrap().value,
        LogFormat::KeyValue
    );
    let (_, expected, reason) = rejects::<Format>("text");
    assert_eq!(expected, "one of: json, json-lines, plain, key-value");
    assert_eq!(
        reason, None,
        "`text` was renamed away and is not close to any choice"
    );
    let (_, _, reason) = rejects::<Format>("jsno");
    assert_eq!(reason.as_deref(), Some("did you mean \"json\"?"));
    assert_eq!(
        LogFormat::choices(),
        ["json", "json-lines", "plain", "key-value"]
    );
}

/// Exact spellings, as services document them.
#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
#[config(rename_all = "snake_case", case_sensitive)]
enum StopBits {
    Bits1,
    Bits1_5,
    Bits2,
}

#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
#[config(rename_all = "PascalCase", case_sensitive)]
enum Mode {
    Normal,
    #[config(alias = "Maint")]
    Maintenance,
}

#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
#[config(rename_all = "SCREAMING-KEBAB-CASE")]
enum Tls {
    ForceTls,
    Off,
}

#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
#[config(rename_all = "lowercase")]
enum Deployment {
    Production,
    Staging,
    DevLocal,
    DevRemote,
}

#[derive(Config, Debug)]
struct Spelled {
    stop_bits: Option<StopBits>,
    mode: Option<Mode>,
    tls: Option<Tls>,
    env: Option<Deployment>,
}

fn spelled(var: &str, value: &str) -> Result<Spelled, Errors> {
    Spelled::from_vars([(var, value)])
}

fn reason_for(var: &str, value: &str) -> Option<String> {
    let errors = spelled(var, value).expect_err(value);
    match errors.iter().next().unwrap().kind() {
        ErrorKind::Invalid { reason, .. } => reason.clone(),
        other => panic!("{value:?}: expected an invalid value, got {other:?}"),
    }
}

#[test]
fn rename_all_gives_each_variant_exactly_one_spelling() {
    assert_eq!(
        spelled("STOP_BITS", "bits1_5").unwrap().stop_bits,
        Some(StopBits::Bits1_5)
    );
    assert_eq!(StopBits::choices(), ["bits1", "bits1_5", "bits2"]);
    // The kebab-case spelling the derive accepts without `rename_all` is not
    // one of the listed choices, so it is not accepted either.
    assert_eq!(
        reason_for("STOP_BITS", "bits1-5").as_deref(),
        Some("did you mean \"bits1_5\"?")
    );
    assert_eq!(
        spelled("TLS", "FORCE-TLS").unwrap().tls,
        Some(Tls::ForceTls)
    );
    assert_eq!(Tls::choices(), ["FORCE-TLS", "OFF"]);
    // Without `case_sensitive`, case is still ignored.
    assert_eq!(spelled("TLS", "off").unwrap().tls, Some(Tls::Off));
    assert!(spelled("TLS", "force_tls").is_err());
    assert_eq!(
        Deployment::choices(),
        ["production", "staging", "devlocal", "devremote"]
    );
}

#[test]
fn case_sensitive_enums_take_only_the_exact_case_and_hint_at_it() {
    assert_eq!(spelled("MODE", "Normal").unwrap().mode, Some(Mode::Normal));
    assert_eq!(
        spelled("MODE", "Maint").unwrap().mode,
        Some(Mode::Maintenance)
    );
    assert_eq!(
        reason_for("MODE", "normal").as_deref(),
        Some("did you mean \"Normal\"?")
    );
    assert_eq!(
        reason_for("MODE", "MAINT").as_deref(),
        Some("did you mean \"Maintenance\"?")
    );
    assert_eq!(
        reason_for("STOP_BITS", "BITS2").as_deref(),
        Some("did you mean \"bits2\"?")
    );
    let errors = spelled("MODE", "normal").unwrap_err();
    match errors.iter().next().unwrap().kind() {
        ErrorKind::Invalid { expected, .. } => assert_eq!(expected, "one of: Normal, Maintenance"),
        other => panic!("expected an invalid value, got {other:?}"),
    }
}

#[test]
fn a_unique_prefix_is_a_hint() {
    assert_eq!(
        reason_for("ENV", "prod").as_deref(),
        Some("did you mean \"production\"?")
    );
    assert_eq!(
        reason_for("ENV", "STAG").as_deref(),
        Some("did you mean \"staging\"?")
    );
    // `dev` starts two choices: no guess.
    assert_eq!(reason_for("ENV", "dev"), None);
    assert_eq!(
        reason_for("ENV", "devr").as_deref(),
        Some("did you mean \"devremote\"?")
    );
}

#[test]
fn the_schema_lists_exactly_the_accepted_spellings() {
    let schema = Spelled::schema();
    let choices = |name: &str| schema.var(name).unwrap().choices().to_vec();
    assert_eq!(choices("STOP_BITS"), ["bits1", "bits1_5", "bits2"]);
    assert_eq!(choices("MODE"), ["Normal", "Maintenance"]);
    assert_eq!(choices("TLS"), ["FORCE-TLS", "OFF"]);
    for name in ["STOP_BITS", "MODE", "TLS"] {
        let var = schema.var(name).unwrap();
        for choice in var.choices() {
            assert!(
                spelled(name, choice).is_ok(),
                "{name}={choice} is listed, so it must be accepted"
            );
        }
    }
    // A list of choices lists the spellings of its items.
    #[derive(Config)]
    struct Several {
        #[config(default = "json")]
        formats: Vec<LogFormat>,
    }
    let schema = Several::schema();
    assert_eq!(
        schema.var("FORMATS").unwrap().choices(),
        ["json", "json-lines", "plain", "key-value"]
    );
}
