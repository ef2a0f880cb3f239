#![deny(warnings)]

use std::path::{Path, PathBuf};

use twelve_config::{Config, SecretString};

fn attachments(data: &Path) -> PathBuf {
    data.join("attachments")
}

fn cpus() -> usize {
    2
}

fn ports_differ(a: &u16, b: &Option<u16>) -> Result<(), String> {
    if Some(*a) == *b {
        Err("the ports are the same".into())
    } else {
        Ok(())
    }
}

/// Outgoing mail.
#[derive(Config)]
struct Smtp {
    host: String,
    password: Option<SecretString>,
}

#[derive(Config)]
#[config(
    prefix = "APP_",
    allow_empty,
    at_most_one(dump, snapshot),
    all_or_none(access_key, secret_key),
    check = ports_differ(port, grpc_port)
)]
struct Settings {
    #[config(default = "data")]
    data: PathBuf,
    #[config(default_with = attachments(data), default_doc = "APP_DATA/attachments")]
    attachments: PathBuf,
    #[config(default_with = cpus())]
    workers: usize,
    #[config(default = 8080)]
    port: u16,
    #[config(default = 6334, none = "off")]
    grpc_port: Option<u16>,
    dump: Option<PathBuf>,
    snapshot: Option<PathBuf>,
    #[config(requires(dump), empty = "unset")]
    ignore_missing_dump: Option<bool>,
    #[config(default = "development")]
    env: String,
    #[config(required_if(env = "production"), file = false)]
    master_key: Option<SecretString>,
    #[config(fallback = "AWS_ACCESS_KEY_ID")]
    access_key: Option<String>,
    secret_key: Option<SecretString>,
    #[config(flatten)]
    smtp: Option<Smtp>,
}

fn main() {
    let _ = Settings::schema();
}
