//! `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), which
//! GitHub shows as annotations on the pull request's changed lines.

use std::io::{self, Write};

use super::problems::Checked;
use crate::syntax::diagnostics::Severity;

pub fn write(checked: &Checked, out: &mut dyn Write) -> io::Result<()> {
    for p in &checked.problems {
        let command = match p.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information | Severity::Hint => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&p.path),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            property(&format!("base44-lsp ({})", p.code)),
            data(p.message),
        )?;
    }
    Ok(())
}

/// A command's message: a newline would end the command, so it is percent-encoded as the
/// runner expects (actions/toolkit `escapeData`).
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: `:` and `,` separate properties, so they are encoded too (`escapeProperty`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_newlines_are_encoded() {
        assert_eq!(data("50% done\r\nnext: a,b"), "50%25 done%0D%0Anext: a,b");
        assert_eq!(property("C:\\a,b%\n"), "C%3A\\a%2Cb%25%0A");
    }
}
