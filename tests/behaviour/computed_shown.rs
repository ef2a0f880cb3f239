//! Computed defaults (`default_with`) as the flags show them: the value in
//! `--print-config`, the count in `--check-config`, the label in the
//! Kubernetes rendering.

use twelve_config::{Config, EnvValue, SchemaFormat, Vars};

use crate::cli::run;

#[derive(EnvValue, Debug, Clone, Copy, PartialEq)]
enum Security {
    Starttls,
    ForceTls,
    Off,
}

#[derive(EnvValue, Debug, Clone, Copy, PartialEq)]
#[config(rename_all = "SCREAMING_SNAKE_CASE")]
enum Level {
    Warn,
    #[config(rename = "all-of-it")]
    Trace,
}

/// A type that cannot write itself as text.
#[derive(Debug)]
struct Opaque(u8);

impl std::str::FromStr for Opaque {
    type Err = std::num::ParseIntError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.parse().map(Opaque)
    }
}

fn security_of(tls: &bool) -> Security {
    if *tls {
        Security::ForceTls
    } else {
        Security::Starttls
    }
}

fn level_of(verbose: &bool) -> Level {
    if *verbose {
        Level::Trace
    } else {
        Level::Warn
    }
}

fn opaque() -> Opaque {
    Opaque(7)
}

#[derive(Config, Debug)]
#[config(prefix = "VW_")]
struct Mail {
    #[config(default = false)]
    tls: bool,
    #[config(default_with = security_of(tls))]
    security: Security,
    #[config(default = false)]
    verbose: bool,
    #[config(default_with = level_of(verbose))]
    level: Level,
    #[config(from_str, default_with = opaque())]
    opaque: Opaque,
    host: Option<String>,
}

#[test]
fn a_derived_enum_writes_the_spelling_it_reads() {
    for (value, text) in [
        (Security::Starttls, "starttls"),
        (Security::ForceTls, "force-tls"),
        (Security::Off, "off"),
    ] {
        assert_eq!(value.to_env().as_deref(), Some(text));
        assert_eq!(Security::parse_env(text), Ok(value));
    }
    for (value, text) in [(Level::Warn, "WARN"), (Level::Trace, "all-of-it")] {
        assert_eq!(value.to_env().as_deref(), Some(text));
        assert_eq!(Level::parse_env(text), Ok(value));
    }
}

#[test]
fn print_config_shows_a_computed_enum_and_never_calls_a_plain_value_redacted() {
    let vars = Vars::new([("VW_TLS", "true"), ("VW_VERBOSE", "true")]);
    let outcome = run::<Mail>(&["--print-config"], &vars);
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    let mut lines: Vec<&str> = outcome.stdout.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            "VW_HOST      <unset>",
            "VW_LEVEL     all-of-it  (computed)",
            "VW_OPAQUE    <no text form>  (computed)",
            "VW_SECURITY  force-tls  (computed)",
            "VW_TLS       true  (environment)",
            "VW_VERBOSE   true  (environment)",
        ]
    );
    assert!(!outcome.stdout.contains("<redacted>"));
    let json = run::<Mail>(&["--print-config", "--format=json"], &vars).stdout;
    assert!(
        json.contains(
            r#""name": "VW_SECURITY", "field": "security", "value": "force-tls", "secret": false"#
        ),
        "{json}"
    );
    assert!(
        json.contains(r#""name": "VW_OPAQUE", "field": "opaque", "value": null, "secret": false"#),
        "{json}"
    );
}

#[test]
fn check_config_counts_computed_defaults_with_the_defaults() {
    let vars = Vars::new([("VW_TLS", "true")]);
    let outcome = run::<Mail>(&["--check-config"], &vars);
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "configuration ok: 6 variables (1 set, 4 from defaults, 1 unset)\n"
    );
    let json = run::<Mail>(&["--check-config", "--format=json"], &vars).stdout;
    assert!(
        json.contains(
            r#""summary": {"variables": 6, "set": 1, "defaults": 4, "unset": 1, "not_used": 0}"#
        ),
        "{json}"
    );
}

#[test]
fn kubernetes_labels_a_computed_default_as_such() {
    let yaml = Mail::schema().render(SchemaFormat::Kubernetes);
    assert!(
        yaml.contains("  # - name: \"VW_SECURITY\"\n  #   value: \"\" # computed default: one of"),
        "{yaml}"
    );
    assert!(
        yaml.contains("  # - name: \"VW_HOST\"\n  #   value: \"\" # optional: text"),
        "{yaml}"
    );
    assert!(
        !yaml.contains("VW_SECURITY\"\n  #   value: \"\" # optional"),
        "{yaml}"
    );
}
