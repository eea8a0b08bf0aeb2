"""All measures for one server on one workspace: cold sessions, warm completion, keystrokes, `check`."""

import os
import re
import subprocess
import sys
import time

from .lsp_client import ServerGone, TimedOut
from .servers import ServerSpec
from .session import Session, run_guarded
from .stats import median, median_or_failure, percentile


def _progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def _open_session(spec: ServerSpec, manifest: dict, timeout: float, log_path: str, client: str):
    try:
        return Session(spec, manifest, timeout, log_path, client)
    except TimedOut:
        return "timeout"
    except (ServerGone, OSError) as error:
        return f"failed: {error}"


def measure_server(spec: ServerSpec, manifest: dict, runs: int, timeout: float, log_dir: str,
                   clients: tuple = ("vscode",), bundle_rounds: int = 0) -> dict:
    """Runs `runs` rounds of fresh sessions and returns the measures (medians, pooled percentiles).

    The cold measures get a fresh server each, so one never warms the other up: session 1 waits for
    diagnostics only, session 2 (the first client profile) asks for completions, then types, then opens
    a big bundle; each further client profile gets a session of its own for warm completions.
    """
    cold = {"unknown_flagged_s": [], "open_files_checked_s": [], "full_list_s": []}
    completions = {client: [] for client in clients}
    completion_sizes = {client: [] for client in clients}
    completion_items = {client: [] for client in clients}
    keystrokes, peaks, phases = [], [], []
    bundle = {"opened": [], "edited": []}
    capped = False
    for run in range(runs):
        log = os.path.join(log_dir, f"{spec.key}-run{run}")
        session = _open_session(spec, manifest, timeout, log + "-diagnostics.log", clients[0])
        if isinstance(session, str):
            for values in cold.values():
                values.append(session)
            continue
        cold["unknown_flagged_s"].append(run_guarded(session.time_to_unknown_flagged, session))
        cold["open_files_checked_s"].append(run_guarded(session.time_to_open_files_checked, session))
        if spec.key == "base44":
            cold.setdefault("index_ready_s", []).append(run_guarded(session.time_to_index_ready, session))
        peaks.append(session.close())
        capped = capped or session.rss.exceeded_cap
        phases.extend(index_phases(session.server_log()))
        _progress(f"{spec.key} run {run + 1}: flagged {cold['unknown_flagged_s'][-1]}, "
                  f"open files {cold['open_files_checked_s'][-1]}, ready {cold.get('index_ready_s', ['-'])[-1]}")

        for position, client in enumerate(clients):
            session = _open_session(spec, manifest, timeout, log + f"-completion-{client}.log", client)
            if isinstance(session, str):
                if position == 0:
                    cold["full_list_s"].append(session)
                continue
            if position == 0:
                full_list = run_guarded(session.time_to_full_list, session)
                cold["full_list_s"].append(full_list)
                if isinstance(full_list, str):
                    peaks.append(session.close())
                    continue
            settled = run_guarded(session.settle_for_completion, session)
            if isinstance(settled, str):
                _progress(f"{spec.key} {client} never settled: {settled}")
                peaks.append(session.close())
                continue
            warm = run_guarded(lambda: session.warm_completion_latencies(spec.warm_completions), session)
            if isinstance(warm, list):
                completions[client].extend(warm)
                completion_sizes[client].append(session.completion_bytes)
                completion_items[client].append((session.completion_items, session.completion_incomplete))
            if position == 0:
                typed = run_guarded(lambda: session.keystroke_latencies(spec.keystrokes), session)
                if isinstance(typed, list):
                    keystrokes.extend(typed)
                elif typed:
                    _progress(f"{spec.key} keystrokes: {typed}")
                if bundle_rounds:
                    opened = run_guarded(lambda: session.bundle_latencies(bundle_rounds), session)
                    if isinstance(opened, dict):
                        for key in bundle:
                            bundle[key].extend(opened[key])
                    else:
                        _progress(f"{spec.key} bundle: {opened}")
            peaks.append(session.close())
            capped = capped or session.rss.exceeded_cap
            _progress(f"{spec.key} run {run + 1} ({client}): {len(completions[client])} completions, "
                      f"{len(keystrokes)} keystrokes")

    result = {key: median_or_failure(values) for key, values in cold.items()}
    for client in clients:
        samples = completions[client]
        if samples:
            result[f"completion_p50_ms:{client}"] = median(samples)
            result[f"completion_p95_ms:{client}"] = percentile(samples, 0.95)
            result[f"completion_p99_ms:{client}"] = percentile(samples, 0.99)
        if completion_sizes[client]:
            result[f"completion_kb:{client}"] = median(completion_sizes[client]) / 1000
            counts = [count for count, _ in completion_items[client]]
            result[f"completion_items:{client}"] = median(counts)
            result[f"completion_incomplete:{client}"] = any(more for _, more in completion_items[client])
    if keystrokes:
        result["keystroke_p50_ms"] = median(keystrokes)
        result["keystroke_p99_ms"] = percentile(keystrokes, 0.99)
    for key, samples in bundle.items():
        if samples:
            result[f"bundle_{key}_p50_ms"] = median(samples)
            result[f"bundle_{key}_max_ms"] = max(samples)
    for key in ("names_s", "entries_s", "modules_s", "names_rss_mb", "modules_rss_mb", "analysed",
                "analysed_mb", "parsed_mb"):
        values = [phase[key] for phase in phases if key in phase]
        if values:
            result[f"phase_{key}"] = median(values)
    if peaks:
        result["peak_rss_mb"] = max(peaks) / 1e6
        # A tree killed at the memory cap would have grown further: its peak is only a lower bound.
        result["peak_rss_capped"] = capped
    result["samples"] = {"completions": {client: len(samples) for client, samples in completions.items()},
                         "keystrokes": len(keystrokes), "runs": runs}
    # Every sample, in the order taken, for `--json`: a p99 is a few of them, worth a look.
    result["raw_ms"] = {"completions": {client: [round(v, 3) for v in samples]
                                        for client, samples in completions.items()},
                        "keystrokes": [round(v, 3) for v in keystrokes],
                        "bundle": {key: [round(v, 3) for v in samples] for key, samples in bundle.items()}}
    return result


# What base44-lsp logs once an indexing run ends (`lsp/handlers/indexing.rs`).
_PHASES = re.compile(
    r"index built: names in (?P<names_s>[\d.]+) s \(resident (?P<names_rss_mb>\d+) MB\), "
    r"entries in (?P<entries_s>[\d.]+) s, module graph in (?P<modules_s>[\d.]+) s "
    r"\((?P<analysed>[\d,]+) of [\d,]+ files analysed, "
    r"(?:(?P<parsed_mb>[\d.]+) of (?P<analysed_mb>[\d.]+) MB parsed, )?resident (?P<modules_rss_mb>\d+) MB\)")


def index_phases(log: str) -> list:
    """The phases of each indexing run the server logged: the names, the entries, the module graph."""
    return [{key: float(value.replace(",", "")) for key, value in found.groupdict().items() if value is not None}
            for found in _PHASES.finditer(log)]


def measure_check(binary: str, manifest: dict, runs: int, timeout: float) -> dict:
    """Wall time and peak RSS of `base44-lsp check` on the whole workspace (median of `runs`)."""
    walls, peaks, codes = [], [], []
    for _ in range(runs):
        started = time.monotonic()
        process = subprocess.Popen([binary, "check", manifest["workspace"]],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                return {"check_s": "timeout"}
            time.sleep(0.002)
        walls.append(time.monotonic() - started)
        peaks.append(usage.ru_maxrss * 1024)
        codes.append(os.waitstatus_to_exitcode(status))
    # The generated workspace holds unknown names on purpose, so `check` must fail it (exit 1).
    if any(code != 1 for code in codes):
        return {"check_s": f"failed: exit codes {sorted(set(codes))}"}
    return {"check_s": median(walls), "check_rss_mb": max(peaks) / 1e6}
