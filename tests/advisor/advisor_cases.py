"""Answers used across the advisor tests (imported by the test modules and conftest)."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 12, 8)

# A careful person going to Japan as a technical intern through a checked, licensed company.
SAFE: dict[str, object] = {
    "destination": "japan",
    "age": 30,
    "occupation": "manufacturing",
    "skill_level": "skilled_worker",
    "language_level": "basic",
    "has_passport": "yes",
    "channel": "licensed_enterprise",
    "japan_route": "titp",
    "offer_status": "signed",
    "employer_known": "yes",
    "found_via": "labour_company",
    "recruiter_is_person": "no",
    "agency_name": "某某国际经济技术合作有限公司",
    "agency_licence_verified": "yes",
    "fees_paid_cny": 5000,
    "deposit_requested": "no",
    "paid_to_personal_account": "no",
    "loan_source": "none",
    "job_changed_after_payment": "no",
    "fees_after_arrival": "no",
    "visa_offered": "trainee",
    "told_switch_visa_later": "no",
    "told_what_to_say_at_border": "no",
    "contract_language_ok": "yes",
    "contract_penalty_clauses": "no",
    "wages_deferred": "no",
    "closed_management": "no",
    "documents_withheld": "no",
    "insurance_arranged": "yes",
    "insurance_buyer": "chinese_company",
    "document_copies": "yes",
    "family_knows_employer": "yes",
    "knows_12308": "yes",
    "departure_date": "2027-03-01",
    "health_check_done": "yes",
    "pre_departure_training_done": "yes",
    "language_test_passed": "yes",
}


def with_(**changes: object) -> dict[str, object]:
    """SAFE with some answers changed (None removes an answer)."""
    answers = dict(SAFE)
    for key, value in changes.items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    return answers
