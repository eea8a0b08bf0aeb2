"""One running server with the benchmark's two files open, and the measures taken inside it."""

import os
import time

from .bundle import BUNDLE_PATH, bundle_text, utf16_length
from .documents import OpenDocument, incremental_sync, language_id
from .lsp_client import LspClient, ServerGone, TimedOut, uri_of
from .rss import TreePeakRss
from .servers import ServerSpec, flags_call

POLL_PAUSE = 0.02


class Session:
    def __init__(self, spec: ServerSpec, manifest: dict, timeout: float, log_path: str, client: str = "vscode"):
        self.spec = spec
        self.client_profile = client
        self.log_path = log_path
        self.manifest = manifest
        self.timeout = timeout
        self.workspace = manifest["workspace"]
        env = {**os.environ, **spec.env}
        self.client = LspClient(spec.argv, cwd=self.workspace, env=env, stderr_path=log_path)
        self.rss = TreePeakRss(self.client.process.pid, cap_bytes=spec.memory_cap_bytes)
        self.peak_rss = None
        self.completion_bytes = None
        # Items in the last warm answer, and whether it said more can be asked for.
        self.completion_items = None
        self.completion_incomplete = None
        self._log_cursor = 0
        try:
            self.initialize_result = self.client.initialize(self.workspace, spec.initialization_options, timeout,
                                                            client)
        except BaseException:
            self.rss.stop()
            self.client.kill()
            raise
        capabilities = (self.initialize_result or {}).get("capabilities", {})
        self.pull_diagnostics = "diagnosticProvider" in capabilities
        self.incremental = incremental_sync(self.initialize_result)
        self.docs = {}
        for key in ("probe", "big"):
            path = os.path.join(self.workspace, manifest[key]["path"])
            with open(path, encoding="utf-8") as handle:
                doc = OpenDocument(path, handle.read(), language_id(path))
            self.docs[key] = doc
            self.client.did_open(doc.path, doc.language_id, doc.text())

    def since_spawn(self, moment: float) -> float:
        return moment - self.client.spawned_at

    def close(self) -> int:
        """Shuts the server down and returns the tree's peak RSS in bytes."""
        self.rss.sample()
        self.peak_rss = self.rss.stop()
        self.client.shutdown()
        return self.peak_rss

    # ---- completion ----

    def _completion_params(self) -> dict:
        site = self.manifest["probe"]["calls"][0]
        return {
            "textDocument": {"uri": self.docs["probe"].uri},
            "position": {"line": site["line"], "character": site["name_column"]},
            "context": {"triggerKind": 1},
        }

    @staticmethod
    def _offered_names(result) -> set:
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        names = set()
        for item in items:
            names.add(item.get("label"))
            names.add(item.get("insertText"))
            names.add(item.get("textEditText"))
            edit = item.get("textEdit") or {}
            names.add(edit.get("newText"))
        return names

    def time_to_full_list(self) -> float:
        """Seconds from spawn to the first completion inside `invoke("` that offers every function name."""
        wanted = set(self.manifest["function_names"])
        deadline = self.cold_deadline()
        params = self._completion_params()
        while True:
            self._check_alive()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimedOut("the full name list never came")
            request_id = self.client.send_request("textDocument/completion", params)
            arrived, message = self._wait_response(request_id, deadline)
            if "error" in message:
                raise ServerGone(f"completion failed: {message['error']}")
            if wanted <= self._offered_names(message.get("result")):
                return self.since_spawn(arrived)
            time.sleep(POLL_PAUSE)

    def _wait_response(self, request_id: int, deadline: float):
        """wait_response in slices, so a crash reported by a log message ends the wait."""
        while True:
            self._check_alive()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimedOut("no response in time")
            try:
                return self.client.wait_response(request_id, min(left, 1.0))
            except TimedOut:
                continue

    def warm_completion_latencies(self, count: int) -> list:
        params = self._completion_params()
        latencies = []
        received_before = self.client.bytes_received
        result = None
        for _ in range(count):
            round_trip, result = self.client.request("textDocument/completion", params, self.timeout)
            latencies.append(round_trip * 1000)
        # Mostly the completion lists themselves: little else arrives while the client only asks for completions.
        self.completion_bytes = (self.client.bytes_received - received_before) / count
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        self.completion_items = len(items)
        self.completion_incomplete = bool(isinstance(result, dict) and result.get("isIncomplete"))
        return latencies

    def settle_for_completion(self) -> None:
        """Waits until completion answers come from a settled server: the open files checked and the index
        built (base44-lsp), or the whole name list offered (a server that never shortens its lists)."""
        if self.spec.key == "base44":
            self.time_to_index_ready()
        else:
            self.time_to_full_list()
        self.time_to_open_files_checked()
        _, result = self.client.request("textDocument/completion", self._completion_params(), self.timeout)
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        names = set(self.manifest["function_names"])
        if not any(self._offered_names({"items": [item]}) & names for item in items):
            raise ServerGone("a settled server offered no function name at invoke(\"")

    # ---- a big file opened beside the app ----

    def bundle_latencies(self, rounds: int) -> dict:
        """Milliseconds from a completion request in the probe, sent right after a 4 MB one-line bundle is
        opened (and, apart, right after one character is typed into the bundle), to its answer."""
        path = os.path.join(self.workspace, BUNDLE_PATH)
        text = bundle_text(self.manifest["function_names"])
        params = self._completion_params()
        middle = len(text) // 2
        column = utf16_length(text[:middle])
        opened, edited = [], []
        for _ in range(rounds):
            self.client.did_open(path, "javascript", text)
            round_trip, _ = self.client.request("textDocument/completion", params, self.timeout)
            opened.append(round_trip * 1000)
            at = {"line": 0, "character": column}
            change = {"range": {"start": at, "end": at}, "text": "x"}
            self.client.notify("textDocument/didChange", {"textDocument": {"uri": uri_of(path), "version": 2},
                                                        "contentChanges": [change]})
            round_trip, _ = self.client.request("textDocument/completion", params, self.timeout)
            edited.append(round_trip * 1000)
            self.client.did_close(path)
            # The next round starts from a quiet server, not one still closing the last bundle.
            self.client.request("textDocument/completion", params, self.timeout)
        return {"opened": opened, "edited": edited}

    def server_log(self) -> str:
        """What the server wrote to standard error so far."""
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                return handle.read()
        except OSError:
            return ""

    # ---- diagnostics ----

    def _pull(self, doc: OpenDocument, deadline: float):
        """Returns (arrival time, diagnostics) of one pull request."""
        sent = time.monotonic()
        round_trip, result = self.client.request(
            "textDocument/diagnostic", {"textDocument": {"uri": doc.uri}}, max(0.0, deadline - sent))
        return sent + round_trip, (result or {}).get("items", [])

    def cold_deadline(self) -> float:
        """Every cold measure of a session must be done within `timeout` of the spawn."""
        return self.client.spawned_at + self.timeout

    def _check_alive(self) -> None:
        """typescript-language-server outlives a crashed tsserver and only logs it: treat that as death."""
        for _, message in self.client.notifications[self._log_cursor:]:
            params = message.get("params") or {}
            if (message.get("method") == "window/logMessage" and params.get("type") == 1
                    and "Exited" in str(params.get("message"))):
                raise ServerGone(str(params.get("message")))
        self._log_cursor = len(self.client.notifications)

    def _wait_notification(self, predicate, deadline: float, after_index: int = 0):
        """wait_notification in slices, so a crash reported by a log message ends the wait."""
        while True:
            self._check_alive()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimedOut("no matching notification in time")
            try:
                return self.client.wait_notification(predicate, min(left, 1.0), after_index)
            except TimedOut:
                continue

    def wait_diagnostics(self, doc: OpenDocument, satisfied, after_index: int, version: int | None,
                         deadline: float | None = None) -> float:
        """Monotonic time at which the server first showed diagnostics for `doc` that satisfy `satisfied`.

        Push servers are watched from notification `after_index` on; pull servers are asked until they agree.
        """
        deadline = deadline if deadline is not None else time.monotonic() + self.timeout
        if self.pull_diagnostics:
            while True:
                self._check_alive()
                arrived, items = self._pull(doc, deadline)
                if satisfied(items):
                    return arrived
                if time.monotonic() > deadline:
                    raise TimedOut("diagnostics never matched")
                time.sleep(POLL_PAUSE)

        def matches(message: dict) -> bool:
            if message.get("method") != "textDocument/publishDiagnostics":
                return False
            params = message.get("params", {})
            if params.get("uri") != doc.uri:
                return False
            if version is not None and params.get("version") not in (None, version):
                return False
            return satisfied(params.get("diagnostics", []))

        _, arrived, _ = self._wait_notification(matches, deadline, after_index)
        return arrived

    def _unknown_lines(self, key: str) -> list:
        return [call["line"] for call in self.manifest[key]["unknown"] if call["method"] == "invoke"]

    def time_to_unknown_flagged(self) -> float:
        """Seconds from spawn until the probe file's unknown `invoke` name is flagged."""
        lines = self._unknown_lines("probe")
        satisfied = lambda items: all(any(flags_call(d, line) for d in items) for line in lines)  # noqa: E731
        return self.since_spawn(self.wait_diagnostics(self.docs["probe"], satisfied, 0, None, self.cold_deadline()))

    def time_to_open_files_checked(self) -> float:
        """Seconds from spawn until every open file shows all its unknown `invoke` names."""
        moments = []
        for key, doc in self.docs.items():
            lines = self._unknown_lines(key)
            satisfied = lambda items, lines=lines: all(  # noqa: E731
                any(flags_call(d, line) for d in items) for line in lines)
            moments.append(self.wait_diagnostics(doc, satisfied, 0, None, self.cold_deadline()))
        return self.since_spawn(max(moments))

    def time_to_index_ready(self) -> float:
        """Seconds from spawn until base44-lsp reports `base44/status` `ready` (the whole index built)."""
        is_ready = lambda m: (m.get("method") == "base44/status"  # noqa: E731
                              and (m.get("params") or {}).get("state") == "ready")
        _, ready_at, _ = self._wait_notification(is_ready, self.cold_deadline())
        return self.since_spawn(ready_at)

    # ---- keystrokes ----

    def keystroke_latencies(self, count: int) -> list:
        """Milliseconds from a one-character didChange in the 5,000-line file to its new diagnostics.

        Keystrokes alternate: a `z` typed into a known name (it must become flagged), then deleted (the flag
        must go), at call sites spread over the file.
        """
        doc = self.docs["big"]
        sites = [c for c in self.manifest["big"]["calls"] if c["known"] and c["method"] == "invoke"]
        sites = sites[:: max(1, len(sites) // 10)]
        latencies = []
        for step in range(count):
            site = sites[(step // 2) % len(sites)]
            line, column = site["line"], site["name_column"] + 1
            typing = step % 2 == 0
            change = doc.insert(line, column, "z") if typing else doc.delete(line, column, 1)
            satisfied = (lambda items: any(flags_call(d, line) for d in items)) if typing else \
                (lambda items: not any(flags_call(d, line) for d in items))
            after = self.client.notification_count()
            sent = time.monotonic()
            self.client.notify("textDocument/didChange", doc.change_params(change, self.incremental))
            arrived = self.wait_diagnostics(doc, satisfied, after, doc.version)
            latencies.append((arrived - sent) * 1000)
        return latencies


def run_guarded(action, session: Session | None = None):
    """Runs one measure; a timeout, a dead server or the memory cap becomes a value in the table."""
    try:
        return action()
    except TimedOut:
        return "timeout"
    except ServerGone as error:
        if session is not None and session.rss.exceeded_cap:
            return f"over {session.spec.memory_cap_bytes / 1e9:.0f} GB cap"
        return f"failed: {error}"
