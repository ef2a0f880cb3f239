//! What operators are told a field expects when its parser is the
//! program's own code (`from_str`, `with`) and no `expected` says it: the
//! code's name in words.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

/// A type's or function's name as words an operator can read: the last
/// path segment without generic arguments, split into lowercase words, a
/// leading `parse` dropped (`regex::Regex` is "regex", `cli::clap_bool` is
/// "clap bool", `parse_log_level` is "log level").
#[inline]
pub(crate) fn in_words(name: &str) -> String {
    let name = name.split('<').next().unwrap_or(name);
    let last = name.rsplit("::").next().unwrap_or(name);
    let last = last.strip_prefix("r#").unwrap_or(last);
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in last.chars() {
        let boundary = c == '_' || (c.is_uppercase() && previous_lower);
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c != '_' {
            word.extend(c.to_lowercase());
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        words.push(word);
    }
    if words.len() > 1 && words[0] == "parse" {
        words.remove(0);
    }
    if words.is_empty() {
        "text".to_owned()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_words() {
        assert_eq!(in_words("regex::regex::string::Regex"), "regex");
        assert_eq!(in_words("clap_bool"), "clap bool");
        assert_eq!(in_words("crate::cli::parse_log_level"), "log level");
        assert_eq!(in_words("parse"), "parse");
        assert_eq!(in_words("ipnet::IpNet"), "ip net");
        assert_eq!(in_words("semver::VersionReq"), "version req");
        assert_eq!(in_words("my::Wrapper<alloc::string::String>"), "wrapper");
        assert_eq!(in_words("HTTP2Settings"), "http2 settings");
        assert_eq!(in_words(""), "text");
    }
}
