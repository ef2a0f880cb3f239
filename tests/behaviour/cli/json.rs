//! `--check-config --format=json` and `--print-config --format=json`, and
//! the same documents from the library, read back with a JSON parser.

use serde_json::{json, Value};
use twelve_config::{Config, Vars, EX_CONFIG, EX_USAGE, REPORT_VERSION};

use super::{run, vars};
use crate::schema::Tour;
use crate::support::TempFile;

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn a_failed_check_is_one_json_document_on_stdout_with_status_78() {
    let source = Vars::new([
        ("PORT", "80a"),
        ("TOUR_PUBLIC_URL", "https://admin:hunter2@x.example:99999/"),
        ("TOUR_TOKEN_PIN", "12345678901234"),
        ("TOUR_MAX_CONNS", "5"),
        ("TOUR_POOL", "6"),
        ("TOUR_S3_BUCKET", "b"),
        ("TOUR_PUBLIK_URL", "x"),
    ]);
    let outcome = run::<Tour>(&["--check-config", "--format=json"], &source);
    assert_eq!(outcome.status(), Some(EX_CONFIG));
    assert_eq!(outcome.stderr, "");
    let report = parse(&outcome.stdout);
    assert_eq!(report["version"], json!(REPORT_VERSION));
    assert_eq!(report["ok"], json!(false));
    assert_eq!(report["summary"], Value::Null);
    assert_eq!(report["vars"], json!([]));
    let problems = report["problems"].as_array().unwrap();
    let errors = Tour::from_source(&source).unwrap_err();
    assert_eq!(problems.len(), errors.len());
    for (problem, error) in problems.iter().zip(&errors) {
        assert_eq!(problem["vars"][0], json!(error.var()));
        assert_eq!(problem["field"], json!(error.field()));
        assert_eq!(problem["message"], json!(error.message()));
        assert_eq!(problem["note"], json!(error.note()));
    }
    assert_eq!(
        problems[0],
        json!({
            "kind": "invalid", "vars": ["PORT"], "field": "port", "fields": ["port"],
            "message": "invalid value \"80a\": expected integer 0..=65535 (invalid digit found in string)",
            "expected": "integer 0..=65535", "value": "\"80a\"",
            "reason": "invalid digit found in string",
            "default": null, "path": null, "suggestion": null, "note": null
        })
    );
    let by_var = |name: &str| {
        problems
            .iter()
            .find(|p| p["vars"][0] == json!(name))
            .unwrap_or_else(|| panic!("no problem with {name}: {report:#}"))
    };
    let url = by_var("TOUR_PUBLIC_URL");
    assert_eq!(
        url["value"],
        json!("\"https://admin:***@x.example:99999/\"")
    );
    let pin = by_var("TOUR_TOKEN_PIN");
    assert_eq!(pin["kind"], json!("invalid"));
    assert_eq!(pin["value"], Value::Null);
    let conflict = by_var("TOUR_MAX_CONNS");
    assert_eq!(conflict["kind"], json!("conflict"));
    assert_eq!(conflict["vars"], json!(["TOUR_MAX_CONNS", "TOUR_POOL"]));
    let missing = by_var("TOUR_S3_SECRET_KEY");
    assert_eq!(missing["kind"], json!("missing"));
    assert_eq!(missing["expected"], json!("secret text"));
    assert!(missing["note"].as_str().unwrap().contains("TOUR_S3_BUCKET"));
    assert_eq!(
        report["warnings"],
        json!([
            {
                "var": "TOUR_MAX_CONNS",
                "vars": ["TOUR_MAX_CONNS"],
                "message": "deprecated: rename it to TOUR_MAX_CONNECTIONS"
            },
            {
                "var": "TOUR_PUBLIK_URL",
                "vars": ["TOUR_PUBLIK_URL"],
                "message": "unknown variable: no setting reads it (did you mean TOUR_PUBLIC_URL?)"
            }
        ])
    );
    for secret in ["hunter2", "12345678901234"] {
        assert!(!outcome.stdout.contains(secret), "{}", outcome.stdout);
    }
    // The library gives the same problems.
    assert_eq!(parse(&errors.to_json())["problems"], report["problems"]);
}

#[test]
fn print_config_as_json_gives_each_value_and_its_origin() {
    let bundle = TempFile::with("-----BEGIN CERTIFICATE-----\n");
    let source = vars(&[
        ("TOUR_MAX_CONNS", "5"),
        ("TOUR_CA_BUNDLE_FILE", bundle.path()),
        ("TOUR_TRACING", "on"),
        ("TOUR_TRACNG", "on"),
    ]);
    let outcome = run::<Tour>(&["--print-config", "--format", "json"], &source);
    assert_eq!(outcome.status(), Some(0));
    assert_eq!(outcome.stderr, "");
    let report = parse(&outcome.stdout);
    assert_eq!(report["ok"], json!(true));
    assert_eq!(report["problems"], json!([]));
    assert_eq!(report["warnings"].as_array().unwrap().len(), 2);
    let vars = report["vars"].as_array().unwrap();
    let var = |name: &str| {
        vars.iter()
            .find(|v| v["name"] == json!(name))
            .unwrap_or_else(|| panic!("no {name}: {report:#}"))
            .clone()
    };
    assert_eq!(
        var("PORT"),
        json!({"name": "PORT", "field": "port", "value": "8080", "secret": false,
               "origin": {"kind": "default", "text": "default"}})
    );
    assert_eq!(
        var("TOUR_API_KEY"),
        json!({"name": "TOUR_API_KEY", "field": "api_key", "value": null, "secret": true,
               "origin": {"kind": "environment", "text": "environment"}})
    );
    assert_eq!(
        var("TOUR_MAX_CONNECTIONS")["origin"],
        json!({"kind": "alias", "text": "deprecated alias TOUR_MAX_CONNS", "name": "TOUR_MAX_CONNS"})
    );
    assert_eq!(var("TOUR_MAX_CONNECTIONS")["value"], json!("5"));
    assert_eq!(var("TOUR_CA_BUNDLE")["origin"]["kind"], json!("file"));
    assert_eq!(
        var("TOUR_CA_BUNDLE")["origin"]["path"],
        json!(bundle.path())
    );
    assert_eq!(var("TOUR_LOG_FORMAT")["origin"]["kind"], json!("unset"));
    assert_eq!(var("TOUR_LOG_FORMAT")["value"], Value::Null);
    assert_eq!(var("TOUR_PUBLIC_URL")["field"], json!("public_url"));
    assert!(!outcome.stdout.contains("sk_live_1234"));

    // The summary counts what the text summary counts.
    let text = run::<Tour>(&["--check-config"], &source);
    let summary = &report["summary"];
    assert_eq!(
        text.stdout,
        format!(
            "configuration ok: {} variables ({} set, {} from defaults, {} unset)\n",
            summary["variables"], summary["set"], summary["defaults"], summary["unset"]
        )
    );
    assert_eq!(summary["variables"], json!(vars.len()));

    // --check-config prints the same document; so does the library.
    let check = run::<Tour>(&["--check-config", "--format=json"], &source);
    assert_eq!(check.stdout, outcome.stdout);
    assert_eq!(Tour::load(&source).unwrap().to_json(), outcome.stdout);
}

#[test]
fn report_formats_are_checked() {
    let outcome = run::<Tour>(&["--check-config", "--format=yaml"], &vars(&[]));
    assert_eq!(outcome.status(), Some(EX_USAGE));
    assert_eq!(
        outcome.stderr,
        "error: unknown report format \"yaml\": expected one of: text, json\n"
    );
    let outcome = run::<Tour>(&["--print-schema", "--format=json"], &vars(&[]));
    assert_eq!(outcome.status(), Some(EX_USAGE));
    assert_eq!(
        outcome.stderr,
        "error: --format is used with --check-config and --print-config; write --print-schema=FORMAT\n"
    );
    let outcome = run::<Tour>(&["--check-config", "--format=text"], &vars(&[]));
    assert_eq!(outcome.status(), Some(0));
    assert!(outcome.stdout.starts_with("configuration ok:"));
}

#[test]
fn values_that_would_break_json_are_escaped() {
    let source = vars(&[("TOUR_MAIL_FROM", "a\"b\\c\nd\u{1}\u{2028}")]);
    let outcome = run::<Tour>(&["--print-config", "--format=json"], &source);
    let report = parse(&outcome.stdout);
    let mail = report["vars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == json!("TOUR_MAIL_FROM"))
        .unwrap();
    assert_eq!(mail["value"], json!("a\"b\\c\nd\u{1}\u{2028}"));
}
