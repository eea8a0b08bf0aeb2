//! The problems of every file as `check` reports them, kept for the files nobody has open:
//! filled when an indexing run ends (the run checks each file it reads), and file by file as
//! files change. Each file's diagnostics are placed (lines and UTF-16 columns) when they are
//! stored, so answering needs no file read, and carry a result id that changes only when they
//! do: a client that pulls again is told `unchanged` for every file it already has.
//!
//! Only files with problems have an entry. Severity overrides from the settings are applied
//! when answering, and are part of the result id.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use dashmap::DashMap;
use tower_lsp_server::ls_types::{self as ls, Uri};

use crate::features::problems::recheck;
use crate::modules::index::WorkspaceIndex;
use crate::project::sources::Sources;
use crate::syntax::diagnostics::{Diagnostic, Severity};
use crate::syntax::text::LineIndex;

use super::convert::{self, FileText};
use super::settings::Settings;

/// The result id of a file without problems: what a client holds once told the file is clean.
pub const CLEAN: &str = "clean";

/// A diagnostic with its positions resolved, shown with its default severity.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    shown: ls::Diagnostic,
    code: &'static str,
    severity: Severity,
}

/// One file's problems and the id of this version of them.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: u64,
    placed: Arc<Vec<Placed>>,
}

impl Entry {
    /// The diagnostics as the user's settings show them (a code turned off is left out).
    pub fn shown(&self, settings: &Settings) -> Vec<ls::Diagnostic> {
        self.placed
            .iter()
            .filter_map(|placed| {
                let level = settings.severity_for(placed.code, placed.severity)?;
                let mut shown = placed.shown.clone();
                shown.severity = Some(convert::severity(level));
                Some(shown)
            })
            .collect()
    }
}

/// The closed files' problems, the ids given out, and what was pushed to a push-only client.
#[derive(Default)]
pub struct Problems {
    files: RwLock<BTreeMap<PathBuf, Entry>>,
    /// Whether an indexing run has checked the whole workspace once.
    built: std::sync::atomic::AtomicBool,
    next_id: AtomicU64,
    /// What each open document was last answered with (pulled), and its id.
    pulled: DashMap<Uri, (Vec<ls::Diagnostic>, u64)>,
    /// The result id last published for each closed file (push-only clients).
    pub pushed: Mutex<HashMap<Uri, String>>,
}

impl Problems {
    pub fn is_built(&self) -> bool {
        self.built.load(Ordering::Acquire)
    }

    /// An indexing run ended without checking the workspace (it failed): pulls wait no longer
    /// and answer what is known.
    pub fn mark_built(&self) {
        self.built.store(true, Ordering::Release);
    }

    fn fresh_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Replaces every file's problems with a whole workspace's (`found`, sorted by path).
    pub fn replace_all(&self, found: Vec<(PathBuf, Vec<Placed>)>) {
        if let Ok(mut files) = self.files.write() {
            let before = std::mem::take(&mut *files);
            for (path, placed) in found {
                let entry = self.entry_after(before.get(&path), placed);
                files.insert(path, entry);
            }
        }
        self.built.store(true, Ordering::Release);
    }

    /// Sets some files' problems (an empty list: the file has none, or is gone).
    pub fn update(&self, found: Vec<(PathBuf, Vec<Placed>)>) {
        let Ok(mut files) = self.files.write() else { return };
        for (path, placed) in found {
            if placed.is_empty() {
                files.remove(&path);
            } else {
                let entry = self.entry_after(files.get(&path), placed);
                files.insert(path, entry);
            }
        }
    }

    /// Forgets the files under a deleted path.
    pub fn remove_under(&self, gone: &Path) {
        if let Ok(mut files) = self.files.write() {
            files.retain(|path, _| !path.starts_with(gone));
        }
    }

    /// The same id when nothing changed, so the client hears `unchanged`.
    fn entry_after(&self, before: Option<&Entry>, placed: Vec<Placed>) -> Entry {
        match before {
            Some(before) if *before.placed == placed => before.clone(),
            _ => Entry { id: self.fresh_id(), placed: Arc::new(placed) },
        }
    }

    /// Every file with problems (sorted by path).
    pub fn entries(&self) -> Vec<(PathBuf, Entry)> {
        self.files.read().map(|files| files.iter().map(|(p, e)| (p.clone(), e.clone())).collect()).unwrap_or_default()
    }

    pub fn entry(&self, path: &Path) -> Option<Entry> {
        self.files.read().ok().and_then(|files| files.get(path).cloned())
    }

    /// The id of an open document's diagnostics as answered now: the one given before when
    /// they are the same.
    pub fn pulled_id(&self, uri: &Uri, shown: &[ls::Diagnostic]) -> u64 {
        if let Some(before) = self.pulled.get(uri).filter(|before| before.0 == shown) {
            return before.1;
        }
        let id = self.fresh_id();
        self.pulled.insert(uri.clone(), (shown.to_vec(), id));
        id
    }

    pub fn forget_pulled(&self, uri: &Uri) {
        self.pulled.remove(uri);
    }
}

/// A closed file's result id: its entry's, and the severity overrides it is shown with.
pub fn result_id(id: u64, settings: &Settings) -> String {
    match severity_fingerprint(settings) {
        0 => id.to_string(),
        print => format!("{id}.{print:x}"),
    }
}

/// A stable summary of the severity overrides (0 when there are none), so that ids given out
/// under other settings are not taken for current ones. FNV-1a: the same on every run.
fn severity_fingerprint(settings: &Settings) -> u64 {
    let overrides: BTreeMap<&String, &String> = settings.diagnostics.severity.iter().collect();
    if overrides.is_empty() {
        return 0;
    }
    let mut hasher = Fnv(0xcbf2_9ce4_8422_2325);
    overrides.hash(&mut hasher);
    hasher.finish()
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Places one file's diagnostics in its text; the places they point to in other files are
/// read from `sources`.
pub fn place(diagnostics: &[Diagnostic], text: &str, sources: &dyn Sources) -> Vec<Placed> {
    let lines = LineIndex::new(text);
    let file = FileText { text, lines: &lines };
    let defaults = Settings::default();
    let mut others: HashMap<PathBuf, Option<(String, LineIndex)>> = HashMap::new();
    diagnostics
        .iter()
        .filter_map(|diagnostic| {
            let mut shown = convert::diagnostic(diagnostic, &file, &defaults)?;
            let related: Vec<ls::DiagnosticRelatedInformation> = diagnostic
                .related
                .iter()
                .filter_map(|related| {
                    let (text, lines) = others
                        .entry(related.path.clone())
                        .or_insert_with(|| {
                            sources.read(&related.path).map(|text| {
                                let lines = LineIndex::new(&text);
                                (text, lines)
                            })
                        })
                        .as_ref()?;
                    let location = convert::location(&related.path, &FileText { text, lines }, &related.range)?;
                    Some(ls::DiagnosticRelatedInformation { location, message: related.message.clone() })
                })
                .collect();
            shown.related_information = (!related.is_empty()).then_some(related);
            Some(Placed { shown, code: diagnostic.code, severity: diagnostic.severity })
        })
        .collect()
}

/// Places each file's diagnostics, reading its text from `sources`; a file that cannot be read
/// any more is left out (its change will come).
pub fn place_all(found: BTreeMap<PathBuf, Vec<Diagnostic>>, sources: &dyn Sources) -> Vec<(PathBuf, Vec<Placed>)> {
    use rayon::prelude::*;
    let found: Vec<(PathBuf, Vec<Diagnostic>)> = found.into_iter().collect();
    found
        .into_par_iter()
        .filter_map(|(path, diagnostics)| {
            let text = sources.read(&path)?;
            Some((path, place(&diagnostics, &text, sources)))
        })
        .collect()
}

/// Checks some files again (a changed file and those it reaches) and keeps what they have now;
/// a file that cannot be read any more has nothing.
pub fn recheck_files(problems: &Problems, index: &WorkspaceIndex, paths: Vec<PathBuf>, sources: &dyn Sources) {
    use rayon::prelude::*;
    let found: Vec<(PathBuf, Vec<Placed>)> = paths
        .into_par_iter()
        .map(|path| {
            let placed = match sources.read(&path) {
                Some(text) => place(&recheck(index, &path, &text), &text, sources),
                None => Vec::new(),
            };
            (path, placed)
        })
        .collect();
    problems.update(found);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::diagnostics::Related;

    struct Texts(Vec<(PathBuf, String)>);

    impl Sources for Texts {
        fn read(&self, path: &Path) -> Option<String> {
            self.0.iter().find(|(p, _)| p == path).map(|(_, t)| t.clone())
        }
    }

    fn diagnostic(range: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic::new("/w/a.js", range, Severity::Warning, "invoke-result-field", "read .data")
    }

    #[test]
    fn placed_in_utf16_with_related_places_and_shown_with_the_settings() {
        let texts = Texts(vec![(PathBuf::from("/w/api.js"), "// é\nreturn res;\n".into())]);
        // `res` after a character of two UTF-16 units, and after one of two bytes.
        let with_related = diagnostic(12..15).with_related(Related {
            path: PathBuf::from("/w/api.js"),
            range: 13..16,
            message: "returned here".into(),
        });
        let placed = place(&[with_related], "x = '😀'; res.x;\n", &texts);
        let entry = Entry { id: 1, placed: Arc::new(placed) };
        let shown = entry.shown(&Settings::default());
        let json = serde_json::to_value(&shown).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!([{
                "range": {"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 13}},
                "severity": 2, "code": "invoke-result-field", "source": "base44", "message": "read .data",
                "relatedInformation": [{
                    "location": {"uri": "file:///w/api.js", "range": {"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 10}}},
                    "message": "returned here"
                }]
            }])
        );
        let settings = Settings::from_json(
            &serde_json::json!({ "diagnostics": { "severity": { "invoke-result-field": "off" } } }),
        );
        assert_eq!(entry.shown(&settings), Vec::<ls::Diagnostic>::new());
        assert_eq!(result_id(7, &Settings::default()), "7");
        assert_ne!(result_id(7, &settings), "7");
        assert_eq!(result_id(7, &settings), result_id(7, &settings.clone()), "the same settings, the same id");
    }

    #[test]
    fn ids_change_only_with_the_problems() {
        let problems = Problems::default();
        let text = "x = res.x;\ny = res.y;\n";
        let at = |range| place(&[diagnostic(range)], text, &Texts(Vec::new()));
        let (a, b) = (PathBuf::from("/w/a.js"), PathBuf::from("/w/b.js"));
        problems.replace_all(vec![(a.clone(), at(0..3)), (b.clone(), at(0..3))]);
        let ids = |problems: &Problems| problems.entries().iter().map(|(_, e)| e.id).collect::<Vec<_>>();
        assert_eq!(ids(&problems), [1, 2]);
        problems.update(vec![(a.clone(), at(0..3)), (b.clone(), at(11..14))]);
        assert_eq!(ids(&problems), [1, 3], "a is the same: its id stays");
        problems.replace_all(vec![(b.clone(), at(11..14))]);
        assert_eq!(ids(&problems), [3], "a has no problems left");
        problems.update(vec![(b.clone(), Vec::new())]);
        assert_eq!(ids(&problems), Vec::<u64>::new());
        problems.update(vec![(a.clone(), at(0..3))]);
        problems.remove_under(Path::new("/w"));
        assert!(problems.entries().is_empty());
    }
}
