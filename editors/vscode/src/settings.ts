// The settings the server understands (docs/protocol.md, "Settings"), built from the extension's own
// configuration. Kept free of `vscode` imports so it can be unit-tested in plain Node.

export type InvokeTarget = "local" | "devServer" | "deployed";
export type Severity = "error" | "warning" | "information" | "hint" | "off";

/** What `workspace.getConfiguration("base44")` holds, as far as the server cares. Values come from users: untrusted. */
export interface ExtensionConfig {
  get<T>(key: string): T | undefined;
}

export interface ServerSettings {
  deno: { path: string | null; permissions: string[] };
  invoke: {
    target: InvokeTarget;
    serverUrl: string | null;
    timeoutMs: number;
    token: string | null;
  };
  diagnostics: { severity: Record<string, Severity> };
}

const INVOKE_TARGETS: readonly InvokeTarget[] = ["local", "devServer", "deployed"];
const SEVERITIES: readonly Severity[] = ["error", "warning", "information", "hint", "off"];
export const DEFAULT_TIMEOUT_MS = 30000;

function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Deno's `--allow-…` / `--deny-…` flags from the setting; anything else is dropped (the server refuses it too). */
function denoPermissions(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value
    .filter((flag): flag is string => typeof flag === "string")
    .map((flag) => flag.trim())
    .filter((flag) => flag.startsWith("--allow-") || flag.startsWith("--deny-"));
}

/**
 * Builds the `base44` settings section sent as `initializationOptions` and as the answer to
 * `workspace/configuration`. Invalid values fall back to the defaults instead of reaching the server,
 * because a typo in settings.json should not stop the server from starting.
 */
export function buildServerSettings(config: ExtensionConfig, token: string | null | undefined): ServerSettings {
  const target = config.get<unknown>("invoke.target");
  const timeout = config.get<unknown>("invoke.timeoutMs");
  const severityConfig = config.get<unknown>("diagnostics.severity");
  const severity: Record<string, Severity> = {};
  if (severityConfig && typeof severityConfig === "object" && !Array.isArray(severityConfig)) {
    for (const [code, level] of Object.entries(severityConfig as Record<string, unknown>)) {
      if (typeof level === "string" && (SEVERITIES as readonly string[]).includes(level)) {
        severity[code] = level as Severity;
      }
    }
  }
  return {
    deno: {
      path: nonEmptyString(config.get<unknown>("deno.path")),
      permissions: denoPermissions(config.get<unknown>("deno.permissions")),
    },
    invoke: {
      target: INVOKE_TARGETS.includes(target as InvokeTarget) ? (target as InvokeTarget) : "local",
      serverUrl: nonEmptyString(config.get<unknown>("invoke.serverUrl")),
      timeoutMs:
        typeof timeout === "number" && Number.isFinite(timeout) && timeout > 0 ? Math.round(timeout) : DEFAULT_TIMEOUT_MS,
      token: nonEmptyString(token),
    },
    diagnostics: { severity },
  };
}

/**
 * Answers one item of a `workspace/configuration` request. The server asks for the `base44` section;
 * anything else is passed through as VS Code resolved it.
 */
export function answerConfigurationItem(
  section: string | undefined,
  resolvedByVscode: unknown,
  config: ExtensionConfig,
  token: string | null | undefined,
): unknown {
  if (section === "base44") {
    return buildServerSettings(config, token);
  }
  return resolvedByVscode;
}

/** Masks every occurrence of the secrets in text bound for a log (the trace channel logs whole messages). */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let redacted = text;
  for (const secret of secrets) {
    // Very short "secrets" would mask ordinary words; real tokens are long.
    if (secret && secret.length >= 4) {
      redacted = redacted.split(secret).join("***");
    }
  }
  return redacted;
}
