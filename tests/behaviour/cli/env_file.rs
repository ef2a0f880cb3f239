//! `--check-config --env-file PATH`: a deployment's `.env` file checked
//! without starting the service; and `.env` files layered under the
//! environment.

use serde_json::{json, Value};
use twelve_config::{Config, DotEnv, Layered, Origin, Vars, EX_CONFIG, EX_USAGE};

use super::run;
use crate::schema::Tour;
use crate::support::TempFile;

const GOOD: &str = "\
# production
TOUR_PUBLIC_URL=https://tour.example/
export TOUR_API_KEY='sk_live_FROM_FILE'
TOUR_MAX_CONNECTIONS = 32
";

#[test]
fn check_config_reads_the_file_instead_of_the_environment() {
    let file = TempFile::with(GOOD);
    // The environment of the machine that checks is not the deployment's.
    let here = Vars::new([("PORT", "80a"), ("TOUR_TRACNG", "1")]);
    let outcome = run::<Tour>(&["--check-config", "--env-file", file.path()], &here);
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "configuration ok: 15 variables (3 set, 6 from defaults, 6 unset)\n"
    );
    assert_eq!(outcome.stderr, "");
}

#[test]
fn print_config_names_the_file_and_line_and_hides_its_secrets() {
    let file = TempFile::with(GOOD);
    let flag = format!("--env-file={}", file.path());
    let outcome = run::<Tour>(&["--print-config", &flag], &Vars::default());
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    let line = |name: &str| {
        outcome
            .stdout
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name}: {}", outcome.stdout))
            .to_owned()
    };
    assert!(
        line("TOUR_PUBLIC_URL").ends_with(&format!(
            "https://tour.example/  (env file {}, line 2)",
            file.path()
        )),
        "{}",
        outcome.stdout
    );
    assert!(line("TOUR_API_KEY").contains("<redacted>  (env file"));
    assert!(line("TOUR_MAX_CONNECTIONS").ends_with(", line 4)"));
    assert!(line("PORT").ends_with("(default)"));
    assert!(!outcome.stdout.contains("FROM_FILE"));

    let outcome = run::<Tour>(
        &["--print-config", &flag, "--format=json"],
        &Vars::default(),
    );
    let report: Value = serde_json::from_str(&outcome.stdout).unwrap();
    let url = report["vars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == json!("TOUR_PUBLIC_URL"))
        .unwrap();
    assert_eq!(
        url["origin"],
        json!({"kind": "dotenv", "text": format!("env file {}, line 2", file.path()),
               "path": file.path(), "line": 2})
    );
    assert!(!outcome.stdout.contains("FROM_FILE"));
}

#[test]
fn a_later_file_wins_over_an_earlier_one() {
    let base = TempFile::with(GOOD);
    let overlay = TempFile::with("TOUR_MAX_CONNECTIONS=64\n");
    let outcome = run::<Tour>(
        &[
            "--print-config",
            "--env-file",
            base.path(),
            "--env-file",
            overlay.path(),
        ],
        &Vars::default(),
    );
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    let connections = outcome
        .stdout
        .lines()
        .find(|l| l.starts_with("TOUR_MAX_CONNECTIONS"))
        .unwrap();
    assert!(
        connections.ends_with(&format!("64  (env file {}, line 1)", overlay.path())),
        "{connections}"
    );
}

#[test]
fn a_line_that_does_not_parse_joins_the_report_without_its_text() {
    let file = TempFile::with(
        "TOUR_PUBLIC_URL=https://tour.example/\nTOUR_API_KEY sk_live_LEAKED\nPORT=80a\n",
    );
    let outcome = run::<Tour>(
        &["--check-config", "--env-file", file.path()],
        &Vars::default(),
    );
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert_eq!(outcome.stdout, "");
    let expected = format!(
        "error: 3 configuration problems\n  \
         --env-file    cannot use file {:?}: line 2: not a KEY=value line (at character 14)\n  \
         PORT          invalid value \"80a\": expected integer 0..=65535 (invalid digit found in string)\n                \
         note: read from {}, line 3\n  \
         TOUR_API_KEY  missing: required (secret text)\n",
        file.path(),
        file.path()
    );
    assert_eq!(outcome.stderr, expected);
    assert!(!outcome.stderr.contains("LEAKED"));

    let outcome = run::<Tour>(
        &["--check-config", "--env-file", file.path(), "--format=json"],
        &Vars::default(),
    );
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    let report: Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(report["problems"][0]["kind"], json!("file"));
    assert_eq!(report["problems"][0]["path"], json!(file.path()));
    assert!(!outcome.stdout.contains("LEAKED"));
}

#[test]
fn a_missing_file_and_misused_flags_are_reported() {
    let outcome = run::<Tour>(
        &["--check-config", "--env-file", "/nonexistent/prod.env"],
        &Vars::default(),
    );
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert!(
        outcome.stderr.contains(
            "  --env-file       cannot use file \"/nonexistent/prod.env\": No such file or directory"
        ),
        "{}",
        outcome.stderr
    );
    for (args, message) in [
        (
            &["--print-schema", "--env-file=x"][..],
            "error: --env-file is used with --check-config and --print-config; --print-schema reads no variable\n",
        ),
        (&["--check-config", "--env-file"], "error: --env-file needs a value\n"),
    ] {
        let outcome = run::<Tour>(args, &Vars::default());
        assert_eq!(outcome.status(), Some(EX_USAGE), "{args:?}");
        assert_eq!(outcome.stderr, message);
    }
}

#[test]
fn the_environment_wins_over_a_layered_file() {
    let file = DotEnv::parse(
        "dev.env",
        "TOUR_PUBLIC_URL=https://dev.example/\nTOUR_API_KEY=dev\nPORT=1\n",
    );
    let real = Vars::new([("PORT", "9090")]);
    let layered = Layered::new(&real, &file);
    let loaded = Tour::load(&layered).unwrap();
    assert_eq!(loaded.config().port, 9090);
    assert_eq!(loaded.config().public_url.as_str(), "https://dev.example/");
    // The library's own origin stays "environment" until the loader asks
    // the source; --print-config shows the file (tested above).
    assert!(matches!(loaded.vars()[0].origin(), Origin::Env));
    let outcome = run::<Tour>(&["--print-config"], &layered);
    assert!(
        outcome
            .stdout
            .contains("https://dev.example/  (env file dev.env, line 1)"),
        "{}",
        outcome.stdout
    );
    assert!(outcome.stdout.contains("9090  (environment)"));
}

#[test]
fn names_in_an_env_file_are_scanned_for_mistakes_like_the_environment() {
    let file = DotEnv::parse(
        "deploy.env",
        "TOUR_PUBLIC_URL=https://tour.example/\nTOUR_API_KEY=k\nTOUR_LOG_FROMAT=json\n",
    );
    let loaded = Tour::load(&file).unwrap();
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: TOUR_LOG_FROMAT: unknown variable: no setting reads it (did you mean TOUR_LOG_FORMAT?); read from deploy.env, line 3"]
    );
    // Without the prefix, a near miss of a known name, with its place too.
    let file = DotEnv::parse(
        "deploy.env",
        "TOUR_PUBLIC_URL=https://tour.example/\nTOUR_API_KEY=k\nport=80\n",
    );
    let loaded = Tour::load(&file).unwrap();
    assert_eq!(
        loaded.warnings()[0].to_string(),
        "warning: port: not read by any setting: did you mean PORT? (names are case-sensitive); \
         read from deploy.env, line 3"
    );
}

#[test]
fn layered_files_are_scanned_once_per_name_and_report_both_files_problems() {
    let base = DotEnv::parse(
        "base.env",
        "TOUR_PUBLIC_URL=https://tour.example/\nTOUR_API_KEY=k\nTOUR_TRACNG=0\n",
    );
    let local = DotEnv::parse("local.env", "TOUR_TRACNG=1\nPORT=9000\n");
    let loaded = Tour::load(&Layered::new(&local, &base)).unwrap();
    assert_eq!(loaded.config().port, 9000);
    // Set in both files, the misspelt name is one warning, naming the
    // file whose value would be read.
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: TOUR_TRACNG: unknown variable: no setting reads it (did you mean TOUR_TRACING?); read from local.env, line 1"]
    );

    let broken_base = DotEnv::parse(
        "prod.env",
        "TOUR_PUBLIC_URL=https://tour.example/\nTOUR_API_KEY=k\nnot a line\n",
    );
    let broken_local = DotEnv::parse("local.env", "PORT=9000\nnor this\n");
    let outcome = run::<Tour>(
        &["--check-config"],
        &Layered::new(&broken_local, &broken_base),
    );
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert_eq!(
        outcome.stderr,
        "error: 2 configuration problems\n  \
         prod.env   cannot use file \"prod.env\": line 3: not a KEY=value line (at character 5)\n  \
         local.env  cannot use file \"local.env\": line 2: not a KEY=value line (at character 5)\n"
    );
}

#[test]
fn an_optional_source_is_read_when_present_and_is_nothing_when_absent() {
    let real = Vars::new([("TOUR_PUBLIC_URL", "https://tour.example/")]);
    let file = DotEnv::parse("dev.env", "TOUR_API_KEY=dev\nTOUR_TRACNG=1\nbad\n");
    let outcome = run::<Tour>(&["--print-config"], &Layered::new(&real, Some(&file)));
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert!(
        outcome.stderr.contains("line 3: not a KEY=value line"),
        "{}",
        outcome.stderr
    );
    let good = DotEnv::parse("dev.env", "TOUR_API_KEY=dev\nTOUR_TRACNG=1\n");
    let outcome = run::<Tour>(&["--print-config"], &Layered::new(&real, Some(&good)));
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    assert!(
        outcome
            .stdout
            .contains("TOUR_API_KEY          <redacted>  (env file dev.env, line 1)"),
        "{}",
        outcome.stdout
    );
    assert!(outcome.stderr.contains("TOUR_TRACNG"), "{}", outcome.stderr);

    let absent: Option<DotEnv> = None;
    let outcome = run::<Tour>(&["--check-config"], &Layered::new(&real, absent));
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert_eq!(
        outcome.stderr,
        "error: 1 configuration problem\n  \
         TOUR_API_KEY  missing: required (secret text)\n"
    );
}

#[test]
fn a_misspelled_name_in_the_file_is_warned_about() {
    let file = TempFile::with(format!("{GOOD}TOUR_MAX_CONECTIONS=8\n"));
    let outcome = run::<Tour>(
        &["--check-config", "--env-file", file.path()],
        &Vars::default(),
    );
    // A warning: the deployment would start, but the value reaches nothing.
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!(
            "warning: TOUR_MAX_CONECTIONS: unknown variable: no setting reads it \
             (did you mean TOUR_MAX_CONNECTIONS?); read from {}, line 5\n",
            file.path()
        )
    );
}

#[test]
fn with_deny_unknown_the_problem_names_the_file_and_line() {
    #[derive(Config, Debug)]
    #[config(prefix = "SVC_", deny_unknown)]
    struct Strict {
        #[config(default = 1)]
        workers: u8,
    }
    let file = DotEnv::parse("svc.env", "SVC_WORKERS=2\nSVC_WORKRES=3\n");
    let errors = Strict::from_source(&file).unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.var(), "SVC_WORKRES");
    assert_eq!(error.note(), Some("read from svc.env, line 2"));
}
