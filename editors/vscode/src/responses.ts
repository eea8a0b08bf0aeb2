// Read-only JSON documents that show invoke responses: a virtual document provider, so VS Code
// offers no save and the text cannot be edited.
import * as vscode from "vscode";

export class ResponseDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = "base44-response";
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? "";
  }

  async show(fileName: string, text: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: ResponseDocuments.scheme, path: `/${fileName}` });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== "json") {
      document = await vscode.languages.setTextDocumentLanguage(document, "json");
    }
    // Later responses go where the last one is shown instead of opening one more column each time.
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.scheme === ResponseDocuments.scheme);
    await vscode.window.showTextDocument(document, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside,
      preview: false,
      preserveFocus: false,
    });
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
