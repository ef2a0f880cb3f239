//! Presence rules that name optional groups: a group counts as set when it
//! is on (any of its variables set), as a cache service chooses one
//! backend among several, each a group of settings; and checks that read
//! a whole nested struct.

use twelve_config::{Config, Errors, Vars};

#[derive(Config, Debug)]
struct S3 {
    bucket: String,
    #[config(default = "us-east-1")]
    region: String,
}

#[derive(Config, Debug)]
struct Redis {
    url: String,
    #[config(default = 0)]
    db: u8,
}

#[derive(Config, Debug)]
struct Aws {
    #[config(env = "AWS_ACCESS_KEY_ID")]
    access_key_id: String,
    #[config(env = "AWS_SECRET_ACCESS_KEY")]
    secret_access_key: String,
}

#[derive(Config, Debug)]
#[config(prefix = "CACHE_", at_most_one(s3, redis, dir))]
struct Cache {
    #[config(flatten)]
    s3: Option<S3>,
    #[config(nested)]
    redis: Option<Redis>,
    dir: Option<String>,
    /// Anonymous access to the bucket: no keys may be given.
    #[config(default = false, conflicts_with(aws))]
    no_credentials: bool,
    #[config(flatten)]
    aws: Option<Aws>,
    /// How long an entry lives: only Redis expires entries.
    #[config(requires(redis))]
    ttl_seconds: Option<u32>,
}

#[derive(Config, Debug)]
#[config(prefix = "STORE_", exactly_one(local, remote))]
struct Store {
    #[config(nested)]
    local: Option<Local>,
    #[config(nested)]
    remote: Option<Remote>,
}

#[derive(Config, Debug)]
struct Local {
    path: String,
}

#[derive(Config, Debug)]
struct Remote {
    host: String,
    port: Option<u16>,
}

fn one(errors: &Errors) -> (Vec<String>, String, String) {
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.iter().next().unwrap();
    (
        error.vars().to_vec(),
        error.to_string(),
        error.field().to_owned(),
    )
}

#[test]
fn two_groups_on_break_at_most_one_and_the_report_names_what_turned_them_on() {
    let errors = Cache::from_vars([
        ("CACHE_BUCKET", "b"),
        ("CACHE_REDIS_URL", "redis://h"),
        ("CACHE_REDIS_DB", "2"),
    ])
    .unwrap_err();
    let (vars, text, field) = one(&errors);
    assert_eq!(
        vars,
        [
            "CACHE_BUCKET",
            "CACHE_REDIS_URL",
            "CACHE_REDIS_DB",
            "CACHE_DIR"
        ]
    );
    assert_eq!(
        text,
        "CACHE_BUCKET, CACHE_REDIS_URL, CACHE_REDIS_DB, CACHE_DIR: at most one of group s3, group redis, CACHE_DIR may be set; group s3 (CACHE_BUCKET) and group redis (CACHE_REDIS_URL, CACHE_REDIS_DB) are set"
    );
    assert_eq!(field, "s3, redis, dir");
    // A group and a plain variable.
    let errors =
        Cache::from_vars([("CACHE_REDIS_URL", "redis://h"), ("CACHE_DIR", "/c")]).unwrap_err();
    assert!(one(&errors)
        .1
        .ends_with("group redis (CACHE_REDIS_URL) and CACHE_DIR are set"));
    // One backend, whichever: no problem.
    for vars in [
        vec![("CACHE_BUCKET", "b")],
        vec![("CACHE_REDIS_URL", "redis://h")],
        vec![("CACHE_DIR", "/c")],
        vec![],
    ] {
        Cache::from_vars(vars).unwrap();
    }
}

#[test]
fn a_group_that_is_on_but_fails_still_counts_and_both_problems_are_reported() {
    // The S3 group is on (its region is set) but misses its bucket.
    let errors = Cache::from_vars([("CACHE_REGION", "eu"), ("CACHE_DIR", "/c")]).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors}");
    assert!(errors.get("CACHE_BUCKET").is_some(), "{errors}");
    assert!(
        errors
            .to_string()
            .contains("group s3 (CACHE_REGION) and CACHE_DIR are set"),
        "{errors}"
    );
}

#[test]
fn conflicts_with_and_requires_name_a_group() {
    let errors = Cache::from_vars([
        ("CACHE_BUCKET", "b"),
        ("CACHE_NO_CREDENTIALS", "true"),
        ("AWS_ACCESS_KEY_ID", "AKIA"),
        ("AWS_SECRET_ACCESS_KEY", "s"),
    ])
    .unwrap_err();
    let (vars, text, _) = one(&errors);
    assert_eq!(
        vars,
        [
            "CACHE_NO_CREDENTIALS",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY"
        ]
    );
    assert!(
        text.contains(
            "CACHE_NO_CREDENTIALS conflicts with group aws: set only one; CACHE_NO_CREDENTIALS and group aws (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) are set"
        ),
        "{text}"
    );
    // `requires` a group that is off: the operator is told which variables
    // would turn it on.
    let errors = Cache::from_vars([("CACHE_TTL_SECONDS", "60")]).unwrap_err();
    let (vars, text, _) = one(&errors);
    assert_eq!(
        vars,
        ["CACHE_TTL_SECONDS", "CACHE_REDIS_URL", "CACHE_REDIS_DB"]
    );
    assert!(
        text.ends_with("CACHE_TTL_SECONDS requires group redis; only CACHE_TTL_SECONDS is set"),
        "{text}"
    );
    Cache::from_vars([
        ("CACHE_TTL_SECONDS", "60"),
        ("CACHE_REDIS_URL", "redis://h"),
    ])
    .unwrap();
}

#[test]
fn exactly_one_of_two_groups() {
    let errors = Store::from_vars(Vec::<(&str, &str)>::new()).unwrap_err();
    let (vars, text, _) = one(&errors);
    assert_eq!(
        vars,
        ["STORE_LOCAL_PATH", "STORE_REMOTE_HOST", "STORE_REMOTE_PORT"]
    );
    assert!(
        text.ends_with("exactly one of group local, group remote must be set; none is set"),
        "{text}"
    );
    let config = Store::from_vars([("STORE_REMOTE_HOST", "h")]).unwrap();
    assert!(config.local.is_none() && config.remote.is_some());
}

#[test]
fn the_schema_lists_a_group_as_one_member_with_all_its_variables() {
    let schema = Cache::schema();
    let rule = schema
        .rules()
        .iter()
        .find(|r| r.kind() == "at_most_one")
        .unwrap();
    assert_eq!(
        rule.text(),
        "at most one of group s3, group redis, CACHE_DIR may be set"
    );
    assert_eq!(
        rule.members(),
        [
            vec!["CACHE_BUCKET".to_owned(), "CACHE_REGION".to_owned()],
            vec!["CACHE_REDIS_URL".to_owned(), "CACHE_REDIS_DB".to_owned()],
            vec!["CACHE_DIR".to_owned()],
        ]
    );
    assert_eq!(
        rule.vars(),
        [
            "CACHE_BUCKET",
            "CACHE_REGION",
            "CACHE_REDIS_URL",
            "CACHE_REDIS_DB",
            "CACHE_DIR"
        ]
    );
    let json: serde_json::Value = serde_json::from_str(&schema.to_json()).unwrap();
    let rule = json["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "conflicts_with")
        .unwrap();
    assert_eq!(
        rule["members"],
        serde_json::json!([
            ["CACHE_NO_CREDENTIALS"],
            ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
        ])
    );
    assert!(schema
        .to_text()
        .contains("CACHE_NO_CREDENTIALS conflicts with group aws: set only one"));
}

#[test]
fn check_defaults_accepts_rules_over_groups() {
    Cache::check_defaults().unwrap();
    Store::check_defaults().unwrap();
    let _ = Vars::default();
}

/// Anonymous access needs no keys; a bucket named with keys needs both.
fn credentials(no_credentials: &bool, aws: &Option<Aws>) -> Result<(), String> {
    match (no_credentials, aws) {
        (true, Some(_)) => Err("keys are given, but anonymous access is asked for".into()),
        _ => Ok(()),
    }
}

#[derive(Config, Debug)]
#[config(prefix = "B_", check = credentials(no_credentials, aws))]
struct Bucket {
    #[config(default = false)]
    no_credentials: bool,
    #[config(flatten)]
    aws: Option<Aws>,
}

#[test]
fn a_check_reads_an_optional_group_as_an_option() {
    let errors = Bucket::from_vars([
        ("B_NO_CREDENTIALS", "true"),
        ("AWS_ACCESS_KEY_ID", "AKIA"),
        ("AWS_SECRET_ACCESS_KEY", "s"),
    ])
    .unwrap_err();
    let (vars, text, field) = one(&errors);
    assert_eq!(
        vars,
        [
            "B_NO_CREDENTIALS",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY"
        ]
    );
    assert!(
        text.ends_with("keys are given, but anonymous access is asked for"),
        "{text}"
    );
    assert_eq!(field, "no_credentials, aws");
    Bucket::from_vars([("B_NO_CREDENTIALS", "true")]).unwrap();
    // The group on but failing: the check does not run, and says so.
    let errors = Bucket::load(&Vars::new([
        ("B_NO_CREDENTIALS", "true"),
        ("AWS_ACCESS_KEY_ID", "AKIA"),
    ]))
    .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert!(
        errors.to_string().contains(
            "the rule credentials(no_credentials, aws) was not checked: group aws did not load"
        ),
        "{errors}"
    );
    let schema = Bucket::schema();
    let rule = &schema.rules()[0];
    assert_eq!(
        rule.text(),
        "credentials holds for B_NO_CREDENTIALS, group aws"
    );
    assert_eq!(rule.members().len(), 2);
    assert_eq!(
        rule.members()[1],
        ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
    );
}

#[derive(Config, Debug)]
struct Limits {
    #[config(default = 100)]
    max_connections: u32,
    #[config(default = 10)]
    per_client: u32,
}

/// Each worker holds a connection of its own.
fn enough_connections(workers: &u32, limits: &Limits) -> Result<(), String> {
    if *workers > limits.max_connections {
        Err(format!(
            "{workers} workers need at least as many connections, but {} are allowed",
            limits.max_connections
        ))
    } else {
        Ok(())
    }
}

#[derive(Config, Debug)]
#[config(prefix = "SRV_", check = enough_connections(workers, limits))]
struct Server {
    name: String,
    #[config(default = 4)]
    workers: u32,
    #[config(nested)]
    limits: Limits,
}

#[test]
fn a_check_reads_a_nested_struct_and_names_what_was_set_in_it() {
    let errors = Server::from_vars([
        ("SRV_NAME", "api"),
        ("SRV_WORKERS", "8"),
        ("SRV_LIMITS_MAX_CONNECTIONS", "4"),
    ])
    .unwrap_err();
    let (vars, text, field) = one(&errors);
    // Of the group, only the variable the operator set.
    assert_eq!(vars, ["SRV_WORKERS", "SRV_LIMITS_MAX_CONNECTIONS"]);
    assert!(
        text.ends_with("8 workers need at least as many connections, but 4 are allowed"),
        "{text}"
    );
    assert_eq!(field, "workers, limits");
    Server::from_vars([("SRV_NAME", "api"), ("SRV_LIMITS_MAX_CONNECTIONS", "4")]).unwrap();
}

#[test]
fn a_check_over_a_nested_struct_left_to_its_defaults_names_all_of_its_variables() {
    let errors = Server::from_vars([("SRV_NAME", "api"), ("SRV_WORKERS", "200")]).unwrap_err();
    let (vars, _, _) = one(&errors);
    assert_eq!(
        vars,
        [
            "SRV_WORKERS",
            "SRV_LIMITS_MAX_CONNECTIONS",
            "SRV_LIMITS_PER_CLIENT"
        ]
    );
}

#[test]
fn a_check_over_a_nested_struct_runs_beside_other_fields_problems() {
    // `name` is missing: the check still runs, and both are reported.
    let errors =
        Server::from_vars([("SRV_WORKERS", "8"), ("SRV_LIMITS_MAX_CONNECTIONS", "4")]).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors}");
    let text = errors.to_string();
    assert!(text.contains("SRV_NAME"), "{text}");
    assert!(text.contains("8 workers need"), "{text}");
    // A field of the group fails: the check does not run, and says so.
    let errors = Server::from_vars([
        ("SRV_NAME", "api"),
        ("SRV_WORKERS", "800"),
        ("SRV_LIMITS_PER_CLIENT", "many"),
    ])
    .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    assert!(
        errors
            .to_string()
            .contains("the rule enough_connections(workers, limits) was not checked: group limits did not load"),
        "{errors}"
    );
}

#[test]
fn the_schema_gives_a_check_over_a_nested_struct_its_variables() {
    let schema = Server::schema();
    let rule = &schema.rules()[0];
    assert_eq!(
        rule.text(),
        "enough_connections holds for SRV_WORKERS, group limits"
    );
    assert_eq!(
        rule.members()[1],
        ["SRV_LIMITS_MAX_CONNECTIONS", "SRV_LIMITS_PER_CLIENT"]
    );
}

#[derive(Config, Debug)]
#[config(prefix = "EDGE_")]
struct Edge {
    #[config(nested)]
    server: Option<Server>,
}

#[test]
fn a_variable_set_in_a_checked_nested_struct_turns_its_optional_group_on() {
    // Only a variable of the checked struct is set: the group is on, so
    // its missing `name` is a problem.
    let errors = Edge::from_vars([("EDGE_SERVER_LIMITS_PER_CLIENT", "5")]).unwrap_err();
    let (vars, text, _) = one(&errors);
    assert_eq!(vars, ["EDGE_SERVER_NAME"]);
    assert!(
        text.contains("enabled because EDGE_SERVER_LIMITS_PER_CLIENT is set"),
        "{text}"
    );
    let edge = Edge::from_vars([("EDGE_UNRELATED", "x")]).unwrap();
    assert!(edge.server.is_none());
    // The check inside the group names what was set in it.
    let errors = Edge::from_vars([
        ("EDGE_SERVER_NAME", "api"),
        ("EDGE_SERVER_WORKERS", "8"),
        ("EDGE_SERVER_LIMITS_MAX_CONNECTIONS", "4"),
    ])
    .unwrap_err();
    let (vars, _, field) = one(&errors);
    assert_eq!(
        vars,
        ["EDGE_SERVER_WORKERS", "EDGE_SERVER_LIMITS_MAX_CONNECTIONS"]
    );
    assert_eq!(field, "server.workers, server.limits");
}

/// Object storage with two ways to authenticate, an optional group of a
/// search service: its rules hold only while it is on.
#[derive(Config, Debug)]
#[config(at_least_one(access_key, role_arn))]
struct Snapshots {
    bucket: Option<String>,
    #[config(requires(secret_key))]
    access_key: Option<String>,
    secret_key: Option<String>,
    role_arn: Option<String>,
}

#[derive(Config, Debug)]
#[config(prefix = "MEILI_", at_most_one(import_dump, import_snapshot))]
struct Search {
    import_dump: Option<String>,
    import_snapshot: Option<String>,
    #[config(flatten)]
    s3: Option<Snapshots>,
}

#[test]
fn the_schema_says_that_a_groups_rules_hold_only_while_it_is_on() {
    let schema = Search::schema();
    let groups: Vec<_> = schema.rules().iter().map(|rule| rule.group()).collect();
    assert_eq!(
        groups,
        [Some("s3"), Some("s3"), None],
        "{:?}",
        schema.rules()
    );
    let when = "(once the optional group s3 is on)";
    let rules = schema.rules();
    assert_eq!(
        rules[0].text(),
        format!("at least one of MEILI_ACCESS_KEY, MEILI_ROLE_ARN must be set {when}")
    );
    assert_eq!(
        rules[1].text(),
        format!("MEILI_ACCESS_KEY requires MEILI_SECRET_KEY {when}")
    );
    assert!(
        !rules[2].text().contains("optional group"),
        "{}",
        rules[2].text()
    );

    let text = schema.to_text();
    assert!(
        text.contains(&format!(
            "at least one of MEILI_ACCESS_KEY, MEILI_ROLE_ARN must be set {when}"
        )),
        "{text}"
    );
    let markdown = schema.to_markdown();
    assert!(
        markdown.contains(&format!(
            "MEILI_ACCESS_KEY requires MEILI_SECRET_KEY {when}"
        )),
        "{markdown}"
    );
    let json = schema.to_json();
    assert!(json.contains(r#""group": "s3""#), "{json}");
    assert!(json.contains(r#""group": null"#), "{json}");

    // As the loader judges: nothing set in the group, no rule of it applies.
    assert!(Search::from_vars([("MEILI_IMPORT_DUMP", "/dumps/a.dump")]).is_ok());
    let errors = Search::from_vars([("MEILI_BUCKET", "snapshots")]).unwrap_err();
    assert!(errors.to_string().contains("at least one of"), "{errors}");
}
