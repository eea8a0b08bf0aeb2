// Output channels whose text passes through redaction, because the language client writes whole
// messages (initializationOptions, configuration answers) to its trace.
import * as vscode from "vscode";
import { redactSecrets } from "./settings";

export function redactingChannel(inner: vscode.OutputChannel, secrets: () => Array<string | null>): vscode.OutputChannel {
  const clean = (text: string) => redactSecrets(text, secrets());
  return {
    get name() {
      return inner.name;
    },
    append: (value: string) => inner.append(clean(value)),
    appendLine: (value: string) => inner.appendLine(clean(value)),
    replace: (value: string) => inner.replace(clean(value)),
    clear: () => inner.clear(),
    show: (columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean) => {
      if (typeof columnOrPreserveFocus === "boolean" || columnOrPreserveFocus === undefined) {
        inner.show(columnOrPreserveFocus);
      } else {
        inner.show(columnOrPreserveFocus, preserveFocus);
      }
    },
    hide: () => inner.hide(),
    dispose: () => inner.dispose(),
  };
}
