"""Fill translations into a Qt .ts file from a YAML mapping (a translator's helper).

    .venv/bin/python tools/ts_fill.py resources/translations/passage_zh_CN.ts new.yaml

new.yaml maps an English source string to its translation, either flat
(``"Home": "首页"``) or per context (``HomePage: {"Welcome": "欢迎"}``). Filled messages
lose their "unfinished" mark. ``--list`` prints the sources still untranslated.
The .ts file stays the one source of truth; this only edits it.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml


def untranslated(root: ET.Element) -> list[tuple[str, str]]:
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                out.append((name, msg.findtext("source") or ""))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("ts", type=Path)
    ap.add_argument("mapping", type=Path, nargs="?")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    tree = ET.parse(args.ts)
    root = tree.getroot()
    if args.list or not args.mapping:
        for ctx, src in untranslated(root):
            print(f"{ctx}\t{src!r}")
        return 0
    mapping = yaml.safe_load(args.mapping.read_text(encoding="utf-8")) or {}
    filled = 0
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        per_ctx = mapping.get(name) if isinstance(mapping.get(name), dict) else {}
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            text = per_ctx.get(src) or (
                mapping.get(src) if isinstance(mapping.get(src), str) else None
            )
            if not text:
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.text = text
            tr.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    with open(args.ts, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    left = untranslated(root)
    print(f"filled {filled}; still untranslated: {len(left)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
