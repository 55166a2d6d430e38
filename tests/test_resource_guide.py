"""`bot resources guide`: every contact, grouped by situation and area, with nothing rendered as markup."""
from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

from bot import paths
from bot.catalogue import load_catalogue
from bot.resource_guide import render_guide
from bot.routing import load_routing
from bot.situations import SITUATIONS


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _render(catalogue):
    return render_guide(catalogue, load_routing(paths.ROUTING_FILE, catalogue))


def test_guide_lists_every_contact_and_every_situation():
    catalogue, _ = load_catalogue()
    page = _Collector()
    page.feed(_render(catalogue))
    text = " ".join(page.text)
    for resource in catalogue.resources.values():
        assert resource.name in text, resource.id
    for situation in SITUATIONS:
        assert situation.title in text
    assert "Hela Sverige" in text and "Botkyrka" in text


def test_guide_escapes_editor_text(tmp_path):
    catalogue, _ = load_catalogue()
    resource = catalogue.get("bris")
    catalogue.resources["bris"] = type(resource)(**{**resource.__dict__, "description": "<script>alert(1)</script> & mer"})
    page = _Collector()
    page.feed(_render(catalogue))
    assert "script" not in page.tags
    assert "<script>alert(1)</script> & mer" in "".join(page.text)


def test_guide_command_writes_a_file(tmp_path):
    target = tmp_path / "kontakter.html"
    subprocess.run([sys.executable, "-m", "bot.cli", "resources", "guide", "--output", str(target)], check=True,
                   cwd=tmp_path, capture_output=True)
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
