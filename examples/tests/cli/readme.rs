//! The generated sections of README.md, kept in step with the quick
//! start's source and real output (`main.rs` says how to rewrite them).

use std::path::PathBuf;

use super::{run, QUICKSTART, QUICKSTART_VARS};

/// The environment of the README's failing `--check-config` example.
const README_CHECK_VARS: [(&str, &str); 3] = [
    ("PORT", "80a"),
    ("BILLING_LOG_FORMAT", "jsno"),
    ("BILLING_WORKERS_THRAEDS", "8"),
];

/// The environment of the README's failing quick start.
const README_REPORT_VARS: [(&str, &str); 2] = [("PORT", "80a"), ("BILLING_LOG_FORMAT", "jsno")];

/// A shell command line: the assignments, then the command.
fn command_line(vars: &[(&str, &str)], command: &str) -> String {
    let mut words: Vec<String> = vars
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    words.push(command.to_owned());
    words.join(" ")
}

/// The README sections, regenerated from the quick start's source and real
/// output.
fn readme_sections() -> [(&'static str, String); 5] {
    // The example's source from `use` on: its `//!` header says how to run
    // it, which the README says in its own words.
    let source = include_str!("../../quickstart.rs");
    let code = &source[source.find("\nuse ").expect("a use line") + 1..];
    let quickstart_code = format!("```rust,no_run\n{code}```\n");

    let report = run(QUICKSTART, &[], &README_REPORT_VARS);
    assert_eq!(report.status, Some(78), "{report:?}");
    assert_eq!(report.stdout, "");
    let quickstart_report = format!(
        "```console\n$ {}\n{}$ echo $?\n78\n```\n",
        command_line(&README_REPORT_VARS, "quickstart"),
        report.stderr
    );

    let started = run(QUICKSTART, &[], &QUICKSTART_VARS);
    assert_eq!(started.status, Some(0), "{started:?}");
    let printed = run(QUICKSTART, &["--print-config"], &QUICKSTART_VARS);
    assert_eq!(printed.status, Some(0), "{printed:?}");
    let log_line = started.stdout.lines().last().expect("a log line");
    let quickstart_print_config = format!(
        "```console\n$ {}\n{}\n$ {}\n{}```\n",
        command_line(&QUICKSTART_VARS, "quickstart | tail -1"),
        log_line,
        command_line(&QUICKSTART_VARS, "quickstart --print-config"),
        printed.stdout
    );

    let schema = run(QUICKSTART, &["--print-schema=markdown"], &[]);
    assert_eq!(schema.status, Some(0), "{schema:?}");
    let print_schema = format!(
        "`quickstart --print-schema=markdown` prints:\n\n{}",
        schema.stdout
    );

    let check = run(QUICKSTART, &["--check-config"], &README_CHECK_VARS);
    assert_eq!(check.status, Some(78), "{check:?}");
    assert_eq!(check.stdout, "");
    let assignments: Vec<String> = README_CHECK_VARS
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    let check_config = format!(
        "```console\n$ {} quickstart --check-config\n{}$ echo $?\n{}\n```\n",
        assignments.join(" "),
        check.stderr,
        check.status.unwrap()
    );
    [
        ("quickstart-code", quickstart_code),
        ("quickstart-report", quickstart_report),
        ("quickstart-print-config", quickstart_print_config),
        ("print-schema", print_schema),
        ("check-config", check_config),
    ]
}

/// Replaces the text between `<!-- generated:NAME:start -->` and
/// `<!-- generated:NAME:end -->` with `body`, or says what is missing.
fn with_section(readme: &str, name: &str, body: &str) -> Result<String, String> {
    let start = format!("<!-- generated:{name}:start -->\n");
    let end = format!("<!-- generated:{name}:end -->");
    let from = readme
        .find(&start)
        .ok_or_else(|| format!("README.md has no line {}", start.trim_end()))?
        + start.len();
    let to = readme[from..]
        .find(&end)
        .ok_or_else(|| format!("README.md has no line {end} after the start marker"))?
        + from;
    Ok(format!("{}{body}{}", &readme[..from], &readme[to..]))
}

#[test]
fn readme_output_sections_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md at the workspace root");
    let mut updated = readme.clone();
    for (name, body) in readme_sections() {
        updated = with_section(&updated, name, &body).unwrap_or_else(|e| panic!("{e}"));
    }
    if updated == readme {
        return;
    }
    if std::env::var_os("TWELVE_CONFIG_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, updated).expect("README.md is writable");
        return;
    }
    panic!(
        "the generated sections of README.md differ from the real output; \
         run `TWELVE_CONFIG_BLESS=1 cargo test -p twelve-config-examples --test cli` \
         to rewrite them and review the diff\n--- README.md now\n{readme}\n--- expected\n{updated}"
    );
}

#[test]
fn readme_sections_are_replaced_between_their_markers_only() {
    let readme = "a\n<!-- generated:x:start -->\nold\n<!-- generated:x:end -->\nb\n";
    assert_eq!(
        with_section(readme, "x", "new\n").unwrap(),
        "a\n<!-- generated:x:start -->\nnew\n<!-- generated:x:end -->\nb\n"
    );
    assert!(with_section(readme, "y", "new\n").is_err());
    let unterminated = "<!-- generated:x:start -->\nold\n";
    assert!(with_section(unterminated, "x", "new\n").is_err());
}
