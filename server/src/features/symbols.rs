//! Symbols: every function of the workspace by name (workspace symbols, ranked by a fuzzy
//! match of the query), and the outline of a function's entry file (the function, with its
//! inputs as children). Byte offsets; the server converts them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use tree_sitter::Tree;

use super::fuzzy;
use crate::modules::index::WorkspaceIndex;
use crate::project::functions::FunctionDef;
use crate::project::serve::{ServeKind, find_serve};
use crate::syntax::word_occurrences;

/// How many functions a workspace-symbol answer lists: the best matches of a short query in an
/// app of thousands of functions, as rust-analyzer's default `workspace.symbol.search.limit`
/// (128). The client asks again as the query grows.
pub const WORKSPACE_SYMBOL_LIMIT: usize = 128;

/// What a symbol is, in the editor's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// A backend function (its serve statement).
    Function,
    /// A field of the request's JSON the function reads.
    Input,
}

/// A function found by a workspace-symbol query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionSymbol {
    pub name: String,
    /// The project's label, shown beside the name.
    pub project: String,
    pub entry: PathBuf,
    /// Where the function starts: its handler, else its serve statement, else the file's start.
    pub at: usize,
}

/// The functions of every project whose names match `query`, best first, at most `limit`;
/// and how many matched in all.
pub fn workspace_symbols(index: &WorkspaceIndex, query: &str, limit: usize) -> (Vec<FunctionSymbol>, usize) {
    let all = index.projects.iter().flat_map(|project| project.functions.iter().map(move |f| (project, f)));
    let (found, total) = fuzzy::rank(query, all, |(_, function)| function.name.as_str(), limit);
    let symbols = found
        .into_iter()
        .map(|(project, function)| {
            let (entry, at) = super::navigation::definition(function);
            FunctionSymbol { name: function.name.clone(), project: project.project.label(), entry, at }
        })
        .collect();
    (symbols, total)
}

/// One symbol of a document's outline, with what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// All of it.
    pub range: Range<usize>,
    /// What to reveal and highlight when it is picked (inside `range`).
    pub selection: Range<usize>,
    pub children: Vec<Symbol>,
}

/// The outline of a file: for a function's entry, the function (its serve statement, as the
/// text stands now) with its inputs; nothing for other files (their own symbols are the
/// TypeScript server's).
pub fn document_symbols(index: &WorkspaceIndex, path: &Path, src: &str, tree: Option<&Tree>) -> Vec<Symbol> {
    let Some(function) = index.project_of(path).and_then(|project| project.function_with_entry(path)) else {
        return Vec::new();
    };
    let serve = tree.and_then(|tree| find_serve(tree, src));
    let (range, selection, detail) = match &serve {
        Some(serve) => (serve.range.clone(), first_line(src, &serve.range), Some(serve_detail(serve.kind))),
        // An entry that does not serve (yet): the function is the whole file.
        None => (0..src.len(), 0..0, None),
    };
    let children = function_children(function, src, &range);
    vec![Symbol { name: function.name.clone(), detail, kind: SymbolKind::Function, range, selection, children }]
}

fn serve_detail(kind: ServeKind) -> String {
    match kind {
        ServeKind::DenoServe => "Deno.serve".into(),
        ServeKind::DefaultExport => "export default".into(),
    }
}

/// The symbols under a function: one per input it reads. What the function is known to read
/// comes from the index (`FunctionDef`); where it reads it, from the text as it stands, so the
/// outline follows typing. More kinds of children (responses) are added here.
pub fn function_children(function: &FunctionDef, src: &str, within: &Range<usize>) -> Vec<Symbol> {
    let Some(contract) = &function.contract else { return Vec::new() };
    contract
        .inputs
        .iter()
        .filter_map(|input| {
            let at = first_mention(src, within, &input.name)?;
            Some(Symbol {
                name: input.name.clone(),
                detail: Some(if input.required { "input" } else { "optional input" }.into()),
                kind: SymbolKind::Input,
                range: at.clone(),
                selection: at,
                children: Vec::new(),
            })
        })
        .collect()
}

/// The first place inside `within` that names `key`: as a word, or quoted (`'x-y': z`).
fn first_mention(src: &str, within: &Range<usize>, key: &str) -> Option<Range<usize>> {
    let within = within.start.min(src.len())..within.end.min(src.len());
    let as_word = word_occurrences(src, within.clone(), key).next().map(|at| at..at + key.len());
    let quoted = ['"', '\''].iter().find_map(|quote| {
        let needle = format!("{quote}{key}{quote}");
        let found = src.get(within.clone())?.find(&needle)?;
        let start = within.start + found + 1;
        Some(start..start + key.len())
    });
    match (as_word, quoted) {
        (Some(a), Some(b)) => Some(if a.start <= b.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The range's first line (all of it when it is one line).
fn first_line(src: &str, range: &Range<usize>) -> Range<usize> {
    let end = src.get(range.clone()).and_then(|text| text.find('\n')).map_or(range.end, |at| range.start + at);
    range.start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Cursor;

    /// A symbol tree as indented lines: `kind name (detail) "text of selection" [lines of range]`.
    fn outline(cursor: &Cursor) -> Vec<String> {
        let tree = cursor.syntax();
        let symbols = document_symbols(&cursor.index, &cursor.path, &cursor.text, tree.as_ref());
        let mut lines = Vec::new();
        let mut pending: Vec<(usize, &Symbol)> = symbols.iter().rev().map(|s| (0, s)).collect();
        while let Some((depth, symbol)) = pending.pop() {
            let line_of = |offset: usize| cursor.text[..offset].matches('\n').count() + 1;
            lines.push(format!(
                "{}{:?} {} ({}) {:?} [{}-{}]",
                "  ".repeat(depth),
                symbol.kind,
                symbol.name,
                symbol.detail.as_deref().unwrap_or("-"),
                &cursor.text[symbol.selection.clone()],
                line_of(symbol.range.start),
                line_of(symbol.range.end),
            ));
            pending.extend(symbol.children.iter().rev().map(|child| (depth + 1, child)));
        }
        lines
    }

    #[test]
    fn an_entry_shows_its_function_and_inputs() {
        let cursor = Cursor::fixture(
            "//- /base44/config.jsonc\n{}\n\
             //- /base44/functions/process-order/entry.ts\n\
             import { helper } from './helper.ts';$0\n\
             /** Ships. */\n\
             Deno.serve(async (req) => {\n\
             \x20 const { orderId, 'x-y': xy, action = 'ship' } = await req.json();\n\
             \x20 return Response.json({ orderId, action });\n\
             });\n",
        );
        assert_eq!(
            outline(&cursor),
            [
                "Function process-order (Deno.serve) \"Deno.serve(async (req) => {\" [3-6]",
                "  Input orderId (input) \"orderId\" [4-4]",
                "  Input x-y (input) \"x-y\" [4-4]",
                "  Input action (optional input) \"action\" [4-4]",
            ]
        );
    }

    #[test]
    fn a_default_export_and_an_entry_that_does_not_serve() {
        let cursor = Cursor::fixture(
            "//- /base44/config.jsonc\n{}\n\
             //- /base44/functions/a/entry.ts\n\
             export default async function handler(req: Request) {$0 return new Response(); }\n\
             //- /base44/functions/b/entry.ts\n\
             const x = 1;\n",
        );
        assert_eq!(
            outline(&cursor),
            [
                "Function a (export default) \"export default async function handler(req: Request) { return new Response(); }\" [1-1]"
            ]
        );
        let b = Cursor::fixture("//- /base44/config.jsonc\n{}\n//- /base44/functions/b/entry.ts\nconst x = 1;$0\n");
        assert_eq!(outline(&b), ["Function b (-) \"\" [1-2]"]);
    }

    #[test]
    fn other_files_have_no_outline_here() {
        let cursor = Cursor::fixture(
            "//- /base44/config.jsonc\n{}\n\
             //- /base44/functions/a/entry.ts\nDeno.serve(() => new Response());\n\
             //- /base44/functions/_shared/util.ts\nexport const x = 1;$0\n\
             //- /src/page.jsx\nbase44.functions.invoke('a');\n",
        );
        assert_eq!(outline(&cursor), Vec::<String>::new());
    }

    #[test]
    fn every_function_of_every_project_by_fuzzy_name() {
        let cursor = Cursor::fixture(
            "//- /apps/shop/base44/config.jsonc\n{}\n\
             //- /apps/shop/base44/functions/process-order/entry.ts\nDeno.serve(async (req) => new Response());\n\
             //- /apps/shop/base44/functions/orders/refund/entry.ts\nexport default () => new Response();\n\
             //- /apps/admin/base44/config.jsonc\n{ \"name\": \"Admin\" }\n\
             //- /apps/admin/base44/functions/purge-orders/entry.ts\nconst x = 1;\n\
             //- /src/page.jsx\n$0\n",
        );
        let found = |query: &str, limit: usize| {
            let (symbols, total) = workspace_symbols(&cursor.index, query, limit);
            let shown: Vec<String> = symbols
                .iter()
                .map(|s| format!("{} [{}] {}@{}", s.name, s.project, cursor.relative(&s.entry), s.at))
                .collect();
            (shown, total)
        };
        assert_eq!(
            found("ord", 10),
            (
                vec![
                    "orders/refund [shop] apps/shop/base44/functions/orders/refund/entry.ts@15".to_string(),
                    // Both start a word with `ord`: the shorter name first.
                    "purge-orders [Admin] apps/admin/base44/functions/purge-orders/entry.ts@0".to_string(),
                    "process-order [shop] apps/shop/base44/functions/process-order/entry.ts@11".to_string(),
                ],
                3
            )
        );
        assert_eq!(found("", 1).1, 3);
        assert_eq!(found("", 1).0.len(), 1);
        assert_eq!(found("zz", 10), (vec![], 0));
    }
}
