//! The session's state: open documents, the workspace index, settings and what the
//! client can do. Requests read cheap snapshots (an `Arc` of the index); the indexer
//! swaps in a new one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex, RwLock};

use dashmap::DashMap;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::Uri;

use crate::modules::calls::{CallKind, CallSite};
use crate::modules::index::WorkspaceIndex;
use crate::project::sources::{Sources, read_source};
use crate::syntax::text::LineIndex;

use super::completion_list::Written;
use super::documents::Document;
use super::raw_results::RawResults;
use super::settings::Settings;

/// What the client said it supports, as far as the server cares.
#[derive(Debug, Clone, Default)]
pub struct ClientCaps {
    pub watch_files_dynamically: bool,
    pub work_done_progress: bool,
    pub configuration: bool,
    pub resource_rename: bool,
    /// The client resolves completion items' documentation lazily.
    pub completion_resolve: bool,
    pub completion_defaults: CompletionDefaults,
    /// The client takes `workspace/codeLens/refresh`.
    pub code_lens_refresh: bool,
    /// The client takes `workspace/diagnostic/refresh`.
    pub diagnostic_refresh: bool,
    /// The client pulls diagnostics (`textDocument/diagnostic`): nothing is published to it.
    pub pull_diagnostics: bool,
}

/// Which of a completion list's `itemDefaults` the client applies to its items.
#[derive(Debug, Clone, Copy, Default)]
pub struct CompletionDefaults {
    pub edit_range: bool,
    pub data: bool,
}

pub struct Session {
    pub client: Client,
    pub docs: DashMap<Uri, Document>,
    /// The index, and how many times it has changed (read together, under the lock).
    index: RwLock<(Arc<WorkspaceIndex>, u64)>,
    pub folders: RwLock<Vec<PathBuf>>,
    /// Whether the function index has been built once. Held while deciding who
    /// publishes an opening document's first diagnostics, so exactly one side does.
    pub ready: Mutex<bool>,
    pub settings: RwLock<Settings>,
    pub caps: RwLock<ClientCaps>,
    /// Every closed file's problems, as `check` reports them (see `problems`).
    pub problems: super::problems::Problems,
    /// Large answers, written as text for the transport to send.
    pub raw_results: Arc<RawResults>,
    /// The last list of every function of a project, written as JSON, for the index
    /// generation it was written from.
    function_items: Mutex<Option<(FunctionItemsKey, Arc<Written>)>>,
    /// Each open document's analysis (see `analyses`).
    pub analyses: DashMap<Uri, Arc<super::analyses::OpenAnalysis>>,
    /// Changes whenever an open document's summary does: what other open documents import
    /// from it changed, so their analyses are stale.
    pub open_generation: AtomicU64,
    /// An open document's summary changed and the other open documents have not yet been
    /// published again.
    pub exports_changed: AtomicBool,
    /// What was last published for each open document (its version and a hash of the
    /// diagnostics), so the same list is not sent twice.
    published: DashMap<Uri, (i32, u64)>,
    /// Whose turn it is to change the index from disk: an indexing run holds it from start to
    /// end, so that a run that began with older folders cannot finish after one that began
    /// with newer and put its index back, and a file changed during a run is applied after it.
    index_turn: Arc<tokio::sync::Mutex<()>>,
    /// Whose turn it is to publish an open document's diagnostics (`publication`).
    pub publishing: tokio::sync::Mutex<()>,
}

/// Holding it, the index is yours to change from disk (see `Session::index_turn`).
pub type IndexTurn = tokio::sync::OwnedMutexGuard<()>;

/// What a cached list of function completion items was written for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionItemsKey {
    pub generation: u64,
    pub project: Option<usize>,
    pub kind: CallKind,
    pub item_data: Option<usize>,
    /// Each item carries its range (the client takes no `itemDefaults`).
    pub own_range: bool,
    /// Each item carries its details (the client resolves none).
    pub details: bool,
}

impl Session {
    pub fn new(client: Client, raw_results: Arc<RawResults>) -> Self {
        Self {
            client,
            docs: DashMap::new(),
            index: RwLock::new((Arc::new(WorkspaceIndex::default()), 0)),
            folders: RwLock::new(Vec::new()),
            ready: Mutex::new(false),
            settings: RwLock::new(Settings::default()),
            caps: RwLock::new(ClientCaps::default()),
            problems: Default::default(),
            raw_results,
            function_items: Mutex::new(None),
            analyses: DashMap::new(),
            published: DashMap::new(),
            open_generation: AtomicU64::new(0),
            exports_changed: AtomicBool::new(false),
            index_turn: Arc::new(tokio::sync::Mutex::new(())),
            publishing: tokio::sync::Mutex::new(()),
        }
    }

    /// Waits for the turn to change the index (turns are given in the order asked).
    pub async fn index_turn(&self) -> IndexTurn {
        Arc::clone(&self.index_turn).lock_owned().await
    }

    /// The turn, if nobody holds it or waits for it.
    pub fn index_turn_now(&self) -> Option<IndexTurn> {
        Arc::clone(&self.index_turn).try_lock_owned().ok()
    }

    pub fn index(&self) -> Arc<WorkspaceIndex> {
        self.index_and_generation().0
    }

    /// Whether these diagnostics differ from what was last published for the document (and
    /// so are worth sending); notes them as published.
    pub fn first_publish<T: serde::Serialize>(&self, uri: &Uri, version: i32, diagnostics: &T) -> bool {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        serde_json::to_string(diagnostics).unwrap_or_default().hash(&mut hasher);
        let key = (version, hasher.finish());
        let before = self.published.insert(uri.clone(), key);
        before != Some(key)
    }

    /// Forgets what was published for a closed document.
    pub fn forget_published(&self, uri: &Uri) {
        self.published.remove(uri);
    }

    /// The index and its generation, which changes whenever the index does.
    pub fn index_and_generation(&self) -> (Arc<WorkspaceIndex>, u64) {
        self.index.read().map(|slot| (Arc::clone(&slot.0), slot.1)).unwrap_or_default()
    }

    /// Puts a new index in place; only with the turn, so no change made meanwhile is lost.
    pub fn set_index(&self, _turn: &IndexTurn, index: WorkspaceIndex) {
        if let Ok(mut slot) = self.index.write() {
            *slot = (Arc::new(index), slot.1 + 1);
        }
    }

    /// Changes the index in place (cloning it if a request still holds the old one).
    /// Only with the turn: an indexing run under way would put its index over the change.
    pub fn update_index(&self, _turn: &IndexTurn, change: impl FnOnce(&mut WorkspaceIndex)) {
        if let Ok(mut slot) = self.index.write() {
            change(Arc::make_mut(&mut slot.0));
            slot.1 += 1;
        }
    }

    /// The function items written for `key`, or `write`'s, kept for the next list.
    pub fn function_items<E>(
        &self,
        key: FunctionItemsKey,
        write: impl FnOnce() -> Result<Arc<Written>, E>,
    ) -> Result<Arc<Written>, E> {
        let cached = self.function_items.lock().ok().and_then(|slot| {
            slot.as_ref().filter(|(written_for, _)| *written_for == key).map(|(_, json)| Arc::clone(json))
        });
        if let Some(json) = cached {
            return Ok(json);
        }
        let json = write()?;
        if let Ok(mut slot) = self.function_items.lock() {
            *slot = Some((key, Arc::clone(&json)));
        }
        Ok(json)
    }

    pub fn settings(&self) -> Settings {
        self.settings.read().map(|s| s.clone()).unwrap_or_default()
    }

    pub fn caps(&self) -> ClientCaps {
        self.caps.read().map(|c| c.clone()).unwrap_or_default()
    }

    pub fn folders(&self) -> Vec<PathBuf> {
        self.folders.read().map(|f| f.clone()).unwrap_or_default()
    }

    pub fn is_ready(&self) -> bool {
        self.ready.lock().map(|r| *r).unwrap_or(false)
    }

    /// A copy of an open document (the tree is shared, not copied), so a handler can
    /// work without holding the map's lock while it looks at other documents.
    pub fn snapshot(&self, uri: &Uri) -> Option<Document> {
        self.docs.get(uri).map(|doc| doc.clone())
    }

    /// The call sites of open documents, by path, as they are now.
    pub fn open_call_sites(&self) -> HashMap<PathBuf, Vec<CallSite>> {
        let uris: Vec<Uri> = self.docs.iter().map(|doc| doc.key().clone()).collect();
        uris.iter().filter_map(|uri| self.analysis(uri)).map(|a| (a.path.clone(), a.facts.sites.clone())).collect()
    }

    /// The text of a file and its line index: the open document's, else the disk's. Nothing,
    /// once the request asking was cancelled: the rest of its work then reads nothing.
    pub fn file_text(&self, path: &Path) -> Option<(String, LineIndex)> {
        if super::offload::cancelled() {
            return None;
        }
        let text = self.open_text(path).or_else(|| read_source(path))?;
        let lines = LineIndex::new(&text);
        Some((text, lines))
    }

    fn open_text(&self, path: &Path) -> Option<String> {
        self.docs.iter().find(|doc| doc.path.as_deref() == Some(path)).map(|doc| doc.text.clone())
    }

    pub fn is_open(&self, path: &Path) -> bool {
        self.docs.iter().any(|doc| doc.path.as_deref() == Some(path))
    }
}

/// Sources for the indexer: open documents' unsaved text over the disk.
pub struct Overlay<'s>(pub &'s Session);

impl Sources for Overlay<'_> {
    fn read(&self, path: &Path) -> Option<String> {
        self.0.open_text(path).or_else(|| read_source(path))
    }
}
