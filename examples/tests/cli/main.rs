//! End-to-end tests: the example binaries run as child processes with a
//! cleared environment, and their stdout, stderr and exit status are checked.
//!
//! `readme::readme_output_sections_are_current` keeps the generated sections of
//! README.md in step with the real output; after an intended change of the
//! output, run
//!
//! ```sh
//! TWELVE_CONFIG_BLESS=1 cargo test -p twelve-config-examples --test cli
//! ```
//!
//! to rewrite them, and review the diff.

use std::process::Command;

const QUICKSTART: &str = env!("CARGO_BIN_EXE_quickstart");
const SCHEMA_TOUR: &str = env!("CARGO_BIN_EXE_schema_tour");

/// What a child process did.
#[derive(Debug)]
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(bin: &str, args: &[&str], vars: &[(&str, &str)]) -> Run {
    let output = Command::new(bin)
        .args(args)
        .env_clear()
        .envs(vars.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {bin}: {e}"));
    Run {
        status: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

const QUICKSTART_VARS: [(&str, &str); 2] = [
    (
        "BILLING_DATABASE_URL",
        "postgres://billing:s3cret@localhost/billing",
    ),
    ("BILLING_API_KEY", "sk_test_123"),
];

const TOUR_VARS: [(&str, &str); 2] = [
    ("SHOP_PUBLIC_URL", "https://shop.example/"),
    ("SHOP_API_KEY", "sk_test_TOUR_SECRET"),
];

mod quickstart;
mod readme;
mod schema_tour;
#[cfg(feature = "cli")]
mod with_clap;
