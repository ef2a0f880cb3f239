//! Services declared as they behave: presence rules, checks, fallbacks,
//! settings that are on by default, flattened groups and what an empty
//! variable means (computed defaults: `computed`).

use std::path::PathBuf;

use twelve_config::{Config, ErrorKind, Origin, Problems, SecretString, Vars};

use crate::support::TempFile;

#[derive(Config, Debug)]
#[config(prefix = "MEILI_", at_most_one(import_dump, import_snapshot))]
struct Presence {
    #[config(default = "development")]
    env: String,
    #[config(required_if(env = "production"))]
    master_key: Option<SecretString>,
    import_dump: Option<PathBuf>,
    import_snapshot: Option<PathBuf>,
    #[config(requires(import_dump))]
    ignore_missing_dump: Option<bool>,
    #[config(conflicts_with(import_snapshot))]
    ignore_dump_if_db_exists: Option<bool>,
    port: Option<u16>,
}

#[test]
fn presence_rules_name_every_variable_involved() {
    let errors = Presence::from_vars([("MEILI_IMPORT_DUMP", "a"), ("MEILI_IMPORT_SNAPSHOT", "b")])
        .unwrap_err();
    let error = errors.get("MEILI_IMPORT_SNAPSHOT").unwrap();
    assert_eq!(error.vars(), ["MEILI_IMPORT_DUMP", "MEILI_IMPORT_SNAPSHOT"]);
    assert_eq!(
        error.message(),
        "at most one of MEILI_IMPORT_DUMP, MEILI_IMPORT_SNAPSHOT may be set; \
         MEILI_IMPORT_DUMP and MEILI_IMPORT_SNAPSHOT are set"
    );
    assert!(matches!(error.kind(), ErrorKind::Rule { .. }));
}

#[test]
fn requires_counts_a_flag_set_to_false_as_set() {
    let errors = Presence::from_vars([("MEILI_IGNORE_MISSING_DUMP", "false")]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  MEILI_IGNORE_MISSING_DUMP, MEILI_IMPORT_DUMP\n      \
         MEILI_IGNORE_MISSING_DUMP requires MEILI_IMPORT_DUMP; only MEILI_IGNORE_MISSING_DUMP is set"
    );
    assert!(Presence::from_vars([
        ("MEILI_IGNORE_MISSING_DUMP", "true"),
        ("MEILI_IMPORT_DUMP", "d")
    ])
    .is_ok());
    let errors = Presence::from_vars([
        ("MEILI_IGNORE_DUMP_IF_DB_EXISTS", "true"),
        ("MEILI_IMPORT_SNAPSHOT", "s"),
    ])
    .unwrap_err();
    assert!(errors.to_string().contains(
        "MEILI_IGNORE_DUMP_IF_DB_EXISTS conflicts with MEILI_IMPORT_SNAPSHOT: set only one"
    ));
}

#[test]
fn required_if_reads_the_value_set_or_the_default() {
    let errors = Presence::from_vars([("MEILI_ENV", "production")]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "MEILI_MASTER_KEY is required when MEILI_ENV is production; it is not set"
    );
    assert!(Presence::from_vars([("MEILI_ENV", "production"), ("MEILI_MASTER_KEY", "k")]).is_ok());
    let key = TempFile::with("from-a-file\n");
    assert!(Presence::from_vars([
        ("MEILI_ENV", "production"),
        ("MEILI_MASTER_KEY_FILE", key.path())
    ])
    .is_ok());
    assert!(Presence::from_source(&Vars::default()).is_ok());
}

#[test]
fn presence_rules_run_when_another_value_fails_to_parse() {
    let errors = Presence::from_vars([
        ("MEILI_PORT", "http"),
        ("MEILI_IMPORT_DUMP", "a"),
        ("MEILI_IMPORT_SNAPSHOT", "b"),
        ("MEILI_ENV", "production"),
    ])
    .unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(
        vars,
        ["MEILI_PORT", "MEILI_IMPORT_DUMP", "MEILI_MASTER_KEY"],
        "{errors}"
    );
}

#[test]
fn the_schema_states_every_rule() {
    let schema = Presence::schema();
    let texts: Vec<&str> = schema.rules().iter().map(|r| r.text()).collect();
    assert_eq!(
        texts,
        [
            "at most one of MEILI_IMPORT_DUMP, MEILI_IMPORT_SNAPSHOT may be set",
            "MEILI_MASTER_KEY is required when MEILI_ENV is production",
            "MEILI_IGNORE_MISSING_DUMP requires MEILI_IMPORT_DUMP",
            "MEILI_IGNORE_DUMP_IF_DB_EXISTS conflicts with MEILI_IMPORT_SNAPSHOT: set only one",
        ]
    );
    assert_eq!(schema.rules()[1].equals(), Some("production"));
    for format in twelve_config::SchemaFormat::ALL {
        let text = schema.render(format);
        assert!(
            text.contains("MEILI_MASTER_KEY is required when MEILI_ENV is production"),
            "{format}: {text}"
        );
    }
}

/// One of each remaining presence rule, over optional fields.
#[derive(Config, Debug)]
#[config(
    prefix = "R_",
    exactly_one(password, password_command),
    at_least_one(smtp, sendmail),
    all_or_none(tls_cert, tls_key, tls_ca)
)]
struct Rules {
    password: Option<String>,
    password_command: Option<String>,
    smtp: Option<String>,
    sendmail: Option<String>,
    tls_cert: Option<String>,
    tls_key: Option<String>,
    tls_ca: Option<String>,
}

#[test]
fn each_presence_rule_is_broken_exactly_when_its_words_say() {
    let base = [("R_PASSWORD", "t"), ("R_SMTP", "mail")];
    let messages = |set: &[(&str, &str)]| -> Vec<String> {
        let vars: Vec<(&str, &str)> = base
            .iter()
            .copied()
            .filter(|(name, _)| !set.iter().any(|(n, _)| n == name))
            .chain(set.iter().copied().filter(|(_, v)| *v != "-"))
            .collect();
        match Rules::from_vars(vars) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.message().to_owned()).collect(),
        }
    };
    // "-" removes a variable of the base set.
    let ok: &[&[(&str, &str)]] = &[
        &[],
        &[("R_PASSWORD", "-"), ("R_PASSWORD_COMMAND", "pass show db")],
        &[("R_SENDMAIL", "/usr/sbin/sendmail")],
        &[("R_SMTP", "-"), ("R_SENDMAIL", "/usr/sbin/sendmail")],
        &[("R_TLS_CERT", "c"), ("R_TLS_KEY", "k"), ("R_TLS_CA", "a")],
        // An empty variable is not set.
        &[("R_TLS_CERT", "")],
    ];
    for set in ok {
        assert_eq!(messages(set), Vec::<String>::new(), "{set:?}");
    }
    let broken: &[(&[(&str, &str)], &str)] = &[
        (
            &[("R_PASSWORD", "-")],
            "exactly one of R_PASSWORD, R_PASSWORD_COMMAND must be set; none is set",
        ),
        (
            &[("R_PASSWORD_COMMAND", "pass show db")],
            "exactly one of R_PASSWORD, R_PASSWORD_COMMAND must be set; R_PASSWORD and R_PASSWORD_COMMAND are set",
        ),
        (
            &[("R_SMTP", "-")],
            "at least one of R_SMTP, R_SENDMAIL must be set; none is set",
        ),
        (
            &[("R_TLS_KEY", "k")],
            "R_TLS_CERT, R_TLS_KEY and R_TLS_CA are set together or not at all; \
             only R_TLS_KEY is set",
        ),
        (
            &[("R_TLS_CERT", "c"), ("R_TLS_CA", "a")],
            "R_TLS_CERT, R_TLS_KEY and R_TLS_CA are set together or not at all; \
             R_TLS_CERT and R_TLS_CA are set",
        ),
    ];
    for (set, message) in broken {
        assert_eq!(messages(set), [*message], "{set:?}");
    }
    let errors = Rules::from_vars([("R_PASSWORD", "t"), ("R_TLS_CA", "a")]).unwrap_err();
    let vars: Vec<Vec<String>> = errors.iter().map(|e| e.vars().to_vec()).collect();
    assert_eq!(
        vars,
        [
            vec!["R_SMTP".to_owned(), "R_SENDMAIL".to_owned()],
            vec![
                "R_TLS_CERT".to_owned(),
                "R_TLS_KEY".to_owned(),
                "R_TLS_CA".to_owned()
            ],
        ]
    );
    let schema = Rules::schema();
    let texts: Vec<&str> = schema.rules().iter().map(|r| r.text()).collect();
    assert_eq!(
        texts,
        [
            "exactly one of R_PASSWORD, R_PASSWORD_COMMAND must be set",
            "at least one of R_SMTP, R_SENDMAIL must be set",
            "R_TLS_CERT, R_TLS_KEY and R_TLS_CA are set together or not at all",
        ]
    );
}

fn ports_differ(http: &u16, grpc: &Option<u16>) -> Result<(), String> {
    match grpc {
        Some(grpc) if grpc == http => Err(format!("the gRPC port {grpc} is the HTTP port")),
        _ => Ok(()),
    }
}

#[derive(Config, Debug)]
#[config(prefix = "Q_", check = ports_differ(http_port, grpc_port), validate = Ports::check)]
struct Ports {
    #[config(default = 6333)]
    http_port: u16,
    #[config(default = 6334, none = "off")]
    grpc_port: Option<u16>,
    #[config(default = 1)]
    replicas: u8,
}

impl Ports {
    fn check(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        if self.replicas > 3 {
            problems.add(["replicas"], "at most 3 replicas");
        }
        problems.into_result()
    }
}

#[test]
fn a_setting_on_by_default_is_switched_off_by_its_none_spelling() {
    assert_eq!(
        Ports::from_source(&Vars::default()).unwrap().grpc_port,
        Some(6334)
    );
    assert_eq!(
        Ports::from_vars([("Q_GRPC_PORT", "off")])
            .unwrap()
            .grpc_port,
        None
    );
    assert_eq!(
        Ports::from_vars([("Q_GRPC_PORT", "OFF")])
            .unwrap()
            .grpc_port,
        None
    );
    assert_eq!(
        Ports::from_vars([("Q_GRPC_PORT", "7000")])
            .unwrap()
            .grpc_port,
        Some(7000)
    );
    let schema = Ports::schema();
    let grpc = schema.var("Q_GRPC_PORT").unwrap();
    assert_eq!((grpc.default(), grpc.none()), (Some("6334"), Some("off")));
    assert!(schema.to_text().contains("set to off to switch it off"));
}

#[test]
fn checks_run_when_their_inputs_loaded_and_say_when_they_could_not() {
    let errors = Ports::from_vars([("Q_GRPC_PORT", "6333"), ("Q_REPLICAS", "many")]).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors}");
    let rule = errors.get("Q_GRPC_PORT").unwrap();
    assert_eq!(rule.vars(), ["Q_HTTP_PORT", "Q_GRPC_PORT"]);
    assert_eq!(rule.message(), "the gRPC port 6333 is the HTTP port");
    assert_eq!(
        errors.notes(),
        ["the rule Ports::check was not checked: it needs every setting of the configuration to load"]
    );
    let errors = Ports::from_vars([("Q_HTTP_PORT", "x")]).unwrap_err();
    assert_eq!(
        errors.notes()[0],
        "the rule ports_differ(http_port, grpc_port) was not checked: Q_HTTP_PORT did not load"
    );
    assert!(errors.to_string().ends_with(
        "\n  note: the rule Ports::check was not checked: it needs every setting of the configuration to load"
    ));
    let errors = Ports::from_vars([("Q_REPLICAS", "9")]).unwrap_err();
    assert_eq!(
        errors.get("Q_REPLICAS").unwrap().message(),
        "at most 3 replicas"
    );
    assert!(errors.notes().is_empty());
}

/// Settings of the HTTP server.
#[derive(Config, Debug)]
struct Http {
    #[config(default = "0.0.0.0")]
    addr: String,
    #[config(default = 8080)]
    port: u16,
}

/// Snapshots to S3.
#[derive(Config, Debug)]
struct S3 {
    s3_bucket: String,
    s3_region: String,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Flat {
    #[config(flatten)]
    http: Http,
    #[config(flatten)]
    s3: Option<S3>,
}

#[test]
fn flattened_structs_keep_the_parents_names_and_their_docs_describe_groups() {
    let flat = Flat::from_vars([("APP_PORT", "9000")]).unwrap();
    assert_eq!((flat.http.addr.as_str(), flat.http.port), ("0.0.0.0", 9000));
    assert!(flat.s3.is_none());
    let errors = Flat::from_vars([("APP_S3_BUCKET", "b")]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  APP_S3_REGION  missing: required (text)\n                 \
         note: the optional group s3 is enabled because APP_S3_BUCKET is set"
    );
    let schema = Flat::schema();
    let names: Vec<&str> = schema.vars().iter().map(|v| v.name()).collect();
    assert_eq!(
        names,
        ["APP_ADDR", "APP_PORT", "APP_S3_BUCKET", "APP_S3_REGION"]
    );
    let groups: Vec<(&str, &str, bool)> = schema
        .groups()
        .iter()
        .map(|g| (g.field(), g.description(), g.is_optional()))
        .collect();
    assert_eq!(
        groups,
        [
            ("http", "Settings of the HTTP server.", false),
            ("s3", "Snapshots to S3.", true)
        ]
    );
    for format in twelve_config::SchemaFormat::ALL {
        assert!(
            schema.render(format).contains("Snapshots to S3."),
            "{format}"
        );
    }
}

#[derive(Config, Debug)]
#[config(prefix = "MEILI_")]
struct Fallbacks {
    #[config(fallback = "OPENAI_API_KEY")]
    openai_api_key: Option<SecretString>,
    #[config(fallback = "OLD_HOST", alias = "HOSTNAME_OF_SERVER")]
    host: Option<String>,
}

#[test]
fn a_fallback_is_read_without_a_warning_when_the_name_is_unset() {
    let loaded = Fallbacks::load(&Vars::new([("OPENAI_API_KEY", "k"), ("OLD_HOST", "h")])).unwrap();
    assert!(loaded.config().openai_api_key.is_some());
    assert_eq!(loaded.config().host.as_deref(), Some("h"));
    assert!(loaded.warnings().is_empty());
    assert_eq!(
        loaded.vars()[0].origin(),
        &Origin::Fallback("OPENAI_API_KEY".into())
    );
    let both = Fallbacks::from_vars([("MEILI_HOST", "main"), ("OLD_HOST", "old")]).unwrap();
    assert_eq!(both.host.as_deref(), Some("main"));
    let schema = Fallbacks::schema();
    assert_eq!(schema.vars()[1].fallbacks(), ["OLD_HOST"]);
    assert_eq!(schema.vars()[1].aliases(), ["HOSTNAME_OF_SERVER"]);
    assert!(schema.to_text().contains("when unset, read from OLD_HOST"));
}

/// A port read under its name, a deprecated alias or a fallback.
#[derive(Config, Debug)]
#[config(prefix = "MEILI_")]
struct PortNames {
    #[config(fallback = "PORT", alias = "MEILI_HTTP_PORT")]
    port: Option<u16>,
}

#[test]
fn a_rejected_value_names_the_variable_the_operator_set() {
    let problem = |vars: &[(&str, &str)]| {
        let errors = PortNames::from_vars(vars.iter().copied()).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors}");
        let error = errors.iter().next().unwrap().clone();
        (error.var().to_owned(), error.note().map(str::to_owned))
    };
    // The fallback was set, not MEILI_PORT: the report names it, and what
    // it was read for.
    assert_eq!(
        problem(&[("PORT", "80a")]),
        (
            "PORT".to_owned(),
            Some("the fallback of MEILI_PORT".to_owned())
        )
    );
    // So was the deprecated name: the report names it, and what it stands for.
    assert_eq!(
        problem(&[("MEILI_HTTP_PORT", "80a")]),
        (
            "MEILI_HTTP_PORT".to_owned(),
            Some("a deprecated name of MEILI_PORT".to_owned())
        )
    );
    assert_eq!(
        problem(&[("MEILI_PORT", "80a")]),
        ("MEILI_PORT".to_owned(), None)
    );
}

#[derive(Config, Debug)]
#[config(prefix = "DB_", allow_empty)]
struct Empties {
    #[config(default = "a")]
    label: String,
    #[config(empty = "unset", default = "db.sqlite")]
    path: PathBuf,
    #[config(empty = "error")]
    name: Option<String>,
    #[config(empty = "error", default = 5432)]
    port: u16,
    #[config(empty = "error")]
    user: String,
}

#[test]
fn what_an_empty_variable_means_is_chosen_per_struct_and_field() {
    let loaded = Empties::load(&Vars::new([
        ("DB_LABEL", ""),
        ("DB_PATH", ""),
        ("DB_USER", "app"),
    ]))
    .unwrap();
    assert_eq!(loaded.config().label, "");
    assert_eq!(loaded.config().path, PathBuf::from("db.sqlite"));
    assert_eq!(
        loaded.warnings()[0].to_string(),
        "warning: DB_PATH: set but empty, so the default \"db.sqlite\" is used; unset it, or give it a value"
    );
    let errors =
        Empties::from_vars([("DB_NAME", ""), ("DB_PORT", ""), ("DB_USER", "")]).unwrap_err();
    assert!(errors.iter().all(|e| matches!(e.kind(), ErrorKind::Empty)));
    // The words hold for each: an optional value, one with a default and
    // a required one (none of them claims a default it does not have).
    assert_eq!(
        errors.to_string(),
        "error: 3 configuration problems\n  \
           DB_NAME  set but empty: give it a value\n  \
           DB_PORT  set but empty: give it a value\n  \
           DB_USER  set but empty: give it a value"
    );
}

#[derive(Config, Debug)]
#[config(prefix = "SVC_", file)]
struct FileOptOut {
    #[config(file = false)]
    token: SecretString,
    #[config(file = false)]
    label: Option<String>,
    region: Option<String>,
}

#[test]
fn a_field_can_opt_out_of_file() {
    // An entrypoint that reads SVC_TOKEN_FILE itself exports both.
    let both = FileOptOut::from_vars([("SVC_TOKEN", "t"), ("SVC_TOKEN_FILE", "/run/t")]);
    assert!(both.is_ok());
    let schema = FileOptOut::schema();
    assert_eq!(schema.vars()[0].file_var(), None);
    assert_eq!(schema.vars()[1].file_var(), None);
    assert_eq!(schema.vars()[2].file_var(), Some("SVC_REGION_FILE"));
}

#[derive(Config, Debug)]
struct Repo {
    r#type: String,
    #[config(default = 4)]
    r#move: u8,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct WithRawNames {
    #[config(nested)]
    repo: Repo,
}

#[test]
fn a_raw_identifier_reads_its_plain_name() {
    let app = WithRawNames::from_vars([("APP_REPO_TYPE", "postgres")]).unwrap();
    assert_eq!((app.repo.r#type.as_str(), app.repo.r#move), ("postgres", 4));
    let schema = WithRawNames::schema();
    let vars: Vec<(&str, &str)> = schema
        .vars()
        .iter()
        .map(|v| (v.name(), v.field()))
        .collect();
    assert_eq!(
        vars,
        [
            ("APP_REPO_TYPE", "repo.type"),
            ("APP_REPO_MOVE", "repo.move")
        ]
    );
    let errors = WithRawNames::from_vars(Vec::<(&str, &str)>::new()).unwrap_err();
    assert_eq!(errors.iter().next().unwrap().var(), "APP_REPO_TYPE");
}
