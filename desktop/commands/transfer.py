"""``passage export`` and ``passage import``: a whole profile to one file and back.

A counsellor exports a worker's profile to a USB stick; on the worker's computer
``passage import FILE`` makes it a profile there. The file format and its checks are in
:mod:`desktop.transfer`; this module only parses arguments and speaks to the person.
:func:`import_error_message` is also used by the GUI, so the two say the same thing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import QCoreApplication, fail, install_translator, language


def add_parsers(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser(
        "export", help="save one profile (answers, checklist, notes, evidence) to a file"
    )
    e.add_argument("--profile", required=True, metavar="NAME", help="the profile to export")
    e.add_argument("--out", required=True, metavar="FILE", help="the file to write (JSON)")
    e.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (default: refuse)"
    )
    i = sub.add_parser("import", help="make a new profile from an exported file")
    i.add_argument("file", metavar="FILE", help="a file made by `passage export`")
    i.add_argument(
        "--name",
        metavar="NAME",
        help='name for the new profile (default: the name in the file, with " (2)" '
        "added if that name is taken)",
    )


def import_error_message(exc) -> str:
    """One plain sentence for an ImportFileError, naming the file and the field."""
    reason = {
        "unreadable": QCoreApplication.translate("Commands", "The file {path} cannot be read."),
        "too_large": QCoreApplication.translate(
            "Commands", "The file {path} is too large to be a Passage profile."
        ),
        "not_utf8": QCoreApplication.translate(
            "Commands", "The file {path} is not a Passage profile: it is not UTF-8 text."
        ),
        "bad_json": QCoreApplication.translate(
            "Commands", "The file {path} is damaged or not a Passage profile: it is not valid JSON."
        ),
        "not_passage": QCoreApplication.translate(
            "Commands",
            "The file {path} is not a Passage profile. Choose a file made with "
            "“Export this profile”.",
        ),
        "newer_schema": QCoreApplication.translate(
            "Commands",
            "The file {path} was made by a newer Passage. Install the newer version to import it.",
        ),
        "missing": QCoreApplication.translate(
            "Commands", "The file {path} is incomplete: a required field is missing."
        ),
        "unknown_field": QCoreApplication.translate(
            "Commands", "The file {path} has a field Passage does not know."
        ),
        "wrong_type": QCoreApplication.translate(
            "Commands", "The file {path} has a field of the wrong kind."
        ),
        "bad_value": QCoreApplication.translate(
            "Commands", "The file {path} has a value that is not allowed."
        ),
        "too_long": QCoreApplication.translate(
            "Commands", "The file {path} has a field that is too long."
        ),
    }.get(
        exc.reason,
        QCoreApplication.translate("Commands", "The file {path} cannot be imported."),
    ).format(path=exc.path)
    extra = []
    if exc.field:
        extra.append(
            QCoreApplication.translate("Commands", "Field: {field}").format(field=exc.field)
        )
    if exc.detail:
        extra.append(exc.detail)
    tail = QCoreApplication.translate("Commands", "Nothing was imported.")
    return reason + (" (" + "; ".join(extra) + ")" if extra else "") + " " + tail


def _open(args: argparse.Namespace):
    from desktop.paths import resolve_data_dir
    from desktop.store import open_store

    location = resolve_data_dir(getattr(args, "data_dir", None))
    store, _report = open_store(location.path)
    return store, location


def run_export(args: argparse.Namespace) -> int:
    from desktop.store import StoreError
    from desktop.transfer import export_profile
    from desktop.ui.messages import store_error

    install_translator(language(args))
    out = Path(args.out).expanduser()
    if out.exists() and not args.force:
        return fail(
            QCoreApplication.translate(
                "Commands", "The file {path} already exists. Choose another name, or add --force."
            ).format(path=out)
        )
    if not out.parent.is_dir():
        return fail(
            QCoreApplication.translate("Commands", "The folder {path} does not exist.").format(
                path=out.parent
            )
        )
    try:
        store, _location = _open(args)
    except StoreError as exc:
        return fail(store_error(exc))
    try:
        wanted = args.profile.strip().casefold()
        profile = next((p for p in store.list_profiles() if p.name.casefold() == wanted), None)
        if profile is None:
            names = ", ".join(p.name for p in store.list_profiles())
            return fail(
                QCoreApplication.translate(
                    "Commands", "There is no profile called “{name}”. Profiles: {names}"
                ).format(name=args.profile, names=names or "-")
            )
        summary = export_profile(store, profile.id, out)
    except StoreError as exc:
        return fail(store_error(exc))
    except OSError as exc:
        return fail(
            QCoreApplication.translate(
                "Commands", "The file {path} cannot be written: {error}"
            ).format(path=out, error=exc.strerror or exc)
        )
    finally:
        store.close()
    print(
        QCoreApplication.translate(
            "Commands",
            "Exported the profile “{name}” ({answers} answers, {checklist} checklist items, "
            "{notes} notes, of which {evidence} evidence) to {path}.",
        ).format(
            name=summary.name,
            answers=summary.answers,
            checklist=summary.checklist,
            notes=summary.notes,
            evidence=summary.evidence,
            path=summary.path,
        ),
        file=sys.stderr,
    )
    print(
        QCoreApplication.translate(
            "Commands", "The file holds personal information: keep it safe and delete it when done."
        ),
        file=sys.stderr,
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop.store import StoreError
    from desktop.transfer import ImportFileError, import_profile, read_import_file
    from desktop.ui.messages import store_error

    install_translator(language(args))
    try:
        doc = read_import_file(Path(args.file).expanduser())
    except ImportFileError as exc:
        return fail(import_error_message(exc))
    try:
        store, location = _open(args)
    except StoreError as exc:
        return fail(store_error(exc))
    try:
        profile = import_profile(store, doc, name=args.name)
    except StoreError as exc:
        return fail(
            store_error(exc) + " " + QCoreApplication.translate("Commands", "Nothing was imported.")
        )
    finally:
        store.close()
    print(
        QCoreApplication.translate(
            "Commands",
            "Imported “{name}” as the profile “{profile}” ({answers} answers, "
            "{checklist} checklist items, {notes} notes) in {path}.",
        ).format(
            name=doc.name,
            profile=profile.name,
            answers=len(doc.answers),
            checklist=len(doc.checklist),
            notes=len(doc.notes),
            path=location.path,
        ),
        file=sys.stderr,
    )
    return 0
