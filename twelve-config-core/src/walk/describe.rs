//! What a describing walk records: the schema's variables, groups and
//! rules.

use super::slot::Slot;
use super::{Field, Member, Nested, Switch, Walker};
use crate::schema::{GroupSchema, RuleSchema, SchemaParts, VarSchema};

/// What a describing walk does at each variable, nested struct and rule.
///
/// Reached only through the trait object that a describing walk makes
/// ([`Description::start`]): the walker calls it where a load reads, so a
/// direct call would link the recording code, and the schema's drop code,
/// into every program that only loads.
pub(super) trait Describe {
    /// Records the walker's current variable; `required`: the field has no
    /// `Option`. The walker names what is recorded.
    fn record_var(
        &mut self,
        walker: &mut Walker<'_>,
        field: &Field,
        parser: &dyn Slot,
        required: bool,
    );

    /// Starts describing the nested struct of `nested`; `path` is its field
    /// path. The walker, still at the declaring struct, names the fields
    /// of its `enabled_if`.
    fn start_group(
        &mut self,
        walker: &mut Walker<'_>,
        path: String,
        doc: &'static str,
        optional: bool,
        nested: &Nested,
    ) -> GroupStart;

    /// Ends a nested struct's description: its variables are those
    /// recorded since it started.
    fn end_group(&mut self, start: GroupStart);

    /// Records a rule across variables.
    fn record_rule(&mut self, rule: RuleSchema);

    /// The description itself, for the rules that name a group: a plain
    /// method would link the code that finds a group into every
    /// description, rules or not.
    fn as_any(&self) -> &dyn std::any::Any;

    /// The description itself, taken out of the walk.
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any>;

    /// The variables, groups and rules recorded, and the variables two
    /// fields read.
    fn finish(self: Box<Self>) -> SchemaParts;
}

/// The schema as a describing walk builds it.
#[derive(Default)]
pub(super) struct Description {
    vars: Vec<VarSchema>,
    /// For each variable, the address of the field static that reads it:
    /// a struct nested twice reads its `env` names twice through the same
    /// static, on purpose.
    readers: Vec<usize>,
    groups: Vec<GroupSchema>,
    rules: Vec<RuleSchema>,
    /// A variable that a second field reads: the name and both fields.
    duplicates: Vec<(String, String, String)>,
    /// The field path of the innermost optional group being described.
    optional_group: Option<String>,
}

impl Description {
    /// An empty description, for a describing walk.
    pub(super) fn start() -> Box<dyn Describe> {
        Box::<Description>::default()
    }
}

/// Where a group's description started, for [`Describe::end_group`].
pub(super) struct GroupStart {
    group: usize,
    vars: usize,
    outer_optional: Option<String>,
    enabled_by: &'static [Switch],
}

/// The names a load may meet, as a describing walk finds them: what the
/// scan for unknown variables needs. A walk that records only these builds
/// no descriptions, so that a program that never prints a schema links
/// neither the code that writes one nor its drop code.
#[derive(Default)]
pub(crate) struct Names {
    /// Each variable's name, in field order.
    pub(crate) vars: Vec<String>,
    /// The other names read: `_FILE` variables, aliases and fallbacks.
    pub(crate) others: Vec<String>,
}

impl Describe for Names {
    fn record_var(
        &mut self,
        walker: &mut Walker<'_>,
        field: &Field,
        parser: &dyn Slot,
        _required: bool,
    ) {
        walker.set_name(field);
        self.vars.push(walker.var().to_owned());
        if walker.reads_file(field, parser.secret()) {
            self.others.push(walker.file_var());
        }
        let names = field.aliases().iter().chain(field.fallbacks());
        self.others.extend(names.map(|name| (*name).to_owned()));
    }

    fn start_group(
        &mut self,
        _walker: &mut Walker<'_>,
        _path: String,
        _doc: &'static str,
        _optional: bool,
        _nested: &Nested,
    ) -> GroupStart {
        GroupStart {
            group: 0,
            vars: 0,
            outer_optional: None,
            enabled_by: &[],
        }
    }

    fn end_group(&mut self, _start: GroupStart) {}

    fn record_rule(&mut self, _rule: RuleSchema) {}

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }

    fn finish(self: Box<Self>) -> SchemaParts {
        SchemaParts::default()
    }
}

impl Description {
    /// The variables that stand for the group described at `path` in a
    /// rule: for an optional group, those that turn it on; else all of
    /// its variables.
    pub(super) fn group_vars(&self, path: &str) -> Vec<String> {
        let Some(group) = self.groups.iter().find(|g| g.field == path) else {
            return Vec::new();
        };
        if !group.enabled_if.is_empty() {
            group.enabled_if_vars()
        } else if group.optional {
            group.enabled_by.clone()
        } else {
            group.vars.clone()
        }
    }
}

impl Describe for Description {
    fn record_var(
        &mut self,
        walker: &mut Walker<'_>,
        field: &Field,
        parser: &dyn Slot,
        required: bool,
    ) {
        let secret = parser.secret();
        let computed = field.computed().map(|computed| match computed.doc {
            Some(doc) => doc.to_owned(),
            None if computed.inputs.is_empty() => "computed by the program".to_owned(),
            None => {
                let names: Vec<String> = computed
                    .inputs
                    .iter()
                    .map(|input| match *input {
                        Member::Field(f) => walker.name_of(f),
                        Member::Group(g) => format!("the settings of {}{}", walker.path, g.ident),
                    })
                    .collect();
                format!("computed from {}", names.join(", "))
            }
        });
        walker.set_name(field);
        let name = walker.var().to_owned();
        let field_path = walker.field_path(field);
        let reader = std::ptr::from_ref(field) as usize;
        if let Some(at) = self.vars.iter().position(|v| v.name == name) {
            if self.readers[at] != reader {
                let first = self.vars[at].field.clone();
                self.duplicates.push((name, first, field_path));
            }
            return;
        }
        self.readers.push(reader);
        self.vars.push(VarSchema {
            name,
            field: field_path,
            expected: parser.expected().into_owned(),
            choices: parser.choices(),
            required: required && field.default.is_none() && computed.is_none(),
            // A secret's default is used, never shown: the schema only
            // says that there is one.
            default: field.default.filter(|_| !secret),
            default_hidden: secret && field.default.is_some(),
            computed,
            none: field.none(),
            secret,
            credential: parser.credential() && !secret,
            description: field.doc(),
            file_var: walker.reads_file(field, secret).then(|| walker.file_var()),
            aliases: field.aliases(),
            fallbacks: field.fallbacks(),
            deprecated: field.deprecated(),
            group: self.optional_group.clone(),
            invalid_is_unset: field.on_invalid().is_some(),
            empty_is_value: field.empty == super::Empty::Value,
        });
    }

    fn start_group(
        &mut self,
        walker: &mut Walker<'_>,
        path: String,
        doc: &'static str,
        optional: bool,
        nested: &Nested,
    ) -> GroupStart {
        let start = GroupStart {
            group: self.groups.len(),
            vars: self.vars.len(),
            outer_optional: self.optional_group.clone(),
            enabled_by: nested.enabled_by,
        };
        let enabled_if = nested
            .enabled_if
            .iter()
            .map(|choice| (walker.name_of(choice.field), choice.equals))
            .collect();
        if optional {
            self.optional_group = Some(path.clone());
        }
        self.groups.push(GroupSchema {
            field: path,
            description: doc,
            optional,
            vars: Vec::new(),
            enabled_by: Vec::new(),
            enabled_if,
            off: Vec::new(),
            on_by_default: Vec::new(),
        });
        start
    }

    fn end_group(&mut self, start: GroupStart) {
        let group = &mut self.groups[start.group];
        let vars = &self.vars[start.vars..];
        group.vars = vars.iter().map(|v| v.name.clone()).collect();
        // What turns an optional group on: the variables of the fields its
        // `enabled_by` names, else any of its variables; none of its own
        // when `enabled_if` chooses it by a value.
        group.enabled_by = match start.enabled_by {
            _ if !group.optional || !group.enabled_if.is_empty() => Vec::new(),
            [] => group.vars.clone(),
            switches => {
                let mut names = Vec::new();
                for var in vars {
                    let ident = var
                        .field
                        .strip_prefix(group.field.as_str())
                        .and_then(|rest| rest.strip_prefix('.'));
                    let Some(switch) = switches.iter().find(|s| Some(s.ident) == ident) else {
                        continue;
                    };
                    names.push(var.name.clone());
                    if !switch.off.is_empty() {
                        group.off.push((var.name.clone(), switch.off));
                    }
                    // As the load judges it: a default that does not mean
                    // off turns the group on while the switch is unset.
                    let on = match var.default {
                        Some(default) => !switch.says_off(default.as_ref()),
                        None => var.default_hidden,
                    };
                    if on {
                        group.on_by_default.push(var.name.clone());
                    }
                }
                names
            }
        };
        self.optional_group = start.outer_optional;
    }

    fn record_rule(&mut self, mut rule: RuleSchema) {
        // A rule of an optional group's struct is judged only while the
        // group is on; said so, the schema does not ask for more than the
        // loader does.
        if let Some(group) = &self.optional_group {
            rule.text = format!("{} (once the optional group {group} is on)", rule.text);
            rule.group = Some(group.clone());
        }
        self.rules.push(rule);
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }

    fn finish(self: Box<Self>) -> SchemaParts {
        SchemaParts {
            vars: self.vars,
            groups: self.groups,
            rules: self.rules,
            duplicates: self.duplicates,
        }
    }
}

impl Walker<'_> {
    /// Records the current variable of a describing walk. `required`: the
    /// field has no `Option`, so it is required unless it has a default.
    pub(super) fn record_schema(&mut self, field: &Field, parser: &dyn Slot, required: bool) {
        // Out of the walker while it records, since the walker names what
        // it records.
        if let Some(mut description) = self.description.take() {
            description.record_var(self, field, parser, required);
            self.description = Some(description);
        }
    }

    /// Starts describing a nested struct; `path` is its field path.
    pub(super) fn start_group(
        &mut self,
        path: String,
        doc: &'static str,
        optional: bool,
        nested: &Nested,
    ) -> Option<GroupStart> {
        // Out of the walker while it records, since the walker names what
        // it records.
        let mut description = self.description.take()?;
        let start = description.start_group(self, path, doc, optional, nested);
        self.description = Some(description);
        Some(start)
    }

    /// Ends a nested struct's description.
    pub(super) fn end_group(&mut self, start: GroupStart) {
        if let Some(description) = &mut self.description {
            description.end_group(start);
        }
    }

    /// Records a rule across variables: its members, each a field's
    /// variable or a group's variables.
    pub(super) fn record_rule(
        &mut self,
        kind: &'static str,
        members: Vec<Vec<String>>,
        equals: Option<&'static str>,
        text: String,
    ) {
        if let Some(description) = &mut self.description {
            description.record_rule(RuleSchema {
                kind,
                member_sizes: members.iter().map(Vec::len).collect(),
                vars: members.into_iter().flatten().collect(),
                equals,
                text,
                group: None,
            });
        }
    }
}
