"""Medians and percentiles of timing samples, and how measures are shown."""

import math


def median(samples: list) -> float:
    ordered = sorted(samples)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def percentile(samples: list, fraction: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least `fraction` of samples at or below it."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median_or_failure(values: list):
    """The median of the numeric runs; if any run failed, that failure (a slow run must not hide)."""
    failures = [v for v in values if isinstance(v, str)]
    if failures:
        return failures[0]
    return median(values) if values else None
