//! The answers to `--check-config` and `--print-config`, no secret in any
//! output, and a standard output that cannot be written.

use std::io::Write;

use twelve_config::{handle_args, Action, Config, SchemaFormat, Vars, EX_CONFIG};

use super::{run, vars};
use crate::schema::Tour;
use crate::support::TempFile;

#[test]
fn check_config_prints_a_summary_on_success() {
    let source = vars(&[("TOUR_TRACNG", "on")]);
    let outcome = run::<Tour>(&["--check-config"], &source);
    assert_eq!(outcome.status(), Some(0));
    assert_eq!(
        outcome.stdout,
        "configuration ok: 15 variables (2 set, 7 from defaults, 6 unset)\n"
    );
    assert_eq!(
        outcome.stderr,
        "warning: TOUR_TRACNG: unknown variable: no setting reads it (did you mean TOUR_TRACING?)\n"
    );
    let source = vars(&[("TOUR_S3_BUCKET", "b"), ("TOUR_S3_SECRET_KEY", "k")]);
    let outcome = run::<Tour>(&["--check-config"], &source);
    assert_eq!(
        outcome.stdout,
        "configuration ok: 15 variables (4 set, 8 from defaults, 3 unset)\n"
    );
}

#[test]
fn check_config_prints_the_report_on_failure() {
    let source = Vars::new([
        ("TOUR_S3_BUCKET", "b"),
        ("TOUR_PUBLIC_URL", "https://x.example"),
    ]);
    let outcome = run::<Tour>(&["--check-config"], &source);
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert_eq!(outcome.stdout, "");
    assert_eq!(
        outcome.stderr,
        "error: 2 configuration problems\n  \
         TOUR_API_KEY        missing: required (secret text)\n  \
         TOUR_S3_SECRET_KEY  missing: required (secret text)\n                      \
         note: the optional group s3 is enabled because TOUR_S3_BUCKET is set\n"
    );
}

#[test]
fn print_config_shows_each_value_and_its_origin() {
    let key = TempFile::with("sk_from_file\n");
    let ca = TempFile::with("-----BEGIN CERTIFICATE-----\n");
    let source = Vars::new([
        ("TOUR_PUBLIC_URL", "https://user:hunter2@tour.example/"),
        ("TOUR_API_KEY_FILE", key.path()),
        ("TOUR_CA_BUNDLE_FILE", ca.path()),
        ("TOUR_POOL", "5"),
        ("TOUR_LOG_FORMAT", "JSON"),
        ("TOUR_ALLOWED_ORIGINS", "a, b"),
    ]);
    let outcome = run::<Tour>(&["--print-config"], &source);
    assert_eq!(outcome.status(), Some(0));
    let expected = format!(
        "PORT                  8080  (default)\n\
         TOUR_PUBLIC_URL       https://user:***@tour.example/  (environment)\n\
         TOUR_REQUEST_TIMEOUT  30s  (default)\n\
         TOUR_ALLOWED_ORIGINS  a, b  (environment)\n\
         TOUR_LOG_FORMAT       JSON  (environment)\n\
         TOUR_TRACING          off  (default)\n\
         TOUR_MAIL_FROM        Tour <tour@example.com> # main  (default)\n\
         TOUR_MAX_CONNECTIONS  5  (deprecated alias TOUR_POOL)\n\
         TOUR_API_KEY          <redacted>  (file {})\n\
         TOUR_TOKEN_PIN        <unset>\n\
         TOUR_CA_BUNDLE        -----BEGIN CERTIFICATE-----  (file {})\n\
         TOUR_WORKERS_THREADS  4  (default)\n\
         TOUR_S3_BUCKET        <unset>  (optional group s3 off)\n\
         TOUR_S3_REGION        <unset>  (optional group s3 off)\n\
         TOUR_S3_SECRET_KEY    <unset>  (optional group s3 off)\n",
        key.path(),
        ca.path()
    );
    assert_eq!(outcome.stdout, expected);
    assert_eq!(
        outcome.stderr,
        "warning: TOUR_POOL: deprecated: rename it to TOUR_MAX_CONNECTIONS\n"
    );
}

#[test]
fn print_config_quotes_values_that_would_mislead() {
    #[derive(Config)]
    struct Odd {
        #[config(allow_empty)]
        empty: String,
        spaced: String,
        control: String,
        bracket: String,
    }
    let source = Vars::new([
        ("EMPTY", ""),
        ("SPACED", " x "),
        ("CONTROL", "a\nFORGED  y  (default)"),
        ("BRACKET", "<redacted>"),
    ]);
    let outcome = run::<Odd>(&["--print-config"], &source);
    assert_eq!(
        outcome.stdout,
        "EMPTY    \"\"  (environment)\n\
         SPACED   \" x \"  (environment)\n\
         CONTROL  \"a\\nFORGED  y  (default)\"  (environment)\n\
         BRACKET  \"<redacted>\"  (environment)\n"
    );
}

#[test]
fn print_config_prints_the_report_on_failure() {
    let outcome = run::<Tour>(&["--print-config"], &Vars::default());
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert_eq!(outcome.stdout, "");
    assert!(outcome
        .stderr
        .starts_with("error: 2 configuration problems\n"));
}

#[test]
fn no_output_ever_contains_a_secret() {
    const SECRETS: [&str; 3] = ["sk_live_TOPSECRET", "424242", "s3_TOPSECRET"];
    let good = Vars::new([
        ("TOUR_PUBLIC_URL", "https://tour.example/"),
        ("TOUR_API_KEY", SECRETS[0]),
        ("TOUR_TOKEN_PIN", SECRETS[1]),
        ("TOUR_S3_BUCKET", "images"),
        ("TOUR_S3_SECRET_KEY", SECRETS[2]),
    ]);
    // A secret that does not parse, next to others that do.
    let bad = Vars::new([
        ("TOUR_API_KEY", SECRETS[0]),
        ("TOUR_TOKEN_PIN", "424242424242"),
        ("TOUR_S3_SECRET_KEY", SECRETS[2]),
    ]);
    let mut args: Vec<String> = SchemaFormat::ALL
        .iter()
        .map(|f| format!("--print-schema={f}"))
        .collect();
    args.extend(["--check-config", "--print-config", "--run"].map(String::from));
    for source in [&good, &bad] {
        for arg in &args {
            let outcome = run::<Tour>(&[arg], source);
            for secret in SECRETS.iter().chain(&["424242424242"]) {
                assert!(
                    !outcome.stdout.contains(secret),
                    "{arg}: {}",
                    outcome.stdout
                );
                assert!(
                    !outcome.stderr.contains(secret),
                    "{arg}: {}",
                    outcome.stderr
                );
            }
        }
    }
    let outcome = run::<Tour>(&["--check-config"], &bad);
    assert!(
        outcome
            .stderr
            .contains("TOUR_TOKEN_PIN   invalid value <redacted>: expected secret integer"),
        "{}",
        outcome.stderr
    );
    let outcome = run::<Tour>(&["--print-config"], &good);
    assert_eq!(
        outcome.stdout.matches("<redacted>").count(),
        3,
        "{}",
        outcome.stdout
    );
}

/// Standard output that fails, with `BrokenPipe` as in
/// `app --print-schema | true`, or a full disk.
struct Closed(std::io::ErrorKind);

impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(self.0, "cannot write"))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let mut stderr = Vec::new();
    let action = handle_args::<Tour>(
        ["--print-schema"],
        &Vars::default(),
        &mut Closed(std::io::ErrorKind::BrokenPipe),
        &mut stderr,
    );
    assert!(matches!(action, Action::Exit(0)));
    assert_eq!(String::from_utf8(stderr).unwrap(), "");
}

#[test]
fn another_write_error_is_reported_with_status_74() {
    let mut stderr = Vec::new();
    let action = handle_args::<Tour>(
        ["--print-schema"],
        &Vars::default(),
        &mut Closed(std::io::ErrorKind::StorageFull),
        &mut stderr,
    );
    assert!(matches!(action, Action::Exit(74)));
    assert_eq!(
        String::from_utf8(stderr).unwrap(),
        "error: cannot write to stdout: cannot write\n"
    );
}
