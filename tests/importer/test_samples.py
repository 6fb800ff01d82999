"""The importer on varied disclosure texts (tests/importer/samples/), each against its
expected result, and on every sample plus the seed: no non-blank input line is lost."""

import json
from pathlib import Path

import pytest

from budget.importer import decode_bytes, parse_disclosure, uncovered_lines
from budget.importer.build import unplaced_lines
from budget.normalize import halfwidth

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
        if "milestones" in want:
            assert [
                [
                    [m["due_year"], m["due_month"], m["payment_mode"], m["amount_yuan"]]
                    for m in s["milestones"]
                ]
                for s in project["sub_items"]
            ] == want["milestones"]
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
    assert unplaced_lines(result) == []  # every line placed by a rule
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


def test_lines_wrapped_by_a_pdf_export_are_read_as_one():
    text = "\n".join(
        [
            "某县教育体育局2024年预算重点领域财政项目文本公开",
            "一、项目名称",
            "学生营养改善计划",
            "专项资金",
            "二、立项依据",
            "根据《关于实施农村义务教育学生营养改善计划的",
            "意见》（国办发〔2011〕54号）制定。",
            "三、项目实施单位",
            "某县教育体育局",
            "四、项目基本概况",
            "1.营养膳食补助；2.食堂设备购置。",
            "五、项目实施内容",
            "1.营养膳食补助。按每生每天5元标准，",
            "补助学生2,000人，全年200天，共需200万元。",
            "2.食堂设备购置。购置消毒柜30台，单价3,000元/台，预算",
            "90000元。",
            "六、资金安排情况",
            "209万元",
            "七、项目实施计划",
            "1.食堂设备购置于3月底前完成。",
            "2.营养膳食补助按学期拨付。",
        ]
    )
    result = parse_disclosure(text)
    (project,) = result.tree["projects"]
    assert project["name"] == "学生营养改善计划专项资金"
    assert project["citations"][0]["title"] == "关于实施农村义务教育学生营养改善计划的意见"
    assert project["citations"][0]["document_number"] == "国办发〔2011〕54号"
    first, second = project["sub_items"]
    assert first["content"].startswith("营养膳食补助。")
    assert second["content"].startswith("食堂设备购置。")
    # 七 lists them in another order: matched by name, not by number.
    assert first["plan"] == "营养膳食补助按学期拨付。"
    assert second["plan"] == "食堂设备购置于3月底前完成。"
    assert [(x["amount_yuan"], x["formula"]) for x in first["lines"]] == [
        ("2000000.00", "2000人×5元×200天")
    ]
    assert [(x["amount_yuan"], x["formula"]) for x in second["lines"]] == [
        ("90000.00", "30台×3000元/台")
    ]
    assert uncovered_lines(text, result.tree) == []
    assert unplaced_lines(result) == []


def _key(tree: dict) -> str:
    """What a reader checks first, half-width so that （ and ( compare equal."""
    return halfwidth(
        json.dumps(
            [
                (
                    p["name"],
                    p["implementing_unit"],
                    p["declared_total_yuan"],
                    [(c["title"], c["document_number"]) for c in p["citations"]],
                    [s["name"] for s in p["sub_items"]],
                    [
                        [(x["amount_yuan"], x["formula"]) for x in s["lines"]]
                        for s in p["sub_items"]
                    ],
                )
                for p in tree["projects"]
            ],
            ensure_ascii=False,
        )
    )


@pytest.mark.parametrize(
    "variant",
    [
        halfwidth,
        lambda text: text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}),
        lambda text: text.replace("、项目", "．项目").replace("、立项", ".立项"),
        lambda text: text.replace("\n\n", "\n").replace("。\n", "。 \n"),
    ],
    ids=["half-width punctuation", "full-width digits", "dot labels", "spacing"],
)
def test_the_seed_written_differently_reads_the_same(variant):
    text = SEED_TEXT.read_text(encoding="utf-8")
    written = variant(text)
    result = parse_disclosure(written)
    assert _key(result.tree) == _key(parse_disclosure(text).tree)
    assert uncovered_lines(written, result.tree) == []
    assert unplaced_lines(result) == []


def test_an_introduction_before_the_first_project_is_not_part_of_the_title():
    text = "\n".join(
        [
            "附件1",
            "某县水务局2024年预算重点领域",
            "财政项目文本公开",
            "根据预算公开有关要求，现将我局2024年重点领域财政项目文本公开如下：",
            "项目名称：农村饮水安全维修养护经费",
            "资金安排情况：安排35万元。",
        ]
    )
    result = parse_disclosure(text)
    assert result.tree["disclosure"] == {
        "fiscal_year": 2024,
        "title": "某县水务局2024年预算重点领域财政项目文本公开",
    }
    assert result.tree["department"]["name"] == "某县水务局"
    kept = [f.line for f in result.findings if f.kind == "title_overflow"]
    assert kept == [1, 4]
    assert uncovered_lines(text, result.tree) == []
    assert unplaced_lines(result) == []
