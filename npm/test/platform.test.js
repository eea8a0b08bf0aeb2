"use strict";
// The launcher's choice of platform package, for every platform (not only this machine's), and
// the package lists kept in three places agreeing with each other.

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const { binaryPath, PlatformError, PACKAGES } = require("../base44-lsp/bin/platform.js");

const npmDir = path.join(__dirname, "..");
const read = (file) => JSON.parse(fs.readFileSync(path.join(npmDir, file), "utf8"));

test("each platform resolves its own package's binary", () => {
  const asked = [];
  const resolve = (request) => {
    asked.push(request);
    return `/node_modules/${request}`;
  };
  const cases = [
    ["linux", "x64", "@base44-lsp/cli-linux-x64/bin/base44-lsp"],
    ["linux", "arm64", "@base44-lsp/cli-linux-arm64/bin/base44-lsp"],
    ["darwin", "x64", "@base44-lsp/cli-darwin-x64/bin/base44-lsp"],
    ["darwin", "arm64", "@base44-lsp/cli-darwin-arm64/bin/base44-lsp"],
    ["win32", "x64", "@base44-lsp/cli-win32-x64/bin/base44-lsp.exe"],
  ];
  for (const [platform, arch, request] of cases) {
    assert.equal(binaryPath({ env: {}, platform, arch, resolve }), `/node_modules/${request}`);
  }
  assert.deepEqual(asked, cases.map((c) => c[2]));
});

test("an unsupported platform says which exist and how to build instead", () => {
  assert.throws(
    () => binaryPath({ env: {}, platform: "freebsd", arch: "x64", resolve: () => assert.fail("nothing to resolve") }),
    (error) =>
      error instanceof PlatformError &&
      error.message ===
        "base44-lsp: no prebuilt binary for freebsd-x64 (there are: linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64).\n" +
          "Build it with Rust instead: cargo install base44-lsp, then run base44-lsp from your PATH\n" +
          "(or point BASE44_LSP_BINARY at a binary you built).",
  );
});

test("a platform package left out by --omit=optional is named", () => {
  const missing = () => {
    throw Object.assign(new Error("Cannot find module"), { code: "MODULE_NOT_FOUND" });
  };
  assert.throws(
    () => binaryPath({ env: {}, platform: "linux", arch: "arm64", resolve: missing }),
    (error) =>
      error instanceof PlatformError &&
      error.message.startsWith(
        "base44-lsp: the package @base44-lsp/cli-linux-arm64, which holds the binary for linux-arm64, is not installed.\n",
      ),
  );
});

test("BASE44_LSP_BINARY wins over the platform package", () => {
  const env = { BASE44_LSP_BINARY: "/opt/base44-lsp" };
  assert.equal(binaryPath({ env, platform: "sunos", arch: "sparc", resolve: () => assert.fail() }), "/opt/base44-lsp");
});

test("platforms.json, the launcher and both optionalDependencies list the same packages, at one version", () => {
  const platforms = read("platforms.json").platforms;
  const fromJson = Object.fromEntries(platforms.map((p) => [`${p.os}-${p.cpu}`, `@base44-lsp/cli-${p.name}`]));
  assert.deepEqual(PACKAGES, fromJson);
  const cargo = fs.readFileSync(path.join(npmDir, "..", "server", "Cargo.toml"), "utf8");
  const version = /^version = "(.*)"$/m.exec(cargo)[1];
  // The published package, and the repository's root one that pre-commit installs.
  for (const manifest of [read("base44-lsp/package.json"), read("../package.json")]) {
    assert.equal(manifest.version, version, manifest.name);
    assert.deepEqual(manifest.optionalDependencies, Object.fromEntries(Object.values(PACKAGES).map((p) => [p, version])));
  }
  for (const p of platforms) assert.equal(p.binary, p.os === "win32" ? "base44-lsp.exe" : "base44-lsp", p.name);
});

test("the release workflow builds every platform of platforms.json for its Rust target", () => {
  const workflow = fs.readFileSync(path.join(npmDir, "..", ".github", "workflows", "release.yml"), "utf8");
  const matrix = [...workflow.matchAll(/- \{ platform: ([\w-]+), target: ([\w-]+), .*exe: ([\w.-]+) \}/g)].map((m) => ({
    name: m[1],
    rustTarget: m[2],
    binary: m[3],
  }));
  const platforms = read("platforms.json").platforms.map(({ name, rustTarget, binary }) => ({ name, rustTarget, binary }));
  assert.deepEqual(matrix, platforms);
});
