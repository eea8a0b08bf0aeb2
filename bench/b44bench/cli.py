"""`bench/run`: generate workspaces, build and install the servers, measure, print the table."""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys

from .generator import SIZES, ensure_workspace
from .lsp_client import CLIENT_PROFILES
from .machine import answer_floor, describe, parse_rate
from .measure import measure_check, measure_server
from .workspace_pull import measure_workspace_pull
from .report import format_size_table
from .servers import BENCH_DIR, NODE_MODULES, base44_server, ts5_server, ts7_native_binary, ts7_server

REPO_ROOT = os.path.dirname(BENCH_DIR)


def _parse_list(value: str, allowed) -> list:
    items = [item.strip() for item in value.split(",") if item.strip()]
    if items == ["all"]:
        return list(allowed)
    unknown = [item for item in items if item not in allowed]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return items


def parse_args(argv: list) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run",
        description="Benchmark base44-lsp against typescript-language-server (TS 5) and TypeScript 7's native "
                    "server on generated Base44 workspaces.")
    parser.add_argument("--sizes", default="small,medium,large",
                        type=lambda v: _parse_list(v, SIZES), help="small, medium, large or all")
    parser.add_argument("--servers", default="base44,ts7,ts5",
                        type=lambda v: _parse_list(v, ["base44", "ts7", "ts5"]), help="which servers to drive")
    parser.add_argument("--skip-ts", action="store_true", help="measure base44-lsp only")
    parser.add_argument("--ts-sizes", default="small,medium", type=lambda v: _parse_list(v, SIZES),
                        help="sizes at which the TS servers run (default small,medium; `all` adds large)")
    parser.add_argument("--client", default="vscode,minimal",
                        type=lambda v: _parse_list(v, list(CLIENT_PROFILES)),
                        help="client profiles whose completions are timed (default vscode,minimal): `vscode` "
                             "announces what VS Code does (itemDefaults, resolveSupport), `minimal` neither")
    parser.add_argument("--bundle-rounds", type=int, default=5,
                        help="times a 4 MB one-line bundle is opened (and edited) beside the app (0: never)")
    parser.add_argument("--runs", type=int, default=3, help="rounds per size for base44-lsp (medians)")
    parser.add_argument("--ts-runs", type=int, default=1, help="rounds per size for each TS server")
    parser.add_argument("--timeout", type=float, default=300.0, help="cap in seconds on each TS measure")
    parser.add_argument("--ts-completions", type=int, default=30, help="warm completions timed per TS session")
    parser.add_argument("--ts-keystrokes", type=int, default=10, help="keystrokes timed per TS session")
    parser.add_argument("--completions", type=int, default=200, help="warm completions per base44-lsp session")
    parser.add_argument("--keystrokes", type=int, default=40, help="keystrokes per base44-lsp session")
    parser.add_argument("--memory-cap-gb", type=float, default=8.0,
                        help="kill a server whose process tree holds more than this (default 8; 0 = no cap)")
    parser.add_argument("--server", help="path to a base44-lsp binary (default: build target/release/base44-lsp)")
    parser.add_argument("--server-arg", action="append", default=[], help="extra argument for base44-lsp")
    parser.add_argument("--no-build", action="store_true", help="do not run `cargo build --release`")
    parser.add_argument("--cache-dir", default=os.path.join(REPO_ROOT, "target", "bench-ws"),
                        help="where generated workspaces and server logs go (outside git)")
    parser.add_argument("--seed", type=int, default=44)
    parser.add_argument("--generate-only", action="store_true", help="write the workspaces and stop")
    parser.add_argument("--json", help="also write all results to this JSON file")
    args = parser.parse_args(argv)
    if args.skip_ts:
        args.servers = [s for s in args.servers if s == "base44"]
    if args.bundle_rounds < 0:
        parser.error("--bundle-rounds must not be negative")
    for name in ("runs", "ts_runs", "completions", "ts_completions"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def _cap(args) -> int | None:
    return int(args.memory_cap_gb * 1e9) if args.memory_cap_gb > 0 else None


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_server(args) -> str:
    if args.server:
        if not os.access(args.server, os.X_OK):
            raise SystemExit(f"--server {args.server}: not an executable file")
        return os.path.abspath(args.server)
    binary = os.path.join(_release_dir(), "base44-lsp")
    if not args.no_build:
        _say("building base44-lsp (cargo build --release) ...")
        built = subprocess.run(["cargo", "build", "--release", "--bin", "base44-lsp", "--example", "parse_rate"],
                               cwd=REPO_ROOT)
        if built.returncode != 0:
            raise SystemExit("cargo build --release failed")
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"{binary} does not exist: build it, or pass --server PATH")
    return binary


def _release_dir() -> str:
    return os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO_ROOT, "target")), "release")


def _parse_rate_example() -> str:
    return os.path.join(_release_dir(), "examples", "parse_rate")


def install_ts_servers() -> None:
    """`npm ci` into bench/node_modules when the pinned servers are not there yet."""
    wanted = [os.path.join(NODE_MODULES, "typescript-language-server", "lib", "cli.mjs"),
              os.path.join(NODE_MODULES, "typescript-5", "lib", "tsserver.js"), ts7_native_binary()]
    if all(os.path.exists(path) for path in wanted):
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to install the TypeScript servers (or pass --skip-ts)")
    _say("installing typescript-language-server, typescript@5 and typescript@7 into bench/node_modules ...")
    installed = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH_DIR)
    if installed.returncode != 0 or not all(os.path.exists(path) for path in wanted):
        raise SystemExit("npm ci in bench/ did not install the TypeScript servers")


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Linux {platform.release()}, Python {platform.python_version()}"


def _load_note() -> str:
    """The 1-minute load average, with a warning when other work competes for the cores."""
    load = os.getloadavg()[0]
    busy = load > (os.cpu_count() or 1) * 0.75
    return f"load average {load:.2f}" + (" (the machine is busy: numbers will be noisy)" if busy else "")


def main(argv: list | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.makedirs(args.cache_dir, exist_ok=True)
    manifests = {}
    for label in args.sizes:
        _say(f"workspace {label}: generating (or reusing) under {args.cache_dir} ...")
        manifests[label] = ensure_workspace(SIZES[label], args.cache_dir, args.seed)
        _say(f"workspace {label}: {manifests[label]['workspace']}")
    if args.generate_only:
        return 0
    binary = build_server(args) if "base44" in args.servers else None
    ts_keys = [key for key in ("ts7", "ts5") if key in args.servers]
    if ts_keys:
        install_ts_servers()

    print(f"Machine: {_machine()}\n")
    all_results = {}
    for label in args.sizes:
        size, manifest = SIZES[label], manifests[label]
        log_dir = os.path.join(args.cache_dir, "logs", label)
        os.makedirs(log_dir, exist_ok=True)
        results = {}
        print(f"[{label}] before measuring: {_load_note()}", flush=True)
        if binary:
            _say(f"[{label}] base44-lsp ...")
            spec = base44_server(binary, args.server_arg)
            spec.warm_completions, spec.keystrokes = args.completions, args.keystrokes
            spec.memory_cap_bytes = _cap(args)
            results["base44"] = measure_server(spec, manifest, args.runs, args.timeout, log_dir, tuple(args.client),
                                               args.bundle_rounds)
            results["base44"].update(measure_check(binary, manifest, args.runs, args.timeout))
            results["base44"].update(measure_workspace_pull(binary, manifest, args.runs, args.timeout, log_dir))
        # The machine, measured next to the servers: its speed, and its noise at the sizes sent.
        sizes_sent = sorted({1000, *(int(value * 1000) for r in results.values() for key, value in r.items()
                                     if key.startswith("completion_kb:") and isinstance(value, (int, float)))})
        machine = {"parse": parse_rate(_parse_rate_example(), manifest["workspace"]),
                   "answers": [answer_floor(size) for size in sizes_sent]}
        results["machine"] = machine
        print(f"[{label}] machine: {describe(machine['parse'], machine['answers'])}", flush=True)
        size_ts = [key for key in ts_keys if label in args.ts_sizes]
        for key in size_ts:
            _say(f"[{label}] {key} ...")
            factory = ts7_server if key == "ts7" else ts5_server
            spec = factory(args.ts_completions, args.ts_keystrokes)
            spec.memory_cap_bytes = _cap(args)
            results[key] = measure_server(spec, manifest, args.ts_runs, args.timeout, log_dir, tuple(args.client))
        all_results[label] = results
        print(format_size_table(size, manifest, results, size_ts, args.client), flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"machine": _machine(), "results": all_results}, handle, indent=1)
    return 0
