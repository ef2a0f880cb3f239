//! A service with its own argument parser (clap), whose `--port` flag
//! overrides the `PORT` variable: the configuration flags are taken out of
//! the arguments first, clap parses the rest, then the configuration loads
//! from the environment with the flag layered over it. So `--help` and
//! `--version` work whatever the environment holds, clap need not declare
//! the configuration flags, and `--check-config` and `--print-config` see
//! the override.
//!
//! ```sh
//! cargo run -p twelve-config-examples --bin with_clap -- --help
//! cargo run -p twelve-config-examples --bin with_clap -- --port 7000 --print-config
//! ```

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};
use twelve_config::{answer, Config, Env, Layered, Overrides, PostgresUrl, Request, EX_USAGE};

/// Settings of the billing service.
#[derive(Config, Debug)]
#[config(prefix = "BILLING_")]
struct Settings {
    /// TCP port the HTTP server binds.
    #[config(env = "PORT", default = 8080)]
    port: u16,
    /// Connection string of the billing database.
    database_url: PostgresUrl,
}

fn main() {
    // 1. The configuration flags (--print-schema, --check-config,
    //    --print-config and their options) are taken out; the rest is the
    //    service's.
    let (request, rest) = match Request::split_args(std::env::args_os().skip(1)) {
        Ok(split) => split,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(EX_USAGE);
        }
    };
    // 2. The service's own arguments: --help and --version print and exit
    //    here, before any variable is read.
    let matches = Command::new("billing")
        .version("1.2.3")
        .about("The billing service; its configuration comes from BILLING_* variables")
        .arg(
            Arg::new("dry-run")
                .long("dry-run")
                .action(ArgAction::SetTrue)
                .help("Check the ledger without writing"),
        )
        .arg(
            Arg::new("port")
                .long("port")
                .value_name("PORT")
                .help("TCP port the HTTP server binds; overrides the PORT variable"),
        )
        .get_matches_from(std::iter::once(OsString::from("billing")).chain(rest));
    // 3. The configuration, with the flag over the environment: the request
    //    is answered (and the process exits), or the configuration loads,
    //    or the report of every problem, the flag's included, is printed
    //    with status 78.
    let overrides = Overrides::new().flag("--port", "PORT", matches.get_one::<String>("port"));
    let source = Layered::new(overrides, Env);
    let (mut stdout, mut stderr) = (std::io::stdout(), std::io::stderr());
    let settings =
        answer::<Settings>(request.as_ref(), &source, &mut stdout, &mut stderr).or_exit();
    println!(
        "listening on port {}, database {}, dry run: {}",
        settings.port,
        settings.database_url,
        matches.get_flag("dry-run")
    );
}
