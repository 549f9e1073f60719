"""Smoke test of the built standalone program (``./dev smoke``: builds if needed, then this).

Runs ``dist/passage/passage`` as a person's machine would, never the checkout's Python:
headless (offscreen) and, where Xvfb exists, in a real X11 window; with a temporary data
folder; in both languages. Any Python traceback or Qt warning on stderr fails the test.
Chinese in the frozen program's PDFs is checked with no system CJK font visible (a
private fontconfig that only knows DejaVu), so only the bundled font can draw it.

Marked ``slow_bundle``: the default test run deselects these (pyproject's addopts).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import desktop
from tests.conftest import REPO

pytestmark = pytest.mark.slow_bundle

DIST = REPO / "dist" / "passage"
# On Windows the windowed passage.exe has no stdout; its console twin shares every file.
EXE = DIST / ("passage-cli.exe" if os.name == "nt" else "passage")
# Printed by Qt's offscreen platform plugin on every window; not a problem of ours.
HARMLESS = (re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),)
ANSWERS = {"schema": 1, "lang": "zh", "answers": {"destination": "japan", "age": 30}}


@pytest.fixture(scope="module")
def exe() -> Path:
    if not EXE.is_file():
        pytest.skip(f"no bundle at {DIST}: run ./dev bundle (./dev smoke does it)")
    return EXE


def clean_env(**extra: str) -> dict[str, str]:
    """The test's environment (HOME and XDG in a temporary place) plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_"))}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


def run(exe: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 60):
    out = subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env or clean_env(),
        timeout=timeout,
    )
    assert_clean_stderr(out.stderr)
    return out


def assert_clean_stderr(stderr: str) -> None:
    """No traceback and no Qt warning: every stderr line must be a known harmless one."""
    assert "Traceback" not in stderr, stderr
    unexpected = [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.match(line.strip()) for p in HARMLESS)
    ]
    assert not unexpected, "unexpected output on stderr:\n" + "\n".join(unexpected)


# ------------------------------------------------------------------------- basics
def test_version_matches_the_source(exe):
    out = run(exe, "--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"{desktop.APP_NAME} {desktop.__version__}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_self_test_opens_the_window(exe, tmp_path, lang):
    data = tmp_path / "data"
    out = run(exe, "--data-dir", str(data), "--lang", lang, "--self-test")
    assert out.returncode == 0, out.stdout
    assert "self-test ok" in out.stdout
    assert any(data.iterdir()), "the data folder stayed empty"
    # PySide6's support code came from the cache build.py put in the bundle, all of it.
    found = re.search(r"support code: (\d+) of (\d+) modules from the cache", out.stdout)
    assert found and found.group(1) == found.group(2) and int(found.group(1)) >= 10, out.stdout


def test_self_test_in_a_real_x11_window(exe, tmp_path):
    with xvfb() as display:
        env = clean_env(QT_QPA_PLATFORM="xcb", DISPLAY=display)
        out = run(exe, "--data-dir", str(tmp_path / "d"), "--self-test", env=env)
    assert out.returncode == 0, out.stdout
    assert "self-test ok" in out.stdout


def test_advise_answers_from_the_bundled_content(exe, tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    data = str(tmp_path / "d")
    out = run(exe, "--data-dir", data, "--lang", "zh", "advise", "--answers", str(answers))
    assert out.returncode == 0
    assert re.search(r"[\u4e00-\u9fff]{4}", out.stdout), out.stdout[:500]


# ------------------------------------------------------------------------- portable mode
@pytest.fixture
def portable_copy(exe) -> Iterator[Path]:
    """The bundle, hard-linked into a scratch folder beside dist/ (same disk, ~no space).

    The portable marker is tried on this copy, so a failed test can never leave a
    ``portable`` file or a ``PassageData`` folder in the real dist/passage.
    """
    scratch = REPO / "build" / "smoke-portable"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        shutil.copytree(DIST, scratch / "passage", symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(DIST, scratch / "passage", symlinks=True)
    yield scratch / "passage" / exe.name
    shutil.rmtree(scratch, ignore_errors=True)


def test_portable_marker_keeps_data_beside_the_program(portable_copy, tmp_path):
    folder = portable_copy.parent
    (folder / "portable").write_text("", encoding="utf-8")
    home = tmp_path / "home"
    env = clean_env(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    out = run(portable_copy, "--self-test", env=env)
    assert out.returncode == 0
    data = folder / "PassageData"
    assert data.is_dir() and any(data.iterdir()), "no data beside the program"
    assert str(data) in out.stdout  # the self-test names the folder it used
    assert not (home / ".local" / "share" / "Passage").exists(), "data went to the user folder"


# ------------------------------------------------------------------------- PDFs
@pytest.fixture(scope="module")
def checklist_command(exe) -> None:
    out = run(exe, "--help")
    # The command's own line in the list of commands, not the word anywhere in the help.
    if not re.search(r"^\s+checklist\s", out.stdout, re.MULTILINE):
        pytest.skip(
            "this build has no `passage checklist` command yet (desktop/render/cli.py is "
            "not wired into desktop/cli.py), so the frozen PDF cannot be made"
        )


@pytest.fixture
def no_cjk_fonts(tmp_path) -> dict[str, str]:
    """An environment whose fontconfig sees DejaVu only: like a Linux with no CJK font."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    dirs = f"<dir>{dejavu}</dir>" if dejavu.is_dir() else ""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{dirs}<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = clean_env(FONTCONFIG_FILE=str(conf))
    if shutil.which("fc-list"):
        listed = subprocess.run(
            ["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True, env=env
        ).stdout
        assert not listed.strip(), f"the private fontconfig still sees CJK fonts: {listed}"
    return env


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checklist_pdf_uses_the_bundled_font(exe, checklist_command, no_cjk_fonts, tmp_path, lang):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts is missing (apt-get install poppler-utils)")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**ANSWERS, "lang": lang}), encoding="utf-8")
    pdf = tmp_path / f"checklist-{lang}.pdf"
    started = time.perf_counter()
    out = run(
        exe,
        "--data-dir",
        str(tmp_path / "d"),
        "checklist",
        "--answers",
        str(answers),
        "--out",
        str(pdf),
        env=no_cjk_fonts,
    )
    assert out.returncode == 0, out.stdout
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert time.perf_counter() - started < 30
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "the PDF has no fonts"
    if lang == "zh":
        cjk = [r for r in rows if "PassageSansSC" in r]
        assert cjk, f"the bundled Passage Sans SC is not embedded:\n{fonts.stdout}"
        assert all(" yes " in r for r in cjk), f"not embedded:\n{fonts.stdout}"
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            assert re.search(r"[\u4e00-\u9fff]{4}", text), text[:300]


# ------------------------------------------------------------------------- contents
def test_bundle_ships_what_it_needs_and_nothing_dangling(exe):
    internal = DIST / "_internal"
    assert (internal / "resources" / "fonts" / "OFL.txt").is_file()
    assert sorted(p.name for p in (internal / "resources" / "fonts").glob("*.otf")) == [
        "PassageSansSC-Bold.otf",
        "PassageSansSC-Regular.otf",
    ]
    assert list((internal / "resources" / "translations").glob("*.qm"))
    assert not list((internal / "resources").rglob("*.ts"))
    assert (internal / "seeds").is_dir()
    qt_tr = sorted(p.name for p in internal.rglob("PySide6/**/translations/*.qm"))
    assert qt_tr == ["qtbase_en.qm", "qtbase_zh_CN.qm"]
    broken = [str(p) for p in DIST.rglob("*") if p.is_symlink() and not p.exists()]
    assert not broken, broken
    assert not list(internal.rglob("*wayland*")), "Wayland plugins should be filtered out"
    if sys.platform.startswith("linux"):
        sys.path.insert(0, str(REPO / "packaging"))
        from bundle_filters import missing_libraries

        assert missing_libraries(DIST) == {}
    if sys.platform.startswith("linux"):
        assert os.access(exe, os.X_OK)
        assert (DIST / "passage.desktop").is_file() and (DIST / "passage.png").is_file()


# ------------------------------------------------------------------------- helpers
@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb server for one test; skips the test when Xvfb is not installed."""
    binary = shutil.which("Xvfb")
    if not binary:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    number = next(n for n in range(121, 200) if not Path(f"/tmp/.X{n}-lock").exists())
    proc = subprocess.Popen(
        [binary, f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        else:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
