"use strict";
// Writes the package.json of one platform package (npm/platforms.json entry NAME) into DIR:
// `os`/`cpu` make npm install it only where it runs.
//   node npm/write-platform-package.js PLATFORMS_JSON NAME VERSION DIR

const fs = require("node:fs");
const path = require("node:path");

const [platformsFile, name, version, dir] = process.argv.slice(2);
const { platforms } = JSON.parse(fs.readFileSync(platformsFile, "utf8"));
const platform = platforms.find((p) => p.name === name);
if (!platform) {
  console.error(`write-platform-package: unknown platform ${name} (known: ${platforms.map((p) => p.name).join(", ")})`);
  process.exit(1);
}
const manifest = {
  name: `@base44-lsp/cli-${platform.name}`,
  version,
  description: `The base44-lsp binary for ${platform.name} (${platform.rustTarget}); installed by the base44-lsp package.`,
  license: "MIT",
  os: [platform.os],
  cpu: [platform.cpu],
  files: [`bin/${platform.binary}`, "LICENSE"],
  preferUnplugged: true,
};
fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
