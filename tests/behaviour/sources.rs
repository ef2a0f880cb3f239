//! `Env` as a `Source` that other sources build on: a program layering the
//! process environment over a `.env` file's variables reads it through
//! `Source::get` and `Source::for_each_name`, not through the loader's own
//! path. The checks run in a child process given exactly the variables to
//! see (`Command::env_clear().envs(..)`); nothing is changed in place.

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStringExt;
use std::process::Command;

use twelve_config::{Config, Env, Source, Vars};

/// Set in the child's environment; the child test does nothing without it.
const CHILD_MARKER: &str = "TWELVE_CONFIG_SOURCES_CHILD";

/// The process environment over a file's variables: the environment wins.
struct Layered {
    file: Vars,
}

impl Source for Layered {
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        Env.get(name).or_else(|| self.file.get(name))
    }

    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        Env.for_each_name(visit);
        self.file.for_each_name(visit);
    }
}

#[derive(Config, Debug, PartialEq)]
#[config(prefix = "APP_")]
struct App {
    host: String,
    port: u16,
    raw: Option<OsString>,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_", deny_unknown)]
struct Strict {
    host: String,
    port: u16,
    raw: Option<OsString>,
}

/// The child: checks `Env` against what the standard library reads.
#[test]
fn child_reads_the_environment_through_source() {
    if std::env::var_os(CHILD_MARKER).is_none() {
        return;
    }
    let mut expected: Vec<OsString> = std::env::vars_os().map(|(name, _)| name).collect();
    let mut listed = Vec::new();
    Env.for_each_name(&mut |name| listed.push(name.to_os_string()));
    expected.sort();
    listed.sort();
    assert_eq!(listed, expected);
    for (name, value) in std::env::vars_os() {
        let name = name.into_string().unwrap();
        assert_eq!(Env.get(&name).as_deref(), Some(value.as_os_str()), "{name}");
    }
    assert_eq!(Env.get("APP_NOT_SET"), None);

    let layered = Layered {
        file: Vars::new([("APP_HOST", "from-file"), ("APP_PORT", "1")]),
    };
    let app = App::from_source(&layered).unwrap();
    assert_eq!(
        app,
        App {
            host: "from-file".to_owned(),
            port: 8080,
            raw: Some(OsString::from_vec(b"a\xffb".to_vec())),
        }
    );
    // A misspelt name in the environment is found through the layer too.
    let errors = Strict::from_source(&layered).unwrap_err();
    let vars: Vec<&str> = errors.iter().map(|e| e.var()).collect();
    assert_eq!(vars, ["APP_PROT"], "{errors}");
    println!("child checked");
}

#[derive(Config, Debug, PartialEq)]
#[config(prefix = "SOURCES_CHECK_")]
struct Checked {
    host: String,
    port: u16,
}

#[test]
fn a_source_behind_references_is_the_one_read() {
    // Generic code holding `&S` passes `&&S` on; the variables read are
    // still those of the source, never the process environment's.
    let vars = Vars::new([("SOURCES_CHECK_HOST", "db"), ("SOURCES_CHECK_PORT", "5432")]);
    let by_ref: &Vars = &vars;
    let expected = Checked {
        host: "db".to_owned(),
        port: 5432,
    };
    assert_eq!(Checked::from_source(&by_ref).unwrap(), expected);
    let layered: &dyn Source = &vars;
    assert_eq!(Checked::from_source(&layered).unwrap(), expected);
}

#[test]
fn env_reads_the_process_environment_as_a_source() {
    let exe = std::env::current_exe().expect("the test binary's path");
    let output = Command::new(exe)
        .args([
            "--exact",
            "sources::child_reads_the_environment_through_source",
            "--nocapture",
            "--test-threads=1",
        ])
        .env_clear()
        .env(CHILD_MARKER, "1")
        .env("APP_PORT", "8080")
        .env("APP_PROT", "8081")
        .env("APP_RAW", OsString::from_vec(b"a\xffb".to_vec()))
        .output()
        .expect("the test binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("child checked"), "{stdout}");
}

/// A rejected value given by a flag of the service's command line names
/// the flag in its report entry, whether the layered source is passed as
/// it is or behind references; a value from the variables beneath has no
/// such note.
#[test]
fn a_rejected_value_given_by_a_flag_names_the_flag() {
    #[derive(Config, Debug)]
    struct Flagged {
        port: u16,
        workers: u16,
    }

    let overrides = twelve_config::Overrides::new().flag("--port", "PORT", Some("80a"));
    let vars = Vars::new([("PORT", "8080"), ("WORKERS", "x")]);
    let layered = twelve_config::Layered::new(overrides, vars);
    let dynamic: &dyn Source = &layered;
    for errors in [
        Flagged::from_source(&layered).unwrap_err(),
        Flagged::from_source(&dynamic).unwrap_err(),
    ] {
        let port = errors.get("PORT").expect("PORT is reported");
        assert_eq!(port.note(), Some("given by --port on the command line"));
        let workers = errors.get("WORKERS").expect("WORKERS is reported");
        assert_eq!(workers.note(), None);
    }
    // The flags alone, as a program that reads no environment loads them.
    let flags_only = twelve_config::Overrides::new()
        .flag("--port", "PORT", Some("80a"))
        .flag("--workers", "WORKERS", Some("4"));
    let errors = Flagged::from_source(&flags_only).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let port = errors.get("PORT").expect("PORT is reported");
    assert_eq!(port.note(), Some("given by --port on the command line"));
    // Or flags that may be absent, as an `Option`.
    let errors = Flagged::from_source(&Some(flags_only)).unwrap_err();
    let port = errors.get("PORT").expect("PORT is reported");
    assert_eq!(port.note(), Some("given by --port on the command line"));
}
