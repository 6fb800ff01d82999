"""Importing the seed text gives the curated seed tree (fixtures/seed/), field by field.

Every field the text carries is compared: the disclosure, the department's name, every
project field, every citation, every sub-item with its line items (names, amounts as written,
formulas, factors with their labels, children) and its milestones. The department's slug and
region are not in the text (the importer derives a slug and the places named in the unit's
name; an existing department keeps its own), and the source notes (原文如此) are a person's
statement after comparing the text, which the importer never makes: those are left out.
"""

import json
from pathlib import Path

import pytest

from budget.importer import parse_disclosure

REPO = Path(__file__).resolve().parents[2]
SEED_TEXT = REPO / "fixtures/seed/source/000_9d70447241eac908.txt"
SEED_JSON = REPO / "fixtures/seed/chengjiang-zzb-2024.json"


@pytest.fixture(scope="module")
def result():
    return parse_disclosure(SEED_TEXT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed(result) -> dict:
    return result.tree


@pytest.fixture(scope="module")
def curated() -> dict:
    return json.loads(SEED_JSON.read_text(encoding="utf-8"))


def _differences(got, want, path=""):
    """Every path where ``got`` and ``want`` differ, with both values."""
    if isinstance(got, dict) and isinstance(want, dict):
        if list(got) != list(want):
            yield path, list(got), list(want)
        for key in want:
            if key in got:
                yield from _differences(got[key], want[key], f"{path}/{key}")
    elif isinstance(got, list) and isinstance(want, list):
        if len(got) != len(want):
            yield path + "#len", len(got), len(want)
        for index, (a, b) in enumerate(zip(got, want, strict=False)):
            yield from _differences(a, b, f"{path}[{index}]")
    elif got != want:
        yield path, got, want


def test_department_and_disclosure(parsed, curated):
    assert parsed["schema"] == curated["schema"]
    assert parsed["disclosure"] == curated["disclosure"]
    for key in ("name", "short_name"):
        assert parsed["department"][key] == curated["department"][key]


def test_projects_are_the_curated_ones_field_by_field(parsed, curated):
    stated = [
        {key: value for key, value in project.items() if key != "source_notes"}
        for project in curated["projects"]
    ]
    assert list(_differences(parsed["projects"], stated)) == []
    assert all("source_notes" not in project for project in parsed["projects"])


@pytest.mark.parametrize("part", ["citations", "sub_items"])
def test_each_part_is_exact(parsed, curated, part):
    for got, want in zip(parsed["projects"], curated["projects"], strict=True):
        assert got[part] == want[part], (got["sequence"], part)


def test_counts_of_what_is_compared(parsed):
    def walk(lines):
        for line in lines:
            yield line
            yield from walk(line["children"])

    subs = [sub for project in parsed["projects"] for sub in project["sub_items"]]
    lines = [line for sub in subs for line in walk(sub["lines"])]
    assert len(subs) == 17
    assert sum(len(project["citations"]) for project in parsed["projects"]) == 56
    assert len(lines) == 52
    assert sum(len(line["factors"]) for line in lines) == 59
    assert all(factor["label"] for line in lines for factor in line["factors"])
    assert sum(len(sub["milestones"]) for sub in subs) == 47


def test_nothing_lost_and_no_import_error(result):
    assert result.errors == []
