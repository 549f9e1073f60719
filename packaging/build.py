"""Build the standalone program: ``dist/passage/`` (what ``./dev bundle`` runs).

Steps, each skipped when its output is up to date:

1. the inputs that are not in git: compiled translations (.qm), the Chinese font subset
   (``resources/fonts/``), the icons (``build/icons/``), PySide6's compiled support code
   (``build/pyside-support/``, see ``desktop/pyside_boot.py``);
2. PyInstaller with ``packaging/passage.spec`` -> ``dist/passage/``;
3. with ``--bare``: the yardstick, a bare PySide6 window built with the same spec and
   filters -> ``build/bare/dist/hello/``;
4. with ``--figures FILE``: sizes, start-up times and the glibc floor of both, as a
   Markdown snippet for the README.

``--if-needed`` skips step 2 when the bundle is newer than every file that goes into it
(``./dev smoke`` uses it). Works on Windows and macOS too (steps 1-3; the figures are
Linux-only), with the font subset made beforehand on Linux (see packaging/ci/build.yml).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BARE_DIST = ROOT / "build" / "bare" / "dist"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
PASSAGE_EXE = DIST / "passage" / f"passage{EXE_SUFFIX}"
HELLO_EXE = BARE_DIST / "hello" / f"hello{EXE_SUFFIX}"
# The offscreen platform plugin says this about itself on every start; it is not ours.
HARMLESS_STDERR = ("This plugin does not support propagateSizeHints",)


def log(message: str) -> None:
    print(f"[bundle] {message}", file=sys.stderr, flush=True)


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


# --------------------------------------------------------------------------- building
def prepare() -> None:
    """The build inputs that are made, not committed."""
    run(sys.executable, "tools/compile_translations.py")
    fonts = ROOT / "resources" / "fonts"
    if sys.platform.startswith("linux") or not list(fonts.glob("*.otf")):
        run(sys.executable, "tools/make_font_subset.py")
    run(sys.executable, HERE / "make_icons.py", ROOT / "build" / "icons")
    support_code_cache()


SUPPORT_CACHE_DIR = ROOT / "build" / "pyside-support"


def support_code_cache() -> None:
    """PySide6's support code, compiled once for the bundle (desktop/pyside_boot.py):
    the built program reads it and never writes it. Made by this same interpreter, which
    is the one PyInstaller bundles, so the code matches."""
    shutil.rmtree(SUPPORT_CACHE_DIR, ignore_errors=True)
    code = (
        "import sys, os\n"
        "from desktop.pyside_boot import CACHE_NAME, import_pyside\n"
        "report = import_pyside(os.path.join(sys.argv[1], CACHE_NAME), write=True)\n"
        "sys.exit(0 if report.cache_written else 'PySide6 support code: nothing to cache')\n"
    )
    run(sys.executable, "-c", code, SUPPORT_CACHE_DIR)


def bundle_inputs() -> Iterator[Path]:
    for folder in ("desktop", "resources", "seeds", "packaging"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path


def up_to_date(exe: Path) -> bool:
    if not exe.is_file():
        return False
    built = exe.stat().st_mtime
    return all(p.stat().st_mtime <= built for p in bundle_inputs())


def pyinstaller(variant: str) -> Path:
    if variant == "passage":
        dist, work, exe = DIST, ROOT / "build" / "pyinstaller", PASSAGE_EXE
    else:
        dist, work, exe = BARE_DIST, ROOT / "build" / "bare" / "work", HELLO_EXE
    started = time.perf_counter()
    args = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(HERE / "passage.spec"),
    ]  # fmt: skip
    if variant != "passage":
        args += ["--", "--variant", variant]
    run(*args)
    if sys.platform.startswith("linux"):
        sys.path.insert(0, str(HERE))
        from bundle_filters import missing_libraries

        missing = missing_libraries(exe.parent)
        if missing:
            lines = [f"  {lib} (needed by {', '.join(u[:3])})" for lib, u in missing.items()]
            raise SystemExit(
                "the bundle links to libraries the build machine does not have; install "
                "them and build again (Debian: ./dev bundle installs them):\n" + "\n".join(lines)
            )
    exe.touch()  # the build time, for --if-needed
    log(f"{variant}: built {exe.parent} in {time.perf_counter() - started:.0f} s")
    return exe


# --------------------------------------------------------------------------- figures
def folder_size(folder: Path) -> int:
    """Bytes as ``du -sb`` counts them (files, links and folders, apparent sizes)."""
    if shutil.which("du"):
        out = subprocess.run(["du", "-sb", str(folder)], capture_output=True, text=True)
        if out.returncode == 0:
            return int(out.stdout.split()[0])
    total = folder.lstat().st_size
    for path in folder.rglob("*"):
        total += path.lstat().st_size
    return total


def file_count(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def glibc_floor(folder: Path) -> tuple[str, str]:
    """The highest GLIBC_x.y symbol version any bundled ELF file needs, and which file."""
    best: tuple[int, ...] = (0,)
    where = ""
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with open(path, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True)
        for match in re.finditer(r"GLIBC_(\d+(?:\.\d+)+)", out.stdout):
            version = tuple(int(x) for x in match.group(1).split("."))
            if version > best:
                best, where = version, str(path.relative_to(folder))
    return ".".join(map(str, best)), where


@contextmanager
def xvfb() -> Iterator[str | None]:
    """A private X server for real-window timings; yields its DISPLAY, or None."""
    binary = shutil.which("Xvfb")
    if not binary:
        yield None
        return
    for number in range(91, 120):
        if not Path(f"/tmp/.X{number}-lock").exists():
            break
    else:
        yield None
        return
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
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


_PAINT = re.compile(r"first paint after ([\d.]+) s(?:, content ready after ([\d.]+) s)?")


def time_self_test(exe: Path, args: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """(seconds from launch to first paint, seconds from launch to content ready).

    The clock starts just before the process is launched, so it covers everything a
    person waits for: the bootloader, Python starting, the imports, opening the data,
    building and painting the window. It stops when the program prints its self-test
    line; stdout is a pseudo-terminal, so the line arrives when printed, not at exit
    (tear-down is not counted). Passage prints that line once its content is loaded,
    after the first paint, with both times measured inside the program; the difference
    is taken off to get the moment of the first paint.
    """
    import pty
    import select

    master, slave = pty.openpty()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), *args, "--self-test"], stdout=slave, stderr=subprocess.PIPE, env=env
    )
    os.close(slave)
    buffer, seen = b"", None
    deadline = started + 60
    while seen is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the program closed its end: it has exited
            break
        if not chunk:
            break
        buffer += chunk
        if b"self-test ok" in buffer and b"\n" in buffer.split(b"self-test ok", 1)[1]:
            seen = time.perf_counter() - started
    proc.wait(timeout=60)
    os.close(master)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    match = _PAINT.search(buffer.decode(errors="replace"))
    if proc.returncode != 0 or seen is None or not match:
        raise SystemExit(f"{exe.name} --self-test failed ({proc.returncode}):\n{stderr}")
    paint, content = float(match.group(1)), match.group(2)
    if content is None:
        return seen, None
    return seen - (float(content) - paint), seen


def startup(runs: int, env: dict[str, str], data: Path, *, frozen: bool = True):
    """Median (first paint of Passage, first paint of the bare window, Passage's content
    ready) over ``runs`` interleaved runs, after one uncounted run of each.

    ``frozen=False`` runs the same two programs from source with the build's Python, to
    show what the bundling itself costs.
    """
    ours_args = ["--data-dir", str(data), "--lang", "zh"]
    if frozen:
        ours, bare = (PASSAGE_EXE, ours_args), (HELLO_EXE, [])
    else:
        py = Path(sys.executable)
        ours, bare = (py, ["-m", "desktop", *ours_args]), (py, [str(HERE / "hello.py")])
    time_self_test(*ours, env)  # warms the disk cache and makes the data folder
    time_self_test(*bare, env)
    paints, contents, bares = [], [], []
    for _ in range(runs):  # interleaved, so a busy moment hits both
        paint, content = time_self_test(*ours, env)
        paints.append(paint)
        contents.append(content if content is not None else paint)
        bares.append(time_self_test(*bare, env)[0])
    return statistics.median(paints), statistics.median(bares), statistics.median(contents)


def figures(out: Path, runs: int) -> str:
    if not sys.platform.startswith("linux"):
        raise SystemExit("--figures is Linux-only (it uses du, objdump and Xvfb)")
    ours_size, bare_size = folder_size(PASSAGE_EXE.parent), folder_size(HELLO_EXE.parent)
    glibc, glibc_file = glibc_floor(PASSAGE_EXE.parent)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY"))}
    offscreen = {**base_env, "QT_QPA_PLATFORM": "offscreen"}
    rows = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(("offscreen", *startup(runs, offscreen, Path(tmp) / "a")))
        with xvfb() as display:
            if display:
                env = {**base_env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
                rows.append(("X11 (Xvfb)", *startup(runs, env, Path(tmp) / "b")))
        source = startup(runs, offscreen, Path(tmp) / "c", frozen=False)
        rows.append(("offscreen, run from source (not bundled)", *source))
    import PyInstaller
    import PySide6

    lines = [
        "### Size and start-up of the standalone build",
        "",
        f"Measured {date.today().isoformat()} by `./dev bundle --figures` on "
        f"{_os_name()} ({platform.machine()}, {os.cpu_count()} cores), Python "
        f"{platform.python_version()}, PySide6 {PySide6.__version__}, PyInstaller "
        f"{PyInstaller.__version__}. The yardstick is a bare PySide6 window "
        "(`packaging/hello.py`) built with the same spec, filters and options.",
        "",
        "| | Passage | bare window | ratio | budget |",
        "|---|---:|---:|---:|---:|",
        f"| folder size (`du -sb`) | {ours_size / 1e6:.1f} MB | {bare_size / 1e6:.1f} MB "
        f"| {ours_size / bare_size:.2f} | ≤ 1.25 |",
        f"| files | {file_count(PASSAGE_EXE.parent)} | {file_count(HELLO_EXE.parent)} | | |",
    ]
    for label, ours, bare, content in rows:
        budget = "≤ 1.3" if "source" not in label else ""
        lines.append(
            f"| first paint, {label} | {ours:.2f} s | {bare:.2f} s | {ours / bare:.2f} | {budget} |"
        )
        lines.append(f"| content ready, {label} | {content:.2f} s | | | |")
    lines += [
        "",
        f"Start-up times are medians of {runs} runs: wall-clock time from launching the "
        "program to its first painted window (`--self-test`; stdout is a pseudo-terminal, "
        "so its report line is seen when printed, not at exit). Passage loads its content "
        "after the first paint; that part is taken off using the program's own timings, "
        "and shown as *content ready*. The first run of each is not counted. Load average "
        f"during the runs: {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on "
        f"{os.cpu_count()} cores (other work on the machine slows every figure alike).",
        "",
        f"The Linux build runs on glibc {glibc} or newer (the highest `GLIBC_` symbol "
        f"version any bundled file needs, from `{glibc_file}`). For reference: Ubuntu "
        "22.04 has glibc 2.35, Debian 12 has 2.36, Ubuntu 24.04 has 2.39. To reach older "
        "systems, build on an older base (PySide6 itself needs glibc 2.34).",
        "",
    ]
    text = "\n".join(lines)
    out.write_text(text, encoding="utf-8")
    return text


def _os_name() -> str:
    try:
        return platform.freedesktop_os_release().get("PRETTY_NAME", "Linux")
    except OSError:
        return platform.platform()


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bare", action="store_true", help="also build the bare window")
    parser.add_argument("--figures", type=Path, metavar="FILE", help="write size/start-up figures")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs for the median")
    parser.add_argument(
        "--if-needed", action="store_true", help="skip PyInstaller when dist/ is up to date"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    prepare()
    if args.if_needed and up_to_date(PASSAGE_EXE):
        log(f"up to date: {PASSAGE_EXE}")
    else:
        pyinstaller("passage")
    if args.bare or args.figures:
        if args.if_needed and up_to_date(HELLO_EXE):
            log(f"up to date: {HELLO_EXE}")
        else:
            pyinstaller("bare")
    log(f"done in {time.perf_counter() - started:.0f} s: {PASSAGE_EXE}")
    if args.figures:
        print(figures(args.figures, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
