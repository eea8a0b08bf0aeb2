"use strict";
// Which platform package holds the binary for this machine, and where it is. Kept apart from the
// launcher so that editors can ask for the path (`require("base44-lsp").binaryPath()`) and the
// unit tests can try platforms this machine is not.

const path = require("node:path");

/** `${process.platform}-${process.arch}` → the package carrying that build (npm/platforms.json). */
const PACKAGES = {
  "linux-x64": "@base44-lsp/cli-linux-x64",
  "linux-arm64": "@base44-lsp/cli-linux-arm64",
  "darwin-x64": "@base44-lsp/cli-darwin-x64",
  "darwin-arm64": "@base44-lsp/cli-darwin-arm64",
  "win32-x64": "@base44-lsp/cli-win32-x64",
};

class PlatformError extends Error {}

/**
 * The binary's absolute path. `BASE44_LSP_BINARY` overrides (a local build); otherwise the
 * platform package is resolved from this package, as npm installed it.
 */
function binaryPath({ env = process.env, platform = process.platform, arch = process.arch, resolve = require.resolve } = {}) {
  if (env.BASE44_LSP_BINARY) return env.BASE44_LSP_BINARY;
  const key = `${platform}-${arch}`;
  const pkg = PACKAGES[key];
  if (!pkg) {
    throw new PlatformError(
      `base44-lsp: no prebuilt binary for ${key} (there are: ${Object.keys(PACKAGES).join(", ")}).\n` +
        "Build it with Rust instead: cargo install base44-lsp, then run base44-lsp from your PATH\n" +
        "(or point BASE44_LSP_BINARY at a binary you built).",
    );
  }
  const executable = platform === "win32" ? "base44-lsp.exe" : "base44-lsp";
  try {
    return resolve(`${pkg}/bin/${executable}`);
  } catch {
    throw new PlatformError(
      `base44-lsp: the package ${pkg}, which holds the binary for ${key}, is not installed.\n` +
        "npm installs it with base44-lsp unless optional dependencies are left out: reinstall without\n" +
        "--omit=optional / --no-optional (and, with a lock file made on another platform, run npm install again).",
    );
  }
}

module.exports = { binaryPath, PlatformError, PACKAGES, packageDir: path.join(__dirname, "..") };
