"""The Checklist page on the real content: items by phase with due dates, ticks and notes
saved at once (and still there in a new session), the phase filter, progress, the
printouts (PDF, HTML, printer, emergency card) and the content language."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel

from desktop.advisor.rules import PHASES
from desktop.paths import DataLocation
from desktop.store import open_store
from desktop.ui.pages.checklist import ChecklistPage
from desktop.ui.pages.checklist_output import CardDialog, card_key
from desktop.ui.pages.guide_format import format_date
from desktop.ui.session import Session
from tests.ui.conftest import ScriptedDialogs

TODAY = dt.date.today()
# 40 days ahead: the items due 60 or 90 days before departure are already overdue.
DEPARTURE = TODAY + dt.timedelta(days=40)
ANSWERS = {
    "destination": "japan",
    "departure_date": DEPARTURE.isoformat(),
    "agency_name": "Sunrise Labour Co.",
}


@pytest.fixture(scope="module")
def knowledge():
    from desktop.knowledge import load_knowledge

    return load_knowledge()


@pytest.fixture
def session(store, data_dir, knowledge):
    s = Session(store, DataLocation(data_dir, "option"), None)
    s.set_knowledge(knowledge)
    return s


@pytest.fixture
def make_page(qtbot, session):
    made = []

    def make(lang="en", answers=ANSWERS, sess=None):
        sess = sess or session
        if answers is not None:
            sess.store.replace_answers(sess.profile.id, answers)
            sess.answersChanged.emit()
        page = ChecklistPage(sess, ScriptedDialogs())
        qtbot.addWidget(page)
        page.set_content_language(lang)
        page.resize(1000, 800)
        page.show()  # a hidden page waits to be shown before it builds its list
        made.append(page)
        return page

    yield make
    # Delete the pages (signal connections to lambdas keep them alive otherwise): a
    # later text-size change would re-style every page left over from earlier tests.
    for page in made:
        page.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def row_at(page, index):
    return list(page.rows.values())[index]


def rows_of(page, phase):
    return page.phase_boxes[phase].rows


def plain(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText().replace("\n", " ").replace("\u2029", " ")


def text_of(pdf_path) -> str:
    reader = PdfReader(str(pdf_path))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


# -- the list -----------------------------------------------------------------------------


def test_items_are_grouped_by_phase_in_order_with_the_plans_due_dates(make_page, session):
    page = make_page("en")
    plan = session.plan()
    expected_phases = [p for p in PHASES if any(i.phase == p for i in plan.checklist)]
    shown = [page.phases_layout.itemAt(i).widget().phase for i in range(page.phases_layout.count())]
    assert shown == expected_phases
    assert page.phase_boxes["prepare"].title() == "Getting ready"
    for phase in expected_phases:
        items = [i for i in plan.checklist if i.phase == phase]
        rows = rows_of(page, phase)
        assert [r.item.id for r in rows] == [i.id for i in items]
        for row, item in zip(rows, items, strict=True):
            assert row.check.title() == item.title.en
            assert row.check.accessibleName() == item.title.en
            assert item.why.en in plain(row.details.text())
            if item.due is None:
                assert row.due_label.isHidden()
            else:
                assert format_date(item.due, "en") in row.due_label.text()
    dated = [i for i in plan.checklist if i.due]
    assert dated, "with a departure date, items have due dates"


def test_overdue_items_are_marked_until_ticked(make_page, session):
    page = make_page("en")
    overdue = [i for i in session.plan().checklist if i.overdue]
    assert overdue, "items due long before a departure 40 days away are overdue"
    row = page.rows[overdue[0].id]
    assert "Overdue" in row.due_label.text()
    row.check.click()
    assert "Overdue" not in row.due_label.text()
    assert "Done" in row.due_label.text()


def test_sources_are_resolved_through_the_catalog(make_page, session, knowledge):
    page = make_page("en")
    item = session.plan().checklist[0]
    source = knowledge.catalog.resolve(item.sources[0])
    row = page.rows[item.id]
    text = row.sources_text()
    assert text.startswith("Sources: ")
    assert source.title.en in text and source.publisher.en in text
    assert text in plain(row.details.text())


def test_read_more_opens_the_guide_topic(make_page, session, qtbot):
    page = make_page("en")
    item = next(i for i in session.plan().checklist if i.topic)
    row = page.rows[item.id]
    with qtbot.waitSignal(page.openTopic) as blocker:
        qtbot.mouseClick(row.read_more, Qt.MouseButton.LeftButton)
    assert blocker.args == [item.topic]


def test_content_language_switch_changes_item_titles(make_page, session):
    page = make_page("en")
    item = session.plan().checklist[0]
    assert page.rows[item.id].check.title() == item.title.en
    page.set_content_language("zh")
    assert page.rows[item.id].check.title() == item.title.zh
    assert item.why.zh in plain(page.rows[item.id].details.text())
    assert format_date(item.due, "zh") in page.rows[item.id].due_label.text()


# -- ticks and notes ------------------------------------------------------------------------


def test_ticking_saves_at_once_and_survives_a_new_session(
    make_page, session, store, data_dir, qtbot
):
    page = make_page("en")
    first, second = list(page.rows.values())[:2]
    qtbot.mouseClick(first.check, Qt.MouseButton.LeftButton)
    qtbot.keyClick(second.check, Qt.Key.Key_Space)  # Space ticks, as for any check box
    pid = session.profile.id
    state = store.get_checklist(pid)
    assert state[first.item.id].done and state[second.item.id].done

    store.close()
    store2, _ = open_store(data_dir)
    try:
        again = Session(store2, DataLocation(data_dir, "option"), None)
        again.set_knowledge(session.knowledge)
        page2 = make_page("en", answers=None, sess=again)
        assert page2.rows[first.item.id].done
        assert page2.rows[second.item.id].done
        assert not row_at(page2, 2).done
    finally:
        store2.close()


def test_ticking_updates_progress_without_rebuilding(make_page, qtbot):
    page = make_page("en")
    box = page.phase_boxes["before_departure"]
    total = len(box.rows)
    all_rows = len(page.rows)
    assert box.progress_label.text() == f"0 of {total} done"
    assert page.overall_label.text() == f"Overall: 0 of {all_rows} steps done"
    row = box.rows[0]
    with qtbot.waitSignal(page.checklistChanged):
        row.check.click()
    assert page.rows[row.item.id] is row, "a tick must not rebuild the list"
    assert box.progress_label.text() == f"1 of {total} done"
    assert box.progress_bar.value() == 1 and box.progress_bar.maximum() == total
    assert page.overall_label.text() == f"Overall: 1 of {all_rows} steps done"
    row.check.click()
    assert box.progress_label.text() == f"0 of {total} done"


def test_a_note_is_saved_when_the_person_leaves_the_field(make_page, store, session, qtbot):
    page = make_page("en")
    row = row_at(page, 3)
    qtbot.keyClicks(row.note_edit, "Receipt in the blue folder")
    qtbot.keyClick(row.note_edit, Qt.Key.Key_Return)  # editingFinished
    assert store.get_checklist(session.profile.id)[row.item.id].note == (
        "Receipt in the blue folder"
    )


def test_a_note_is_saved_a_moment_after_typing_stops(make_page, store, session, qtbot):
    page = make_page("en")
    row = row_at(page, 0)
    qtbot.keyClicks(row.note_edit, "Call Mr Wang")
    assert row.item.id not in store.get_checklist(session.profile.id)
    qtbot.waitUntil(
        lambda: store.get_checklist(session.profile.id).get(row.item.id) is not None, timeout=3000
    )
    assert store.get_checklist(session.profile.id)[row.item.id].note == "Call Mr Wang"


def test_a_typed_note_goes_to_its_own_profile_when_the_profile_changes(
    make_page, store, session, qtbot
):
    page = make_page("en")
    old = session.profile.id
    row = row_at(page, 0)
    qtbot.keyClicks(row.note_edit, "mine")
    session.create_profile("Someone else")  # switches profile before the timer fires
    assert store.get_checklist(old)[row.item.id].note == "mine"
    assert store.get_checklist(session.profile.id) == {}


def test_a_plan_change_updates_the_list_and_keeps_the_scroll_position(make_page, session, qtbot):
    page = make_page("en")
    page.show()
    qtbot.waitExposed(page)
    bar = page.verticalScrollBar()
    assert bar.maximum() > 600
    bar.setValue(600)
    assert "check-licence" in page.rows
    session.set_answer("agency_licence_verified", "yes")  # one step less
    assert "check-licence" not in page.rows
    assert list(page.rows) == [i.id for i in session.plan().checklist]
    assert bar.value() == 600


def test_a_hidden_page_is_updated_once_when_it_is_shown(make_page, session):
    page = make_page("en")
    page.hide()
    before = dict(page.rows)
    session.set_answer("agency_licence_verified", "yes")
    session.set_answer("age", 30)
    assert page.rows == before, "no update while hidden"
    assert "check-licence" in page.rows
    page.show()
    assert "check-licence" not in page.rows
    assert page.rows.keys() == before.keys() - {"check-licence"}
    assert all(page.rows[k] is before[k] for k in page.rows), "rows are kept, not rebuilt"


# -- updating in place ------------------------------------------------------------------------


def test_a_plan_change_keeps_the_rows_and_updates_their_texts(make_page, session):
    page = make_page("en")
    before = dict(page.rows)
    checks = {k: row.check for k, row in page.rows.items()}
    overdue = next(i for i in session.plan().checklist if i.overdue)
    assert "Overdue" in page.rows[overdue.id].due_label.text()
    later = TODAY + dt.timedelta(days=400)  # nothing is overdue any more
    session.set_answer("departure_date", later.isoformat())
    plan = session.plan()
    assert not any(i.overdue for i in plan.checklist)
    assert page.rows.keys() == before.keys()
    for item in plan.checklist:
        row = page.rows[item.id]
        assert row is before[item.id] and row.check is checks[item.id], item.id
        assert row.item == item
        if item.due is not None:
            assert row.due_label.text() == f"by {format_date(item.due, 'en')}"
    # The content language: the same rows again, in the other language.
    page.set_content_language("zh")
    item = plan.checklist[0]
    assert page.rows[item.id] is before[item.id]
    assert page.rows[item.id].check.title() == item.title.zh
    assert item.why.zh in plain(page.rows[item.id].details.text())


def test_an_item_gone_from_the_plan_disappears_and_a_new_one_appears_in_order(
    make_page, session, qtbot
):
    page = make_page("en")
    page.show()
    qtbot.waitExposed(page)
    box = page.phase_boxes["prepare"]
    gone = page.rows["check-licence"]
    kept = page.rows["list-costs"]
    gone.check.click()  # ticked, then gone: the progress counts it no more
    session.set_answer("agency_licence_verified", "yes")
    assert "check-licence" not in page.rows
    assert gone not in box.rows and box.layout().indexOf(gone) < 0
    assert gone.isHidden()
    assert page.rows["list-costs"] is kept
    assert page.overall_label.text() == f"Overall: 0 of {len(page.rows)} steps done"
    assert box.progress_label.text() == f"0 of {len(box.rows)} done"
    # Back again: a new row in its place in the plan's order.
    session.set_answer("agency_licence_verified", "no")
    again = page.rows["check-licence"]
    assert again is not gone and again.done  # the tick was saved
    assert [r.item.id for r in box.rows] == [
        i.id for i in session.plan().checklist if i.phase == "prepare"
    ]
    assert list(page.rows) == [i.id for i in session.plan().checklist]
    qtbot.waitUntil(lambda: again.isVisible())
    lay = box.layout()
    assert lay.indexOf(again) < lay.indexOf(kept)


def test_the_focus_stays_in_its_field_when_a_step_is_added_beside_it(make_page, session, qtbot):
    page = make_page("en", answers={**ANSWERS, "agency_licence_verified": "yes"})
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    edit = page.rows["list-costs"].note_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    scroll = page.verticalScrollBar().value()
    session.set_answer("agency_licence_verified", "no")  # a step added in the same box
    assert "check-licence" in page.rows
    assert QApplication.focusWidget() is edit
    assert page.verticalScrollBar().value() == scroll


def test_another_destination_changes_items_in_every_phase(make_page, session, qtbot):
    page = make_page("en")
    rows = dict(page.rows)
    session.set_answer("destination", "korea")
    plan = session.plan()
    assert list(page.rows) == [i.id for i in plan.checklist]
    assert "japan-address" not in page.rows and "korea-minimum-wage" in page.rows
    for phase, box in page.phase_boxes.items():
        assert [r.item.id for r in box.rows] == [i.id for i in plan.checklist if i.phase == phase]
        lay = box.layout()
        positions = [lay.indexOf(r) for r in box.rows]
        assert positions == sorted(positions) and min(positions) > 0, phase
    assert page.rows["keep-passport"] is rows["keep-passport"]


def test_phases_that_come_and_go_and_items_that_change_phase(make_page, session, monkeypatch):
    """The shipped rules keep every phase and every item's phase; a plan that does not
    (other content, later rules) still shows right."""
    page = make_page("en")
    plan = session.plan()
    moved = next(i for i in plan.checklist if i.phase == "at_work")
    changed = [
        replace(i, phase="prepare") if i.id == moved.id else i
        for i in plan.checklist
        if i.phase != "coming_home"
    ]
    changed.sort(key=lambda i: PHASES.index(i.phase))  # stable: the order within phases
    monkeypatch.setattr(session, "plan", lambda: replace(plan, checklist=tuple(changed)))
    row = page.rows[moved.id]
    page.refresh()
    assert "coming_home" not in page.phase_boxes
    assert page.filter_combo.findData("coming_home") < 0
    assert page.rows[moved.id] is row and row in page.phase_boxes["prepare"].rows
    assert row not in page.phase_boxes["at_work"].rows
    assert row.parentWidget() is page.phase_boxes["prepare"] and row.isVisible()
    for phase, box in page.phase_boxes.items():
        assert [r.item.id for r in box.rows] == [i.id for i in changed if i.phase == phase]
    monkeypatch.undo()
    page.refresh()
    shown = [page.phases_layout.itemAt(i).widget().phase for i in range(page.phases_layout.count())]
    assert shown == [p for p in PHASES if any(i.phase == p for i in plan.checklist)]
    assert page.filter_combo.findData("coming_home") > 0
    assert page.phase_boxes["at_work"].rows[0] is row
    assert row.parentWidget() is page.phase_boxes["at_work"] and row.isVisible()
    assert page.phase_boxes["coming_home"].isVisible()


def test_the_banner_is_set_only_when_the_warnings_change(make_page, session):
    page = make_page("en", answers={**ANSWERS, "agency_licence_verified": "no"})
    first = page.flag_banner.text()
    assert first
    session.set_answer("age", 31)  # the same warnings
    assert page.flag_banner.text() == first
    session.set_answer("deposit_requested", "yes")
    assert page.flag_banner.text() != first
    assert "Stop" in page.flag_banner.text()
    session.set_answer("deposit_requested", "no")
    session.set_answer("agency_licence_verified", "yes")
    assert page.flag_banner.isHidden() == (not session.plan().red_flags)


def test_another_profile_shows_its_own_ticks_and_notes_in_the_same_rows(
    make_page, session, store, qtbot
):
    page = make_page("en")
    row = row_at(page, 0)
    row.check.click()
    qtbot.keyClicks(row.note_edit, "blue folder")
    first = session.profile.id
    other = session.create_profile("Someone else", switch=False)
    store.replace_answers(other.id, ANSWERS)
    session.switch_profile(other.id)
    assert row_at(page, 0) is row
    assert not row.done and row.note() == ""
    assert "Overdue" in row.due_label.text() or not row.item.overdue
    session.switch_profile(first)
    assert row_at(page, 0) is row
    assert row.done and row.note() == "blue folder"


def test_a_note_being_typed_stays_as_typed_through_a_plan_change(make_page, store, session, qtbot):
    page = make_page("en")
    row = row_at(page, 1)
    qtbot.keyClicks(row.note_edit, "call the office ")
    session.set_answer("age", 33)
    assert row_at(page, 1) is row
    assert row.note_edit.text() == "call the office "  # the space too: typing goes on
    assert store.get_checklist(session.profile.id)[row.item.id].note == "call the office"


def test_the_interface_language_changes_the_kept_rows(make_page, qapp):
    page = make_page("en")
    row = row_at(page, 0)
    box = page.phase_boxes["prepare"]
    note, title = row.note_label.text(), box.title()
    try:
        qapp.apply_language("zh")
        qapp.processEvents()
        assert row_at(page, 0) is row
        assert row.note_label.text() != note and box.title() != title
        assert row.note_label.text() == QApplication.translate("ChecklistItemRow", "Note:")
        all_phases = QApplication.translate("ChecklistPage", "All phases")
        assert page.filter_combo.itemText(0) == all_phases
    finally:
        qapp.apply_language("en")
        qapp.processEvents()
    assert row.note_label.text() == note and box.title() == title


# -- filter ---------------------------------------------------------------------------------


def test_the_phase_filter_hides_the_other_phases(make_page):
    page = make_page("en")
    combo = page.filter_combo
    assert combo.itemText(0) == "All phases"
    index = combo.findData("before_departure")
    assert combo.itemText(index) == "Before departure"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    for phase, box in page.phase_boxes.items():
        assert box.isVisibleTo(page) == (phase == "before_departure"), phase
    # The filter stays through a rebuild.
    page.refresh()
    assert [p for p, b in page.phase_boxes.items() if b.isVisibleTo(page)] == ["before_departure"]
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert all(b.isVisibleTo(page) for b in page.phase_boxes.values())


# -- no plan yet ----------------------------------------------------------------------------


def test_without_answers_the_page_points_to_the_questionnaire(make_page, qtbot):
    page = make_page("en", answers={})
    assert page.main.isHidden()
    assert "Answer the questionnaire" in page.status.text()
    assert not page.start_button.isHidden()
    with qtbot.waitSignal(page.openQuestionnaire):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)


def test_before_the_content_loads_the_page_says_so(qtbot, store, data_dir):
    session = Session(store, DataLocation(data_dir, "option"), None)
    page = ChecklistPage(session, ScriptedDialogs())
    qtbot.addWidget(page)
    page.set_content_language("en")
    page.show()
    assert page.main.isHidden() and page.start_button.isHidden()
    assert "Preparing" in page.status.text()


def test_without_a_departure_date_the_page_asks_for_one(make_page, qtbot):
    page = make_page("en", answers={"destination": "korea"})
    assert not page.date_hint.isHidden()
    assert all(row.due_label.isHidden() for row in page.rows.values())
    with qtbot.waitSignal(page.openQuestionnaire):
        qtbot.mouseClick(page.date_button, Qt.MouseButton.LeftButton)


def test_warning_signs_are_shown_above_the_list(make_page, session, qtbot):
    page = make_page("en", answers={**ANSWERS, "agency_licence_verified": "no"})
    flags = session.plan().red_flags
    assert flags
    assert not page.flag_banner.isHidden()
    for flag in flags:
        assert flag.title.en in page.flag_banner.text()
    with qtbot.waitSignal(page.openPage) as blocker:
        qtbot.mouseClick(page.flag_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["home"]


# -- printouts ------------------------------------------------------------------------------


def test_save_as_pdf_writes_the_item_titles_and_remembers_the_folder(
    make_page, session, tmp_path, qtbot
):
    page = make_page("en")
    asked = []
    page.output.ask_save_path = lambda title, suggested, flt: (
        asked.append((title, suggested, flt)) or str(tmp_path / "my list")
    )
    first = row_at(page, 0)
    first.check.click()
    path = page.output.save_pdf()
    assert path == tmp_path / "my list.pdf" and path.exists()
    assert asked[0][2] == "PDF files (*.pdf)"
    assert asked[0][1].endswith(".pdf")
    text = text_of(path)
    for item in session.plan().checklist[:6]:
        assert item.title.en in text, item.title.en
    assert session.profile.name in text  # the footer
    assert str(path) in page.output.status.text()
    assert session.setting("export_dir") == str(tmp_path)


def test_the_pdf_follows_the_printout_language_and_paper_size(make_page, session, tmp_path):
    page = make_page("en")
    out = page.output
    out.lang_combo.setCurrentIndex(out.lang_combo.findData("zh+en"))
    out.lang_combo.activated.emit(out.lang_combo.currentIndex())
    out.size_combo.setCurrentIndex(out.size_combo.findData("Letter"))
    out.size_combo.activated.emit(out.size_combo.currentIndex())
    out.ask_save_path = lambda *a: str(tmp_path / "both.pdf")
    path = out.save_pdf()
    reader = PdfReader(str(path))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (612, 792)  # US Letter in points
    text = text_of(path)
    item = session.plan().checklist[0]
    assert item.title.zh in text.replace(" ", "") and item.title.en in text
    # Both choices are remembered for the next page.
    again = make_page("en", answers=None)
    assert again.output.print_language() == "zh+en"
    assert again.output.page_size() == "Letter"


def test_the_printout_language_defaults_to_the_content_language(make_page):
    assert make_page("zh").output.print_language() == "zh"
    assert make_page("en").output.print_language() == "en"


def test_save_as_html_keeps_ticks_and_escapes_notes(make_page, session, tmp_path, qtbot):
    page = make_page("en")
    row = row_at(page, 0)
    row.check.click()
    row.note_edit.setText("<b>not bold</b>")
    row.note_edit.textEdited.emit(row.note_edit.text())  # still pending: must be saved
    page.output.ask_save_path = lambda *a: str(tmp_path / "list.html")
    path = page.output.save_html()
    html = path.read_text(encoding="utf-8")
    assert row.item.title.en in html
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html and "<b>not bold" not in html
    assert "☑" in html


def test_cancelling_the_save_dialog_writes_nothing(make_page, tmp_path):
    page = make_page("en")
    page.output.ask_save_path = lambda *a: None
    assert page.output.save_pdf() is None
    assert page.output.save_html() is None
    assert list(tmp_path.iterdir()) == [p for p in tmp_path.iterdir() if p.name == "data"]


def test_a_file_that_cannot_be_written_is_reported(make_page, tmp_path):
    page = make_page("en")
    page.output.ask_save_path = lambda *a: str(tmp_path / "no such folder" / "x.pdf")
    assert page.output.save_pdf() is None
    kind, title, _text = page.dialogs.shown[-1]
    assert (kind, title) == ("error", "Could not save")


def test_the_emergency_card_uses_the_persons_own_entries(make_page, session, tmp_path):
    page = make_page("en")
    offered = []

    def fill(entries):
        offered.append(dict(entries))
        return {**entries, "family_contact": "Mother 138 0000 0000"}

    page.output.ask_card_entries = fill
    page.output.ask_save_path = lambda *a: str(tmp_path / "card.pdf")
    path = page.output.save_card()
    assert offered == [{"agency": "Sunrise Labour Co."}]  # prefilled from the answers
    saved = session.setting(card_key(session.profile.id))
    assert saved["family_contact"] == "Mother 138 0000 0000"
    text = text_of(path)
    assert "12308" in text and "Sunrise Labour Co." in text and "Mother 138 0000 0000" in text
    # Next time the saved entries are offered.
    page.output.save_card()
    assert offered[1]["family_contact"] == "Mother 138 0000 0000"


def test_the_card_dialog_returns_what_was_typed(qtbot):
    dialog = CardDialog({"agency": "A Co."})
    qtbot.addWidget(dialog)
    assert dialog.edits["agency"].text() == "A Co."
    qtbot.keyClicks(dialog.edits["employer"], "  B Factory ")
    values = dialog.values()
    assert values["agency"] == "A Co." and values["employer"] == "B Factory"
    assert set(values) == {
        "agency",
        "employer",
        "supervising_org",
        "family_contact",
        "insurance_policy",
    }
    assert dialog.edits["employer"].accessibleName() == "Employer"


def test_printing_paints_the_checklist_on_the_chosen_printer(make_page, session, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    page = make_page("en")
    out = page.output
    made = out.make_printer

    def to_file():
        printer = made()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        return printer

    out.make_printer = to_file
    out.exec_dialog = lambda dialog: QDialog.DialogCode.Accepted
    assert out.print_checklist() is True
    assert session.plan().checklist[0].title.en in text_of(tmp_path / "printed.pdf")
    out.exec_dialog = lambda dialog: QDialog.DialogCode.Rejected
    assert out.print_checklist() is False


def test_print_preview_paints_through_the_renderer(make_page, qtbot):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    page = make_page("en")
    seen = []

    def run(dialog):
        assert isinstance(dialog, QPrintPreviewDialog)
        with qtbot.waitSignal(dialog.paintRequested, timeout=5000):
            dialog.show()
        seen.append(dialog.windowTitle())
        dialog.close()
        return QDialog.DialogCode.Accepted

    page.output.exec_dialog = run
    page.output.print_preview()
    assert seen == ["Print preview"]


# -- look -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_is_cut_off_at_200_percent_text(make_page, qapp, lang):
    """At the largest text size in a narrow window, the page scrolls down, never sideways,
    and the tick boxes grow with the text."""
    page = make_page(lang, answers={**ANSWERS, "agency_licence_verified": "no"})
    page.resize(760, 600)
    small = row_at(page, 0).check.text_left()
    try:
        qapp.apply_text_scale(200)
        qapp.processEvents()
        assert page.horizontalScrollBar().maximum() == 0
        row = row_at(page, 0)
        assert row.check.text_left() > small
        assert row.check.height() >= row.check.heightForWidth(row.check.width())
        assert page.overall_bar.height() < page.overall_label.height()
    finally:
        qapp.apply_text_scale(100)


# -- keyboard -------------------------------------------------------------------------------


def test_tab_walks_each_item_and_space_ticks(make_page, qtbot):
    page = make_page("en")
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    first, second = row_at(page, 0), row_at(page, 1)
    first.check.setFocus()
    order = [first.check]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [first.check, first.note_edit, first.read_more, second.check]
    qtbot.keyClick(second.check, Qt.Key.Key_Space)
    assert second.done
    # The scroll area keeps the focused item in view.
    last = row_at(page, len(page.rows) - 1)
    last.check.setFocus()
    qtbot.keyClick(last.check, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.verticalScrollBar().value() > 0)


def test_mnemonics_are_unique_and_leave_the_menus_alone(make_page):
    # No departure date and a warning sign: every button of the page shows.
    answers = {**ANSWERS, "departure_date": None, "agency_licence_verified": "no"}
    page = make_page("en", answers=answers)
    assert not page.flag_button.isHidden() and not page.date_button.isHidden()
    letters = []
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        if not widget.isVisibleTo(page):
            continue
        text = widget.text().replace("&&", "")
        match = re.search(r"&(\w)", text)
        if match and (not isinstance(widget, QLabel) or widget.buddy() is not None):
            letters.append(match.group(1).lower())
    assert len(letters) == len(set(letters)), letters
    assert not {"p", "v", "g"} & set(letters)  # the menu bar's &Profile, &View, &Go
