//! The part of a long completion list worth sending to a client that cannot take it whole
//! cheaply: at most [`MAX_LISTED`] items, those that fit what is typed first. A list cut
//! short says so (`isIncomplete`), and the client asks again as the user types, as
//! rust-analyzer's completion limit and clangd's do.

/// How many items a shortened list holds: far more than a completion popup shows.
pub const MAX_LISTED: usize = 200;

/// The items chosen, by their place in the full list, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortlist {
    pub chosen: Vec<usize>,
    /// Every item is in `chosen`: the client can filter the list on its own.
    pub complete: bool,
}

/// Up to `limit` of `labels` for the word typed so far. A list that fits is sent whole,
/// in its order. A longer one keeps the labels that contain the typed characters in order
/// (what editors' fuzzy filters keep), ranked: those that start with them, then those with a
/// word (after `-`, `_`, `/`, `.` or a lower-to-upper case change) that does, then those
/// that contain them, then the rest; each group in the list's order.
pub fn shortlist<'a>(labels: impl ExactSizeIterator<Item = &'a str>, typed: &str, limit: usize) -> Shortlist {
    if labels.len() <= limit {
        return Shortlist { chosen: (0..labels.len()).collect(), complete: true };
    }
    let typed = typed.to_lowercase();
    let mut ranked: Vec<(u8, usize)> =
        labels.enumerate().filter_map(|(at, label)| rank(label, &typed).map(|rank| (rank, at))).collect();
    // Stable: within a group, the list's own order (functions are sorted by name).
    ranked.sort_by_key(|&(rank, _)| rank);
    ranked.truncate(limit);
    Shortlist { chosen: ranked.into_iter().map(|(_, at)| at).collect(), complete: false }
}

/// How well `label` fits `typed` (lower case): lower is better, `None` is not at all.
fn rank(label: &str, typed: &str) -> Option<u8> {
    if typed.is_empty() {
        return Some(0);
    }
    let lower = label.to_lowercase();
    if lower.starts_with(typed) {
        return Some(0);
    }
    if word_starts(label).any(|at| label.get(at..).is_some_and(|rest| starts_with_folded(rest, typed))) {
        return Some(1);
    }
    if lower.contains(typed) {
        return Some(2);
    }
    let mut wanted = typed.chars().peekable();
    for c in lower.chars() {
        if wanted.peek() == Some(&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none().then_some(3)
}

/// Whether `text`, in lower case, starts with `typed` (already lower case).
fn starts_with_folded(text: &str, typed: &str) -> bool {
    let mut folded = text.chars().flat_map(char::to_lowercase);
    typed.chars().all(|wanted| folded.next() == Some(wanted))
}

/// Where the words of a name start: after a separator, or at an upper-case letter that
/// follows a lower-case one (`processOrder`).
fn word_starts(label: &str) -> impl Iterator<Item = usize> + '_ {
    let mut before: Option<char> = None;
    label.char_indices().filter_map(move |(at, c)| {
        let starts = match before {
            Some(prev) => matches!(prev, '-' | '_' | '/' | '.') || (prev.is_lowercase() && c.is_uppercase()),
            None => false,
        };
        before = Some(c);
        starts.then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen<'a>(labels: &[&'a str], typed: &str, limit: usize) -> (Vec<&'a str>, bool) {
        let list = shortlist(labels.iter().copied(), typed, limit);
        (list.chosen.iter().map(|&at| labels[at]).collect(), list.complete)
    }

    #[test]
    fn a_list_that_fits_goes_whole_whatever_is_typed() {
        assert_eq!(chosen(&["b", "a", "c"], "zz", 3), (vec!["b", "a", "c"], true));
    }

    #[test]
    fn a_long_list_keeps_the_best_fits_of_what_is_typed() {
        let labels = [
            "archive-order",
            "orders/sync",
            "process-order",
            "processOrder",
            "proof",
            "report-errors",
            "send-email",
            "update-vendor",
        ];
        // Starts with, then a word that starts with, then contains, then in order; `proof` and
        // `send-email` hold no `r` after an `o`.
        assert_eq!(
            chosen(&labels, "Or", 7),
            (
                vec!["orders/sync", "archive-order", "process-order", "processOrder", "report-errors", "update-vendor"],
                false
            )
        );
        assert_eq!(chosen(&labels, "pro", 2), (vec!["process-order", "processOrder"], false));
        assert_eq!(chosen(&labels, "pdr", 7), (vec!["process-order", "processOrder", "update-vendor"], false));
        assert_eq!(chosen(&labels, "", 3), (vec!["archive-order", "orders/sync", "process-order"], false));
    }

    #[test]
    fn non_ascii_labels_are_ranked_without_slicing_a_character() {
        let labels = ["é-order", "Ünïcode", "x"];
        assert_eq!(chosen(&labels, "ord", 2), (vec!["é-order"], false));
        assert_eq!(chosen(&labels, "ü", 2), (vec!["Ünïcode"], false));
    }
}
