import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { platformTarget, resolveServerPath, ResolveInput } from "../src/serverPath";

function probe(executables: string[]) {
  return { isExecutable: (file: string) => executables.includes(file) };
}

const base: ResolveInput = {
  configuredPath: null,
  extensionRoot: "/ext",
  platform: "linux",
  arch: "x64",
  envPath: "/usr/local/bin:/usr/bin",
  home: "/home/me",
  workspaceFolder: "/ws",
};

test("the setting wins over the bundled binary and PATH", () => {
  const result = resolveServerPath(
    { ...base, configuredPath: "~/bin/base44-lsp" },
    probe(["/home/me/bin/base44-lsp", "/ext/server/linux-x64/base44-lsp", "/usr/bin/base44-lsp"]),
  );
  assert.deepEqual(result, { ok: true, path: "/home/me/bin/base44-lsp", source: "setting" });
});

test("a relative or ${workspaceFolder} setting resolves against the workspace", () => {
  assert.deepEqual(resolveServerPath({ ...base, configuredPath: "target/release/base44-lsp" }, probe(["/ws/target/release/base44-lsp"])), {
    ok: true,
    path: "/ws/target/release/base44-lsp",
    source: "setting",
  });
  assert.deepEqual(resolveServerPath({ ...base, configuredPath: "${workspaceFolder}/bin/lsp" }, probe(["/ws/bin/lsp"])), {
    ok: true,
    path: "/ws/bin/lsp",
    source: "setting",
  });
});

test("a setting that points nowhere is reported, not silently replaced", () => {
  const result = resolveServerPath({ ...base, configuredPath: "/nope/base44-lsp" }, probe(["/usr/bin/base44-lsp"]));
  assert.equal(result.ok, false);
  assert.match((result as { message: string }).message, /base44\.server\.path is set to "\/nope\/base44-lsp"/);
});

test("the binary bundled for this platform comes before PATH", () => {
  const result = resolveServerPath(base, probe(["/ext/server/linux-x64/base44-lsp", "/usr/bin/base44-lsp"]));
  assert.deepEqual(result, { ok: true, path: "/ext/server/linux-x64/base44-lsp", source: "bundled" });
});

test("another platform's bundled binary is not used; PATH is searched in order", () => {
  const result = resolveServerPath(
    { ...base, arch: "arm64" },
    probe(["/ext/server/linux-x64/base44-lsp", "/usr/bin/base44-lsp", "/usr/local/bin/base44-lsp"]),
  );
  assert.deepEqual(result, { ok: true, path: "/usr/local/bin/base44-lsp", source: "PATH" });
});

test("windows uses the .exe name and ; separated PATH", () => {
  const result = resolveServerPath(
    { ...base, platform: "win32", envPath: "C:\\a;C:\\b", extensionRoot: "C:\\ext" },
    { isExecutable: (file) => file === path.join("C:\\b", "base44-lsp.exe") },
  );
  assert.equal(result.ok, true);
  assert.equal((result as { source: string }).source, "PATH");
  assert.match((result as { path: string }).path, /base44-lsp\.exe$/);
});

test("nothing found gives a message naming the platform and the setting", () => {
  const result = resolveServerPath({ ...base, envPath: undefined }, probe([]));
  assert.equal(result.ok, false);
  assert.match((result as { message: string }).message, /linux-x64.*base44\.server\.path/);
  assert.equal(platformTarget("darwin", "arm64"), "darwin-arm64");
});
