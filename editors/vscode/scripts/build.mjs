// Bundles the extension (dist/extension.js) and its TypeScript server plugin
// (node_modules/base44-ts-plugin: index.js, and deno.d.ts from `deno types`), or, with --tests, the
// plugin and each unit test (out-test/*.test.js).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tests = process.argv.includes("--tests");
const production = process.argv.includes("--production");

// VS Code loads typescriptServerPlugins by package name from the extension's node_modules.
const pluginDir = join(root, "node_modules", "base44-ts-plugin");
mkdirSync(pluginDir, { recursive: true });
await build({
  entryPoints: [join(root, "src", "tsPlugin", "plugin.ts")],
  outfile: join(pluginDir, "index.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["typescript"],
  minify: production,
  logLevel: "warning",
});
writeFileSync(
  join(pluginDir, "package.json"),
  JSON.stringify({ name: "base44-ts-plugin", version: "0.1.0", private: true, main: "index.js" }, null, 2) + "\n",
);
writeFileSync(join(pluginDir, "deno.d.ts"), denoDeclarations());

/**
 * The `Deno` namespace of `deno types` (its three `declare namespace Deno` blocks; the web APIs it
 * also declares would clash with lib.dom, which the frontend's files need), and `npm:`/`jsr:`/URL
 * modules of type any for imports no installed package answers.
 */
function denoDeclarations() {
  const deno = findDeno();
  const version = execFileSync(deno, ["--version"], { encoding: "utf8" }).split("\n")[0];
  const types = execFileSync(deno, ["types"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const blocks = [];
  let block;
  for (const line of types.split("\n")) {
    if (line === "declare namespace Deno {") block = [];
    if (block) block.push(line);
    if (block && line === "}") {
      blocks.push(block.join("\n"));
      block = undefined;
    }
  }
  if (blocks.length === 0) throw new Error(`build: no "declare namespace Deno" in the output of ${deno} types`);
  return [
    "// @ts-nocheck",
    "// (a few members name Node or WebGPU types a browser project lacks; they read as any)",
    `// The Deno namespace of \`deno types\` (${version}), for Base44 function files (base44-ts-plugin).`,
    'declare module "npm:*";',
    'declare module "jsr:*";',
    'declare module "https://*";',
    'declare module "http://*";',
    ...blocks,
    "",
  ].join("\n");
}

function findDeno() {
  const candidates = [process.env.BASE44_DENO, join(root, "..", "..", "tools", "node_modules", ".bin", "deno")];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    execFileSync("deno", ["--version"], { stdio: "ignore" });
    return "deno";
  } catch {
    throw new Error("build: Deno is needed for the Deno types of the TypeScript plugin: scripts/install-deno, or set BASE44_DENO");
  }
}

if (tests) {
  rmSync(join(root, "out-test"), { recursive: true, force: true });
  const entryPoints = readdirSync(join(root, "test"))
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => join(root, "test", file));
  await build({
    entryPoints,
    outdir: join(root, "out-test"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node18",
    // The tested modules must not need VS Code: a `vscode` import fails this build.
    logLevel: "warning",
  });
} else {
  await build({
    entryPoints: [join(root, "src", "extension.ts")],
    outfile: join(root, "dist", "extension.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node18",
    external: ["vscode"],
    sourcemap: !production,
    minify: production,
    logLevel: "warning",
  });
}
