import assert from "node:assert/strict";
import { test } from "node:test";
import { answerConfigurationItem, buildServerSettings, redactSecrets } from "../src/settings";

function config(values: Record<string, unknown>) {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

test("defaults match the protocol when nothing is set", () => {
  assert.deepEqual(buildServerSettings(config({}), undefined), {
    deno: { path: null, permissions: [] },
    invoke: { target: "local", serverUrl: null, timeoutMs: 30000, token: null },
    diagnostics: { severity: {} },
  });
});

test("user settings and the secret token are mapped into the base44 section", () => {
  const settings = buildServerSettings(
    config({
      "deno.path": "/opt/deno/bin/deno",
      "deno.permissions": [" --allow-write=/tmp ", "--deny-net=evil.example", "--eval=x", 3],
      "invoke.target": "devServer",
      "invoke.serverUrl": " http://localhost:4400 ",
      "invoke.timeoutMs": 1500.4,
      "diagnostics.severity": { "unknown-fetch-path": "error", "missing-serve": "off" },
    }),
    "tok-123456",
  );
  assert.deepEqual(settings, {
    deno: { path: "/opt/deno/bin/deno", permissions: ["--allow-write=/tmp", "--deny-net=evil.example"] },
    invoke: { target: "devServer", serverUrl: "http://localhost:4400", timeoutMs: 1500, token: "tok-123456" },
    diagnostics: { severity: { "unknown-fetch-path": "error", "missing-serve": "off" } },
  });
});

test("invalid values fall back to defaults instead of reaching the server", () => {
  const settings = buildServerSettings(
    config({
      "deno.path": "   ",
      "invoke.target": "cloud",
      "invoke.timeoutMs": -5,
      "diagnostics.severity": { "unknown-function": "fatal", "missing-serve": "hint" },
    }),
    "",
  );
  assert.equal(settings.deno.path, null);
  assert.equal(settings.invoke.target, "local");
  assert.equal(settings.invoke.timeoutMs, 30000);
  assert.equal(settings.invoke.token, null);
  assert.deepEqual(settings.diagnostics.severity, { "missing-serve": "hint" });
  assert.deepEqual(buildServerSettings(config({ "diagnostics.severity": ["error"] }), null).diagnostics.severity, {});
});

test("workspace/configuration: the base44 section carries the token, other sections pass through", () => {
  const base44 = answerConfigurationItem("base44", { ignored: true }, config({ "invoke.target": "deployed" }), "secret-token");
  assert.deepEqual((base44 as { invoke: unknown }).invoke, {
    target: "deployed",
    serverUrl: null,
    timeoutMs: 30000,
    token: "secret-token",
  });
  const other = { tabSize: 2 };
  assert.equal(answerConfigurationItem("editor", other, config({}), "secret-token"), other);
  assert.equal(answerConfigurationItem(undefined, null, config({}), "secret-token"), null);
});

test("redaction masks every occurrence of a token and ignores empty secrets", () => {
  const text = 'Params: {"invoke":{"token":"abc-secret-1"}} and again abc-secret-1';
  assert.equal(redactSecrets(text, ["abc-secret-1"]), 'Params: {"invoke":{"token":"***"}} and again ***');
  assert.equal(redactSecrets(text, [null, undefined, ""]), text);
  assert.equal(redactSecrets("a token", ["a"]), "a token");
});
