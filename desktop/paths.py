"""Where the person's data lives.

Three places, in order of precedence:

1. ``--data-dir DIR`` on the command line (a counsellor's USB stick, tests);
2. portable mode: a file named ``portable`` beside the executable keeps all data in a
   ``PassageData`` folder next to it, so the whole program and its data travel on one stick;
3. the platform's user data folder (platformdirs): ``%LOCALAPPDATA%\\Passage`` on
   Windows, ``~/.local/share/Passage`` on Linux, ``~/Library/Application Support/Passage``
   on macOS.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

from desktop import APP_NAME

PORTABLE_MARKER = "portable"
PORTABLE_DATA = "PassageData"


class DataLocation(NamedTuple):
    path: Path
    how: str  # "option" | "portable" | "user"


def executable_dir() -> Path:
    """Folder of the program the person started (the bundle, or the Python script)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def resolve_data_dir(
    option: str | Path | None = None, *, exe_dir: Path | None = None
) -> DataLocation:
    if option:
        return DataLocation(Path(option).expanduser().resolve(), "option")
    exe_dir = exe_dir or executable_dir()
    if (exe_dir / PORTABLE_MARKER).exists():
        return DataLocation(exe_dir / PORTABLE_DATA, "portable")
    import platformdirs  # only this case needs it (0.3 MiB before the first paint)

    return DataLocation(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)), "user")
