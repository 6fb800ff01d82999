"""The importer on varied disclosure texts (tests/importer/samples/), each against its
expected result, and on every sample plus the seed: no non-blank input line is lost."""

import json
from pathlib import Path

import pytest

from budget.importer import decode_bytes, parse_disclosure, uncovered_lines

SAMPLES = Path(__file__).resolve().parent / "samples"
SEED_TEXT = Path(__file__).resolve().parents[2] / "fixtures/seed/source/000_9d70447241eac908.txt"
NAMES = sorted(path.stem for path in SAMPLES.glob("*.txt"))


def test_every_sample_has_an_expected_result():
    assert len(NAMES) >= 3
    for name in NAMES:
        assert (SAMPLES / f"{name}.expected.json").exists(), name


def _parsed(path: Path):
    decoded = decode_bytes(path.read_bytes())
    return decoded, parse_disclosure(decoded.text)


@pytest.mark.parametrize("name", NAMES)
def test_sample_matches_expected(name):
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    decoded, result = _parsed(SAMPLES / f"{name}.txt")
    tree = result.tree
    assert decoded.encoding == expected.get("encoding", "utf-8")
    assert tree["department"]["name"] == expected["department"]
    assert tree["disclosure"] == {
        "fiscal_year": expected["fiscal_year"],
        "title": expected["title"],
    }
    assert len(tree["projects"]) == len(expected["projects"])
    for project, want in zip(tree["projects"], expected["projects"], strict=True):
        assert project["name"] == want["name"]
        assert project["implementing_unit"] == want["implementing_unit"]
        assert project["declared_total_yuan"] == want["declared_total_yuan"]
        assert [[s["name"], s["amount_yuan"]] for s in project["funding_sources"]] == want[
            "funding_sources"
        ]
        assert [[c["title"], c["document_number"]] for c in project["citations"]] == want[
            "citations"
        ]
        if "basis_closing" in want:
            assert project["basis_closing"] == want["basis_closing"]
        assert [s["name"] for s in project["sub_items"]] == want["sub_items"]
        got_lines = [
            [
                [line["marker"], line["name"], line["amount_yuan"], line["formula"]]
                for line in s["lines"]
            ]
            for s in project["sub_items"]
        ]
        assert got_lines == want["lines"]
        indicators = [
            [i["level1"], i["level2"], i["name"], i["comparator"], i["target"], i["unit"]]
            for i in project["performance_indicators"]
        ]
        assert indicators == want["indicators"]
    assert result.errors == []


@pytest.mark.parametrize("path", [*(SAMPLES / f"{name}.txt" for name in NAMES), SEED_TEXT], ids=str)
def test_no_line_is_lost(path):
    decoded, result = _parsed(path)
    assert uncovered_lines(decoded.text, result.tree) == []
    assert not [f for f in result.findings if "未能保留" in f.message]


def test_the_coverage_check_notices_a_lost_line():
    decoded, result = _parsed(SEED_TEXT)
    tree = json.loads(json.dumps(result.tree))
    tree["projects"][1]["sub_items"][9]["content"] = "村组干部意外伤害保险经费。"
    lost = uncovered_lines(decoded.text, tree)
    assert lost == [88]


def test_sample_findings_point_at_their_lines():
    _decoded, result = _parsed(SAMPLES / "colon_headings_extra_section.txt")

    def line_of(start):
        (finding,) = [f for f in result.findings if f.message.startswith(start)]
        return finding.line

    assert line_of("金额“3.0450元”精确到了分以下") == 8
    assert line_of("未识别的段落“九、其他说明”") == 16
    assert any(f.message == "项目1缺少“四、项目基本概况”部分。" for f in result.findings)
