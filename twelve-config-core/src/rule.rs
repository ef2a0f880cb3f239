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
///
/// A rule that should not stop the program adds a warning instead, which
/// joins the warnings of the load (the program still gets its
/// configuration):
///
/// ```
/// use twelve_config::{Config, Problems, Vars};
///
/// #[derive(Config, Debug)]
/// #[config(prefix = "CACHE_", validate = Cache::check)]
/// struct Cache {
///     s3_bucket: Option<String>,
///     redis_url: Option<String>,
/// }
///
/// impl Cache {
///     fn check(&self) -> Result<(), Problems> {
///         let mut problems = Problems::new();
///         if self.s3_bucket.is_some() && self.redis_url.is_some() {
///             problems.warn(["redis_url", "s3_bucket"], "both backends are set: S3 is used");
///         }
///         problems.into_result()
///     }
/// }
///
/// let both = Vars::new([("CACHE_S3_BUCKET", "b"), ("CACHE_REDIS_URL", "redis://h")]);
/// let loaded = Cache::load(&both).unwrap();
/// assert_eq!(
///     loaded.warnings()[0].to_string(),
///     "warning: CACHE_REDIS_URL, CACHE_S3_BUCKET: both backends are set: S3 is used"
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    list: Entries,
    warnings: Entries,
}

/// Each entry: the fields (or variables) it names, and its message.
type Entries = Vec<(Vec<String>, String)>;

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

    /// Adds a warning involving `fields` (named as for [`add`](Self::add)):
    /// the load still succeeds, and the warning joins the others
    /// ([`Loaded::warnings`](crate::Loaded::warnings), printed by
    /// `load_or_exit`). For what the program can work around but the
    /// operator should hear of: two backends set where one is used, a
    /// setting that another makes pointless. The message must not quote a
    /// secret's value.
    pub fn warn<I, S>(&mut self, fields: I, message: impl Into<String>)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.warnings
            .push((fields.into_iter().map(Into::into).collect(), message.into()));
    }

    /// Whether nothing was added: no problem and no warning.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.warnings.is_empty()
    }

    /// `Ok(())` when empty, `self` otherwise: return it from the
    /// `validate` function, whose caller reports the problems and gives
    /// the warnings (a load with warnings only succeeds).
    ///
    /// # Errors
    ///
    /// `self`, when a problem or a warning was added.
    pub fn into_result(self) -> Result<(), Problems> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// The problems, then the warnings.
    pub(crate) fn into_lists(self) -> (Entries, Entries) {
        (self.list, self.warnings)
    }
}
