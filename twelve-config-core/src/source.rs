//! Where variables come from: the process environment or an explicit map.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};

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
