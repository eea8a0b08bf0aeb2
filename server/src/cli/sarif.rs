//! `--format sarif`: SARIF 2.1.0, the log GitHub code scanning (`upload-sarif`) and other
//! dashboards read. One run; one rule per diagnostic code that occurs.

use std::io::{self, Write};

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, PhysicalLocation, Region, ReportingDescriptor, Result as SarifResult,
    ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::problems::{Checked, Problem};
use crate::syntax::diagnostics::Severity;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(checked: &Checked, out: &mut dyn Write) -> io::Result<()> {
    let mut codes: Vec<&str> = checked.problems.iter().map(|p| p.code).collect();
    codes.sort_unstable();
    codes.dedup();
    let rules: Vec<ReportingDescriptor> =
        codes.iter().map(|code| ReportingDescriptor::builder().id(*code).build()).collect();
    let results: Vec<SarifResult> = checked.problems.iter().map(|p| result(p, &codes)).collect();
    let driver = ToolComponent::builder().name("base44-lsp").version(env!("CARGO_PKG_VERSION")).rules(rules).build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        // Our columns count characters; SARIF's default would be UTF-16 code units.
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .results(results)
        .build();
    let log = Sarif::builder().schema(SCHEMA).version(serde_json::json!("2.1.0")).runs(vec![run]).build();
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn result(p: &Problem, codes: &[&str]) -> SarifResult {
    let level = match p.severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Information | Severity::Hint => ResultLevel::Note,
    };
    let region = Region::builder()
        .start_line(count(p.line))
        .start_column(count(p.column))
        .end_line(count(p.end_line))
        .end_column(count(p.end_column))
        .build();
    let location = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&p.path)).build())
        .region(region)
        .build();
    let mut result = SarifResult::builder()
        .rule_id(p.code)
        .level(level)
        .message(Message::builder().text(p.message).build())
        .locations(vec![Location::builder().physical_location(location).build()])
        .build();
    result.rule_index = codes.iter().position(|c| *c == p.code).map(count);
    result
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A URI reference for a path: relative paths stay relative (code scanning resolves them against
/// the repository), absolute ones become `file://` URIs; bytes outside RFC 3986's unreserved set
/// and `/` are percent-encoded.
fn uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut encoded = String::with_capacity(slashed.len());
    for byte in slashed.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    if slashed.starts_with('/') {
        format!("file://{encoded}")
    } else if slashed.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && slashed.as_bytes().get(1) == Some(&b':')
    {
        // A Windows drive path (`C:/a`): the drive's colon stays as it is.
        format!("file:///{}:{}", &slashed[..1], &encoded[4..])
    } else {
        encoded
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("examples/shop/src/My Page.jsx"), "examples/shop/src/My%20Page.jsx");
        assert_eq!(uri("/home/a/b#c.ts"), "file:///home/a/b%23c.ts");
        assert_eq!(uri("C:\\app\\é.ts"), "file:///C:/app/%C3%A9.ts");
    }
}
