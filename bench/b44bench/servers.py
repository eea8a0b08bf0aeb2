"""How to start each server the benchmark drives, and how each one reports an unknown function name."""

import os
import platform
from dataclasses import dataclass, field

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NODE_MODULES = os.path.join(BENCH_DIR, "node_modules")


@dataclass
class ServerSpec:
    key: str  # short id used in flags and the table
    title: str
    argv: list
    initialization_options: dict | None = None
    # How many warm completions / keystrokes to time: the TS servers are slow, so they get fewer.
    warm_completions: int = 200
    keystrokes: int = 40
    env: dict = field(default_factory=dict)
    memory_cap_bytes: int | None = None


def base44_server(binary: str, extra_args: list) -> ServerSpec:
    return ServerSpec("base44", "base44-lsp", [binary, *extra_args])


def ts5_server(warm_completions: int, keystrokes: int) -> ServerSpec:
    cli = os.path.join(NODE_MODULES, "typescript-language-server", "lib", "cli.mjs")
    tsserver = os.path.join(NODE_MODULES, "typescript-5", "lib", "tsserver.js")
    return ServerSpec(
        "ts5", "typescript-language-server (tsserver 5)", ["node", cli, "--stdio"],
        {"tsserver": {"path": tsserver}}, warm_completions, keystrokes,
    )


def ts7_native_binary() -> str:
    """The native `tsc` that the `typescript@7` package runs, found the way its own launcher finds it."""
    arch = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(
        platform.machine().lower(), platform.machine().lower())
    system = platform.system().lower()
    exe = "tsc.exe" if system == "windows" else "tsc"
    return os.path.join(NODE_MODULES, "@typescript", f"typescript-{system}-{arch}", "lib", exe)


def ts7_server(warm_completions: int, keystrokes: int) -> ServerSpec:
    return ServerSpec("ts7", "TypeScript 7 native (tsc --lsp)", [ts7_native_binary(), "--lsp", "--stdio"],
                      None, warm_completions, keystrokes)


def flags_call(diagnostic: dict, line: int) -> bool:
    """Does this diagnostic reject the function name of the call on `line`?

    base44-lsp uses the code `unknown-function`; TypeScript reports TS2345 (argument not assignable
    to `keyof FunctionNameRegistry`).
    """
    if diagnostic.get("range", {}).get("start", {}).get("line") != line:
        return False
    return diagnostic.get("code") in ("unknown-function", 2345, "2345")
