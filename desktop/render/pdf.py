"""HTML -> pages: PDF files and printers, through QTextDocument (QtGui/QtPrintSupport only).

The one place in ``desktop.render`` that imports Qt. Everything else (templates, contexts)
is Qt-free in :mod:`desktop.render.html`.

How a page is made, and why:

* The document is laid out *to the device* (``documentLayout().setPaintDevice`` plus a page
  size in device pixels). Otherwise ``QTextDocument.print_()`` paginates on its own and
  stamps its own page numbers (PLATFORM-NOTES, "Chinese text in PDFs").
* The font family is named explicitly, Simplified Chinese first: with a generic family,
  Qt picks the *Japanese* variant of the CJK fonts, and Chinese readers get the wrong
  glyph shapes. "Passage Sans SC" (Passage's own subset of Noto Sans CJK SC, see
  :mod:`desktop.fonts`) leads, so paper and screen use the same font; then the system's
  Noto Sans CJK SC, the fallbacks for Windows and macOS, and DejaVu Sans for ☐ ☑.
* Every top-level table is one printout item (a checklist item, a red flag, a source
  note, a card). After layout, an item that would straddle a page break gets
  "page break before" and the layout is redone, so no item is cut in two; a heading
  left alone at the bottom of a page moves with the item after it. Qt's own CSS has no
  ``page-break-inside: avoid``, hence this pass.
* The footer (the person's name, "n / N") is drawn by us in the bottom margin of every
  page, so it is the same on paper, in a PDF and in the print preview.

Works with ``QT_QPA_PLATFORM=offscreen`` and no display: :func:`ensure_gui_app` creates a
QGuiApplication when none exists (the CLI has none).
"""

from __future__ import annotations

import html as htmllib
import math
import os
import re
import sys
from functools import cache
from pathlib import Path

import desktop.pyside  # noqa: F401  (first: see its docstring)

# isort: split
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter

from desktop.render.html import _write_atomically, html_to_file

__all__ = [
    "FONT_FAMILIES",
    "PAGE_SIZES",
    "PdfResult",
    "ensure_gui_app",
    "html_to_file",
    "html_to_pdf",
    "html_to_pdf_bytes",
    "paint_to_printer",
    "print_document",
]

# Chinese first, by name (see the module docstring); the rest are fallbacks per platform.
FONT_FAMILIES = [
    "Passage Sans SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "DejaVu Sans",
    "Segoe UI Symbol",
]
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
PAGE_MARGINS_MM = QMarginsF(16, 14, 16, 10)
FOOTER_MM = 11.0  # reserved at the bottom of each page for the footer
BODY_PT = 11.5
FOOTER_PT = 9.0

# The footer's middle: where the page comes from, in the printout's language.
FOOTER_MARK = {"zh": "出国务工指南", "en": "Passage", "zh+en": "出国务工指南 · Passage"}

_app: QGuiApplication | None = None


class PdfResult(tuple):
    """``(data, pages)``: the PDF bytes and the page count."""

    __slots__ = ()

    def __new__(cls, data: bytes, pages: int):
        return super().__new__(cls, (data, pages))

    @property
    def data(self) -> bytes:
        return self[0]

    @property
    def pages(self) -> int:
        return self[1]


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, creating a QGuiApplication if there is none.

    On Linux with no display and no platform chosen, the offscreen platform is used
    (Qt would otherwise abort the process): the CLI prints on headless servers.
    """
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("printing needs a QGuiApplication, not a bare QCoreApplication")
        return existing
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "passage"])
    # The standalone build carries its own Chinese font; a machine may have none.
    from desktop.fonts import load_bundled_fonts

    load_bundled_fonts()
    return _app


def _font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # WORKAROUND: in runs of Latin text, HarfBuzz applies the CJK fonts' "locl" feature,
    # which swaps digits for glyphs that have no Unicode mapping; Qt's PDF writer then
    # writes no ToUnicode entry for them, and "abc 123" copies or searches as "abc ???"
    # (seen with Noto Sans/Serif CJK SC and JP, Qt 6.12). Each face of the Noto CJK
    # collection (SC here) already maps characters to its own region's glyphs, so
    # "locl" is not needed for Simplified Chinese shapes.
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def _build_document(html: str, device: QPagedPaintDevice, page_height: float) -> QTextDocument:
    """Lay ``html`` out for ``device``, in pages ``page_height`` device pixels tall.

    The footer's strip is left out of the page height rather than made a bottom margin
    of the root frame. WORKAROUND: Qt 6.12 scales the root frame's margins by the
    device's dots-per-pixel a second time when it paginates table cells, so with a
    600 dpi writer a 11 mm margin acted like 70 mm inside tables, pushing lines of
    items to the next page far above the real page bottom.
    """
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_font(BODY_PT))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(float(device.width()), page_height))
    _keep_items_whole(doc, page_height)
    return doc


def _keep_items_whole(doc: QTextDocument, page_height: float) -> None:
    """Start a new page before any item that would not end on the page it starts on.

    An item is a top-level table together with the loose text just above it (headings,
    a short introduction): "Sources" and its first note, a phase title and its first
    task stay together. Qt moves a table row that does not fit, but leaves the heading
    behind and lets a row's lines run over the break; this pass adds "page break before"
    where needed, one item at a time, re-measuring after each change. An item taller
    than a page is left alone: breaking it somewhere is the best anyone can do.
    """
    layout = doc.documentLayout()
    frames = doc.rootFrame().childFrames()
    start = 0
    while start < len(frames):
        doc.pageCount()  # finish the (lazy) layout before measuring
        for index in range(start, len(frames)):
            frame = frames[index]
            bottom = layout.frameBoundingRect(frame).bottom()
            lead = _lead_in(doc, frame, page_height)
            top = (
                layout.blockBoundingRect(lead).top()
                if lead is not None
                else layout.frameBoundingRect(frame).top()
            )
            if bottom - top > page_height:
                continue
            if math.floor(top / page_height) == math.floor((bottom - 1) / page_height):
                continue
            # Qt re-lays out from the changed format on (checked: later items move).
            _break_before(frame, lead)
            start = index + 1
            break
        else:
            return


def _lead_in(doc: QTextDocument, frame, page_height: float):
    """The topmost non-empty block of the loose text between the previous table and
    ``frame`` (None when there is none, or when it is too long to move as one)."""
    layout = doc.documentLayout()
    root = doc.rootFrame()
    bottom = layout.frameBoundingRect(frame).bottom()
    lead = None
    block = doc.findBlock(frame.firstPosition() - 1)
    while block.isValid() and QTextCursor(block).currentFrame() == root:
        if bottom - layout.blockBoundingRect(block).top() > page_height:
            return None
        if block.length() > 1:  # skip the empty blocks Qt keeps between tables
            lead = block
        block = block.previous()
    return lead


def _break_before(frame, lead) -> None:
    if lead is not None:
        fmt = lead.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(lead).setBlockFormat(fmt)
        return
    fmt = frame.frameFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    frame.setFrameFormat(fmt)


def _paint(html: str, device: QPagedPaintDevice, *, footer_name: str, lang: str) -> int:
    """Lay ``html`` out on ``device`` (already set up: size, margins) and paint every page.
    Returns the number of pages."""
    ensure_gui_app()
    footer_px = FOOTER_MM / 25.4 * device.logicalDpiY()
    width, height = float(device.width()), float(device.height())
    page_height = height - footer_px
    doc = _build_document(html, device, page_height)
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start drawing on the printer or PDF file")
    try:
        layout = doc.documentLayout()
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            view = QRectF(0, page * page_height, width, page_height)
            painter.setClipRect(view)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = view
            ctx.palette.setColor(ctx.palette.ColorRole.Text, QColor("black"))
            layout.draw(painter, ctx)
            painter.restore()
            _draw_footer(painter, width, height, footer_px, page + 1, pages, footer_name, lang)
    finally:
        painter.end()
    return pages


def _draw_footer(
    painter: QPainter,
    width: float,
    height: float,
    footer_px: float,
    page: int,
    pages: int,
    name: str,
    lang: str,
) -> None:
    painter.save()
    font = _font(FOOTER_PT)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    top = height - footer_px
    line_y = top + footer_px * 0.30
    pen = QPen(QColor("#777777"))
    pen.setWidthF(max(1.0, painter.device().logicalDpiY() / 200))
    painter.setPen(pen)
    painter.drawLine(QPointF(0, line_y), QPointF(width, line_y))
    painter.setPen(QColor("#222222"))
    text_rect = QRectF(0, line_y + metrics.height() * 0.25, width, metrics.height() * 1.3)
    middle = Qt.AlignmentFlag.AlignVCenter
    # Left third: the person's name (cut short if long); middle: where the page comes
    # from; right: "n / N". Drawn in that order, so the page number ends the text layer.
    third = QRectF(0, text_rect.top(), width / 3, text_rect.height())
    label = name.strip()
    if label:
        label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, third.width() * 0.95)
        painter.drawText(third, int(Qt.AlignmentFlag.AlignLeft | middle), label)
    painter.setPen(QColor("#666666"))
    painter.drawText(
        third.translated(width / 3, 0),
        int(Qt.AlignmentFlag.AlignHCenter | middle),
        FOOTER_MARK.get(lang, FOOTER_MARK["zh"]),
    )
    painter.setPen(QColor("#222222"))
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | middle), f"{page} / {pages}")
    painter.restore()


def _page_layout(page_size: str) -> QPageLayout:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page_size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        PAGE_MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def _pdf_bytes(
    html: str, layout: QPageLayout, *, resolution: int, footer_name: str, lang: str, title: str
) -> PdfResult:
    ensure_gui_app()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(resolution)
    writer.setPageLayout(layout)
    writer.setTitle(title or _html_title(html) or "Passage")
    writer.setCreator("Passage")
    pages = _paint(html, writer, footer_name=footer_name, lang=lang)
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    return PdfResult(_fix_to_unicode(bytes(array.data())), pages)


def _html_title(html: str) -> str:
    """The page's ``<title>`` as plain text, for the PDF's document properties."""
    match = re.search(r"<title>(.*?)</title>", html, re.S | re.I)
    return htmllib.unescape(match.group(1)).strip() if match else ""


def html_to_pdf_bytes(
    html: str, *, page_size: str = "A4", footer_name: str = "", lang: str = "zh", title: str = ""
) -> PdfResult:
    """Render ``html`` to PDF in memory: ``(data, pages)``."""
    return _pdf_bytes(
        html,
        _page_layout(page_size),
        resolution=600,
        footer_name=footer_name,
        lang=lang,
        title=title,
    )


def html_to_pdf(
    html: str,
    out_path: str | os.PathLike[str],
    *,
    page_size: str = "A4",
    footer_name: str = "",
    lang: str = "zh",
    title: str = "",
) -> int:
    """Write ``html`` as a PDF at ``out_path`` and return the page count.

    The file appears complete or not at all (written beside it, then moved into place).
    Raises :class:`OSError` when the file cannot be written, ValueError for an unknown
    ``page_size`` ("A4" or "Letter").
    """
    result = html_to_pdf_bytes(
        html, page_size=page_size, footer_name=footer_name, lang=lang, title=title
    )
    _write_atomically(Path(out_path), result.data)
    return result.pages


def paint_to_printer(html: str, printer: QPrinter, footer_name: str = "", lang: str = "zh") -> int:
    """Paint ``html`` on ``printer`` with our footer; returns the page count.

    Connect it to ``QPrintPreviewDialog.paintRequested`` (which passes the printer), e.g.
    ``dialog.paintRequested.connect(lambda p: paint_to_printer(html, p, name, lang))``.
    The page size and margins are whatever the printer (or the user, in the dialog) set.
    When the printer prints to a PDF file ("Print to file"), the file is made the way
    :func:`html_to_pdf` makes it, so its text layer gets the same repair.
    """
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        result = _pdf_bytes(
            html,
            printer.pageLayout(),
            resolution=printer.resolution(),
            footer_name=footer_name,
            lang=lang,
            title=printer.docName(),
        )
        _write_atomically(Path(printer.outputFileName()), result.data)
        return result.pages
    return _paint(html, printer, footer_name=footer_name, lang=lang)


def print_document(html: str, printer: QPrinter, *, footer_name: str = "", lang: str = "zh") -> int:
    """Print ``html`` on a printer chosen in a QPrintDialog; returns the page count."""
    return paint_to_printer(html, printer, footer_name, lang)


# --------------------------------------------------------------------------- text layer fix
#
# WORKAROUND: Qt's PDF writer maps each embedded glyph back to *one* character by trying
# code points in ascending order (QFontSubset::getReverseMap, Qt 6.12). CJK fonts draw a
# Kangxi radical (U+2F00-) or a radical-supplement form (U+2E80-) with the same glyph as
# the ordinary character, and those blocks come first, so the PDF's text layer says
# "⼯" (KANGXI RADICAL WORK) where the page shows "工", "⻔" where it shows "门", and so
# on for about 280 common characters. The page looks right, but copying, searching and
# screen readers get the radicals. The ToUnicode maps Qt writes are uncompressed
# four-digit hex lists, so each wrong entry is swapped, in place and at the same length,
# for the ordinary character the font draws with the same glyph. No offsets move.

_CMAP_BLOCK = re.compile(rb"begincmap.*?endcmap", re.S)
_ARRAY = re.compile(rb"\[([^\]]*)\]")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFCHAR_PAIR = re.compile(rb"(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]{4})>")
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


@cache
def _radical_map() -> dict[int, int]:
    """Radical code point -> the unified ideograph drawn with the same glyph, read from
    the font that draws our Chinese text (so it follows that font's own choices, such as
    ⼾ -> 户 rather than 戶 in a Simplified Chinese face)."""
    ensure_gui_app()
    raw = QRawFont.fromFont(_font(12), QFontDatabase.WritingSystem.SimplifiedChinese)
    if not raw.isValid():
        return {}
    unified = [*range(0x4E00, 0xA000), *range(0x3400, 0x4DC0)]
    by_glyph: dict[int, int] = {}
    for cp, glyph in zip(
        unified, raw.glyphIndexesForString("".join(map(chr, unified))), strict=True
    ):
        if glyph:
            by_glyph.setdefault(glyph, cp)
    radicals = range(0x2E80, 0x2FE0)
    out: dict[int, int] = {}
    for cp, glyph in zip(
        radicals, raw.glyphIndexesForString("".join(map(chr, radicals))), strict=True
    ):
        if glyph and glyph in by_glyph:
            out[cp] = by_glyph[glyph]
    return out


def _fix_to_unicode(pdf: bytes) -> bytes:
    table = _radical_map()
    if not table:
        return pdf

    def swap(match: re.Match[bytes]) -> bytes:
        new = table.get(int(match.group(1), 16))
        return b"<%04X>" % new if new is not None else match.group(0)

    def fix_array(match: re.Match[bytes]) -> bytes:
        return b"[" + _HEX4.sub(swap, match.group(1)) + b"]"

    def fix_pair(match: re.Match[bytes]) -> bytes:
        return match.group(1) + swap(
            re.match(rb"<([0-9A-Fa-f]{4})>", match.group(0)[len(match.group(1)) :])
        )

    def fix_bfchar(match: re.Match[bytes]) -> bytes:
        return b"beginbfchar" + _BFCHAR_PAIR.sub(fix_pair, match.group(1)) + b"endbfchar"

    def fix_block(match: re.Match[bytes]) -> bytes:
        block = match.group(0)
        fixed = _BFCHAR.sub(fix_bfchar, _ARRAY.sub(fix_array, block))
        return fixed if len(fixed) == len(block) else block  # never move an offset

    return _CMAP_BLOCK.sub(fix_block, pdf)
