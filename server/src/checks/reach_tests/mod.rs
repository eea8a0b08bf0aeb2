//! Following invokes across files, through wrappers, function objects, state and aliases:
//! each pattern of a survey of public Base44 apps, with its correct look-alikes. Fixtures
//! are one string with `//- /path` headers; the `$0` file is checked against the others.

pub(super) use crate::testing::Cursor;

/// The functions every fixture's project has.
pub(super) const PROJECT: &str = r#"
//- /base44/config.jsonc
{}
//- /base44/functions/loadChart/entry.ts
Deno.serve(() => Response.json({ points: [] }));
//- /base44/functions/health/entry.ts
Deno.serve(() => Response.json({ status: "ok", score: 1 }));
//- /base44/functions/importFeeds/entry.ts
Deno.serve(() => Response.json({ ok: true }));
//- /base44/functions/verify-code/entry.ts
Deno.serve(async (req) => { const { code } = await req.json(); return Response.json({ ok: code === "1" }); });
//- /base44/functions/checkout/entry.ts
Deno.serve(async (req) => { const { plan } = await req.json(); return Response.json({ url: plan }); });
//- /base44/functions/billing/refund/entry.ts
Deno.serve(async (req) => { const { id } = await req.json(); return Response.json({ ok: !!id }); });
//- /base44/functions/a/entry.ts
Deno.serve(() => Response.json({ summary: "", ok: true }));
//- /base44/functions/b/entry.ts
Deno.serve(() => Response.json({ summary: "" }));
//- /base44/functions/send-email/entry.ts
Deno.serve(() => Response.json({ sent: true }));
//- /package.json
{ "dependencies": { "@base44/sdk": "0.8.0" } }
//- /src/api/base44Client.js
import { createClient } from "@base44/sdk";
export const base44 = createClient({ appId: "app" });
"#;

/// `line:col code: message` for each diagnostic of the `$0` file (1-based), with any
/// related place as ` [see path:line]`.
pub(super) fn check(fixture: &str) -> Vec<String> {
    let cursor = Cursor::fixture(&format!("{PROJECT}{fixture}"));
    // Read while closed, the file gives what it gives open.
    crate::modules::excerpt::tests::excerpt_agrees(&cursor.index, &cursor.path, &cursor.text);
    let label = cursor.index.projects[0].project.label();
    let lines = crate::syntax::text::LineIndex::new(&cursor.text);
    cursor
        .report()
        .diagnostics
        .iter()
        .map(|d| {
            let (line, col) = lines.line_char_col(&cursor.text, d.range.start);
            let related: String = d
                .related
                .iter()
                .map(|r| {
                    let text = std::fs::read_to_string(&r.path).unwrap_or_default();
                    let (line, _) = crate::syntax::text::LineIndex::new(&text).line_char_col(&text, r.range.start);
                    format!(" [see {}:{line}]", cursor.relative(&r.path))
                })
                .collect();
            format!("{line}:{col} {}: {}{related}", d.code, d.message).replace(&label, "app")
        })
        .collect()
}

/// Each fix on offer in the `$0` file: its title, then each file it edits as it would be
/// after the fix (the lines that changed only).
pub(super) fn fixes(fixture: &str) -> Vec<String> {
    let cursor = Cursor::fixture(&format!("{PROJECT}{fixture}"));
    let mut out = Vec::new();
    for diagnostic in cursor.report().diagnostics {
        for fix in diagnostic.fixes {
            out.push(fix.title.clone());
            let mut paths: Vec<_> = fix.edits.iter().map(|e| e.path.clone()).collect();
            paths.dedup();
            for path in paths {
                let before = std::fs::read_to_string(&path).unwrap_or_default();
                let mut after = before.clone();
                let mut edits: Vec<_> = fix.edits.iter().filter(|e| e.path == path).collect();
                edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
                for edit in edits {
                    after.replace_range(edit.range.clone(), &edit.new_text);
                }
                for (old, new) in before.lines().zip(after.lines()) {
                    if old != new {
                        out.push(format!("  {}: {}", cursor.relative(&path), new.trim()));
                    }
                }
            }
        }
    }
    out
}

/// The `$0` file's call sites as `name@written text`.
pub(super) fn sites(fixture: &str) -> Vec<String> {
    let cursor = Cursor::fixture(&format!("{PROJECT}{fixture}"));
    cursor.sites().iter().map(|s| format!("{}@{}", s.value, &cursor.text[s.content.clone()])).collect()
}

mod clients;
mod contracts;
mod helpers;
mod objects;
mod values;
