"""Render the application icon for each platform from ``resources/icons/passage.svg``.

Only the SVG is committed; the build makes what each platform wants from it:

- ``passage.png`` (256 px) and ``passage-<size>.png``: Linux (.desktop entry, hicolor);
- ``passage.ico``: Windows (the .exe icon), PNG images of 16-256 px;
- ``passage.icns``: macOS (the .app icon), PNG images of 16-1024 px.

Qt draws the SVG (QtSvg is in PySide6-Essentials), and ICO and ICNS are simple
containers of PNG images, written here by hand, so no image library is needed.

Usage: python packaging/make_icons.py [OUT_DIR]   (default: build/icons)
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "passage.svg"
DEFAULT_OUT = ROOT / "build" / "icons"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, and the pixel size of each.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 @2x
    (b"ic11", 32),  # 16 @2x
    (b"ic12", 64),  # 32 @2x
    (b"ic13", 256),  # 128 @2x
    (b"ic14", 512),  # 256 @2x
)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The icon drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([])  # type: ignore[attr-defined]  # keep it alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file: a directory of PNG images (Windows Vista and later read these)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: typed PNG elements after an 8-byte header."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out_dir: Path = DEFAULT_OUT, svg: Path = SVG) -> dict[str, Path]:
    """Write the PNG set, the ICO and the ICNS; return them by kind."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes = sorted({*ICO_SIZES, *PNG_SIZES, *(s for _, s in ICNS_TYPES)})
    pngs = {size: render_png(size, svg) for size in sizes}
    for size in PNG_SIZES:
        (out_dir / f"passage-{size}.png").write_bytes(pngs[size])
    made = {
        "png": out_dir / "passage.png",
        "ico": out_dir / "passage.ico",
        "icns": out_dir / "passage.icns",
    }
    made["png"].write_bytes(pngs[256])
    made["ico"].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    made["icns"].write_bytes(icns_bytes(pngs))
    return made


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    for kind, path in make_icons(out).items():
        print(f"{kind}: {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
