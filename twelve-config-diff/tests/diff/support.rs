//! Helpers: the examples' schemas, temporary files, running the diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use serde_json::{json, Value};

/// The `--print-schema=json` document of an example binary.
pub(crate) fn example_schema(bin: &str) -> Value {
    static CACHE: OnceLock<Mutex<Vec<(String, Value)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, schema)) = cache.iter().find(|(name, _)| name == bin) {
        return schema.clone();
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Cargo and rustup need their own variables, and the build settings
    // must match the outer build's so that its artifacts are reused; the
    // example itself reads none to print its schema.
    let keep = [
        "PATH",
        "HOME",
        "CARGO_HOME",
        "RUSTUP_HOME",
        "RUSTUP_TOOLCHAIN",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET_DIR",
        "CARGO_INCREMENTAL",
        "RUSTFLAGS",
        "RUSTC",
        "RUSTC_WRAPPER",
    ];
    let output = Command::new(env!("CARGO"))
        .args(["run", "-q", "-p", "twelve-config-examples", "--bin", bin])
        .args(["--", "--print-schema=json"])
        .current_dir(manifest.parent().unwrap())
        .env_clear()
        .envs(keep.iter().filter_map(|k| Some((k, std::env::var_os(k)?))))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo run --bin {bin} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    cache.push((bin.to_owned(), schema.clone()));
    schema
}

/// A file in a fresh directory, removed with it.
pub(crate) struct TempDir(pub(crate) PathBuf);

impl TempDir {
    pub(crate) fn new() -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "twelve-config-diff-test-{}-{n}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub(crate) fn file(&self, name: &str, contents: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path.to_str().unwrap().to_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub(crate) fn diff_raw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twelve-config-diff"))
        .args(args)
        .env_clear()
        .output()
        .unwrap()
}

/// The JSON report and exit status of the diff of `old` and `new`.
pub(crate) fn diff(old: &Value, new: &Value, env: Option<&str>) -> (Value, i32) {
    let dir = TempDir::new();
    let old = dir.file("old.json", &old.to_string());
    let new = dir.file("new.json", &new.to_string());
    let mut args = vec!["--format=json".to_owned()];
    if let Some(env) = env {
        args.push("--env".to_owned());
        args.push(dir.file("deploy.env", env));
    }
    args.extend([old, new]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = diff_raw(&args);
    let code = output.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (serde_json::from_slice(&output.stdout).unwrap(), code)
}

/// The changes of a report, as (kind, variable, breaking).
pub(crate) fn kinds(report: &Value) -> Vec<(String, String, bool)> {
    report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_owned(),
                c["variable"].as_str().unwrap_or("").to_owned(),
                c["breaking"].as_bool().unwrap(),
            )
        })
        .collect()
}

pub(crate) fn one(kind: &str, var: &str, breaking: bool) -> Vec<(String, String, bool)> {
    vec![(kind.to_owned(), var.to_owned(), breaking)]
}

/// The variable named `name` of a schema, to edit.
pub(crate) fn var<'a>(schema: &'a mut Value, name: &str) -> &'a mut Value {
    schema["vars"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|v| v["name"] == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

pub(crate) fn remove_var(schema: &mut Value, name: &str) -> Value {
    let vars = schema["vars"].as_array_mut().unwrap();
    let at = vars.iter().position(|v| v["name"] == name).unwrap();
    vars.remove(at)
}

/// The same document in format_version 2: the new keys, with the values
/// that mean "nothing of the kind".
pub(crate) fn as_version_2(schema: &Value) -> Value {
    let mut schema = schema.clone();
    if schema["format_version"] == json!(2) {
        return schema;
    }
    schema["format_version"] = json!(2);
    for var in schema["vars"].as_array_mut().unwrap() {
        var["default_computed"] = Value::Null;
        var["none"] = Value::Null;
        var["credential"] = json!(false);
        var["fallbacks"] = json!([]);
    }
    schema["groups"] = json!([]);
    schema["rules"] = json!([]);
    schema
}

/// The same schema as format_version 1 wrote it: without the keys version
/// 2 added, and a group named by its variables' common start.
pub(crate) fn as_version_1(schema: &Value) -> Value {
    let mut schema = schema.clone();
    schema["format_version"] = json!(1);
    for var in schema["vars"].as_array_mut().unwrap() {
        let var = var.as_object_mut().unwrap();
        for key in ["default_computed", "none", "credential", "fallbacks"] {
            var.remove(key);
        }
        if let Some(group) = var.get("group").and_then(Value::as_str) {
            let pattern = format!("{}_*", group.to_ascii_uppercase());
            var.insert("group".to_owned(), json!(pattern));
        }
    }
    let root = schema.as_object_mut().unwrap();
    root.remove("groups");
    root.remove("rules");
    schema
}

/// The schema tour's document, kept up to date by the behaviour tests'
/// snapshot: the one real schema with an optional group.
pub(crate) fn tour_schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/behaviour/snapshots/tour.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
