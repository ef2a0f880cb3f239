//! Case conversion of identifiers: a small table-free converter.

/// Splits an identifier into lowercase words at `_` and at lower-to-upper
/// case changes (`requestTimeout`, `RequestTimeout`, `request_timeout` all
/// give `request`, `timeout`).
fn words(ident: &str) -> Vec<String> {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in ident.chars() {
        if c == '_' {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `request_timeout` -> `REQUEST_TIMEOUT`; leading underscores are kept
/// (`_enable_smtp` -> `_ENABLE_SMTP`), since the name without them is a
/// different variable.
pub(crate) fn screaming_snake(ident: &str) -> String {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    let rest = ident.trim_start_matches('_');
    let leading = &ident[..ident.len() - rest.len()];
    format!("{leading}{}", words(rest).join("_").to_uppercase())
}

/// `JsonLines` -> `json-lines`.
pub(crate) fn kebab(ident: &str) -> String {
    words(ident).join("-")
}

/// `JsonLines` -> `json_lines`.
pub(crate) fn snake(ident: &str) -> String {
    words(ident).join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_leading_underscores() {
        assert_eq!(screaming_snake("_enable_smtp"), "_ENABLE_SMTP");
        assert_eq!(screaming_snake("__x"), "__X");
        assert_eq!(screaming_snake("r#_type"), "_TYPE");
        assert_eq!(screaming_snake("type_"), "TYPE");
    }

    #[test]
    fn converts() {
        assert_eq!(screaming_snake("request_timeout"), "REQUEST_TIMEOUT");
        assert_eq!(screaming_snake("r#type"), "TYPE");
        assert_eq!(screaming_snake("http2_port"), "HTTP2_PORT");
        assert_eq!(screaming_snake("maxConns"), "MAX_CONNS");
        assert_eq!(kebab("JsonLines"), "json-lines");
        assert_eq!(snake("JsonLines"), "json_lines");
        assert_eq!(kebab("Json"), "json");
        assert_eq!(kebab("HTTP2"), "http2");
    }
}
