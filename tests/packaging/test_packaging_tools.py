"""The pieces of the standalone build that run without building it (fast, every test run).

desktop.fonts (loading shipped fonts), the font subset's character set, the icon
containers, the spec's filters, and the Linux desktop entry.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QFontDatabase, QImageReader

import desktop
from desktop import fonts
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "packaging"))
sys.path.insert(0, str(REPO / "tools"))
import bundle_filters as bf
import make_font_subset as mfs
import make_icons

# A real font file to load: any of these (Debian's fontconfig pulls in DejaVu, and ./dev
# installs fonts-noto-cjk).
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)


@pytest.fixture
def real_font() -> Path:
    for path in FONT_CANDIDATES:
        if path.is_file():
            return path
    pytest.skip("no system font file to load (install fonts-dejavu-core)")


@pytest.fixture
def clean_registry():
    """Undo what a test registered, so other tests see Qt's fonts as they were."""
    before = dict(fonts._registered)
    yield
    for path, font_id in list(fonts._registered.items()):
        if before.get(path) != font_id:
            QFontDatabase.removeApplicationFont(font_id)
            del fonts._registered[path]


# ------------------------------------------------------------------------- desktop.fonts
def test_load_bundled_fonts_registers_each_file_once(qapp, tmp_path, real_font, clean_registry):
    shutil.copy(real_font, tmp_path / real_font.name)
    (tmp_path / "OFL.txt").write_text("licence", encoding="utf-8")  # not a font: ignored
    families = fonts.load_bundled_fonts(tmp_path)
    assert families, "the font was not registered"
    assert all(f in QFontDatabase.families() for f in families)
    ids = dict(fonts._registered)
    assert fonts.load_bundled_fonts(tmp_path) == families
    assert fonts._registered == ids  # the second call registered nothing new


def test_load_bundled_fonts_without_a_folder_is_a_no_op(qapp, tmp_path):
    assert fonts.load_bundled_fonts(tmp_path / "missing") == []
    assert fonts.load_bundled_fonts(tmp_path) == []  # an empty folder


def test_a_damaged_font_is_skipped(qapp, tmp_path, clean_registry):
    (tmp_path / "broken.otf").write_bytes(b"OTTO" + b"\0" * 64)
    assert fonts.load_bundled_fonts(tmp_path) == []


def test_checkout_fonts_folder_is_optional(qapp):
    # In a checkout resources/fonts exists only after a bundle build; both are fine.
    folder = fonts.fonts_dir()
    assert folder is None or folder == REPO / "resources" / "fonts"


# ------------------------------------------------------------------------- font subset
def test_gb2312_has_all_its_characters():
    chars = mfs.gb2312_characters()
    assert len(chars) == 7445  # 6,763 hanzi and 682 other characters
    assert {"中", "国", "护", "照", "签", "证", "、", "。"} <= chars


def test_content_characters_come_from_the_shipped_text():
    chars = mfs.content_characters(REPO)
    # The app's name, from the translations and the code.
    assert set("出国务工指南") <= chars
    assert all(ord(c) > 0x7E and c.isprintable() for c in chars)


def test_wanted_characters_cover_the_text_and_latin():
    wanted = mfs.wanted_characters(REPO)
    assert mfs.content_characters(REPO) <= wanted
    assert {chr(c) for c in range(0x20, 0x7F)} <= wanted


def _built_subset() -> list[Path]:
    if importlib.util.find_spec("fontTools") is None:
        pytest.skip("fontTools absent")
    built = [REPO / "resources" / "fonts" / name for name in mfs.WEIGHTS.values()]
    if not all(p.is_file() for p in built):
        pytest.skip("no font subset built (./dev setup makes it; needs fonts-noto-cjk)")
    return built


def test_built_subset_has_its_own_family_and_covers_the_text():
    from fontTools.ttLib import TTFont

    text = mfs.content_characters(REPO) | mfs.gb2312_characters()
    for path, style in zip(_built_subset(), mfs.WEIGHTS, strict=True):
        font = TTFont(str(path))
        assert font["name"].getDebugName(1) == "Passage Sans SC"
        assert font["name"].getDebugName(2) == style
        assert font["name"].getDebugName(6) == f"PassageSansSC-{style}"
        assert font["CFF "].cff.fontNames == [f"PassageSansSC-{style}"]
        cmap = font.getBestCmap()
        missing = {c for c in text if ord(c) not in cmap}
        # Only characters Noto Sans CJK itself lacks (a few symbols) may be missing.
        assert all(not ("\u4e00" <= c <= "\u9fff") for c in missing), sorted(missing)
    licence = (REPO / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_built_subset_puts_the_interface_glyphs_first():
    from fontTools.ttLib import TTFont

    with TTFont(str(_built_subset()[0])) as font:
        cmap = font.getBestCmap()
        glyph_order = font.getGlyphOrder()
    order = {name: gid for gid, name in enumerate(glyph_order)}
    ui = {ch for ch in mfs.interface_text(REPO) if ord(ch) in cmap}
    ui_ids = {order[cmap[ord(ch)]] for ch in ui}
    assert max(ui_ids) == len(ui_ids), "the interface's glyphs are not glyphs 1..n"


def test_built_subset_draws_every_character_as_the_source_face_does(request):
    """Renaming, reordering and flattening must not change a single outline: every
    character of the subset is drawn the same as by Noto Sans CJK SC itself."""
    from fontTools.pens.recordingPen import RecordingPen
    from fontTools.ttLib import TTFont

    for path, weight in zip(_built_subset(), mfs.WEIGHTS, strict=True):
        try:
            source = mfs.open_sc_face(mfs.find_source(weight))
        except SystemExit:
            pytest.skip("Noto Sans CJK is not installed here")
        subset = TTFont(str(path))
        request.addfinalizer(source.close)
        request.addfinalizer(subset.close)
        src_cmap, sub_cmap = source.getBestCmap(), subset.getBestCmap()
        src_glyphs, sub_glyphs = source.getGlyphSet(), subset.getGlyphSet()
        # The interface's characters, and a spread of the rest (every 7th), each weight.
        chars = sorted({ord(c) for c in mfs.interface_text(REPO)} & set(sub_cmap))
        chars += sorted(sub_cmap)[::7]
        for cp in chars:
            want, got = RecordingPen(), RecordingPen()
            src_glyphs[src_cmap[cp]].draw(want)
            sub_glyphs[sub_cmap[cp]].draw(got)
            assert got.value == want.value, f"{weight}: U+{cp:04X} is drawn differently"
            assert sub_glyphs[sub_cmap[cp]].width == src_glyphs[src_cmap[cp]].width


# ------------------------------------------------------------------------- icons
def _images(data: bytes, fmt: bytes) -> list[int]:
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, fmt)
    sizes = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append(image.width())
    return sizes


def test_icon_containers_hold_every_size(qapp):
    pngs = {size: make_icons.render_png(size) for size in (16, 32, 64, 128, 256, 512, 1024)}
    assert pngs[16].startswith(b"\x89PNG")
    ico = make_icons.ico_bytes({s: pngs[s] for s in (16, 32, 256)})
    assert struct.unpack_from("<HHH", ico) == (0, 1, 3)
    assert sorted(_images(ico, b"ico")) == [16, 32, 256]
    icns = make_icons.icns_bytes(pngs)
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    assert sorted(set(_images(icns, b"icns"))) == [16, 32, 64, 128, 256, 512, 1024]


def test_icon_is_drawn_not_blank(qapp):
    from PySide6.QtGui import QImage

    image = QImage.fromData(make_icons.render_png(64))
    centre = image.pixelColor(32, 40)
    assert centre.alpha() == 255  # the rounded square fills the middle
    assert image.pixelColor(0, 0).alpha() == 0  # and leaves the corners clear


# ------------------------------------------------------------------------- spec filters
@pytest.mark.parametrize(
    ("dest", "keep"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),  # Windows wheel layout
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", None),  # not a plugin
    ],
)
def test_plugin_filter(dest, keep):
    assert bf.plugin_verdict(dest) is keep


def test_translation_and_resource_filters():
    assert bf.translation_verdict("PySide6/Qt/translations/qtbase_zh_CN.qm") is True
    assert bf.translation_verdict("PySide6/Qt/translations/qtbase_en.qm") is True
    assert bf.translation_verdict("PySide6/Qt/translations/qt_zh_CN.qm") is False
    assert bf.translation_verdict("PySide6/Qt/translations/qtbase_de.qm") is False
    assert bf.translation_verdict("resources/translations/passage_zh_CN.qm") is None
    assert bf.resource_verdict("resources/translations/passage_zh_CN.qm") is True
    assert bf.resource_verdict("resources/translations/passage_zh_CN.ts") is False
    assert bf.resource_verdict("resources/fonts/.subset-stamp.json") is False
    assert bf.resource_verdict("resources/fonts/OFL.txt") is True


def test_links_to_dropped_libraries_go_too():
    removed: dict[str, bf.Removed] = {}
    kept_binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("resources/style/passage.qss", "/x/passage.qss", "DATA"),
    ]
    out = bf.drop_dangling_links(datas, kept_binaries, removed)
    assert [e[0] for e in out] == ["libQt6Core.so.6", "resources/style/passage.qss"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF is Linux's format")
def test_elf_needed_reads_real_libraries():
    import PySide6

    module = next(Path(PySide6.__file__).parent.glob("QtCore*.so"))
    needed = bf.elf_needed(module)
    assert needed is not None and "libQt6Core.so.6" in needed
    assert bf.elf_needed(REPO / "pyproject.toml") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF is Linux's format")
def test_a_library_missing_from_the_bundle_is_named(tmp_path):
    import PySide6

    xcb = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not xcb.is_file():
        pytest.skip("this PySide6 has no xcb plugin")
    shutil.copy(xcb, tmp_path / xcb.name)
    missing = bf.missing_libraries(tmp_path)
    assert missing["libxcb-icccm.so.4"] == ["libqxcb.so"]  # what PLATFORM-NOTES warns of
    assert "libxcb.so.1" not in missing  # the system provides it
    assert "libc.so.6" not in missing


def test_version_and_modules_come_from_the_source_tree():
    assert bf.read_version(REPO / "desktop" / "__init__.py") == desktop.__version__
    modules = bf.desktop_modules(REPO)
    assert {"desktop", "desktop.cli", "desktop.fonts", "desktop.ui.app"} <= set(modules)


# ------------------------------------------------------------------------- Linux entry
def test_desktop_entry_is_well_formed():
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(REPO / "packaging" / "linux" / "passage.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"  # no console window
    assert entry["Name[zh_CN]"].startswith("Passage")
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(REPO / "packaging" / "linux" / "passage.desktop")],
            check=True,
        )


@pytest.mark.skipif(os.name != "posix", reason="a POSIX shell script")
def test_install_script_writes_absolute_quoted_paths(tmp_path):
    folder = tmp_path / "my apps" / "passage"
    folder.mkdir(parents=True)
    for name in ("passage.desktop", "install-desktop-entry.sh"):
        shutil.copy(REPO / "packaging" / "linux" / name, folder / name)
    (folder / "passage.png").write_bytes(make_icons_png())
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], check=True, env=env)
    entry = (tmp_path / "share" / "applications" / "passage.desktop").read_text("utf-8")
    assert f'Exec="{folder}/passage"' in entry
    assert (tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "passage.png").is_file()
    subprocess.run(
        ["sh", str(folder / "install-desktop-entry.sh"), "--remove"], check=True, env=env
    )
    assert not (tmp_path / "share" / "applications" / "passage.desktop").exists()


def make_icons_png() -> bytes:
    return b"\x89PNG\r\n\x1a\n"  # the script only copies it
