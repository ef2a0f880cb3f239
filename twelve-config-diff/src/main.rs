//! `twelve-config-diff`: compares the `--print-schema=json` documents of two
//! releases of a program using twelve-config, and says which changes break
//! a deployment (exit 1) and which are compatible (exit 0).
//!
//! ```text
//! twelve-config-diff [--format=text|json] [--env=FILE] OLD.json NEW.json
//! ```
//!
//! With `--env FILE` (a `.env` file: `KEY=VALUE` lines), it also says which
//! breaking changes that deployment hits, and exits 1 only when one does or
//! may. Exit 64 when it cannot compare: bad arguments, an unreadable or
//! invalid document, an unknown `format_version`.

#![forbid(unsafe_code)]

mod compare;
mod effect;
mod env;
mod model;
mod report;

use std::io::Write as _;
use std::process::ExitCode;

const USAGE: &str = "\
usage: twelve-config-diff [--format=text|json] [--env=FILE] OLD.json NEW.json

Compares two --print-schema=json documents (the last release's, then this
one's) and lists each change as breaking or compatible. Either may be - for
standard input, such as a program's --print-schema=json piped in.

options:
  --format=text|json  the report's format (default: text)
  --env=FILE          also say which breaking changes the deployment whose
                      env file (KEY=VALUE lines) this is actually hits
  -h, --help          print this help
  -V, --version       print the version

exit status: 0 nothing breaks (with --env: nothing hits the deployment),
1 something breaks (with --env: hits it, or may), 64 usage error
";

/// sysexits' EX_USAGE.
const USAGE_ERROR: u8 = 64;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

struct Args {
    format: Format,
    env: Option<String>,
    old: String,
    new: String,
}

enum Parsed {
    Run(Args),
    Print(String),
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut format = Format::Text;
    let mut env = None;
    let mut paths = Vec::new();
    let mut args = args.into_iter();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths || arg == "-" || !arg.starts_with('-') {
            paths.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = |flag: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--" => only_paths = true,
            "-h" | "--help" => return Ok(Parsed::Print(USAGE.to_owned())),
            "-V" | "--version" => {
                return Ok(Parsed::Print(format!(
                    "twelve-config-diff {}\n",
                    env!("CARGO_PKG_VERSION")
                )))
            }
            "--format" => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(format!("unknown format {other:?}: expected text or json"))
                    }
                }
            }
            "--env" => env = Some(value("--env")?),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    match <[String; 2]>::try_from(paths) {
        Ok([old, new]) => Ok(Parsed::Run(Args {
            format,
            env,
            old,
            new,
        })),
        Err(paths) => Err(format!(
            "expected two schema files, OLD.json and NEW.json; got {}",
            paths.len()
        )),
    }
}

fn read(path: &str) -> Result<String, String> {
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(path)
    };
    text.map_err(|e| format!("{path}: cannot read: {e}"))
}

fn run(args: &Args) -> Result<(String, bool), String> {
    let old = model::read(&read(&args.old)?).map_err(|e| format!("{}: {e}", args.old))?;
    let new = model::read(&read(&args.new)?).map_err(|e| format!("{}: {e}", args.new))?;
    let env = match &args.env {
        Some(path) => {
            let parsed = env::parse(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
            Some((path.as_str(), parsed))
        }
        None => None,
    };
    let changes = compare::compare(&old, &new);
    let report = report::Report {
        old_version: old.version,
        new_version: new.version,
        changes: &changes,
        env: env.as_ref().map(|(path, env)| (*path, env)),
    };
    let out = match args.format {
        Format::Text => report.text(),
        Format::Json => report.json(),
    };
    Ok((out, report.fails()))
}

fn main() -> ExitCode {
    let usage_error = |message: String| {
        eprintln!("error: {message}\nrun twelve-config-diff --help for usage");
        ExitCode::from(USAGE_ERROR)
    };
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error(message),
    };
    match run(&args) {
        Ok((out, fails)) => {
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(out.as_bytes()).is_err() {
                // sysexits' EX_IOERR: not to be read as "something breaks".
                return ExitCode::from(74);
            }
            if fails {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(message) => usage_error(message),
    }
}
