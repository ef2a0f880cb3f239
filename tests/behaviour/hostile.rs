//! Hostile input: huge values, huge environments, deep nesting, bytes that
//! are not text, control characters, out-of-range numbers, duplicates, and
//! many loads at once. Each gets a clear error or a documented acceptance.
//!
//! Time is not asserted here (a loaded machine would make that flaky); the
//! `scaling` bench of the runtime crate checks that the cost per variable and
//! per list item stays flat.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::time::Duration;

use twelve_config::{Config, ErrorKind, Errors, ExposeSecret, Problems, SecretString, Vars};

const MIB: usize = 1 << 20;

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Service {
    #[config(default = 8080)]
    port: u16,
    #[config(default = "")]
    name: String,
    #[config(default = "")]
    ids: Vec<u32>,
    #[config(default = "1s")]
    timeout: Duration,
    ratio: Option<f64>,
    retries: Option<u8>,
    endpoint: Option<url::Url>,
    token: Option<SecretString>,
}

fn invalid(errors: &Errors, var: &str) -> (Option<String>, Option<String>) {
    match errors.get(var).map(|e| e.kind()) {
        Some(ErrorKind::Invalid { value, reason, .. }) => (value.clone(), reason.clone()),
        other => panic!("{var}: expected an invalid value, got {other:?}\n{errors}"),
    }
}

#[test]
fn a_value_of_one_mib_is_read_in_full_and_shown_shortened() {
    let big = "x".repeat(MIB);
    let config = Service::from_vars([("APP_NAME", big.as_str())]).unwrap();
    assert_eq!(config.name.len(), MIB);

    let errors = Service::from_vars([("APP_PORT", big.as_str())]).unwrap_err();
    let report = errors.to_string();
    assert!(
        report.len() < 300,
        "the report repeats the value: {} bytes",
        report.len()
    );
    assert!(report.contains(&format!("({MIB} bytes)")), "{report}");
}

#[test]
fn a_secret_of_one_mib_is_never_shown() {
    let secret = format!("{}{}", "s3cr3t-".repeat(MIB / 7), "end");
    let config = Service::from_vars([("APP_TOKEN", secret.as_str())]).unwrap();
    assert_eq!(config.token.unwrap().expose_secret(), secret);
    let errors =
        Service::from_vars([("APP_TOKEN", secret.as_str()), ("APP_PORT", "x")]).unwrap_err();
    let out = format!("{errors}{errors:?}");
    assert!(!out.contains("s3cr3t-"), "{out}");
}

#[test]
fn a_hundred_thousand_variables_load_and_each_unknown_one_is_reported() {
    let mut vars: Vec<(String, String)> = (0..100_000)
        .map(|i| (format!("APP_EXTRA_{i}"), format!("value {i}")))
        .collect();
    vars.push(("APP_PORT".into(), "9090".into()));
    vars.push(("APP_PROT".into(), "1".into()));
    let loaded = Service::load(&Vars::new(vars)).unwrap();
    assert_eq!(loaded.config().port, 9090);
    let warnings = loaded.warnings();
    assert_eq!(warnings.len(), 100_001);
    let typo = warnings.iter().find(|w| w.var() == "APP_PROT").unwrap();
    assert!(
        typo.message().ends_with("(did you mean APP_PORT?)"),
        "{typo}"
    );
}

#[test]
fn a_hundred_thousand_unknown_variables_are_errors_under_deny_unknown() {
    #[derive(Config, Debug)]
    #[config(prefix = "STRICT_", deny_unknown)]
    struct Strict {
        #[config(default = 1)]
        level: u8,
    }
    let vars = (0..100_000).map(|i| (format!("STRICT_X{i}"), "1".to_owned()));
    let errors = Strict::from_vars(vars).unwrap_err();
    assert_eq!(errors.len(), 100_000);
    assert!(errors
        .iter()
        .all(|e| matches!(e.kind(), ErrorKind::Unknown { .. })));
}

#[test]
fn a_list_of_a_hundred_thousand_items() {
    let text = (0..100_000)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let config = Service::from_vars([("APP_IDS", text.as_str())]).unwrap();
    assert_eq!(config.ids.len(), 100_000);
    assert_eq!(config.ids[99_999], 99_999);

    // With escapes (the slow path of the splitter) and one bad item at the end.
    let escaped = format!("{}x\\,y", "1,".repeat(99_999));
    let errors = Service::from_vars([("APP_IDS", escaped.as_str())]).unwrap_err();
    let (_, reason) = invalid(&errors, "APP_IDS");
    assert_eq!(
        reason.as_deref(),
        Some("item 100000: invalid digit found in string")
    );
}

#[derive(Config, Debug)]
struct L8 {
    #[config(default = 8)]
    depth: u8,
    leaf: Option<SecretString>,
}

macro_rules! level {
    ($name:ident, $inner:ty, $depth:literal) => {
        #[derive(Config, Debug)]
        struct $name {
            #[config(default = $depth)]
            depth: u8,
            #[config(nested)]
            next: $inner,
        }
    };
}

level!(L7, L8, 7);
level!(L6, L7, 6);
level!(L5, L6, 5);
level!(L4, L5, 4);
level!(L3, L4, 3);
level!(L2, L3, 2);
level!(L1, L2, 1);

#[test]
fn eight_levels_of_nesting_name_every_variable_in_full() {
    let deep = "NEXT_NEXT_NEXT_NEXT_NEXT_NEXT_NEXT_";
    let leaf = format!("{deep}LEAF");
    let depth = format!("{deep}DEPTH");
    let config =
        L1::from_vars([(leaf.as_str(), "deep-secret-value"), (depth.as_str(), "88")]).unwrap();
    let l8 = &config.next.next.next.next.next.next.next;
    assert_eq!(l8.depth, 88);
    assert_eq!(
        l8.leaf.as_ref().unwrap().expose_secret(),
        "deep-secret-value"
    );
    assert_eq!(config.next.next.depth, 3);

    let errors = L1::from_vars([(depth.as_str(), "300")]).unwrap_err();
    let error = errors.get(&depth).unwrap();
    assert_eq!(error.field(), "next.next.next.next.next.next.next.depth");
    assert_eq!(L1::schema().vars().len(), 9);
}

#[test]
fn bytes_that_are_not_utf8_in_values_and_names() {
    let bad = || OsString::from_vec(b"80\xff".to_vec());
    let errors = Service::from_vars([(OsString::from("APP_PORT"), bad())]).unwrap_err();
    assert_eq!(
        errors.get("APP_PORT").unwrap().message(),
        "invalid value: not valid UTF-8, expected integer 0..=65535"
    );
    // A name that is not UTF-8 can never be a field's variable; the unknown
    // variable scan skips it rather than guessing.
    let name = OsString::from_vec(b"APP_\xffPORT".to_vec());
    let loaded = Service::load(&Vars::new([(name, OsString::from("1"))])).unwrap();
    assert_eq!(loaded.config().port, 8080);
    assert!(loaded.warnings().is_empty());
}

#[test]
fn control_characters_cannot_forge_report_lines() {
    let forged = "1\nAPP_OTHER  missing: required\r\x1b[2J\0";
    let errors = Service::from_vars([("APP_PORT", forged)]).unwrap_err();
    let report = errors.to_string();
    assert_eq!(report.lines().count(), 2, "{report}");
    assert!(
        report.contains(r#""1\nAPP_OTHER  missing: required\r\u{1b}[2J\0""#),
        "{report}"
    );
    // Text fields take them as they are.
    let config = Service::from_vars([("APP_NAME", forged)]).unwrap();
    assert_eq!(config.name, forged);
}

#[test]
fn unknown_variable_names_with_control_characters_are_escaped() {
    let loaded = Service::load(&Vars::new([("APP_X\nerror: forged", "1")])).unwrap();
    let warning = loaded.warnings()[0].to_string();
    assert_eq!(warning.lines().count(), 1, "{warning}");
    assert_eq!(loaded.warnings()[0].var(), "APP_X\nerror: forged");
    assert_eq!(
        warning,
        r#"warning: "APP_X\nerror: forged": unknown variable: no setting reads it"#
    );

    #[derive(Config, Debug)]
    #[config(prefix = "APP_", deny_unknown)]
    struct Strict {
        #[config(default = 1)]
        level: u8,
    }
    let errors = Strict::from_vars([("APP_X\r\n  APP_LEVEL  forged", "1")]).unwrap_err();
    let report = errors.to_string();
    assert_eq!(report.lines().count(), 2, "{report}");
    let error = errors.iter().next().unwrap();
    assert!(
        error
            .to_string()
            .starts_with(r#""APP_X\r\n  APP_LEVEL  forged": "#),
        "{error}"
    );
}

#[test]
fn percent_encoding_garbage_in_urls() {
    // The url crate keeps a stray or incomplete escape as it is.
    let config = Service::from_vars([("APP_ENDPOINT", "http://h/%zz%%4")]).unwrap();
    assert_eq!(config.endpoint.unwrap().path(), "/%zz%%4");
    let errors = Service::from_vars([("APP_ENDPOINT", "http://%zz%/")]).unwrap_err();
    let (value, reason) = invalid(&errors, "APP_ENDPOINT");
    assert_eq!(value.as_deref(), Some(r#""http://%zz%/""#));
    assert_eq!(reason.as_deref(), Some("invalid international domain name"));
    // A password with broken escapes is still masked in the report.
    let errors = Service::from_vars([("APP_ENDPOINT", "http://u:p%zzw@:80")]).unwrap_err();
    assert!(!errors.to_string().contains("p%zzw"), "{errors}");
}

#[test]
fn ports_at_and_beyond_the_range() {
    assert_eq!(Service::from_vars([("APP_PORT", "0")]).unwrap().port, 0);
    assert_eq!(
        Service::from_vars([("APP_PORT", "65535")]).unwrap().port,
        65535
    );
    let errors = Service::from_vars([("APP_PORT", "65536")]).unwrap_err();
    let (_, reason) = invalid(&errors, "APP_PORT");
    assert_eq!(
        reason.as_deref(),
        Some("number too large to fit in target type")
    );
}

#[test]
fn negative_numbers_for_unsigned_types() {
    let errors = Service::from_vars([("APP_RETRIES", "-1"), ("APP_IDS", "1,-2")]).unwrap_err();
    let (_, reason) = invalid(&errors, "APP_RETRIES");
    assert_eq!(
        reason.as_deref(),
        Some("negative, but the type is unsigned")
    );
    let (_, reason) = invalid(&errors, "APP_IDS");
    assert_eq!(
        reason.as_deref(),
        Some("item 2: negative, but the type is unsigned")
    );
    // No sign but `+` is accepted for an unsigned type, not even in "-0".
    let errors = Service::from_vars([("APP_RETRIES", "-0")]).unwrap_err();
    let (_, reason) = invalid(&errors, "APP_RETRIES");
    assert_eq!(
        reason.as_deref(),
        Some("negative, but the type is unsigned")
    );
    assert_eq!(
        Service::from_vars([("APP_RETRIES", "+0")]).unwrap().retries,
        Some(0)
    );
}

#[test]
fn nan_and_infinities_are_rejected() {
    for text in [
        "NaN",
        "nan",
        "inf",
        "-inf",
        "+infinity",
        "Infinity",
        "1e999",
        "-1e999",
    ] {
        let errors = Service::from_vars([("APP_RATIO", text)]).unwrap_err();
        let (_, reason) = invalid(&errors, "APP_RATIO");
        assert_eq!(reason.as_deref(), Some("not a finite number"), "{text}");
    }
    let tiny = Service::from_vars([("APP_RATIO", "1e-999")]).unwrap();
    assert_eq!(tiny.ratio, Some(0.0));
}

#[test]
fn duplicate_variables_the_last_one_wins() {
    let config = Service::from_vars([
        ("APP_PORT", "1"),
        ("APP_NAME", "first"),
        ("APP_PORT", "x"),
        ("APP_PORT", "3"),
        ("APP_NAME", "last"),
    ])
    .unwrap();
    assert_eq!((config.port, config.name.as_str()), (3, "last"));
    // The last one wins even when it is the bad one, or the empty one.
    let errors = Service::from_vars([("APP_PORT", "1"), ("APP_PORT", "x")]).unwrap_err();
    assert_eq!(invalid(&errors, "APP_PORT").0.as_deref(), Some("\"x\""));
    let config = Service::from_vars([("APP_PORT", "1"), ("APP_PORT", "")]).unwrap();
    assert_eq!(config.port, 8080);
}

#[test]
fn a_validation_rule_that_fails_without_a_problem_still_reports_one() {
    #[derive(Config, Debug)]
    #[config(prefix = "RULE_", validate = Ruled::check)]
    struct Ruled {
        #[config(default = 1)]
        level: u8,
    }
    impl Ruled {
        fn check(&self) -> Result<(), Problems> {
            if self.level > 5 {
                Err(Problems::new())
            } else {
                Ok(())
            }
        }
    }
    assert!(Ruled::from_vars([("RULE_LEVEL", "3")]).is_ok());
    let errors = Ruled::from_vars([("RULE_LEVEL", "9")]).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  RULE_*  bug in the program: the rule Ruled::check returned an error naming no problem (Problems::into_result gives Ok when nothing was added)"
    );
}

#[test]
fn many_threads_load_the_same_type_each_with_its_own_variables() {
    let handles: Vec<_> = (0..16u16)
        .map(|t| {
            std::thread::spawn(move || {
                for round in 0..200u16 {
                    let port = t * 1000 + round;
                    let name = format!("thread-{t}-{round}");
                    let token = format!("token-{t}-{round}-secret");
                    let vars = [
                        ("APP_PORT", port.to_string()),
                        ("APP_NAME", name.clone()),
                        ("APP_TOKEN", token.clone()),
                    ];
                    let config = Service::from_vars(vars).unwrap();
                    assert_eq!(config.port, port);
                    assert_eq!(config.name, name);
                    assert_eq!(config.token.unwrap().expose_secret(), token);
                    // And a failing load reports this thread's value only.
                    let bad = format!("bad-{t}-{round}");
                    let errors = Service::from_vars([("APP_RETRIES", bad.as_str())]).unwrap_err();
                    assert_eq!(invalid(&errors, "APP_RETRIES").0, Some(format!("{bad:?}")));
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
}
