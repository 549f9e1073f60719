"""Everything Passage knows, loaded together: the Guide, the questionnaire and the advice rules.

One loader for the GUI, the CLI and the tests, so the three always see the same,
fully checked content. Parsing and checking every file takes about 0.3 s (and needs
PyYAML and the loaders); the result is therefore also kept in a cache file and read
back in a few tens of milliseconds, as long as nothing it was made from has changed.

The cache (``<user cache dir>/knowledge-<folder id>.pickle``):

* Its key is a BLAKE2b digest over the app version, the Python version, the bytes of every
  content file (``seeds/``, ``resources/content/``, ``resources/advice/``, the
  questionnaire and the source list) and of the code that parses and checks them
  (``desktop/content``, ``desktop/advisor``, this module). Any edit, added or removed
  file, Passage update or Python update gives a new key, so a stale cache is never
  used. (Bytes, not modification times: a same-size edit within a file system's
  time resolution, such as FAT's two seconds, must count too.)
* It records the day the content was checked on. Checks reject dates "in the
  future", so a result checked on day D holds for any later day; a clock set back
  before D means a full load.
* It is written to a temporary file and renamed into place (never half-written),
  with mode 0600 in a 0700 folder. It is read with a fallback to the full load on
  ANY error (missing, truncated, corrupt, other key, unpickling failure, wrong type),
  and a successful full load replaces it.
* It holds only what Passage ships, nothing the person typed. Still, in portable mode
  (a ``portable`` file beside the program) there is no cache at all: that mode exists
  so that the program and everything it writes travel on one USB stick and leave no
  trace on a shared computer.

Security: a pickle runs code when it is loaded, so this cache is exactly as trusted as
the person's own files. It lives in their own cache folder (platformdirs), readable
and writable by them alone, where anyone able to plant a file could already run
programs as them. It is never put in the data folder, which may be a shared USB stick
(portable mode) or a counsellor's shared folder, and nothing ever loads a pickle from
anywhere else.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import os
import pickle
import sys
import tempfile
import types
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from desktop import __version__

if TYPE_CHECKING:
    from desktop.advisor import Plan, Rules
    from desktop.content.model import Catalog
    from desktop.content.questionnaire import Questionnaire

CACHE_FORMAT = b"PASSAGE-KNOWLEDGE-2\n"

try:
    # BLAKE2b from Python's own module: ``import hashlib`` loads OpenSSL's libcrypto
    # (3 MiB of memory, a few ms) to digest half a megabyte, and BLAKE2 is as fast.
    from _blake2 import blake2b as _blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b as _blake2b

# Everything the loaders read, relative to the base folder (see docs/CONTENT.md).
CONTENT_PARTS = (
    "seeds",
    "resources/questionnaire.yaml",
    "resources/sources.yaml",
    "resources/facts",
    "resources/content",
    "resources/advice",
)
_CODE_PACKAGES = ("desktop.content", "desktop.advisor")


@dataclass(frozen=True)
class Knowledge:
    catalog: Catalog
    questionnaire: Questionnaire
    rules: Rules

    def plan(
        self, answers: dict, *, today: _dt.date | None = None, lang: str | None = None
    ) -> Plan:
        from desktop.advisor import plan

        return plan(
            self.catalog,
            self.questionnaire,
            answers,
            today=today or _dt.date.today(),
            lang=lang,
            rules=self.rules,
        )


def load_knowledge(
    base: Path | None = None, *, today: _dt.date | None = None, cache: bool | None = None
) -> Knowledge:
    """Load and cross-check all content; raises ContentError listing every problem.

    With ``cache`` a result cached from the same files is used when there is one, and
    a full load refreshes the cache; ``cache=False`` always parses and checks every
    file and leaves the cache alone (``passage content check`` does so). The default,
    None, means: cache, except in portable mode.
    """
    from desktop import resources

    base = Path(base) if base is not None else resources.base_dir()
    today = today or _dt.date.today()
    if cache is None:
        cache = not portable_mode()
    if not cache:
        return _load_all(base, today)
    path = cache_path(base)
    key = cache_key(base)
    cached = _read_cache(path, key, today) if key is not None else None
    if cached is not None:
        return cached
    knowledge = _load_all(base, today)
    if key is not None:
        _write_cache(path, key, today, knowledge)
    return knowledge


def _load_all(base: Path, today: _dt.date) -> Knowledge:
    from desktop.advisor import check_rules, load_rules
    from desktop.content.errors import ContentError
    from desktop.content.loader import load_catalog
    from desktop.content.questionnaire import load_questionnaire

    questionnaire = load_questionnaire(base / "resources" / "questionnaire.yaml")
    catalog = load_catalog(base, known_questions=questionnaire.known_values(), today=today)
    rules = load_rules(base, questionnaire=questionnaire, today=today, facts=catalog.facts)
    problems = check_rules(rules, catalog)
    if problems:
        raise ContentError(problems)
    return Knowledge(catalog, questionnaire, rules)


# --------------------------------------------------------------------------- the cache


def portable_mode() -> bool:
    """True when a ``portable`` file beside the program keeps everything on its stick."""
    from desktop.paths import PORTABLE_MARKER, executable_dir

    try:
        return (executable_dir() / PORTABLE_MARKER).exists()
    except OSError:
        return True  # cannot tell: leave no trace


def cache_dir() -> Path:
    """The person's own cache folder for Passage (platformdirs)."""
    import platformdirs

    from desktop import APP_NAME

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def cache_path(base: Path) -> Path:
    """One cache file per installation folder, so two checkouts do not take turns."""
    folder = _blake2b(str(Path(base).resolve()).encode("utf-8"), digest_size=8).hexdigest()
    return cache_dir() / f"knowledge-{folder}.pickle"


def _files(base: Path) -> list[Path]:
    found: list[Path] = []
    for part in CONTENT_PARTS:
        path = base / part
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            found.append(path)
    return found


def _code_files() -> list[Path]:
    import importlib

    found = [Path(__file__)]
    for name in _CODE_PACKAGES:
        package = importlib.import_module(name)
        found += sorted(Path(package.__file__).parent.glob("*.py"))
    return found


def cache_key(base: Path) -> bytes | None:
    """The cache key for the content under ``base`` (None if it cannot be read)."""
    digest = _blake2b(digest_size=32)
    digest.update(CACHE_FORMAT)
    digest.update(f"{__version__}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    try:
        code = [p for p in _code_files() if p.is_file()]
        if getattr(sys, "frozen", False) or not code:
            # A bundle has no source files: the program itself stands for the code.
            exe = Path(sys.executable).stat()
            digest.update(f"{sys.executable}\0{exe.st_size}\0{exe.st_mtime_ns}\0".encode())
        for group, root, paths in (("code", None, code), ("content", base, _files(base))):
            for path in paths:
                name = path.relative_to(root).as_posix() if root else path.name
                data = path.read_bytes()
                digest.update(f"{group}\0{name}\0{len(data)}\0".encode())
                digest.update(data)
    except OSError:
        return None
    return digest.digest()


def _mapping_proxy(data: dict) -> types.MappingProxyType:
    return types.MappingProxyType(data)


class _Pickler(pickle.Pickler):
    # The loaders hand out read-only mappings (MappingProxyType), which pickle cannot
    # store by itself: store the dict and wrap it again on loading.
    dispatch_table: ClassVar[dict] = {
        types.MappingProxyType: lambda m: (_mapping_proxy, (dict(m),)),
    }


def _read_cache(path: Path, key: bytes, today: _dt.date) -> Knowledge | None:
    """The cached Knowledge if ``path`` holds one for ``key`` checked no later than
    ``today``; None on any problem at all (the caller then loads everything)."""
    try:
        with path.open("rb") as fh:
            data = fh.read()
        header = CACHE_FORMAT + key
        if not data.startswith(header):
            return None
        checked = _dt.date.fromisoformat(data[len(header) : len(header) + 10].decode("ascii"))
        if today < checked:
            return None
        knowledge = pickle.loads(data[len(header) + 10 :])
    except Exception:  # any failure means: do the full load
        return None
    return knowledge if isinstance(knowledge, Knowledge) else None


def _write_cache(path: Path, key: bytes, today: _dt.date, knowledge: Knowledge) -> None:
    """Write the cache file atomically, owner-only; a failure is silently ignored
    (the cache only saves time)."""
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(knowledge)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600.
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except Exception:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(CACHE_FORMAT + key + today.isoformat().encode("ascii"))
            fh.write(buffer.getvalue())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
