//! Switches that say off: an optional group turned on by a `bool` field
//! (`enabled_by(enabled)`), as services gate mail, tracing or a cache on
//! `*_ENABLED`. Set to `false` (`0`, `no`, `off`, any case), the switch
//! leaves the group off like an unset one, and what else is set in the
//! group gets a warning that it is not used.

use serde_json::Value as Json;
use twelve_config::{Config, Origin, Vars};

#[derive(Config, Debug)]
struct Smtp {
    enabled: bool,
    host: String,
    #[config(default = 587)]
    port: u16,
}

/// Turned on by a flag, or by a version pinned: either one.
#[derive(Config, Debug)]
struct Cache {
    enabled: Option<bool>,
    version: Option<String>,
    #[config(default = "rw")]
    mode: String,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Service {
    #[config(nested, enabled_by(enabled))]
    smtp: Option<Smtp>,
    #[config(nested, enabled_by(enabled, version))]
    cache: Option<Cache>,
}

fn load(vars: &[(&str, &str)]) -> Result<twelve_config::Loaded<Service>, twelve_config::Errors> {
    Service::load(&Vars::new(vars.iter().copied()))
}

fn warnings(vars: &[(&str, &str)]) -> Vec<String> {
    let loaded = load(vars).unwrap();
    loaded.warnings().iter().map(|w| w.to_string()).collect()
}

#[test]
fn true_turns_the_group_on_and_false_leaves_it_off() {
    let service = Service::from_vars([("APP_SMTP_ENABLED", "true"), ("APP_SMTP_HOST", "mail")]);
    let smtp = service.unwrap().smtp.unwrap();
    assert!(smtp.enabled);
    assert_eq!((smtp.host.as_str(), smtp.port), ("mail", 587));
    for off in ["false", "0", "no", "off", "FALSE", "Off"] {
        let service = Service::from_vars([("APP_SMTP_ENABLED", off)]).unwrap();
        assert!(service.smtp.is_none(), "{off}");
    }
    // On, the group must be whole.
    let errors = Service::from_vars([("APP_SMTP_ENABLED", "yes")]).unwrap_err();
    let text = errors.to_string();
    assert_eq!(errors.len(), 1, "{text}");
    assert!(text.contains("APP_SMTP_HOST"), "{text}");
    assert!(
        text.contains("the optional group smtp is enabled because APP_SMTP_ENABLED is set"),
        "{text}"
    );
}

#[test]
fn what_is_set_in_a_group_switched_off_is_said_to_be_unused() {
    // A template sets the host everywhere; mail is off where the flag says
    // so, and the host is not used there.
    assert_eq!(
        warnings(&[("APP_SMTP_ENABLED", "false"), ("APP_SMTP_HOST", "mail")]),
        ["warning: APP_SMTP_HOST: not used: the optional group smtp is off, since APP_SMTP_ENABLED says off"]
    );
    // The switch itself is used: it keeps the group off.
    assert_eq!(warnings(&[("APP_SMTP_ENABLED", "0")]), Vec::<String>::new());
    // Unset, the switch is named as before.
    assert_eq!(
        warnings(&[("APP_SMTP_HOST", "mail")]),
        ["warning: APP_SMTP_HOST: not used: the optional group smtp is off, since APP_SMTP_ENABLED is not set"]
    );
}

#[test]
fn a_value_that_is_neither_on_nor_off_turns_the_group_on_and_is_reported() {
    let errors =
        Service::from_vars([("APP_SMTP_ENABLED", "maybe"), ("APP_SMTP_HOST", "mail")]).unwrap_err();
    let text = errors.to_string();
    assert_eq!(errors.len(), 1, "{text}");
    assert!(text.contains("APP_SMTP_ENABLED"), "{text}");
    assert!(text.contains("\"maybe\""), "{text}");
}

#[test]
fn with_two_switches_either_one_turns_the_group_on() {
    // A version pinned turns the cache on, whatever the flag says.
    let service =
        Service::from_vars([("APP_CACHE_ENABLED", "false"), ("APP_CACHE_VERSION", "v2")]).unwrap();
    let cache = service.cache.unwrap();
    assert_eq!(cache.enabled, Some(false));
    assert_eq!(cache.version.as_deref(), Some("v2"));
    let service = Service::from_vars([("APP_CACHE_ENABLED", "1")]).unwrap();
    assert_eq!(service.cache.unwrap().mode, "rw");
    // The flag off and no version: off, and each reason is given.
    assert_eq!(
        warnings(&[("APP_CACHE_ENABLED", "no"), ("APP_CACHE_MODE", "ro")]),
        ["warning: APP_CACHE_MODE: not used: the optional group cache is off, since APP_CACHE_ENABLED says off and APP_CACHE_VERSION is not set"]
    );
}

#[test]
fn print_config_shows_the_switch_as_set_and_the_rest_as_unused() {
    let vars = [("APP_SMTP_ENABLED", "off"), ("APP_SMTP_HOST", "mail")];
    let loaded = load(&vars).unwrap();
    let origin = |name: &str| {
        loaded
            .vars()
            .iter()
            .find(|v| v.name() == name)
            .unwrap_or_else(|| panic!("{name}"))
            .origin()
            .clone()
    };
    assert_eq!(origin("APP_SMTP_ENABLED"), Origin::Env);
    assert_eq!(origin("APP_SMTP_HOST"), Origin::Unused("smtp".into()));
    assert_eq!(origin("APP_SMTP_PORT"), Origin::GroupOff("smtp".into()));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    twelve_config::handle_args::<Service>(
        &["--print-config", "--format=json"],
        &Vars::new(vars),
        &mut out,
        &mut err,
    );
    let json: Json = serde_json::from_slice(&out).unwrap();
    let switch = json["vars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "APP_SMTP_ENABLED")
        .unwrap();
    assert_eq!(switch["value"], "off");
    assert_eq!(switch["origin"]["kind"], "environment");
}

/// A rule that asks for the group names the switch that keeps it off.
#[derive(Config, Debug)]
#[config(prefix = "Q_")]
struct Queue {
    #[config(requires(smtp))]
    notify: Option<String>,
    #[config(nested, enabled_by(enabled))]
    smtp: Option<Smtp>,
}

#[test]
fn a_rule_asking_for_a_group_switched_off_names_its_switch() {
    let errors =
        Queue::from_vars([("Q_NOTIFY", "ops@x"), ("Q_SMTP_ENABLED", "false")]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  \
         Q_NOTIFY, Q_SMTP_ENABLED  Q_NOTIFY requires group smtp; only Q_NOTIFY is set"
    );
}

#[test]
fn the_schema_says_which_values_leave_the_group_off() {
    let schema = Service::schema();
    let group = |path: &str| schema.groups().iter().find(|g| g.field() == path).unwrap();
    assert_eq!(
        group("smtp").off_values("APP_SMTP_ENABLED"),
        ["false", "0", "no", "off"]
    );
    assert!(group("cache").off_values("APP_CACHE_VERSION").is_empty());
    let text = schema.to_text();
    assert!(
        text.contains(
            "smtp (optional group of APP_SMTP_ENABLED, APP_SMTP_HOST, APP_SMTP_PORT: \
             on once APP_SMTP_ENABLED is set, other than to false, 0, no or off)"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "required once the optional group smtp is on \
             (APP_SMTP_ENABLED set, other than to false, 0, no or off)"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "on once any of APP_CACHE_ENABLED, APP_CACHE_VERSION is set, \
             APP_CACHE_ENABLED other than to false, 0, no or off)"
        ),
        "{text}"
    );
    let markdown = schema.to_markdown();
    let row = |name: &str| {
        markdown
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}` |")))
            .unwrap()
            .to_owned()
    };
    assert!(
        row("APP_SMTP_ENABLED").contains(
            "turns the optional group smtp on when set to other than false, 0, no or off"
        ),
        "{markdown}"
    );
    assert!(
        row("APP_CACHE_VERSION").contains("turns the optional group cache on when set |"),
        "{markdown}"
    );
    let json: Json = serde_json::from_str(&schema.to_json()).unwrap();
    let groups = json["groups"].as_array().unwrap();
    assert_eq!(
        groups[0]["off_values"],
        serde_json::json!({"APP_SMTP_ENABLED": ["false", "0", "no", "off"]})
    );
    assert_eq!(
        groups[1]["enabled_by"],
        serde_json::json!(["APP_CACHE_ENABLED", "APP_CACHE_VERSION"])
    );
    assert_eq!(
        groups[1]["off_values"],
        serde_json::json!({"APP_CACHE_ENABLED": ["false", "0", "no", "off"]})
    );
}

#[test]
fn the_json_schema_requires_a_group_only_once_a_switch_says_on() {
    let environments: Vec<Vec<(&str, &str)>> = vec![
        vec![],
        vec![("APP_SMTP_ENABLED", "false")],
        vec![("APP_SMTP_ENABLED", "OFF"), ("APP_SMTP_HOST", "mail")],
        vec![("APP_SMTP_ENABLED", "true")],
        vec![("APP_SMTP_ENABLED", "falsey")],
        vec![("APP_SMTP_ENABLED", "1"), ("APP_SMTP_HOST", "mail")],
        vec![("APP_CACHE_ENABLED", "no")],
    ];
    let instances: Vec<Json> = environments
        .iter()
        .map(|vars| {
            Json::Object(
                vars.iter()
                    .map(|(k, v)| ((*k).to_owned(), Json::from(*v)))
                    .collect(),
            )
        })
        .collect();
    let json_schema = Service::schema().to_json_schema();
    assert!(
        json_schema.contains(r#""pattern": "^(?:[Ff][Aa][Ll][Ss][Ee]|0|[Nn][Oo]|[Oo][Ff][Ff])$""#),
        "{json_schema}"
    );
    let Some(verdicts) = crate::json_schema::validate(&json_schema, &instances) else {
        return;
    };
    // The schema agrees with the loader on each.
    for (vars, valid) in environments.iter().zip(verdicts) {
        assert_eq!(Service::from_vars(vars.clone()).is_ok(), valid, "{vars:?}");
    }
}

/// Two flags, either of which turns the group on.
#[derive(Config, Debug)]
struct Tracing {
    otlp: Option<bool>,
    jaeger: Option<bool>,
    #[config(default = 0.1)]
    sample_rate: f64,
}

#[derive(Config, Debug)]
struct Observed {
    #[config(nested, enabled_by(otlp, jaeger))]
    tracing: Option<Tracing>,
}

#[test]
fn each_of_several_flags_says_off_for_itself() {
    assert!(
        Observed::from_vars([("TRACING_OTLP", "false"), ("TRACING_JAEGER", "0")])
            .unwrap()
            .tracing
            .is_none()
    );
    let on = Observed::from_vars([("TRACING_OTLP", "false"), ("TRACING_JAEGER", "on")]).unwrap();
    assert_eq!(on.tracing.unwrap().jaeger, Some(true));
    let loaded = Observed::load(&Vars::new([
        ("TRACING_OTLP", "no"),
        ("TRACING_JAEGER", "off"),
        ("TRACING_SAMPLE_RATE", "1"),
    ]))
    .unwrap();
    assert_eq!(
        loaded.warnings()[0].to_string(),
        "warning: TRACING_SAMPLE_RATE: not used: the optional group tracing is off, \
         since TRACING_OTLP, TRACING_JAEGER say off"
    );
    let json: Json = serde_json::from_str(&Observed::schema().to_json()).unwrap();
    assert_eq!(
        json["groups"][0]["off_values"],
        serde_json::json!({
            "TRACING_OTLP": ["false", "0", "no", "off"],
            "TRACING_JAEGER": ["false", "0", "no", "off"],
        })
    );
}

/// A feature on unless switched off, as pict-rs's video support
/// (`PICTRS__MEDIA__VIDEO__ENABLE`, default true): its group is on while
/// the switch is unset, and its own defaults apply.
#[derive(Config, Debug)]
struct Video {
    #[config(default = true)]
    enable: bool,
    #[config(default = 3840)]
    max_width: u32,
    #[config(default = false)]
    allow_audio: bool,
}

#[derive(Config, Debug)]
struct Probe {
    #[config(default = false)]
    enabled: bool,
    url: String,
}

#[derive(Config, Debug)]
#[config(prefix = "PICTRS__", nested_separator = "__")]
struct Media {
    #[config(nested, enabled_by(enable))]
    video: Option<Video>,
    /// A switch defaulting to false is off while unset, as without one.
    #[config(nested, enabled_by(enabled))]
    probe: Option<Probe>,
}

#[test]
fn a_switch_whose_default_is_on_turns_its_group_on_while_unset() {
    let media = Media::from_vars([("UNRELATED", "x")]).unwrap();
    let video = media.video.unwrap();
    assert!(video.enable && !video.allow_audio);
    assert_eq!(video.max_width, 3840);
    assert!(media.probe.is_none());
    let media = Media::from_vars([("PICTRS__VIDEO__MAX_WIDTH", "1920")]).unwrap();
    assert_eq!(media.video.unwrap().max_width, 1920);
    // Switched off, the group is off, and what else is set is unused.
    let loaded = Media::load(&Vars::new([
        ("PICTRS__VIDEO__ENABLE", "false"),
        ("PICTRS__VIDEO__MAX_WIDTH", "1920"),
    ]))
    .unwrap();
    assert!(loaded.config().video.is_none());
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["warning: PICTRS__VIDEO__MAX_WIDTH: not used: the optional group video is off, since PICTRS__VIDEO__ENABLE says off"]
    );
    // On by default, its problems say why it is on.
    let errors = Media::from_vars([("PICTRS__VIDEO__MAX_WIDTH", "wide")]).unwrap_err();
    assert_eq!(errors.len(), 1);
    // A switch defaulting to false leaves its group off.
    let errors = Media::from_vars([("PICTRS__PROBE__ENABLED", "1")]).unwrap_err();
    let text = errors.to_string();
    assert!(
        text.contains("the optional group probe is enabled because PICTRS__PROBE__ENABLED is set"),
        "{text}"
    );
}

#[derive(Config, Debug)]
struct Mailer {
    #[config(default = "on")]
    enabled: bool,
    host: String,
}

#[derive(Config, Debug)]
struct App {
    #[config(nested, enabled_by(enabled))]
    mail: Option<Mailer>,
}

#[derive(Config, Debug)]
struct Library {
    #[config(nested)]
    media: Option<Media>,
}

#[test]
fn a_variable_of_a_group_on_by_default_turns_the_enclosing_group_on() {
    let names: Vec<String> = Library::schema()
        .vars()
        .iter()
        .map(|v| v.name().to_owned())
        .collect();
    assert!(
        names.contains(&"MEDIA_VIDEO__MAX_WIDTH".to_owned()),
        "{names:?}"
    );
    let library = Library::from_vars([("MEDIA_VIDEO__MAX_WIDTH", "1920")]);
    let media = library.unwrap().media;
    assert_eq!(media.unwrap().video.unwrap().max_width, 1920);
}

#[test]
fn an_empty_switch_whose_default_is_on_leaves_its_group_on() {
    let loaded = Media::load(&Vars::new([("PICTRS__VIDEO__ENABLE", "")])).unwrap();
    assert!(loaded.config().video.as_ref().unwrap().enable);
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("warning: PICTRS__VIDEO__ENABLE: set but empty"));
    assert!(!warnings[0].contains("stays off"), "{warnings:?}");
}

#[test]
fn a_group_on_by_default_says_why_once_it_misses_something() {
    let text = App::from_vars([("UNRELATED", "x")])
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("MAIL_HOST")
            && text.contains("note: the optional group mail is enabled because MAIL_ENABLED is unset and on by default"),
        "{text}"
    );
    assert!(App::from_vars([("MAIL_ENABLED", "off")])
        .unwrap()
        .mail
        .is_none());
}

#[test]
fn the_schema_says_a_group_is_on_while_its_switch_is_unset() {
    let schema = Media::schema();
    let video = &schema.groups()[0];
    assert_eq!(video.on_by_default(), ["PICTRS__VIDEO__ENABLE"]);
    assert!(schema.groups()[1].on_by_default().is_empty());
    let text = schema.render(twelve_config::SchemaFormat::Text);
    for expected in [
        "video (optional group of PICTRS__VIDEO__ENABLE, PICTRS__VIDEO__MAX_WIDTH, PICTRS__VIDEO__ALLOW_AUDIO: on once PICTRS__VIDEO__ENABLE is set, other than to false, 0, no or off, or while PICTRS__VIDEO__ENABLE is unset)",
        "turns the optional group video on when set to other than false, 0, no or off, and while unset",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let json: Json = serde_json::from_str(&schema.to_json()).unwrap();
    assert_eq!(
        json["groups"][0]["on_by_default"],
        serde_json::json!(["PICTRS__VIDEO__ENABLE"])
    );
    // The JSON Schema agrees with the loader.
    let document = App::schema().render(twelve_config::SchemaFormat::JsonSchema);
    let cases = [
        (serde_json::json!({}), false),
        (serde_json::json!({"MAIL_ENABLED": "off"}), true),
        (serde_json::json!({"MAIL_ENABLED": "yes"}), false),
        (serde_json::json!({"MAIL_HOST": "mail"}), true),
    ];
    crate::json_schema::assert_schema_agrees::<App>(&document, &cases);
}
