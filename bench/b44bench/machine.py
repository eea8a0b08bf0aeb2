"""How fast and how steady this machine is, measured beside the servers so that numbers from
different machines (or one shared machine on different days) can be set side by side."""

import json
import os
import subprocess
import sys

from .lsp_client import LspClient
from .stats import median, percentile

# What issue 6 measured on the machine its targets were set on: tree-sitter parsed the 8 MB
# of the medium workspace's files that can hold a call site in 1.2 s on one core.
REFERENCE_PARSE_MB_PER_S = 8.0 / 1.2

_ANSWER_SERVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "answer_server.py")


def parse_rate(example: str, workspace: str, seconds: float = 2.0):
    """tree-sitter's single-core parse rate over the workspace, from the `parse_rate` example."""
    if not os.access(example, os.X_OK):
        return None
    try:
        done = subprocess.run([example, workspace, str(seconds)], capture_output=True, text=True,
                              timeout=seconds * 10 + 30)
        return json.loads(done.stdout) if done.returncode == 0 else None
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None


def answer_floor(size: int, rounds: int = 200) -> dict:
    """Round trips, in ms, of requests that a do-nothing server answers with `size` bytes, through
    the same client as the servers: what the client, the pipes and the machine's scheduling cost a
    response of that size, which the servers' own times include."""
    client = LspClient([sys.executable, _ANSWER_SERVER, str(size)], cwd=os.getcwd())
    samples = []
    try:
        for _ in range(rounds):
            round_trip, _ = client.request("floor/answer", None, 30)
            samples.append(round_trip * 1000)
        received = client.bytes_received / rounds
    finally:
        client.shutdown()
    return {"bytes": round(received), "p50_ms": median(samples), "p99_ms": percentile(samples, 0.99)}


def describe(rate, floors: list) -> str:
    parts = []
    if rate:
        speed = rate["megabytes_per_second"] / REFERENCE_PARSE_MB_PER_S
        parts.append(f"tree-sitter parses {rate['megabytes_per_second']:.1f} MB/s on one core here "
                     f"({speed:.0%} of the {REFERENCE_PARSE_MB_PER_S:.1f} MB/s issue 6 measured)")
    for floor in floors:
        parts.append(f"a {floor['bytes'] / 1000:.0f} kB answer from a server that does no work: "
                     f"median {floor['p50_ms']:.2f} ms, p99 {floor['p99_ms']:.2f} ms")
    return "; ".join(parts)
