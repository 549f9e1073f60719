"""Make the Simplified Chinese font the standalone build ships (issue 7).

A Linux machine with no CJK font prints Chinese as empty boxes, in the window and in the
PDFs. The standalone program therefore carries its own font: the SC face of Noto Sans CJK
(SIL Open Font License 1.1), cut down to the characters Passage can show, which keeps it
at a few MB instead of 20 MB per weight:

- every character of GB 2312 (the 6,763 common hanzi plus its symbols), so a name or a
  note the person types still renders;
- every character in the shipped text (content, questionnaire, seeds, translations,
  templates, and the Chinese strings in the code);
- Latin, punctuation and the few symbols the interface uses.

The source is Debian's ``fonts-noto-cjk`` package (a TrueType collection; the SC face is
taken out of it by name, not by position). The subset is renamed "Passage Sans SC", so
Qt can tell it from a full Noto Sans CJK the system may also have: asked for "Noto Sans
CJK SC", Qt takes the system's 20 MB collection over an application font of the same
name, which costs about 10 MiB and tens of milliseconds before the window's first paint
(issue 8). The OFL asks a modified font to carry its own name; the glyphs are unchanged.
The SIL OFL text goes next to the fonts, as the licence requires.

The output is a build product (``resources/fonts/`` by default, not committed). A stamp
records what went in, so an unchanged build skips the work (about 8 s otherwise).

Usage: python tools/make_font_subset.py [--out DIR] [--force]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "resources" / "fonts"
FAMILY = "Noto Sans CJK SC"  # the face taken from the collection
SUBSET_FAMILY = "Passage Sans SC"  # the name the subset carries (see above)
WEIGHTS = {"Regular": "PassageSansSC-Regular.otf", "Bold": "PassageSansSC-Bold.otf"}
# Name records that carry the family (1, 16), the full name (4), the unique id (3) and the
# PostScript name (6): renamed. Copyright, trademark and licence records stay as they are.
RENAMED_NAME_IDS = {1, 3, 4, 6, 16, 17, 18, 21}
SOURCE_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),  # Debian / Ubuntu: fonts-noto-cjk
    Path("/usr/share/fonts/noto-cjk"),  # Fedora / Arch
)
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
LICENCE_NAME = "OFL.txt"
STAMP_NAME = ".subset-stamp.json"

# Shipped text whose characters must all be in the font (globs relative to the repo).
TEXT_GLOBS = (
    "resources/**/*.yaml",
    "resources/**/*.yml",
    "resources/**/*.md",
    "resources/translations/*.ts",
    "resources/templates/**/*",
    "seeds/*.yaml",
    "desktop/**/*.py",
)

# Beyond GB 2312: Latin for English text in the same family, and interface symbols.
EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 Supplement, Latin Extended-A (names, é, ü, ...)
    (0x2010, 0x2027),  # dashes, quotes, bullets, ellipsis
    (0x2030, 0x203B),  # per mille, primes, guillemets, reference mark
    (0x2190, 0x2199),  # arrows
    (0x2460, 0x2473),  # circled numbers ①-⑳
    (0x25A0, 0x25CF),  # squares, triangles, circles (checkbox-like marks)
    (0x2610, 0x2612),  # ballot boxes
    (0x2713, 0x2717),  # check marks and crosses
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE6),  # full-width currency signs
)
EXTRA_CHARS = "€™©®°±×÷•·…‰"
LAYOUT_FEATURES = ["ccmp", "kern", "liga", "calt", "mark", "mkmk", "palt", "halt"]


def gb2312_characters() -> set[str]:
    """All characters GB 2312 encodes (rows 0xA1-0xF7, cells 0xA1-0xFE)."""
    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # unassigned cell
    return chars


def text_files(root: Path = ROOT) -> list[Path]:
    files: set[Path] = set()
    for pattern in TEXT_GLOBS:
        files.update(p for p in root.glob(pattern) if p.is_file())
    return sorted(files)


def content_characters(root: Path = ROOT) -> set[str]:
    """Every non-ASCII character in the shipped text files under ``root``."""
    chars: set[str] = set()
    for path in text_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a binary file among the templates (an image): no text in it
        chars.update(ch for ch in text if ord(ch) > 0x7E)
    # Line breaks and format controls (a BOM, say) are not glyphs.
    return {ch for ch in chars if ch.isprintable() and not ch.isspace()}


def wanted_characters(root: Path = ROOT) -> set[str]:
    chars = gb2312_characters() | content_characters(root) | set(EXTRA_CHARS)
    for lo, hi in EXTRA_RANGES:
        chars.update(chr(cp) for cp in range(lo, hi + 1))
    return chars


def find_source(weight: str, source_dirs: Iterable[Path] = SOURCE_DIRS) -> Path:
    for folder in source_dirs:
        for name in (f"NotoSansCJK-{weight}.ttc", f"NotoSansCJKsc-{weight}.otf"):
            if (folder / name).is_file():
                return folder / name
    raise SystemExit(
        f"cannot find Noto Sans CJK {weight} (looked in {', '.join(map(str, source_dirs))}); "
        "on Debian or Ubuntu: apt-get install fonts-noto-cjk"
    )


def open_sc_face(path: Path):
    """The Simplified Chinese face of a collection (or the font itself if it is one)."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        with TTCollection(str(path), lazy=True) as collection:
            names = [face["name"].getDebugName(1) for face in collection.fonts]
        if FAMILY not in names:
            raise SystemExit(f"{path} has no face named {FAMILY!r}")
        return TTFont(str(path), fontNumber=names.index(FAMILY), recalcBBoxes=False)
    font = TTFont(str(path), recalcBBoxes=False)
    if font["name"].getDebugName(1) != FAMILY:
        raise SystemExit(f"{path} is not {FAMILY}")
    return font


def subset_face(source: Path, chars: set[str], out: Path, first: str = "") -> tuple[int, set[str]]:
    """Write the subset of ``source``'s SC face to ``out``.

    Returns the glyph count and the wanted characters the font does not have (emoji,
    say), which then fall back to another font at run time.
    """
    from fontTools import subset

    font = open_sc_face(source)
    cmap = font.getBestCmap()
    missing = {ch for ch in chars if ord(ch) not in cmap}
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the family, style, copyright and licence names
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True  # an unknown character shows as a box, not as nothing
    # Each glyph's outline whole, without calls into shared subroutines: drawing a
    # screen of text then reads only the glyphs' own bytes (see put_glyphs_first), for
    # 1.5 % more file. The outlines are the same (tests/packaging checks them).
    options.desubroutinize = True
    # Horizontal Simplified Chinese only: the 'locl' and vertical features would pull in
    # the Japanese, Korean and Traditional variants (6,000 more glyphs) for nothing.
    options.layout_features = LAYOUT_FEATURES
    options.drop_tables = [*options.drop_tables, "vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(ch) for ch in chars if ord(ch) in cmap])
    subsetter.subset(font)
    rename_subset(font)
    put_glyphs_first(font, first)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    font.save(str(tmp))
    tmp.replace(out)
    return len(font.getGlyphOrder()), missing


def put_glyphs_first(font, text: str) -> None:
    """Store the glyphs of ``text`` (the interface's own words) first, side by side.

    The operating system maps a font file into memory 64 KB at a time around each
    glyph read. In the upstream order a screen of Chinese touches glyphs spread over
    the whole 1.8 MB outline table, and so maps nearly all of it: about 3 MiB of the
    first paint's memory for the two weights (issue 8). With the interface's glyphs
    together at the front, the same screen maps a few of those windows.
    """
    from fontTools.ttLib.reorderGlyphs import reorderGlyphs

    order = font.getGlyphOrder()
    cmap = font.getBestCmap()
    front = [order[0]]  # .notdef stays glyph 0
    seen = set(front)
    for ch in text:
        name = cmap.get(ord(ch))
        if name is not None and name not in seen:
            seen.add(name)
            front.append(name)
    new_order = front + [g for g in order if g not in seen]
    # A CID-keyed CFF (Noto CJK is one) says per glyph which font dict (and so which
    # local subroutines) it uses; reorderGlyphs leaves that list (FDSelect) in the old
    # order, which would draw 700 glyphs with the wrong subroutines. Reorder it too.
    top = font["CFF "].cff.topDictIndex[0] if "CFF " in font else None
    fd_select = getattr(top, "FDSelect", None)
    fd_of = dict(zip(order, fd_select.gidArray, strict=True)) if fd_select else None
    reorderGlyphs(font, new_order)
    if fd_select is not None and fd_of is not None:
        fd_select.gidArray = [fd_of[g] for g in new_order]


def interface_text(root: Path = ROOT) -> str:
    """The Chinese the interface shows, in the order it appears in the catalogue."""
    import xml.etree.ElementTree as ET

    text = []
    for path in sorted((root / "resources" / "translations").glob("*_zh_CN.ts")):
        for translation in ET.parse(path).getroot().iter("translation"):
            text.append("".join(translation.itertext()))
    return "".join(text)


def rename_subset(font) -> None:
    """Give the subset its own family name and say what it is (nameID 5, the version)."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    postscript_old = FAMILY.replace(" ", "").replace("CJKSC", "CJKsc")  # NotoSansCJKsc
    postscript_new = SUBSET_FAMILY.replace(" ", "")  # PassageSansSC
    for record in name.names:
        if record.nameID == 5:
            record.string = f"{version}; Passage subset (GB 2312 + content)"
        elif record.nameID in RENAMED_NAME_IDS:
            text = record.toUnicode()
            text = text.replace(FAMILY, SUBSET_FAMILY).replace(postscript_old, postscript_new)
            record.string = text
    if "CFF " in font:  # the CFF table names the font too (the collection's JP master)
        postscript = name.getDebugName(6) or f"{postscript_new}-Regular"
        full = name.getDebugName(4) or SUBSET_FAMILY
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        for top in cff.topDictIndex:
            top.FullName = full
            top.FamilyName = SUBSET_FAMILY


def licence_text(font_copyright: str, source: Path) -> str:
    """The OFL file that travels with the fonts: what they are, and the licence itself."""
    header = (
        f"{SUBSET_FAMILY} (Regular and Bold), as shipped with Passage\n\n"
        f"A subset of the Simplified Chinese face of Noto Sans CJK (source: {source.name}\n"
        "from the Debian package fonts-noto-cjk; upstream "
        "https://github.com/notofonts/noto-cjk),\n"
        "cut down to GB 2312 and the characters of Passage's text. No glyph was changed;\n"
        f"the family is renamed {SUBSET_FAMILY!r}, as the licence asks of a modified font.\n\n"
        f"Copyright: {font_copyright}\n"
        "This font, and any change to it, stays under the SIL Open Font License:\n\n"
    )
    if DEBIAN_COPYRIGHT.is_file():
        text = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
        match = re.search(r"^License: SIL-1\.1\n((?: .*\n?)+)", text, re.MULTILINE)
        if match:
            body = "\n".join(
                "" if line.strip() == "." else line[1:] for line in match.group(1).splitlines()
            )
            return header + body.rstrip() + "\n"
    raise SystemExit(
        f"cannot find the SIL OFL 1.1 text ({DEBIAN_COPYRIGHT} is missing): install "
        "fonts-noto-cjk, which carries it"
    )


def _stamp(chars: set[str], sources: dict[str, Path], first: str = "") -> dict:
    import fontTools

    return {
        "chars": hashlib.sha256("".join(sorted(chars)).encode()).hexdigest(),
        "first": hashlib.sha256(first.encode()).hexdigest(),
        "sources": {
            w: [str(p), p.stat().st_size, int(p.stat().st_mtime)] for w, p in sources.items()
        },
        "fonttools": fontTools.version,
        "tool": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    }


def make_subset(
    out_dir: Path = DEFAULT_OUT, *, force: bool = False, root: Path = ROOT
) -> list[Path]:
    """Build the subset fonts (if their inputs changed) and return their paths."""
    chars = wanted_characters(root)
    sources = {weight: find_source(weight) for weight in WEIGHTS}
    outputs = [out_dir / name for name in WEIGHTS.values()]
    stamp_path = out_dir / STAMP_NAME
    first = interface_text(root)
    stamp = _stamp(chars, sources, first)
    if (
        not force
        and all(p.is_file() for p in outputs)
        and (out_dir / LICENCE_NAME).is_file()
        and stamp_path.is_file()
        and json.loads(stamp_path.read_text(encoding="utf-8")) == stamp
    ):
        print(f"font subset up to date in {out_dir}")
        return outputs
    started = time.perf_counter()
    # One process per weight: each takes about 6 s of CPU, and CI has two cores.
    with ProcessPoolExecutor(max_workers=len(WEIGHTS)) as pool:
        jobs = [
            pool.submit(subset_face, source, chars, out, first)
            for source, out in zip(sources.values(), outputs, strict=True)
        ]
        results = [job.result() for job in jobs]
    content_missing: set[str] = set()
    text_chars = content_characters(root)
    for weight, out, (glyphs, missing) in zip(WEIGHTS, outputs, results, strict=True):
        content_missing |= missing & text_chars
        print(f"{out.name}: {glyphs} glyphs, {out.stat().st_size / 1e6:.1f} MB ({weight})")
    from fontTools.ttLib import TTFont

    copyright_line = TTFont(str(outputs[0]))["name"].getDebugName(0) or ""
    (out_dir / LICENCE_NAME).write_text(licence_text(copyright_line, sources["Regular"]), "utf-8")
    stamp_path.write_text(json.dumps(stamp, indent=1), encoding="utf-8")
    if content_missing:
        shown = " ".join(sorted(content_missing))
        print(f"note: {len(content_missing)} character(s) of the text are not in {FAMILY}: {shown}")
    print(f"font subset made in {time.perf_counter() - started:.1f} s")
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    make_subset(args.out, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
