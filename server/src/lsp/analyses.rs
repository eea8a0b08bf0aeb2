//! The analysis of each open document: its call sites, its summary for the files that
//! import it, and its diagnostics, against the index with the other open documents'
//! summaries laid over it. Computed once per document version, index generation and
//! generation of the open summaries, so a request and the publisher share one; after an
//! edit, by running the flow again only over the parts of the file the edit touched
//! (`checks::parts`), from what the last analysis kept.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tower_lsp_server::ls_types::Uri;

use crate::checks::check_file;
use crate::checks::parts::{PartsState, check_file_by_parts};
use crate::modules::calls::CallSite;
use crate::modules::graph::{FactsSource, FileFacts};
use crate::modules::index::WorkspaceIndex;
use crate::syntax::diagnostics::Diagnostic;

use super::documents::Document;
use super::guard::guarded;
use super::session::Session;

/// What an open document was found to hold, for one version of it and of what it imports.
#[derive(Debug)]
pub struct OpenAnalysis {
    key: (i32, u64, u64),
    pub path: PathBuf,
    pub facts: Arc<FileFacts>,
    pub diagnostics: Vec<Diagnostic>,
    /// What the next version's analysis can keep of this one's.
    parts: Option<PartsState>,
}

/// The index's facts with open documents' analysed summaries laid over them.
pub struct OpenFacts<'a> {
    pub session: &'a Session,
    pub index: &'a WorkspaceIndex,
}

impl FactsSource for OpenFacts<'_> {
    fn facts(&self, path: &Path) -> Option<Arc<FileFacts>> {
        let open = self.session.analyses.iter().find(|a| a.path == path).map(|a| Arc::clone(&a.facts));
        open.or_else(|| self.index.facts(path))
    }

    fn raw_response_used(&self, helper: &Path, name: &str) -> bool {
        let open: Vec<PathBuf> = self.session.analyses.iter().map(|a| a.path.clone()).collect();
        self.session.analyses.iter().any(|a| a.facts.uses_raw(helper, name))
            || self.index.modules.files.iter().any(|(path, facts)| !open.contains(path) && facts.uses_raw(helper, name))
    }
}

impl Session {
    /// The analysis of an open document, computed now when none is current.
    pub fn analysis(&self, uri: &Uri) -> Option<Arc<OpenAnalysis>> {
        // The index first: no other lock is taken while a document's is held.
        let (index, generation) = self.index_and_generation();
        let open_generation = self.open_generation.load(Ordering::Acquire);
        // The version first, without a copy of the text: a current analysis needs none, and a
        // document without a tree (one too large to parse) has no analysis.
        let version = self.docs.get(uri).filter(|doc| doc.tree.is_some()).map(|doc| doc.version)?;
        if let Some(found) = self.analyses.get(uri).filter(|a| a.key == (version, generation, open_generation)) {
            return Some(Arc::clone(&found));
        }
        let doc = self.snapshot(uri)?;
        let key = (doc.version, generation, open_generation);
        let before = self.analyses.get(uri).map(|a| Arc::clone(&a));
        let analysed = analyse(self, &index, &doc, key, before.as_deref())?;
        let exports_changed = before.is_none_or(|before| {
            before.facts.exports != analysed.facts.exports || before.facts.reexports != analysed.facts.reexports
        });
        let analysed = Arc::new(analysed);
        self.analyses.insert(uri.clone(), Arc::clone(&analysed));
        if exports_changed {
            // What other open documents import from this one may have changed.
            self.open_generation.fetch_add(1, Ordering::AcqRel);
            self.exports_changed.store(true, Ordering::Release);
        }
        Some(analysed)
    }

    /// The call sites of an open document, as last analysed (none before that).
    pub fn sites_of(&self, uri: &Uri) -> Vec<CallSite> {
        self.analysis(uri).map(|a| a.facts.sites.clone()).unwrap_or_default()
    }

    /// Whether an open document's summary changed since this was last asked.
    pub fn take_exports_changed(&self) -> bool {
        self.exports_changed.swap(false, Ordering::AcqRel)
    }
}

fn analyse(
    session: &Session,
    index: &WorkspaceIndex,
    doc: &Document,
    key: (i32, u64, u64),
    before: Option<&OpenAnalysis>,
) -> Option<OpenAnalysis> {
    let (Some(path), Some(tree)) = (&doc.path, &doc.tree) else { return None };
    let overlay = OpenFacts { session, index };
    let previous = before.filter(|b| &b.path == path).and_then(|b| b.parts.as_ref());
    let by_parts = guarded("analysis", || check_file_by_parts(previous, key.1, index, &overlay, path, &doc.text, tree));
    // Any doubt about the parts, the whole file: a panic there need not be the whole check's.
    let (report, parts) = match by_parts {
        Ok(checked) => checked,
        Err(_) => (guarded("analysis", || check_file(index, &overlay, path, &doc.text, tree)).ok()?, None),
    };
    let facts = Arc::new(report.facts);
    Some(OpenAnalysis { key, path: path.clone(), facts, diagnostics: report.diagnostics, parts })
}
