"""Percentiles, failure propagation and the ratio columns of the table."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from b44bench.generator import SIZES  # noqa: E402
from b44bench.report import format_size_table  # noqa: E402
from b44bench.stats import median, median_or_failure, percentile  # noqa: E402


class StatsTest(unittest.TestCase):
    def test_percentiles_use_the_nearest_rank(self):
        samples = list(range(1, 101))
        self.assertEqual(percentile(samples, 0.99), 99)
        self.assertEqual(percentile(samples, 0.5), 50)
        self.assertEqual(percentile([5.0], 0.99), 5.0)
        self.assertEqual(median([3, 1, 2, 10]), 2.5)

    def test_a_failed_run_is_not_hidden_by_the_median(self):
        self.assertEqual(median_or_failure([1.0, "timeout", 2.0]), "timeout")
        self.assertEqual(median_or_failure([1.0, 3.0, 2.0]), 2.0)


class ReportTest(unittest.TestCase):
    def test_ratios_compare_each_ts_server_with_base44(self):
        manifest = {"counts": {"frontend_files": 5000, "frontend_lines": 10, "calls": 3, "unknown_calls": 1}}
        results = {"base44": {"full_list_s": 0.2, "peak_rss_mb": 50.0},
                   "ts7": {"full_list_s": 3.0, "peak_rss_mb": 1600.0},
                   "ts5": {"full_list_s": "timeout"}}
        table = format_size_table(SIZES["medium"], manifest, results, ["ts7", "ts5"])
        full_list_row = next(line for line in table.splitlines() if line.startswith("| time to full name list"))
        self.assertEqual([cell.strip() for cell in full_list_row.split("|")[2:-1]],
                         ["0.200 s", "3.000 s", "timeout", "15.0x", "> timeout", "< 0.3"])
        rss_row = next(line for line in table.splitlines() if line.startswith("| peak RSS"))
        self.assertIn("32.0x", rss_row)
        self.assertNotIn("keystroke", table)

    def test_crashes_and_capped_memory_are_said_plainly(self):
        manifest = {"counts": {"frontend_files": 1, "frontend_lines": 1, "calls": 1, "unknown_calls": 1}}
        results = {"base44": {"full_list_s": 1.0, "peak_rss_mb": 100.0},
                   "ts7": {"full_list_s": "over 8 GB cap", "peak_rss_mb": 8000.0, "peak_rss_capped": True},
                   "ts5": {"full_list_s": "failed: [tsserver] Exited. Code: null. Signal: SIGABRT",
                           "peak_rss_mb": 4800.0, "peak_rss_capped": False}}
        table = format_size_table(SIZES["large"], manifest, results, ["ts7", "ts5"])
        full_list_row = next(line for line in table.splitlines() if line.startswith("| time to full name list"))
        self.assertIn("| over 8 GB cap | crashed (SIGABRT) |", full_list_row)
        rss_row = next(line for line in table.splitlines() if line.startswith("| peak RSS"))
        self.assertIn("> 8000 MB (killed at cap) | 4800 MB | > 80.0x | 48.0x |", rss_row)

    def test_each_client_profile_gets_its_own_completion_rows(self):
        manifest = {"counts": {"frontend_files": 5000, "frontend_lines": 10, "calls": 3, "unknown_calls": 1}}
        results = {"base44": {"completion_p95_ms:vscode": 0.5, "completion_p95_ms:minimal": 1.0,
                              "completion_items:minimal": 200, "completion_incomplete:minimal": True},
                   "ts7": {"completion_p95_ms:vscode": 15.0, "completion_p95_ms:minimal": 16.0,
                           "completion_items:minimal": 2000, "completion_incomplete:minimal": False}}
        table = format_size_table(SIZES["medium"], manifest, results, ["ts7"], ["vscode", "minimal"])
        rows = {line.split("|")[1].strip(): [cell.strip() for cell in line.split("|")[2:-1]]
                for line in table.splitlines() if line.startswith("| ")}
        self.assertEqual(rows["warm completion, p95 (VS Code client)"], ["0.50 ms", "15.00 ms", "30.0x", "< 2"])
        self.assertEqual(rows["warm completion, p95 (client without itemDefaults or resolve)"],
                         ["1.00 ms", "16.00 ms", "16.0x", "< 2"])
        self.assertEqual(rows["completion items per answer (client without itemDefaults or resolve)"],
                         ["200 (incomplete)", "2,000", "-", ""])


if __name__ == "__main__":
    unittest.main()
