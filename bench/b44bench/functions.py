"""Backend functions in every layout the CLI accepts (zero-config, nested, function.json[c]) and handler shape."""

from dataclasses import dataclass

from .prng import Rng
from .vocabulary import GROUPS, NOUNS, QUALIFIERS, VERBS, camel

LAYOUTS = [
    "zero-config", "zero-config", "zero-config", "nested", "nested",
    "config-jsonc", "config-jsonc", "zero-config-js", "config-json", "zero-config",
]
HANDLERS = ["deno-serve", "deno-serve", "deno-serve", "deno-serve-options", "deno-serve-object",
            "export-default", "export-default", "export-default-object"]


@dataclass
class BackendFunction:
    name: str  # the name the CLI deploys it under, and the one call sites use
    layout: str
    handler: str
    files: dict  # path relative to base44/functions -> content


def _unique_name(rng: Rng, taken: set, nested: bool) -> str:
    while True:
        verb, noun = rng.pick(VERBS), rng.pick(NOUNS)
        words = [verb, rng.pick(QUALIFIERS), noun] if rng.chance(0.5) else [verb, noun]
        leaf = camel(*words) if rng.chance(0.3) else "-".join(words)
        name = f"{rng.pick(GROUPS)}/{leaf}" if nested else leaf
        if name in taken:
            name = f"{name}-{len(taken)}"
        if name not in taken:
            taken.add(name)
            return name


def _handler_body(rng: Rng, name: str, callees: list) -> list:
    noun = name.rsplit("/", 1)[-1]
    lines = [
        "  const base44 = createClientFromRequest(req);",
        "  const user = await base44.auth.me();",
        "  if (!user) {",
        '    return Response.json({ error: "Unauthorized" }, { status: 401 });',
        "  }",
        "  const payload = await req.json().catch(() => ({}));",
        f'  const records = await base44.entities.{rng.pick(["Order", "Invoice", "Customer", "Task"])}.filter({{ ownerId: user.id }});',
        "  const total = records.reduce((sum: number, r: { amount?: number }) => sum + (r.amount ?? 0), 0);",
    ]
    for callee in callees:
        lines += [
            f'  const chained = await base44.asServiceRole.functions.invoke("{callee}", {{ total }});',
            "  console.log(chained.data);",
        ]
    lines.append(f'  return Response.json({{ ok: true, function: "{noun}", count: records.length, total, payload }});')
    return lines


def _entry_source(rng: Rng, handler: str, name: str, callees: list, typescript: bool) -> str:
    req = "req: Request" if typescript else "req"
    body = _handler_body(rng, name, callees)
    if not typescript:
        body = [line.replace(": number, r: { amount?: number }", ", r") for line in body]
    head = ['import { createClientFromRequest } from "npm:@base44/sdk@0.8.50";', ""]
    if handler == "deno-serve":
        code = [f"Deno.serve(async ({req}) => {{", *body, "});"]
    elif handler == "deno-serve-options":
        code = [f"Deno.serve({{ port: 8000 }}, async ({req}) => {{", *body, "});"]
    elif handler == "deno-serve-object":
        code = ["Deno.serve({", "  port: 8000,", f"  handler: async ({req}) => {{",
                *["  " + line for line in body], "  },", "});"]
    elif handler == "export-default":
        code = [f"export default async function handler({req}) {{", *body, "}"]
    else:
        code = ["export default {", f"  async fetch({req}) {{", *["  " + line for line in body], "  },", "};"]
    return "\n".join(head + code) + "\n"


def _config(name: str, entry: str, comments: bool) -> str:
    if comments:
        return (
            "{\n  // Deployed under this name; the folder name does not matter.\n"
            f'  "name": "{name}",\n  "entry": "{entry}", // relative to this file\n}}\n'
        )
    return f'{{\n  "name": "{name}",\n  "entry": "{entry}"\n}}\n'


def generate_functions(rng: Rng, count: int) -> list:
    taken: set = set()
    functions = []
    for index in range(count):
        frng = rng.fork(index)
        layout = LAYOUTS[index % len(LAYOUTS)]
        # Layouts cycle by 10 and handlers by 8, so the first 40 functions hold every combination.
        handler = HANDLERS[index % len(HANDLERS)] if index < 80 else frng.pick(HANDLERS)
        name = _unique_name(frng, taken, nested=layout == "nested")
        # A few backend functions call earlier ones, as real apps chain jobs.
        callees = [functions[frng.below(index)].name] if index > 0 and frng.chance(0.1) else []
        if layout in ("zero-config", "nested"):
            files = {f"{name}/entry.ts": _entry_source(frng, handler, name, callees, True)}
        elif layout == "zero-config-js":
            files = {f"{name}/entry.js": _entry_source(frng, handler, name, callees, False)}
        else:
            # The folder deliberately differs from the deployed name.
            folder = f"fn-{index:05d}-{name.replace('/', '-')}"
            entry = frng.pick(["index.ts", "main.ts", "handler.ts"])
            config_file = "function.jsonc" if layout == "config-jsonc" else "function.json"
            files = {
                f"{folder}/{config_file}": _config(name, entry, layout == "config-jsonc"),
                f"{folder}/{entry}": _entry_source(frng, handler, name, callees, True),
            }
        functions.append(BackendFunction(name, layout, handler, files))
    return functions


# Files under the functions dir that are not functions: the CLI skips them, so must the server.
DISTRACTORS = {
    "_lib/http.ts": "export const json = (body: unknown) => Response.json(body);\n",
    "legacy.v1/old-export/entry.ts": "// A folder with a dot in its name: the CLI ignores everything below it.\n"
                                     "Deno.serve(() => new Response(\"legacy\"));\n",
}
