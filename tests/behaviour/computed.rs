//! Computed defaults (`default_with`): the value follows the fields it
//! reads, is shown as the text that would set it, and every schema says it
//! is computed and from what.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::Duration;

use twelve_config::{ByteSize, Config, Origin, PostgresUrl, Vars};

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
             #   value: \"\" # computed default: integer 0..=65535\n"
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

/// The indexer's settings, a section of their own.
#[derive(Config, Debug)]
struct Indexer {
    #[config(default = "4 GiB")]
    max_indexing_memory: ByteSize,
}

/// A cache that may be on, read whole by a default.
#[derive(Config, Debug)]
struct Cache {
    size: ByteSize,
}

fn half_the_indexing_memory(indexer: &Indexer) -> ByteSize {
    ByteSize::new(indexer.max_indexing_memory.bytes() / 2)
}

fn batch_size(indexer: &Indexer, cache: &Option<Cache>) -> ByteSize {
    match cache {
        Some(cache) => cache.size,
        None => half_the_indexing_memory(indexer),
    }
}

#[derive(Config, Debug)]
#[config(prefix = "MEILI_")]
struct Search {
    #[config(flatten)]
    indexer: Indexer,
    #[config(nested)]
    cache: Option<Cache>,
    /// As Meilisearch computes it: half the indexing memory.
    #[config(default_with = half_the_indexing_memory(indexer))]
    experimental_limit_batched_tasks_total_size: ByteSize,
    #[config(default_with = batch_size(indexer, cache))]
    batch: ByteSize,
}

#[test]
fn a_default_computed_from_a_nested_struct_or_an_optional_group() {
    let search = Search::from_vars([("MEILI_MAX_INDEXING_MEMORY", "2 GiB")]).unwrap();
    assert_eq!(
        search.experimental_limit_batched_tasks_total_size,
        ByteSize::gib(1)
    );
    assert_eq!(search.batch, ByteSize::gib(1));
    let search = Search::from_vars([("MEILI_CACHE_SIZE", "10 MB")]).unwrap();
    assert_eq!(
        search.experimental_limit_batched_tasks_total_size,
        ByteSize::gib(2)
    );
    assert_eq!(search.batch, ByteSize::new(10_000_000));
    // An input that failed is reported once, by itself; the default that
    // reads it is not computed.
    let errors = Search::from_vars([("MEILI_MAX_INDEXING_MEMORY", "lots")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert_eq!(
        errors.get("MEILI_MAX_INDEXING_MEMORY").unwrap().var(),
        "MEILI_MAX_INDEXING_MEMORY"
    );
    let schema = Search::schema();
    let var = schema
        .var("MEILI_EXPERIMENTAL_LIMIT_BATCHED_TASKS_TOTAL_SIZE")
        .unwrap();
    assert_eq!(
        var.computed_default(),
        Some("computed from the settings of indexer")
    );
    let var = schema.var("MEILI_BATCH").unwrap();
    assert_eq!(
        var.computed_default(),
        Some("computed from the settings of indexer, the settings of cache")
    );
}
