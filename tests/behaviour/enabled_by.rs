//! Optional groups turned on by some of their fields only
//! (`enabled_by`), as services enable mail once its host is set while its
//! port, sender and the like have defaults or are set by a template: those
//! alone leave the group off, and each one set then gets a warning that it
//! is not used, never silence.

use serde_json::{json, Value as Json};
use twelve_config::{Config, Errors, Vars};

#[derive(Config, Debug)]
struct Auth {
    user: String,
    password: String,
}

#[derive(Config, Debug)]
struct Smtp {
    host: String,
    #[config(default = 587)]
    port: u16,
    from: String,
    #[config(nested)]
    auth: Option<Auth>,
}

#[derive(Config, Debug)]
struct Sentry {
    dsn: Option<String>,
    url: Option<String>,
    #[config(default = 1.0)]
    sample_rate: f64,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_", at_most_one(smtp, sendmail_path))]
struct Mailer {
    #[config(nested, enabled_by(host))]
    smtp: Option<Smtp>,
    sendmail_path: Option<String>,
    #[config(nested, enabled_by(dsn, url))]
    sentry: Option<Sentry>,
}

fn warnings(vars: &[(&str, &str)]) -> Vec<String> {
    let loaded = Mailer::load(&Vars::new(vars.iter().copied())).unwrap();
    assert!(loaded.config().smtp.is_none());
    loaded.warnings().iter().map(|w| w.to_string()).collect()
}

fn errors(vars: &[(&str, &str)]) -> Errors {
    Mailer::from_vars(vars.iter().copied()).unwrap_err()
}

#[test]
fn only_the_named_fields_turn_the_group_on() {
    let mailer = Mailer::from_vars([("APP_UNRELATED", "x")]).unwrap();
    assert!(mailer.smtp.is_none() && mailer.sentry.is_none());
    let mailer = Mailer::from_vars([("APP_SMTP_HOST", "mail"), ("APP_SMTP_FROM", "me@x")]).unwrap();
    let smtp = mailer.smtp.unwrap();
    assert_eq!((smtp.host.as_str(), smtp.port), ("mail", 587));
}

#[test]
fn a_variable_that_does_not_turn_the_group_on_is_said_to_be_unused() {
    // A compose file sets the port for every environment; mail is off
    // where no host is set, and the port is not used there.
    assert_eq!(
        warnings(&[("APP_SMTP_PORT", "2525"), ("APP_SMTP_FROM", "me@x")]),
        [
            "warning: APP_SMTP_PORT: not used: the optional group smtp is off, since APP_SMTP_HOST is not set",
            "warning: APP_SMTP_FROM: not used: the optional group smtp is off, since APP_SMTP_HOST is not set",
        ]
    );
    // Its value is not read, so a value it would reject is no problem
    // either, but it is still said to be unused.
    assert_eq!(warnings(&[("APP_SMTP_PORT", "many")]).len(), 1);
    // Empty, it is unused all the same.
    assert_eq!(
        warnings(&[("APP_SMTP_FROM", "")]),
        ["warning: APP_SMTP_FROM: not used: the optional group smtp is off, since APP_SMTP_HOST is not set"]
    );
}

#[test]
fn with_several_switches_any_of_them_turns_the_group_on() {
    let loaded = Mailer::load(&Vars::new([("APP_SENTRY_SAMPLE_RATE", "0.5")])).unwrap();
    assert!(loaded.config().sentry.is_none());
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["warning: APP_SENTRY_SAMPLE_RATE: not used: the optional group sentry is off, since none of APP_SENTRY_DSN, APP_SENTRY_URL is set"]
    );
    let mailer = Mailer::from_vars([("APP_SENTRY_URL", "https://s")]).unwrap();
    assert_eq!(mailer.sentry.unwrap().sample_rate, 1.0);
}

#[test]
fn once_on_the_group_loads_whole_and_says_what_turned_it_on() {
    let errors = errors(&[("APP_SMTP_HOST", "mail"), ("APP_SMTP_PORT", "many")]);
    assert_eq!(errors.len(), 2, "{errors}");
    let text = errors.to_string();
    assert!(text.contains("APP_SMTP_PORT"), "{text}");
    assert!(text.contains("APP_SMTP_FROM"), "{text}");
    assert!(
        text.contains("the optional group smtp is enabled because APP_SMTP_HOST is set"),
        "{text}"
    );
}

#[test]
fn an_inner_group_on_does_not_turn_on_a_group_with_switches() {
    // The credentials alone: mail stays off, so they are not used, and
    // the inner group's missing password is no problem.
    assert_eq!(
        warnings(&[("APP_SMTP_AUTH_USER", "u")]),
        ["warning: APP_SMTP_AUTH_USER: not used: the optional group smtp is off, since APP_SMTP_HOST is not set"]
    );
    // With the host, the inner group is on and must be whole.
    let errors = errors(&[
        ("APP_SMTP_HOST", "mail"),
        ("APP_SMTP_FROM", "me@x"),
        ("APP_SMTP_AUTH_USER", "u"),
    ]);
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(
        errors.iter().next().unwrap().var(),
        "APP_SMTP_AUTH_PASSWORD"
    );
}

#[test]
fn a_rule_over_a_group_with_switches_names_them() {
    let errors = errors(&[
        ("APP_SMTP_HOST", "mail"),
        ("APP_SMTP_FROM", "me@x"),
        ("APP_SMTP_PORT", "25"),
        ("APP_SENDMAIL_PATH", "/usr/sbin/sendmail"),
    ]);
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.iter().next().unwrap();
    // What turned the group on, not every variable set in it.
    assert_eq!(error.vars(), ["APP_SMTP_HOST", "APP_SENDMAIL_PATH"]);
    // A variable set in a group that stays off does not count.
    Mailer::from_vars([
        ("APP_SMTP_PORT", "25"),
        ("APP_SENDMAIL_PATH", "/usr/sbin/sendmail"),
    ])
    .unwrap();
}

#[test]
fn the_schema_says_what_turns_each_group_on() {
    let schema = Mailer::schema();
    let group = |path: &str| schema.groups().iter().find(|g| g.field() == path).unwrap();
    assert_eq!(group("smtp").enabled_by(), ["APP_SMTP_HOST"]);
    assert_eq!(
        group("sentry").enabled_by(),
        ["APP_SENTRY_DSN", "APP_SENTRY_URL"]
    );
    // Without `enabled_by`, any variable; a group always there, none.
    assert_eq!(
        group("smtp.auth").enabled_by(),
        ["APP_SMTP_AUTH_USER", "APP_SMTP_AUTH_PASSWORD"]
    );
    assert!(Smtp::schema().groups()[0].enabled_by().len() == 2);
    // The rule's member for the group is what turns it on.
    assert_eq!(schema.rules()[0].members()[0], ["APP_SMTP_HOST"]);
    let text = schema.to_text();
    assert!(
        text.contains("required once the optional group smtp is on (APP_SMTP_HOST set)"),
        "{text}"
    );
    assert!(
        text.contains("in the optional group smtp, on once APP_SMTP_HOST set"),
        "{text}"
    );
    // The switch itself is not "required once the group is on".
    let host = schema.var("APP_SMTP_HOST").unwrap();
    let markdown = schema.to_markdown();
    let row = markdown
        .lines()
        .find(|l| l.starts_with("| `APP_SMTP_HOST` |"))
        .unwrap();
    assert!(host.is_required());
    assert!(
        row.contains("turns the optional group smtp on when set") && !row.contains("required once"),
        "{row}"
    );
    assert!(
        text.contains("on once any of APP_SENTRY_DSN, APP_SENTRY_URL is set"),
        "{text}"
    );
    assert!(
        text.contains("APP_SMTP_AUTH_PASSWORD: on once APP_SMTP_HOST is set)"),
        "{text}"
    );
    let json: Json = serde_json::from_str(&schema.to_json()).unwrap();
    let smtp = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["field"] == "smtp")
        .unwrap();
    assert_eq!(smtp["enabled_by"], json!(["APP_SMTP_HOST"]));
}

#[test]
fn the_json_schema_requires_a_group_only_once_a_switch_is_set() {
    let environments: Vec<(Vec<(&str, &str)>, bool)> = vec![
        (vec![], true),
        // A variable that does not turn the group on: the loader accepts
        // it (with a warning), so the schema must too.
        (vec![("APP_SMTP_PORT", "2525")], true),
        (vec![("APP_SMTP_HOST", "mail")], false),
        (
            vec![("APP_SMTP_HOST", "mail"), ("APP_SMTP_FROM", "me@x")],
            true,
        ),
    ];
    let instances: Vec<Json> = environments
        .iter()
        .map(|(vars, _)| {
            Json::Object(
                vars.iter()
                    .map(|(k, v)| ((*k).to_owned(), json!(v)))
                    .collect(),
            )
        })
        .collect();
    let Some(verdicts) =
        crate::json_schema::validate(&Mailer::schema().to_json_schema(), &instances)
    else {
        return;
    };
    for ((vars, expected), valid) in environments.iter().zip(verdicts) {
        assert_eq!(valid, *expected, "{vars:?}");
        assert_eq!(Mailer::from_vars(vars.clone()).is_ok(), valid, "{vars:?}");
    }
}

#[test]
fn print_config_shows_what_is_set_but_not_used() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let vars = Vars::new([("APP_SMTP_PORT", "2525")]);
    twelve_config::handle_args::<Mailer>(&["--print-config"], &vars, &mut out, &mut err);
    let out = String::from_utf8(out).unwrap();
    let line = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("{name} in {out}"))
            .to_owned()
    };
    assert!(
        line("APP_SMTP_PORT")
            .ends_with("2525  (set, but not used: the optional group smtp is off)"),
        "{out}"
    );
    // What is not set is listed as before, its default not applying.
    assert!(
        line("APP_SMTP_HOST").ends_with("<unset>  (optional group smtp off)"),
        "{out}"
    );
    let loaded = Mailer::load(&Vars::new([("APP_SMTP_PORT", "2525")])).unwrap();
    let port = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "APP_SMTP_PORT")
        .unwrap();
    assert_eq!(port.origin(), &twelve_config::Origin::Unused("smtp".into()));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    twelve_config::handle_args::<Mailer>(
        &["--print-config", "--format=json"],
        &vars,
        &mut out,
        &mut err,
    );
    let json: Json = serde_json::from_slice(&out).unwrap();
    let port = json["vars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "APP_SMTP_PORT")
        .unwrap();
    assert_eq!(port["origin"]["kind"], "unused");
    assert_eq!(port["origin"]["group"], "smtp");
}

#[test]
fn a_value_the_type_rejects_in_a_group_that_stays_off_is_listed_and_counted() {
    let vars = Vars::new([("APP_SMTP_PORT", "lots"), ("APP_SENTRY_SAMPLE_RATE", "5")]);
    let loaded = Mailer::load(&vars).unwrap();
    let port = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "APP_SMTP_PORT")
        .unwrap();
    assert_eq!(port.origin(), &twelve_config::Origin::Unused("smtp".into()));
    assert_eq!(port.shown_value(), Some("lots"));
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert!(
        warnings.contains(&"warning: APP_SMTP_PORT: not used: the optional group smtp is off, since APP_SMTP_HOST is not set".to_owned()),
        "{warnings:?}"
    );
    // The flags' answers, through the CLI tests' runner.
    let out = crate::cli::run::<Mailer>(&["--check-config"], &vars).stdout;
    let total = loaded.vars().len();
    assert_eq!(
        out,
        format!("configuration ok: {total} variables (0 set, 0 from defaults, {} unset, 2 set but not used)\n", total - 2)
    );
    let out = crate::cli::run::<Mailer>(&["--check-config", "--format=json"], &vars).stdout;
    let json: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(json["summary"]["not_used"], 2);
    assert_eq!(json["summary"]["set"], 0);
}

#[derive(Config, Debug)]
struct Relay {
    host: String,
    port: Option<u16>,
}

#[derive(Config, Debug)]
struct Outbox {
    name: String,
    #[config(nested, enabled_by(host))]
    relay: Option<Relay>,
}

#[derive(Config, Debug)]
#[config(prefix = "Q_")]
struct Queue {
    #[config(requires(outbox))]
    deliver: Option<bool>,
    #[config(nested)]
    outbox: Option<Outbox>,
}

#[test]
fn a_rule_asking_for_an_enclosing_group_names_what_turns_the_inner_one_on() {
    // The outbox is off and wanted: set its variables, and of the relay
    // inside it the host, which turns the relay on; its port would not.
    let errors = Queue::from_vars([("Q_DELIVER", "true")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(
        errors.iter().next().unwrap().vars(),
        ["Q_DELIVER", "Q_OUTBOX_NAME", "Q_OUTBOX_RELAY_HOST"]
    );
    // The relay's port alone turns neither group on, and is said unused.
    let loaded = Queue::load(&Vars::new([("Q_OUTBOX_RELAY_PORT", "25")])).unwrap();
    assert!(loaded.config().outbox.is_none());
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["warning: Q_OUTBOX_RELAY_PORT: not used: the optional group outbox.relay is off, since Q_OUTBOX_RELAY_HOST is not set"]
    );
}

#[derive(Config, Debug)]
struct Outgoing {
    #[config(nested, enabled_by(host))]
    smtp: Option<Smtp>,
}

/// Mail goes out through one worker at least.
fn can_send(workers: &u8, outgoing: &Outgoing) -> Result<(), String> {
    match (workers, &outgoing.smtp) {
        (0, Some(_)) => Err("mail is configured but no worker sends it".into()),
        _ => Ok(()),
    }
}

#[derive(Config, Debug)]
#[config(prefix = "N_", check = can_send(workers, outgoing))]
struct Notifier {
    #[config(default = 1)]
    workers: u8,
    #[config(nested)]
    outgoing: Outgoing,
}

#[test]
fn a_group_inside_a_struct_a_check_reads_still_says_what_it_does_not_use() {
    let loaded = Notifier::load(&Vars::new([("N_OUTGOING_SMTP_PORT", "25")])).unwrap();
    assert!(loaded.config().outgoing.smtp.is_none());
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["warning: N_OUTGOING_SMTP_PORT: not used: the optional group outgoing.smtp is off, since N_OUTGOING_SMTP_HOST is not set"]
    );
}

#[derive(Config, Debug)]
struct Lenient {
    host: String,
    /// Read as unset when invalid, as services that fall back quietly do.
    #[config(default = 25, invalid = "unset")]
    port: u16,
}

#[derive(Config, Debug)]
struct LenientMailer {
    #[config(nested, enabled_by(host))]
    smtp: Option<Lenient>,
}

#[test]
fn a_value_read_as_unset_in_a_group_that_stays_off_is_listed_as_not_used() {
    let vars = Vars::new([("SMTP_PORT", "lots")]);
    let loaded = LenientMailer::load(&vars).unwrap();
    assert!(loaded.config().smtp.is_none());
    let port = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "SMTP_PORT")
        .unwrap();
    assert_eq!(port.origin(), &twelve_config::Origin::Unused("smtp".into()));
    let out = crate::cli::run::<LenientMailer>(&["--check-config"], &vars).stdout;
    assert!(out.ends_with("1 set but not used)\n"), "{out}");
}
