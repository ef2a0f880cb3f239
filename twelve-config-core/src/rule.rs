//! Rules across fields: `#[config(validate = path)]`.

/// Problems found by a struct's validation function.
///
/// The function runs after every field loaded; each problem names the fields
/// involved, and the report shows their variables' full names (prefix
/// included), in the same report as every other problem.
///
/// ```
/// use twelve_config::{Config, Problems, SecretString, ExposeSecret};
///
/// #[derive(Config, Debug)]
/// #[config(prefix = "APP_", validate = Settings::check)]
/// struct Settings {
///     #[config(default = "development")]
///     env: String,
///     master_key: Option<SecretString>,
/// }
///
/// impl Settings {
///     fn check(&self) -> Result<(), Problems> {
///         let mut problems = Problems::new();
///         if self.env == "production" {
///             match &self.master_key {
///                 None => problems.add(["master_key", "env"], "required when APP_ENV is production"),
///                 Some(key) if key.expose_secret().len() < 16 => {
///                     problems.add(["master_key"], "must be at least 16 bytes in production")
///                 }
///                 Some(_) => {}
///             }
///         }
///         problems.into_result()
///     }
/// }
///
/// let errors = Settings::from_vars([("APP_ENV", "production")]).unwrap_err();
/// assert_eq!(
///     errors.to_string(),
///     "error: 1 configuration problem\n  APP_MASTER_KEY, APP_ENV  required when APP_ENV is production"
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    list: Vec<(Vec<String>, String)>,
}

impl Problems {
    /// No problems yet.
    pub fn new() -> Self {
        Problems::default()
    }

    /// Adds a problem involving `fields` (field names of the struct, or full
    /// variable names). The message must not quote a secret's value.
    pub fn add<I, S>(&mut self, fields: I, message: impl Into<String>)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.list
            .push((fields.into_iter().map(Into::into).collect(), message.into()));
    }

    /// Whether no problem was added.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// `Ok(())` when empty, the problems otherwise.
    ///
    /// # Errors
    ///
    /// `self`, when a problem was added.
    pub fn into_result(self) -> Result<(), Problems> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    pub(crate) fn into_list(self) -> Vec<(Vec<String>, String)> {
        self.list
    }
}
