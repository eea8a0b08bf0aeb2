//! How a session ends, whatever the client does: `exit` (status 0 after `shutdown`, 1
//! without, as the spec asks), its end of stdin closing, or its process (`processId` of
//! `initialize`) dying. Every way ends the process promptly, even while requests of the
//! server's own (`client/registerCapability`, `workspace/configuration`) wait for answers
//! that will never come: tower-lsp-server would wait on those for ever.

use std::time::Duration;

/// What the input filter saw that matters for ending the session, in the client's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The `processId` of `initialize`: the process to outlive no longer than a check.
    ClientProcess(u32),
    Shutdown,
    Exit,
    InputClosed,
}

/// Why the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Exit,
    InputClosed,
    ClientGone,
    /// The server stopped on its own (it ends after `exit` once nothing is pending).
    ServerDone,
}

/// How often the client's process is looked for: the server outlives it by at most this.
pub const CLIENT_CHECK_EVERY: Duration = Duration::from_secs(1);

/// Tracks `shutdown` and tells the process's exit status.
#[derive(Debug, Default)]
pub struct Ending {
    shutdown_seen: bool,
}

impl Ending {
    /// Notes an event; `Some` when it ends the session.
    pub fn note(&mut self, event: Event) -> Option<End> {
        match event {
            Event::Shutdown => {
                self.shutdown_seen = true;
                None
            }
            Event::ClientProcess(_) => None,
            Event::Exit => Some(End::Exit),
            Event::InputClosed => Some(End::InputClosed),
        }
    }

    /// 0 when the client asked for `shutdown` first, else 1 (a bare `exit`, a crashed client).
    pub fn exit_status(&self, end: End) -> i32 {
        match end {
            End::ClientGone => 1,
            _ if self.shutdown_seen => 0,
            _ => 1,
        }
    }
}

/// The `processId` member of an `initialize` request's params, when it names a process
/// other than this one.
pub fn client_process(params: Option<&serde_json::Value>) -> Option<u32> {
    let pid = params?.get("processId")?.as_u64()?;
    let pid = u32::try_from(pid).ok().filter(|&pid| pid > 1)?;
    (pid != std::process::id()).then_some(pid)
}

/// Resolves once the process `pid` is gone, looking every [`CLIENT_CHECK_EVERY`].
pub async fn client_gone(pid: u32) {
    let mut ticks = tokio::time::interval(CLIENT_CHECK_EVERY);
    loop {
        ticks.tick().await;
        if !is_alive(pid) {
            return;
        }
    }
}

/// Whether a process runs: `kill(pid, 0)` (EPERM means it exists but is not ours), and on
/// Linux not a zombie, which is what a dead editor is until its parent reaps it.
#[cfg(unix)]
pub fn is_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
    // SAFETY: kill(2) with signal 0 only checks that the process exists; it sends nothing.
    let exists =
        unsafe { libc::kill(pid, 0) } == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH);
    exists && !is_zombie(pid)
}

#[cfg(all(unix, target_os = "linux"))]
fn is_zombie(pid: libc::pid_t) -> bool {
    // `pid (comm) S ...`: the state follows the last `)`, as comm may hold one.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| stat.rsplit_once(')').map(|(_, rest)| rest.trim_start().starts_with('Z')))
        .unwrap_or(false)
}

#[cfg(all(unix, not(target_os = "linux")))]
fn is_zombie(_pid: libc::pid_t) -> bool {
    false
}

/// Elsewhere the client's process is not watched; stdin closing still ends the session.
#[cfg(not(unix))]
pub fn is_alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn exit_status_follows_the_spec() {
        let mut ending = Ending::default();
        assert_eq!(ending.note(Event::ClientProcess(42)), None);
        assert_eq!(ending.note(Event::Exit), Some(End::Exit));
        assert_eq!(ending.exit_status(End::Exit), 1);
        assert_eq!(ending.exit_status(End::InputClosed), 1);
        assert_eq!(ending.note(Event::Shutdown), None);
        assert_eq!(ending.exit_status(End::Exit), 0);
        assert_eq!(ending.exit_status(End::InputClosed), 0);
        assert_eq!(ending.exit_status(End::ClientGone), 1);
    }

    #[test]
    fn process_ids_worth_watching() {
        assert_eq!(client_process(Some(&json!({"processId": 4242}))), Some(4242));
        let own = std::process::id();
        let ignored = [json!({"processId": null}), json!({}), json!({"processId": -3}), json!({"processId": own})];
        for params in ignored {
            assert_eq!(client_process(Some(&params)), None, "{params}");
        }
        assert_eq!(client_process(Some(&json!({"processId": 1}))), None, "init outlives everything");
        assert_eq!(client_process(None), None);
    }

    #[cfg(unix)]
    #[test]
    fn this_process_is_alive_and_a_reaped_one_is_not() {
        assert!(is_alive(std::process::id()));
        // No process has this id: pid_max is at most 2^22 on Linux.
        assert!(!is_alive(u32::MAX >> 1));
    }
}
