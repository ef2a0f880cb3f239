//! The ported services of `examples/ported/`: their documented sample
//! environments load to the documented values, and a broken environment is
//! reported whole.

#[path = "../../examples/ported/lldap.rs"]
mod lldap;
#[path = "../../examples/ported/microbin.rs"]
mod microbin;

use std::net::IpAddr;
use std::time::Duration;

use twelve_config::{ByteSize, Config, ExposeSecret, Vars};

/// The Docker example of lldap's `docs/install.md`, its commented lines
/// switched on (UID, GID and TZ belong to the image, not to lldap).
const LLDAP_DOCKER: &[(&str, &str)] = &[
    ("UID", "1000"),
    ("GID", "1000"),
    ("TZ", "Europe/Paris"),
    ("LLDAP_JWT_SECRET", "REPLACE_WITH_RANDOM"),
    ("LLDAP_KEY_SEED", "REPLACE_WITH_RANDOM"),
    ("LLDAP_LDAP_BASE_DN", "dc=example,dc=com"),
    ("LLDAP_LDAP_USER_PASS", "CHANGE_ME"),
    ("LLDAP_LDAPS_OPTIONS__ENABLED", "true"),
    ("LLDAP_LDAPS_OPTIONS__CERT_FILE", "/path/to/certfile.crt"),
    ("LLDAP_LDAPS_OPTIONS__KEY_FILE", "/path/to/keyfile.key"),
    (
        "LLDAP_DATABASE_URL",
        "postgres://postgres-user:password@postgres-server/my-database",
    ),
    ("LLDAP_SMTP_OPTIONS__ENABLE_PASSWORD_RESET", "true"),
    ("LLDAP_SMTP_OPTIONS__SERVER", "smtp.example.com"),
    ("LLDAP_SMTP_OPTIONS__PORT", "465"),
    ("LLDAP_SMTP_OPTIONS__SMTP_ENCRYPTION", "TLS"),
    ("LLDAP_SMTP_OPTIONS__USER", "no-reply@example.com"),
    ("LLDAP_SMTP_OPTIONS__PASSWORD", "PasswordGoesHere"),
    (
        "LLDAP_SMTP_OPTIONS__FROM",
        "no-reply <no-reply@example.com>",
    ),
    ("LLDAP_SMTP_OPTIONS__TO", "admin <admin@example.com>"),
];

#[test]
fn lldap_docker_sample_loads() {
    let loaded = lldap::Lldap::load(&Vars::new(LLDAP_DOCKER.iter().copied())).unwrap();
    let c = loaded.config();
    assert_eq!(c.jwt_secret.expose_secret(), "REPLACE_WITH_RANDOM");
    assert_eq!(
        c.key_seed.as_ref().unwrap().expose_secret(),
        "REPLACE_WITH_RANDOM"
    );
    assert_eq!(c.ldap_base_dn, "dc=example,dc=com");
    assert_eq!(c.ldap_user_pass.expose_secret(), "CHANGE_ME");
    assert!(c.ldaps_options.enabled);
    assert_eq!(c.ldaps_options.port, 6360);
    assert_eq!(c.ldaps_options.cert_file, "/path/to/certfile.crt");
    assert_eq!(c.ldaps_options.key_file, "/path/to/keyfile.key");
    assert_eq!(c.database_url.scheme(), "postgres");
    assert_eq!(c.database_url.host_str(), Some("postgres-server"));
    let smtp = c.smtp_options.as_ref().unwrap();
    assert!(smtp.enable_password_reset);
    assert_eq!(smtp.server, "smtp.example.com");
    assert_eq!(smtp.port, 465);
    assert_eq!(smtp.smtp_encryption, lldap::SmtpEncryption::Tls);
    assert_eq!(smtp.user, "no-reply@example.com");
    assert_eq!(smtp.password.expose_secret(), "PasswordGoesHere");
    assert_eq!(
        smtp.from.as_deref(),
        Some("no-reply <no-reply@example.com>")
    );
    assert_eq!(smtp.reply_to.as_deref(), Some("admin <admin@example.com>"));
    // The documented defaults of everything the sample leaves unset.
    assert_eq!((c.ldap_host.as_str(), c.ldap_port), ("0.0.0.0", 3890));
    assert_eq!((c.http_host.as_str(), c.http_port), ("0.0.0.0", 17170));
    assert_eq!(c.http_url.as_str(), "http://localhost/");
    assert_eq!(c.ldap_user_dn, "admin");
    assert_eq!(c.force_ldap_user_pass_reset, lldap::TrueFalseAlways::False);
    assert_eq!(c.key_file, "server_key");
    assert!(c.ignored_user_attributes.0.is_empty());
    assert_eq!(c.healthcheck_options.http_host, "localhost");
    assert_eq!(c.assets_path, std::path::Path::new("./app"));
    // `LLDAP_SMTP_OPTIONS__TO` is the command line's second spelling.
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: LLDAP_SMTP_OPTIONS__TO: deprecated: rename it to LLDAP_SMTP_OPTIONS__REPLY_TO"]
    );
    // Secrets stay out of Debug.
    let shown = format!("{c:?}");
    assert!(!shown.contains("REPLACE_WITH_RANDOM") && !shown.contains("PasswordGoesHere"));
}

#[test]
fn lldap_template_values_load() {
    // The values `lldap_config.docker_template.toml` shows, as variables.
    let c = lldap::Lldap::from_vars([
        ("LLDAP_JWT_SECRET", "secret"),
        ("LLDAP_DATABASE_URL", "sqlite:///data/users.db?mode=rwc"),
        ("LLDAP_KEY_SEED", "RanD0m STR1ng"),
        ("LLDAP_IGNORED_USER_ATTRIBUTES", "[ sAMAccountName ]"),
        (
            "LLDAP_IGNORED_GROUP_ATTRIBUTES",
            r#"[ "mail", "userPrincipalName" ]"#,
        ),
        ("LLDAP_FORCE_LDAP_USER_PASS_RESET", "always"),
        ("LLDAP_SMTP_OPTIONS__SMTP_ENCRYPTION", "STARTTLS"),
        ("LLDAP_HEALTHCHECK_OPTIONS__HTTP_HOST", "[::1]"),
    ])
    .unwrap();
    assert_eq!(c.database_url.path(), "/data/users.db");
    assert_eq!(c.ignored_user_attributes.0, ["sAMAccountName"]);
    assert_eq!(c.ignored_group_attributes.0, ["mail", "userPrincipalName"]);
    assert_eq!(c.force_ldap_user_pass_reset, lldap::TrueFalseAlways::Always);
    assert_eq!(
        c.smtp_options.as_ref().unwrap().smtp_encryption,
        lldap::SmtpEncryption::StartTls
    );
    assert_eq!(c.healthcheck_options.http_host, "[::1]");
}

#[test]
fn lldap_schema_matches_its_documented_names() {
    let schema = lldap::Lldap::schema();
    let names: Vec<&str> = schema.vars().iter().map(|v| v.name()).collect();
    for name in [
        "LLDAP_VERBOSE",
        "LLDAP_JWT_SECRET",
        "LLDAP_LDAP_USER_PASS",
        "LLDAP_KEY_SEED",
        "LLDAP_SMTP_OPTIONS__PASSWORD",
        "LLDAP_SMTP_OPTIONS__SMTP_ENCRYPTION",
        "LLDAP_LDAPS_OPTIONS__KEY_FILE",
        "LLDAP_HEALTHCHECK_OPTIONS__LDAP_HOST",
        "LLDAP_TEST_EMAIL_TO",
    ] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    assert_eq!(names.len(), 36);
    let secrets: Vec<&str> = schema
        .vars()
        .iter()
        .filter(|v| v.is_secret())
        .map(|v| v.name())
        .collect();
    assert_eq!(
        secrets,
        [
            "LLDAP_JWT_SECRET",
            "LLDAP_LDAP_USER_PASS",
            "LLDAP_KEY_SEED",
            "LLDAP_SMTP_OPTIONS__PASSWORD"
        ]
    );
    let jwt = schema.var("LLDAP_JWT_SECRET").unwrap();
    assert!(!jwt.is_required() && jwt.has_hidden_default());
    assert_eq!(jwt.file_var(), Some("LLDAP_JWT_SECRET_FILE"));
    assert_eq!(
        schema.var("LLDAP_LDAP_BASE_DN").unwrap().file_var(),
        Some("LLDAP_LDAP_BASE_DN_FILE")
    );
    assert_eq!(
        schema.var("LLDAP_KEY_FILE").unwrap().aliases(),
        ["LLDAP_SERVER_KEY_FILE"]
    );
}

#[test]
fn lldap_warns_of_its_insecure_default_secrets_as_lldap_does() {
    let loaded = lldap::Lldap::load(&Vars::default()).unwrap();
    let c = loaded.config();
    assert_eq!(c.jwt_secret.expose_secret(), "secretjwtsecret");
    assert_eq!(c.ldap_user_pass.expose_secret(), "password");
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "warning: LLDAP_JWT_SECRET: the default JWT secret is used: attackers can log in as admin",
            "warning: LLDAP_LDAP_USER_PASS: the insecure default admin password is used",
        ]
    );
    let shown = format!("{warnings:?}{:?}{}", c, lldap::Lldap::schema().to_json());
    assert!(!shown.contains("secretjwtsecret"), "{shown}");
    // Written out, the same values get the same warnings, as in lldap.
    let written = lldap::Lldap::load(&Vars::new([("LLDAP_LDAP_USER_PASS", "password")])).unwrap();
    assert_eq!(written.warnings().len(), 2);
    let set = Vars::new([
        ("LLDAP_JWT_SECRET", "a-random-secret"),
        ("LLDAP_LDAP_USER_PASS", "a-long-password"),
    ]);
    assert!(lldap::Lldap::load(&set).unwrap().warnings().is_empty());
}

#[test]
fn lldap_broken_environment_reports_every_problem() {
    let errors = lldap::Lldap::from_vars([
        ("LLDAP_LDAP_PORT", "389o"),
        ("LLDAP_HTTP_URL", "//localhost:17170"),
        ("LLDAP_DATABASE_URL", "postgres://u:hunter2@db:99999/x"),
        ("LLDAP_FORCE_LDAP_USER_PASS_RESET", "sometimes"),
        ("LLDAP_KEY_SEED", "seed"),
        ("LLDAP_SERVER_KEY_SEED", "other seed"),
        ("LLDAP_SMTP_OPTIONS__SMTP_ENCRYPTION", "SSL"),
        ("LLDAP_SMTP_OPTIONS__FROM", "nobody"),
        ("LLDAP_LDAPS_OPTIONS__ENABLED", "maybe"),
    ])
    .unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(
        vars,
        [
            "LLDAP_LDAP_PORT",
            "LLDAP_HTTP_URL",
            "LLDAP_FORCE_LDAP_USER_PASS_RESET",
            "LLDAP_DATABASE_URL",
            "LLDAP_KEY_SEED",
            "LLDAP_SMTP_OPTIONS__FROM",
            "LLDAP_SMTP_OPTIONS__SMTP_ENCRYPTION",
            "LLDAP_LDAPS_OPTIONS__ENABLED",
        ]
    );
    let text = errors.to_string();
    assert!(
        text.starts_with("error: 8 configuration problems\n"),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");
    assert!(
        text.contains("conflicts with LLDAP_SERVER_KEY_SEED"),
        "{text}"
    );
    assert!(
        text.contains("expected one of: false, true, always"),
        "{text}"
    );
    assert!(
        text.contains("expected one of: none, tls, starttls"),
        "{text}"
    );
    assert!(
        text.contains("the rule Lldap::warn_of_default_secrets was not checked: it needs every setting of the configuration to load"),
        "{text}"
    );
}

#[test]
fn lldap_short_admin_password_is_a_rule_problem() {
    let text = lldap::Lldap::from_vars([
        ("LLDAP_JWT_SECRET", "secret"),
        ("LLDAP_LDAP_USER_PASS", "short"),
    ])
    .unwrap_err()
    .to_string();
    assert_eq!(
        text,
        "error: 1 configuration problem\n  LLDAP_LDAP_USER_PASS  must be at least 8 characters long"
    );
}

/// MicroBin's `.env` file, as shipped.
const MICROBIN_DOTENV: &[(&str, &str)] = &[
    ("MICROBIN_ADMIN_USERNAME", "admin"),
    ("MICROBIN_ADMIN_PASSWORD", "m1cr0b1n"),
    ("MICROBIN_HIDE_HEADER", "false"),
    ("MICROBIN_HIDE_FOOTER", "false"),
    ("MICROBIN_HIDE_LOGO", "false"),
    ("MICROBIN_NO_LISTING", "false"),
    ("MICROBIN_HIGHLIGHTSYNTAX", "true"),
    ("MICROBIN_PORT", "8080"),
    ("MICROBIN_BIND", "0.0.0.0"),
    ("MICROBIN_PRIVATE", "true"),
    ("MICROBIN_PURE_HTML", "false"),
    ("MICROBIN_DATA_DIR", "microbin_data"),
    ("MICROBIN_JSON_DB", "false"),
    ("MICROBIN_READONLY", "false"),
    ("MICROBIN_SHOW_READ_STATS", "true"),
    ("MICROBIN_THREADS", "1"),
    ("MICROBIN_GC_DAYS", "90"),
    ("MICROBIN_ENABLE_BURN_AFTER", "true"),
    ("MICROBIN_DEFAULT_BURN_AFTER", "0"),
    ("MICROBIN_WIDE", "false"),
    ("MICROBIN_QR", "false"),
    ("MICROBIN_ETERNAL_PASTA", "false"),
    ("MICROBIN_ENABLE_READONLY", "true"),
    ("MICROBIN_EDITABLE", "true"),
    ("MICROBIN_DEFAULT_EXPIRY", "24hour"),
    ("MICROBIN_MAX_EXPIRY", "1week"),
    ("MICROBIN_NO_FILE_UPLOAD", "false"),
    ("MICROBIN_HASH_IDS", "false"),
    ("MICROBIN_ENCRYPTION_CLIENT_SIDE", "true"),
    ("MICROBIN_ENCRYPTION_SERVER_SIDE", "true"),
    ("MICROBIN_MAX_FILE_SIZE_ENCRYPTED_MB", "256"),
    ("MICROBIN_MAX_FILE_SIZE_UNENCRYPTED_MB", "2048"),
    ("MICROBIN_DISABLE_UPDATE_CHECKING", "false"),
    ("MICROBIN_DISABLE_TELEMETRY", "false"),
    ("MICROBIN_LIST_SERVER", "false"),
];

#[test]
fn microbin_dotenv_loads() {
    let loaded = microbin::Microbin::load(&Vars::new(MICROBIN_DOTENV.iter().copied())).unwrap();
    assert!(loaded.warnings().is_empty(), "{:?}", loaded.warnings());
    let c = loaded.config();
    assert_eq!(c.admin_username.expose_secret(), "admin");
    assert_eq!(c.admin_password.expose_secret(), "m1cr0b1n");
    assert_eq!(c.port, 8080);
    assert_eq!(c.bind, IpAddr::from([0, 0, 0, 0]));
    assert!(c.private && c.highlightsyntax && c.editable && c.show_read_stats);
    assert!(!c.hide_header && !c.hide_footer && !c.json_db && !c.qr);
    assert_eq!(c.data_dir, "microbin_data");
    assert_eq!(c.threads, 1);
    assert_eq!(c.gc_days, Duration::from_secs(90 * 86400));
    assert_eq!(c.default_burn_after, 0);
    assert_eq!(c.default_expiry, microbin::Expiry::OneDay);
    assert_eq!(c.max_expiry, microbin::Expiry::OneWeek);
    assert_eq!(c.max_file_size_encrypted_mb, ByteSize::mib(256));
    assert_eq!(c.max_file_size_encrypted_mb.bytes(), 256 * 1024 * 1024);
    assert_eq!(c.max_file_size_unencrypted_mb, ByteSize::gib(2));
    assert_eq!(c.default_view, "gallery");
    assert_eq!(c.public_path, None);
}

#[test]
fn microbin_defaults_match_the_dotenv_file() {
    let from_file = microbin::Microbin::from_vars(MICROBIN_DOTENV.iter().copied()).unwrap();
    let bare = microbin::Microbin::from_vars(Vec::<(String, String)>::new()).unwrap();
    // The shipped `.env` only restates the defaults, the secret ones too.
    assert_eq!(format!("{from_file:?}"), format!("{bare:?}"));
    assert_eq!(bare.admin_username.expose_secret(), "admin");
    assert_eq!(bare.admin_password.expose_secret(), "m1cr0b1n");
    let schema = microbin::Microbin::schema();
    let password = schema.var("MICROBIN_ADMIN_PASSWORD").unwrap();
    assert!(password.has_hidden_default() && !password.is_required());
    assert!(!schema.to_text().contains("m1cr0b1n"));
}

#[test]
fn microbin_units_and_paths() {
    let c = microbin::Microbin::from_vars([
        ("MICROBIN_GC_DAYS", "0"),
        ("MICROBIN_MAX_FILE_SIZE_ENCRYPTED_MB", "1 GiB"),
        ("MICROBIN_PUBLIC_PATH", "https://paste.example.com/"),
        ("MICROBIN_MAX_EXPIRY", "never"),
    ])
    .unwrap();
    assert_eq!(c.gc_days, Duration::ZERO);
    assert_eq!(c.max_file_size_encrypted_mb, ByteSize::gib(1));
    assert_eq!(c.public_path.as_deref(), Some("https://paste.example.com"));
    assert_eq!(c.max_expiry, microbin::Expiry::Never);
    let schema = microbin::Microbin::schema();
    assert_eq!(
        schema
            .var("MICROBIN_MAX_FILE_SIZE_ENCRYPTED_MB")
            .unwrap()
            .expected(),
        "number of mebibytes (MiB) such as 30 or 2.5, or a byte size such as 512 KiB, 100 MB or 10G"
    );
    assert_eq!(
        schema.var("MICROBIN_GC_DAYS").unwrap().expected(),
        "number of days such as 30 or 2.5, or a duration such as 30s, 500ms or 1h 15m"
    );
    // All 45 variables of MicroBin's `args.rs`.
    assert_eq!(schema.vars().len(), 45);
}

#[test]
fn microbin_broken_environment_reports_every_problem() {
    let errors = microbin::Microbin::from_vars([
        ("MICROBIN_ADMIN_PASSWORD", ""),
        (
            "MICROBIN_UPLOADER_PASSWORD_FILE",
            "/nonexistent/uploader-password",
        ),
        ("MICROBIN_HIDE_FOOTER", "y"),
        ("MICROBIN_PORT", "80800"),
        ("MICROBIN_BIND", "localhost"),
        ("MICROBIN_THREADS", "256"),
        ("MICROBIN_GC_DAYS", "-1"),
        ("MICROBIN_DEFAULT_EXPIRY", "1hours"),
        ("MICROBIN_MAX_FILE_SIZE_ENCRYPTED_MB", "256MB/s"),
        ("MICROBIN_MAX_FILE_SIZE_UNENCRYPTED_MB", "99999999999999"),
    ])
    .unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(
        vars,
        [
            "MICROBIN_HIDE_FOOTER",
            "MICROBIN_PORT",
            "MICROBIN_BIND",
            "MICROBIN_UPLOADER_PASSWORD_FILE",
            "MICROBIN_THREADS",
            "MICROBIN_GC_DAYS",
            "MICROBIN_DEFAULT_EXPIRY",
            "MICROBIN_MAX_FILE_SIZE_ENCRYPTED_MB",
            "MICROBIN_MAX_FILE_SIZE_UNENCRYPTED_MB",
        ]
    );
    let text = errors.to_string();
    assert!(text.contains("did you mean \"1hour\"?"), "{text}");
    assert!(
        text.contains("too large: more mebibytes (MiB) than fit"),
        "{text}"
    );
    assert!(text.contains("not a boolean"), "{text}");
    assert!(text.contains("(negative)"), "{text}");
    assert!(
        text.starts_with("error: 9 configuration problems\n"),
        "{text}"
    );
}

#[test]
fn lldap_smtp_options_are_an_optional_group() {
    let bare = lldap::Lldap::from_vars([("LLDAP_JWT_SECRET", "secret")]).unwrap();
    assert!(bare.smtp_options.is_none());
    // One variable enables the group; the rest take lldap's defaults.
    let one = lldap::Lldap::from_vars([
        ("LLDAP_JWT_SECRET", "secret"),
        ("LLDAP_SMTP_OPTIONS__ENABLE_PASSWORD_RESET", "true"),
    ])
    .unwrap();
    let smtp = one.smtp_options.unwrap();
    assert!(smtp.enable_password_reset);
    assert_eq!((smtp.server.as_str(), smtp.port), ("localhost", 587));
    assert_eq!(smtp.smtp_encryption, lldap::SmtpEncryption::Tls);
    assert_eq!(smtp.password.expose_secret(), "");
}

#[test]
fn lldap_broken_environment_mixes_fields_group_file_and_rule_in_one_report() {
    let errors = lldap::Lldap::from_vars([
        ("LLDAP_LDAP_PORT", "389o"),
        ("LLDAP_DATABASE_URL", "postgres://u:hunter2@db:99999/x"),
        ("LLDAP_SMTP_OPTIONS__SERVER", "smtp.example.com"),
        (
            "LLDAP_SMTP_OPTIONS__PASSWORD_FILE",
            "/nonexistent/smtp-password",
        ),
        ("LLDAP_LDAP_USER_PASS", "pass123"),
    ])
    .unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    for var in [
        "LLDAP_LDAP_PORT",
        "LLDAP_DATABASE_URL",
        "LLDAP_SMTP_OPTIONS__PASSWORD_FILE",
        "LLDAP_LDAP_USER_PASS",
    ] {
        assert!(vars.contains(&var), "{var} not in {vars:?}");
    }
    let text = errors.to_string();
    assert!(
        text.contains("must be at least 8 characters long"),
        "{text}"
    );
    assert!(text.contains("/nonexistent/smtp-password"), "{text}");
    assert!(
        !text.contains("hunter2") && !text.contains("pass123"),
        "{text}"
    );
}

#[test]
fn microbin_basic_auth_is_both_or_neither() {
    let both = microbin::Microbin::from_vars([
        ("MICROBIN_BASIC_AUTH_USERNAME", "site-user"),
        ("MICROBIN_BASIC_AUTH_PASSWORD", "site-password"),
    ])
    .unwrap();
    let auth = both.basic_auth.unwrap();
    assert_eq!(auth.username.expose_secret(), "site-user");
    assert_eq!(auth.password.expose_secret(), "site-password");
    for (set, missing) in [
        (
            "MICROBIN_BASIC_AUTH_USERNAME",
            "MICROBIN_BASIC_AUTH_PASSWORD",
        ),
        (
            "MICROBIN_BASIC_AUTH_PASSWORD",
            "MICROBIN_BASIC_AUTH_USERNAME",
        ),
    ] {
        let errors = microbin::Microbin::from_vars([(set, "x")]).unwrap_err();
        let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
        assert_eq!(vars, [missing]);
    }
}

#[test]
fn microbin_uploader_password_needs_a_read_only_site() {
    let ok = microbin::Microbin::from_vars([
        ("MICROBIN_READONLY", "true"),
        ("MICROBIN_UPLOADER_PASSWORD", "uploader-secret"),
    ]);
    assert!(ok.is_ok());
    let text = microbin::Microbin::from_vars([("MICROBIN_UPLOADER_PASSWORD", "uploader-secret")])
        .unwrap_err()
        .to_string();
    assert!(text.contains("MICROBIN_READONLY"), "{text}");
    assert!(!text.contains("uploader-secret"), "{text}");
}

#[test]
fn microbin_broken_environment_mixes_fields_group_file_and_rule_in_one_report() {
    let errors = microbin::Microbin::from_vars([
        ("MICROBIN_PORT", "80800"),
        ("MICROBIN_DEFAULT_EXPIRY", "1hours"),
        ("MICROBIN_BASIC_AUTH_USERNAME", "site-user"),
        (
            "MICROBIN_BASIC_AUTH_PASSWORD_FILE",
            "/nonexistent/basic-password",
        ),
        ("MICROBIN_UPLOADER_PASSWORD", "uploader-secret"),
    ])
    .unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    for var in [
        "MICROBIN_PORT",
        "MICROBIN_DEFAULT_EXPIRY",
        "MICROBIN_BASIC_AUTH_PASSWORD_FILE",
    ] {
        assert!(vars.contains(&var), "{var} not in {vars:?}");
    }
    let text = errors.to_string();
    assert!(text.contains("MICROBIN_READONLY"), "{text}");
    assert!(
        !text.contains("site-user") && !text.contains("uploader-secret"),
        "{text}"
    );
}
