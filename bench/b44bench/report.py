"""The results table: one block per size, base44-lsp next to the TS servers, with ratios and targets."""

import re

# (key, label, unit, base44 target or None). Times are stored in seconds or milliseconds as the unit says.
ROWS = [
    ("full_list_s", "time to full name list in invoke(\"", "s", None),
    ("unknown_flagged_s", "time until unknown name flagged", "s", None),
    ("open_files_checked_s", "open files' diagnostics published", "s", None),
    ("index_ready_s", "index complete (`base44/status` ready)", "s", None),
    ("completion_p50_ms", "warm completion, median", "ms", None),
    ("completion_p99_ms", "warm completion, p99", "ms", 5.0),
    ("completion_kb", "completion response size", "kB", None),
    ("keystroke_p50_ms", "keystroke -> diagnostics (5,000 lines), median", "ms", None),
    ("keystroke_p99_ms", "keystroke -> diagnostics (5,000 lines), p99", "ms", 10.0),
    ("check_s", "`base44-lsp check` wall time", "s", None),
    ("workspace_pull_cold_s", "`workspace/diagnostic` cold: spawn -> every file's problems", "s", None),
    ("workspace_pull_full_ms", "`workspace/diagnostic`, every file in full (index built)", "ms", None),
    ("workspace_pull_unchanged_p50_ms", "`workspace/diagnostic`, nothing changed, median", "ms", None),
    ("workspace_pull_unchanged_p99_ms", "`workspace/diagnostic`, nothing changed, p99", "ms", 50.0),
    ("check_rss_mb", "`base44-lsp check` peak RSS", "MB", None),
    ("peak_rss_mb", "peak RSS of the server process tree", "MB", None),
]

SIZE_TARGETS = {
    # size label -> {measure: target}
    # The issue's "index" is the open files' diagnostics; the whole index has no target of its own.
    "medium": {"full_list_s": 0.3, "open_files_checked_s": 0.3, "check_s": 1.0, "workspace_pull_cold_s": 1.0},
    "large": {"open_files_checked_s": 8.0, "peak_rss_mb": 300.0},
}


def _show(value, unit: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        # typescript-language-server's "[tsserver] Exited. Code: null. Signal: SIGABRT", said briefly.
        signal = re.search(r"Signal: (\w+)", value)
        if value.startswith("failed") and "Exited" in value:
            return f"crashed ({signal.group(1)})" if signal and signal.group(1) != "null" else "crashed"
        return value if len(value) < 40 else value[:37] + "..."
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.2f} ms"
    if unit == "kB":
        return f"{value:.0f} kB"
    return f"{value:.0f} MB"


def _ratio(other, ours) -> str:
    if isinstance(other, str) and other == "timeout" and isinstance(ours, (int, float)):
        return "> timeout"
    if not isinstance(other, (int, float)) or not isinstance(ours, (int, float)) or ours <= 0:
        return "-"
    return f"{other / ours:.1f}x"


def _target(size_label: str, key: str, default) -> str:
    target = SIZE_TARGETS.get(size_label, {}).get(key, default)
    return "" if target is None else f"< {target:g}"


def format_size_table(size, manifest: dict, results: dict, ts_keys: list) -> str:
    """`results` maps server key -> {measure key -> value}."""
    counts = manifest["counts"]
    titles = {"base44": "base44-lsp", "ts7": "TS7 native", "ts5": "tsserver (TS 5)"}
    header = ["measure", "base44-lsp", *[titles[k] for k in ts_keys],
              *[f"{titles[k]} / base44" for k in ts_keys], "target"]
    lines = [
        f"### {size.label}: {size.functions:,} functions / {counts['frontend_files']:,} frontend files "
        f"({counts['frontend_lines']:,} lines, {counts['calls']:,} call sites, {counts['unknown_calls']} unknown)",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    ours = results.get("base44", {})
    for key, label, unit, default_target in ROWS:
        values = [ours.get(key)] + [results.get(k, {}).get(key) for k in ts_keys]
        if all(v is None for v in values):
            continue
        ratios = [_ratio(results.get(k, {}).get(key), ours.get(key)) for k in ts_keys]
        shown = [_show(v, unit) for v in values]
        if key == "peak_rss_mb":
            for column, server in enumerate(ts_keys, start=1):
                if results.get(server, {}).get("peak_rss_capped"):
                    shown[column] = f"> {shown[column]} (killed at cap)"
                    ratios[column - 1] = f"> {ratios[column - 1]}"
        cells = [label, *shown, *ratios, _target(size.label, key, default_target)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
