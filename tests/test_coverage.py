"""`bot resources coverage`: the whole matrix is clean for the shipped data, and each kind of mistake fails."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import coverage, paths
from bot.editors_data import EditorsData

NEW_RESOURCE = """
  - id: test_unreached_line
    name: "Testlinjen"
    organization: "Test"
    kind: helpline
    description: "En linje som ingen regel nämner."
    audience: [public]
    topics: [general]
    area: national
    url: "https://example.se"
    source: "test"
    verified: 2026-11-21
"""


@pytest.fixture()
def data_dir(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    return target


def run(data_dir: Path) -> coverage.Coverage:
    data = EditorsData(data_dir)
    return coverage.compute(data.current(), data.gazetteer)


def replace_in_route(data_dir: Path, route_id: str, old: str, new: str) -> None:
    path = data_dir / "routing.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {route_id}\n")
    end = text.find("\n  - id: ", start + 1)
    block = text[start:end]
    assert old in block
    path.write_text(text[:start] + block.replace(old, new, 1) + text[end:], encoding="utf-8")


def test_the_shipped_data_has_no_gaps_and_the_review_document_is_current():
    data = EditorsData()
    result = coverage.compute(data.current(), data.gazetteer)
    assert result.problems == () and result.unreachable == ()
    assert len(result.rows) >= 25 * 5 * 14 * 2
    committed = (paths.PROJECT_ROOT / "docs" / "vagval.md").read_text(encoding="utf-8")
    assert committed == coverage.render(result, data.current()), "run `bot resources coverage` and commit docs/vagval.md"


def test_a_resource_no_rule_reaches_fails_with_its_file_and_line(data_dir):
    path = data_dir / "resources" / "national.yml"
    path.write_text(path.read_text(encoding="utf-8") + NEW_RESOURCE, encoding="utf-8")
    result = run(data_dir)
    assert [r.id for r in result.unreachable] == ["test_unreached_line"]
    problem = next(p for p in result.problems if "test_unreached_line" in p.message)
    assert problem.path == path and problem.line == path.read_text(encoding="utf-8").splitlines().index(
        "  - id: test_unreached_line") + 1


def test_reference_only_resources_need_no_rule(data_dir):
    path = data_dir / "resources" / "national.yml"
    path.write_text(path.read_text(encoding="utf-8") + NEW_RESOURCE + "    reference_only: true\n", encoding="utf-8")
    assert run(data_dir).problems == ()


def test_a_local_contact_whose_topics_do_not_fit_fails(data_dir):
    replace_in_route(data_dir, "extremism_botkyrka", "contacts: [botkyrka_trygghetssamordnare,",
                     "contacts: [botkyrka_mvp, botkyrka_trygghetssamordnare,")
    replace_in_route(data_dir, "gang_relative", "contacts: [local:social_services,",
                     "contacts: [botkyrka_specialist_group, local:social_services,")
    messages = [p.message for p in run(data_dir).problems]
    assert any("'botkyrka_specialist_group'" in m and "ämnena passar inte" in m for m in messages)


def test_a_professional_line_offered_to_the_public_fails(data_dir):
    replace_in_route(data_dir, "extremism_relative", "contacts: [orostelefonen,", "contacts: [orostelefonen, cve_support_line,")
    problems = [p for p in run(data_dir).problems if "cve_support_line" in p.message]
    assert problems and "bara är för yrkesverksamma" in problems[0].message
    assert problems[0].path.name == "routing.yml" and problems[0].line > 1


def test_a_municipality_page_offered_in_another_municipality_fails(data_dir):
    replace_in_route(data_dir, "info_city_work", "contacts: [local:social_services, cve_information]",
                     "contacts: [stockholm_city_work, local:social_services, cve_information]")
    messages = [p.message for p in run(data_dir).problems]
    assert any("'stockholm_city_work' (stockholm) när området är uppsala" in m for m in messages)
