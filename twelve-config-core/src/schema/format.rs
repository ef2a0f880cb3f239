//! The schema's output formats, chosen with `--print-schema=FORMAT`.

use std::fmt;
use std::str::FromStr;

use super::Schema;
use crate::usage::UsageError;

/// A rendering of a [`Schema`], chosen with `--print-schema=FORMAT`.
///
/// Parse one from its name with [`str::parse`]; [`SchemaFormat::name`] gives
/// it back.
///
/// ```
/// use twelve_config::SchemaFormat;
///
/// assert_eq!("markdown".parse::<SchemaFormat>().unwrap(), SchemaFormat::Markdown);
/// assert_eq!("k8s".parse::<SchemaFormat>().unwrap(), SchemaFormat::Kubernetes);
/// assert_eq!(
///     "yaml".parse::<SchemaFormat>().unwrap_err().to_string(),
///     "unknown schema format \"yaml\": expected one of: text, markdown, json, dotenv, kubernetes, json-schema"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SchemaFormat {
    /// `text`: an aligned table for the terminal, with the columns `NAME`,
    /// `TYPE`, `DEFAULT` (the default, or `required` or `optional`), `SECRET`
    /// and `DESCRIPTION`. See [`Schema::to_text`].
    Text,
    /// `markdown` (or `md`): a table to paste into a README. See
    /// [`Schema::to_markdown`].
    Markdown,
    /// `json`: a stable, versioned shape for tools. See [`Schema::to_json`].
    Json,
    /// `dotenv` (or `env`): a `.env.example` file. See [`Schema::to_dotenv`].
    Dotenv,
    /// `kubernetes` (or `k8s`): the `env:` list of a container spec, secrets
    /// read from a Kubernetes Secret. See [`Schema::to_kubernetes`].
    Kubernetes,
    /// `json-schema`: a JSON Schema (draft 2020-12) to validate an
    /// environment with. See [`Schema::to_json_schema`].
    JsonSchema,
}

impl SchemaFormat {
    /// Every format, in the order the usage message lists them.
    pub const ALL: [SchemaFormat; 6] = [
        SchemaFormat::Text,
        SchemaFormat::Markdown,
        SchemaFormat::Json,
        SchemaFormat::Dotenv,
        SchemaFormat::Kubernetes,
        SchemaFormat::JsonSchema,
    ];

    /// The format's name, as `--print-schema=NAME` takes it.
    pub fn name(self) -> &'static str {
        match self {
            SchemaFormat::Text => "text",
            SchemaFormat::Markdown => "markdown",
            SchemaFormat::Json => "json",
            SchemaFormat::Dotenv => "dotenv",
            SchemaFormat::Kubernetes => "kubernetes",
            SchemaFormat::JsonSchema => "json-schema",
        }
    }

    /// The names of every format, comma-separated.
    pub(crate) fn names() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
        names.join(", ")
    }
}

impl fmt::Display for SchemaFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SchemaFormat {
    type Err = UsageError;

    /// Takes a format's name or its short form (`md`, `env`, `k8s`), in
    /// lower case.
    fn from_str(name: &str) -> Result<Self, UsageError> {
        let format = match name {
            "text" => SchemaFormat::Text,
            "markdown" | "md" => SchemaFormat::Markdown,
            "json" => SchemaFormat::Json,
            "dotenv" | "env" => SchemaFormat::Dotenv,
            "kubernetes" | "k8s" => SchemaFormat::Kubernetes,
            "json-schema" => SchemaFormat::JsonSchema,
            _ => {
                return Err(UsageError::new(format!(
                    "unknown schema format {}: expected one of: {}",
                    crate::error::quote_value(name),
                    Self::names()
                )))
            }
        };
        Ok(format)
    }
}

impl Schema {
    /// The schema in `format`; Kubernetes output names the Secret
    /// [`default_secret_name`](Self::default_secret_name).
    pub fn render(&self, format: SchemaFormat) -> String {
        match format {
            SchemaFormat::Text => self.to_text(),
            SchemaFormat::Markdown => self.to_markdown(),
            SchemaFormat::Json => self.to_json(),
            SchemaFormat::Dotenv => self.to_dotenv(),
            SchemaFormat::Kubernetes => self.to_kubernetes(&self.default_secret_name()),
            SchemaFormat::JsonSchema => self.to_json_schema(),
        }
    }
}
