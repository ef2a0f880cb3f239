//! What the load benchmark measures: the reference configuration, the
//! environments it is loaded from, and the hand-written loader it is
//! measured against.

use std::ffi::OsString;
use std::time::Duration;

use twelve_config::Config;

/// The reference configuration.
#[derive(Config, Debug, PartialEq)]
#[config(prefix = "APP_")]
pub(crate) struct Settings {
    /// Service name.
    service_name: String,
    /// Deployment environment.
    environment: String,
    /// Region.
    region: String,
    /// Zone.
    zone: String,
    /// Cluster.
    cluster: String,
    /// Namespace.
    namespace: String,
    /// Pod name.
    pod_name: String,
    /// Node name.
    node_name: String,
    /// Log level.
    log_level: String,
    /// Log format.
    log_format: String,
    /// Database host.
    database_host: String,
    /// Database name.
    database_name: String,
    /// Database user.
    database_user: String,
    /// Cache host.
    cache_host: String,
    /// Queue name.
    queue_name: String,
    /// Topic name.
    topic_name: String,
    /// Bucket name.
    bucket_name: String,
    /// Tracing endpoint.
    tracing_endpoint: String,
    /// Metrics prefix.
    metrics_prefix: String,
    /// API base path.
    api_base_path: String,
    /// HTTP port.
    pub(crate) http_port: u16,
    /// gRPC port.
    grpc_port: u16,
    /// Admin port.
    admin_port: u16,
    /// Worker threads.
    worker_threads: usize,
    /// Connection limit.
    max_connections: u32,
    /// Body size limit.
    max_body_bytes: u64,
    /// Queue depth.
    queue_depth: u32,
    /// Retry limit.
    retry_limit: u8,
    /// Batch size.
    batch_size: u32,
    /// Cache capacity.
    cache_capacity: u64,
    /// Debug mode.
    debug: bool,
    /// Tracing on.
    tracing_enabled: bool,
    /// Metrics on.
    metrics_enabled: bool,
    /// Response compression.
    compression: bool,
    /// Read-only mode.
    read_only: bool,
    /// Request timeout.
    request_timeout: Duration,
    /// Idle timeout.
    idle_timeout: Duration,
    /// Shutdown grace period.
    shutdown_grace: Duration,
    /// Retry backoff.
    retry_backoff: Duration,
    /// Cache time to live.
    cache_ttl: Duration,
    /// Error reporting DSN.
    sentry_dsn: Option<String>,
    /// Outgoing proxy.
    proxy_url: Option<String>,
    /// Feature flag source.
    feature_flags_source: Option<String>,
    /// Maintenance banner.
    maintenance_message: Option<String>,
    /// Build identifier.
    build_id: Option<String>,
    /// CORS origins.
    allowed_origins: Vec<String>,
    /// Trusted proxies.
    trusted_proxies: Vec<String>,
    /// Admin users.
    admin_users: Vec<String>,
    /// Enabled features.
    enabled_features: Vec<String>,
    /// Kafka brokers.
    kafka_brokers: Vec<String>,
}

/// The variables of the reference configuration, all valid. The last two
/// optional variables are left unset.
const APP_VARS: [(&str, &str); 48] = [
    ("APP_SERVICE_NAME", "orders-api"),
    ("APP_ENVIRONMENT", "production"),
    ("APP_REGION", "eu-west-1"),
    ("APP_ZONE", "eu-west-1b"),
    ("APP_CLUSTER", "prod-eu-west-1-main"),
    ("APP_NAMESPACE", "orders"),
    ("APP_POD_NAME", "orders-api-7d9f8b6c5-x2k4p"),
    ("APP_NODE_NAME", "ip-10-0-12-34.eu-west-1.compute.internal"),
    ("APP_LOG_LEVEL", "info"),
    ("APP_LOG_FORMAT", "json"),
    ("APP_DATABASE_HOST", "orders-db.internal.example.com"),
    ("APP_DATABASE_NAME", "orders"),
    ("APP_DATABASE_USER", "orders_app"),
    ("APP_CACHE_HOST", "orders-cache.internal.example.com"),
    ("APP_QUEUE_NAME", "orders-events"),
    ("APP_TOPIC_NAME", "orders.v1.created"),
    ("APP_BUCKET_NAME", "example-orders-exports"),
    ("APP_TRACING_ENDPOINT", "http://otel-collector:4317"),
    ("APP_METRICS_PREFIX", "orders_api"),
    ("APP_API_BASE_PATH", "/api/v1"),
    ("APP_HTTP_PORT", "8080"),
    ("APP_GRPC_PORT", "9090"),
    ("APP_ADMIN_PORT", "9901"),
    ("APP_WORKER_THREADS", "8"),
    ("APP_MAX_CONNECTIONS", "1024"),
    ("APP_MAX_BODY_BYTES", "10485760"),
    ("APP_QUEUE_DEPTH", "5000"),
    ("APP_RETRY_LIMIT", "5"),
    ("APP_BATCH_SIZE", "250"),
    ("APP_CACHE_CAPACITY", "100000"),
    ("APP_DEBUG", "false"),
    ("APP_TRACING_ENABLED", "true"),
    ("APP_METRICS_ENABLED", "true"),
    ("APP_COMPRESSION", "on"),
    ("APP_READ_ONLY", "no"),
    ("APP_REQUEST_TIMEOUT", "30s"),
    ("APP_IDLE_TIMEOUT", "5m"),
    ("APP_SHUTDOWN_GRACE", "25s"),
    ("APP_RETRY_BACKOFF", "250ms"),
    ("APP_CACHE_TTL", "1h 30m"),
    ("APP_SENTRY_DSN", "https://public@sentry.example.com/42"),
    ("APP_PROXY_URL", "http://proxy.internal:3128"),
    ("APP_FEATURE_FLAGS_SOURCE", "configmap/orders-flags"),
    (
        "APP_ALLOWED_ORIGINS",
        "https://shop.example.com, https://admin.example.com, https://m.example.com",
    ),
    (
        "APP_TRUSTED_PROXIES",
        "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16",
    ),
    ("APP_ADMIN_USERS", "alice, bob, carol"),
    (
        "APP_ENABLED_FEATURES",
        "checkout-v2,fast-refunds,gift-cards",
    ),
    (
        "APP_KAFKA_BROKERS",
        "kafka-0.kafka:9092,kafka-1.kafka:9092,kafka-2.kafka:9092",
    ),
];

/// A value no field of its kind accepts. Text fields only reject bytes that
/// are not UTF-8; where the platform cannot express those, the variable is
/// left unset, which is a problem too.
pub(crate) fn invalid_value(name: &str) -> Option<OsString> {
    let text = match name {
        "APP_HTTP_PORT" | "APP_GRPC_PORT" | "APP_ADMIN_PORT" => "80a",
        "APP_WORKER_THREADS" | "APP_MAX_CONNECTIONS" | "APP_MAX_BODY_BYTES" => "-1",
        "APP_QUEUE_DEPTH" | "APP_RETRY_LIMIT" | "APP_BATCH_SIZE" | "APP_CACHE_CAPACITY" => "lots",
        "APP_DEBUG"
        | "APP_TRACING_ENABLED"
        | "APP_METRICS_ENABLED"
        | "APP_COMPRESSION"
        | "APP_READ_ONLY" => "maybe",
        "APP_REQUEST_TIMEOUT"
        | "APP_IDLE_TIMEOUT"
        | "APP_SHUTDOWN_GRACE"
        | "APP_RETRY_BACKOFF"
        | "APP_CACHE_TTL" => "30",
        _ => return not_unicode(),
    };
    Some(text.into())
}

#[cfg(unix)]
fn not_unicode() -> Option<OsString> {
    use std::os::unix::ffi::OsStringExt;
    Some(OsString::from_vec(b"bad\xff".to_vec()))
}

#[cfg(not(unix))]
fn not_unicode() -> Option<OsString> {
    None
}

/// Every variable name of the configuration, the two unset ones included.
pub(crate) fn all_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = APP_VARS.iter().map(|(n, _)| *n).collect();
    names.extend(["APP_MAINTENANCE_MESSAGE", "APP_BUILD_ID"]);
    names
}

/// The environment of size `size`: the configuration's variables among
/// Kubernetes-style service variables. A child's environment is sorted by
/// name and `getenv` scans it in order, so half the services are named to
/// sort before `APP_` and half after: a look-up scans about half of it, as
/// in an environment in no particular order.
pub(crate) fn environment(size: usize) -> Vec<(String, String)> {
    const SUFFIXES: [&str; 4] = ["SERVICE_HOST", "SERVICE_PORT", "PORT", "PORT_80_TCP_ADDR"];
    let mut vars: Vec<(String, String)> = APP_VARS
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    let mut service = 0u32;
    while vars.len() < size {
        let letter = service.wrapping_mul(7) % 13;
        let name = if service % 2 == 0 {
            // AA... to AM... sort before APP_.
            format!("A{}SVC{service:04}", char::from(b'A' + letter as u8))
        } else {
            // N... to Z... sort after it.
            format!("{}SVC{service:04}", char::from(b'N' + letter as u8))
        };
        for suffix in SUFFIXES {
            if vars.len() == size {
                break;
            }
            let value = match suffix {
                "SERVICE_PORT" => "8080".to_owned(),
                "PORT" => format!("tcp://10.96.{}.{}:8080", service / 250, service % 250),
                _ => format!("10.96.{}.{}", service / 250, service % 250),
            };
            vars.push((format!("{name}_{suffix}"), value));
        }
        service += 1;
    }
    vars
}

/// The loader a service writes without a library: one `std::env::var` per
/// field, `FromStr`, humantime for durations, `split(',')` for lists.
pub(crate) fn hand_written() -> Result<Settings, String> {
    fn var(name: &str) -> Result<String, String> {
        std::env::var(name).map_err(|e| format!("{name}: {e}"))
    }
    fn parse<T: std::str::FromStr>(name: &str) -> Result<T, String>
    where
        T::Err: std::fmt::Display,
    {
        var(name)?.parse().map_err(|e| format!("{name}: {e}"))
    }
    fn boolean(name: &str) -> Result<bool, String> {
        match var(name)?.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" => Ok(false),
            _ => Err(format!("{name}: not a boolean")),
        }
    }
    fn duration(name: &str) -> Result<Duration, String> {
        humantime::parse_duration(&var(name)?).map_err(|e| format!("{name}: {e}"))
    }
    fn list(name: &str) -> Result<Vec<String>, String> {
        Ok(var(name)?
            .split(',')
            .map(|item| item.trim().to_owned())
            .collect())
    }
    Ok(Settings {
        service_name: var("APP_SERVICE_NAME")?,
        environment: var("APP_ENVIRONMENT")?,
        region: var("APP_REGION")?,
        zone: var("APP_ZONE")?,
        cluster: var("APP_CLUSTER")?,
        namespace: var("APP_NAMESPACE")?,
        pod_name: var("APP_POD_NAME")?,
        node_name: var("APP_NODE_NAME")?,
        log_level: var("APP_LOG_LEVEL")?,
        log_format: var("APP_LOG_FORMAT")?,
        database_host: var("APP_DATABASE_HOST")?,
        database_name: var("APP_DATABASE_NAME")?,
        database_user: var("APP_DATABASE_USER")?,
        cache_host: var("APP_CACHE_HOST")?,
        queue_name: var("APP_QUEUE_NAME")?,
        topic_name: var("APP_TOPIC_NAME")?,
        bucket_name: var("APP_BUCKET_NAME")?,
        tracing_endpoint: var("APP_TRACING_ENDPOINT")?,
        metrics_prefix: var("APP_METRICS_PREFIX")?,
        api_base_path: var("APP_API_BASE_PATH")?,
        http_port: parse("APP_HTTP_PORT")?,
        grpc_port: parse("APP_GRPC_PORT")?,
        admin_port: parse("APP_ADMIN_PORT")?,
        worker_threads: parse("APP_WORKER_THREADS")?,
        max_connections: parse("APP_MAX_CONNECTIONS")?,
        max_body_bytes: parse("APP_MAX_BODY_BYTES")?,
        queue_depth: parse("APP_QUEUE_DEPTH")?,
        retry_limit: parse("APP_RETRY_LIMIT")?,
        batch_size: parse("APP_BATCH_SIZE")?,
        cache_capacity: parse("APP_CACHE_CAPACITY")?,
        debug: boolean("APP_DEBUG")?,
        tracing_enabled: boolean("APP_TRACING_ENABLED")?,
        metrics_enabled: boolean("APP_METRICS_ENABLED")?,
        compression: boolean("APP_COMPRESSION")?,
        read_only: boolean("APP_READ_ONLY")?,
        request_timeout: duration("APP_REQUEST_TIMEOUT")?,
        idle_timeout: duration("APP_IDLE_TIMEOUT")?,
        shutdown_grace: duration("APP_SHUTDOWN_GRACE")?,
        retry_backoff: duration("APP_RETRY_BACKOFF")?,
        cache_ttl: duration("APP_CACHE_TTL")?,
        sentry_dsn: std::env::var("APP_SENTRY_DSN").ok(),
        proxy_url: std::env::var("APP_PROXY_URL").ok(),
        feature_flags_source: std::env::var("APP_FEATURE_FLAGS_SOURCE").ok(),
        maintenance_message: std::env::var("APP_MAINTENANCE_MESSAGE").ok(),
        build_id: std::env::var("APP_BUILD_ID").ok(),
        allowed_origins: list("APP_ALLOWED_ORIGINS")?,
        trusted_proxies: list("APP_TRUSTED_PROXIES")?,
        admin_users: list("APP_ADMIN_USERS")?,
        enabled_features: list("APP_ENABLED_FEATURES")?,
        kafka_brokers: list("APP_KAFKA_BROKERS")?,
    })
}
