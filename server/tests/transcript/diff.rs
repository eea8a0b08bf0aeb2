//! A line diff of expected and actual text, in the familiar `-`/`+` form with context.

/// Lines of context shown around each change.
const CONTEXT: usize = 3;
/// Beyond this many lines on each side the quadratic diff is skipped and both texts are shown.
const MAX_LINES: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Line<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// `-` lines are expected but missing, `+` lines arrived but were not expected.
pub fn unified(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    if old.len() > MAX_LINES || new.len() > MAX_LINES {
        return format!("--- expected\n{expected}\n+++ actual\n{actual}\n");
    }
    let lines = diff_lines(&old, &new);
    let changed: Vec<usize> =
        lines.iter().enumerate().filter(|(_, line)| !matches!(line, Line::Same(_))).map(|(index, _)| index).collect();
    let mut out = String::from("--- expected\n+++ actual\n");
    let mut shown_until = 0;
    for &index in &changed {
        let start = index.saturating_sub(CONTEXT).max(shown_until);
        if start > shown_until || (shown_until == 0 && start > 0) {
            out.push_str("@@\n");
        }
        let end = (index + CONTEXT + 1).min(lines.len());
        for line in &lines[start.max(shown_until)..end] {
            match line {
                Line::Same(text) => out.push_str(&format!(" {text}\n")),
                Line::Removed(text) => out.push_str(&format!("-{text}\n")),
                Line::Added(text) => out.push_str(&format!("+{text}\n")),
            }
        }
        shown_until = shown_until.max(end);
    }
    out
}

/// The classic longest-common-subsequence table, walked from the start.
fn diff_lines<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<Line<'a>> {
    let columns = new.len() + 1;
    let mut common = vec![0u32; (old.len() + 1) * columns];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i * columns + j] = if old[i] == new[j] {
                common[(i + 1) * columns + j + 1] + 1
            } else {
                common[(i + 1) * columns + j].max(common[i * columns + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut lines = Vec::new();
    while i < old.len() && j < new.len() {
        if old[i] == new[j] {
            lines.push(Line::Same(old[i]));
            i += 1;
            j += 1;
        } else if common[(i + 1) * columns + j] >= common[i * columns + j + 1] {
            lines.push(Line::Removed(old[i]));
            i += 1;
        } else {
            lines.push(Line::Added(new[j]));
            j += 1;
        }
    }
    lines.extend(old[i..].iter().map(|text| Line::Removed(text)));
    lines.extend(new[j..].iter().map(|text| Line::Added(text)));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changes_with_context_and_elides_the_rest() {
        let expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        let actual = "a\nb\nc\nd\ne\nF\ng\nh\ni\nj\nk\n";
        assert_eq!(unified(expected, actual), "--- expected\n+++ actual\n@@\n c\n d\n e\n-f\n+F\n g\n h\n i\n j\n+k\n");
    }

    #[test]
    fn a_change_at_the_top_has_no_elision_marker() {
        assert_eq!(unified("x\ny\n", "y\n"), "--- expected\n+++ actual\n-x\n y\n");
    }

    #[test]
    fn missing_and_extra_messages_show_as_whole_blocks() {
        assert_eq!(unified("", "{}\n"), "--- expected\n+++ actual\n+{}\n");
        assert_eq!(unified("{}\n", ""), "--- expected\n+++ actual\n-{}\n");
    }
}
