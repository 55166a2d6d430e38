"""One owner of the editors' data: an edit reaches every reader, a broken edit keeps the last valid data."""
from __future__ import annotations

import shutil

import pytest

from bot import editors_data, paths
from bot.conversation.understanding import Message
from bot.danger import DangerRules
from bot.guide import Guide
from bot.intake import other_language_reply
from bot.privacy import default_scrubber

NEW_LINE = """
  - id: test_new_helpline
    name: "Nya testlinjen"
    organization: "Test"
    kind: helpline
    description: "En linje som en redaktör just har lagt till."
    audience: [public]
    topics: [general]
    area: national
    phones:
      - number: "020-11 22 33"
        label: "Testlinjen"
    languages: [en]
    aliases: [testlinjen]
    source: "test"
    verified: 2026-11-21
    reference_only: true
"""
NEW_DANGER = """
  - id: test_word
    description: Ett ord som bara finns i testet.
    any: [blixtlåsfara]
"""


@pytest.fixture()
def shared_copy(tmp_path, monkeypatch):
    """The process's one owner, pointed at a private copy of the data, checking for edits on every call."""
    data_dir = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data_dir)
    owner = editors_data.EditorsData(data_dir, check_every=0)
    monkeypatch.setattr(editors_data, "_shared", owner)
    monkeypatch.setattr(paths, "DATA_DIR", data_dir)
    return data_dir


def test_an_edit_reaches_every_reader(shared_copy):
    guide = Guide(lemmatize=None)
    scrubber = default_scrubber()
    assert scrubber.scrub("ring 020-11 22 33") == "ring «telefon»"
    national = shared_copy / "resources" / "national.yml"
    text = national.read_text(encoding="utf-8").replace('name: "Polisen – 114 14"', 'name: "Polisen (ändrad)"')
    national.write_text(text + NEW_LINE, encoding="utf-8")
    danger = shared_copy / "danger.yml"
    danger.write_text(danger.read_text(encoding="utf-8") + NEW_DANGER, encoding="utf-8")

    # The guide: the named service and its number.
    turn = guide.respond(Message(text="vad är testlinjen?", intent="ask_service"))
    assert [c.id for c in turn.reply.cards] == ["test_new_helpline"]
    # The privacy filter keeps the new service number at once.
    assert scrubber.scrub("ring 020-11 22 33") == "ring 020-11 22 33"
    # The other-language answer lists the new English-speaking line.
    assert any("Nya testlinjen" in part for part in other_language_reply("en"))
    # The web chat's emergency numbers carry the new name.
    assert "Polisen (ändrad)" in [c.name for c in editors_data.emergency_contacts()]
    # The NLU's danger rules (what RuleOverrides reads) know the new pattern.
    assert editors_data.shared().current().danger.match("det är blixtlåsfara här") == "test_word"


def test_a_broken_edit_keeps_the_last_valid_data_for_every_reader(shared_copy):
    national = shared_copy / "resources" / "national.yml"
    national.write_text(national.read_text(encoding="utf-8") + "  - id: [trasig\n", encoding="utf-8")
    snapshot = editors_data.shared().current()
    assert "police_emergency" in snapshot.catalogue
    assert editors_data.shared().last_error is not None
    assert "national.yml" in str(editors_data.shared().last_error)


def test_emergency_numbers_survive_data_that_never_loaded(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data_dir)
    routing = data_dir / "routing.yml"
    routing.write_text("routes: [\n", encoding="utf-8")
    owner = editors_data.EditorsData(data_dir, strict=False)
    with pytest.raises(editors_data.EditorDataError):
        owner.current()
    contacts = editors_data.emergency_contacts_from_file(data_dir / "resources" / "national.yml")
    assert [c.id for c in contacts] == ["police_emergency", "police_non_emergency"]


def test_danger_rules_in_the_nlu_come_from_the_owner(shared_copy):
    from bot.rasa_adapters.components import RuleOverrides

    overrides = RuleOverrides(DangerRules(()), None, None)  # type: ignore[arg-type]
    assert overrides._rules() is editors_data.shared().current().danger
