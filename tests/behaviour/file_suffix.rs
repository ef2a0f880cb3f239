//! `#[config(file_suffix = "__FILE")]`: the variable that names a file
//! holding a value is named as the service names it (Grafana's `__FILE`).

use crate::support::TempFile;
use twelve_config::{Config, ExposeSecret, SecretString, Vars};

#[derive(Config, Debug)]
struct Smtp {
    password: Option<SecretString>,
}

#[derive(Config, Debug)]
#[config(prefix = "GF_", nested_separator = "_", file_suffix = "__FILE")]
struct Grafana {
    admin_password: SecretString,
    #[config(file)]
    database_url: Option<String>,
    #[config(nested)]
    smtp: Smtp,
}

#[test]
fn values_are_read_from_files_named_by_the_suffix() {
    let password = TempFile::with(b"from-file\n");
    let smtp = TempFile::with(b"smtp-secret");
    let vars = Vars::new([
        ("GF_ADMIN_PASSWORD__FILE", password.path()),
        ("GF_SMTP_PASSWORD__FILE", smtp.path()),
        ("GF_DATABASE_URL", "postgres://db/grafana"),
    ]);
    let grafana = Grafana::from_source(&vars).unwrap();
    assert_eq!(grafana.admin_password.expose_secret(), "from-file");
    assert_eq!(
        grafana.smtp.password.as_ref().map(|p| p.expose_secret()),
        Some("smtp-secret")
    );
    let schema = Grafana::schema();
    let file_vars: Vec<Option<&str>> = schema.vars().iter().map(|v| v.file_var()).collect();
    assert_eq!(
        file_vars,
        [
            Some("GF_ADMIN_PASSWORD__FILE"),
            Some("GF_DATABASE_URL__FILE"),
            Some("GF_SMTP_PASSWORD__FILE")
        ]
    );
}

#[test]
fn both_set_and_the_usual_suffix_are_told_apart() {
    let password = TempFile::with(b"from-file");
    let both = Vars::new([
        ("GF_ADMIN_PASSWORD", "inline"),
        ("GF_ADMIN_PASSWORD__FILE", password.path()),
    ]);
    let errors = Grafana::from_source(&both).unwrap_err();
    assert!(
        errors
            .to_string()
            .contains("conflicts with GF_ADMIN_PASSWORD__FILE"),
        "{errors}"
    );
    // `_FILE` is not read: the variable is unknown, and its problem says
    // which name is.
    let usual = Vars::new([("GF_ADMIN_PASSWORD_FILE", password.path())]);
    let loaded = Grafana::load(&usual);
    let errors = loaded.unwrap_err();
    assert_eq!(errors.iter().next().unwrap().var(), "GF_ADMIN_PASSWORD");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    twelve_config::handle_args::<Grafana>(["--check-config"], &usual, &mut out, &mut err);
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("warning: GF_ADMIN_PASSWORD_FILE: unknown variable: no setting reads it (did you mean GF_ADMIN_PASSWORD__FILE?)"),
        "{err}"
    );
}
