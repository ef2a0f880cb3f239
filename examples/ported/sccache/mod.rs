//! The environment of [sccache](https://github.com/mozilla/sccache) at
//! commit bf757277 (August 2026), as its source reads it: every variable of
//! `config_from_env` and `config_file` in `src/config.rs` (the cache
//! backends, the disk cache, the multi-level chain, the base directories and
//! client-side mode), the server's and client's own (`src/commands.rs`,
//! `src/server.rs`, `src/util.rs`, `src/lib.rs`), the compression level of
//! `src/cache/cache_io.rs`, what a compile's environment may hold
//! (`src/compiler/{c,gcc}.rs`, `src/server.rs`) and the cloud credentials
//! `config_from_env` looks at.
//!
//! Each backend is an optional group turned on by the variable that makes
//! sccache build it (`enabled_by`): a bucket, an endpoint, a container's
//! authentication. Its other variables set alone are warned about as not
//! used, where sccache ignores them silently. The rules sccache enforces are
//! rules here: anonymous S3 or OSS access beside credentials, two Redis
//! endpoints, the deprecated Redis URL beside a user name, password or
//! database, a connection string beside Entra ID settings, GCS credentials
//! without a bucket, relative base directories, and a multi-level chain that
//! names a backend that is not configured. Values sccache replaces by the
//! default when it cannot read them (the port, the idle timeout, the cache's
//! size, compression level, every `*_RW_MODE`) have `invalid = "unset"`:
//! they load with the default, and a warning says what was not read.
//! Several backends without a chain get a warning naming the one sccache
//! uses.
//!
//! Expressed differently:
//! - A container without authentication: sccache warns and leaves Azure
//!   off. Here the authentication turns the group on (its absence gives the
//!   "not used" warning for the container), so authentication without a
//!   container is reported as a missing container where sccache ignores it.
//! - sccache warns about the values it cannot read in its log, or not at
//!   all; here each gets a warning with what it expected.
//! - `SCCACHE_CACHE_SIZE` is a [`ByteSize`](twelve_config::ByteSize): `10GB` and `1.5G` are read
//!   (sccache reads neither and uses 10 GiB); `2G` is 2 GiB in both.
//! - The `== "1"` switches warn about any other text than `1` and `0`,
//!   which sccache takes as off without a word.
//! - sccache reads the presence switches (`SCCACHE_LOG_MILLIS`, ...) even
//!   empty, and so does the port (`allow_empty`); an empty `SCCACHE_DIR`,
//!   which sccache takes as the current directory, counts as unset.
//! - Secrets have `file = false`: sccache reads no `_FILE` variables.
//! - The warnings of the `validate` rule (several backends, client-side
//!   mode beside a log) come only when every setting loaded.

// The service reads every field; this crate only loads and prints them.
#![allow(dead_code)]

mod backends;
mod values;

use std::path::PathBuf;

use twelve_config::{Config, Problems, SecretString};

pub(crate) use backends::{Azure, Cos, Disk, Gcs, Gha, Memcached, Oss, Redis, Webdav, S3};
// The tests name these types; the binary only prints them.
use values::sccache_bool;
#[allow(unused_imports)]
pub(crate) use values::{CacheMode, Level, One, WriteErrorPolicy};

/// sccache's configuration from the environment.
#[derive(Config, Debug)]
#[config(
    prefix = "SCCACHE_",
    check = anonymous_without_keys(s3, aws_access_key_id, aws_secret_access_key),
    check = anonymous_without_keys(oss, alibaba_cloud_access_key_id, alibaba_cloud_access_key_secret),
    check = absolute(basedirs),
    validate = Sccache::rules
)]
pub(crate) struct Sccache {
    /// Configuration file; the platform's config directory when unset.
    pub(crate) conf: Option<PathBuf>,
    /// File of the configuration the client caches.
    pub(crate) cached_conf: Option<PathBuf>,
    /// TCP port of the local server; text sccache cannot read gives 4226.
    #[config(default = 4226, invalid = "unset")]
    pub(crate) server_port: u16,
    /// Unix socket of the local server, used instead of the port.
    pub(crate) server_uds: Option<PathBuf>,
    /// Seconds the server waits for a request before exiting; 0 never exits.
    #[config(default = 600, invalid = "unset")]
    pub(crate) idle_timeout: u64,
    /// Largest frame between client and server, in bytes.
    #[config(invalid = "unset")]
    pub(crate) max_frame_length: Option<usize>,
    /// Socket the server notifies once started (set by the client).
    pub(crate) startup_notify: Option<PathBuf>,
    /// `1`: this process is the server (set by the client).
    #[config(default = "0", invalid = "unset")]
    pub(crate) start_server: One,
    /// `1`: the server stays in the foreground.
    #[config(default = "0", invalid = "unset")]
    pub(crate) no_daemon: One,
    /// `1`: the server may dump core.
    #[config(default = "0", invalid = "unset")]
    pub(crate) allow_core_dumps: One,
    /// `1`: the client ignores the server's I/O errors.
    #[config(default = "0", invalid = "unset")]
    pub(crate) ignore_server_io_error: One,
    /// Compile in the client; the server only reaches the cache. Off while
    /// `SCCACHE_LOG` is set.
    #[config(with = sccache_bool, expected = "true, on, 1, false, off or 0 (any case)")]
    pub(crate) client_side: Option<bool>,
    /// Log filter, as `env_logger` reads it (`debug`, `sccache=trace`).
    pub(crate) log: Option<String>,
    /// Set (to anything, even empty): timestamps to the millisecond.
    #[config(allow_empty)]
    pub(crate) log_millis: Option<String>,
    /// File the server logs its errors to.
    #[config(empty = "error")]
    pub(crate) error_log: Option<PathBuf>,
    /// Absolute directories stripped from paths before hashing, `:`-separated;
    /// empty, none (and the configuration file's are not used).
    #[config(allow_empty, separator = ":", skip_empty_items)]
    pub(crate) basedirs: Option<Vec<PathBuf>>,
    /// zstd level of new entries (1 to 22); text sccache cannot read gives 3.
    #[config(default = 3, invalid = "unset")]
    pub(crate) cache_zstd_level: i32,
    /// Set (to anything, even empty): cache builds for several architectures.
    #[config(allow_empty)]
    pub(crate) cache_multiarch: Option<String>,
    /// In a compile's environment (to anything): skip the cache's answer.
    #[config(allow_empty)]
    pub(crate) recache: Option<String>,
    /// In a compile's environment (to anything): neither read nor write it.
    #[config(allow_empty)]
    pub(crate) no_cache: Option<String>,
    /// In a compile's environment: text mixed into C and C++ hashes.
    pub(crate) c_custom_cache_buster: Option<String>,
    /// In a compile's environment: more files hashed, `:`-separated.
    #[config(separator = ":")]
    pub(crate) extrafiles: Option<Vec<PathBuf>>,
    /// The disk cache.
    #[config(flatten)]
    pub(crate) disk: Option<Disk>,
    /// The S3 cache, on with `SCCACHE_BUCKET`.
    #[config(flatten, enabled_by(bucket))]
    pub(crate) s3: Option<S3>,
    /// The Redis cache, on with one of its URLs.
    #[config(flatten, enabled_by(redis, redis_endpoint, redis_cluster_endpoints))]
    pub(crate) redis: Option<Redis>,
    /// The Memcached cache, on with its endpoint.
    #[config(flatten, enabled_by(memcached_endpoint))]
    pub(crate) memcached: Option<Memcached>,
    /// The GCS cache, on with its bucket or credentials.
    #[config(
        flatten,
        enabled_by(gcs_bucket, gcs_credentials_url, gcs_oauth_url, gcs_key_path)
    )]
    pub(crate) gcs: Option<Gcs>,
    /// The GitHub Actions cache, on with its version or its switch set to
    /// true.
    #[config(flatten, enabled_by(gha_enabled, gha_version))]
    pub(crate) gha: Option<Gha>,
    /// The Azure cache, on with its authentication.
    #[config(
        flatten,
        enabled_by(azure_connection_string, azure_storage_account, azure_endpoint)
    )]
    pub(crate) azure: Option<Azure>,
    /// The WebDAV cache, on with its endpoint.
    #[config(flatten, enabled_by(webdav_endpoint))]
    pub(crate) webdav: Option<Webdav>,
    /// The OSS cache, on with its bucket.
    #[config(flatten, enabled_by(oss_bucket))]
    pub(crate) oss: Option<Oss>,
    /// The COS cache, on with its bucket.
    #[config(flatten, enabled_by(cos_bucket))]
    pub(crate) cos: Option<Cos>,
    /// Several caches, fast to slow.
    #[config(flatten, enabled_by(multilevel_chain))]
    pub(crate) multilevel: Option<Multilevel>,
    /// AWS access key id, which anonymous S3 access excludes.
    #[config(env = "AWS_ACCESS_KEY_ID")]
    pub(crate) aws_access_key_id: Option<String>,
    /// AWS secret access key.
    #[config(env = "AWS_SECRET_ACCESS_KEY", file = false)]
    pub(crate) aws_secret_access_key: Option<SecretString>,
    /// Alibaba Cloud access key id, which anonymous OSS access excludes.
    #[config(env = "ALIBABA_CLOUD_ACCESS_KEY_ID")]
    pub(crate) alibaba_cloud_access_key_id: Option<String>,
    /// Alibaba Cloud access key secret.
    #[config(env = "ALIBABA_CLOUD_ACCESS_KEY_SECRET", file = false)]
    pub(crate) alibaba_cloud_access_key_secret: Option<SecretString>,
}

/// A multi-level cache: the levels, fast to slow, and what a failed write
/// does.
#[derive(Config, Debug)]
pub(crate) struct Multilevel {
    /// Levels, fast to slow, such as `disk,redis,s3`; each must be configured.
    pub(crate) multilevel_chain: Vec<Level>,
    /// What a failed write fails; text sccache cannot read gives `l0`.
    #[config(default = "l0", invalid = "unset")]
    pub(crate) multilevel_write_error_policy: WriteErrorPolicy,
}

/// The backends in the order sccache picks one when no chain is set.
const BACKENDS: [&str; 9] = [
    "s3",
    "redis",
    "memcached",
    "gcs",
    "gha",
    "azure",
    "webdav",
    "oss",
    "cos",
];

impl Sccache {
    /// Whether the backend named as in [`BACKENDS`] (or `disk`) is
    /// configured.
    fn configured(&self, backend: &str) -> bool {
        match backend {
            "disk" => true,
            "s3" => self.s3.is_some(),
            "redis" => self.redis.is_some(),
            "memcached" => self.memcached.is_some(),
            "gcs" => self.gcs.is_some(),
            "gha" => self.gha.is_some(),
            "azure" => self.azure.is_some(),
            "webdav" => self.webdav.is_some(),
            "oss" => self.oss.is_some(),
            _ => self.cos.is_some(),
        }
    }

    /// The remote backend sccache uses without a chain: the first
    /// configured in its order; the disk cache when none is.
    pub(crate) fn backend(&self) -> Option<&'static str> {
        BACKENDS.into_iter().find(|b| self.configured(b))
    }

    /// The rules over several settings that presence rules cannot say, and
    /// the warnings for what sccache ignores.
    fn rules(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        if let Some(multilevel) = &self.multilevel {
            for level in &multilevel.multilevel_chain {
                let name = format!("{level:?}").to_lowercase();
                if !self.configured(&name) {
                    problems.add(
                        ["multilevel.multilevel_chain"],
                        format!("the level {name} is not configured"),
                    );
                }
            }
        } else {
            let configured: Vec<&str> = BACKENDS
                .into_iter()
                .filter(|b| self.configured(b))
                .collect();
            if let [used, _, ..] = configured[..] {
                problems.warn(
                    configured.iter().copied(),
                    format!("several caches are configured and no SCCACHE_MULTILEVEL_CHAIN: sccache uses {used} only"),
                );
            }
        }
        if self.client_side == Some(true) && self.log.is_some() {
            problems.warn(
                ["client_side", "log"],
                "client-side mode is off while SCCACHE_LOG is set",
            );
        }
        problems.into_result()
    }
}

/// Anonymous access (`SCCACHE_S3_NO_CREDENTIALS`,
/// `SCCACHE_OSS_NO_CREDENTIALS`) is refused beside the cloud's credentials.
fn anonymous_without_keys<T: Anonymous>(
    cache: &Option<T>,
    key_id: &Option<String>,
    secret: &Option<SecretString>,
) -> Result<(), &'static str> {
    if cache.as_ref().is_some_and(T::anonymous) && (key_id.is_some() || secret.is_some()) {
        return Err("anonymous access is on while credentials are set: drop one");
    }
    Ok(())
}

/// A backend that may be read anonymously.
trait Anonymous {
    /// Whether it is.
    fn anonymous(&self) -> bool;
}

impl Anonymous for S3 {
    fn anonymous(&self) -> bool {
        self.s3_no_credentials
    }
}

impl Anonymous for Oss {
    fn anonymous(&self) -> bool {
        self.oss_no_credentials
    }
}

/// sccache stops on a relative base directory.
fn absolute(basedirs: &Option<Vec<PathBuf>>) -> Result<(), String> {
    let relative = basedirs.iter().flatten().find(|dir| !dir.is_absolute());
    match relative {
        Some(dir) => Err(format!("{} is not an absolute path", dir.display())),
        None => Ok(()),
    }
}
