"""`workspace/diagnostic` (every file's problems, pulled), for base44-lsp: a client that pulls diagnostics, as
VS Code does, asks for the whole workspace's, then asks again with the result ids it was given, as VS Code does
every two seconds.

The session here announces pull diagnostics (`textDocument.diagnostic`), which the other sessions do not: with it
the server publishes nothing and answers pulls, which would change how their measures wait for diagnostics.
"""

import copy
import os
import time

from .lsp_client import CLIENT_CAPABILITIES, LspClient, ServerGone, TimedOut, uri_of
from .stats import median, median_or_failure, percentile

# The codes of the generated workspace's deliberate mistakes: misspelt names in invoke and fetch.
UNKNOWN_CODES = ("unknown-function", "unknown-fetch-path")


def pull_capabilities() -> dict:
    capabilities = copy.deepcopy(CLIENT_CAPABILITIES)
    capabilities["textDocument"]["diagnostic"] = {"dynamicRegistration": True, "relatedDocumentSupport": False}
    capabilities["workspace"]["diagnostics"] = {"refreshSupport": True}
    return capabilities


def _initialize(client: LspClient, root: str, timeout: float) -> dict:
    params = {
        "processId": os.getpid(),
        "clientInfo": {"name": "base44-lsp-bench (pull)", "version": "1"},
        "rootUri": uri_of(root),
        "workspaceFolders": [{"uri": uri_of(root), "name": os.path.basename(root)}],
        "capabilities": pull_capabilities(),
    }
    _, result = client.request("initialize", params, timeout)
    client.notify("initialized", {})
    return result or {}


def unknown_count(report: dict) -> int:
    return sum(1 for item in report.get("items", []) for d in item.get("items", []) if d.get("code") in UNKNOWN_CODES)


def held_ids(report: dict) -> list:
    """The result ids a client holds after a report: one per file listed."""
    return [{"uri": item["uri"], "value": item["resultId"]} for item in report.get("items", []) if "resultId" in item]


def one_session(binary: str, manifest: dict, repeats: int, timeout: float, log_path: str) -> dict:
    """Spawns the server and asks at once (it answers once the workspace is checked), then asks again."""
    client = LspClient([binary], cwd=manifest["workspace"], stderr_path=log_path)
    try:
        _initialize(client, manifest["workspace"], timeout)
        # Cold: from the spawn to the first answer, which holds every file's problems.
        sent = time.monotonic()
        request_id = client.send_request("workspace/diagnostic", {"previousResultIds": []})
        arrived, message = client.wait_response(request_id, max(0.0, client.spawned_at + timeout - sent))
        if "error" in message:
            raise ServerGone(f"workspace/diagnostic failed: {message['error']}")
        first = message.get("result") or {}
        wanted = manifest["counts"]["unknown_calls"]
        if unknown_count(first) < wanted:
            raise ServerGone(f"the first answer holds {unknown_count(first)} of {wanted} unknown names")
        # A full answer to a client that holds nothing (a second window, a restarted client).
        full_s, full = client.request("workspace/diagnostic", {"previousResultIds": []}, timeout)
        # Nothing changed: every file the client holds is unchanged.
        held = held_ids(full)
        unchanged = []
        for _ in range(repeats):
            round_trip, again = client.request("workspace/diagnostic", {"previousResultIds": held}, timeout)
            kinds = {item.get("kind") for item in again.get("items", [])}
            if kinds - {"unchanged"}:
                raise ServerGone(f"nothing changed, yet the answer holds {sorted(kinds)}")
            unchanged.append(round_trip * 1000)
        return {"cold_s": arrived - client.spawned_at, "full_ms": full_s * 1000, "unchanged_ms": unchanged,
                "files": len(held), "answer_kb": len(str(full)) / 1000}
    finally:
        client.shutdown()


def measure_workspace_pull(binary: str, manifest: dict, runs: int, timeout: float, log_dir: str,
                           repeats: int = 50) -> dict:
    """Medians over `runs` fresh sessions; the unchanged answers pooled for the percentile."""
    cold, full, unchanged, files = [], [], [], None
    for run in range(runs):
        log = os.path.join(log_dir, f"base44-run{run}-workspace-pull.log")
        try:
            found = one_session(binary, manifest, repeats, timeout, log)
        except TimedOut:
            cold.append("timeout")
            continue
        except (ServerGone, OSError) as error:
            cold.append(f"failed: {error}")
            continue
        cold.append(found["cold_s"])
        full.append(found["full_ms"])
        unchanged.extend(found["unchanged_ms"])
        files = found["files"]
    result = {"workspace_pull_cold_s": median_or_failure(cold)}
    if full:
        result["workspace_pull_full_ms"] = median(full)
    if unchanged:
        result["workspace_pull_unchanged_p50_ms"] = median(unchanged)
        result["workspace_pull_unchanged_p99_ms"] = percentile(unchanged, 0.99)
    result["workspace_pull_files"] = files
    return result
