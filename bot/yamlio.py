"""YAML loading that remembers line numbers, so editors get 'file, line' in every error."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A mapping that knows the line of itself and of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that knows the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        # PyYAML keeps the last of two equal keys without a word; an editor's second `near:` would silently
        # replace the first, so a repeated key is an error with its line.
        first_lines: dict[str, int] = {}
        for key_node, _ in node.value:
            key = str(key_node.value)
            if key in first_lines:
                raise yaml.constructor.ConstructorError(
                    None, None,
                    f"nyckeln '{key}' står två gånger i samma avsnitt (första gången på rad {first_lines[key]})",
                    key_node.start_mark,
                )
            first_lines[key] = key_node.start_mark.line + 1
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            str(key_node.value): key_node.start_mark.line + 1 for key_node, _ in node.value
        }
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        sequence = LineList(super().construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
        return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence)


@dataclass(frozen=True)
class YamlError(Exception):
    """A file that is not valid YAML, with the place the parser stopped."""

    path: Path
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}"


def load_yaml(path: Path) -> Any:
    """Load a YAML file with line numbers; raise YamlError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise YamlError(path, line, "filen är inte UTF-8. Spara den som UTF-8.") from error
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or str(error)
        hint = "Kontrollera indrag (mellanslag, inte tabb) och att text med kolon står inom citattecken."
        raise YamlError(path, line, f"ogiltig YAML ({problem}). {hint}") from error
    except yaml.YAMLError as error:
        raise YamlError(path, 1, f"ogiltig YAML ({error}).") from error
