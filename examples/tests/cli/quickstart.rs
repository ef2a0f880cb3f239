//! The quick start: its report when variables are missing, its start,
//! values from the process environment, and unknown variables warned about.

use super::{run, QUICKSTART, QUICKSTART_VARS};

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
