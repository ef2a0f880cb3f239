//! The environment of [Meilisearch](https://github.com/meilisearch/meilisearch)
//! v1.50.0, as its source reads it: the `env` of every option in
//! `crates/meilisearch/src/option.rs` (the main options and the indexer and
//! S3 snapshot options they flatten), `MEILI_CONFIG_FILE_PATH`, which
//! `Opt::try_build` reads itself, and the variables other parts of the
//! engine read directly (`MEILI_EXPERIMENTAL_INDEX_MAX_READERS`,
//! `MEILI_OPENAI_API_KEY`, ...), gathered in [`Engine`].
//!
//! Every variable is declared with its name, type, default and
//! secret-ness; the flattened option structs are `flatten` fields, so their
//! variables keep the `MEILI_` prefix with no segment of their own. The
//! presence rules of Meilisearch's command line are presence rules here: a
//! dump and a snapshot cannot both be imported, the `ignore_*` switches need
//! what they ignore, a master key is required in production (and must be 16
//! bytes long there, as `main.rs` checks), and the S3 snapshot options are an
//! optional group: set one and the bucket, region, name, prefix and one way
//! of authenticating become required, a key pair or a role with its web
//! identity token file but not both. Computed defaults are computed by
//! small functions and described in words in the schema: the indexing
//! memory (two thirds of the memory, or of the cgroup's limit), the
//! indexing threads (half the CPUs) and the size of a batch of tasks (half
//! the indexing memory, at most 10 GiB).
//!
//! The values get types where Meilisearch keeps text: the environment and
//! the log level and mode are enums with Meilisearch's spellings (the
//! environment matched exactly, as clap does; the log settings ignoring case,
//! as Meilisearch's parsers do), the webhook and bucket URLs are URLs,
//! the HTTP address is a [`HostPort`] (a name such as `localhost` or an
//! address, and a port in range, checked at startup rather than when the
//! server binds), sizes are [`ByteSize`] and the durations that
//! Meilisearch counts in seconds are `Duration`s whose bare numbers are
//! seconds. One difference stays: Meilisearch's size parser reads a single
//! letter as decimal (`10G` is 10^9 bytes) and `Gb` as gigabits, where
//! `ByteSize` reads `10G` as 10 GiB and `Gb` as gigabytes, as Docker and
//! the JVM do; a port that must read sizes exactly as Meilisearch does
//! declares them with `from_str` and its parser.
//!
//! The limit of a batch's size is declared in the options, as Meilisearch
//! declares it in `Opt`, and computed from the flattened [`Indexer`]'s
//! memory, which its default reads whole.
//! Several variables of [`Engine`] make Meilisearch panic on a value that
//! does not parse, at the first request that reads them; here they are
//! reported at startup with the rest.
//!
//! Meilisearch also reads a TOML file (`./config.toml` or
//! `MEILI_CONFIG_FILE_PATH`) and exports its values to the environment
//! before parsing it; this port loads the environment only, so the file is
//! named here and read by the service.
//!
//! Expressed differently:
//! - Meilisearch's `experimental_disable_fid_based_databases_cleanup` check
//!   counts any text but `false` and `0` as on; here it is a boolean, so a
//!   typo is reported instead of switching it on.

// The service reads every field; this crate only loads and prints them.
#![allow(dead_code)]

use std::borrow::Cow;
use std::net::IpAddr;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;

use twelve_config::{ByteSize, Config, EnvValue, ExposeSecret, HostPort, SecretString, ValueError};

/// Meilisearch's configuration.
#[derive(Config, Debug)]
#[config(
    prefix = "MEILI_",
    at_most_one(import_dump, import_snapshot),
    check = master_key_fits_the_environment(env, master_key)
)]
pub(crate) struct Meilisearch {
    /// Directory of the database.
    #[config(default = "./data.ms")]
    pub(crate) db_path: PathBuf,
    /// Address and port of the HTTP server.
    #[config(default = "localhost:7700")]
    pub(crate) http_addr: HostPort,
    /// Master key: every route but `GET /health` needs a key derived from it.
    #[config(required_if(env = "production"))]
    pub(crate) master_key: Option<SecretString>,
    /// `development` or `production`; production requires a master key.
    #[config(default = "development")]
    pub(crate) env: Environment,
    /// URL notified whenever a task finishes.
    pub(crate) task_webhook_url: Option<url::Url>,
    /// `Authorization` header sent with the webhook's requests.
    pub(crate) task_webhook_authorization_header: Option<SecretString>,
    /// Send no telemetry.
    #[config(default = false)]
    pub(crate) no_analytics: bool,
    /// Largest accepted request body.
    #[config(default = "100 MB")]
    pub(crate) http_payload_size_limit: ByteSize,
    /// TLS certificate chain (PEM); TLS is served when it and the key are set.
    pub(crate) ssl_cert_path: Option<PathBuf>,
    /// TLS private key (PEM).
    pub(crate) ssl_key_path: Option<PathBuf>,
    /// Certificates of the authorities whose clients may authenticate.
    pub(crate) ssl_auth_path: Option<PathBuf>,
    /// DER-encoded OCSP response stapled to the certificate.
    pub(crate) ssl_ocsp_path: Option<PathBuf>,
    /// Refuse clients without a certificate.
    #[config(default = false)]
    pub(crate) ssl_require_auth: bool,
    /// Allow TLS session resumption.
    #[config(default = false)]
    pub(crate) ssl_resumption: bool,
    /// Allow TLS session tickets.
    #[config(default = false)]
    pub(crate) ssl_tickets: bool,
    /// Snapshot to import before starting.
    pub(crate) import_snapshot: Option<PathBuf>,
    /// Start without importing when the snapshot file is missing.
    #[config(default = false, requires(import_snapshot))]
    pub(crate) ignore_missing_snapshot: bool,
    /// Start on the existing database and skip the snapshot when there is one.
    #[config(default = false, requires(import_snapshot))]
    pub(crate) ignore_snapshot_if_db_exists: bool,
    /// Directory of the snapshots.
    #[config(default = "snapshots/")]
    pub(crate) snapshot_dir: PathBuf,
    /// Take a snapshot this often (a bare number is seconds); none when unset.
    #[config(unit = "s")]
    pub(crate) schedule_snapshot: Option<Duration>,
    /// Dump (`.dump` file) to import before starting.
    pub(crate) import_dump: Option<PathBuf>,
    /// Start without importing when the dump file is missing.
    #[config(default = false, requires(import_dump))]
    pub(crate) ignore_missing_dump: bool,
    /// Start on the existing database and skip the dump when there is one.
    #[config(default = false, requires(import_dump))]
    pub(crate) ignore_dump_if_db_exists: bool,
    /// Directory of the dumps.
    #[config(default = "dumps/")]
    pub(crate) dump_dir: PathBuf,
    /// Least severe log level written.
    #[config(default = "INFO")]
    pub(crate) log_level: LogLevel,
    /// Offer the `CONTAINS` filter operator.
    #[config(default = false)]
    pub(crate) experimental_contains_filter: bool,
    /// Serve Prometheus metrics on `GET /metrics`.
    #[config(default = false)]
    pub(crate) experimental_enable_metrics: bool,
    /// Search with the legacy pipeline by default.
    #[config(env = "MEILI_EXPERIMENTAL_LEGACY_SEARCH", default = false)]
    pub(crate) experimental_legacy_search_default: bool,
    /// Searches that may wait; more are answered with HTTP 503.
    #[config(default = 1000)]
    pub(crate) experimental_search_queue_size: usize,
    /// Seconds after which a waiting search is dropped.
    #[config(default = 60)]
    pub(crate) experimental_drop_search_after: NonZeroUsize,
    /// Searches run at once on each CPU.
    #[config(default = 4)]
    pub(crate) experimental_nb_searches_per_core: NonZeroUsize,
    /// How logs are written to the console.
    #[config(default = "HUMAN")]
    pub(crate) experimental_logs_mode: LogMode,
    /// Upgrade the database in place instead of through a dump.
    #[config(default = false)]
    pub(crate) experimental_dumpless_upgrade: bool,
    /// Serve the `/logs/stream` and `/logs/stderr` routes.
    #[config(default = false)]
    pub(crate) experimental_enable_logs_route: bool,
    /// Settings for running replicas: custom task ids, dry-run tasks and no
    /// automatic clean-up of finished tasks.
    #[config(default = false)]
    pub(crate) experimental_replication_parameters: bool,
    /// Map the database writably to use less memory while indexing (not on
    /// Windows).
    #[config(default = false)]
    pub(crate) experimental_reduce_indexing_memory_usage: bool,
    /// Most tasks processed in one batch; no limit when unset.
    pub(crate) experimental_max_number_of_batched_tasks: Option<usize>,
    /// Entries of each embedder's cache of query embeddings; 0 disables it.
    #[config(default = 0)]
    pub(crate) experimental_embedding_cache_entries: usize,
    /// Do not compact snapshots while taking them.
    #[config(default = false)]
    pub(crate) experimental_no_snapshot_compaction: bool,
    /// API key of the personalization features.
    pub(crate) experimental_personalization_api_key: Option<SecretString>,
    /// Internal networks that outgoing requests (webhooks, embedders) may
    /// reach, such as `10.0.0.0/8,192.168.1.7` or `any`; every internal
    /// address is refused when empty.
    #[config(default = "")]
    pub(crate) experimental_allowed_ip_networks: Vec<IpNetwork>,
    /// Indexing resources.
    #[config(flatten)]
    pub(crate) indexer: Indexer,
    /// Largest total size of the tasks of one batch.
    #[config(
        default_with = half_the_indexing_memory(indexer),
        default_doc = "half of MEILI_MAX_INDEXING_MEMORY, at most 10 GiB"
    )]
    pub(crate) experimental_limit_batched_tasks_total_size: ByteSize,
    /// Snapshots sent to S3 instead of written to `snapshot_dir`.
    #[config(flatten)]
    pub(crate) s3_snapshot: Option<S3Snapshot>,
    /// TOML file of options, overridden by the environment; when unset,
    /// `./config.toml` is read if it exists.
    pub(crate) config_file_path: Option<PathBuf>,
    /// What the engine reads outside its options.
    #[config(flatten)]
    pub(crate) engine: Engine,
}

/// The indexer's options: `MEILI_MAX_INDEXING_*` and the indexing switches.
#[derive(Config, Debug)]
pub(crate) struct Indexer {
    /// Most memory indexing may use.
    #[config(
        default_with = two_thirds_of_the_memory(),
        default_doc = "two thirds of the memory (or of the cgroup's limit)"
    )]
    pub(crate) max_indexing_memory: ByteSize,
    /// Most threads indexing may use; `unlimited` means the default.
    #[config(
        with = thread_count,
        expected = "number of threads, or unlimited for the default",
        default_with = half_the_cpus(),
        default_doc = "half the CPUs"
    )]
    pub(crate) max_indexing_threads: usize,
    /// Change settings with the indexer of before edition 2024.
    #[config(default = false)]
    pub(crate) experimental_no_edition_2024_for_settings: bool,
    /// Import dumps with the indexer of before edition 2024.
    #[config(default = false)]
    pub(crate) experimental_no_edition_2024_for_dumps: bool,
}

/// Snapshots in an S3 bucket: all of bucket, region, name and prefix, with
/// access keys or a role, once any of these variables is set.
#[derive(Config, Debug)]
#[config(at_least_one(s3_access_key, experimental_s3_role_arn))]
pub(crate) struct S3Snapshot {
    /// URL of the bucket's endpoint, such as `https://s3.eu-west-3.amazonaws.com`.
    pub(crate) s3_bucket_url: url::Url,
    /// Region of the bucket, such as `eu-west-3`.
    pub(crate) s3_bucket_region: String,
    /// Name of the bucket.
    pub(crate) s3_bucket_name: String,
    /// Path in the bucket under which snapshots are put, `/`-separated.
    pub(crate) s3_snapshot_prefix: String,
    /// Access key id; needs the secret key.
    #[config(requires(s3_secret_key))]
    pub(crate) s3_access_key: Option<SecretString>,
    /// Secret access key.
    #[config(conflicts_with(experimental_s3_role_arn, experimental_s3_web_identity_token_file))]
    pub(crate) s3_secret_key: Option<SecretString>,
    /// IAM role assumed through web identity federation; needs the token file.
    #[config(requires(experimental_s3_web_identity_token_file))]
    pub(crate) experimental_s3_role_arn: Option<String>,
    /// File of the web identity token.
    #[config(conflicts_with(s3_access_key, s3_secret_key))]
    pub(crate) experimental_s3_web_identity_token_file: Option<PathBuf>,
    /// Parts uploaded at once.
    #[config(default = 10)]
    pub(crate) experimental_s3_max_in_flight_parts: NonZeroUsize,
    /// Compression level of the snapshot; 0 is none.
    #[config(default = 0)]
    pub(crate) experimental_s3_compression_level: u32,
    /// How long the signature of an upload stays valid (bare numbers are
    /// seconds).
    #[config(
        env = "MEILI_EXPERIMENTAL_S3_SIGNATURE_DURATION_SECONDS",
        unit = "s",
        default = "8h"
    )]
    pub(crate) experimental_s3_signature_duration: Duration,
    /// Size of each uploaded part.
    #[config(default = "375 MiB")]
    pub(crate) experimental_s3_multipart_part_size: ByteSize,
}

/// Variables that parts of the engine read themselves, outside the options.
#[derive(Config, Debug)]
pub(crate) struct Engine {
    /// Readers each index allows at once.
    #[config(default = 1024)]
    pub(crate) experimental_index_max_readers: u32,
    /// How long a web identity token asks to be valid (bare numbers are
    /// seconds).
    #[config(
        env = "MEILI_EXPERIMENTAL_S3_WEB_IDENTITY_TOKEN_DURATION_SECONDS",
        unit = "s",
        default = 3600
    )]
    pub(crate) experimental_s3_web_identity_token_duration: Duration,
    /// Hosting provider, reported with the telemetry; `meili_cloud:...`
    /// sends it hourly instead of daily.
    pub(crate) server_provider: Option<String>,
    /// Words counted by dynamic search rules.
    #[config(default = 10)]
    pub(crate) experimental_dsr_fuel_max_counted_words: u8,
    /// Dynamic search rules active at once.
    #[config(default = 1000)]
    pub(crate) experimental_dsr_fuel_max_active_rules: u32,
    /// Pin actions of dynamic search rules.
    #[config(default = 100)]
    pub(crate) experimental_dsr_fuel_max_pin_actions: u32,
    /// Word budget of dynamic search rules.
    #[config(default = 4096)]
    pub(crate) experimental_dsr_fuel_word_fuel: u32,
    /// Time to connect to a remote instance (bare numbers are seconds).
    #[config(
        env = "MEILI_EXPERIMENTAL_PROXY_CONNECT_TIMEOUT_SECONDS",
        unit = "s",
        default = 3
    )]
    pub(crate) experimental_proxy_connect_timeout: Duration,
    /// Time to retry a remote instance (bare numbers are seconds).
    #[config(
        env = "MEILI_EXPERIMENTAL_PROXY_BACKOFF_TIMEOUT_SECONDS",
        unit = "s",
        default = 25
    )]
    pub(crate) experimental_proxy_backoff_timeout: Duration,
    /// Time for one request to a remote instance (bare numbers are seconds).
    #[config(
        env = "MEILI_EXPERIMENTAL_PROXY_REQUEST_TIMEOUT_SECONDS",
        unit = "s",
        default = 30
    )]
    pub(crate) experimental_proxy_request_timeout: Duration,
    /// Time for a search on a remote instance (bare numbers are seconds).
    #[config(
        env = "MEILI_EXPERIMENTAL_REMOTE_SEARCH_TIMEOUT_SECONDS",
        unit = "s",
        default = 25
    )]
    pub(crate) experimental_remote_search_timeout: Duration,
    /// Time for one request to a REST embedder (bare numbers are seconds).
    #[config(
        env = "MEILI_EXPERIMENTAL_REST_EMBEDDER_TIMEOUT_SECONDS",
        unit = "s",
        default = 30
    )]
    pub(crate) experimental_rest_embedder_timeout: Duration,
    /// Time spent retrying a REST embedder (bare numbers are seconds).
    #[config(
        env = "MEILI_EXPERIMENTAL_REST_EMBEDDER_MAX_RETRY_DURATION_SECONDS",
        unit = "s",
        default = 60
    )]
    pub(crate) experimental_rest_embedder_max_retry_duration: Duration,
    /// Below this many vectors, search them one by one instead of in the
    /// HNSW graph.
    #[config(default = 300000)]
    pub(crate) experimental_hnsw_linear_below: usize,
    /// Below this share of an index's vectors, search them one by one.
    #[config(default = 0.1)]
    pub(crate) experimental_hnsw_linear_below_ratio: f32,
    /// Failures of embedders that indexing ignores.
    #[config(default = "")]
    pub(crate) experimental_config_embedder_failure_modes: Vec<FailureMode>,
    /// Skip the clean-up of old field-id databases when upgrading.
    #[config(default = false)]
    pub(crate) experimental_disable_fid_based_databases_cleanup: bool,
    /// Endpoint of Ollama embedders that set none.
    #[config(default = "http://localhost:11434/api/embeddings")]
    pub(crate) ollama_url: url::Url,
    /// API key of OpenAI embedders that set none.
    #[config(fallback = "OPENAI_API_KEY")]
    pub(crate) openai_api_key: Option<SecretString>,
}

/// Where the instance runs: exactly `development` or `production`, as clap
/// matches them.
#[derive(EnvValue, Debug, Clone, Copy, PartialEq, Eq)]
#[config(rename_all = "lowercase", case_sensitive)]
pub(crate) enum Environment {
    /// A master key is optional.
    Development,
    /// A master key of at least 16 bytes is required.
    Production,
}

/// Least severe level logged, any case.
#[derive(EnvValue, Debug, Clone, Copy, PartialEq, Eq)]
#[config(rename_all = "UPPERCASE")]
pub(crate) enum LogLevel {
    /// Nothing.
    Off,
    /// Errors.
    Error,
    /// Warnings and errors.
    Warn,
    /// Information and above.
    Info,
    /// Debugging and above.
    Debug,
    /// Everything.
    Trace,
}

/// How logs are written to the console, any case.
#[derive(EnvValue, Debug, Clone, Copy, PartialEq, Eq)]
#[config(rename_all = "UPPERCASE")]
pub(crate) enum LogMode {
    /// For people.
    Human,
    /// One JSON object a line.
    Json,
}

/// A failure of an embedder that indexing may ignore.
#[derive(EnvValue, Debug, Clone, Copy, PartialEq, Eq)]
#[config(rename_all = "snake_case")]
pub(crate) enum FailureMode {
    /// A document template that does not render.
    IgnoreDocumentTemplateFailures,
    /// An embedder that fails.
    IgnoreEmbedderFailures,
}

/// A network outgoing requests may reach: `any`, an address, or an address
/// and a prefix length (`10.0.0.0/8`) with no bit set after the prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IpNetwork {
    /// Every address.
    Any,
    /// The addresses that share the first `len` bits of `address`.
    Cidr {
        /// The network's first address.
        address: IpAddr,
        /// Bits of the prefix.
        len: u8,
    },
}

impl EnvValue for IpNetwork {
    fn expected() -> Cow<'static, str> {
        "IP network such as 10.0.0.0/8, 192.168.1.7 or any".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        if text.eq_ignore_ascii_case("any") {
            return Ok(IpNetwork::Any);
        }
        let (address, len) = match text.split_once('/') {
            Some((address, len)) => (address, Some(len)),
            None => (text, None),
        };
        let address: IpAddr = address
            .parse()
            .map_err(|_| ValueError::new("not an IP address"))?;
        let bits: u8 = if address.is_ipv4() { 32 } else { 128 };
        let len = match len {
            None => bits,
            Some(len) => len
                .parse::<u8>()
                .ok()
                .filter(|len| *len <= bits)
                .ok_or_else(|| ValueError::new(format!("prefix length not in 0..={bits}")))?,
        };
        let value = match address {
            IpAddr::V4(v4) => u128::from(u32::from(v4)) << 96,
            IpAddr::V6(v6) => u128::from(v6),
        };
        let host_bits = value.checked_shl(u32::from(len)).unwrap_or(0);
        if host_bits != 0 {
            return Err(ValueError::new("bits set after the prefix length"));
        }
        Ok(IpNetwork::Cidr { address, len })
    }
}

/// Meilisearch's `MASTER_KEY_MIN_SIZE`: the bytes a production key needs.
const MASTER_KEY_MIN_BYTES: usize = 16;

/// A production instance refuses a master key shorter than 16 bytes (its
/// absence is the `required_if` rule's to report).
fn master_key_fits_the_environment(
    env: &Environment,
    master_key: &Option<SecretString>,
) -> Result<(), String> {
    match master_key {
        Some(key)
            if *env == Environment::Production
                && key.expose_secret().len() < MASTER_KEY_MIN_BYTES =>
        {
            Err(format!(
                "MEILI_MASTER_KEY must be at least {MASTER_KEY_MIN_BYTES} bytes when MEILI_ENV is production"
            ))
        }
        _ => Ok(()),
    }
}

/// Two thirds of the memory this process may use: the cgroup's limit when
/// there is one, else the machine's memory. Without either (not Linux), no
/// limit, as Meilisearch sets none where it cannot read the memory.
pub(crate) fn two_thirds_of_the_memory() -> ByteSize {
    match cgroup_memory_limit().or_else(machine_memory) {
        Some(bytes) => ByteSize::new(bytes / 3 * 2),
        None => ByteSize::new(u64::MAX),
    }
}

fn cgroup_memory_limit() -> Option<u64> {
    let text = std::fs::read_to_string("/sys/fs/cgroup/memory.max").ok()?;
    // `max` means no limit of the cgroup's own.
    text.trim().parse().ok()
}

fn machine_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    kib.checked_mul(1024)
}

/// Half the CPUs, at least one (Meilisearch's half of one CPU is zero,
/// which its thread pool reads as every CPU).
pub(crate) fn half_the_cpus() -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    (cpus / 2).max(1)
}

/// Half the indexing memory, at most 10 GiB: what Meilisearch infers for the
/// total size of a batch.
pub(crate) fn half_the_indexing_memory(indexer: &Indexer) -> ByteSize {
    let memory = indexer.max_indexing_memory.bytes();
    ByteSize::new((memory / 2).min(ByteSize::gib(10).bytes()))
}

/// A number of threads, or `unlimited` for the default, half the CPUs.
pub(crate) fn thread_count(text: &str) -> Result<usize, std::num::ParseIntError> {
    if text == "unlimited" {
        Ok(half_the_cpus())
    } else {
        text.parse()
    }
}
