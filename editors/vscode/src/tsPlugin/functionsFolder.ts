// Which files are Base44 function code (run by Deno, not bundled for the browser), found as the
// server finds them: under `<app>/base44/<functionsDir>/` (`functionsDir` from base44/config.jsonc,
// "functions" by default), or, in an app exported without base44/, under `functions/` beside a
// package.json. Pure logic over a small file-system interface, so tests need no tsserver.
import * as path from "node:path";

export interface FolderFs {
  directoryExists(dir: string): boolean;
  readFile(file: string): string | undefined;
  fileExists(file: string): boolean;
}

/** Reads base44/config.json(c) text into an object (JSONC: comments, trailing commas). */
export type ParseJsonc = (text: string) => unknown;

/**
 * A test `isFunctionFile(fileName)`, caching each folder's answer: tsserver asks for every file of
 * a project on every program update.
 */
export function functionsFolderTest(fs: FolderFs, parseJsonc: ParseJsonc): (fileName: string) => boolean {
  const functionsDirOfApp = new Map<string, string>();
  const dirAnswers = new Map<string, boolean>();

  const functionsDir = (app: string): string => {
    let dir = functionsDirOfApp.get(app);
    if (dir === undefined) {
      dir = path.join(app, "base44", configuredFunctionsDir(fs, parseJsonc, path.join(app, "base44")));
      functionsDirOfApp.set(app, dir);
    }
    return dir;
  };

  const dirIsFunctionCode = (start: string): boolean => {
    const cached = dirAnswers.get(start);
    if (cached !== undefined) return cached;
    let answer = false;
    // Installed packages are nobody's function code, whatever their folders are called.
    for (let dir = start; !/[\\/]node_modules([\\/]|$)/.test(start); dir = path.dirname(dir)) {
      if (fs.directoryExists(path.join(dir, "base44"))) {
        answer = isInside(start, functionsDir(dir));
        break;
      }
      if (path.basename(dir) === "functions" && fs.fileExists(path.join(path.dirname(dir), "package.json"))) {
        // The exported (flat) layout: functions/<name>.ts beside package.json, unless an app with
        // base44/ encloses it (then the loop above decides). A functions/ folder that is an npm
        // package of its own is Node code (Firebase's layout), not Base44's.
        answer = !fs.fileExists(path.join(dir, "package.json")) && !hasBase44Above(fs, path.dirname(dir));
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    dirAnswers.set(start, answer);
    return answer;
  };

  return (fileName: string) => /\.[cm]?[jt]sx?$/.test(fileName) && dirIsFunctionCode(path.dirname(path.resolve(fileName)));
}

function configuredFunctionsDir(fs: FolderFs, parseJsonc: ParseJsonc, base44Dir: string): string {
  for (const name of ["config.jsonc", "config.json"]) {
    const text = fs.readFile(path.join(base44Dir, name));
    if (text === undefined) continue;
    const config = parseJsonc(text) as { functionsDir?: unknown } | undefined;
    if (config && typeof config.functionsDir === "string" && config.functionsDir.trim() !== "") {
      return config.functionsDir;
    }
  }
  return "functions";
}

function hasBase44Above(fs: FolderFs, dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.directoryExists(path.join(current, "base44"))) return true;
    if (path.dirname(current) === current) return false;
  }
}

function isInside(dir: string, folder: string): boolean {
  const relative = path.relative(folder, dir);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * The Node name of a Deno `npm:` specifier, resolved against the app's node_modules:
 * `npm:@base44/sdk@0.8.3/sub` → `@base44/sdk/sub`, `npm:zod` → `zod`. Other specifiers: undefined.
 */
export function npmPackageName(specifier: string): string | undefined {
  if (!specifier.startsWith("npm:")) return undefined;
  const rest = specifier.slice(4).replace(/^\//, "");
  const match = /^((?:@[^/@]+\/)?[^/@]+)(?:@[^/]*)?(\/.*)?$/.exec(rest);
  if (!match) return undefined;
  return match[1] + (match[2] ?? "");
}
