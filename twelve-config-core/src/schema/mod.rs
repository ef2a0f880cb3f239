//! The schema: every variable a configuration reads, described, and its
//! renderings for terminals, READMEs, tools, `.env` files and Kubernetes.

mod dotenv;
mod format;
mod json;
mod json_schema;
mod kubernetes;
mod markdown;
mod render;
mod text;

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
    pub(crate) secret: bool,
    pub(crate) description: &'static str,
    pub(crate) file_var: Option<String>,
    pub(crate) aliases: &'static [&'static str],
    pub(crate) group: Option<String>,
}

impl Schema {
    pub(crate) fn new(vars: Vec<VarSchema>) -> Self {
        Schema { prefix: "", vars }
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

    /// Whether the variable must be set: it has no default and is not
    /// optional. A required variable in an optional group is required only
    /// once the group is in use (see [`group`](Self::group)).
    pub fn is_required(&self) -> bool {
        self.required
    }

    /// The default, as the text a variable would hold.
    pub fn default(&self) -> Option<&str> {
        self.default
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

    /// For a variable of an optional group, the group's name pattern such as
    /// `APP_S3_*`: the group is off when none of its variables is set.
    pub fn group(&self) -> Option<&str> {
        self.group.as_deref()
    }
}
