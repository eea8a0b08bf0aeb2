// The client side of the `base44.invoke` command: reading its arguments and the server's answer, and
// turning the answer into the JSON document and the output-channel text the user sees.
// No `vscode` import: unit-tested in plain Node.

export interface InvokeArgs {
  function: string;
  data: unknown;
  uri?: string;
}

export interface InvokeResult {
  status: number | null;
  headers: Record<string, unknown>;
  body: unknown;
  durationMs: number | null;
  logs: string[];
}

/** The first argument of `base44.invoke`, or an error message when it cannot be one. */
export function parseInvokeArgs(args: unknown[] | undefined): InvokeArgs | { error: string } {
  const first = args?.[0];
  if (!first || typeof first !== "object" || Array.isArray(first)) {
    return { error: "base44.invoke needs an argument { function, data, uri }." };
  }
  const record = first as Record<string, unknown>;
  if (typeof record.function !== "string" || record.function === "") {
    return { error: "base44.invoke needs the name of the function to run." };
  }
  return {
    function: record.function,
    data: record.data ?? null,
    uri: typeof record.uri === "string" ? record.uri : undefined,
  };
}

/**
 * Reads the server's `logs`. The contract leaves their shape open, so lines may be strings or
 * objects such as `{ stream: "stderr", text }`.
 */
export function normalizeLogs(logs: unknown): string[] {
  if (logs === undefined || logs === null) {
    return [];
  }
  if (typeof logs === "string") {
    return logs === "" ? [] : logs.replace(/\n$/, "").split("\n");
  }
  if (!Array.isArray(logs)) {
    return [JSON.stringify(logs)];
  }
  const lines: string[] = [];
  for (const entry of logs) {
    if (typeof entry === "string") {
      lines.push(...entry.replace(/\n$/, "").split("\n"));
    } else if (entry && typeof entry === "object") {
      const record = entry as Record<string, unknown>;
      const text = record.text ?? record.message ?? record.line ?? record.data;
      const stream = record.stream ?? record.level;
      const prefix = typeof stream === "string" && stream !== "stdout" ? `[${stream}] ` : "";
      lines.push(prefix + (typeof text === "string" ? text.replace(/\n$/, "") : JSON.stringify(entry)));
    } else {
      lines.push(String(entry));
    }
  }
  return lines;
}

export function parseInvokeResult(raw: unknown): InvokeResult {
  const record = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const headers =
    record.headers && typeof record.headers === "object" && !Array.isArray(record.headers)
      ? (record.headers as Record<string, unknown>)
      : {};
  return {
    status: typeof record.status === "number" ? record.status : null,
    headers,
    body: record.body === undefined ? null : record.body,
    durationMs: typeof record.durationMs === "number" ? record.durationMs : null,
    logs: normalizeLogs(record.logs),
  };
}

/** The text of the read-only JSON document that shows one response. */
export function formatInvokeDocument(functionName: string, result: InvokeResult): string {
  const document = {
    function: functionName,
    status: result.status,
    durationMs: result.durationMs,
    headers: result.headers,
    body: result.body,
  };
  return JSON.stringify(document, null, 2) + "\n";
}

export function summarizeInvoke(functionName: string, result: InvokeResult): string {
  const status = result.status === null ? "no status" : `HTTP ${result.status}`;
  const time = result.durationMs === null ? "" : ` in ${Math.round(result.durationMs)} ms`;
  return `${functionName}: ${status}${time}`;
}

/** Lines for the "Base44 Functions" output channel: a header per run, then the function's console output. */
export function formatInvokeLog(functionName: string, result: InvokeResult, at: Date): string[] {
  const header = `[${at.toISOString()}] ▶ ${summarizeInvoke(functionName, result)}`;
  return [header, ...(result.logs.length ? result.logs.map((line) => `  ${line}`) : ["  (no console output)"])];
}

/** A file-name-safe title for the response document, unique per run. */
export function responseDocumentName(functionName: string, runNumber: number): string {
  return `${functionName.replace(/[^A-Za-z0-9._-]+/g, "-")}-response-${runNumber}.json`;
}

/**
 * Parses the JSON the user typed as the request body. Empty input means "no body" (null), as the
 * lens on a function's entry sends.
 */
export function parseJsonInput(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === "") {
    return { ok: true, value: null };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `Not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface FunctionEntry {
  name: string;
  project: string;
  uri: string;
}

/** Reads the `base44.listFunctions` answer, skipping malformed entries; sorted by name for the quick pick. */
export function parseFunctionList(raw: unknown): FunctionEntry[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  const entries: FunctionEntry[] = [];
  for (const item of raw) {
    if (item && typeof item === "object") {
      const { name, project, uri } = item as Record<string, unknown>;
      if (typeof name === "string" && typeof uri === "string") {
        entries.push({ name, project: typeof project === "string" ? project : "", uri });
      }
    }
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

/** The JSON-RPC code of a cancelled request (LSP `RequestCancelled`). */
export const REQUEST_CANCELLED = -32800;

export function invokeErrorMessage(functionName: string, error: unknown): string {
  const message =
    error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string"
      ? (error as { message: string }).message
      : String(error);
  return `Invoking ${functionName} failed: ${message}`;
}

export function isCancellation(error: unknown): boolean {
  return !!error && typeof error === "object" && (error as { code?: unknown }).code === REQUEST_CANCELLED;
}

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspLocation {
  uri: string;
  range: { start: LspPosition; end: LspPosition };
}

function isPosition(value: unknown): value is LspPosition {
  const record = value as Record<string, unknown> | null;
  return !!record && typeof record.line === "number" && typeof record.character === "number";
}

function isLocation(value: unknown): value is LspLocation {
  const record = value as Record<string, unknown> | null;
  const range = record?.range as Record<string, unknown> | undefined;
  return !!record && typeof record.uri === "string" && !!range && isPosition(range.start) && isPosition(range.end);
}

/** The `[uri, position, locations]` arguments of `base44.showReferences`, checked. */
export function parseShowReferencesArgs(
  args: unknown[] | undefined,
): { uri: string; position: LspPosition; locations: LspLocation[] } | { error: string } {
  const [uri, position, locations] = args ?? [];
  if (typeof uri !== "string" || !isPosition(position) || !Array.isArray(locations)) {
    return { error: "base44.showReferences needs [uri, position, locations]." };
  }
  return { uri, position, locations: locations.filter(isLocation) };
}
