//! A service with its own argument parser (clap): the configuration flags
//! are answered first, then clap parses, then the configuration loads. So
//! `--help` and `--version` work whatever the environment holds, and clap
//! need not declare the configuration flags.
//!
//! ```sh
//! cargo run -p twelve-config-examples --bin with_clap -- --help
//! cargo run -p twelve-config-examples --bin with_clap -- --check-config
//! ```

use clap::{Arg, ArgAction, Command};
use twelve_config::{handle_flags, Config, Env, PostgresUrl};

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
    // 1. --print-schema, --check-config and --print-config are answered
    //    here and exit, before the service's parser (which would ask for
    //    the service's own required arguments).
    let args = std::env::args_os().skip(1);
    let (mut stdout, mut stderr) = (std::io::stdout(), std::io::stderr());
    if let Some(status) = handle_flags::<Settings>(args, &Env, &mut stdout, &mut stderr) {
        std::process::exit(status);
    }
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
        .get_matches();
    // 3. The configuration: the report and status 78 if it does not load.
    let settings = Settings::load_or_exit();
    println!(
        "listening on port {}, database {}, dry run: {}",
        settings.port,
        settings.database_url,
        matches.get_flag("dry-run")
    );
}
