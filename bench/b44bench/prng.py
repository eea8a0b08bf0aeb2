"""A tiny seeded PRNG (splitmix64) so generated workspaces are byte-identical on every Python version."""

_MASK = (1 << 64) - 1


class Rng:
    """splitmix64: small, fast enough, and its output never depends on the interpreter's `random`."""

    def __init__(self, seed: int):
        self._state = seed & _MASK

    def fork(self, salt: int) -> "Rng":
        """A generator for one sub-task (one file), so files do not depend on generation order."""
        return Rng(self._next() ^ ((salt * 0x9E3779B97F4A7C15) & _MASK))

    def _next(self) -> int:
        self._state = (self._state + 0x9E3779B97F4A7C15) & _MASK
        z = self._state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def below(self, n: int) -> int:
        """An integer in [0, n)."""
        return self._next() % n

    def between(self, low: int, high: int) -> int:
        """An integer in [low, high]."""
        return low + self.below(high - low + 1)

    def chance(self, probability: float) -> bool:
        return self._next() < probability * (1 << 64)

    def pick(self, items):
        return items[self.below(len(items))]
