"""The Guide's search results: a list whose rows show the topic title and the words found.

A plain QListWidget cannot draw a highlighted word inside a row, so a small delegate
paints each row's rich text with a QTextDocument. The row's display text stays the plain
"title. snippet" so screen readers and tests read what a person sees.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.content.search import Hit, highlight_html
from desktop.ui.pages.guide_format import qt_marks

TOPIC_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_MARGIN = 6


class _RichTextDelegate(QStyledItemDelegate):
    """Paints a row's HTML (from HTML_ROLE), wrapped to the list's width."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, width: int):
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(ROW_MARGIN)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(width, 50))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index, opt.rect.width())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = (
            QPalette.ColorRole.HighlightedText
            if opt.state & QStyle.StateFlag.State_Selected
            else QPalette.ColorRole.Text
        )
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = option.widget
        width = view.viewport().width() - 2 if isinstance(view, QAbstractItemView) else 300
        doc = self._document(option, index, width)
        return QSize(width, math.ceil(doc.size().height()))


class ResultsList(QListWidget):
    """Search hits, one row each. Row data: TOPIC_ROLE = the topic id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_RichTextDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(2)

    def set_hits(self, rows: list[tuple[Hit, str, str]], keywords_template: str) -> None:
        """Fill the list: each row is (hit, topic title, topic summary).

        Under the title goes the snippet with the words found, or the summary when the
        title itself matched. A match in the keywords is shown through
        ``keywords_template`` ("Related words: %1"), since a bare word list reads oddly.
        Signals are blocked: filling the list must not open a topic by itself.
        """
        self.blockSignals(True)
        self.clear()
        for hit, title, summary in rows:
            if hit.field == "title":
                title_html = qt_marks(highlight_html(hit.snippet, hit.spans))
                extra_html = html.escape(summary)
                extra = summary
            else:
                title_html = html.escape(title)
                extra_html = qt_marks(highlight_html(hit.snippet, hit.spans))
                extra = hit.snippet
                if hit.field == "keywords":
                    extra_html = html.escape(keywords_template).replace("%1", extra_html)
                    extra = keywords_template.replace("%1", extra)
            item = QListWidgetItem(f"{title}. {extra}")
            item.setData(TOPIC_ROLE, hit.topic_id)
            item.setData(HTML_ROLE, f"<b>{title_html}</b><br>{extra_html}")
            self.addItem(item)
        self.blockSignals(False)

    def topic_at(self, row: int) -> str | None:
        item = self.item(row)
        return None if item is None else item.data(TOPIC_ROLE)
