"""The Guide: browse or search the topics on the left, read one on the right.

Left: a search field above the table of contents (sections, then topics). While a
search is typed, the contents give way to the results, each with the words found
highlighted; clearing the field brings the contents back. Below them, a button opens
"About this information", the list of every source.

Right: the topic (see :mod:`desktop.ui.pages.guide_topic`) or the About page.

Content (titles, texts, sources) is bilingual *data* and follows
:meth:`GuidePage.set_content_language`; the interface's own words follow Qt's
translation system like every other page.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.content.model import Catalog
from desktop.content.search import search as search_catalog
from desktop.i18n import normalise
from desktop.ui.dialogs import Dialogs
from desktop.ui.pages.guide_about import AboutView
from desktop.ui.pages.guide_results import TOPIC_ROLE, ResultsList
from desktop.ui.pages.guide_topic import TopicView
from desktop.ui.session import Session
from desktop.ui.widgets import Paragraph

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

# Words that find something in each language, offered when a search finds nothing.
EXAMPLE_WORDS = {"zh": "护照、合同、押金", "en": "passport, contract, deposit"}


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped title: long titles stay whole at 200 % text."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self.parent()
        assert isinstance(view, QTreeWidget)
        depth = 1
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        # The style draws the text inside the row less a small margin on each side.
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        width = max(40, view.viewport().width() - view.indentation() * depth - 2 * margin)
        rect = opt.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, opt.text
        )
        return QSize(width, rect.height() + 8)


class ContentsTree(QTreeWidget):
    """Sections and their topics; titles wrap instead of being cut off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setIndentation(14)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(_WrappingDelegate(self))
        self._laid_out_width = -1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Row heights depend on the width: lay the rows out again when it changes.
        if self.viewport().width() != self._laid_out_width:
            self._laid_out_width = self.viewport().width()
            self.doItemsLayout()


class GuidePage(QWidget):
    """The Guide page. Public: :meth:`show_topic`, :meth:`search`, :meth:`show_about`,
    :meth:`set_content_language`. No signals: notes are stored here directly.
    """

    def __init__(
        self,
        catalog: Catalog,
        session: Session,
        dialogs: Dialogs,
        *,
        today: _dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.session = session
        self._dialogs = dialogs
        self.today = today or _dt.date.today()
        self.language = normalise(session.setting("language")) or "zh"
        self._query = ""

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        lay.addWidget(self.splitter)

        # -- left: search, contents or results, About -----------------------------------
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(8, 8, 4, 8)
        self.search_label = QLabel()
        self.search_field = QLineEdit()
        self.search_field.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_field)
        ll.addWidget(self.search_label)
        ll.addWidget(self.search_field)

        self.left_stack = QStackedWidget()
        self.tree = ContentsTree()
        self._tree_items: dict[str, QTreeWidgetItem] = {}
        self._build_tree()

        results_page = QWidget()
        rl = QVBoxLayout(results_page)
        rl.setContentsMargins(0, 0, 0, 0)
        self.results_status = Paragraph()
        self.results_status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.results = ResultsList()
        rl.addWidget(self.results_status)
        rl.addWidget(self.results, 1)
        self.left_stack.addWidget(self.tree)
        self.left_stack.addWidget(results_page)
        ll.addWidget(self.left_stack, 1)

        self.about_button = QPushButton()
        ll.addWidget(self.about_button)

        # -- right: a topic, or About ---------------------------------------------------
        self.right_stack = QStackedWidget()
        self.topic_view = TopicView(catalog, session, dialogs, self.today)
        self.about_view = AboutView(catalog)
        self.right_stack.addWidget(self.topic_view)
        self.right_stack.addWidget(self.about_view)

        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right_stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 700])

        # -- behaviour ------------------------------------------------------------------
        self.search_field.textChanged.connect(self._on_query)
        self.search_field.installEventFilter(self)
        self.tree.currentItemChanged.connect(self._on_tree_current)
        self.tree.itemActivated.connect(self._on_tree_activated)
        self.tree.itemClicked.connect(lambda item, _col: self._show_tree_item(item))
        self.results.currentItemChanged.connect(self._on_result_current)
        self.results.itemActivated.connect(self._on_result_activated)
        self.results.itemClicked.connect(self._on_result_current)
        self.about_button.clicked.connect(self.show_about)
        self.topic_view.aboutRequested.connect(self.show_about)
        self.topic_view.topicLinkActivated.connect(self._open_linked_topic)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self.setFocusProxy(self.tree)

        self.retranslate()
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    # -- the dialogs object can be replaced (tests script it) ---------------------------
    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs

    @dialogs.setter
    def dialogs(self, value: Dialogs) -> None:
        self._dialogs = value
        self.topic_view.dialogs = value

    # -- public -------------------------------------------------------------------------
    def show_topic(self, topic_id: str) -> None:
        """Open a topic (raises KeyError for an unknown id) and select it in the contents."""
        self.topic_view.show_topic(topic_id, self.language)
        self.right_stack.setCurrentWidget(self.topic_view)
        self._select_in_tree(topic_id)

    def search(self, text: str) -> None:
        """Search the Guide for ``text`` and list what was found (empty text: the contents)."""
        if self.search_field.text() == text:
            self._on_query(text)
        else:
            self.search_field.setText(text)

    def show_about(self) -> None:
        """Show "About this information": every source, and the background papers."""
        self.about_view.show_sources(self.language)
        self.right_stack.setCurrentWidget(self.about_view)

    def set_content_language(self, lang: str) -> None:
        """Show all content (contents, topic, sources, results) in ``lang`` ("zh" or "en")."""
        lang = normalise(lang) or "zh"
        if lang == self.language:
            return
        self.language = lang
        self._retitle_tree()
        self.topic_view.set_language(lang)
        if self.right_stack.currentWidget() is self.about_view:
            self.about_view.show_sources(lang)
        if self._query:
            self._on_query(self.search_field.text())

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # -- contents tree --------------------------------------------------------------------
    def _build_tree(self) -> None:
        for section in self.catalog.sections:
            sitem = QTreeWidgetItem([""])
            sitem.setData(0, KIND_ROLE, "section")
            sitem.setData(0, ID_ROLE, section.id)
            font = sitem.font(0)
            font.setBold(True)
            sitem.setFont(0, font)
            self.tree.addTopLevelItem(sitem)
            self._tree_items["section:" + section.id] = sitem
            for topic in section.topics:
                titem = QTreeWidgetItem([""])
                titem.setData(0, KIND_ROLE, "topic")
                titem.setData(0, ID_ROLE, topic.id)
                sitem.addChild(titem)
                self._tree_items[topic.id] = titem
        self.tree.expandAll()
        self._retitle_tree()

    def _retitle_tree(self) -> None:
        lang = self.language
        for section in self.catalog.sections:
            self._tree_items["section:" + section.id].setText(0, section.title.get(lang))
            for topic in section.topics:
                self._tree_items[topic.id].setText(0, topic.title.get(lang))

    def _select_in_tree(self, topic_id: str) -> None:
        item = self._tree_items.get(topic_id)
        if item is None or self.tree.currentItem() is item:
            return
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.tree.scrollToItem(item)

    def _show_tree_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind, ident = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if kind == "topic":
            self.topic_view.show_topic(ident, self.language)
        else:
            self.topic_view.show_section(ident, self.language)
        self.right_stack.setCurrentWidget(self.topic_view)

    def _on_tree_current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        # Moving with the arrow keys shows each item at once; Enter moves into the text.
        self._show_tree_item(item)

    def _on_tree_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self._show_tree_item(item)
        self.topic_view.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_linked_topic(self, topic_id: str) -> None:
        if topic_id in self.catalog.topics:
            self.show_topic(topic_id)
            self.topic_view.body.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- search -----------------------------------------------------------------------------
    def _on_query(self, text: str) -> None:
        query = text.strip()
        if query != self._query:
            # The words marked in the open topic belong to the old search.
            self.topic_view.set_terms(())
        self._query = query
        if not query:
            self.results.set_hits([], "")
            self.left_stack.setCurrentIndex(0)
            return
        hits = search_catalog(self.catalog, query, self.language)
        lang = self.language
        rows = [
            (
                hit,
                self.catalog.topic(hit.topic_id).title.get(lang),
                self.catalog.topic(hit.topic_id).summary.get(lang),
            )
            for hit in hits
        ]
        self.results.set_hits(rows, self.tr("Related words: %1"))
        self.results.setVisible(bool(hits))
        self.left_stack.setCurrentIndex(1)
        self._update_results_status(len(hits))

    def _update_results_status(self, count: int) -> None:
        if not self._query:
            return
        if count:
            text = self.tr("Topics found: %1").replace("%1", str(count))
        else:
            text = (
                self.tr(
                    'Nothing was found for "%1". Try a shorter word, or another word '
                    "with the same meaning, such as: %2."
                )
                .replace("%2", EXAMPLE_WORDS.get(self.language, EXAMPLE_WORDS["zh"]))
                .replace("%1", self._query)
            )
        self.results_status.setText(text)
        self.results_status.setAccessibleName(text)

    def _terms(self) -> list[str]:
        return self._query.split()

    def _open_result(self, item: QListWidgetItem | None) -> bool:
        topic_id = None if item is None else item.data(TOPIC_ROLE)
        if not topic_id:
            return False
        self.topic_view.show_topic(topic_id, self.language, self._terms())
        self.right_stack.setCurrentWidget(self.topic_view)
        self._select_in_tree(topic_id)
        return True

    def _on_result_current(self, item: QListWidgetItem | None, *_args: object) -> None:
        self._open_result(item)

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        if self._open_result(item):
            self.topic_view.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # In the search field: Down goes to the results, Enter opens the first one,
        # Escape clears the search and brings the contents back.
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down and self._query and self.results.count():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                self.results.setCurrentRow(max(self.results.currentRow(), 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.count():
                row = max(self.results.currentRow(), 0)
                self.results.setCurrentRow(row)
                self._on_result_activated(self.results.item(row))
                return True
            if key == Qt.Key.Key_Escape and self.search_field.text():
                self.search_field.clear()
                return True
        return super().eventFilter(watched, event)

    # -- language ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search the guide:"))
        self.search_field.setPlaceholderText(self.tr("For example: passport"))
        self.search_field.setAccessibleName(self.tr("Search the guide"))
        self.tree.setAccessibleName(self.tr("Contents of the guide"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.about_button.setText(self.tr("About this &information"))
        self.about_button.setAccessibleName(self.tr("About this information: all the sources"))
        if self._query:
            self._on_query(self.search_field.text())
