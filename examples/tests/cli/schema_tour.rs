//! The schema tour's configuration flags: every schema format, a format
//! as the next argument, a reader that left early, `--check-config`,
//! `--print-config`, reports as JSON, and arguments left to the service.

use super::{run, SCHEMA_TOUR, TOUR_VARS};
// Only the test of a closed stdout, on unix, builds a `Run` itself.
#[cfg(unix)]
use super::Run;

#[test]
fn print_schema_prints_every_format_to_stdout_only() {
    // Set but never read: the schema comes from the program alone.
    let vars = [("SHOP_API_KEY", "sk_live_NEVER_SHOWN"), ("PORT", "x")];
    let expect = [
        ("text", "NAME                        TYPE"),
        (
            "markdown",
            "| Variable | Type | Default | Secret | Description |\n",
        ),
        ("json", "{\n  \"format_version\": 2,\n"),
        ("dotenv", "# Environment variables of this program"),
        ("kubernetes", "# The env list of a container spec"),
    ];
    for (format, start) in expect {
        let flag = format!("--print-schema={format}");
        let run = run(SCHEMA_TOUR, &[&flag], &vars);
        assert_eq!(run.status, Some(0), "{flag}: {run:?}");
        assert_eq!(run.stderr, "", "{flag}");
        assert!(run.stdout.starts_with(start), "{flag}: {}", run.stdout);
        assert!(run.stdout.contains("SHOP_S3_SECRET_ACCESS_KEY"), "{flag}");
        assert!(!run.stdout.contains("NEVER_SHOWN"), "{flag}");
    }
    let json = run(SCHEMA_TOUR, &["--print-schema=json"], &[]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(json["vars"].as_array().unwrap().len(), 15);
    let plain = run(SCHEMA_TOUR, &["--print-schema"], &[]);
    let text = run(SCHEMA_TOUR, &["--print-schema=text"], &[]);
    assert_eq!(plain.stdout, text.stdout);
    let k8s = run(
        SCHEMA_TOUR,
        &["--print-schema=kubernetes", "--secret-name=shop"],
        &[],
    );
    assert!(
        k8s.stdout.contains("        name: \"shop\"\n"),
        "{}",
        k8s.stdout
    );
}

#[test]
fn a_format_given_as_the_next_argument_is_honoured() {
    // `app --print-schema json > schema.json` must write JSON.
    let spaced = run(SCHEMA_TOUR, &["--print-schema", "json"], &[]);
    assert_eq!(spaced.status, Some(0), "{spaced:?}");
    let json: serde_json::Value = serde_json::from_str(&spaced.stdout).expect("valid JSON");
    assert_eq!(json["vars"].as_array().unwrap().len(), 15);
    let k8s = run(
        SCHEMA_TOUR,
        &["--print-schema", "kubernetes", "--secret-name", "shop"],
        &[],
    );
    assert_eq!(k8s.status, Some(0), "{k8s:?}");
    assert!(
        k8s.stdout.contains("        name: \"shop\"\n"),
        "{}",
        k8s.stdout
    );
    let unused = run(
        SCHEMA_TOUR,
        &["--print-schema=json", "--secret-name=shop"],
        &[],
    );
    assert_eq!(unused.status, Some(64), "{unused:?}");
    assert_eq!(unused.stdout, "");
}

/// Runs `bin` with its stdout a socket whose other end is already closed,
/// so that its first write fails with a broken pipe, as when the reader of
/// `app --print-schema | head` has exited.
#[cfg(unix)]
fn run_with_closed_stdout(bin: &str, args: &[&str]) -> Run {
    use std::os::fd::OwnedFd;
    use std::os::unix::net::UnixStream;
    use std::process::{Command, Stdio};
    let (ours, theirs) = UnixStream::pair().expect("a socket pair");
    drop(ours);
    let output = Command::new(bin)
        .args(args)
        .env_clear()
        .stdout(Stdio::from(OwnedFd::from(theirs)))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {bin}: {e}"));
    Run {
        status: output.status.code(),
        stdout: String::new(),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

#[cfg(unix)]
#[test]
fn a_reader_that_left_early_ends_the_output_quietly() {
    for args in [&["--print-schema"][..], &["--print-schema", "json"]] {
        let run = run_with_closed_stdout(SCHEMA_TOUR, args);
        assert_eq!(run.status, Some(0), "{args:?}: {run:?}");
        assert_eq!(run.stderr, "", "{args:?}");
    }
}

#[test]
fn an_unknown_format_exits_64_listing_the_formats() {
    let run = run(SCHEMA_TOUR, &["--print-schema=yml"], &TOUR_VARS);
    assert_eq!(run.status, Some(64), "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: unknown schema format \"yml\": expected one of: text, markdown, json, dotenv, kubernetes, json-schema\n"
    );
}

#[test]
fn check_config_succeeds_with_a_summary() {
    let run = run(SCHEMA_TOUR, &["--check-config"], &TOUR_VARS);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "configuration ok: 15 variables (2 set, 8 from defaults, 5 unset)\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn check_config_fails_with_the_report_and_starts_nothing() {
    let vars = [
        ("SHOP_PUBLIC_URL", "not a url"),
        ("SHOP_MAX_CONNS", "many"),
        ("SHOP_S3_BUCKET", "images"),
        ("SHOP_LOG_FROMAT", "json"),
    ];
    let run = run(SCHEMA_TOUR, &["--check-config"], &vars);
    assert_eq!(run.status, Some(78), "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: 4 configuration problems\n  \
         SHOP_PUBLIC_URL            invalid value \"not a url\": expected absolute URL such as https://example.com/path (relative URL without a base)\n  \
         SHOP_MAX_CONNS             invalid value \"many\": expected integer 0..=4294967295 (invalid digit found in string)\n  \
         \x20                          note: a deprecated name of SHOP_MAX_CONNECTIONS\n  \
         SHOP_API_KEY               missing: required (secret text)\n  \
         SHOP_S3_SECRET_ACCESS_KEY  missing: required (secret text)\n  \
         \x20                          note: the optional group s3 is enabled because SHOP_S3_BUCKET is set\n\
         warning: SHOP_MAX_CONNS: deprecated: rename it to SHOP_MAX_CONNECTIONS\n\
         warning: SHOP_LOG_FROMAT: unknown variable: no setting reads it (did you mean SHOP_LOG_FORMAT?)\n"
    );
}

#[test]
fn reports_as_json_are_read_by_a_json_parser() {
    let bad = [
        (
            "SHOP_PUBLIC_URL",
            "https://admin:hunter2@shop.example:99999/",
        ),
        ("SHOP_API_KEY", "sk_test_TOUR_SECRET"),
        ("SHOP_MAX_CONNS", "many"),
    ];
    let failed = run(SCHEMA_TOUR, &["--check-config", "--format", "json"], &bad);
    assert_eq!(failed.status, Some(78), "{failed:?}");
    assert_eq!(failed.stderr, "");
    let report: serde_json::Value = serde_json::from_str(&failed.stdout).expect("valid JSON");
    assert_eq!(report["version"], 1);
    assert_eq!(report["ok"], false);
    let vars: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["vars"][0].as_str().unwrap())
        .collect();
    assert_eq!(vars, ["SHOP_PUBLIC_URL", "SHOP_MAX_CONNS"]);
    assert_eq!(
        report["problems"][0]["value"],
        "\"https://admin:***@shop.example:99999/\""
    );
    let printed = run(
        SCHEMA_TOUR,
        &["--print-config", "--format=json"],
        &TOUR_VARS,
    );
    assert_eq!(printed.status, Some(0), "{printed:?}");
    let report: serde_json::Value = serde_json::from_str(&printed.stdout).expect("valid JSON");
    assert_eq!(report["ok"], true);
    assert_eq!(report["vars"].as_array().unwrap().len(), 15);
    for out in [&failed.stdout, &printed.stdout] {
        assert!(
            !out.contains("TOUR_SECRET") && !out.contains("hunter2"),
            "{out}"
        );
    }
}

#[test]
fn print_config_shows_values_and_origins_but_no_secret() {
    let dir = std::env::temp_dir();
    let key_file = dir.join(format!("twelve-config-e2e-{}-s3-key", std::process::id()));
    std::fs::write(&key_file, "s3_TOP_SECRET\n").unwrap();
    let key_path = key_file.to_str().unwrap();
    let vars = [
        ("SHOP_PUBLIC_URL", "https://admin:hunter2@shop.example/"),
        ("SHOP_API_KEY", "sk_test_TOUR_SECRET"),
        ("SHOP_POOL_SIZE", "32"),
        ("SHOP_S3_BUCKET", "images"),
        ("SHOP_S3_SECRET_ACCESS_KEY_FILE", key_path),
    ];
    let run = run(SCHEMA_TOUR, &["--print-config"], &vars);
    let _ = std::fs::remove_file(&key_file);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(
        run.stderr,
        "warning: SHOP_POOL_SIZE: deprecated: rename it to SHOP_MAX_CONNECTIONS\n"
    );
    let expected = format!(
        "SHOP_LISTEN                 0.0.0.0:8080  (default)\n\
         SHOP_PUBLIC_URL             https://admin:***@shop.example/  (environment)\n\
         SHOP_REQUEST_TIMEOUT        30s  (default)\n\
         SHOP_ALLOWED_ORIGINS        \"\"  (default)\n\
         SHOP_LOG_FORMAT             <unset>\n\
         SHOP_MAX_CONNECTIONS        32  (deprecated alias SHOP_POOL_SIZE)\n\
         SHOP_MAIL_FROM              Shop <shop@example.com>  (default)\n\
         SHOP_API_KEY                <redacted>  (environment)\n\
         SHOP_TLS_CERTIFICATE        <unset>\n\
         SHOP_IMAGE_DIR              /var/lib/shop/images  (default)\n\
         SHOP_WORKERS_THREADS        4  (default)\n\
         SHOP_WORKERS_POLL_INTERVAL  500ms  (default)\n\
         SHOP_S3_BUCKET              images  (environment)\n\
         SHOP_S3_REGION              us-east-1  (default)\n\
         SHOP_S3_SECRET_ACCESS_KEY   <redacted>  (file {key_path})\n"
    );
    assert_eq!(run.stdout, expected);
    for secret in ["TOUR_SECRET", "s3_TOP_SECRET", "hunter2"] {
        assert!(!run.stdout.contains(secret) && !run.stderr.contains(secret));
    }
}

#[test]
fn arguments_the_library_does_not_know_are_left_to_the_service() {
    let run = run(
        SCHEMA_TOUR,
        &["--verbose", "serve", "--port=1", "--", "--print-schema=yml"],
        &TOUR_VARS,
    );
    assert_eq!(run.status, Some(0), "{run:?}");
    assert!(run
        .stdout
        .starts_with("serving https://shop.example/ on 0.0.0.0:8080"));
    assert_eq!(run.stderr, "");
}
