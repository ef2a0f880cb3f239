//! A struct's `#[config(file)]` carries into the structs it nests and
//! flattens, as its prefix does; the nearest word decides for each field.

use twelve_config::{Config, Origin, Vars};

use crate::support::TempFile;

#[derive(Config, Debug)]
struct Replica {
    host: String,
}

#[derive(Config, Debug)]
struct Db {
    host: String,
    #[config(default = 5432)]
    port: u16,
    #[config(nested)]
    replica: Option<Replica>,
}

/// SMTP, flattened.
#[derive(Config, Debug)]
struct Smtp {
    smtp_host: Option<String>,
    #[config(file = false)]
    smtp_label: Option<String>,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_", file)]
struct App {
    #[config(nested)]
    db: Db,
    #[config(flatten)]
    smtp: Smtp,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Plain {
    #[config(nested)]
    db: Db,
}

#[test]
fn a_nested_struct_reads_file_variables_when_the_struct_holding_it_has_file() {
    let host = TempFile::with("db.internal\n");
    let port = TempFile::with("6543\n");
    let replica = TempFile::with("replica.internal\n");
    let smtp = TempFile::with("mail.internal\n");
    let vars = [
        ("APP_DB_HOST_FILE", host.path()),
        ("APP_DB_PORT_FILE", port.path()),
        ("APP_DB_REPLICA_HOST_FILE", replica.path()),
        ("APP_SMTP_HOST_FILE", smtp.path()),
    ];
    let app = App::from_vars(vars).unwrap();
    assert_eq!(app.db.host, "db.internal");
    assert_eq!(app.db.port, 6543);
    // Two levels down, and an optional group turned on by its _FILE.
    assert_eq!(app.db.replica.unwrap().host, "replica.internal");
    assert_eq!(app.smtp.smtp_host.as_deref(), Some("mail.internal"));
    // A traced load says where the value came from.
    let loaded = App::load(&Vars::new(vars)).unwrap();
    let origin = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "APP_DB_HOST")
        .unwrap()
        .origin();
    assert!(matches!(origin, Origin::File(_)), "{origin:?}");
}

#[test]
fn both_the_variable_and_its_file_variable_set_in_a_nested_struct_is_an_error() {
    let host = TempFile::with("db.internal\n");
    let errors =
        App::from_vars([("APP_DB_HOST", "a"), ("APP_DB_HOST_FILE", host.path())]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().var(),
        "APP_DB_HOST",
        "{errors}"
    );
}

#[test]
fn a_field_with_file_false_keeps_its_word_in_a_struct_that_inherits_file() {
    let label = TempFile::with("from a file\n");
    let app =
        App::from_vars([("APP_DB_HOST", "db"), ("APP_SMTP_LABEL_FILE", label.path())]).unwrap();
    assert_eq!(app.smtp.smtp_label, None);
}

#[test]
fn without_file_on_an_enclosing_struct_nothing_is_inherited() {
    let host = TempFile::with("db.internal\n");
    let errors = Plain::from_vars([("APP_DB_HOST_FILE", host.path())]).unwrap_err();
    assert_eq!(errors.iter().next().unwrap().var(), "APP_DB_HOST");
    assert!(Plain::schema()
        .vars()
        .iter()
        .all(|v| v.file_var().is_none()));
}

#[test]
fn the_schema_lists_the_inherited_file_variables() {
    let schema = App::schema();
    let files: Vec<(&str, Option<&str>)> = schema
        .vars()
        .iter()
        .map(|v| (v.name(), v.file_var()))
        .collect();
    assert_eq!(
        files,
        [
            ("APP_DB_HOST", Some("APP_DB_HOST_FILE")),
            ("APP_DB_PORT", Some("APP_DB_PORT_FILE")),
            ("APP_DB_REPLICA_HOST", Some("APP_DB_REPLICA_HOST_FILE")),
            ("APP_SMTP_HOST", Some("APP_SMTP_HOST_FILE")),
            ("APP_SMTP_LABEL", None),
        ]
    );
}
