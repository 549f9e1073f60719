"""The Notes page with a real store: typing saves by itself, notes survive a restart, the
trash, search (also two-character Chinese words), tags, links, the evidence form and its
printed summary, and the "your data is yours" box (export, import, delete everything)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.paths import DataLocation
from desktop.store import open_store
from desktop.ui.pages.notes import NotesPage
from desktop.ui.pages.notes_transfer import ProfileTransferWidget
from desktop.ui.session import Session
from tests.ui.conftest import ScriptedDialogs


@pytest.fixture(scope="module")
def knowledge():
    from desktop.knowledge import load_knowledge

    return load_knowledge()


@pytest.fixture
def session(store, data_dir):
    return Session(store, DataLocation(data_dir, "option"), None)


@pytest.fixture
def make_page(qtbot, session):
    made = []

    def make(sess=None, lang="en"):
        dialogs = ScriptedDialogs()
        page = NotesPage(sess or session, dialogs)
        qtbot.addWidget(page)
        page.set_content_language(lang)
        page.resize(1000, 700)
        made.append(page)
        return page, dialogs

    yield make
    # As the main window does before the store closes: no autosave may fire afterwards.
    for page in made:
        page._save_timer.stop()


def commit_text(widget, text: str) -> None:
    """Chinese typed through an input method: a commit string, as an IME sends it."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def list_titles(page) -> list[str]:
    return [page.list.item(i).text().split("\n")[0] for i in range(page.list.count())]


# -- typing, autosave, restart -----------------------------------------------------------------


def test_typing_is_saved_after_a_pause_without_a_save_button(qtbot, make_page, store, session):
    page, _ = make_page()
    pid = session.profile.id
    qtbot.keyClicks(page.editor.title, "Agency receipt")
    qtbot.keyClicks(page.editor.body, "Paid 5000 yuan to Mr Wang")
    qtbot.keyClicks(page.editor.tags, "fees, agency")
    if page._dirty:  # debounced: nothing is written while the keys keep coming
        assert page._save_timer.isActive() and store.list_notes(pid) == []
    qtbot.waitUntil(lambda: len(store.list_notes(pid)) == 1, timeout=3000)
    qtbot.waitUntil(lambda: store.list_notes(pid)[0].tags == ("fees", "agency"), timeout=3000)
    note = store.list_notes(pid)[0]
    assert (note.title, note.body, note.kind) == (
        "Agency receipt",
        "Paid 5000 yuan to Mr Wang",
        "note",
    )
    assert list_titles(page) == ["Agency receipt"]
    assert page.status.text().startswith("Saved at")


def test_text_is_still_there_after_a_restart(qtbot, make_page, store, session, data_dir):
    """Type, close at once (the window calls flush), open a new store and page on the folder."""
    page, _ = make_page()
    qtbot.keyClicks(page.editor.title, "Passport")
    commit_text(page.editor.body, "护照原件在妈妈家的抽屉里")
    page.flush()  # what the main window does before closing
    store.close()

    store2, _ = open_store(data_dir)
    try:
        session2 = Session(store2, DataLocation(data_dir, "option"), None)
        page2 = NotesPage(session2, ScriptedDialogs())
        qtbot.addWidget(page2)
        assert list_titles(page2) == ["Passport"]
        page2.list.setCurrentRow(0)
        assert page2.editor.title.text() == "Passport"
        assert page2.editor.body.toPlainText() == "护照原件在妈妈家的抽屉里"
    finally:
        store2.close()


def test_chinese_set_as_text_is_saved_too(qtbot, make_page, store, session):
    page, _ = make_page()
    page.editor.title.setText("合同")  # setText does not count as typing ...
    page.editor.title.textEdited.emit("合同")  # ... so say it was edited, as typing would
    page.editor.body.setPlainText("第三条写着每月工资一万五")
    page.flush()
    note = store.list_notes(session.profile.id)[0]
    assert (note.title, note.body) == ("合同", "第三条写着每月工资一万五")


def test_leaving_a_note_or_the_page_saves_it_at_once(qtbot, make_page, store, session):
    pid = session.profile.id
    a = store.create_note(pid, title="A", body="")
    store.create_note(pid, title="B", body="")
    page, _ = make_page()
    page.show_note(a.id)
    qtbot.keyClicks(page.editor.body, "typed into A")
    page.list.setCurrentRow(list_titles(page).index("B"))  # picking another note saves A
    assert store.get_note(a.id).body == "typed into A"
    assert page.editor.title.text() == "B"
    qtbot.keyClicks(page.editor.body, "typed into B")
    page.show()
    page.hide()  # leaving the page (another page shown) saves too
    assert [n.body for n in store.list_notes(pid) if n.title == "B"] == ["typed into B"]


def test_an_empty_new_note_is_not_stored(qtbot, make_page, store, session):
    page, _ = make_page()
    page.new_note()
    page.editor.kind.setCurrentIndex(0)
    page.flush()
    assert store.list_notes(session.profile.id) == []
    assert "no notes yet" in page.count_label.text()


def test_a_profile_switch_saves_to_the_old_profile_and_shows_the_new_one(
    qtbot, make_page, store, session
):
    first = session.profile
    page, _ = make_page()
    qtbot.keyClicks(page.editor.title, "Belongs to the first")
    other = session.create_profile("Second person")  # switches profile
    assert [n.title for n in store.list_notes(first.id)] == ["Belongs to the first"]
    assert store.list_notes(other.id) == []
    assert list_titles(page) == [] and page.editor.title.text() == ""


# -- trash -------------------------------------------------------------------------------------


def test_trash_and_restore(qtbot, make_page, store, session):
    pid = session.profile.id
    keep = store.create_note(pid, title="Keep", body="")
    gone = store.create_note(pid, title="Throw away", body="")
    page, _ = make_page()
    page.show_note(gone.id)
    qtbot.mouseClick(page.trash_button, Qt.MouseButton.LeftButton)
    assert store.get_note(gone.id).in_trash
    assert list_titles(page) == ["Keep"]
    assert "30 days" in page.status.text()

    page.view_combo.setCurrentIndex(page.view_combo.findData("trash"))
    page.view_combo.activated.emit(page.view_combo.currentIndex())
    assert list_titles(page) == ["Throw away"]
    assert page.editor.body.isReadOnly() and page.restore_button.isVisibleTo(page)
    assert page.trash_info.isVisibleTo(page)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert not store.get_note(gone.id).in_trash
    assert "trash is empty" in page.count_label.text()
    assert page.show_note(gone.id) and page._view() == "notes"
    assert sorted(list_titles(page)) == ["Keep", "Throw away"]
    assert store.get_note(keep.id) is not None


def test_notes_trashed_over_30_days_ago_are_purged_when_the_page_starts(make_page, store, session):
    pid = session.profile.id
    old = store.trash_note(store.create_note(pid, title="old", body="").id)
    recent = store.trash_note(store.create_note(pid, title="recent", body="").id)
    long_ago = (datetime.now(UTC) - timedelta(days=31)).isoformat(timespec="milliseconds")
    store._db.execute("UPDATE notes SET deleted_at = ? WHERE id = ?", [long_ago, old.id])
    make_page()
    assert store.get_note(old.id) is None
    assert store.get_note(recent.id).in_trash


# -- search and tags ---------------------------------------------------------------------------


def test_search_finds_a_two_character_chinese_word(qtbot, make_page, store, session):
    pid = session.profile.id
    store.create_note(pid, title="办护照", body="要带户口本")
    store.create_note(pid, title="合同", body="中介说护照由他们保管")  # in the body
    store.create_note(pid, title="机票", body="还没买")
    page, _ = make_page()
    assert len(list_titles(page)) == 3
    page.search_field.setText("护照")
    qtbot.waitUntil(lambda: sorted(list_titles(page)) == ["办护照", "合同"], timeout=3000)
    assert page.count_label.text() == "Notes found: 2"
    page.search_field.setText("签证")
    qtbot.waitUntil(lambda: list_titles(page) == [], timeout=3000)
    assert "No notes match" in page.count_label.text()


def test_tag_filter(qtbot, make_page, store, session):
    pid = session.profile.id
    store.create_note(pid, title="one", body="", tags=["护照", "费用"])
    store.create_note(pid, title="two", body="", tags=["费用"])
    store.create_note(pid, title="three", body="")
    page, _ = make_page()
    tags = [page.tag_combo.itemText(i) for i in range(page.tag_combo.count())]
    assert tags == ["All tags", "护照", "费用"]
    page.tag_combo.setCurrentIndex(page.tag_combo.findData("费用"))
    page.tag_combo.activated.emit(page.tag_combo.currentIndex())
    assert sorted(list_titles(page)) == ["one", "two"]
    page.tag_combo.setCurrentIndex(page.tag_combo.findData("护照"))
    page.tag_combo.activated.emit(page.tag_combo.currentIndex())
    assert list_titles(page) == ["one"]
    # A new tag typed on a note shows up in the filter after saving.
    page.show_note(store.list_notes(pid)[0].id)
    qtbot.keyClicks(page.editor.tags, ", visa")
    page.flush()
    assert page.tag_combo.findData("visa") > 0


# -- links -------------------------------------------------------------------------------------


def test_a_note_linked_to_a_topic_shows_on_the_guide(qtbot, make_page, store, session, knowledge):
    session.set_knowledge(knowledge)
    page, _ = make_page()
    topic_id = "destinations.japan-routes"
    page.new_note("topic", topic_id)
    assert page.editor.link.currentData() == f"topic:{topic_id}"
    assert knowledge.catalog.topic(topic_id).title.en in page.editor.link.currentText()
    qtbot.keyClicks(page.editor.body, "Ask the bureau about TITP")
    page.flush()
    linked = store.list_notes(session.profile.id, link=("topic", topic_id))
    assert [n.body for n in linked] == ["Ask the bureau about TITP"]
    with qtbot.waitSignal(page.openLink) as blocker:
        qtbot.mouseClick(page.editor.go_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["topic", topic_id]


def test_link_targets_include_questions_and_checklist_items(make_page, session, knowledge, store):
    session.set_knowledge(knowledge)
    store.replace_answers(session.profile.id, {"destination": "japan"})
    session.answersChanged.emit()
    page, _ = make_page(lang="zh")
    combo = page.editor.link
    keys = [combo.itemData(i) for i in range(combo.count())]
    assert "question:destination" in keys
    assert any(isinstance(k, str) and k.startswith("checklist:") for k in keys)
    question = knowledge.questionnaire.question("destination")
    index = keys.index("question:destination")
    assert question.label.zh[:10] in combo.itemText(index)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot_note = page.editor.values()
    assert (qtbot_note["link_kind"], qtbot_note["link_id"]) == ("question", "destination")


# -- evidence ----------------------------------------------------------------------------------


def test_evidence_form_round_trip(qtbot, make_page, store, session):
    page, _ = make_page()
    page.show()
    qtbot.waitExposed(page)
    qtbot.mouseClick(page.new_evidence_button, Qt.MouseButton.LeftButton)
    assert page.editor.evidence.isVisibleTo(page.editor)
    qtbot.keyClicks(page.editor.title, "Agency fee")
    row = page.editor.evidence.payments()[0]
    qtbot.keyClicks(row.amount, "30,000")
    qtbot.keyClicks(row.date, "2026-10-01")
    commit_text(row.to, "某某劳务公司")
    row.to.textEdited.emit(row.to.text())
    row.receipt.setFocus()
    qtbot.keyClick(row.receipt, Qt.Key.Key_Space)
    qtbot.mouseClick(page.editor.evidence.add_payment_button, Qt.MouseButton.LeftButton)
    second = page.editor.evidence.payments()[1]
    qtbot.keyClicks(second.amount, "12000")
    second.currency.setCurrentIndex(second.currency.findData("JPY"))
    second.currency.activated.emit(second.currency.currentIndex())
    qtbot.mouseClick(page.editor.evidence.add_promise_button, Qt.MouseButton.LeftButton)
    promise = page.editor.evidence.promises()[0]
    qtbot.keyClicks(promise.who, "Mr Wang")
    qtbot.keyClicks(promise.what, "15000 a month")
    page.flush()

    note = store.list_notes(session.profile.id)[0]
    assert note.kind == "evidence"
    assert note.data == {
        "payments": [
            {
                "amount": "30000",
                "currency": "CNY",
                "currency_name": "",
                "to": "某某劳务公司",
                "date": "2026-10-01",
                "receipt": True,
            },
            {
                "amount": "12000",
                "currency": "JPY",
                "currency_name": "",
                "to": "",
                "date": "",
                "receipt": False,
            },
        ],
        "promises": [{"who": "Mr Wang", "what": "15000 a month", "when": ""}],
    }
    # Shown again after picking another note and coming back.
    page.new_note()
    page.show_note(note.id)
    rows = page.editor.evidence.payments()
    assert [r.amount.text() for r in rows] == ["30000", "12000"]
    assert rows[0].receipt.isChecked() and rows[1].currency.currentData() == "JPY"
    # Removing a row is saved too.
    rows[1].remove_button.setFocus()  # by keyboard: the row may be scrolled out of view
    qtbot.keyClick(rows[1].remove_button, Qt.Key.Key_Space)
    page.flush()
    assert len(store.get_note(note.id).data["payments"]) == 1


def test_a_wrong_amount_is_flagged_not_lost(qtbot, make_page):
    page, _ = make_page()
    page.new_note(kind="evidence")
    row = page.editor.evidence.payments()[0]
    row.amount.setText("about 3000")
    row.amount.textEdited.emit("about 3000")
    assert row.problem.isVisibleTo(row) and "not a number" in row.problem.text()
    assert row.payment().amount == "about 3000"


def test_save_evidence_summary_as_pdf(qtbot, make_page, store, session, tmp_path):
    pid = session.profile.id
    store.rename_profile(pid, "李四")
    store.create_note(
        pid,
        title="中介费 <script>alert(1)</script>",
        body="王经理收的现金",
        kind="evidence",
        data={
            "payments": [
                {"amount": "30000", "currency": "CNY", "to": "某某公司", "date": "2026-10-01"},
                {"amount": "3000.50", "currency": "CNY", "to": "培训", "date": "2026-10-02"},
            ],
            "promises": [{"who": "王经理", "what": "月薪一万五", "when": "2026-10-01"}],
        },
    )
    store.create_note(pid, title="not evidence", body="PLAIN-NOTE-TEXT")
    session.rename_profile(pid, "李四")
    page, dialogs = make_page()
    out = tmp_path / "summary"
    dialogs.ask_save_path = lambda title, suggested, filters: str(out)
    page.print_lang.setCurrentIndex(page.print_lang.findData("en"))
    written = page.save_evidence_pdf()
    assert written == tmp_path / "summary.pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(written).pages)
    flat = "".join(text.split())
    assert "Myevidencerecord" in flat and "李四" in flat
    assert "30,000" in flat and "3,000.50" in flat and "33,000.50" in flat  # the total
    assert "<script>alert(1)</script>" in flat and "月薪一万五" in flat
    assert "PLAIN-NOTE-TEXT" not in flat
    assert dialogs.shown[-1][0] == "inform"


def test_no_evidence_yet_says_so(make_page):
    page, dialogs = make_page()
    dialogs.ask_save_path = lambda *a: pytest.fail("no file should be asked for")
    assert page.save_evidence_pdf() is None
    assert dialogs.shown[-1][0] == "inform" and "no evidence records" in dialogs.shown[-1][2]


def test_the_page_follows_a_language_change(qapp, make_page, store, session):
    store.create_note(session.profile.id, title="x", body="", kind="evidence")
    page, _ = make_page()
    page.list.setCurrentRow(0)
    try:
        qapp.apply_language("zh")
        qapp.apply_language("en")
    finally:
        qapp.apply_language("en")
    assert page.new_button.text() == "&New note"
    assert "Evidence" in page.list.item(0).text()


# -- your data is yours ------------------------------------------------------------------------


@pytest.fixture
def transfer(qtbot, session):
    dialogs = ScriptedDialogs()
    widget = ProfileTransferWidget(session, dialogs)
    qtbot.addWidget(widget)
    return widget, dialogs


def test_export_and_import_from_the_gui(transfer, store, session, tmp_path):
    widget, dialogs = transfer
    pid = session.profile.id
    store.create_note(pid, title="t", body="护照", tags=["a"])
    store.set_answer(pid, "destination", "japan")
    out = tmp_path / "me.passage.json"
    dialogs.ask_save_path = lambda title, suggested, filters: str(out)
    assert widget.export_profile() == out
    assert json.loads(out.read_text("utf-8"))["notes"][0]["body"] == "护照"

    dialogs.ask_open_path = lambda title, filters: str(out)
    dialogs.texts = ["Imported copy"]  # the name is taken: the person is asked
    new_id = widget.import_profile()
    assert new_id is not None and session.profile.id == new_id
    assert session.profile.name == "Imported copy"
    assert store.get_answers(new_id) == {"destination": "japan"}
    assert [n.body for n in store.list_notes(new_id)] == ["护照"]


def test_a_bad_import_file_shows_the_field_and_changes_nothing(transfer, store, session, tmp_path):
    widget, dialogs = transfer
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "passage-profile", "schema": 1, "profile": 5}), "utf-8")
    dialogs.ask_open_path = lambda title, filters: str(bad)
    before = [p.name for p in store.list_profiles()]
    assert widget.import_profile() is None
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error" and "bad.json" in text and "Nothing was imported" in text
    assert [p.name for p in store.list_profiles()] == before


def test_delete_everything_from_the_gui(qtbot, transfer, make_page, store, session, data_dir):
    widget, dialogs = transfer
    page, _ = make_page()
    widget.aboutToChangeData.connect(page.flush)
    session.rename_profile(session.profile.id, "Forget me")
    doomed = session.profile.id
    qtbot.keyClicks(page.editor.body, "UNSAVED-SECRET-TEXT")  # still waiting for autosave
    keep = session.create_profile("Keep me", switch=False)

    dialogs.confirms = [False]
    assert not widget.delete_everything()
    assert store.get_profile(doomed) is not None

    dialogs.confirms = [True]
    assert widget.delete_everything()
    assert store.get_profile(doomed) is None
    assert session.profile.id == keep.id
    assert "Forget me" in dialogs.shown[-1][2]
    page.flush()
    store.close()
    leftovers = [
        p for p in data_dir.rglob("*") if p.is_file() and b"UNSAVED-SECRET-TEXT" in p.read_bytes()
    ]
    assert leftovers == []


def test_evidence_saved_by_an_earlier_version_opens_in_the_form(qtbot, make_page, store, session):
    """The first builds stored one payment flat in data: it shows as one payment row,
    and the first edit stores it in today's shape."""
    note = store.create_note(
        session.profile.id,
        title="服务费收据",
        body="",
        kind="evidence",
        data={"amount": 8000, "currency": "CNY", "paid_on": "2026-10-12", "paid_to": "张经理"},
    )
    page, _ = make_page()
    page.show_note(note.id)
    rows = page.editor.evidence.payments()
    assert [(r.amount.text(), r.to.text(), r.date.text()) for r in rows] == [
        ("8000", "张经理", "2026-10-12")
    ]
    qtbot.keyClicks(page.editor.body, "x")
    page.flush()
    assert store.get_note(note.id).data["payments"][0]["amount"] == "8000"
