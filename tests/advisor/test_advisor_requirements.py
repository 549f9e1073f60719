"""One test per requirement rule: when it applies, and met / missing / unknown from answers."""

from __future__ import annotations

import pytest
from advisor_cases import TODAY, with_

from desktop.advisor.plan import plan

KOREA = {"destination": "korea", "channel": "government_program", "visa_offered": "work"}
SSW = {"japan_route": "ssw", "skills_test_passed": "yes"}
RUSSIA = {"destination": "russia", "visa_offered": "work"}

# id -> (context, answers for "met", answers for "missing", question(s) to drop for "unknown")
CASES: dict[str, tuple[dict, dict, dict, tuple[str, ...]]] = {
    "passport": ({}, {"has_passport": "yes"}, {"has_passport": "no"}, ("has_passport",)),
    "work-visa": (
        {},
        {"visa_offered": "trainee"},
        {"visa_offered": "tourist_or_business"},
        ("visa_offered",),
    ),
    "russia-work-permit": (
        RUSSIA,
        {"visa_offered": "work"},
        {"visa_offered": "tourist_or_business"},
        ("visa_offered",),
    ),
    "written-contract": (
        {},
        {"offer_status": "signed", "contract_language_ok": "yes"},
        {"offer_status": "written_draft", "contract_language_ok": "yes"},
        ("offer_status",),
    ),
    "licensed-recruiter": (
        {},
        {"agency_licence_verified": "yes"},
        {"agency_licence_verified": "no"},
        ("agency_licence_verified",),
    ),
    "health-check": (
        {},
        {"health_check_done": "yes"},
        {"health_check_done": "no"},
        ("health_check_done",),
    ),
    "accident-insurance": (
        {},
        {"insurance_arranged": "yes"},
        {"insurance_arranged": "no"},
        ("insurance_arranged",),
    ),
    "pre-departure-training": (
        {},
        {"pre_departure_training_done": "yes"},
        {"pre_departure_training_done": "no"},
        ("pre_departure_training_done",),
    ),
    "japan-ssw-age": (SSW, {"age": 18}, {"age": 17}, ("age",)),
    "japan-ssw-language": (
        SSW,
        {"language_test_passed": "yes"},
        {"language_test_passed": "no"},
        ("language_test_passed",),
    ),
    "japan-ssw-skills": (
        SSW,
        {"skills_test_passed": "yes"},
        {"skills_test_passed": "no"},
        ("skills_test_passed",),
    ),
    "korea-eps-age": (KOREA, {"age": 39}, {"age": 40}, ("age",)),
    "korea-eps-topik": (
        KOREA,
        {"language_test_passed": "yes"},
        {"language_test_passed": "no"},
        ("language_test_passed",),
    ),
    "korea-public-channel": (
        KOREA,
        {"fees_for_government_program": "no"},
        {"fees_for_government_program": "yes"},
        ("channel",),
    ),
}


def requirements(questionnaire, rules, answers) -> dict[str, str]:
    p = plan(None, questionnaire, answers, today=TODAY, rules=rules)
    return {r.id: r.status for r in p.requirements}


def test_every_rule_has_a_case(rules):
    assert {r.id for r in rules.requirements} - {"russia-exam"} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_requirement_status(questionnaire, rules, rule_id):
    context, met, missing, drop = CASES[rule_id]
    assert requirements(questionnaire, rules, with_(**context | met))[rule_id] == "met"
    assert requirements(questionnaire, rules, with_(**context | missing))[rule_id] == "missing"
    unknown = with_(**context | dict.fromkeys(drop))
    assert requirements(questionnaire, rules, unknown).get(rule_id, "unknown") == "unknown"


def test_destination_specific_requirements_apply_only_there(questionnaire, rules):
    japan = requirements(questionnaire, rules, with_())
    assert "work-visa" in japan and "russia-work-permit" not in japan
    assert not any(r.startswith(("korea-", "japan-ssw")) for r in japan)  # SAFE is a trainee
    russia = requirements(questionnaire, rules, with_(**RUSSIA))
    assert "russia-work-permit" in russia and "work-visa" not in russia
    assert russia["russia-exam"] == "unknown"  # only "find out": never met or missing
    korea = requirements(questionnaire, rules, with_(**KOREA))
    assert {"korea-eps-age", "korea-eps-topik", "korea-public-channel"} <= set(korea)
    # a Chinese employer's project in Korea is not the EPS
    dispatch = requirements(questionnaire, rules, with_(**KOREA | {"channel": "company_dispatch"}))
    assert not any(r.startswith("korea-") for r in dispatch)


def test_person_recruiter_means_licence_missing(questionnaire, rules):
    answers = with_(recruiter_is_person="yes")
    assert requirements(questionnaire, rules, answers)["licensed-recruiter"] == "missing"


def test_agent_route_to_korea_is_missing_the_public_channel(questionnaire, rules):
    answers = with_(**KOREA | {"channel": "private_intermediary"})
    assert requirements(questionnaire, rules, answers)["korea-public-channel"] == "missing"


def test_requirements_carry_text_and_sources(questionnaire, rules):
    p = plan(None, questionnaire, with_(**RUSSIA), today=TODAY, rules=rules)
    for r in p.requirements:
        assert r.sources and r.title.zh and r.text.en
        assert r.status in ("met", "missing", "unknown")
