"""``passage questions`` and ``passage advise``: the questionnaire and the plan, headless.

A counsellor prepares answers files (the contract in the README), checks what the advisor
makes of them, and can store them as profiles for the GUI with ``--save-profile``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.commands.common import QCoreApplication, fail, install_translator, language


def add_parsers(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("questions", help="list the questions, their ids and allowed values")
    q.add_argument("--json", action="store_true", help="machine-readable output")
    a = sub.add_parser("advise", help="make the plan for an answers file")
    a.add_argument("--answers", required=True, metavar="FILE", help="answers file (JSON)")
    a.add_argument("--json", action="store_true", help="print the plan as JSON")
    a.add_argument(
        "--save-profile",
        metavar="NAME",
        help="also store these answers as the profile NAME (created if needed)",
    )


def _content_error_message(exc) -> str:
    return (
        QCoreApplication.translate("Commands", "There are problems in the file:") + "\n" + str(exc)
    )


def run_questions(args: argparse.Namespace) -> int:
    from desktop.content.questionnaire import load_questionnaire

    lang = language(args)
    questionnaire = load_questionnaire()
    if args.json:
        json.dump(
            {"schema": 1, "questions": questionnaire.describe()},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    for page in questionnaire.pages:
        print(f"# {page.title.get(lang)}")
        for q in page.questions:
            values = " | ".join(q.values) if q.values is not None else q.type
            print(f"  {q.id}: {values}")
            print(f"      {q.label.get(lang)}")
    return 0


def run_advise(args: argparse.Namespace) -> int:
    from desktop.content.answers import parse_answers_file
    from desktop.content.errors import ContentError
    from desktop.knowledge import load_knowledge

    lang = language(args)
    install_translator(lang)
    knowledge = load_knowledge()
    path = Path(args.answers)
    if not path.is_file():
        return fail(
            QCoreApplication.translate(
                "Commands", "The answers file {path} does not exist."
            ).format(path=path)
        )
    try:
        answers_file = parse_answers_file(path, knowledge.questionnaire)
    except ContentError as exc:
        return fail(_content_error_message(exc))
    lang = language(args) if args.lang else answers_file.lang
    install_translator(lang)
    plan = knowledge.plan(answers_file.answers, lang=lang)
    if args.save_profile:
        code = _save_profile(args, args.save_profile, answers_file.answers)
        if code:
            return code
    if args.json:
        json.dump(plan.to_json(lang), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        from desktop.commands.plan_text import plan_text

        print(plan_text(plan, knowledge.catalog, lang))
    return 0


def _save_profile(args: argparse.Namespace, name: str, answers: dict) -> int:
    from desktop.paths import resolve_data_dir
    from desktop.store import StoreError, open_store
    from desktop.ui.messages import store_error

    location = resolve_data_dir(args.data_dir)
    try:
        store, _report = open_store(location.path)
    except StoreError as exc:
        return fail(store_error(exc))
    try:
        existing = {p.name.casefold(): p for p in store.list_profiles()}
        profile = existing.get(name.strip().casefold()) or store.create_profile(name)
        store.replace_answers(profile.id, answers)
    except StoreError as exc:
        return fail(store_error(exc))
    finally:
        store.close()
    print(
        QCoreApplication.translate(
            "Commands", "Saved the answers as the profile “{name}” in {path}."
        ).format(name=profile.name, path=location.path),
        file=sys.stderr,
    )
    return 0
