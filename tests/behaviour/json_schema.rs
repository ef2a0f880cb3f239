//! `--print-schema=json-schema`: the document's shape, and its verdicts
//! checked against the loader's with a real JSON Schema validator (Python's
//! `jsonschema`; the validator tests say so and pass when it is missing).

use std::io::Write as _;
use std::num::{NonZeroI8, NonZeroU32};
use std::process::{Command, Stdio};

use serde_json::{json, Value as Json};
use twelve_config::{Config, SchemaFormat, Vars};

use crate::schema::Tour;
use crate::support::TempFile;

/// A field of each type whose text the JSON Schema describes exactly.
#[derive(Config, Debug)]
#[config(prefix = "P_")]
struct Probe {
    small: Option<u8>,
    wide: Option<u128>,
    signed: Option<i16>,
    count: Option<NonZeroU32>,
    step: Option<NonZeroI8>,
    flag: Option<bool>,
    ratio: Option<f64>,
    letter: Option<char>,
}

/// Validates each instance against `schema` with Python's `jsonschema`;
/// `None` when Python or the package is missing.
pub(crate) fn validate(schema: &str, instances: &[Json]) -> Option<Vec<bool>> {
    const SCRIPT: &str = r#"
import json, sys
try:
    import jsonschema
except ImportError:
    sys.exit(3)
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
print(json.dumps([validator.is_valid(i) for i in json.load(sys.stdin)]))
"#;
    let file = TempFile::with(schema);
    let child = Command::new("python3")
        .args(["-c", SCRIPT, file.path()])
        .env_clear()
        // Only the search path: without it `python3` is looked for in
        // /bin and /usr/bin alone, and another Python that has the
        // package (a virtual environment's, pyenv's) is never found.
        .envs(std::env::var_os("PATH").map(|path| ("PATH", path)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("skipped: python3 is not installed");
        return None;
    };
    let input = serde_json::to_vec(instances).unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    if output.status.code() == Some(3) {
        eprintln!(
            "skipped: python3's jsonschema is not installed (apt-get install python3-jsonschema)"
        );
        return None;
    }
    assert!(
        output.status.success(),
        "the validator failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).unwrap())
}

#[test]
fn every_variable_alias_and_file_variable_is_a_property() {
    let schema = Tour::schema();
    let document: Json = serde_json::from_str(&schema.to_json_schema()).unwrap();
    assert_eq!(
        document["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(document["type"], "object");
    let properties = document["properties"].as_object().unwrap();
    let mut expected = Vec::new();
    for var in schema.vars() {
        expected.push(var.name().to_owned());
        expected.extend(var.aliases().iter().map(|a| (*a).to_owned()));
        expected.extend(var.file_var().map(str::to_owned));
    }
    // serde_json's map sorts its keys.
    expected.sort();
    let names: Vec<&String> = properties.keys().collect();
    assert_eq!(names, expected.iter().collect::<Vec<_>>());
    assert!(names.len() > schema.vars().len());

    for var in schema.vars() {
        let property = &properties[var.name()];
        assert_eq!(property["type"], "string");
        let description = property["description"].as_str().unwrap();
        assert!(description.starts_with(var.description()), "{description}");
        assert!(
            description.contains(&format!("Expected: {}.", var.expected())),
            "{description}"
        );
        assert_eq!(
            property["writeOnly"].as_bool(),
            var.is_secret().then_some(true)
        );
        let default = var.default().filter(|_| !var.is_secret());
        assert_eq!(property["default"].as_str(), default, "{}", var.name());
    }
    let pool = &properties["TOUR_POOL"];
    assert_eq!(pool["deprecated"], true);
    assert!(pool["description"]
        .as_str()
        .unwrap()
        .starts_with("Deprecated name of TOUR_MAX_CONNECTIONS.\n"));
    assert_eq!(
        pool["pattern"],
        properties["TOUR_MAX_CONNECTIONS"]["pattern"]
    );
    assert_eq!(
        properties["TOUR_LOG_FORMAT"]["examples"],
        json!(["json", "text"])
    );
    assert!(properties["TOUR_LOG_FORMAT"].get("enum").is_none());
    assert_eq!(
        properties["TOUR_TRACING"]["pattern"],
        "^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff]|1|0)?$"
    );
    // Only what has no other source is required outright; the key may come
    // from its file, and the group's variables only once the group is used.
    assert_eq!(document["required"], json!(["TOUR_PUBLIC_URL"]));
    let group_description = properties["TOUR_S3_BUCKET"]["description"]
        .as_str()
        .unwrap();
    assert!(
        group_description.contains("required once the optional group s3 is on"),
        "{group_description}"
    );
}

/// A key read from its variable, a deprecated alias or a file.
#[derive(Config, Debug)]
#[config(prefix = "APP_")]
struct Keyed {
    /// Key for the payment provider.
    #[config(alias = "APP_TOKEN", file)]
    key: String,
    /// Region of the bucket.
    #[config(fallback = "AWS_REGION")]
    region: String,
    /// Name of the bucket.
    bucket: String,
    /// Seconds before a request is abandoned.
    #[config(alias = "APP_WAIT")]
    timeout: Option<u32>,
}

#[test]
fn a_required_variable_with_other_sources_names_them_all_in_its_description() {
    let document: Json = serde_json::from_str(&Keyed::schema().to_json_schema()).unwrap();
    let description = |name: &str| {
        document["properties"][name]["description"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        description("APP_KEY"),
        "Key for the payment provider.\nExpected: text.\n\
         or APP_KEY_FILE: the path of a file holding the value\n\
         deprecated name: APP_TOKEN\n\
         Required: APP_KEY, APP_TOKEN or APP_KEY_FILE."
    );
    assert!(
        description("APP_REGION").ends_with("\nRequired: APP_REGION or AWS_REGION."),
        "{}",
        description("APP_REGION")
    );
    // With no other source, `required` says it all.
    assert_eq!(
        description("APP_BUCKET"),
        "Name of the bucket.\nExpected: text."
    );
    // Optional, it is required by no name.
    assert!(
        !description("APP_TIMEOUT").contains("Required"),
        "{}",
        description("APP_TIMEOUT")
    );
    let tour: Json = serde_json::from_str(&Tour::schema().to_json_schema()).unwrap();
    let key = tour["properties"]["TOUR_API_KEY"]["description"]
        .as_str()
        .unwrap();
    assert!(
        key.ends_with("\nRequired: TOUR_API_KEY or TOUR_API_KEY_FILE."),
        "{key}"
    );
}

/// The schema's requirements, whether or not a validator is at hand: only
/// a required variable with several sources is required through `anyOf`;
/// one with a single source is in `required`, an optional one with aliases
/// is not required at all, and a group's are required only in its `then`.
#[test]
fn only_a_required_variable_with_several_sources_is_required_through_any_of() {
    let requirements = |document: &Json| -> Vec<Json> {
        document["allOf"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| item.get("not").is_none() && item.get("if").is_none())
            .cloned()
            .collect()
    };
    let tour: Json = serde_json::from_str(&Tour::schema().to_json_schema()).unwrap();
    assert_eq!(
        requirements(&tour),
        [json!({"anyOf": [
            {"required": ["TOUR_API_KEY"]},
            {"required": ["TOUR_API_KEY_FILE"]}
        ]})]
    );
    // The group's required variables, once any of its variables is set
    // (not empty).
    let group: Vec<&Json> = tour["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item.get("if").is_some())
        .collect();
    let set = |name: &str| json!({"required": [name], "properties": {name: {"minLength": 1}}});
    assert_eq!(
        group,
        [&json!({
            "$comment": "the optional group s3 is in use once one of its variables is set",
            "if": {"anyOf": [
                set("TOUR_S3_BUCKET"),
                set("TOUR_S3_REGION"),
                set("TOUR_S3_SECRET_KEY"),
                set("TOUR_S3_SECRET_KEY_FILE")
            ]},
            "then": {"allOf": [
                {"required": ["TOUR_S3_BUCKET"]},
                {"anyOf": [
                    {"required": ["TOUR_S3_SECRET_KEY"]},
                    {"required": ["TOUR_S3_SECRET_KEY_FILE"]}
                ]}
            ]}
        })]
    );
    let keyed: Json = serde_json::from_str(&Keyed::schema().to_json_schema()).unwrap();
    assert_eq!(keyed["required"], json!(["APP_BUCKET"]));
    // Two sources of the key set at once (not empty) are rejected, each pair.
    let both = |a: &str, b: &str| {
        json!({"not": {
            "required": [a, b],
            "properties": {a: {"minLength": 1}, b: {"minLength": 1}}
        }})
    };
    let conflicts: Vec<Json> = keyed["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item.get("not").is_some())
        .cloned()
        .collect();
    assert_eq!(
        conflicts,
        [
            both("APP_KEY", "APP_TOKEN"),
            both("APP_KEY", "APP_KEY_FILE"),
            both("APP_TOKEN", "APP_KEY_FILE"),
            both("APP_TIMEOUT", "APP_WAIT"),
        ]
    );
    assert_eq!(
        requirements(&keyed),
        [
            json!({"anyOf": [
                {"required": ["APP_KEY"]},
                {"required": ["APP_TOKEN"]},
                {"required": ["APP_KEY_FILE"]}
            ]}),
            json!({"anyOf": [
                {"required": ["APP_REGION"]},
                {"required": ["AWS_REGION"]}
            ]}),
        ]
    );
}

#[test]
fn json_schema_is_a_format_of_the_flag() {
    assert_eq!(
        "json-schema".parse::<SchemaFormat>().unwrap(),
        SchemaFormat::JsonSchema
    );
    assert_eq!(SchemaFormat::JsonSchema.name(), "json-schema");
    assert!(SchemaFormat::ALL.contains(&SchemaFormat::JsonSchema));
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let _ = twelve_config::handle_args::<Tour>(
        ["--print-schema=json-schema"],
        &Vars::default(),
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(
        String::from_utf8(stdout).unwrap(),
        Tour::schema().to_json_schema()
    );
}

/// The patterns never reject a value the loader accepts, and they reject
/// the malformed ones they are meant to catch.
#[test]
fn patterns_accept_every_value_the_loader_accepts() {
    let fields = [
        "P_SMALL", "P_WIDE", "P_SIGNED", "P_COUNT", "P_STEP", "P_FLAG", "P_RATIO", "P_LETTER",
    ];
    let values = [
        "",
        "0",
        "+0",
        "-0",
        "00",
        "007",
        "+007",
        "255",
        "256",
        "-1",
        "-128",
        "-129",
        "+-1",
        "--1",
        "+",
        "-",
        "1a",
        " 1",
        "1 ",
        "0x1",
        "1_0",
        "1,5",
        "١",
        "true",
        "TRUE",
        "tRuE",
        "On",
        "oFF",
        "yes",
        "YES",
        "no",
        "No",
        "y",
        "t",
        "2",
        "enabled",
        "1.5",
        ".5",
        "5.",
        "+.5",
        "-5.e3",
        "1e3",
        "1E-3",
        "+.5e+2",
        "1e999",
        "inf",
        "NaN",
        "-infinity",
        "1e",
        ".",
        "e3",
        "é",
        "ab",
        "😀",
        "a\u{301}",
        "340282366920938463463374607431768211455",
        "340282366920938463463374607431768211456",
    ];
    let schema = Probe::schema().to_json_schema();
    let mut cases = Vec::new();
    let mut instances = Vec::new();
    for field in fields {
        for value in values {
            cases.push((field, value));
            instances.push(json!({ field: value }));
        }
    }
    let Some(verdicts) = validate(&schema, &instances) else {
        return;
    };
    let mut rejected_by_schema = 0;
    for ((field, value), valid) in cases.iter().zip(verdicts) {
        let loaded = Probe::from_vars([(*field, *value)]).is_ok();
        assert!(
            valid || !loaded,
            "{field}={value:?}: the loader accepts it but the schema rejects it"
        );
        rejected_by_schema += usize::from(!valid);
    }
    // Malformed values the patterns catch, so they are not vacuous.
    let must_reject = [
        ("P_SMALL", "1a"),
        ("P_SMALL", "-1"),
        ("P_SIGNED", "+-1"),
        ("P_COUNT", "0"),
        ("P_COUNT", "-0"),
        ("P_STEP", "-000"),
        ("P_FLAG", "y"),
        ("P_FLAG", "2"),
        ("P_RATIO", "1e"),
        ("P_RATIO", "NaN"),
        ("P_LETTER", "ab"),
        ("P_WIDE", "١"),
    ];
    let instances: Vec<Json> = must_reject
        .iter()
        .map(|(field, value)| json!({ *field: *value }))
        .collect();
    let verdicts = validate(&schema, &instances).unwrap();
    for ((field, value), valid) in must_reject.iter().zip(verdicts) {
        assert!(!valid, "{field}={value:?} passed the schema");
        assert!(Probe::from_vars([(*field, *value)]).is_err());
    }
    assert!(rejected_by_schema > 100, "{rejected_by_schema}");
}

/// Whole environments: what the schema rejects, the loader rejects too.
#[test]
fn environments_the_schema_rejects_the_loader_rejects() {
    let good = [
        ("TOUR_PUBLIC_URL", "https://tour.example"),
        ("TOUR_API_KEY", "k"),
    ];
    let environments: Vec<(Vec<(&str, &str)>, bool)> = vec![
        (good.to_vec(), true),
        // The key from its file instead.
        (
            vec![
                ("TOUR_PUBLIC_URL", "https://tour.example"),
                ("TOUR_API_KEY_FILE", "/run/secrets/key"),
            ],
            true,
        ),
        // An empty group variable does not enable the group.
        ([good.as_slice(), &[("TOUR_S3_REGION", "")]].concat(), true),
        // Every required variable of the group.
        (
            [
                good.as_slice(),
                &[("TOUR_S3_BUCKET", "b"), ("TOUR_S3_SECRET_KEY", "s")],
            ]
            .concat(),
            true,
        ),
        // The key is missing.
        (vec![("TOUR_PUBLIC_URL", "https://tour.example")], false),
        // The group is enabled but its secret key is missing.
        (
            [good.as_slice(), &[("TOUR_S3_REGION", "eu-west-1")]].concat(),
            false,
        ),
        // The key twice: a value and a file.
        (
            [
                good.as_slice(),
                &[("TOUR_API_KEY_FILE", "/run/secrets/key")],
            ]
            .concat(),
            false,
        ),
        // A deprecated name and the new one together.
        (
            [
                good.as_slice(),
                &[("TOUR_MAX_CONNECTIONS", "8"), ("TOUR_POOL", "9")],
            ]
            .concat(),
            false,
        ),
        // A port that is not a number.
        ([good.as_slice(), &[("PORT", "80a")]].concat(), false),
    ];
    let instances: Vec<Json> = environments
        .iter()
        .map(|(vars, _)| {
            let object: serde_json::Map<String, Json> = vars
                .iter()
                .map(|(k, v)| ((*k).to_owned(), json!(v)))
                .collect();
            Json::Object(object)
        })
        .collect();
    let Some(verdicts) = validate(&Tour::schema().to_json_schema(), &instances) else {
        return;
    };
    for ((vars, expected), valid) in environments.iter().zip(verdicts) {
        assert_eq!(valid, *expected, "{vars:?}");
        if !valid {
            assert!(Tour::from_vars(vars.clone()).is_err(), "{vars:?}");
        } else if !vars.iter().any(|(k, _)| k.ends_with("_FILE")) {
            // With `_FILE` the loader would read a file that does not exist.
            assert!(Tour::from_vars(vars.clone()).is_ok(), "{vars:?}");
        }
    }
}

/// Checks that the program loads exactly `cases`' valid instances, then,
/// when Python's jsonschema is there, that the schema says the same.
pub(crate) fn assert_schema_agrees<T: Config>(schema: &str, cases: &[(Json, bool)]) {
    for (instance, expected) in cases {
        let vars: Vec<(String, String)> = instance
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(
            T::from_vars(vars).is_ok(),
            *expected,
            "the program on {instance}"
        );
    }
    let instances: Vec<Json> = cases.iter().map(|(i, _)| i.clone()).collect();
    let Some(verdicts) = validate(schema, &instances) else {
        eprintln!("Python's jsonschema is missing: the validator's verdicts are not checked");
        return;
    };
    for ((instance, expected), verdict) in cases.iter().zip(verdicts) {
        assert_eq!(verdict, *expected, "the schema on {instance}");
    }
}

#[derive(Config, Debug)]
#[config(prefix = "KELLNR_")]
struct Registry {
    data_dir: String,
    /// Empty is a value here: no banner.
    #[config(empty = "value")]
    banner: String,
    #[config(default = "8000")]
    port: u16,
}

#[test]
fn a_required_variable_set_empty_is_missing_for_the_schema_as_for_the_loader() {
    let schema = Registry::schema().render(SchemaFormat::JsonSchema);
    let document: Json = serde_json::from_str(&schema).unwrap();
    assert_eq!(
        document["properties"]["KELLNR_DATA_DIR"]["minLength"],
        json!(1)
    );
    assert_eq!(
        document["properties"]["KELLNR_BANNER"].get("minLength"),
        None
    );
    let cases = [
        (
            json!({"KELLNR_DATA_DIR": "/var/lib/kellnr", "KELLNR_BANNER": "x"}),
            true,
        ),
        (json!({"KELLNR_DATA_DIR": "", "KELLNR_BANNER": "x"}), false),
        (
            json!({"KELLNR_DATA_DIR": "/var/lib/kellnr", "KELLNR_BANNER": ""}),
            true,
        ),
        (
            json!({"KELLNR_DATA_DIR": "/d", "KELLNR_BANNER": "", "KELLNR_PORT": ""}),
            true,
        ),
    ];
    assert_schema_agrees::<Registry>(&schema, &cases);
}
