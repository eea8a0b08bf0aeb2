#!/usr/bin/env node
"use strict";
// `npx base44-lsp …`: runs the native binary from the platform package with the same arguments,
// standard streams (LSP over stdio passes straight through) and exit status.

const { spawnSync } = require("node:child_process");
const { binaryPath, PlatformError } = require("./platform.js");

let binary;
try {
  binary = binaryPath();
} catch (error) {
  if (!(error instanceof PlatformError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit", windowsHide: true });
if (result.error) {
  process.stderr.write(`base44-lsp: cannot run ${binary}: ${result.error.message}\n`);
  process.exit(1);
}
if (result.signal) {
  // Die of the same signal, so a caller sees what the binary saw.
  process.kill(process.pid, result.signal);
}
process.exit(result.status ?? 1);
