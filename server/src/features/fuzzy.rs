//! Fuzzy matching of a typed query against names, for workspace symbols: the query's
//! characters must appear in the name in order (a subsequence, case ignored), and the
//! alignment that starts words, runs together and skips little scores best. `ordr` finds
//! `process-order`, and `po` puts `process-order` (two word starts) above `report-topology`.

/// What a matched character is worth, before bonuses.
const MATCH: i32 = 16;
/// A match at the start of the name or of a word in it (`-`, `_`, `/`, `.`, a space, or a
/// camelCase hump).
const WORD_START: i32 = 10;
/// A match right after the previous one.
const RUN: i32 = 6;
/// The same case as typed (`checkStock` for `S`).
const SAME_CASE: i32 = 1;
/// Each character skipped between two matches.
const GAP: i32 = 1;
/// Each character skipped before the first match, up to `LEAD_CAP` of them.
const LEAD: i32 = 2;
const LEAD_CAP: i32 = 6;

/// How well `query` matches `name`, when it does; higher is better. An empty query matches
/// everything equally.
pub fn score(query: &str, name: &str) -> Option<i32> {
    let query: Vec<char> = query.chars().filter(|c| !c.is_whitespace()).collect();
    if query.is_empty() {
        return Some(0);
    }
    let name: Vec<char> = name.chars().collect();
    if !is_subsequence(&query, &name) {
        return None;
    }
    Some(best_alignment(&query, &name))
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn is_subsequence(query: &[char], name: &[char]) -> bool {
    let mut wanted = query.iter().map(|c| fold(*c)).peekable();
    for c in name {
        if wanted.peek() == Some(&fold(*c)) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// Whether a word starts at `at`.
fn starts_word(name: &[char], at: usize) -> bool {
    let Some(&here) = name.get(at) else { return false };
    match at.checked_sub(1).and_then(|i| name.get(i)) {
        None => true,
        Some(&before) => {
            matches!(before, '-' | '_' | '/' | '.' | ' ' | ':')
                || (before.is_lowercase() && here.is_uppercase())
                || (!before.is_ascii_digit() && here.is_ascii_digit())
        }
    }
}

/// The best score over every way of placing the query's characters in the name, in one
/// pass per query character (linear gap costs make this a row-by-row maximum, not a search).
fn best_alignment(query: &[char], name: &[char]) -> i32 {
    const NONE: i32 = i32::MIN / 4;
    let bonus = |q: char, at: usize| {
        let c = name[at];
        let mut value = MATCH;
        if starts_word(name, at) {
            value += WORD_START;
        }
        if c == q {
            value += SAME_CASE;
        }
        value
    };
    // `matched[j]`: the best score with the current query character at `j`.
    let mut matched: Vec<i32> =
        (0..name.len())
            .map(|j| {
                if fold(name[j]) == fold(query[0]) {
                    bonus(query[0], j) - LEAD * (j as i32).min(LEAD_CAP)
                } else {
                    NONE
                }
            })
            .collect();
    for &q in &query[1..] {
        // `carried`: the best score of the previous row ending at or before `j - 1`, less the
        // characters skipped since.
        let mut carried = NONE;
        let mut next = vec![NONE; name.len()];
        for j in 1..name.len() {
            let before = matched[j - 1];
            if fold(name[j]) == fold(q) {
                let from_run = if before > NONE { before + RUN } else { NONE };
                let from_gap = if carried > NONE { carried } else { NONE };
                let best = from_run.max(from_gap);
                if best > NONE {
                    next[j] = best + bonus(q, j);
                }
            }
            carried = (carried - GAP).max(before);
        }
        matched = next;
    }
    matched.into_iter().max().unwrap_or(NONE)
}

/// Ranks `items` by how well their names match `query` (best first; ties: the shorter name,
/// then the name, then the order given), keeping those that match. Returns at most `limit` of
/// them and how many matched in all.
pub fn rank<T>(
    query: &str,
    items: impl IntoIterator<Item = T>,
    name: impl Fn(&T) -> &str,
    limit: usize,
) -> (Vec<T>, usize) {
    let mut scored: Vec<(i32, usize, T)> = items
        .into_iter()
        .enumerate()
        .filter_map(|(order, item)| Some((score(query, name(&item))?, order, item)))
        .collect();
    let total = scored.len();
    scored.sort_by(|a, b| {
        let (name_a, name_b) = (name(&a.2), name(&b.2));
        b.0.cmp(&a.0)
            .then_with(|| name_a.chars().count().cmp(&name_b.chars().count()))
            .then_with(|| name_a.cmp(name_b))
            .then_with(|| a.1.cmp(&b.1))
    });
    scored.truncate(limit);
    (scored.into_iter().map(|(_, _, item)| item).collect(), total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "process-order",
        "orders/refund",
        "orders/list",
        "report-topology",
        "send-receipt",
        "sendReminder",
        "checkStock",
        "stock-check",
        "stream-report",
        "poll",
    ];

    /// The names a query finds, best first.
    fn ranked(query: &str) -> Vec<&'static str> {
        rank(query, NAMES.iter().copied(), |name| name, 100).0
    }

    #[test]
    fn word_starts_and_runs_rank_first() {
        // `po` inside a word still matches, below the word starts.
        assert_eq!(ranked("po"), ["poll", "process-order", "report-topology", "stream-report"]);
        // The last `r` starts `refund`: a word start beats a closer letter.
        assert_eq!(ranked("ordr"), ["orders/refund", "orders/list", "process-order"]);
        assert_eq!(ranked("or/re"), ["orders/refund"]);
        assert_eq!(ranked("sr"), ["send-receipt", "sendReminder", "stream-report", "orders/refund", "process-order"]);
        assert_eq!(ranked("stock"), ["stock-check", "checkStock"]);
        // Typed capitals find the camelCase humps.
        assert_eq!(ranked("CS"), ["checkStock", "process-order"]);
    }

    #[test]
    fn no_subsequence_no_match_and_an_empty_query_matches_all() {
        assert_eq!(ranked("xyz"), Vec::<&str>::new());
        assert_eq!(ranked("rp"), ["report-topology", "stream-report", "send-receipt"]);
        assert_eq!(ranked("").len(), NAMES.len());
        assert_eq!(ranked("  "), ranked(""), "spaces are not part of a name");
        // With nothing to score, shorter names then alphabetical.
        assert_eq!(&ranked("")[..3], ["poll", "checkStock", "orders/list"]);
    }

    #[test]
    fn scores_prefer_exact_and_contiguous() {
        let exact = score("poll", "poll");
        let spread = score("poll", "process-order-lull");
        assert!(exact > spread, "{exact:?} against {spread:?}");
        assert_eq!(score("é", "café"), Some(MATCH + SAME_CASE - LEAD * 3));
        assert_eq!(score("É", "café").map(|s| s - SAME_CASE), score("é", "café").map(|s| s - SAME_CASE * 2));
    }

    #[test]
    fn the_limit_keeps_the_best_and_counts_all() {
        let (kept, total) = rank("o", NAMES.iter().copied(), |name| name, 2);
        assert_eq!((kept, total), (vec!["orders/list", "orders/refund"], 8));
    }
}
