//! Optional groups of nested structs and nested separators: when a group
//! is on, what it then requires, and the names its variables get.

use twelve_config::{ByteSize, Config, SecretString};

use super::report;

#[derive(Config, Debug)]
#[config(prefix = "SVC_", nested_separator = "__")]
struct Service {
    #[config(default = 8080)]
    port: u16,
    #[config(nested)]
    smtp: Option<Smtp>,
    #[config(nested)]
    limits: Limits,
    #[config(nested)]
    storage: Storage,
}

/// An optional group: off unless one of its variables is set.
#[derive(Config, Debug)]
struct Smtp {
    server: String,
    #[config(default = 587)]
    port: u16,
    user: Option<String>,
    password: SecretString,
}

/// Inherits `__` from the outer struct.
#[derive(Config, Debug)]
struct Limits {
    #[config(default = "1 MiB")]
    body: ByteSize,
    #[config(nested)]
    rate: Rate,
}

#[derive(Config, Debug)]
struct Rate {
    #[config(default = 10)]
    per_second: u32,
}

/// Sets its own separator, which its nested structs inherit.
#[derive(Config, Debug)]
#[config(nested_separator = ".")]
struct Storage {
    #[config(default = "/data")]
    dir: String,
    #[config(nested)]
    s3: Option<S3>,
}

#[derive(Config, Debug)]
struct S3 {
    bucket: String,
    #[config(default = "us-east-1")]
    region: String,
}

#[test]
fn separators_are_inherited_unless_overridden() {
    let names: Vec<String> = Service::schema()
        .vars()
        .iter()
        .map(|v| v.name().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "SVC_PORT",
            "SVC_SMTP__SERVER",
            "SVC_SMTP__PORT",
            "SVC_SMTP__USER",
            "SVC_SMTP__PASSWORD",
            "SVC_LIMITS__BODY",
            "SVC_LIMITS__RATE__PER_SECOND",
            "SVC_STORAGE__DIR",
            "SVC_STORAGE__S3.BUCKET",
            "SVC_STORAGE__S3.REGION",
        ]
    );
    let schema = Service::schema();
    assert_eq!(schema.var("SVC_SMTP__PORT").unwrap().group(), Some("smtp"));
    assert_eq!(
        schema.var("SVC_STORAGE__S3.BUCKET").unwrap().group(),
        Some("storage.s3")
    );
    assert_eq!(schema.var("SVC_LIMITS__BODY").unwrap().group(), None);
    assert!(schema.var("SVC_SMTP__SERVER").unwrap().is_required());
}

#[test]
fn groups_are_off_when_nothing_is_set() {
    let s = Service::from_vars([("SVC_LIMITS__RATE__PER_SECOND", "5")]).unwrap();
    assert!(s.smtp.is_none());
    assert!(s.storage.s3.is_none());
    assert_eq!(s.port, 8080);
    assert_eq!(s.limits.rate.per_second, 5);
    assert_eq!(s.limits.body, ByteSize::mib(1));
    assert_eq!(s.storage.dir, "/data");
}

#[test]
fn empty_values_do_not_enable_a_group() {
    let s = Service::from_vars([("SVC_SMTP__SERVER", ""), ("SVC_STORAGE__S3.BUCKET", "")]).unwrap();
    assert!(s.smtp.is_none());
    assert!(s.storage.s3.is_none());
    // An empty variable with a default, in a group that stays off: the
    // default is not used, so no warning says it is; the warning says
    // the group stays off.
    let loaded = Service::load(&twelve_config::Vars::new([
        ("SVC_SMTP__PORT", ""),
        ("SVC_STORAGE__S3.REGION", ""),
    ]))
    .unwrap();
    assert!(loaded.config().smtp.is_none());
    assert!(loaded.config().storage.s3.is_none());
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "warning: SVC_SMTP__PORT: set but empty, so it is treated as unset and the optional group smtp stays off; unset it, or give it a value",
            "warning: SVC_STORAGE__S3.REGION: set but empty, so it is treated as unset and the optional group storage.s3 stays off; unset it, or give it a value",
        ]
    );
    // In a group that is on, the same warning is given.
    let loaded = Service::load(&twelve_config::Vars::new([
        ("SVC_STORAGE__S3.BUCKET", "b"),
        ("SVC_STORAGE__S3.REGION", ""),
    ]))
    .unwrap();
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: SVC_STORAGE__S3.REGION: set but empty, so the default \"us-east-1\" is used; unset it, or give it a value"]
    );
}

#[test]
fn one_variable_enables_a_group_and_the_rest_is_required() {
    let text = report::<Service>(&[("SVC_SMTP__PORT", "25"), ("SVC_STORAGE__S3.REGION", "eu")]);
    assert_eq!(
        text,
        "error: 3 configuration problems\n  \
         SVC_SMTP__SERVER        missing: required (text)\n                          \
         note: the optional group smtp is enabled because SVC_SMTP__PORT is set\n  \
         SVC_SMTP__PASSWORD      missing: required (secret text)\n  \
         SVC_STORAGE__S3.BUCKET  missing: required (text)\n                          \
         note: the optional group storage.s3 is enabled because SVC_STORAGE__S3.REGION is set"
    );
}

#[test]
fn a_secret_file_enables_a_group() {
    let dir = std::env::temp_dir().join(format!("tc-real-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("smtp-password");
    std::fs::write(&file, "s3cret\n").unwrap();
    let text = report::<Service>(&[("SVC_SMTP__PASSWORD_FILE", file.to_str().unwrap())]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        text,
        "error: 1 configuration problem\n  \
         SVC_SMTP__SERVER  missing: required (text)\n                    \
         note: the optional group smtp is enabled because SVC_SMTP__PASSWORD_FILE is set"
    );
    assert!(!text.contains("s3cret"));
}

#[test]
fn a_complete_group_loads() {
    let s = Service::from_vars([
        ("SVC_SMTP__SERVER", "mail.example.com"),
        ("SVC_SMTP__PASSWORD", "pw"),
        ("SVC_STORAGE__S3.BUCKET", "b"),
    ])
    .unwrap();
    let smtp = s.smtp.unwrap();
    assert_eq!(smtp.server, "mail.example.com");
    assert_eq!(smtp.port, 587);
    assert_eq!(smtp.user, None);
    use twelve_config::ExposeSecret;
    assert_eq!(smtp.password.expose_secret(), "pw");
    let s3 = s.storage.s3.unwrap();
    assert_eq!((s3.bucket.as_str(), s3.region.as_str()), ("b", "us-east-1"));
}

#[test]
fn an_invalid_value_in_an_unused_group_still_counts() {
    let text = report::<Service>(&[
        ("SVC_SMTP__SERVER", "mail"),
        ("SVC_SMTP__PASSWORD", "pw"),
        ("SVC_SMTP__PORT", "smtp"),
    ]);
    assert_eq!(
        text,
        "error: 1 configuration problem\n  \
         SVC_SMTP__PORT  invalid value \"smtp\": expected integer 0..=65535 (invalid digit found in string)"
    );
}
