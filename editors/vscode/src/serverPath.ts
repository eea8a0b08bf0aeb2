// Which base44-lsp executable to start: the user's setting, the binary packaged for this platform, or PATH.
// No `vscode` import: unit-tested in plain Node with injected file checks.

import * as path from "node:path";

export interface PathProbe {
  /** True when the path names an executable file. */
  isExecutable(file: string): boolean;
}

export type ServerPathResolution =
  | { ok: true; path: string; source: "setting" | "bundled" | "PATH" }
  | { ok: false; message: string };

/** The vsce `--target` name of this platform, e.g. `linux-x64`: the folder the package script copies the server into. */
export function platformTarget(platform: string, arch: string): string {
  return `${platform}-${arch}`;
}

export function serverBinaryName(platform: string): string {
  return platform === "win32" ? "base44-lsp.exe" : "base44-lsp";
}

function expandHome(file: string, home: string | undefined): string {
  if (home && (file === "~" || file.startsWith("~/"))) {
    return path.join(home, file.slice(1));
  }
  return file;
}

export interface ResolveInput {
  configuredPath: string | null | undefined;
  extensionRoot: string;
  platform: string;
  arch: string;
  envPath: string | undefined;
  home: string | undefined;
  workspaceFolder: string | undefined;
}

export function resolveServerPath(input: ResolveInput, probe: PathProbe): ServerPathResolution {
  const binary = serverBinaryName(input.platform);
  const configured = typeof input.configuredPath === "string" ? input.configuredPath.trim() : "";
  if (configured !== "") {
    let file = expandHome(configured, input.home);
    if (input.workspaceFolder) {
      file = file.replace("${workspaceFolder}", input.workspaceFolder);
    }
    if (!path.isAbsolute(file) && input.workspaceFolder) {
      file = path.join(input.workspaceFolder, file);
    }
    // A setting that points nowhere is a mistake to report, not a reason to silently run another binary.
    return probe.isExecutable(file)
      ? { ok: true, path: file, source: "setting" }
      : { ok: false, message: `base44.server.path is set to "${configured}", but no executable is there.` };
  }
  const bundled = path.join(input.extensionRoot, "server", platformTarget(input.platform, input.arch), binary);
  if (probe.isExecutable(bundled)) {
    return { ok: true, path: bundled, source: "bundled" };
  }
  const separator = input.platform === "win32" ? ";" : ":";
  for (const dir of (input.envPath ?? "").split(separator)) {
    if (dir === "") {
      continue;
    }
    const candidate = path.join(dir, binary);
    if (probe.isExecutable(candidate)) {
      return { ok: true, path: candidate, source: "PATH" };
    }
  }
  return {
    ok: false,
    message:
      `No base44-lsp server for ${platformTarget(input.platform, input.arch)} is bundled with this extension and ` +
      `none is on PATH. Install base44-lsp (cargo install --path server) or set base44.server.path.`,
  };
}
