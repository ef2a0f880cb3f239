//! The schema: every variable a configuration reads, described, and (with
//! the `cli` feature) its renderings for terminals, READMEs, tools, `.env`
//! files and Kubernetes.

#[cfg(feature = "cli")]
mod dotenv;
#[cfg(feature = "cli")]
mod format;
#[cfg(feature = "cli")]
mod json;
#[cfg(feature = "cli")]
mod json_schema;
#[cfg(feature = "cli")]
mod kubernetes;
#[cfg(feature = "cli")]
mod markdown;
#[cfg(feature = "cli")]
mod render;
#[cfg(feature = "cli")]
mod text;

#[cfg(feature = "cli")]
pub use format::SchemaFormat;

/// Every variable a configuration reads, in field order, from
/// [`Config::schema`](crate::Config::schema).
///
/// No value is ever read to build it: it describes the program, not the
/// environment, so it is safe to publish.
///
/// ```
/// use twelve_config::Config;
///
/// #[derive(Config)]
/// #[config(prefix = "APP_")]
/// struct Settings {
///     /// TCP port to listen on.
///     #[config(default = 8080)]
///     port: u16,
/// }
///
/// let schema = Settings::schema();
/// let port = &schema.vars()[0];
/// assert_eq!(port.name(), "APP_PORT");
/// assert_eq!(port.expected(), "integer 0..=65535");
/// assert_eq!(port.default(), Some("8080"));
/// assert_eq!(port.description(), "TCP port to listen on.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schema {
    prefix: &'static str,
    vars: Vec<VarSchema>,
    groups: Vec<GroupSchema>,
    rules: Vec<RuleSchema>,
    /// Variables that two fields read, with the fields' paths.
    pub(crate) duplicates: Vec<(String, String, String)>,
}

/// A nested struct of a [`Schema`]: a group of variables, with the doc
/// comment of the field or of its struct.
///
/// ```
/// use twelve_config::Config;
///
/// /// Outgoing mail.
/// #[derive(Config)]
/// struct Smtp {
///     host: String,
///     #[config(default = 587)]
///     port: u16,
/// }
///
/// #[derive(Config)]
/// #[config(prefix = "APP_")]
/// struct Settings {
///     #[config(nested)]
///     smtp: Option<Smtp>,
/// }
///
/// let schema = Settings::schema();
/// let smtp = &schema.groups()[0];
/// assert_eq!(smtp.field(), "smtp");
/// assert_eq!(smtp.description(), "Outgoing mail.");
/// assert!(smtp.is_optional());
/// assert_eq!(smtp.vars(), ["APP_SMTP_HOST", "APP_SMTP_PORT"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupSchema {
    pub(crate) field: String,
    pub(crate) description: &'static str,
    pub(crate) optional: bool,
    pub(crate) vars: Vec<String>,
    pub(crate) enabled_by: Vec<String>,
    pub(crate) enabled_if: Vec<(String, &'static str)>,
    pub(crate) off: Vec<(String, &'static [&'static str])>,
    pub(crate) on_by_default: Vec<String>,
}

impl GroupSchema {
    /// The nested field's path, such as `storage.s3`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The doc comment of the nested field, else of its struct.
    pub fn description(&self) -> &str {
        self.description
    }

    /// Whether the group is an optional one (`Option<T>`): off while none
    /// of its variables is set.
    pub fn is_optional(&self) -> bool {
        self.optional
    }

    /// The variables of the group, nested groups' included.
    pub fn vars(&self) -> &[String] {
        &self.vars
    }

    /// For an optional group, the variables any of which turns it on: those
    /// of the fields its `#[config(enabled_by(..))]` names, else all of its
    /// variables. Empty for a group that is always there, and for one that
    /// [`enabled_if`](Self::enabled_if) chooses by a value.
    pub fn enabled_by(&self) -> &[String] {
        &self.enabled_by
    }

    /// The variables of [`enabled_by`](Self::enabled_by) named by the
    /// group's `#[config(enabled_by(..))]` whose default turns the group
    /// on: while such a switch is unset, the group is on (a `bool`
    /// defaulting to `true`); set to a value that means off, it leaves the
    /// group off unless another switch turns it on.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config)]
    /// struct Video {
    ///     #[config(default = true)]
    ///     enable: bool,
    ///     #[config(default = 3840)]
    ///     max_width: u32,
    /// }
    ///
    /// #[derive(Config)]
    /// struct Media {
    ///     #[config(nested, enabled_by(enable))]
    ///     video: Option<Video>,
    /// }
    ///
    /// let schema = Media::schema();
    /// assert_eq!(schema.groups()[0].on_by_default(), ["VIDEO_ENABLE"]);
    /// assert!(Media::from_vars([("UNRELATED", "x")]).unwrap().video.is_some());
    /// assert!(Media::from_vars([("VIDEO_ENABLE", "false")]).unwrap().video.is_none());
    /// ```
    pub fn on_by_default(&self) -> &[String] {
        &self.on_by_default
    }

    /// For an optional group with `#[config(enabled_if(..))]`, the
    /// variables (of the struct declaring the group) and the values with
    /// which they turn it on, any of them; its own variables then do not.
    /// Empty for any other group.
    ///
    /// ```
    /// use twelve_config::{Config, EnvValue};
    ///
    /// #[derive(EnvValue, PartialEq)]
    /// enum Storage {
    ///     File,
    ///     S3,
    /// }
    ///
    /// #[derive(Config)]
    /// struct S3 {
    ///     bucket: String,
    /// }
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     #[config(default = "file")]
    ///     storage: Storage,
    ///     #[config(nested, enabled_if(storage = "s3"))]
    ///     s3: Option<S3>,
    /// }
    ///
    /// let schema = Settings::schema();
    /// let s3 = &schema.groups()[0];
    /// assert_eq!(s3.enabled_if(), [("STORAGE".to_owned(), "s3")]);
    /// assert!(s3.enabled_by().is_empty());
    /// ```
    pub fn enabled_if(&self) -> &[(String, &'static str)] {
        &self.enabled_if
    }

    /// The variables of [`enabled_if`](Self::enabled_if), each once.
    pub(crate) fn enabled_if_vars(&self) -> Vec<String> {
        self.enabled_if_by_var()
            .into_iter()
            .map(|(var, _)| var)
            .collect()
    }

    /// [`enabled_if`](Self::enabled_if) by variable: each once, with its
    /// values in order.
    pub(crate) fn enabled_if_by_var(&self) -> Vec<(String, Vec<&'static str>)> {
        let mut by_var: Vec<(String, Vec<&'static str>)> = Vec::new();
        for (var, value) in &self.enabled_if {
            match by_var.iter_mut().find(|(v, _)| v == var) {
                Some((_, values)) => values.push(value),
                None => by_var.push((var.clone(), vec![value])),
            }
        }
        by_var
    }

    /// For a variable of [`enabled_by`](Self::enabled_by) named by the
    /// group's `#[config(enabled_by(..))]`, the values with which it does
    /// not turn the group on ([`EnvValue::OFF`](crate::EnvValue::OFF): for
    /// a `bool`, `false`, `0`, `no` and `off`, in any case). Empty for
    /// any other variable.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config)]
    /// struct Smtp {
    ///     enabled: bool,
    ///     host: String,
    /// }
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     #[config(nested, enabled_by(enabled))]
    ///     smtp: Option<Smtp>,
    /// }
    ///
    /// let schema = Settings::schema();
    /// let smtp = &schema.groups()[0];
    /// assert_eq!(smtp.enabled_by(), ["SMTP_ENABLED"]);
    /// assert_eq!(smtp.off_values("SMTP_ENABLED"), ["false", "0", "no", "off"]);
    /// assert!(smtp.off_values("SMTP_HOST").is_empty());
    /// ```
    pub fn off_values(&self, var: &str) -> &'static [&'static str] {
        self.off
            .iter()
            .find(|(name, _)| name == var)
            .map_or(&[], |(_, off)| *off)
    }
}

/// A rule across variables of a [`Schema`], such as "at most one of
/// `IMPORT_DUMP`, `IMPORT_SNAPSHOT` may be set".
///
/// ```
/// use twelve_config::Config;
///
/// #[derive(Config)]
/// #[config(at_most_one(import_dump, import_snapshot))]
/// struct Settings {
///     import_dump: Option<String>,
///     import_snapshot: Option<String>,
/// }
///
/// let schema = Settings::schema();
/// let rule = &schema.rules()[0];
/// assert_eq!(rule.kind(), "at_most_one");
/// assert_eq!(rule.vars(), ["IMPORT_DUMP", "IMPORT_SNAPSHOT"]);
/// assert_eq!(rule.text(), "at most one of IMPORT_DUMP, IMPORT_SNAPSHOT may be set");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSchema {
    pub(crate) kind: &'static str,
    pub(crate) vars: Vec<String>,
    /// How many of `vars`, in order, each member of the rule stands for.
    pub(crate) member_sizes: Vec<usize>,
    pub(crate) equals: Option<&'static str>,
    pub(crate) text: String,
    pub(crate) group: Option<String>,
}

impl RuleSchema {
    /// The kind of rule: `at_most_one`, `exactly_one`, `at_least_one`,
    /// `all_or_none`, `requires`, `conflicts_with`, `required_if`, `check`,
    /// `warn_check` (whose failure is a warning) or `validate`.
    pub fn kind(&self) -> &str {
        self.kind
    }

    /// The variables involved; for `requires`, `conflicts_with` and
    /// `required_if`, the declaring variable first.
    pub fn vars(&self) -> &[String] {
        &self.vars
    }

    /// What the rule names, in order, each with its variables: one for a
    /// field, all of its variables for an optional group (which counts as
    /// set when any of them is). [`vars`](Self::vars) is these, in a row.
    pub fn members(&self) -> Vec<&[String]> {
        let mut rest = self.vars.as_slice();
        let mut members = Vec::new();
        for &size in &self.member_sizes {
            let (member, after) = rest.split_at(size.min(rest.len()));
            members.push(member);
            rest = after;
        }
        members
    }

    /// For `required_if`: the value, as the condition field's type reads
    /// this text, that the condition field must have.
    pub fn equals(&self) -> Option<&str> {
        self.equals
    }

    /// The rule in words; for a rule of an optional group, with when it
    /// applies.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The field path of the optional group whose struct declares the
    /// rule (the innermost, when groups nest): the rule applies only while
    /// that group is on. `None` for a rule that always applies.
    ///
    /// ```
    /// use twelve_config::Config;
    ///
    /// #[derive(Config)]
    /// #[config(at_least_one(access_key, role_arn))]
    /// struct S3 {
    ///     access_key: Option<String>,
    ///     role_arn: Option<String>,
    ///     bucket: Option<String>,
    /// }
    ///
    /// #[derive(Config)]
    /// struct Settings {
    ///     #[config(nested)]
    ///     s3: Option<S3>,
    /// }
    ///
    /// let schema = Settings::schema();
    /// let rule = &schema.rules()[0];
    /// assert_eq!(rule.group(), Some("s3"));
    /// assert_eq!(
    ///     rule.text(),
    ///     "at least one of S3_ACCESS_KEY, S3_ROLE_ARN must be set \
    ///      (once the optional group s3 is on)"
    /// );
    /// ```
    pub fn group(&self) -> Option<&str> {
        self.group.as_deref()
    }
}

/// One variable of a [`Schema`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarSchema {
    pub(crate) name: String,
    pub(crate) field: String,
    pub(crate) expected: String,
    pub(crate) choices: &'static [&'static str],
    pub(crate) required: bool,
    pub(crate) default: Option<&'static str>,
    pub(crate) default_hidden: bool,
    pub(crate) computed: Option<String>,
    pub(crate) none: Option<&'static str>,
    pub(crate) secret: bool,
    pub(crate) credential: bool,
    pub(crate) description: &'static str,
    pub(crate) file_var: Option<String>,
    pub(crate) aliases: &'static [&'static str],
    pub(crate) fallbacks: &'static [&'static str],
    pub(crate) deprecated: Option<&'static str>,
    pub(crate) group: Option<String>,
    pub(crate) invalid_is_unset: bool,
    /// `empty = "value"` (or `allow_empty`): the empty string is a value,
    /// not unset.
    pub(crate) empty_is_value: bool,
}

/// What a describing walk found.
#[derive(Default)]
pub(crate) struct SchemaParts {
    pub(crate) vars: Vec<VarSchema>,
    pub(crate) groups: Vec<GroupSchema>,
    pub(crate) rules: Vec<RuleSchema>,
    /// A variable that two fields read: the name and both fields' paths.
    pub(crate) duplicates: Vec<(String, String, String)>,
}

impl Schema {
    pub(crate) fn new(described: SchemaParts) -> Self {
        Schema {
            prefix: "",
            vars: described.vars,
            groups: described.groups,
            rules: described.rules,
            duplicates: described.duplicates,
        }
    }

    /// One problem per variable that two fields read (a nested struct's
    /// field and one of its parent's can have one name): a bug in the
    /// program, which [`Config::check_defaults`](crate::Config::check_defaults)
    /// finds in a unit test and `--check-config` before a release.
    pub(crate) fn read_twice(&self) -> Vec<crate::Error> {
        self.duplicates
            .iter()
            .map(|(var, first, second)| {
                let message =
                    format!("bug in the program: the fields {first} and {second} both read {var}");
                crate::Error::new(
                    var.clone(),
                    second.clone(),
                    crate::ErrorKind::Rule { message },
                )
            })
            .collect()
    }

    pub(crate) fn with_prefix(mut self, prefix: &'static str) -> Self {
        self.prefix = prefix;
        self
    }

    /// The configuration's `#[config(prefix = ...)]`; empty when it has none.
    pub fn prefix(&self) -> &str {
        self.prefix
    }

    /// The variables, in field order (nested structs in place).
    pub fn vars(&self) -> &[VarSchema] {
        &self.vars
    }

    /// The nested structs, in field order (outer before inner).
    pub fn groups(&self) -> &[GroupSchema] {
        &self.groups
    }

    /// The rules across variables, in the order the structs declare them.
    pub fn rules(&self) -> &[RuleSchema] {
        &self.rules
    }

    /// The variable with this name, if the configuration reads it.
    pub fn var(&self, name: &str) -> Option<&VarSchema> {
        self.vars.iter().find(|v| v.name == name)
    }
}

impl VarSchema {
    /// The variable's full name, prefix included.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The field's path, such as `workers.threads`.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What the variable holds, such as `integer 0..=65535`.
    pub fn expected(&self) -> &str {
        &self.expected
    }

    /// The accepted spellings, for enums; empty otherwise.
    pub fn choices(&self) -> &[&'static str] {
        self.choices
    }

    /// Whether the variable must be set: it has no default (written or
    /// computed) and is not optional. A required variable in an optional group is required only
    /// once the group is in use (see [`group`](Self::group)).
    pub fn is_required(&self) -> bool {
        self.required
    }

    /// The default, as the text a variable would hold; `None` for a
    /// secret, whose default is never shown (see
    /// [`has_hidden_default`](Self::has_hidden_default)).
    pub fn default(&self) -> Option<&str> {
        self.default
    }

    /// Whether the variable is a secret with a default written in the
    /// program, which applies when it is unset but which no rendering
    /// shows (the tables and `.env` say `hidden`; the JSON Schema and
    /// Kubernetes take the variable as optional).
    ///
    /// ```
    /// use twelve_config::{Config, SecretString};
    ///
    /// #[derive(Config)]
    /// struct Admin {
    ///     /// The admin page's password; change it in production.
    ///     #[config(default = "m1cr0b1n")]
    ///     password: SecretString,
    /// }
    ///
    /// let schema = Admin::schema();
    /// let password = &schema.vars()[0];
    /// assert!(password.has_hidden_default());
    /// assert_eq!(password.default(), None);
    /// assert!(!password.is_required());
    /// assert!(!schema.to_text().contains("m1cr0b1n"));
    /// ```
    pub fn has_hidden_default(&self) -> bool {
        self.default_hidden
    }

    /// A default the program computes (`#[config(default_with = ...)]`),
    /// in words such as `APP_DATA_FOLDER/attachments`.
    pub fn computed_default(&self) -> Option<&str> {
        self.computed.as_deref()
    }

    /// For an `Option` setting that is on by default: the text that
    /// switches it off (`#[config(none = "off")]`).
    pub fn none(&self) -> Option<&str> {
        self.none
    }

    /// Whether the value may carry a password although the field is not
    /// secret: a URL type's. Renderings keep such a variable out of plain
    /// manifests.
    pub fn is_credential(&self) -> bool {
        self.credential
    }

    /// Names read, without a warning, when the variable is unset
    /// (`#[config(fallback = ...)]`).
    pub fn fallbacks(&self) -> &[&'static str] {
        self.fallbacks
    }

    /// Why the setting is deprecated, and what to do instead
    /// (`#[config(deprecated = "...")]`): setting it gives this warning.
    pub fn deprecated(&self) -> Option<&str> {
        self.deprecated
    }

    /// Whether a value the type rejects is warned about and read as unset
    /// (`#[config(invalid = "unset")]`) rather than reported: the program
    /// then starts with the default.
    pub fn invalid_is_unset(&self) -> bool {
        self.invalid_is_unset
    }

    /// Whether the value is secret.
    pub fn is_secret(&self) -> bool {
        self.secret
    }

    /// The field's doc comment, trimmed; empty when it has none.
    pub fn description(&self) -> &str {
        self.description
    }

    /// The `_FILE` variable that may name a file holding the value, for
    /// secrets and `#[config(file)]` fields.
    pub fn file_var(&self) -> Option<&str> {
        self.file_var.as_deref()
    }

    /// Deprecated names still read when the variable is unset.
    pub fn aliases(&self) -> &[&'static str] {
        self.aliases
    }

    /// For a variable of an optional group, the group's field path such as
    /// `s3` (see [`Schema::groups`]): the group is off while none of its
    /// variables is set.
    pub fn group(&self) -> Option<&str> {
        self.group.as_deref()
    }
}
