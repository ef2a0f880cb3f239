//! The program's own value types and parsers: `from_str`, `with`, a
//! hand-written `EnvValue`, and `expected` in place of the type's words.

use twelve_config::{Config, EnvValue, SchemaFormat};

use super::{load, rejects, LogFormat};

/// A user type through `from_str` and a custom function through `with`.
#[derive(Debug, PartialEq)]
struct Rgb(u8, u8, u8);

impl std::str::FromStr for Rgb {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let hex = s.strip_prefix('#').ok_or("missing #")?;
        let n = u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?;
        if hex.len() != 6 {
            return Err("needs six hex digits".into());
        }
        Ok(Rgb((n >> 16) as u8, (n >> 8) as u8, n as u8))
    }
}

fn percent(text: &str) -> Result<f64, String> {
    let number = text.strip_suffix('%').ok_or("missing %")?;
    number
        .parse::<f64>()
        .map(|n| n / 100.0)
        .map_err(|e| e.to_string())
}

#[derive(Config, Debug)]
struct Custom {
    #[config(from_str)]
    color: Rgb,
    #[config(with = percent)]
    ratio: f64,
    #[config(from_str, default = "#000000,#ffffff")]
    palette: Vec<Rgb>,
    #[config(from_str, expected = "color such as #ff8000")]
    accent: Option<Rgb>,
    #[config(with = percent, separator = ";", expected = "percentages such as 25%;50%")]
    steps: Option<Vec<f64>>,
}

#[test]
fn from_str_and_with() {
    let c = Custom::from_vars([("COLOR", "#ff8000"), ("RATIO", "25%")]).unwrap();
    assert_eq!(c.color, Rgb(255, 128, 0));
    assert_eq!(c.ratio, 0.25);
    assert_eq!(c.palette, [Rgb(0, 0, 0), Rgb(255, 255, 255)]);
    let errors = Custom::from_vars([("COLOR", "red"), ("RATIO", "0.5")]).unwrap_err();
    let report = errors.to_string();
    assert!(
        report.contains("COLOR  invalid value \"red\": expected rgb (missing #)"),
        "{report}"
    );
    assert!(report.contains("(missing #)"), "{report}");
    assert!(
        report.contains("RATIO  invalid value \"0.5\": expected percent (missing %)"),
        "{report}"
    );
}

#[test]
fn a_type_read_by_the_programs_own_parser_lists_no_choices() {
    // Only an enum has fixed spellings to list; the program's own parsers
    // accept what they accept.
    let schema = Custom::schema();
    for var in schema.vars() {
        assert!(var.choices().is_empty(), "{}", var.name());
    }
    let json: serde_json::Value = serde_json::from_str(&schema.to_json()).unwrap();
    for var in json["vars"].as_array().unwrap() {
        assert_eq!(var["choices"], serde_json::json!([]), "{var}");
    }
}

#[test]
fn expected_replaces_the_description_in_reports_and_every_schema_format() {
    let c = Custom::from_vars([
        ("COLOR", "#000000"),
        ("RATIO", "1%"),
        ("ACCENT", "#ff8000"),
        ("STEPS", "25%;50%"),
    ])
    .unwrap();
    assert_eq!(c.accent, Some(Rgb(255, 128, 0)));
    assert_eq!(c.steps, Some(vec![0.25, 0.5]));
    let errors = Custom::from_vars([
        ("COLOR", "#000000"),
        ("RATIO", "1%"),
        ("ACCENT", "orange"),
        ("STEPS", "25%;half"),
    ])
    .unwrap_err()
    .to_string();
    assert!(
        errors.contains(
            "ACCENT  invalid value \"orange\": expected color such as #ff8000 (missing #)"
        ),
        "{errors}"
    );
    assert!(
        errors.contains(
            "invalid value \"25%;half\": expected percentages such as 25%;50% (item 2: missing %)"
        ),
        "{errors}"
    );
    let schema = Custom::schema();
    assert_eq!(
        schema.var("ACCENT").unwrap().expected(),
        "color such as #ff8000"
    );
    assert_eq!(
        schema.var("STEPS").unwrap().expected(),
        "percentages such as 25%;50%"
    );
    assert_eq!(schema.var("COLOR").unwrap().expected(), "rgb");
    for format in [
        SchemaFormat::Text,
        SchemaFormat::Markdown,
        SchemaFormat::Json,
        SchemaFormat::Dotenv,
        SchemaFormat::Kubernetes,
    ] {
        let text = schema.render(format);
        assert!(text.contains("color such as #ff8000"), "{format:?}: {text}");
        assert!(!text.contains("text accepted by"), "{format:?}: {text}");
    }
}

/// A user type implementing the value trait by hand.
#[derive(Debug)]
struct Percent(u8);

impl EnvValue for Percent {
    fn expected() -> std::borrow::Cow<'static, str> {
        "percentage 0..=100".into()
    }

    fn parse_env(text: &str) -> Result<Self, twelve_config::ValueError> {
        match text.trim_end_matches('%').parse::<u8>() {
            Ok(n) if n <= 100 => Ok(Percent(n)),
            _ => Err(twelve_config::ValueError::new("not a percentage")),
        }
    }
}

one!(Share: Percent);

#[test]
fn user_value_types() {
    assert_eq!(load::<Share>("40%").unwrap().value.0, 40);
    let (_, expected, reason) = rejects::<Share>("140");
    assert_eq!(expected, "percentage 0..=100");
    assert_eq!(reason.as_deref(), Some("not a percentage"));
}

fn free_port() -> u16 {
    8080
}

/// Fields described in the program's words, one of each kind of type.
#[derive(Config, Debug)]
#[config(prefix = "D_")]
struct DescribedKinds {
    #[config(expected = "the token the vendor issued")]
    token: twelve_config::SecretString,
    #[config(expected = "the primary database")]
    database_url: twelve_config::PostgresUrl,
    #[config(expected = "how logs are written", default = "json")]
    format: LogFormat,
    #[config(expected = "a free port", default_with = free_port())]
    port: u16,
    #[config(expected = "the service's name")]
    name: String,
}

#[test]
fn expected_changes_only_the_words_not_how_the_value_is_kept_or_shown() {
    let vars = twelve_config::Vars::new([
        ("D_TOKEN", "tok-8d1f"),
        ("D_DATABASE_URL", "postgres://app:hunter2@db/app"),
        ("D_NAME", "billing"),
    ]);
    let loaded = DescribedKinds::load(&vars).unwrap();
    assert_eq!(loaded.config().name, "billing");
    assert_eq!(loaded.config().port, 8080);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let _ = twelve_config::handle_args::<DescribedKinds>(
        ["--print-config"],
        &vars,
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(
        String::from_utf8(stdout).unwrap(),
        "D_TOKEN         <redacted>  (environment)\n\
         D_DATABASE_URL  postgres://app:***@db/app  (environment)\n\
         D_FORMAT        json  (default)\n\
         D_NAME          billing  (environment)\n\
         D_PORT          8080  (computed)\n"
    );
    let schema = DescribedKinds::schema();
    let var = |name| schema.var(name).unwrap();
    assert!(var("D_TOKEN").is_secret());
    assert!(var("D_DATABASE_URL").is_credential());
    assert!(!var("D_NAME").is_credential());
    assert_eq!(
        var("D_FORMAT").choices(),
        ["json", "json-lines", "plain", "key-value"]
    );
    assert_eq!(var("D_FORMAT").expected(), "how logs are written");
}

#[test]
fn values_read_through_from_str_or_with_are_shown_as_set() {
    let vars =
        twelve_config::Vars::new([("COLOR", "#ff8000"), ("RATIO", "25%"), ("STEPS", "25%;50%")]);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let _ =
        twelve_config::handle_args::<Custom>(["--print-config"], &vars, &mut stdout, &mut stderr);
    assert_eq!(
        String::from_utf8(stdout).unwrap(),
        "COLOR    #ff8000  (environment)\n\
         RATIO    25%  (environment)\n\
         PALETTE  #000000,#ffffff  (default)\n\
         ACCENT   <unset>\n\
         STEPS    25%;50%  (environment)\n",
        "{}",
        String::from_utf8_lossy(&stderr)
    );
}
