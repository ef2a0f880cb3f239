//! The configuration flags, answered in process by `handle_args` and
//! `answer` with explicit variables and captured output.

// The configurations here exist to be described and loaded; tests read
// only some of their fields.
#![allow(dead_code)]

use std::borrow::Cow;
use std::cell::Cell;
use std::ffi::OsStr;

use twelve_config::{handle_args, Action, Config, Source, Vars};

mod answers;
mod env_file;
mod flags;
mod json;
mod load;
mod own_parser;

/// What one call of `handle_args` did.
pub(crate) struct Outcome<T> {
    pub(crate) action: Action<T>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl<T> Outcome<T> {
    pub(crate) fn status(&self) -> Option<i32> {
        match self.action {
            Action::Exit(code) => Some(code),
            Action::Run(_) => None,
            _ => unreachable!("no other action"),
        }
    }

    fn config(self) -> T {
        match self.action {
            Action::Run(config) => config,
            _ => panic!("expected a configuration, stderr: {}", self.stderr),
        }
    }
}

pub(crate) fn run<T: Config>(args: &[&str], source: &dyn Source) -> Outcome<T> {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let action = handle_args::<T>(args, source, &mut stdout, &mut stderr);
    Outcome {
        action,
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

const REQUIRED: [(&str, &str); 2] = [
    ("TOUR_PUBLIC_URL", "https://tour.example/"),
    ("TOUR_API_KEY", "sk_live_1234"),
];

pub(crate) fn vars(extra: &[(&str, &str)]) -> Vars {
    Vars::new(REQUIRED.iter().chain(extra).copied())
}

/// A source that counts every look-up.
#[derive(Default)]
struct Counting {
    gets: Cell<usize>,
    lists: Cell<usize>,
}

impl Source for Counting {
    fn get(&self, _name: &str) -> Option<Cow<'_, OsStr>> {
        self.gets.set(self.gets.get() + 1);
        None
    }

    fn for_each_name(&self, _visit: &mut dyn FnMut(&OsStr)) {
        self.lists.set(self.lists.get() + 1);
    }
}
