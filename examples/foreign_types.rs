//! Types from other crates through their `FromStr`: a `regex::Regex` that
//! decides which request paths skip the access log.
//!
//! ```sh
//! ACCESS_LOG_SKIP='^/(healthz|metrics)$' cargo run -p twelve-config-examples --bin foreign_types
//! ACCESS_LOG_SKIP='^/(healthz' cargo run -p twelve-config-examples --bin foreign_types
//! ```
//!
//! The second run reports the pattern error with regex's own reason and
//! exits with status 78.

use regex::Regex;
use twelve_config::{ByteSize, Config};

/// Access log settings.
#[derive(Config, Debug)]
#[config(prefix = "ACCESS_LOG_")]
struct AccessLog {
    /// Request paths that are not logged.
    #[config(from_str, default = "^/healthz$")]
    skip: Regex,
    /// Rotate the log file at this size.
    #[config(default = "100 MiB")]
    rotate_at: ByteSize,
}

fn main() {
    let settings = AccessLog::load_or_exit();
    for path in ["/healthz", "/metrics", "/api/orders"] {
        let logged = !settings.skip.is_match(path);
        println!("{path}: {}", if logged { "logged" } else { "skipped" });
    }
    println!("rotating at {}", settings.rotate_at);
}
