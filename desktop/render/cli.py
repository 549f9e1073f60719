"""``passage checklist``: print checklists, plans or emergency cards from answers files.

For counsellors who prepare papers for a class of workers: one answers file in, one PDF
(or HTML page) out, or a whole folder at once. No window and no display are needed.

The lead wires it into :mod:`desktop.cli` with :func:`add_checklist_parser` and
:func:`run_checklist`. Heavy modules (Qt, Jinja2, the content loader) are imported inside
:func:`run_checklist`, so ``passage --help`` stays instant.

Exit status: 0 when everything was written; 1 when some files of a batch failed (each is
named on stderr, the others are still made); 2 when nothing could be done because of
something the person can fix (a bad answers file, a folder that is missing, an output
path that cannot be written). Those print one plain message, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["add_checklist_parser", "run_checklist"]

PRINT_LANGS = ("zh", "en", "zh+en")  # the same as desktop.render.html.PRINT_LANGS
PAGE_SIZES = ("A4", "Letter")


class _UserError(Exception):
    """Something the person can fix; the message is printed as it is."""


def add_checklist_parser(sub: Any) -> argparse.ArgumentParser:
    """Add the ``checklist`` command to ``sub`` (the result of ``add_subparsers``)."""
    parser = sub.add_parser(
        "checklist",
        help="print a checklist, plan or emergency card from answers files (PDF or HTML)",
        description="Make a printable checklist (default), the full plan (--plan) or the "
        "wallet emergency card (--card) from an answers file, or from every *.json file "
        "in a folder (--answers-dir with --out-dir). Works without a display.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--answers", metavar="FILE", type=Path, help="one answers file (JSON)")
    source.add_argument(
        "--answers-dir",
        metavar="DIR",
        type=Path,
        help="a folder of answers files: one printout per *.json, named after the file",
    )
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--card", action="store_true", help="print the wallet emergency card")
    kind.add_argument("--plan", action="store_true", help="print everything the advisor says")
    # dest is not "lang": the global --lang (language of messages) must keep its value.
    parser.add_argument(
        "--lang",
        dest="print_lang",
        choices=PRINT_LANGS,
        help="language of the printout; zh+en prints Chinese over English "
        "(default: the answers file's language)",
    )
    parser.add_argument(
        "--format", dest="print_format", choices=("pdf", "html"), default="pdf", help="(pdf)"
    )
    parser.add_argument("--page-size", choices=PAGE_SIZES, default="A4", help="(A4)")
    parser.add_argument(
        "--name",
        default=None,
        help="the person's name for the header and footer (batch: the file's name)",
    )
    parser.add_argument("--out", metavar="PATH", type=Path, help="output file (with --answers)")
    parser.add_argument(
        "--out-dir", metavar="DIR", type=Path, help="output folder (with --answers-dir)"
    )
    return parser


@dataclass(frozen=True)
class _Job:
    answers: Path
    out: Path
    name: str


def run_checklist(args: argparse.Namespace) -> int:
    """Run ``passage checklist`` with parsed ``args``; returns the exit status."""
    try:
        jobs = _jobs(args)
    except _UserError as exc:
        print(f"passage checklist: {exc}", file=sys.stderr)
        return 2

    from desktop.content.errors import ContentError

    try:
        questionnaire, catalog, rules = _shipped()
    except ContentError as exc:
        print(
            "passage checklist: Passage's own content files have problems "
            f"(run 'passage content check'):\n{exc}",
            file=sys.stderr,
        )
        return 1

    today = _dt.date.today()
    failed = 0
    for job in jobs:
        try:
            pages = _make(job, args, questionnaire, catalog, rules, today)
        except _UserError as exc:
            failed += 1
            print(f"passage checklist: {exc}", file=sys.stderr)
            continue
        what = f"{pages} page{'s' if pages != 1 else ''}" if pages else "HTML"
        print(f"{job.out} ({what})")
    if failed and len(jobs) == 1:
        return 2
    return 1 if failed else 0


@cache
def _shipped() -> tuple[Any, Any, Any]:
    """The questionnaire, the Guide and the rules, loaded once per process."""
    from desktop.advisor import default_rules
    from desktop.content.loader import load_catalog
    from desktop.content.questionnaire import load_questionnaire

    questionnaire = load_questionnaire()
    catalog = load_catalog(known_questions=questionnaire.known_values())
    return questionnaire, catalog, default_rules()


def _jobs(args: argparse.Namespace) -> list[_Job]:
    suffix = ".html" if args.print_format == "html" else ".pdf"
    if args.answers is not None:
        if args.out is None:
            raise _UserError("--answers needs --out PATH (where to write the printout)")
        if args.out_dir is not None:
            raise _UserError("--out-dir goes with --answers-dir; with --answers use --out")
        if args.out.is_dir():
            raise _UserError(f"--out {args.out}: is a folder; give a file name")
        return [_Job(args.answers, args.out, (args.name or "").strip())]
    if args.out_dir is None:
        raise _UserError("--answers-dir needs --out-dir DIR (where to write the printouts)")
    if args.out is not None:
        raise _UserError("--out goes with --answers; with --answers-dir use --out-dir")
    folder: Path = args.answers_dir
    if not folder.is_dir():
        raise _UserError(f"--answers-dir {folder}: not a folder / 不是文件夹")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and p.is_file())
    if not files:
        raise _UserError(f"--answers-dir {folder}: no answers files (*.json) / 没有答案文件")
    try:
        args.out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _UserError(f"--out-dir {args.out_dir}: cannot create it ({exc.strerror})") from None
    return [_Job(f, args.out_dir / (f.stem + suffix), args.name or f.stem) for f in files]


def _make(job: _Job, args: argparse.Namespace, questionnaire, catalog, rules, today) -> int:
    """Render one answers file; returns the page count (0 for HTML)."""
    from desktop.advisor import plan as make_plan
    from desktop.content.answers import parse_answers_file
    from desktop.content.errors import ContentError
    from desktop.render import html as H

    try:
        answers_file = parse_answers_file(job.answers, questionnaire)
    except ContentError as exc:
        raise _UserError(f"{job.answers}: bad answers file / 答案文件有问题:\n{exc}") from None
    lang = args.print_lang or answers_file.lang
    answers = answers_file.answers
    plan = make_plan(catalog, questionnaire, answers, today=today, rules=rules)
    destination = answers.get("destination")
    option = (
        questionnaire.question("destination").option(destination)
        if isinstance(destination, str)
        else None
    )
    label = option.label if option is not None else ""
    if args.card:
        agency = answers.get("agency_name")
        context = H.card_context(
            plan,
            catalog,
            lang=lang,
            entries={"agency": agency if isinstance(agency, str) else ""},
            destination=destination if isinstance(destination, str) else None,
            person_name=job.name,
        )
        template = "card.html.j2"
    else:
        builder = H.plan_context if args.plan else H.checklist_context
        context = builder(
            plan,
            catalog,
            lang=lang,
            person_name=job.name,
            destination_label=label,
            ticks={},
            notes={},
            printed_on=today,
            content_reviewed=H.content_reviewed(catalog),
        )
        template = "plan.html.j2" if args.plan else "checklist.html.j2"
    page = H.render(template, **context)
    try:
        if args.print_format == "html":
            H.html_to_file(page, job.out)
            return 0
        from desktop.render.pdf import html_to_pdf

        return html_to_pdf(page, job.out, page_size=args.page_size, footer_name=job.name, lang=lang)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _UserError(f"{job.out}: cannot write the file / 无法写入: {reason}") from None
