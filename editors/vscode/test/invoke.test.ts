import assert from "node:assert/strict";
import { test } from "node:test";
import {
  formatInvokeDocument,
  formatInvokeLog,
  invokeErrorMessage,
  isCancellation,
  normalizeLogs,
  parseFunctionList,
  parseInvokeArgs,
  parseInvokeResult,
  parseJsonInput,
  parseShowReferencesArgs,
  responseDocumentName,
  summarizeInvoke,
} from "../src/invoke";

const answer = {
  status: 200,
  headers: { "content-type": "application/json" },
  body: { success: true, orderId: "o-1" },
  durationMs: 41.7,
  logs: ["processing o-1\n", { stream: "stderr", text: "warn: slow" }],
};

test("the response document is JSON with function, status, time, headers and body", () => {
  const text = formatInvokeDocument("process-order", parseInvokeResult(answer));
  assert.deepEqual(JSON.parse(text), {
    function: "process-order",
    status: 200,
    durationMs: 41.7,
    headers: { "content-type": "application/json" },
    body: { success: true, orderId: "o-1" },
  });
  assert.ok(text.endsWith("}\n"));
});

test("string bodies and missing fields survive", () => {
  const result = parseInvokeResult({ status: 500, body: "Internal error" });
  assert.deepEqual(result, { status: 500, headers: {}, body: "Internal error", durationMs: null, logs: [] });
  assert.deepEqual(parseInvokeResult(null), { status: null, headers: {}, body: null, durationMs: null, logs: [] });
  assert.equal(summarizeInvoke("f", parseInvokeResult(null)), "f: no status");
});

test("logs of any shape become lines; stderr is marked", () => {
  assert.deepEqual(normalizeLogs(answer.logs), ["processing o-1", "[stderr] warn: slow"]);
  assert.deepEqual(normalizeLogs("a\nb\n"), ["a", "b"]);
  assert.deepEqual(normalizeLogs(undefined), []);
  assert.deepEqual(normalizeLogs([{ level: "error", message: "boom" }, 7]), ["[error] boom", "7"]);
});

test("the output channel gets a header with status and time, then indented console output", () => {
  const lines = formatInvokeLog("process-order", parseInvokeResult(answer), new Date("2026-01-02T03:04:05.000Z"));
  assert.deepEqual(lines, [
    "[2026-01-02T03:04:05.000Z] ▶ process-order: HTTP 200 in 42 ms",
    "  processing o-1",
    "  [stderr] warn: slow",
  ]);
  const quiet = formatInvokeLog("f", parseInvokeResult({ status: 204, durationMs: 3 }), new Date(0));
  assert.equal(quiet[1], "  (no console output)");
});

test("invoke arguments are checked", () => {
  assert.deepEqual(parseInvokeArgs([{ function: "orders/refund", data: { a: 1 }, uri: "file:///x.ts" }]), {
    function: "orders/refund",
    data: { a: 1 },
    uri: "file:///x.ts",
  });
  assert.deepEqual(parseInvokeArgs([{ function: "f" }]), { function: "f", data: null, uri: undefined });
  assert.ok("error" in parseInvokeArgs([]));
  assert.ok("error" in parseInvokeArgs([{ function: "" }]));
  assert.ok("error" in parseInvokeArgs(["process-order"]));
});

test("response document names are file-safe and numbered", () => {
  assert.equal(responseDocumentName("orders/refund", 3), "orders-refund-response-3.json");
});

test("JSON input: empty means no body, bad JSON says why", () => {
  assert.deepEqual(parseJsonInput("  "), { ok: true, value: null });
  assert.deepEqual(parseJsonInput('{"orderId":"1"}'), { ok: true, value: { orderId: "1" } });
  const bad = parseJsonInput("{orderId: 1}");
  assert.equal(bad.ok, false);
  assert.match((bad as { message: string }).message, /^Not JSON: /);
});

test("function lists are filtered and sorted for the quick pick", () => {
  const list = parseFunctionList([
    { name: "send-receipt", project: "shop", uri: "file:///a", range: {} },
    { name: 3, uri: "file:///bad" },
    { name: "checkStock", uri: "file:///b" },
    null,
  ]);
  assert.deepEqual(list, [
    { name: "checkStock", project: "", uri: "file:///b" },
    { name: "send-receipt", project: "shop", uri: "file:///a" },
  ]);
  assert.deepEqual(parseFunctionList({ not: "a list" }), []);
});

test("errors and cancellations are told apart", () => {
  assert.equal(isCancellation({ code: -32800, message: "cancelled" }), true);
  assert.equal(isCancellation({ code: -32603 }), false);
  assert.equal(invokeErrorMessage("f", { code: -32603, message: "Deno was not found" }), "Invoking f failed: Deno was not found");
  assert.equal(invokeErrorMessage("f", "boom"), "Invoking f failed: boom");
});

test("showReferences arguments are checked and bad locations dropped", () => {
  const position = { line: 1, character: 2 };
  const location = { uri: "file:///a.ts", range: { start: position, end: { line: 1, character: 9 } } };
  assert.deepEqual(parseShowReferencesArgs(["file:///e.ts", position, [location, { uri: 1 }]]), {
    uri: "file:///e.ts",
    position,
    locations: [location],
  });
  assert.ok("error" in parseShowReferencesArgs(["file:///e.ts", { line: "1" }, []]));
  assert.ok("error" in parseShowReferencesArgs(undefined));
});
