// One LSP session through a command (`npx base44-lsp --stdio` in the npm test): initialize,
// open a file of the app, wait for its diagnostics, shut down. Prints what came back, one line a
// step, for the caller to compare whole.
//   node lsp-roundtrip.mjs APP_DIR RELATIVE_FILE -- COMMAND ARGS...
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [appDir, file, separator, command, ...args] = process.argv.slice(2);
if (separator !== "--" || !command) {
  console.error("usage: node lsp-roundtrip.mjs APP_DIR RELATIVE_FILE -- COMMAND ARGS...");
  process.exit(2);
}
const child = spawn(command, args, { cwd: appDir, stdio: ["pipe", "pipe", "inherit"] });
const timer = setTimeout(() => {
  console.log("timed out after 30 s");
  child.kill("SIGKILL");
  process.exit(1);
}, 30_000);

let buffer = Buffer.alloc(0);
const waiting = [];
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
    buffer = buffer.subarray(headerEnd + 4 + length);
    const index = waiting.findIndex((w) => w.match(message));
    if (index >= 0) waiting.splice(index, 1)[0].resolve(message);
    else if (message.id !== undefined && message.method) send({ jsonrpc: "2.0", id: message.id, result: null });
  }
});
const send = (message) => {
  const body = Buffer.from(JSON.stringify(message));
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
};
const next = (match) => new Promise((resolve) => waiting.push({ match, resolve }));
const request = (id, method, params) => {
  const answer = next((m) => m.id === id && !m.method);
  send({ jsonrpc: "2.0", id, method, params });
  return answer;
};

const rootUri = pathToFileURL(appDir).href;
const uri = pathToFileURL(join(appDir, file)).href;
const init = await request(1, "initialize", {
  processId: process.pid,
  rootUri,
  workspaceFolders: [{ uri: rootUri, name: "app" }],
  capabilities: { textDocument: { publishDiagnostics: {} } },
});
console.log(`initialize: ${init.result.serverInfo.name} ${init.result.serverInfo.version}`);
send({ jsonrpc: "2.0", method: "initialized", params: {} });
// The last diagnostics pushed for the file once the server has been quiet for 300 ms.
let latest;
let settle;
const settled = new Promise((resolve) => (settle = resolve));
let quiet;
const listen = () =>
  next((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri).then((m) => {
    latest = m.params.diagnostics;
    clearTimeout(quiet);
    if (latest.length > 0) quiet = setTimeout(() => settle(latest), 300);
    listen();
  });
listen();
send({
  jsonrpc: "2.0",
  method: "textDocument/didOpen",
  params: { textDocument: { uri, languageId: "javascriptreact", version: 1, text: readFileSync(join(appDir, file), "utf8") } },
});
const diagnostics = await settled;
const start = (d) => [d.range.start.line, d.range.start.character];
diagnostics.sort((a, b) => start(a)[0] - start(b)[0] || start(a)[1] - start(b)[1]);
for (const d of diagnostics) {
  console.log(`diagnostic ${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`);
}
const shutdown = await request(2, "shutdown", null);
console.log(`shutdown: ${JSON.stringify(shutdown.result)}`);
send({ jsonrpc: "2.0", method: "exit" });
const code = await new Promise((resolve) => child.on("exit", (status, signal) => resolve(signal ?? status)));
console.log(`exit: ${code}`);
clearTimeout(timer);
