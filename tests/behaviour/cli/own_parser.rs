//! A service with an argument parser of its own: `handle_flags` answers the
//! configuration flags first and leaves every other argument alone, and
//! `Overrides` layers the service's own flags over their variables.

use twelve_config::{
    answer, handle_flags, Action, Config, Layered, Origin, Overrides, ReportFormat, Request,
    SchemaFormat, Source, Vars, EX_CONFIG, EX_USAGE,
};

use super::{run, vars};
use crate::schema::Tour;

/// What one call of `handle_flags` did: the status and the captured output.
fn flags(args: &[&str], source: &dyn Source) -> (Option<i32>, String, String) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let status = handle_flags::<Tour>(args, source, &mut stdout, &mut stderr);
    (
        status,
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

#[test]
fn handle_flags_answers_a_configuration_flag_and_leaves_the_rest() {
    // No configuration flag: nothing is printed, nothing is loaded (the
    // required variables are missing, yet there is no report).
    assert_eq!(
        flags(&["--help"], &Vars::default()),
        (None, String::new(), String::new())
    );
    assert_eq!(
        flags(&["serve", "--port", "80"], &Vars::default()),
        (None, String::new(), String::new())
    );

    let (status, stdout, stderr) = flags(&["--print-schema=json"], &Vars::default());
    assert_eq!(status, Some(0));
    assert_eq!(stdout, Tour::schema().to_json());
    assert_eq!(stderr, "");

    let (status, stdout, stderr) = flags(&["serve", "--check-config"], &vars(&[]));
    assert_eq!(status, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("configuration ok: 15 variables"),
        "{stdout}"
    );

    let (status, stdout, stderr) = flags(&["--check-config"], &Vars::default());
    assert_eq!(status, Some(EX_CONFIG));
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("TOUR_API_KEY     missing: required (secret text)"),
        "{stderr}"
    );

    let (status, stdout, stderr) = flags(&["--print-schema=toml"], &Vars::default());
    assert_eq!(status, Some(EX_USAGE));
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("toml"),
        "{stderr}"
    );
}

#[derive(Config, Debug)]
struct Server {
    #[config(default = 8080)]
    port: u16,
    #[config(default = "127.0.0.1")]
    host: String,
    #[config(default = "info")]
    log_level: String,
}

#[test]
fn a_flag_given_wins_over_its_variable_and_a_flag_not_given_does_not() {
    let env = Vars::new([("PORT", "9000"), ("HOST", "0.0.0.0"), ("LOG_LEVEL", "warn")]);
    let not_given: Option<&str> = None;
    let overrides = Overrides::new()
        .flag("--port", "PORT", Some("7000"))
        .flag("--host", "HOST", not_given)
        .flag("-v", "LOG_LEVEL", Some("debug"))
        // The last flag given for a variable wins, as with repeated flags.
        .flag("--log-level", "LOG_LEVEL", Some("trace"));
    let layered = Layered::new(overrides, &env);
    let loaded = Server::load(&layered).unwrap();
    let server = loaded.config();
    assert_eq!(server.port, 7000);
    assert_eq!(server.host, "0.0.0.0");
    assert_eq!(server.log_level, "trace");
    // What the flags hide is not passed over in silence.
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "warning: PORT: not used: --port on the command line overrides it",
            "warning: LOG_LEVEL: not used: --log-level on the command line overrides it",
        ]
    );

    let outcome = run::<Server>(&["--print-config"], &layered);
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "PORT       7000  (command line --port)\n\
         HOST       0.0.0.0  (environment)\n\
         LOG_LEVEL  trace  (command line --log-level)\n"
    );
    assert!(
        outcome
            .stderr
            .contains("warning: PORT: not used: --port on the command line overrides it"),
        "{}",
        outcome.stderr
    );
    // As much when the layers are themselves behind a reference or an
    // `Option`, inside another layer.
    let wrapped = Layered::new(Vars::default(), Some(&layered));
    let loaded = Server::load(&wrapped).unwrap();
    let hidden: Vec<&str> = loaded.warnings().iter().map(|w| w.var()).collect();
    assert_eq!(hidden, ["PORT", "LOG_LEVEL"]);
    // No override: the environment alone.
    let loaded = Server::load(&Layered::new(Overrides::new(), &env)).unwrap();
    assert_eq!(loaded.config().port, 9000);
    assert!(loaded.warnings().is_empty(), "{:?}", loaded.warnings());
    assert!(matches!(loaded.vars()[0].origin(), Origin::Env));
}

#[test]
fn a_rejected_flag_value_names_the_variable_and_the_flag() {
    let env = Vars::new([("PORT", "9000")]);
    let overrides = Overrides::new().flag("--port", "PORT", Some("80a"));
    let errors = Server::load(&Layered::new(overrides, &env)).unwrap_err();
    let error = errors.get("PORT").unwrap();
    assert_eq!(errors.len(), 1, "{errors}");
    let report = errors.to_string();
    assert!(report.contains("invalid value \"80a\""), "{report}");
    assert!(
        report.contains("note: given by --port on the command line"),
        "{report}"
    );
    assert_eq!(error.var(), "PORT");
}

#[test]
fn a_flag_overriding_a_variable_no_setting_reads_is_warned_about() {
    // A service wiring its flag to a misspelt variable is told so, as an
    // operator setting that variable would be.
    let overrides = Overrides::new().flag("--log-levl", "LOG_LEVL", Some("debug"));
    let loaded = Server::load(&Layered::new(overrides, Vars::default())).unwrap();
    assert_eq!(loaded.config().log_level, "info");
    let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: LOG_LEVL: not read by any setting: did you mean LOG_LEVEL?; given by --log-levl on the command line"]
    );
}

#[test]
fn a_flags_origin_names_the_flag_in_the_json_report() {
    let overrides = Overrides::new().flag("--port", "PORT", Some("7000"));
    let layered = Layered::new(overrides, Vars::default());
    let outcome = run::<Server>(&["--print-config", "--format=json"], &layered);
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    let report: serde_json::Value = serde_json::from_str(&outcome.stdout).unwrap();
    let expected = serde_json::json!({
        "kind": "command_line",
        "text": "command line --port",
        "flag": "--port",
    });
    assert_eq!(report["vars"][0]["name"], "PORT");
    assert_eq!(report["vars"][0]["origin"], expected);

    // Serialized with serde, the loaded configuration says the same.
    #[cfg(feature = "serde")]
    {
        let loaded = Server::load(&layered).unwrap();
        let origin = serde_json::to_value(loaded.vars()[0].origin()).unwrap();
        assert_eq!(origin, expected);
    }
}

#[test]
fn a_parsers_format_value_is_read_and_named_as_format_takes_it() {
    // A service's parser that takes `--format` itself builds the request
    // from the name, and shows the name back in its own help or errors.
    for (name, format) in [("text", ReportFormat::Text), ("json", ReportFormat::Json)] {
        assert_eq!(name.parse::<ReportFormat>().unwrap(), format);
        assert_eq!(format.name(), name);
        assert_eq!(format.to_string(), name);
    }
    assert_eq!(ReportFormat::default(), ReportFormat::Text);
    // Likewise the schema formats, for a parser that takes its own
    // `--print-schema`.
    for format in SchemaFormat::ALL {
        assert_eq!(format.to_string(), format.name());
        assert_eq!(format.name().parse::<SchemaFormat>().unwrap(), format);
    }
    assert_eq!(SchemaFormat::Markdown.to_string(), "markdown");
    let error = "yaml".parse::<ReportFormat>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown report format \"yaml\": expected one of: text, json"
    );
    let request = Request::CheckConfig {
        format: "json".parse().unwrap(),
        env_files: Vec::new(),
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let action = answer::<Server>(Some(&request), &Vars::default(), &mut stdout, &mut stderr);
    assert!(matches!(action, Action::Exit(0)));
    let report: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(report["vars"][0]["name"], "PORT");
}

#[test]
fn split_args_takes_the_configuration_flags_and_leaves_the_service_its_own() {
    let (request, rest) = Request::split_args([
        "--verbose",
        "--print-schema",
        "json",
        "--port",
        "7000",
        "--",
        "--check-config",
    ])
    .unwrap();
    assert_eq!(
        request,
        Some(Request::PrintSchema {
            format: SchemaFormat::Json,
            secret_name: None,
        })
    );
    // The flag and its value are taken out; the rest, after `--` too, is
    // the service's, in order.
    assert_eq!(
        rest,
        ["--verbose", "--port", "7000", "--", "--check-config"]
    );

    let (request, rest) =
        Request::split_args(["serve", "--check-config", "--format=json", "-v"]).unwrap();
    assert_eq!(
        request,
        Some(Request::CheckConfig {
            format: ReportFormat::Json,
            env_files: Vec::new(),
        })
    );
    assert_eq!(rest, ["serve", "-v"]);

    // Without a configuration flag every argument is the service's, its
    // `--format` included.
    let (request, rest) = Request::split_args(["serve", "--format=yaml"]).unwrap();
    assert_eq!(request, None);
    assert_eq!(rest, ["serve", "--format=yaml"]);

    let error = Request::split_args(["--check-config", "--print-config"]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "--check-config and --print-config cannot be used together"
    );
}

#[test]
fn answer_takes_a_request_built_by_another_parser() {
    let request = Request::PrintSchema {
        format: SchemaFormat::Json,
        secret_name: None,
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let action = answer::<Tour>(Some(&request), &Vars::default(), &mut stdout, &mut stderr);
    assert!(matches!(action, Action::Exit(0)));
    assert_eq!(String::from_utf8(stdout).unwrap(), Tour::schema().to_json());

    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let action = answer::<Tour>(None, &vars(&[]), &mut stdout, &mut stderr);
    assert!(matches!(action, Action::Run(Tour { port: 8080, .. })));
    assert!(stdout.is_empty() && stderr.is_empty());
}

fn long_enough(env: &String, master_key: &Option<secrecy::SecretString>) -> Result<(), String> {
    use secrecy::ExposeSecret;
    match master_key {
        Some(key) if env == "production" && key.expose_secret().len() < 16 => Err(format!(
            "the master key must be at least 16 bytes in production; it is {}",
            key.expose_secret().len()
        )),
        _ => Ok(()),
    }
}

#[derive(Config, Debug)]
#[config(prefix = "MEILI_", check = long_enough(env, master_key))]
struct Search {
    #[config(default = "development")]
    env: String,
    master_key: Option<secrecy::SecretString>,
    #[config(alias = "MEILI_DB", requires(dump_dir))]
    db_path: Option<String>,
    dump_dir: Option<String>,
}

#[test]
fn a_rules_problem_names_its_variables_as_the_operator_gave_them() {
    let key = crate::support::TempFile::with("short-key\n");
    let env = Vars::new([
        ("MEILI_MASTER_KEY_FILE", key.path()),
        ("MEILI_MASTER_KEY", "unused-in-this-run-0123456789"),
        ("MEILI_DB", "/data.ms"),
    ]);
    // The variable and its file both set is a problem of its own; without
    // the variable, the check reads the file's key.
    let env_file_only = Vars::new([
        ("MEILI_MASTER_KEY_FILE", key.path()),
        ("MEILI_DB", "/data.ms"),
    ]);
    let overrides = Overrides::new().flag("--env", "MEILI_ENV", Some("production"));
    let errors = Search::load(&Layered::new(overrides.clone(), &env_file_only)).unwrap_err();
    let check = errors.get("MEILI_ENV").expect("the check names MEILI_ENV");
    assert_eq!(
        check.vars(),
        ["MEILI_ENV", "MEILI_MASTER_KEY_FILE"],
        "{errors}"
    );
    assert_eq!(
        check.note(),
        Some("MEILI_ENV given by --env on the command line")
    );
    // For tools, each field apart too.
    let json = errors.to_json();
    assert!(
        json.contains(r#""field": "env, master_key", "fields": ["env", "master_key"]"#),
        "{json}"
    );
    // A rule's member set by an alias is named by the alias.
    let requires = errors.get("MEILI_DB").expect("requires names the alias");
    assert_eq!(requires.vars(), ["MEILI_DB", "MEILI_DUMP_DIR"], "{errors}");
    assert!(
        requires.to_string().contains("only MEILI_DB is set"),
        "{requires}"
    );
    assert_eq!(errors.len(), 2, "{errors}");
    // No secret is quoted on the way.
    let report = errors.to_string();
    assert!(!report.contains("short-key"), "{report}");
    assert!(Search::load(&Layered::new(overrides, &env)).is_err());
}

/// A configuration file the service reads itself (TOML, here its values
/// already read), under the environment.
struct ConfigFile(Vars);

impl Source for ConfigFile {
    fn get(&self, name: &str) -> Option<std::borrow::Cow<'_, std::ffi::OsStr>> {
        self.0.get(name)
    }

    fn for_each_name(&self, visit: &mut dyn FnMut(&std::ffi::OsStr)) {
        self.0.for_each_name(visit);
    }

    fn origin(&self, name: &str) -> Option<Origin> {
        self.0
            .get(name)
            .map(|_| Origin::Other("config.toml".into()))
    }
}

#[test]
fn a_source_of_the_programs_own_names_itself_in_every_output() {
    let file = ConfigFile(Vars::new([("PORT", "7700"), ("HOST", "0.0.0.0")]));
    let env = Vars::new([("HOST", "127.0.0.1")]);
    let layered = Layered::new(&env, file);
    let outcome = run::<Server>(&["--print-config"], &layered);
    assert_eq!(outcome.status(), Some(0), "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "PORT       7700  (config.toml)\n\
         HOST       127.0.0.1  (environment)\n\
         LOG_LEVEL  info  (default)\n"
    );
    let json = run::<Server>(&["--print-config", "--format=json"], &layered).stdout;
    assert!(
        json.contains(r#""origin": {"kind": "other", "text": "config.toml"}"#),
        "{json}"
    );
    // A rejected value says where it was written.
    let file = ConfigFile(Vars::new([("PORT", "77000")]));
    let errors = Server::load(&Layered::new(Vars::default(), file)).unwrap_err();
    assert_eq!(
        errors.get("PORT").unwrap().note(),
        Some("read from config.toml")
    );
}

#[test]
fn a_source_of_the_programs_own_read_alone_notes_where_a_value_was_written() {
    // Not behind `Layered`: the source's own wording of its origin.
    let file = ConfigFile(Vars::new([("PORT", "77000")]));
    let errors = Server::load(&file).unwrap_err();
    assert_eq!(
        errors.get("PORT").unwrap().note(),
        Some("read from config.toml")
    );
    let errors = Server::from_source(&file).unwrap_err();
    assert_eq!(
        errors.get("PORT").unwrap().note(),
        Some("read from config.toml")
    );
}
