"""Everything Passage knows, loaded together: the Guide, the questionnaire and the advice rules.

One loader for the GUI, the CLI and the tests, so the three always see the same,
fully checked content. Loading takes tens of milliseconds; callers keep the result.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from desktop.advisor import Plan, Rules, check_rules, load_rules, plan
from desktop.content.errors import ContentError
from desktop.content.loader import load_catalog
from desktop.content.model import Catalog
from desktop.content.questionnaire import Questionnaire, load_questionnaire


@dataclass(frozen=True)
class Knowledge:
    catalog: Catalog
    questionnaire: Questionnaire
    rules: Rules

    def plan(
        self, answers: dict, *, today: _dt.date | None = None, lang: str | None = None
    ) -> Plan:
        return plan(
            self.catalog,
            self.questionnaire,
            answers,
            today=today or _dt.date.today(),
            lang=lang,
            rules=self.rules,
        )


def load_knowledge(base: Path | None = None, *, today: _dt.date | None = None) -> Knowledge:
    """Load and cross-check all content; raises ContentError listing every problem."""
    from desktop import resources

    base = base or resources.base_dir()
    questionnaire = load_questionnaire(base / "resources" / "questionnaire.yaml")
    catalog = load_catalog(base, known_questions=questionnaire.known_values(), today=today)
    rules = load_rules(base, questionnaire=questionnaire, today=today)
    problems = check_rules(rules, catalog)
    if problems:
        raise ContentError(problems)
    return Knowledge(catalog, questionnaire, rules)
