"""The ``passage`` command: the GUI by default, and headless sub-commands for counsellors.

Global options come before any sub-command (``passage --data-dir D advise ...``). Errors a
person can cause (a bad file, a data folder that cannot be used) are printed as one plain
message in their language and exit with status 2; a traceback means a bug in Passage.
Heavy modules are imported inside the handlers so ``--version`` and ``--help`` stay instant.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from desktop import APP_NAME, __version__

Handler = Callable[[argparse.Namespace], int]


class _NotForTheWindow(Exception):
    """The short parser met something it does not know: the full one takes over."""


class _WindowOptionsParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotForTheWindow(message)


def build_parser(
    argv: Sequence[str] | None = None, *, commands: bool = True
) -> argparse.ArgumentParser:
    """The command line. ``commands=False`` leaves the sub-commands out, for a start of
    the window with options (``--data-dir``, ``--lang``): each sub-command's parser costs
    argparse a formatter and gettext look-ups, 3 ms in all before the first paint."""
    parser = (argparse.ArgumentParser if commands else _WindowOptionsParser)(
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
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Only the command being run is declared in full (its module is imported for it);
    # the others are listed by name, so the window's start and --version stay light.
    selected = next((a for a in (argv or ()) if a in COMMANDS), None)
    if selected is not None:
        module, function, _help = COMMANDS[selected]
        getattr(importlib.import_module(module), function)(sub)
    for name, (_module, _function, help_text) in COMMANDS.items():
        if name not in sub.choices:
            sub.add_parser(name, help=help_text)
    return parser


def add_content_parser(sub: argparse._SubParsersAction) -> None:
    content = sub.add_parser("content", help=COMMANDS["content"][2])
    content_sub = content.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    content_sub.add_parser("check", help="validate all content; exit 1 on any problem")


# command -> (module, function that declares it, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "content": ("desktop.cli", "add_content_parser", "check the shipped content files"),
    "questions": (
        "desktop.commands.advise",
        "add_parsers",
        "list the questions, their ids and allowed values",
    ),
    "advise": ("desktop.commands.advise", "add_parsers", "make the plan for an answers file"),
    "checklist": (
        "desktop.render.cli",
        "add_checklist_parser",
        "print checklists, plans and emergency cards to PDF or HTML (one or a folder)",
    ),
    "export": ("desktop.commands.transfer", "add_parsers", "save one profile to a file"),
    "import": ("desktop.commands.transfer", "add_parsers", "make a profile from an exported file"),
}


def _window_options(argv: list[str]) -> argparse.Namespace | None:
    """The options of a window start, read without the sub-commands; None when argv
    names a command, asks for help or has anything the short parser cannot read (the
    full parser then reads it, and words any error as usual)."""
    if any(a in COMMANDS or a in ("-h", "--help") for a in argv):
        return None
    try:
        return build_parser(argv, commands=False).parse_args(argv)
    except _NotForTheWindow:
        return None


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


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.commands.transfer import run_export

    return run_export(args)


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.commands.transfer import run_import

    return run_import(args)


def cmd_checklist(args: argparse.Namespace) -> int:
    from desktop.render.cli import run_checklist

    return run_checklist(args)


HANDLERS: dict[str, Handler] = {
    "checklist": cmd_checklist,
    "content": cmd_content_check,
    "questions": cmd_questions,
    "advise": cmd_advise,
    "export": cmd_export,
    "import": cmd_import,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        # A double-click: the window with the defaults, without building the parser
        # first (argparse looks up a gettext catalogue on disk for each of its own
        # messages, for each subcommand's parser: 120 stat calls before the first paint).
        return cmd_gui(argparse.Namespace(command=None, data_dir=None, lang=None, self_test=False))
    args = _window_options(argv) or build_parser(argv).parse_args(argv)
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
        import desktop.pyside  # noqa: F401

        # isort: split
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
