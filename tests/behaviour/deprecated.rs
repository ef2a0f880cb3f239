//! A setting that is deprecated without a new name to move to: read as
//! usual, with a warning whenever it is set, and marked in the schema.

use twelve_config::{Config, Vars};

#[derive(Config, Debug)]
#[config(prefix = "CACHE_")]
struct Cache {
    /// The OAuth endpoint, now fixed by the client.
    #[config(deprecated = "ignored since 0.8: the endpoint is fixed; remove it")]
    gcs_oauth_url: Option<String>,
    #[config(
        deprecated = "use CACHE_REDIS_ENDPOINT and CACHE_REDIS_DB",
        alias = "CACHE_REDIS_URL",
        file
    )]
    redis: Option<String>,
    #[config(default = 10)]
    size: u32,
}

fn warnings(vars: &[(&str, &str)]) -> Vec<String> {
    let loaded = Cache::load(&Vars::new(vars.iter().copied())).unwrap();
    loaded.warnings().iter().map(|w| w.to_string()).collect()
}

#[test]
fn a_deprecated_setting_that_is_set_gives_its_warning_and_its_value() {
    let loaded = Cache::load(&Vars::new([("CACHE_GCS_OAUTH_URL", "https://o")])).unwrap();
    assert_eq!(loaded.config().gcs_oauth_url.as_deref(), Some("https://o"));
    let warnings: Vec<String> = loaded.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        ["warning: CACHE_GCS_OAUTH_URL: deprecated: ignored since 0.8: the endpoint is fixed; remove it"]
    );
    // Unset, or set to nothing: no such warning.
    assert!(warnings_of(&[]).is_empty());
    assert_eq!(
        warnings_of(&[("CACHE_GCS_OAUTH_URL", "")]),
        ["warning: CACHE_GCS_OAUTH_URL: set but empty, so it is treated as unset; unset it, or give it a value"]
    );
}

fn warnings_of(vars: &[(&str, &str)]) -> Vec<String> {
    warnings(vars)
}

#[test]
fn the_warning_names_what_was_set() {
    // An alias: the rename warning and this one, both under the alias.
    assert_eq!(
        warnings(&[("CACHE_REDIS_URL", "redis://h")]),
        [
            "warning: CACHE_REDIS_URL: deprecated: rename it to CACHE_REDIS",
            "warning: CACHE_REDIS_URL: deprecated: use CACHE_REDIS_ENDPOINT and CACHE_REDIS_DB",
        ]
    );
    let file = crate::support::TempFile::with("redis://h\n");
    assert_eq!(
        warnings(&[("CACHE_REDIS_FILE", file.path())]),
        ["warning: CACHE_REDIS_FILE: deprecated: use CACHE_REDIS_ENDPOINT and CACHE_REDIS_DB"]
    );
}

#[test]
fn the_schema_says_why_in_every_format() {
    let schema = Cache::schema();
    let var = schema.var("CACHE_GCS_OAUTH_URL").unwrap();
    assert_eq!(
        var.deprecated(),
        Some("ignored since 0.8: the endpoint is fixed; remove it")
    );
    assert_eq!(schema.var("CACHE_SIZE").unwrap().deprecated(), None);
    let note = "deprecated: ignored since 0.8: the endpoint is fixed; remove it";
    assert!(schema.to_text().contains(note), "{}", schema.to_text());
    assert!(schema.to_markdown().contains(note));
    assert!(schema.to_dotenv().contains(&format!("# {note}\n")));
    let json: serde_json::Value = serde_json::from_str(&schema.to_json()).unwrap();
    assert_eq!(
        json["vars"][0]["deprecated"],
        "ignored since 0.8: the endpoint is fixed; remove it"
    );
    assert_eq!(json["vars"][2]["deprecated"], serde_json::Value::Null);
    let json_schema: serde_json::Value = serde_json::from_str(&schema.to_json_schema()).unwrap();
    assert_eq!(
        json_schema["properties"]["CACHE_GCS_OAUTH_URL"]["deprecated"],
        true
    );
    assert_eq!(
        json_schema["properties"]["CACHE_SIZE"]["deprecated"],
        serde_json::Value::Null
    );
}
