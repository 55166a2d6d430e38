"""The content review's findings (issue 13), each checked: sources that say what the catalogue says,
dates that tell the truth, names as the source gives them, and the one list of situations."""
from __future__ import annotations

import shutil
from datetime import datetime

from bot import paths
from bot.checks import check_situations
from bot.conversation.understanding import Message
from bot.schedule import STOCKHOLM

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=STOCKHOLM)


def card(guide, text, intent, resource_id, default_area=None):
    turn = guide.respond(Message(text=text, intent=intent), now=NOW, default_area=default_area)
    return next(c for c in turn.reply.cards if c.id == resource_id)


def test_brottsofferjouren_shows_no_opening_hours_from_2020(guide):
    bo = card(guide, "jag blev rånad igår", "crime_victim", "brottsofferjouren")
    assert bo.open_now is None and bo.opens is None
    resource = guide.snapshot().catalogue.get("brottsofferjouren")
    assert resource.schedule is None and "brottsofferjouren.se" in (resource.url or "")


def test_botkyrka_number_is_named_as_the_source_names_it(guide):
    turn = guide.respond(Message(text="hur söker jag bygglov", intent="out_of_scope"), now=NOW, default_area="botkyrka")
    centre = turn.reply.cards[0]
    assert centre.id == "botkyrka_medborgarcenter" and "Medborgarcenter" in centre.name
    assert centre.phones[0].label == "Medborgarcenter"


def test_facts_from_old_or_weak_sources_are_dated_so_the_stale_warning_fires(guide):
    snapshot = guide.snapshot()
    resources = list(snapshot.catalogue.resources.values())

    def owner(path, line):
        in_file = [r for r in resources if r.path == path and r.line <= line]
        return max(in_file, key=lambda r: r.line).id

    stale = {owner(p.path, p.line) for p in snapshot.warnings if p.field == "verified"}
    assert {"stockholm_social_advice", "botkyrka_trygghetssamordnare", "botkyrka_medborgarcenter"} <= stale


def test_english_at_112_and_the_jarva_switchboard_cite_a_page_that_says_so(guide):
    catalogue = guide.snapshot().catalogue
    assert "en" in catalogue.get("police_emergency").languages
    assert "altinget.se" in catalogue.get("police_emergency").source
    jarva = catalogue.get("stockholm_sdf_jarva")
    assert jarva.phones and "nyhetsbyranjarva.se" in jarva.source


def test_no_district_claims_it_has_no_page_of_its_own(guide):
    districts = [r for r in guide.snapshot().catalogue.resources.values() if r.id.startswith("stockholm_sdf_")]
    assert len(districts) == 11
    assert not [r.id for r in districts if "Ingen egen sida" in (r.note or "")]


def test_the_situation_list_is_checked_against_domain_rules_and_buttons(tmp_path):
    assert check_situations() == []
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    shutil.copytree(paths.PROJECT_ROOT / "data" / "rules", root / "data" / "rules")
    domain = (paths.PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8")
    (root / "domain.yml").write_text(domain.replace("  - hate_crime\n", "", 1), encoding="utf-8")
    rules = root / "data" / "rules" / "situations.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("intent: grief_fear", "intent: greet"), encoding="utf-8")
    messages = [p.message for p in check_situations(root)]
    assert any("'hate_crime'" in m and "saknas bland intents" in m for m in messages)
    assert any("'grief_fear'" in m and "action_route" in m for m in messages)


def test_a_named_youth_clinic_is_the_citys_own_where_there_is_one_and_umo_elsewhere(guide):
    question = "kostar det nåt att gå till ungdomsmottagningen och prata med en kurator?"
    in_stockholm = guide.respond(Message(text=question, intent="ask_service"), now=NOW, default_area="stockholm")
    assert [c.id for c in in_stockholm.reply.cards][:2] == ["stockholm_ungdomsmottagningar", "umo"]
    assert "gratis" in in_stockholm.reply.text.split("\n")[0]
    elsewhere = guide.respond(Message(text=question, intent="ask_service"), now=NOW, default_area="botkyrka")
    assert elsewhere.reply.cards[0].id == "umo"


def test_every_way_to_danger_starts_with_the_static_112_answer(tmp_path):
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    shutil.copytree(paths.PROJECT_ROOT / "data" / "rules", root / "data" / "rules")
    shutil.copy(paths.PROJECT_ROOT / "domain.yml", root / "domain.yml")
    assert check_situations(root) == []
    rules = root / "data" / "rules" / "danger.yml"
    # The maybe-danger without its static answer: only the rule with a condition would be left to reach the guide.
    rules.write_text(rules.read_text(encoding="utf-8").replace("      - intent: acute_danger_maybe\n      - action: utter_emergency\n",
                                                               "      - intent: acute_danger_maybe\n", 1), encoding="utf-8")
    messages = [p.message for p in check_situations(root)]
    assert any("'acute_danger_maybe'" in m and "utter_emergency" in m for m in messages)
