//! The schema and its renderings, for a configuration with every kind of
//! field. The full renderings are compared with the files in
//! `behaviour/snapshots/`; run with `TWELVE_CONFIG_BLESS=1` to rewrite them
//! after an intended change, and review the diff.

// The configurations here exist to be described and loaded; tests read
// only some of their fields.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value as Json;
use serde_yaml_ng::Value as Yaml;
use twelve_config::{Config, EnvValue, SchemaFormat, SecretBox, SecretString};

/// Every kind of field: required, default, optional, list, enum, nested,
/// secret, `_FILE`, alias, optional group and URL.
#[derive(Config, Debug)]
#[config(prefix = "TOUR_")]
pub(crate) struct Tour {
    /// TCP port to listen on.
    #[config(env = "PORT", default = 8080)]
    pub(crate) port: u16,
    /// Public URL of the service.
    pub(crate) public_url: url::Url,
    /// Upper bound for one request.
    #[config(default = "30s")]
    pub(crate) request_timeout: Duration,
    /// Origins allowed by CORS.
    #[config(default = "")]
    pub(crate) allowed_origins: Vec<String>,
    #[doc = "Log format: json | text.\n\nUnset: \"auto\", see C:\\logs\\app."]
    pub(crate) log_format: Option<LogFormat>,
    /// Whether to trace requests.
    #[config(default = "off")]
    pub(crate) tracing: bool,
    /// Sender of e-mails.
    #[config(default = "Tour <tour@example.com> # main")]
    pub(crate) mail_from: String,
    /// Most connections to the database.
    #[config(default = 16, alias = "TOUR_MAX_CONNS", alias = "TOUR_POOL")]
    pub(crate) max_connections: u32,
    /// Key for the payment provider.
    pub(crate) api_key: SecretString,
    /// PIN of the hardware token.
    pub(crate) token_pin: Option<SecretBox<u32>>,
    /// CA bundle in PEM.
    #[config(file)]
    pub(crate) ca_bundle: Option<String>,
    /// Background workers.
    #[config(nested)]
    pub(crate) workers: Workers,
    /// Image storage in S3.
    #[config(nested)]
    pub(crate) s3: Option<S3>,
}

/// How log lines are written.
#[derive(EnvValue, Debug, PartialEq)]
pub(crate) enum LogFormat {
    /// One JSON object per line.
    Json,
    /// Human-readable text.
    Text,
}

/// The worker pool.
#[derive(Config, Debug)]
pub(crate) struct Workers {
    /// Number of worker threads.
    #[config(default = 4)]
    pub(crate) threads: u16,
}

/// An S3 bucket.
#[derive(Config, Debug)]
pub(crate) struct S3 {
    /// Name of the bucket.
    pub(crate) bucket: String,
    /// Region of the bucket.
    #[config(default = "us-east-1")]
    pub(crate) region: String,
    /// Secret access key.
    pub(crate) secret_key: SecretString,
}

/// Compares `actual` with `behaviour/snapshots/<name>`, or rewrites the file
/// when `TWELVE_CONFIG_BLESS=1`.
fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("behaviour/snapshots")
        .join(name);
    if std::env::var_os("TWELVE_CONFIG_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; run with TWELVE_CONFIG_BLESS=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the output; run with TWELVE_CONFIG_BLESS=1 to rewrite it after review\n\
         --- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

#[test]
fn schema_lists_every_variable_in_declaration_order() {
    let schema = Tour::schema();
    let names: Vec<&str> = schema.vars().iter().map(|v| v.name()).collect();
    assert_eq!(
        names,
        [
            "PORT",
            "TOUR_PUBLIC_URL",
            "TOUR_REQUEST_TIMEOUT",
            "TOUR_ALLOWED_ORIGINS",
            "TOUR_LOG_FORMAT",
            "TOUR_TRACING",
            "TOUR_MAIL_FROM",
            "TOUR_MAX_CONNECTIONS",
            "TOUR_API_KEY",
            "TOUR_TOKEN_PIN",
            "TOUR_CA_BUNDLE",
            "TOUR_WORKERS_THREADS",
            "TOUR_S3_BUCKET",
            "TOUR_S3_REGION",
            "TOUR_S3_SECRET_KEY",
        ]
    );
    assert_eq!(schema.prefix(), "TOUR_");
    let aliases = schema.var("TOUR_MAX_CONNECTIONS").unwrap().aliases();
    assert_eq!(aliases, ["TOUR_MAX_CONNS", "TOUR_POOL"]);
    assert_eq!(
        schema.var("TOUR_CA_BUNDLE").unwrap().file_var(),
        Some("TOUR_CA_BUNDLE_FILE")
    );
    assert_eq!(schema.var("TOUR_S3_BUCKET").unwrap().group(), Some("s3"));
    assert_eq!(
        schema.var("TOUR_LOG_FORMAT").unwrap().description(),
        "Log format: json | text.\nUnset: \"auto\", see C:\\logs\\app."
    );
    assert_eq!(schema.default_secret_name(), "tour-secrets");
}

#[test]
fn text_matches_snapshot() {
    snapshot("tour.txt", &Tour::schema().to_text());
}

#[test]
fn markdown_matches_snapshot() {
    snapshot("tour.md", &Tour::schema().to_markdown());
}

#[test]
fn json_matches_snapshot() {
    snapshot("tour.json", &Tour::schema().to_json());
}

#[test]
fn dotenv_matches_snapshot() {
    snapshot("tour.env", &Tour::schema().to_dotenv());
}

#[test]
fn kubernetes_matches_snapshot() {
    snapshot("tour.yaml", &Tour::schema().to_kubernetes("tour-config"));
}

#[test]
fn json_schema_matches_snapshot() {
    snapshot("tour.schema.json", &Tour::schema().to_json_schema());
}

#[test]
fn render_picks_the_format_and_the_default_secret_name() {
    let schema = Tour::schema();
    assert_eq!(schema.render(SchemaFormat::Text), schema.to_text());
    assert_eq!(schema.render(SchemaFormat::Markdown), schema.to_markdown());
    assert_eq!(schema.render(SchemaFormat::Json), schema.to_json());
    assert_eq!(schema.render(SchemaFormat::Dotenv), schema.to_dotenv());
    assert_eq!(
        schema.render(SchemaFormat::Kubernetes),
        schema.to_kubernetes("tour-secrets")
    );
    for format in SchemaFormat::ALL {
        assert_eq!(format.name().parse::<SchemaFormat>().unwrap(), format);
        assert_eq!(format.to_string(), format.name());
        // Deterministic: the same program renders the same bytes.
        assert_eq!(schema.render(format), Tour::schema().render(format));
    }
}

#[test]
fn renderings_are_ascii_when_descriptions_are() {
    let schema = Tour::schema();
    for format in SchemaFormat::ALL {
        let out = schema.render(format);
        assert!(out.is_ascii(), "{format}: {out}");
    }
}

#[test]
fn other_text_in_a_description_is_kept() {
    #[derive(Config)]
    struct Greeting {
        /// Greeting — « café » 😀.
        #[config(default = "hé")]
        greeting: String,
    }
    let schema = Greeting::schema();
    for format in SchemaFormat::ALL {
        let out = schema.render(format);
        assert!(out.contains("Greeting — « café » 😀."), "{format}: {out}");
    }
    let json: Json = serde_json::from_str(&schema.to_json()).unwrap();
    assert_eq!(json["vars"][0]["default"], "hé");
}

#[test]
fn json_parses_and_agrees_with_the_schema() {
    let schema = Tour::schema();
    let json: Json = serde_json::from_str(&schema.to_json()).expect("valid JSON");
    assert_eq!(json["format_version"], 2);
    assert_eq!(json["prefix"], "TOUR_");
    let vars = json["vars"].as_array().unwrap();
    assert_eq!(vars.len(), schema.vars().len());
    for (json, var) in vars.iter().zip(schema.vars()) {
        let strings = |key: &str| -> Vec<String> {
            json[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(json["name"], var.name());
        assert_eq!(json["field"], var.field());
        assert_eq!(json["type"], var.expected());
        assert_eq!(json["required"], var.is_required());
        assert_eq!(json["default"].as_str(), var.default());
        assert_eq!(json["secret"], var.is_secret());
        assert_eq!(json["description"], var.description());
        assert_eq!(json["file"].as_str(), var.file_var());
        assert_eq!(strings("choices"), var.choices());
        assert_eq!(strings("deprecated_aliases"), var.aliases());
        assert_eq!(json["group"].as_str(), var.group());
        assert_eq!(json["default_computed"].as_str(), var.computed_default());
        assert_eq!(json["none"].as_str(), var.none());
        assert_eq!(json["credential"], var.is_credential());
        assert_eq!(strings("fallbacks"), var.fallbacks());
        assert_eq!(json["deprecated"].as_str(), var.deprecated());
        let invalid = if var.invalid_is_unset() {
            "unset"
        } else {
            "error"
        };
        assert_eq!(json["invalid"], invalid);
        assert_eq!(json["default_hidden"], var.has_hidden_default());
        assert_eq!(json.as_object().unwrap().len(), 18, "{json}");
    }
    let log = &vars[4];
    assert_eq!(log["choices"], serde_json::json!(["json", "text"]));
    assert_eq!(vars[5]["default"], "off");
    assert!(vars[8]["default"].is_null());
}

#[test]
fn json_of_an_empty_configuration_parses() {
    #[derive(Config)]
    struct Empty {}
    let json: Json = serde_json::from_str(&Empty::schema().to_json()).unwrap();
    assert_eq!(json["vars"], serde_json::json!([]));
    assert_eq!(json["prefix"], "");
}

/// The `env` entries of a Kubernetes rendering, parsed.
fn kubernetes_env(yaml: &str) -> Vec<Yaml> {
    let doc: Yaml = serde_yaml_ng::from_str(yaml).expect("valid YAML");
    let map = doc.as_mapping().expect("a mapping");
    assert_eq!(map.len(), 1, "only env: {yaml}");
    doc["env"].as_sequence().expect("env is a list").clone()
}

/// The rendering with its commented-out entries (`  # - name: ...` and the
/// lines under it) taken in, as a deployment that sets them all would.
fn uncommented(yaml: &str) -> String {
    let mut out = String::new();
    let mut in_entry = false;
    for line in yaml.lines() {
        if let Some(entry) = line.strip_prefix("  # - ") {
            in_entry = true;
            out.push_str(&format!("  - {entry}\n"));
        } else if let Some(rest) = line.strip_prefix("  #   ").filter(|_| in_entry) {
            out.push_str(&format!("    {rest}\n"));
        } else {
            in_entry = line.starts_with("  - ") || line.starts_with("    ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.replace("env: []\n", "env:\n")
}

#[test]
fn kubernetes_is_valid_yaml_with_every_scalar_a_string() {
    let schema = Tour::schema();
    let yaml = schema.to_kubernetes("tour-config");
    let env = kubernetes_env(&yaml);
    let names: Vec<&str> = env.iter().map(|e| e["name"].as_str().unwrap()).collect();
    // Variables with a default, optional ones without and optional groups
    // are commented out: as they stand they must not take effect, and a
    // default must not be pinned in a manifest.
    assert_eq!(names, ["TOUR_PUBLIC_URL", "TOUR_API_KEY", "TOUR_TOKEN_PIN"]);
    let env = kubernetes_env(&uncommented(&yaml));
    assert_eq!(env.len(), schema.vars().len(), "{yaml}");
    for entry in &env {
        let name = entry["name"].as_str().unwrap();
        let var = schema.var(name).unwrap();
        if var.is_secret() || var.is_credential() {
            assert!(entry.get("value").is_none(), "{name}");
            let reference = &entry["valueFrom"]["secretKeyRef"];
            assert_eq!(reference["name"], Yaml::from("tour-config"));
            assert_eq!(reference["key"], Yaml::from(name));
            let optional = reference.get("optional").map(|o| o.as_bool().unwrap());
            assert_eq!(optional.unwrap_or(false), !var.is_required(), "{name}");
        } else {
            // A string, never the number 8080 or the boolean off.
            let value = entry["value"].as_str().expect("value is a string");
            assert_eq!(value, var.default().unwrap_or(""), "{name}");
        }
    }
}

#[test]
fn kubernetes_quotes_what_yaml_would_misread() {
    #[derive(Config)]
    struct Tricky {
        #[config(default = "yes")]
        a: String,
        #[config(default = "~")]
        b: String,
        #[config(default = "1e3")]
        c: String,
        #[config(default = "- x: [y] # z")]
        d: String,
        #[config(default = "'single' \"double\" \\ back")]
        e: String,
        #[config(default = "line\none\ttab")]
        f: String,
    }
    let schema = Tricky::schema();
    let env = kubernetes_env(&uncommented(&schema.to_kubernetes("s")));
    assert_eq!(env.len(), 6);
    for (entry, var) in env.iter().zip(schema.vars()) {
        assert_eq!(entry["value"].as_str(), var.default(), "{}", var.name());
    }
}

#[test]
fn kubernetes_without_active_entries_is_an_empty_list() {
    #[derive(Config)]
    struct AllOptional {
        /// Log level.
        level: Option<String>,
    }
    let yaml = AllOptional::schema().to_kubernetes("s");
    assert!(yaml.contains("# - name: \"LEVEL\""), "{yaml}");
    assert!(kubernetes_env(&yaml).is_empty());
}

#[test]
fn markdown_escapes_pipes_and_line_breaks() {
    let schema = Tour::schema();
    let markdown = schema.to_markdown();
    // The table, before the closing sections on groups and rules.
    let lines: Vec<&str> = markdown.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), schema.vars().len() + 2);
    for line in &lines {
        // Six unescaped pipes: five cells.
        let unescaped = line
            .match_indices('|')
            .filter(|(i, _)| *i == 0 || line.as_bytes()[i - 1] != b'\\');
        assert_eq!(unescaped.count(), 6, "{line}");
    }
    let log = lines
        .iter()
        .find(|l| l.contains("TOUR_LOG_FORMAT"))
        .unwrap();
    assert!(
        log.contains("Log format: json \\| text.<br>Unset: \"auto\", see C:\\logs\\app."),
        "{log}"
    );
}

#[test]
fn dotenv_leaves_required_empty_and_comments_out_the_rest() {
    let schema = Tour::schema();
    let dotenv = schema.to_dotenv();
    let assignments: Vec<&str> = dotenv
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(assignments, ["TOUR_PUBLIC_URL=", "TOUR_API_KEY=",]);
    assert!(dotenv.contains("\n# PORT=8080\n"));
    assert!(dotenv.contains("\n# TOUR_MAIL_FROM='Tour <tour@example.com> # main'\n"));
    assert!(dotenv.contains("\n# TOUR_TOKEN_PIN=\n"));
    assert!(dotenv.contains("\n# deprecated names: TOUR_MAX_CONNS, TOUR_POOL\n"));
    assert!(
        dotenv.contains("\n# Log format: json | text.\n# Unset: \"auto\", see C:\\logs\\app.\n")
    );
}

#[test]
fn text_aligns_columns_and_indents_extra_lines() {
    let text = Tour::schema().to_text();
    // The table, before the closing sections on groups and rules.
    let lines: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    let header = lines[0];
    let type_column = header.find("TYPE").unwrap();
    let description_column = header.find("DESCRIPTION").unwrap();
    for line in &lines[1..] {
        if line.starts_with(' ') {
            // A continuation line: only the description column.
            assert_eq!(
                line.len() - line.trim_start().len(),
                description_column,
                "{line}"
            );
        } else {
            let name_end = line.find(' ').unwrap();
            assert!(name_end < type_column, "{line}");
            assert_ne!(&line[type_column..=type_column], " ", "{line}");
        }
        assert_eq!(line.trim_end(), *line, "no trailing spaces");
    }
    assert!(text.contains("deprecated names: TOUR_MAX_CONNS, TOUR_POOL"));
    assert!(text.contains("or TOUR_API_KEY_FILE: the path of a file holding the value"));
}

#[test]
fn text_escapes_control_characters() {
    #[derive(Config)]
    struct Odd {
        #[doc = "tab\there"]
        #[config(default = "a\tb")]
        odd: String,
    }
    let text = Odd::schema().to_text();
    assert!(text.contains("tab\\there"), "{text}");
    assert!(text.contains("\"a\\tb\""), "{text}");
    assert!(!text.contains('\t'));
}

#[test]
fn the_default_secret_name_is_the_prefix_in_lowercase_words() {
    #[derive(Config)]
    #[config(prefix = "MY__BILLING_APP_")]
    struct Billing {
        #[config(default = 1)]
        port: u16,
    }
    #[derive(Config)]
    #[config(prefix = "_EDGE_")]
    struct Edge {
        #[config(default = 1)]
        port: u16,
    }
    #[derive(Config)]
    struct Bare {
        #[config(default = 1)]
        port: u16,
    }
    assert_eq!(
        Billing::schema().default_secret_name(),
        "my-billing-app-secrets"
    );
    assert_eq!(Edge::schema().default_secret_name(), "edge-secrets");
    assert_eq!(Bare::schema().default_secret_name(), "app-secrets");
}

/// An enum with many choices.
#[derive(twelve_config::EnvValue, Debug)]
enum Region {
    UsEast1,
    UsEast2,
    UsWest1,
    UsWest2,
    EuWest1,
    EuWest2,
    EuCentral1,
    ApSouth1,
    ApNortheast1,
}

#[derive(Config, Debug)]
struct Regional {
    /// Where the bucket is.
    #[config(default = "us-east1")]
    region: Region,
    /// How long to wait.
    #[config(default = "30s")]
    timeout: std::time::Duration,
}

#[test]
fn a_long_type_goes_on_over_lines_of_its_row_without_widening_the_table() {
    let text = Regional::schema().to_text();
    let lines: Vec<&str> = text.lines().collect();
    let type_column = lines[0].find("TYPE").unwrap();
    let default_column = lines[0].find("DEFAULT").unwrap();
    assert!(default_column - type_column <= 62, "{text}");
    // The choices, in order, over the region's first lines; its
    // description beside the first.
    assert!(lines[1].starts_with("REGION   one of: us-east1,"), "{text}");
    assert!(lines[1].ends_with("Where the bucket is."), "{text}");
    let choices: String = lines[1..]
        .iter()
        .take_while(|l| !l.starts_with("TIMEOUT"))
        .map(|l| l[type_column..default_column.min(l.len())].trim_end())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        choices,
        "one of: us-east1, us-east2, us-west1, us-west2, eu-west1, eu-west2, eu-central1, ap-south1, ap-northeast1"
    );
    assert!(text.contains("TIMEOUT "), "{text}");
    assert!(Regional::check_defaults().is_ok());
}

#[test]
fn kubernetes_leaves_a_public_url_with_a_default_out_of_the_secret() {
    #[derive(Config)]
    #[config(prefix = "KELLNR_")]
    struct Registry {
        /// The crates.io index proxied.
        #[config(default = "https://index.crates.io/")]
        proxy_index: twelve_config::HttpUrl,
        database_url: twelve_config::PostgresUrl,
        webhook: Option<twelve_config::HttpUrl>,
    }
    let yaml = Registry::schema().to_kubernetes("kellnr");
    let env = kubernetes_env(&yaml);
    let names: Vec<&str> = env.iter().map(|e| e["name"].as_str().unwrap()).collect();
    // The required URL comes from the Secret, as an optional one may; the
    // one with a default is commented out, as every default is.
    assert_eq!(names, ["KELLNR_DATABASE_URL", "KELLNR_WEBHOOK"], "{yaml}");
    assert!(
        yaml.contains("  # - name: \"KELLNR_PROXY_INDEX\"\n"),
        "{yaml}"
    );
}
