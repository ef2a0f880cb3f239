//! End-to-end tests: the example binaries run as child processes with a
//! cleared environment, and their stdout, stderr and exit status are checked.
//!
//! `readme_output_sections_are_current` keeps the generated sections of
//! README.md in step with the real output; after an intended change of the
//! output, run
//!
//! ```sh
//! TWELVE_CONFIG_BLESS=1 cargo test -p twelve-config-examples --test cli
//! ```
//!
//! to rewrite them, and review the diff.

use std::path::PathBuf;
use std::process::Command;

const QUICKSTART: &str = env!("CARGO_BIN_EXE_quickstart");
const SCHEMA_TOUR: &str = env!("CARGO_BIN_EXE_schema_tour");

/// What a child process did.
#[derive(Debug)]
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(bin: &str, args: &[&str], vars: &[(&str, &str)]) -> Run {
    let output = Command::new(bin)
        .args(args)
        .env_clear()
        .envs(vars.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {bin}: {e}"));
    Run {
        status: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

const QUICKSTART_VARS: [(&str, &str); 2] = [
    (
        "BILLING_DATABASE_URL",
        "postgres://billing:s3cret@localhost/billing",
    ),
    ("BILLING_API_KEY", "sk_test_123"),
];

const TOUR_VARS: [(&str, &str); 2] = [
    ("SHOP_PUBLIC_URL", "https://shop.example/"),
    ("SHOP_API_KEY", "sk_test_TOUR_SECRET"),
];

#[test]
fn without_variables_the_quickstart_exits_78_with_the_report() {
    let run = run(QUICKSTART, &[], &[]);
    assert_eq!(run.status, Some(78), "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: 2 configuration problems\n  \
         BILLING_DATABASE_URL  missing: required (PostgreSQL URL such as postgres://user:pass@host:5432/db)\n  \
         BILLING_API_KEY       missing: required (secret text)\n"
    );
}

#[test]
fn with_variables_the_quickstart_starts() {
    let run = run(QUICKSTART, &[], &QUICKSTART_VARS);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout
            .contains("listening on port 8080 with 4 workers polling every 500ms"),
        "{}",
        run.stdout
    );
    // The quick start's doc comment runs it with a password in the URL:
    // neither it nor the API key shows.
    for secret in ["sk_test_123", "s3cret"] {
        assert!(!run.stdout.contains(secret), "{}", run.stdout);
    }
    assert!(run
        .stdout
        .contains("postgres://billing:***@localhost/billing"));
}

#[test]
fn values_from_the_process_environment_are_parsed_and_rejected_like_any_source() {
    // The process environment is read directly, not through `Source`: set,
    // nested and `env`-named values load, and rejected ones are reported
    // with the variable's name and the value.
    let mut vars = QUICKSTART_VARS.to_vec();
    vars.extend([
        ("PORT", "9090"),
        ("BILLING_WORKERS_THREADS", "12"),
        (
            "BILLING_ALLOWED_ORIGINS",
            "https://a.example, https://b.example",
        ),
    ]);
    let started = run(QUICKSTART, &[], &vars);
    assert_eq!(started.status, Some(0), "{started:?}");
    assert!(
        started
            .stdout
            .contains("listening on port 9090 with 12 workers"),
        "{}",
        started.stdout
    );
    assert!(
        started.stdout.contains("\"https://b.example\""),
        "{}",
        started.stdout
    );

    vars.extend([("PORT", "80a"), ("BILLING_WORKERS_THREADS", "-1")]);
    let failed = run(QUICKSTART, &[], &vars);
    assert_eq!(failed.status, Some(78), "{failed:?}");
    assert!(
        failed
            .stderr
            .starts_with("error: 2 configuration problems\n"),
        "{}",
        failed.stderr
    );
    assert!(failed.stderr.contains("PORT "), "{}", failed.stderr);
    assert!(failed.stderr.contains("\"80a\""), "{}", failed.stderr);
    assert!(
        failed.stderr.contains("BILLING_WORKERS_THREADS"),
        "{}",
        failed.stderr
    );
}

#[test]
fn unknown_variables_are_warned_about_on_stderr() {
    let mut vars = QUICKSTART_VARS.to_vec();
    vars.push(("BILLING_WORKERS_THRAEDS", "8"));
    let run = run(QUICKSTART, &["--verbose"], &vars);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(
        run.stderr,
        "warning: BILLING_WORKERS_THRAEDS: unknown variable: no setting reads it \
         (did you mean BILLING_WORKERS_THREADS?)\n"
    );
    assert!(run.stdout.contains("listening on port 8080"));
}

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
    use std::process::Stdio;
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

/// The clap pattern of `examples/with_clap.rs`, which answers the flags of
/// the `cli` feature.
#[cfg(feature = "cli")]
mod with_clap {
    use super::run;

    const WITH_CLAP: &str = env!("CARGO_BIN_EXE_with_clap");

    #[test]
    fn with_clap_help_and_version_work_whatever_the_environment_holds() {
        let broken = [("PORT", "80a")];
        let help = run(WITH_CLAP, &["--help"], &broken);
        assert_eq!(help.status, Some(0), "{help:?}");
        assert!(help.stdout.contains("--dry-run"), "{}", help.stdout);
        assert_eq!(help.stderr, "");
        let version = run(WITH_CLAP, &["--version"], &broken);
        assert_eq!(version.status, Some(0), "{version:?}");
        assert_eq!(version.stdout, "billing 1.2.3\n");
        // The configuration flags are answered before clap, which does not
        // declare them.
        let check = run(WITH_CLAP, &["--check-config"], &broken);
        assert_eq!(check.status, Some(78), "{check:?}");
        assert!(check
            .stderr
            .starts_with("error: 2 configuration problems\n"));
        let schema = run(WITH_CLAP, &["--print-schema", "json"], &broken);
        assert_eq!(schema.status, Some(0), "{schema:?}");
        let schema: serde_json::Value = serde_json::from_str(&schema.stdout).expect("valid JSON");
        assert_eq!(schema["vars"].as_array().unwrap().len(), 2);
        // Without a flag: clap parses, then the configuration loads or reports.
        let failed = run(WITH_CLAP, &["--dry-run"], &broken);
        assert_eq!(failed.status, Some(78), "{failed:?}");
        let vars = [(
            "BILLING_DATABASE_URL",
            "postgres://billing:s3cret@db/billing",
        )];
        let started = run(WITH_CLAP, &["--dry-run"], &vars);
        assert_eq!(started.status, Some(0), "{started:?}");
        assert_eq!(
            started.stdout,
            "listening on port 8080, database postgres://billing:***@db/billing, dry run: true\n"
        );
        let unknown = run(WITH_CLAP, &["--bogus"], &vars);
        assert_eq!(unknown.status, Some(2), "{unknown:?}");
    }

    #[test]
    fn with_clap_a_flag_overrides_its_variable_in_one_report() {
        let vars = [
            (
                "BILLING_DATABASE_URL",
                "postgres://billing:s3cret@db/billing",
            ),
            ("PORT", "9000"),
        ];
        let started = run(WITH_CLAP, &["--port", "7000"], &vars);
        assert_eq!(started.status, Some(0), "{started:?}");
        assert!(
            started.stdout.starts_with("listening on port 7000,"),
            "{started:?}"
        );
        let printed = run(WITH_CLAP, &["--port", "7000", "--print-config"], &vars);
        assert_eq!(printed.status, Some(0), "{printed:?}");
        let port = printed
            .stdout
            .lines()
            .find(|l| l.starts_with("PORT "))
            .unwrap_or_default();
        assert!(
            port.contains("7000") && port.contains("command line --port"),
            "{printed:?}"
        );
        // The flag's problem and the environment's in one report.
        let broken = run(WITH_CLAP, &["--port", "80a"], &[]);
        assert_eq!(broken.status, Some(78), "{broken:?}");
        assert!(
            broken
                .stderr
                .starts_with("error: 2 configuration problems\n"),
            "{broken:?}"
        );
        assert!(broken.stderr.contains("BILLING_DATABASE_URL"), "{broken:?}");
        assert!(
            broken.stderr.contains("invalid value \"80a\""),
            "{broken:?}"
        );
        assert!(
            broken
                .stderr
                .contains("note: given by --port on the command line"),
            "{broken:?}"
        );
        let checked = run(WITH_CLAP, &["--check-config", "--port", "80a"], &vars);
        assert_eq!(checked.status, Some(78), "{checked:?}");
    }
}

/// The environment of the README's failing `--check-config` example.
const README_CHECK_VARS: [(&str, &str); 3] = [
    ("PORT", "80a"),
    ("BILLING_LOG_FORMAT", "jsno"),
    ("BILLING_WORKERS_THRAEDS", "8"),
];

/// The environment of the README's failing quick start.
const README_REPORT_VARS: [(&str, &str); 2] = [("PORT", "80a"), ("BILLING_LOG_FORMAT", "jsno")];

/// A shell command line: the assignments, then the command.
fn command_line(vars: &[(&str, &str)], command: &str) -> String {
    let mut words: Vec<String> = vars
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    words.push(command.to_owned());
    words.join(" ")
}

/// The README sections, regenerated from the quick start's source and real
/// output.
fn readme_sections() -> [(&'static str, String); 5] {
    // The example's source from `use` on: its `//!` header says how to run
    // it, which the README says in its own words.
    let source = include_str!("../quickstart.rs");
    let code = &source[source.find("\nuse ").expect("a use line") + 1..];
    let quickstart_code = format!("```rust,no_run\n{code}```\n");

    let report = run(QUICKSTART, &[], &README_REPORT_VARS);
    assert_eq!(report.status, Some(78), "{report:?}");
    assert_eq!(report.stdout, "");
    let quickstart_report = format!(
        "```console\n$ {}\n{}$ echo $?\n78\n```\n",
        command_line(&README_REPORT_VARS, "quickstart"),
        report.stderr
    );

    let started = run(QUICKSTART, &[], &QUICKSTART_VARS);
    assert_eq!(started.status, Some(0), "{started:?}");
    let printed = run(QUICKSTART, &["--print-config"], &QUICKSTART_VARS);
    assert_eq!(printed.status, Some(0), "{printed:?}");
    let log_line = started.stdout.lines().last().expect("a log line");
    let quickstart_print_config = format!(
        "```console\n$ {}\n{}\n$ {}\n{}```\n",
        command_line(&QUICKSTART_VARS, "quickstart | tail -1"),
        log_line,
        command_line(&QUICKSTART_VARS, "quickstart --print-config"),
        printed.stdout
    );

    let schema = run(QUICKSTART, &["--print-schema=markdown"], &[]);
    assert_eq!(schema.status, Some(0), "{schema:?}");
    let print_schema = format!(
        "`quickstart --print-schema=markdown` prints:\n\n{}",
        schema.stdout
    );

    let check = run(QUICKSTART, &["--check-config"], &README_CHECK_VARS);
    assert_eq!(check.status, Some(78), "{check:?}");
    assert_eq!(check.stdout, "");
    let assignments: Vec<String> = README_CHECK_VARS
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    let check_config = format!(
        "```console\n$ {} quickstart --check-config\n{}$ echo $?\n{}\n```\n",
        assignments.join(" "),
        check.stderr,
        check.status.unwrap()
    );
    [
        ("quickstart-code", quickstart_code),
        ("quickstart-report", quickstart_report),
        ("quickstart-print-config", quickstart_print_config),
        ("print-schema", print_schema),
        ("check-config", check_config),
    ]
}

/// Replaces the text between `<!-- generated:NAME:start -->` and
/// `<!-- generated:NAME:end -->` with `body`, or says what is missing.
fn with_section(readme: &str, name: &str, body: &str) -> Result<String, String> {
    let start = format!("<!-- generated:{name}:start -->\n");
    let end = format!("<!-- generated:{name}:end -->");
    let from = readme
        .find(&start)
        .ok_or_else(|| format!("README.md has no line {}", start.trim_end()))?
        + start.len();
    let to = readme[from..]
        .find(&end)
        .ok_or_else(|| format!("README.md has no line {end} after the start marker"))?
        + from;
    Ok(format!("{}{body}{}", &readme[..from], &readme[to..]))
}

#[test]
fn readme_output_sections_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md at the workspace root");
    let mut updated = readme.clone();
    for (name, body) in readme_sections() {
        updated = with_section(&updated, name, &body).unwrap_or_else(|e| panic!("{e}"));
    }
    if updated == readme {
        return;
    }
    if std::env::var_os("TWELVE_CONFIG_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, updated).expect("README.md is writable");
        return;
    }
    panic!(
        "the generated sections of README.md differ from the real output; \
         run `TWELVE_CONFIG_BLESS=1 cargo test -p twelve-config-examples --test cli` \
         to rewrite them and review the diff\n--- README.md now\n{readme}\n--- expected\n{updated}"
    );
}

#[test]
fn readme_sections_are_replaced_between_their_markers_only() {
    let readme = "a\n<!-- generated:x:start -->\nold\n<!-- generated:x:end -->\nb\n";
    assert_eq!(
        with_section(readme, "x", "new\n").unwrap(),
        "a\n<!-- generated:x:start -->\nnew\n<!-- generated:x:end -->\nb\n"
    );
    assert!(with_section(readme, "y", "new\n").is_err());
    let unterminated = "<!-- generated:x:start -->\nold\n";
    assert!(with_section(unterminated, "x", "new\n").is_err());
}
