//! The transcript file format: client steps, expected server messages, and writing updates back.
//!
//! A transcript is line based. At column 0, `#` starts a comment, `> ` starts a client step and
//! `<` starts one expected server message; every other line belongs to the step or message above it.
//! Comments, blank lines and the text of client steps are kept verbatim when expectations are
//! rewritten, so `UPDATE_EXPECT=1` only ever touches the `<` blocks.

use serde_json::Value;

/// The line that ends the content of a `> write` step.
pub const WRITE_END: &str = "> end";

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// `initialize` with default client capabilities (the object, if given, is merged over them),
    /// followed by `initialized`. The initialize response itself is checked for success only.
    Initialize {
        overrides: Option<Value>,
    },
    Request {
        method: String,
        params: Option<Value>,
        /// `--no-wait`: go on without waiting for the response (to cancel it, say), which then
        /// belongs to a later step.
        no_wait: bool,
    },
    Notify {
        method: String,
        params: Option<Value>,
    },
    /// Bytes sent exactly as written (after placeholder substitution), framing included.
    Raw(String),
    /// `textDocument/didOpen` with the current content of a workspace file.
    Open {
        path: String,
        language_id: Option<String>,
    },
    Write {
        path: String,
        content: String,
    },
    Delete {
        path: String,
    },
    /// The answer the harness gives to `workspace/configuration` items of this section.
    Config {
        section: String,
        value: Value,
    },
    /// Stop ignoring a method that is ignored by default (`$/progress`, `window/logMessage`).
    Show(String),
    /// Ignore a method from now on.
    Hide(String),
    /// Replace the value of every object member with this name by `"${redacted}"` in what the
    /// server sends from now on, for values that change from run to run (durations).
    Redact(String),
    /// Leave the server's requests of this method unanswered from now on (a client that hangs
    /// or crashes); they are still compared like any other message.
    Unanswered(String),
    /// Close the server's stdin, as a client that goes away does.
    Close,
    /// The server process must end on its own, promptly, with this exit status; the case ends
    /// here (no `shutdown`/`exit` of the harness's own).
    Exited(i32),
}

impl Action {
    /// Whether the step sends something to the server, and so has expected answers.
    pub fn talks_to_server(&self) -> bool {
        matches!(
            self,
            Action::Initialize { .. }
                | Action::Request { .. }
                | Action::Notify { .. }
                | Action::Raw(_)
                | Action::Open { .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// 1-based line of the `>` directive, for failure messages.
    pub line: usize,
    /// The directive and its content exactly as written, without trailing blank lines.
    pub source: String,
    pub action: Action,
    /// The messages written in `<` blocks after this step, in file order.
    pub expected: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Comments and blank lines, kept verbatim.
    Text(String),
    Step(Step),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Transcript {
    pub items: Vec<Item>,
}

impl Transcript {
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.items.iter().filter_map(|item| match item {
            Item::Step(step) => Some(step),
            Item::Text(_) => None,
        })
    }

    /// Renders the transcript with new expected messages, one list per step in step order.
    /// Everything but the `<` blocks comes out as it went in.
    pub fn render_with(&self, expectations: &[Vec<Value>]) -> String {
        let mut out = String::new();
        let mut step_index = 0;
        for item in &self.items {
            match item {
                Item::Text(text) => out.push_str(text),
                Item::Step(step) => {
                    out.push_str(&step.source);
                    if let Some(messages) = expectations.get(step_index) {
                        for message in messages {
                            out.push_str(&format!("< {}\n", describe(message)));
                            out.push_str(&crate::transcript::json::layout(message));
                            out.push('\n');
                        }
                    }
                    step_index += 1;
                }
            }
        }
        out
    }
}

/// A one-line summary of a message for the `<` line; the parser ignores it.
pub fn describe(message: &Value) -> String {
    let method = message.get("method").and_then(Value::as_str);
    let id = message.get("id");
    match (method, id) {
        (Some(method), Some(_)) => format!("request {method}"),
        (Some(method), None) => format!("notification {method}"),
        (None, Some(id)) if message.get("error").is_some() => format!("error {id}"),
        (None, Some(id)) => format!("response {id}"),
        (None, None) => "message".to_string(),
    }
}

enum Block {
    Step { line: usize, lines: Vec<String> },
    Expect { line: usize, lines: Vec<String> },
}

/// Parses a transcript; errors name the line and say what is wrong.
pub fn parse(text: &str) -> Result<Transcript, String> {
    let mut items: Vec<Item> = Vec::new();
    let mut pending_text = String::new();
    let mut lines = text.lines().enumerate().map(|(index, line)| (index + 1, line)).peekable();

    while let Some((number, line)) = lines.next() {
        let block = if line.starts_with('>') {
            let mut body = vec![line.to_string()];
            if is_write(line) {
                loop {
                    match lines.next() {
                        Some((_, content)) if content == WRITE_END => {
                            body.push(content.to_string());
                            break;
                        }
                        Some((_, content)) => body.push(content.to_string()),
                        None => {
                            return Err(format!("line {number}: `> write` has no closing `{WRITE_END}` line"));
                        }
                    }
                }
            } else {
                body.extend(take_body(&mut lines));
            }
            Block::Step { line: number, lines: body }
        } else if line.starts_with('<') {
            Block::Expect { line: number, lines: take_body(&mut lines) }
        } else if line.starts_with('#') || line.trim().is_empty() {
            pending_text.push_str(line);
            pending_text.push('\n');
            continue;
        } else {
            return Err(format!(
                "line {number}: expected a comment (`#`), a client step (`> `) or an expected \
                 message (`<`), found {line:?}"
            ));
        };

        match block {
            Block::Step { line, mut lines } => {
                flush_text(&mut items, &mut pending_text);
                let trailing_blank = split_trailing_blank(&mut lines, 1);
                let action = parse_action(line, &lines)?;
                let mut source = lines.join("\n");
                source.push('\n');
                items.push(Item::Step(Step { line, source, action, expected: Vec::new() }));
                pending_text.push_str(&trailing_blank);
            }
            Block::Expect { line, mut lines } => {
                let trailing_blank = split_trailing_blank(&mut lines, 0);
                let messages = parse_json_stream(&lines.join("\n"))
                    .map_err(|error| format!("line {line}: expected message is not JSON: {error}"))?;
                if messages.is_empty() {
                    return Err(format!("line {line}: `<` needs the expected message below it"));
                }
                let step = items.iter_mut().rev().find_map(|item| match item {
                    Item::Step(step) => Some(step),
                    Item::Text(_) => None,
                });
                match step {
                    Some(step) if step.action.talks_to_server() => step.expected.extend(messages),
                    Some(step) => {
                        return Err(format!(
                            "line {line}: the step on line {} sends nothing to the server, so \
                             nothing can be expected after it",
                            step.line
                        ));
                    }
                    None => {
                        return Err(format!("line {line}: an expected message before any client step"));
                    }
                }
                // Comments and blank lines after an expected block stay where they were.
                flush_text(&mut items, &mut pending_text);
                pending_text.push_str(&trailing_blank);
            }
        }
    }
    flush_text(&mut items, &mut pending_text);
    let transcript = Transcript { items };
    let steps: Vec<&Step> = transcript.steps().collect();
    if let Some(pair) = steps.windows(2).find(|pair| matches!(pair[0].action, Action::Exited(_))) {
        return Err(format!("line {}: no step can follow `> exited` (line {})", pair[1].line, pair[0].line));
    }
    Ok(transcript)
}

fn is_write(directive: &str) -> bool {
    directive.split_whitespace().nth(1) == Some("write")
}

/// Takes the lines up to the next comment, step or expected message.
fn take_body<'a>(lines: &mut std::iter::Peekable<impl Iterator<Item = (usize, &'a str)>>) -> Vec<String> {
    let mut body = Vec::new();
    while let Some((_, next)) = lines.peek() {
        if next.starts_with(['>', '<', '#']) {
            break;
        }
        body.push(next.to_string());
        lines.next();
    }
    body
}

/// Moves trailing blank lines out of a block (keeping at least `keep` lines) so they stay put.
fn split_trailing_blank(lines: &mut Vec<String>, keep: usize) -> String {
    let mut blank = String::new();
    while lines.len() > keep && lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
        blank.push('\n');
    }
    blank
}

fn flush_text(items: &mut Vec<Item>, pending: &mut String) {
    if !pending.is_empty() {
        items.push(Item::Text(std::mem::take(pending)));
    }
}

fn parse_json_stream(text: &str) -> Result<Vec<Value>, serde_json::Error> {
    serde_json::Deserializer::from_str(text).into_iter::<Value>().collect()
}

/// Parses an optional JSON body: nothing but whitespace means no value.
fn optional_json(line: usize, what: &str, body: &str) -> Result<Option<Value>, String> {
    if body.trim().is_empty() {
        return Ok(None);
    }
    serde_json::from_str(body).map(Some).map_err(|error| format!("line {line}: {what} is not one JSON value: {error}"))
}

fn parse_action(line: usize, lines: &[String]) -> Result<Action, String> {
    let directive = lines[0].strip_prefix('>').unwrap_or(&lines[0]).trim();
    let body = lines[1..].join("\n");
    let (keyword, rest) = directive.split_once(char::is_whitespace).unwrap_or((directive, ""));
    let rest = rest.trim();
    let mut words = rest.split_whitespace();
    let no_body = |action: Action| {
        if body.trim().is_empty() {
            Ok(action)
        } else {
            Err(format!("line {line}: `> {keyword}` takes no lines after it"))
        }
    };
    let need = |word: Option<&str>, what: &str| {
        word.map(str::to_string).ok_or_else(|| format!("line {line}: `> {keyword}` needs {what}"))
    };

    match keyword {
        "initialize" => {
            let overrides = optional_json(line, "the initialize override", &body)?;
            if overrides.as_ref().is_some_and(|value| !value.is_object()) {
                return Err(format!("line {line}: the initialize override must be an object"));
            }
            Ok(Action::Initialize { overrides })
        }
        "request" => {
            let method = need(words.next(), "a method name")?;
            let no_wait = match words.next() {
                None => false,
                Some("--no-wait") => true,
                Some(other) => return Err(format!("line {line}: unknown option {other:?} (known: --no-wait)")),
            };
            let params = optional_json(line, "the params", &body)?;
            Ok(Action::Request { method, params, no_wait })
        }
        "notify" => {
            let method = need(words.next(), "a method name")?;
            let params = optional_json(line, "the params", &body)?;
            Ok(Action::Notify { method, params })
        }
        "raw" => {
            let bytes: String = serde_json::from_str(rest)
                .map_err(|error| format!("line {line}: `> raw` needs one JSON string on its line: {error}"))?;
            no_body(Action::Raw(bytes))
        }
        "open" => {
            let path = need(words.next(), "a workspace-relative path")?;
            let language_id = words.next().map(str::to_string);
            no_body(Action::Open { path, language_id })
        }
        "write" => {
            let path = need(words.next(), "a workspace-relative path")?;
            // The closing `> end` line is not content.
            let content_lines = &lines[1..lines.len().saturating_sub(1)];
            let mut content = content_lines.join("\n");
            if !content_lines.is_empty() {
                content.push('\n');
            }
            Ok(Action::Write { path, content })
        }
        "delete" => {
            let path = need(words.next(), "a workspace-relative path")?;
            no_body(Action::Delete { path })
        }
        "config" => {
            let section = need(words.next(), "a section name")?;
            let value = optional_json(line, "the configuration", &body)?
                .ok_or_else(|| format!("line {line}: `> config` needs a JSON value below it"))?;
            Ok(Action::Config { section, value })
        }
        "show" => no_body(Action::Show(need(words.next(), "a method name")?)),
        "hide" => no_body(Action::Hide(need(words.next(), "a method name")?)),
        "redact" => no_body(Action::Redact(need(words.next(), "a member name")?)),
        "unanswered" => no_body(Action::Unanswered(need(words.next(), "a method name")?)),
        "close" => no_body(Action::Close),
        "exited" => {
            let status = need(words.next(), "an exit status")?;
            let status =
                status.parse().map_err(|_| format!("line {line}: `> exited` needs a number, not {status:?}"))?;
            no_body(Action::Exited(status))
        }
        other => Err(format!(
            "line {line}: unknown step `> {other}` (known: initialize, request, notify, raw, open, \
             write, delete, config, show, hide, redact, unanswered, close, exited)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SAMPLE: &str = r#"# Opening a file publishes its diagnostics.
> initialize

> open src/a.ts
< notification textDocument/publishDiagnostics
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
 "params": {"uri": "${root}/src/a.ts", "diagnostics": []}}

# Completion inside the quotes.
> request textDocument/completion
{"textDocument": {"uri": "${root}/src/a.ts"}, "position": {"line": 0, "character": 3}}
< response 2
{"jsonrpc": "2.0", "id": 2, "result": null}
> write base44/functions/new/entry.ts
# not a comment: file content
> not a step either
Deno.serve(() => new Response("hi"));
> end
> delete src/old.ts
> raw "Content-Length: 3\r\n\r\n{x}"
> redact durationMs
> request workspace/executeCommand --no-wait
{"command": "base44.invoke"}
> unanswered workspace/configuration
> close
> exited 1
"#;

    #[test]
    fn parses_every_kind_of_step_with_its_expectations() {
        let transcript = parse(SAMPLE).expect("sample parses");
        let actions: Vec<&Action> = transcript.steps().map(|step| &step.action).collect();
        assert_eq!(
            actions,
            vec![
                &Action::Initialize { overrides: None },
                &Action::Open { path: "src/a.ts".into(), language_id: None },
                &Action::Request {
                    method: "textDocument/completion".into(),
                    params: Some(json!({
                        "textDocument": {"uri": "${root}/src/a.ts"},
                        "position": {"line": 0, "character": 3}
                    })),
                    no_wait: false,
                },
                &Action::Write {
                    path: "base44/functions/new/entry.ts".into(),
                    content: "# not a comment: file content\n> not a step either\n\
                              Deno.serve(() => new Response(\"hi\"));\n"
                        .into(),
                },
                &Action::Delete { path: "src/old.ts".into() },
                &Action::Raw("Content-Length: 3\r\n\r\n{x}".into()),
                &Action::Redact("durationMs".into()),
                &Action::Request {
                    method: "workspace/executeCommand".into(),
                    params: Some(json!({"command": "base44.invoke"})),
                    no_wait: true,
                },
                &Action::Unanswered("workspace/configuration".into()),
                &Action::Close,
                &Action::Exited(1),
            ]
        );
        let expected: Vec<usize> = transcript.steps().map(|step| step.expected.len()).collect();
        assert_eq!(expected, vec![0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        let lines: Vec<usize> = transcript.steps().map(|step| step.line).collect();
        assert_eq!(lines, vec![2, 4, 10, 14, 19, 20, 21, 22, 24, 25, 26]);
    }

    #[test]
    fn rewriting_with_the_same_expectations_changes_nothing_but_layout_of_messages() {
        let transcript = parse(SAMPLE).expect("sample parses");
        let expectations: Vec<Vec<Value>> = transcript.steps().map(|step| step.expected.clone()).collect();
        let rendered = transcript.render_with(&expectations);
        // The hand-wrapped notification is laid out again; everything else is untouched.
        assert!(rendered.starts_with("# Opening a file publishes its diagnostics.\n> initialize\n\n"));
        assert!(rendered.contains("> write base44/functions/new/entry.ts\n# not a comment"));
        let again = parse(&rendered).expect("rendered transcript parses");
        assert_eq!(again.render_with(&expectations), rendered, "rewriting is stable");
        let reparsed: Vec<Vec<Value>> = again.steps().map(|step| step.expected.clone()).collect();
        assert_eq!(reparsed, expectations);
    }

    #[test]
    fn rewriting_replaces_old_expectations_and_adds_new_ones() {
        let transcript = parse(SAMPLE).expect("sample parses");
        let mut expectations: Vec<Vec<Value>> = vec![Vec::new(); 11];
        expectations[0] = vec![json!({"jsonrpc": "2.0", "method": "base44/status", "params": {}})];
        let rendered = transcript.render_with(&expectations);
        assert!(rendered.contains("> initialize\n< notification base44/status\n"));
        assert!(!rendered.contains("publishDiagnostics"));
        assert!(!rendered.contains("< response 2"));
        assert!(rendered.contains("# Completion inside the quotes.\n"));
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("< response 1\n{}\n", "line 1: an expected message before any client step"),
            ("> write a.ts\nx\n", "line 1: `> write` has no closing `> end` line"),
            ("> request foo\n{bad\n", "line 1: the params is not one JSON value"),
            ("> bogus\n", "line 1: unknown step `> bogus`"),
            ("> initialize\n# c\nstray\n", "line 3: expected a comment"),
            ("> delete a.ts\n< x\n{}\n", "line 2: the step on line 1 sends nothing"),
            ("> raw Content-Length\n", "line 1: `> raw` needs one JSON string"),
            ("> config base44\n", "line 1: `> config` needs a JSON value"),
            ("> initialize\n<\n\n", "line 2: `<` needs the expected message"),
            ("> open\n", "line 1: `> open` needs a workspace-relative path"),
            ("> request a/b --later\n", "line 1: unknown option \"--later\""),
            ("> redact\n", "line 1: `> redact` needs a member name"),
            ("> exited\n", "line 1: `> exited` needs an exit status"),
            ("> exited zero\n", "line 1: `> exited` needs a number"),
            ("> close\n> exited 1\n> close\n", "line 3: no step can follow `> exited` (line 2)"),
            ("> unanswered\n", "line 1: `> unanswered` needs a method name"),
        ];
        for (text, message) in cases {
            let error = parse(text).expect_err(text);
            assert!(error.starts_with(message), "{text:?} gave {error:?}");
        }
    }

    #[test]
    fn describes_messages_for_the_expect_line() {
        assert_eq!(describe(&json!({"id": 1, "result": null})), "response 1");
        assert_eq!(describe(&json!({"id": null, "error": {}})), "error null");
        assert_eq!(
            describe(&json!({"id": 0, "method": "client/registerCapability"})),
            "request client/registerCapability"
        );
        assert_eq!(describe(&json!({"method": "base44/status"})), "notification base44/status");
    }
}
