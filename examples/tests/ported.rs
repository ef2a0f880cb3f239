//! The ported services of `examples/ported/` as their operators meet them:
//! each binary runs with `--check-config` in a cleared environment that
//! mixes invalid values, a `_FILE` problem inside an optional group, a
//! broken rule and a name written in the wrong case, and every one of those
//! problems must be in the one report it prints.

use std::process::Command;

const LLDAP: &str = env!("CARGO_BIN_EXE_lldap");
const MICROBIN: &str = env!("CARGO_BIN_EXE_microbin");
const MEILISEARCH: &str = env!("CARGO_BIN_EXE_meilisearch");
const SCCACHE: &str = env!("CARGO_BIN_EXE_sccache");

/// Runs `bin --check-config` with exactly `vars`; returns its exit status
/// and its stderr, after checking that it printed nothing on stdout.
fn check_config(bin: &str, vars: &[(&str, &str)]) -> (Option<i32>, String) {
    let output = Command::new(bin)
        .arg("--check-config")
        .env_clear()
        .envs(vars.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {bin}: {e}"));
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "",
        "a failed check prints its report on stderr only"
    );
    (output.status.code(), stderr)
}

/// The report's lines about `var`: those whose name column (or warning) is
/// exactly it.
fn lines_about<'a>(report: &'a str, var: &str) -> Vec<&'a str> {
    report
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            let line = line.strip_prefix("warning: ").unwrap_or(line);
            line.split([' ', ':', ',']).next() == Some(var)
        })
        .collect()
}

/// Asserts that the report is one report (one `error:` header, exit 78)
/// naming every variable of `errors`, with a warning about `wrong_case`
/// that names `right`, and that none of `secrets` appears.
fn assert_one_report(
    status: Option<i32>,
    report: &str,
    errors: &[&str],
    (wrong_case, right): (&str, &str),
    secrets: &[&str],
) {
    assert_eq!(status, Some(78), "{report}");
    assert_eq!(report.matches("error: ").count(), 1, "{report}");
    assert!(report.starts_with("error: "), "{report}");
    for var in errors {
        assert!(
            !lines_about(report, var).is_empty(),
            "{var} is not in the report:\n{report}"
        );
    }
    let warning = lines_about(report, wrong_case);
    assert_eq!(warning.len(), 1, "{report}");
    assert!(warning[0].starts_with("warning: "), "{report}");
    assert!(warning[0].contains(right), "{report}");
    for secret in secrets {
        assert!(!report.contains(secret), "{secret} shown in:\n{report}");
    }
}

#[test]
fn meilisearch_reports_every_kind_of_problem_in_one_report() {
    let (status, report) = check_config(
        MEILISEARCH,
        &[
            // Invalid values.
            ("MEILI_HTTP_PAYLOAD_SIZE_LIMIT", "100 parsecs"),
            ("MEILI_LOG_LEVEL", "LOUD"),
            // The S3 group is enabled and its secret's file is missing.
            ("MEILI_S3_BUCKET_URL", "https://s3.eu-west-3.amazonaws.com"),
            ("MEILI_S3_BUCKET_REGION", "eu-west-3"),
            ("MEILI_S3_BUCKET_NAME", "search-snapshots"),
            ("MEILI_S3_SNAPSHOT_PREFIX", "prod"),
            ("MEILI_S3_ACCESS_KEY", "AKIAEXAMPLEKEYID"),
            ("MEILI_S3_SECRET_KEY_FILE", "/nonexistent/meili-s3-secret"),
            // A dump and a snapshot cannot both be imported.
            ("MEILI_IMPORT_DUMP", "a.dump"),
            ("MEILI_IMPORT_SNAPSHOT", "a.snapshot"),
            // Production without a master key.
            ("MEILI_ENV", "production"),
            // Lowercase: Meilisearch would not read it either.
            ("meili_http_addr", "0.0.0.0:7700"),
        ],
    );
    assert_one_report(
        status,
        &report,
        &[
            "MEILI_HTTP_PAYLOAD_SIZE_LIMIT",
            "MEILI_LOG_LEVEL",
            "MEILI_S3_SECRET_KEY_FILE",
            "MEILI_MASTER_KEY",
        ],
        ("meili_http_addr", "MEILI_HTTP_ADDR"),
        &["AKIAEXAMPLEKEYID"],
    );
    assert!(
        report.contains("MEILI_IMPORT_DUMP") && report.contains("MEILI_IMPORT_SNAPSHOT"),
        "{report}"
    );
}

#[test]
fn lldap_reports_every_kind_of_problem_in_one_report() {
    let (status, report) = check_config(
        LLDAP,
        &[
            // Invalid values.
            ("LLDAP_LDAP_PORT", "389o"),
            ("LLDAP_DATABASE_URL", "postgres://u:hunter2@db:99999/x"),
            // The SMTP group is enabled and its password's file is missing.
            ("LLDAP_SMTP_OPTIONS__SERVER", "smtp.example.com"),
            (
                "LLDAP_SMTP_OPTIONS__PASSWORD_FILE",
                "/nonexistent/smtp-password",
            ),
            // The admin password is too short: a rule over one loaded value.
            ("LLDAP_LDAP_USER_PASS", "pass123"),
            ("lldap_http_port", "17170"),
        ],
    );
    assert_one_report(
        status,
        &report,
        &[
            "LLDAP_LDAP_PORT",
            "LLDAP_DATABASE_URL",
            "LLDAP_SMTP_OPTIONS__PASSWORD_FILE",
            "LLDAP_LDAP_USER_PASS",
        ],
        ("lldap_http_port", "LLDAP_HTTP_PORT"),
        &["hunter2", "pass123"],
    );
}

#[test]
fn microbin_reports_every_kind_of_problem_in_one_report() {
    let (status, report) = check_config(
        MICROBIN,
        &[
            // Invalid values.
            ("MICROBIN_PORT", "80800"),
            ("MICROBIN_DEFAULT_EXPIRY", "1hours"),
            // Basic authentication is enabled and its password's file is
            // missing.
            ("MICROBIN_BASIC_AUTH_USERNAME", "site-user"),
            (
                "MICROBIN_BASIC_AUTH_PASSWORD_FILE",
                "/nonexistent/basic-password",
            ),
            // An uploader password is only asked for on a read-only site.
            ("MICROBIN_UPLOADER_PASSWORD", "uploader-secret"),
            ("microbin_port", "8080"),
        ],
    );
    assert_one_report(
        status,
        &report,
        &[
            "MICROBIN_PORT",
            "MICROBIN_DEFAULT_EXPIRY",
            "MICROBIN_BASIC_AUTH_PASSWORD_FILE",
            "MICROBIN_UPLOADER_PASSWORD",
        ],
        ("microbin_port", "MICROBIN_PORT"),
        &["site-user", "uploader-secret"],
    );
}

#[test]
fn sccache_reports_every_kind_of_problem_in_one_report() {
    let (status, report) = check_config(
        SCCACHE,
        &[
            // Invalid values, in three backends: sccache's switches take no
            // `yes`, and its expirations are whole seconds.
            ("SCCACHE_BUCKET", "ci-cache"),
            ("SCCACHE_S3_USE_SSL", "maybe"),
            ("SCCACHE_MEMCACHED_ENDPOINT", "tcp://memcached:11211"),
            ("SCCACHE_MEMCACHED_EXPIRATION", "1d"),
            ("SCCACHE_GHA_ENABLED", "yes"),
            // GCS credentials turn its group on; the bucket is missing.
            ("SCCACHE_GCS_KEY_PATH", "/etc/gcs/key.json"),
            // Anonymous OSS access beside an access key.
            ("SCCACHE_OSS_BUCKET", "oss-cache"),
            ("SCCACHE_OSS_NO_CREDENTIALS", "true"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "alibaba-secret-value"),
            // Without an endpoint, sccache ignores the Redis database and
            // the WebDAV password: warnings, not problems.
            ("SCCACHE_REDIS_DB", "2"),
            ("SCCACHE_WEBDAV_PASSWORD", "webdav-secret-value"),
            // Lowercase: sccache would not read it either.
            ("sccache_dir", "/var/cache/sccache"),
        ],
    );
    assert_one_report(
        status,
        &report,
        &[
            "SCCACHE_S3_USE_SSL",
            "SCCACHE_MEMCACHED_EXPIRATION",
            "SCCACHE_GHA_ENABLED",
            "SCCACHE_GCS_BUCKET",
            "SCCACHE_OSS_BUCKET",
        ],
        ("sccache_dir", "SCCACHE_DIR"),
        &["alibaba-secret-value", "webdav-secret-value"],
    );
    // The rule names the credential that breaks it.
    let rule = lines_about(&report, "SCCACHE_OSS_BUCKET");
    assert!(
        rule[0].contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
        "{report}"
    );
    for ignored in ["SCCACHE_REDIS_DB", "SCCACHE_WEBDAV_PASSWORD"] {
        let lines = lines_about(&report, ignored);
        assert_eq!(lines.len(), 1, "{report}");
        assert!(
            lines[0].starts_with("warning: ") && lines[0].contains("not used"),
            "{report}"
        );
    }
}

#[test]
fn sccache_loads_a_multi_level_cache_over_three_backends() {
    let output = Command::new(SCCACHE)
        .env_clear()
        .envs([
            ("SCCACHE_MULTILEVEL_CHAIN", "disk,redis,s3"),
            ("SCCACHE_MULTILEVEL_WRITE_ERROR_POLICY", "ignore"),
            ("SCCACHE_DIR", "/var/cache/sccache"),
            ("SCCACHE_CACHE_SIZE", "2G"),
            ("SCCACHE_REDIS_ENDPOINT", "redis://cache:6379"),
            ("SCCACHE_REDIS_PASSWORD", "redis-secret-value"),
            ("SCCACHE_REDIS_EXPIRATION", "86400"),
            ("SCCACHE_BUCKET", "ci-cache"),
            ("SCCACHE_REGION", "auto"),
            (
                "SCCACHE_ENDPOINT",
                "https://account.r2.cloudflarestorage.com",
            ),
            ("SCCACHE_S3_KEY_PREFIX", "sccache/"),
            ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEYID"),
            ("AWS_SECRET_ACCESS_KEY", "aws-secret-value"),
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {SCCACHE}: {e}"));
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    // Every level is configured and the chain says which is used: nothing
    // to warn about.
    assert_eq!(stderr, "");
    for value in ["2147483648", "redis://cache:6379", "Ignore", "\"sccache\""] {
        assert!(stdout.contains(value), "{value} not in:\n{stdout}");
    }
    for secret in ["redis-secret-value", "aws-secret-value"] {
        assert!(!stdout.contains(secret), "{secret} shown in:\n{stdout}");
    }
}
