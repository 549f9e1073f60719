"""The Questionnaire page with the real questionnaire: answering, saving, resuming, review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop.content.questionnaire import load_questionnaire, load_questionnaire_text
from desktop.paths import DataLocation
from desktop.store import StoreUnavailableError, open_store
from desktop.ui.pages.questionnaire import REVIEW, QuestionnairePage
from desktop.ui.session import Session
from tests.ui.conftest import ScriptedDialogs

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire()


@pytest.fixture
def make_page(qapp, qtbot, store, data_dir, questionnaire):
    """A page over a Session on the test's data folder, built the way the window will."""

    made = []

    def make(language="en", on_store=None):
        qapp.apply_language(language)
        session = Session(on_store or store, DataLocation(data_dir, "option"), None)
        page = QuestionnairePage(questionnaire, session, ScriptedDialogs(), language=language)
        page.resize(1000, 700)
        qtbot.addWidget(page)
        made.append(page)
        return page

    yield make
    qapp.apply_language("en")
    # Delete the pages while the store is open: a later test's language switch or
    # text size must not reach them.
    qapp.processEvents()
    for page in made:
        page.close()
        page.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def show_active(window, qtbot):
    """Show the window and wait until it has the keyboard, as a person's window would."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier):
    """Press a key on whatever has the focus."""
    qtbot.keyClick(QApplication.focusWidget(), k, modifier)


def option(page, qid, value):
    block = page.blocks[qid]
    values = [o.value for o in block.question.options]
    return block.input.buttons[values.index(value)]


def answers(page):
    return page.session.store.get_answers(page.session.profile.id)


def test_complete_the_questionnaire_by_keyboard_and_mouse(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    assert page.next_button.isVisible() and not page.plan_button.isVisible()
    page.setFocus()
    # Part 1 by keyboard only: the focus starts on the first question.
    assert QApplication.focusWidget() is option(page, "destination", "japan")
    key(qtbot, Qt.Key.Key_Space)  # Japan
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.blocks["age"].input.line
    qtbot.keyClicks(QApplication.focusWidget(), "24")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.blocks["occupation"].input.combo
    key(qtbot, Qt.Key.Key_Down)  # the first real choice: construction
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Down)  # arrows move and choose: vocational certificate...
    key(qtbot, Qt.Key.Key_Down)  # ... then skilled worker
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Down)  # language: basic
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)  # passport: yes
    key(qtbot, Qt.Key.Key_Right, ALT)
    assert page.current == "route"
    assert QApplication.focusWidget() is option(page, "channel", "licensed_enterprise")
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)  # Japan's technical intern training

    # Part 2 by mouse. Japan's route only appears because of the destination.
    for qid, value in (
        ("japan_route", "titp"),
        ("offer_status", "written_draft"),
        ("employer_known", "yes"),
    ):
        qtbot.mouseClick(option(page, qid, value), Qt.MouseButton.LeftButton)
    assert page.blocks["job_in_scam_region"].isHidden()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current == "recruiter"

    qtbot.mouseClick(option(page, "found_via", "labour_company"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(option(page, "recruiter_is_person", "no"), Qt.MouseButton.LeftButton)
    name = page.blocks["agency_name"].input.line
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(name, "Sakura Labour Co.")
    key(qtbot, Qt.Key.Key_Return)  # Enter saves and moves on, as Tab does
    assert QApplication.focusWidget() is option(page, "agency_licence_verified", "yes")
    key(qtbot, Qt.Key.Key_Space)
    page.next_button.setFocus()
    key(qtbot, Qt.Key.Key_Return)  # Enter on Next
    assert page.current == "money"

    fees = page.blocks["fees_paid_cny"].input.line
    assert page.blocks["paid_to_personal_account"].isHidden()
    qtbot.keyClicks(fees, "12,000")  # a thousands comma is fine
    key(qtbot, Qt.Key.Key_Tab)
    assert not page.blocks["paid_to_personal_account"].isHidden()
    for qid, value in (
        ("deposit_requested", "no"),
        ("paid_to_personal_account", "no"),
        ("loan_source", "relatives"),
        ("job_changed_after_payment", "no"),
        ("fees_after_arrival", "no"),
    ):
        qtbot.mouseClick(option(page, qid, value), Qt.MouseButton.LeftButton)
    for _ in range(3):  # visa and contract, safety net, before you leave: skipped
        key(qtbot, Qt.Key.Key_Right, ALT)
    assert page.current == "departure"
    key(qtbot, Qt.Key.Key_Right, ALT)
    assert page.current == REVIEW
    assert page.plan_button.isVisible() and not page.next_button.isVisible()

    assert answers(page) == {
        "destination": "japan",
        "age": 24,
        "occupation": "construction",
        "skill_level": "skilled_worker",
        "language_level": "basic",
        "has_passport": "yes",
        "channel": "trainee_program",
        "japan_route": "titp",
        "offer_status": "written_draft",
        "employer_known": "yes",
        "found_via": "labour_company",
        "recruiter_is_person": "no",
        "agency_name": "Sakura Labour Co.",
        "agency_licence_verified": "yes",
        "fees_paid_cny": 12000,
        "deposit_requested": "no",
        "paid_to_personal_account": "no",
        "loan_source": "relatives",
        "job_changed_after_payment": "no",
        "fees_after_arrival": "no",
    }
    relevant = page.questionnaire.relevant_questions(answers(page))
    assert page.progress_label.text() == f"Answered 20 of {len(relevant)} questions"
    with qtbot.waitSignal(page.finished):
        qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)


def test_answers_survive_a_restart_and_it_resumes_where_left(qapp, qtbot, data_dir, make_page):
    first_store, _ = open_store(data_dir)
    page = make_page(on_store=first_store)
    window = QWidget()  # the page sits inside a window, as in the app
    QVBoxLayout(window).addWidget(page)
    qtbot.addWidget(window)
    show_active(window, qtbot)
    qtbot.mouseClick(option(page, "destination", "korea"), Qt.MouseButton.LeftButton)
    page.show_page("money")
    # Typing and closing the window at once, before the pause that saves: nothing is lost.
    qtbot.keyClicks(page.blocks["fees_paid_cny"].input.line, "3000")
    window.close()
    page.setParent(None)  # qtbot closes the page itself after the test
    first_store.close()

    second_store, _ = open_store(data_dir)
    try:
        again = make_page(on_store=second_store)
        show_active(again, qtbot)
        assert again.current == "money"
        assert again.section_combo.currentData() == "money"
        assert again.blocks["fees_paid_cny"].input.line.text() == "3000"
        again.show_page("you")
        assert option(again, "destination", "korea").isChecked()
        assert second_store.get_answers(again.session.profile.id) == {
            "destination": "korea",
            "fees_paid_cny": 3000,
        }
    finally:
        second_store.close()


def test_typed_text_is_saved_after_a_pause(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    page.show_page("recruiter")
    line = page.blocks["agency_name"].input.line
    line.setFocus()
    qtbot.keyClicks(line, "Hua")
    assert "agency_name" not in answers(page)  # not on every key press...
    qtbot.waitUntil(lambda: answers(page).get("agency_name") == "Hua", timeout=2000)
    line.clear()  # ... and emptying the field removes the answer
    line.textEdited.emit("")
    qtbot.waitUntil(lambda: "agency_name" not in answers(page), timeout=2000)


def test_chinese_text_is_saved(make_page, qtbot):
    page = make_page("zh")
    show_active(page, qtbot)
    page.show_page("recruiter")
    line = page.blocks["agency_name"].input.line
    line.setFocus()
    line.setText("华信劳务")  # keyClicks cannot type Chinese
    line.editingFinished.emit()
    assert answers(page)["agency_name"] == "华信劳务"


def test_a_value_breaking_the_constraint_shows_the_message_and_is_not_saved(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    block = page.blocks["age"]
    line = block.input.line
    qtbot.keyClicks(line, "30")
    line.editingFinished.emit()
    assert answers(page)["age"] == 30
    line.clear()
    qtbot.keyClicks(line, "5")
    assert not block.has_problem()  # no nagging while typing
    key_target = line
    qtbot.keyClick(key_target, Qt.Key.Key_Return)
    assert block.has_problem()
    assert block.error.text() == "Please enter a whole number from 16 to 70."
    assert answers(page)["age"] == 30  # the earlier valid answer is kept
    # Next does not move on while an answer could not be saved.
    page.go_next()
    assert page.current == "you"
    assert QApplication.focusWidget() is line
    line.setText("２４")  # full-width digits from a Chinese input method are fine
    line.editingFinished.emit()
    assert not block.has_problem()
    assert answers(page)["age"] == 24


def test_the_constraint_message_follows_the_content_language(make_page, qtbot):
    page = make_page("zh")
    show_active(page, qtbot)
    line = page.blocks["age"].input.line
    line.setText("5")
    line.editingFinished.emit()
    assert page.blocks["age"].error.text() == "请填16到70之间的整数。"
    page.set_content_language("en")
    assert page.blocks["age"].error.text() == "Please enter a whole number from 16 to 70."


def test_letters_in_a_number_are_explained_and_not_saved(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    page.show_page("money")
    block = page.blocks["fees_paid_cny"]
    qtbot.keyClicks(block.input.line, "about 500")
    block.input.line.editingFinished.emit()
    assert block.error.text() == "Please write the amount in digits, for example 3000."
    assert "fees_paid_cny" not in answers(page)
    # Going back instead puts the field back to what is stored.
    page.go_back()
    page.show_page("money")
    assert block.input.line.text() == ""
    assert not block.has_problem()


def test_a_question_appears_and_disappears_with_the_answer_it_depends_on(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    page.show_page("route")
    japan_route = page.blocks["japan_route"]
    assert japan_route.isHidden()
    page.show_page("you")
    qtbot.mouseClick(option(page, "destination", "japan"), Qt.MouseButton.LeftButton)
    page.show_page("route")
    assert japan_route.isVisible()
    qtbot.mouseClick(option(page, "japan_route", "ssw"), Qt.MouseButton.LeftButton)
    page.show_page("you")
    qtbot.mouseClick(option(page, "destination", "korea"), Qt.MouseButton.LeftButton)
    assert japan_route.isHidden()
    # The answer stays stored (the person may change back) but no longer counts.
    assert answers(page)["japan_route"] == "ssw"
    page.show_review()
    assert page.review.rows["japan_route"].frame.isHidden()


def test_the_progress_counts_answered_over_relevant_questions(make_page, qtbot, questionnaire):
    page = make_page()
    show_active(page, qtbot)
    total = len(questionnaire.relevant_questions({}))
    assert page.progress_label.text() == f"Answered 0 of {total} questions"
    assert (page.progress.value(), page.progress.maximum()) == (0, total)
    qtbot.mouseClick(option(page, "destination", "japan"), Qt.MouseButton.LeftButton)
    now = len(questionnaire.relevant_questions({"destination": "japan"}))
    assert now > total  # Japan adds its own questions
    assert page.progress_label.text() == f"Answered 1 of {now} questions"
    assert (page.progress.value(), page.progress.maximum()) == (1, now)
    assert page.section_combo.itemText(0) == "1. You and your plans (1 of 6 answered)"


def test_the_review_lists_answers_in_words_and_change_goes_back(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    store = page.session.store
    pid = page.session.profile.id
    for qid, value in (
        ("destination", "japan"),
        ("fees_paid_cny", 12000),
        ("has_passport", "no"),
        ("departure_date", "2027-03-01"),
    ):
        store.set_answer(pid, qid, value)
    page.session.answersChanged.emit()  # answers changed elsewhere (an imported file)
    page.show_review()
    words = {qid: row.answer.text() for qid, row in page.review.rows.items()}
    assert words["destination"] == "Japan"
    assert words["has_passport"] == "No"
    assert words["fees_paid_cny"] == "12,000 yuan"
    assert words["departure_date"] == "2027-03-01"
    assert words["occupation"] == "Not answered"
    # Required and missing: marked, and counted at the top.
    assert words["age"] == "Not answered yet. Your plan needs this answer."
    assert page.review.rows["age"].frame.property("missing") is True
    assert page.review.missing == ["age", "channel"]
    assert page.review.missing_note.text().startswith("2 questions")

    qtbot.mouseClick(page.review.rows["loan_source"].button, Qt.MouseButton.LeftButton)
    assert page.current == "money"
    assert QApplication.focusWidget() is option(page, "loan_source", "none")
    viewport = page._parts["money"].scroll.viewport()
    top = page.blocks["loan_source"].mapTo(viewport, page.blocks["loan_source"].rect().topLeft())
    assert 0 <= top.y() < viewport.height()


def test_the_date_can_be_left_undecided(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    page.show_page("departure")
    date_input = page.blocks["departure_date"].input
    assert date_input.undecided.isChecked()
    assert not date_input.date.isEnabled()
    qtbot.mouseClick(date_input.undecided, Qt.MouseButton.LeftButton)
    assert date_input.date.isEnabled()
    assert answers(page)["departure_date"] == date_input.date.date().toString("yyyy-MM-dd")
    qtbot.mouseClick(date_input.undecided, Qt.MouseButton.LeftButton)
    assert "departure_date" not in answers(page)


def test_content_language_switch_changes_the_questions(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    page.show_review()
    block = page.blocks["destination"]
    assert "Where do you want to work?" in block.label.text()
    page.set_content_language("zh")
    assert "你想去哪里工作？" in block.label.text()
    assert page.blocks["destination"].input.rows[0].text() == "日本"
    assert option(page, "destination", "japan").accessibleName() == "日本"
    assert page.blocks["age"].input.line.accessibleName() == "你今年多大？"
    assert page.section_combo.itemText(0).startswith("1. 你和你的打算")
    assert page.review.rows["destination"].label.text() == "你想去哪里工作？"


def test_tab_goes_from_the_part_list_through_the_questions_to_the_buttons(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    page.show_page("departure")
    page.section_combo.setFocus()
    seen = []
    for _ in range(5):
        key(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    blocks = page.blocks
    # The date field is skipped while "Not decided yet" is ticked.
    assert seen == [
        blocks["departure_date"].input.undecided,
        blocks["health_check_done"].input.buttons[0],
        blocks["pre_departure_training_done"].input.buttons[0],
        page.back_button,
        page.next_button,
    ]


def test_switching_profile_reloads_answers_and_resume_place(make_page, qtbot):
    page = make_page()
    show_active(page, qtbot)
    session = page.session
    first = session.profile.id
    qtbot.mouseClick(option(page, "destination", "russia"), Qt.MouseButton.LeftButton)
    page.show_page("money")
    # Typed just before the switch: it belongs to the first profile.
    qtbot.keyClicks(page.blocks["fees_paid_cny"].input.line, "800")
    second = session.create_profile("Li Wei").id
    assert page.current == "you"
    assert not any(b.isChecked() for b in page.blocks["destination"].input.buttons)
    assert page.blocks["fees_paid_cny"].input.line.text() == ""
    assert session.store.get_answers(first) == {"destination": "russia", "fees_paid_cny": 800}
    assert session.store.get_answers(second) == {}
    session.switch_profile(first)
    assert page.current == "money"
    assert page.blocks["fees_paid_cny"].input.line.text() == "800"


def test_a_failed_save_is_reported(make_page, qtbot, monkeypatch, data_dir):
    page = make_page()
    show_active(page, qtbot)

    def full(*_args):
        raise StoreUnavailableError("disk_full", data_dir)

    monkeypatch.setattr(page.session.store, "set_answer", full)
    qtbot.mouseClick(option(page, "destination", "japan"), Qt.MouseButton.LeftButton)
    kind, title, text = page.dialogs.shown[-1]
    assert (kind, title) == ("error", "Your answer was not saved")
    assert "full" in text
    assert page.progress_label.text().startswith("Answered 0 of")


def test_every_answer_control_has_an_accessible_name(make_page, qtbot, questionnaire):
    page = make_page()
    show_active(page, qtbot)
    for page_def in questionnaire.pages:
        page.show_page(page_def.id)
    for qid, block in page.blocks.items():
        for widget in block.focus_chain():
            assert widget.accessibleName(), qid
        label = questionnaire.question(qid).label.en
        assert block.input.accessibleName() == label


SMALL = """
schema: 1
pages:
  - id: one
    title: {zh: 一, en: One}
    questions:
      - id: langs
        type: multi
        label: {zh: 你会说哪些话？, en: Which languages do you speak?}
        options:
          - {value: ja, label: {zh: 日语, en: Japanese}}
          - {value: ko, label: {zh: 韩语, en: Korean}}
          - {value: ru, label: {zh: 俄语, en: Russian}}
      - id: savings
        type: money
        label: {zh: 你有多少存款？, en: How much have you saved?}
      - id: note
        type: text
        max_length: 5
        label: {zh: 备注, en: A note}
"""


def test_multiple_choices_money_with_cents_and_a_length_limit(qapp, qtbot, store, data_dir):
    qapp.apply_language("en")
    small = load_questionnaire_text(SMALL)
    session = Session(store, DataLocation(data_dir, "option"), None)
    page = QuestionnairePage(small, session, ScriptedDialogs(), language="en")
    qtbot.addWidget(page)
    show_active(page, qtbot)
    rows = page.blocks["langs"].input.rows
    qtbot.mouseClick(rows[2].label, Qt.MouseButton.LeftButton)  # the text is clickable too
    qtbot.mouseClick(rows[0].button, Qt.MouseButton.LeftButton)
    assert answers(page)["langs"] == ["ja", "ru"]  # in the order of the options
    money = page.blocks["savings"].input.line
    qtbot.keyClicks(money, "1234.5")
    money.editingFinished.emit()
    assert answers(page)["savings"] == 1234.5
    note = page.blocks["note"].input.line
    qtbot.keyClicks(note, "abcdefgh")
    assert note.text() == "abcde"  # cannot type past the limit
    page.show_review()
    words = {qid: row.answer.text() for qid, row in page.review.rows.items()}
    assert words == {"langs": "Japanese, Russian", "savings": "1,234.50 yuan", "note": "abcde"}
    page.show_page("one")
    qtbot.mouseClick(rows[0].button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rows[2].button, Qt.MouseButton.LeftButton)
    assert "langs" not in answers(page)


@pytest.mark.bench
def test_building_a_part_is_quick(make_page, qtbot, benchmark):
    page = make_page()
    show_active(page, qtbot)
    page._prebuild.stop()

    def build():
        page._parts.pop("money", None)
        page._build("money")

    benchmark(build)
