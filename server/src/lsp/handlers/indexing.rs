//! Building the workspace index in the background: first the projects and their
//! functions' names (then open documents get their diagnostics), then what takes parsing:
//! how entries serve, their docs, and every file's call sites (for references and call
//! counts) and problems (for the files nobody has open). Requests are answered meanwhile
//! with what is known, and a client that accepts work-done progress is told how far
//! indexing got.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tower_lsp_server::ls_types::ProgressToken;
use tower_lsp_server::{Bounded, NotCancellable, OngoingProgress};

use crate::checks::batch::read_and_check;
use crate::lsp::problems;
use crate::lsp::session::{IndexTurn, Overlay, Session};
use crate::modules::index::WorkspaceIndex;
use crate::modules::reading::ReadCost;
use crate::project::functions::EntryReading;
use crate::project::scan::scan;
use crate::syntax::wording::counted;

use super::{diagnostics, status};

/// How often a long indexing run tells the client how far it got.
const REPORT_EVERY: Duration = Duration::from_millis(250);

/// The share of the bar the function names take; reading every file is the rest.
const NAMES_DONE_PERCENT: u32 = 10;

pub async fn index_workspace(session: Arc<Session>) {
    let turn = session.index_turn().await;
    index_workspace_in_turn(session, turn).await;
}

/// Runs `change` with the turn to change the index: now when no indexing run is under way,
/// else in the background once the runs before it end (in the order asked), since a run
/// reads files as they are and then replaces the whole index, which would lose a change
/// applied in the meantime.
pub async fn in_turn<F, Done>(session: &Arc<Session>, change: F)
where
    F: FnOnce(Arc<Session>, IndexTurn) -> Done + Send + 'static,
    Done: Future<Output = ()> + Send + 'static,
{
    match session.index_turn_now() {
        Some(turn) => change(Arc::clone(session), turn).await,
        None => {
            let session = Arc::clone(session);
            tokio::spawn(async move {
                let turn = session.index_turn().await;
                change(session, turn).await;
            });
        }
    }
}

/// The indexing run itself, for a caller that already holds the turn.
pub async fn index_workspace_in_turn(session: Arc<Session>, turn: IndexTurn) {
    status::send(&session, "indexing").await;
    let started = Instant::now();
    let progress = begin_progress(&session).await;

    let folders = session.folders();
    let worker = Arc::clone(&session);
    let built = tokio::task::spawn_blocking(move || {
        let scan = scan(&folders);
        let mut index = WorkspaceIndex::functions_only(&folders, &scan, &Overlay(&worker), EntryReading::NamesOnly);
        // Keep the facts of the previous index until the new ones are read.
        index.modules.files = worker.index().modules.files.clone();
        index.modules.wrappers = std::sync::Arc::new(worker.settings().wrappers);
        (index, scan)
    })
    .await;
    let (index, scan) = match built {
        Ok((index, scan)) => (Some(index), Some(scan)),
        Err(_) => {
            eprintln!("base44-lsp: indexing failed; the server goes on with what it had");
            (None, None)
        }
    };
    // Open documents get diagnostics now, from the new index or (failing that) the old.
    let open = match session.ready.lock() {
        Ok(mut ready) => {
            if let Some(index) = index {
                session.set_index(&turn, index);
            }
            *ready = true;
            diagnostics::open_uris(&session)
        }
        Err(_) => Vec::new(),
    };
    diagnostics::publish_documents(&session, open).await;
    let Some(scan) = scan else {
        session.problems.mark_built();
        if let Some(progress) = progress {
            progress.finish_with_message("indexing failed; see the server's log").await;
        }
        status::send(&session, "ready").await;
        return;
    };
    let names = Phase { seconds: started.elapsed().as_secs_f64(), resident_mb: resident_mb() };
    let functions = counted(session.index().function_count(), "function");
    if let Some(progress) = &progress {
        let message = format!("{functions}; reading entries and call sites");
        progress.report_with_message(message, NAMES_DONE_PERCENT).await;
    }

    // Then what takes parsing: how each entry serves (and its docs), and the call sites.
    let worker = Arc::clone(&session);
    let folders = session.folders();
    let files = scan.files.len();
    let read = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&read);
    let mut full = tokio::task::spawn_blocking(move || {
        let sources = Overlay(&worker);
        let entries_started = Instant::now();
        let mut index = WorkspaceIndex::functions_only(&folders, &scan, &sources, EntryReading::Full);
        let entries = entries_started.elapsed().as_secs_f64();
        index.modules.wrappers = std::sync::Arc::new(worker.settings().wrappers);
        // Every file read is checked as it is analysed, as `check` does: the closed files'
        // problems come with the index, without parsing the workspace twice.
        let modules_started = Instant::now();
        let (found, cost) = read_and_check(&mut index, &scan.files, &sources, &counter);
        let modules = Phase { seconds: modules_started.elapsed().as_secs_f64(), resident_mb: resident_mb() };
        let problems = problems::place_all(found, &sources);
        (index, problems, entries, modules, cost)
    });
    let mut reported = NAMES_DONE_PERCENT;
    let full = loop {
        tokio::select! {
            full = &mut full => break full,
            () = tokio::time::sleep(REPORT_EVERY) => {
                let done = read.load(Ordering::Relaxed);
                let percent = files_percent(done, files);
                // Unchanged or finished: the next message says so.
                if let (Some(progress), true) = (&progress, percent > reported && done < files) {
                    reported = percent;
                    let message = format!("reading call sites: {done} of {}", counted(files, "file"));
                    progress.report_with_message(message, percent).await;
                }
            }
        }
    };
    match full {
        Ok((full, problems, entries, modules, cost)) => {
            // What each phase cost, for whoever wonders where start-up time and memory go (the
            // benchmark reads this line).
            eprintln!("base44-lsp: {}", phases_line(&names, entries, &modules, &cost, files));
            session.set_index(&turn, full);
            session.problems.replace_all(problems);
            crate::lsp::memory::give_back_freed();
        }
        Err(_) => session.problems.mark_built(),
    }
    // Open documents' imports are known now: what they call through them is checked.
    diagnostics::publish_documents(&session, diagnostics::open_uris(&session)).await;
    diagnostics::publish_closed_files(&session).await;
    if let Some(progress) = progress {
        let index = session.index();
        let sites = index.call_site_count();
        progress.finish_with_message(format!("{functions}, {}", counted(sites, "call site"))).await;
    }
    crate::lsp::readiness::index_changed(&session);
    status::send(&session, "ready").await;
}

/// How long a phase of indexing took and the process's resident memory at its end.
struct Phase {
    seconds: f64,
    resident_mb: Option<u64>,
}

fn phases_line(names: &Phase, entries: f64, modules: &Phase, cost: &ReadCost, files: usize) -> String {
    let resident = |phase: &Phase| phase.resident_mb.map_or_else(|| "unknown".into(), |mb| format!("{mb} MB"));
    let mb = |bytes: usize| bytes as f64 / 1e6;
    format!(
        "index built: names in {:.2} s (resident {}), entries in {entries:.2} s, module graph in {:.2} s \
         ({} of {files} files analysed, {:.1} of {:.1} MB parsed, resident {})",
        names.seconds,
        resident(names),
        modules.seconds,
        cost.analyses,
        mb(cost.parsed_bytes),
        mb(cost.text_bytes),
        resident(modules)
    )
}

/// The process's resident memory in MB, where the system tells (Linux).
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024 / 1_000_000)
}

async fn begin_progress(session: &Session) -> Option<OngoingProgress<Bounded, NotCancellable>> {
    if !session.caps().work_done_progress {
        return None;
    }
    let token = ProgressToken::String("base44/indexing".into());
    session.client.create_work_done_progress(token.clone()).await.ok()?;
    let progress = session.client.progress(token, "Indexing Base44 functions");
    Some(progress.with_percentage(0).with_message("finding functions").begin().await)
}

/// Where the bar stands once `done` of `files` are read: after the names' share.
fn files_percent(done: usize, files: usize) -> u32 {
    let rest = u64::from(100 - NAMES_DONE_PERCENT);
    let share = (done.min(files) as u64 * rest).checked_div(files as u64).unwrap_or(rest);
    NAMES_DONE_PERCENT + share as u32
}

#[cfg(test)]
mod tests {
    use super::{Phase, files_percent, phases_line};
    use crate::modules::reading::ReadCost;

    #[test]
    fn the_phases_line_says_what_each_phase_cost() {
        let names = Phase { seconds: 0.4321, resident_mb: Some(40) };
        let modules = Phase { seconds: 5.1, resident_mb: None };
        let cost = ReadCost { analyses: 10_917, text_bytes: 84_314_971, parsed_bytes: 9_876_543 };
        assert_eq!(
            phases_line(&names, 1.25, &modules, &cost, 63_003),
            "index built: names in 0.43 s (resident 40 MB), entries in 1.25 s, module graph in 5.10 s \
             (10917 of 63003 files analysed, 9.9 of 84.3 MB parsed, resident unknown)"
        );
    }

    #[test]
    fn the_bar_moves_from_the_names_share_to_full() {
        let points: Vec<u32> = [(0, 200), (100, 200), (200, 200), (300, 200), (0, 0)]
            .iter()
            .map(|&(done, files)| files_percent(done, files))
            .collect();
        assert_eq!(points, [10, 55, 100, 100, 100]);
    }
}
