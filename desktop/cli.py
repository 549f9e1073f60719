"""The ``passage`` command: the GUI by default, and headless sub-commands for counsellors.

Global options come before any sub-command (``passage --data-dir D advise ...``). Errors a
person can cause (a bad file, a data folder that cannot be used) are printed as one plain
message in their language and exit with status 2; a traceback means a bug in Passage.
Heavy modules are imported inside the handlers so ``--version`` and ``--help`` stay instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from desktop import APP_NAME, __version__

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="passage",
        description=f"{APP_NAME} · 出国务工指南 — an offline guide for people who plan to work "
        "abroad. With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="keep data in DIR instead of the user data folder"
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="language of the interface and of messages (default: saved or system)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the main window, wait for its first paint, and exit 0",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    content = sub.add_parser("content", help="check the shipped content files")
    content_sub = content.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    content_sub.add_parser("check", help="validate all content; exit 1 on any problem")

    from desktop.commands.advise import add_parsers as add_advise

    add_advise(sub)
    return parser


def _data_location(args: argparse.Namespace):
    from desktop.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import GuiOptions, run_gui

    return run_gui(
        GuiOptions(location=_data_location(args), self_test=args.self_test, lang=args.lang)
    )


def cmd_content_check(args: argparse.Namespace) -> int:
    from desktop.content.check import main as check_main

    return check_main([])


def cmd_questions(args: argparse.Namespace) -> int:
    from desktop.commands.advise import run_questions

    return run_questions(args)


def cmd_advise(args: argparse.Namespace) -> int:
    from desktop.commands.advise import run_advise

    return run_advise(args)


HANDLERS: dict[str, Handler] = {
    "content": cmd_content_check,
    "questions": cmd_questions,
    "advise": cmd_advise,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.data_dir:
        from pathlib import Path

        d = Path(args.data_dir).expanduser()
        if d.exists() and not d.is_dir():
            print(f"passage: --data-dir {d}: not a folder / 不是文件夹", file=sys.stderr)
            return 2
    if args.command is None:
        return cmd_gui(args)
    try:
        return HANDLERS[args.command](args)
    except BrokenPipeError:
        # The reader went away (e.g. `passage advise ... | head`): not an error.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a problem the person can fix gets one plain message
        message = _known_problem(exc)
        if message is None:
            raise
        print(f"passage: {message}", file=sys.stderr)
        return 2


def _known_problem(exc: Exception) -> str | None:
    """A plain message for errors that are not bugs in Passage, or None."""
    from desktop.content.errors import ContentError
    from desktop.store import StoreError

    if isinstance(exc, ContentError):
        from PySide6.QtCore import QCoreApplication

        return (
            QCoreApplication.translate("Commands", "Passage's content files have problems:")
            + "\n"
            + str(exc)
        )
    if isinstance(exc, StoreError):
        from desktop.ui.messages import store_error

        return store_error(exc)
    if isinstance(exc, OSError):
        return f"{exc.filename or ''}: {exc.strerror or exc}"
    return None


if __name__ == "__main__":
    sys.exit(main())
