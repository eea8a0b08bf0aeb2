use super::*;
use crate::project::load_project;
use crate::project::sources::Disk;
use crate::testing::TempTree;

/// Indexes the project in a temp tree and renders functions and problems, one per line.
fn check(files: &[(&str, &str)], layout: Layout) -> String {
    let tree = TempTree::new(files);
    let (project, _) = load_project(tree.path(), layout);
    let all: Vec<PathBuf> = files.iter().map(|(p, _)| tree.path().join(p)).collect();
    let index = index_functions(&project, &all, &Disk, EntryReading::Full);
    let rel = |p: &Path| slash_path(p.strip_prefix(tree.path()).unwrap_or(p));
    let mut lines: Vec<String> = index
        .functions
        .iter()
        .map(|f| {
            let serve = f.serve.as_ref().map_or("none".into(), |s| format!("{:?}", s.kind));
            format!("fn {} <- {} ({serve})", f.name, rel(&f.entry))
        })
        .collect();
    lines.extend(index.problems.iter().map(|p| format!("{} {}: {}", p.code, rel(&p.path), p.message)));
    lines.join("\n")
}

const SERVE: &str = "Deno.serve(() => new Response());";

#[test]
fn zero_config_and_nested_names() {
    let out = check(
        &[
            ("base44/functions/a/entry.ts", SERVE),
            ("base44/functions/orders/process/entry.js", "export default () => new Response();"),
            ("base44/functions/orders/helper.ts", "export const x = 1;"),
        ],
        Layout::Base44,
    );
    assert_eq!(
        out,
        "fn a <- base44/functions/a/entry.ts (DenoServe)\n\
         fn orders/process <- base44/functions/orders/process/entry.js (DefaultExport)"
    );
}

#[test]
fn config_declared_names_need_not_match_folders() {
    let out = check(
        &[
            ("base44/functions/stock/function.jsonc", "{ \"name\": \"checkStock\", \"entry\": \"main.ts\", }"),
            ("base44/functions/stock/main.ts", SERVE),
            ("base44/functions/stock/entry.ts", SERVE),
        ],
        Layout::Base44,
    );
    assert_eq!(out, "fn checkStock <- base44/functions/stock/main.ts (DenoServe)");
}

#[test]
fn problems_the_cli_refuses() {
    let out = check(
        &[
            ("base44/functions/entry.ts", SERVE),
            ("base44/functions/a/entry.ts", SERVE),
            ("base44/functions/b/function.json", "{ \"name\": \"a\", \"entry\": \"x.ts\" }"),
            ("base44/functions/b/x.ts", SERVE),
            ("base44/functions/c/function.json", "{ \"name\": \"c\", \"entry\": \"gone.ts\" }"),
            ("base44/functions/d/function.json", "{ \"name\": \"d\" "),
            ("base44/functions/e/function.json", "{ \"entry\": \"x.ts\" }"),
            ("base44/functions/f/function.json", "{ \"name\": \"f.v2\", \"entry\": \"x.ts\" }"),
            ("base44/functions/f/x.ts", SERVE),
            ("base44/functions/matchingEngine.js/entry.ts", SERVE),
            ("base44/functions/quiet/entry.ts", "function handle() {}"),
        ],
        Layout::Base44,
    );
    assert_eq!(
        out,
        "fn a <- base44/functions/a/entry.ts (DenoServe)
fn a <- base44/functions/b/x.ts (DenoServe)
fn quiet <- base44/functions/quiet/entry.ts (none)
missing-entry base44/functions/c/function.json: Function entry file not found: gone.ts
invalid-function-config base44/functions/d/function.json: Function config is not valid JSONC: Unterminated object
invalid-function-config base44/functions/e/function.json: Function config needs a string name
invalid-function-name base44/functions/f/function.json: Function name \"f.v2\" may not contain a dot
entry-in-functions-root base44/functions/entry.ts: An entry file directly in the functions folder is not a function: move it into a folder named after the function
dotted-folder-skipped base44/functions/matchingEngine.js/entry.ts: The Base44 CLI will not deploy this: the folder \"matchingEngine.js\" has a dot in its name (in matchingEngine.js), and the CLI skips such folders
duplicate-function base44/functions/a/entry.ts: Duplicate function name \"a\": also defined by base44/functions/b/function.json
duplicate-function base44/functions/b/function.json: Duplicate function name \"a\": also defined by base44/functions/a/entry.ts
missing-serve base44/functions/quiet/entry.ts: Function \"quiet\" never answers a request: call Deno.serve(handler) or export a default handler"
    );
}

#[test]
fn flat_layout_serving_files_only() {
    let out = check(
        &[
            ("functions/sendEmail.ts", "import x from 'npm:@base44/sdk';\nDeno.serve(() => new Response());"),
            ("functions/admin/stats.ts", "export default async () => new Response();"),
            ("functions/_shared/util.ts", SERVE),
            ("functions/helpers.ts", "export function help() {}"),
        ],
        Layout::Flat,
    );
    assert_eq!(
        out,
        "fn admin/stats <- functions/admin/stats.ts (DefaultExport)\n\
         fn sendEmail <- functions/sendEmail.ts (DenoServe)"
    );
}
