//! Where variables come from: the process environment or an explicit map.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::HashSet;
use std::ffi::{OsStr, OsString};

use crate::error::Error;
use crate::loaded::Origin;

/// A set of variables to load a configuration from.
///
/// [`Env`] is the process environment and [`Vars`] an explicit map; implement
/// it to load from anything else (a parsed `.env` file, a Kubernetes
/// ConfigMap, a test fixture).
///
/// Names are matched exactly, case included.
pub trait Source {
    /// The value of the variable `name`, if it is set.
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>>;

    /// Calls `visit` with the name of every variable that is set.
    ///
    /// Only used to find unknown variables under a prefix; loading never
    /// lists the variables, it looks each one up.
    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr));

    /// Whether this is the process environment, which the loader then reads
    /// directly rather than through this trait.
    #[doc(hidden)]
    fn __is_process_env(&self) -> bool {
        false
    }

    /// Where the value of `name` comes from, when not from the environment:
    /// `--print-config` shows it, and a rejected value's report entry
    /// notes it ("read from config.toml"). `None`, the default, says the
    /// environment. A source of the program's own, such as a configuration
    /// file layered under the environment, says so with [`Origin::Other`]:
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use std::ffi::OsStr;
    /// use twelve_config::{Config, Layered, Origin, Source, Vars};
    ///
    /// /// The values of `config.toml`, read by the service itself.
    /// struct ConfigFile(Vars);
    ///
    /// impl Source for ConfigFile {
    ///     fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
    ///         self.0.get(name)
    ///     }
    ///     fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
    ///         self.0.for_each_name(visit);
    ///     }
    ///     fn origin(&self, name: &str) -> Option<Origin> {
    ///         self.0.get(name).map(|_| Origin::Other("config.toml".into()))
    ///     }
    /// }
    ///
    /// #[derive(Config, Debug)]
    /// struct Settings {
    ///     port: u16,
    /// }
    ///
    /// // The environment (here, one without PORT) wins over the file.
    /// let file = ConfigFile(Vars::new([("PORT", "80a")]));
    /// let errors = Settings::from_source(&Layered::new(Vars::default(), file)).unwrap_err();
    /// assert_eq!(errors.get("PORT").unwrap().note(), Some("read from config.toml"));
    /// ```
    fn origin(&self, _name: &str) -> Option<Origin> {
        None
    }

    /// Where the value of `name` was given, when not by the environment,
    /// as a note for the report entry of a rejected value: "given by
    /// --port on the command line", "read from .env, line 3", worded from
    /// [`origin`](Self::origin). [`Env`] and [`Vars`] say nothing without
    /// linking the wording, so that a program reading only the environment
    /// does not carry it.
    #[doc(hidden)]
    fn __given_by(&self, name: &str) -> Option<String> {
        given_by(self.origin(name))
    }

    /// Problems of the source itself (a `.env` line that does not parse),
    /// which join the report of a load.
    #[doc(hidden)]
    fn __problems(&self) -> Vec<Error> {
        Vec::new()
    }

    /// Variables set in this source that a flag layered over it hides,
    /// each with the flag: the environment's `MEILI_DB_PATH` under
    /// `--db-path`. A load warns of each, so that what an operator set is
    /// not passed over in silence.
    #[doc(hidden)]
    fn __hidden_by_flags(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

/// [`Source::__given_by`] for a source whose [`Source::origin`] says
/// where a value was given.
pub(crate) fn given_by(origin: Option<Origin>) -> Option<String> {
    match origin? {
        Origin::CommandLine(flag) => Some(format!("given by {flag} on the command line")),
        Origin::Other(text) => Some(format!("read from {text}")),
        Origin::DotEnv { path, line } => Some(match line {
            Some(line) => format!("read from {}, line {line}", path.display()),
            None => format!("read from {}", path.display()),
        }),
        _ => None,
    }
}

/// The process environment, read one variable at a time.
///
/// Loading never copies the whole environment: each field is one look-up.
#[derive(Clone, Copy, Debug, Default)]
pub struct Env;

impl Source for Env {
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        std::env::var_os(name).map(Cow::Owned)
    }

    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        for (name, _) in std::env::vars_os() {
            visit(&name);
        }
    }

    fn __is_process_env(&self) -> bool {
        true
    }

    fn __given_by(&self, _name: &str) -> Option<String> {
        None
    }
}

/// An explicit set of variables, for tests and for embedding.
///
/// When a name occurs more than once, the last value wins, as it does when a
/// shell exports the same name twice.
///
/// ```
/// use twelve_config::{Source, Vars};
///
/// let vars = Vars::new([("PORT", "8080"), ("PORT", "9090")]);
/// assert_eq!(vars.get("PORT").unwrap().to_str(), Some("9090"));
/// assert!(vars.get("port").is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Vars {
    map: HashMap<OsString, OsString>,
}

impl Vars {
    /// Collects the variables; the last of duplicate names wins.
    pub fn new<I, K, V>(vars: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<OsString>,
        V: Into<OsString>,
    {
        Vars {
            map: vars
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// How many distinct variables there are.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

impl<K: Into<OsString>, V: Into<OsString>> FromIterator<(K, V)> for Vars {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Vars::new(iter)
    }
}

impl Source for Vars {
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        self.map
            .get(OsStr::new(name))
            .map(|v| Cow::Borrowed(v.as_os_str()))
    }

    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        for name in self.map.keys() {
            visit(name);
        }
    }

    fn __given_by(&self, _name: &str) -> Option<String> {
        None
    }
}

/// Two sources as one: a variable set in `over` wins, and `under` gives
/// the rest. [`Options::dotenv`](crate::Options::dotenv) puts the process
/// environment over a `.env` file this way.
///
/// ```
/// use twelve_config::{Layered, Source, Vars};
///
/// let real = Vars::new([("PORT", "9090")]);
/// let file = Vars::new([("PORT", "8080"), ("HOST", "localhost")]);
/// let both = Layered::new(real, file);
/// assert_eq!(both.get("PORT").unwrap().to_str(), Some("9090"));
/// assert_eq!(both.get("HOST").unwrap().to_str(), Some("localhost"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Layered<A, B> {
    over: A,
    under: B,
}

impl<A: Source, B: Source> Layered<A, B> {
    /// `over` wins over `under`.
    pub fn new(over: A, under: B) -> Self {
        Layered { over, under }
    }
}

impl<A: Source, B: Source> Source for Layered<A, B> {
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        self.over.get(name).or_else(|| self.under.get(name))
    }

    /// Each name once, though both sources set it.
    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        let mut seen: HashSet<OsString> = HashSet::new();
        self.over.for_each_name(&mut |name| {
            seen.insert(name.to_owned());
            visit(name);
        });
        self.under.for_each_name(&mut |name| {
            if !seen.contains(name) {
                visit(name);
            }
        });
    }

    fn origin(&self, name: &str) -> Option<Origin> {
        if self.over.get(name).is_some() {
            self.over.origin(name)
        } else {
            self.under.origin(name)
        }
    }

    fn __given_by(&self, name: &str) -> Option<String> {
        given_by(self.origin(name))
    }

    fn __problems(&self) -> Vec<Error> {
        let mut problems = self.under.__problems();
        problems.extend(self.over.__problems());
        problems
    }

    /// Only flags count: the environment over a `.env` file hides the
    /// file's values by design (the real environment wins), and says so in
    /// the documentation of `Options::dotenv`.
    fn __hidden_by_flags(&self) -> Vec<(String, String)> {
        let mut hidden = self.under.__hidden_by_flags();
        hidden.extend(self.over.__hidden_by_flags());
        self.over.for_each_name(&mut |name| {
            let Some(name) = name.to_str() else { return };
            if let Some(Origin::CommandLine(flag)) = self.over.origin(name) {
                // Once, though the flags name it twice (`-v`, `--log-level`).
                let listed = hidden.iter().any(|(var, _)| var == name);
                if !listed && self.under.get(name).is_some() {
                    hidden.push((name.to_owned(), flag));
                }
            }
        });
        hidden
    }
}

impl<S: Source> Source for Option<S> {
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        self.as_ref()?.get(name)
    }

    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        if let Some(source) = self {
            source.for_each_name(visit);
        }
    }

    fn origin(&self, name: &str) -> Option<Origin> {
        self.as_ref()?.origin(name)
    }

    fn __given_by(&self, name: &str) -> Option<String> {
        self.as_ref()?.__given_by(name)
    }

    fn __problems(&self) -> Vec<Error> {
        self.as_ref().map(Source::__problems).unwrap_or_default()
    }

    fn __hidden_by_flags(&self) -> Vec<(String, String)> {
        self.as_ref()
            .map(Source::__hidden_by_flags)
            .unwrap_or_default()
    }
}

impl<S: Source + ?Sized> Source for &S {
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        (**self).get(name)
    }

    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        (**self).for_each_name(visit);
    }

    fn __is_process_env(&self) -> bool {
        (**self).__is_process_env()
    }

    fn origin(&self, name: &str) -> Option<Origin> {
        (**self).origin(name)
    }

    fn __given_by(&self, name: &str) -> Option<String> {
        (**self).__given_by(name)
    }

    fn __problems(&self) -> Vec<Error> {
        (**self).__problems()
    }

    fn __hidden_by_flags(&self) -> Vec<(String, String)> {
        (**self).__hidden_by_flags()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(source: &dyn Source) -> Vec<String> {
        let mut names = Vec::new();
        source.for_each_name(&mut |name| names.push(name.to_string_lossy().into_owned()));
        names.sort();
        names
    }

    #[test]
    fn vars_count_distinct_names() {
        let vars = Vars::new([("PORT", "1"), ("HOST", "h"), ("PORT", "2")]);
        assert_eq!(vars.len(), 2);
        assert!(!vars.is_empty());
        let none = Vars::new(Vec::<(String, String)>::new());
        assert_eq!(none.len(), 0);
        assert!(none.is_empty());
        let collected: Vars = [("A", "1")].into_iter().collect();
        assert_eq!(collected.len(), 1);
        assert_eq!(names(&collected), ["A"]);
    }

    #[test]
    fn a_reference_reads_what_it_refers_to() {
        // Generic code takes `impl Source`; callers pass `&vars` to keep theirs.
        fn get(source: impl Source, name: &str) -> Option<String> {
            source.get(name).map(|v| v.to_string_lossy().into_owned())
        }
        fn listed(source: impl Source) -> Vec<String> {
            names(&source)
        }
        let vars = Vars::new([("PORT", "8080"), ("HOST", "db")]);
        assert_eq!(get(&vars, "PORT").as_deref(), Some("8080"));
        assert_eq!(get(&vars, "HOST").as_deref(), Some("db"));
        assert_eq!(get(&vars, "port"), None);
        assert_eq!(listed(&vars), ["HOST", "PORT"]);
        let dynamic: &dyn Source = &vars;
        assert_eq!(get(dynamic, "PORT").as_deref(), Some("8080"));
        assert_eq!(listed(dynamic), ["HOST", "PORT"]);
    }
}
