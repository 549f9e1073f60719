"""The running session: the open store, the current profile and the app-wide settings.

Pages never talk to each other; they read from the session and listen to its signals,
so a change made on one page (a renamed profile, a new answer) shows everywhere at once.

Import order: the Qt-free modules come before PySide6 here, and ``app.py`` and
``main_window.py`` import this module before PySide6. It no longer matters much since
``desktop.pyside`` stopped PySide6 reading the source of every later import, but
importing the store before Qt keeps the store's modules free of any Qt import hook.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from desktop.paths import DataLocation
from desktop.store import OpenReport, Profile, Store

# isort: split
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop.advisor import Plan
    from desktop.knowledge import Knowledge
    from desktop.store.transfer import ForgetReport

TEXT_SCALE_MIN = 100
TEXT_SCALE_MAX = 200
TEXT_SCALE_STEP = 10


class Session(QObject):
    """Signals:
    profileChanged: the current profile was switched or renamed.
    profilesChanged: a profile was created, renamed or deleted.
    answersChanged: the current profile's answers changed.
    knowledgeReady: the content (Guide, questionnaire, rules) has been loaded.
    planChanged: the plan may differ now (answers, profile or content changed).
    """

    profileChanged = Signal()
    profilesChanged = Signal()
    answersChanged = Signal()
    knowledgeReady = Signal()
    planChanged = Signal()

    def __init__(
        self,
        store: Store,
        location: DataLocation,
        report: OpenReport | None = None,
        *,
        default_profile_name: str = "My plan",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.location = location
        self.report = report
        saved = store.get_setting("current_profile_id")
        profile = store.get_profile(saved) if isinstance(saved, int) else None
        if profile is None:
            profile = store.ensure_default_profile(default_profile_name)
            store.set_setting("current_profile_id", profile.id)
        self._profile: Profile = profile
        self._knowledge: Knowledge | None = None
        self._plan: Plan | None = None
        # Any change of answers (also through a profile switch) makes the plan stale.
        self.answersChanged.connect(self._invalidate_plan)

    # -- content and the plan -----------------------------------------------------------
    @property
    def knowledge(self) -> Knowledge | None:
        return self._knowledge

    def set_knowledge(self, knowledge: Knowledge) -> None:
        self._knowledge = knowledge
        self._plan = None
        self.knowledgeReady.emit()
        self.planChanged.emit()

    def plan(self) -> Plan | None:
        """The current profile's plan, computed once per change (None until content loads)."""
        if self._knowledge is None:
            return None
        if self._plan is None:
            self._plan = self._knowledge.plan(self.answers(), today=_dt.date.today())
        return self._plan

    def _invalidate_plan(self) -> None:
        self._plan = None
        if self._knowledge is not None:
            self.planChanged.emit()

    # -- profiles ---------------------------------------------------------------------
    @property
    def profile(self) -> Profile:
        return self._profile

    def profiles(self) -> list[Profile]:
        return self.store.list_profiles()

    def switch_profile(self, profile_id: int) -> None:
        if profile_id == self._profile.id:
            return
        profile = self.store.get_profile(profile_id)
        if profile is None:
            return
        self._profile = profile
        self.store.set_setting("current_profile_id", profile.id)
        self.profileChanged.emit()
        self.answersChanged.emit()

    def create_profile(self, name: str, *, switch: bool = True) -> Profile:
        profile = self.store.create_profile(name)
        self.profilesChanged.emit()
        if switch:
            self.switch_profile(profile.id)
        return profile

    def rename_profile(self, profile_id: int, name: str) -> None:
        self.store.rename_profile(profile_id, name)
        if profile_id == self._profile.id:
            self._profile = self.store.get_profile(profile_id) or self._profile
            self.profileChanged.emit()
        self.profilesChanged.emit()

    def delete_profile(self, profile_id: int, *, fallback_name: str = "My plan") -> ForgetReport:
        """Delete a profile everywhere (backups too); if it was current, move to another.

        "Delete" must mean gone: the rows, the free space they leave and every rolling
        backup that held them (see delete_profile_everywhere).
        """
        from desktop.store.transfer import delete_profile_everywhere

        report = delete_profile_everywhere(self.store, profile_id)
        if profile_id == self._profile.id:
            remaining = self.store.list_profiles()
            nxt = remaining[0] if remaining else self.store.ensure_default_profile(fallback_name)
            self._profile = nxt
            self.store.set_setting("current_profile_id", nxt.id)
            self.profileChanged.emit()
            self.answersChanged.emit()
        self.profilesChanged.emit()
        return report

    # -- answers ----------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        return self.store.get_answers(self._profile.id)

    def set_answer(self, question_id: str, value: Any) -> None:
        self.store.set_answer(self._profile.id, question_id, value)
        self.answersChanged.emit()

    # -- settings ---------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        return self.store.get_setting(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.store.set_setting(key, value)
