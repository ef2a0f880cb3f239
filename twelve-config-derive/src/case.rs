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

/// serde's `rename_all` rules, applied to variant names as serde applies them.
#[derive(Clone, Copy)]
pub(crate) enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    /// The spellings `rename_all` accepts, in serde's order.
    pub(crate) const NAMES: &'static str = "\"lowercase\", \"UPPERCASE\", \"PascalCase\", \"camelCase\", \"snake_case\", \"SCREAMING_SNAKE_CASE\", \"kebab-case\", \"SCREAMING-KEBAB-CASE\"";

    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// The variant's spelling under this rule. Variants are written in
    /// PascalCase, so serde's rules only lower the case and put a separator
    /// before each uppercase letter but the first (`Bits1_5` is `bits1_5`).
    pub(crate) fn apply(self, variant: &str) -> String {
        let variant = variant.strip_prefix("r#").unwrap_or(variant);
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            RenameRule::Snake => {
                let mut snake = String::new();
                for (i, c) in variant.char_indices() {
                    if i > 0 && c.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(c.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnake => RenameRule::Snake.apply(variant).to_ascii_uppercase(),
            RenameRule::Kebab => RenameRule::Snake.apply(variant).replace('_', "-"),
            RenameRule::ScreamingKebab => {
                RenameRule::ScreamingSnake.apply(variant).replace('_', "-")
            }
        }
    }
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
    fn renames_as_serde_does() {
        let all = |variant: &str| {
            [
                "lowercase",
                "UPPERCASE",
                "PascalCase",
                "camelCase",
                "snake_case",
                "SCREAMING_SNAKE_CASE",
                "kebab-case",
                "SCREAMING-KEBAB-CASE",
            ]
            .map(|name| RenameRule::from_name(name).unwrap().apply(variant))
        };
        assert_eq!(
            all("ForceTls"),
            [
                "forcetls",
                "FORCETLS",
                "ForceTls",
                "forceTls",
                "force_tls",
                "FORCE_TLS",
                "force-tls",
                "FORCE-TLS"
            ]
        );
        assert_eq!(all("Bits1_5")[4], "bits1_5");
        assert_eq!(all("Bits1_5")[6], "bits1-5");
        assert_eq!(all("HTTP2")[4], "h_t_t_p2");
        assert_eq!(all("Normal")[2], "Normal");
        assert!(RenameRule::from_name("snake").is_none());
        assert!(RenameRule::from_name("Lowercase").is_none());
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
