//! One run reports every problem, in the shapes real services have:
//! optional groups, nested groups, rules, and long names.

use twelve_config::{Config, Problems, SecretString, Vars};

use crate::support::TempFile;

#[derive(Config, Debug)]
struct Auth {
    username: String,
    password: SecretString,
}

#[derive(Config, Debug)]
struct App {
    #[config(nested)]
    smtp: Option<Auth>,
}

#[test]
fn a_file_variable_alone_switches_its_group_on() {
    let errors = App::from_vars([("SMTP_PASSWORD_FILE", "/does/not/exist")]).unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(vars, ["SMTP_USERNAME", "SMTP_PASSWORD_FILE"], "{errors}");
    assert_eq!(
        errors.iter().next().unwrap().note(),
        Some("the optional group smtp is enabled because SMTP_PASSWORD_FILE is set")
    );
}

#[test]
fn a_conflict_inside_a_group_is_reported() {
    let file = TempFile::with("secret");
    let errors =
        App::from_vars([("SMTP_PASSWORD", "x"), ("SMTP_PASSWORD_FILE", file.path())]).unwrap_err();
    assert!(
        errors.to_string().contains(
            "SMTP_PASSWORD  conflicts with SMTP_PASSWORD_FILE: both are set, set only one"
        ),
        "{errors}"
    );
}

#[derive(Config, Debug)]
struct Broken {
    #[config(default = "soon")]
    timeout: std::time::Duration,
}

#[derive(Config, Debug)]
struct WithBrokenGroup {
    #[config(nested)]
    cache: Option<Broken>,
}

#[test]
fn check_defaults_sees_inside_optional_groups() {
    let errors = WithBrokenGroup::check_defaults().unwrap_err();
    assert_eq!(errors.iter().next().unwrap().var(), "CACHE_TIMEOUT");
}

#[derive(Config, Debug)]
struct Scalar {
    quantile: f32,
    #[config(default = false)]
    always_ram: bool,
}

#[derive(Config, Debug)]
struct Quantization {
    #[config(nested)]
    scalar: Option<Scalar>,
    rescore: Option<bool>,
    kind: String,
}

#[derive(Config, Debug)]
#[config(prefix = "Q_")]
struct Collection {
    #[config(nested)]
    quantization: Option<Quantization>,
}

#[test]
fn the_note_names_the_group_the_variable_switched_on_once() {
    let errors = Collection::from_vars([("Q_QUANTIZATION_SCALAR_ALWAYS_RAM", "true")]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 2 configuration problems\n  \
         Q_QUANTIZATION_SCALAR_QUANTILE  missing: required (finite number such as 0.5 or 1e-3)\n                                  \
         note: the optional group quantization.scalar is enabled because Q_QUANTIZATION_SCALAR_ALWAYS_RAM is set\n  \
         Q_QUANTIZATION_KIND             missing: required (text)\n                                  \
         note: the optional group quantization is enabled because Q_QUANTIZATION_SCALAR_ALWAYS_RAM is set"
    );
}

#[derive(Config, Debug)]
struct Pool {
    #[config(default = 4)]
    size: u32,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_", validate = Named::check)]
struct Named {
    api_key: String,
    #[config(nested)]
    pool: Pool,
}

impl Named {
    fn check(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        if self.pool.size > 8 {
            problems.add(["pool.size"], "at most 8");
        }
        if self.api_key == "typo" {
            problems.add(["api_kye"], "unknown");
        }
        if self.api_key == "pool" {
            problems.add(["pool"], "the pool is wrong");
        }
        problems.into_result()
    }
}

#[test]
fn rule_names_are_field_paths_resolved_to_variables_and_checked() {
    let errors = Named::from_vars([("APP_API_KEY", "k"), ("APP_POOL_SIZE", "9")]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  APP_POOL_SIZE  at most 8"
    );
    assert_eq!(errors.iter().next().unwrap().field(), "pool.size");
    let errors = Named::from_vars([("APP_API_KEY", "typo")]).unwrap_err();
    let text = errors.to_string();
    assert!(
        text.contains("bug in the program: the rule Named::check names api_kye, which is no setting of the configuration"),
        "{text}"
    );
    assert!(
        !errors
            .iter()
            .any(|e| e.vars().iter().any(|v| v == "api_kye")),
        "{text}"
    );
}

#[derive(Config, Debug)]
struct Inner {
    #[config(env = "SHARED_MODE", default = "a")]
    mode: String,
}

#[derive(Config, Debug)]
struct Twice {
    #[config(env = "SHARED_MODE", default = "a")]
    mode: String,
    #[config(nested)]
    inner: Inner,
}

#[test]
fn two_fields_reading_one_variable_are_a_bug_check_defaults_reports() {
    let errors = Twice::check_defaults().unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "bug in the program: the fields mode and inner.mode both read SHARED_MODE"
    );
    let schema = Twice::schema();
    let names: Vec<&str> = schema.vars().iter().map(|v| v.name()).collect();
    assert_eq!(names, ["SHARED_MODE"]);
    // A load cannot see it, but the release pipeline's check does.
    assert!(Twice::from_vars([("SHARED_MODE", "b")]).is_ok());
    for flag in ["--check-config", "--print-config"] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let vars = Vars::new([("SHARED_MODE", "b")]);
        let status = twelve_config::handle_flags::<Twice>([flag], &vars, &mut out, &mut err);
        assert_eq!(status, Some(78));
        let err = String::from_utf8(err).unwrap();
        assert!(
            err.contains(
                "bug in the program: the fields mode and inner.mode both read SHARED_MODE"
            ),
            "{err}"
        );
    }
}

#[derive(Config, Debug)]
#[config(prefix = "MEILI_EXPERIMENTAL_")]
struct Long {
    dumpless_upgrade_with_a_very_long_name: bool,
    x: u8,
}

#[test]
fn long_names_stand_on_their_own_line() {
    let errors = Long::from_vars([
        (
            "MEILI_EXPERIMENTAL_DUMPLESS_UPGRADE_WITH_A_VERY_LONG_NAME",
            "maybe",
        ),
        ("MEILI_EXPERIMENTAL_X", "300"),
    ])
    .unwrap_err();
    let text = errors.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1],
        "  MEILI_EXPERIMENTAL_DUMPLESS_UPGRADE_WITH_A_VERY_LONG_NAME"
    );
    assert!(
        lines[2].starts_with("      invalid value \"maybe\""),
        "{text}"
    );
    assert!(
        lines[3].starts_with("  MEILI_EXPERIMENTAL_X  invalid value \"300\""),
        "{text}"
    );
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Prefixed {
    api_key: Option<String>,
}

#[derive(Config, Debug)]
struct Bare {
    #[config(default = true)]
    signups_allowed: bool,
}

#[test]
fn names_in_the_wrong_case_and_near_misses_are_warned_about() {
    let loaded = Prefixed::load(&twelve_config::Vars::new([
        ("app_api_key", "k"),
        ("PATH", "/bin"),
    ]))
    .unwrap();
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: app_api_key: not read by any setting: did you mean APP_API_KEY? (names are case-sensitive)"]
    );
    let loaded = Bare::load(&twelve_config::Vars::new([
        ("SIGNUPS_ALOWED", "false"),
        ("HOME", "/root"),
        ("SHELL", "/bin/sh"),
    ]))
    .unwrap();
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: SIGNUPS_ALOWED: not read by any setting: did you mean SIGNUPS_ALLOWED?"]
    );
}

#[derive(Config, Debug)]
struct ShortNames {
    secret: Option<String>,
    region: Option<String>,
}

#[test]
fn names_under_six_characters_are_not_taken_for_near_misses() {
    // SECRT and REGIN are one character short of a known name, but names
    // this short are one edit from too many unrelated ones; REGIONS is long
    // enough to judge.
    let vars = twelve_config::Vars::new([("SECRT", "x"), ("REGIN", "x"), ("REGIONS", "x")]);
    let loaded = ShortNames::load(&vars).unwrap();
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: REGIONS: not read by any setting: did you mean REGION?"]
    );
}
