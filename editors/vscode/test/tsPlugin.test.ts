// The TypeScript server plugin, built (node_modules/base44-ts-plugin, with the real deno.d.ts) and run
// in a real TypeScript language service over a small app on disk: function files get Deno and npm:
// imports, frontend files keep TypeScript's own answers. (The tsserver project it is given only logs.)
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import type * as ts from "typescript/lib/tsserverlibrary";
import { functionsFolderTest, npmPackageName } from "../src/tsPlugin/functionsFolder";

const load = createRequire(__filename);
const typescript: typeof ts = load("typescript");
const pluginDir = path.join(__dirname, "..", "node_modules", "base44-ts-plugin");
const init = load(pluginDir) as (modules: { typescript: typeof ts }) => ts.server.PluginModule;

const app = mkdtempSync(path.join(os.tmpdir(), "base44-ts-plugin-"));
after(() => rmSync(app, { recursive: true, force: true }));
function write(relative: string, text: string) {
  mkdirSync(path.dirname(path.join(app, relative)), { recursive: true });
  writeFileSync(path.join(app, relative), text);
}
write("base44/config.jsonc", "{\n  // comments and a trailing comma, as the CLI allows\n  \"name\": \"app\",\n}\n");
const entry = path.join(app, "base44/functions/hello/entry.ts");
write(
  "base44/functions/hello/entry.ts",
  [
    'import { createClientFromRequest } from "npm:@base44/sdk@0.8.3";',
    'import { z } from "npm:zod";',
    'import { greet } from "./greet.ts";',
    "Deno.serve(async (req) => {",
    "  const base44 = createClientFromRequest(req);",
    '  const key = Deno.env.get("KEY");',
    "  return Response.json({ key, app: base44.appId, text: greet(z) });",
    "});",
    "",
  ].join("\n"),
);
write("base44/functions/hello/greet.ts", "export const greet = (x: unknown) => `hi ${String(x)}`;\n");
write(
  "node_modules/@base44/sdk/package.json",
  JSON.stringify({ name: "@base44/sdk", version: "0.8.3", types: "index.d.ts" }),
);
write("node_modules/@base44/sdk/index.d.ts", "export declare function createClientFromRequest(req: Request): { appId: string };\n");
const page = path.join(app, "src/page.ts");
write("src/page.ts", 'export const key = Deno.env.get("KEY");\nexport const res = fetch("/api");\n');

/** A language service over `roots`, as tsserver gives it to a plugin, and the plugin's wrapper. */
function service(roots: string[]) {
  const options: ts.CompilerOptions = {
    target: typescript.ScriptTarget.ES2022,
    module: typescript.ModuleKind.ESNext,
    moduleResolution: typescript.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    strict: true,
    noEmit: true,
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => roots,
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => {
      const text = typescript.sys.readFile(file);
      return text === undefined ? undefined : typescript.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => app,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => typescript.getDefaultLibFilePath(o),
    fileExists: typescript.sys.fileExists,
    readFile: typescript.sys.readFile,
    directoryExists: typescript.sys.directoryExists,
    getDirectories: typescript.sys.getDirectories,
    resolveModuleNameLiterals: (literals, containingFile, _redirect, compilerOptions) =>
      literals.map((literal) => typescript.resolveModuleName(literal.text, containingFile, compilerOptions, typescript.sys)),
  };
  const languageService = typescript.createLanguageService(host);
  const project = { getProjectName: () => "test", projectService: { logger: { info: () => {} } } };
  const plugin = init({ typescript });
  const wrapped = plugin.create({ languageService, languageServiceHost: host, project, config: {} } as never);
  return { wrapped, host };
}

function problems(ls: ts.LanguageService, file: string): string[] {
  return [...ls.getSyntacticDiagnostics(file), ...ls.getSemanticDiagnostics(file)].map(
    (d) => `${d.code}: ${typescript.flattenDiagnosticMessageText(d.messageText, " ")}`,
  );
}

function typeAt(ls: ts.LanguageService, file: string, text: string, needle: string): string {
  const info = ls.getQuickInfoAtPosition(file, text.indexOf(needle));
  return typescript.displayPartsToString(info?.displayParts);
}

test("a function entry gets Deno, npm: imports and .ts imports without errors", () => {
  const { wrapped, host } = service([entry, page]);
  assert.deepEqual(problems(wrapped, entry), []);
  assert.ok(host.getScriptFileNames().includes(path.join(pluginDir, "deno.d.ts")), "deno.d.ts joins the program");
  const text = typescript.sys.readFile(entry) ?? "";
  assert.equal(typeAt(wrapped, entry, text, "get("), "(method) Deno.Env.get(key: string): string | undefined");
  assert.equal(
    typeAt(wrapped, entry, text, "serve("),
    "function Deno.serve(handler: Deno.ServeHandler<Deno.NetAddr>): Deno.HttpServer<Deno.NetAddr> (+6 overloads)",
  );
  assert.equal(
    typeAt(wrapped, entry, text, "createClientFromRequest(req)"),
    "(alias) createClientFromRequest(req: Request): {\n    appId: string;\n}\nimport createClientFromRequest",
    "npm:@base44/sdk@0.8.3 is the installed @base44/sdk",
  );
  assert.equal(typeAt(wrapped, entry, text, "z }"), '(alias) module "npm:*"\nimport z', "npm:zod is not installed: the npm:* module (any), no error");
});

test("frontend files keep TypeScript's answers", () => {
  const { wrapped, host } = service([page]);
  assert.ok(!host.getScriptFileNames().some((f) => f.endsWith("deno.d.ts")), "no Deno in a project without function files");
  assert.deepEqual(problems(wrapped, page), ["2304: Cannot find name 'Deno'."]);
  const text = typescript.sys.readFile(page) ?? "";
  assert.equal(typeAt(wrapped, page, text, "res"), "const res: Promise<Response>");
});

test("function folders are found as the server finds them", () => {
  const files = new Set([
    "/a/base44/config.jsonc",
    "/flat/package.json",
    "/firebase/package.json",
    "/firebase/functions/package.json",
    "/flat/node_modules/lib/package.json",
  ]);
  const dirs = new Set(["/a/base44", "/b/base44"]);
  const texts: Record<string, string> = { "/a/base44/config.jsonc": '{ "functionsDir": "./api", }' };
  const isFunctionFile = functionsFolderTest(
    { directoryExists: (d) => dirs.has(d), fileExists: (f) => files.has(f), readFile: (f) => texts[f] },
    (text) => typescript.parseConfigFileTextToJson("config.jsonc", text).config,
  );
  const cases: [string, boolean][] = [
    ["/a/base44/api/hello/entry.ts", true],
    ["/a/base44/functions/hello/entry.ts", false],
    ["/a/src/App.tsx", false],
    ["/b/base44/functions/orders/refund/entry.js", true],
    ["/b/base44/functions/notes.md", false],
    ["/flat/functions/hello.ts", true],
    ["/flat/src/functions.ts", false],
    ["/firebase/functions/src/index.ts", false],
    ["/flat/node_modules/lib/functions/x.d.ts", false],
  ];
  assert.deepEqual(cases.map(([file]) => [file, isFunctionFile(file)]), cases);
});

test("npm: specifiers name the installed package", () => {
  const cases: [string, string | undefined][] = [
    ["npm:@base44/sdk", "@base44/sdk"],
    ["npm:@base44/sdk@0.8.3", "@base44/sdk"],
    ["npm:@base44/sdk@^0.8/dist/x.js", "@base44/sdk/dist/x.js"],
    ["npm:zod@3", "zod"],
    ["npm:/lodash@4/fp", "lodash/fp"],
    ["jsr:@std/path", undefined],
    ["./greet.ts", undefined],
  ];
  assert.deepEqual(cases.map(([specifier]) => [specifier, npmPackageName(specifier)]), cases);
});
