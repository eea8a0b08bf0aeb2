"""All measures for one server on one workspace: cold sessions, warm completion, keystrokes, `check`."""

import os
import subprocess
import sys
import time

from .lsp_client import ServerGone, TimedOut
from .servers import ServerSpec
from .session import Session, run_guarded
from .stats import median, median_or_failure, percentile


def _progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def _open_session(spec: ServerSpec, manifest: dict, timeout: float, log_path: str):
    try:
        return Session(spec, manifest, timeout, log_path)
    except TimedOut:
        return "timeout"
    except (ServerGone, OSError) as error:
        return f"failed: {error}"


def measure_server(spec: ServerSpec, manifest: dict, runs: int, timeout: float, log_dir: str) -> dict:
    """Runs `runs` rounds of two fresh sessions each and returns the measures (medians, pooled percentiles).

    The cold measures get a fresh server each, so one never warms the other up: session 1 waits for
    diagnostics only, session 2 asks for completions and then types.
    """
    cold = {"unknown_flagged_s": [], "open_files_checked_s": [], "full_list_s": []}
    completions, keystrokes, peaks, completion_sizes = [], [], [], []
    capped = False
    for run in range(runs):
        log = os.path.join(log_dir, f"{spec.key}-run{run}")
        session = _open_session(spec, manifest, timeout, log + "-diagnostics.log")
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
        _progress(f"{spec.key} run {run + 1}: flagged {cold['unknown_flagged_s'][-1]}, "
                  f"open files {cold['open_files_checked_s'][-1]}, ready {cold.get('index_ready_s', ['-'])[-1]}")

        session = _open_session(spec, manifest, timeout, log + "-completion.log")
        if isinstance(session, str):
            cold["full_list_s"].append(session)
            continue
        full_list = run_guarded(session.time_to_full_list, session)
        cold["full_list_s"].append(full_list)
        if not isinstance(full_list, str):
            # Warm means settled: the open files checked and, for base44-lsp, the whole index built, so
            # the timings below are not of requests queued behind start-up work.
            run_guarded(session.time_to_open_files_checked, session)
            if spec.key == "base44":
                run_guarded(session.time_to_index_ready, session)
            warm = run_guarded(lambda: session.warm_completion_latencies(spec.warm_completions), session)
            if isinstance(warm, list):
                completions.extend(warm)
                completion_sizes.append(session.completion_bytes)
            typed = run_guarded(lambda: session.keystroke_latencies(spec.keystrokes), session)
            if isinstance(typed, list):
                keystrokes.extend(typed)
            elif typed:
                _progress(f"{spec.key} keystrokes: {typed}")
        peaks.append(session.close())
        capped = capped or session.rss.exceeded_cap
        _progress(f"{spec.key} run {run + 1}: full list {full_list}, {len(completions)} completions, "
                  f"{len(keystrokes)} keystrokes")

    result = {key: median_or_failure(values) for key, values in cold.items()}
    if completions:
        result["completion_p50_ms"] = median(completions)
        result["completion_p99_ms"] = percentile(completions, 0.99)
    if completion_sizes:
        result["completion_kb"] = median(completion_sizes) / 1000
    if keystrokes:
        result["keystroke_p50_ms"] = median(keystrokes)
        result["keystroke_p99_ms"] = percentile(keystrokes, 0.99)
    if peaks:
        result["peak_rss_mb"] = max(peaks) / 1e6
        # A tree killed at the memory cap would have grown further: its peak is only a lower bound.
        result["peak_rss_capped"] = capped
    result["samples"] = {"completions": len(completions), "keystrokes": len(keystrokes), "runs": runs}
    # Every sample, in the order taken, for `--json`: a p99 is a few of them, worth a look.
    result["raw_ms"] = {"completions": [round(v, 3) for v in completions],
                        "keystrokes": [round(v, 3) for v in keystrokes]}
    return result


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
