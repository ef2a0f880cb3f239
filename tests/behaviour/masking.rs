//! URL passwords are masked in every value the crate shows, whatever the
//! field's type or parser: a connection string in a `String`, a URL type
//! read through `from_str` or a `with` function, a list of URLs.

use twelve_config::{Config, DatabaseUrl, ErrorKind, SecretString, Vars, EX_CONFIG};

use crate::cli::run;

const BAD_DB: &str = "postgresql://vw:dbpass123@db:0/vw";

/// Reads a database URL or a path to an SQLite file, as Vaultwarden does.
fn db_or_path(text: &str) -> Result<DatabaseUrl, String> {
    let url = if text.contains("://") {
        text.to_owned()
    } else {
        format!("sqlite://{text}")
    };
    url.parse()
        .map_err(|e: twelve_config::ValueError| e.to_string())
}

/// A parser whose error quotes the value, as many do.
fn reachable(text: &str) -> Result<String, String> {
    if text.ends_with("/down") {
        Err(format!("cannot reach {text}"))
    } else {
        Ok(text.to_owned())
    }
}

fn distinct(primary: &String, replica: &Option<String>) -> Result<(), String> {
    match replica {
        Some(replica) if replica == primary => Err(format!("{replica} is the primary")),
        _ => Ok(()),
    }
}

#[derive(Config, Debug)]
#[config(prefix = "VW_", check = distinct(database_url, replica_url))]
struct Vault {
    /// A connection string in a plain `String`: the common case.
    #[config(default = "postgresql://vw:devpass@localhost/vw")]
    database_url: String,
    replica_url: Option<String>,
    #[config(from_str)]
    db: Option<DatabaseUrl>,
    #[config(with = db_or_path)]
    db2: Option<DatabaseUrl>,
    #[config(from_str)]
    push_relay: Option<url::Url>,
    mirrors: Option<Vec<String>>,
    #[config(with = reachable)]
    smtp: Option<String>,
    #[config(default = 5)]
    n: u32,
}

fn report(vars: &[(&str, &str)]) -> String {
    Vault::from_vars(vars.iter().copied())
        .unwrap_err()
        .to_string()
}

#[test]
fn a_rejected_value_is_quoted_with_its_password_masked_whatever_its_parser() {
    for name in ["VW_DB", "VW_DB2"] {
        let report = report(&[(name, BAD_DB)]);
        assert!(
            report.contains(r#"invalid value "postgresql://vw:***@db:0/vw""#),
            "{report}"
        );
        assert!(!report.contains("dbpass123"), "{report}");
    }
    let relay = "https://relay:p4ss@[::1/x";
    let report = report(&[("VW_PUSH_RELAY", relay)]);
    assert!(report.contains("https://relay:***@[::1/x"), "{report}");
    assert!(!report.contains("p4ss"), "{report}");
}

#[test]
fn reasons_and_rule_messages_that_quote_a_value_are_masked() {
    let errors = Vault::from_vars([
        ("VW_SMTP", "smtp://mail:hunter2@mx/down"),
        ("VW_DATABASE_URL", "pg://a:s3cret@h/x"),
        ("VW_REPLICA_URL", "pg://a:s3cret@h/x"),
    ])
    .unwrap_err();
    let text = format!("{errors}{errors:?}{}", errors.to_json());
    assert!(!text.contains("hunter2"), "{text}");
    assert!(!text.contains("s3cret"), "{text}");
    let smtp = errors.get("VW_SMTP").unwrap();
    match smtp.kind() {
        ErrorKind::Invalid { value, reason, .. } => {
            assert_eq!(value.as_deref(), Some(r#""smtp://mail:***@mx/down""#));
            assert_eq!(
                reason.as_deref(),
                Some("cannot reach smtp://mail:***@mx/down")
            );
        }
        other => panic!("{other:?}"),
    }
    let rule = errors
        .iter()
        .find(|e| matches!(e.kind(), ErrorKind::Rule { .. }))
        .unwrap();
    assert_eq!(rule.message(), "pg://a:***@h/x is the primary");
}

#[test]
fn a_long_value_is_masked_before_it_is_shortened() {
    let password = "p".repeat(80);
    let long = format!("postgresql://vw:{password}@db:0/vw");
    let report = report(&[("VW_DB", &long)]);
    assert!(
        report.contains(r#""postgresql://vw:***@db:0/vw""#),
        "{report}"
    );
    assert!(!report.contains("pppp"), "{report}");
    let longer = format!("{long}?application_name={}", "a".repeat(80));
    let report = self::report(&[("VW_DB", &longer)]);
    assert!(!report.contains("pppp"), "{report}");
}

#[test]
fn print_config_masks_passwords_in_strings_lists_and_parsed_urls() {
    let vars = Vars::new([
        ("VW_DATABASE_URL", "postgresql://vw:dbpass123@db/vw"),
        (
            "VW_MIRRORS",
            "redis://:m1pass@a:6379,redis://u:m2p@ss@b,https://c/x?q=a:b@c",
        ),
        ("VW_PUSH_RELAY", "https://relay:p4ss@push.example/"),
        ("VW_DB2", "postgresql://vw:with@at@db/vw"),
    ]);
    let outcome = run::<Vault>(&["--print-config"], &vars);
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    let out = outcome.stdout;
    for line in [
        "VW_DATABASE_URL  postgresql://vw:***@db/vw  (environment)",
        "VW_MIRRORS       redis://:***@a:6379,redis://u:***@b,https://c/x?q=a:b@c  (environment)",
        "VW_PUSH_RELAY    https://relay:***@push.example/  (environment)",
        "VW_DB2           postgresql://vw:***@db/vw  (environment)",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    for password in ["dbpass123", "m1pass", "m2p", "p4ss", "with@at"] {
        assert!(!out.contains(password), "{password} in\n{out}");
    }
    let json = run::<Vault>(&["--print-config", "--format=json"], &vars).stdout;
    assert!(
        json.contains(r#""value": "postgresql://vw:***@db/vw""#),
        "{json}"
    );
    for password in ["dbpass123", "m1pass", "m2p", "p4ss", "with@at"] {
        assert!(!json.contains(password), "{password} in\n{json}");
    }
    // The library's own view, which a service may serve.
    let loaded = Vault::load(&vars).unwrap();
    let db = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "VW_DATABASE_URL")
        .unwrap();
    assert_eq!(db.shown_value(), Some("postgresql://vw:***@db/vw"));
}

#[test]
fn a_written_default_with_a_password_is_masked_where_it_is_shown() {
    let outcome = run::<Vault>(&["--print-config"], &Vars::default());
    assert!(
        outcome
            .stdout
            .contains("VW_DATABASE_URL  postgresql://vw:***@localhost/vw  (default)"),
        "{}",
        outcome.stdout
    );
    // An empty variable warns that the default is used, quoting it.
    let loaded = Vault::load(&Vars::new([("VW_DATABASE_URL", "")])).unwrap();
    let warning = loaded.warnings()[0].to_string();
    assert!(
        warning.contains(r#"the default "postgresql://vw:***@localhost/vw" is used"#),
        "{warning}"
    );
}

#[test]
fn check_config_reports_in_text_and_json_mask_the_password() {
    let vars = Vars::new([("VW_DB", BAD_DB), ("VW_N", "x")]);
    let text = run::<Vault>(&["--check-config"], &vars);
    assert_eq!(text.status(), Some(EX_CONFIG));
    assert!(
        text.stderr.contains("postgresql://vw:***@db:0/vw"),
        "{}",
        text.stderr
    );
    let json = run::<Vault>(&["--check-config", "--format=json"], &vars);
    let out = format!("{}{}", json.stdout, json.stderr);
    assert!(
        out.contains(r#""value": "\"postgresql://vw:***@db:0/vw\"""#),
        "{out}"
    );
    for out in [&text.stdout, &text.stderr, &json.stdout, &json.stderr] {
        assert!(!out.contains("dbpass123"), "{out}");
    }
}

/// A default that its own type rejects: a bug in the program, reported
/// with the default quoted.
#[derive(Config, Debug)]
#[config(prefix = "BROKEN_")]
struct BrokenDefault {
    #[config(from_str, default = "postgresql://vw:dbpass123@db:0/vw")]
    database_url: DatabaseUrl,
}

#[test]
fn a_default_the_program_cannot_read_is_reported_with_its_password_masked() {
    let errors = BrokenDefault::from_source(&Vars::default()).unwrap_err();
    let error = errors.iter().next().unwrap();
    match error.kind() {
        ErrorKind::InvalidDefault {
            default, reason, ..
        } => {
            assert_eq!(default.as_deref(), Some("postgresql://vw:***@db:0/vw"));
            let reason = reason.as_deref().unwrap_or_default();
            assert!(!reason.contains("dbpass123"), "{reason}");
        }
        kind => panic!("expected an invalid default, got {kind:?}"),
    }
    assert!(!errors.to_string().contains("dbpass123"), "{errors}");
}

#[derive(Config, Debug)]
#[config(prefix = "FILED_")]
struct Filed {
    db_password: SecretString,
}

#[test]
fn a_connection_string_set_as_a_file_path_is_reported_with_its_password_masked() {
    // The operator meant FILED_DB_PASSWORD and wrote the _FILE variable.
    let vars = Vars::new([("FILED_DB_PASSWORD_FILE", BAD_DB)]);
    let errors = Filed::from_source(&vars).unwrap_err();
    let error = errors.iter().next().unwrap();
    match error.kind() {
        ErrorKind::File { path, .. } => {
            assert_eq!(path.to_str(), Some("postgresql://vw:***@db:0/vw"));
        }
        kind => panic!("expected a file problem, got {kind:?}"),
    }
    assert!(!errors.to_string().contains("dbpass123"), "{errors}");
}

#[test]
fn a_rejected_list_of_urls_is_quoted_as_typed_but_for_its_passwords() {
    #[derive(twelve_config::Config, Debug)]
    struct Replicas {
        #[allow(dead_code)]
        replica_urls: Vec<twelve_config::PostgresUrl>,
    }
    let typed = "postgres://a:s3cret@h/d ,postgres://a:s3cret@k:x/d";
    let errors = Replicas::from_vars([("REPLICA_URLS", typed)]).unwrap_err();
    let message = errors.iter().next().unwrap().message();
    assert!(!message.contains("s3cret"), "{message}");
    assert!(
        message.contains("\"postgres://a:***@h/d ,postgres://a:***@k:x/d\""),
        "{message}"
    );
}
