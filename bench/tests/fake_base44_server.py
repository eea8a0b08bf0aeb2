"""A stand-in for base44-lsp that follows its contract (status, push diagnostics, completion, `check`, and
pulled workspace diagnostics for a client that pulls and can be told to pull again).

It lets the driver's base44 path be tested end to end without the real server. It reads function names
from the CLI's types file, which the real server must not rely on. For the workspace pull,
`FAKE_PULL_FORGETS=1` makes it answer in full every time (result ids that never hold) and
`FAKE_PULL_MISSES=1` leaves one file out (an answer given before the workspace is checked).
"""

import json
import os
import re
import sys
from urllib.parse import unquote, urlparse

CALL = re.compile(r'functions\.(?:invoke\("|fetch\("/)([^"]*)"')


def names_of(root: str) -> list:
    with open(os.path.join(root, "base44", ".types", "types.d.ts"), encoding="utf-8") as handle:
        return re.findall(r'^    "(.+)": true;$', handle.read(), flags=re.M)


def unknown_calls(text: str, known: set) -> list:
    found = []
    for number, line in enumerate(text.split("\n")):
        for match in CALL.finditer(line):
            if match.group(1) not in known:
                found.append((number, match.start(1), match.end(1)))
    return found


if len(sys.argv) == 3 and sys.argv[1] == "check":
    known = set(names_of(sys.argv[2]))
    bad = 0
    for folder, _, files in os.walk(os.path.join(sys.argv[2], "src")):
        for name in files:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                bad += len(unknown_calls(handle.read(), known))
    sys.exit(1 if bad else 0)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "b44bench"))
from stdio_framing import receive, send  # noqa: E402  (run as a script: b44bench's module, by path)


def apply(text: str, change: dict) -> str:
    if "range" not in change:
        return change["text"]
    lines = text.split("\n")
    start, end = change["range"]["start"], change["range"]["end"]
    head = "\n".join(lines[:start["line"]] + [lines[start["line"]][:start["character"]]])
    tail = "\n".join([lines[end["line"]][end["character"]:]] + lines[end["line"] + 1:])
    return head + change["text"] + tail


root, known, documents, ready, pulls, lean_lists = None, set(), {}, False, False, True


def workspace_problems() -> dict:
    """uri -> diagnostics of every file under src/ with an unknown name."""
    found = {}
    for folder, _, files in os.walk(os.path.join(root, "src")):
        for name in sorted(files):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                calls = unknown_calls(handle.read(), known)
            if calls:
                found["file://" + path] = [{"range": {"start": {"line": line, "character": start},
                                                      "end": {"line": line, "character": end}},
                                            "severity": 1, "code": "unknown-function", "message": "unknown"}
                                           for line, start, end in calls]
    if found and os.environ.get("FAKE_PULL_MISSES"):
        found.pop(sorted(found)[0])
    return found


def workspace_report(params: dict) -> dict:
    held = {previous["uri"]: previous["value"] for previous in params.get("previousResultIds", [])}
    forgets = bool(os.environ.get("FAKE_PULL_FORGETS"))
    return {"items": [{"kind": "unchanged", "uri": uri, "resultId": "1", "version": None}
                      if held.get(uri) == "1" and not forgets else
                      {"kind": "full", "uri": uri, "resultId": "1", "version": None, "items": diagnostics}
                      for uri, diagnostics in sorted(workspace_problems().items())]}


def publish(uri: str, version: int) -> None:
    if not ready or pulls:
        return
    diagnostics = [{"range": {"start": {"line": line, "character": start}, "end": {"line": line, "character": end}},
                    "severity": 1, "code": "unknown-function", "source": "base44", "message": "unknown function"}
                   for line, start, end in unknown_calls(documents[uri][1], known)]
    send({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
          "params": {"uri": uri, "version": version, "diagnostics": diagnostics}})


while True:
    message = receive()
    method, params = message.get("method"), message.get("params") or {}
    if method == "initialize":
        root = unquote(urlparse(params["rootUri"]).path)
        caps = params.get("capabilities", {})
        lean_lists = "completionList" in caps.get("textDocument", {}).get("completion", {})
        pulls = "diagnostic" in caps.get("textDocument", {}) and \
            caps.get("workspace", {}).get("diagnostics", {}).get("refreshSupport", False)
        capabilities = {"textDocumentSync": {"openClose": True, "change": 2},
                        "completionProvider": {"triggerCharacters": ['"']}}
        if pulls:
            capabilities["diagnosticProvider"] = {"interFileDependencies": True, "workspaceDiagnostics": True}
        send({"jsonrpc": "2.0", "id": message["id"], "result": {"capabilities": capabilities}})
    elif method == "initialized" and os.environ.get("FAKE_BACKEND_CRASH"):
        # What typescript-language-server does when tsserver dies: it lives on and only logs it.
        send({"jsonrpc": "2.0", "method": "window/logMessage",
              "params": {"type": 1, "message": "[tsserver] Exited. Code: null. Signal: SIGABRT"}})
    elif method == "initialized":
        send({"jsonrpc": "2.0", "method": "base44/status", "params": {"state": "indexing", "projects": 1, "functions": 0}})
        known = set(names_of(root))
        ready = True
        # base44-lsp's line at the end of an indexing run (`lsp/handlers/indexing.rs`).
        sys.stderr.write("base44-lsp: index built: names in 0.01 s (resident 10 MB), entries in 0.02 s, "
                         f"module graph in 0.03 s (1,005 of 2,010 files analysed, 0.4 of 3.2 MB parsed, resident 12 MB)\n")
        sys.stderr.flush()
        send({"jsonrpc": "2.0", "method": "base44/status",
              "params": {"state": "ready", "projects": 1, "functions": len(known)}})
        for uri, (version, _) in documents.items():
            publish(uri, version)
    elif method == "textDocument/didOpen":
        doc = params["textDocument"]
        documents[doc["uri"]] = (doc["version"], doc["text"])
        publish(doc["uri"], doc["version"])
    elif method == "textDocument/didChange":
        uri, version = params["textDocument"]["uri"], params["textDocument"]["version"]
        text = documents[uri][1]
        for change in params["contentChanges"]:
            text = apply(text, change)
        documents[uri] = (version, text)
        publish(uri, version)
    elif method == "textDocument/completion" and os.environ.get("FAKE_BACKEND_CRASH"):
        pass  # never answered
    elif method == "textDocument/completion":
        items = [{"label": name, "textEdit": {"newText": name}} for name in sorted(known)] if ready else []
        # Without list defaults, lists are cut short, as base44-lsp cuts them.
        cut = not lean_lists and len(items) > 10
        send({"jsonrpc": "2.0", "id": message["id"], "result": {"isIncomplete": cut, "items": items[:10] if cut
                                                                else items}})
    elif method == "workspace/diagnostic":
        send({"jsonrpc": "2.0", "id": message["id"], "result": workspace_report(params)})
    elif method == "shutdown":
        send({"jsonrpc": "2.0", "id": message["id"], "result": None})
    elif method == "exit":
        sys.exit(0)
    elif "id" in message:
        send({"jsonrpc": "2.0", "id": message["id"], "result": None})
