//! The default format, for people: each problem with the source line under it (rustc's and ruff's
//! layout, drawn by annotate-snippets), the editor's quick fixes as `help:` lines, then the summary.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use super::concise::summary;
use super::problems::{Checked, Problem};
use crate::syntax::diagnostics::Severity;

pub fn write(checked: &Checked, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    for problem in &checked.problems {
        writeln!(out, "{}\n", render(problem, &renderer))?;
    }
    writeln!(out, "{}", summary(checked))
}

fn render(p: &Problem, renderer: &Renderer) -> String {
    let level = match p.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Information => Level::INFO,
        Severity::Hint => Level::NOTE,
    };
    // Only the lines the problem starts on: a `missing-serve` range can cover a whole entry.
    let (start, end) = first_line_span(p.text, p.range.start, p.range.end);
    let line_start = line_start(p.text, start);
    let line_end = p.text[start..].find('\n').map_or(p.text.len(), |i| start + i);
    let source = p.text[line_start..line_end].trim_end_matches('\r');
    let span = (start - line_start).min(source.len())..(end - line_start).min(source.len());
    let snippet =
        Snippet::source(source).line_start(p.line).path(p.path.as_str()).annotation(AnnotationKind::Primary.span(span));
    let mut group = level.primary_title(p.message).id(p.code).element(snippet);
    for related in &p.related {
        group = group.element(Level::NOTE.message(related.as_str()));
    }
    for fix in &p.fixes {
        group = group.element(Level::HELP.message(*fix));
    }
    renderer.render(&[group])
}

/// The range cut to the line it starts on, on character boundaries of `text`.
fn first_line_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let start = crate::syntax::text::floor_char_boundary(text, start);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    (start, crate::syntax::text::floor_char_boundary(text, end.clamp(start, line_end)))
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}
