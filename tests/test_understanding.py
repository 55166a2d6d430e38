"""What one message tells, beyond the classifier: the services it asks about."""
from __future__ import annotations

import pytest

from bot import editors_data
from bot.conversation.understanding import _asks_about


@pytest.mark.parametrize(("text", "asked"), [
    ("kan barn också ringa orostelefonen? jag är 14 och orolig för min storebror", ["orostelefonen"]),
    ("är bris anonymt?", ["bris"]),
    ("min son har vittnat hos polisen om en misshandel. måste han stå där ensam?", []),
    ("kan jag gå till vårdcentralen och berätta att min man slår mig? jag är inte redo för polisen", []),
    ("polisen hann inte komma. är det ens lönt att anmäla?", []),
    ("vem ska vi prata med förutom polisen?", []),
])
def test_a_question_about_a_service_not_a_mention_on_the_way(text, asked):
    catalogue = editors_data.shared().current().catalogue
    assert [r.id for r in catalogue.named_in(text) if _asks_about(text, catalogue.folded_aliases(r))] == asked
