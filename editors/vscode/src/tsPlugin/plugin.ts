// A TypeScript server plugin (contributes.typescriptServerPlugins) for Base44 function code, which
// Deno runs: the files of a functions folder get the `Deno` namespace (bundled from `deno types` at
// build time, deno.d.ts beside this file) and their `npm:` imports resolve to the app's
// node_modules (an `npm:*` module of type any when the package is not installed), so VS Code's
// TypeScript stops reporting `Cannot find name 'Deno'` (2304) and `Cannot find module 'npm:…'` (2307)
// there. Frontend files keep TypeScript as it was; a project holding no function file is not touched.
import * as path from "node:path";
import type * as ts from "typescript/lib/tsserverlibrary";
import { functionsFolderTest, npmPackageName } from "./functionsFolder";

/** Deno accepts imports ending in `.ts`; TypeScript without allowImportingTsExtensions does not. */
const DENO_ONLY_DIAGNOSTICS = new Set([5097, 2691]);

function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const typescript = modules.typescript;
  // In tsserver's spelling (forward slashes on Windows too), so that the root-name check below matches.
  const denoTypes: string = typescript.server.toNormalizedPath(path.join(__dirname, "deno.d.ts"));
  const isFunctionFile = functionsFolderTest(
    {
      directoryExists: (dir) => typescript.sys.directoryExists(dir),
      fileExists: (file) => typescript.sys.fileExists(file),
      readFile: (file) => typescript.sys.readFile(file),
    },
    (text) => typescript.parseConfigFileTextToJson("config.jsonc", text).config,
  );
  const needsDeno = (fileNames: readonly string[]) => fileNames.some((name) => name !== denoTypes && isFunctionFile(name));

  return {
    create(info) {
      const host = info.languageServiceHost;
      info.project.projectService.logger.info("base44-ts-plugin: on " + info.project.getProjectName());

      // The program's root files: Deno's declarations join as soon as one function file is in.
      // (Inferred projects, those of files no tsconfig includes, ignore getExternalFiles.)
      const rootNames = host.getScriptFileNames.bind(host);
      host.getScriptFileNames = () => {
        const names = rootNames();
        return needsDeno(names) && !names.includes(denoTypes) ? [...names, denoTypes] : names;
      };

      const resolve = host.resolveModuleNameLiterals?.bind(host);
      if (resolve) {
        host.resolveModuleNameLiterals = (literals, containingFile, ...rest) => {
          if (!isFunctionFile(containingFile)) return resolve(literals, containingFile, ...rest);
          const mapped = literals.map((literal) => {
            const name = npmPackageName(literal.text);
            return name ? (Object.create(literal, { text: { value: name } }) as ts.StringLiteralLike) : literal;
          });
          return resolve(mapped, containingFile, ...rest);
        };
      }

      const service = info.languageService;
      const filtered = (diagnostics: ts.Diagnostic[], fileName: string) =>
        isFunctionFile(fileName) ? diagnostics.filter((d) => !DENO_ONLY_DIAGNOSTICS.has(d.code)) : diagnostics;
      return {
        ...service,
        getSemanticDiagnostics: (fileName) => filtered(service.getSemanticDiagnostics(fileName), fileName),
        getSyntacticDiagnostics: (fileName) =>
          filtered(service.getSyntacticDiagnostics(fileName), fileName) as ts.DiagnosticWithLocation[],
      };
    },

    // Configured projects (a tsconfig that includes the functions) take the declarations from here.
    getExternalFiles(project) {
      return needsDeno(project.getRootFiles()) ? [denoTypes] : [];
    },
  };
}

export = init;
