//! "Did you mean ...?": the closest known spelling to a mistyped one.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

/// The candidate closest to `input` (ignoring ASCII case), when it is
/// close enough to be a likely typo; else the one candidate that `input`
/// begins (at least three characters), such as `production` for `prod`.
///
/// Closeness is judged on what differs: the start and end the two share
/// are set aside, so that a long shared prefix (`MEILI_EXPERIMENTAL_`) does
/// not make unrelated endings look close. What remains may differ by at
/// most a third of the input's length; where both names have characters
/// of their own, by a single edit, or by at most three edits and half of
/// itself (`ADRES` for `ADDRESS`; a longer difference within the half is one
/// whose parts share a middle, such as `GIF__MAX_WIDTH` and
/// `MAGICK__MAX_HEIGHT`, not a typo).
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input: Vec<char> = input.to_ascii_lowercase().chars().collect();
    let limit = (input.len() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    let mut prefix_of: Option<Option<&'a str>> = None;
    let mut other = Vec::new();
    for candidate in candidates {
        other.clear();
        other.extend(candidate.chars().map(|c| c.to_ascii_lowercase()));
        // (An equal candidate is a start too, but it is also at distance 0,
        // which wins over any hint.)
        if input.len() >= 3 && other.starts_with(&input) {
            // A second candidate with the same start makes the hint useless.
            prefix_of = Some(match prefix_of {
                None => Some(candidate),
                Some(_) => None,
            });
        }
        // The distance is at least the difference in length: most names of a
        // large environment are ruled out here without building a table.
        let within = best.map_or(limit, |(d, _)| d.saturating_sub(1));
        if other.len().abs_diff(input.len()) > within {
            continue;
        }
        if let Some(d) = differing_distance(&input, &other, within) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c).or(prefix_of.flatten())
}

/// The most edits taken for a typo where both names have characters of
/// their own (characters only added or only removed may be more).
const MAX_TYPO_EDITS: usize = 3;

/// The edit distance of what `a` and `b` do not share at their start and
/// end, when it is a likely typo: at most `limit`, and a single edit or at
/// most three and half of the longer differing part.
#[inline]
fn differing_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - end], &b[..b.len() - end]);
    if a.is_empty() || b.is_empty() {
        let d = a.len().max(b.len());
        return (d <= limit).then_some(d);
    }
    let d = edit_distance(a, b, limit.min(MAX_TYPO_EDITS))?;
    (d <= 1 || d * 2 <= a.len().max(b.len())).then_some(d)
}

/// Levenshtein distance in characters, with transpositions counted as one
/// edit (so `jsno` is one edit from `json`), when it is at most `limit`.
///
/// Rows are computed one at a time and the work stops as soon as a row
/// exceeds the limit, so a hopeless pair costs a few rows, not the whole
/// table. No later row can come back within it: each cell is at most one
/// more than the cell diagonally before it, so a row over the limit had
/// no cell under it in the row before, where a transposition (which
/// reaches back two rows, adding one) would start.
#[inline]
fn edit_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    // Names longer than this are not typos of each other worth computing.
    let apart = a.len().abs_diff(b.len());
    if apart > limit || a.len() > 256 || b.len() > 256 {
        return None;
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![usize::MAX / 2; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        if current.iter().all(|&d| d > limit) {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= limit)
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
        let d = |a: &str, b: &str, limit| {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            edit_distance(&a, &b, limit)
        };
        assert_eq!(d("kitten", "sitting", 9), Some(3));
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        assert_eq!(d("kitten", "sitting", 2), None);
        assert_eq!(d("ab", "ba", 1), Some(1));
        assert_eq!(d("abcd", "badc", 2), Some(2));
        assert_eq!(d("", "abc", 3), Some(3));
        assert_eq!(d("", "abc", 2), None);
        // Far apart early, close again later: the cut-off must not give up.
        assert_eq!(d("xyabcdefgh", "yxabcdefgh", 1), Some(1));
        assert_eq!(d("APP_EXTRA_1", "APP_PORT", 3), None);
    }

    /// The distance by the plain recurrence (optimal string alignment:
    /// insertions, deletions, substitutions and swaps of neighbours), the
    /// whole table, no cut-off.
    fn reference(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_cut_off_gives_the_distance_of_the_whole_table() {
        // Every pair of words of up to four letters from three, and every
        // limit that matters: the rows the cut-off skips never change the
        // answer.
        let mut words: Vec<Vec<char>> = vec![Vec::new()];
        let mut last = vec![Vec::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|w: &Vec<char>| {
                    "abc".chars().map(move |c| {
                        let mut w = w.clone();
                        w.push(c);
                        w
                    })
                })
                .collect();
            words.extend(last.iter().cloned());
        }
        for a in &words {
            for b in words.iter().filter(|b| b.len().abs_diff(a.len()) <= 2) {
                let exact = reference(a, b);
                for limit in 0..=3 {
                    let expected = (exact <= limit).then_some(exact);
                    assert_eq!(edit_distance(a, b, limit), expected, "{a:?} {b:?} {limit}");
                }
            }
        }
    }

    #[test]
    fn names_of_up_to_256_characters_are_compared() {
        let a: Vec<char> = "x".repeat(256).chars().collect();
        let mut b = a.clone();
        b[100] = 'y';
        assert_eq!(edit_distance(&a, &b, 1), Some(1));
        let longer: Vec<char> = "x".repeat(257).chars().collect();
        assert_eq!(edit_distance(&longer, &longer, 1), None);
    }

    #[test]
    fn closeness_is_judged_on_what_differs() {
        // A long shared start does not make unrelated endings close.
        assert_eq!(
            closest(
                "MEILI_EXPERIMENTAL_DUMPLESS_UPGRADE",
                [
                    "MEILI_EXPERIMENTAL_LOGS_MODE",
                    "MEILI_EXPERIMENTAL_REPLICATION"
                ]
            ),
            None
        );
        assert_eq!(
            closest(
                "MEILI_MAX_INDEXING_MEMORI",
                ["MEILI_MAX_INDEXING_THREADS", "MEILI_MAX_INDEXING_MEMORY"]
            ),
            Some("MEILI_MAX_INDEXING_MEMORY")
        );
        assert_eq!(
            closest("SIGNUPS_ALOWED", ["SIGNUPS_ALLOWED"]),
            Some("SIGNUPS_ALLOWED")
        );
        assert_eq!(closest("APP_PORX", ["APP_PORT"]), Some("APP_PORT"));
        // Characters added at one end only, within a third of the length.
        assert_eq!(
            closest("DATABASE_URL_X", ["DATABASE_URL"]),
            Some("DATABASE_URL")
        );
        assert_eq!(closest("APP_PORTXX", ["APP_PORT"]), Some("APP_PORT"));
        assert_eq!(closest("HOST", ["PORT"]), None);
        // Three edits in five differing characters is more than half; in
        // six, half.
        assert_eq!(closest("APP_BCDEH_URL", ["APP_XCYEZ_URL"]), None);
        assert_eq!(
            closest("APP_BCDEFGH_URL", ["APP_XCYEFGZ_URL"]),
            Some("APP_XCYEFGZ_URL")
        );
        // Two letters left out of what differs is a typo.
        assert_eq!(
            closest("APP_LISTEN_ADRES", ["APP_LISTEN_ADDRESS"]),
            Some("APP_LISTEN_ADDRESS")
        );
        assert_eq!(
            closest("APP_SERVER_PROT", ["APP_SERVER_PORT"]),
            Some("APP_SERVER_PORT")
        );
        // Differing parts that share a middle are not a typo however much of
        // them matches; nor are two section names, though the rest is equal.
        let limits = [
            "PICTRS__MEDIA__MAGICK__MAX_WIDTH",
            "PICTRS__MEDIA__MAGICK__MAX_HEIGHT",
        ];
        assert_eq!(closest("PICTRS__MEDIA__GIF__MAX_WIDTH", limits), None);
        assert_eq!(closest("PICTRS__MEDIA__GIF__MAX_HEIGHT", limits), None);
        assert_eq!(
            closest("PICTRS__MEDIA__MAGIC__MAX_HEIGTH", limits),
            Some(limits[1])
        );
        assert_eq!(
            closest("RECIEVE_TIMOUT", ["RECEIVE_TIMEOUT"]),
            Some("RECEIVE_TIMEOUT")
        );
        // Four edits where both names have characters of their own is no
        // typo, however long the names: within a third of this one's length
        // and half of what differs, but three is the most a typo is taken
        // to be. Characters only added may be more.
        let input = "APP_SERVICE_1234567890_NAME_OF_THING";
        let four_more = "APP_SERVICE_x1234567890yyy_NAME_OF_THING";
        let three_more = "APP_SERVICE_x1234567890yy_NAME_OF_THING";
        let eight_added = "APP_SERVICE_1234567890yyyyyyyy_NAME_OF_THING";
        assert_eq!(closest(input, [four_more]), None);
        assert_eq!(closest(input, [three_more]), Some(three_more));
        assert_eq!(closest(input, [eight_added]), Some(eight_added));
        // Nor is a difference spread over more than 256 characters on
        // either side compared: these differ at both ends and in length.
        let spread = |first: &str, n: usize, last: &str| format!("{first}{}{last}", "m".repeat(n));
        let (short, long) = (spread("A", 253, "B"), spread("C", 261, "D"));
        assert_eq!(closest(&short, [long.as_str()]), None);
        assert_eq!(closest(&long, [short.as_str()]), None);
        // Three edits apart, but one side is over 256 characters.
        let (over, at) = (spread("A", 255, "B"), spread("C", 254, "D"));
        assert_eq!(closest(&over, [at.as_str()]), None);
        assert_eq!(closest(&at, [over.as_str()]), None);
        let (under, at) = (spread("A", 254, "B"), spread("C", 253, "D"));
        assert_eq!(closest(&under, [at.as_str()]), Some(at.as_str()));
        // One end in common, what differs is one character.
        let (input, other) = (spread("A", 300, "B"), spread("A", 300, "D"));
        assert_eq!(closest(&input, [other.as_str()]), Some(other.as_str()));
    }

    #[test]
    fn a_unique_start_is_a_hint() {
        assert_eq!(
            closest("prod", ["development", "production"]),
            Some("production")
        );
        assert_eq!(closest("PROD", ["production", "productive"]), None);
        assert_eq!(closest("pr", ["production"]), None);
    }

    #[test]
    fn the_closest_of_several_wins_and_ties_keep_the_first() {
        assert_eq!(
            closest("APP_PROT", ["APP_PORT", "APP_PROTO"]),
            Some("APP_PORT")
        );
        assert_eq!(closest("abcd", ["abce", "abcf"]), Some("abce"));
    }
}
