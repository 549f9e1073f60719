"""What the Checklist page prints: the HTML of the checklist and the emergency card, and
the small form for the person's own card entries.

The words and layout of the printouts live in ``desktop.render`` (shared with the CLI);
this module only gathers what the page knows (the plan, ticks and notes, the person's
name, the destination) and asks the person for what only they know.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.advisor.plan import Plan
from desktop.content.model import Text
from desktop.render.html import (
    CARD_ENTRIES,
    card_context,
    checklist_context,
    content_reviewed,
    render,
)
from desktop.ui.widgets import Paragraph

# Each printout language is named in its own script, so either reader finds theirs.
PRINT_LANGUAGES = (("zh", "中文"), ("en", "English"), ("zh+en", "中文 + English"))
PAGE_SIZE_KEYS = ("A4", "Letter")
CARD_ENTRY_MAX_LENGTH = 120

# Settings keys (app-wide, in the store's settings table).
PRINT_LANG_KEY = "print_lang"
PAGE_SIZE_KEY = "page_size"
EXPORT_DIR_KEY = "export_dir"


def card_key(profile_id: int) -> str:
    """The settings key holding one profile's own card entries."""
    return f"card:{profile_id}"


def destination_label(knowledge: Any, answers: Mapping[str, Any]) -> Text | str:
    """The destination as the questionnaire names it (both languages), or "" if unknown."""
    value = answers.get("destination")
    if not isinstance(value, str):
        return ""
    try:
        option = knowledge.questionnaire.question("destination").option(value)
    except KeyError:
        return ""
    return option.label if option is not None else ""


def checklist_html(
    knowledge: Any,
    plan: Plan,
    answers: Mapping[str, Any],
    *,
    lang: str,
    person_name: str,
    ticks: Mapping[str, bool],
    notes: Mapping[str, str],
    printed_on: _dt.date,
) -> str:
    """The checklist printout as one HTML page (for PDF, printer, preview or a file)."""
    ctx = checklist_context(
        plan,
        knowledge.catalog,
        lang=lang,
        person_name=person_name,
        destination_label=destination_label(knowledge, answers),
        ticks=ticks,
        notes=notes,
        printed_on=printed_on,
        content_reviewed=content_reviewed(knowledge.catalog),
    )
    return render("checklist.html.j2", **ctx)


def card_html(
    knowledge: Any,
    plan: Plan,
    answers: Mapping[str, Any],
    *,
    lang: str,
    person_name: str,
    entries: Mapping[str, str],
) -> str:
    """The emergency card printout (several copies to a page, to cut out)."""
    destination = answers.get("destination")
    ctx = card_context(
        plan,
        knowledge.catalog,
        lang=lang,
        entries={k: v for k, v in entries.items() if k in CARD_ENTRIES},
        destination=destination if isinstance(destination, str) else None,
        person_name=person_name,
    )
    return render("card.html.j2", **ctx)


def safe_file_stem(text: str) -> str:
    """A file name part that every system accepts (Windows is the strictest)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text).strip(" .")
    return re.sub(r"\s+", " ", cleaned)[:60] or "Passage"


def without_mnemonic(text: str) -> str:
    """A label as a screen reader should say it: no "&", no "(&S)", no trailing colon."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip(":：… ").strip()


class CardDialog(QDialog):
    """Asks for the person's own card entries: who sent them, who employs them, whom to call.

    Only the person knows these; they are printed as written (blank lines to fill in by
    hand where left empty) and kept on this computer for the next card.
    """

    def __init__(self, entries: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.intro = Paragraph()
        lay.addWidget(self.intro)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        for key in CARD_ENTRIES:
            label = QLabel()
            edit = QLineEdit(entries.get(key, "") or "")
            edit.setObjectName(f"card:{key}")
            edit.setMaxLength(CARD_ENTRY_MAX_LENGTH)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.labels[key] = label
            self.edits[key] = edit
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        # About 60 Latin letters (40 Chinese characters): a comfortable line at any size.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 60))
        self.retranslate()

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Emergency card"))
        self.intro.setText(
            self.tr(
                "The card carries the China consular hotline and the help lines of your "
                "destination. Add your own details below; anything you leave empty is "
                "printed as a blank line to fill in by hand. These details stay on this "
                "computer."
            )
        )
        names = {
            "agency": self.tr("&Sending company:"),
            "employer": self.tr("&Employer:"),
            "supervising_org": self.tr("Su&pervising organisation:"),
            "family_contact": self.tr("&Family contact:"),
            "insurance_policy": self.tr("&Insurance policy number:"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
            self.edits[key].setAccessibleName(without_mnemonic(names[key]))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save as P&DF…"))
