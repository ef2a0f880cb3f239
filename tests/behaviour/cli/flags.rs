//! Reading the configuration flags: `--print-schema` and its formats,
//! `--secret-name`, values given as the next argument, usage errors, `--`,
//! and `Request::from_args`.

use std::ffi::{OsStr, OsString};

use twelve_config::{Config, ReportFormat, Request, SchemaFormat, Vars, EX_USAGE};

use super::{run, vars, Counting};
use crate::schema::Tour;

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
    let cases: [(&[&str], &str); 11] = [
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
        // The next flag is not taken for the value.
        (
            &["--print-schema=k8s", "--secret-name", "--check-config"],
            "error: --secret-name needs a value\n",
        ),
        (
            &["--print-schema=k8s", "--secret-name=a", "--secret-name=b"],
            "error: --secret-name is given more than once\n",
        ),
        (&["--check-config=yes"], "error: --check-config takes no value\n"),
        // A near miss of a flag would start the service instead.
        (
            &["--chek-config"],
            "error: unknown flag --chek-config: did you mean --check-config?\n",
        ),
        (
            &["serve", "--print-confg=json"],
            "error: unknown flag --print-confg: did you mean --print-config?\n",
        ),
        (
            &["--check_config"],
            "error: unknown flag --check_config: did you mean --check-config?\n",
        ),
        (
            &["--printconfig"],
            "error: unknown flag --printconfig: did you mean --print-config?\n",
        ),
    ];
    for (args, message) in cases {
        let outcome = run::<Tour>(args, &vars(&[]));
        assert_eq!(outcome.status(), Some(EX_USAGE), "{args:?}");
        assert_eq!(outcome.stdout, "", "{args:?}");
        assert_eq!(outcome.stderr, message, "{args:?}");
    }
    // Without a configuration flag the options are the service's own, and
    // so are flags that begin like one, or are far from all three.
    for args in [
        &["--secret-name", "x"][..],
        &["--check"],
        &["--print"],
        &["--print-configs-dir=/etc"],
        &["--print-schemas"],
        &["--check-configs"],
        &["--print-conf"],
        &["--print-schem"],
        &["--port", "80"],
    ] {
        let outcome = run::<Tour>(args, &vars(&[]));
        assert_eq!(outcome.status(), None, "{args:?}: {}", outcome.stderr);
    }
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
fn an_option_value_that_is_not_utf8_is_refused_not_taken_for_missing() {
    use std::os::unix::ffi::OsStrExt;
    let args = [
        OsStr::new("--print-schema=k8s"),
        OsStr::new("--secret-name"),
        OsStr::from_bytes(b"sh\xffp"),
    ];
    let error = Request::from_args(args).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the value of --secret-name is not valid UTF-8"
    );
    // Elsewhere, an argument that is not UTF-8 is the service's.
    let args = [OsStr::from_bytes(b"sh\xffp"), OsStr::new("--check-config")];
    assert!(Request::from_args(args).unwrap().is_some());
}
