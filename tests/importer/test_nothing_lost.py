"""Generated disclosure texts: whatever the sections hold, no non-blank line is lost."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from budget.importer import parse_disclosure, uncovered_lines
from budget.importer.build import unplaced_lines

HEADINGS = [
    "一、项目名称",
    "二、立项依据",
    "三、项目实施单位",
    "四、项目基本概况",
    "五、项目实施内容",
    "六、资金安排情况",
    "七、项目实施计划",
    "八、项目实施成效",
    "九、其他说明",
    "（九）项目支出绩效目标表",
]
WORDS = st.sampled_from(
    [
        "经费",
        "补助",
        "《管理办法》",
        "（云办发〔2020〕3号）",
        "、",
        "，",
        "。",
        "；",
        "1.",
        "2.",
        "①",
        "②",
        "30万元",
        "21.4450元",
        "60人×100元×2天",
        "每人500元",
        "共计",
        "其中：",
        "市级财政",
        "“",
        "”",
        "（",
        "）",
        "《",
        "》",
        "\t",
        "产出指标",
        "≥95%",
        " ",
        # The shapes of the newer rules: implied counts, 万 without 元, milestones.
        "购置.",
        "经费8万",
        "每个月召开一次",
        "每月每人300元",
        "甲社区、乙社区、丙社区",
        "每个社区",
        "划拨60万元到基金账户",
        "所需费用",
        "计划在2024年6月完成",
        "是一次性付款项目",
        "每季度支出",
        "5至8月",
    ]
)
LINE = st.lists(WORDS, min_size=1, max_size=12).map("".join)
SECTION = st.tuples(st.sampled_from(HEADINGS), st.lists(LINE, max_size=4))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(SECTION, min_size=1, max_size=9), min_size=1, max_size=3))
# A breakdown after 其中 replaces the one sub-item a numbered line wrote: that line is kept.
@example(
    [
        [
            ("一、项目名称", ["经费", "其中：经费划拨60万元到基金账户30万元"]),
            ("四、项目基本概况", ["1.经费经费"]),
        ]
    ]
)
def test_no_line_of_a_generated_text_is_lost(projects):
    lines = ["某县财政局2024年预算重点领域财政项目文本公开"]
    for number, sections in enumerate(projects, start=1):
        lines.append(f"项目{number}.")
        for heading, body in sections:
            lines.append(heading)
            lines.extend(body)
    text = "\n".join(lines)
    result = parse_disclosure(text)
    assert uncovered_lines(text, result.tree) == []
    assert unplaced_lines(result) == []  # every line placed by a rule
    assert len(result.tree["projects"]) == len(projects)
