//! Values a service's own command line gives for variables: `--db-path`
//! over `MEILI_DB_PATH`, as services that use clap's `env` do.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};

use crate::loaded::Origin;
use crate::source::Source;

/// Variables overridden by flags of the service's own command line.
///
/// Layer it over the environment with [`Layered`](crate::Layered): a flag
/// given wins over its variable, its value is read, checked and reported
/// like any other (a rejected value names the variable, with a note naming
/// the flag), and `--print-config` shows the origin `command line --port`.
/// A variable the flag hides is not passed over in silence: the loads that
/// give warnings ([`Config::load`](crate::Config::load), and `load_or_exit`
/// and [`answer`](crate::answer) with the `cli` feature) warn that it is
/// not used, as they warn of unknown variables.
///
/// ```
/// use twelve_config::{Config, Layered, Origin, Overrides, Vars};
///
/// #[derive(Config)]
/// struct Settings {
///     #[config(default = 8080)]
///     port: u16,
/// }
///
/// let env = Vars::new([("PORT", "9000")]);
/// // What the service's parser found for its `--port` flag.
/// let flag: Option<&str> = Some("7000");
/// let overrides = Overrides::new().flag("--port", "PORT", flag);
/// let loaded = Settings::load(&Layered::new(overrides, env)).unwrap();
/// assert_eq!(loaded.config().port, 7000);
/// assert_eq!(loaded.vars()[0].origin(), &Origin::CommandLine("--port".into()));
/// let warning = &loaded.warnings()[0];
/// assert_eq!(warning.var(), "PORT");
/// assert_eq!(warning.message(), "not used: --port on the command line overrides it");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// The flag, the variable it overrides, and the value; a later one wins.
    given: Vec<(String, String, OsString)>,
}

impl Overrides {
    /// No override.
    #[inline]
    pub fn new() -> Self {
        Overrides::default()
    }

    /// The flag `flag` gave `value` for the variable `var` (the variable's
    /// full name, prefix included); `None` when the flag was not given, so
    /// that a parser's optional value can be passed as it is.
    #[must_use]
    #[inline]
    pub fn flag(
        mut self,
        flag: impl Into<String>,
        var: impl Into<String>,
        value: Option<impl Into<OsString>>,
    ) -> Self {
        if let Some(value) = value {
            self.given.push((flag.into(), var.into(), value.into()));
        }
        self
    }

    #[inline]
    fn find(&self, name: &str) -> Option<&(String, String, OsString)> {
        self.given.iter().rev().find(|(_, var, _)| var == name)
    }
}

impl Source for Overrides {
    #[inline]
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        self.find(name)
            .map(|(_, _, value)| Cow::Borrowed(value.as_os_str()))
    }

    #[inline]
    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        for (_, var, _) in &self.given {
            visit(OsStr::new(var));
        }
    }

    #[inline]
    fn origin(&self, name: &str) -> Option<Origin> {
        self.find(name)
            .map(|(flag, _, _)| Origin::CommandLine(flag.clone()))
    }

    #[inline]
    fn __given_by(&self, name: &str) -> Option<String> {
        crate::source::given_by(self.origin(name))
    }
}
