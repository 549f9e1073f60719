"""``passage checklist`` as a counsellor runs it: answers files in, PDFs or HTML out, with
plain messages (and the right exit status) for the mistakes a person can make."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.render.cli import add_checklist_parser, run_checklist
from tests.conftest import REPO
from tests.render.conftest import RISKY, pdf_pages


def parser() -> argparse.ArgumentParser:
    """The same wiring desktop/cli.py gives it: a global --lang, then the command."""
    p = argparse.ArgumentParser(prog="passage")
    p.add_argument("--lang", choices=("zh", "en"))
    sub = p.add_subparsers(dest="command")
    add_checklist_parser(sub)
    return p


def run(*argv: str) -> int:
    return run_checklist(parser().parse_args(["checklist", *argv]))


def answers_file(folder: Path, name: str, answers: dict, lang: str = "zh") -> Path:
    path = folder / name
    path.write_text(json.dumps({"schema": 1, "lang": lang, "answers": answers}), "utf-8")
    return path


def test_one_answers_file_makes_one_pdf(tmp_path, capsys):
    src = answers_file(tmp_path, "wang.json", RISKY)
    out = tmp_path / "wang.pdf"
    assert run("--answers", str(src), "--out", str(out), "--name", "王小明") == 0
    reader = PdfReader(out)
    assert (round(float(reader.pages[0].mediabox.width)), len(reader.pages) > 1) == (595, True)
    (first,) = pdf_pages(out.read_bytes(), slice(0, 1))
    assert "押金" in first and "王小明" in first
    assert str(out) in capsys.readouterr().out


def test_global_lang_and_print_lang_do_not_collide():
    args = parser().parse_args(["--lang", "en", "checklist", "--answers", "a", "--lang", "zh+en"])
    assert (args.lang, args.print_lang) == ("en", "zh+en")


def test_html_and_card_and_letter(tmp_path):
    src = answers_file(tmp_path, "li.json", RISKY, lang="en")
    html = tmp_path / "li.html"
    assert run("--answers", str(src), "--out", str(html), "--format", "html") == 0
    page = html.read_text("utf-8")
    assert '<meta charset="utf-8">' in page and "Red flags" in page  # the file's language
    card = tmp_path / "card.pdf"
    assert run("--answers", str(src), "--out", str(card), "--card", "--page-size", "Letter") == 0
    reader = PdfReader(card)
    assert round(float(reader.pages[0].mediabox.height)) == 792
    assert "+86-10-12308" in pdf_pages(card.read_bytes(), slice(0, 1))[0]


def test_a_folder_makes_one_pdf_per_file_and_names_the_bad_one(tmp_path, capsys):
    src = tmp_path / "answers"
    src.mkdir()
    answers_file(src, "wang.json", RISKY)
    answers_file(src, "li.json", {"destination": "korea"}, lang="en")
    answers_file(src, "zhao.json", {"destination": "mars", "deposit_requestd": "yes"})
    (src / "readme.txt").write_text("not an answers file")
    out = tmp_path / "out"
    assert run("--answers-dir", str(src), "--out-dir", str(out)) == 1
    assert sorted(p.name for p in out.iterdir()) == ["li.pdf", "wang.pdf"]
    err = capsys.readouterr().err
    assert "zhao.json" in err and "deposit_requestd" in err and "mars" in err
    assert "wang.json" not in err and "Traceback" not in err
    # In a batch the footer carries the file's name.
    (first,) = pdf_pages((out / "li.pdf").read_bytes(), slice(0, 1))
    assert first.endswith("liPassage1/" + str(len(PdfReader(out / "li.pdf").pages)))


def test_a_bad_answers_file_is_one_plain_message(tmp_path, capsys):
    src = tmp_path / "bad.json"
    src.write_text('{"schema": 1, "lang": "zh", "answers": {"destination": "japan",}}')
    assert run("--answers", str(src), "--out", str(tmp_path / "x.pdf")) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--answers", "{src}"], "needs --out"),
        (["--answers", "{src}", "--out", "{tmp}"], "is a folder"),
        (["--answers", "{src}", "--out", "{tmp}/missing/x.pdf"], "cannot write"),
        (["--answers-dir", "{tmp}/nope", "--out-dir", "{tmp}/o"], "not a folder"),
        (["--answers-dir", "{tmp}/empty", "--out-dir", "{tmp}/o"], "no answers files"),
        (["--answers-dir", "{tmp}/empty"], "needs --out-dir"),
    ],
)
def test_mistakes_exit_2_with_a_plain_message(tmp_path, capsys, argv, message):
    src = answers_file(tmp_path, "a.json", RISKY)
    (tmp_path / "empty").mkdir()
    args = [a.format(src=src, tmp=tmp_path) for a in argv]
    assert run(*args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_runs_with_no_display_and_no_qt_platform_set(tmp_path):
    """A counsellor's server: no DISPLAY, nothing set; the command picks offscreen itself."""
    src = answers_file(tmp_path, "a.json", RISKY)
    out = tmp_path / "a.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    code = (
        "import sys; from tests.render.test_cli import run; "
        f"sys.exit(run('--answers', {str(src)!r}, '--out', {str(out)!r}, '--card'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
