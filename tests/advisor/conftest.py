"""Shared fixtures for the advisor tests: the shipped questionnaire and rules, loaded once."""

from __future__ import annotations

import pytest
from advisor_cases import TODAY

from desktop.advisor.rules import Rules, load_rules
from desktop.content.questionnaire import Questionnaire, load_questionnaire


@pytest.fixture(scope="session")
def questionnaire() -> Questionnaire:
    return load_questionnaire()


@pytest.fixture(scope="session")
def rules(questionnaire: Questionnaire) -> Rules:
    return load_rules(questionnaire=questionnaire, today=TODAY)
