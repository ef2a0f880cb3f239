//! Variables that no setting reads but that look meant for one: those under
//! the configuration's prefix, and, whatever the prefix, a known name in
//! another case or one edit away (`SIGNUPS_ALOWED`).
//!
//! The scan is linear in the environment: each name is looked up in a hash
//! map of the known names in upper case, and in an index of those names
//! with one character deleted, through its own deletions (the
//! symmetric-delete way of finding names one insertion, deletion,
//! substitution or transposition apart).

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::collections::{HashMap, HashSet};

use crate::error::ErrorKind;
use crate::loaded::Warning;
use crate::source::Source;
use crate::walk::Walker;
use crate::Config;

/// Names shorter than this are not judged near misses: short names are one
/// edit from many unrelated ones (`HOME` and `HOST`).
const NEAR_MISS_MIN_LEN: usize = 6;
/// Names longer than this are not indexed for near misses.
const NEAR_MISS_MAX_LEN: usize = 128;

/// What the scan found.
pub(crate) struct Scan {
    /// Variables under the prefix that no setting reads, sorted, each with
    /// a suggestion when a known name is close.
    pub(crate) unknown: Vec<(String, ErrorKind)>,
    /// Variables without the prefix that look like a known name mistyped.
    pub(crate) misspelled: Vec<Warning>,
}

/// Scans `source` for variables meant for `T` that no setting reads.
pub(crate) fn scan<T: Config>(source: &dyn Source) -> Scan {
    let prefix = T::__PREFIX;
    // The names alone: the schema's descriptions are not needed here.
    let mut walker = Walker::names::<T>();
    let _ = T::__visit(&mut walker);
    let found = walker.finish_names();
    let known: HashSet<&str> = found
        .vars
        .iter()
        .chain(&found.others)
        .map(String::as_str)
        .collect();
    let near = NearMisses::new(known.iter().copied());
    let mut unknown = Vec::new();
    let mut misspelled = Vec::new();
    source.for_each_name(&mut |name| {
        let Some(name) = name.to_str() else {
            return;
        };
        if known.contains(name) {
            return;
        }
        if !prefix.is_empty() && name.starts_with(prefix) {
            unknown.push(name.to_owned());
        } else if let Some((meant, case_only)) = near.find(name) {
            misspelled.push((name.to_owned(), meant, case_only));
        }
    });
    unknown.sort();
    misspelled.sort();
    // Every name read, `_FILE` variables and other names included: a
    // misspelt `_FILE` variable is closest to its own spelling.
    let names = || found.vars.iter().chain(&found.others).map(String::as_str);
    let unknown = unknown
        .into_iter()
        .map(|var| {
            let suggestion = crate::suggest::closest(&var, names()).map(str::to_owned);
            (var, ErrorKind::Unknown { suggestion })
        })
        .collect();
    let misspelled = misspelled
        .into_iter()
        .map(|(var, meant, case_only)| {
            let given = source.__given_by(&var);
            Warning::misspelled(var, meant, case_only, given.as_deref())
        })
        .collect();
    Scan {
        unknown,
        misspelled,
    }
}

/// The known names, for finding one that a set variable mistypes.
struct NearMisses<'k> {
    /// Each known name in ASCII upper case.
    upper: HashMap<String, &'k str>,
    /// Each known name long enough to judge, in upper case with one
    /// character deleted, to the names it comes from.
    deleted: HashMap<String, Vec<&'k str>>,
    /// The lengths of the indexed names: a name whose length is more than
    /// one away from all of them needs no deletions looked up.
    lengths: HashSet<usize>,
    /// The lengths of all known names: a name of none of them needs no
    /// look-up of its case either.
    all_lengths: HashSet<usize>,
}

impl<'k> NearMisses<'k> {
    #[inline]
    fn new(known: impl Iterator<Item = &'k str>) -> Self {
        let mut upper = HashMap::new();
        let mut deleted: HashMap<String, Vec<&'k str>> = HashMap::new();
        let mut lengths = HashSet::new();
        let mut all_lengths = HashSet::new();
        for name in known {
            let up = name.to_ascii_uppercase();
            all_lengths.insert(up.len());
            if judged(&up) {
                lengths.insert(up.len());
                for variant in deletions(&up) {
                    let names = deleted.entry(variant).or_default();
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
            upper.insert(up, name);
        }
        NearMisses {
            upper,
            deleted,
            lengths,
            all_lengths,
        }
    }

    /// The known name `name` mistypes, and whether only its case differs.
    #[inline]
    fn find(&self, name: &str) -> Option<(&'k str, bool)> {
        // Upper-casing keeps an ASCII name's length; a name with other
        // characters is compared all the same, only more slowly.
        let n = name.len();
        let near_length = (n.saturating_sub(1)..=n + 1).any(|l| self.lengths.contains(&l));
        if !near_length && !self.all_lengths.contains(&n) && name.is_ascii() {
            return None;
        }
        let up = name.to_ascii_uppercase();
        if let Some(&known) = self.upper.get(&up) {
            return Some((known, true));
        }
        if !judged(&up) || !near_length {
            return None;
        }
        // One character more than a known name: it is one of our deletions.
        if let Some(names) = self.deleted.get(&up) {
            return names.first().map(|&n| (n, false));
        }
        let mut buffer = String::with_capacity(up.len());
        for at in char_starts(&up) {
            delete_at(&up, at, &mut buffer);
            // One character less than a known name.
            if let Some(&known) = self.upper.get(buffer.as_str()) {
                return Some((known, false));
            }
            // One character replaced, or two neighbours swapped.
            if let Some(names) = self.deleted.get(buffer.as_str()) {
                let close = names
                    .iter()
                    .find(|n| one_edit(&up, &n.to_ascii_uppercase()));
                if let Some(&known) = close {
                    return Some((known, false));
                }
            }
        }
        None
    }
}

/// Whether a name is long enough to be judged a near miss, and short
/// enough to index.
#[inline]
fn judged(name: &str) -> bool {
    (NEAR_MISS_MIN_LEN..=NEAR_MISS_MAX_LEN).contains(&name.len())
}

#[inline]
fn char_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().map(|(at, _)| at)
}

#[inline]
fn delete_at(text: &str, at: usize, out: &mut String) {
    out.clear();
    out.push_str(&text[..at]);
    let next = text[at..].chars().next().map_or(0, char::len_utf8);
    out.push_str(&text[at + next..]);
}

/// `text` with each of its characters deleted in turn.
#[inline]
fn deletions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buffer = String::new();
    for at in char_starts(text) {
        delete_at(text, at, &mut buffer);
        out.push(buffer.clone());
    }
    out
}

/// Whether two names of the same length differ by one replaced character
/// or one swap of neighbours.
#[inline]
fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match differ.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near() -> NearMisses<'static> {
        NearMisses::new(["SIGNUPS_ALLOWED", "APP_API_KEY", "HOST", "DATABASE_URL"].into_iter())
    }

    #[test]
    fn a_known_name_in_another_case_is_found() {
        assert_eq!(near().find("app_api_key"), Some(("APP_API_KEY", true)));
        assert_eq!(near().find("host"), Some(("HOST", true)));
    }

    #[test]
    fn characters_exchanged_are_one_edit_only_as_neighbours() {
        // Two neighbours swapped is a typo one edit away; a character
        // moved two places (`LLO` typed `OLL`) is two edits, and no
        // suggestion, though a deletion of each gives the same text.
        assert_eq!(near().find("DATABASE_ULR"), Some(("DATABASE_URL", false)));
        assert_eq!(near().find("SIGNUPS_AOLLWED"), None);
    }

    #[test]
    fn one_edit_away_is_found_for_long_enough_names() {
        let near = near();
        assert_eq!(
            near.find("SIGNUPS_ALOWED"),
            Some(("SIGNUPS_ALLOWED", false))
        );
        assert_eq!(
            near.find("SIGNUPS_ALLLOWED"),
            Some(("SIGNUPS_ALLOWED", false))
        );
        assert_eq!(
            near.find("SIGNUPS_ALLOWDE"),
            Some(("SIGNUPS_ALLOWED", false))
        );
        assert_eq!(
            near.find("SIGNUPS_ALLOWEX"),
            Some(("SIGNUPS_ALLOWED", false))
        );
        assert_eq!(near.find("database_uri"), Some(("DATABASE_URL", false)));
    }

    #[test]
    fn unrelated_and_short_names_are_left_alone() {
        let near = near();
        for name in ["PATH", "HOME", "HOSTNAME", "SIGNUPS", "LANG", "DATABASE"] {
            assert_eq!(near.find(name), None, "{name}");
        }
        assert_eq!(near.find("SIGNUPS_ALOWD"), None, "two edits");
        // One character moved from one end to the other: each name less one
        // character is the same text, but they are two edits apart.
        assert_eq!(near.find("ATABASE_URLD"), None, "a character moved");
        assert_eq!(near.find("DATABSAE_URL"), Some(("DATABASE_URL", false)));
    }
}
