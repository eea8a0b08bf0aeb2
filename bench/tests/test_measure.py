"""The whole base44 path of the driver, against a stand-in server that follows base44-lsp's contract."""

import os
import sys
import tempfile
import time
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from b44bench.generator import Size, generate  # noqa: E402
from b44bench.measure import index_phases, measure_check, measure_server  # noqa: E402
from b44bench.servers import ServerSpec  # noqa: E402
from b44bench.workspace_pull import measure_workspace_pull  # noqa: E402

FAKE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_base44_server.py")


class MeasureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.manifest = generate(Size("tiny", 40, 30), cls.tmp.name, seed=3)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_measure_comes_back_as_a_number(self):
        spec = ServerSpec("base44", "fake", [sys.executable, FAKE], warm_completions=25, keystrokes=8)
        result = measure_server(spec, self.manifest, runs=2, timeout=30, log_dir=self.tmp.name,
                                clients=("vscode", "minimal"), bundle_rounds=2)
        for key in ("full_list_s", "unknown_flagged_s", "open_files_checked_s", "index_ready_s", "keystroke_p50_ms",
                    "keystroke_p99_ms", "peak_rss_mb", "bundle_opened_p50_ms", "bundle_opened_max_ms",
                    "bundle_edited_p50_ms", "bundle_edited_max_ms"):
            self.assertIsInstance(result[key], float, key)
        for client in ("vscode", "minimal"):
            for key in ("completion_p50_ms", "completion_p95_ms", "completion_p99_ms", "completion_kb"):
                self.assertIsInstance(result[f"{key}:{client}"], float, f"{key}:{client}")
            self.assertLessEqual(result[f"completion_p50_ms:{client}"], result[f"completion_p99_ms:{client}"])
        self.assertEqual(result["samples"],
                         {"completions": {"vscode": 50, "minimal": 50}, "keystrokes": 16, "runs": 2})
        # The stand-in cuts lists short for the client without list defaults, as base44-lsp does.
        self.assertEqual((result["completion_items:vscode"], result["completion_incomplete:vscode"]), (40, False))
        self.assertEqual((result["completion_items:minimal"], result["completion_incomplete:minimal"]), (10, True))
        # The phases the server logged, parsed from its log.
        keys = ("names_s", "analysed", "analysed_mb", "parsed_mb", "modules_rss_mb")
        self.assertEqual({key: result[f"phase_{key}"] for key in keys},
                         {"names_s": 0.01, "analysed": 1005.0, "analysed_mb": 3.2, "parsed_mb": 0.4,
                          "modules_rss_mb": 12.0})

    def test_the_phases_of_a_server_that_does_not_say_what_it_parsed(self):
        log = ("base44-lsp: index built: names in 0.43 s (resident 40 MB), entries in 1.25 s, module graph in "
               "5.10 s (10917 of 63003 files analysed, resident 119 MB)\n")
        self.assertEqual(index_phases(log), [{"names_s": 0.43, "names_rss_mb": 40.0, "entries_s": 1.25,
                                              "modules_s": 5.1, "analysed": 10917.0, "modules_rss_mb": 119.0}])

    def test_a_server_that_never_answers_times_out(self):
        # This server reads everything and never answers: the measure must give up at the cap and say so.
        spec = ServerSpec("base44", "mute", [sys.executable, "-c", "import sys; sys.stdin.read()"])
        result = measure_server(spec, self.manifest, runs=1, timeout=0.5, log_dir=self.tmp.name)
        self.assertEqual(result["full_list_s"], "timeout")
        self.assertEqual(result["unknown_flagged_s"], "timeout")

    def test_a_crash_reported_only_in_the_log_ends_the_wait(self):
        spec = ServerSpec("ts5", "crashing", [sys.executable, FAKE], env={"FAKE_BACKEND_CRASH": "1"})
        started = time.monotonic()
        result = measure_server(spec, self.manifest, runs=1, timeout=20, log_dir=self.tmp.name)
        self.assertTrue(result["unknown_flagged_s"].startswith("failed: [tsserver] Exited"), result)
        self.assertTrue(result["full_list_s"].startswith("failed: [tsserver] Exited"), result)
        self.assertLess(time.monotonic() - started, 10)

    def test_check_must_fail_a_workspace_with_unknown_names(self):
        script = os.path.join(self.tmp.name, "fake-check")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(f'#!/bin/sh\nexec "{sys.executable}" "{FAKE}" "$@"\n')
        os.chmod(script, 0o755)
        result = measure_check(script, self.manifest, runs=2, timeout=30)
        self.assertIsInstance(result["check_s"], float)
        passing = os.path.join(self.tmp.name, "always-ok")
        with open(passing, "w", encoding="utf-8") as handle:
            handle.write("#!/bin/sh\nexit 0\n")
        os.chmod(passing, 0o755)
        self.assertEqual(measure_check(passing, self.manifest, runs=1, timeout=30),
                         {"check_s": "failed: exit codes [0]"})

    def pull(self, **env):
        script = os.path.join(self.tmp.name, "fake-server")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(f'#!/bin/sh\nexec "{sys.executable}" "{FAKE}" "$@"\n')
        os.chmod(script, 0o755)
        with mock.patch.dict(os.environ, env):
            return measure_workspace_pull(script, self.manifest, runs=2, timeout=30, log_dir=self.tmp.name, repeats=10)

    def test_workspace_pull_cold_full_and_unchanged_come_back_as_numbers(self):
        self.assertGreater(self.manifest["counts"]["unknown_calls"], 0, "the workspace needs unknown names")
        result = self.pull()
        for key in ("workspace_pull_cold_s", "workspace_pull_full_ms", "workspace_pull_unchanged_p50_ms",
                    "workspace_pull_unchanged_p99_ms"):
            self.assertIsInstance(result[key], float, key)
        self.assertLessEqual(result["workspace_pull_unchanged_p50_ms"], result["workspace_pull_unchanged_p99_ms"])
        self.assertGreater(result["workspace_pull_files"], 0)

    def test_a_workspace_pull_without_every_problem_fails(self):
        result = self.pull(FAKE_PULL_MISSES="1")
        self.assertTrue(str(result["workspace_pull_cold_s"]).startswith("failed: the first answer holds"), result)

    def test_workspace_pull_ids_that_never_hold_fail(self):
        result = self.pull(FAKE_PULL_FORGETS="1")
        self.assertEqual(result["workspace_pull_cold_s"], "failed: nothing changed, yet the answer holds ['full']")


if __name__ == "__main__":
    unittest.main()
