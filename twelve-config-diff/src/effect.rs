//! Whether a breaking change hits a deployment, judged from its env file.
//!
//! "Set" means set and not empty, as twelve-config reads it. A value read
//! from a `_FILE` cannot be judged without the file: such a change may hit.

use crate::env::EnvFile;
use crate::model::{Rule, Schema};

/// What makes a deployment hit by a change.
pub(crate) enum Effect {
    /// Nothing: the change is compatible.
    None,
    /// It sets one of these names.
    Set(Vec<String>),
    /// It sets none of these names (it relied on a default, or on the
    /// variable being optional).
    Unset(Vec<String>),
    /// It uses the group (sets one of `group` to a value other than those
    /// that mean off, listed with it, or sets none of the names of a switch
    /// in `by_default`, whose default turns the group on) but none of
    /// `var`.
    UnsetInGroup {
        group: Vec<(String, Vec<String>)>,
        by_default: Vec<Vec<String>>,
        var: Vec<String>,
    },
    /// It uses the group chosen by a value (one of `when`'s variables holds
    /// one of its values, compared ignoring ASCII case as enums are, or is
    /// unset while its default is one) but sets none of `var`.
    UnsetInChosenGroup {
        when: Vec<Chooser>,
        var: Vec<String>,
    },
    /// One of `names` holds a value `hit` rejects; one of `files` is set
    /// and its value cannot be seen.
    Value {
        names: Vec<String>,
        files: Vec<String>,
        hit: Box<dyn Fn(&str) -> bool>,
    },
    /// Hit by `inner` while `group` (an effect with no variable of its
    /// own, hit when the group is in use) is: a rule of an optional group.
    InGroup {
        group: Box<Effect>,
        inner: Box<Effect>,
    },
    /// A presence rule: each member's names (a variable's, or all of an
    /// optional group's variables': set when any is), and for
    /// `required_if` the default of the variable compared.
    Rule {
        kind: String,
        vars: Vec<Vec<String>>,
        equals: Option<String>,
        default: Option<String>,
    },
}

/// A variable that chooses a group by its value, for
/// [`Effect::UnsetInChosenGroup`].
pub(crate) struct Chooser {
    /// Its names: its own, aliases, fallbacks and `_FILE`.
    names: Vec<String>,
    /// Its `_FILE` variable, whose value (a path) says nothing.
    file: Option<String>,
    values: Vec<String>,
    /// Its default, which chooses the group while it is unset.
    default: Option<String>,
    /// A `bool`, whose spellings of true and false are each one value.
    boolean: bool,
}

impl Chooser {
    /// Whether the variable chooses the group in `env`: `None` when its
    /// value is behind its `_FILE`.
    fn chooses(&self, env: &EnvFile) -> Option<bool> {
        let set = self.names.iter().find(|name| env.is_set(name));
        match set {
            Some(name) if self.file.as_ref() == Some(name) => None,
            Some(name) => Some(env.get(name).is_some_and(|value| self.holds(value))),
            None => Some(self.default.as_deref().is_some_and(|d| self.holds(d))),
        }
    }

    /// Whether `value` is one of the values, as the loader compares: an
    /// enum's spellings in any case, a `bool`'s as true or false.
    fn holds(&self, value: &str) -> bool {
        let read = |text: &str| -> String {
            let text = text.trim().to_ascii_lowercase();
            match text.as_str() {
                "true" | "1" | "yes" | "on" if self.boolean => "true".to_owned(),
                "false" | "0" | "no" | "off" if self.boolean => "false".to_owned(),
                _ => text,
            }
        };
        let value = read(value);
        self.values.iter().any(|v| read(v) == value)
    }
}

impl Effect {
    /// Hit when the group is in use and none of `var` is set: with `var`
    /// empty, when the group is in use.
    pub(crate) fn group_in_use(schema: &Schema, group: &str, var: Vec<String>) -> Effect {
        if let Some(when) = schema.enabled_if(group) {
            let when = when
                .iter()
                .map(|(name, values)| {
                    let chooser = schema.vars.iter().find(|v| v.name == *name);
                    Chooser {
                        names: chooser.map_or_else(
                            || vec![name.clone()],
                            |v| v.sources().into_iter().map(str::to_owned).collect(),
                        ),
                        file: chooser.and_then(|v| v.file.clone()),
                        values: values.clone(),
                        default: chooser.and_then(|v| v.default.clone()),
                        boolean: chooser.is_some_and(|v| v.ty.starts_with("boolean")),
                    }
                })
                .collect();
            return Effect::UnsetInChosenGroup { when, var };
        }
        let switches = schema.enabled_by(group);
        let members = schema
            .vars
            .iter()
            .filter(|v| match switches {
                Some(names) => names.contains(&v.name),
                None => v.group.as_deref() == Some(group),
            })
            .flat_map(|v| {
                // A switch's own value may say off; a file's cannot be seen.
                let off = schema.off_values(&v.name);
                v.sources().into_iter().map(move |name| {
                    let off = if v.file.as_deref() == Some(name) {
                        &[][..]
                    } else {
                        off
                    };
                    (name.to_owned(), off.to_vec())
                })
            })
            .collect();
        let by_default = schema
            .vars
            .iter()
            .filter(|v| {
                switches.is_some_and(|names| names.contains(&v.name))
                    && schema.on_by_default.contains(&v.name)
            })
            .map(|v| v.sources().into_iter().map(str::to_owned).collect())
            .collect();
        Effect::UnsetInGroup {
            group: members,
            by_default,
            var,
        }
    }

    /// The effect of a new rule, its variables' names taken from `schema`.
    pub(crate) fn rule(rule: &Rule, schema: &Schema) -> Effect {
        let var = |name: &String| schema.vars.iter().find(|v| v.name == *name);
        let sources = |name: &String| -> Vec<String> {
            match var(name) {
                Some(var) => var.sources().into_iter().map(str::to_owned).collect(),
                None => vec![name.clone()],
            }
        };
        let vars = rule
            .members
            .iter()
            .map(|member| member.iter().flat_map(sources).collect())
            .collect();
        let default = rule
            .vars
            .get(1)
            .and_then(var)
            .and_then(|v| v.default.clone());
        let effect = Effect::Rule {
            kind: rule.kind.clone(),
            vars,
            equals: rule.equals.clone(),
            default,
        };
        match &rule.group {
            Some(group) => Effect::InGroup {
                group: Box::new(Effect::group_in_use(schema, group, Vec::new())),
                inner: Box::new(effect),
            },
            None => effect,
        }
    }

    /// Whether the deployment is hit: `None` when it cannot be told.
    pub(crate) fn hits(&self, env: &EnvFile) -> Option<bool> {
        let any = |names: &[String]| names.iter().any(|n| env.is_set(n));
        match self {
            Effect::InGroup { group, inner } => match group.hits(env) {
                Some(false) => Some(false),
                Some(true) => inner.hits(env),
                None => inner.hits(env).filter(|hit| !hit),
            },
            Effect::None => Some(false),
            Effect::Set(names) => Some(any(names)),
            Effect::Unset(names) => Some(!any(names)),
            Effect::UnsetInGroup {
                group,
                by_default,
                var,
            } => {
                let on = |(name, off): &(String, Vec<String>)| {
                    env.get(name)
                        .is_some_and(|value| !off.iter().any(|o| value.eq_ignore_ascii_case(o)))
                };
                let defaulted = by_default.iter().any(|names| !any(names));
                Some((group.iter().any(on) || defaulted) && !any(var))
            }
            Effect::UnsetInChosenGroup { when, var } => {
                if any(var) {
                    return Some(false);
                }
                let chosen: Vec<Option<bool>> = when.iter().map(|c| c.chooses(env)).collect();
                if chosen.contains(&Some(true)) {
                    Some(true)
                } else if chosen.contains(&None) {
                    None
                } else {
                    Some(false)
                }
            }
            Effect::Value { names, files, hit } => {
                if names.iter().filter_map(|n| env.get(n)).any(hit) {
                    Some(true)
                } else if any(files) {
                    None
                } else {
                    Some(false)
                }
            }
            Effect::Rule {
                kind,
                vars,
                equals,
                default,
            } => {
                let set: Vec<bool> = vars.iter().map(|names| any(names)).collect();
                let count = set.iter().filter(|s| **s).count();
                let first = set.first().copied().unwrap_or(false);
                let others = set.get(1..).unwrap_or(&[]);
                match kind.as_str() {
                    "at_most_one" => Some(count > 1),
                    "exactly_one" => Some(count != 1),
                    "at_least_one" => Some(count == 0),
                    "all_or_none" => Some(count > 0 && count < set.len()),
                    "requires" => Some(first && others.iter().any(|s| !s)),
                    "conflicts_with" => Some(first && others.iter().any(|s| *s)),
                    "required_if" => {
                        let compared = vars.get(1).and_then(|names| {
                            names
                                .iter()
                                .find_map(|n| env.get(n))
                                .map(str::to_owned)
                                .or_else(|| default.clone())
                        });
                        let applies = match (compared, equals) {
                            (Some(text), Some(equals)) => text.eq_ignore_ascii_case(equals),
                            _ => false,
                        };
                        Some(applies && !first)
                    }
                    // `check`, `validate` and kinds this tool does not know
                    // look at values it cannot judge.
                    _ => None,
                }
            }
        }
    }
}

/// An integer type's range, from its description: `integer 0..=65535`,
/// `integer 1..=255`, `nonzero integer -128..=127` (maybe `secret `).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IntegerRange {
    min: Bound,
    max: Bound,
    nonzero: bool,
}

/// A bound that orders as the integer it writes: `(-1, u128::MAX - n)` for
/// `-n`, `(1, n)` for `n`; wide enough for `i128::MIN` and `u128::MAX`.
type Bound = (i8, u128);

fn bound(text: &str) -> Option<Bound> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude: u128 = digits.parse().ok()?;
    Some(if negative && magnitude > 0 {
        (-1, u128::MAX - magnitude)
    } else {
        (1, magnitude)
    })
}

/// The range of an integer type described as `expected`, if it is one.
pub(crate) fn integer_range(expected: &str) -> Option<IntegerRange> {
    let expected = expected.strip_prefix("secret ").unwrap_or(expected);
    let (nonzero, range) = match expected.strip_prefix("nonzero integer ") {
        Some(range) => (true, range),
        None => (false, expected.strip_prefix("integer ")?),
    };
    let (min, max) = range.split_once("..=")?;
    Some(IntegerRange {
        min: bound(min)?,
        max: bound(max)?,
        nonzero,
    })
}

impl IntegerRange {
    fn has_zero(&self) -> bool {
        !self.nonzero && self.min <= (1, 0) && (1, 0) <= self.max
    }

    /// Whether every value of `other` is a value of `self`.
    pub(crate) fn contains_range(&self, other: &IntegerRange) -> bool {
        self.min <= other.min && other.max <= self.max && (self.has_zero() || !other.has_zero())
    }

    /// Whether the text is an integer of this range. (Leading zeros and a
    /// `+` are accepted, as twelve-config accepts them.)
    pub(crate) fn accepts(&self, text: &str) -> bool {
        match bound(text) {
            Some(n) => self.min <= n && n <= self.max && !(self.nonzero && n == (1, 0)),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(kind: &str, vars: &[&[&str]]) -> Effect {
        Effect::Rule {
            kind: kind.to_owned(),
            vars: vars
                .iter()
                .map(|names| names.iter().map(|n| (*n).to_owned()).collect())
                .collect(),
            equals: None,
            default: None,
        }
    }

    #[test]
    fn presence_rules_are_judged_from_what_the_file_sets() {
        let vars: &[&[&str]] = &[&["A", "A_FILE"], &["B"], &["C"]];
        let cases = [
            ("", [false, true, true, false, false, false]),
            ("A_FILE=/a\n", [false, false, false, true, true, false]),
            ("A=1\nB=\n", [false, false, false, true, true, false]),
            ("A=1\nB=2\n", [true, true, false, true, true, true]),
            ("A=1\nB=2\nC=3\n", [true, true, false, false, false, true]),
            ("B=2\n", [false, false, false, true, false, false]),
        ];
        let kinds = [
            "at_most_one",
            "exactly_one",
            "at_least_one",
            "all_or_none",
            "requires",
            "conflicts_with",
        ];
        for (text, expected) in cases {
            let env = crate::env::parse(text).unwrap();
            let verdicts: Vec<bool> = kinds
                .iter()
                .map(|kind| rule(kind, vars).hits(&env).unwrap())
                .collect();
            assert_eq!(verdicts, expected, "{text:?}");
        }
        let env = crate::env::parse("").unwrap();
        assert_eq!(rule("check", vars).hits(&env), None);
        assert_eq!(rule("validate", vars).hits(&env), None);
    }

    #[test]
    fn a_group_is_one_member_set_when_any_of_its_variables_is() {
        let schema = crate::model::read(
            r#"{"format_version": 2, "vars": [
                {"name": "C_BUCKET"}, {"name": "C_REGION"}, {"name": "C_REDIS_URL"}],
              "groups": [], "rules": [{"kind": "at_most_one",
                "vars": ["C_BUCKET", "C_REGION", "C_REDIS_URL"],
                "members": [["C_BUCKET", "C_REGION"], ["C_REDIS_URL"]], "text": "t"}]}"#,
        )
        .unwrap();
        let effect = Effect::rule(&schema.rules[0], &schema);
        let hits = |text: &str| effect.hits(&crate::env::parse(text).unwrap()).unwrap();
        // Two variables of one group: one member set.
        assert!(!hits("C_BUCKET=b\nC_REGION=r\n"));
        assert!(hits("C_REGION=r\nC_REDIS_URL=u\n"));
        // Without `members`, each variable is a member of its own.
        let old = crate::model::read(
            r#"{"format_version": 2, "vars": [{"name": "A"}, {"name": "B"}],
              "groups": [], "rules": [{"kind": "at_most_one", "vars": ["A", "B"], "text": "t"}]}"#,
        )
        .unwrap();
        assert_eq!(
            old.rules[0].members,
            [vec!["A".to_owned()], vec!["B".to_owned()]]
        );
        let bad = r#"{"format_version": 2, "vars": [], "groups": [],
              "rules": [{"kind": "at_most_one", "vars": [], "members": [[1]], "text": "t"}]}"#;
        assert!(crate::model::read(bad).unwrap_err().contains("members"));
    }

    #[test]
    fn integer_ranges_compare_as_numbers() {
        let u16_ = integer_range("integer 0..=65535").unwrap();
        let u8_ = integer_range("integer 0..=255").unwrap();
        let i8_ = integer_range("integer -128..=127").unwrap();
        let nz_u16 = integer_range("integer 1..=65535").unwrap();
        let nz_i8 = integer_range("nonzero integer -128..=127").unwrap();
        let i128_ = integer_range(&format!("integer {}..={}", i128::MIN, i128::MAX)).unwrap();
        let u128_ = integer_range(&format!("secret integer 0..={}", u128::MAX)).unwrap();
        assert!(u16_.contains_range(&u8_) && !u8_.contains_range(&u16_));
        assert!(!u16_.contains_range(&i8_) && !i8_.contains_range(&u8_));
        assert!(u16_.contains_range(&nz_u16) && !nz_u16.contains_range(&u16_));
        assert!(i8_.contains_range(&nz_i8) && !nz_i8.contains_range(&i8_));
        assert!(i128_.contains_range(&i8_) && u128_.contains_range(&u16_));
        assert!(!i128_.contains_range(&u128_) && !u128_.contains_range(&i128_));
        assert!(u8_.accepts("255") && u8_.accepts("+007") && !u8_.accepts("256"));
        assert!(!u8_.accepts("-1") && i8_.accepts("-128") && !i8_.accepts("-129"));
        assert!(!nz_u16.accepts("0") && !nz_i8.accepts("-0") && !u8_.accepts("1a"));
        assert_eq!(integer_range("one of: a, b"), None);
        assert_eq!(integer_range("integer 0..=x"), None);
    }
}
