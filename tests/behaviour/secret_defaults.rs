//! Secrets with a default written in the program, as services ship a
//! development password: used like any default, shown nowhere.

use crate::support::TempFile;
use twelve_config::{Config, ErrorKind, ExposeSecret, Origin, SecretBox, SecretString, Vars};

const CANARY: &str = "CANARY-5e1d";

#[derive(Config, Debug)]
#[config(prefix = "ADMIN_")]
struct Admin {
    /// User name of the admin page.
    #[config(default = "admin-CANARY-5e1d")]
    username: SecretString,
    /// Password of the admin page: change it in production.
    #[config(default = "m1cr0b1n-CANARY-5e1d")]
    password: SecretString,
    /// A PIN that the program replaces by its default when it cannot read it.
    #[config(default = "4242", invalid = "unset")]
    pin: SecretBox<u16>,
    /// A token derived from the password unless given.
    #[config(default_with = derived_token(password))]
    token: SecretString,
}

fn derived_token(password: &SecretString) -> SecretString {
    SecretString::from(format!("token-of-{}", password.expose_secret()))
}

fn every_output(vars: &Vars) -> String {
    crate::support::every_output::<Admin>(vars)
}

#[test]
fn a_secret_default_applies_when_unset_and_is_shown_nowhere() {
    let nothing = Vars::default();
    let loaded = Admin::load(&nothing).unwrap();
    let admin = loaded.config();
    assert_eq!(admin.username.expose_secret(), "admin-CANARY-5e1d");
    assert_eq!(admin.password.expose_secret(), "m1cr0b1n-CANARY-5e1d");
    assert_eq!(*admin.pin.expose_secret(), 4242);
    assert_eq!(admin.token.expose_secret(), "token-of-m1cr0b1n-CANARY-5e1d");
    let password = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "ADMIN_PASSWORD")
        .unwrap();
    assert_eq!(password.origin(), &Origin::Default);
    assert_eq!(password.shown_value(), None);

    let output = every_output(&nothing);
    assert!(!output.contains(CANARY), "{output}");
    assert!(!output.contains("4242"), "{output}");
}

#[test]
fn the_schema_says_a_secret_has_a_hidden_default_in_every_format() {
    let schema = Admin::schema();
    let password = schema.var("ADMIN_PASSWORD").unwrap();
    assert!(password.has_hidden_default());
    assert!(!password.is_required());
    assert_eq!(password.default(), None);
    let token = schema.var("ADMIN_TOKEN").unwrap();
    assert!(
        !token.has_hidden_default(),
        "a computed default is described"
    );
    assert_eq!(
        token.computed_default(),
        Some("computed from ADMIN_PASSWORD")
    );

    let text = schema.to_text();
    let line = text
        .lines()
        .find(|l| l.starts_with("ADMIN_PASSWORD "))
        .unwrap();
    assert!(line.contains(" hidden "), "{text}");
    let markdown = schema.to_markdown();
    assert!(
        markdown.contains("| `ADMIN_PASSWORD` | secret text | hidden | yes |"),
        "{markdown}"
    );
    let dotenv = schema.to_dotenv();
    assert!(
        dotenv.contains(
            "# secret text; default hidden\n# or ADMIN_PASSWORD_FILE: the path of a file holding the value\n# ADMIN_PASSWORD=\n"
        ),
        "{dotenv}"
    );
    let json = schema.to_json();
    assert!(
        json.contains("\"name\": \"ADMIN_PASSWORD\"")
            && json.contains(
                "\"required\": false,\n      \"default\": null,\n      \"default_hidden\": true,"
            ),
        "{json}"
    );
    // The container spec takes it from the Secret, where it may be absent.
    let kubernetes = schema.to_kubernetes("admin-secrets");
    assert!(
        kubernetes.contains(
            "  - name: \"ADMIN_PASSWORD\"\n    valueFrom:\n      secretKeyRef:\n        name: \"admin-secrets\"\n        key: \"ADMIN_PASSWORD\"\n        optional: true\n"
        ),
        "{kubernetes}"
    );
}

#[test]
fn set_values_win_and_warnings_about_the_default_do_not_show_it() {
    let file = TempFile::with(b"from-a-file\n");
    let vars = Vars::new([
        ("ADMIN_USERNAME", "root".to_owned()),
        ("ADMIN_PASSWORD_FILE", file.path().to_owned()),
        ("ADMIN_PIN", "12a4".to_owned()),
        ("ADMIN_TOKEN", String::new()),
    ]);
    let loaded = Admin::load(&vars).unwrap();
    let admin = loaded.config();
    assert_eq!(admin.username.expose_secret(), "root");
    assert_eq!(admin.password.expose_secret(), "from-a-file");
    assert_eq!(*admin.pin.expose_secret(), 4242);
    assert_eq!(admin.token.expose_secret(), "token-of-from-a-file");
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "warning: ADMIN_PIN: invalid value <redacted>: expected secret integer 0..=65535 (invalid digit found in string), so the default (secret, not shown) is used",
            "warning: ADMIN_TOKEN: set but empty, so the computed default is used; unset it, or give it a value",
        ]
    );

    let empty = Vars::new([("ADMIN_PASSWORD", "")]);
    let loaded = Admin::load(&empty).unwrap();
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: ADMIN_PASSWORD: set but empty, so the default (secret, not shown) is used; unset it, or give it a value"]
    );
    let output = every_output(&vars) + &every_output(&empty);
    assert!(!output.contains(CANARY), "{output}");
    assert!(!output.contains("4242"), "{output}");
    assert!(!output.contains("from-a-file"), "{output}");
}

#[test]
fn a_secret_default_the_type_cannot_read_is_a_bug_reported_without_it() {
    #[derive(Config, Debug)]
    struct Broken {
        #[config(default = "CANARY-5e1d")]
        pin: SecretBox<u32>,
    }
    let errors = Broken::check_defaults().unwrap_err();
    let error = errors.iter().next().unwrap();
    match error.kind() {
        ErrorKind::InvalidDefault {
            default, reason, ..
        } => {
            assert_eq!(default, &None);
            assert_eq!(reason, &None);
        }
        kind => panic!("expected an invalid default, got {kind:?}"),
    }
    assert_eq!(
        error.message(),
        "bug in the program: its default <redacted> does not parse: expected secret integer 0..=4294967295"
    );
    let errors = Broken::from_source(&Vars::default()).unwrap_err();
    let shown = format!("{errors}\n{errors:?}\n{}", errors.to_json());
    assert!(!shown.contains(CANARY), "{shown}");
}
