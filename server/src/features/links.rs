//! Document links: each function name written at a call site (`invoke("…")`, a fetch path's
//! function part, a wrapper's argument, `functions["a/b"]`, `functions.name`) links to the
//! function's entry file, for editors that show links (Ctrl+click in VS Code).

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::modules::calls::CallSite;
use crate::modules::index::WorkspaceIndex;
use crate::project::functions::slash_path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The name as written (for a fetch path, the part that names the function).
    pub range: Range<usize>,
    pub target: PathBuf,
    pub tooltip: String,
}

/// The links of a file whose call sites are `sites`: only names of functions its project has
/// (an unknown name has its diagnostic instead), and only where a name is written (a call of
/// a function object named elsewhere links where it is named).
pub fn document_links(index: &WorkspaceIndex, path: &Path, sites: &[CallSite]) -> Vec<Link> {
    let Some(project) = index.project_of(path) else { return Vec::new() };
    sites
        .iter()
        .filter(|site| site.names_here())
        .filter_map(|site| {
            let (name, range) = site.target(|name| project.function(name).is_some())?;
            let function = project.function(name)?;
            let shown = function.entry.strip_prefix(&project.project.root).unwrap_or(&function.entry);
            Some(Link {
                range,
                target: function.entry.clone(),
                tooltip: format!("Open function \"{name}\" ({})", slash_path(shown)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Cursor;

    fn links(fixture: &str) -> Vec<String> {
        let cursor = Cursor::fixture(fixture);
        document_links(&cursor.index, &cursor.path, &cursor.sites())
            .iter()
            .map(|link| {
                format!(
                    "{:?} -> {} | {}",
                    &cursor.text[link.range.clone()],
                    cursor.relative(&link.target),
                    link.tooltip
                )
            })
            .collect()
    }

    #[test]
    fn every_written_name_of_a_known_function_links_to_its_entry() {
        let found = links(
            "//- /base44/config.jsonc\n{}\n\
             //- /base44/functions/process-order/entry.ts\nDeno.serve(() => new Response());\n\
             //- /base44/functions/orders/refund/entry.ts\nDeno.serve(() => new Response());\n\
             //- /base44/functions/stock/function.jsonc\n{ \"name\": \"checkStock\", \"entry\": \"main.ts\" }\n\
             //- /base44/functions/stock/main.ts\nDeno.serve(() => new Response());\n\
             //- /src/page.jsx\n\
             import { base44 } from '@/api/base44Client';$0\n\
             base44.functions.invoke('process-order', {});\n\
             base44.functions.fetch('/orders/refund/42?x=1');\n\
             base44.functions['orders/refund'];\n\
             base44.functions.checkStock({});\n\
             const { checkStock: check } = base44.functions;\n\
             check({});\n\
             base44.functions.invoke('missing');\n\
             function withRetry(name) { return base44.functions.invoke(name); }\n\
             withRetry('process-order');\n",
        );
        assert_eq!(
            found,
            [
                "\"process-order\" -> base44/functions/process-order/entry.ts | Open function \"process-order\" (base44/functions/process-order/entry.ts)",
                "\"orders/refund\" -> base44/functions/orders/refund/entry.ts | Open function \"orders/refund\" (base44/functions/orders/refund/entry.ts)",
                "\"orders/refund\" -> base44/functions/orders/refund/entry.ts | Open function \"orders/refund\" (base44/functions/orders/refund/entry.ts)",
                "\"checkStock\" -> base44/functions/stock/main.ts | Open function \"checkStock\" (base44/functions/stock/main.ts)",
                "\"checkStock\" -> base44/functions/stock/main.ts | Open function \"checkStock\" (base44/functions/stock/main.ts)",
                "\"process-order\" -> base44/functions/process-order/entry.ts | Open function \"process-order\" (base44/functions/process-order/entry.ts)",
            ]
        );
    }

    #[test]
    fn outside_a_project_nothing_links() {
        let found = links("//- /src/page.jsx\nbase44.functions.invoke('a');$0\n");
        assert_eq!(found, Vec::<String>::new());
    }
}
