"""A scripted LSP server for the client's tests: it asks the client things and reports what it answered."""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "b44bench"))
from stdio_framing import receive, send  # noqa: E402  (run as a script: b44bench's module, by path)


answers = {}
while True:
    message = receive()
    method = message.get("method")
    if method == "initialize":
        # Ask the client three things before answering, as real servers do.
        send({"jsonrpc": "2.0", "id": "p", "method": "window/workDoneProgress/create", "params": {"token": "t"}})
        send({"jsonrpc": "2.0", "id": 9, "method": "workspace/configuration",
              "params": {"items": [{"section": "a"}, {"section": "b"}]}})
        send({"jsonrpc": "2.0", "id": 10, "method": "client/registerCapability", "params": {"registrations": []}})
        while len(answers) < 3:
            reply = receive()
            answers[str(reply["id"])] = reply.get("result", "missing")
        send({"jsonrpc": "2.0", "id": message["id"], "result": {"capabilities": {"textDocumentSync": 2}}})
    elif method == "textDocument/didOpen":
        uri = message["params"]["textDocument"]["uri"]
        send({"jsonrpc": "2.0", "method": "test/answers", "params": answers})
        send({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": [
            {"range": {"start": {"line": 3, "character": 1}, "end": {"line": 3, "character": 4}},
             "code": "unknown-function", "message": "no function"}]}})
    elif method == "textDocument/completion":
        send({"jsonrpc": "2.0", "id": message["id"], "result": {"isIncomplete": False, "items": [
            {"label": "a"}, {"label": "b", "textEdit": {"newText": "b"}}]}})
    elif method == "crash":
        sys.exit(3)
    elif method == "shutdown":
        send({"jsonrpc": "2.0", "id": message["id"], "result": None})
    elif method == "exit":
        sys.exit(0)
