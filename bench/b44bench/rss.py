"""Peak resident memory of a process and all its descendants, sampled from /proc while it runs."""

import os
import signal
import threading


def _children_map() -> dict:
    """parent pid -> [child pids], from one pass over /proc."""
    children: dict = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields restart after the last ')'.
        fields = stat[stat.rfind(b")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _descendants(root: int) -> list:
    children = _children_map()
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _status_kib(pid: int, key: bytes):
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


class TreePeakRss:
    """Samples VmHWM of every process in the tree; the peak is the sum of each process's own high-water mark.

    Summing per-process peaks can only over-state the simultaneous peak, never hide memory in a child.
    """

    def __init__(self, root_pid: int, interval: float = 0.05, cap_bytes: int | None = None):
        self._root = root_pid
        self._interval = interval
        self._peaks: dict = {}
        # On a shared machine a server that grows without bound must not wake the OOM killer.
        self._cap_bytes = cap_bytes
        self.exceeded_cap = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self._interval)

    def sample(self) -> None:
        tree = _descendants(self._root)
        resident = 0
        for pid in tree:
            hwm = _status_kib(pid, b"VmHWM:")
            if hwm is not None and hwm > self._peaks.get(pid, 0):
                self._peaks[pid] = hwm
            resident += _status_kib(pid, b"VmRSS:") or 0
        if self._cap_bytes is not None and resident * 1024 > self._cap_bytes:
            self.exceeded_cap = True
            for pid in tree:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass

    def stop(self) -> int:
        """Stops sampling and returns the peak in bytes."""
        self._stop.set()
        self._thread.join()
        return self.peak_bytes()

    def peak_bytes(self) -> int:
        return sum(self._peaks.values()) * 1024

    def process_count(self) -> int:
        return len(self._peaks)
