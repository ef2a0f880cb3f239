//! `required_if`: the condition field's loaded value, from wherever it
//! came, compared with the rule's text read as the field's type reads a
//! variable.

use twelve_config::{Config, EnvValue, SecretString, Vars};

use crate::support::TempFile;

fn on_when_host_set(host: &Option<String>) -> bool {
    host.is_some()
}

#[derive(Config, Debug)]
struct Push {
    #[config(default = false, fallback = "PUSH_ON")]
    push_enabled: bool,
    #[config(required_if(push_enabled = "true"))]
    push_key: Option<SecretString>,
    smtp_host: Option<String>,
    #[config(default_with = on_when_host_set(smtp_host))]
    email_2fa: bool,
    #[config(required_if(email_2fa = "true"))]
    smtp_from: Option<String>,
}

fn problems(vars: &[(&str, &str)]) -> Vec<String> {
    match Push::from_vars(vars.iter().copied()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.message().to_owned()).collect(),
    }
}

const PUSH_KEY_MISSING: &str = "PUSH_KEY is required when PUSH_ENABLED is true; it is not set";

#[test]
fn every_spelling_of_true_the_bool_accepts_makes_the_rule_hold() {
    for on in ["true", "TRUE", "1", "on", "yes", "Yes"] {
        assert_eq!(
            problems(&[("PUSH_ENABLED", on)]),
            [PUSH_KEY_MISSING],
            "PUSH_ENABLED={on}"
        );
        assert_eq!(
            problems(&[("PUSH_ENABLED", on), ("PUSH_KEY", "k")]),
            Vec::<String>::new()
        );
    }
    for off in ["false", "0", "off", "no"] {
        assert_eq!(problems(&[("PUSH_ENABLED", off)]), Vec::<String>::new());
    }
    // Unset: the default, false.
    assert_eq!(problems(&[]), Vec::<String>::new());
}

#[test]
fn a_condition_read_from_a_fallback_counts() {
    assert_eq!(problems(&[("PUSH_ON", "1")]), [PUSH_KEY_MISSING]);
}

#[derive(Config, Debug)]
#[config(file)]
struct FromFiles {
    #[config(default = false)]
    push_enabled: bool,
    #[config(required_if(push_enabled = "true"))]
    push_key: Option<SecretString>,
}

#[test]
fn a_condition_read_from_the_file_its_file_variable_names_counts() {
    let file = TempFile::with("true\n");
    let errors = FromFiles::from_vars([("PUSH_ENABLED_FILE", file.path())]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        PUSH_KEY_MISSING,
        "{errors}"
    );
    let key = TempFile::with("k\n");
    assert!(FromFiles::from_vars([
        ("PUSH_ENABLED_FILE", file.path()),
        ("PUSH_KEY_FILE", key.path())
    ])
    .is_ok());
}

#[test]
fn a_computed_default_that_is_true_makes_the_rule_hold() {
    assert_eq!(
        problems(&[("SMTP_HOST", "mail")]),
        ["SMTP_FROM is required when EMAIL_2FA is true; it is not set"]
    );
    assert_eq!(
        problems(&[("SMTP_HOST", "mail"), ("SMTP_FROM", "me@mail")]),
        Vec::<String>::new()
    );
    // Set, the variable decides over the computed default.
    assert_eq!(
        problems(&[("SMTP_HOST", "mail"), ("EMAIL_2FA", "off")]),
        Vec::<String>::new()
    );
    assert_eq!(problems(&[]), Vec::<String>::new());
}

#[test]
fn a_condition_that_did_not_load_is_its_own_problem_and_the_rule_is_noted_as_unchecked() {
    let errors = Push::from_vars([("PUSH_ENABLED", " true")]).unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(vars, ["PUSH_ENABLED"], "{errors}");
    assert_eq!(
        errors.notes(),
        ["the rule required_if(push_enabled = \"true\") on PUSH_KEY was not checked: PUSH_ENABLED did not load"]
    );
    assert!(errors.to_string().contains(
        "\n  note: the rule required_if(push_enabled = \"true\") on PUSH_KEY was not checked: PUSH_ENABLED did not load"
    ));
}

#[test]
fn a_required_variable_set_but_empty_is_said_to_be_empty() {
    assert_eq!(
        problems(&[("PUSH_ENABLED", "true"), ("PUSH_KEY", "")]),
        ["PUSH_KEY is required when PUSH_ENABLED is true; it is set but empty"]
    );
}

#[derive(EnvValue, Debug, Clone, Copy, PartialEq)]
#[config(rename_all = "lowercase")]
enum Mode {
    #[config(alias = "prod")]
    Production,
    Development,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Deployed {
    #[config(default = "development")]
    mode: Mode,
    #[config(required_if(mode = "production"))]
    master_key: Option<SecretString>,
    #[config(default = "development")]
    label: String,
    #[config(required_if(label = "production"))]
    label_key: Option<String>,
    port: Option<u16>,
    #[config(required_if(port = "0080"))]
    port_note: Option<String>,
}

#[test]
fn an_enum_condition_matches_every_spelling_the_enum_accepts() {
    for production in ["production", "PRODUCTION", "prod"] {
        let errors = Deployed::from_vars([("APP_MODE", production)]).unwrap_err();
        assert_eq!(
            errors.iter().next().unwrap().message(),
            "APP_MASTER_KEY is required when APP_MODE is production; it is not set",
            "APP_MODE={production}"
        );
    }
    assert!(Deployed::from_vars([("APP_MODE", "development")]).is_ok());
    assert!(Deployed::from_source(&Vars::default()).is_ok());
}

#[test]
fn a_text_condition_compares_the_text_exactly_and_a_number_its_value() {
    // A `String` holds what was typed: "Production" is not "production".
    assert!(Deployed::from_vars([("APP_LABEL", "Production")]).is_ok());
    assert!(Deployed::from_vars([("APP_LABEL", "production")]).is_err());
    // 80 is the number "0080" reads as.
    let errors = Deployed::from_vars([("APP_PORT", "80")]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "APP_PORT_NOTE is required when APP_PORT is 0080; it is not set"
    );
    assert!(Deployed::from_vars([("APP_PORT", "81")]).is_ok());
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Misspelled {
    #[config(default = "development")]
    mode: Mode,
    #[config(required_if(mode = "staging"))]
    master_key: Option<SecretString>,
}

#[test]
fn a_text_the_condition_type_cannot_read_is_a_bug_in_the_program_on_every_load() {
    for vars in [vec![], vec![("APP_MODE", "production")]] {
        let errors = Misspelled::from_vars(vars).unwrap_err();
        let error = errors.iter().next().unwrap();
        assert_eq!(error.vars(), ["APP_MASTER_KEY", "APP_MODE"]);
        assert_eq!(
            error.message(),
            "bug in the program: APP_MASTER_KEY is required when APP_MODE is \"staging\", \
             which the type of APP_MODE cannot read (expected one of: production, development), \
             so the rule could never hold"
        );
    }
    // Found by a unit test, before any deployment.
    let bugs = Misspelled::check_defaults().unwrap_err();
    assert_eq!(bugs.len(), 1, "{bugs}");
    assert_eq!(bugs.iter().next().unwrap().var(), "APP_MASTER_KEY");
    assert!(Deployed::check_defaults().is_ok());
}

#[test]
fn the_problem_names_both_fields_and_both_variables() {
    let errors = Push::from_vars([("PUSH_ENABLED", "true")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.iter().next().unwrap();
    assert_eq!(error.vars(), ["PUSH_KEY", "PUSH_ENABLED"]);
    assert_eq!(error.field(), "push_key, push_enabled");
}

#[derive(Config, Debug)]
struct Storage {
    mode: u8,
    #[config(required_if(mode = "1"), required_if(mode = "2"))]
    bucket: Option<String>,
}

#[test]
fn each_rule_not_checked_is_noted_with_its_text() {
    let errors = Storage::from_vars([("MODE", "s3")]).unwrap_err();
    assert_eq!(
        errors.notes(),
        [
            "the rule required_if(mode = \"1\") on BUCKET was not checked: MODE did not load",
            "the rule required_if(mode = \"2\") on BUCKET was not checked: MODE did not load",
        ]
    );
}
