"""The right-hand side of the Guide: one topic (or one section's introduction) to read.

Everything a topic shows sits in *one* scroll area: title, dates, the "may have changed"
notice, the text, its sources and the person's notes. At 200 % text on a small screen,
several nested scroll areas would each get a few lines; one page that scrolls as a
whole reads like a printed leaflet. The text itself is a QTextBrowser that grows to its
content's height (:class:`FlowBrowser`) and passes scrolling keys to the page.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from html import escape
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractSlider,
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.content.markdown import render_markdown
from desktop.content.model import Catalog, SeedPassage, Source, Topic
from desktop.store import StoreError
from desktop.textformat import format_date, format_partial_date
from desktop.ui.dialogs import Dialogs
from desktop.ui.messages import store_error
from desktop.ui.pages.guide_browser import FlowBrowser
from desktop.ui.pages.guide_format import passage_html, source_html
from desktop.ui.session import Session
from desktop.ui.widgets import Heading, Paragraph

NOTE_TITLE_LENGTH = 60

_SCROLL_KEYS = {
    Qt.Key.Key_Down: QAbstractSlider.SliderAction.SliderSingleStepAdd,
    Qt.Key.Key_Up: QAbstractSlider.SliderAction.SliderSingleStepSub,
    Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
    Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
    Qt.Key.Key_Space: QAbstractSlider.SliderAction.SliderPageStepAdd,
    Qt.Key.Key_Home: QAbstractSlider.SliderAction.SliderToMinimum,
    Qt.Key.Key_End: QAbstractSlider.SliderAction.SliderToMaximum,
}


def _fit_list_height(view: QListWidget) -> None:
    """Make a short list exactly as tall as its rows, so the page scrolls, not the list."""
    rows = sum(view.sizeHintForRow(r) for r in range(view.count()))
    view.setFixedHeight(rows + 2 * view.frameWidth() + 4)


def note_title(text: str, fallback: str) -> str:
    """The first line of a note, shortened, as its title (the topic title if empty)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first:
        return fallback
    if len(first) > NOTE_TITLE_LENGTH:
        return first[: NOTE_TITLE_LENGTH - 1].rstrip() + "…"
    return first


class TopicView(QScrollArea):
    """Signals:
    topicLinkActivated(str): a link to another topic was followed (section overviews).
    aboutRequested: the person asked for the page about all sources.
    """

    topicLinkActivated = Signal(str)
    aboutRequested = Signal()

    def __init__(
        self,
        catalog: Catalog,
        session: Session,
        dialogs: Dialogs,
        today: _dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.session = session
        self.dialogs = dialogs
        self.today = today
        self.lang = "zh"
        self.kind: str | None = None  # "topic" | "section"
        self.item_id: str | None = None
        self._terms: tuple[str, ...] = ()
        self._html_cache: dict[tuple[str, str, str], str] = {}
        self.source_widgets: list[QWidget] = []

        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Always on: the text's height depends on the width, and a scroll bar that came
        # and went would change the width again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget()
        page.setObjectName("guideTopicPage")
        page.setStyleSheet("QWidget#guideTopicPage { background: #ffffff; }")
        self.setWidget(page)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(16, 12, 16, 16)
        lay.setSpacing(8)

        self.section_label = Paragraph()
        self.title = Heading(level=2)
        self.reviewed_label = Paragraph()
        self.as_of_label = Paragraph()
        self.notice = Paragraph()
        self.notice.setObjectName("reviewNotice")
        self.notice.setStyleSheet(
            "QLabel#reviewNotice { background-color: #fff4ce; color: #3d2e00;"
            " border: 1px solid #c9a227; border-radius: 4px; padding: 8px; }"
        )
        self.body = FlowBrowser()
        self.body.anchorClicked.connect(self._on_anchor)
        self.body.installEventFilter(self)
        for w in (
            self.section_label,
            self.title,
            self.reviewed_label,
            self.as_of_label,
            self.notice,
            self.body,
        ):
            lay.addWidget(w)

        self.sources_box = QGroupBox()
        self.sources_layout = QVBoxLayout(self.sources_box)
        self.sources_layout.setSpacing(10)
        self.about_sources_button = QPushButton()
        self.about_sources_button.clicked.connect(self.aboutRequested)
        lay.addWidget(self.sources_box)

        self.notes_box = QGroupBox()
        nl = QVBoxLayout(self.notes_box)
        self.notes_empty = Paragraph()
        self.notes_list = QListWidget()
        self.notes_list.setWordWrap(True)
        self.notes_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes_list.itemActivated.connect(self._show_note)
        self.add_note_button = QPushButton()
        self.add_note_button.clicked.connect(self.add_note)
        nl.addWidget(self.notes_empty)
        nl.addWidget(self.notes_list)
        nl.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.notes_box)
        lay.addStretch(1)

        session.profileChanged.connect(self.refresh_notes)
        self.retranslate()

    # -- what to show -----------------------------------------------------------------
    def show_topic(self, topic_id: str, lang: str, terms: Iterable[str] = ()) -> None:
        """Show one topic in ``lang``; ``terms`` (from a search) are highlighted in its text."""
        self.catalog.topic(topic_id)  # KeyError for an unknown id, before anything changes
        self.kind, self.item_id, self.lang = "topic", topic_id, lang
        self._terms = tuple(t for t in terms if t.strip())
        self._render()

    def show_section(self, section_id: str, lang: str) -> None:
        """Show a section's introduction with links to its topics."""
        self.catalog.section(section_id)
        self.kind, self.item_id, self.lang = "section", section_id, lang
        self._terms = ()
        self._render()

    def set_terms(self, terms: Iterable[str]) -> None:
        """Mark other words in the text shown (none: remove the marks); keeps the scroll."""
        self._terms = tuple(t for t in terms if t.strip())
        if self.kind == "topic":
            self._highlight_terms(scroll=bool(self._terms))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._render()

    def current_topic_id(self) -> str | None:
        return self.item_id if self.kind == "topic" else None

    # -- rendering --------------------------------------------------------------------
    def _render(self) -> None:
        if self.kind == "topic" and self.item_id:
            self._render_topic(self.item_id)
        elif self.kind == "section" and self.item_id:
            self._render_section(self.item_id)

    def _body_html(self, kind: str, item_id: str, markdown_text: str) -> str:
        key = (kind, item_id, self.lang)
        if key not in self._html_cache:
            self._html_cache[key] = render_markdown(markdown_text)
        return self._html_cache[key]

    def _render_topic(self, topic_id: str) -> None:
        topic = self.catalog.topic(topic_id)
        lang = self.lang
        section = self.catalog.section(topic.section)
        self.section_label.setText(section.title.get(lang))
        self.title.setText(topic.title.get(lang))
        self.reviewed_label.setText(
            self.tr("Reviewed on %1").replace("%1", format_date(topic.reviewed, lang))
        )
        self.reviewed_label.show()
        if topic.facts:
            oldest = min((self.catalog.facts[f] for f in topic.facts), key=lambda f: f.as_of)
            self.as_of_label.setText(
                self.tr("Oldest figure here as of %1").replace(
                    "%1", format_partial_date(oldest.as_of_text[:7], lang)
                )
            )
        self.as_of_label.setVisible(bool(topic.facts))
        self._update_notice(topic)
        self.body.set_html(self._body_html("topic", topic.id, topic.body.get(lang)))
        self.body.setAccessibleName(self.tr("Text of the topic"))
        self._fill_sources(topic.sources)
        self.sources_box.show()
        self.notes_box.show()
        self.refresh_notes()
        self._highlight_terms()

    def _update_notice(self, topic: Topic) -> None:
        stale = self.catalog.stale_facts(topic.facts, self.today)
        if not stale:
            self.notice.hide()
            return
        # Judged by the age of each figure's source, not by when we last read the page.
        # One date for the figures that share it, oldest first: a page with seven
        # numbers from one list reads "…, … (September 2025)", not seven dates.
        groups: dict[str, list[str]] = {}
        for fact in stale:
            groups.setdefault(fact.as_of_text[:7], []).append(fact.label.get(self.lang))
        zh = self.lang == "zh"  # Chinese punctuation in a Chinese sentence
        names = ("；" if zh else "; ").join(
            ("、" if zh else ", ").join(labels)
            + (
                f"（{format_partial_date(date, 'zh')}）"
                if zh
                else f" ({format_partial_date(date, 'en')})"
            )
            for date, labels in groups.items()
        )
        text = self.tr(
            "Some figures here come from sources more than 12 months old and may have "
            "changed: %1. Check them with the official source named below."
        ).replace("%1", names)
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.show()

    def _render_section(self, section_id: str) -> None:
        section = self.catalog.section(section_id)
        lang = self.lang
        self.section_label.setText(self.tr("Guide"))
        self.title.setText(section.title.get(lang))
        for w in (self.reviewed_label, self.as_of_label, self.notice):
            w.hide()
        items = "".join(
            f'<li><a href="topic:{escape(t.id)}">{escape(t.title.get(lang))}</a><br>'
            f"{escape(t.summary.get(lang))}</li>"
            for t in section.topics
        )
        html = (
            self._body_html("section", section.id, section.intro.get(lang))
            + "<h3>"
            + escape(self.tr("Topics in this section"))
            + f"</h3><ul>{items}</ul>"
        )
        self.body.set_html(html)
        self.body.setAccessibleName(self.tr("Introduction to the section"))
        self._clear_sources()
        self.sources_box.hide()
        self.notes_box.hide()
        self.body.setExtraSelections([])
        self._scroll_to(0)

    def _clear_sources(self) -> None:
        for w in self.source_widgets:
            # Hidden at once: deleteLater waits for the event loop, and a row left
            # visible until then would be drawn under the next topic's sources.
            self.sources_layout.removeWidget(w)
            w.hide()
            w.deleteLater()
        self.source_widgets = []
        self.sources_layout.removeWidget(self.about_sources_button)

    def _fill_sources(self, refs: Iterable[str]) -> None:
        self._clear_sources()
        lang = self.lang
        focusable: list[QWidget] = []
        for number, ref in enumerate(refs, start=1):
            cited = self.catalog.resolve(ref)
            # One label per source (the number in a table cell gives the hanging indent):
            # every widget costs a style-sheet polish, and a topic may cite a dozen sources.
            if isinstance(cited, Source):
                widget: QWidget = self._numbered_label(number, source_html(cited, lang))
                widget.setObjectName("source:" + cited.id)
            else:
                widget, button = self._passage_row(number, cited)
                focusable.append(button)
            self.sources_layout.addWidget(widget)
            widget.show()  # on a visible page a new child would only appear after the event loop
            self.source_widgets.append(widget)
        self.sources_layout.addWidget(self.about_sources_button, 0, Qt.AlignmentFlag.AlignLeft)
        focusable.append(self.about_sources_button)
        # New widgets join the end of the window's Tab chain; put them back in reading order.
        chain = [self.body, *focusable, self.notes_list, self.add_note_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _numbered_label(number: int, html: str) -> Paragraph:
        label = Paragraph()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(
            '<table cellspacing="0" cellpadding="0"><tr>'
            f'<td width="28" align="right">{number}.&nbsp;</td><td>{html}</td></tr></table>'
        )
        return label

    def _passage_row(self, number: int, passage: SeedPassage) -> tuple[QWidget, QPushButton]:
        """A seed passage: what it is, and a button that shows what it says."""
        doc = self.catalog.seeds[passage.document_id]
        row = QWidget()
        col = QVBoxLayout(row)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(4)
        label = self._numbered_label(
            number, passage_html(doc.title.get(self.lang), passage, self.lang)
        )
        label.setObjectName("passage:" + passage.locator)
        summary = Paragraph(passage.summary.get(self.lang))
        summary.setObjectName("summary:" + passage.locator)
        summary.setContentsMargins(28, 0, 0, 0)
        summary.hide()
        button = QPushButton(self.tr("Show what it says"))
        button.setCheckable(True)
        button.setObjectName("toggle:" + passage.locator)
        heading = passage.heading.get(self.lang)
        button.setAccessibleName(self.tr("Show what this passage says: %1").replace("%1", heading))

        def toggled(on: bool) -> None:
            summary.setVisible(on)
            button.setText(self.tr("Hide") if on else self.tr("Show what it says"))

        button.toggled.connect(toggled)
        indent = QHBoxLayout()
        indent.setContentsMargins(28, 0, 0, 0)
        indent.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        col.addWidget(label)
        col.addLayout(indent)
        col.addWidget(summary)
        return row, button

    # -- search highlight ---------------------------------------------------------------
    def _highlight_terms(self, *, scroll: bool = True) -> None:
        doc = self.body.document()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe066"))
        fmt.setForeground(QColor("#000000"))
        selections: list[QTextEdit.ExtraSelection] = []
        for term in self._terms:
            cursor = QTextCursor(doc)
            while True:
                cursor = doc.find(term, cursor)
                if cursor.isNull():
                    break
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
        self.body.setExtraSelections(selections)
        if not scroll:
            return
        if not selections:
            self._scroll_to(0)
            return
        first = min(s.cursor.selectionStart() for s in selections)
        # The layout settles after this event; scroll once it has.
        QTimer.singleShot(0, self, lambda: self._scroll_to_position(first))

    def _scroll_to_position(self, position: int) -> None:
        if self.kind != "topic" or position >= self.body.document().characterCount():
            return
        cursor = QTextCursor(self.body.document())
        cursor.setPosition(position)
        rect = self.body.cursorRect(cursor)
        point = self.body.viewport().mapTo(self.widget(), rect.topLeft())
        self.ensureVisible(point.x(), point.y(), 0, self.viewport().height() // 3)

    def _scroll_to(self, value: int) -> None:
        self.verticalScrollBar().setValue(value)

    # -- notes --------------------------------------------------------------------------
    def refresh_notes(self) -> None:
        """List the current profile's notes about the topic shown (after a profile switch too)."""
        topic_id = self.current_topic_id()
        self.notes_list.clear()
        if topic_id is None:
            return
        try:
            notes = self.session.store.list_notes(self.session.profile.id, link=("topic", topic_id))
        except StoreError as exc:
            self.dialogs.error(self.tr("Notes"), store_error(exc))
            notes = []
        for note in notes:
            item = QListWidgetItem(note.title)
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            item.setToolTip(note.body)
            self.notes_list.addItem(item)
        self.notes_list.setVisible(bool(notes))
        self.notes_empty.setVisible(not notes)
        _fit_list_height(self.notes_list)

    def add_note(self) -> None:
        """Ask for a note and keep it with this topic, for the current profile."""
        topic_id = self.current_topic_id()
        if topic_id is None:
            return
        topic = self.catalog.topic(topic_id)
        text = self.dialogs.ask_text(
            self.tr("Note about this topic"),
            self.tr('Write your note about "%1":').replace("%1", topic.title.get(self.lang)),
        )
        if text is None or not text.strip():
            return
        try:
            self.session.store.create_note(
                self.session.profile.id,
                title=note_title(text, topic.title.get(self.lang)),
                body=text.strip(),
                link_kind="topic",
                link_id=topic.id,
            )
        except StoreError as exc:
            self.dialogs.error(self.tr("Note about this topic"), store_error(exc))
            return
        self.refresh_notes()

    def _show_note(self, item: QListWidgetItem) -> None:
        note_id = item.data(Qt.ItemDataRole.UserRole)
        note = self.session.store.get_note(int(note_id)) if note_id is not None else None
        if note is not None:
            self.dialogs.inform(note.title, note.body)

    # -- links and keys -----------------------------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("topic:"):
            self.topicLinkActivated.emit(target.removeprefix("topic:"))
            return
        # The app never goes online; give the address so the person can type it elsewhere.
        self.dialogs.inform(
            self.tr("Website address"),
            self.tr(
                "Passage does not open websites. To visit this page, type this address "
                "into a web browser: %1"
            ).replace("%1", target),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The text has no scroll bar of its own: its scrolling keys move the whole page.
        if watched is getattr(self, "body", None):
            if event.type() == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                action = _SCROLL_KEYS.get(Qt.Key(event.key()))
                mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                plain = mods in (
                    Qt.KeyboardModifier.NoModifier,
                    Qt.KeyboardModifier.ControlModifier,
                )
                if action is not None and plain:
                    self.verticalScrollBar().triggerAction(action)
                    return True
            elif event.type() == QEvent.Type.Wheel:
                QApplication.sendEvent(self.verticalScrollBar(), event)
                return True
        return super().eventFilter(watched, event)

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Topic"))
        self.sources_box.setTitle(self.tr("Where this information comes from"))
        self.about_sources_button.setText(self.tr("About all the sources…"))
        self.notes_box.setTitle(self.tr("Your notes about this topic"))
        self.notes_empty.setText(
            self.tr("You have no notes about this topic yet. Notes stay on this computer.")
        )
        self.notes_list.setAccessibleName(self.tr("Your notes about this topic"))
        self.add_note_button.setText(self.tr("&Add a note about this topic…"))
        self.add_note_button.setAccessibleName(self.tr("Add a note about this topic"))
        self._render()
