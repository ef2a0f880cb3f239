//! The clap pattern of `examples/with_clap.rs`, which answers the flags of
//! the `cli` feature.

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
