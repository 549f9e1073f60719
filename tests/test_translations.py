"""Every string the interface shows has a Chinese translation, and the .ts file is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

from tests.conftest import REPO

TS = REPO / "resources" / "translations" / "passage_zh_CN.ts"


def _messages(path):
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg


def test_every_ui_string_has_a_chinese_translation():
    missing = [
        f"{ctx}: {msg.findtext('source')!r}"
        for ctx, msg in _messages(TS)
        if msg.find("translation") is None
        or msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (msg.findtext("translation") or "").strip()
    ]
    assert not missing, "untranslated strings:\n" + "\n".join(missing)


def test_ts_file_lists_every_string_in_the_code(tmp_path):
    """Run lupdate on the code into a copy: no new source string may appear."""
    sys.path.insert(0, str(REPO / "tools"))
    from compile_translations import python_sources, qt_tool

    copy = tmp_path / "copy.ts"
    shutil.copy(TS, copy)
    subprocess.run(
        [
            qt_tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *python_sources(),
            "-ts",
            str(copy),
        ],
        cwd=REPO,
        check=True,
    )
    have = {(c, m.findtext("source")) for c, m in _messages(TS)}
    new = sorted({(c, m.findtext("source")) for c, m in _messages(copy)} - have)
    assert not new, "strings missing from the .ts file (run ./dev lupdate):\n" + "\n".join(
        map(str, new)
    )


def test_placeholders_survive_translation():
    """%1 and {name} markers must stay in the translation, or text would be lost."""
    import re

    bad = []
    for ctx, msg in _messages(TS):
        src, tr = msg.findtext("source") or "", msg.findtext("translation") or ""
        for marker in re.findall(r"%\d|\{\w+\}", src):
            if marker not in tr:
                bad.append(f"{ctx}: {src!r} lacks {marker}")
    assert not bad, "\n".join(bad)


def test_mnemonics_survive_translation():
    bad = [
        f"{ctx}: {msg.findtext('source')!r}"
        for ctx, msg in _messages(TS)
        if "&" in (msg.findtext("source") or "").replace("&&", "")
        and "&" not in (msg.findtext("translation") or "")
    ]
    assert not bad, "\n".join(bad)
