//! The quick start: the billing service's settings. README.md shows this
//! file from `use` on; a test keeps the two the same.
//!
//! Run it with nothing set to see the report (exit status 78):
//!
//! ```sh
//! cargo run -p twelve-config-examples --bin quickstart
//! ```
//!
//! and with the required variables set to see the loaded settings; the
//! database password shows as `***` everywhere, the API key not at all:
//!
//! ```sh
//! BILLING_DATABASE_URL=postgres://billing:s3cret@localhost/billing \
//! BILLING_API_KEY=sk_test_123 \
//! cargo run -p twelve-config-examples --bin quickstart
//! ```

use std::time::Duration;

use twelve_config::{Config, EnvValue, ExposeSecret, PostgresUrl, SecretString};

/// Settings of the billing service.
#[derive(Config, Debug)]
#[config(prefix = "BILLING_")]
struct Settings {
    /// TCP port the HTTP server binds.
    #[config(env = "PORT", default = 8080)]
    port: u16,
    /// Upper bound for one request.
    #[config(default = "30s")]
    request_timeout: Duration, // BILLING_REQUEST_TIMEOUT
    /// Origins allowed by CORS.
    #[config(separator = ",", default = "")]
    allowed_origins: Vec<String>, // BILLING_ALLOWED_ORIGINS
    /// Log format override.
    log_format: Option<LogFormat>, // BILLING_LOG_FORMAT
    /// Connection string of the billing database.
    database_url: PostgresUrl, // its password shows as *** in Debug, Display and reports
    /// Key for the payment provider's API.
    api_key: SecretString, // BILLING_API_KEY or BILLING_API_KEY_FILE
    /// Worker pool.
    #[config(nested)]
    workers: WorkerSettings, // BILLING_WORKERS_*
}

/// How log lines are written.
#[derive(EnvValue, Debug)]
enum LogFormat {
    /// One JSON object per line.
    Json,
    /// Human-readable text.
    Text,
}

/// Settings of the background worker pool.
#[derive(Config, Debug)]
struct WorkerSettings {
    /// Number of worker threads.
    #[config(default = 4)]
    threads: usize,
    /// Pause between two polls of the job queue.
    #[config(default = "500ms")]
    poll_interval: Duration,
}

fn main() {
    let settings = Settings::load_or_exit();
    // A real service would start here; this one shows what it loaded.
    // The API key prints as [REDACTED] and the database password as ***.
    println!("{settings:#?}");
    println!(
        "listening on port {} with {} workers polling every {:?}, timeout {:?}, log format {:?}, \
         {} CORS origins, database {}, API key of {} bytes",
        settings.port,
        settings.workers.threads,
        settings.workers.poll_interval,
        settings.request_timeout,
        settings.log_format,
        settings.allowed_origins.len(),
        settings.database_url,
        settings.api_key.expose_secret().len(),
    );
}
