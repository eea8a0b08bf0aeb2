"""A small LSP client over stdio: Content-Length framing, request/response matching, server->client requests."""

import json
import os
import queue
import subprocess
import threading
import time
from collections import deque
from pathlib import Path


class ServerGone(Exception):
    """The server exited or closed its output while we were waiting on it."""


class TimedOut(Exception):
    """A wait ran past its deadline."""


def uri_of(path: str) -> str:
    return Path(path).resolve().as_uri()


PIPE_CAPACITY = 1 << 20


def _enlarge_pipes(process) -> None:
    """1 MB pipes instead of 64 kB: a completion list of hundreds of kilobytes then crosses in one
    write and a few reads, rather than a dozen hand-offs between the two processes, which on a
    busy machine cost the client milliseconds that would be charged to the server."""
    try:
        import fcntl
    except ImportError:
        return
    set_capacity = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if set_capacity is None:
        return
    for stream in (process.stdin, process.stdout):
        try:
            fcntl.fcntl(stream.fileno(), set_capacity, PIPE_CAPACITY)
        except (OSError, ValueError):
            pass


class LspClient:
    """Drives one language server process. Every message received is stamped with its arrival time."""

    def __init__(self, argv: list, cwd: str, env: dict | None = None, stderr_path: str | None = None):
        self._stderr = open(stderr_path or os.devnull, "wb")
        self.spawned_at = time.monotonic()
        self.process = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
        )
        _enlarge_pipes(self.process)
        self._write_lock = threading.Lock()
        self._next_id = 0
        self._responses: dict = {}
        self._response_ready = threading.Condition()
        # Notifications, in order, as (arrival time, message); waiters scan from a cursor.
        self.notifications: list = []
        self._notification_ready = threading.Condition()
        self.server_requests: deque = deque(maxlen=100)
        self.bytes_received = 0
        self._closed = False
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    # ---- wire ----

    def _send(self, message: dict) -> None:
        body = json.dumps(message, separators=(",", ":")).encode()
        frame = b"Content-Length: %d\r\n\r\n" % len(body) + body
        with self._write_lock:
            try:
                self.process.stdin.write(frame)
                self.process.stdin.flush()
            except (BrokenPipeError, ValueError, OSError) as error:
                raise ServerGone(f"cannot write to the server: {error}") from error

    def _read_message(self, stream):
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            key, _, value = line.partition(b":")
            if key.strip().lower() == b"content-length":
                length = int(value.strip())
        if length is None:
            raise ServerGone("a message without Content-Length")
        body = stream.read(length)
        if len(body) < length:
            return None
        # Stamped before decoding, so the client's own JSON parsing is not charged to the server.
        arrived = time.monotonic()
        self.bytes_received += length
        return arrived, json.loads(body)

    def _read_loop(self) -> None:
        stream = self.process.stdout
        try:
            while True:
                framed = self._read_message(stream)
                if framed is None:
                    break
                arrived, message = framed
                if "method" in message and "id" in message:
                    self._answer_server_request(message)
                elif "method" in message:
                    with self._notification_ready:
                        self.notifications.append((arrived, message))
                        self._notification_ready.notify_all()
                else:
                    with self._response_ready:
                        self._responses[message.get("id")] = (arrived, message)
                        self._response_ready.notify_all()
        except (ServerGone, ValueError, OSError):
            pass
        finally:
            self._closed = True
            with self._response_ready:
                self._response_ready.notify_all()
            with self._notification_ready:
                self._notification_ready.notify_all()

    def _answer_server_request(self, message: dict) -> None:
        """Servers block on some requests (registerCapability, progress, configuration): answer at once."""
        self.server_requests.append(message["method"])
        result = None
        if message["method"] == "workspace/configuration":
            result = [None for _ in message.get("params", {}).get("items", [])]
        elif message["method"] == "workspace/workspaceFolders":
            result = []
        try:
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
        except ServerGone:
            pass

    # ---- requests and notifications ----

    def notify(self, method: str, params) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def send_request(self, method: str, params) -> int:
        with self._write_lock:
            self._next_id += 1
            request_id = self._next_id
        self._send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        return request_id

    def wait_response(self, request_id: int, timeout: float):
        """Returns (arrival time, message)."""
        with self._response_ready:
            self._wait(self._response_ready, lambda: request_id in self._responses, timeout,
                       "while waiting for a response", f"no response to request {request_id}")
            return self._responses.pop(request_id)

    def request(self, method: str, params, timeout: float = 60.0):
        """Sends a request and returns (round-trip seconds, result). A server error raises ServerGone."""
        sent = time.monotonic()
        request_id = self.send_request(method, params)
        arrived, message = self.wait_response(request_id, timeout)
        if "error" in message:
            raise ServerGone(f"{method} failed: {message['error']}")
        return arrived - sent, message.get("result")

    def wait_notification(self, predicate, timeout: float, start_index: int = 0):
        """Returns (index, arrival time, message) of the first notification from `start_index` that matches."""
        found = []
        index = start_index

        def matched():
            nonlocal index
            while index < len(self.notifications):
                arrived, message = self.notifications[index]
                if predicate(message):
                    found.append((index, arrived, message))
                    return True
                index += 1
            return False

        with self._notification_ready:
            self._wait(self._notification_ready, matched, timeout, "while waiting", "no matching notification")
            return found[0]

    def _wait(self, condition, done, timeout: float, gone_what: str, timeout_what: str):
        """Waits on `condition` (held by the caller) until `done()`; raises when the server goes or time runs out."""
        deadline = time.monotonic() + timeout
        while not done():
            if self._closed:
                raise ServerGone(f"server exited (code {self.process.poll()}) {gone_what}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimedOut(f"{timeout_what} within {timeout:.0f} s")
            condition.wait(left)

    def notification_count(self) -> int:
        with self._notification_ready:
            return len(self.notifications)

    # ---- lifecycle ----

    def initialize(self, root: str, initialization_options=None, timeout: float = 120.0, client: str = "vscode"):
        params = {
            "processId": os.getpid(),
            "clientInfo": {"name": "base44-lsp-bench", "version": "1"},
            "rootUri": uri_of(root),
            "rootPath": root,
            "workspaceFolders": [{"uri": uri_of(root), "name": os.path.basename(root)}],
            "capabilities": CLIENT_PROFILES[client],
            "initializationOptions": initialization_options,
        }
        _, result = self.request("initialize", params, timeout)
        self.notify("initialized", {})
        return result

    def did_open(self, path: str, language_id: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {
            "textDocument": {"uri": uri_of(path), "languageId": language_id, "version": version, "text": text},
        })

    def did_close(self, path: str) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(path)}})

    def shutdown(self, timeout: float = 10.0) -> int | None:
        """Asks politely, then kills; returns the exit code."""
        try:
            if self.process.poll() is None:
                self.request("shutdown", None, timeout)
                self.notify("exit", None)
            self.process.wait(timeout)
        except (ServerGone, TimedOut, subprocess.TimeoutExpired):
            pass
        finally:
            self.kill()
        return self.process.poll()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                pass
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self._stderr.close()


CLIENT_CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "window": {"workDoneProgress": True},
    "workspace": {
        "configuration": True,
        "workspaceFolders": True,
        "didChangeConfiguration": {"dynamicRegistration": True},
        "didChangeWatchedFiles": {"dynamicRegistration": True},
    },
    "textDocument": {
        "synchronization": {"dynamicRegistration": True, "didSave": True},
        # What VS Code's languageclient 9 sends (vscode-languageclient/lib/common/completion.js).
        "completion": {
            "dynamicRegistration": True,
            "contextSupport": True,
            "completionItem": {
                "snippetSupport": True, "commitCharactersSupport": True,
                "documentationFormat": ["markdown", "plaintext"], "deprecatedSupport": True,
                "preselectSupport": True, "tagSupport": {"valueSet": [1]}, "insertReplaceSupport": True,
                "resolveSupport": {"properties": ["documentation", "detail", "additionalTextEdits"]},
                "insertTextModeSupport": {"valueSet": [1, 2]}, "labelDetailsSupport": True,
            },
            "insertTextMode": 2,
            "completionItemKind": {"valueSet": list(range(1, 26))},
            "completionList": {
                "itemDefaults": ["commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"],
            },
        },
        "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
        "diagnostic": {"dynamicRegistration": True, "relatedDocumentSupport": False},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
    },
}


def _minimal_capabilities() -> dict:
    """What a client that resolves nothing lazily and takes no list defaults announces (several editors'
    clients): every item must then carry its own range and everything shown about it."""
    capabilities = json.loads(json.dumps(CLIENT_CAPABILITIES))
    completion = capabilities["textDocument"]["completion"]
    del completion["completionList"]
    del completion["completionItem"]["resolveSupport"]
    return capabilities


# The client profiles `bench/run --client` chooses from.
CLIENT_PROFILES = {"vscode": CLIENT_CAPABILITIES, "minimal": _minimal_capabilities()}
CLIENT_TITLES = {"vscode": "VS Code client", "minimal": "client without itemDefaults or resolve"}
