//! The configuration flags, answered in process by `handle_args` and
//! `answer` with explicit variables and captured output.

// The configurations here exist to be described and loaded; tests read
// only some of their fields.
#![allow(dead_code)]

use std::borrow::Cow;
use std::cell::Cell;
use std::ffi::{OsStr, OsString};
use std::io::Write;

use crate::support::TempFile;

use twelve_config::{
    answer, handle_args, Action, Config, ExposeSecret, ReportFormat, Request, SchemaFormat, Source,
    Vars, EX_CONFIG, EX_USAGE,
};

use crate::schema::Tour;

mod env_file;
mod json;
mod own_parser;

/// What one call of `handle_args` did.
pub(crate) struct Outcome<T> {
    pub(crate) action: Action<T>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl<T> Outcome<T> {
    pub(crate) fn status(&self) -> Option<i32> {
        match self.action {
            Action::Exit(code) => Some(code),
            Action::Run(_) => None,
            _ => unreachable!("no other action"),
        }
    }

    fn config(self) -> T {
        match self.action {
            Action::Run(config) => config,
            _ => panic!("expected a configuration, stderr: {}", self.stderr),
        }
    }
}

pub(crate) fn run<T: Config>(args: &[&str], source: &dyn Source) -> Outcome<T> {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let action = handle_args::<T>(args, source, &mut stdout, &mut stderr);
    Outcome {
        action,
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

const REQUIRED: [(&str, &str); 2] = [
    ("TOUR_PUBLIC_URL", "https://tour.example/"),
    ("TOUR_API_KEY", "sk_live_1234"),
];

pub(crate) fn vars(extra: &[(&str, &str)]) -> Vars {
    Vars::new(REQUIRED.iter().chain(extra).copied())
}

/// A source that counts every look-up.
#[derive(Default)]
struct Counting {
    gets: Cell<usize>,
    lists: Cell<usize>,
}

impl Source for Counting {
    fn get(&self, _name: &str) -> Option<Cow<'_, OsStr>> {
        self.gets.set(self.gets.get() + 1);
        None
    }

    fn for_each_name(&self, _visit: &mut dyn FnMut(&OsStr)) {
        self.lists.set(self.lists.get() + 1);
    }
}

#[test]
fn without_flags_it_loads_and_warns_on_stderr() {
    let source = vars(&[("TOUR_MAX_CONNS", "5"), ("TOUR_TRACNG", "on")]);
    let outcome = run::<Tour>(&["--verbose", "serve"], &source);
    assert_eq!(outcome.stdout, "");
    assert_eq!(
        outcome.stderr,
        "warning: TOUR_MAX_CONNS: deprecated: rename it to TOUR_MAX_CONNECTIONS\n\
         warning: TOUR_TRACNG: unknown variable: no setting reads it (did you mean TOUR_TRACING?)\n"
    );
    let config = outcome.config();
    assert_eq!(config.max_connections, 5);
    assert_eq!(config.api_key.expose_secret(), "sk_live_1234");
    assert!(config.s3.is_none());
}

#[test]
fn a_failed_load_exits_78_with_the_report_and_the_unknown_variables() {
    let source = Vars::new([("TOUR_PUBLIC_ULR", "https://x.example"), ("PORT", "80a")]);
    let outcome = run::<Tour>(&[], &source);
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert_eq!(outcome.stdout, "");
    assert_eq!(
        outcome.stderr,
        "error: 3 configuration problems\n  \
         PORT             invalid value \"80a\": expected integer 0..=65535 (invalid digit found in string)\n  \
         TOUR_PUBLIC_URL  missing: required (absolute URL such as https://example.com/path)\n  \
         TOUR_API_KEY     missing: required (secret text)\n\
         warning: TOUR_PUBLIC_ULR: unknown variable: no setting reads it (did you mean TOUR_PUBLIC_URL?)\n"
    );
}

/// Without the `cli` feature, `load_or_exit` loads with `load_or_report`
/// (it is always compiled, so it is tested whatever the features).
fn report<T: Config>(source: &dyn Source) -> (Option<T>, String) {
    twelve_config::__private::load_or_report::<T>(source)
}

#[test]
fn without_the_cli_feature_a_load_warns_only_about_deprecated_names() {
    let source = vars(&[("TOUR_MAX_CONNS", "5"), ("TOUR_TRACNG", "on")]);
    let (config, stderr) = report::<Tour>(&source);
    assert_eq!(
        stderr,
        "warning: TOUR_MAX_CONNS: deprecated: rename it to TOUR_MAX_CONNECTIONS\n"
    );
    assert_eq!(config.unwrap().max_connections, 5);
    let (config, stderr) = report::<Tour>(&vars(&[]));
    assert_eq!(stderr, "");
    assert_eq!(config.unwrap().max_connections, 16);
}

#[test]
fn without_the_cli_feature_a_failed_load_gives_the_report_and_no_scan() {
    let source = Vars::new([("TOUR_PUBLIC_ULR", "https://x.example"), ("PORT", "80a")]);
    let (config, stderr) = report::<Tour>(&source);
    assert!(config.is_none());
    assert_eq!(
        stderr,
        "error: 3 configuration problems\n  \
         PORT             invalid value \"80a\": expected integer 0..=65535 (invalid digit found in string)\n  \
         TOUR_PUBLIC_URL  missing: required (absolute URL such as https://example.com/path)\n  \
         TOUR_API_KEY     missing: required (secret text)\n"
    );
    // The environment is never listed: only the struct's own variables are read.
    let counting = Counting::default();
    let (config, _) = report::<Tour>(&counting);
    assert!(config.is_none());
    assert_eq!(counting.lists.get(), 0);
    assert!(counting.gets.get() > 0);
}

#[test]
fn without_the_cli_feature_deny_unknown_still_rejects_unknown_variables() {
    #[derive(Config, Debug)]
    #[config(prefix = "STRICT_", deny_unknown)]
    struct Strict {
        #[config(default = 8080)]
        port: u16,
    }
    let (config, stderr) = report::<Strict>(&Vars::new([("STRICT_PROT", "9090")]));
    assert!(config.is_none());
    assert_eq!(
        stderr,
        "error: 1 configuration problem\n  \
         STRICT_PROT  unknown variable: no setting reads it (did you mean STRICT_PORT?)\n"
    );
    let (config, stderr) = report::<Strict>(&Vars::new([("STRICT_PORT", "9090")]));
    assert_eq!((config.map(|c| c.port), stderr.as_str()), (Some(9090), ""));
}

#[test]
fn a_name_and_its_deprecated_alias_both_set_is_an_error() {
    let source = vars(&[("TOUR_MAX_CONNECTIONS", "5"), ("TOUR_POOL", "6")]);
    let outcome = run::<Tour>(&[], &source);
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert!(
        outcome
            .stderr
            .contains("TOUR_MAX_CONNECTIONS  conflicts with TOUR_POOL: both are set, set only one"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn deny_unknown_turns_unknown_variables_into_errors() {
    #[derive(Config, Debug)]
    #[config(prefix = "STRICT_", deny_unknown)]
    struct Strict {
        #[config(default = 8080)]
        port: u16,
    }
    let source = Vars::new([("STRICT_PROT", "9090"), ("OTHER", "x")]);
    let outcome = run::<Strict>(&[], &source);
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert_eq!(
        outcome.stderr,
        "error: 1 configuration problem\n  \
         STRICT_PROT  unknown variable: no setting reads it (did you mean STRICT_PORT?)\n"
    );
    let outcome = run::<Strict>(&[], &Vars::new([("STRICT_PORT", "9090"), ("OTHER", "x")]));
    assert_eq!(outcome.stderr, "");
    assert_eq!(outcome.config().port, 9090);
}

#[test]
fn print_schema_prints_each_format_and_reads_no_variable() {
    for format in SchemaFormat::ALL {
        let source = Counting::default();
        let flag = format!("--print-schema={format}");
        let outcome = run::<Tour>(&[&flag], &source);
        assert_eq!(outcome.status(), Some(0), "{flag}");
        assert_eq!(outcome.stdout, Tour::schema().render(format), "{flag}");
        assert_eq!(outcome.stderr, "", "{flag}");
        assert_eq!((source.gets.get(), source.lists.get()), (0, 0), "{flag}");
    }
    let outcome = run::<Tour>(&["--print-schema"], &Counting::default());
    assert_eq!(outcome.stdout, Tour::schema().to_text());
}

#[test]
fn print_schema_takes_short_names_and_a_secret_name() {
    let outcome = run::<Tour>(
        &["--secret-name=shop.prod-1", "--print-schema=k8s"],
        &Vars::default(),
    );
    assert_eq!(outcome.status(), Some(0));
    assert_eq!(outcome.stdout, Tour::schema().to_kubernetes("shop.prod-1"));
    let outcome = run::<Tour>(&["--print-schema=md"], &Vars::default());
    assert_eq!(outcome.stdout, Tour::schema().to_markdown());
    let outcome = run::<Tour>(&["--print-schema=env"], &Vars::default());
    assert_eq!(outcome.stdout, Tour::schema().to_dotenv());
}

#[test]
fn an_unknown_format_is_a_usage_error_listing_the_formats() {
    let outcome = run::<Tour>(&["--print-schema=yaml"], &Counting::default());
    assert_eq!(outcome.status(), Some(EX_USAGE));
    assert_eq!(outcome.stdout, "");
    assert_eq!(
        outcome.stderr,
        "error: unknown schema format \"yaml\": expected one of: text, markdown, json, dotenv, kubernetes, json-schema\n"
    );
    let outcome = run::<Tour>(&["--print-schema="], &Counting::default());
    assert_eq!(outcome.status(), Some(EX_USAGE));
}

#[test]
fn an_invalid_secret_name_is_a_usage_error() {
    for name in [
        "",
        "Shop",
        "shop_secrets",
        "-shop",
        "shop.",
        &"a".repeat(254),
    ] {
        let flag = format!("--secret-name={name}");
        let outcome = run::<Tour>(&["--print-schema=kubernetes", &flag], &Vars::default());
        assert_eq!(outcome.status(), Some(EX_USAGE), "{name}");
        assert!(
            outcome.stderr.starts_with("error: invalid --secret-name"),
            "{}",
            outcome.stderr
        );
        assert_eq!(outcome.stdout, "");
    }
}

#[test]
fn values_may_follow_their_flag_as_the_next_argument() {
    let outcome = run::<Tour>(&["--print-schema", "json"], &Counting::default());
    assert_eq!(outcome.status(), Some(0));
    assert_eq!(outcome.stdout, Tour::schema().to_json());
    let outcome = run::<Tour>(
        &["--print-schema", "k8s", "--secret-name", "shop"],
        &Vars::default(),
    );
    assert_eq!(outcome.status(), Some(0));
    assert_eq!(outcome.stdout, Tour::schema().to_kubernetes("shop"));
    // A following flag is not a format: the text table, and the flag stays
    // the service's.
    let outcome = run::<Tour>(&["--print-schema", "--verbose"], &Vars::default());
    assert_eq!(outcome.status(), Some(0));
    assert_eq!(outcome.stdout, Tour::schema().to_text());
    // A word that is not a format is refused, never read as the text table.
    let outcome = run::<Tour>(&["--print-schema", "jsno"], &Vars::default());
    assert_eq!(outcome.status(), Some(EX_USAGE));
    assert_eq!(outcome.stdout, "");
    assert!(outcome.stderr.contains("\"jsno\""), "{}", outcome.stderr);
}

#[test]
fn an_argument_meant_for_the_crate_is_never_ignored() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["--print-schema=json", "--secret-name=shop"],
            "error: --secret-name is only used with --print-schema=kubernetes, not with --print-schema=json\n",
        ),
        (
            &["--print-schema", "--secret-name", "shop"],
            "error: --secret-name is only used with --print-schema=kubernetes, not with --print-schema=text\n",
        ),
        (
            &["--check-config", "--secret-name=shop"],
            "error: --secret-name is only used with --print-schema=kubernetes, not with --check-config\n",
        ),
        (
            &["--print-schema=k8s", "--secret-name"],
            "error: --secret-name needs a value\n",
        ),
        (
            &["--print-schema=k8s", "--secret-name=a", "--secret-name=b"],
            "error: --secret-name is given more than once\n",
        ),
        (&["--check-config=yes"], "error: --check-config takes no value\n"),
    ];
    for (args, message) in cases {
        let outcome = run::<Tour>(args, &vars(&[]));
        assert_eq!(outcome.status(), Some(EX_USAGE), "{args:?}");
        assert_eq!(outcome.stdout, "", "{args:?}");
        assert_eq!(outcome.stderr, message, "{args:?}");
    }
    // Without a configuration flag the options are the service's own.
    let outcome = run::<Tour>(&["--secret-name", "x"], &vars(&[]));
    assert_eq!(outcome.status(), None);
}

#[test]
fn two_different_flags_are_a_usage_error() {
    let outcome = run::<Tour>(&["--check-config", "--print-config"], &vars(&[]));
    assert_eq!(outcome.status(), Some(EX_USAGE));
    assert_eq!(
        outcome.stderr,
        "error: --check-config and --print-config cannot be used together\n"
    );
    let outcome = run::<Tour>(&["--print-schema=json", "--print-schema=text"], &vars(&[]));
    assert_eq!(outcome.status(), Some(EX_USAGE));
    // The same flag twice is harmless.
    let outcome = run::<Tour>(&["--check-config", "--check-config"], &vars(&[]));
    assert_eq!(outcome.status(), Some(0));
}

#[test]
fn flags_after_a_double_dash_belong_to_the_service() {
    let outcome = run::<Tour>(&["--", "--print-schema=yaml", "--check-config"], &vars(&[]));
    assert_eq!(outcome.status(), None);
    assert_eq!(outcome.stdout, "");
}

#[test]
fn request_from_args_finds_the_flag_among_others() {
    assert_eq!(
        Request::from_args(["serve", "--print-schema"]).unwrap(),
        Some(Request::PrintSchema {
            format: SchemaFormat::Text,
            secret_name: None
        })
    );
    assert_eq!(
        Request::from_args(["--print-schema=kubernetes", "--secret-name=s"]).unwrap(),
        Some(Request::PrintSchema {
            format: SchemaFormat::Kubernetes,
            secret_name: Some("s".to_owned())
        })
    );
    assert_eq!(
        Request::from_args(["--secret-name", "s", "--print-schema", "k8s"]).unwrap(),
        Some(Request::PrintSchema {
            format: SchemaFormat::Kubernetes,
            secret_name: Some("s".to_owned())
        })
    );
    assert_eq!(
        Request::from_args(["--print-config"]).unwrap(),
        Some(Request::PrintConfig {
            format: ReportFormat::Text,
            env_files: Vec::new(),
        })
    );
    assert_eq!(
        Request::from_args(["--check-config", "--format", "json"]).unwrap(),
        Some(Request::CheckConfig {
            format: ReportFormat::Json,
            env_files: Vec::new(),
        })
    );
    assert_eq!(Request::from_args(Vec::<OsString>::new()).unwrap(), None);
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let args = [OsStr::from_bytes(b"\xff--x"), OsStr::new("--check-config")];
    assert_eq!(
        Request::from_args(args).unwrap(),
        Some(Request::CheckConfig {
            format: ReportFormat::Text,
            env_files: Vec::new(),
        })
    );
}

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

#[test]
fn answer_takes_a_request_built_by_another_parser() {
    let request = Request::PrintSchema {
        format: SchemaFormat::Json,
        secret_name: None,
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let action = answer::<Tour>(Some(&request), &Vars::default(), &mut stdout, &mut stderr);
    assert!(matches!(action, Action::Exit(0)));
    assert_eq!(String::from_utf8(stdout).unwrap(), Tour::schema().to_json());

    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let action = answer::<Tour>(None, &vars(&[]), &mut stdout, &mut stderr);
    assert!(matches!(action, Action::Run(Tour { port: 8080, .. })));
    assert!(stdout.is_empty() && stderr.is_empty());
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
