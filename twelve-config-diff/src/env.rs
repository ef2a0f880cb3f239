//! A deployment's env file: `KEY=VALUE` lines, `#` comments, an optional
//! `export `, values in single quotes (literal) or double quotes (with `\n`,
//! `\"`, `\\` escapes, over several lines).
//!
//! Errors name the line, never its text: an env file holds secrets.

use std::collections::BTreeMap;

/// The variables an env file sets, by name; a later line wins.
#[derive(Debug, Default)]
pub(crate) struct EnvFile {
    vars: BTreeMap<String, String>,
}

impl EnvFile {
    /// Whether `name` is set to a non-empty value: an empty variable counts
    /// as unset for twelve-config unless the field allows empty values.
    pub(crate) fn is_set(&self, name: &str) -> bool {
        self.vars.get(name).is_some_and(|v| !v.is_empty())
    }

    /// The value of `name`, when it is set and not empty.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Parses an env file.
pub(crate) fn parse(text: &str) -> Result<EnvFile, String> {
    let mut env = EnvFile::default();
    let mut lines = text.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let number = index + 1;
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").map_or(line, str::trim_start);
        let Some((key, rest)) = line.split_once('=') else {
            return Err(format!("line {number}: expected KEY=VALUE"));
        };
        let key = key.trim_end();
        let valid_key = !key.is_empty()
            && !key.starts_with(|c: char| c.is_ascii_digit())
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        if !valid_key {
            return Err(format!("line {number}: expected a variable name before ="));
        }
        let rest = rest.trim_start();
        let value = if let Some(quoted) = rest.strip_prefix('\'') {
            let Some((value, after)) = quoted.split_once('\'') else {
                return Err(format!("line {number}: the single quote is not closed"));
            };
            trailing(after, number)?;
            value.to_owned()
        } else if let Some(quoted) = rest.strip_prefix('"') {
            let mut value = String::new();
            let mut current = quoted;
            loop {
                match double_quoted(current, &mut value) {
                    Some(after) => {
                        trailing(after, number)?;
                        break;
                    }
                    None => match lines.next() {
                        Some((_, next)) => {
                            value.push('\n');
                            current = next;
                        }
                        None => {
                            return Err(format!("line {number}: the double quote is not closed"))
                        }
                    },
                }
            }
            value
        } else {
            // An unquoted value ends at a ` #` comment.
            let end = rest.find(" #").or_else(|| rest.find("\t#"));
            rest[..end.unwrap_or(rest.len())].trim_end().to_owned()
        };
        env.vars.insert(key.to_owned(), value);
    }
    Ok(env)
}

/// Reads a double-quoted value up to its closing quote into `value`, and
/// returns what follows it; `None` when the line ends first.
fn double_quoted<'t>(text: &'t str, value: &mut String) -> Option<&'t str> {
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some(&text[at + 1..]),
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, 'r')) => value.push('\r'),
                Some((_, c @ ('"' | '\\' | '$' | '\''))) => value.push(c),
                Some((_, c)) => {
                    value.push('\\');
                    value.push(c);
                }
                None => value.push('\\'),
            },
            c => value.push(c),
        }
    }
    None
}

/// After a closing quote: only blanks or a comment.
fn trailing(after: &str, number: usize) -> Result<(), String> {
    let after = after.trim_start();
    if after.is_empty() || after.starts_with('#') {
        Ok(())
    } else {
        Err(format!(
            "line {number}: unexpected text after the closing quote"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_env_file_syntax() {
        let env = parse(
            "# a comment\n\
             A=1\n\
             export B = two words # comment\n\
             C='single # kept \\n'\n\
             D=\"dq \\\"x\\\" \\n y\" # c\n\
             E=\n\
             F=\"first\nsecond\"\n\
             \n   G=#not-a-comment\n",
        )
        .unwrap();
        assert_eq!(env.get("A"), Some("1"));
        assert_eq!(env.get("B"), Some("two words"));
        assert_eq!(env.get("C"), Some("single # kept \\n"));
        assert_eq!(env.get("D"), Some("dq \"x\" \n y"));
        assert!(!env.is_set("E"));
        assert_eq!(env.get("F"), Some("first\nsecond"));
        assert_eq!(env.get("G"), Some("#not-a-comment"));
    }

    #[test]
    fn errors_name_the_line_not_its_text() {
        assert_eq!(
            parse("A=1\nhunter2\n").unwrap_err(),
            "line 2: expected KEY=VALUE"
        );
        assert_eq!(
            parse("A='hunter2\n").unwrap_err(),
            "line 1: the single quote is not closed"
        );
        assert_eq!(
            parse("A=\"hunter2\n").unwrap_err(),
            "line 1: the double quote is not closed"
        );
        assert_eq!(
            parse("1A=x\n").unwrap_err(),
            "line 1: expected a variable name before ="
        );
        assert_eq!(
            parse("A='x' hunter2\n").unwrap_err(),
            "line 1: unexpected text after the closing quote"
        );
    }
}
