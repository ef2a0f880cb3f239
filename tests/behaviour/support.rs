//! Helpers shared by the behaviour tests.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A file under the system's temporary directory, removed on drop.
pub(crate) struct TempFile(pub(crate) PathBuf);

impl TempFile {
    pub(crate) fn with(contents: impl AsRef<[u8]>) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("twelve-config-test-{}-{n}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    pub(crate) fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Every text the crate produces about `T` from `vars`: the load's record
/// and warnings or its report, the schema in every format, and the
/// flags' answers. A test of secrets asserts that none holds a value.
pub(crate) fn every_output<T: twelve_config::Config + std::fmt::Debug>(
    vars: &twelve_config::Vars,
) -> String {
    use twelve_config::SchemaFormat;
    let mut out = String::new();
    match T::load(vars) {
        Ok(loaded) => {
            out += &format!("{:?}\n{loaded:?}\n", loaded.config());
            for var in loaded.vars() {
                out += &format!("{var:?} {:?} {}\n", var.shown_value(), var.origin());
            }
            for warning in loaded.warnings() {
                out += &format!("{warning} {warning:?}\n");
            }
            out += &loaded.to_json();
        }
        Err(errors) => {
            out += &format!("{errors}\n{errors:?}\n");
            out += &errors.to_json();
            for error in &errors {
                out += &format!("{error} {error:?} {}\n", error.message());
            }
        }
    }
    let schema = T::schema();
    out += &format!("{schema:?}\n");
    for format in SchemaFormat::ALL {
        out += &schema.render(format);
    }
    out += &schema.to_kubernetes("app-secrets");
    for flags in [
        &["--print-config"][..],
        &["--check-config"],
        &["--print-schema=json"],
        &["--print-config", "--format=json"],
        &["--check-config", "--format=json"],
        &["--print-schema=json-schema"],
    ] {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let _ = twelve_config::handle_args::<T>(flags, vars, &mut stdout, &mut stderr);
        out += &String::from_utf8_lossy(&stdout);
        out += &String::from_utf8_lossy(&stderr);
    }
    out
}
