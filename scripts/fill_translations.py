#!/usr/bin/env python3
"""Fill resources/translations/hromada_en.ts from resources/translations/en_dictionary.json.

Run after ``scripts/update_translations`` (lupdate) and before compiling:

    scripts/update_translations            # extract (keeps existing translations) + compile
    python scripts/fill_translations.py    # add what lupdate misses, translate from the dictionary
    scripts/update_translations --compile  # .ts -> .qm

What it does to the .ts (plain text edits, the file's layout is kept):

1. Adds messages that ``pyside6-lupdate`` cannot see but that the UI translates at run
   time (found by reading ``ui/**/*.py`` with ``ast``):
   * ``QT_TRANSLATE_NOOP`` imported under another name (``from PySide6.QtCore import
     QT_TRANSLATE_NOOP as _N``) -- lupdate only knows the real name;
   * ``self.tr("...")`` inside an f-string -- lupdate skips f-strings;
   * small module wrappers such as ``def _tr(text): return QCoreApplication.translate("Messages", text)``;
   * ``other_widget.tr("...")`` -- lupdate files these under the *variable's name*
     ("dialog", "widget"), but PySide6 looks the text up along the receiver's class
     hierarchy, which always ends in ``QWidget``; so a copy goes to context "QWidget";
   * the dictionary's ``extras``: texts kept in plain constants and passed to
     ``tr(variable)`` (no tool can find these; they are listed by hand).
2. Puts the dictionary's English into every message (``by_context`` first, then
   ``by_source``) and marks it finished.  Messages with no English are left unfinished
   and listed (``--missing FILE`` writes them as JSON, ready to be translated and merged
   with ``--merge FILE``).

Exit status: 0 when every message is translated, 1 otherwise (so ``--check`` can gate CI).
"""

from __future__ import annotations

import argparse
import ast
import html
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "hromada_en.ts"
DICTIONARY = ROOT / "resources" / "translations" / "en_dictionary.json"
SOURCES = ROOT / "ui"
FALLBACK_CONTEXT = "QWidget"  # where PySide6's tr() ends its search up the class hierarchy

MESSAGE_RE = re.compile(r"(?P<indent>[ \t]*)<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
CONTEXT_RE = re.compile(r"<context>\s*<name>(?P<name>.*?)</name>(?P<body>.*?)</context>", re.S)
TRANSLATION_RE = re.compile(r"<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)", re.S)
PLACEHOLDER_RE = re.compile(r"%(?:n|\d+)")


def escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def escape_text(text: str) -> str:
    """Element text the way lupdate writes it (quotes left as they are)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- dictionary


@dataclass
class Dictionary:
    by_source: dict[str, str]
    by_context: dict[str, dict[str, str]]
    extras: list[dict[str, str]]

    @classmethod
    def load(cls, path: Path = DICTIONARY) -> Dictionary:
        """The dictionary, plus every ``en_dictionary.<area>.json`` beside it (one file per area,
        so that areas built at the same time never edit the same file)."""
        merged = cls({}, {}, [])
        for part in [path, *sorted(path.parent.glob(f"{path.stem}.*{path.suffix}"))]:
            if not part.exists():
                continue
            data = json.loads(part.read_text(encoding="utf-8"))
            merged.by_source.update(data.get("by_source", {}))
            for context, messages in data.get("by_context", {}).items():
                merged.by_context.setdefault(context, {}).update(messages)
            merged.extras.extend(data.get("extras", []))
        return merged

    def save(self, path: Path = DICTIONARY) -> None:
        data = {
            "_about": "Ukrainian UI source text -> British English. by_context overrides by_source "
                      "for one context; extras are messages lupdate cannot find (see scripts/fill_translations.py).",
            "by_source": dict(sorted(self.by_source.items())),
            "by_context": {c: dict(sorted(m.items())) for c, m in sorted(self.by_context.items())},
            "extras": sorted(self.extras, key=lambda e: (e["context"], e["source"])),
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def lookup(self, context: str, source: str) -> str | None:
        found = self.by_context.get(context, {}).get(source)
        return found if found is not None else self.by_source.get(source)


# --------------------------------------------------------------------------- source scan


@dataclass(frozen=True)
class Found:
    context: str
    source: str
    file: str  # relative to the .ts file's folder, as lupdate writes it
    line: int
    why: str


def _const(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _func_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


class _Scanner(ast.NodeVisitor):
    def __init__(self, tree: ast.Module, rel: str) -> None:
        self.rel = rel
        self.found: list[Found] = []
        self.dynamic: list[tuple[int, str]] = []
        self.classes: list[str] = []
        self.fstring_depth = 0
        self.noop = {"QT_TRANSLATE_NOOP"}
        self.wrappers: dict[str, str] = {}
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name == "QT_TRANSLATE_NOOP" and alias.asname:
                        self.noop.add(alias.asname)
            if isinstance(node, ast.FunctionDef) and node.args.args:
                param = node.args.args[0].arg
                for sub in ast.walk(node):
                    if (isinstance(sub, ast.Call) and _func_name(sub) == "translate" and len(sub.args) == 2
                            and _const(sub.args[0]) and isinstance(sub.args[1], ast.Name)
                            and sub.args[1].id == param):
                        self.wrappers[node.name] = _const(sub.args[0]) or ""

        self.constants: dict[str, ast.AST] = {}  # module-level NAME = literal
        self.class_constants: list[dict[str, ast.AST]] = []
        self.loops: list[dict[str, tuple[ast.AST, int | None]]] = []
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name):
                        self.constants[target.id] = node.value

    def add(self, context: str, source: str, node: ast.AST, why: str) -> None:
        self.found.append(Found(context, source, self.rel, getattr(node, "lineno", 0), why))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        consts: dict[str, ast.AST] = {}
        for item in node.body:
            if isinstance(item, (ast.Assign, ast.AnnAssign)) and item.value is not None:
                for target in item.targets if isinstance(item, ast.Assign) else [item.target]:
                    if isinstance(target, ast.Name):
                        consts[target.id] = item.value
        self.class_constants.append(consts)
        self.generic_visit(node)
        self.class_constants.pop()
        self.classes.pop()

    def visit_For(self, node: ast.For) -> None:
        bound: dict[str, tuple[ast.AST, int | None]] = {}
        if isinstance(node.target, ast.Name):
            bound[node.target.id] = (node.iter, None)
        elif isinstance(node.target, ast.Tuple):
            for i, elt in enumerate(node.target.elts):
                if isinstance(elt, ast.Name):
                    bound[elt.id] = (node.iter, i)
        self.loops.append(bound)
        self.generic_visit(node)
        self.loops.pop()

    def _constant(self, node: ast.AST) -> ast.AST | None:
        """The literal behind ``NAME``, ``self.NAME`` or ``Class.NAME`` (module or class level)."""
        if isinstance(node, ast.Name):
            name = node.id
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            name = node.attr
        else:
            return None
        if isinstance(node, ast.Attribute) and self.class_constants and name in self.class_constants[-1]:
            return self.class_constants[-1][name]
        return self.constants.get(name)

    @staticmethod
    def _strings(node: ast.AST | None, index: int | None = None, values: bool = False) -> list[str]:
        if node is None:
            return []
        if isinstance(node, ast.Dict):
            items = node.values if values else node.keys
            return [v for v in (_const(i) for i in items if i is not None) if v]
        if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return []
        out = []
        for elt in node.elts:
            if index is None:
                text = _const(elt)
            elif isinstance(elt, (ast.Tuple, ast.List)) and len(elt.elts) > index:
                elt = elt.elts[index]
                text = _const(elt)
            else:
                text = None
            if isinstance(elt, ast.Call) and len(elt.args) >= 2 and _const(elt.args[1]):
                text = _const(elt.args[1])  # QT_TRANSLATE_NOOP("Context", "text"): already marked
            if text:
                out.append(text)
        return out

    def resolve(self, arg: ast.AST) -> list[str]:
        """Literal texts a computed tr() argument can take, where they sit in a nearby constant."""
        if isinstance(arg, ast.Name):
            for bound in reversed(self.loops):
                if arg.id in bound:
                    iterable, index = bound[arg.id]
                    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute):
                        owner = self._constant(iterable.func.value)  # CONST.items() / .values()
                        if iterable.func.attr == "items" and index is not None:
                            return self._strings(owner, values=index == 1)
                        if iterable.func.attr == "values":
                            return self._strings(owner, values=True)
                        return []
                    return self._strings(self._constant(iterable), index)
            return []
        if isinstance(arg, ast.Subscript):  # CONST[i]
            return self._strings(self._constant(arg.value), None, values=True)
        if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "get":
            return self._strings(self._constant(arg.func.value), values=True)  # CONST.get(k, k)
        return []

    def computed(self, context: str | None, node: ast.Call, arg: ast.AST) -> None:
        texts = [t for t in self.resolve(arg) if re.search("[А-Яа-яІіЇїЄєҐґ]", t)]
        if context is None or not texts:
            self.dynamic.append((node.lineno, ast.unparse(node)))
            return
        for text in texts:
            self.add(context, text, node, "computed " + ast.unparse(arg))

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self.fstring_depth += 1
        self.generic_visit(node)
        self.fstring_depth -= 1

    def visit_Call(self, node: ast.Call) -> None:
        name = _func_name(node)
        args = node.args
        if name == "tr" and isinstance(node.func, ast.Attribute) and args:
            text = _const(args[0])
            receiver = node.func.value
            if text is None:
                own = isinstance(receiver, ast.Name) and receiver.id == "self" and self.classes
                self.computed(self.classes[-1] if own else None, node, args[0])
            elif isinstance(receiver, ast.Name) and receiver.id == "self" and self.classes:
                self.add(self.classes[-1], text, node, "f-string" if self.fstring_depth else "tr")
            else:
                self.add(FALLBACK_CONTEXT, text, node, "tr on " + ast.unparse(receiver))
        elif name == "translate" and len(args) >= 2:
            ctx, text = _const(args[0]), _const(args[1])
            if ctx is not None and text is not None:
                self.add(ctx, text, node, "translate")
            else:
                self.computed(ctx, node, args[1])
        elif name in self.noop and isinstance(node.func, ast.Name) and len(args) >= 2:
            ctx, text = _const(args[0]), _const(args[1])
            if ctx is not None and text is not None:
                self.add(ctx, text, node, "noop alias")
        elif name in self.wrappers and isinstance(node.func, ast.Name) and args:
            text = _const(args[0])
            if text is not None:
                self.add(self.wrappers[name], text, node, f"wrapper {name}()")
        self.generic_visit(node)


CYRILLIC_RE = re.compile("[А-Яа-яІіЇїЄєҐґ]")


def hardcoded_texts(root: Path = SOURCES) -> list[tuple[str, int, str]]:
    """Ukrainian string literals in ui/ that no translation call or QT_TRANSLATE_NOOP marks (an audit aid)."""
    out = []
    for path in sorted(root.rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        marked: set[int] = set()
        docstrings: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _func_name(node) in {"tr", "translate", "QT_TRANSLATE_NOOP", "_N", "_tr"}:
                for arg in node.args:
                    for sub in ast.walk(arg):
                        marked.add(id(sub))
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    docstrings.add(id(first.value))
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            text = _const(node)
            if text and CYRILLIC_RE.search(text) and id(node) not in marked and id(node) not in docstrings:
                out.append((rel, getattr(node, "lineno", 0), text))
    return sorted(out)


def scan_sources(root: Path = SOURCES) -> tuple[list[Found], list[tuple[str, int, str]]]:
    """Every literal text the UI translates at run time, and the tr() calls with computed text."""
    found: list[Found] = []
    dynamic: list[tuple[str, int, str]] = []
    for path in sorted(root.rglob("*.py")):
        rel = "../../" + path.relative_to(ROOT).as_posix()
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError as exc:  # someone is mid-edit; lupdate will complain too
            print(f"warning: cannot parse {path}: {exc}", file=sys.stderr)
            continue
        scanner = _Scanner(tree, rel)
        scanner.visit(tree)
        found += scanner.found
        dynamic += [(rel, line, code) for line, code in scanner.dynamic]
    return found, dynamic


# --------------------------------------------------------------------------- .ts editing


@dataclass
class Message:
    context: str
    source: str
    translation: str
    finished: bool
    locations: list[tuple[str, int]]


def read_messages(text: str) -> list[Message]:
    out = []
    for cm in CONTEXT_RE.finditer(text):
        ctx = html.unescape(cm.group("name"))
        for mm in MESSAGE_RE.finditer(cm.group("body")):
            body = mm.group("body")
            src = re.search(r"<source>(.*?)</source>", body, re.S)
            tr = TRANSLATION_RE.search(body)
            locs = [(f, int(n)) for f, n in re.findall(r'<location filename="([^"]*)" line="(\d+)"', body)]
            if src is None or tr is None:
                continue
            out.append(Message(
                ctx, html.unescape(src.group(1)), html.unescape(tr.group("text") or ""),
                "unfinished" not in tr.group("attrs") and "vanished" not in tr.group("attrs")
                and "obsolete" not in tr.group("attrs"), locs))
    return out


def _message_xml(found: list[Found], indent: str = "    ") -> str:
    first = found[0]
    locs = "".join(f'{indent}    <location filename="{escape(f.file)}" line="{f.line}"/>\n' for f in found)
    return (f"{indent}<message>\n{locs}{indent}    <source>{escape_text(first.source)}</source>\n"
            f'{indent}    <translation type="unfinished"></translation>\n{indent}</message>\n')


def add_missing(text: str, missing: dict[tuple[str, str], list[Found]]) -> str:
    """Insert messages into their contexts (new contexts in name order, as lupdate sorts them)."""
    by_ctx: dict[str, list[list[Found]]] = {}
    for (ctx, _src), founds in missing.items():
        by_ctx.setdefault(ctx, []).append(founds)
    for ctx, groups in sorted(by_ctx.items()):
        block = "".join(_message_xml(g) for g in groups)
        match = next((m for m in CONTEXT_RE.finditer(text) if html.unescape(m.group("name")) == ctx), None)
        if match is not None:
            end = match.end() - len("</context>")
            text = text[:end] + block + text[end:]
            continue
        new = f"<context>\n    <name>{escape_text(ctx)}</name>\n{block}</context>\n"
        after = next((m for m in CONTEXT_RE.finditer(text) if html.unescape(m.group("name")) > ctx), None)
        pos = after.start() if after is not None else text.rindex("</TS>")
        text = text[:pos] + new + text[pos:]
    return text


def apply_dictionary(text: str, dictionary: Dictionary) -> tuple[str, list[dict[str, str]]]:
    """Write the dictionary's English into every message; return the text and what is still missing."""
    missing: list[dict[str, str]] = []

    def fix_context(cm: re.Match[str]) -> str:
        ctx = html.unescape(cm.group("name"))

        def fix_message(mm: re.Match[str]) -> str:
            body = mm.group("body")
            src_match = re.search(r"<source>(.*?)</source>", body, re.S)
            tr_match = TRANSLATION_RE.search(body)
            if src_match is None or tr_match is None or "numerus" in mm.group("attrs"):
                return mm.group(0)
            src = html.unescape(src_match.group(1))
            english = dictionary.lookup(ctx, src)
            if english is None:
                current = html.unescape(tr_match.group("text") or "")
                if current and "unfinished" not in tr_match.group("attrs"):
                    return mm.group(0)  # translated in Linguist by hand: keep it
                loc = re.search(r'<location filename="([^"]*)" line="(\d+)"', body)
                missing.append({"context": ctx, "source": src,
                                "location": f"{loc.group(1)[6:]}:{loc.group(2)}" if loc else ""})
                return mm.group(0)
            new_tr = f"<translation>{escape_text(english)}</translation>"
            body = body[:tr_match.start()] + new_tr + body[tr_match.end():]
            return f"{mm.group('indent')}<message{mm.group('attrs')}>{body}</message>"

        head = cm.group(0)[:cm.start("body") - cm.start()]
        return head + MESSAGE_RE.sub(fix_message, cm.group("body")) + "</context>"

    return CONTEXT_RE.sub(fix_context, text), missing


def extras_as_found(dictionary: Dictionary) -> list[Found]:
    return [Found(e["context"], e["source"], "../../" + e.get("file", "ui"), int(e.get("line", 0)), "extra")
            for e in dictionary.extras]


def fill(ts: Path = TS, dictionary_path: Path = DICTIONARY, *, scan: bool = True,
         verbose: bool = True) -> list[dict[str, str]]:
    dictionary = Dictionary.load(dictionary_path)
    text = ts.read_text(encoding="utf-8")
    present = {(m.context, m.source) for m in read_messages(text)}
    found = (scan_sources()[0] if scan else []) + extras_as_found(dictionary)
    missing: dict[tuple[str, str], list[Found]] = {}
    for f in found:
        if (f.context, f.source) not in present:
            missing.setdefault((f.context, f.source), []).append(f)
    if missing:
        text = add_missing(text, missing)
        if verbose:
            print(f"added {len(missing)} message(s) that lupdate does not see")
    text, untranslated = apply_dictionary(text, dictionary)
    ts.write_text(text, encoding="utf-8")
    return untranslated


def merge(dictionary_path: Path, new_path: Path) -> None:
    """Merge ``[{"context", "source", "english", "per_context"?}]`` into the dictionary."""
    dictionary = Dictionary.load(dictionary_path)
    for item in json.loads(new_path.read_text(encoding="utf-8")):
        english = item.get("english") or item.get("translation")
        if not english:
            continue
        if item.get("per_context"):
            dictionary.by_context.setdefault(item["context"], {})[item["source"]] = english
        else:
            dictionary.by_source[item["source"]] = english
    dictionary.save(dictionary_path)


def placeholder_problems(messages: list[Message]) -> Iterator[str]:
    for m in messages:
        if not m.translation:
            continue
        for ph in set(PLACEHOLDER_RE.findall(m.source)):
            if ph not in m.translation:
                yield f"{m.context}: {m.source!r} -> {m.translation!r} lacks {ph}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ts", type=Path, default=TS)
    parser.add_argument("--dictionary", type=Path, default=DICTIONARY)
    parser.add_argument("--missing", type=Path, help="write untranslated messages here as JSON")
    parser.add_argument("--merge", type=Path, help="merge translated JSON (as written by --missing) first")
    parser.add_argument("--no-scan", action="store_true", help="do not add messages found by reading ui/")
    parser.add_argument("--dynamic", action="store_true", help="list tr() calls whose text is computed")
    parser.add_argument("--hardcoded", action="store_true", help="list Ukrainian literals no tr() marks")
    args = parser.parse_args(argv)
    if args.hardcoded:
        for rel, line, text in hardcoded_texts():
            print(f"{rel}:{line}: {text!r}")
        return 0
    if args.dynamic:
        for rel, line, code in scan_sources()[1]:
            print(f"{rel[6:]}:{line}: {code}")
        return 0
    if args.merge:
        merge(args.dictionary, args.merge)
    untranslated = fill(args.ts, args.dictionary, scan=not args.no_scan)
    messages = read_messages(args.ts.read_text(encoding="utf-8"))
    for problem in placeholder_problems(messages):
        print("placeholder:", problem)
    done = sum(m.finished for m in messages)
    print(f"{len(messages)} messages, {done} finished, {len(untranslated)} without English")
    if args.missing:
        args.missing.write_text(json.dumps(untranslated, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for item in untranslated[:50]:
        print(f"  missing: [{item['context']}] {item['source']!r}  ({item['location']})")
    return 0 if not untranslated else 1


if __name__ == "__main__":
    sys.exit(main())
