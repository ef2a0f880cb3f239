//! `from_env` reads the process environment on a path of its own (directly,
//! not through `Source`). These tests run this test binary again as a child
//! with a prepared environment (`Command::env_clear().envs(..)`, nothing is
//! changed in place), and the child checks that `from_env` gives exactly
//! what `from_source` gives for the same variables: the same values, or the
//! same report.

use std::ffi::OsString;
use std::process::Command;
use std::time::Duration;

use twelve_config::{Config, Vars};

/// Set in the child's environment; the child test does nothing without it.
const CHILD_MARKER: &str = "TWELVE_CONFIG_PROCESS_CHILD";

#[derive(Config, Debug)]
struct Pool {
    #[config(default = 4)]
    size: u32,
    /// Named exactly, between two prefixed fields.
    #[config(env = "POOL_DEBUG", default = false)]
    debug: bool,
    idle_timeout: Option<Duration>,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Settings {
    name: String,
    path: OsString,
    port: u16,
    #[config(default = 30)]
    timeout_secs: u32,
    #[config(allow_empty)]
    motd: String,
    tag: Option<String>,
    hosts: Vec<String>,
    #[config(env = "LOG_LEVEL", default = "info")]
    log_level: String,
    #[config(nested)]
    pool: Pool,
}

/// The child: compares the two paths on the environment it was given.
#[test]
fn child_compares_from_env_with_from_source() {
    if std::env::var_os(CHILD_MARKER).is_none() {
        return;
    }
    let vars: Vec<(OsString, OsString)> = std::env::vars_os()
        .filter(|(name, _)| name != CHILD_MARKER)
        .collect();
    let direct = format!("{:#?}", Settings::from_env());
    let through_source = format!("{:#?}", Settings::from_source(&Vars::new(vars)));
    assert_eq!(direct, through_source);
    // The parent checks that the right case ran.
    println!("loaded: {direct}");
}

/// Runs the child test with exactly `vars` set; returns what it loaded.
fn run_child(vars: &[(&'static str, OsString)]) -> String {
    let exe = std::env::current_exe().expect("the test binary's path");
    let output = Command::new(exe)
        .args([
            "--exact",
            "process::child_compares_from_env_with_from_source",
            "--nocapture",
            "--test-threads=1",
        ])
        .env_clear()
        .env(CHILD_MARKER, "1")
        .envs(vars.iter().map(|(n, v)| (n, v)))
        .output()
        .expect("the test binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let start = stdout.find("loaded: ").expect("the child loaded");
    stdout[start..].to_owned()
}

fn text(vars: &[(&'static str, &str)]) -> Vec<(&'static str, OsString)> {
    vars.iter().map(|&(n, v)| (n, OsString::from(v))).collect()
}

#[test]
fn valid_values_load_the_same_from_the_process_environment() {
    let loaded = run_child(&text(&[
        ("APP_NAME", "billing"),
        ("APP_PATH", "/srv/billing"),
        ("APP_PORT", "8080"),
        ("APP_MOTD", ""),
        ("APP_HOSTS", "a.example, b.example"),
        ("LOG_LEVEL", "debug"),
        ("APP_POOL_SIZE", "8"),
        ("POOL_DEBUG", "yes"),
        ("APP_POOL_IDLE_TIMEOUT", "90s"),
    ]));
    assert!(loaded.starts_with("loaded: Ok("), "{loaded}");
    for expected in [
        "\"billing\"",
        "port: 8080",
        "timeout_secs: 30",
        "motd: \"\"",
        "tag: None",
        "\"b.example\"",
        "\"debug\"",
        "size: 8",
        "debug: true",
        "90s",
    ] {
        assert!(loaded.contains(expected), "{expected} in {loaded}");
    }
}

#[test]
fn empty_missing_and_rejected_values_give_the_same_report() {
    let loaded = run_child(&text(&[
        ("APP_NAME", ""),
        ("APP_PORT", " 80 "),
        ("APP_TIMEOUT_SECS", ""),
        ("APP_TAG", ""),
        ("APP_HOSTS", "a,,b"),
        ("APP_POOL_SIZE", "-1"),
        ("POOL_DEBUG", "maybe"),
    ]));
    assert!(loaded.starts_with("loaded: Err("), "{loaded}");
    for expected in [
        "APP_NAME",
        "APP_PATH",
        "leading or trailing whitespace",
        "APP_MOTD",
        "item 2 is empty",
        "APP_POOL_SIZE",
        "POOL_DEBUG",
    ] {
        assert!(loaded.contains(expected), "{expected} in {loaded}");
    }
    // An empty value falls back to the default; an empty optional is None.
    assert!(!loaded.contains("APP_TIMEOUT_SECS"), "{loaded}");
    assert!(!loaded.contains("APP_TAG"), "{loaded}");
}

#[cfg(unix)]
#[test]
fn bytes_that_are_not_utf8_give_the_same_result() {
    use std::os::unix::ffi::OsStringExt;
    let bytes = || OsString::from_vec(b"/srv/\xff".to_vec());
    let mut vars = text(&[("APP_PORT", "8080"), ("APP_MOTD", "hi"), ("APP_HOSTS", "")]);
    vars.push(("APP_NAME", bytes()));
    vars.push(("APP_PATH", bytes()));
    let loaded = run_child(&vars);
    // `String` rejects them, `OsString` keeps them.
    assert!(loaded.starts_with("loaded: Err("), "{loaded}");
    assert!(loaded.contains("APP_NAME"), "{loaded}");
    assert!(loaded.contains("not valid UTF-8"), "{loaded}");
    assert!(!loaded.contains("APP_PATH"), "{loaded}");
}
