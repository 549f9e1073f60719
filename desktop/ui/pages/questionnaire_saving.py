"""Saving questionnaire answers the moment they are given.

Choices are written at once. Typed text is written after a short pause in typing and
again when the person leaves the field, so closing the window mid-way loses nothing
and the database is not written on every key press.

An answer typed just before a profile switch belongs to the profile it was typed for:
each waiting answer remembers its profile id, and is written there even if the person
has switched in the meantime.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.store import NotFoundError, StoreError
from desktop.ui.session import Session

SAVE_DELAY_MS = 400


class AnswerSaver(QObject):
    """Keeps the current profile's stored answers and writes changes through the session.

    Signals:
    saved: answers of the current profile were written (the page updates relevance
        and progress).

    Attributes:
    answers: the current profile's stored answers, as the store has them.
    saving: True while writing through the session, so the page can tell its own
        ``answersChanged`` from a change made elsewhere.
    """

    saved = Signal()

    def __init__(
        self,
        session: Session,
        on_error: Callable[[StoreError], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._on_error = on_error
        self.answers: dict[str, Any] = {}
        self.saving = False
        self._pending: dict[str, tuple[int, Any]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.reload()

    def reload(self) -> None:
        """Read the current profile's answers again (after a switch or an import)."""
        try:
            self.answers = self.session.answers()
        except StoreError as exc:
            self._on_error(exc)

    def put(self, question_id: str, value: Any) -> None:
        """Save a finished answer now (None clears it)."""
        self._pending.pop(question_id, None)
        if self._write(self.session.profile.id, question_id, value):
            self.saved.emit()

    def put_typed(self, question_id: str, value: Any) -> None:
        """Save an answer that is still being typed, after a pause in typing."""
        self._pending[question_id] = (self.session.profile.id, value)
        self._timer.start()

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Write every answer still waiting for the typing pause. Safe at any time."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        wrote = False
        for qid, (pid, value) in pending.items():
            wrote = self._write(pid, qid, value) or wrote
        if wrote:
            self.saved.emit()

    def _write(self, profile_id: int, question_id: str, value: Any) -> bool:
        """Write one answer; True if the current profile's answers changed."""
        try:
            if profile_id != self.session.profile.id:
                self.session.store.set_answer(profile_id, question_id, value)
                return False
            if self.answers.get(question_id) == value:
                return False  # unchanged: leaving a field reports its value again
            self.saving = True
            try:
                self.session.set_answer(question_id, value)
            finally:
                self.saving = False
        except NotFoundError:
            return False  # the profile was deleted meanwhile: nothing to keep
        except StoreError as exc:
            self.reload()
            self._on_error(exc)
            return True
        if value is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        return True
