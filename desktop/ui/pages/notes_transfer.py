"""Your data is yours: export this profile, import one, delete everything about it.

:class:`ProfileTransferWidget` is a self-contained group box for the Settings page (or
Home). It works on the session's current profile and talks to the person through the
injected Dialogs object, like the pages do. The file format and the deleting live in
the Qt-free :mod:`desktop.transfer`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.store import ProfileNameError, StoreError
from desktop.ui.dialogs import Dialogs
from desktop.ui.messages import store_error
from desktop.ui.pages.notes_files import ask_open_path, ask_save_path
from desktop.ui.session import Session
from desktop.ui.widgets import Paragraph


class ProfileTransferWidget(QGroupBox):
    """Signals:
    aboutToChangeData: emitted before exporting or deleting, so unsaved edits elsewhere
        (the Notes page: connect it to ``NotesPage.flush``) are saved first.
    """

    aboutToChangeData = Signal()

    def __init__(self, session: Session, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        lay = QVBoxLayout(self)
        self.intro = Paragraph()
        lay.addWidget(self.intro)
        row = QHBoxLayout()
        self.export_button = QPushButton()
        self.import_button = QPushButton()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.delete_text = Paragraph()
        lay.addWidget(self.delete_text)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("destructive")
        lay.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.export_button.clicked.connect(self.export_profile)
        self.import_button.clicked.connect(self.import_profile)
        self.delete_button.clicked.connect(self.delete_everything)
        session.profileChanged.connect(self.retranslate)
        self.retranslate()

    # -- export -------------------------------------------------------------------------
    def export_profile(self) -> Path | None:
        """Ask where, then write the current profile to one file. Returns the file."""
        from desktop.transfer import export_profile, suggested_file_name

        self.aboutToChangeData.emit()
        title = self.tr("Export this profile")
        profile = self.session.profile
        path = ask_save_path(
            self.dialogs,
            self,
            title,
            suggested_file_name(profile.name),
            self.tr("Passage profiles (*.passage.json *.json)"),
        )
        if path is None:
            return None
        try:
            summary = export_profile(self.session.store, profile.id, path)
        except StoreError as exc:
            self.dialogs.error(title, store_error(exc))
            return None
        except OSError as exc:
            self.dialogs.error(
                title,
                self.tr("The file %1 could not be written: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.dialogs.inform(
            title,
            self.tr(
                "Saved “%1” to %2: %3 answers, %4 checklist items, %5 notes. The file holds "
                "personal information: keep it safe, and delete it once it has been imported."
            )
            .replace("%1", summary.name)
            .replace("%2", str(summary.path))
            .replace("%3", str(summary.answers))
            .replace("%4", str(summary.checklist))
            .replace("%5", str(summary.notes)),
        )
        return summary.path

    # -- import -------------------------------------------------------------------------
    def import_profile(self) -> int | None:
        """Ask for a file, check it completely, then add it as a new profile and switch to it.

        Returns the new profile's id, or None if nothing was imported.
        """
        from desktop.commands.transfer import import_error_message
        from desktop.store.transfer import free_profile_name
        from desktop.transfer import ImportFileError, read_import_file
        from desktop.transfer import import_profile as do_import

        title = self.tr("Import a profile")
        path = ask_open_path(
            self.dialogs, self, title, self.tr("Passage profiles (*.passage.json *.json)")
        )
        if path is None:
            return None
        try:
            doc = read_import_file(path)
        except ImportFileError as exc:
            self.dialogs.error(title, import_error_message(exc))
            return None
        store = self.session.store
        name = doc.name
        while True:
            taken = {p.name.casefold() for p in store.list_profiles()}
            if name.strip().casefold() in taken:
                answer = self.dialogs.ask_text(
                    title,
                    self.tr(
                        "There is already a profile called “%1”. Name for the imported profile:"
                    ).replace("%1", name),
                    free_profile_name(store, name),
                )
                if answer is None:
                    return None
                name = answer
            try:
                profile = do_import(store, doc, name=name)
                break
            except ProfileNameError as exc:
                self.dialogs.error(title, store_error(exc))
                if exc.reason != "duplicate":
                    return None
            except StoreError as exc:
                self.dialogs.error(title, store_error(exc) + " " + self.tr("Nothing was imported."))
                return None
        self.session.profilesChanged.emit()
        self.session.switch_profile(profile.id)
        self.dialogs.inform(
            title,
            self.tr(
                "Imported “%1”: %2 answers, %3 checklist items, %4 notes. It is now the "
                "current profile."
            )
            .replace("%1", profile.name)
            .replace("%2", str(len(doc.answers)))
            .replace("%3", str(len(doc.checklist)))
            .replace("%4", str(len(doc.notes))),
        )
        return profile.id

    # -- delete everything --------------------------------------------------------------
    def delete_everything(self) -> bool:
        """After confirmation, delete the current profile from the data file and the backups."""
        from desktop.store.transfer import damaged_files, delete_profile_everywhere

        self.aboutToChangeData.emit()
        title = self.tr("Delete everything about this profile")
        profile = self.session.profile
        ok = self.dialogs.confirm(
            title,
            self.tr(
                "Delete everything about “%1”: answers, checklist ticks, notes, evidence and "
                "the trash? It is also removed from the automatic backups in the data folder, "
                "so it cannot be brought back. Files you exported or printed are not touched. "
                "This cannot be undone."
            ).replace("%1", profile.name),
            destructive=True,
        )
        if not ok:
            return False
        store = self.session.store
        remove_damaged = False
        damaged = damaged_files(store)
        if damaged:
            remove_damaged = self.dialogs.confirm(
                title,
                self.tr(
                    "The folder %1 holds %2 damaged data files, set aside after earlier "
                    "problems. They may still contain this profile, but they cannot be "
                    "cleaned, only deleted as a whole, which also deletes what they hold "
                    "about other profiles. Delete them too?"
                )
                .replace("%1", str(damaged[0].parent))
                .replace("%2", str(len(damaged))),
                destructive=True,
            )
        try:
            report = delete_profile_everywhere(store, profile.id, remove_damaged=remove_damaged)
        except StoreError as exc:
            self.dialogs.error(title, store_error(exc))
            return False
        self._move_off_deleted_profile()
        text = (
            self.tr("Everything about “%1” was deleted, also from %2 backups.")
            .replace("%1", report.name)
            .replace("%2", str(len(report.backups_rewritten) + len(report.backups_removed)))
        )
        if not report.compacted:
            text += " " + self.tr(
                "Another Passage window is using the data file, so old copies of the text "
                "may remain in its free space. Close the other window and do this again "
                "with any profile to clean it."
            )
        if report.damaged_left:
            text += " " + self.tr(
                "The damaged files in %1 were kept and may still contain it."
            ).replace("%1", str(report.damaged_left[0].parent))
        self.dialogs.inform(title, text)
        return True

    def _move_off_deleted_profile(self) -> None:
        """Make another profile current (or a new empty one), as Session.delete_profile does."""
        store = self.session.store
        remaining = store.list_profiles()
        nxt = remaining[0] if remaining else store.ensure_default_profile(self.tr("My plan"))
        self.session.switch_profile(nxt.id)
        self.session.profilesChanged.emit()

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        name = self.session.profile.name
        self.setTitle(self.tr("Your data is yours"))
        self.intro.setText(
            self.tr(
                "Save everything about “%1” (answers, checklist, notes and evidence) in one "
                "file, for example to take it to another computer on a USB stick, and import "
                "it there."
            ).replace("%1", name)
        )
        self.export_button.setText(self.tr("E&xport this profile…"))
        self.export_button.setAccessibleName(self.tr("Export the current profile to a file"))
        self.import_button.setText(self.tr("&Import a profile…"))
        self.import_button.setAccessibleName(self.tr("Import a profile from a file"))
        self.delete_text.setText(
            self.tr(
                "You can also delete everything about “%1” from this computer, including "
                "the automatic backups."
            ).replace("%1", name)
        )
        self.delete_button.setText(self.tr("Delete e&verything about this profile…"))
        self.delete_button.setAccessibleName(
            self.tr("Delete everything about the current profile, also from the backups")
        )
