//! Optional groups chosen by a value (`enabled_if`), as services choose a
//! storage backend with `STORAGE=s3` and read only the chosen backend's
//! section: the chosen one loads in full, even with nothing of it set;
//! what is set in the others is said to be unused, never silently dropped,
//! and a value they would reject is no problem there.

use std::path::PathBuf;

use serde_json::{json, Value as Json};
use twelve_config::{Config, EnvValue, Errors, SchemaFormat, SecretString, Vars};

use crate::json_schema::assert_schema_agrees;

#[derive(EnvValue, Clone, Copy, Debug, PartialEq)]
enum Storage {
    File,
    S3,
    Minio,
}

#[derive(Config, Debug)]
struct Disk {
    #[config(default = "./data")]
    dir: PathBuf,
}

#[derive(Config, Debug)]
struct Bucket {
    name: String,
    region: String,
    access_key: SecretString,
    #[config(default = 5)]
    part_size_mb: u16,
}

#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Store {
    #[config(default = "file")]
    storage: Storage,
    #[config(nested, enabled_if(storage = "file"))]
    file: Option<Disk>,
    /// S3 or any service that speaks its protocol.
    #[config(nested, enabled_if(storage = "s3", storage = "minio"))]
    s3: Option<Bucket>,
    #[config(default = false)]
    metrics: bool,
    #[config(nested, enabled_if(metrics = "true"))]
    statsd: Option<Statsd>,
}

#[derive(Config, Debug)]
struct Statsd {
    #[config(default = "127.0.0.1:8125")]
    address: String,
}

/// What `--check-config` says, with the warnings of a load that failed.
fn check_config<T: Config + std::fmt::Debug>(vars: &[(&str, &str)]) -> String {
    let vars = Vars::new(vars.iter().copied());
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let _ = twelve_config::handle_args::<T>(&["--check-config"], &vars, &mut stdout, &mut stderr);
    String::from_utf8(stdout).unwrap() + &String::from_utf8(stderr).unwrap()
}

fn load(vars: &[(&str, &str)]) -> Store {
    Store::from_vars(vars.iter().copied()).unwrap()
}

fn errors(vars: &[(&str, &str)]) -> Errors {
    Store::from_vars(vars.iter().copied()).unwrap_err()
}

fn warnings(vars: &[(&str, &str)]) -> Vec<String> {
    let loaded = Store::load(&Vars::new(vars.iter().copied())).unwrap();
    loaded.warnings().iter().map(|w| w.to_string()).collect()
}

#[test]
fn the_chosen_group_loads_even_with_none_of_its_variables_set() {
    // Unset, the storage is its default, `file`: the disk section is on
    // with its own defaults, the bucket off.
    let store = load(&[]);
    assert_eq!(store.storage, Storage::File);
    assert_eq!(store.file.unwrap().dir, PathBuf::from("./data"));
    assert!(store.s3.is_none() && store.statsd.is_none());
    // Chosen by a value read as the field's type reads it: any spelling.
    for s3 in ["s3", "S3", "minio"] {
        let store = load(&[
            ("APP_STORAGE", s3),
            ("APP_S3_NAME", "media"),
            ("APP_S3_REGION", "eu-west-1"),
            ("APP_S3_ACCESS_KEY", "k"),
        ]);
        assert!(store.file.is_none(), "APP_STORAGE={s3}");
        assert_eq!(store.s3.unwrap().part_size_mb, 5);
    }
    assert_eq!(
        load(&[("APP_METRICS", "yes")]).statsd.unwrap().address,
        "127.0.0.1:8125"
    );
}

#[test]
fn a_chosen_group_reports_everything_it_misses_and_says_why_it_is_on() {
    let errors = errors(&[("APP_STORAGE", "s3"), ("APP_S3_PART_SIZE_MB", "many")]);
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        messages,
        [
            "APP_S3_NAME: missing: required (text) (the optional group s3 is enabled because APP_STORAGE is s3)",
            "APP_S3_REGION: missing: required (text)",
            "APP_S3_ACCESS_KEY: missing: required (secret text)",
            "APP_S3_PART_SIZE_MB: invalid value \"many\": expected integer 0..=65535 (invalid digit found in string)",
        ]
    );
}

#[test]
fn what_is_set_in_a_group_not_chosen_is_said_to_be_unused() {
    // A template sets the bucket everywhere; this environment stores on
    // disk. A value the bucket would reject is no problem while unused,
    // and an empty one is unused too.
    assert_eq!(
        warnings(&[
            ("APP_S3_NAME", "media"),
            ("APP_S3_PART_SIZE_MB", "many"),
            ("APP_S3_REGION", ""),
        ]),
        [
            "warning: APP_S3_NAME: not used: the optional group s3 is off, since APP_STORAGE is not s3 or minio",
            "warning: APP_S3_PART_SIZE_MB: not used: the optional group s3 is off, since APP_STORAGE is not s3 or minio",
            "warning: APP_S3_REGION: not used: the optional group s3 is off, since APP_STORAGE is not s3 or minio",
        ]
    );
    assert_eq!(
        warnings(&[("APP_STORAGE", "s3"), ("APP_FILE_DIR", "/srv"), ("APP_S3_NAME", "m"), ("APP_S3_REGION", "r"), ("APP_S3_ACCESS_KEY", "k")]),
        ["warning: APP_FILE_DIR: not used: the optional group file is off, since APP_STORAGE is not file"]
    );
    assert_eq!(
        warnings(&[("APP_STATSD_ADDRESS", "statsd:8125")]),
        ["warning: APP_STATSD_ADDRESS: not used: the optional group statsd is off, since APP_METRICS is not true"]
    );
}

#[test]
fn a_condition_that_did_not_load_leaves_its_groups_unjudged() {
    let vars = [("APP_STORAGE", "gcs"), ("APP_S3_NAME", "media")];
    let errors = Store::from_vars(vars).unwrap_err();
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    // Only the condition's own problem: neither group is judged, so
    // neither reports what it misses.
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("APP_STORAGE: invalid value \"gcs\""));
    let report = check_config::<Store>(&vars);
    assert!(
        report.contains(
            "APP_S3_NAME: not used: the optional group s3 is off, since APP_STORAGE did not load"
        ),
        "{report}"
    );
}

#[test]
fn print_config_lists_the_groups_not_chosen_as_off() {
    let loaded = Store::load(&Vars::new([("APP_S3_NAME", "media")])).unwrap();
    let origins: Vec<(String, String)> = loaded
        .vars()
        .iter()
        .map(|v| (v.name().to_owned(), v.origin().to_string()))
        .collect();
    let origin = |name: &str| {
        origins
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, o)| o.clone())
            .unwrap()
    };
    assert_eq!(origin("APP_FILE_DIR"), "default");
    assert!(origin("APP_S3_NAME").contains("not used"), "{origins:?}");
    assert!(origin("APP_S3_REGION").contains("off"), "{origins:?}");
}

#[test]
fn the_schema_says_which_value_turns_each_group_on() {
    let schema = Store::schema();
    let s3 = schema.groups().iter().find(|g| g.field() == "s3").unwrap();
    assert_eq!(
        s3.enabled_if(),
        [
            ("APP_STORAGE".to_owned(), "s3"),
            ("APP_STORAGE".to_owned(), "minio")
        ]
    );
    assert!(s3.enabled_by().is_empty());
    let text = schema.render(SchemaFormat::Text);
    for expected in [
        "s3 (optional group of APP_S3_NAME, APP_S3_REGION, APP_S3_ACCESS_KEY, APP_S3_PART_SIZE_MB: on when APP_STORAGE is s3 or minio)",
        "required once the optional group s3 is on (APP_STORAGE is s3 or minio)",
        "the optional group s3 is on when it is s3 or minio",
        "in the optional group file, on when APP_STORAGE is file",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    // The condition variable's own row says which groups it turns on.
    let markdown = schema.render(SchemaFormat::Markdown);
    let row = |name: &str| {
        let start = format!("| `{name}`");
        markdown
            .lines()
            .find(|line| line.starts_with(&start))
            .unwrap_or_else(|| panic!("{name} in\n{markdown}"))
            .to_owned()
    };
    assert!(
        row("APP_STORAGE").contains("the optional group s3 is on when it is s3 or minio"),
        "{markdown}"
    );
    assert!(
        !row("APP_S3_NAME").contains("is on when it is"),
        "{markdown}"
    );
    let json: Json = serde_json::from_str(&schema.to_json()).unwrap();
    let group = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["field"] == "s3")
        .unwrap();
    assert_eq!(group["enabled_if"], json!({"APP_STORAGE": ["s3", "minio"]}));
    assert_eq!(group["enabled_by"], json!([]));
}

#[test]
fn the_json_schema_requires_a_group_only_where_its_value_chooses_it() {
    let schema = Store::schema().render(SchemaFormat::JsonSchema);
    let bucket = json!({"APP_S3_NAME": "m", "APP_S3_REGION": "r", "APP_S3_ACCESS_KEY": "k"});
    let cases = [
        (json!({}), true),
        (json!({"APP_STORAGE": "file"}), true),
        (json!({"APP_STORAGE": "s3"}), false),
        (json!({"APP_STORAGE": "minio", "APP_S3_NAME": "m"}), false),
        (
            {
                let mut with = bucket.clone();
                with["APP_STORAGE"] = json!("s3");
                with
            },
            true,
        ),
        // Set but not chosen: the program only warns.
        (bucket, true),
    ];
    assert_schema_agrees::<Store>(&schema, &cases);
}

/// A broker chosen by a kind that defaults to it, as a group of its own
/// and inside an optional group.
#[derive(EnvValue, Clone, Copy, Debug, PartialEq)]
enum Kind {
    Kafka,
    Nats,
}

#[derive(Config, Debug)]
struct Kafka {
    brokers: String,
}

#[derive(Config, Debug)]
struct Broker {
    #[config(default = "kafka", fallback = "BROKER")]
    kind: Kind,
    #[config(nested, enabled_if(kind = "kafka"))]
    kafka: Option<Kafka>,
}

#[derive(Config, Debug)]
struct Events {
    #[config(nested)]
    events: Option<Broker>,
}

#[test]
fn a_group_its_default_chooses_says_so() {
    let report = check_config::<Broker>(&[]);
    assert!(
        report.contains(
            "note: the optional group kafka is enabled because KIND is kafka (its default)"
        ),
        "{report}"
    );
    let text = Broker::schema().render(SchemaFormat::Text);
    assert!(
        text.contains("required once the optional group kafka is on (KIND is kafka (its default))"),
        "{text}"
    );
    // Templates list its required variable as required.
    let dotenv = Broker::schema().render(SchemaFormat::Dotenv);
    assert!(dotenv.contains("\nKAFKA_BROKERS=\n"), "{dotenv}");
    let kubernetes = Broker::schema().to_kubernetes("app");
    assert!(
        kubernetes.contains("\n  - name: \"KAFKA_BROKERS\"\n    value:"),
        "{kubernetes}"
    );
    // Inside an optional group that nothing turns on, it is not.
    let dotenv = Events::schema().render(SchemaFormat::Dotenv);
    assert!(dotenv.contains("# EVENTS_KAFKA_BROKERS="), "{dotenv}");
}

#[test]
fn the_json_schema_follows_a_default_choice_only_where_the_program_does() {
    let cases = [
        (json!({}), false),
        (json!({"KAFKA_BROKERS": "k:9092"}), true),
        (json!({"KIND": "nats"}), true),
        (json!({"BROKER": "nats"}), true),
    ];
    assert_schema_agrees::<Broker>(&Broker::schema().render(SchemaFormat::JsonSchema), &cases);
    // Inside an optional group, nothing set leaves both off.
    let cases = [
        (json!({}), true),
        (json!({"EVENTS_KIND": "kafka"}), false),
        (
            json!({"EVENTS_KIND": "kafka", "EVENTS_KAFKA_BROKERS": "k"}),
            true,
        ),
    ];
    assert_schema_agrees::<Events>(&Events::schema().render(SchemaFormat::JsonSchema), &cases);
}

/// A service whose section holds its own type, as serde's tagged enums
/// are configured (`PICTRS__REPO__TYPE=sled`): the type first, then each
/// backend flattened beside it, chosen by it.
#[derive(EnvValue, Clone, Copy, Debug, PartialEq)]
enum RepoType {
    Sled,
    Postgres,
}

#[derive(Config, Debug)]
struct Sled {
    #[config(default = "/mnt/sled-repo")]
    path: PathBuf,
    #[config(default = 64)]
    cache_capacity: u64,
}

#[derive(Config, Debug)]
struct Postgres {
    url: String,
}

#[derive(Config, Debug)]
struct Repo {
    #[config(default = "sled")]
    r#type: RepoType,
    #[config(flatten, enabled_if(r#type = "sled"))]
    sled: Option<Sled>,
    #[config(flatten, enabled_if(r#type = "postgres"))]
    postgres: Option<Postgres>,
}

#[derive(Config, Debug)]
#[config(prefix = "PICTRS__", nested_separator = "__")]
struct Pictrs {
    #[config(nested)]
    repo: Repo,
}

#[test]
fn a_section_holding_its_own_type_chooses_its_backend() {
    let pictrs = Pictrs::from_vars([("PICTRS__REPO__PATH", "/data")]).unwrap();
    assert_eq!(pictrs.repo.sled.unwrap().path, PathBuf::from("/data"));
    let report = check_config::<Pictrs>(&[
        ("PICTRS__REPO__TYPE", "postgres"),
        ("PICTRS__REPO__CACHE_CAPACITY", "128"),
    ]);
    assert!(
        report.contains("PICTRS__REPO__URL  missing: required (text)\n                     note: the optional group repo.postgres is enabled because PICTRS__REPO__TYPE is postgres"),
        "{report}"
    );
    assert!(
        report.contains("PICTRS__REPO__CACHE_CAPACITY: not used: the optional group repo.sled is off, since PICTRS__REPO__TYPE is not sled"),
        "{report}"
    );
}

#[derive(Config, Debug)]
struct Broken {
    #[config(default = "file")]
    storage: Storage,
    #[config(nested, enabled_if(storage = "gcs"))]
    gcs: Option<Disk>,
}

#[test]
fn a_value_the_condition_cannot_read_is_a_bug_reported_on_every_load() {
    let errors = Broken::from_vars([("GCS_DIR", "/x")]).unwrap_err();
    let messages: Vec<String> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        ["bug in the program: the optional group gcs is enabled when STORAGE is \"gcs\", which the type of STORAGE cannot read (expected one of: file, s3, minio), so the group could never be on"]
    );
    // A unit test finds it before any deployment does.
    let bugs = Broken::check_defaults().unwrap_err();
    assert_eq!(bugs.len(), 1);
    assert_eq!(bugs.iter().next().unwrap().message(), messages[0]);
    assert!(Store::check_defaults().is_ok());
}

/// A chosen group inside an optional group: the outer one is on once one
/// of its variables is set, the inner one once the value chooses it.
#[derive(Config, Debug)]
struct Media {
    #[config(default = "file")]
    storage: Storage,
    #[config(nested, enabled_if(storage = "s3"))]
    s3: Option<Bucket>,
}

#[derive(Config, Debug)]
struct App {
    #[config(nested)]
    media: Option<Media>,
}

#[test]
fn a_chosen_group_inside_an_optional_group() {
    // Nothing set: both off, silently.
    let app = App::load(&Vars::default()).unwrap();
    assert!(app.config().media.is_none() && app.warnings().is_empty());
    // A bucket set while nothing chooses it: unused, and it does not turn
    // the outer group on either.
    let app = App::load(&Vars::new([("MEDIA_S3_NAME", "m")])).unwrap();
    assert!(app.config().media.is_none());
    let warnings: Vec<String> = app.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["warning: MEDIA_S3_NAME: not used: the optional group media.s3 is off, since MEDIA_STORAGE is not s3"]
    );
    // The storage set turns the outer group on and chooses the inner one.
    let report = check_config::<App>(&[("MEDIA_STORAGE", "s3")]);
    assert!(
        report.contains("note: the optional group media.s3 is enabled because MEDIA_STORAGE is s3"),
        "{report}"
    );
    assert!(report.contains("MEDIA_S3_ACCESS_KEY"), "{report}");
    let app = App::from_vars([
        ("MEDIA_STORAGE", "s3"),
        ("MEDIA_S3_NAME", "m"),
        ("MEDIA_S3_REGION", "r"),
        ("MEDIA_S3_ACCESS_KEY", "k"),
    ])
    .unwrap();
    assert_eq!(app.media.unwrap().s3.unwrap().name, "m");
}

#[test]
fn nothing_secret_set_in_a_group_not_chosen_is_shown() {
    let out = crate::support::every_output::<Store>(&Vars::new([(
        "APP_S3_ACCESS_KEY",
        "hunter2-access-key",
    )]));
    assert!(out.contains("APP_S3_ACCESS_KEY"), "{out}");
    assert!(!out.contains("hunter2"), "{out}");
}

/// A rule naming a chosen group: the variable whose value chose it stands
/// for the group.
#[derive(Config, Debug)]
#[config(prefix = "APP_", at_most_one(s3, upload_dir))]
struct Uploads {
    #[config(default = "file")]
    storage: Storage,
    #[config(nested, enabled_if(storage = "s3"))]
    s3: Option<Bucket>,
    upload_dir: Option<PathBuf>,
}

#[test]
fn a_rule_naming_a_chosen_group_names_what_chose_it() {
    let schema = Uploads::schema();
    assert_eq!(schema.rules()[0].vars(), ["APP_STORAGE", "APP_UPLOAD_DIR"]);
    let errors = Uploads::from_vars([
        ("APP_STORAGE", "s3"),
        ("APP_S3_NAME", "m"),
        ("APP_S3_REGION", "r"),
        ("APP_S3_ACCESS_KEY", "k"),
        ("APP_UPLOAD_DIR", "/srv"),
    ])
    .unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.vars(), ["APP_STORAGE", "APP_UPLOAD_DIR"]);
    assert!(Uploads::from_vars([("APP_UPLOAD_DIR", "/srv")]).is_ok());
}

/// A group chosen by either of two fields.
#[derive(Config, Debug)]
#[config(at_least_one(s3, upload_dir))]
struct Mirrored {
    #[config(default = "file")]
    storage: Storage,
    #[config(default = false)]
    mirror: bool,
    #[config(nested, enabled_if(storage = "s3", mirror = "true"))]
    s3: Option<Bucket>,
    upload_dir: Option<PathBuf>,
}

#[test]
fn with_several_conditions_the_first_that_holds_or_fails_is_named() {
    let report = check_config::<Mirrored>(&[("STORAGE", "s3"), ("MIRROR", "true")]);
    assert!(
        report.contains("note: the optional group s3 is enabled because STORAGE is s3\n"),
        "{report}"
    );
    let report = check_config::<Mirrored>(&[
        ("STORAGE", "gcs"),
        ("MIRROR", "maybe"),
        ("S3_NAME", "media"),
    ]);
    assert!(
        report.contains(
            "S3_NAME: not used: the optional group s3 is off, since STORAGE did not load"
        ),
        "{report}"
    );
    // Off, the group stands for the variables that would choose it.
    let errors = Mirrored::from_vars(Vec::<(String, String)>::new()).unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.vars(), ["STORAGE", "MIRROR", "UPLOAD_DIR"]);
}

/// A token whose type says it is secret at run time only (`SECRET`), which
/// the derive cannot see from its spelling.
#[derive(Debug, PartialEq)]
struct Token(String);

impl EnvValue for Token {
    const SECRET: bool = true;

    fn expected() -> std::borrow::Cow<'static, str> {
        "token".into()
    }

    fn parse_env(text: &str) -> Result<Self, twelve_config::ValueError> {
        Ok(Token(text.to_owned()))
    }
}

#[derive(Config, Debug)]
struct Admin {
    user: Option<String>,
}

#[derive(Config, Debug)]
struct ChosenBySecret {
    #[config(default = "none")]
    token: Token,
    #[config(nested, enabled_if(token = "letmein"))]
    admin: Option<Admin>,
    #[config(required_if(token = "letmein"))]
    admin_email: Option<String>,
}

#[test]
fn a_secret_condition_is_a_bug_in_the_program_and_its_value_is_never_confirmed() {
    for vars in [
        vec![("TOKEN", "letmein"), ("ADMIN_USER", "root")],
        vec![("TOKEN", "other"), ("ADMIN_USER", "root")],
        vec![],
    ] {
        let errors = ChosenBySecret::from_vars(vars.clone()).unwrap_err();
        let report = errors.to_string();
        assert_eq!(errors.len(), 2, "{report}");
        for error in errors.iter() {
            assert!(
                error.message().starts_with("bug in the program"),
                "{report}"
            );
            assert!(
                error.message().contains("a secret is never compared"),
                "{report}"
            );
        }
        // Whatever the token holds, nothing says whether it is the one,
        // in the report or in the warnings beside it.
        let json = errors.to_json();
        let checked = check_config::<ChosenBySecret>(&vars);
        for shown in [report.as_str(), json.as_str(), checked.as_str()] {
            assert!(!shown.contains("is letmein"), "{shown}");
            assert!(!shown.contains("is not letmein"), "{shown}");
            assert!(!shown.contains("because TOKEN"), "{shown}");
        }
    }
    let bugs = ChosenBySecret::check_defaults().unwrap_err();
    assert_eq!(bugs.len(), 2, "{bugs}");
}
