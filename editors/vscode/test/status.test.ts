import assert from "node:assert/strict";
import { test } from "node:test";
import { parseStatusNotification, statusView } from "../src/status";

test("ready shows the function count and invokes on click", () => {
  const view = statusView({ kind: "ready", projects: 1, functions: 6 });
  assert.equal(view.text, "$(zap) Base44: 6 functions");
  assert.equal(view.command, "base44.invokeFunction");
  assert.match(view.tooltip, /6 functions in 1 project\./);
  assert.equal(statusView({ kind: "ready", projects: 2, functions: 1 }).text, "$(zap) Base44: 1 function");
});

test("indexing spins; crashed is an error that restarts on click", () => {
  assert.equal(statusView({ kind: "indexing", projects: 0, functions: 0 }).text, "$(sync~spin) Base44: indexing");
  const crashed = statusView({ kind: "crashed" });
  assert.equal(crashed.text, "$(error) Base44: crashed");
  assert.equal(crashed.command, "base44.restartServer");
  assert.equal(crashed.isError, true);
  assert.equal(statusView({ kind: "missing", message: "no binary" }).tooltip, "no binary");
  assert.equal(statusView({ kind: "running" }).text, "$(check) Base44");
});

test("status notifications are read defensively", () => {
  assert.deepEqual(parseStatusNotification({ state: "ready", projects: 1, functions: 6 }), {
    kind: "ready",
    projects: 1,
    functions: 6,
  });
  assert.deepEqual(parseStatusNotification({ state: "indexing" }), { kind: "indexing", projects: 0, functions: 0 });
  assert.deepEqual(parseStatusNotification({ state: "ready", functions: -3, projects: "x" }), {
    kind: "ready",
    projects: 0,
    functions: 0,
  });
  assert.equal(parseStatusNotification({ state: "exploded" }), null);
  assert.equal(parseStatusNotification(null), null);
  assert.equal(parseStatusNotification("ready"), null);
});
