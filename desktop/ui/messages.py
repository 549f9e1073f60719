"""Messages for problems a person can meet, in their language.

The core raises errors that carry data (paths, versions, reasons); this module turns them
into sentences through Qt's translation system, for the GUI and the CLI alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.store import (
    NewerDatabaseError,
    OpenReport,
    ProfileNameError,
    StoreError,
    StoreUnavailableError,
)


def store_error(exc: BaseException) -> str:
    """A plain explanation of a storage problem, with what to do next."""
    if isinstance(exc, NewerDatabaseError):
        return QCoreApplication.translate(
            "Messages",
            "Your data at {path} was saved by a newer version of Passage "
            "(data version {found}; this version understands up to {supported}). "
            "To keep it safe, this version will not open or change it. "
            "Please install the newer version of Passage.",
        ).format(path=exc.path, found=exc.found_version, supported=exc.supported_version)
    if isinstance(exc, StoreUnavailableError):
        reason = {
            "read_only": QCoreApplication.translate(
                "Messages", "Your data at {path} cannot be written to (it is read-only)."
            ),
            "disk_full": QCoreApplication.translate(
                "Messages", "The disk holding {path} is full. Nothing new could be saved."
            ),
            "locked": QCoreApplication.translate(
                "Messages", "Your data at {path} is in use by another copy of Passage."
            ),
            "corrupt": QCoreApplication.translate(
                "Messages",
                "Your data file {path} was damaged while Passage was using it. Close Passage "
                "and start it again: it will set the damaged file aside and restore your "
                "newest backup.",
            ),
        }.get(
            exc.reason,
            QCoreApplication.translate(
                "Messages", "Your data at {path} cannot be read or written."
            ),
        )
        return (
            reason.format(path=exc.path)
            + " "
            + QCoreApplication.translate(
                "Messages",
                "What you saved before is safe. Free some space, close other copies of Passage, "
                "or choose another folder with --data-dir, then try again.",
            )
        )
    if isinstance(exc, ProfileNameError):
        return {
            "empty": QCoreApplication.translate("Messages", "Please type a name for the profile."),
            "too_long": QCoreApplication.translate(
                "Messages", "That name is too long. Please use at most 80 characters."
            ),
            "duplicate": QCoreApplication.translate(
                "Messages",
                "There is already a profile called “{name}”. Please choose another name.",
            ),
        }.get(
            exc.reason, QCoreApplication.translate("Messages", "That name cannot be used.")
        ).format(name=exc.name)
    if isinstance(exc, StoreError):
        return QCoreApplication.translate(
            "Messages", "Passage could not use its data file: {error}"
        ).format(error=exc)
    return str(exc)


def recovery_report(report: OpenReport) -> str | None:
    """What to tell the person after a damaged database was set aside, or None."""
    if not report.recovered:
        return None
    text = QCoreApplication.translate(
        "Messages",
        "Your data file was damaged and could not be read. Passage did not delete it: "
        "it was moved to {damaged}.",
    ).format(damaged=report.damaged_path)
    if report.restored_from is not None:
        text += " " + QCoreApplication.translate(
            "Messages",
            "Your data was restored from the most recent good backup ({backup}). "
            "Anything changed after that backup may be missing.",
        ).format(backup=report.restored_from.name)
    else:
        text += " " + QCoreApplication.translate(
            "Messages",
            "No good backup was found, so Passage started with empty data. "
            "Keep the damaged file: someone with technical skills may be able to rescue it.",
        )
    return text
