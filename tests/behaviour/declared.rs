//! Services declared as they behave: computed defaults, presence rules,
//! checks, fallbacks, settings that are on by default, flattened groups and
//! what an empty variable means.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::Duration;

use twelve_config::{
    ByteSize, Config, ErrorKind, Origin, PostgresUrl, Problems, SecretString, Vars,
};

use crate::support::TempFile;

fn attachments(data: &Path) -> PathBuf {
    data.join("attachments")
}

fn smtp_port(security: &Security) -> u16 {
    match security {
        Security::Starttls => 587,
        Security::ForceTls => 465,
        Security::Off => 25,
    }
}

fn half_the_cpus() -> usize {
    4
}

#[derive(twelve_config::EnvValue, Debug, Clone, Copy, PartialEq)]
enum Security {
    Starttls,
    ForceTls,
    Off,
}

#[derive(Config, Debug)]
#[config(prefix = "VW_")]
struct Computed {
    #[config(default = "data")]
    data_folder: PathBuf,
    #[config(default_with = attachments(data_folder), default_doc = "VW_DATA_FOLDER/attachments")]
    attachments_folder: PathBuf,
    #[config(default = "starttls")]
    smtp_security: Security,
    #[config(default_with = smtp_port(smtp_security))]
    smtp_port: u16,
    #[config(default_with = half_the_cpus())]
    workers: usize,
}

#[test]
fn a_computed_default_follows_the_fields_it_reads() {
    let c = Computed::from_vars([
        ("VW_DATA_FOLDER", "/srv"),
        ("VW_SMTP_SECURITY", "force-tls"),
    ])
    .unwrap();
    assert_eq!(c.attachments_folder, PathBuf::from("/srv/attachments"));
    assert_eq!(c.smtp_port, 465);
    assert_eq!(c.workers, 4);
    let c =
        Computed::from_vars([("VW_ATTACHMENTS_FOLDER", "/a"), ("VW_SMTP_PORT", "2525")]).unwrap();
    assert_eq!(c.attachments_folder, PathBuf::from("/a"));
    assert_eq!(c.smtp_port, 2525);
    assert_eq!(
        Computed::from_source(&Vars::default())
            .unwrap()
            .attachments_folder,
        PathBuf::from("data/attachments")
    );
}

#[test]
fn a_computed_default_of_a_failed_setting_is_not_a_second_problem() {
    let errors = Computed::from_vars([("VW_SMTP_SECURITY", "tls")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(errors.iter().next().unwrap().var(), "VW_SMTP_SECURITY");
}

#[test]
fn a_computed_default_is_shown_with_its_origin_and_described_in_words() {
    let loaded = Computed::load(&Vars::new([("VW_SMTP_SECURITY", "off")])).unwrap();
    let port = loaded
        .vars()
        .iter()
        .find(|v| v.name() == "VW_SMTP_PORT")
        .unwrap();
    assert_eq!(port.origin(), &Origin::Computed);
    assert_eq!(port.shown_value(), Some("25"));
    let schema = Computed::schema();
    let folder = schema.var("VW_ATTACHMENTS_FOLDER").unwrap();
    assert_eq!(
        folder.computed_default(),
        Some("VW_DATA_FOLDER/attachments")
    );
    assert!(!folder.is_required());
    assert_eq!(
        schema.var("VW_SMTP_PORT").unwrap().computed_default(),
        Some("computed from VW_SMTP_SECURITY")
    );
    assert_eq!(
        schema.var("VW_WORKERS").unwrap().computed_default(),
        Some("computed by the program")
    );
    // Each rendering says the default is computed, and from what.
    let text = schema.to_text();
    assert!(
        text.contains(
            "VW_SMTP_PORT           integer 0..=65535                 computed          \
             default when unset: computed from VW_SMTP_SECURITY\n"
        ),
        "{text}"
    );
    let markdown = schema.to_markdown();
    assert!(
        markdown.contains(
            "| `VW_SMTP_PORT` | integer 0..=65535 | computed |  | \
             default when unset: computed from VW_SMTP_SECURITY |\n"
        ),
        "{markdown}"
    );
    let dotenv = schema.to_dotenv();
    assert!(
        dotenv.contains(
            "\n# integer 0..=65535; computed default\n\
             # default when unset: computed from VW_SMTP_SECURITY\n\
             # VW_SMTP_PORT=\n"
        ),
        "{dotenv}"
    );
    let kubernetes = schema.render(twelve_config::SchemaFormat::Kubernetes);
    assert!(
        kubernetes.contains(
            "  # default when unset: computed from VW_SMTP_SECURITY\n  \
             # - name: \"VW_SMTP_PORT\"\n  \
             #   value: \"\" # optional: integer 0..=65535\n"
        ),
        "{kubernetes}"
    );
    assert!(schema
        .to_json()
        .contains("\"default_computed\": \"computed from VW_SMTP_SECURITY\""));
}

/// The origin of a base URL, as Vaultwarden computes `DOMAIN_ORIGIN`.
fn origin(domain: &url::Url) -> String {
    domain.origin().ascii_serialization()
}

fn admin_url(domain: &url::Url) -> url::Url {
    domain.join("admin").unwrap()
}

fn is_https(domain: &url::Url) -> bool {
    domain.scheme() == "https"
}

fn port_of(domain: &url::Url) -> u16 {
    domain.port().unwrap_or(443)
}

fn bind_to(port: &u16) -> SocketAddr {
    SocketAddr::from(([0, 0, 0, 0], *port))
}

fn origins(domain: &url::Url) -> Vec<String> {
    vec![origin(domain), "https://cdn.example".to_owned()]
}

// Constant computed defaults, each of its own type.
fn data() -> PathBuf {
    PathBuf::from("/var/lib/vault")
}
fn hash() -> char {
    '#'
}
fn offset() -> i64 {
    -3
}
fn widest() -> u128 {
    u128::MAX
}
fn seven() -> NonZeroU32 {
    NonZeroU32::new(7).unwrap()
}
fn quarter() -> f64 {
    0.25
}
fn gateway() -> IpAddr {
    IpAddr::from([10, 0, 0, 1])
}
fn timeout() -> Duration {
    Duration::from_millis(61_500)
}
fn one_kib() -> ByteSize {
    ByteSize::from(1024)
}
fn database() -> PostgresUrl {
    "postgres://vault:hunter2@db/vault".parse().unwrap()
}

/// A computed default of each standard type, from the fields it follows or
/// from nothing.
#[derive(Config, Debug)]
#[config(prefix = "C_")]
struct EveryComputed {
    #[config(default = "https://vault.example:8443/web")]
    domain: url::Url,
    #[config(default_with = origin(domain))]
    domain_origin: String,
    #[config(default_with = admin_url(domain))]
    admin_url: url::Url,
    #[config(default_with = data())]
    data: PathBuf,
    #[config(default_with = is_https(domain))]
    secure_cookies: bool,
    #[config(default_with = hash())]
    comment: char,
    #[config(default_with = port_of(domain))]
    port: u16,
    #[config(default_with = offset())]
    offset: i64,
    #[config(default_with = widest())]
    wide: u128,
    #[config(default_with = seven())]
    shards: NonZeroU32,
    #[config(default_with = quarter())]
    ratio: f64,
    #[config(default_with = gateway())]
    ip: IpAddr,
    #[config(default_with = bind_to(port))]
    bind: SocketAddr,
    #[config(default_with = timeout())]
    timeout: Duration,
    #[config(default_with = one_kib())]
    upload_limit: ByteSize,
    #[config(default_with = origins(domain))]
    allowed_origins: Vec<String>,
    #[config(default_with = database())]
    database_url: PostgresUrl,
}

#[test]
fn a_computed_default_of_each_type_is_shown_as_the_text_that_would_set_it() {
    let loaded = EveryComputed::load(&Vars::default()).unwrap();
    let shown: Vec<(&str, Option<&str>)> = loaded
        .vars()
        .iter()
        .filter(|v| v.origin() == &Origin::Computed)
        .map(|v| (v.name(), v.shown_value()))
        .collect();
    assert_eq!(
        shown,
        [
            ("C_DOMAIN_ORIGIN", Some("https://vault.example:8443")),
            ("C_ADMIN_URL", Some("https://vault.example:8443/admin")),
            ("C_DATA", Some("/var/lib/vault")),
            ("C_SECURE_COOKIES", Some("true")),
            ("C_COMMENT", Some("#")),
            ("C_PORT", Some("8443")),
            ("C_OFFSET", Some("-3")),
            ("C_WIDE", Some("340282366920938463463374607431768211455")),
            ("C_SHARDS", Some("7")),
            ("C_RATIO", Some("0.25")),
            ("C_IP", Some("10.0.0.1")),
            ("C_BIND", Some("0.0.0.0:8443")),
            ("C_TIMEOUT", Some("1m 1s 500ms")),
            ("C_UPLOAD_LIMIT", Some("1 KiB")),
            (
                "C_ALLOWED_ORIGINS",
                Some("https://vault.example:8443,https://cdn.example")
            ),
            // Computed, a password is masked like one that was set.
            ("C_DATABASE_URL", Some("postgres://vault:***@db/vault")),
        ]
    );
    // Each text shown sets the same value.
    let again = EveryComputed::from_vars(
        loaded
            .vars()
            .iter()
            .filter(|v| v.name() != "C_DATABASE_URL")
            .map(|v| (v.name(), v.shown_value().unwrap())),
    )
    .unwrap();
    let first = loaded.config();
    assert_eq!(again.domain_origin, first.domain_origin);
    assert_eq!(again.timeout, first.timeout);
    assert_eq!(again.wide, first.wide);
    assert_eq!(again.bind, first.bind);
    assert_eq!(again.allowed_origins, first.allowed_origins);
    assert_eq!(again.upload_limit, first.upload_limit);
}

#[derive(Config, Debug)]
#[config(prefix = "MEILI_", at_most_one(import_dump, import_snapshot))]
struct Presence {
    #[config(default = "development")]
    env: String,
    #[config(required_if(env = "production"))]
    master_key: Option<SecretString>,
    import_dump: Option<PathBuf>,
    import_snapshot: Option<PathBuf>,
    #[config(requires(import_dump))]
    ignore_missing_dump: Option<bool>,
    #[config(conflicts_with(import_snapshot))]
    ignore_dump_if_db_exists: Option<bool>,
    port: Option<u16>,
}

#[test]
fn presence_rules_name_every_variable_involved() {
    let errors = Presence::from_vars([("MEILI_IMPORT_DUMP", "a"), ("MEILI_IMPORT_SNAPSHOT", "b")])
        .unwrap_err();
    let error = errors.get("MEILI_IMPORT_SNAPSHOT").unwrap();
    assert_eq!(error.vars(), ["MEILI_IMPORT_DUMP", "MEILI_IMPORT_SNAPSHOT"]);
    assert_eq!(
        error.message(),
        "at most one of MEILI_IMPORT_DUMP, MEILI_IMPORT_SNAPSHOT may be set; \
         MEILI_IMPORT_DUMP and MEILI_IMPORT_SNAPSHOT are set"
    );
    assert!(matches!(error.kind(), ErrorKind::Rule { .. }));
}

#[test]
fn requires_counts_a_flag_set_to_false_as_set() {
    let errors = Presence::from_vars([("MEILI_IGNORE_MISSING_DUMP", "false")]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  MEILI_IGNORE_MISSING_DUMP, MEILI_IMPORT_DUMP\n      \
         MEILI_IGNORE_MISSING_DUMP requires MEILI_IMPORT_DUMP; only MEILI_IGNORE_MISSING_DUMP is set"
    );
    assert!(Presence::from_vars([
        ("MEILI_IGNORE_MISSING_DUMP", "true"),
        ("MEILI_IMPORT_DUMP", "d")
    ])
    .is_ok());
    let errors = Presence::from_vars([
        ("MEILI_IGNORE_DUMP_IF_DB_EXISTS", "true"),
        ("MEILI_IMPORT_SNAPSHOT", "s"),
    ])
    .unwrap_err();
    assert!(errors.to_string().contains(
        "MEILI_IGNORE_DUMP_IF_DB_EXISTS conflicts with MEILI_IMPORT_SNAPSHOT: set only one"
    ));
}

#[test]
fn required_if_reads_the_text_set_or_the_default() {
    let errors = Presence::from_vars([("MEILI_ENV", "Production")]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "MEILI_MASTER_KEY is required when MEILI_ENV is production; it is not set"
    );
    assert!(Presence::from_vars([("MEILI_ENV", "production"), ("MEILI_MASTER_KEY", "k")]).is_ok());
    let key = TempFile::with("from-a-file\n");
    assert!(Presence::from_vars([
        ("MEILI_ENV", "production"),
        ("MEILI_MASTER_KEY_FILE", key.path())
    ])
    .is_ok());
    assert!(Presence::from_source(&Vars::default()).is_ok());
}

#[test]
fn presence_rules_run_when_another_value_fails_to_parse() {
    let errors = Presence::from_vars([
        ("MEILI_PORT", "http"),
        ("MEILI_IMPORT_DUMP", "a"),
        ("MEILI_IMPORT_SNAPSHOT", "b"),
        ("MEILI_ENV", "production"),
    ])
    .unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(
        vars,
        ["MEILI_PORT", "MEILI_IMPORT_DUMP", "MEILI_MASTER_KEY"],
        "{errors}"
    );
}

#[test]
fn the_schema_states_every_rule() {
    let schema = Presence::schema();
    let texts: Vec<&str> = schema.rules().iter().map(|r| r.text()).collect();
    assert_eq!(
        texts,
        [
            "at most one of MEILI_IMPORT_DUMP, MEILI_IMPORT_SNAPSHOT may be set",
            "MEILI_MASTER_KEY is required when MEILI_ENV is production",
            "MEILI_IGNORE_MISSING_DUMP requires MEILI_IMPORT_DUMP",
            "MEILI_IGNORE_DUMP_IF_DB_EXISTS conflicts with MEILI_IMPORT_SNAPSHOT: set only one",
        ]
    );
    assert_eq!(schema.rules()[1].equals(), Some("production"));
    for format in twelve_config::SchemaFormat::ALL {
        let text = schema.render(format);
        assert!(
            text.contains("MEILI_MASTER_KEY is required when MEILI_ENV is production"),
            "{format}: {text}"
        );
    }
}

/// A level read through its `FromStr`: it cannot say what text gives it.
#[derive(Debug, PartialEq)]
struct Verbosity(u8);

impl std::str::FromStr for Verbosity {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Ok(Verbosity(text.matches('v').count() as u8))
    }
}

fn quiet() -> Verbosity {
    Verbosity(0)
}

/// A value type of the program's own that does not say what text gives it.
#[derive(Debug, PartialEq)]
struct Shards(u16);

impl twelve_config::EnvValue for Shards {
    fn expected() -> std::borrow::Cow<'static, str> {
        "number of shards".into()
    }

    fn parse_env(text: &str) -> Result<Self, twelve_config::ValueError> {
        text.parse()
            .map(Shards)
            .map_err(|_| twelve_config::ValueError::new("not a number of shards"))
    }
}

fn one_shard() -> Shards {
    Shards(1)
}

fn one_mb() -> ByteSize {
    ByteSize::mb(1)
}

fn ninety_seconds() -> Duration {
    Duration::from_secs(90)
}

/// Computed defaults of fields read in a unit, or through `from_str`.
#[derive(Config, Debug)]
#[config(prefix = "K_")]
struct ComputedInUnits {
    #[config(unit = "MB", default_with = one_mb())]
    body_limit_mb: ByteSize,
    #[config(unit = "s", default_with = ninety_seconds())]
    timeout_secs: Duration,
    #[config(from_str, default_with = quiet())]
    verbosity: Verbosity,
    #[config(default_with = one_shard())]
    shards: Shards,
}

#[test]
fn a_computed_default_read_in_a_unit_is_shown_as_text_that_reads_back_the_same() {
    let loaded = ComputedInUnits::load(&Vars::default()).unwrap();
    let shown: Vec<(&str, Option<&str>)> = loaded
        .vars()
        .iter()
        .map(|v| (v.name(), v.shown_value()))
        .collect();
    assert_eq!(
        shown,
        [
            ("K_BODY_LIMIT_MB", Some("1 MB")),
            ("K_TIMEOUT_SECS", Some("1m 30s")),
            // A type that cannot say what text gives it shows nothing.
            ("K_VERBOSITY", None),
            ("K_SHARDS", None),
        ]
    );
    let again = ComputedInUnits::from_vars(
        shown
            .iter()
            .filter_map(|(name, value)| Some((*name, (*value)?))),
    )
    .unwrap();
    assert_eq!(again.body_limit_mb, ByteSize::mb(1), "{shown:?}");
    assert_eq!(again.timeout_secs, Duration::from_secs(90), "{shown:?}");
}

/// One of each remaining presence rule, over optional fields.
#[derive(Config, Debug)]
#[config(
    prefix = "R_",
    exactly_one(password, password_command),
    at_least_one(smtp, sendmail),
    all_or_none(tls_cert, tls_key, tls_ca)
)]
struct Rules {
    password: Option<String>,
    password_command: Option<String>,
    smtp: Option<String>,
    sendmail: Option<String>,
    tls_cert: Option<String>,
    tls_key: Option<String>,
    tls_ca: Option<String>,
}

#[test]
fn each_presence_rule_is_broken_exactly_when_its_words_say() {
    let base = [("R_PASSWORD", "t"), ("R_SMTP", "mail")];
    let messages = |set: &[(&str, &str)]| -> Vec<String> {
        let vars: Vec<(&str, &str)> = base
            .iter()
            .copied()
            .filter(|(name, _)| !set.iter().any(|(n, _)| n == name))
            .chain(set.iter().copied().filter(|(_, v)| *v != "-"))
            .collect();
        match Rules::from_vars(vars) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.message().to_owned()).collect(),
        }
    };
    // "-" removes a variable of the base set.
    let ok: &[&[(&str, &str)]] = &[
        &[],
        &[("R_PASSWORD", "-"), ("R_PASSWORD_COMMAND", "pass show db")],
        &[("R_SENDMAIL", "/usr/sbin/sendmail")],
        &[("R_SMTP", "-"), ("R_SENDMAIL", "/usr/sbin/sendmail")],
        &[("R_TLS_CERT", "c"), ("R_TLS_KEY", "k"), ("R_TLS_CA", "a")],
        // An empty variable is not set.
        &[("R_TLS_CERT", "")],
    ];
    for set in ok {
        assert_eq!(messages(set), Vec::<String>::new(), "{set:?}");
    }
    let broken: &[(&[(&str, &str)], &str)] = &[
        (
            &[("R_PASSWORD", "-")],
            "exactly one of R_PASSWORD, R_PASSWORD_COMMAND must be set; none is set",
        ),
        (
            &[("R_PASSWORD_COMMAND", "pass show db")],
            "exactly one of R_PASSWORD, R_PASSWORD_COMMAND must be set; R_PASSWORD and R_PASSWORD_COMMAND are set",
        ),
        (
            &[("R_SMTP", "-")],
            "at least one of R_SMTP, R_SENDMAIL must be set; none is set",
        ),
        (
            &[("R_TLS_KEY", "k")],
            "R_TLS_CERT, R_TLS_KEY and R_TLS_CA are set together or not at all; \
             only R_TLS_KEY is set",
        ),
        (
            &[("R_TLS_CERT", "c"), ("R_TLS_CA", "a")],
            "R_TLS_CERT, R_TLS_KEY and R_TLS_CA are set together or not at all; \
             R_TLS_CERT and R_TLS_CA are set",
        ),
    ];
    for (set, message) in broken {
        assert_eq!(messages(set), [*message], "{set:?}");
    }
    let errors = Rules::from_vars([("R_PASSWORD", "t"), ("R_TLS_CA", "a")]).unwrap_err();
    let vars: Vec<Vec<String>> = errors.iter().map(|e| e.vars().to_vec()).collect();
    assert_eq!(
        vars,
        [
            vec!["R_SMTP".to_owned(), "R_SENDMAIL".to_owned()],
            vec![
                "R_TLS_CERT".to_owned(),
                "R_TLS_KEY".to_owned(),
                "R_TLS_CA".to_owned()
            ],
        ]
    );
    let schema = Rules::schema();
    let texts: Vec<&str> = schema.rules().iter().map(|r| r.text()).collect();
    assert_eq!(
        texts,
        [
            "exactly one of R_PASSWORD, R_PASSWORD_COMMAND must be set",
            "at least one of R_SMTP, R_SENDMAIL must be set",
            "R_TLS_CERT, R_TLS_KEY and R_TLS_CA are set together or not at all",
        ]
    );
}

fn ports_differ(http: &u16, grpc: &Option<u16>) -> Result<(), String> {
    match grpc {
        Some(grpc) if grpc == http => Err(format!("the gRPC port {grpc} is the HTTP port")),
        _ => Ok(()),
    }
}

#[derive(Config, Debug)]
#[config(prefix = "Q_", check = ports_differ(http_port, grpc_port), validate = Ports::check)]
struct Ports {
    #[config(default = 6333)]
    http_port: u16,
    #[config(default = 6334, none = "off")]
    grpc_port: Option<u16>,
    #[config(default = 1)]
    replicas: u8,
}

impl Ports {
    fn check(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        if self.replicas > 3 {
            problems.add(["replicas"], "at most 3 replicas");
        }
        problems.into_result()
    }
}

#[test]
fn a_setting_on_by_default_is_switched_off_by_its_none_spelling() {
    assert_eq!(
        Ports::from_source(&Vars::default()).unwrap().grpc_port,
        Some(6334)
    );
    assert_eq!(
        Ports::from_vars([("Q_GRPC_PORT", "off")])
            .unwrap()
            .grpc_port,
        None
    );
    assert_eq!(
        Ports::from_vars([("Q_GRPC_PORT", "OFF")])
            .unwrap()
            .grpc_port,
        None
    );
    assert_eq!(
        Ports::from_vars([("Q_GRPC_PORT", "7000")])
            .unwrap()
            .grpc_port,
        Some(7000)
    );
    let schema = Ports::schema();
    let grpc = schema.var("Q_GRPC_PORT").unwrap();
    assert_eq!((grpc.default(), grpc.none()), (Some("6334"), Some("off")));
    assert!(schema.to_text().contains("set to off to switch it off"));
}

#[test]
fn checks_run_when_their_inputs_loaded_and_say_when_they_could_not() {
    let errors = Ports::from_vars([("Q_GRPC_PORT", "6333"), ("Q_REPLICAS", "many")]).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors}");
    let rule = errors.get("Q_GRPC_PORT").unwrap();
    assert_eq!(rule.vars(), ["Q_HTTP_PORT", "Q_GRPC_PORT"]);
    assert_eq!(rule.message(), "the gRPC port 6333 is the HTTP port");
    assert_eq!(
        errors.notes(),
        ["the rule Ports::check was not checked: it needs every setting of the configuration to load"]
    );
    let errors = Ports::from_vars([("Q_HTTP_PORT", "x")]).unwrap_err();
    assert_eq!(
        errors.notes()[0],
        "the rule ports_differ was not checked: Q_HTTP_PORT did not load"
    );
    assert!(errors.to_string().ends_with(
        "\n  note: the rule Ports::check was not checked: it needs every setting of the configuration to load"
    ));
    let errors = Ports::from_vars([("Q_REPLICAS", "9")]).unwrap_err();
    assert_eq!(
        errors.get("Q_REPLICAS").unwrap().message(),
        "at most 3 replicas"
    );
    assert!(errors.notes().is_empty());
}

/// Settings of the HTTP server.
#[derive(Config, Debug)]
struct Http {
    #[config(default = "0.0.0.0")]
    addr: String,
    #[config(default = 8080)]
    port: u16,
}

/// Snapshots to S3.
#[derive(Config, Debug)]
struct S3 {
    s3_bucket: String,
    s3_region: String,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Flat {
    #[config(flatten)]
    http: Http,
    #[config(flatten)]
    s3: Option<S3>,
}

#[test]
fn flattened_structs_keep_the_parents_names_and_their_docs_describe_groups() {
    let flat = Flat::from_vars([("APP_PORT", "9000")]).unwrap();
    assert_eq!((flat.http.addr.as_str(), flat.http.port), ("0.0.0.0", 9000));
    assert!(flat.s3.is_none());
    let errors = Flat::from_vars([("APP_S3_BUCKET", "b")]).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  APP_S3_REGION  missing: required (text)\n                 \
         note: the optional group s3 is enabled because APP_S3_BUCKET is set"
    );
    let schema = Flat::schema();
    let names: Vec<&str> = schema.vars().iter().map(|v| v.name()).collect();
    assert_eq!(
        names,
        ["APP_ADDR", "APP_PORT", "APP_S3_BUCKET", "APP_S3_REGION"]
    );
    let groups: Vec<(&str, &str, bool)> = schema
        .groups()
        .iter()
        .map(|g| (g.field(), g.description(), g.is_optional()))
        .collect();
    assert_eq!(
        groups,
        [
            ("http", "Settings of the HTTP server.", false),
            ("s3", "Snapshots to S3.", true)
        ]
    );
    for format in twelve_config::SchemaFormat::ALL {
        assert!(
            schema.render(format).contains("Snapshots to S3."),
            "{format}"
        );
    }
}

#[derive(Config, Debug)]
#[config(prefix = "MEILI_")]
struct Fallbacks {
    #[config(fallback = "OPENAI_API_KEY")]
    openai_api_key: Option<SecretString>,
    #[config(fallback = "OLD_HOST", alias = "HOSTNAME_OF_SERVER")]
    host: Option<String>,
}

#[test]
fn a_fallback_is_read_without_a_warning_when_the_name_is_unset() {
    let loaded = Fallbacks::load(&Vars::new([("OPENAI_API_KEY", "k"), ("OLD_HOST", "h")])).unwrap();
    assert!(loaded.config().openai_api_key.is_some());
    assert_eq!(loaded.config().host.as_deref(), Some("h"));
    assert!(loaded.warnings().is_empty());
    assert_eq!(
        loaded.vars()[0].origin(),
        &Origin::Fallback("OPENAI_API_KEY".into())
    );
    let both = Fallbacks::from_vars([("MEILI_HOST", "main"), ("OLD_HOST", "old")]).unwrap();
    assert_eq!(both.host.as_deref(), Some("main"));
    let schema = Fallbacks::schema();
    assert_eq!(schema.vars()[1].fallbacks(), ["OLD_HOST"]);
    assert_eq!(schema.vars()[1].aliases(), ["HOSTNAME_OF_SERVER"]);
    assert!(schema.to_text().contains("when unset, read from OLD_HOST"));
}

/// A port read under its name, a deprecated alias or a fallback.
#[derive(Config, Debug)]
#[config(prefix = "MEILI_")]
struct PortNames {
    #[config(fallback = "PORT", alias = "MEILI_HTTP_PORT")]
    port: Option<u16>,
}

#[test]
fn a_rejected_value_names_the_variable_the_operator_set() {
    let problem = |vars: &[(&str, &str)]| {
        let errors = PortNames::from_vars(vars.iter().copied()).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors}");
        let error = errors.iter().next().unwrap().clone();
        (error.var().to_owned(), error.note().map(str::to_owned))
    };
    // The fallback was set, not MEILI_PORT: the report names it alone.
    assert_eq!(problem(&[("PORT", "80a")]), ("PORT".to_owned(), None));
    // An alias stands for the variable, with a note saying where it was read.
    assert_eq!(
        problem(&[("MEILI_HTTP_PORT", "80a")]),
        (
            "MEILI_PORT".to_owned(),
            Some("read from deprecated MEILI_HTTP_PORT".to_owned())
        )
    );
    assert_eq!(
        problem(&[("MEILI_PORT", "80a")]),
        ("MEILI_PORT".to_owned(), None)
    );
}

#[derive(Config, Debug)]
#[config(prefix = "DB_", allow_empty)]
struct Empties {
    #[config(default = "a")]
    label: String,
    #[config(empty = "unset", default = "db.sqlite")]
    path: PathBuf,
    #[config(empty = "error")]
    name: Option<String>,
}

#[test]
fn what_an_empty_variable_means_is_chosen_per_struct_and_field() {
    let loaded = Empties::load(&Vars::new([("DB_LABEL", ""), ("DB_PATH", "")])).unwrap();
    assert_eq!(loaded.config().label, "");
    assert_eq!(loaded.config().path, PathBuf::from("db.sqlite"));
    assert_eq!(
        loaded.warnings()[0].to_string(),
        "warning: DB_PATH: set but empty, so the default \"db.sqlite\" is used; unset it, or give it a value"
    );
    let errors = Empties::from_vars([("DB_NAME", "")]).unwrap_err();
    assert!(matches!(
        errors.iter().next().unwrap().kind(),
        ErrorKind::Empty
    ));
    assert_eq!(
        errors.to_string(),
        "error: 1 configuration problem\n  DB_NAME  set but empty: give it a value, or unset it to use the default"
    );
}

#[derive(Config, Debug)]
#[config(prefix = "SVC_", file)]
struct FileOptOut {
    #[config(file = false)]
    token: SecretString,
    #[config(file = false)]
    label: Option<String>,
    region: Option<String>,
}

#[test]
fn a_field_can_opt_out_of_file() {
    // An entrypoint that reads SVC_TOKEN_FILE itself exports both.
    let both = FileOptOut::from_vars([("SVC_TOKEN", "t"), ("SVC_TOKEN_FILE", "/run/t")]);
    assert!(both.is_ok());
    let schema = FileOptOut::schema();
    assert_eq!(schema.vars()[0].file_var(), None);
    assert_eq!(schema.vars()[1].file_var(), None);
    assert_eq!(schema.vars()[2].file_var(), Some("SVC_REGION_FILE"));
}
