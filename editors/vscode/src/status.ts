// What the status bar item shows for the server's state. No `vscode` import: unit-tested in plain Node.

export type ServerState =
  | { kind: "starting" }
  /** Running, before the server's first `base44/status`. */
  | { kind: "running" }
  | { kind: "indexing"; projects: number; functions: number }
  | { kind: "ready"; projects: number; functions: number }
  | { kind: "stopped" }
  | { kind: "crashed" }
  | { kind: "missing"; message: string };

export interface StatusView {
  text: string;
  tooltip: string;
  /** The command a click runs. */
  command: "base44.restartServer" | "base44.showOutput" | "base44.invokeFunction";
  isError: boolean;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function statusView(state: ServerState): StatusView {
  switch (state.kind) {
    case "starting":
      return { text: "$(sync~spin) Base44", tooltip: "Base44: starting the server", command: "base44.showOutput", isError: false };
    case "running":
      return { text: "$(check) Base44", tooltip: "Base44: the server is running", command: "base44.showOutput", isError: false };
    case "indexing":
      return {
        text: "$(sync~spin) Base44: indexing",
        tooltip: "Base44: indexing functions",
        command: "base44.showOutput",
        isError: false,
      };
    case "ready":
      return {
        text: `$(zap) Base44: ${plural(state.functions, "function")}`,
        tooltip:
          `Base44: ${plural(state.functions, "function")} in ${plural(state.projects, "project")}.` +
          " Click to invoke one.",
        command: "base44.invokeFunction",
        isError: false,
      };
    case "stopped":
      return {
        text: "$(debug-stop) Base44: stopped",
        tooltip: "Base44: the server is stopped. Click to start it.",
        command: "base44.restartServer",
        isError: false,
      };
    case "crashed":
      return {
        text: "$(error) Base44: crashed",
        tooltip: "Base44: the server stopped unexpectedly. Click to restart it.",
        command: "base44.restartServer",
        isError: true,
      };
    case "missing":
      return { text: "$(error) Base44: no server", tooltip: state.message, command: "base44.showOutput", isError: true };
  }
}

/** Reads a `base44/status` notification; anything malformed yields null rather than a broken status bar. */
export function parseStatusNotification(params: unknown): ServerState | null {
  if (!params || typeof params !== "object") {
    return null;
  }
  const { state, projects, functions } = params as Record<string, unknown>;
  const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0);
  if (state === "indexing" || state === "ready") {
    return { kind: state, projects: count(projects), functions: count(functions) };
  }
  return null;
}
