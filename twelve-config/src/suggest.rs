//! "Did you mean ...?": the closest known spelling to a mistyped one.

/// The candidate closest to `input` by edit distance (ignoring ASCII case),
/// when it is close enough to be a likely typo: at most one edit for short
/// words, up to a third of the length for longer ones.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_ascii_lowercase();
    let limit = (input.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&input, &c.to_ascii_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance in characters, with transpositions counted as one
/// edit (so `jsno` is one edit from `json`). Inputs are short names; the
/// quadratic table is fine.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Names longer than this are not typos of each other worth computing.
    if a.len().abs_diff(b.len()) > 8 || a.len() > 256 || b.len() > 256 {
        return usize::MAX;
    }
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_names_only() {
        assert_eq!(closest("jsno", ["json", "text"]), Some("json"));
        assert_eq!(closest("TEXT", ["json", "text"]), Some("text"));
        assert_eq!(closest("xml", ["json", "text"]), None);
        assert_eq!(
            closest("APP_DATABSE_URL", ["APP_PORT", "APP_DATABASE_URL"]),
            Some("APP_DATABASE_URL")
        );
        assert_eq!(closest("", ["a"]), Some("a"));
        assert_eq!(closest("anything", []), None);
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
