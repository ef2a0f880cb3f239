//! A tour of every kind of setting, and of the flags every configuration
//! answers.
//!
//! ```sh
//! cargo run -p twelve-config-examples --bin schema_tour -- --print-schema
//! cargo run -p twelve-config-examples --bin schema_tour -- --print-schema=markdown
//! cargo run -p twelve-config-examples --bin schema_tour -- --print-schema=json
//! cargo run -p twelve-config-examples --bin schema_tour -- --print-schema=dotenv
//! cargo run -p twelve-config-examples --bin schema_tour -- --print-schema=kubernetes --secret-name=shop
//! cargo run -p twelve-config-examples --bin schema_tour -- --check-config
//! SHOP_PUBLIC_URL=https://shop.example SHOP_API_KEY=sk_test_123 \
//! cargo run -p twelve-config-examples --bin schema_tour -- --print-config
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use twelve_config::url::Url;
use twelve_config::{Config, EnvValue, ExposeSecret, SecretString};

/// Settings of the shop service.
#[derive(Config, Debug)]
#[config(prefix = "SHOP_")]
struct Settings {
    /// Address the HTTP server binds.
    #[config(default = "0.0.0.0:8080")]
    listen: SocketAddr,
    /// Public URL of the shop, used in links in e-mails.
    public_url: Url,
    /// Upper bound for one request.
    #[config(default = "30s")]
    request_timeout: Duration,
    /// Origins allowed by CORS.
    #[config(separator = ",", default = "")]
    allowed_origins: Vec<String>,
    /// Log line format: json | text.
    ///
    /// Unset: text on a terminal, JSON otherwise.
    log_format: Option<LogFormat>,
    /// Most connections to the database.
    #[config(default = 16, alias = "SHOP_MAX_CONNS", alias = "SHOP_POOL_SIZE")]
    max_connections: u32,
    /// Sender of e-mails, as `Name <address>`.
    #[config(default = "Shop <shop@example.com>")]
    mail_from: String,
    /// Key for the payment provider's API.
    api_key: SecretString,
    /// PEM certificate chain for TLS; plain HTTP when unset.
    #[config(file)]
    tls_certificate: Option<String>,
    /// Where uploaded images are kept.
    #[config(default = "/var/lib/shop/images")]
    image_dir: PathBuf,
    /// Background workers.
    #[config(nested)]
    workers: WorkerSettings,
    /// Image storage in S3; local disk when unset.
    #[config(nested)]
    s3: Option<S3Settings>,
}

/// How log lines are written.
#[derive(EnvValue, Debug)]
enum LogFormat {
    /// One JSON object per line.
    Json,
    /// Human-readable text.
    Text,
}

/// Settings of the background workers.
#[derive(Config, Debug)]
struct WorkerSettings {
    /// Number of worker threads.
    #[config(default = 4)]
    threads: usize,
    /// Pause between two polls of the job queue.
    #[config(default = "500ms")]
    poll_interval: Duration,
}

/// An S3 bucket.
#[derive(Config, Debug)]
struct S3Settings {
    /// Name of the bucket.
    bucket: String,
    /// Region of the bucket.
    #[config(default = "us-east-1")]
    region: String,
    /// Secret access key of the bucket's user.
    secret_access_key: SecretString,
}

fn main() {
    let settings = Settings::load_or_exit();
    // A real service would start here; this one says what it would do.
    println!(
        "serving {} on {} (timeout {:?}, {} database connections, mail from {})",
        settings.public_url,
        settings.listen,
        settings.request_timeout,
        settings.max_connections,
        settings.mail_from,
    );
    println!(
        "{} workers polling every {:?}, log format {:?}, {} allowed origins, TLS {}, images in {}, API key of {} bytes",
        settings.workers.threads,
        settings.workers.poll_interval,
        settings.log_format,
        settings.allowed_origins.len(),
        if settings.tls_certificate.is_some() { "on" } else { "off" },
        match &settings.s3 {
            Some(s3) => format!(
                "bucket {} ({}, key of {} bytes)",
                s3.bucket,
                s3.region,
                s3.secret_access_key.expose_secret().len()
            ),
            None => settings.image_dir.display().to_string(),
        },
        settings.api_key.expose_secret().len(),
    );
}
