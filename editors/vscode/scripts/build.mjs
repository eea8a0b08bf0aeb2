// Bundles the extension (dist/extension.js) or, with --tests, each unit test (out-test/*.test.js).
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tests = process.argv.includes("--tests");
const production = process.argv.includes("--production");

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
