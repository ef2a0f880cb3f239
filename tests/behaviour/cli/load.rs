//! Loading without a configuration flag: warnings on stderr, the report
//! and exit 78, `deny_unknown`, and the same load without the `cli` feature.

use twelve_config::{Config, ExposeSecret, Source, Vars, EX_CONFIG};

use super::{run, vars, Counting};
use crate::schema::Tour;

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
