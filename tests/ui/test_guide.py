"""The Guide page on the real content: topics with sources and dates, search in both
languages, the "may have changed" notice, notes about a topic, and "About this information"."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTranslator, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop.content.loader import load_catalog
from desktop.content.search import search as search_catalog
from desktop.paths import DataLocation
from desktop.textformat import format_partial_date
from desktop.ui.pages.guide import GuidePage
from desktop.ui.session import Session
from tests.ui.conftest import ScriptedDialogs

JAPAN_ROUTES = "destinations.japan-routes"
SEED_TOPIC = "channels.licensed-enterprise"  # cites the seed passage japan-2018#1.1


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture
def session(store, data_dir):
    return Session(store, DataLocation(data_dir, "option"), None)


@pytest.fixture
def make_page(qtbot, catalog, session):
    def make(lang="en", today=None):
        dialogs = ScriptedDialogs()
        page = GuidePage(catalog, session, dialogs, today=today)
        qtbot.addWidget(page)
        page.set_content_language(lang)
        page.resize(1000, 700)
        return page, dialogs

    return make


def plain(html_or_text: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html_or_text)
    return doc.toPlainText()


def shown_texts(widget) -> str:
    """Everything the labels under ``widget`` show right now, as plain text."""
    return "\n".join(
        plain(label.text())
        for label in widget.findChildren(QLabel)
        if not label.isHidden() and label.isVisibleTo(widget)
    )


def long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def show_active(page, qtbot):
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


# -- a topic ---------------------------------------------------------------------------------------


def test_topic_shows_title_reviewed_date_text_and_every_source(make_page, catalog):
    page, _ = make_page("en")
    page.show_topic(JAPAN_ROUTES)
    topic = catalog.topic(JAPAN_ROUTES)
    view = page.topic_view
    assert view.title.accessibleName() == topic.title.en
    assert view.reviewed_label.text() == f"Reviewed on {long_date(topic.reviewed)}"
    oldest = min((catalog.facts[f] for f in topic.facts), key=lambda f: f.as_of)
    assert view.as_of_label.text() == (
        f"Oldest figure here as of {format_partial_date(oldest.as_of_text[:7], 'en')}"
    )
    # every figure is shown with its as-of month
    plain = view.body.toPlainText()
    for fact_id in topic.facts:
        fact = catalog.facts[fact_id]
        assert fact.value.en in plain
    assert "(as of " in plain
    assert "###" not in view.body.toPlainText()  # Markdown was rendered, not shown raw
    texts = shown_texts(view.sources_box)
    for ref in topic.sources:
        cited = catalog.resolve(ref)
        if ref in catalog.sources:
            assert cited.title.en in texts
            assert cited.publisher.en in texts
        else:
            assert catalog.seeds[cited.document_id].title.en in texts
            assert cited.heading.en in texts
    assert "Confidence: high" in texts


def test_undated_source_says_so(make_page, catalog):
    page, _ = make_page("en")
    topic = next(
        t
        for t in catalog.topics.values()
        if any(catalog.sources.get(r) and catalog.sources[r].undated for r in t.sources)
    )
    page.show_topic(topic.id)
    assert "undated" in shown_texts(page.topic_view.sources_box)


def test_seed_passage_summary_shows_when_asked(make_page, catalog, qtbot):
    page, _ = make_page("en")
    page.show_topic(SEED_TOPIC)
    view = page.topic_view
    toggle = view.findChild(QPushButton, "toggle:japan-2018#1.1")
    summary = view.findChild(QLabel, "summary:japan-2018#1.1")
    assert summary.isHidden()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not summary.isHidden()
    assert summary.text() == catalog.passages["japan-2018#1.1"].summary.en
    assert toggle.text() == "Hide"


def test_unknown_topic_is_refused(make_page):
    page, _ = make_page()
    with pytest.raises(KeyError):
        page.show_topic("channels.no-such-topic")


def test_section_overview_links_to_its_topics(make_page, catalog):
    page, _ = make_page("en")
    first = catalog.sections[0]
    # The page opens on the first section's introduction.
    assert page.topic_view.title.accessibleName() == first.title.en
    assert "Topics in this section" in page.topic_view.body.toPlainText()
    target = first.topics[1]
    page.topic_view.body.anchorClicked.emit(QUrl("topic:" + target.id))
    assert page.topic_view.current_topic_id() == target.id
    assert page.tree.currentItem().text(0) == target.title.en


# -- the "may have changed" notice -----------------------------------------------------------------


def test_topic_with_figures_over_a_year_old_names_them(make_page, catalog):
    page, _ = make_page("en", today=dt.date(2031, 6, 1))
    page.show_topic(JAPAN_ROUTES)
    notice = page.topic_view.notice
    assert not notice.isHidden()
    assert "may have" in notice.text() and "changed" in notice.text()
    for fact_id in catalog.topic(JAPAN_ROUTES).facts:
        assert catalog.facts[fact_id].label.en in notice.text()
    assert "official source" in notice.text()


def test_topic_with_recent_figures_has_no_notice(make_page, catalog):
    topic = catalog.topic(JAPAN_ROUTES)
    # a day when every figure on the page is less than a year old, whatever its review date
    today = min(catalog.facts[f].as_of for f in topic.facts) + dt.timedelta(days=30)
    assert not catalog.stale_facts(topic.facts, today)
    page, _ = make_page("en", today=today)
    page.show_topic(JAPAN_ROUTES)
    assert page.topic_view.notice.isHidden()


def test_the_notice_names_only_the_old_figures(make_page, catalog):
    today = dt.date(2026, 12, 8)
    topic = next(
        t
        for t in catalog.topics.values()
        if catalog.stale_facts(t.facts, today)
        and len(catalog.stale_facts(t.facts, today)) < len(t.facts)
    )
    page, _ = make_page("en", today=today)
    page.show_topic(topic.id)
    text = page.topic_view.notice.text()
    stale = catalog.stale_facts(topic.facts, today)
    for fact_id in topic.facts:
        fact = catalog.facts[fact_id]
        assert (fact.label.en in text) == (fact in stale), fact_id


# -- search ----------------------------------------------------------------------------------------


def test_two_character_chinese_search_lists_hits_and_opens_one(make_page, catalog, qtbot):
    page, _ = make_page("zh")
    page.search("护照")
    expected = [h.topic_id for h in search_catalog(catalog, "护照", "zh")]
    assert expected
    assert page.left_stack.currentIndex() == 1
    assert [page.results.topic_at(r) for r in range(page.results.count())] == expected
    first = page.results.item(0)
    assert catalog.topic(expected[0]).title.zh in first.text()
    assert "#ffe066" in first.data(Qt.ItemDataRole.UserRole + 1)  # the match is marked

    page.results.setCurrentRow(1)
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert page.topic_view.current_topic_id() == expected[1]
    assert page.topic_view.title.accessibleName() == catalog.topic(expected[1]).title.zh
    marked = [s.cursor.selectedText() for s in page.topic_view.body.extraSelections()]
    assert marked and set(marked) == {"护照"}


def test_english_search_ignores_case(make_page, catalog):
    page, _ = make_page("en")
    page.search("PASSPORT")
    upper = [page.results.topic_at(r) for r in range(page.results.count())]
    page.search("passport")
    lower = [page.results.topic_at(r) for r in range(page.results.count())]
    assert upper and upper == lower
    assert page.results_status.text() == f"Topics found: {len(lower)}"


def test_search_field_enter_opens_the_first_result(make_page, qtbot):
    page, _ = make_page("en")
    page.search_field.setText("deposit")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Return)
    assert page.topic_view.current_topic_id() == page.results.topic_at(0)


def test_search_without_results_says_so_and_suggests_words(make_page):
    page, _ = make_page("en")
    page.search("qqxz")
    assert page.results.isHidden()
    text = page.results_status.text()
    assert 'Nothing was found for "qqxz"' in text
    assert "passport" in text


def test_clearing_the_search_brings_back_the_contents(make_page, qtbot):
    page, _ = make_page("en")
    page.search("visa")
    assert page.left_stack.currentIndex() == 1
    qtbot.keyClick(page.search_field, Qt.Key.Key_Escape)
    assert page.search_field.text() == ""
    assert page.left_stack.currentIndex() == 0


# -- languages -------------------------------------------------------------------------------------


def test_content_language_switch_changes_titles_text_and_sources(make_page, catalog):
    page, _ = make_page("en")
    page.show_topic(JAPAN_ROUTES)
    topic = catalog.topic(JAPAN_ROUTES)
    source = catalog.sources[topic.sources[0]]
    assert source.title.en in shown_texts(page.topic_view.sources_box)
    page.set_content_language("zh")
    assert page.topic_view.title.accessibleName() == topic.title.zh
    assert page.tree.currentItem().text(0) == topic.title.zh
    assert page.tree.topLevelItem(0).text(0) == catalog.sections[0].title.zh
    assert source.title.zh in shown_texts(page.topic_view.sources_box)
    assert (
        f"{topic.reviewed.year}年{topic.reviewed.month}月" in page.topic_view.reviewed_label.text()
    )
    page.set_content_language("en")
    assert page.topic_view.title.accessibleName() == topic.title.en


def test_search_results_follow_the_content_language(make_page):
    page, _ = make_page("zh")
    page.search("EPS")
    zh_rows = [page.results.item(r).text() for r in range(page.results.count())]
    page.set_content_language("en")
    en_rows = [page.results.item(r).text() for r in range(page.results.count())]
    assert zh_rows and en_rows and zh_rows != en_rows


class _MarkingTranslator(QTranslator):
    """Wraps the Guide's interface words in brackets, to see them change without a .qm file."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if context in ("GuidePage", "TopicView", "AboutView", "GuideText"):
            return f"[{source}]"
        return ""

    def isEmpty(self):  # Qt ignores a translator that says it is empty
        return False


def test_interface_words_follow_a_language_change(make_page, qapp, qtbot):
    page, _ = make_page("en")
    page.show_topic(JAPAN_ROUTES)
    page.show()
    translator = _MarkingTranslator()
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: page.search_field.accessibleName() == "[Search the guide]")
        qtbot.waitUntil(lambda: page.topic_view.reviewed_label.text().startswith("[Reviewed"))
        assert page.topic_view.add_note_button.text() == "[&Add a note about this topic…]"
        assert "[Confidence: high]" in shown_texts(page.topic_view.sources_box)
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: page.search_field.accessibleName() == "Search the guide")


# -- notes -----------------------------------------------------------------------------------------


def test_adding_a_note_stores_it_with_the_topic_and_lists_it(make_page, store, session, qtbot):
    page, dialogs = make_page("en")
    page.show_topic(JAPAN_ROUTES)
    assert page.topic_view.notes_list.count() == 0
    assert not page.topic_view.notes_empty.isHidden()
    dialogs.texts = ["Ask the agency which status I go on\nThey said TITP"]
    qtbot.mouseClick(page.topic_view.add_note_button, Qt.MouseButton.LeftButton)
    notes = store.list_notes(session.profile.id, link=("topic", JAPAN_ROUTES))
    assert len(notes) == 1
    assert notes[0].title == "Ask the agency which status I go on"
    assert notes[0].body == "Ask the agency which status I go on\nThey said TITP"
    assert page.topic_view.notes_list.count() == 1
    assert page.topic_view.notes_list.item(0).text() == notes[0].title
    assert page.topic_view.notes_empty.isHidden()


def test_cancelled_or_empty_note_stores_nothing(make_page, store, session, qtbot):
    page, dialogs = make_page("en")
    page.show_topic(JAPAN_ROUTES)
    dialogs.texts = [None, "   "]
    qtbot.mouseClick(page.topic_view.add_note_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.topic_view.add_note_button, Qt.MouseButton.LeftButton)
    assert store.list_notes(session.profile.id) == []


def test_notes_list_follows_the_profile(make_page, store, session):
    page, _ = make_page("en")
    page.show_topic(JAPAN_ROUTES)
    first = session.profile.id
    store.create_note(first, title="Mine", body="x", link_kind="topic", link_id=JAPAN_ROUTES)
    page.topic_view.refresh_notes()
    assert page.topic_view.notes_list.count() == 1
    session.create_profile("Second person")
    assert page.topic_view.notes_list.count() == 0
    session.switch_profile(first)
    assert page.topic_view.notes_list.item(0).text() == "Mine"


# -- About this information ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_about_lists_every_source_and_both_papers(make_page, catalog, qtbot, lang):
    page, _ = make_page(lang)
    qtbot.mouseClick(page.about_button, Qt.MouseButton.LeftButton)
    assert page.right_stack.currentWidget() is page.about_view
    text = page.about_view.toPlainText()
    for source in catalog.sources.values():
        assert source.title.get(lang) in text, source.id
    for doc in catalog.seeds.values():
        assert doc.title.get(lang) in text
        assert doc.about.get(lang) in text
        for passage in doc.passages:
            assert passage.heading.get(lang) in text
            assert passage.summary.get(lang) in text


def test_about_is_reached_from_a_topic_and_left_through_the_contents(make_page, qtbot):
    page, _ = make_page("en")
    page.show_topic(JAPAN_ROUTES)
    qtbot.mouseClick(page.topic_view.about_sources_button, Qt.MouseButton.LeftButton)
    assert page.right_stack.currentWidget() is page.about_view
    page.set_content_language("zh")
    assert "对外劳务合作管理条例" in page.about_view.toPlainText()
    page.show_topic("rights.documents")
    assert page.right_stack.currentWidget() is page.topic_view


# -- keyboard --------------------------------------------------------------------------------------


def test_keyboard_find_arrows_and_enter(make_page, catalog, qtbot):
    page, _ = make_page("en")
    show_active(page, qtbot)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    first_topic = catalog.sections[0].topics[0]
    assert page.topic_view.current_topic_id() == first_topic.id
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert page.topic_view.body.hasFocus()

    qtbot.keyClick(page.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_field.hasFocus()
    qtbot.keyClicks(page.search_field, "contract")
    qtbot.keyClick(page.search_field, Qt.Key.Key_Down)
    assert page.results.hasFocus()
    assert page.topic_view.current_topic_id() == page.results.topic_at(0)


def test_every_control_can_be_reached_with_tab(make_page, catalog, qtbot):
    page, _ = make_page("en")
    show_active(page, qtbot)
    page.show_topic(SEED_TOPIC)
    page.search_field.setFocus()
    seen = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    view = page.topic_view
    toggle = view.findChild(QPushButton, "toggle:japan-2018#1.1")
    for widget in (page.tree, page.about_button, view.body, toggle, view.add_note_button):
        assert widget in seen, widget


def test_scrolling_keys_in_the_text_scroll_the_whole_topic(make_page, qtbot):
    page, _ = make_page("en")
    show_active(page, qtbot)
    page.show_topic(JAPAN_ROUTES)
    bar = page.topic_view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    page.topic_view.body.setFocus()
    qtbot.keyClick(page.topic_view.body, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(page.topic_view.body, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0


def test_the_notice_gives_each_date_once(make_page, catalog):
    today = dt.date(2026, 12, 8)
    topic = catalog.topic("destinations.korea-help")
    stale = catalog.stale_facts(topic.facts, today)
    dates = {f.as_of_text[:7] for f in stale}
    assert len(stale) > len(dates)  # several figures share a date here
    page, _ = make_page("zh", today=today)
    page.show_topic(topic.id)
    text = page.topic_view.notice.text()
    for date in dates:
        shown = format_partial_date(date, "zh")
        assert text.count(f"（{shown}）") == 1, shown
