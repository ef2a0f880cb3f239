//! Secrets: never shown anywhere, read from `_FILE`.

use crate::support::TempFile;
use twelve_config::{
    handle_args, Config, ErrorKind, ExposeSecret, Origin, PostgresUrl, RedisUrl, SecretBox,
    SecretString, Vars,
};

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Secrets {
    api_key: SecretString,
    pin: SecretBox<u64>,
    db_password: SecretString,
    backup_codes: Option<Vec<SecretString>>,
    /// Not secret, but may be read from a file too.
    #[config(file)]
    tls_cert: Option<String>,
    #[config(default = "info")]
    log_level: String,
    database_url: PostgresUrl,
    cache_url: Option<RedisUrl>,
}

const CANARY: &str = "CANARY-7f3a9c1e";

/// Every text the crate can produce about `Secrets`, joined: what it
/// produces about any configuration, and what a debug endpoint serves.
fn every_output(vars: &Vars) -> String {
    #[allow(unused_mut)]
    let mut out = crate::support::every_output::<Secrets>(vars);
    // The record of the load, and the URL fields themselves.
    #[cfg(feature = "serde")]
    if let Ok(loaded) = Secrets::load(vars) {
        let config = loaded.config();
        out += &serde_json::to_string(&loaded).unwrap();
        out += &serde_json::to_string(&config.database_url).unwrap();
        out += &serde_json::to_string(&config.cache_url).unwrap();
    }
    if let Err(errors) = Secrets::from_source(vars) {
        out += &format!("{errors}\n{errors:?}\n");
    }
    out
}

#[test]
fn no_output_path_shows_a_secret() {
    let file = TempFile::with(format!("{CANARY}-file\n").as_bytes());
    let good = Vars::new([
        ("APP_API_KEY", format!("{CANARY}-key")),
        ("APP_PIN", "123456".to_owned()),
        ("APP_DB_PASSWORD_FILE", file.path().to_owned()),
        ("APP_BACKUP_CODES", format!("{CANARY}-a,{CANARY}-b")),
        ("APP_UNKNOWN_THING", "x".to_owned()),
        (
            "APP_DATABASE_URL",
            format!("postgres://app:{CANARY}-pg@db.internal:5432/billing"),
        ),
        ("APP_CACHE_URL", format!("rediss://:{CANARY}-redis@cache/2")),
    ]);
    let loaded = Secrets::load(&good).unwrap();
    let config = loaded.config();
    assert_eq!(config.api_key.expose_secret(), format!("{CANARY}-key"));
    assert_eq!(config.db_password.expose_secret(), format!("{CANARY}-file"));
    assert_eq!(*config.pin.expose_secret(), 123456);
    assert_eq!(
        config.database_url.expose_password(),
        Some(format!("{CANARY}-pg").as_str())
    );
    assert_eq!(
        config.database_url.to_string(),
        "postgres://app:***@db.internal:5432/billing"
    );
    let output = every_output(&good);
    assert!(!output.contains(CANARY), "{output}");
    assert!(!output.contains("123456"), "{output}");
    // The serialized record was written, with the URL masked in it.
    #[cfg(feature = "serde")]
    assert!(
        output.contains(r#""value":"postgres://app:***@db.internal:5432/billing""#),
        "{output}"
    );

    // Each secret invalid in its own way; the report must still hold nothing.
    let bad = Vars::new([
        ("APP_API_KEY", format!("{CANARY}-key")),
        ("APP_API_KEY_FILE", file.path().to_owned()),
        ("APP_PIN", format!("{CANARY}99")),
        ("APP_DB_PASSWORD_FILE", "/nonexistent/secret".to_owned()),
        ("APP_BACKUP_CODES", format!("{CANARY},,x")),
        ("APP_LOG_LEVEL", "x".repeat(10)),
        (
            "APP_DATABASE_URL",
            format!("postgres://app:{CANARY}@db.internal:99999/billing"),
        ),
        ("APP_CACHE_URL", format!("redis://:{CANARY}@cache/not-a-db")),
    ]);
    let output = every_output(&bad);
    assert!(!output.contains(CANARY), "{output}");
    let errors = Secrets::from_source(&bad).unwrap_err();
    assert_eq!(errors.len(), 6, "{errors}");
    assert!(
        errors
            .to_string()
            .contains("\"postgres://app:***@db.internal:99999/billing\""),
        "{errors}"
    );
    let pin = errors.get("APP_PIN").unwrap();
    assert_eq!(
        pin.message(),
        format!(
            "invalid value <redacted>: expected secret integer 0..={} (invalid digit found in string)",
            u64::MAX
        )
    );
}

#[test]
fn a_secret_reason_that_would_quote_the_value_is_withheld() {
    #[derive(Config, Debug)]
    struct Numbered {
        code: SecretBox<u8>,
    }
    // std's reason never quotes the input, so it is shown; the value is not.
    let errors = Numbered::from_vars([("CODE", "300")]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "invalid value <redacted>: expected secret integer 0..=255 (number too large to fit in target type)"
    );
    assert!(!format!("{errors:?}").contains("300"));
}

/// A key in the form `sk_<hex>`, rejected with a reason that quotes it, as
/// foreign parsers often do.
fn parse_key(text: &str) -> Result<SecretString, String> {
    match text.strip_prefix("sk_") {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(SecretString::from(text))
        }
        _ => Err(format!("{text:?} is not an sk_ key")),
    }
}

#[test]
fn secrets_parsed_with_a_function_stay_secret() {
    #[derive(Config, Debug)]
    #[config(prefix = "APP_")]
    struct Keys {
        #[config(with = parse_key)]
        api_key: SecretString,
        #[config(with = parse_key)]
        token: Option<SecretString>,
    }
    let vars = Vars::new([("APP_API_KEY", CANARY), ("APP_TOKEN", CANARY)]);
    let errors = Keys::from_source(&vars).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors}");
    let output = format!("{errors}\n{errors:?}");
    assert!(!output.contains(CANARY), "{output}");
    assert!(
        output.contains("invalid value <redacted>: expected secret key"),
        "{output}"
    );
    assert!(output.contains("APP_TOKEN"), "{output}");
    // Both may come from `_FILE`, as every secret may.
    let key_file = TempFile::with(b"sk_00ff\n");
    let token_file = TempFile::with(b"sk_12345678\n");
    let keys = Keys::from_vars([
        ("APP_API_KEY_FILE", key_file.path()),
        ("APP_TOKEN_FILE", token_file.path()),
    ])
    .unwrap();
    assert_eq!(keys.api_key.expose_secret(), "sk_00ff");
    assert_eq!(keys.token.unwrap().expose_secret(), "sk_12345678");
    // The schema and --print-config show them as secrets.
    let schema = Keys::schema();
    assert!(schema.vars().iter().all(|v| v.is_secret()), "{schema:?}");
    let loaded = Keys::load(&Vars::new([
        ("APP_API_KEY", "sk_abc"),
        ("APP_TOKEN", "sk_def"),
    ]))
    .unwrap();
    assert!(loaded.vars().iter().all(|v| v.shown_value().is_none()));
}

#[cfg(unix)]
#[test]
fn non_utf8_secrets_are_reported_without_their_bytes() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    #[derive(Config, Debug)]
    struct Key {
        key: SecretString,
    }
    let raw = OsString::from_vec(b"CANARY\xff".to_vec());
    let errors = Key::from_vars([(OsString::from("KEY"), raw)]).unwrap_err();
    let output = format!("{errors} {errors:?}");
    assert!(!output.contains("CANARY"), "{output}");
    assert!(output.contains("not valid UTF-8"), "{output}");
}

/// A raw key, any bytes: a secret type that takes values which are not
/// UTF-8.
#[cfg(unix)]
struct RawKey(Vec<u8>);

#[cfg(unix)]
impl secrecy::zeroize::Zeroize for RawKey {
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

#[cfg(unix)]
impl twelve_config::EnvValue for RawKey {
    fn expected() -> std::borrow::Cow<'static, str> {
        "raw key bytes".into()
    }

    fn parse_env(text: &str) -> Result<Self, twelve_config::ValueError> {
        Ok(RawKey(text.as_bytes().to_vec()))
    }

    fn parse_env_os(raw: &std::ffi::OsStr) -> Result<Self, twelve_config::ValueError> {
        use std::os::unix::ffi::OsStrExt;
        Ok(RawKey(raw.as_bytes().to_vec()))
    }
}

#[cfg(unix)]
#[test]
fn a_secret_that_is_not_utf8_loads_and_is_never_shown() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    #[derive(Config)]
    struct Signing {
        signing_key: SecretBox<RawKey>,
    }
    let vars = Vars::new([(
        OsString::from("SIGNING_KEY"),
        OsString::from_vec(b"CANARY\xff".to_vec()),
    )]);
    let loaded = Signing::load(&vars).expect("any bytes are a key");
    assert_eq!(loaded.config().signing_key.expose_secret().0, b"CANARY\xff");
    let var = &loaded.vars()[0];
    assert_eq!(var.name(), "SIGNING_KEY");
    assert_eq!(var.shown_value(), None);
    let mut out = format!("{var:?}");
    for flags in [
        &["--print-config"][..],
        &["--print-config", "--format=json"],
    ] {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let _ = handle_args::<Signing>(flags, &vars, &mut stdout, &mut stderr);
        out += &String::from_utf8_lossy(&stdout);
        out += &String::from_utf8_lossy(&stderr);
    }
    assert!(out.contains("SIGNING_KEY"), "{out}");
    assert!(!out.contains("CANARY"), "{out}");
}

#[derive(Config, Debug)]
struct FromFile {
    password: SecretString,
}

fn load_password(vars: &[(&str, &str)]) -> Result<String, twelve_config::Errors> {
    FromFile::from_vars(vars.iter().copied()).map(|c| c.password.expose_secret().to_owned())
}

#[test]
fn file_happy_path_and_trailing_newlines() {
    for (contents, expected) in [
        (&b"s3cret"[..], "s3cret"),
        (b"s3cret\n", "s3cret"),
        (b"s3cret\r\n", "s3cret"),
        (b"s3cret\n\n", "s3cret\n"),
        (b"  spaced  \n", "  spaced  "),
    ] {
        let file = TempFile::with(contents);
        assert_eq!(
            load_password(&[("PASSWORD_FILE", file.path())]).unwrap(),
            expected,
            "{contents:?}"
        );
    }
    let loaded = FromFile::load(&Vars::new([("PASSWORD", "direct")])).unwrap();
    assert_eq!(loaded.vars()[0].origin(), &Origin::Env);
    let file = TempFile::with(b"x");
    let loaded = FromFile::load(&Vars::new([("PASSWORD_FILE", file.path())])).unwrap();
    assert_eq!(loaded.vars()[0].origin(), &Origin::File(file.0.clone()));
    assert_eq!(loaded.vars()[0].shown_value(), None);
}

#[test]
fn file_and_variable_both_set_is_an_error_naming_both() {
    let file = TempFile::with(b"a");
    let errors = load_password(&[("PASSWORD", "b"), ("PASSWORD_FILE", file.path())]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  PASSWORD  conflicts with PASSWORD_FILE: both are set, set only one"
    );
}

#[test]
fn a_missing_file_names_the_variable_and_the_path() {
    let errors = load_password(&[("PASSWORD_FILE", "/run/secrets/nope")]).unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.var(), "PASSWORD_FILE");
    assert!(
        matches!(error.kind(), ErrorKind::File { path, .. } if path.to_str() == Some("/run/secrets/nope"))
    );
    assert!(
        error
            .message()
            .starts_with("cannot use file \"/run/secrets/nope\": No such file"),
        "{}",
        error.message()
    );
}

#[test]
fn an_unreadable_file_is_an_error() {
    let dir = std::env::temp_dir();
    let errors = load_password(&[("PASSWORD_FILE", dir.to_str().unwrap())]).unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.var(), "PASSWORD_FILE");
    assert!(
        error.message().starts_with("cannot use file"),
        "{}",
        error.message()
    );
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let file = TempFile::with(b"s3cret");
    std::fs::set_permissions(&file.0, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file.0).is_ok() {
        // Running as root: permissions do not stop reads, nothing to test here.
        return;
    }
    let errors = load_password(&[("PASSWORD_FILE", file.path())]).unwrap_err();
    assert!(errors.to_string().contains("Permission denied"), "{errors}");
}

#[test]
fn an_empty_file_is_an_error_not_a_silent_fallback() {
    for contents in [&b""[..], b"\n", b"\r\n"] {
        let file = TempFile::with(contents);
        let errors = load_password(&[("PASSWORD_FILE", file.path())]).unwrap_err();
        assert!(errors.to_string().contains("the file is empty"), "{errors}");
    }
}

#[test]
fn an_oversized_file_is_refused() {
    let file = TempFile::with(vec![b'x'; (1 << 20) + 1]);
    let errors = load_password(&[("PASSWORD_FILE", file.path())]).unwrap_err();
    assert!(
        errors.to_string().contains("larger than 1048576 bytes"),
        "{errors}"
    );
}

#[test]
fn the_schema_marks_secrets_and_their_file_variables() {
    let schema = Secrets::schema();
    let key = schema.var("APP_API_KEY").unwrap();
    assert!(key.is_secret());
    assert_eq!(key.file_var(), Some("APP_API_KEY_FILE"));
    let cert = schema.var("APP_TLS_CERT").unwrap();
    assert!(!cert.is_secret());
    assert_eq!(cert.file_var(), Some("APP_TLS_CERT_FILE"));
    assert_eq!(schema.var("APP_LOG_LEVEL").unwrap().file_var(), None);
    // A list of secrets is secret as a whole, and may come from a file.
    let codes = schema.var("APP_BACKUP_CODES").unwrap();
    assert!(codes.is_secret());
    assert_eq!(codes.file_var(), Some("APP_BACKUP_CODES_FILE"));
}

#[test]
fn a_list_of_secrets_is_read_from_its_file() {
    let file = TempFile::with("CANARY-1,CANARY-2\n");
    let vars = Vars::new([
        ("APP_API_KEY", "k"),
        ("APP_PIN", "1"),
        ("APP_DB_PASSWORD", "p"),
        ("APP_DATABASE_URL", "postgres://h/db"),
        ("APP_BACKUP_CODES_FILE", file.path()),
    ]);
    let secrets = Secrets::from_source(&vars).unwrap();
    let codes = secrets.backup_codes.unwrap();
    let codes: Vec<&str> = codes.iter().map(|c| c.expose_secret()).collect();
    assert_eq!(codes, ["CANARY-1", "CANARY-2"]);
}

#[derive(Config, Debug)]
#[config(file)]
struct AllFromFiles {
    host: String,
    #[config(default = 5432)]
    port: u16,
}

#[test]
fn a_struct_can_opt_every_field_into_files() {
    let host = TempFile::with(b"db.internal\n");
    let port = TempFile::with(b"6543");
    let c =
        AllFromFiles::from_vars([("HOST_FILE", host.path()), ("PORT_FILE", port.path())]).unwrap();
    assert_eq!((c.host.as_str(), c.port), ("db.internal", 6543));
    // A rejected value read from a file says where it came from.
    let bad = TempFile::with(b"many");
    let errors = AllFromFiles::from_vars([("HOST", "h"), ("PORT_FILE", bad.path())]).unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.var(), "PORT");
    assert_eq!(
        error.note(),
        Some(format!("read from \"{}\" named by PORT_FILE", bad.path()).as_str())
    );
}

#[test]
fn no_output_of_an_env_file_shows_a_secret() {
    let key_file = TempFile::with(format!("{CANARY}-file\n").as_bytes());
    let good = format!(
        "APP_API_KEY={CANARY}-key\nAPP_PIN=123456\nAPP_DB_PASSWORD_FILE={}\n\
         APP_DATABASE_URL=postgres://app:{CANARY}-pg@db.internal/billing\n\
         APP_CACHE_URL='rediss://:{CANARY}-redis@cache/2'\n",
        key_file.path()
    );
    // Invalid secrets, and a line that does not parse holding one.
    let bad = format!(
        "APP_API_KEY={CANARY}-key\nAPP_PIN={CANARY}99\nAPP_DB_PASSWORD {CANARY}\n\
         APP_DATABASE_URL=postgres://app:{CANARY}@db.internal:99999/billing\n\
         APP_BACKUP_CODES=\"{CANARY}-unterminated\n"
    );
    for contents in [good, bad] {
        let file = TempFile::with(contents.as_bytes());
        let dotenv = twelve_config::DotEnv::read(file.path());
        let mut out = format!("{dotenv:?} {:?}\n", dotenv.problems());
        for problem in dotenv.problems() {
            out += &format!("{problem}\n");
        }
        for flags in [
            &["--print-config"][..],
            &["--check-config"],
            &["--print-config", "--format=json"],
            &["--check-config", "--format=json"],
        ] {
            let mut args = flags.to_vec();
            args.extend(["--env-file", file.path()]);
            let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
            let _ = handle_args::<Secrets>(&args, &Vars::default(), &mut stdout, &mut stderr);
            out += &String::from_utf8_lossy(&stdout);
            out += &String::from_utf8_lossy(&stderr);
        }
        assert!(out.contains("APP_API_KEY"), "{out}");
        assert!(!out.contains(CANARY), "{out}");
        assert!(!out.contains("123456"), "{out}");
    }
}
