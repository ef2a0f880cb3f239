//! Optional groups and what an operator set in them: an empty variable
//! never turns a group on, but is never passed over in silence either; and
//! a problem that a group being on explains says what turned it on.

use twelve_config::{Config, ErrorKind, Origin, Vars};

#[derive(Config, Debug)]
struct S3 {
    bucket: String,
    region: Option<String>,
    #[config(default = 3)]
    retries: u8,
}

#[derive(Config, Debug)]
#[config(exactly_one(url, endpoint, cluster))]
struct Redis {
    url: Option<String>,
    endpoint: Option<String>,
    cluster: Option<String>,
    password: Option<String>,
}

#[derive(Config, Debug)]
struct Tiered {
    /// The second tier, itself optional inside the first.
    #[config(nested)]
    cold: Option<S3>,
    size: Option<u32>,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Cache {
    top: Option<String>,
    #[config(flatten)]
    s3: Option<S3>,
    #[config(nested)]
    redis: Option<Redis>,
    #[config(nested)]
    tier: Option<Tiered>,
}

fn warnings(vars: &[(&str, &str)]) -> Vec<String> {
    let loaded = Cache::load(&Vars::new(vars.iter().copied())).unwrap();
    loaded.warnings().iter().map(|w| w.to_string()).collect()
}

#[test]
fn each_empty_variable_of_a_group_that_stays_off_gets_a_warning() {
    // `APP_BUCKET=${UNSET}` in a CI script: the group stays off, and says so.
    let loaded = Cache::load(&Vars::new([
        ("APP_TOP", ""),
        ("APP_BUCKET", ""),
        ("APP_REGION", ""),
        ("APP_RETRIES", ""),
    ]))
    .unwrap();
    assert!(loaded.config().s3.is_none());
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "warning: APP_TOP: set but empty, so it is treated as unset; unset it, or give it a value",
            "warning: APP_BUCKET: set but empty, so it is treated as unset and the optional group s3 stays off; unset it, or give it a value",
            "warning: APP_REGION: set but empty, so it is treated as unset and the optional group s3 stays off; unset it, or give it a value",
            "warning: APP_RETRIES: set but empty, so it is treated as unset and the optional group s3 stays off; unset it, or give it a value",
        ]
    );
    // Unset, nothing to say.
    assert!(warnings_of_nothing().is_empty());
}

fn warnings_of_nothing() -> Vec<String> {
    warnings(&[])
}

#[test]
fn a_group_that_is_on_reports_its_empty_variables_as_any_field_does() {
    let errors = Cache::from_vars([("APP_BUCKET", ""), ("APP_REGION", "eu")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.get("APP_BUCKET").unwrap();
    assert!(matches!(error.kind(), ErrorKind::Missing { .. }), "{error}");
    assert_eq!(error.note(), Some("it is set, but empty"));
    // An empty field with a default gets the default, with the usual word.
    let warnings = warnings(&[("APP_BUCKET", "b"), ("APP_RETRIES", "")]);
    assert_eq!(
        warnings,
        ["warning: APP_RETRIES: set but empty, so the default \"3\" is used; unset it, or give it a value"]
    );
}

#[test]
fn an_inner_group_that_stays_off_names_itself_and_an_outer_one_off_too_names_itself() {
    // The outer group is on (APP_TIER_SIZE), the inner one off: the inner
    // group's name.
    let warnings_on = warnings(&[("APP_TIER_SIZE", "5"), ("APP_TIER_COLD_BUCKET", "")]);
    assert_eq!(
        warnings_on,
        ["warning: APP_TIER_COLD_BUCKET: set but empty, so it is treated as unset and the optional group tier.cold stays off; unset it, or give it a value"]
    );
    // Both off: one warning per variable, in the outer group's words.
    let warnings_off = warnings(&[("APP_TIER_SIZE", ""), ("APP_TIER_COLD_BUCKET", "")]);
    assert_eq!(
        warnings_off,
        [
            "warning: APP_TIER_COLD_BUCKET: set but empty, so it is treated as unset and the optional group tier stays off; unset it, or give it a value",
            "warning: APP_TIER_SIZE: set but empty, so it is treated as unset and the optional group tier stays off; unset it, or give it a value",
        ]
    );
}

#[test]
fn a_rule_that_fails_in_a_group_says_what_turned_the_group_on() {
    // Only the password is set: the rule fails, and the operator learns why
    // it applies at all.
    let errors = Cache::from_vars([("APP_REDIS_PASSWORD", "x")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.iter().next().unwrap();
    assert!(matches!(error.kind(), ErrorKind::Rule { .. }), "{error}");
    assert_eq!(
        error.note(),
        Some("the optional group redis is enabled because APP_REDIS_PASSWORD is set")
    );
    // A value that does not parse explains itself: no note.
    let errors = Cache::from_vars([("APP_BUCKET", "b"), ("APP_RETRIES", "x")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(errors.get("APP_RETRIES").unwrap().note(), None);
}

#[test]
fn the_env_template_comments_out_the_variables_of_optional_groups() {
    let template = Cache::schema().to_dotenv();
    assert!(template.contains("\n# APP_BUCKET=\n"), "{template}");
    assert!(!template.contains("\nAPP_BUCKET="), "{template}");
    // Loaded back as written, it is a configuration with every group off
    // and nothing to warn about.
    let vars: Vec<(String, String)> = template
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let loaded = Cache::load(&Vars::new(vars)).unwrap();
    assert!(loaded.config().s3.is_none() && loaded.config().redis.is_none());
    assert!(loaded.warnings().is_empty());
}

#[test]
fn print_config_lists_the_variables_of_a_group_that_is_off() {
    let loaded = Cache::load(&Vars::new([
        ("APP_REDIS_URL", "redis://h"),
        ("APP_RETRIES", ""),
    ]))
    .unwrap();
    let origin = |name: &str| {
        let var = loaded.vars().iter().find(|v| v.name() == name);
        var.unwrap_or_else(|| panic!("{name} is listed"))
            .origin()
            .clone()
    };
    // The group is off: its variables are listed, none with its default.
    for name in ["APP_BUCKET", "APP_REGION", "APP_RETRIES"] {
        assert_eq!(origin(name), Origin::GroupOff("s3".into()), "{name}");
    }
    let retries = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "APP_RETRIES")
        .unwrap();
    assert_eq!(retries.shown_value(), None);
    // An inner group off inside an outer one off: the outer one's name.
    assert_eq!(
        origin("APP_TIER_COLD_BUCKET"),
        Origin::GroupOff("tier".into())
    );
    assert_eq!(origin("APP_TIER_SIZE"), Origin::GroupOff("tier".into()));
    // A group that is on is listed as usual.
    assert_eq!(origin("APP_REDIS_URL"), Origin::Env);
    assert_eq!(origin("APP_REDIS_PASSWORD"), Origin::Unset);
    // And an inner group off inside an outer one on: the inner one's name.
    let loaded = Cache::load(&Vars::new([("APP_TIER_SIZE", "2")])).unwrap();
    let cold = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "APP_TIER_COLD_REGION")
        .unwrap();
    assert_eq!(cold.origin(), &Origin::GroupOff("tier.cold".into()));
    assert_eq!(
        cold.origin().to_string(),
        "unset: the optional group tier.cold is off"
    );
}

#[test]
fn print_config_says_which_group_is_off() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let vars = Vars::new([("APP_BUCKET", "b")]);
    twelve_config::handle_args::<Cache>(&["--print-config"], &vars, &mut out, &mut err);
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("\nAPP_BUCKET             b  (environment)\n"),
        "{out}"
    );
    assert!(
        out.contains("\nAPP_REDIS_URL          <unset>  (optional group redis off)\n"),
        "{out}"
    );
    let (mut json, mut err) = (Vec::new(), Vec::new());
    twelve_config::handle_args::<Cache>(
        &["--print-config", "--format=json"],
        &vars,
        &mut json,
        &mut err,
    );
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let redis = json["vars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "APP_REDIS_URL")
        .unwrap();
    assert_eq!(redis["origin"]["kind"], "group_off");
    assert_eq!(redis["origin"]["group"], "redis");
    assert_eq!(redis["value"], serde_json::Value::Null);
}
