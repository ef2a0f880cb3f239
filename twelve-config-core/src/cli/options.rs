//! [`Options`]: what [`Config::load_or_exit_with`] reads besides the
//! process environment.

#[cfg(feature = "dotenv")]
use std::path::PathBuf;

#[cfg(feature = "dotenv")]
use crate::source::Source;
use crate::Config;

/// What [`Config::load_or_exit_with`] reads besides the process
/// environment: for now, a `.env` file for local development.
///
/// ```no_run
/// use twelve_config::{Config, Options};
///
/// #[derive(Config)]
/// #[config(prefix = "APP_")]
/// struct Settings {
///     port: u16,
/// }
///
/// // Reads ./.env if it exists, or the file APP_ENV_FILE names; variables
/// // set in the environment win over the file's.
/// let settings = Settings::load_or_exit_with(
///     Options::new().dotenv(".env").dotenv_var("APP_ENV_FILE"),
/// );
/// ```
///
/// # A `.env` file is for local development
///
/// The file holds what a developer would otherwise export by hand. In
/// production, set the variables in the environment (or `X_FILE` for
/// secrets) as the platform does: a `.env` file on a server is a second,
/// unversioned place where configuration and secrets live, it is read from
/// the working directory (which a service does not control), and a file
/// left behind by a deploy silently fills in what the platform forgot to
/// set. Whatever the file holds, a variable set in the environment wins,
/// so the file never overrides the platform. Check a deployment's file
/// before it runs with `app --check-config --env-file PATH` instead.
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct Options {
    #[cfg(feature = "dotenv")]
    dotenv: Option<PathBuf>,
    #[cfg(feature = "dotenv")]
    dotenv_var: Option<String>,
}

impl Options {
    /// Only the process environment.
    pub fn new() -> Self {
        Options::default()
    }

    /// Also read the `.env` file at `path` (relative to the working
    /// directory), under the process environment: a variable set in the
    /// environment wins. A missing file is no error, so that production,
    /// which has none, runs as it does without this option; a file that
    /// cannot be read or has a line that does not parse is a problem in the
    /// report, naming the file and the line. Values read from the file are
    /// parsed, checked and kept secret exactly as the environment's.
    #[cfg(feature = "dotenv")]
    pub fn dotenv(mut self, path: impl Into<PathBuf>) -> Self {
        self.dotenv = Some(path.into());
        self
    }

    /// Let the environment variable `name` (such as `APP_ENV_FILE`) give the
    /// `.env` file's path, instead of the path of [`Options::dotenv`]. When
    /// it is set, the file it names must exist.
    #[cfg(feature = "dotenv")]
    pub fn dotenv_var(mut self, name: impl Into<String>) -> Self {
        self.dotenv_var = Some(name.into());
        self
    }

    /// The `.env` file these options ask for, read, if there is one.
    #[cfg(feature = "dotenv")]
    fn read_dotenv(&self, env: &dyn Source) -> Option<crate::DotEnv> {
        if let Some(name) = &self.dotenv_var {
            if let Some(path) = env.get(name).filter(|p| !p.is_empty()) {
                return Some(crate::DotEnv::read_named(
                    std::path::Path::new(&*path),
                    name,
                ));
            }
        }
        let path = self.dotenv.as_ref()?;
        path.exists()
            .then(|| crate::DotEnv::read_named(path, &path.to_string_lossy()))
    }
}

/// [`Config::load_or_exit_with`].
pub(crate) fn load_or_exit_with<T: Config>(options: &Options) -> T {
    #[cfg(feature = "dotenv")]
    if let Some(file) = options.read_dotenv(&crate::Env) {
        let source = crate::source::Layered::new(crate::Env, file);
        // With the flags, `handle_args` adds the file's problems to the
        // report; without them, so does this.
        #[cfg(feature = "cli")]
        return super::load_or_exit::<T>(&source);
        #[cfg(not(feature = "cli"))]
        return super::load_or_exit_joined::<T>(&source);
    }
    let _ = options;
    super::load_or_exit::<T>(&crate::Env)
}
