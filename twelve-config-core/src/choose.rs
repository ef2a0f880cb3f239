//! Reading a unit enum (`#[derive(EnvValue)]`): the variant a text names,
//! or a "did you mean" hint when it names none.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use crate::suggest::closest;
use crate::value::ValueError;

/// The index of the variant whose spellings contain `text` (exactly, or
/// ignoring ASCII case unless `case_sensitive`); otherwise an error
/// suggesting a choice: the closest spelling when one is a likely typo, else
/// the only variant that a spelling starting with `text` names (`prod` for
/// `production`).
///
/// `choices[i]` is the spelling shown for variant `i`.
///
/// # Errors
///
/// When no spelling matches.
#[inline]
pub fn choose(
    text: &str,
    spellings: &[&[&str]],
    choices: &[&'static str],
    case_sensitive: bool,
) -> Result<usize, ValueError> {
    let matches = |name: &&str| {
        if case_sensitive {
            *name == text
        } else {
            name.eq_ignore_ascii_case(text)
        }
    };
    if let Some(index) = spellings.iter().position(|names| names.iter().any(matches)) {
        return Ok(index);
    }
    let variant = closest(
        text,
        spellings.iter().flat_map(|names| names.iter().copied()),
    )
    .and_then(|near| spellings.iter().position(|names| names.contains(&near)))
    .or_else(|| only_prefix_of(text, spellings));
    Err(match variant.and_then(|i| choices.get(i)) {
        Some(choice) => ValueError::new(format!("did you mean {choice:?}?")),
        None => ValueError::new(""),
    })
}

/// The only variant with a spelling that starts with `text` (ignoring ASCII
/// case), when `text` is at least two characters: one letter says too
/// little to guess from.
#[inline]
fn only_prefix_of(text: &str, spellings: &[&[&str]]) -> Option<usize> {
    text.chars().nth(1)?;
    let starts = |name: &&str| {
        name.len() > text.len()
            && name.is_char_boundary(text.len())
            && name[..text.len()].eq_ignore_ascii_case(text)
    };
    let mut found = spellings
        .iter()
        .enumerate()
        .filter(|(_, names)| names.iter().any(starts))
        .map(|(i, _)| i);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPELLINGS: &[&[&str]] = &[
        &["production", "prod-eu"],
        &["staging"],
        &["development"],
        &["dev-local"],
    ];
    const CHOICES: &[&str] = &["production", "staging", "development", "dev-local"];

    fn reason(text: &str, case_sensitive: bool) -> String {
        choose(text, SPELLINGS, CHOICES, case_sensitive)
            .unwrap_err()
            .reason()
            .to_owned()
    }

    #[test]
    fn matches_any_spelling_in_the_chosen_case() {
        assert_eq!(choose("prod-eu", SPELLINGS, CHOICES, true), Ok(0));
        assert_eq!(choose("STAGING", SPELLINGS, CHOICES, false), Ok(1));
        assert!(choose("STAGING", SPELLINGS, CHOICES, true).is_err());
        assert_eq!(reason("Staging", true), "did you mean \"staging\"?");
    }

    #[test]
    fn suggests_a_typo_fix_then_a_unique_prefix() {
        assert_eq!(reason("stagign", false), "did you mean \"staging\"?");
        assert_eq!(reason("prod", false), "did you mean \"production\"?");
        assert_eq!(reason("PRODUC", true), "did you mean \"production\"?");
        assert_eq!(reason("stag", false), "did you mean \"staging\"?");
        // Two variants start with `dev`: no guess.
        assert_eq!(reason("dev", false), "");
        assert_eq!(reason("devel", false), "did you mean \"development\"?");
        // One letter is too little to guess from.
        assert_eq!(reason("s", false), "");
        assert_eq!(reason("qa", false), "");
        // A prefix that ends inside a multibyte character does not panic.
        assert_eq!(
            choose("abc", &[&["\u{e9}\u{e9}x"]], &["x"], false)
                .unwrap_err()
                .reason(),
            ""
        );
    }
}
