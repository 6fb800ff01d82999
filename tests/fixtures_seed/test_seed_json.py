"""The curated seed tree (fixtures/seed/chengjiang-zzb-2024.json) checked against the seed text.

Pure Python (json, pathlib, decimal, pytest; no Django). The tree must keep every text exactly
as published and every figure as written: these tests compare it with the disclosure itself
(``fixtures/seed/source/``, the disclosure as published) and redo its arithmetic.
"""

import json
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED_JSON = REPO / "fixtures/seed/chengjiang-zzb-2024.json"
SEED_TEXT = Path(__file__).resolve().parents[2] / "fixtures/seed/source/000_9d70447241eac908.txt"

HEADINGS = (
    "一、项目名称",
    "二、立项依据",
    "三、项目实施单位",
    "四、项目基本概况",
    "五、项目实施内容",
    "六、资金安排情况",
    "七、项目实施计划",
    "八、项目实施成效",
)

KEYS = {
    "tree": ["schema", "department", "disclosure", "projects"],
    "department": ["name", "short_name", "slug", "region"],
    "disclosure": ["fiscal_year", "title"],
    "project": [
        "sequence",
        "name",
        "implementing_unit",
        "basis_preamble",
        "citations",
        "basis_closing",
        "declared_total_yuan",
        "declared_total_text",
        "funding_text",
        "outcomes",
        "funding_sources",
        "performance_indicators",
        "sub_items",
        "source_notes",
    ],
    "citation": ["sequence", "cited_text", "separator", "title", "document_number"],
    "sub_item": [
        "sequence",
        "name",
        "content",
        "plan",
        "declared_amount_yuan",
        "declared_amount_text",
        "lines",
        "milestones",
    ],
    "line": [
        "sequence",
        "marker",
        "name",
        "amount_yuan",
        "amount_text",
        "source",
        "formula",
        "factors",
        "partial",
        "children",
    ],
    "factor": ["value", "unit", "label"],
    "milestone": [
        "sequence",
        "description",
        "due_year",
        "due_month",
        "payment_mode",
        "amount_yuan",
        "amount_text",
        "per_period",
    ],
}

PAYMENT_MODES = {"one_off", "monthly", "quarterly", "as_needed", "instalments", "other"}
CENT = Decimal("0.01")
TWO_PLACES = re.compile(r"^\d+\.\d{2}$")
WRITTEN_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)(万元|万|元)$")

# Counted by hand in the seed text.
CITATIONS = [25, 31]
SUB_ITEMS = [7, 10]
# (top-level lines, all lines including children, milestones) per sub-item.
SHAPE = [
    [(10, 23, 7), (0, 0, 6), (2, 2, 3), (0, 0, 1), (4, 4, 4), (7, 7, 7), (0, 0, 1)],
    [
        (0, 0, 1),
        (1, 1, 1),
        (1, 1, 1),
        (3, 3, 1),
        (2, 2, 1),
        (2, 7, 8),
        (0, 0, 1),
        (0, 0, 2),
        (1, 1, 1),
        (1, 1, 1),
    ],
]


# --- loading ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw() -> str:
    return SEED_JSON.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tree(raw) -> dict:
    return json.loads(raw)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sections(seed_text) -> list[dict[str, str]]:
    """Per project, the stripped text under each of the eight headings, keyed 一 … 八."""
    starts = [m.start() for m in re.finditer(r"^项目\d+\.$", seed_text, flags=re.M)]
    assert len(starts) == 2
    blocks = [seed_text[starts[0] : starts[1]], seed_text[starts[1] :]]
    out = []
    for block in blocks:
        positions = [block.index(heading) for heading in HEADINGS]
        assert positions == sorted(positions)
        found = {}
        for k, heading in enumerate(HEADINGS):
            end = positions[k + 1] if k + 1 < len(HEADINGS) else len(block)
            found[heading[0]] = block[positions[k] + len(heading) : end].strip()
        out.append(found)
    return out


# --- helpers ---------------------------------------------------------------------------------


def written_yuan(text: str) -> Decimal:
    """The exact 元 value of an amount as written: 30万元, 8万, 3600元, 21.4450元."""
    match = WRITTEN_AMOUNT.match(text)
    assert match, f"unrecognised amount text {text!r}"
    value = Decimal(match.group(1))
    return value * 10_000 if match.group(2).startswith("万") else value


def to_cent(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def unit_multiplier(unit: str) -> Decimal:
    """A factor in 万元 (or 万元/…) counts 10000 元 per unit; every other unit counts 1."""
    return Decimal(10_000) if unit.startswith("万元") else Decimal(1)


def walk(lines: list[dict], parent: dict | None = None) -> Iterator[tuple[dict, dict | None]]:
    for line in lines:
        yield line, parent
        yield from walk(line["children"], line)


def all_lines(tree: dict) -> Iterator[tuple[dict, dict, dict, dict | None]]:
    for project in tree["projects"]:
        for sub in project["sub_items"]:
            for line, parent in walk(sub["lines"]):
                yield project, sub, line, parent


def all_milestones(tree: dict) -> Iterator[tuple[dict, dict, dict]]:
    for project in tree["projects"]:
        for sub in project["sub_items"]:
            for milestone in sub["milestones"]:
                yield project, sub, milestone


def find_line(tree: dict, project: int, sub_item: int, amount_text: str) -> dict:
    sub = tree["projects"][project - 1]["sub_items"][sub_item - 1]
    found = [line for line, _ in walk(sub["lines"]) if line["amount_text"] == amount_text]
    assert len(found) == 1, (project, sub_item, amount_text, len(found))
    return found[0]


def assert_sequences(items: list[dict]) -> None:
    assert [item["sequence"] for item in items] == list(range(1, len(items) + 1))


# --- format ----------------------------------------------------------------------------------


def test_file_is_utf8_indented_2_not_ascii_escaped(raw, tree):
    assert raw == json.dumps(tree, ensure_ascii=False, indent=2) + "\n"
    assert "\\u" not in raw


def test_header(tree):
    assert tree["schema"] == "portal.disclosure-tree/1"
    assert tree["department"] == {
        "name": "中共澄江市委组织部",
        "short_name": "澄江市委组织部",
        "slug": "chengjiang-zzb",
        "region": ["云南省", "玉溪市", "澄江市"],
    }
    assert tree["disclosure"] == {
        "fiscal_year": 2024,
        "title": "中共澄江市委组织部2024年预算重点领域财政项目文本公开",
    }


def test_keys_in_documented_order(tree):
    assert list(tree) == KEYS["tree"]
    assert list(tree["department"]) == KEYS["department"]
    assert list(tree["disclosure"]) == KEYS["disclosure"]
    for project in tree["projects"]:
        assert list(project) == KEYS["project"]
        for citation in project["citations"]:
            assert list(citation) == KEYS["citation"]
        for sub in project["sub_items"]:
            assert list(sub) == KEYS["sub_item"]
            for line, _ in walk(sub["lines"]):
                assert list(line) == KEYS["line"]
                for factor in line["factors"]:
                    assert list(factor) == KEYS["factor"]
            for milestone in sub["milestones"]:
                assert list(milestone) == KEYS["milestone"]


def test_money_is_two_place_strings_never_json_numbers(tree):
    def visit(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                visit(v, k)
        elif isinstance(node, list):
            for v in node:
                visit(v, key)
        else:
            assert not isinstance(node, float), f"float in {key}"
            if key.endswith("_yuan"):
                assert node is None or (isinstance(node, str) and TWO_PLACES.match(node)), (
                    key,
                    node,
                )
            elif isinstance(node, int) and not isinstance(node, bool):
                assert key in {"sequence", "fiscal_year", "due_year", "due_month"}, key

    visit(tree)


def test_amounts_agree_with_amount_as_written(tree):
    pairs = []
    for project in tree["projects"]:
        pairs.append((project["declared_total_yuan"], project["declared_total_text"]))
        for sub in project["sub_items"]:
            pairs.append((sub["declared_amount_yuan"], sub["declared_amount_text"]))
    pairs += [(line["amount_yuan"], line["amount_text"]) for *_, line, _ in all_lines(tree)]
    pairs += [(ms["amount_yuan"], ms["amount_text"]) for *_, ms in all_milestones(tree)]
    for amount, text in pairs:
        assert (amount is None) == (text == ""), (amount, text)
        if amount is not None:
            assert Decimal(amount) == to_cent(written_yuan(text)), (amount, text)


# --- counts ----------------------------------------------------------------------------------


def test_counts(tree):
    projects = tree["projects"]
    assert_sequences(projects)
    assert [len(p["sub_items"]) for p in projects] == SUB_ITEMS
    assert [len(p["citations"]) for p in projects] == CITATIONS
    shape = [
        [
            (len(sub["lines"]), sum(1 for _ in walk(sub["lines"])), len(sub["milestones"]))
            for sub in project["sub_items"]
        ]
        for project in projects
    ]
    assert shape == SHAPE
    for project in projects:
        assert_sequences(project["citations"])
        assert_sequences(project["sub_items"])
        assert project["funding_sources"] == []
        assert project["performance_indicators"] == []
        for sub in project["sub_items"]:
            assert_sequences(sub["lines"])
            assert_sequences(sub["milestones"])
            for line, _ in walk(sub["lines"]):
                assert_sequences(line["children"])


# --- texts against the seed ------------------------------------------------------------------


def test_project_texts_are_the_sections_as_written(tree, sections, seed_text):
    for project, found in zip(tree["projects"], sections, strict=True):
        assert project["name"] == found["一"]
        # 三 as written, with a trailing 。 (punctuation) dropped.
        assert project["implementing_unit"] == found["三"].removesuffix("。")
        assert project["funding_text"] == found["六"]
        assert project["outcomes"] == found["八"]
        for text in (project["name"], project["funding_text"], project["outcomes"]):
            assert text in seed_text
        assert project["declared_total_text"] in project["funding_text"]


def test_every_text_field_occurs_verbatim_in_the_seed(tree, seed_text):
    for project in tree["projects"]:
        assert project["implementing_unit"] in seed_text
        for citation in project["citations"]:
            assert citation["cited_text"] in seed_text
        for sub in project["sub_items"]:
            for key in ("name", "content", "plan"):
                assert sub[key] in seed_text, (project["sequence"], sub["sequence"], key)
            assert sub["content"] and sub["plan"]


def test_basis_reassembles_to_section_two(tree, sections, seed_text):
    for project, found in zip(tree["projects"], sections, strict=True):
        basis = (
            project["basis_preamble"]
            + "".join(c["cited_text"] + c["separator"] for c in project["citations"])
            + project["basis_closing"]
        )
        assert basis in seed_text
        assert basis == found["二"]
        assert project["basis_preamble"] == "根据"
        assert project["basis_closing"].startswith("等文件精神，")


def test_citations(tree, seed_text):
    for project in tree["projects"]:
        citations = project["citations"]
        for citation in citations:
            cited, title, number = (
                citation["cited_text"],
                citation["title"],
                citation["document_number"],
            )
            assert cited in seed_text
            assert f"《{title}》" in cited
            assert citation["separator"] in {"、", ""}
            if number:
                assert re.fullmatch(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号", number), number
                as_written = re.escape(number).replace("〔", "[〔【（]").replace("〕", "[〕】）]")
                rest = cited.replace(f"《{title}》", "", 1)
                assert re.fullmatch(f"（{as_written}）|{as_written}", rest), cited
            else:
                assert cited == f"《{title}》"
        assert citations[-1]["separator"] == ""


def test_twice_cited_title_and_lenticular_brackets(tree):
    first, second = tree["projects"]
    twice = "关于进一步加强和改进离退休干部工作的实施意见"
    titles = [c["title"] for c in first["citations"]]
    assert titles.count(twice) == 2
    assert titles.index(twice) == 2 and titles[3] == twice  # citations 3 and 4, in a row
    lenticular = [c for c in first["citations"] if "【" in c["cited_text"]]
    assert [(c["sequence"], c["cited_text"], c["document_number"]) for c in lenticular] == [
        (
            25,
            "《中共云南省委老干部局关于印发<云南省创建老年大学省级示范校试行办法>的通知》"
            "（云老发【2013】5号）",
            "云老发〔2013〕5号",
        )
    ]
    # The number written before the title stays where it is.
    assert first["citations"][10]["cited_text"].startswith("玉组通〔2018〕3号《")
    assert [c["document_number"] for c in second["citations"][9:12]] == [
        "云组通〔2017〕23号",
        "玉组通〔2017〕20号",
        "澄组发〔2017〕13号",
    ]
    # Inner <…> and 〈…〉 kept as written.
    assert first["citations"][13]["title"].startswith("<关于印发")
    assert "〈云南省2019—2023年党员教育培训工作规划〉" in second["citations"][14]["title"]
    # 》《 touching: no separator.
    assert [c["sequence"] for c in first["citations"] if c["separator"] == ""] == [1, 9, 25]
    assert [c["sequence"] for c in second["citations"] if c["separator"] == ""] == [31]


def test_sub_item_names_are_section_four(tree, sections):
    for project, found in zip(tree["projects"], sections, strict=True):
        listed = "；".join(f"{sub['sequence']}.{sub['name']}" for sub in project["sub_items"])
        assert listed + "。" == found["四"]


def test_content_and_plan_are_paragraphs_after_their_markers(tree, sections):
    """五 and 七 are exactly "N." + each sub-item's text, in order, with only whitespace between."""
    for project, found in zip(tree["projects"], sections, strict=True):
        for key, section in (("content", found["五"]), ("plan", found["七"])):
            position = 0
            for sub in project["sub_items"]:
                paragraph = f"{sub['sequence']}.{sub[key]}"
                start = section.index(paragraph, position)
                assert section[position:start].strip() == "", (key, sub["sequence"])
                position = start + len(paragraph)
            assert section[position:].strip() == ""


def test_amount_texts_occur_where_they_belong(tree):
    for _, sub, line, _ in all_lines(tree):
        text = sub[line["source"]]
        assert line["source"] in {"content", "plan"}
        assert line["name"] in text, line["name"]
        if line["amount_text"]:
            assert line["amount_text"] in text, (sub["name"], line["amount_text"])
    for _, sub, milestone in all_milestones(tree):
        if milestone["amount_text"]:
            assert milestone["amount_text"] in sub["plan"], milestone
    for project in tree["projects"]:
        for sub in project["sub_items"]:
            if sub["declared_amount_text"]:
                assert sub["declared_amount_text"] in sub["content"]


# --- arithmetic ------------------------------------------------------------------------------


def test_formulas_are_their_factors_and_multiply_to_the_amount(tree):
    with_formula = 0
    for _, sub, line, _ in all_lines(tree):
        factors = line["factors"]
        assert line["formula"] == "×".join(f["value"] + f["unit"] for f in factors)
        if not factors:
            continue
        with_formula += 1
        for factor in factors:
            assert re.fullmatch(r"\d+(\.\d+)?", factor["value"]), factor
            assert factor["unit"] and factor["label"], factor
        product = Decimal(1)
        for factor in factors:
            product *= Decimal(factor["value"]) * unit_multiplier(factor["unit"])
        assert to_cent(product) == Decimal(line["amount_yuan"]), (sub["name"], line["formula"])
    assert with_formula == 26


def test_formulas_written_in_the_text_are_kept_as_written(tree):
    written = {
        "60人×100元×2天",
        "2000元×4人",
        "2辆×1000元",
        "100人×100元×1天",
        "3辆×1000元",
        "6个×5000元/年",
        "9个×3000元/年",
        "112个×1500元/年",
        "95名×200元/月×12月",
        "1274人×50元/年",
    }
    found = {}
    for _, sub, line, _ in all_lines(tree):
        if line["formula"] in written:
            assert line["formula"] in sub[line["source"]]
            found[line["formula"]] = line["amount_yuan"]
    assert set(found) == written


def test_children_add_up_to_their_parent(tree):
    parents = 0
    for *_, line, _ in all_lines(tree):
        if line["children"]:
            parents += 1
            assert line["amount_yuan"] is not None
            summed = sum(Decimal(child["amount_yuan"]) for child in line["children"])
            assert summed == Decimal(line["amount_yuan"]), line["name"]
    assert parents == 5


def test_sub_item_declared_amount_is_its_lines(tree):
    declared = []
    for project in tree["projects"]:
        for sub in project["sub_items"]:
            if sub["declared_amount_yuan"] is not None:
                declared.append((project["sequence"], sub["sequence"], sub["declared_amount_yuan"]))
                summed = sum(Decimal(line["amount_yuan"]) for line in sub["lines"])
                assert summed == Decimal(sub["declared_amount_yuan"])
    assert declared == [
        (2, 2, "500000.00"),
        (2, 3, "600000.00"),
        (2, 9, "3516344.00"),
        (2, 10, "406380.00"),
    ]


# --- specific figures ------------------------------------------------------------------------


def test_declared_totals(tree):
    first, second = tree["projects"]
    assert (first["declared_total_yuan"], first["declared_total_text"]) == ("1500000.00", "150万元")
    assert (second["declared_total_yuan"], second["declared_total_text"]) == (
        "4000000.00",
        "400万元",
    )


def test_project_one_sub_item_one(tree):
    sub = tree["projects"][0]["sub_items"][0]
    lines = sub["lines"]
    assert [line["marker"] for line in lines] == list("①②③④⑤⑥⑦⑧⑨⑩")
    assert [line["amount_yuan"] for line in lines] == [
        "300000.00",
        "30000.00",
        "160000.00",
        "30000.00",
        "3000.00",
        "30000.00",
        "20000.00",
        "3000.00",
        "8400.00",
        "4500.00",
    ]
    assert all(line["source"] == "content" for line, _ in walk(lines))
    first = lines[0]
    assert [(c["name"], c["amount_yuan"], c["formula"]) for c in first["children"]] == [
        ("慰问金", "200000.00", "200人×500元×2节"),
        ("诗书画摄影展、文艺汇演等系列活动经费补助", "60000.00", ""),
        ("餐费", "18000.00", "180人×50元×2节"),
        ("会场使用费", "22000.00", ""),
    ]
    assert lines[1]["formula"] == "30人×1000元"
    assert lines[2]["formula"] == "200人×800元"
    assert lines[3]["formula"] == lines[4]["formula"] == lines[7]["formula"] == ""
    assert [c["formula"] for c in lines[5]["children"]] == [
        "60人×100元×2天",
        "2000元×4人",
        "2辆×1000元",
        "",
    ]
    assert [(c["name"], c["formula"], c["amount_yuan"]) for c in lines[8]["children"]] == [
        ("组织部机关三支部（退休党支部）书记", "1人×300元×12月", "3600.00"),
        ("支委", "2人×200元×12月", "4800.00"),
    ]
    assert lines[9]["formula"] == "9人×500元"
    months = [(m["due_year"], m["due_month"], m["payment_mode"]) for m in sub["milestones"]]
    assert months[:4] == [
        (2024, 2, "one_off"),
        (2024, 10, "one_off"),
        (None, None, "quarterly"),
        (2024, 6, "one_off"),
    ]
    assert sub["milestones"][2]["amount_text"] == "0.75万元"
    assert (sub["milestones"][6]["due_year"], sub["milestones"][6]["due_month"]) == (None, 11)


def test_project_one_plan_lines(tree):
    subs = tree["projects"][0]["sub_items"]
    archive = [(line["amount_yuan"], line["formula"]) for line in subs[2]["lines"]]
    assert archive == [("78370.24", ""), ("15200.00", "800个×19元/个")]
    centre = subs[4]
    assert [(line["amount_yuan"], line["amount_text"]) for line in centre["lines"]] == [
        ("157845.00", "15.7845万元"),
        ("21.45", "21.4450元"),
        ("50000.00", "5万元"),
        ("75000.00", "7.5万元"),
    ]
    assert [
        (m["due_year"], m["due_month"], m["payment_mode"], m["amount_text"])
        for m in centre["milestones"]
    ] == [
        (None, 2, "one_off", "15.7845万元"),
        (None, 6, "one_off", "21.4450元"),
        (None, 10, "one_off", "5万元"),
        (None, None, "monthly", "7.5万元"),
    ]
    talent = [(line["amount_text"], line["formula"]) for line in subs[5]["lines"]]
    assert talent == [
        ("2.4万元", "2人×1.2万元"),
        ("50万元", "5名×10万元"),
        ("95万元", ""),
        ("37.8万元", ""),
        ("5万元", ""),
        ("8万", ""),
        ("2万", ""),
    ]
    for sub in (subs[2], subs[4], subs[5]):
        assert all(line["source"] == "plan" for line, _ in walk(sub["lines"]))


def test_the_21_4450_yuan_line_stays_in_yuan(tree):
    line = find_line(tree, 1, 5, "21.4450元")
    assert line["amount_yuan"] == "21.45"
    assert line["name"] == "保洁服务费用"


def test_project_two_lines(tree):
    subs = tree["projects"][1]["sub_items"]
    assert [line["amount_yuan"] for line in subs[1]["lines"]] == ["500000.00"]
    assert [line["amount_yuan"] for line in subs[2]["lines"]] == ["600000.00"]
    assert [(line["amount_yuan"], line["formula"]) for line in subs[3]["lines"]] == [
        ("600000.00", "6个×10万元"),
        ("2050000.00", "41个×5万元"),
        ("1000000.00", "20个×5万元"),
    ]
    assert [(line["amount_yuan"], line["formula"]) for line in subs[4]["lines"]] == [
        ("240000.00", "12次×2万元"),
        ("250000.00", "5个×5万元"),
    ]
    party, meetings = subs[5]["lines"]
    assert (party["amount_yuan"], meetings["amount_yuan"]) == ("516700.00", "50000.00")
    assert [(c["amount_yuan"], c["formula"]) for c in party["children"]] == [
        ("30000.00", "6个×5000元/年"),
        ("27000.00", "9个×3000元/年"),
        ("168000.00", "112个×1500元/年"),
        ("228000.00", "95名×200元/月×12月"),
        ("63700.00", "1274人×50元/年"),
    ]
    departure = find_line(tree, 2, 9, "3516344元")
    assert (departure["amount_yuan"], departure["formula"]) == ("3516344.00", "")
    insurance = find_line(tree, 2, 10, "406380元")
    assert insurance["amount_yuan"] == "406380.00"
    factors = [(f["value"], f["unit"]) for f in insurance["factors"]]
    assert factors == [("1563", "名"), ("260", "元")]


def test_history_and_restatements_are_not_lines(tree):
    texts = {line["amount_text"] for *_, line, _ in all_lines(tree)}
    for historical in ("74.28万", "26万", "6321元", "3328元", "1.59万元", "0.75万元"):
        assert historical not in texts
    # 3516344元 is stated twice in the content, one line only.
    assert sum(line["amount_text"] == "3516344元" for *_, line, _ in all_lines(tree)) == 1


def test_milestones(tree):
    for *_, milestone in all_milestones(tree):
        assert milestone["payment_mode"] in PAYMENT_MODES
        assert milestone["description"]
        assert milestone["due_month"] is None or 1 <= milestone["due_month"] <= 12
        assert milestone["due_year"] is None or milestone["due_month"] is not None
    total = sum(1 for _ in all_milestones(tree))
    assert total == 47
    second = tree["projects"][1]["sub_items"]
    dues = {(s["sequence"], m["due_year"], m["due_month"]) for s in second for m in s["milestones"]}
    assert (6, 2023, 8) in dues  # 于2023年8月前完成补助下拨
    assert (8, 2023, 11) in dues  # 确保于2023年11月前…完成年度建设计划
    assert "于2023年8月前完成补助下拨" in second[5]["plan"]
    assert "确保于2023年11月前按时按质按量完成年度建设计划" in second[7]["plan"]
    # The plan's 10000元/6000元/3000元 stays in the plan text, beside the content's 5000/3000/1500.
    assert "不少于10000元、6000元、3000元" in second[5]["plan"]
    assert "按需支付" in tree["projects"][0]["sub_items"][3]["plan"]
    assert tree["projects"][0]["sub_items"][3]["milestones"][0]["payment_mode"] == "as_needed"
