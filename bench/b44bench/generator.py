"""Builds a whole synthetic Base44 workspace on disk, plus a manifest telling the driver where to measure."""

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass

from .frontend import build_source
from .functions import DISTRACTORS, generate_functions
from .prng import Rng
from .scaffold import FIXED_FRONTEND_FILES, fixed_files
from .vocabulary import AREAS, NOUNS, UI_WORDS, pascal

# Bump whenever the output changes, so cached workspaces are rebuilt.
GENERATOR_VERSION = "2"
CALLING_FILE_SHARE = 0.2
UNKNOWN_CALL_SHARE = 0.01
BIG_FILE_LINES = 5000
PROBE_PATH = "src/components/orders/OrderActions.tsx"
BIG_PATH = "src/pages/OperationsConsole.tsx"


@dataclass(frozen=True)
class Size:
    label: str
    functions: int
    files: int


SIZES = {
    "small": Size("small", 200, 500),
    "medium": Size("medium", 2000, 5000),
    "large": Size("large", 10000, 50000),
}


def _unknown_name(rng: Rng, names: list, taken: set) -> str:
    """A plausible typo of a real name that no function has."""
    while True:
        base = rng.pick(names)
        leaf_cut = rng.between(1, max(1, len(base) - 1))
        candidate = base[:leaf_cut] + rng.pick(["x", "s", "-v2", "_old", "z"]) + base[leaf_cut:]
        if candidate not in taken and "." not in candidate:
            return candidate


def _pick_calls(rng: Rng, names: list, taken: set, count: int, unknown_share: float) -> list:
    calls = []
    for _ in range(count):
        method = "fetch" if rng.chance(0.2) else "invoke"
        if rng.chance(unknown_share):
            calls.append((_unknown_name(rng, names, taken), False, method))
        else:
            calls.append((rng.pick(names), True, method))
    return calls


def _frontend_path(index: int, kind: str, rng: Rng) -> str:
    batch = f"b{index // 200:03d}"
    noun = rng.pick(NOUNS)
    if kind == "component":
        return f"src/components/{rng.pick(AREAS)}/{batch}/{pascal(noun, rng.pick(UI_WORDS))}{index}.tsx"
    if kind == "hook":
        return f"src/hooks/{batch}/use{pascal(noun)}{index}.ts"
    return f"src/lib/{rng.pick(AREAS)}/{batch}/{noun}Utils{index}.ts"


def _call_summary(path: str, src) -> dict:
    return {
        "path": path,
        "lines": len(src.lines),
        "calls": [asdict(c) for c in src.calls],
        "unknown": [asdict(c) for c in src.calls if not c.known],
    }


def generate(size: Size, out_dir: str, seed: int = 44) -> dict:
    """Writes the workspace to `out_dir/ws` and returns the manifest (also written to `out_dir/manifest.json`)."""
    rng = Rng(seed)
    functions = generate_functions(rng.fork(1), size.functions)
    names = [f.name for f in functions]
    taken = set(names)
    ws = os.path.join(out_dir, "ws")
    if os.path.exists(ws):
        shutil.rmtree(ws)
    digest = hashlib.sha256()
    counts = {"frontend_files": 0, "frontend_lines": 0, "calling_files": 0, "calls": 0, "unknown_calls": 0}

    def write(rel: str, text: str) -> None:
        path = os.path.join(ws, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        digest.update(rel.encode() + b"\0" + text.encode() + b"\0")

    for rel, text in fixed_files(sorted(names)).items():
        write(rel, text)
    for function in functions:
        for rel, text in function.files.items():
            write(f"base44/functions/{rel}", text)
    for rel, text in DISTRACTORS.items():
        write(f"base44/functions/{rel}", text)

    def count(src, calling: bool) -> None:
        counts["frontend_files"] += 1
        counts["frontend_lines"] += len(src.lines)
        counts["calling_files"] += int(calling)
        counts["calls"] += len(src.calls)
        counts["unknown_calls"] += sum(1 for c in src.calls if not c.known)

    # The probe file: completion and the unknown-name measure happen here, at known places.
    prng = rng.fork(2)
    probe_calls = [(names[0], True, "invoke"), (_unknown_name(prng, names, taken), False, "invoke"),
                   (names[-1], True, "fetch")]
    probe = build_source(prng, "component", 220, probe_calls)
    write(PROBE_PATH, probe.text())
    count(probe, True)

    # One large file full of call sites, for the keystroke (didChange) measure.
    brng = rng.fork(3)
    big_calls = _pick_calls(brng, names, taken, 200, 0.0)
    big_calls[100] = (_unknown_name(brng, names, taken), False, "invoke")
    big = build_source(brng, "component", BIG_FILE_LINES, big_calls)
    write(BIG_PATH, big.text())
    count(big, True)

    counts["frontend_files"] += FIXED_FRONTEND_FILES
    for index in range(max(0, size.files - FIXED_FRONTEND_FILES - 2)):
        frng = rng.fork(1000 + index)
        kind = ("component", "component", "component", "component", "component", "hook", "hook",
                "util", "util", "util")[frng.below(10)]
        calling = frng.chance(CALLING_FILE_SHARE)
        calls = _pick_calls(frng, names, taken, frng.between(1, 3), UNKNOWN_CALL_SHARE) if calling else []
        src = build_source(frng, kind, frng.between(120, 420), calls)
        write(_frontend_path(index, kind, frng), src.text())
        count(src, calling)

    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "size": asdict(size),
        "workspace": ws,
        "function_names": names,
        "layouts": sorted({f.layout for f in functions}),
        "handlers": sorted({f.handler for f in functions}),
        "counts": counts,
        "probe": _call_summary(PROBE_PATH, probe),
        "big": _call_summary(BIG_PATH, big),
        "content_sha256": digest.hexdigest(),
    }
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)
    return manifest


def ensure_workspace(size: Size, cache_dir: str, seed: int = 44) -> dict:
    """Returns the cached workspace for `size`, generating it first when missing or stale."""
    out_dir = os.path.join(cache_dir, f"{size.label}-{size.functions}x{size.files}-s{seed}")
    manifest_path = os.path.join(out_dir, "manifest.json")
    try:
        with open(manifest_path, encoding="utf-8") as handle:
            manifest = json.load(handle)
        if manifest.get("generator_version") == GENERATOR_VERSION and os.path.isdir(manifest["workspace"]):
            return manifest
    except (OSError, ValueError, KeyError):
        pass
    if os.path.exists(manifest_path):
        os.remove(manifest_path)  # a half-built workspace must never look complete
    os.makedirs(out_dir, exist_ok=True)
    return generate(size, out_dir, seed)
