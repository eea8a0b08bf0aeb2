"""The text of an open document and the edits the driver sends, for both full and incremental sync."""

from .lsp_client import uri_of


class OpenDocument:
    def __init__(self, path: str, text: str, language_id: str):
        self.path = path
        self.uri = uri_of(path)
        self.language_id = language_id
        self.lines = text.split("\n")
        self.version = 1

    def text(self) -> str:
        return "\n".join(self.lines)

    def insert(self, line: int, character: int, new_text: str) -> dict:
        """Applies the edit locally and returns it as an incremental content change."""
        row = self.lines[line]
        self.lines[line] = row[:character] + new_text + row[character:]
        self.version += 1
        at = {"line": line, "character": character}
        return {"range": {"start": at, "end": at}, "text": new_text}

    def delete(self, line: int, character: int, length: int) -> dict:
        row = self.lines[line]
        self.lines[line] = row[:character] + row[character + length:]
        self.version += 1
        return {"range": {"start": {"line": line, "character": character},
                          "end": {"line": line, "character": character + length}}, "text": ""}

    def change_params(self, incremental_change: dict, incremental: bool) -> dict:
        change = incremental_change if incremental else {"text": self.text()}
        return {"textDocument": {"uri": self.uri, "version": self.version}, "contentChanges": [change]}


def language_id(path: str) -> str:
    return {"tsx": "typescriptreact", "ts": "typescript", "jsx": "javascriptreact"}.get(
        path.rsplit(".", 1)[-1], "javascript")


def incremental_sync(initialize_result: dict) -> bool:
    """True when the server asked for incremental changes (TextDocumentSyncKind 2)."""
    sync = (initialize_result or {}).get("capabilities", {}).get("textDocumentSync")
    kind = sync.get("change") if isinstance(sync, dict) else sync
    return kind == 2
