"""The machine's own measures: the pipe floor and the parse-rate example's output."""

import os
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from b44bench.machine import answer_floor, describe, parse_rate  # noqa: E402


class MachineTest(unittest.TestCase):
    def test_answer_floor_reads_each_response_whole(self):
        floor = answer_floor(300_000, rounds=5)
        self.assertAlmostEqual(floor["bytes"], 300_000, delta=100)
        self.assertGreater(floor["p50_ms"], 0)
        self.assertGreaterEqual(floor["p99_ms"], floor["p50_ms"])

    def test_parse_rate_reads_the_examples_json_and_is_absent_without_it(self):
        self.assertIsNone(parse_rate("/nonexistent/parse_rate", "."))
        with tempfile.TemporaryDirectory() as folder:
            script = os.path.join(folder, "parse_rate")
            with open(script, "w", encoding="utf-8") as handle:
                handle.write('#!/bin/sh\necho \'{"files": 3, "megabytes": 1.0, "seconds": 0.3, '
                             '"megabytes_per_second": 3.33}\'\n')
            os.chmod(script, os.stat(script).st_mode | stat.S_IXUSR)
            rate = parse_rate(script, folder)
        self.assertEqual(rate["files"], 3)
        line = describe(rate, [{"bytes": 82_000, "p50_ms": 0.1, "p99_ms": 2.0}])
        self.assertIn("3.3 MB/s on one core here (50% of the 6.7 MB/s issue 6 measured)", line)
        self.assertIn("82 kB answer from a server that does no work: median 0.10 ms, p99 2.00 ms", line)


if __name__ == "__main__":
    unittest.main()
