//! How counts are written in what users read: `1 function`, `2 functions`.

/// `n` and the noun, plural unless `n` is 1 (nouns here take an `s`).
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_zero_is_not() {
        assert_eq!([counted(0, "file"), counted(1, "file"), counted(2, "file")], ["0 files", "1 file", "2 files"]);
    }
}
