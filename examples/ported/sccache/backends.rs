//! sccache's cache backends, each an optional group turned on by the
//! variable that makes `config_from_env` build it.

use std::path::PathBuf;

use twelve_config::{ByteSize, Config, RedisUrl, SecretString};

use super::values::{key_prefix, sccache_bool, CacheMode, OnOff};

/// The local disk cache: built as soon as one of its variables is set, and
/// otherwise used with the same defaults as the fallback of every backend.
#[derive(Config, Debug)]
pub(crate) struct Disk {
    /// Directory of the cache.
    #[config(
        env = "SCCACHE_DIR",
        default_with = default_disk_cache_dir(),
        default_doc = "the platform's cache directory (~/.cache/sccache on Linux)"
    )]
    pub(crate) dir: PathBuf,
    /// Largest size of the cache, such as `2G` (`K`, `M`, `G`, `T` are
    /// powers of 1024); text sccache cannot read gives 10 GiB.
    #[config(default = "10G", invalid = "unset")]
    pub(crate) cache_size: ByteSize,
    /// Preprocessor (direct) cache mode.
    #[config(with = sccache_bool, expected = "true, on, 1, false, off or 0 (any case)", default = "true")]
    pub(crate) direct: bool,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) local_rw_mode: CacheMode,
}

/// The directory `directories` gives sccache: `$XDG_CACHE_HOME/sccache`,
/// else `~/.cache/sccache`.
pub(crate) fn default_disk_cache_dir() -> PathBuf {
    match std::env::var_os("XDG_CACHE_HOME") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir).join("sccache"),
        _ => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/sccache"),
    }
}

/// Amazon S3 or a compatible store (Cloudflare R2, MinIO).
#[derive(Config, Debug)]
pub(crate) struct S3 {
    /// Bucket of the cache.
    #[config(env = "SCCACHE_BUCKET")]
    pub(crate) bucket: String,
    /// Region (`auto` for R2); `us-east-1` when unset.
    #[config(env = "SCCACHE_REGION")]
    pub(crate) region: Option<String>,
    /// Endpoint, such as `https://<account>.r2.cloudflarestorage.com`.
    #[config(env = "SCCACHE_ENDPOINT")]
    pub(crate) endpoint: Option<String>,
    /// Access the bucket anonymously.
    #[config(with = sccache_bool, expected = "true, on, 1, false, off or 0 (any case)", default = "false")]
    pub(crate) s3_no_credentials: bool,
    /// The endpoint needs TLS.
    #[config(with = sccache_bool, expected = "true, on, 1, false, off or 0 (any case)")]
    pub(crate) s3_use_ssl: Option<bool>,
    /// Ask for server-side encryption.
    #[config(with = sccache_bool, expected = "true, on, 1, false, off or 0 (any case)")]
    pub(crate) s3_server_side_encryption: Option<bool>,
    /// Encrypt with AWS KMS.
    #[config(with = sccache_bool, expected = "true, on, 1, false, off or 0 (any case)")]
    pub(crate) s3_server_side_encryption_aws_kms: Option<bool>,
    /// KMS key of the encryption.
    pub(crate) s3_server_side_encryption_kms_key_id: Option<String>,
    /// Prefix of the cache's keys.
    #[config(with = key_prefix, default = "")]
    pub(crate) s3_key_prefix: String,
    /// Address the bucket as `<bucket>.<endpoint>`.
    #[config(with = sccache_bool, expected = "true, on, 1, false, off or 0 (any case)")]
    pub(crate) s3_enable_virtual_host_style: Option<bool>,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) s3_rw_mode: CacheMode,
}

/// Redis: one node, a cluster, or the deprecated URL with its credentials.
#[derive(Config, Debug)]
#[config(
    at_most_one(redis, redis_endpoint, redis_cluster_endpoints),
    check = url_takes_no_credentials(redis, redis_username, redis_password, redis_db)
)]
pub(crate) struct Redis {
    /// Full URL, credentials included.
    #[config(
        file = false,
        deprecated = "it puts the password in the URL; use SCCACHE_REDIS_ENDPOINT with SCCACHE_REDIS_USERNAME and SCCACHE_REDIS_PASSWORD"
    )]
    pub(crate) redis: Option<RedisUrl>,
    /// URL of a single node, without credentials.
    pub(crate) redis_endpoint: Option<String>,
    /// URLs of the cluster's nodes.
    pub(crate) redis_cluster_endpoints: Option<Vec<String>>,
    /// User name.
    pub(crate) redis_username: Option<String>,
    /// Password.
    #[config(file = false)]
    pub(crate) redis_password: Option<SecretString>,
    /// Database number.
    #[config(default = 0)]
    pub(crate) redis_db: u32,
    /// Seconds an entry lives; 0 leaves it to Redis.
    #[config(default = 0, alias = "SCCACHE_REDIS_TTL")]
    pub(crate) redis_expiration: u64,
    /// Prefix of the cache's keys.
    #[config(with = key_prefix, default = "")]
    pub(crate) redis_key_prefix: String,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) redis_rw_mode: CacheMode,
}

/// sccache refuses a user name, a password or a database other than 0 beside
/// the deprecated URL, which carries its own.
fn url_takes_no_credentials(
    url: &Option<RedisUrl>,
    username: &Option<String>,
    password: &Option<SecretString>,
    db: &u32,
) -> Result<(), &'static str> {
    if url.is_some() && (username.is_some() || password.is_some() || *db != 0) {
        return Err("the user name, password and database have no effect with SCCACHE_REDIS: use SCCACHE_REDIS_ENDPOINT");
    }
    Ok(())
}

/// Memcached.
#[derive(Config, Debug)]
pub(crate) struct Memcached {
    /// URL of the server, such as `tcp://cache:11211`.
    #[config(alias = "SCCACHE_MEMCACHED")]
    pub(crate) memcached_endpoint: String,
    /// User name.
    pub(crate) memcached_username: Option<String>,
    /// Password.
    #[config(file = false)]
    pub(crate) memcached_password: Option<SecretString>,
    /// Seconds an entry lives.
    #[config(default = 86400)]
    pub(crate) memcached_expiration: u32,
    /// Prefix of the cache's keys.
    #[config(with = key_prefix, default = "")]
    pub(crate) memcached_key_prefix: String,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) memcached_rw_mode: CacheMode,
}

/// Google Cloud Storage. Its credentials without a bucket stop sccache, so
/// they turn the group on too (and the missing bucket is reported).
#[derive(Config, Debug)]
pub(crate) struct Gcs {
    /// Bucket of the cache.
    pub(crate) gcs_bucket: String,
    /// Prefix of the cache's keys.
    #[config(with = key_prefix, default = "")]
    pub(crate) gcs_key_prefix: String,
    /// URL of the instance's metadata server.
    #[config(deprecated = "set SCCACHE_GCS_SERVICE_ACCOUNT to use the VM's metadata for auth")]
    pub(crate) gcs_oauth_url: Option<String>,
    /// URL of a credentials server.
    pub(crate) gcs_credentials_url: Option<String>,
    /// Service account key file (JSON).
    pub(crate) gcs_key_path: Option<PathBuf>,
    /// Service account whose token the VM's metadata gives.
    pub(crate) gcs_service_account: Option<String>,
    /// `READ_ONLY` or `READ_WRITE`; unset or other text gives `READ_ONLY`.
    #[config(default = "READ_ONLY", invalid = "unset")]
    pub(crate) gcs_rw_mode: CacheMode,
}

/// The GitHub Actions cache: on when `SCCACHE_GHA_VERSION` is set or
/// `SCCACHE_GHA_ENABLED` is true.
#[derive(Config, Debug)]
pub(crate) struct Gha {
    /// Use the GitHub Actions cache.
    pub(crate) gha_enabled: Option<OnOff>,
    /// Version of the cache's entries; setting it turns the cache on.
    pub(crate) gha_version: Option<String>,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) gha_rw_mode: CacheMode,
}

/// Azure Blob Storage, with a connection string (shared key) or Entra ID
/// (a storage account or endpoint, no secret).
#[derive(Config, Debug)]
pub(crate) struct Azure {
    /// Container of the cache.
    pub(crate) azure_blob_container: String,
    /// Connection string with the account's shared key.
    #[config(file = false, conflicts_with(azure_storage_account, azure_endpoint))]
    pub(crate) azure_connection_string: Option<SecretString>,
    /// Storage account, authenticated with Entra ID.
    pub(crate) azure_storage_account: Option<String>,
    /// Blob endpoint, authenticated with Entra ID.
    pub(crate) azure_endpoint: Option<String>,
    /// Prefix of the cache's keys.
    #[config(with = key_prefix, default = "")]
    pub(crate) azure_key_prefix: String,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) azure_rw_mode: CacheMode,
}

/// WebDAV.
#[derive(Config, Debug)]
pub(crate) struct Webdav {
    /// URL of the server.
    pub(crate) webdav_endpoint: String,
    /// Prefix of the cache's keys.
    #[config(with = key_prefix, default = "")]
    pub(crate) webdav_key_prefix: String,
    /// User name.
    pub(crate) webdav_username: Option<String>,
    /// Password.
    #[config(file = false)]
    pub(crate) webdav_password: Option<SecretString>,
    /// Bearer token.
    #[config(file = false)]
    pub(crate) webdav_token: Option<SecretString>,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) webdav_rw_mode: CacheMode,
}

/// Alibaba Cloud OSS.
#[derive(Config, Debug)]
pub(crate) struct Oss {
    /// Bucket of the cache.
    pub(crate) oss_bucket: String,
    /// Endpoint.
    pub(crate) oss_endpoint: Option<String>,
    /// Prefix of the cache's keys.
    #[config(with = key_prefix, default = "")]
    pub(crate) oss_key_prefix: String,
    /// Access the bucket anonymously.
    #[config(with = sccache_bool, expected = "true, on, 1, false, off or 0 (any case)", default = "false")]
    pub(crate) oss_no_credentials: bool,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) oss_rw_mode: CacheMode,
}

/// Tencent Cloud COS.
#[derive(Config, Debug)]
pub(crate) struct Cos {
    /// Bucket of the cache.
    pub(crate) cos_bucket: String,
    /// Endpoint.
    pub(crate) cos_endpoint: Option<String>,
    /// Prefix of the cache's keys.
    #[config(with = key_prefix, default = "")]
    pub(crate) cos_key_prefix: String,
    /// `READ_ONLY` or `READ_WRITE`; other text gives `READ_WRITE`.
    #[config(default = "READ_WRITE", invalid = "unset")]
    pub(crate) cos_rw_mode: CacheMode,
}
