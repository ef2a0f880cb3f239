//! sccache at bf757277 (`examples/ported/sccache/`): the environments its
//! documentation shows load to the values sccache uses, what sccache
//! replaces or ignores loads with a warning, and its rules are enforced.

#[path = "../../examples/ported/sccache/mod.rs"]
mod sccache;

use std::path::{Path, PathBuf};

use sccache::{CacheMode, Level, One, Sccache, WriteErrorPolicy};
use twelve_config::{ByteSize, Config, Errors, ExposeSecret, Vars};

fn load(vars: &[(&str, &str)]) -> Result<Sccache, Errors> {
    Sccache::from_vars(vars.iter().copied())
}

/// Loads `vars`, which must load, and returns the config and its warnings.
fn warned(vars: &[(&str, &str)]) -> (Sccache, Vec<String>) {
    let loaded = Sccache::load(&Vars::new(vars.iter().copied())).unwrap();
    let warnings = loaded.warnings().iter().map(|w| w.to_string()).collect();
    (loaded.into_config(), warnings)
}

/// The variables a failed load names, in report order.
fn failing(vars: &[(&str, &str)]) -> Vec<String> {
    let errors = load(vars).unwrap_err();
    errors.iter().map(|e| e.var().to_owned()).collect()
}

#[test]
fn sccache_defaults_with_nothing_set() {
    let (c, warnings) = warned(&[]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(c.server_port, 4226);
    assert_eq!(c.idle_timeout, 600);
    assert_eq!(c.cache_zstd_level, 3);
    assert_eq!(c.max_frame_length, None);
    for switch in [&c.start_server, &c.no_daemon, &c.allow_core_dumps] {
        assert_eq!(*switch, One(false));
    }
    assert_eq!(c.client_side, None);
    assert!(c.log_millis.is_none() && c.cache_multiarch.is_none());
    assert_eq!(c.basedirs, None);
    // No backend: sccache uses the disk cache with its defaults.
    assert!(c.disk.is_none() && c.s3.is_none() && c.redis.is_none());
    assert!(c.multilevel.is_none() && c.gha.is_none());
    assert_eq!(c.backend(), None);
}

#[test]
fn sccache_multi_level_example_of_its_configuration_doc_loads() {
    let (c, warnings) = warned(&[
        ("SCCACHE_MULTILEVEL_CHAIN", "disk,redis,s3"),
        ("SCCACHE_DIR", "/tmp/cache"),
        ("SCCACHE_REDIS_ENDPOINT", "redis://cache.internal:6379"),
        ("SCCACHE_BUCKET", "my-bucket"),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    let multilevel = c.multilevel.as_ref().unwrap();
    assert_eq!(
        multilevel.multilevel_chain,
        [Level::Disk, Level::Redis, Level::S3]
    );
    assert_eq!(
        multilevel.multilevel_write_error_policy,
        WriteErrorPolicy::L0
    );
    let disk = c.disk.as_ref().unwrap();
    assert_eq!(disk.dir, Path::new("/tmp/cache"));
    assert_eq!(disk.cache_size, ByteSize::gib(10));
    assert!(disk.direct);
    let redis = c.redis.as_ref().unwrap();
    assert_eq!(redis.redis_db, 0);
    assert_eq!(redis.redis_expiration, 0);
    assert_eq!(c.s3.as_ref().unwrap().bucket, "my-bucket");
    // The policy is read in any case; text it cannot read gives l0.
    let policy = |text| {
        let (c, warnings) = warned(&[
            ("SCCACHE_MULTILEVEL_CHAIN", "disk"),
            ("SCCACHE_MULTILEVEL_WRITE_ERROR_POLICY", text),
        ]);
        let policy = c.multilevel.unwrap().multilevel_write_error_policy;
        (policy, warnings.len())
    };
    assert_eq!(policy("ALL"), (WriteErrorPolicy::All, 0));
    assert_eq!(policy("strict"), (WriteErrorPolicy::L0, 1));
}

#[test]
fn sccache_cloudflare_r2_example_loads_with_the_prefix_trimmed() {
    let (c, warnings) = warned(&[
        ("SCCACHE_BUCKET", "ci-cache"),
        (
            "SCCACHE_ENDPOINT",
            "https://account.r2.cloudflarestorage.com",
        ),
        ("SCCACHE_REGION", "auto"),
        ("SCCACHE_S3_KEY_PREFIX", "sccache//"),
        ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEYID"),
        ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/EXAMPLEKEY"),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    let s3 = c.s3.as_ref().unwrap();
    assert_eq!(s3.region.as_deref(), Some("auto"));
    assert_eq!(s3.s3_key_prefix, "sccache");
    assert!(!s3.s3_no_credentials && s3.s3_use_ssl.is_none());
    assert_eq!(c.backend(), Some("s3"));
    assert_eq!(
        c.aws_secret_access_key.unwrap().expose_secret(),
        "wJalrXUtnFEMI/K7MDENG/EXAMPLEKEY"
    );
    // sccache's switches: true, on, 1 and their opposites, any case.
    for (text, on) in [("ON", true), ("1", true), ("Off", false), ("0", false)] {
        let c = load(&[("SCCACHE_BUCKET", "b"), ("SCCACHE_S3_USE_SSL", text)]).unwrap();
        assert_eq!(c.s3.unwrap().s3_use_ssl, Some(on), "{text}");
    }
    assert_eq!(
        failing(&[("SCCACHE_BUCKET", "b"), ("SCCACHE_S3_USE_SSL", "yes")]),
        ["SCCACHE_S3_USE_SSL"]
    );
}

#[test]
fn sccache_cache_sizes_are_binary_as_its_parse_size() {
    let size = |text| {
        let c = load(&[("SCCACHE_CACHE_SIZE", text)]).unwrap();
        c.disk.unwrap().cache_size
    };
    assert_eq!(size("2G"), ByteSize::gib(2));
    assert_eq!(size("2g"), ByteSize::gib(2));
    assert_eq!(size("512M"), ByteSize::mib(512));
    assert_eq!(size("1T").bytes(), 1 << 40);
    assert_eq!(size("4096").bytes(), 4096);
    // Text it cannot read gives the default, with a warning.
    let (c, warnings) = warned(&[("SCCACHE_CACHE_SIZE", "lots")]);
    assert_eq!(c.disk.unwrap().cache_size, ByteSize::gib(10));
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].starts_with("warning: SCCACHE_CACHE_SIZE: invalid value \"lots\": expected "),
        "{warnings:?}"
    );
    assert!(
        warnings[0].ends_with(", so the default \"10G\" is used"),
        "{warnings:?}"
    );
}

#[test]
fn sccache_redis_and_memcached_deprecated_names_load_with_a_warning() {
    let (c, warnings) = warned(&[
        ("SCCACHE_REDIS_ENDPOINT", "tcp://cache:6379"),
        ("SCCACHE_REDIS_TTL", "3600"),
        ("SCCACHE_MEMCACHED", "tcp://memcached:11211"),
    ]);
    assert_eq!(c.redis.as_ref().unwrap().redis_expiration, 3600);
    let memcached = c.memcached.as_ref().unwrap();
    assert_eq!(memcached.memcached_endpoint, "tcp://memcached:11211");
    assert_eq!(memcached.memcached_expiration, 86400);
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(warnings[..2]
        .iter()
        .any(|w| w.starts_with("warning: SCCACHE_REDIS_TTL")));
    assert!(warnings[..2]
        .iter()
        .any(|w| w.starts_with("warning: SCCACHE_MEMCACHED:")));
    assert!(
        warnings[2].contains("sccache uses redis only"),
        "{warnings:?}"
    );
    // The deprecated URL, with database 0 as sccache allows, warns.
    let (c, warnings) = warned(&[
        ("SCCACHE_REDIS", "redis://:hunter2@cache:6379/1"),
        ("SCCACHE_REDIS_DB", "0"),
    ]);
    assert_eq!(c.redis.unwrap().redis.unwrap().database(), 1);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("deprecated") && !warnings[0].contains("hunter2"));
    // Another database, or two endpoints, stop sccache.
    let url = ("SCCACHE_REDIS", "redis://cache:6379");
    assert_eq!(
        failing(&[url, ("SCCACHE_REDIS_DB", "1")]),
        ["SCCACHE_REDIS"]
    );
    assert_eq!(
        failing(&[url, ("SCCACHE_REDIS_ENDPOINT", "redis://cache:6379")]),
        ["SCCACHE_REDIS"]
    );
    assert_eq!(
        failing(&[
            ("SCCACHE_REDIS_ENDPOINT", "redis://cache:6379"),
            ("SCCACHE_REDIS_TTL", "1"),
            ("SCCACHE_REDIS_EXPIRATION", "2"),
        ]),
        ["SCCACHE_REDIS_EXPIRATION"]
    );
}

#[test]
fn sccache_gha_and_gcs_switch_on_as_sccache_does() {
    let gha = |vars: &[(&str, &str)]| load(vars).unwrap().gha;
    let on = gha(&[("SCCACHE_GHA_ENABLED", "on")]).unwrap();
    assert_eq!(on.gha_rw_mode, CacheMode::ReadWrite);
    assert!(gha(&[("SCCACHE_GHA_VERSION", "v2")]).is_some());
    // A version turns it on whatever the switch says, as in sccache.
    let pinned = [
        ("SCCACHE_GHA_ENABLED", "OFF"),
        ("SCCACHE_GHA_VERSION", "v2"),
    ];
    assert!(gha(&pinned).is_some());
    assert!(gha(&[("SCCACHE_GHA_ENABLED", "false")]).is_none());
    assert!(gha(&[("SCCACHE_GHA_ENABLED", "0")]).is_none());
    assert!(gha(&[("SCCACHE_GHA_RW_MODE", "READ_ONLY")]).is_none());
    // Off, what else is set for it is said to be unused.
    let loaded = Sccache::load(&Vars::new([
        ("SCCACHE_GHA_ENABLED", "off"),
        ("SCCACHE_GHA_RW_MODE", "READ_ONLY"),
    ]))
    .unwrap();
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "warning: SCCACHE_GHA_RW_MODE: not used: the optional group gha is off, \
          since SCCACHE_GHA_ENABLED says off and SCCACHE_GHA_VERSION is not set"
        ]
    );
    // GCS is read-only unless told otherwise, in any case.
    let mode = |vars: &[(&str, &str)]| load(vars).unwrap().gcs.unwrap().gcs_rw_mode;
    let bucket = ("SCCACHE_GCS_BUCKET", "gcs-cache");
    assert_eq!(mode(&[bucket]), CacheMode::ReadOnly);
    assert_eq!(
        mode(&[bucket, ("SCCACHE_GCS_RW_MODE", "read_write")]),
        CacheMode::ReadWrite
    );
    // Credentials without a bucket stop sccache; a service account alone
    // is ignored.
    assert_eq!(
        failing(&[("SCCACHE_GCS_CREDENTIALS_URL", "http://creds")]),
        ["SCCACHE_GCS_BUCKET"]
    );
    let (c, warnings) = warned(&[("SCCACHE_GCS_SERVICE_ACCOUNT", "ci@project")]);
    assert!(c.gcs.is_none());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("not used"), "{warnings:?}");
}

#[test]
fn sccache_server_switches_and_lenient_numbers() {
    let (c, warnings) = warned(&[
        ("SCCACHE_NO_DAEMON", "1"),
        ("SCCACHE_ALLOW_CORE_DUMPS", "true"),
        ("SCCACHE_IDLE_TIMEOUT", "0"),
        ("SCCACHE_SERVER_PORT", "port"),
        ("SCCACHE_LOG_MILLIS", ""),
        ("SCCACHE_BASEDIRS", "/home/ci/src::/opt/build:"),
    ]);
    assert_eq!(c.no_daemon, One(true));
    // Only `1` turns a switch on: sccache ignores `true`, and says nothing.
    assert_eq!(c.allow_core_dumps, One(false));
    assert_eq!(c.idle_timeout, 0);
    assert_eq!(c.server_port, 4226);
    assert_eq!(c.log_millis.as_deref(), Some(""));
    let dirs = [PathBuf::from("/home/ci/src"), PathBuf::from("/opt/build")];
    assert_eq!(c.basedirs, Some(dirs.to_vec()));
    assert_eq!(
        warnings,
        [
            "warning: SCCACHE_SERVER_PORT: invalid value \"port\": expected integer 0..=65535 \
             (invalid digit found in string), so the default \"4226\" is used",
            "warning: SCCACHE_ALLOW_CORE_DUMPS: invalid value \"true\": expected 1 to turn it on \
             (only 1 turns it on), so the default \"0\" is used",
        ]
    );
    // Empty, no base directory (the file's are not used); relative, an error.
    let c = load(&[("SCCACHE_BASEDIRS", "")]).unwrap();
    assert_eq!(c.basedirs, Some(Vec::new()));
    assert_eq!(
        failing(&[("SCCACHE_BASEDIRS", "/a:src")]),
        ["SCCACHE_BASEDIRS"]
    );
}

#[test]
fn sccache_ignored_settings_are_warned_about() {
    let (c, warnings) = warned(&[
        ("SCCACHE_REDIS_DB", "2"),
        ("SCCACHE_AZURE_BLOB_CONTAINER", "cache"),
        ("SCCACHE_MULTILEVEL_WRITE_ERROR_POLICY", "all"),
        ("SCCACHE_CLIENT_SIDE", "true"),
        ("SCCACHE_LOG", "debug"),
    ]);
    assert!(c.redis.is_none() && c.azure.is_none() && c.multilevel.is_none());
    let named: Vec<&str> = warnings
        .iter()
        .map(|w| w["warning: ".len()..].split(':').next().unwrap())
        .collect();
    assert_eq!(
        named,
        [
            "SCCACHE_REDIS_DB",
            "SCCACHE_AZURE_BLOB_CONTAINER",
            "SCCACHE_MULTILEVEL_WRITE_ERROR_POLICY",
            "SCCACHE_CLIENT_SIDE, SCCACHE_LOG",
        ],
        "{warnings:?}"
    );
    // Several backends without a chain: the one sccache uses is named.
    let (c, warnings) = warned(&[
        ("SCCACHE_WEBDAV_ENDPOINT", "https://dav.internal/cache"),
        (
            "SCCACHE_REDIS_CLUSTER_ENDPOINTS",
            "redis://a:6379,redis://b:6379",
        ),
        ("SCCACHE_REDIS_KEY_PREFIX", "ci"),
    ]);
    assert_eq!(c.backend(), Some("redis"));
    assert_eq!(
        warnings,
        ["warning: SCCACHE_REDIS_CLUSTER_ENDPOINTS, SCCACHE_REDIS_KEY_PREFIX, SCCACHE_WEBDAV_ENDPOINT: several caches are configured and no SCCACHE_MULTILEVEL_CHAIN: sccache uses redis only"]
    );
}

#[test]
fn sccache_rules_across_backends() {
    // Anonymous access beside credentials.
    let anonymous = [
        ("SCCACHE_BUCKET", "b"),
        ("SCCACHE_S3_NO_CREDENTIALS", "true"),
        ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEYID"),
    ];
    assert_eq!(failing(&anonymous), ["SCCACHE_BUCKET"]);
    assert!(load(&anonymous[..2]).unwrap().s3.unwrap().s3_no_credentials);
    // Shared key and Entra ID at once.
    assert_eq!(
        failing(&[
            ("SCCACHE_AZURE_BLOB_CONTAINER", "c"),
            (
                "SCCACHE_AZURE_CONNECTION_STRING",
                "AccountName=a;AccountKey=k"
            ),
            ("SCCACHE_AZURE_STORAGE_ACCOUNT", "a"),
        ]),
        ["SCCACHE_AZURE_CONNECTION_STRING"]
    );
    // A chain level that is not configured, and one sccache does not know.
    assert_eq!(
        failing(&[("SCCACHE_MULTILEVEL_CHAIN", "disk,s3")]),
        ["SCCACHE_MULTILEVEL_CHAIN"]
    );
    assert_eq!(
        failing(&[
            ("SCCACHE_MULTILEVEL_CHAIN", "disk,cos"),
            ("SCCACHE_COS_BUCKET", "c"),
        ]),
        ["SCCACHE_MULTILEVEL_CHAIN"]
    );
    assert!(load(&[
        ("SCCACHE_MULTILEVEL_CHAIN", "disk,gha"),
        ("SCCACHE_GHA_ENABLED", "1")
    ])
    .is_ok());
}

#[test]
fn sccache_defaults_parse() {
    Sccache::check_defaults().unwrap();
}
