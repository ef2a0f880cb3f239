//! `.env` files as a [`Source`]: for local development
//! ([`Options::dotenv`](crate::Options::dotenv)) and for checking a
//! deployment's variables before it runs (`--check-config --env-file PATH`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use zeroize::Zeroize;

use crate::error::{Error, ErrorKind};
use crate::loaded::Origin;
use crate::source::Source;

/// Files larger than this are refused: a `.env` file is a few kilobytes.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// The variables of a `.env` file, parsed with
/// [dotenvy](https://docs.rs/dotenvy) without touching the process
/// environment.
///
/// The format is dotenvy's: `KEY=value` lines, an optional `export `, `#`
/// comments, single and double quotes (a quoted value may span lines), and
/// `${OTHER}` substitution from the process environment or earlier lines.
/// When a name is set twice, the later line wins, as when a shell reads the
/// file.
///
/// A file that cannot be read or a line that does not parse is not fatal
/// here: it is kept as a problem, with the file and line, and
/// [`Config::load_or_exit_with`](crate::Config::load_or_exit_with) and
/// `--check-config --env-file` add it to the load's report (a service that
/// loads it with [`Config::from_source`](crate::Config::from_source) checks
/// [`DotEnv::problems`] itself). The text of a
/// line that does not parse is never shown: it may hold a secret. Values
/// are overwritten in memory when the `DotEnv` is dropped.
///
/// ```
/// use twelve_config::{Config, DotEnv, Source};
///
/// #[derive(Config)]
/// #[config(prefix = "APP_")]
/// struct Settings {
///     port: u16,
/// }
///
/// let file = DotEnv::parse(".env", "# local\nexport APP_PORT=8080\nAPP_NAME='billing'\n");
/// assert!(file.problems().is_empty());
/// assert_eq!(file.get("APP_NAME").unwrap().to_str(), Some("billing"));
/// assert_eq!(Settings::from_source(&file).unwrap().port, 8080);
///
/// let broken = DotEnv::parse(".env", "APP_PORT=8080\nnot a variable\n");
/// assert_eq!(
///     broken.problems()[0].to_string(),
///     ".env: cannot use file \".env\": line 2: not a KEY=value line (at character 5)"
/// );
/// ```
pub struct DotEnv {
    path: PathBuf,
    /// Name, value, and the line (from 1) where it is set.
    vars: HashMap<String, (String, Option<u32>)>,
    problems: Vec<Error>,
}

impl DotEnv {
    /// Reads the file at `path`; a missing or unreadable file is a problem
    /// of the result (see [`DotEnv::problems`]).
    pub fn read(path: impl AsRef<Path>) -> DotEnv {
        let path = path.as_ref();
        DotEnv::read_named(path, &path.to_string_lossy())
    }

    /// Reads `path`, whose problems the report puts under `named_by`: the
    /// variable or flag that gave the path.
    pub(crate) fn read_named(path: &Path, named_by: &str) -> DotEnv {
        let mut file = DotEnv {
            path: path.to_owned(),
            vars: HashMap::new(),
            problems: Vec::new(),
        };
        match read_limited(path) {
            Ok(bytes) => file.parse_bytes(&bytes, named_by),
            Err(reason) => file.problem(named_by, reason),
        }
        file
    }

    /// Parses `text` as the contents of a file at `path` (which is only
    /// used to name the file).
    pub fn parse(path: impl AsRef<Path>, text: &str) -> DotEnv {
        let path = path.as_ref();
        let mut file = DotEnv {
            path: path.to_owned(),
            vars: HashMap::new(),
            problems: Vec::new(),
        };
        file.parse_bytes(text.as_bytes(), &path.to_string_lossy());
        file
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many distinct variables the file sets.
    pub fn len(&self) -> usize {
        self.vars.len()
    }

    /// Whether the file sets no variable.
    pub fn is_empty(&self) -> bool {
        self.vars.is_empty()
    }

    /// What went wrong reading the file: each line that does not parse,
    /// or the file that cannot be read, naming the file and the line but
    /// never the line's text. Empty when all is well.
    pub fn problems(&self) -> &[Error] {
        &self.problems
    }

    fn problem(&mut self, named_by: &str, reason: String) {
        let kind = ErrorKind::file(&self.path, reason);
        self.problems.push(Error::new(named_by, "", kind));
    }

    fn parse_bytes(&mut self, bytes: &[u8], named_by: &str) {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let line = line_at(bytes, error.valid_up_to());
                return self.problem(named_by, format!("line {line}: not valid UTF-8"));
            }
        };
        // dotenvy does not say where an entry is: find each one's line
        // after the previous one's.
        let mut cursor = 0;
        for item in dotenvy::from_read_iter(text.as_bytes()) {
            match item {
                Ok((name, value)) => {
                    let line = find_assignment(text, &mut cursor, &name);
                    if let Some((mut old, _)) = self.vars.insert(name, (value, line)) {
                        old.zeroize();
                    }
                }
                // dotenvy gives the text it was parsing, the whole line or
                // only the value after `=`, and the place in that text.
                Err(dotenvy::Error::LineParse(mut line_text, at)) => {
                    let found = find_text(text, &mut cursor, &line_text);
                    line_text.zeroize();
                    // A place past the line's end (an unterminated quote,
                    // a value over several lines) is not given.
                    let reason = match found {
                        Some((line, before, content)) if before + at < content.chars().count() => {
                            let place = before + at;
                            match spaced_value(content, place) {
                                Some(name) => format!(
                                    "line {line}: the value of {name} has a space outside \
                                     quotes (at character {}): quote it, as in {name}=\"a b\"",
                                    place + 1
                                ),
                                None => format!(
                                    "line {line}: not a KEY=value line (at character {})",
                                    place + 1
                                ),
                            }
                        }
                        Some((line, ..)) => format!("line {line}: not a KEY=value line"),
                        None => "a line: not a KEY=value line".to_owned(),
                    };
                    self.problem(named_by, reason);
                }
                Err(error) => self.problem(named_by, error.to_string()),
            }
        }
    }
}

/// The file's bytes, unless it is missing, unreadable or too large.
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_FILE_BYTES {
        return Err(format!("larger than {MAX_FILE_BYTES} bytes"));
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

/// The line (from 1) of byte `at`.
fn line_at(bytes: &[u8], at: usize) -> u32 {
    let newlines = bytes[..at].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

/// The line, from `cursor` on, that assigns `name` (`name=`, `name =` or
/// `export name=`); moves `cursor` past it.
fn find_assignment(text: &str, cursor: &mut usize, name: &str) -> Option<u32> {
    let mut at = *cursor;
    for line in text[*cursor..].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_start();
        let trimmed = trimmed
            .strip_prefix("export")
            .filter(|rest| rest.starts_with([' ', '\t']))
            .map_or(trimmed, str::trim_start);
        let assigns = trimmed
            .strip_prefix(name)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if assigns {
            *cursor = at;
            return Some(line_at(text.as_bytes(), start));
        }
    }
    None
}

/// The line, from `cursor` on, where `needle` starts, how many characters
/// precede it on that line, and the line; moves `cursor` past it.
fn find_text<'a>(text: &'a str, cursor: &mut usize, needle: &str) -> Option<(u32, usize, &'a str)> {
    let needle = needle.trim_end();
    // The first place outside a comment: the same text in a comment above
    // (an example of the line) is not what dotenvy read.
    let (found, line_start) = text[*cursor..]
        .match_indices(needle)
        .map(|(at, _)| {
            let found = *cursor + at;
            let line_start = text[..found].rfind('\n').map_or(0, |newline| newline + 1);
            (found, line_start)
        })
        .find(|&(_, line_start)| !text[line_start..].trim_start().starts_with('#'))?;
    *cursor = found + needle.len();
    let line = text[line_start..].lines().next().unwrap_or_default();
    let before = text[line_start..found].chars().count();
    Some((line_at(text.as_bytes(), found), before, line))
}

/// The name assigned on `line` when the character at `place` follows a
/// space in an unquoted value (`SIZE=200 MB`): Docker's `--env-file`,
/// Compose and systemd read such a line as it is, while dotenv, like a
/// shell, ends the value at the space; the report then says what to do.
fn spaced_value(line: &str, place: usize) -> Option<String> {
    let before: String = line.chars().take(place).collect();
    let (name, typed) = before.split_once('=')?;
    let typed = typed.trim_start();
    if typed.starts_with(['"', '\'']) || !typed.contains([' ', '\t']) {
        return None;
    }
    // After `export `, when the line has it.
    name.split_whitespace().last().map(str::to_owned)
}

impl Drop for DotEnv {
    fn drop(&mut self) {
        for (value, _) in self.vars.values_mut() {
            value.zeroize();
        }
    }
}

impl std::fmt::Debug for DotEnv {
    /// The path and the names; never the values.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<&str> = self.vars.keys().map(String::as_str).collect();
        names.sort_unstable();
        f.debug_struct("DotEnv")
            .field("path", &self.path)
            .field("names", &names)
            .field("problems", &self.problems)
            .finish()
    }
}

impl Source for DotEnv {
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        self.vars
            .get(name)
            .map(|(value, _)| Cow::Borrowed(OsStr::new(value.as_str())))
    }

    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        for name in self.vars.keys() {
            visit(OsStr::new(name));
        }
    }

    fn origin(&self, name: &str) -> Option<Origin> {
        let (_, line) = self.vars.get(name)?;
        Some(Origin::DotEnv {
            path: self.path.clone(),
            line: *line,
        })
    }

    fn __given_by(&self, name: &str) -> Option<String> {
        crate::source::given_by(self.origin(name))
    }

    fn __problems(&self) -> Vec<Error> {
        self.problems.clone()
    }
}

/// Several files read as one, a later file winning over an earlier one,
/// as with repeated `--env-file`.
#[cfg(feature = "cli")]
pub(crate) struct Files(Vec<DotEnv>);

#[cfg(feature = "cli")]
impl Files {
    pub(crate) fn read(paths: &[PathBuf]) -> Files {
        Files(
            paths
                .iter()
                .map(|path| DotEnv::read_named(path, "--env-file"))
                .collect(),
        )
    }

    fn with(&self, name: &str) -> Option<&DotEnv> {
        self.0
            .iter()
            .rev()
            .find(|file| file.vars.contains_key(name))
    }
}

#[cfg(feature = "cli")]
impl Source for Files {
    fn get(&self, name: &str) -> Option<Cow<'_, OsStr>> {
        self.with(name)?.get(name)
    }

    fn for_each_name(&self, visit: &mut dyn FnMut(&OsStr)) {
        let mut names: Vec<&str> = self
            .0
            .iter()
            .flat_map(|file| file.vars.keys().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            visit(OsStr::new(name));
        }
    }

    fn origin(&self, name: &str) -> Option<Origin> {
        self.with(name)?.origin(name)
    }

    fn __given_by(&self, name: &str) -> Option<String> {
        self.with(name)?.__given_by(name)
    }

    fn __problems(&self) -> Vec<Error> {
        self.0
            .iter()
            .flat_map(|file| file.problems.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_past_the_line_is_not_given() {
        let file = DotEnv::parse("x.env", "A=1\nB=\"open\nC=2\nD=3\n");
        let messages: Vec<String> = file.problems().iter().map(Error::message).collect();
        assert_eq!(
            messages,
            ["cannot use file \"x.env\": line 2: not a KEY=value line"]
        );
        // Just past the end: a name alone, which dotenvy places after it.
        let file = DotEnv::parse("x.env", "A=1\nB\n");
        let messages: Vec<String> = file.problems().iter().map(Error::message).collect();
        assert_eq!(
            messages,
            ["cannot use file \"x.env\": line 2: not a KEY=value line"]
        );
    }

    #[test]
    fn a_problem_is_placed_in_its_line_not_in_a_comment_quoting_it() {
        // After the entry before it, as a comment introducing the line.
        let text = "A=1\n# e.g. APP_LOG=two words\nAPP_LOG=two words\n";
        let file = DotEnv::parse("x.env", text);
        let messages: Vec<String> = file.problems().iter().map(Error::message).collect();
        assert_eq!(
            messages,
            [
                "cannot use file \"x.env\": line 3: the value of APP_LOG has a space outside \
              quotes (at character 13): quote it, as in APP_LOG=\"a b\""
            ]
        );
    }

    #[test]
    fn a_problem_in_a_value_is_placed_in_its_line() {
        // dotenvy places a problem in a value from the value's start.
        // A space in an unquoted value, which Docker's `--env-file` reads
        // as part of the value, is said to be one.
        let text = "A=1\n  APP_LOG=two words\nexport APP_KEY = my secret\nB=\"x\" y\nC=${X\n";
        let file = DotEnv::parse("x.env", text);
        let messages: Vec<String> = file.problems().iter().map(Error::message).collect();
        assert_eq!(
            messages,
            [
                "cannot use file \"x.env\": line 2: the value of APP_LOG has a space outside \
                 quotes (at character 15): quote it, as in APP_LOG=\"a b\"",
                "cannot use file \"x.env\": line 3: the value of APP_KEY has a space outside \
                 quotes (at character 21): quote it, as in APP_KEY=\"a b\"",
                "cannot use file \"x.env\": line 4: not a KEY=value line (at character 7)",
                "cannot use file \"x.env\": line 5: not a KEY=value line (at character 5)",
            ]
        );
    }

    #[test]
    fn lines_are_found_for_each_entry_and_each_problem() {
        let text = "# comment\n\nexport A=1\nB = 'two\nlines'\n  C=3\nbad line\nA=4\n";
        let file = DotEnv::parse("x.env", text);
        let origin = |name| file.origin(name);
        let at = |line| {
            Some(Origin::DotEnv {
                path: "x.env".into(),
                line: Some(line),
            })
        };
        assert_eq!(origin("A"), at(8));
        assert_eq!(origin("B"), at(4));
        assert_eq!(origin("C"), at(6));
        assert_eq!(file.get("A").unwrap().to_str(), Some("4"));
        assert_eq!(file.get("B").unwrap().to_str(), Some("two\nlines"));
        assert_eq!(file.problems().len(), 1);
        assert_eq!(
            file.problems()[0].message(),
            "cannot use file \"x.env\": line 7: not a KEY=value line (at character 5)"
        );
    }

    #[test]
    fn a_problem_never_shows_the_line() {
        let file = DotEnv::parse("x.env", "TOKEN hunter2\nKEY='unterminated hunter2\n");
        let shown = format!("{:?} {:?}", file.problems(), file);
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(file.problems().len(), 2, "{shown}");
        assert!(shown.contains("line 1"), "{shown}");
        assert!(shown.contains("line 2"), "{shown}");
    }

    /// A file under the temporary directory, removed on drop.
    struct Temp(PathBuf);

    impl Temp {
        fn with(name: &str, contents: &[u8]) -> Temp {
            let path = std::env::temp_dir().join(format!(
                "twelve-config-dotenv-{}-{name}",
                std::process::id()
            ));
            std::fs::write(&path, contents).unwrap();
            Temp(path)
        }
    }

    impl Drop for Temp {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    #[test]
    fn a_file_read_from_disk_tells_its_path_and_names_but_no_value() {
        let temp = Temp::with("read.env", b"B=secret-b\nA=secret-a\nA=again\n");
        let file = DotEnv::read(&temp.0);
        assert_eq!(file.path(), temp.0.as_path());
        assert_eq!(file.len(), 2);
        assert!(!file.is_empty());
        assert!(file.problems().is_empty());
        assert_eq!(
            format!("{file:?}"),
            format!(
                "DotEnv {{ path: {:?}, names: [\"A\", \"B\"], problems: [] }}",
                temp.0
            )
        );
        let comments = DotEnv::parse("empty.env", "# nothing set here\n");
        assert!(comments.is_empty());
        assert_eq!(comments.len(), 0);
        assert_eq!(comments.path(), Path::new("empty.env"));

        let missing = DotEnv::read("/nonexistent/twelve-config.env");
        assert!(missing.is_empty());
        assert_eq!(missing.problems().len(), 1);
        assert!(
            missing.problems()[0].message().contains("No such file"),
            "{missing:?}"
        );
    }

    #[test]
    fn a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_not() {
        let limit = usize::try_from(MAX_FILE_BYTES).unwrap();
        // `A=` and a newline around a value that fills the file.
        let mut contents = b"A=".to_vec();
        contents.resize(limit - 1, b'x');
        contents.push(b'\n');
        let temp = Temp::with("limit.env", &contents);
        let file = DotEnv::read(&temp.0);
        assert!(file.problems().is_empty(), "{file:?}");
        assert_eq!(file.get("A").unwrap().len(), limit - 3);

        contents.insert(2, b'x');
        let temp = Temp::with("over.env", &contents);
        let file = DotEnv::read(&temp.0);
        assert!(file.is_empty());
        assert_eq!(
            file.problems()[0].message(),
            format!(
                "cannot use file {:?}: larger than 1048576 bytes",
                temp.0.display().to_string()
            )
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_a_problem_with_their_line() {
        let mut file = DotEnv {
            path: "x.env".into(),
            vars: HashMap::new(),
            problems: Vec::new(),
        };
        file.parse_bytes(b"A=1\nB=\xff\n", "x.env");
        assert_eq!(
            file.problems()[0].message(),
            "cannot use file \"x.env\": line 2: not valid UTF-8"
        );
    }
}
