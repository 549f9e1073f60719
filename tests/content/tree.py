"""A small, valid content tree for the content tests, written as text so line numbers are known.

Tests break one file of it on purpose and check the exact problem reported.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

TODAY = _dt.date(2026, 11, 25)

SEED = """\
id: demo-2020
kind: seed
title: {zh: 演示文件, en: A demo paper}
author: {zh: 某研究所, en: A research institute}
published: 2020-05-01
original_file: 000_demo.txt
language: en
about: {zh: 一份政策研究。, en: A policy paper.}
passages:
  - locator: demo-2020#1.1
    heading: {zh: 正规渠道, en: Legal channels}
    summary: {zh: 通过有资质的企业出国。, en: Go abroad through a licensed firm.}
    themes: [channels]
  - locator: demo-2020#1.2
    heading: {zh: 信息, en: Information}
    summary: {zh: 工人缺少可靠信息。, en: Workers lack reliable information.}
    themes: [information, verification]
"""

SOURCES = """\
sources:
  - id: cn-reg-2012
    title: {zh: 对外劳务合作管理条例, en: Regulation on Foreign Labour Cooperation}
    publisher: {zh: 国务院, en: State Council}
    date: 2012-06-04
    confidence: high
    where: "facts.md A1"
  - id: web-guide
    title: {zh: 指南, en: Guide}
    publisher: {zh: 外交部, en: Ministry of Foreign Affairs}
    undated: true
    confidence: medium
    where: "facts.md A4"
    locator: "example.org/guide"
"""


# Line numbers matter: tests point at them (the "value" of demo-wage is on line 7).
FACTS = """\
schema: 1
facts:
  - id: demo-wage
    label: {zh: 演示最低工资, en: Demo minimum wage}
    type: money
    currency: KRW
    value: 10320
    per: hour
    as_of: 2025-10-01
    sources: [cn-reg-2012]
    confidence: high
  - id: demo-hotline
    label: {zh: 演示热线, en: Demo hotline}
    type: phone
    value: "+86-10-12308"
    hours: {zh: 24小时, en: 24 hours}
    as_of: 2026-03
    sources: [web-guide]
    confidence: medium
"""


def section_text(section: str, extra_topic: str = "") -> str:
    """A valid section file with one topic (plus ``extra_topic``, raw YAML)."""
    return f"""\
section: {section}
title: {{zh: 标题 {section}, en: Title {section}}}
intro: {{zh: 简介, en: Intro}}
topics:
  - id: {section}.first
    title: {{zh: 护照和签证, en: Passport and Visa}}
    summary: {{zh: 出发前先办好护照。, en: Get your passport before you leave.}}
    body:
      zh: |
        办**护照**要去公安机关。不要交押金。最低工资是{{fact:demo-wage}}。
      en: |
        Apply for your **passport** at the police office. No deposit. Wage: {{fact:demo-wage}}.
    applies_when: "channel in ['licensed_enterprise', 'undecided']"
    sources: [cn-reg-2012, demo-2020#1.1]
    reviewed: 2026-11-01
    keywords: {{zh: [证件], en: [travel document]}}
{extra_topic}"""


SECTIONS = ("channels", "destinations", "training", "rights")

KNOWN_QUESTIONS = {
    "channel": {"licensed_enterprise", "undecided", "agent"},
    "destination": {"japan", "korea", "russia", "other"},
    "age": None,
}


def write_tree(base: Path, overrides: dict[str, str] | None = None) -> Path:
    """Write the valid tree under ``base``; ``overrides`` maps relative path -> text."""
    files = {
        "seeds/demo-2020.yaml": SEED,
        "resources/sources.yaml": SOURCES,
        "resources/facts/demo.yaml": FACTS,
    }
    for s in SECTIONS:
        files[f"resources/content/{s}.yaml"] = section_text(s)
    files.update(overrides or {})
    for rel, text in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return base
