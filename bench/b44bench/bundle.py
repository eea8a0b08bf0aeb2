"""A minified one-line bundle of about 4 MB, as a build leaves in `dist/`: what an editor may open beside
the app's own files. It is never written into the workspace (the index would read it too): the driver
opens it as an unsaved document."""

from .prng import Rng

BUNDLE_BYTES = 4_000_000
BUNDLE_PATH = "dist/assets/index-7f3a9c.min.js"

# Minified code holds some text that is not ASCII (labels, arrows, currency), which makes every
# UTF-16 column on the line cost a walk of the characters before it.
_WORDS = ["Größe", "Preis €", "→ weiter", "café", "naïve", "日本", "✓ ok"]


def _chunk(rng: Rng, index: int, names: list) -> str:
    a, b, c = (f"{rng.pick('abcdefghijklmnopqrstuvwxyz')}{index % 97}" for _ in range(3))
    kind = rng.below(6)
    if kind == 0:
        name = rng.pick(names)
        return f'async function {a}({b}){{const {c}=await X.functions.invoke("{name}",{{id:{b}.id,n:{index}}});' \
               f"return {c}.data}}"
    if kind == 1:
        return f'var {a}={{label:"{rng.pick(_WORDS)}",v:{index},f:function({b}){{return {b}*{index % 13}+1}}}};'
    if kind == 2:
        return f"function {a}({b},{c}){{for(var i=0;i<{b}.length;i++){{if({b}[i]==={c})return i}}return -1}}"
    if kind == 3:
        return f'const {a}=({b})=>{b}?{b}.map(({c})=>({c}.id||"{index}")).filter(Boolean):[];'
    if kind == 4:
        return f'{a}.prototype.render=function(){{return h("div",{{className:"c{index}"}},this.props.{b})}};'
    return f"let {a}=[{','.join(str((index * 7 + k) % 1000) for k in range(12))}];"


def bundle_text(names: list, seed: int = 44, size: int = BUNDLE_BYTES) -> str:
    """The bundle: one line, no newline, deterministic for a seed, at least `size` bytes of UTF-8."""
    rng = Rng(seed ^ 0xB0B)
    parts, length, index = ["!function(){"], 12, 0
    while length < size:
        chunk = _chunk(rng, index, names)
        parts.append(chunk)
        length += len(chunk.encode())
        index += 1
    parts.append("}();")
    return "".join(parts)


def utf16_length(text: str) -> int:
    """How many UTF-16 code units `text` has: the unit of LSP's columns."""
    return len(text.encode("utf-16-le")) // 2
