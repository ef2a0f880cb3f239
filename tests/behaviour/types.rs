//! Every built-in value type through the derive: accepted and rejected text.

use std::ffi::OsString;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::num::{NonZeroU32, NonZeroU8};
use std::path::PathBuf;
use std::time::Duration;

use twelve_config::{Config, EnvValue, ErrorKind, Errors, SchemaFormat};

/// Loads a one-field struct of each type from `VALUE`.
macro_rules! one {
    ($name:ident: $t:ty) => {
        #[derive(Config, Debug)]
        struct $name {
            value: $t,
        }
    };
}

one!(U8: u8);
one!(I64: i64);
one!(U128: u128);
one!(Usize: usize);
one!(NzU8: NonZeroU8);
one!(NzU32: NonZeroU32);
one!(F64: f64);
one!(Bool: bool);
one!(Char: char);
one!(Text: String);
one!(Os: OsString);
one!(Path: PathBuf);
one!(Ip: IpAddr);
one!(Ip4: Ipv4Addr);
one!(Ip6: Ipv6Addr);
one!(Socket: SocketAddr);
one!(Wait: Duration);
one!(Link: url::Url);
one!(Format: LogFormat);
one!(Names: Vec<String>);
one!(Ports: Vec<u16>);
one!(Maybe: Option<u16>);
one!(MaybeList: Option<Vec<u16>>);

#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
enum LogFormat {
    Json,
    JsonLines,
    #[config(rename = "plain")]
    Text,
    #[config(alias = "logfmt")]
    KeyValue,
}

fn load<T: Config>(value: &str) -> Result<T, Errors> {
    T::from_vars([("VALUE", value)])
}

fn rejects<T: Config + std::fmt::Debug>(value: &str) -> (Option<String>, String, Option<String>) {
    let errors = load::<T>(value).expect_err(value);
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.iter().next().unwrap();
    assert_eq!(error.var(), "VALUE");
    match error.kind() {
        ErrorKind::Invalid {
            value,
            expected,
            reason,
            ..
        } => (value.clone(), expected.clone(), reason.clone()),
        other => panic!("{value:?}: expected an invalid value, got {other:?}"),
    }
}

#[test]
fn integers() {
    assert_eq!(load::<U8>("255").unwrap().value, 255);
    assert_eq!(load::<I64>("-42").unwrap().value, -42);
    assert_eq!(
        load::<U128>(&u128::MAX.to_string()).unwrap().value,
        u128::MAX
    );
    assert_eq!(load::<Usize>("+7").unwrap().value, 7);
    let (shown, expected, reason) = rejects::<U8>("256");
    assert_eq!(shown.as_deref(), Some("\"256\""));
    assert_eq!(expected, "integer 0..=255");
    assert_eq!(
        reason.as_deref(),
        Some("number too large to fit in target type")
    );
    assert_eq!(
        rejects::<U8>("-1").2.as_deref(),
        Some("negative, but the type is unsigned")
    );
    for bad in ["1.0", "0x10", "1e3", "one", "1_000"] {
        rejects::<I64>(bad);
    }
}

#[test]
fn whitespace_is_not_trimmed_but_the_report_says_so() {
    let (_, _, reason) = rejects::<U8>(" 42 ");
    assert_eq!(
        reason.as_deref(),
        Some("invalid digit found in string; the value has leading or trailing whitespace")
    );
    assert_eq!(load::<Text>(" spaced ").unwrap().value, " spaced ");
}

#[test]
fn nonzero() {
    assert_eq!(load::<NzU8>("1").unwrap().value.get(), 1);
    assert_eq!(rejects::<NzU32>("0").1, "integer 1..=4294967295");
}

#[test]
fn floats() {
    assert_eq!(load::<F64>("0.25").unwrap().value, 0.25);
    assert_eq!(load::<F64>("-1e3").unwrap().value, -1000.0);
    for bad in ["NaN", "inf", "-infinity", "1e400", "0,5"] {
        rejects::<F64>(bad);
    }
}

#[test]
fn bools_are_strict() {
    for (text, value) in [("TRUE", true), ("1", true), ("Yes", true), ("on", true)] {
        assert_eq!(load::<Bool>(text).unwrap().value, value, "{text}");
    }
    for (text, value) in [
        ("false", false),
        ("0", false),
        ("NO", false),
        ("Off", false),
    ] {
        assert_eq!(load::<Bool>(text).unwrap().value, value, "{text}");
    }
    for typo in ["ture", "flase", "y", "enabled", "2"] {
        let (_, expected, _) = rejects::<Bool>(typo);
        assert_eq!(expected, "boolean: true/false, 1/0, yes/no or on/off");
    }
}

#[test]
fn chars_and_text() {
    assert_eq!(load::<Char>("x").unwrap().value, 'x');
    rejects::<Char>("xy");
    assert_eq!(load::<Text>("héllo wörld").unwrap().value, "héllo wörld");
}

#[cfg(unix)]
#[test]
fn non_utf8_values_are_errors_except_for_os_types() {
    use std::os::unix::ffi::OsStringExt;
    let raw = OsString::from_vec(b"caf\xe9".to_vec());
    let errors = Text::from_vars([(OsString::from("VALUE"), raw.clone())]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "invalid value: not valid UTF-8, expected text"
    );
    let errors = U8::from_vars([(OsString::from("VALUE"), raw.clone())]).unwrap_err();
    assert!(errors.to_string().contains("not valid UTF-8"), "{errors}");
    let os = Os::from_vars([(OsString::from("VALUE"), raw.clone())]).unwrap();
    assert_eq!(os.value, raw);
    let path = Path::from_vars([(OsString::from("VALUE"), raw.clone())]).unwrap();
    assert_eq!(path.value.as_os_str(), raw);
}

#[test]
fn addresses() {
    assert_eq!(
        load::<Socket>("0.0.0.0:8080").unwrap().value,
        "0.0.0.0:8080".parse::<SocketAddr>().unwrap()
    );
    assert!(load::<Socket>("[::1]:443").is_ok());
    for bad in ["localhost:80", "1.2.3.4", "1.2.3.4:99999", "[::1]"] {
        rejects::<Socket>(bad);
    }
    assert!(load::<Ip>("fe80::1").is_ok());
    rejects::<Ip4>("fe80::1");
    rejects::<Ip6>("10.0.0.1");
}

#[test]
fn durations() {
    assert_eq!(
        load::<Wait>("1h 15m").unwrap().value,
        Duration::from_secs(4500)
    );
    assert_eq!(
        load::<Wait>("250ms").unwrap().value,
        Duration::from_millis(250)
    );
    let (_, expected, _) = rejects::<Wait>("30");
    assert_eq!(expected, "duration such as 30s, 500ms or 1h 15m");
    rejects::<Wait>("soon");
}

#[test]
fn urls_mask_passwords_when_rejected() {
    assert_eq!(
        load::<Link>("https://example.com/a")
            .unwrap()
            .value
            .as_str(),
        "https://example.com/a"
    );
    let (shown, _, reason) = rejects::<Link>("postgres://app:hunter2@db:99999/x");
    assert_eq!(shown.as_deref(), Some("\"postgres://app:***@db:99999/x\""));
    assert_eq!(reason.as_deref(), Some("invalid port number"));
}

#[test]
fn enums_accept_kebab_snake_renames_and_aliases_in_any_case() {
    assert_eq!(load::<Format>("json").unwrap().value, LogFormat::Json);
    assert_eq!(
        load::<Format>("JSON-LINES").unwrap().value,
        LogFormat::JsonLines
    );
    assert_eq!(
        load::<Format>("json_lines").unwrap().value,
        LogFormat::JsonLines
    );
    assert_eq!(load::<Format>("Plain").unwrap().value, LogFormat::Text);
    assert_eq!(load::<Format>("logfmt").unwrap().value, LogFormat::KeyValue);
    assert_eq!(
        load::<Format>("key-value").unwrap().value,
        LogFormat::KeyValue
    );
    let (_, expected, reason) = rejects::<Format>("text");
    assert_eq!(expected, "one of: json, json-lines, plain, key-value");
    assert_eq!(
        reason, None,
        "`text` was renamed away and is not close to any choice"
    );
    let (_, _, reason) = rejects::<Format>("jsno");
    assert_eq!(reason.as_deref(), Some("did you mean \"json\"?"));
    assert_eq!(
        LogFormat::choices(),
        ["json", "json-lines", "plain", "key-value"]
    );
}

/// Exact spellings, as services document them.
#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
#[config(rename_all = "snake_case", case_sensitive)]
enum StopBits {
    Bits1,
    Bits1_5,
    Bits2,
}

#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
#[config(rename_all = "PascalCase", case_sensitive)]
enum Mode {
    Normal,
    #[config(alias = "Maint")]
    Maintenance,
}

#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
#[config(rename_all = "SCREAMING-KEBAB-CASE")]
enum Tls {
    ForceTls,
    Off,
}

#[derive(EnvValue, Debug, PartialEq, Clone, Copy)]
#[config(rename_all = "lowercase")]
enum Deployment {
    Production,
    Staging,
    DevLocal,
    DevRemote,
}

#[derive(Config, Debug)]
struct Spelled {
    stop_bits: Option<StopBits>,
    mode: Option<Mode>,
    tls: Option<Tls>,
    env: Option<Deployment>,
}

fn spelled(var: &str, value: &str) -> Result<Spelled, Errors> {
    Spelled::from_vars([(var, value)])
}

fn reason_for(var: &str, value: &str) -> Option<String> {
    let errors = spelled(var, value).expect_err(value);
    match errors.iter().next().unwrap().kind() {
        ErrorKind::Invalid { reason, .. } => reason.clone(),
        other => panic!("{value:?}: expected an invalid value, got {other:?}"),
    }
}

#[test]
fn rename_all_gives_each_variant_exactly_one_spelling() {
    assert_eq!(
        spelled("STOP_BITS", "bits1_5").unwrap().stop_bits,
        Some(StopBits::Bits1_5)
    );
    assert_eq!(StopBits::choices(), ["bits1", "bits1_5", "bits2"]);
    // The kebab-case spelling the derive accepts without `rename_all` is not
    // one of the listed choices, so it is not accepted either.
    assert_eq!(
        reason_for("STOP_BITS", "bits1-5").as_deref(),
        Some("did you mean \"bits1_5\"?")
    );
    assert_eq!(
        spelled("TLS", "FORCE-TLS").unwrap().tls,
        Some(Tls::ForceTls)
    );
    assert_eq!(Tls::choices(), ["FORCE-TLS", "OFF"]);
    // Without `case_sensitive`, case is still ignored.
    assert_eq!(spelled("TLS", "off").unwrap().tls, Some(Tls::Off));
    assert!(spelled("TLS", "force_tls").is_err());
    assert_eq!(
        Deployment::choices(),
        ["production", "staging", "devlocal", "devremote"]
    );
}

#[test]
fn case_sensitive_enums_take_only_the_exact_case_and_hint_at_it() {
    assert_eq!(spelled("MODE", "Normal").unwrap().mode, Some(Mode::Normal));
    assert_eq!(
        spelled("MODE", "Maint").unwrap().mode,
        Some(Mode::Maintenance)
    );
    assert_eq!(
        reason_for("MODE", "normal").as_deref(),
        Some("did you mean \"Normal\"?")
    );
    assert_eq!(
        reason_for("MODE", "MAINT").as_deref(),
        Some("did you mean \"Maintenance\"?")
    );
    assert_eq!(
        reason_for("STOP_BITS", "BITS2").as_deref(),
        Some("did you mean \"bits2\"?")
    );
    let errors = spelled("MODE", "normal").unwrap_err();
    match errors.iter().next().unwrap().kind() {
        ErrorKind::Invalid { expected, .. } => assert_eq!(expected, "one of: Normal, Maintenance"),
        other => panic!("expected an invalid value, got {other:?}"),
    }
}

#[test]
fn a_unique_prefix_is_a_hint() {
    assert_eq!(
        reason_for("ENV", "prod").as_deref(),
        Some("did you mean \"production\"?")
    );
    assert_eq!(
        reason_for("ENV", "STAG").as_deref(),
        Some("did you mean \"staging\"?")
    );
    // `dev` starts two choices: no guess.
    assert_eq!(reason_for("ENV", "dev"), None);
    assert_eq!(
        reason_for("ENV", "devr").as_deref(),
        Some("did you mean \"devremote\"?")
    );
}

#[test]
fn the_schema_lists_exactly_the_accepted_spellings() {
    let schema = Spelled::schema();
    let choices = |name: &str| schema.var(name).unwrap().choices().to_vec();
    assert_eq!(choices("STOP_BITS"), ["bits1", "bits1_5", "bits2"]);
    assert_eq!(choices("MODE"), ["Normal", "Maintenance"]);
    assert_eq!(choices("TLS"), ["FORCE-TLS", "OFF"]);
    for name in ["STOP_BITS", "MODE", "TLS"] {
        let var = schema.var(name).unwrap();
        for choice in var.choices() {
            assert!(
                spelled(name, choice).is_ok(),
                "{name}={choice} is listed, so it must be accepted"
            );
        }
    }
    // A list of choices lists the spellings of its items.
    #[derive(Config)]
    struct Several {
        #[config(default = "json")]
        formats: Vec<LogFormat>,
    }
    let schema = Several::schema();
    assert_eq!(
        schema.var("FORMATS").unwrap().choices(),
        ["json", "json-lines", "plain", "key-value"]
    );
}

#[test]
fn lists() {
    assert_eq!(load::<Names>("a, b ,c").unwrap().value, ["a", "b", "c"]);
    assert_eq!(load::<Names>(r"a\,b,c").unwrap().value, ["a,b", "c"]);
    assert_eq!(load::<Ports>("80,443").unwrap().value, [80, 443]);
    let (_, expected, reason) = rejects::<Ports>("80,http");
    assert_eq!(expected, "list of integer 0..=65535 separated by \",\"");
    assert_eq!(
        reason.as_deref(),
        Some("item 2: invalid digit found in string")
    );
    assert_eq!(
        rejects::<Names>("a,,b").2.as_deref(),
        Some("item 2 is empty")
    );
    // The empty value is unset, so a required list without a default is missing.
    let errors = load::<Names>("").unwrap_err();
    assert!(matches!(
        errors.iter().next().unwrap().kind(),
        ErrorKind::Missing { .. }
    ));
}

#[derive(Config, Debug)]
struct Separators {
    #[config(separator = ";", default = "")]
    semicolons: Vec<String>,
    #[config(separator = " ", default = "")]
    spaces: Vec<u8>,
    #[config(separator = "::", default = "a::b")]
    colons: Vec<String>,
}

#[test]
fn list_separators_and_empty_defaults() {
    let s = Separators::from_vars([("SEMICOLONS", "a;b"), ("SPACES", " 1  2\t3 ")]).unwrap();
    assert_eq!(s.semicolons, ["a", "b"]);
    assert_eq!(s.spaces, [1, 2, 3]);
    assert_eq!(s.colons, ["a", "b"]);
    let s = Separators::from_vars(Vec::<(String, String)>::new()).unwrap();
    assert!(s.semicolons.is_empty() && s.spaces.is_empty());
}

#[test]
fn options() {
    assert_eq!(load::<Maybe>("8").unwrap().value, Some(8));
    assert_eq!(
        Maybe::from_vars(Vec::<(&str, &str)>::new()).unwrap().value,
        None
    );
    assert_eq!(
        load::<Maybe>("").unwrap().value,
        None,
        "empty counts as unset"
    );
    rejects::<Maybe>("x");
    assert_eq!(load::<MaybeList>("1,2").unwrap().value, Some(vec![1, 2]));
    assert_eq!(load::<MaybeList>("").unwrap().value, None);
}

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

/// What each type is said to expect, in the report and in the schema.
fn expected_of<T: Config>() -> String {
    T::schema().var("VALUE").unwrap().expected().to_owned()
}

#[test]
fn each_type_says_what_it_expects() {
    assert_eq!(expected_of::<Text>(), "text");
    assert_eq!(expected_of::<Os>(), "text (any bytes)");
    assert_eq!(expected_of::<Path>(), "path");
    assert_eq!(
        expected_of::<Bool>(),
        "boolean: true/false, 1/0, yes/no or on/off"
    );
    assert_eq!(expected_of::<Char>(), "a single character");
    assert_eq!(expected_of::<F64>(), "finite number such as 0.5 or 1e-3");
    assert_eq!(expected_of::<Ip>(), "IP address such as 10.0.0.1 or ::1");
    assert_eq!(
        expected_of::<Socket>(),
        "socket address such as 0.0.0.0:8080 or [::1]:8080"
    );
    assert_eq!(
        expected_of::<Wait>(),
        "duration such as 30s, 500ms or 1h 15m"
    );
    assert_eq!(
        expected_of::<Link>(),
        "absolute URL such as https://example.com/path"
    );
    // A missing value's report says it too.
    let errors = Char::from_vars(Vec::<(String, String)>::new()).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "missing: required (a single character)"
    );
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
