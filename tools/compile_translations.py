"""Compile Qt translation sources (.ts) into the .qm files the app loads.

Used by ``./dev`` in a checkout and by ``hatch_build.py`` when a wheel is built, so
there is one way to make .qm files. ``--update`` first refreshes the .ts sources from
the code with lupdate (new strings appear there unfinished, and a test fails until
they are translated).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
SOURCES = ("desktop",)


def qt_tool(name: str) -> str:
    """Path of lrelease/lupdate as shipped inside the PySide6 wheel."""
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for cand in (base / name, base / f"{name}.exe", base / "Qt" / "bin" / name):
        if cand.exists():
            return str(cand)
    raise SystemExit(f"cannot find Qt's {name} in {base}")


def python_sources() -> list[str]:
    files: list[str] = []
    for top in SOURCES:
        files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / top).rglob("*.py"))
    return files


def update(ts_files: list[Path]) -> None:
    for ts in ts_files:
        subprocess.run(
            [
                qt_tool("lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                *python_sources(),
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )


def compile_all(out_dir: Path | None = None, *, force: bool = False) -> list[Path]:
    """Compile every .ts into ``out_dir`` (default: beside it); return the .qm paths."""
    made = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = (out_dir or TS_DIR) / (ts.stem + ".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            qm.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="refresh .ts files with lupdate")
    args = parser.parse_args(argv)
    if args.update:
        update(sorted(TS_DIR.glob("*.ts")))
    compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
