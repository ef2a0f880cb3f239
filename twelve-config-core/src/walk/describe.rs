//! What a describing walk records: the schema's variables, groups and
//! rules.

use super::read::Slot;
use super::{Field, Mode, Walker};
use crate::schema::{GroupSchema, RuleSchema, SchemaParts, VarSchema};

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
    pub(super) fn finish(self) -> SchemaParts {
        SchemaParts {
            vars: self.vars,
            groups: self.groups,
            rules: self.rules,
            duplicates: self.duplicates,
        }
    }
}

/// Where a group's description started, for [`Walker::end_group`].
pub(super) struct GroupStart {
    group: usize,
    vars: usize,
    outer_optional: Option<String>,
}

impl Walker<'_> {
    fn description(&mut self) -> Option<&mut Description> {
        match &mut self.mode {
            Mode::Describe(description) => Some(description),
            Mode::Load { .. } => None,
        }
    }

    /// Records the current variable of a describing walk. `required`: the
    /// field has no `Option`, so it is required unless it has a default.
    pub(super) fn record_schema(&mut self, field: &Field, parser: &dyn Slot, required: bool) {
        let secret = parser.secret();
        let computed = field.computed.as_ref().map(|computed| match computed.doc {
            Some(doc) => doc.to_owned(),
            None if computed.inputs.is_empty() => "computed by the program".to_owned(),
            None => {
                let names: Vec<String> = computed.inputs.iter().map(|f| self.name_of(f)).collect();
                format!("computed from {}", names.join(", "))
            }
        });
        self.set_name(field);
        let var = VarSchema {
            name: self.var().to_owned(),
            field: self.field_path(field),
            expected: parser.expected().into_owned(),
            choices: parser.choices(),
            required: required && field.default.is_none() && computed.is_none(),
            default: field.default,
            computed,
            none: field.none,
            secret,
            credential: parser.credential() && !secret,
            description: field.doc(),
            file_var: self.reads_file(field, secret).then(|| self.file_var()),
            aliases: field.aliases,
            fallbacks: field.fallbacks,
            group: None,
        };
        let Some(description) = self.description() else {
            return;
        };
        let reader = std::ptr::from_ref(field) as usize;
        if let Some(at) = description.vars.iter().position(|v| v.name == var.name) {
            if description.readers[at] != reader {
                let first = description.vars[at].field.clone();
                description.duplicates.push((var.name, first, var.field));
            }
            return;
        }
        description.readers.push(reader);
        let var = VarSchema {
            group: description.optional_group.clone(),
            ..var
        };
        description.vars.push(var);
    }

    /// Starts describing a nested struct; `path` is its field path.
    pub(super) fn start_group(
        &mut self,
        path: String,
        doc: &'static str,
        optional: bool,
    ) -> Option<GroupStart> {
        let description = self.description()?;
        let start = GroupStart {
            group: description.groups.len(),
            vars: description.vars.len(),
            outer_optional: description.optional_group.clone(),
        };
        if optional {
            description.optional_group = Some(path.clone());
        }
        description.groups.push(GroupSchema {
            field: path,
            description: doc,
            optional,
            vars: Vec::new(),
        });
        Some(start)
    }

    /// Ends a nested struct's description: its variables are those
    /// recorded since it started.
    pub(super) fn end_group(&mut self, start: GroupStart) {
        if let Some(description) = self.description() {
            let vars = description.vars[start.vars..]
                .iter()
                .map(|v| v.name.clone())
                .collect();
            description.groups[start.group].vars = vars;
            description.optional_group = start.outer_optional;
        }
    }

    /// Records a rule across variables.
    pub(super) fn record_rule(
        &mut self,
        kind: &'static str,
        vars: Vec<String>,
        equals: Option<&'static str>,
        text: String,
    ) {
        if let Some(description) = self.description() {
            description.rules.push(RuleSchema {
                kind,
                vars,
                equals,
                text,
            });
        }
    }
}
