// base44-lsp function runner: the Deno entry point that runs one backend function for one request.
//
// It mirrors the wrapper `base44 dev` uses. It takes over Deno.serve so the function listens on the
// port the runner chose, imports the function, and, when the module did not call Deno.serve while it
// was imported, serves its default export. It reports its progress to the runner with lines on stderr
// that start with a per-run marker, so the runner can tell them from the function's own output
// (stdout and stderr arrive at the runner through one pipe).
//
// Environment: FUNCTION_PATH (file URL of the entry), FUNCTION_PORT, FUNCTION_NAME,
// BASE44_RUNNER_MARKER (the marker that prefixes the runner's own lines).

export {};

const functionPath = Deno.env.get("FUNCTION_PATH");
const port = Number.parseInt(Deno.env.get("FUNCTION_PORT") ?? "", 10);
const functionName = Deno.env.get("FUNCTION_NAME") ?? "unknown";
const marker = Deno.env.get("BASE44_RUNNER_MARKER") ?? "";
// The function has no use for it, and printing it would confuse the runner.
Deno.env.delete("BASE44_RUNNER_MARKER");
const encoder = new TextEncoder();

// One write per line keeps a report from being split by the function's own output.
function report(kind: string, detail = ""): void {
  Deno.stderr.writeSync(encoder.encode(`${marker} ${kind} ${detail}\n`));
}

if (!functionPath || !Number.isInteger(port) || marker === "") {
  console.error("The runner did not pass FUNCTION_PATH, FUNCTION_PORT and BASE44_RUNNER_MARKER.");
  Deno.exit(70);
}

type Handler = (req: Request, info: Deno.ServeHandlerInfo) => Response | Promise<Response>;
type Options = Record<string, unknown> & { handler?: Handler };

const originalServe = Deno.serve.bind(Deno) as (options: Options, handler?: Handler) => unknown;
let servedDuringImport = false;

// The function listens where the runner expects it, on loopback and without TLS, whatever it asked for;
// its other options (onError, signal, ...) are kept.
function serveOnRunnerPort(options: Options, handler: Handler): unknown {
  const { cert: _cert, key: _key, path: _path, ...kept } = options;
  return originalServe({
    ...kept,
    hostname: "127.0.0.1",
    port,
    onListen: (addr: Deno.NetAddr) => report("ready", String(addr.port)),
  }, handler);
}

function patchedServe(first: Options | Handler, second?: Handler): unknown {
  // A second server in the same module is not the one the runner calls; let it listen anywhere.
  if (servedDuringImport) {
    if (typeof first === "function") return originalServe({ port: 0, hostname: "127.0.0.1" }, first);
    return originalServe({ ...first, port: 0, hostname: "127.0.0.1" }, second);
  }
  servedDuringImport = true;
  if (typeof first === "function") return serveOnRunnerPort({}, first);
  if (typeof second === "function") return serveOnRunnerPort(first ?? {}, second);
  if (first && typeof first.handler === "function") {
    const { handler, ...options } = first;
    return serveOnRunnerPort(options, handler);
  }
  report("no-handler", "Deno.serve was called without a handler");
  Deno.exit(71);
}

// Deno 2.8+ exposes Deno.serve as a getter, so plain assignment throws; defineProperty works on both.
Object.defineProperty(Deno, "serve", { value: patchedServe, writable: true, configurable: true });

// `base44:runtime` is mapped onto this bridge's module, as `base44 dev` does.
const pending = new Set<Promise<unknown>>();
Object.defineProperty(globalThis, "Base44", {
  value: {
    secrets: { get: (name: string) => Deno.env.get(name) },
    waitUntil: (promise: Promise<unknown>) => {
      const tracked: Promise<unknown> = Promise.resolve(promise)
        .catch((error: unknown) => console.error(`[${functionName}] waitUntil task failed:`, error))
        .finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
  },
  writable: false,
  configurable: true,
});

function defaultHandler(module: Record<string, unknown>): Handler | null {
  const exported = module.default;
  if (typeof exported === "function") return exported as Handler;
  if (exported && typeof exported === "object") {
    const fetch = (exported as { fetch?: unknown }).fetch;
    if (typeof fetch === "function") return (fetch as Handler).bind(exported);
  }
  return null;
}

let functionModule: Record<string, unknown>;
try {
  functionModule = await import(functionPath);
} catch (error) {
  // Deno reports a parse error in the imported module as a TypeError whose message starts with
  // "SyntaxError:" and carries the location and a code frame; that message is all the user needs.
  const text = String(error);
  if (/SyntaxError|could not be parsed/.test(text)) {
    console.error(error instanceof Error ? error.message : text);
    report("syntax-error");
  } else {
    console.error(error instanceof Error && error.stack ? error.stack : text);
    report("load-failed");
  }
  Deno.exit(72);
}

if (!servedDuringImport) {
  const handler = defaultHandler(functionModule);
  if (handler === null) {
    report("no-handler", "neither Deno.serve nor a default export");
    Deno.exit(71);
  }
  servedDuringImport = true;
  serveOnRunnerPort({}, handler);
}
