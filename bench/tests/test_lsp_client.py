"""The LSP client frames messages, answers server requests, and reports a dead server instead of hanging."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from b44bench.lsp_client import LspClient, ServerGone, uri_of  # noqa: E402
from b44bench.rss import TreePeakRss  # noqa: E402
from b44bench.servers import flags_call  # noqa: E402

FAKE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_server.py")


class LspClientTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.client = LspClient([sys.executable, FAKE], cwd=self.tmp.name)

    def tearDown(self):
        self.client.kill()
        self.tmp.cleanup()

    def test_server_requests_are_answered_with_empty_results(self):
        result = self.client.initialize(self.tmp.name, timeout=10)
        self.assertEqual(result, {"capabilities": {"textDocumentSync": 2}})
        path = os.path.join(self.tmp.name, "a.ts")
        self.client.did_open(path, "typescript", "x")
        _, _, answers = self.client.wait_notification(lambda m: m["method"] == "test/answers", 10)
        self.assertEqual(answers["params"], {"p": None, "9": [None, None], "10": None})
        _, _, published = self.client.wait_notification(
            lambda m: m["method"] == "textDocument/publishDiagnostics", 10)
        self.assertEqual(published["params"]["uri"], uri_of(path))
        self.assertTrue(flags_call(published["params"]["diagnostics"][0], 3))
        self.assertFalse(flags_call(published["params"]["diagnostics"][0], 4))

    def test_responses_are_matched_and_timed(self):
        self.client.initialize(self.tmp.name, timeout=10)
        round_trip, result = self.client.request("textDocument/completion", {}, 10)
        self.assertEqual([item["label"] for item in result["items"]], ["a", "b"])
        self.assertGreater(round_trip, 0)
        self.assertEqual(self.client.shutdown(), 0)

    def test_a_server_that_dies_raises_instead_of_hanging(self):
        self.client.initialize(self.tmp.name, timeout=10)
        with self.assertRaises(ServerGone):
            self.client.request("crash", None, 10)


class TreePeakRssTest(unittest.TestCase):
    def test_memory_of_a_grandchild_is_counted(self):
        import subprocess
        script = "import time; block = bytearray(150 * 1024 * 1024); block[::4096] = b'x' * len(block[::4096]); " \
                 "time.sleep(0.6)"
        parent = subprocess.Popen(["sh", "-c", f'{sys.executable} -c "{script}"; true'])
        sampler = TreePeakRss(parent.pid, interval=0.02)
        parent.wait()
        peak = sampler.stop()
        self.assertGreater(peak, 150 * 1024 * 1024)
        self.assertGreaterEqual(sampler.process_count(), 2)

    def test_a_tree_over_the_memory_cap_is_killed(self):
        import subprocess
        script = "import time; block = bytearray(120 * 1024 * 1024); block[::4096] = b'x' * len(block[::4096]); " \
                 "time.sleep(30)"
        parent = subprocess.Popen(["sh", "-c", f'{sys.executable} -c "{script}"; sleep 30'])
        sampler = TreePeakRss(parent.pid, interval=0.02, cap_bytes=60 * 1024 * 1024)
        parent.wait(timeout=10)
        sampler.stop()
        self.assertTrue(sampler.exceeded_cap)


if __name__ == "__main__":
    unittest.main()
