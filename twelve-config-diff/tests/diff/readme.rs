//! The README's example: real output of the diff between the quick start
//! and its next release.

use std::path::Path;
use std::process::Command;

use crate::support::{example_schema, TempDir};

/// The quick start's billing service as of its release 1.5, for the
/// README's example; release 1.4 is `examples/quickstart.rs`.
mod billing_1_5 {
    #![allow(dead_code)]

    use std::time::Duration;
    use twelve_config::{Config, EnvValue, SecretString};

    /// Settings of the billing service.
    #[derive(Config, Debug)]
    #[config(prefix = "BILLING_")]
    pub(crate) struct Settings {
        /// TCP port the HTTP server binds.
        #[config(env = "PORT", default = 8000)]
        port: u16,
        /// Upper bound for one request, headers included.
        #[config(default = "30s")]
        request_timeout: Duration,
        /// Origins allowed by CORS.
        #[config(separator = ",", default = "")]
        allowed_origins: Vec<String>,
        /// Log format override.
        log_format: Option<LogFormat>,
        /// Connection string of the billing database.
        #[config(alias = "BILLING_DATABASE_URL")]
        postgres_url: String,
        /// Key for the payment provider's API.
        api_key: SecretString,
        /// Signs the payment provider's webhooks.
        webhook_secret: SecretString,
        /// Worker pool.
        #[config(nested)]
        workers: WorkerSettings,
    }

    /// How log lines are written.
    #[derive(EnvValue, Debug)]
    pub(crate) enum LogFormat {
        /// One JSON object per line.
        Json,
        /// `key=value` pairs.
        Logfmt,
    }

    /// Settings of the background worker pool.
    #[derive(Config, Debug)]
    pub(crate) struct WorkerSettings {
        /// Number of worker threads.
        #[config(default = 4)]
        threads: u16,
        /// Pause between two polls of the job queue.
        #[config(default = "500ms")]
        poll_interval: Duration,
    }
}

/// Replaces the text between `<!-- generated:NAME:start -->` and its end
/// marker with `body`.
fn with_section(readme: &str, name: &str, body: &str) -> Option<String> {
    let start = format!("<!-- generated:{name}:start -->\n");
    let end = format!("<!-- generated:{name}:end -->");
    let from = readme.find(&start)? + start.len();
    let to = from + readme[from..].find(&end)?;
    Some(format!("{}{body}{}", &readme[..from], &readme[to..]))
}

#[test]
fn readme_example_is_current() {
    use twelve_config::Config as _;

    const PROD_ENV: &str = "# billing in production\n\
        BILLING_DATABASE_URL=postgres://billing@db.internal/billing\n\
        BILLING_API_KEY_FILE=/run/secrets/billing-api-key\n\
        BILLING_LOG_FORMAT=json\n\
        PORT=8080\n";
    let old = example_schema("quickstart");
    let dir = TempDir::new();
    dir.file("billing-1.4.json", &old.to_string());
    dir.file(
        "billing-1.5.json",
        &billing_1_5::Settings::schema().to_json(),
    );
    dir.file("prod.env", PROD_ENV);
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_twelve-config-diff"))
            .args(args)
            .current_dir(&dir.0)
            .env_clear()
            .output()
            .unwrap();
        let code = output.status.code().unwrap();
        (String::from_utf8(output.stdout).unwrap(), code)
    };
    let (all, all_code) = run(&["billing-1.4.json", "billing-1.5.json"]);
    let (prod, prod_code) = run(&["--env", "prod.env", "billing-1.4.json", "billing-1.5.json"]);
    assert_eq!((all_code, prod_code), (1, 1));
    assert!(
        prod.contains("[hits] BILLING_WEBHOOK_SECRET: new required variable"),
        "{prod}"
    );
    assert!(
        prod.contains("[not hit] PORT: the default changed"),
        "{prod}"
    );
    let body = format!(
        "```console\n\
         $ twelve-config-diff billing-1.4.json billing-1.5.json\n{all}$ echo $?\n{all_code}\n\
         $ cat prod.env\n{PROD_ENV}\
         $ twelve-config-diff --env prod.env billing-1.4.json billing-1.5.json\n{prod}$ echo $?\n{prod_code}\n\
         ```\n"
    );

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let updated = with_section(&readme, "diff", &body).expect("the README's diff markers");
    if std::env::var_os("TWELVE_CONFIG_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert!(
        readme == updated,
        "README.md's diff example is out of date: run \
         `TWELVE_CONFIG_BLESS=1 cargo test -p twelve-config-diff` and review the diff\n\
         --- expected\n{body}"
    );
}
