//! `from_env` reads the process environment on a path of its own (directly,
//! not through `Source`). These tests run this test binary again as a child
//! with a prepared environment (`Command::env_clear().envs(..)`, nothing is
//! changed in place), and the child checks that `from_env` gives exactly
//! what `from_source` gives for the same variables: the same values, or the
//! same report.

use std::ffi::OsString;
use std::process::Command;
use std::time::Duration;

use twelve_config::{Config, SecretString, Vars};

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

/// The pool's debug output goes to the debug log.
fn pool_debug_logged(log_level: &String, pool: &Pool) -> Result<(), String> {
    if pool.debug && log_level != "debug" {
        Err("the pool's debug output needs the debug log level".into())
    } else {
        Ok(())
    }
}

/// A nested struct no rule reads, looked up on the plain path.
#[derive(Config, Debug)]
struct Cache {
    #[config(default = 64)]
    entries: u32,
    ttl: Option<Duration>,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_", check = pool_debug_logged(log_level, pool))]
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
    #[config(nested)]
    cache: Cache,
    /// A secret reads its `_FILE` too, so it is not looked up on the
    /// direct path of plain fields.
    api_key: Option<SecretString>,
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
    let key = crate::support::TempFile::with("k3y\n");
    let mut vars = text(&[
        ("APP_NAME", "billing"),
        ("APP_PATH", "/srv/billing"),
        ("APP_PORT", "8080"),
        ("APP_MOTD", ""),
        ("APP_HOSTS", "a.example, b.example"),
        ("LOG_LEVEL", "debug"),
        ("APP_POOL_SIZE", "8"),
        ("POOL_DEBUG", "yes"),
        ("APP_POOL_IDLE_TIMEOUT", "90s"),
        // A nested struct no rule reads, from the process environment.
        ("APP_CACHE_ENTRIES", "128"),
        ("APP_CACHE_TTL", "5m"),
    ]);
    vars.push(("APP_API_KEY_FILE", OsString::from(key.path())));
    let loaded = run_child(&vars);
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
        "entries: 128",
        "300s",
        "api_key: Some(",
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
        ("APP_CACHE_ENTRIES", ""),
        ("APP_CACHE_TTL", ""),
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
    // An empty value falls back to the default; an empty optional is None,
    // in a nested struct too.
    assert!(!loaded.contains("APP_TIMEOUT_SECS"), "{loaded}");
    assert!(!loaded.contains("APP_TAG"), "{loaded}");
    assert!(!loaded.contains("APP_CACHE_ENTRIES"), "{loaded}");
    assert!(!loaded.contains("APP_CACHE_TTL"), "{loaded}");
}

#[test]
fn a_check_over_a_nested_struct_names_the_same_variables() {
    let loaded = run_child(&text(&[
        ("APP_NAME", "billing"),
        ("APP_PATH", "/srv/billing"),
        ("APP_PORT", "8080"),
        ("APP_MOTD", ""),
        ("APP_HOSTS", "a"),
        ("POOL_DEBUG", "yes"),
    ]));
    assert!(loaded.starts_with("loaded: Err("), "{loaded}");
    assert!(loaded.contains("needs the debug log level"), "{loaded}");
    // Of the pool, only the variable that was set; the child checked that
    // `from_env` recorded it as `from_source` does.
    assert!(loaded.contains("\"POOL_DEBUG\""), "{loaded}");
    assert!(!loaded.contains("APP_POOL_SIZE"), "{loaded}");
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

/// Set in the environment of the child that loads with a `.env` file.
const DOTENV_CHILD_MARKER: &str = "TWELVE_CONFIG_DOTENV_CHILD";

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Local {
    #[config(default = 8080)]
    port: u16,
    database_url: twelve_config::PostgresUrl,
    api_key: twelve_config::SecretString,
}

/// The child: `load_or_exit_with` and a `.env` file in its working
/// directory, or the one `APP_ENV_FILE` names.
#[test]
fn child_loads_with_a_dotenv_file() {
    if std::env::var_os(DOTENV_CHILD_MARKER).is_none() {
        return;
    }
    let options = twelve_config::Options::new()
        .dotenv(".env")
        .dotenv_var("APP_ENV_FILE");
    let local = Local::load_or_exit_with(options);
    println!("loaded: {local:?}");
}

/// Runs that child in `dir` with `vars`; returns its status,
/// stdout and stderr.
fn run_dotenv_child(dir: &std::path::Path, vars: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let exe = std::env::current_exe().expect("the test binary's path");
    let output = Command::new(exe)
        .args([
            "--exact",
            "process::child_loads_with_a_dotenv_file",
            "--nocapture",
            "--test-threads=1",
        ])
        .current_dir(dir)
        .env_clear()
        .env(DOTENV_CHILD_MARKER, "1")
        .envs(vars.iter().copied())
        .output()
        .expect("the test binary runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A fresh directory under the system's temporary directory, removed on
/// drop.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "twelve-config-dotenv-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const LOCAL_DOTENV: &str = "\
APP_PORT=3000
APP_DATABASE_URL=postgres://dev:DOTENV_PASSWORD@localhost/dev
APP_API_KEY=DOTENV_SECRET_KEY
";

#[test]
fn a_dotenv_file_fills_in_what_the_environment_does_not_set() {
    let dir = TempDir::new("fills");
    std::fs::write(dir.0.join(".env"), LOCAL_DOTENV).unwrap();
    let (status, stdout, stderr) = run_dotenv_child(&dir.0, &[("APP_PORT", "9090")]);
    assert_eq!(status, Some(0), "{stdout}\n{stderr}");
    // The environment wins; the file gives the rest.
    assert!(stdout.contains("port: 9090"), "{stdout}");
    assert!(
        stdout.contains("postgres://dev:***@localhost/dev"),
        "{stdout}"
    );
    for secret in ["DOTENV_PASSWORD", "DOTENV_SECRET_KEY"] {
        assert!(!stdout.contains(secret) && !stderr.contains(secret));
    }

    // (--print-config with a layered file: `cli::env_file`; the test
    // harness of this child would refuse the flag.)
}

#[test]
fn without_a_dotenv_file_only_the_environment_is_read() {
    let dir = TempDir::new("none");
    let (status, stdout, stderr) = run_dotenv_child(&dir.0, &[]);
    assert_eq!(status, Some(78), "{stdout}\n{stderr}");
    assert!(
        stderr
            .starts_with("error: 2 configuration problems\n  APP_DATABASE_URL  missing: required"),
        "{stderr}"
    );
    assert!(stderr.ends_with("\n  APP_API_KEY       missing: required (secret text)\n"));
}

#[test]
fn a_variable_may_name_the_dotenv_file_which_must_then_exist() {
    let dir = TempDir::new("named");
    std::fs::write(dir.0.join("staging.env"), LOCAL_DOTENV).unwrap();
    let (status, stdout, stderr) = run_dotenv_child(&dir.0, &[("APP_ENV_FILE", "staging.env")]);
    assert_eq!(status, Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("port: 3000"), "{stdout}");

    let (status, _, stderr) = run_dotenv_child(&dir.0, &[("APP_ENV_FILE", "missing.env")]);
    assert_eq!(status, Some(78), "{stderr}");
    assert!(
        stderr.contains("APP_ENV_FILE      cannot use file \"missing.env\": No such file"),
        "{stderr}"
    );
}

#[test]
fn a_dotenv_line_that_does_not_parse_joins_the_report() {
    let dir = TempDir::new("broken");
    let broken = LOCAL_DOTENV.replace("APP_API_KEY=", "APP_API_KEY ");
    std::fs::write(dir.0.join(".env"), broken).unwrap();
    let (status, stdout, stderr) = run_dotenv_child(&dir.0, &[]);
    assert_eq!(status, Some(78), "{stdout}\n{stderr}");
    assert!(
        stderr.starts_with(
            "error: 2 configuration problems\n  \
             .env         cannot use file \".env\": line 3: not a KEY=value line (at character 13)\n"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("DOTENV_SECRET_KEY"), "{stderr}");
}
