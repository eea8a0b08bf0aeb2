// Entry point of the Base44 extension: starts base44-lsp for workspaces that contain a base44/ folder
// and adds what the protocol leaves to clients (invoke UI, status bar, access token, references list).
import * as fs from "node:fs";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { redactingChannel } from "./channels";
import {
  formatInvokeDocument,
  formatInvokeLog,
  invokeErrorMessage,
  isCancellation,
  parseFunctionList,
  parseInvokeArgs,
  parseInvokeResult,
  parseJsonInput,
  parseShowReferencesArgs,
  responseDocumentName,
  summarizeInvoke,
} from "./invoke";
import { ResponseDocuments } from "./responses";
import { resolveServerPath } from "./serverPath";
import { answerConfigurationItem, buildServerSettings } from "./settings";
import { parseStatusNotification, ServerState, statusView } from "./status";

const TOKEN_KEY = "base44.accessToken";
const LANGUAGES = ["javascript", "javascriptreact", "typescript", "typescriptreact"];

class Base44Extension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private accessToken: string | null = null;
  private stopping = false;
  private invokeRuns = 0;
  private ownShowReferences: vscode.Disposable | undefined;
  private readonly serverChannel: vscode.OutputChannel;
  private readonly traceChannel: vscode.OutputChannel;
  private readonly functionsChannel: vscode.OutputChannel;
  private readonly statusItem: vscode.StatusBarItem;
  private readonly responses = new ResponseDocuments();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    const secrets = () => [this.accessToken];
    this.serverChannel = redactingChannel(vscode.window.createOutputChannel("Base44 LSP"), secrets);
    this.traceChannel = redactingChannel(vscode.window.createOutputChannel("Base44 LSP Trace"), secrets);
    this.functionsChannel = vscode.window.createOutputChannel("Base44 Functions");
    this.statusItem = vscode.window.createStatusBarItem("base44.status", vscode.StatusBarAlignment.Left, 10);
    this.statusItem.name = "Base44";
    this.disposables.push(
      this.serverChannel,
      this.traceChannel,
      this.functionsChannel,
      this.statusItem,
      this.responses,
      vscode.workspace.registerTextDocumentContentProvider(ResponseDocuments.scheme, this.responses),
    );
  }

  async activate(): Promise<void> {
    this.accessToken = (await this.context.secrets.get(TOKEN_KEY)) ?? null;
    this.registerCommands();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => this.onConfigurationChanged(event)),
      this.context.secrets.onDidChange(async (event) => {
        if (event.key === TOKEN_KEY) {
          this.accessToken = (await this.context.secrets.get(TOKEN_KEY)) ?? null;
          this.pushSettings();
        }
      }),
    );
    if (await workspaceHasBase44Folder()) {
      await this.startClient();
    } else {
      // Start as soon as a base44/ folder appears (e.g. after `base44 create`).
      const watcher = vscode.workspace.createFileSystemWatcher("**/base44/**");
      const startOnce = watcher.onDidCreate(async () => {
        startOnce.dispose();
        watcher.dispose();
        await this.startClient();
      });
      this.disposables.push(watcher, startOnce);
    }
  }

  private registerCommands(): void {
    const register = (id: string, run: (...args: unknown[]) => unknown) =>
      this.disposables.push(vscode.commands.registerCommand(id, run));
    register("base44.restartServer", () => this.restartClient());
    register("base44.showOutput", () => this.serverChannel.show(true));
    register("base44.invokeFunction", () => this.pickAndInvoke());
    register("base44.generateTypesForWorkspace", () => this.generateTypes());
    register("base44.setAccessToken", () => this.setAccessToken());
    register("base44.clearAccessToken", async () => {
      await this.context.secrets.delete(TOKEN_KEY);
      void vscode.window.showInformationMessage("Base44: access token removed.");
    });
  }

  private showStatus(state: ServerState): void {
    const view = statusView(state);
    this.statusItem.text = view.text;
    this.statusItem.tooltip = view.tooltip;
    this.statusItem.command = view.command;
    this.statusItem.backgroundColor = view.isError ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    this.statusItem.show();
  }

  private settings() {
    return buildServerSettings(vscode.workspace.getConfiguration("base44"), this.accessToken);
  }

  private async startClient(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const resolution = resolveServerPath(
      {
        configuredPath: vscode.workspace.getConfiguration("base44").get<string | null>("server.path"),
        extensionRoot: this.context.extensionPath,
        platform: process.platform,
        arch: process.arch,
        envPath: process.env.PATH,
        home: process.env.HOME ?? process.env.USERPROFILE,
        workspaceFolder: folder,
      },
      { isExecutable },
    );
    if (!resolution.ok) {
      this.serverChannel.appendLine(resolution.message);
      this.showStatus({ kind: "missing", message: resolution.message });
      const choice = await vscode.window.showErrorMessage(`Base44: ${resolution.message}`, "Open settings");
      if (choice === "Open settings") {
        await vscode.commands.executeCommand("workbench.action.openSettings", "base44.server.path");
      }
      return;
    }
    this.serverChannel.appendLine(`Starting ${resolution.path} (from ${resolution.source}).`);
    const serverOptions: ServerOptions = { command: resolution.path, args: [], options: { cwd: folder } };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        ...LANGUAGES.map((language) => ({ scheme: "file", language })),
        { scheme: "file", pattern: "**/base44/**/*.{json,jsonc}" },
      ],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/base44/**") },
      initializationOptions: () => this.settings(),
      outputChannel: this.serverChannel,
      traceOutputChannel: this.traceChannel,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const resolved = await next(params, token);
            if (!Array.isArray(resolved)) {
              return resolved;
            }
            const config = vscode.workspace.getConfiguration("base44");
            return params.items.map((item, index) =>
              answerConfigurationItem(item.section, resolved[index], config, this.accessToken),
            );
          },
        },
        executeCommand: async (command, args, next) => {
          if (command === "base44.invoke") {
            return this.runInvoke(args);
          }
          if (command === "base44.showReferences") {
            return this.showReferences(args);
          }
          return next(command, args);
        },
      },
    };
    const client = new LanguageClient("base44", "Base44", serverOptions, clientOptions);
    this.client = client;
    // Registered before start: the server sends its first status right after `initialized`.
    client.onNotification("base44/status", (params: unknown) => {
      const state = parseStatusNotification(params);
      if (state) {
        this.showStatus(state);
      }
    });
    client.onDidChangeState((event) => {
      if (event.newState === State.Starting) {
        this.showStatus({ kind: "starting" });
      } else if (event.newState === State.Running) {
        this.showStatus({ kind: "running" });
      } else if (event.newState === State.Stopped) {
        this.showStatus(this.stopping ? { kind: "stopped" } : { kind: "crashed" });
      }
    });
    this.showStatus({ kind: "starting" });
    try {
      await client.start();
    } catch (error) {
      this.serverChannel.appendLine(`The server did not start: ${String(error)}`);
      this.showStatus({ kind: "crashed" });
      return;
    }
    await this.ensureShowReferencesCommand();
  }

  /** The lens's `base44.showReferences` needs a VS Code command even if the server does not list it. */
  private async ensureShowReferencesCommand(): Promise<void> {
    if (this.ownShowReferences) {
      return;
    }
    const known = await vscode.commands.getCommands(true);
    if (!known.includes("base44.showReferences")) {
      this.ownShowReferences = vscode.commands.registerCommand("base44.showReferences", (...args: unknown[]) =>
        this.showReferences(args),
      );
    }
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) {
      return;
    }
    this.stopping = true;
    try {
      await client.dispose(5000);
    } catch (error) {
      this.serverChannel.appendLine(`Stopping the server failed: ${String(error)}`);
    } finally {
      this.stopping = false;
    }
  }

  private async restartClient(): Promise<void> {
    await this.stopClient();
    await this.startClient();
  }

  private onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (event.affectsConfiguration("base44.server.path")) {
      void this.restartClient();
    } else if (event.affectsConfiguration("base44")) {
      this.pushSettings();
    }
  }

  /** Tells the server its settings changed; it also pulls them again with workspace/configuration. */
  private pushSettings(): void {
    if (this.client?.isRunning()) {
      void this.client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { base44: this.settings() },
      });
    }
  }

  private runningClient(): LanguageClient | undefined {
    if (this.client?.isRunning()) {
      return this.client;
    }
    void vscode.window.showWarningMessage("Base44: the language server is not running.", "Restart").then((choice) => {
      if (choice === "Restart") {
        void this.restartClient();
      }
    });
    return undefined;
  }

  private async runInvoke(args: unknown[]): Promise<unknown> {
    const parsed = parseInvokeArgs(args);
    if ("error" in parsed) {
      void vscode.window.showErrorMessage(`Base44: ${parsed.error}`);
      return undefined;
    }
    const client = this.runningClient();
    if (!client) {
      return undefined;
    }
    const name = parsed.function;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Base44: invoking ${name}`, cancellable: true },
      async (_progress, token) => {
        // The server stops the run on $/cancelRequest; the race makes Cancel immediate even if it answers late.
        const cancelled = new Promise<"cancelled">((resolve) => token.onCancellationRequested(() => resolve("cancelled")));
        try {
          const request = client.sendRequest(ExecuteCommandRequest.type, { command: "base44.invoke", arguments: args }, token);
          const raw = await Promise.race([request, cancelled]);
          if (raw === "cancelled") {
            this.functionsChannel.appendLine(`[${new Date().toISOString()}] ■ ${name}: cancelled`);
            return undefined;
          }
          const result = parseInvokeResult(raw);
          for (const line of formatInvokeLog(name, result, new Date())) {
            this.functionsChannel.appendLine(line);
          }
          this.invokeRuns += 1;
          await this.responses.show(responseDocumentName(name, this.invokeRuns), formatInvokeDocument(name, result));
          vscode.window.setStatusBarMessage(`Base44: ${summarizeInvoke(name, result)}`, 5000);
          return raw;
        } catch (error) {
          if (isCancellation(error) || token.isCancellationRequested) {
            this.functionsChannel.appendLine(`[${new Date().toISOString()}] ■ ${name}: cancelled`);
            return undefined;
          }
          const message = invokeErrorMessage(name, error);
          this.functionsChannel.appendLine(`[${new Date().toISOString()}] ✖ ${message}`);
          void vscode.window.showErrorMessage(`Base44: ${message}`, "Show output").then((choice) => {
            if (choice === "Show output") {
              this.functionsChannel.show(true);
            }
          });
          return undefined;
        }
      },
    );
  }

  private async showReferences(args: unknown[]): Promise<void> {
    const parsed = parseShowReferencesArgs(args);
    const client = this.client;
    if ("error" in parsed || !client) {
      void vscode.window.showErrorMessage(`Base44: ${"error" in parsed ? parsed.error : "the server is not running."}`);
      return;
    }
    const converter = client.protocol2CodeConverter;
    const locations = parsed.locations.map((location) => converter.asLocation(location));
    await vscode.commands.executeCommand(
      "editor.action.showReferences",
      converter.asUri(parsed.uri),
      converter.asPosition(parsed.position),
      locations,
    );
  }

  private async pickAndInvoke(): Promise<void> {
    const client = this.runningClient();
    if (!client) {
      return;
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const scope = active?.scheme === "file" ? [{ uri: client.code2ProtocolConverter.asUri(active) }] : [];
    let functions = parseFunctionList(
      await client.sendRequest(ExecuteCommandRequest.type, { command: "base44.listFunctions", arguments: scope }),
    );
    if (functions.length === 0 && scope.length > 0) {
      // The active file may be outside every project: offer the functions of all of them.
      functions = parseFunctionList(
        await client.sendRequest(ExecuteCommandRequest.type, { command: "base44.listFunctions", arguments: [] }),
      );
    }
    if (functions.length === 0) {
      void vscode.window.showInformationMessage("Base44: no functions found in this workspace.");
      return;
    }
    const picked = await vscode.window.showQuickPick(
      functions.map((entry) => ({
        label: entry.name,
        description: entry.project,
        detail: vscode.workspace.asRelativePath(vscode.Uri.parse(entry.uri)),
        entry,
      })),
      { title: "Base44: invoke function", placeHolder: "Function to invoke" },
    );
    if (!picked) {
      return;
    }
    const input = await vscode.window.showInputBox({
      title: `Base44: invoke ${picked.entry.name}`,
      prompt: "Request body as JSON (leave empty for none)",
      placeHolder: '{ "orderId": "123" }',
      ignoreFocusOut: true,
      validateInput: (text) => {
        const result = parseJsonInput(text);
        return result.ok ? undefined : result.message;
      },
    });
    if (input === undefined) {
      return;
    }
    const body = parseJsonInput(input);
    if (body.ok) {
      await this.runInvoke([{ function: picked.entry.name, data: body.value, uri: picked.entry.uri }]);
    }
  }

  private async generateTypes(): Promise<void> {
    const client = this.runningClient();
    if (!client) {
      return;
    }
    try {
      const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
        command: "base44.generateTypes",
        arguments: [],
      })) as { written?: unknown } | null;
      const written = Array.isArray(answer?.written) ? answer.written.filter((p): p is string => typeof p === "string") : [];
      void vscode.window.showInformationMessage(
        written.length ? `Base44: wrote ${written.join(", ")}` : "Base44: no project to write types for.",
      );
    } catch (error) {
      void vscode.window.showErrorMessage(`Base44: generating types failed: ${errorText(error)}`);
    }
  }

  private async setAccessToken(): Promise<void> {
    const token = await vscode.window.showInputBox({
      title: "Base44: access token",
      prompt: "Bearer token used to invoke functions on a dev server or the deployed app. Stored in VS Code's secret storage.",
      password: true,
      ignoreFocusOut: true,
    });
    if (token === undefined) {
      return;
    }
    if (token.trim() === "") {
      await this.context.secrets.delete(TOKEN_KEY);
      void vscode.window.showInformationMessage("Base44: access token removed.");
    } else {
      await this.context.secrets.store(TOKEN_KEY, token.trim());
      void vscode.window.showInformationMessage("Base44: access token saved.");
    }
  }

  async dispose(): Promise<void> {
    await this.stopClient();
    this.ownShowReferences?.dispose();
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

async function workspaceHasBase44Folder(): Promise<boolean> {
  const found = await vscode.workspace.findFiles("**/base44/**", "**/node_modules/**", 1);
  return found.length > 0;
}

let extension: Base44Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extension = new Base44Extension(context);
  await extension.activate();
}

export async function deactivate(): Promise<void> {
  await extension?.dispose();
  extension = undefined;
}
