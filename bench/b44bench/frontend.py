"""React/TypeScript source files of realistic size: components, hooks and utilities, some calling functions."""

from dataclasses import dataclass, field

from .prng import Rng
from .vocabulary import FIELDS, NOUNS, STATUSES, UI_WORDS, VERBS, camel, pascal


@dataclass
class CallSite:
    line: int  # 0-based line of the call
    name_column: int  # 0-based column of the first character inside the string (after `"` or `"/`)
    name: str
    method: str  # "invoke" or "fetch"
    known: bool


@dataclass
class SourceFile:
    lines: list = field(default_factory=list)
    calls: list = field(default_factory=list)
    counter: int = 0

    def fresh(self, stem: str) -> str:
        """A file-unique identifier, so blocks never collide."""
        self.counter += 1
        return f"{stem}{self.counter}"

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def add_call(self, rng: Rng, name: str, known: bool, indent: str, method: str) -> None:
        """A call that reads the result the way its method's result must be read."""
        if method == "invoke":
            prefix = f'{indent}const res = await base44.functions.invoke("'
            self.calls.append(CallSite(len(self.lines), len(prefix), name, "invoke", known))
            field_name = rng.pick(FIELDS)[0]
            self.add(f'{prefix}{name}", {{ {field_name}: input.{field_name}, source: "ui" }});',
                     f"{indent}const result = res.data;")
        else:
            prefix = f'{indent}const res = await base44.functions.fetch("/'
            self.calls.append(CallSite(len(self.lines), len(prefix), name, "fetch", known))
            self.add(f'{prefix}{name}", {{',
                     f'{indent}  method: "POST",',
                     f'{indent}  headers: {{ "Content-Type": "application/json" }},',
                     f"{indent}  body: JSON.stringify(input),",
                     f"{indent}}});",
                     f"{indent}const result = await res.json();")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _interface(src: SourceFile, rng: Rng) -> str:
    name = src.fresh(pascal(rng.pick(NOUNS), rng.pick(["Record", "Row", "Item", "Entry"])))
    src.add(f"export interface {name} {{")
    for fname, ftype in sorted({rng.pick(FIELDS) for _ in range(rng.between(4, 10))}):
        src.add(f"  {fname}{'?' if rng.chance(0.2) else ''}: {ftype};")
    src.add("}", "")
    return name


def _constants(src: SourceFile, rng: Rng) -> None:
    name = src.fresh("STATUS_LABELS_")
    src.add(f"const {name}: Record<string, string> = {{")
    for status in STATUSES[: rng.between(3, len(STATUSES))]:
        src.add(f'  {status}: "{status[:1].upper() + status[1:]}",')
    src.add("};", "")


def _helper(src: SourceFile, rng: Rng) -> None:
    fname = src.fresh(camel(rng.pick(["summarize", "group", "rank", "filter", "normalize"]), rng.pick(NOUNS)))
    key = rng.pick(["status", "ownerId", "currency", "name"])
    src.add(
        f"export function {fname}(rows: Array<Record<string, any>>, limit = {rng.between(5, 50)}) {{",
        "  const buckets = new Map<string, number>();",
        "  for (const row of rows) {",
        f'    const key = String(row.{key} ?? "unknown");',
        "    const previous = buckets.get(key) ?? 0;",
        f"    buckets.set(key, previous + (typeof row.total === \"number\" ? row.total : {rng.between(1, 9)}));",
        "  }",
        "  const sorted = [...buckets.entries()].sort((a, b) => b[1] - a[1]);",
        "  if (sorted.length > limit) {",
        "    const rest = sorted.slice(limit).reduce((sum, [, value]) => sum + value, 0);",
        '    return [...sorted.slice(0, limit), ["other", rest] as [string, number]];',
        "  }",
        "  return sorted;",
        "}",
        "",
    )


def _call_block(src: SourceFile, rng: Rng, call: tuple) -> None:
    name, known, method = call
    fname = src.fresh(camel(rng.pick(VERBS), rng.pick(NOUNS)))
    src.add(f"export async function {fname}(input: Record<string, any>) {{", "  try {")
    src.add_call(rng, name, known, "    ", method)
    src.add(
        "    if (!result) {",
        f'      throw new Error("{fname} returned nothing");',
        "    }",
        "    return result;",
        "  } catch (error) {",
        f'    console.error("{fname} failed", error);',
        "    throw error;",
        "  }",
        "}",
        "",
    )


def _hook(src: SourceFile, rng: Rng, row_type: str) -> None:
    hook = src.fresh("use" + pascal(rng.pick(NOUNS), rng.pick(["List", "Details", "Stats", "Filter"])))
    src.add(
        f"export function {hook}(ownerId: string) {{",
        f"  const [rows, setRows] = useState<{row_type}[]>([]);",
        "  const [loading, setLoading] = useState(false);",
        '  const [query, setQuery] = useState("");',
        "  useEffect(() => {",
        "    let cancelled = false;",
        "    setLoading(true);",
        "    Promise.resolve([] as " + row_type + "[])",
        "      .then((next) => {",
        "        if (!cancelled) setRows(next);",
        "      })",
        "      .finally(() => {",
        "        if (!cancelled) setLoading(false);",
        "      });",
        "    return () => {",
        "      cancelled = true;",
        "    };",
        "  }, [ownerId]);",
        "  const visible = useMemo(",
        "    () => rows.filter((row) => JSON.stringify(row).toLowerCase().includes(query.toLowerCase())),",
        "    [rows, query],",
        "  );",
        "  return { rows: visible, loading, query, setQuery };",
        "}",
        "",
    )


def _component(src: SourceFile, rng: Rng, row_type: str) -> None:
    comp = src.fresh(pascal(rng.pick(NOUNS), rng.pick(UI_WORDS)))
    title = f"{rng.pick(UI_WORDS)} {rng.pick(NOUNS)}s"
    src.add(
        f"export function {comp}({{ rows, onSelect }}: {{ rows: {row_type}[]; onSelect?: (id: string) => void }}) {{",
        '  const [filter, setFilter] = useState("all");',
        "  const [expanded, setExpanded] = useState<string | null>(null);",
        "  const filtered = useMemo(",
        '    () => (filter === "all" ? rows : rows.filter((row: any) => row.status === filter)),',
        "    [rows, filter],",
        "  );",
        "  const handleToggle = useCallback(",
        "    (id: string) => {",
        "      setExpanded((current) => (current === id ? null : id));",
        "      onSelect?.(id);",
        "    },",
        "    [onSelect],",
        "  );",
        "  return (",
        '    <Card className="p-4 space-y-3">',
        '      <div className="flex items-center justify-between">',
        f'        <h2 className="text-lg font-semibold">{title}</h2>',
        "        <select value={filter} onChange={(event: any) => setFilter(event.target.value)}>",
        '          <option value="all">All</option>',
    )
    for status in STATUSES[: rng.between(2, 6)]:
        src.add(f'          <option value="{status}">{status}</option>')
    src.add(
        "        </select>",
        "      </div>",
        "      <ul className=\"divide-y\">",
        "        {filtered.map((row: any) => (",
        '          <li key={row.id} className="py-2">',
        "            <button type=\"button\" onClick={() => handleToggle(row.id)}>",
        "              {row.name ?? row.id}",
        "            </button>",
        "            {expanded === row.id && (",
        '              <div className="mt-2 text-sm text-muted-foreground">',
        '                <Badge variant="outline">{row.status}</Badge>',
        "                <span>{formatDate(row.updatedAt)}</span>",
        "              </div>",
        "            )}",
        "          </li>",
        "        ))}",
        "      </ul>",
        f"      <Button onClick={{() => setFilter(\"all\")}} disabled={{filter === \"all\"}}>Reset</Button>",
        "    </Card>",
        "  );",
        "}",
        "",
    )


def _imports(src: SourceFile, tsx: bool, with_client: bool) -> None:
    src.add('import { useCallback, useEffect, useMemo, useState } from "react";')
    if tsx:
        src.add('import { Badge, Button, Card } from "@/components/ui/primitives";')
    src.add('import { formatDate } from "@/lib/format";')
    if with_client:
        src.add('import { base44 } from "@/api/base44Client";')
    src.add("")


def build_source(rng: Rng, kind: str, target_lines: int, calls: list) -> SourceFile:
    """One file of `kind` ("component", "hook", "util") of about `target_lines` lines.

    `calls` holds (name, known, method) tuples; their blocks are spread evenly over the file.
    """
    src = SourceFile()
    tsx = kind == "component"
    _imports(src, tsx, bool(calls))
    row_type = _interface(src, rng)
    _constants(src, rng)
    pending = list(calls)
    # Estimated lines per block, to place the calls evenly between the other blocks.
    spacing = max(1, target_lines // (len(pending) + 1))
    next_call_at = spacing
    while len(src.lines) < target_lines or pending:
        if pending and len(src.lines) >= next_call_at:
            _call_block(src, rng, pending.pop(0))
            next_call_at += spacing
            continue
        choice = rng.below(10)
        if tsx and choice < 4:
            _component(src, rng, row_type)
        elif kind != "util" and choice < 7:
            _hook(src, rng, row_type)
        elif choice < 8:
            row_type = _interface(src, rng)
        else:
            _helper(src, rng)
    return src
