//! Changes to optional groups: a required variable of a group breaks only
//! the deployments that use the group, which `enabled_by` may narrow to
//! the variables that turn it on.

use serde_json::{json, Value};

use crate::support::{diff, diff_raw, kinds, one, tour_schema, var, TempDir};

#[test]
fn a_group_with_enabled_by_is_used_only_once_one_of_those_is_set() {
    let old = tour_schema();
    let mut new = with_endpoint(&old);
    // The new schema says only the bucket turns the group on.
    let s3 = s3_group(&mut new);
    s3["enabled_by"] = json!(["TOUR_S3_BUCKET"]);
    assert_endpoint_hits(
        &old,
        &new,
        &[
            // The region alone leaves the group off: nothing breaks.
            ("TOUR_S3_REGION=eu-west-1\n", false),
            ("TOUR_S3_BUCKET=b\n", true),
            ("TOUR_S3_BUCKET=b\nTOUR_S3_ENDPOINT=https://s3\n", false),
        ],
    );
}

#[test]
fn a_group_chosen_by_a_value_is_used_where_the_value_chooses_it() {
    let mut old = tour_schema();
    // The group is chosen by the storage type, which defaults to s3 here.
    let mut storage = var(&mut old, "TOUR_S3_BUCKET").clone();
    storage["name"] = json!("TOUR_STORAGE");
    storage["field"] = json!("storage");
    storage["group"] = Value::Null;
    storage["required"] = json!(false);
    storage["default"] = json!("s3");
    old["vars"].as_array_mut().unwrap().push(storage);
    let s3 = s3_group(&mut old);
    s3["enabled_by"] = json!([]);
    s3["enabled_if"] = json!({"TOUR_STORAGE": ["s3", "minio"]});
    let mut new = with_endpoint(&old);
    assert_endpoint_hits(
        &old,
        &new,
        &[
            // Unset, the storage is its default, s3: the group is on with
            // none of its variables set.
            ("TOUR_PUBLIC_URL=https://x\n", true),
            ("TOUR_STORAGE=MINIO\n", true),
            // Chosen off: what is set in it is unused.
            ("TOUR_STORAGE=file\nTOUR_S3_BUCKET=b\n", false),
            ("TOUR_STORAGE=s3\nTOUR_S3_ENDPOINT=https://s3\n", false),
        ],
    );

    // Chosen through a fallback of the storage variable, or behind its
    // `_FILE`, which the environment file cannot show.
    for schema in [&mut old, &mut new] {
        let storage = var(schema, "TOUR_STORAGE");
        storage["fallbacks"] = json!(["STORAGE"]);
        storage["file"] = json!("TOUR_STORAGE_FILE");
    }
    let (report, _) = diff(&old, &new, Some("TOUR_STORAGE=\nSTORAGE=file\n"));
    assert_eq!(report["changes"][0]["hits_env"], false);
    let (report, _) = diff(&old, &new, Some("TOUR_STORAGE_FILE=/run/storage\n"));
    assert_eq!(report["changes"][0]["hits_env"], Value::Null);

    // A group new in this release that the storage's default chooses:
    // every deployment leaving the storage alone needs the new variable.
    let mut before = old.clone();
    before["vars"]
        .as_array_mut()
        .unwrap()
        .retain(|v| !v["name"].as_str().unwrap().starts_with("TOUR_S3_"));
    let (report, code) = diff(&before, &new, Some("TOUR_PUBLIC_URL=https://x\n"));
    let breaking: Vec<&Value> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["variable"] == "TOUR_S3_ENDPOINT")
        .collect();
    assert_eq!(breaking[0]["kind"], "new_required_in_group");
    assert_eq!(breaking[0]["hits_env"], true);
    assert_eq!(code, 1);
}

#[test]
fn a_bool_chooses_a_group_in_any_of_its_spellings() {
    let mut old = tour_schema();
    let mut metrics = var(&mut old, "TOUR_S3_BUCKET").clone();
    metrics["name"] = json!("TOUR_METRICS");
    metrics["field"] = json!("metrics");
    metrics["group"] = Value::Null;
    metrics["required"] = json!(false);
    metrics["default"] = json!("false");
    metrics["type"] = json!("boolean: true/false, 1/0, yes/no or on/off");
    old["vars"].as_array_mut().unwrap().push(metrics);
    let s3 = s3_group(&mut old);
    s3["enabled_by"] = json!([]);
    s3["enabled_if"] = json!({"TOUR_METRICS": ["true"]});
    let new = with_endpoint(&old);
    assert_endpoint_hits(
        &old,
        &new,
        &[
            ("TOUR_METRICS=yes\n", true),
            ("TOUR_METRICS=On\n", true),
            ("TOUR_METRICS=0\n", false),
            ("TOUR_S3_BUCKET=b\n", false),
        ],
    );
}

/// Diffs `old` against `new`, which adds the required `TOUR_S3_ENDPOINT`
/// to the group `s3`, with each env file: whether the change hits it.
fn assert_endpoint_hits(old: &Value, new: &Value, cases: &[(&str, bool)]) {
    for &(env, hit) in cases {
        let (report, status) = diff(old, new, Some(env));
        assert_eq!(
            kinds(&report),
            one("new_required_in_group", "TOUR_S3_ENDPOINT", true)
        );
        assert_eq!(report["changes"][0]["hits_env"], hit, "{env}");
        assert_eq!(status, i32::from(hit), "{env}");
    }
}

#[test]
fn required_variables_of_optional_groups_break_only_deployments_using_the_group() {
    let old = tour_schema();
    let mut new = old.clone();
    let mut endpoint = var(&mut new, "TOUR_S3_BUCKET").clone();
    endpoint["name"] = json!("TOUR_S3_ENDPOINT");
    endpoint["field"] = json!("s3.endpoint");
    new["vars"].as_array_mut().unwrap().push(endpoint.clone());
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("new_required_in_group", "TOUR_S3_ENDPOINT", true)
    );
    assert_eq!(code, 1);
    for (env, hit) in [
        ("TOUR_PUBLIC_URL=https://x\n", false),
        ("TOUR_S3_REGION=eu-west-1\n", true),
        ("TOUR_S3_SECRET_KEY_FILE=/k\n", true),
        ("TOUR_S3_REGION=\n", false),
        ("TOUR_S3_BUCKET=b\nTOUR_S3_ENDPOINT=https://s3\n", false),
    ] {
        let (report, status) = diff(&old, &new, Some(env));
        assert_eq!(report["changes"][0]["hits_env"], hit, "{env}");
        assert_eq!(status, i32::from(hit), "{env}");
    }

    // A variable of a new optional group: nothing uses the group yet.
    let mut new = old.clone();
    for (name, field) in [
        ("TOUR_SMTP_HOST", "smtp.host"),
        ("TOUR_SMTP_USER", "smtp.user"),
    ] {
        let mut added = endpoint.clone();
        added["name"] = json!(name);
        added["field"] = json!(field);
        added["group"] = json!("TOUR_SMTP_*");
        new["vars"].as_array_mut().unwrap().push(added);
    }
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        [
            (
                "new_optional".to_owned(),
                "TOUR_SMTP_HOST".to_owned(),
                false
            ),
            (
                "new_optional".to_owned(),
                "TOUR_SMTP_USER".to_owned(),
                false
            ),
        ]
    );
    assert_eq!(code, 0);

    // A default for a required variable of the group: compatible.
    let mut new = old.clone();
    let bucket = var(&mut new, "TOUR_S3_BUCKET");
    bucket["required"] = json!(false);
    bucket["default"] = json!("images");
    let (report, code) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("became_optional", "TOUR_S3_BUCKET", false)
    );
    assert_eq!(code, 0);

    // Out of the group: required whatever else is set.
    let mut new = old.clone();
    var(&mut new, "TOUR_S3_BUCKET")["group"] = Value::Null;
    let (report, _) = diff(&old, &new, None);
    assert_eq!(
        kinds(&report),
        one("became_required", "TOUR_S3_BUCKET", true)
    );
}

#[test]
fn a_switch_set_to_a_value_that_means_off_leaves_the_group_unused() {
    let mut old = tour_schema();
    // The group is turned on by a flag, which `false` leaves off.
    let mut flag = var(&mut old, "TOUR_S3_BUCKET").clone();
    flag["name"] = json!("TOUR_S3_ENABLED");
    flag["field"] = json!("s3.enabled");
    flag["type"] = json!("boolean: true/false, 1/0, yes/no or on/off");
    old["vars"].as_array_mut().unwrap().push(flag);
    let s3 = s3_group(&mut old);
    s3["enabled_by"] = json!(["TOUR_S3_ENABLED"]);
    s3["off_values"] = json!({"TOUR_S3_ENABLED": ["false", "0", "no", "off"]});
    let mut new = with_endpoint(&old);
    assert_endpoint_hits(
        &old,
        &new,
        &[
            ("TOUR_S3_ENABLED=false\nTOUR_S3_BUCKET=b\n", false),
            ("TOUR_S3_ENABLED=OFF\n", false),
            ("TOUR_S3_ENABLED=true\nTOUR_S3_BUCKET=b\n", true),
            ("TOUR_S3_ENABLED=true\nTOUR_S3_ENDPOINT=https://s3\n", false),
            // Unset: off, since the flag has no default.
            ("TOUR_S3_BUCKET=b\n", false),
        ],
    );

    // A flag that defaults to true turns the group on while unset.
    for schema in [&mut old, &mut new] {
        s3_group(schema)["on_by_default"] = json!(["TOUR_S3_ENABLED"]);
    }
    assert_endpoint_hits(
        &old,
        &new,
        &[
            ("TOUR_S3_BUCKET=b\n", true),
            ("TOUR_PUBLIC_URL=https://x\n", true),
            ("TOUR_S3_ENABLED=no\nTOUR_S3_BUCKET=b\n", false),
        ],
    );
}

#[test]
fn off_values_that_are_not_strings_are_refused() {
    let dir = TempDir::new();
    let old = tour_schema();
    let mut new = old.clone();
    new["groups"][0]["off_values"] = json!({"TOUR_S3_ENABLED": [false]});
    let old = dir.file("old.json", &old.to_string());
    let new = dir.file("new.json", &new.to_string());
    let output = diff_raw(&[&old, &new]);
    assert_eq!(output.status.code(), Some(64));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("groups[0].off_values.TOUR_S3_ENABLED: expected an array of strings"),
        "{stderr}"
    );
}

/// The group `s3` of a schema document.
fn s3_group(schema: &mut Value) -> &mut Value {
    schema["groups"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|g| g["field"] == "s3")
        .unwrap()
}

/// `schema` with the required `TOUR_S3_ENDPOINT` added to the group `s3`.
fn with_endpoint(schema: &Value) -> Value {
    let mut new = schema.clone();
    let mut endpoint = var(&mut new, "TOUR_S3_BUCKET").clone();
    endpoint["name"] = json!("TOUR_S3_ENDPOINT");
    endpoint["field"] = json!("s3.endpoint");
    new["vars"].as_array_mut().unwrap().push(endpoint);
    new
}
