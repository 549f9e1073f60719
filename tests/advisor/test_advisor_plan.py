"""The plan as a whole: channels, training, rights, checklist dates, JSON, and the
properties that let the UI recompute it on every change (pure, total, fast)."""

from __future__ import annotations

import datetime as dt
import json
from types import MappingProxyType

import pytest
from advisor_cases import SAFE, TODAY, with_
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.advisor.plan import JSON_KEYS, plan
from desktop.advisor.rules import PHASES
from desktop.content.conditions import parse
from desktop.content.model import Catalog, Text, Topic
from desktop.content.questionnaire import Question, Questionnaire


def make_plan(questionnaire, rules, answers, **kw):
    kw.setdefault("today", TODAY)
    return plan(None, questionnaire, answers, rules=rules, **kw)


# --------------------------------------------------------------------------- checklist


def test_due_dates_count_back_from_departure(questionnaire, rules):
    answers = with_(has_passport="no", departure_date="2027-03-15")
    items = {i.id: i for i in make_plan(questionnaire, rules, answers).checklist}
    assert items["get-passport"].due == dt.date(2026, 12, 15)  # 90 days before
    assert items["list-costs"].due == dt.date(2027, 1, 14)  # 60 days before
    assert items["check-visa-type"].due == dt.date(2027, 1, 29)  # 45 days before
    assert items["save-12308"].due == dt.date(2027, 3, 12)  # 3 days before
    assert items["keep-passport"].due == dt.date(2027, 3, 15)  # on arrival
    assert items["japan-address"].due == dt.date(2027, 3, 29)  # 14 days after arrival
    assert items["pay-records"].due == dt.date(2027, 4, 14)
    assert items["japan-pension-refund"].due is None  # coming home: no date
    assert not any(i.overdue for i in items.values())


def test_overdue_items_when_departure_is_close(questionnaire, rules):
    answers = with_(has_passport="no", departure_date="2026-12-20")
    items = {i.id: i for i in make_plan(questionnaire, rules, answers).checklist}
    assert items["get-passport"].due == dt.date(2026, 9, 21)
    assert items["get-passport"].overdue
    assert not items["save-12308"].overdue  # due 2026-12-17, after today


def test_no_departure_date_means_no_due_dates(questionnaire, rules):
    p = make_plan(questionnaire, rules, with_(departure_date=None))
    assert p.departure is None
    assert all(i.due is None and not i.overdue for i in p.checklist)
    p = make_plan(questionnaire, rules, with_(departure_date=""))
    assert all(i.due is None for i in p.checklist)


def test_checklist_is_ordered_by_phase_then_date(questionnaire, rules):
    p = make_plan(questionnaire, rules, with_(destination="russia", visa_offered="work"))
    phases = [i.phase for i in p.checklist]
    assert phases == sorted(phases, key=PHASES.index)
    for phase in PHASES:
        dated = [i.due for i in p.checklist if i.phase == phase and i.due is not None]
        assert dated == sorted(dated), phase
    ids = [i.id for i in p.checklist]
    assert "russia-registration" in ids and "japan-address" not in ids
    assert ids.index("russia-registration") < ids.index("russia-fingerprints-medical")


def test_checklist_items_depend_on_answers(questionnaire, rules):
    ids = {i.id for i in make_plan(questionnaire, rules, SAFE).checklist}
    assert "get-passport" not in ids and "check-licence" not in ids
    ids = {i.id for i in make_plan(questionnaire, rules, {}).checklist}
    assert {"get-passport", "check-licence", "keep-passport", "where-to-complain"} <= ids
    assert not any(i.startswith(("japan-", "korea-", "russia-")) for i in ids)


# --------------------------------------------------------------------------- channels


def test_channels_for_a_korea_eps_candidate(questionnaire, rules):
    answers = {"destination": "korea", "age": 25, "channel": "government_program"}
    p = make_plan(questionnaire, rules, answers)
    ranked = p.ranked_channels
    assert ranked[0].id == "eps-korea" and ranked[0].rank == 1 and ranked[0].chosen
    assert [c.rank for c in ranked] == list(range(1, len(ranked) + 1))
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    out = {c.id: c for c in p.ruled_out_channels}
    assert set(out) == {"japan-trainee", "japan-ssw"}
    assert out["japan-ssw"].why_not[0].en == "This route leads only to Japan."
    assert all(c.rank is None for c in out.values())


def test_age_rules_out_eps_with_the_reason(questionnaire, rules):
    p = make_plan(questionnaire, rules, {"destination": "korea", "age": 45})
    out = {c.id: c for c in p.ruled_out_channels}
    # the age limit comes from the facts table, with its date
    assert "18–39 years old (as of " in out["eps-korea"].why_not[0].en
    assert "kr-e9-age-limit" in out["eps-korea"].why_not[0].facts
    assert "eps-korea" not in {c.id for c in p.ranked_channels}


def test_channels_for_the_safe_japan_trainee(questionnaire, rules):
    p = make_plan(questionnaire, rules, SAFE)
    ranked = p.ranked_channels
    assert ranked[0].id == "licensed-enterprise" and ranked[0].chosen
    assert ranked[-1].id == "private-intermediary"
    assert {c.id for c in p.ruled_out_channels} == {"eps-korea"}
    first = ranked[0]
    assert first.score == 85  # 50 + chosen 10 + lawful recruiter 15 + checked licence 10
    assert len(first.reasons) == 3


def test_undecided_person_sees_every_route_ranked(questionnaire, rules):
    p = make_plan(questionnaire, rules, {})
    assert p.ruled_out_channels == ()
    assert len(p.ranked_channels) == len(rules.channels)
    assert not any(c.chosen for c in p.channels)


# --------------------------------------------------------------------------- training


def test_training_steps_in_order(questionnaire, rules):
    answers = with_(
        japan_route="ssw",
        language_test_passed="no",
        skills_test_passed="no",
        pre_departure_training_done="no",
        skill_level="none",
    )
    steps = make_plan(questionnaire, rules, answers).training
    assert [s.id for s in steps] == [
        "language-japanese",
        "skills-certificate",
        "ssw-skills-test",
        "pre-departure",
        "money-plan",
        "moving-up",
    ]
    assert [s.order for s in steps] == [1, 2, 3, 4, 5, 6]
    # worker advice cites what supports it, not the background papers (issue 14)
    assert steps[1].sources == ("jp-ssw-2019", "kr-eps-topik-eligibility")


def test_training_for_the_prepared_person_is_short(questionnaire, rules):
    ids = [s.id for s in make_plan(questionnaire, rules, SAFE).training]
    assert ids == ["money-plan", "moving-up"]


# --------------------------------------------------------------------------- rights


def _topic(topic_id: str, applies: str | None = None) -> Topic:
    return Topic(
        id=topic_id,
        section=topic_id.split(".")[0],
        title=Text(zh="标题", en=topic_id),
        summary=Text(zh="摘要", en="Summary"),
        body=Text(zh="正文", en="Body"),
        applies_when=parse(applies) if applies else None,
        applies_when_src=applies,
        sources=("cn-reg-labour-coop-2012",),
        reviewed=dt.date(2026, 11, 25),
    )


@pytest.fixture
def catalog() -> Catalog:
    topics = [
        _topic("rights.contract"),
        _topic("rights.fees-deposits", "channel != 'government_program'"),
        _topic("rights.ssw-only", "japan_route == 'ssw'"),
        _topic("destinations.korea-rights", "destination == 'korea'"),
        _topic("destinations.korea-routes", "destination == 'korea'"),
        _topic("channels.eps-korea"),
    ]
    return Catalog(
        sections=(),
        topics=MappingProxyType({t.id: t for t in topics}),
        sources=MappingProxyType({}),
        seeds=MappingProxyType({}),
        passages=MappingProxyType({}),
    )


def test_rights_are_the_rights_topics_that_apply(questionnaire, rules, catalog):
    answers = {"destination": "korea", "channel": "own_search", "japan_route": "ssw"}
    p = plan(catalog, questionnaire, answers, today=TODAY, rules=rules)
    # japan_route is not asked for Korea, so the SSW-only topic does not apply
    assert [r.id for r in p.rights] == [
        "rights.contract",
        "rights.fees-deposits",
        "destinations.korea-rights",
    ]
    assert p.rights[0].sources == ("cn-reg-labour-coop-2012",)
    japan = plan(catalog, questionnaire, SAFE, today=TODAY, rules=rules)
    assert [r.id for r in japan.rights] == ["rights.contract", "rights.fees-deposits"]
    assert plan(None, questionnaire, SAFE, today=TODAY, rules=rules).rights == ()


# --------------------------------------------------------------------------- JSON


def test_json_has_exactly_six_keys_and_sources_everywhere(questionnaire, rules, catalog):
    answers = with_(deposit_requested="yes", visa_offered="unknown", knows_12308="no")
    data = plan(catalog, questionnaire, answers, today=TODAY, rules=rules).to_json()
    assert tuple(data) == JSON_KEYS
    assert set(data) == {"channels", "requirements", "training", "rights", "red_flags", "checklist"}
    for key in JSON_KEYS:
        assert data[key], key
        for entry in data[key]:
            assert entry["sources"], (key, entry["id"])
    flag = data["red_flags"][0]
    assert flag["id"] == "deposit-demanded" and flag["severity"] == "stop"
    assert set(flag["title"]) == {"zh", "en"}
    json.dumps(data)  # plain data only


def test_json_in_one_language(questionnaire, rules):
    p = make_plan(questionnaire, rules, with_(deposit_requested="yes"), lang="en")
    data = p.to_json()
    assert data["red_flags"][0]["title"] == "You are asked for a deposit or collateral"
    zh = p.to_json("zh")
    assert zh["red_flags"][0]["title"] == "有人要你交押金或作抵押"
    assert zh["checklist"][0] == {
        "id": "list-costs",
        "phase": "prepare",
        "title": "把每一笔费用写下来",
        "why": p.checklist[0].why.zh,
        "topic": "rights.fees-deposits",
        "due": "2026-12-31",
        "overdue": False,
        "sources": ["cn-reg-labour-coop-2012", "ilo-fair-recruitment-2019"],
    }


# --------------------------------------------------------------------------- properties


def _value_strategy(q: Question) -> st.SearchStrategy:
    if q.type in ("single", "yesno"):
        return st.sampled_from(q.values)
    if q.type == "multi":
        return st.lists(st.sampled_from(q.values), unique=True)
    if q.type == "number":
        return st.integers(
            int(q.min if q.min is not None else -(10**6)),
            int(q.max if q.max is not None else 10**6),
        )
    if q.type == "money":
        lo, hi = q.min or 0, q.max or 10**7
        return st.integers(int(lo), int(hi)) | st.floats(lo, hi, allow_nan=False)
    if q.type == "date":
        return st.dates().map(dt.date.isoformat) | st.just("")
    return st.text(max_size=q.max_length or 50)


def answers_strategy(questionnaire: Questionnaire) -> st.SearchStrategy:
    """Each question: not answered, or any value it allows."""
    return st.fixed_dictionaries(
        {},
        optional={q.id: st.none() | _value_strategy(q) for q in questionnaire},
    )


_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)


def test_plan_never_raises_and_is_deterministic(questionnaire, rules, catalog):
    @settings(
        max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(answers=answers_strategy(questionnaire), today=st.dates())
    def check(answers, today):
        before = dict(answers)
        first = plan(catalog, questionnaire, answers, today=today, rules=rules)
        second = plan(catalog, questionnaire, dict(answers), today=today, rules=rules)
        assert first == second
        assert answers == before  # not mutated
        data = first.to_json()
        assert tuple(data) == JSON_KEYS
        json.dumps(data, allow_nan=False)
        assert first.to_json("en") == second.to_json("en")

    check()


def test_plan_never_raises_for_junk_answers(questionnaire, rules):
    ids = st.sampled_from(list(questionnaire.questions)) | st.text(max_size=8)

    @settings(max_examples=100, deadline=None)
    @given(answers=st.dictionaries(ids, _junk, max_size=12))
    def check(answers):
        p = plan(None, questionnaire, answers, today=TODAY, rules=rules)
        json.dumps(p.to_json())

    check()


def test_default_rules_are_loaded_once(questionnaire):
    from desktop.advisor.rules import default_rules

    p = plan(None, questionnaire, SAFE, today=TODAY)
    assert p.red_flags == ()
    assert default_rules() is default_rules()
