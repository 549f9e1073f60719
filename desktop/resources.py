"""The one place that finds the files Passage ships: ``resources/`` and ``seeds/``.

They live at the top of the repository (the product owner's layout), so the lookup has
three cases, tried in this order:

1. a PyInstaller bundle: ``sys._MEIPASS/resources`` and ``sys._MEIPASS/seeds``;
2. an installed wheel: ``desktop/_data/resources`` (placed there by pyproject's
   ``force-include``);
3. a checkout (also an editable install): ``<repo>/resources`` beside ``desktop/``.

Everything else asks this module; nothing else builds paths to shipped files.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


class ResourcesNotFound(RuntimeError):
    """The shipped files are missing: the installation is broken, not the user's fault."""


def _candidates() -> list[Path]:
    roots: list[Path] = []
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        roots.append(Path(meipass))
    roots.append(_PACKAGE_DIR / "_data")
    roots.append(_PACKAGE_DIR.parent)
    return roots


@cache
def base_dir() -> Path:
    """The folder that holds ``resources/`` and ``seeds/`` for this installation."""
    for root in _candidates():
        if (root / "resources").is_dir():
            return root
    tried = ", ".join(str(r) for r in _candidates())
    raise ResourcesNotFound(f"Passage cannot find its resources folder (looked in: {tried})")


def resources_dir() -> Path:
    return base_dir() / "resources"


def seeds_dir() -> Path:
    return base_dir() / "seeds"


def resource_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``resource_path("templates", "checklist.html.j2")``.

    Names must be relative and must not climb out of ``resources/``: a name comes from
    our own code, so a bad one is a bug and fails loudly.
    """
    for part in parts:
        if not part or Path(part).is_absolute() or ".." in Path(part).parts:
            raise ValueError(f"resource names must be relative, without '..': {parts!r}")
    return resources_dir().joinpath(*parts)
