"""One test per red flag: known answers, the exact flags they raise, and their severity.

Every case starts from SAFE (no flag at all) and changes only what the rule is about,
so each test also shows that the rule does not fire on neighbouring answers.
"""

from __future__ import annotations

import pytest
from advisor_cases import SAFE, TODAY, with_

from desktop.advisor.plan import plan

# rule id -> (answers that trigger it, expected severity, the full set of flags expected)
CASES: dict[str, tuple[dict[str, object], str, set[str] | None]] = {
    "deposit-demanded": (with_(deposit_requested="yes"), "stop", None),
    "tourist-visa-for-work": (with_(visa_offered="tourist_or_business"), "stop", None),
    "told-switch-visa-later": (with_(told_switch_visa_later="yes"), "stop", None),
    "told-what-to-say-at-border": (with_(told_what_to_say_at_border="yes"), "stop", None),
    "recruiter-is-person": (with_(recruiter_is_person="yes"), "stop", None),
    "unlicensed-intermediary": (
        with_(channel="private_intermediary", agency_licence_verified="no"),
        "stop",
        None,  # and not licence-not-verified: the STOP covers it
    ),
    "licence-not-verified": (with_(agency_licence_verified="no"), "caution", None),
    "fees-for-government-program": (
        with_(destination="korea", channel="government_program", fees_for_government_program="yes"),
        "stop",
        None,
    ),
    "age-ssw": (with_(japan_route="ssw", age=17, skills_test_passed="yes"), "caution", None),
    "age-eps": (
        with_(destination="korea", channel="government_program", age=45),
        "caution",
        None,
    ),
    "job-changed-after-payment": (with_(job_changed_after_payment="yes"), "stop", None),
    "scam-region": (
        with_(destination="third_country", job_in_scam_region="yes", visa_offered="work"),
        "stop",
        None,
    ),
    "no-written-contract": (with_(contract_language_ok="no_contract"), "stop", None),
    "contract-unreadable": (with_(contract_language_ok="no"), "stop", None),
    "contract-penalty-japan": (with_(contract_penalty_clauses="yes"), "stop", None),
    "contract-penalty": (
        with_(destination="russia", visa_offered="work", contract_penalty_clauses="yes"),
        "caution",
        None,
    ),
    "wages-deferred": (with_(wages_deferred="yes"), "caution", None),
    "closed-management": (with_(closed_management="yes"), "stop", None),
    "documents-withheld": (with_(documents_withheld="yes"), "stop", None),
    "insurance-missing": (with_(insurance_arranged="no"), "caution", None),
    "insurance-self-paid": (with_(insurance_buyer="myself"), "caution", None),
    "paid-to-personal-account": (with_(paid_to_personal_account="yes"), "caution", None),
    "risky-loan": (with_(loan_source="recruiter_arranged"), "caution", None),
    "fees-after-arrival": (with_(fees_after_arrival="yes"), "stop", None),
    "employer-unknown": (with_(employer_known="no"), "caution", None),
    "found-via-acquaintance-or-online": (
        with_(found_via="online", agency_licence_verified="not_applicable"),
        "caution",
        None,
    ),
    "no-pre-departure-training": (with_(pre_departure_training_done="no"), "caution", None),
    "no-12308": (with_(knows_12308="no"), "caution", None),
    "no-document-copies": (with_(document_copies="no"), "caution", None),
    "family-not-informed": (with_(family_knows_employer="no"), "caution", None),
}

# "I don't know" on a STOP item: a CAUTION saying how to find out, never the STOP itself.
UNSURE: dict[str, dict[str, object]] = {
    "tourist-visa-for-work": with_(visa_offered="unknown"),
    "recruiter-is-person": with_(recruiter_is_person="unknown"),
    "fees-for-government-program": with_(
        destination="korea", channel="government_program", fees_for_government_program="unknown"
    ),
    "job-changed-after-payment": with_(job_changed_after_payment="unknown"),
    "scam-region": with_(
        destination="third_country", visa_offered="work", job_in_scam_region="unknown"
    ),
    "contract-penalty": with_(contract_penalty_clauses="unknown"),
    "closed-management": with_(closed_management="unknown"),
    "paid-to-personal-account": with_(paid_to_personal_account="unknown"),
    "fees-after-arrival": with_(fees_after_arrival="unknown"),
}


def flags(questionnaire, rules, answers):
    return plan(None, questionnaire, answers, today=TODAY, rules=rules).red_flags


def test_safe_answers_raise_nothing(questionnaire, rules):
    p = plan(None, questionnaire, SAFE, today=TODAY, rules=rules)
    assert p.red_flags == ()
    assert p.risk_level == "none" and not p.has_stop


def test_unanswered_questions_never_trigger_a_flag(questionnaire, rules):
    assert flags(questionnaire, rules, {}) == ()


def test_every_rule_has_a_case(rules):
    assert {r.id for r in rules.red_flags} == set(CASES)
    assert {r.id for r in rules.red_flags if r.unsure is not None} == set(UNSURE)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_red_flag(questionnaire, rules, rule_id):
    answers, severity, expected = CASES[rule_id]
    raised = flags(questionnaire, rules, answers)
    assert {f.id for f in raised} == (expected or {rule_id})
    flag = next(f for f in raised if f.id == rule_id)
    assert flag.severity == severity
    assert not flag.unsure
    assert flag.sources and flag.topic
    for text in (flag.title, flag.what_it_means, flag.do_now, flag.rule):
        assert text.zh and text.en


@pytest.mark.parametrize("rule_id", sorted(UNSURE))
def test_i_dont_know_gives_caution_with_how_to_find_out(questionnaire, rules, rule_id):
    raised = flags(questionnaire, rules, UNSURE[rule_id])
    assert [f.id for f in raised] == [f"{rule_id}-unsure"]
    flag = raised[0]
    assert flag.severity == "caution" and flag.unsure
    rule = next(r for r in rules.red_flags if r.id == rule_id)
    assert flag.do_now == rule.unsure.do_now != rule.do_now
    assert flag.title == rule.unsure.title
    assert flag.sources == rule.sources


def test_insurance_unknown_is_a_caution(questionnaire, rules):
    raised = flags(questionnaire, rules, with_(insurance_arranged="unknown"))
    assert [(f.id, f.severity) for f in raised] == [("insurance-missing", "caution")]


def test_verbal_offer_counts_as_no_contract(questionnaire, rules):
    answers = with_(offer_status="verbal", contract_penalty_clauses=None)
    assert [f.id for f in flags(questionnaire, rules, answers)] == ["no-written-contract"]


def test_stop_flags_come_first_and_risk_levels(questionnaire, rules):
    answers = with_(knows_12308="no", documents_withheld="yes", wages_deferred="yes")
    p = plan(None, questionnaire, answers, today=TODAY, rules=rules)
    assert [f.severity for f in p.red_flags] == ["stop", "caution", "caution"]
    assert p.red_flags[0].id == "documents-withheld"
    assert p.risk_level == "stop"
    two = plan(
        None, questionnaire, with_(knows_12308="no", wages_deferred="yes"), today=TODAY, rules=rules
    )
    assert two.risk_level == "high"
    one = plan(None, questionnaire, with_(knows_12308="no"), today=TODAY, rules=rules)
    assert one.risk_level == "caution"


def test_irrelevant_answers_do_not_trigger_flags(questionnaire, rules):
    # scam-region is only asked for third countries; a leftover answer must not count
    answers = with_(destination="japan", job_in_scam_region="yes")
    assert flags(questionnaire, rules, answers) == ()
    # nothing paid: the question about where the money went is not asked
    answers = with_(fees_paid_cny=0, paid_to_personal_account="yes")
    assert flags(questionnaire, rules, answers) == ()
