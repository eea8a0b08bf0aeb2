//! Runs one case: starts the server on a copy of the case's workspace, replays the client steps,
//! and checks what the server answers against the transcript (or records it, with UPDATE_EXPECT=1).

use crate::transcript::diff;
use crate::transcript::format::{self, Action, Step, Transcript};
use crate::transcript::json::{layout, redact, sort_canonically};
use crate::transcript::placeholders::{Roots, unset_env};
use crate::transcript::wire::{Incoming, Server};
use crate::transcript::workspace::TempWorkspace;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a check waits for the expected messages of one step.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(10);
/// Recording stops after this long without a message.
const RECORD_QUIET: Duration = Duration::from_millis(500);
/// After a mismatch, extra messages are gathered until this long passes without one, so the
/// report shows everything the step produced.
const REPORT_QUIET: Duration = Duration::from_millis(300);
/// Before shutting down, the server must stay silent this long.
const END_QUIET: Duration = Duration::from_millis(200);
const EXIT_TIMEOUT: Duration = Duration::from_secs(5);
/// `> exited`: the server promises to end within 1 s of stdin closing or `exit`; the check
/// allows twice that, for a loaded machine (a server that hangs never gets there).
const PROMPT_EXIT: Duration = Duration::from_secs(2);
/// Methods nobody wants in a snapshot unless a transcript says `> show <method>`.
const IGNORED_BY_DEFAULT: [&str; 2] = ["$/progress", "window/logMessage"];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    Check,
    /// Rewrite the expected blocks from what the server sends.
    Update,
}

#[derive(Debug, PartialEq)]
pub enum Outcome {
    Passed,
    Updated,
    Unchanged,
}

/// Runs the case in `case_dir` (`transcript` plus an optional `workspace/`). The error is a
/// complete report: the step, what went wrong, a diff, and the end of the server's stderr.
pub fn run_case(binary: &Path, case_dir: &Path, mode: Mode) -> Result<Outcome, String> {
    let transcript_path = case_dir.join("transcript");
    let text = std::fs::read_to_string(&transcript_path)
        .map_err(|error| format!("cannot read {}: {error}", transcript_path.display()))?;
    let transcript = format::parse(&text).map_err(|error| format!("transcript {error}"))?;
    let unset = unset_env(&text);
    if !unset.is_empty() {
        return Err(format!(
            "the transcript needs the environment variables {} (scripts/test sets them)",
            unset.join(", ")
        ));
    }
    let case = case_dir.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let workspace = TempWorkspace::copy_of(&case_dir.join("workspace"), &case)?;
    let roots = Roots::for_path(&workspace.root().to_string_lossy());
    let server = Server::spawn(binary, workspace.root())?;
    let mut session = Session {
        server,
        workspace,
        roots,
        next_id: 1,
        configuration: HashMap::new(),
        ignored: IGNORED_BY_DEFAULT.iter().map(|method| method.to_string()).collect(),
        redacted: HashSet::new(),
        unanswered: HashSet::new(),
        end_expected: false,
        ended: false,
    };

    let recorded = session.replay(&transcript, mode)?;
    if !session.ended {
        session.shut_down()?;
    }
    if mode == Mode::Check {
        return Ok(Outcome::Passed);
    }
    let updated = transcript.render_with(&recorded);
    if updated == text {
        return Ok(Outcome::Unchanged);
    }
    std::fs::write(&transcript_path, updated)
        .map_err(|error| format!("cannot write {}: {error}", transcript_path.display()))?;
    Ok(Outcome::Updated)
}

struct Session {
    server: Server,
    workspace: TempWorkspace,
    roots: Roots,
    next_id: u64,
    /// Answers for `workspace/configuration`, by section.
    configuration: HashMap<String, Value>,
    ignored: HashSet<String>,
    /// Members whose values are replaced by `"${redacted}"` in what the server sends.
    redacted: HashSet<String>,
    /// Server requests the harness leaves unanswered, by method.
    unanswered: HashSet<String>,
    /// The next step is `> exited`.
    end_expected: bool,
    /// The process ended at an `> exited` step.
    ended: bool,
}

impl Session {
    /// Performs every step; returns what the server sent after each one (empty in check mode).
    fn replay(&mut self, transcript: &Transcript, mode: Mode) -> Result<Vec<Vec<Value>>, String> {
        let mut recorded = Vec::new();
        let steps: Vec<&Step> = transcript.steps().collect();
        for (at, step) in steps.iter().enumerate() {
            // Before `> exited` the server may close its output at any moment: that is the end
            // of what it says, not an error.
            self.end_expected = steps.get(at + 1).is_some_and(|next| matches!(next.action, Action::Exited(_)));
            let mut received = Vec::new();
            let request_id = self.perform(&step.action, &mut received).map_err(|error| self.report(step, &error))?;
            if !step.action.talks_to_server() {
                recorded.push(Vec::new());
                continue;
            }
            match mode {
                Mode::Check => self.check(step, received, request_id)?,
                Mode::Update => {
                    // A request's answer may take longer than the quiet spell (one that waits
                    // for the index): wait for it first.
                    let deadline = Instant::now() + ANSWER_TIMEOUT;
                    self.gather(&mut received, 0, request_id, deadline)
                        .and_then(|_| self.gather_until_quiet(&mut received, RECORD_QUIET, deadline))
                        .map_err(|error| self.report(step, &error))?;
                    sort_canonically(&mut received);
                    recorded.push(received);
                }
            }
        }
        Ok(recorded)
    }

    /// Waits for as many messages as the step expects (and, for a request, for its response
    /// even if the transcript forgot it), then compares them whole.
    fn check(&mut self, step: &Step, mut received: Vec<Value>, request_id: Option<u64>) -> Result<(), String> {
        let mut expected = step.expected.clone();
        sort_canonically(&mut expected);
        let deadline = Instant::now() + ANSWER_TIMEOUT;
        let gathered = self.gather(&mut received, expected.len(), request_id, deadline);
        let mut sorted = received.clone();
        sort_canonically(&mut sorted);
        let problem = match gathered {
            Ok(true) if sorted == expected => return Ok(()),
            Ok(true) => {
                // Whatever else the step produces belongs in the report too.
                let limit = Instant::now() + ANSWER_TIMEOUT;
                match self.gather_until_quiet(&mut received, REPORT_QUIET, limit) {
                    Ok(()) => "the server's messages differ from the expected ones".to_string(),
                    Err(error) => {
                        format!("the server's messages differ from the expected ones, then {error}")
                    }
                }
            }
            Ok(false) => format!(
                "timed out after {} s waiting for {} messages{}; {} arrived",
                ANSWER_TIMEOUT.as_secs(),
                expected.len(),
                if request_id.is_some() { " and the response" } else { "" },
                received.len()
            ),
            Err(error) => error,
        };
        sort_canonically(&mut received);
        let comparison = diff::unified(&render_messages(&expected), &render_messages(&received));
        Err(self.report(step, &format!("{problem}\n{comparison}")))
    }

    /// Performs one step; returns the id of the request it sent, if it sent one whose response
    /// belongs to the step's expectations.
    fn perform(&mut self, action: &Action, received: &mut Vec<Value>) -> Result<Option<u64>, String> {
        if let Action::Request { method, params, no_wait } = action {
            let id = self.take_id();
            self.send(method, Some(id), params.as_ref())?;
            return Ok(Some(id).filter(|_| !no_wait));
        }
        self.perform_other(action, received).map(|()| None)
    }

    fn perform_other(&mut self, action: &Action, received: &mut Vec<Value>) -> Result<(), String> {
        match action {
            Action::Initialize { overrides } => self.initialize(overrides.as_ref(), received),
            Action::Request { .. } => Ok(()),
            Action::Notify { method, params } => self.send(method, None, params.as_ref()),
            Action::Raw(bytes) => self.server.send_raw(self.roots.fill_text(bytes).as_bytes()),
            Action::Open { path, language_id } => {
                let text = self.workspace.read(path)?;
                let language_id = language_id.clone().unwrap_or_else(|| language_for(path).to_string());
                let params = json!({"textDocument": {
                    "uri": self.roots.uri_of(path), "languageId": language_id, "version": 1, "text": text
                }});
                self.send("textDocument/didOpen", None, Some(&params))
            }
            Action::Write { path, content } => self.workspace.write(path, content),
            Action::Delete { path } => self.workspace.delete(path),
            Action::Config { section, value } => {
                self.configuration.insert(section.clone(), value.clone());
                Ok(())
            }
            Action::Show(method) => {
                self.ignored.remove(method);
                Ok(())
            }
            Action::Hide(method) => {
                self.ignored.insert(method.clone());
                Ok(())
            }
            Action::Redact(member) => {
                self.redacted.insert(member.clone());
                Ok(())
            }
            Action::Unanswered(method) => {
                self.unanswered.insert(method.clone());
                Ok(())
            }
            Action::Close => {
                self.server.close_stdin();
                Ok(())
            }
            Action::Exited(expected) => self.expect_exit(*expected),
        }
    }

    /// The process must end on its own within [`PROMPT_EXIT`] with `expected` as its status,
    /// having sent nothing the steps before did not expect.
    fn expect_exit(&mut self, expected: i32) -> Result<(), String> {
        self.ended = true;
        let status = self.server.wait_for_end(PROMPT_EXIT)?;
        if status.code() != Some(expected) {
            return Err(format!("the server exited with {status}, not {expected}"));
        }
        let mut unexpected = Vec::new();
        loop {
            match self.server.receive(Instant::now() + END_QUIET) {
                Some(Incoming::Message(message)) => {
                    let method = message.get("method").and_then(Value::as_str);
                    if !method.is_some_and(|method| self.ignored.contains(method)) {
                        unexpected.push(self.roots.restore(&message));
                    }
                }
                Some(Incoming::Malformed(problem)) => return Err(format!("the server sent {problem}")),
                Some(Incoming::Closed) | None => break,
            }
        }
        if unexpected.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "before it exited the server sent messages no step expects\n{}",
                diff::unified("", &render_messages(&unexpected))
            ))
        }
    }

    /// Sends `initialize`, waits for its answer (which must be a success; its content is the
    /// business of a case that sends `> request initialize` itself), then sends `initialized`.
    fn initialize(&mut self, overrides: Option<&Value>, received: &mut Vec<Value>) -> Result<(), String> {
        let mut params = default_initialize_params();
        if let Some(overrides) = overrides {
            merge(&mut params, overrides);
        }
        let id = self.take_id();
        self.send("initialize", Some(id), Some(&params))?;
        let deadline = Instant::now() + ANSWER_TIMEOUT;
        loop {
            let message = self.next_message(deadline)?.ok_or("timed out waiting for the answer to initialize")?;
            if is_response_to(&message, id) {
                if message.get("result").is_none() {
                    return Err(format!("initialize failed: {}", layout(&message)));
                }
                break;
            }
            received.push(message);
        }
        self.send("initialized", None, Some(&json!({})))
    }

    fn take_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn send(&mut self, method: &str, id: Option<u64>, params: Option<&Value>) -> Result<(), String> {
        let mut message = json!({"jsonrpc": "2.0"});
        if let Some(id) = id {
            message["id"] = json!(id);
        }
        message["method"] = json!(method);
        if let Some(params) = params {
            message["params"] = self.roots.fill(params);
        }
        self.server.send(&message)
    }

    /// The next message worth comparing, with placeholders restored; server requests are answered
    /// on the way. `None` once `deadline` passes.
    fn next_message(&mut self, deadline: Instant) -> Result<Option<Value>, String> {
        loop {
            let message = match self.server.receive(deadline) {
                None => return Ok(None),
                Some(Incoming::Message(message)) => message,
                Some(Incoming::Malformed(problem)) => {
                    return Err(format!("the server sent {problem}"));
                }
                Some(Incoming::Closed) if self.end_expected => return Ok(None),
                Some(Incoming::Closed) => {
                    // The process usually ends right after its output; give it a moment so the
                    // report can say how it ended.
                    let status = self.server.wait_for_exit(Duration::from_secs(1)).map_or_else(
                        |_| "it is still running".to_string(),
                        |status| format!("it exited with {status}"),
                    );
                    return Err(format!("the server closed its output ({status})"));
                }
            };
            let method = message.get("method").and_then(Value::as_str).map(str::to_string);
            if let (Some(method), Some(id)) = (&method, message.get("id"))
                && !self.unanswered.contains(method)
            {
                let result = self.answer(method, message.get("params"));
                self.server.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}))?;
            }
            if method.is_some_and(|method| self.ignored.contains(&method)) {
                continue;
            }
            let mut message = self.roots.restore(&message);
            redact(&mut message, &self.redacted);
            return Ok(Some(message));
        }
    }

    /// What the harness, playing the client, answers to a server request.
    fn answer(&self, method: &str, params: Option<&Value>) -> Value {
        if method != "workspace/configuration" {
            return Value::Null;
        }
        let items = params.and_then(|params| params.get("items")).and_then(Value::as_array);
        let answers = items.into_iter().flatten().map(|item| {
            let section = item.get("section").and_then(Value::as_str).unwrap_or("");
            self.configuration.get(section).map_or(Value::Null, |value| self.roots.fill(value))
        });
        Value::Array(answers.collect())
    }

    /// Gathers messages until there are `count` and the response to `request_id` is among them;
    /// `false` if the deadline came first.
    fn gather(
        &mut self,
        received: &mut Vec<Value>,
        count: usize,
        request_id: Option<u64>,
        deadline: Instant,
    ) -> Result<bool, String> {
        let answered =
            |received: &[Value]| request_id.is_none_or(|id| received.iter().any(|message| is_response_to(message, id)));
        while received.len() < count || !answered(received) {
            match self.next_message(deadline)? {
                Some(message) => received.push(message),
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn gather_until_quiet(&mut self, received: &mut Vec<Value>, quiet: Duration, limit: Instant) -> Result<(), String> {
        loop {
            let deadline = (Instant::now() + quiet).min(limit);
            match self.next_message(deadline)? {
                Some(message) => received.push(message),
                None => return Ok(()),
            }
        }
    }

    /// Asks the server to shut down, checks nothing unexpected came before the answer, and
    /// checks that the process then exits with code 0.
    fn shut_down(&mut self) -> Result<(), String> {
        let context = |problem: String, stderr: String| {
            format!("at shutdown (after the last step): {problem}{}", stderr_section(&stderr))
        };
        // Stragglers of the last step could otherwise slip out after the shutdown answer.
        let mut unexpected = Vec::new();
        self.gather_until_quiet(&mut unexpected, END_QUIET, Instant::now() + ANSWER_TIMEOUT)
            .map_err(|error| context(error, self.server.stderr_tail(20)))?;
        let id = self.take_id();
        self.send("shutdown", Some(id), None).map_err(|error| context(error, self.server.stderr_tail(20)))?;
        let deadline = Instant::now() + ANSWER_TIMEOUT;
        loop {
            let message = self
                .next_message(deadline)
                .and_then(|message| message.ok_or_else(|| "no answer to shutdown within 10 s".to_string()))
                .map_err(|error| context(error, self.server.stderr_tail(20)))?;
            if is_response_to(&message, id) {
                if message.get("error").is_some() {
                    return Err(context(format!("shutdown failed: {}", layout(&message)), String::new()));
                }
                break;
            }
            unexpected.push(message);
        }
        if !unexpected.is_empty() {
            let problem = format!(
                "the server sent messages no step expects\n{}",
                diff::unified("", &render_messages(&unexpected))
            );
            return Err(context(problem, String::new()));
        }
        self.send("exit", None, None).map_err(|error| context(error, String::new()))?;
        let status =
            self.server.wait_for_exit(EXIT_TIMEOUT).map_err(|error| context(error, self.server.stderr_tail(20)))?;
        if status.code() != Some(0) {
            return Err(context(format!("the server exited with {status}, not 0"), self.server.stderr_tail(20)));
        }
        Ok(())
    }

    fn report(&self, step: &Step, problem: &str) -> String {
        let directive = step.source.lines().next().unwrap_or_default();
        format!(
            "at the step on line {} (`{directive}`): {problem}{}",
            step.line,
            stderr_section(&self.server.stderr_tail(20))
        )
    }
}

fn is_response_to(message: &Value, id: u64) -> bool {
    message.get("id") == Some(&json!(id)) && message.get("method").is_none()
}

fn stderr_section(stderr: &str) -> String {
    if stderr.trim().is_empty() { String::new() } else { format!("\nserver stderr (last lines):\n{stderr}") }
}

/// Messages as they appear in a transcript, for diffs.
fn render_messages(messages: &[Value]) -> String {
    messages.iter().map(|message| format!("< {}\n{}\n", format::describe(message), layout(message))).collect()
}

/// The client the harness plays by default: a capable editor, like VS Code, that supports
/// configuration requests, dynamic registration of file watchers, and progress.
fn default_initialize_params() -> Value {
    json!({
        "processId": null,
        "clientInfo": {"name": "base44-lsp transcript harness"},
        "rootUri": "${root}",
        "rootPath": "${root_path}",
        "workspaceFolders": [{"uri": "${root}", "name": "workspace"}],
        "capabilities": {
            "general": {"positionEncodings": ["utf-16"]},
            "window": {"workDoneProgress": true, "showMessage": {}},
            "workspace": {
                "configuration": true,
                "workspaceFolders": true,
                "didChangeConfiguration": {"dynamicRegistration": true},
                "didChangeWatchedFiles": {"dynamicRegistration": true, "relativePatternSupport": true},
                "executeCommand": {"dynamicRegistration": false},
                "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create", "rename", "delete"]}
            },
            "textDocument": {
                "synchronization": {"dynamicRegistration": false, "didSave": true},
                "completion": {"completionItem": {"snippetSupport": true}},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "publishDiagnostics": {"relatedInformation": true},
                "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["", "quickfix"]}}},
                "codeLens": {},
                "rename": {"prepareSupport": true}
            }
        }
    })
}

/// Merges `overrides` into `base`: objects member by member, anything else replaced; `null`
/// removes the member, so a transcript can play a client without some capability.
fn merge(base: &mut Value, overrides: &Value) {
    match (base, overrides) {
        (Value::Object(base), Value::Object(overrides)) => {
            for (key, value) in overrides {
                if value.is_null() {
                    base.remove(key);
                } else if let Some(existing) = base.get_mut(key) {
                    merge(existing, value);
                } else {
                    base.insert(key.clone(), value.clone());
                }
            }
        }
        (base, overrides) => *base = overrides.clone(),
    }
}

fn language_for(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, extension)| extension) {
        Some("ts" | "mts" | "cts") => "typescript",
        Some("tsx") => "typescriptreact",
        Some("js" | "mjs" | "cjs") => "javascript",
        Some("jsx") => "javascriptreact",
        Some("json") => "json",
        Some("jsonc") => "jsonc",
        _ => "plaintext",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_merge_into_the_default_client() {
        let mut params = default_initialize_params();
        merge(
            &mut params,
            &json!({
                "initializationOptions": {"invoke": {"target": "devServer"}},
                "workspaceFolders": null,
                "capabilities": {"workspace": {"configuration": false}}
            }),
        );
        assert_eq!(params["initializationOptions"], json!({"invoke": {"target": "devServer"}}));
        assert!(params.get("workspaceFolders").is_none());
        assert_eq!(params["capabilities"]["workspace"]["configuration"], json!(false));
        assert_eq!(params["capabilities"]["workspace"]["workspaceFolders"], json!(true));
    }

    #[test]
    fn language_ids_follow_the_extension() {
        assert_eq!(language_for("src/pages/Cart.tsx"), "typescriptreact");
        assert_eq!(language_for("base44/functions/a/entry.ts"), "typescript");
        assert_eq!(language_for("base44/config.jsonc"), "jsonc");
        assert_eq!(language_for("README"), "plaintext");
    }

    #[test]
    fn messages_render_as_in_a_transcript() {
        let text = render_messages(&[json!({"jsonrpc": "2.0", "id": 1, "result": null})]);
        assert_eq!(text, "< response 1\n{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": null}\n");
    }
}
