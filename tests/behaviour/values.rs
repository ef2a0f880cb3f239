//! Values as a loaded configuration holds them: read from `_FILE` byte for
//! byte, lists of paths, and where each value came from.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::PathBuf;

use crate::support::TempFile;
use twelve_config::{Config, ExposeSecret, Origin, SecretBox, SecretString, Vars};

#[derive(Config, Debug)]
#[config(prefix = "APP_", file)]
struct Files {
    /// Any bytes: the file's contents are kept whole, not decoded.
    raw: OsString,
    cert_path: PathBuf,
    #[config(separator = ":")]
    search_path: Vec<PathBuf>,
    #[config(default = 0)]
    retries: u8,
}

#[test]
fn a_file_value_keeps_every_byte_it_holds() {
    // Not UTF-8, and a newline inside that is kept: only one trailing
    // newline is removed.
    let raw = TempFile::with(b"\xffkey\nrest\xfe\n");
    let cert = TempFile::with(b"/etc/tls/cert.pem\r\n");
    let files = Files::from_vars([
        ("APP_RAW_FILE", raw.path()),
        ("APP_CERT_PATH_FILE", cert.path()),
        ("APP_SEARCH_PATH", "/usr/lib : /opt/lib"),
    ])
    .unwrap();
    assert_eq!(files.raw, OsString::from_vec(b"\xffkey\nrest\xfe".to_vec()));
    assert_eq!(files.cert_path, PathBuf::from("/etc/tls/cert.pem"));
    assert_eq!(
        files.search_path,
        [PathBuf::from("/usr/lib"), PathBuf::from("/opt/lib")]
    );
}

#[test]
fn a_list_of_paths_read_from_a_file_keeps_each_path() {
    let list = TempFile::with(b"/a b/c:relative/d\n");
    let files = Files::from_vars([
        ("APP_RAW", "x"),
        ("APP_CERT_PATH", "/c"),
        ("APP_SEARCH_PATH_FILE", list.path()),
    ])
    .unwrap();
    assert_eq!(
        files.search_path,
        [PathBuf::from("/a b/c"), PathBuf::from("relative/d")]
    );
}

#[test]
fn a_larger_file_is_read_whole() {
    // Several reads' worth: every chunk arrives, in order.
    let contents: Vec<u8> = (0..20_000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let file = TempFile::with(&contents);
    let files = Files::from_vars([
        ("APP_RAW_FILE", file.path()),
        ("APP_CERT_PATH", "/c"),
        ("APP_SEARCH_PATH", "/s"),
    ])
    .unwrap();
    assert_eq!(files.raw, OsString::from_vec(contents));
}

#[derive(Config, Debug)]
#[config(prefix = "SVC_")]
struct Service {
    #[config(nested)]
    db: Database,
    #[config(default = 4)]
    workers: u16,
}

#[derive(Config, Debug)]
struct Database {
    host: String,
    password: SecretString,
    pin: Option<SecretBox<u32>>,
}

#[test]
fn each_resolved_variable_names_its_field_path_and_origin() {
    let password = TempFile::with(b"hunter2\n");
    let loaded = Service::load(&Vars::new([
        ("SVC_DB_HOST", "db.internal"),
        ("SVC_DB_PASSWORD_FILE", password.path()),
    ]))
    .unwrap();
    assert_eq!(loaded.config().db.password.expose_secret(), "hunter2");
    let seen: Vec<(&str, &str, &Origin, Option<&str>, bool)> = loaded
        .vars()
        .iter()
        .map(|v| {
            (
                v.name(),
                v.field(),
                v.origin(),
                v.shown_value(),
                v.is_secret(),
            )
        })
        .collect();
    let file = Origin::File(password.0.clone());
    assert_eq!(
        seen,
        [
            (
                "SVC_DB_HOST",
                "db.host",
                &Origin::Env,
                Some("db.internal"),
                false
            ),
            ("SVC_DB_PASSWORD", "db.password", &file, None, true),
            ("SVC_DB_PIN", "db.pin", &Origin::Unset, None, true),
            ("SVC_WORKERS", "workers", &Origin::Default, Some("4"), false),
        ]
    );
}

#[derive(Config, Debug)]
#[config(prefix = "RAW_")]
struct Raw {
    data_dir: PathBuf,
    token: OsString,
    secret: SecretBox<String>,
}

#[test]
fn a_value_that_is_not_utf8_is_shown_with_its_unreadable_bytes_replaced() {
    let vars = Vars::new([
        (
            "RAW_DATA_DIR",
            OsString::from_vec(b"/srv/d\xffata".to_vec()),
        ),
        ("RAW_TOKEN", OsString::from_vec(b"a\xfeb".to_vec())),
        ("RAW_SECRET", OsString::from("s3cret")),
    ]);
    let loaded = Raw::load(&vars).unwrap();
    assert_eq!(
        loaded.config().data_dir,
        PathBuf::from(OsString::from_vec(b"/srv/d\xffata".to_vec()))
    );
    let shown: Vec<Option<&str>> = loaded.vars().iter().map(|v| v.shown_value()).collect();
    // What it holds is not hidden, only the bytes no text can show; a secret
    // stays hidden.
    assert_eq!(shown, [Some("/srv/d\u{fffd}ata"), Some("a\u{fffd}b"), None]);
}

#[test]
fn a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_not() {
    // The limit is 1 MiB (1048576 bytes), inclusive.
    let at_limit = TempFile::with(vec![b'k'; 1 << 20]);
    let files = Files::from_vars([
        ("APP_RAW_FILE", at_limit.path()),
        ("APP_CERT_PATH", "/c"),
        ("APP_SEARCH_PATH", "/s"),
    ])
    .unwrap();
    assert_eq!(files.raw.len(), 1 << 20);
    let over = TempFile::with(vec![b'k'; (1 << 20) + 1]);
    let errors = Files::from_vars([
        ("APP_RAW_FILE", over.path()),
        ("APP_CERT_PATH", "/c"),
        ("APP_SEARCH_PATH", "/s"),
    ])
    .unwrap_err();
    assert!(
        errors.to_string().contains("larger than 1048576 bytes"),
        "{errors}"
    );
}
