"""What the standalone build leaves out, and why (used by ``passage.spec``).

PyInstaller's Qt hooks collect every plugin and translation PySide6 ships, plus every
system library those plugins link. A Qt Widgets program that speaks Chinese and English
needs far less. The filters work on *destination paths* in the bundle, because that is
where the duplicates live: each Qt library appears once under ``PySide6/Qt/lib`` and once
as a top-level symbolic link, and dropping only one leaves a dangling link
(PLATFORM-NOTES).

What goes:

1. Qt plugins: keep the few kinds a Widgets program uses (:data:`KEEP_PLUGINS`), drop the
   rest (Wayland, EGL, GTK theme, network, TLS, touch and other embedded input, SQL
   drivers, styles, image formats we never show).
2. Qt translations: only Qt's own ``qtbase`` catalogues for Chinese and English.
3. Our own sources and build stamps in ``resources/`` (the .ts files; the .qm stay);
   on Windows, Qt's software OpenGL.
4. Linux only: a library nothing kept links to (by ELF ``DT_NEEDED``, followed from the
   Python extension modules, the kept plugins and libpython) is dropped. This takes
   out what only the dropped plugins used: GTK, Cairo, Pango, Wayland, OpenGL and
   EGL-FS helpers, QtNetwork with Kerberos. Libraries that Qt loads at run time with
   ``dlopen`` are never in ``DT_NEEDED``; the ones we know of are kept by name
   (:data:`KEEP_DLOPENED`). CUPS is left to the system (:data:`SYSTEM_ONLY`).
5. Python modules Passage never imports though hooks pull them in
   (:data:`PYTHON_EXCLUDES`: QtNetwork, OpenSSL, Pygments, ...), passed to Analysis.

Each pass only removes entries, and :func:`report` says what it removed and how much it
weighed, so a PyInstaller or PySide6 upgrade that changes the picture shows up in the
build log rather than as a crash on somebody's machine.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Plugin folder -> plugin base names to keep (no "lib" prefix, no suffix), or None to keep
# the whole folder. A folder not listed here is dropped whole.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # xcb: X11 and XWayland (without the Wayland plugin, a Wayland session runs us
    # through XWayland, which every Wayland desktop provides); offscreen: headless runs
    # (tests, CI, --self-test on a server); windows/cocoa: the other two platforms.
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa"},
    # Compose keys and IBus: Chinese input methods on Linux talk to Qt through IBus
    # (Fcitx 5 speaks the IBus protocol too). Without it a person cannot type Chinese.
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "imageformats": {"qsvg", "qico"},  # the SVG icon; PNG is built into QtGui
    "iconengines": {"qsvgicon"},
    # All of them: printing is a core feature. On Linux this is the CUPS plugin (the
    # printer list); libcups itself is the system's (see SYSTEM_ONLY).
    "printsupport": None,
    # No "styles": Passage sets Fusion, which is built into QtWidgets.
}

# Qt's own catalogues (standard buttons, the print dialog). The rest of Qt's
# catalogues are for modules we do not ship.
KEEP_QT_TRANSLATIONS = {"qtbase_zh_CN.qm", "qtbase_en.qm"}

# Loaded with dlopen(), so not visible in DT_NEEDED: keep if PyInstaller collected them.
KEEP_DLOPENED = {"libdbus-1.so.3"}

# Reachable, but left to the system: a Linux machine that can print has CUPS, and the
# bundled copy would drag in GnuTLS, Avahi and Kerberos (about 8 MB) for a library whose
# protocol talks to the system's own CUPS server anyway.
SYSTEM_ONLY = {"libcups.so.2"}

# Python packages and modules nothing in Passage imports, though hooks pull them in.
PYTHON_EXCLUDES = [
    "PySide6.QtNetwork",  # pulled in for the TLS plugins
    "PySide6.QtDBus",  # the library stays (QtGui links it); the Python module goes
    "PySide6.QtOpenGL",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    # Passage never goes online. Every standard module that imports these does so in a
    # try/except (http.client, urllib.request, asyncio, hashlib, hmac), and hashlib
    # falls back to its built-in MD5/SHA code. Saves OpenSSL: 5.4 MB.
    "ssl",
    "_ssl",
    "_hashlib",
    # Markdown's code highlighting imports it if present (a dev tool's dependency);
    # Passage's content has no code blocks.
    "pygments",
    # Nothing in Passage starts processes from Python; only concurrent.futures'
    # ProcessPoolExecutor (never used, imported only when asked for) would need it. Its
    # presence alone makes PyInstaller add a runtime hook that imports multiprocessing,
    # subprocess and threading at every start, before the first line of Passage runs.
    "multiprocessing",
    "tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "_pytest",
    "IPython",
]

# Our own files in resources/ that are sources or build bookkeeping, not run-time data.
RESOURCE_EXCLUDES = (".ts", ".subset-stamp.json", ".pyc")


@dataclass
class Removed:
    reason: str
    entries: list[tuple[str, str, str]] = field(default_factory=list)

    def size(self) -> int:
        total = 0
        for _dest, src, kind in self.entries:
            if kind != "SYMLINK" and src and os.path.isfile(src):
                total += os.path.getsize(src)
        return total


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _base(name: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqcocoa.dylib`` -> ``qxcb`` / ``qwindows``..."""
    stem = name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def plugin_verdict(dest: str) -> bool | None:
    """True/False for a Qt plugin (keep or not); None if ``dest`` is not a Qt plugin."""
    parts = _parts(dest)
    if "plugins" not in parts or not parts or parts[0] != "PySide6":
        return None
    i = parts.index("plugins")
    if len(parts) < i + 3:
        return None
    kind, name = parts[i + 1], parts[-1]
    if kind not in KEEP_PLUGINS:
        return False
    keep = KEEP_PLUGINS[kind]
    return keep is None or _base(name) in keep


def translation_verdict(dest: str) -> bool | None:
    parts = _parts(dest)
    if len(parts) < 2 or parts[0] != "PySide6" or parts[-2] != "translations":
        return None
    return parts[-1] in KEEP_QT_TRANSLATIONS


def resource_verdict(dest: str) -> bool | None:
    parts = _parts(dest)
    if not parts or parts[0] not in ("resources", "seeds"):
        return None
    name = parts[-1]
    return not (name.endswith(RESOURCE_EXCLUDES) or "__pycache__" in parts)


# Windows: Qt's software OpenGL (about 20 MB), loaded only when something asks for OpenGL
# on a machine without a graphics driver. Qt Widgets paint without OpenGL. (Not tested:
# the Windows build has not been run.)
WINDOWS_DROP = {"opengl32sw.dll"}


def windows_verdict(dest: str) -> bool | None:
    parts = _parts(dest)
    return False if parts and parts[-1].lower() in WINDOWS_DROP else None


def filter_toc(toc: Iterable, removed: dict[str, Removed]) -> list:
    """Drop plugins, translations and resource files we do not ship (any platform)."""
    kept = []
    for entry in toc:
        dest = entry[0]
        for reason, verdict in (
            ("Qt plugins not used", plugin_verdict(dest)),
            ("Qt translations other than qtbase zh_CN/en", translation_verdict(dest)),
            ("resource sources (.ts) and build stamps", resource_verdict(dest)),
            ("software OpenGL for Windows", windows_verdict(dest)),
        ):
            if verdict is False:
                removed.setdefault(reason, Removed(reason)).entries.append(tuple(entry))
                break
        else:
            kept.append(entry)
    return kept


# ----------------------------------------------------------------------------- ELF
DT_NEEDED = 1
SHT_DYNAMIC = 6


def elf_needed(path: str | os.PathLike) -> list[str] | None:
    """The DT_NEEDED names of a 64-bit little-endian ELF file; None if it is not one."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    e_shoff = struct.unpack_from("<Q", data, 0x28)[0]
    e_shentsize, e_shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize) for i in range(e_shnum)
    ]
    needed: list[str] = []
    for _name, sh_type, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if sh_type != SHT_DYNAMIC:
            continue
        strtab_offset = sections[link][4]
        for pos in range(offset, offset + size, entsize or 16):
            tag, value = struct.unpack_from("<qQ", data, pos)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                start = strtab_offset + value
                needed.append(data[start : data.index(b"\0", start)].decode())
    return needed


def _is_root(dest: str) -> bool:
    """Binaries everything else hangs off: Python extensions, Qt plugins, libpython."""
    parts = _parts(dest)
    name = parts[-1]
    return (
        ".cpython-" in name
        or name.endswith(".abi3.so")
        or "lib-dynload" in parts
        or "plugins" in parts
        or name.startswith("libpython")
    )


def prune_unreachable(binaries: Iterable, removed: dict[str, Removed]) -> list:
    """Linux: drop libraries no kept binary links to (see the module docstring)."""
    binaries = list(binaries)
    if not sys.platform.startswith("linux"):
        return binaries
    by_name: dict[str, list[tuple]] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(entry[0]).name, []).append(entry)
    reachable: set[str] = set()
    todo = [e for e in binaries if _is_root(e[0])]
    todo += [e for name in KEEP_DLOPENED for e in by_name.get(name, [])]
    while todo:
        entry = todo.pop()
        name = PurePosixPath(entry[0]).name
        if name in reachable:
            continue
        reachable.add(name)
        kind = entry[2]
        if kind == "SYMLINK":
            # A top-level link to PySide6/Qt/lib/...: the target is an entry too.
            target = PurePosixPath(entry[0]).parent / entry[1]
            todo += by_name.get(target.name, [])
            continue
        for lib in elf_needed(entry[1]) or []:
            if lib not in SYSTEM_ONLY:
                todo += by_name.get(lib, [])
    kept = []
    for entry in binaries:
        name = PurePosixPath(entry[0]).name
        if name in reachable or _is_root(entry[0]):
            kept.append(entry)
        else:
            reason = (
                "left to the system (CUPS)"
                if name in SYSTEM_ONLY
                else "libraries only dropped plugins linked to"
            )
            removed.setdefault(reason, Removed(reason)).entries.append(tuple(entry))
    return kept


def drop_dangling_links(toc: Iterable, kept: Iterable, removed: dict[str, Removed]) -> list:
    """Drop SYMLINK entries whose target is no longer in the bundle.

    PyInstaller lists the top-level links to ``PySide6/Qt/lib/*`` among the *datas*, so
    pruning the binaries alone would leave them dangling in ``_internal/``.
    """
    toc = list(toc)
    present = {_norm(e[0]) for e in kept} | {_norm(e[0]) for e in toc if e[2] != "SYMLINK"}
    out = []
    for entry in toc:
        if entry[2] == "SYMLINK":
            target = _norm(str(PurePosixPath(_norm(entry[0])).parent / _norm(entry[1])))
            if target not in present:
                reason = "links to dropped libraries"
                removed.setdefault(reason, Removed(reason)).entries.append(tuple(entry))
                continue
        out.append(entry)
    return out


def _norm(path: str) -> str:
    return os.path.normpath(path.replace("\\", "/")).replace("\\", "/")


def desktop_modules(root: Path) -> list[str]:
    """Every module of the ``desktop`` package, found by walking the source tree.

    The CLI imports its handlers inside functions and may grow new ones; listing them
    all keeps any of them from missing in the bundle. Walking files (not importing, as
    PyInstaller's collect_submodules does) works even when ``desktop`` is not installed
    in the build environment.
    """
    modules = []
    for path in sorted((root / "desktop").rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        if "__pycache__" not in parts:
            modules.append(".".join(parts))
    return modules


# What a Linux bundle may take from the system: glibc, the OpenGL dispatch libraries
# (they must match the machine's graphics driver), the X11 connection library, and CUPS
# (see SYSTEM_ONLY). PyInstaller leaves these out on purpose.
SYSTEM_PROVIDED = {
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "libpthread.so.0",
    "librt.so.1",
    "libutil.so.1",
    "libresolv.so.2",
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
    "libGL.so.1",
    "libEGL.so.1",
    "libOpenGL.so.0",
    "libGLX.so.0",
    "libxcb.so.1",
    *SYSTEM_ONLY,
}


def missing_libraries(folder: Path) -> dict[str, list[str]]:
    """Libraries that bundled files link to but that are neither bundled nor expected
    from the system, each with the files that need it (Linux).

    PyInstaller only warns when it cannot find a library on the build machine (say
    ``libxcb-icccm.so.4``); the build "succeeds" and the program then crashes on X11
    (PLATFORM-NOTES). The build checks with this and fails instead.
    """
    names = {p.name for p in folder.rglob("*")}
    missing: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        for lib in elf_needed(path) or []:
            if lib not in names and lib not in SYSTEM_PROVIDED:
                missing.setdefault(lib, []).append(str(path.relative_to(folder)))
    return missing


def report(removed: dict[str, Removed]) -> str:
    lines = []
    if sys.platform.startswith("linux"):
        lines.append(
            "passage.spec: PyInstaller's warnings above about ole32/shell32/user32 (Windows-"
            "only code in platformdirs and click) and libgtk-3/libgdk-3 (the GTK theme "
            "plugin, left out below) are expected."
        )
    lines.append("passage.spec: left out of the bundle")
    for item in removed.values():
        names = sorted({PurePosixPath(e[0].replace("\\", "/")).name for e in item.entries})
        shown = ", ".join(names[:12]) + (f", ... ({len(names)} files)" if len(names) > 12 else "")
        lines.append(f"  {item.reason}: {item.size() / 1e6:.1f} MB: {shown}")
    return "\n".join(lines)


def read_version(init_file: Path) -> str:
    """``__version__`` from desktop/__init__.py, read as text (the spec must not import Qt)."""
    import ast

    for node in ast.parse(init_file.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
        ):
            return str(node.value.value)
    raise SystemExit(f"no __version__ in {init_file}")
