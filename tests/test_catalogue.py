"""Catalogue validation: each error names file, line, field and a Swedish hint."""
from __future__ import annotations

import shutil
import textwrap
from datetime import date
from pathlib import Path

import pytest

from bot import paths
from bot.catalogue import CatalogueError, load_catalogue, normalise_phone
from bot.checks import check_all
from bot.places import default_gazetteer
from bot.routing import RoutingError, load_routing

VALID = """\
resources:
  - id: test_helpline
    name: "Testlinjen"
    organization: "Testorganisationen"
    kind: helpline
    description: "Ring om du är orolig."
    audience: [relative]
    topics: [extremism]
    area: botkyrka
    phones:
      - number: "020-100 200"
        label: "Telefon"
    url: "https://example.se"
    source: "https://example.se/kalla"
    verified: 2026-11-21
"""


def write(tmp_path: Path, text: str, name: str = "test.yml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(tmp_path: Path, today: date = date(2026, 11, 21)):
    return load_catalogue(tmp_path, default_gazetteer().is_known_area, today)


def only_problem(tmp_path: Path):
    with pytest.raises(CatalogueError) as caught:
        load(tmp_path)
    errors = [p for p in caught.value.problems if p.severity == "fel"]
    assert len(errors) == 1, [str(p) for p in errors]
    return errors[0]


def test_valid_file_loads(tmp_path):
    write(tmp_path, VALID)
    catalogue, warnings = load(tmp_path)
    assert catalogue.get("test_helpline").phones[0].tel == "+4620100200"
    assert warnings == []


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "hint"),
    [
        ("kind: helpline", "kind: hjälplinje", 5, "kind", "Välj en av: emergency"),
        ('    source: "https://example.se/kalla"\n', "", 2, "source", "skriv webbadressen eller källdokumentet"),
        ('"020-100 200"', '"ring oss"', 11, "phones.number", 'Skriv siffror med riktnummer'),
        ('url: "https://example.se"', 'url: "example se"', 13, "url", "Skriv hela adressen"),
        ("area: botkyrka", "area: atlantis", 9, "area", "Skriv national, en kommun"),
        ("verified: 2026-11-21", "verified: igår", 15, "verified", "ÅÅÅÅ-MM-DD"),
        ("audience: [relative]", "audience: [grannar]", 7, "audience", "Välj bland: relative"),
    ],
)
def test_each_error_names_file_line_field_and_hint(tmp_path, old, new, line, field, hint):
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new))
    problem = only_problem(tmp_path)
    assert (problem.path, problem.line, problem.field) == (path, line, field)
    assert hint in problem.message


def test_duplicate_id_names_both_places(tmp_path):
    write(tmp_path, VALID, "a.yml")
    second = write(tmp_path, VALID, "b.yml")
    problem = only_problem(tmp_path)
    assert (problem.path, problem.line, problem.field) == (second, 2, "id")
    assert "finns redan i a.yml rad 2" in problem.message


def test_broken_yaml_names_line(tmp_path):
    path = write(tmp_path, VALID.replace("    kind: helpline", "  kind: helpline\n     oops: [", 1))
    problem = only_problem(tmp_path)
    assert problem.path == path and problem.field == "yaml"
    assert 4 <= problem.line <= 7
    assert "Kontrollera indrag" in problem.message


def test_old_verified_date_is_a_warning_not_an_error(tmp_path):
    write(tmp_path, VALID.replace("verified: 2026-11-21", "verified: 2025-01-10"))
    catalogue, warnings = load(tmp_path)
    assert "test_helpline" in catalogue
    assert [(w.severity, w.field, w.line) for w in warnings] == [("varning", "verified", 15)]
    assert "mer än 12 månader" in warnings[0].message


def test_routing_rule_pointing_to_missing_id(tmp_path):
    catalogue, _ = load_catalogue(paths.RESOURCES_DIR, default_gazetteer().is_known_area)
    routing = tmp_path / "routing.yml"
    text = paths.ROUTING_FILE.read_text(encoding="utf-8")
    text = text.replace("contacts: [police_emergency, police_non_emergency]", "contacts: [police_emergency, polis_som_inte_finns]")
    routing.write_text(text, encoding="utf-8")
    with pytest.raises(RoutingError) as caught:
        load_routing(routing, catalogue, default_gazetteer())
    [problem] = caught.value.problems
    expected_line = next(i for i, line in enumerate(text.splitlines(), 1) if "polis_som_inte_finns" in line)
    assert (problem.path, problem.line, problem.field) == (routing, expected_line, "contacts")
    assert "'polis_som_inte_finns' finns inte i data/resources/" in problem.message


@pytest.mark.parametrize(
    ("number", "tel"),
    [("112", "112"), ("114 14", "11414"), ("020-100 200", "+4620100200"), ("08-508 25 600", "+46850825600"),
     ("076-145 64 34", "+46761456434"), ("+46 8 123 456 78", "+46812345678"), ("ring", None), ("12", None)],
)
def test_phone_numbers_are_normalised_for_tel_links(number, tel):
    assert normalise_phone(number) == tel


def test_shipped_data_passes_the_full_check():
    problems, summary = check_all()
    assert [p for p in problems if p.severity == "fel"] == []
    assert summary.startswith("OK:")


def test_every_static_number_in_domain_is_in_the_catalogue(tmp_path, monkeypatch):
    domain = tmp_path / "domain.yml"
    text = paths.DOMAIN_FILE.read_text(encoding="utf-8").replace("Ring 112 direkt.", "Ring 113 99 direkt.")
    domain.write_text(text, encoding="utf-8")
    monkeypatch.setattr(paths, "DOMAIN_FILE", domain)
    problems, _ = check_all()
    assert any(p.path == domain and "113 99" in p.message for p in problems)


def test_shipped_resources_have_source_and_verified():
    catalogue, _ = load_catalogue()
    for resource in catalogue.resources.values():
        assert resource.source and resource.verified, resource.id


def test_copying_the_data_dir_keeps_it_valid(tmp_path):
    shutil.copytree(paths.RESOURCES_DIR, tmp_path / "resources")
    catalogue, _ = load_catalogue(tmp_path / "resources", default_gazetteer().is_known_area)
    assert len(catalogue.resources) >= 40


def test_a_service_is_named_also_in_the_genitive():
    from bot import editors_data
    catalogue = editors_data.shared().current().catalogue
    assert [r.id for r in catalogue.named_in("vad är polisens nummer")] == ["police_non_emergency"]
    assert [r.id for r in catalogue.named_in("soc:s nummer?")] == ["social_services_generic"]
    assert [r.id for r in catalogue.named_in("orostelefonens öppettider")] == ["orostelefonen"]
    # "Bris" ends in s already: no "Briss", and a word that only starts like a name is not the name.
    assert [r.id for r in catalogue.named_in("har bris öppet")] == ["bris"]
    assert catalogue.named_in("polisensamverkan") == []


@pytest.mark.parametrize(("shipped", "broken", "field", "message"), [
    ("writer: man}", "writer: kvinna}", "when.writer", "okänd skribent 'kvinna'"),
    ("young: true}", "young: ja kanske}", "when.young", "young: true"),
])
def test_a_routing_rule_with_a_bad_condition_is_named_with_its_line(tmp_path, shipped, broken, field, message):
    catalogue, _ = load_catalogue(paths.RESOURCES_DIR, default_gazetteer().is_known_area)
    routing = tmp_path / "routing.yml"
    text = paths.ROUTING_FILE.read_text(encoding="utf-8").replace(shipped, broken, 1)
    routing.write_text(text, encoding="utf-8")
    with pytest.raises(RoutingError) as caught:
        load_routing(routing, catalogue, default_gazetteer())
    [problem] = caught.value.problems
    expected_line = next(i for i, line in enumerate(text.splitlines(), 1) if broken.rstrip("}") in line)
    assert (problem.line, problem.field) == (expected_line, field)
    assert message in problem.message


def test_a_chat_address_must_be_a_web_address(tmp_path):
    from bot.catalogue import load_catalogue
    (tmp_path / "x.yml").write_text(
        "resources:\n"
        "  - id: x\n    name: X\n    organization: X\n    kind: helpline\n    description: X\n    audience: [young]\n"
        "    topics: [general]\n    area: national\n    source: https://x.se\n    verified: 2026-11-29\n"
        "    chat: bris chatten\n", encoding="utf-8")
    with pytest.raises(Exception) as error:
        load_catalogue(tmp_path)
    assert "chat" in str(error.value) and "webbadress" in str(error.value)
