//! Meilisearch v1.50.0 (`examples/ported/meilisearch.rs`): its documented
//! configuration loads to the documented values, its computed defaults and
//! presence rules behave as Meilisearch's do, and a broken environment is
//! reported whole.

#[path = "../../examples/ported/meilisearch.rs"]
mod meilisearch;

use std::path::Path;
use std::time::Duration;

use meilisearch::{Environment, IpNetwork, LogLevel, LogMode, Meilisearch};
use serde_json::Value as Json;
use twelve_config::{ByteSize, Config, ExposeSecret, Vars};

use crate::support::TempFile;

/// Meilisearch's `config.toml` as it exports it to the environment before
/// parsing: every line that is not commented out (`schedule_snapshot =
/// false` exports nothing, and the `import_*`/`ignore_*` lines are never
/// exported).
const CONFIG_TOML: &[(&str, &str)] = &[
    ("MEILI_DB_PATH", "./data.ms"),
    ("MEILI_ENV", "development"),
    ("MEILI_HTTP_ADDR", "localhost:7700"),
    ("MEILI_HTTP_PAYLOAD_SIZE_LIMIT", "100 MB"),
    ("MEILI_LOG_LEVEL", "INFO"),
    ("MEILI_DUMP_DIR", "dumps/"),
    ("MEILI_SNAPSHOT_DIR", "snapshots/"),
    ("MEILI_SSL_REQUIRE_AUTH", "false"),
    ("MEILI_SSL_RESUMPTION", "false"),
    ("MEILI_SSL_TICKETS", "false"),
    ("MEILI_EXPERIMENTAL_ENABLE_METRICS", "false"),
    ("MEILI_EXPERIMENTAL_REDUCE_INDEXING_MEMORY_USAGE", "false"),
];

/// The lines `config.toml` leaves commented out, switched on, with the
/// dump import and its two switches.
const CONFIG_TOML_COMMENTED: &[(&str, &str)] = &[
    ("MEILI_ENV", "production"),
    ("MEILI_MASTER_KEY", "YOUR_MASTER_KEY_VALUE"),
    ("MEILI_NO_ANALYTICS", "true"),
    ("MEILI_MAX_INDEXING_MEMORY", "2 GiB"),
    ("MEILI_MAX_INDEXING_THREADS", "4"),
    ("MEILI_IMPORT_DUMP", "./path/to/my/file.dump"),
    ("MEILI_IGNORE_MISSING_DUMP", "false"),
    ("MEILI_IGNORE_DUMP_IF_DB_EXISTS", "false"),
    ("MEILI_SSL_AUTH_PATH", "./path/to/root"),
    ("MEILI_SSL_CERT_PATH", "./path/to/certfile"),
    ("MEILI_SSL_KEY_PATH", "./path/to/private-key"),
    ("MEILI_SSL_OCSP_PATH", "./path/to/ocsp-file"),
    ("MEILI_EXPERIMENTAL_MAX_NUMBER_OF_BATCHED_TASKS", "100"),
];

/// A complete set of S3 snapshot options, authenticated with a key pair.
const S3_WITH_KEYS: &[(&str, &str)] = &[
    ("MEILI_S3_BUCKET_URL", "https://s3.eu-west-3.amazonaws.com"),
    ("MEILI_S3_BUCKET_REGION", "eu-west-3"),
    ("MEILI_S3_BUCKET_NAME", "search-snapshots"),
    ("MEILI_S3_SNAPSHOT_PREFIX", "prod/meilisearch"),
    ("MEILI_S3_ACCESS_KEY", "AKIAEXAMPLEKEYID"),
    ("MEILI_S3_SECRET_KEY", "wJalrXUtnFEMI/K7MDENG/EXAMPLEKEY"),
];

fn load(vars: &[(&str, &str)]) -> Result<Meilisearch, twelve_config::Errors> {
    Meilisearch::from_vars(vars.iter().copied())
}

fn with(
    base: &[(&'static str, &'static str)],
    more: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    base.iter().chain(more).copied().collect()
}

#[test]
fn meilisearch_config_toml_loads_without_warnings() {
    let loaded = Meilisearch::load(&Vars::new(CONFIG_TOML.iter().copied())).unwrap();
    assert!(loaded.warnings().is_empty(), "{:?}", loaded.warnings());
    let c = loaded.config();
    assert_eq!(c.db_path, Path::new("./data.ms"));
    assert_eq!(c.env, Environment::Development);
    assert_eq!(c.http_addr.to_string(), "localhost:7700");
    assert_eq!(c.http_payload_size_limit.bytes(), 100_000_000);
    assert_eq!(c.log_level, LogLevel::Info);
    assert_eq!(c.dump_dir, Path::new("dumps/"));
    assert_eq!(c.snapshot_dir, Path::new("snapshots/"));
    assert!(!c.ssl_require_auth && !c.ssl_resumption && !c.ssl_tickets);
    assert!(!c.experimental_enable_metrics);
    // What the file does not say takes Meilisearch's defaults.
    assert!(c.master_key.is_none());
    assert_eq!(c.schedule_snapshot, None);
    assert_eq!(c.import_dump, None);
    assert_eq!(c.experimental_search_queue_size, 1000);
    assert_eq!(c.experimental_drop_search_after.get(), 60);
    assert_eq!(c.experimental_nb_searches_per_core.get(), 4);
    assert_eq!(c.experimental_logs_mode, LogMode::Human);
    assert_eq!(c.experimental_max_number_of_batched_tasks, None);
    assert!(c.experimental_allowed_ip_networks.is_empty());
    assert!(c.s3_snapshot.is_none());
    assert_eq!(c.engine.experimental_index_max_readers, 1024);
    assert_eq!(
        c.engine.experimental_proxy_backoff_timeout,
        Duration::from_secs(25)
    );
    assert_eq!(c.engine.experimental_hnsw_linear_below, 300_000);
    assert_eq!(
        c.engine.ollama_url.as_str(),
        "http://localhost:11434/api/embeddings"
    );
    assert!(c.engine.openai_api_key.is_none());
}

/// What Meilisearch's `Dockerfile` sets, run in production as its
/// documentation shows.
const DOCKER: &[(&str, &str)] = &[
    ("MEILI_HTTP_ADDR", "0.0.0.0:7700"),
    ("MEILI_SERVER_PROVIDER", "docker"),
    ("MEILI_ENV", "production"),
    ("MEILI_MASTER_KEY", "aSampleMasterKey-of-32-characters"),
];

#[test]
fn meilisearch_docker_image_environment_loads() {
    let loaded = Meilisearch::load(&Vars::new(DOCKER.iter().copied())).unwrap();
    assert!(loaded.warnings().is_empty(), "{:?}", loaded.warnings());
    let c = loaded.config();
    assert_eq!(c.http_addr.to_string(), "0.0.0.0:7700");
    assert_eq!(c.engine.server_provider.as_deref(), Some("docker"));
    assert_eq!(c.env, Environment::Production);
    assert_eq!(
        c.master_key.as_ref().unwrap().expose_secret(),
        "aSampleMasterKey-of-32-characters"
    );
}

#[test]
fn meilisearch_computed_defaults_follow_the_machine_and_each_other() {
    let c = load(CONFIG_TOML).unwrap();
    let memory = c.indexer.max_indexing_memory;
    assert_eq!(memory, meilisearch::two_thirds_of_the_memory());
    // This runs on Linux, where the memory is known: a real, finite size.
    assert!(
        memory.bytes() > 0 && memory < ByteSize::new(u64::MAX),
        "{memory}"
    );
    let cpus = std::thread::available_parallelism().unwrap().get();
    assert_eq!(c.indexer.max_indexing_threads, (cpus / 2).max(1));
    assert_eq!(
        c.experimental_limit_batched_tasks_total_size.bytes(),
        (memory.bytes() / 2).min(10 << 30)
    );
    // The batch limit follows the indexing memory that was set...
    let small = load(&with(
        CONFIG_TOML,
        &[("MEILI_MAX_INDEXING_MEMORY", "4 GiB")],
    ))
    .unwrap();
    assert_eq!(small.indexer.max_indexing_memory, ByteSize::gib(4));
    assert_eq!(
        small.experimental_limit_batched_tasks_total_size,
        ByteSize::gib(2)
    );
    // ... capped at 10 GiB, and set explicitly it wins.
    let big = load(&[
        ("MEILI_MAX_INDEXING_MEMORY", "64GiB"),
        ("MEILI_MAX_INDEXING_THREADS", "unlimited"),
    ])
    .unwrap();
    assert_eq!(
        big.experimental_limit_batched_tasks_total_size,
        ByteSize::gib(10)
    );
    assert_eq!(big.indexer.max_indexing_threads, (cpus / 2).max(1));
    let set = load(&[
        ("MEILI_MAX_INDEXING_MEMORY", "64GiB"),
        (
            "MEILI_EXPERIMENTAL_LIMIT_BATCHED_TASKS_TOTAL_SIZE",
            "100 MB",
        ),
    ])
    .unwrap();
    assert_eq!(
        set.experimental_limit_batched_tasks_total_size.bytes(),
        100_000_000
    );
}

#[test]
fn meilisearch_commented_lines_of_config_toml_load() {
    let c = load(CONFIG_TOML_COMMENTED).unwrap();
    assert_eq!(c.env, Environment::Production);
    assert_eq!(
        c.master_key.as_ref().unwrap().expose_secret(),
        "YOUR_MASTER_KEY_VALUE"
    );
    assert!(c.no_analytics);
    assert_eq!(c.indexer.max_indexing_memory, ByteSize::gib(2));
    assert_eq!(c.indexer.max_indexing_threads, 4);
    assert_eq!(
        c.import_dump.as_deref(),
        Some(Path::new("./path/to/my/file.dump"))
    );
    assert!(!c.ignore_missing_dump && !c.ignore_dump_if_db_exists);
    assert_eq!(
        c.ssl_ocsp_path.as_deref(),
        Some(Path::new("./path/to/ocsp-file"))
    );
    assert_eq!(c.experimental_max_number_of_batched_tasks, Some(100));
    assert!(!format!("{c:?}").contains("YOUR_MASTER_KEY_VALUE"));
}

#[test]
fn meilisearch_production_needs_a_master_key_of_16_bytes() {
    let missing = load(&[("MEILI_ENV", "production")]).unwrap_err();
    let text = missing.to_string();
    assert_eq!(missing.len(), 1, "{text}");
    assert_eq!(missing.iter().next().unwrap().var(), "MEILI_MASTER_KEY");
    assert!(text.contains("MEILI_ENV"), "{text}");
    assert!(text.contains("production"), "{text}");

    let short = load(&[
        ("MEILI_ENV", "production"),
        ("MEILI_MASTER_KEY", "fifteen-bytes!!"),
    ])
    .unwrap_err()
    .to_string();
    assert!(
        short.contains("at least 16 bytes when MEILI_ENV is production"),
        "{short}"
    );
    assert!(!short.contains("fifteen-bytes!!"), "{short}");

    let ok = load(&[
        ("MEILI_ENV", "production"),
        ("MEILI_MASTER_KEY", "sixteen-bytes!!!"),
    ]);
    assert!(ok.is_ok());
    // A short key is Meilisearch's warning, not its error, in development.
    assert!(load(&[("MEILI_MASTER_KEY", "short")]).is_ok());
    // clap matches the environment exactly.
    let text = load(&[("MEILI_ENV", "Production")])
        .unwrap_err()
        .to_string();
    assert!(text.contains("MEILI_ENV"), "{text}");
    assert!(text.contains("development, production"), "{text}");
    assert!(text.contains("did you mean \"production\"?"), "{text}");
}

#[test]
fn meilisearch_log_settings_ignore_case_and_list_meilisearch_spellings() {
    let c = load(&[
        ("MEILI_LOG_LEVEL", "debug"),
        ("MEILI_EXPERIMENTAL_LOGS_MODE", "json"),
    ])
    .unwrap();
    assert_eq!(c.log_level, LogLevel::Debug);
    assert_eq!(c.experimental_logs_mode, LogMode::Json);
    let text = load(&[("MEILI_LOG_LEVEL", "verbose")])
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("expected one of: OFF, ERROR, WARN, INFO, DEBUG, TRACE"),
        "{text}"
    );
}

#[test]
fn meilisearch_dump_and_snapshot_rules() {
    let both = load(&[
        ("MEILI_IMPORT_DUMP", "a.dump"),
        ("MEILI_IMPORT_SNAPSHOT", "a.snapshot"),
    ])
    .unwrap_err()
    .to_string();
    assert!(both.contains("MEILI_IMPORT_DUMP"), "{both}");
    assert!(both.contains("MEILI_IMPORT_SNAPSHOT"), "{both}");
    // A switch set to false is set: Meilisearch's clap refuses it too.
    for (switch, needed) in [
        ("MEILI_IGNORE_MISSING_DUMP", "MEILI_IMPORT_DUMP"),
        ("MEILI_IGNORE_DUMP_IF_DB_EXISTS", "MEILI_IMPORT_DUMP"),
        ("MEILI_IGNORE_MISSING_SNAPSHOT", "MEILI_IMPORT_SNAPSHOT"),
        (
            "MEILI_IGNORE_SNAPSHOT_IF_DB_EXISTS",
            "MEILI_IMPORT_SNAPSHOT",
        ),
    ] {
        let errors = load(&[(switch, "false")]).unwrap_err();
        let text = errors.to_string();
        assert_eq!(errors.len(), 1, "{text}");
        assert!(text.contains(switch) && text.contains(needed), "{text}");
    }
    let c = load(&[
        ("MEILI_IMPORT_SNAPSHOT", "a.snapshot"),
        ("MEILI_IGNORE_MISSING_SNAPSHOT", "true"),
        ("MEILI_SCHEDULE_SNAPSHOT", "3600"),
    ])
    .unwrap();
    assert!(c.ignore_missing_snapshot);
    assert_eq!(c.schedule_snapshot, Some(Duration::from_secs(3600)));
}

#[test]
fn meilisearch_s3_snapshots_are_an_optional_group() {
    let keys = load(S3_WITH_KEYS).unwrap();
    let s3 = keys.s3_snapshot.as_ref().unwrap();
    assert_eq!(s3.s3_bucket_region, "eu-west-3");
    assert_eq!(s3.s3_snapshot_prefix, "prod/meilisearch");
    assert_eq!(
        s3.s3_secret_key.as_ref().unwrap().expose_secret(),
        "wJalrXUtnFEMI/K7MDENG/EXAMPLEKEY"
    );
    assert_eq!(s3.experimental_s3_max_in_flight_parts.get(), 10);
    assert_eq!(
        s3.experimental_s3_signature_duration,
        Duration::from_secs(8 * 3600)
    );
    assert_eq!(s3.experimental_s3_multipart_part_size, ByteSize::mib(375));

    let role = load(&[
        ("MEILI_S3_BUCKET_URL", "https://s3.eu-west-3.amazonaws.com"),
        ("MEILI_S3_BUCKET_REGION", "eu-west-3"),
        ("MEILI_S3_BUCKET_NAME", "search-snapshots"),
        ("MEILI_S3_SNAPSHOT_PREFIX", "prod"),
        (
            "MEILI_EXPERIMENTAL_S3_ROLE_ARN",
            "arn:aws:iam::123456789012:role/snap",
        ),
        (
            "MEILI_EXPERIMENTAL_S3_WEB_IDENTITY_TOKEN_FILE",
            "/var/run/token",
        ),
    ])
    .unwrap();
    assert!(role.s3_snapshot.unwrap().s3_access_key.is_none());

    // One S3 variable alone enables the group: the rest is missing.
    let errors = load(&[("MEILI_EXPERIMENTAL_S3_COMPRESSION_LEVEL", "3")]).unwrap_err();
    let text = errors.to_string();
    for var in [
        "MEILI_S3_BUCKET_URL",
        "MEILI_S3_BUCKET_REGION",
        "MEILI_S3_BUCKET_NAME",
        "MEILI_S3_SNAPSHOT_PREFIX",
        "MEILI_S3_ACCESS_KEY",
        "MEILI_EXPERIMENTAL_S3_ROLE_ARN",
    ] {
        assert!(text.contains(var), "{var} not in {text}");
    }

    // A key without its secret, and keys together with a role.
    let text = load(&with(
        &S3_WITH_KEYS[..5],
        &[(
            "MEILI_EXPERIMENTAL_S3_WEB_IDENTITY_TOKEN_FILE",
            "/var/run/token",
        )],
    ))
    .unwrap_err()
    .to_string();
    assert!(text.contains("MEILI_S3_SECRET_KEY"), "{text}");
    assert!(
        text.contains("MEILI_EXPERIMENTAL_S3_WEB_IDENTITY_TOKEN_FILE"),
        "{text}"
    );
    assert!(!text.contains("AKIAEXAMPLEKEYID"), "{text}");
}

#[test]
fn meilisearch_openai_key_falls_back_to_the_plain_name() {
    let loaded = Meilisearch::load(&Vars::new([("OPENAI_API_KEY", "sk-plain")])).unwrap();
    assert!(loaded.warnings().is_empty(), "{:?}", loaded.warnings());
    let key = loaded.config().engine.openai_api_key.as_ref().unwrap();
    assert_eq!(key.expose_secret(), "sk-plain");
    let both = load(&[
        ("OPENAI_API_KEY", "sk-plain"),
        ("MEILI_OPENAI_API_KEY", "sk-meili"),
    ])
    .unwrap();
    let key = both.engine.openai_api_key.as_ref().unwrap();
    assert_eq!(key.expose_secret(), "sk-meili");
}

#[test]
fn meilisearch_ip_networks_and_failure_modes() {
    let c = load(&[
        (
            "MEILI_EXPERIMENTAL_ALLOWED_IP_NETWORKS",
            "10.0.0.0/8, 192.168.1.7,fd00::/8",
        ),
        (
            "MEILI_EXPERIMENTAL_CONFIG_EMBEDDER_FAILURE_MODES",
            "ignore_embedder_failures",
        ),
    ])
    .unwrap();
    assert_eq!(c.experimental_allowed_ip_networks.len(), 3);
    assert_eq!(
        c.experimental_allowed_ip_networks[1],
        IpNetwork::Cidr {
            address: [192, 168, 1, 7].into(),
            len: 32
        }
    );
    assert_eq!(
        c.engine.experimental_config_embedder_failure_modes,
        [meilisearch::FailureMode::IgnoreEmbedderFailures]
    );
    let any = load(&[("MEILI_EXPERIMENTAL_ALLOWED_IP_NETWORKS", "any")]).unwrap();
    assert_eq!(any.experimental_allowed_ip_networks, [IpNetwork::Any]);
    for bad in ["10.0.0.1/8", "10.0.0.0/33", "intranet"] {
        let text = load(&[("MEILI_EXPERIMENTAL_ALLOWED_IP_NETWORKS", bad)])
            .unwrap_err()
            .to_string();
        assert!(
            text.contains("MEILI_EXPERIMENTAL_ALLOWED_IP_NETWORKS"),
            "{text}"
        );
    }
}

#[test]
fn meilisearch_broken_environment_reports_every_problem_at_once() {
    let errors = load(&[
        ("MEILI_HTTP_PAYLOAD_SIZE_LIMIT", "100 parsecs"),
        ("MEILI_LOG_LEVEL", "LOUD"),
        ("MEILI_EXPERIMENTAL_DROP_SEARCH_AFTER", "0"),
        ("MEILI_TASK_WEBHOOK_URL", "hooks.example.com/meili"),
        ("MEILI_IMPORT_DUMP", "a.dump"),
        ("MEILI_IMPORT_SNAPSHOT", "a.snapshot"),
        ("MEILI_S3_BUCKET_URL", "https://s3.eu-west-3.amazonaws.com"),
        ("MEILI_S3_BUCKET_REGION", "eu-west-3"),
        ("MEILI_S3_BUCKET_NAME", "search-snapshots"),
        ("MEILI_S3_SNAPSHOT_PREFIX", "prod"),
        ("MEILI_S3_ACCESS_KEY", "AKIAEXAMPLEKEYID"),
        ("MEILI_S3_SECRET_KEY_FILE", "/nonexistent/meili-s3-secret"),
        ("MEILI_MAX_INDEXING_MEMORY", "lots"),
    ])
    .unwrap_err();
    let text = errors.to_string();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    for var in [
        "MEILI_HTTP_PAYLOAD_SIZE_LIMIT",
        "MEILI_LOG_LEVEL",
        "MEILI_EXPERIMENTAL_DROP_SEARCH_AFTER",
        "MEILI_TASK_WEBHOOK_URL",
        "MEILI_S3_SECRET_KEY_FILE",
        "MEILI_MAX_INDEXING_MEMORY",
    ] {
        assert!(vars.contains(&var), "{var} not in {vars:?}\n{text}");
    }
    // The rule is reported though other fields failed.
    assert!(
        text.contains("MEILI_IMPORT_DUMP") && text.contains("MEILI_IMPORT_SNAPSHOT"),
        "{text}"
    );
    // The batch limit depends on the memory that failed: no second problem.
    assert!(
        !text.contains("MEILI_EXPERIMENTAL_LIMIT_BATCHED_TASKS_TOTAL_SIZE"),
        "{text}"
    );
    assert!(text.contains("/nonexistent/meili-s3-secret"), "{text}");
    assert!(!text.contains("AKIAEXAMPLEKEYID"), "{text}");
}

#[test]
fn meilisearch_secret_file_in_the_s3_group_is_read() {
    let secret = TempFile::with("from-a-file\n");
    let mut vars = S3_WITH_KEYS[..5].to_vec();
    vars.push(("MEILI_S3_SECRET_KEY_FILE", secret.path()));
    let s3 = load(&vars).unwrap().s3_snapshot.unwrap();
    assert_eq!(s3.s3_secret_key.unwrap().expose_secret(), "from-a-file");
}

#[test]
fn meilisearch_schema_lists_every_variable_computed_defaults_and_rules() {
    let schema = Meilisearch::schema();
    let names: Vec<&str> = schema.vars().iter().map(|v| v.name()).collect();
    // The 42 options of `Opt` and the 4 of `IndexerOpts` (the batch limit
    // sits beside the memory it follows here), the 12 of `S3SnapshotOpts`,
    // `MEILI_CONFIG_FILE_PATH` and the 19 read elsewhere in the engine.
    assert_eq!(names.len(), 78, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("MEILI_")), "{names:?}");
    let json: Json = serde_json::from_str(&schema.to_json()).unwrap();
    let var = |name: &str| {
        json["vars"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["name"] == name)
            .unwrap_or_else(|| panic!("{name} not in the schema"))
            .clone()
    };
    assert_eq!(
        var("MEILI_MAX_INDEXING_MEMORY")["default_computed"],
        "two thirds of the memory (or of the cgroup's limit)"
    );
    assert_eq!(
        var("MEILI_MAX_INDEXING_THREADS")["type"],
        "number of threads, or unlimited for the default"
    );
    assert_eq!(
        var("MEILI_MAX_INDEXING_THREADS")["default_computed"],
        "half the CPUs"
    );
    assert_eq!(
        var("MEILI_EXPERIMENTAL_LIMIT_BATCHED_TASKS_TOTAL_SIZE")["default_computed"],
        "half of MEILI_MAX_INDEXING_MEMORY, at most 10 GiB"
    );
    assert_eq!(
        var("MEILI_OPENAI_API_KEY")["fallbacks"],
        serde_json::json!(["OPENAI_API_KEY"])
    );
    assert_eq!(var("MEILI_S3_BUCKET_NAME")["group"], "s3_snapshot");
    assert_eq!(var("MEILI_MASTER_KEY")["secret"], true);
    assert_eq!(
        var("MEILI_ENV")["choices"],
        serde_json::json!(["development", "production"])
    );
    let rules = json["rules"].as_array().unwrap();
    let has_rule = |kind: &str, vars: &[&str]| {
        rules
            .iter()
            .any(|r| r["kind"] == kind && r["vars"] == serde_json::json!(vars))
    };
    assert!(
        has_rule(
            "at_most_one",
            &["MEILI_IMPORT_DUMP", "MEILI_IMPORT_SNAPSHOT"]
        ),
        "{rules:#?}"
    );
    assert!(
        has_rule(
            "requires",
            &["MEILI_IGNORE_MISSING_DUMP", "MEILI_IMPORT_DUMP"]
        ),
        "{rules:#?}"
    );
    assert!(
        has_rule("required_if", &["MEILI_MASTER_KEY", "MEILI_ENV"]),
        "{rules:#?}"
    );
    assert!(
        has_rule("requires", &["MEILI_S3_ACCESS_KEY", "MEILI_S3_SECRET_KEY"]),
        "{rules:#?}"
    );
    assert!(
        has_rule(
            "at_least_one",
            &["MEILI_S3_ACCESS_KEY", "MEILI_EXPERIMENTAL_S3_ROLE_ARN"]
        ),
        "{rules:#?}"
    );
    assert!(rules.iter().any(|r| r["kind"] == "check"), "{rules:#?}");
    let required_if = rules.iter().find(|r| r["kind"] == "required_if").unwrap();
    assert_eq!(required_if["equals"], "production");
}
