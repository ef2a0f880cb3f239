//! A `--print-schema=json` document, read from format_version 1 or 2.
//!
//! Keys a version does not have take the value that means "nothing of the
//! kind" (no fallbacks, no rules), so both versions compare alike; keys this
//! tool does not know are ignored, as the format allows new keys at any time.

use serde_json::{Map, Value};

/// The format versions this tool reads.
pub(crate) const VERSIONS: [u64; 2] = [1, 2];

/// Variables, each with values: `off_values`, `enabled_if`.
pub(crate) type ValuesByVar = Vec<(String, Vec<String>)>;

/// A schema document.
#[derive(Debug)]
pub(crate) struct Schema {
    pub(crate) version: u64,
    pub(crate) vars: Vec<Var>,
    pub(crate) rules: Vec<Rule>,
    /// Each optional group's field path with the variables that turn it
    /// on (`groups[].enabled_by`); a document without them, or a group
    /// left out, is turned on by any of its variables.
    pub(crate) enabled_by: Vec<(String, Vec<String>)>,
    /// The switches that can say off, with the values that do
    /// (`groups[].off_values`): set to one of them (in any case), a switch
    /// does not turn its group on.
    pub(crate) off_values: Vec<(String, Vec<String>)>,
    /// Each optional group chosen by a value (`groups[].enabled_if`), with
    /// the variables and the values that turn it on.
    pub(crate) enabled_if: Vec<(String, ValuesByVar)>,
    /// The switches whose default turns their group on while they are
    /// unset (`groups[].on_by_default`).
    pub(crate) on_by_default: Vec<String>,
}

impl Schema {
    /// The variables that turn the optional group `group` on, when the
    /// document names them.
    pub(crate) fn enabled_by(&self, group: &str) -> Option<&[String]> {
        self.enabled_by
            .iter()
            .find(|(path, by)| path == group && !by.is_empty())
            .map(|(_, by)| by.as_slice())
    }

    /// For an optional group chosen by a value, the variables and the
    /// values that turn it on.
    pub(crate) fn enabled_if(&self, group: &str) -> Option<&[(String, Vec<String>)]> {
        self.enabled_if
            .iter()
            .find(|(path, _)| path == group)
            .map(|(_, when)| when.as_slice())
    }

    /// Whether the optional group `group` is on with nothing set: chosen by
    /// its `enabled_if` variable's default, or turned on by a switch's
    /// default.
    pub(crate) fn on_while_unset(&self, group: &str) -> bool {
        let chosen = self.enabled_if(group).is_some_and(|when| {
            when.iter().any(|(name, values)| {
                self.vars
                    .iter()
                    .find(|v| v.name == *name)
                    .and_then(|v| v.default.as_ref())
                    .is_some_and(|default| values.contains(default))
            })
        });
        let switched = self
            .enabled_by(group)
            .is_some_and(|names| names.iter().any(|n| self.on_by_default.contains(n)));
        chosen || switched
    }

    /// The values with which the switch `var` leaves its group off.
    pub(crate) fn off_values(&self, var: &str) -> &[String] {
        self.off_values
            .iter()
            .find(|(name, _)| name == var)
            .map_or(&[], |(_, off)| off.as_slice())
    }
}

/// One variable.
#[derive(Debug, Clone)]
pub(crate) struct Var {
    pub(crate) name: String,
    pub(crate) field: String,
    pub(crate) ty: String,
    pub(crate) required: bool,
    pub(crate) default: Option<String>,
    /// A secret's default, which the schema never shows.
    pub(crate) default_hidden: bool,
    pub(crate) default_computed: Option<String>,
    pub(crate) none: Option<String>,
    pub(crate) secret: bool,
    pub(crate) credential: bool,
    pub(crate) description: String,
    pub(crate) file: Option<String>,
    pub(crate) choices: Vec<String>,
    pub(crate) aliases: Vec<String>,
    pub(crate) fallbacks: Vec<String>,
    pub(crate) group: Option<String>,
}

impl Var {
    /// Every name a deployment may set to give this variable its value.
    pub(crate) fn sources(&self) -> Vec<&str> {
        let mut names = vec![self.name.as_str()];
        names.extend(self.aliases.iter().map(String::as_str));
        names.extend(self.fallbacks.iter().map(String::as_str));
        names.extend(self.file.as_deref());
        names
    }

    /// Required whatever else is set: not only once an optional group is
    /// in use.
    pub(crate) fn always_required(&self) -> bool {
        self.required && self.group.is_none()
    }

    /// The default as the schema words it, literal or computed; a
    /// secret's, which the schema does not show, as `(hidden)`.
    pub(crate) fn shown_default(&self) -> Option<String> {
        match (&self.default, &self.default_computed) {
            (Some(default), _) => Some(format!("{default:?}")),
            (None, _) if self.default_hidden => Some("(hidden)".to_owned()),
            (None, Some(computed)) => Some(format!("computed ({computed})")),
            (None, None) => None,
        }
    }
}

/// A presence rule or check over several variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rule {
    pub(crate) kind: String,
    pub(crate) vars: Vec<String>,
    /// What the rule names, each with its variables: one for a field, all
    /// of an optional group's for a group, which counts as set when any of
    /// them is. A document without `members` names one variable each.
    pub(crate) members: Vec<Vec<String>>,
    pub(crate) equals: Option<String>,
    pub(crate) text: String,
    /// The optional group whose struct declares the rule, which holds only
    /// while the group is on.
    pub(crate) group: Option<String>,
}

impl Rule {
    /// Whether two rules are the same rule: kind, variables and value, in
    /// any order where the order has no meaning.
    pub(crate) fn same_as(&self, other: &Rule) -> bool {
        if self.kind != other.kind || self.equals != other.equals {
            return false;
        }
        let ordered = matches!(
            self.kind.as_str(),
            "requires" | "conflicts_with" | "required_if"
        );
        if ordered {
            self.members == other.members
        } else {
            let (mut a, mut b) = (self.members.clone(), other.members.clone());
            a.sort();
            b.sort();
            a == b
        }
    }
}

/// Reads a document; the error says what is wrong, where.
pub(crate) fn read(text: &str) -> Result<Schema, String> {
    let document: Value =
        serde_json::from_str(text).map_err(|e| format!("not a JSON document ({e})"))?;
    let root = document
        .as_object()
        .ok_or("expected a JSON object with format_version and vars")?;
    let version = match root.get("format_version") {
        Some(Value::Number(n)) => n.as_u64().ok_or("format_version is not a whole number")?,
        Some(_) => return Err("format_version is not a number".to_owned()),
        None => return Err("no format_version: not a --print-schema=json document".to_owned()),
    };
    if !VERSIONS.contains(&version) {
        return Err(format!(
            "unknown format_version {version}: this tool reads versions 1 and 2; install a newer twelve-config-diff"
        ));
    }
    let vars = array(root, "vars", "")?
        .ok_or("no vars: not a --print-schema=json document")?
        .iter()
        .enumerate()
        .map(|(index, var)| read_var(var, &format!("vars[{index}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let rules = array(root, "rules", "")?
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(index, rule)| read_rule(rule, &format!("rules[{index}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut enabled_by = Vec::new();
    let mut enabled_if = Vec::new();
    let mut on_by_default = Vec::new();
    let mut off_values = Vec::new();
    for (index, group) in array(root, "groups", "")?.unwrap_or(&[]).iter().enumerate() {
        let place = format!("groups[{index}]");
        let group = object(group, &place)?;
        let field = optional_text(group, "field", &place)?.unwrap_or_default();
        enabled_by.push((field.clone(), texts(group, "enabled_by", &place)?));
        off_values.extend(values_by_var(group, "off_values", &place)?);
        on_by_default.extend(texts(group, "on_by_default", &place)?);
        let chosen_by = values_by_var(group, "enabled_if", &place)?;
        if !chosen_by.is_empty() {
            enabled_if.push((field, chosen_by));
        }
    }
    Ok(Schema {
        version,
        vars,
        rules,
        enabled_by,
        enabled_if,
        on_by_default,
        off_values,
    })
}

/// An object of arrays of strings, such as `off_values`: each variable with
/// its values. Missing: none.
fn values_by_var(
    group: &Map<String, Value>,
    key: &str,
    place: &str,
) -> Result<ValuesByVar, String> {
    let Some(object) = group.get(key) else {
        return Ok(Vec::new());
    };
    let place = format!("{place}.{key}");
    let object = object
        .as_object()
        .ok_or_else(|| format!("{place}: expected an object"))?;
    object
        .iter()
        .map(|(var, values)| {
            let values = values
                .as_array()
                .and_then(|values| {
                    values
                        .iter()
                        .map(|value| value.as_str().map(str::to_owned))
                        .collect::<Option<Vec<_>>>()
                })
                .ok_or_else(|| format!("{place}.{var}: expected an array of strings"))?;
            Ok((var.clone(), values))
        })
        .collect()
}

fn object<'a>(value: &'a Value, place: &str) -> Result<&'a Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{place}: expected an object"))
}

/// `key` of `object`: absent and null are `None`.
fn optional_text(
    object: &Map<String, Value>,
    key: &str,
    place: &str,
) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("{place}.{key}: expected a string or null")),
    }
}

fn text(object: &Map<String, Value>, key: &str, place: &str) -> Result<String, String> {
    match object.get(key) {
        Some(Value::String(text)) => Ok(text.clone()),
        _ => Err(format!("{place}.{key}: expected a string")),
    }
}

fn flag(object: &Map<String, Value>, key: &str, place: &str) -> Result<bool, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(flag)) => Ok(*flag),
        Some(_) => Err(format!("{place}.{key}: expected true or false")),
    }
}

fn array<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    place: &str,
) -> Result<Option<&'a [Value]>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => Ok(Some(items)),
        Some(_) => Err(format!("{place}{}{key}: expected an array", dot(place))),
    }
}

fn dot(place: &str) -> &'static str {
    if place.is_empty() {
        ""
    } else {
        "."
    }
}

fn texts(object: &Map<String, Value>, key: &str, place: &str) -> Result<Vec<String>, String> {
    array(object, key, place)?
        .unwrap_or(&[])
        .iter()
        .map(|item| {
            item.as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("{place}.{key}: expected an array of strings"))
        })
        .collect()
}

fn read_var(value: &Value, place: &str) -> Result<Var, String> {
    let var = object(value, place)?;
    let name = text(var, "name", place)?;
    Ok(Var {
        field: optional_text(var, "field", place)?.unwrap_or_default(),
        ty: optional_text(var, "type", place)?.unwrap_or_default(),
        required: flag(var, "required", place)?,
        default: optional_text(var, "default", place)?,
        default_hidden: flag(var, "default_hidden", place)?,
        default_computed: optional_text(var, "default_computed", place)?,
        none: optional_text(var, "none", place)?,
        secret: flag(var, "secret", place)?,
        credential: flag(var, "credential", place)?,
        description: optional_text(var, "description", place)?.unwrap_or_default(),
        file: optional_text(var, "file", place)?,
        choices: texts(var, "choices", place)?,
        aliases: texts(var, "deprecated_aliases", place)?,
        fallbacks: texts(var, "fallbacks", place)?,
        group: optional_text(var, "group", place)?,
        name,
    })
}

fn read_rule(value: &Value, place: &str) -> Result<Rule, String> {
    let rule = object(value, place)?;
    let vars = texts(rule, "vars", place)?;
    let members = match array(rule, "members", place)? {
        Some(members) => members
            .iter()
            .map(|member| {
                member
                    .as_array()
                    .and_then(|names| {
                        names
                            .iter()
                            .map(|n| n.as_str().map(str::to_owned))
                            .collect::<Option<Vec<String>>>()
                    })
                    .ok_or_else(|| format!("{place}.members: expected arrays of strings"))
            })
            .collect::<Result<_, _>>()?,
        None => vars.iter().map(|v| vec![v.clone()]).collect(),
    };
    Ok(Rule {
        kind: text(rule, "kind", place)?,
        vars,
        members,
        equals: optional_text(rule, "equals", place)?,
        text: optional_text(rule, "text", place)?.unwrap_or_default(),
        group: optional_text(rule, "group", place)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_versions_read_and_unknown_keys_are_ignored() {
        let v1 = r#"{"format_version": 1, "prefix": "A_", "vars": [
            {"name": "A_X", "field": "x", "type": "text", "required": true,
             "default": null, "secret": false, "description": "", "file": null,
             "choices": [], "deprecated_aliases": ["A_Y"], "group": null, "later": 1}]}"#;
        let schema = read(v1).unwrap();
        assert_eq!(schema.version, 1);
        assert_eq!(schema.vars[0].aliases, ["A_Y"]);
        assert!(schema.vars[0].fallbacks.is_empty() && schema.rules.is_empty());
        let v2 = r#"{"format_version": 2, "vars": [{"name": "A_X", "fallbacks": ["X"],
            "default_computed": "A_DIR/x", "none": "off", "credential": true}],
            "groups": [], "rules": [{"kind": "at_most_one", "vars": ["A_X", "A_Z"], "text": "t"}]}"#;
        let schema = read(v2).unwrap();
        assert_eq!(schema.vars[0].fallbacks, ["X"]);
        assert_eq!(schema.vars[0].none.as_deref(), Some("off"));
        assert!(schema.vars[0].credential);
        assert_eq!(schema.rules[0].kind, "at_most_one");
    }

    #[test]
    fn bad_documents_are_refused_with_the_place() {
        assert_eq!(
            read(r#"{"format_version": 3, "vars": []}"#).unwrap_err(),
            "unknown format_version 3: this tool reads versions 1 and 2; install a newer twelve-config-diff"
        );
        assert_eq!(
            read(r#"{"format_version": 1, "vars": [{"name": 5}]}"#).unwrap_err(),
            "vars[0].name: expected a string"
        );
        assert!(read("[]")
            .unwrap_err()
            .starts_with("expected a JSON object"));
        assert!(read("{").unwrap_err().starts_with("not a JSON document"));
        assert!(read(r#"{"vars": []}"#)
            .unwrap_err()
            .starts_with("no format_version"));
    }

    #[test]
    fn rules_compare_without_order_where_order_means_nothing() {
        let rule = |kind: &str, vars: &[&str]| Rule {
            kind: kind.to_owned(),
            vars: vars.iter().map(|v| (*v).to_owned()).collect(),
            members: vars.iter().map(|v| vec![(*v).to_owned()]).collect(),
            equals: None,
            text: String::new(),
            group: None,
        };
        assert!(rule("at_most_one", &["A", "B"]).same_as(&rule("at_most_one", &["B", "A"])));
        assert!(!rule("requires", &["A", "B"]).same_as(&rule("requires", &["B", "A"])));
    }
}
