//! Each kind of change, made to a copy of a real schema, classified; and
//! the `--env` verdicts for deployments that are and are not hit.

use serde_json::{json, Value};

use crate::support::{
    as_version_1, as_version_2, diff, diff_raw, example_schema, kinds, one, remove_var, var,
    TempDir,
};

#[test]
fn a_schema_against_itself_has_no_changes() {
    for bin in ["lldap", "microbin"] {
        let schema = example_schema(bin);
        assert!(schema["vars"].as_array().unwrap().len() > 30);
        let (report, code) = diff(&schema, &schema, None);
        assert_eq!(kinds(&report), [], "{bin}");
        assert_eq!((report["breaking"].as_u64(), code), (Some(0), 0));
        // Version 1 against the same schema in version 2, with keys this
        // tool does not know: what version 2 adds (rules listed, URLs
        // marked as carrying a password) breaks nothing.
        let v1 = as_version_1(&schema);
        let mut v2 = as_version_2(&schema);
        // Only `validate` rules existed when version 1 was written; the
        // other kinds are new by nature.
        v2["rules"]
            .as_array_mut()
            .unwrap()
            .retain(|rule| rule["kind"] == "validate");
        v2["vars"][0]["added_in_a_later_release"] = json!({"any": "shape"});
        v2["something_new"] = json!([1, 2]);
        let (report, code) = diff(&v1, &v2, None);
        assert_eq!(
            (report["breaking"].as_u64(), code),
            (Some(0), 0),
            "{bin}: {report}"
        );
        assert_eq!(report["old_format_version"], 1);
        assert_eq!(report["new_format_version"], 2);
    }
}

#[test]
fn new_variables_break_only_when_required_without_a_default() {
    let old = example_schema("lldap");
    let mut new = old.clone();
    let mut added = var(&mut new, "LLDAP_LDAP_USER_DN").clone();
    added["name"] = json!("LLDAP_LDAP_ADMIN_GROUP");
    added["field"] = json!("ldap_admin_group");
    added["file"] = json!("LLDAP_LDAP_ADMIN_GROUP_FILE");
    new["vars"].as_array_mut().unwrap().push(added.clone());
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("new_optional", "LLDAP_LDAP_ADMIN_GROUP", false)
    );
    assert_eq!(code, 0);

    let last = new["vars"].as_array_mut().unwrap().last_mut().unwrap();
    last["default"] = Value::Null;
    last["required"] = json!(true);
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("new_required", "LLDAP_LDAP_ADMIN_GROUP", true)
    );
    assert_eq!((code, report["breaking"].as_u64()), (1, Some(1)));

    // A deployment that sets it, or its _FILE, is not hit; one that does
    // not is.
    for (env, hit, code) in [
        ("LLDAP_LDAP_ADMIN_GROUP=admins\n", false, 0),
        (
            "export LLDAP_LDAP_ADMIN_GROUP_FILE='/run/group'\n",
            false,
            0,
        ),
        ("LLDAP_LDAP_ADMIN_GROUP=\nLLDAP_JWT_SECRET=x\n", true, 1),
    ] {
        let (report, status) = diff(&old, &new, Some(env));
        assert_eq!(report["changes"][0]["hits_env"], hit, "{env}");
        assert_eq!(report["env"]["hit"], u64::from(hit));
        assert_eq!(status, code, "{env}");
    }
}

#[test]
fn removals_and_renames() {
    let old = example_schema("lldap");
    let mut new = old.clone();
    remove_var(&mut new, "LLDAP_TEST_EMAIL_TO");
    let (report, code) = diff(&old, &new, None);
    assert_eq!(kinds(&report), one("removed", "LLDAP_TEST_EMAIL_TO", true));
    assert_eq!(code, 1);
    // Hit when the deployment still sets it, or its _FILE.
    let (report, code) = diff(&old, &new, Some("LLDAP_TEST_EMAIL_TO_FILE=/x\n"));
    assert_eq!(
        (report["changes"][0]["hits_env"].clone(), code),
        (json!(true), 1)
    );
    let (report, code) = diff(&old, &new, Some("LLDAP_JWT_SECRET=x\n"));
    assert_eq!(
        (report["changes"][0]["hits_env"].clone(), code),
        (json!(false), 0)
    );

    // The same field under a new name, the old one no longer read.
    let mut new = old.clone();
    let host = var(&mut new, "LLDAP_LDAP_HOST");
    host["name"] = json!("LLDAP_LDAP_BIND_HOST");
    host["file"] = json!("LLDAP_LDAP_BIND_HOST_FILE");
    let (report, _) = diff(&old, &new, None);
    assert_eq!(kinds(&report), one("renamed", "LLDAP_LDAP_BIND_HOST", true));
    let (report, _) = diff(&old, &new, Some("LLDAP_LDAP_HOST=127.0.0.1\n"));
    assert_eq!(report["changes"][0]["hits_env"], true);

    // Renamed with the old name kept as an alias: compatible, but the old
    // name's _FILE is not read through an alias.
    let host = var(&mut new, "LLDAP_LDAP_BIND_HOST");
    host["deprecated_aliases"] = json!(["LLDAP_LDAP_HOST"]);
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        [
            (
                "renamed_with_alias".to_owned(),
                "LLDAP_LDAP_BIND_HOST".to_owned(),
                false
            ),
            (
                "file_removed".to_owned(),
                "LLDAP_LDAP_BIND_HOST".to_owned(),
                true
            ),
        ]
    );
    assert_eq!(code, 1);
    let (report, code) = diff(&old, &new, Some("LLDAP_LDAP_HOST=127.0.0.1\n"));
    assert_eq!((report["env"]["hit"].clone(), code), (json!(0), 0));
}

#[test]
fn aliases_and_fallbacks_removed_break_deployments_that_set_them() {
    let old = example_schema("lldap");
    let mut new = old.clone();
    var(&mut new, "LLDAP_KEY_SEED")["deprecated_aliases"] = json!([]);
    let (report, code) = diff(&old, &new, None);
    assert_eq!(kinds(&report), one("alias_removed", "LLDAP_KEY_SEED", true));
    assert_eq!(code, 1);
    let (report, code) = diff(&old, &new, Some("LLDAP_SERVER_KEY_SEED=\"s e e d\"\n"));
    assert_eq!(
        (report["changes"][0]["hits_env"].clone(), code),
        (json!(true), 1)
    );
    let (_, code) = diff(&old, &new, Some("LLDAP_KEY_SEED=seed\n"));
    assert_eq!(code, 0);
    // Added back: compatible.
    let (report, code) = diff(&new, &old, None);
    assert_eq!(kinds(&report), one("alias_added", "LLDAP_KEY_SEED", false));
    assert_eq!(code, 0);

    // Fallbacks (format_version 2).
    let mut old2 = as_version_2(&old);
    var(&mut old2, "LLDAP_JWT_SECRET")["fallbacks"] = json!(["JWT_SECRET"]);
    let new2 = as_version_2(&old);
    let (report, _) = diff(&old2, &new2, None);
    assert_eq!(
        kinds(&report),
        one("alias_removed", "LLDAP_JWT_SECRET", true)
    );
    let (report, _) = diff(&old2, &new2, Some("JWT_SECRET=x\n"));
    assert_eq!(report["changes"][0]["hits_env"], true);
    let (report, _) = diff(&new2, &old2, None);
    assert_eq!(
        kinds(&report),
        one("fallback_added", "LLDAP_JWT_SECRET", false)
    );
}

#[test]
fn types_narrowed_break_and_widened_do_not() {
    let old = example_schema("microbin");
    let mut new = old.clone();
    var(&mut new, "MICROBIN_THREADS")["type"] = json!("integer 0..=65535");
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("range_widened", "MICROBIN_THREADS", false)
    );
    assert_eq!(code, 0);
    let (report, code) = diff(&new, &old, None);
    assert_eq!(
        kinds(&report),
        one("type_narrowed", "MICROBIN_THREADS", true)
    );
    assert_eq!(code, 1);
    // Only a value outside the new range is hit.
    let (report, _) = diff(&new, &old, Some("MICROBIN_THREADS=+0016\n"));
    assert_eq!(report["changes"][0]["hits_env"], false);
    let (report, _) = diff(&new, &old, Some("MICROBIN_THREADS=300\n"));
    assert_eq!(report["changes"][0]["hits_env"], true);

    // A new unit: the number of days becomes a duration.
    let mut new = old.clone();
    var(&mut new, "MICROBIN_GC_DAYS")["type"] = json!("duration such as 30s, 500ms or 1h 15m");
    let (report, _) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("type_changed", "MICROBIN_GC_DAYS", true)
    );

    // A choice removed breaks (hit only by a deployment using it, in any
    // case); one added does not.
    let mut new = old.clone();
    let expiry = var(&mut new, "MICROBIN_MAX_EXPIRY");
    let choices: Vec<Value> = expiry["choices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| *c != "16years")
        .cloned()
        .collect();
    expiry["choices"] = json!(choices);
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("choice_removed", "MICROBIN_MAX_EXPIRY", true)
    );
    assert_eq!(code, 1);
    let (report, _) = diff(&old, &new, Some("MICROBIN_MAX_EXPIRY=16YEARS\n"));
    assert_eq!(report["changes"][0]["hits_env"], true);
    let (report, _) = diff(&old, &new, Some("MICROBIN_MAX_EXPIRY=1week\n"));
    assert_eq!(report["changes"][0]["hits_env"], false);
    let (report, code) = diff(&new, &old, None);
    assert_eq!(
        kinds(&report),
        one("choice_added", "MICROBIN_MAX_EXPIRY", false)
    );
    assert_eq!(code, 0);
}

#[test]
fn defaults_changed_or_computed_break_deployments_that_rely_on_them() {
    let old = example_schema("microbin");
    let mut new = old.clone();
    var(&mut new, "MICROBIN_PORT")["default"] = json!("8081");
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("default_changed", "MICROBIN_PORT", true)
    );
    assert_eq!(code, 1);
    let (report, _) = diff(&old, &new, Some("MICROBIN_PORT=8080\n"));
    assert_eq!(report["changes"][0]["hits_env"], false);
    let (report, _) = diff(&old, &new, Some("# MICROBIN_PORT=8080\n"));
    assert_eq!(report["changes"][0]["hits_env"], true);

    // An optional setting that gains a default: unset no longer means off.
    let mut new = old.clone();
    var(&mut new, "MICROBIN_TITLE")["default"] = json!("MicroBin");
    let (report, _) = diff(&old, &new, None);
    assert_eq!(kinds(&report), one("default_added", "MICROBIN_TITLE", true));

    // A default that became computed (format_version 2).
    let old2 = as_version_2(&old);
    let mut new2 = old2.clone();
    let data = var(&mut new2, "MICROBIN_DATA_DIR");
    data["default"] = Value::Null;
    data["default_computed"] = json!("XDG_DATA_HOME/microbin");
    let (report, code) = diff(&old2, &new2, None);
    assert_eq!(
        kinds(&report),
        one("default_computed", "MICROBIN_DATA_DIR", true)
    );
    assert_eq!(code, 1);
    let text = report["changes"][0]["text"].as_str().unwrap();
    assert!(text.contains("XDG_DATA_HOME/microbin"), "{text}");

    // Required now: a default removed.
    let mut new = old.clone();
    let view = var(&mut new, "MICROBIN_DEFAULT_VIEW");
    view["default"] = Value::Null;
    view["required"] = json!(true);
    let (report, _) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("became_required", "MICROBIN_DEFAULT_VIEW", true)
    );
    let (report, _) = diff(&new, &old, None);
    assert_eq!(
        kinds(&report),
        one("became_optional", "MICROBIN_DEFAULT_VIEW", false)
    );
}

#[test]
fn secrecy_none_and_descriptions() {
    let old = example_schema("microbin");
    let mut new = old.clone();
    let username = var(&mut new, "MICROBIN_ADMIN_USERNAME");
    username["secret"] = json!(false);
    username["type"] = json!("text");
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("secret_changed", "MICROBIN_ADMIN_USERNAME", true)
    );
    assert_eq!(code, 1);

    let mut new = old.clone();
    var(&mut new, "MICROBIN_TITLE")["description"] = json!("The title, in the header.");
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("description_changed", "MICROBIN_TITLE", false)
    );
    assert_eq!(code, 0);

    // An on-by-default setting whose "off" spelling goes away.
    let mut old2 = as_version_2(&old);
    let port = var(&mut old2, "MICROBIN_DEFAULT_BURN_AFTER");
    port["none"] = json!("off");
    let new2 = as_version_2(&old);
    let (report, code) = diff(&old2, &new2, None);
    assert_eq!(
        kinds(&report),
        one("none_removed", "MICROBIN_DEFAULT_BURN_AFTER", true)
    );
    assert_eq!(code, 1);
    let (report, _) = diff(&old2, &new2, Some("MICROBIN_DEFAULT_BURN_AFTER=OFF\n"));
    assert_eq!(report["changes"][0]["hits_env"], true);
    let (report, _) = diff(&old2, &new2, Some("MICROBIN_DEFAULT_BURN_AFTER=5\n"));
    assert_eq!(report["changes"][0]["hits_env"], false);
    let (report, _) = diff(&new2, &old2, None);
    assert_eq!(
        kinds(&report),
        one("none_added", "MICROBIN_DEFAULT_BURN_AFTER", false)
    );
}

#[test]
fn rules_added_break_and_rules_removed_do_not() {
    let old = as_version_2(&example_schema("lldap"));
    let mut new = old.clone();
    let added = json!([
        {"kind": "all_or_none",
         "vars": ["LLDAP_SMTP_OPTIONS__USER", "LLDAP_SMTP_OPTIONS__PASSWORD"],
         "text": "LLDAP_SMTP_OPTIONS__USER and LLDAP_SMTP_OPTIONS__PASSWORD are set together or not at all"},
        {"kind": "required_if", "vars": ["LLDAP_KEY_SEED", "LLDAP_VERBOSE"], "equals": "true",
         "text": "LLDAP_KEY_SEED is required when LLDAP_VERBOSE is true"}
    ]);
    // Beside the rules the schema has already.
    let rules = new["rules"].as_array_mut().unwrap();
    rules.extend(added.as_array().unwrap().iter().cloned());
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        [
            ("rule_added".to_owned(), String::new(), true),
            ("rule_added".to_owned(), String::new(), true),
        ]
    );
    assert_eq!(code, 1);
    let hits = |env: &str| {
        let (report, code) = diff(&old, &new, Some(env));
        let hits: Vec<Value> = report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["hits_env"].clone())
            .collect();
        (hits, code)
    };
    assert_eq!(hits(""), (vec![json!(false), json!(false)], 0));
    assert_eq!(
        hits("LLDAP_SMTP_OPTIONS__USER=mail\nLLDAP_VERBOSE=TRUE\n"),
        (vec![json!(true), json!(true)], 1)
    );
    assert_eq!(
        hits("LLDAP_SMTP_OPTIONS__USER=mail\nLLDAP_SMTP_OPTIONS__PASSWORD_FILE=/p\nLLDAP_VERBOSE=true\nLLDAP_SERVER_KEY_SEED=s\n"),
        (vec![json!(false), json!(false)], 0)
    );

    let (report, code) = diff(&new, &old, None);
    assert_eq!(
        kinds(&report),
        [
            ("rule_removed".to_owned(), String::new(), false),
            ("rule_removed".to_owned(), String::new(), false),
        ]
    );
    assert_eq!(code, 0);

    // A check over values: the env file cannot tell, so it may hit.
    new["rules"] =
        json!([{"kind": "check", "vars": ["LLDAP_HTTP_URL"], "text": "the URL is reachable"}]);
    let (report, code) = diff(&old, &new, Some("LLDAP_HTTP_URL=http://x\n"));
    assert_eq!(report["changes"][0]["hits_env"], Value::Null);
    assert_eq!((report["env"]["unknown"].clone(), code), (json!(1), 1));

    // A rule of an optional group hits only a deployment that uses it.
    new["rules"] = json!([{"kind": "at_least_one",
        "vars": ["LLDAP_SMTP_OPTIONS__USER", "LLDAP_SMTP_OPTIONS__PASSWORD"],
        "group": "smtp_options",
        "text": "at least one of LLDAP_SMTP_OPTIONS__USER, LLDAP_SMTP_OPTIONS__PASSWORD must \
                 be set (once the optional group smtp_options is on)"}]);
    let hit = |env: &str| diff(&old, &new, Some(env)).0["changes"][0]["hits_env"].clone();
    // The group is off (nothing of it set): the rule does not apply, though
    // neither variable is set.
    assert_eq!(hit("LLDAP_VERBOSE=true\n"), json!(false));
    // On, and the rule broken: hit.
    assert_eq!(hit("LLDAP_SMTP_OPTIONS__FROM=a@b.c\n"), json!(true));
    // On, and the rule kept.
    assert_eq!(
        hit("LLDAP_SMTP_OPTIONS__FROM=a@b.c\nLLDAP_SMTP_OPTIONS__USER=mail\n"),
        json!(false)
    );

    // A check whose failure is a warning stops no deployment.
    new["rules"] = json!([{"kind": "warn_check", "vars": ["LLDAP_HTTP_URL"],
        "text": "reachable holds for LLDAP_HTTP_URL, else a warning (the load goes on)"}]);
    let (report, code) = diff(&old, &new, None);
    // (The example's own rules are gone from this one: removed, which
    // breaks nothing either.)
    assert_eq!(
        kinds(&report)[0],
        ("rule_added".to_owned(), String::new(), false)
    );
    assert_eq!(code, 0);
}

#[test]
fn text_report_lists_breaking_changes_first() {
    let old = example_schema("microbin");
    let mut new = old.clone();
    remove_var(&mut new, "MICROBIN_QR");
    var(&mut new, "MICROBIN_TITLE")["description"] = json!("Shown in the header.");
    let dir = TempDir::new();
    let old_path = dir.file("old.json", &old.to_string());
    let new_path = dir.file("new.json", &new.to_string());
    let env = dir.file(
        "prod.env",
        "MICROBIN_QR=true\nMICROBIN_ADMIN_PASSWORD=hunter2\n",
    );
    let output = diff_raw(&["--env", &env, &old_path, &new_path]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text,
        format!(
            "breaking changes (1):\n  [hits] MICROBIN_QR: removed: the program no longer reads it\n\
             compatible changes (1):\n  MICROBIN_TITLE: description changed\n\
             {env}: 1 of 1 breaking change hits this deployment\n"
        )
    );
    assert!(!text.contains("hunter2"));
}

#[test]
fn usage_errors_exit_64() {
    let schema = example_schema("microbin");
    let dir = TempDir::new();
    let good = dir.file("good.json", &schema.to_string());
    let mut future = schema.clone();
    future["format_version"] = json!(3);
    let future = dir.file("future.json", &future.to_string());
    let not_json = dir.file("bad.json", "{\"format_version\": 1, ");
    let bad_env = dir.file("bad.env", "A=1\nhunter2\n");
    let missing = dir.0.join("missing.json");
    let missing = missing.to_str().unwrap();
    for (args, message) in [
        (vec![good.as_str()], "expected two schema files".to_owned()),
        (
            vec![good.as_str(), future.as_str()],
            format!("{future}: unknown format_version 3: this tool reads versions 1 and 2"),
        ),
        (
            vec![not_json.as_str(), good.as_str()],
            format!("{not_json}: not a JSON document"),
        ),
        (
            vec![missing, good.as_str()],
            format!("{missing}: cannot read"),
        ),
        (
            vec!["--format=yaml", good.as_str(), good.as_str()],
            "unknown format \"yaml\": expected text or json".to_owned(),
        ),
        (
            vec!["--env", bad_env.as_str(), good.as_str(), good.as_str()],
            format!("{bad_env}: line 2: expected KEY=VALUE"),
        ),
        (
            vec!["--colour", good.as_str(), good.as_str()],
            "unknown option --colour".to_owned(),
        ),
        (vec!["--env"], "--env needs a value".to_owned()),
    ] {
        let output = diff_raw(&args);
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(64), "{args:?}: {stderr}");
        assert!(stderr.starts_with(&format!("error: {message}")), "{stderr}");
        assert!(!stderr.contains("hunter2"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
    let help = diff_raw(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8(help.stdout)
        .unwrap()
        .starts_with("usage: twelve-config-diff"));
}

#[test]
fn a_dash_reads_a_document_from_standard_input() {
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    let old = example_schema("microbin");
    let mut new = old.clone();
    remove_var(&mut new, "MICROBIN_QR");
    let dir = TempDir::new();
    let old_path = dir.file("old.json", &old.to_string());
    let mut child = Command::new(env!("CARGO_BIN_EXE_twelve-config-diff"))
        .args(["--format=json", &old_path, "-"])
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(new.to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(kinds(&report), one("removed", "MICROBIN_QR", true));
}

#[test]
fn a_secrets_hidden_default_is_compared_without_being_known() {
    let new = example_schema("microbin");
    assert_eq!(
        var(&mut new.clone(), "MICROBIN_ADMIN_PASSWORD")["default_hidden"],
        true
    );
    // An optional secret that gains a default: unset no longer means none.
    let mut old = new.clone();
    var(&mut old, "MICROBIN_ADMIN_PASSWORD")["default_hidden"] = json!(false);
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("default_added", "MICROBIN_ADMIN_PASSWORD", true)
    );
    assert_eq!(code, 1);
    let text = report["changes"][0]["text"].as_str().unwrap();
    assert_eq!(
        text,
        "unset used to mean no value; it now means the default (hidden)"
    );

    // A required secret that was defaulted: deployments relying on the
    // default break.
    let mut required = new.clone();
    let password = var(&mut required, "MICROBIN_ADMIN_PASSWORD");
    password["default_hidden"] = json!(false);
    password["required"] = json!(true);
    let (report, _) = diff(&new, &required, None);
    assert_eq!(
        kinds(&report),
        one("became_required", "MICROBIN_ADMIN_PASSWORD", true)
    );
    let text = report["changes"][0]["text"].as_str().unwrap();
    assert_eq!(text, "now required: its default (hidden) was removed");

    // A default written out that the secret now hides: it may differ.
    let mut shown = new.clone();
    let password = var(&mut shown, "MICROBIN_ADMIN_PASSWORD");
    password["default_hidden"] = json!(false);
    password["default"] = json!("m1cr0b1n");
    let (report, _) = diff(&shown, &new, None);
    let secret = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] != "secret_changed")
        .unwrap();
    assert_eq!(secret["kind"], "default_hidden");
    assert_eq!(
        secret["text"],
        "its written default is now hidden: it may differ"
    );
}
