"""Consistency findings, on small trees built from the seed's real figures."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget import checks
from budget.checks import Finding, Location, Severity, check_project
from budget.rollups import children_total, computed_amount, itemised_total
from budget.tree import (
    CitationData,
    FactorData,
    FundingSourceData,
    LineData,
    MilestoneData,
    ProjectData,
    SourceNoteData,
    SubItemData,
)

D = Decimal


def factor(value: str, unit: str = "") -> FactorData:
    return FactorData(value=D(value), unit=unit)


def line(sequence, name, declared=None, text="", marker="", factors=(), children=(), ref=None):
    return LineData(
        sequence=sequence,
        name=name,
        declared=None if declared is None else D(declared),
        amount_text=text,
        marker=marker,
        factors=tuple(factors),
        children=tuple(children),
        ref=ref,
    )


def project(sub_items=(), declared_total=None, **kwargs):
    return ProjectData(
        name=kwargs.pop("name", "干部教育培训专项资金"),
        fiscal_year=kwargs.pop("fiscal_year", 2024),
        declared_total=None if declared_total is None else D(declared_total),
        sub_items=tuple(sub_items),
        **kwargs,
    )


def codes(findings):
    return [f.code for f in findings]


def only(findings, code):
    return [f for f in findings if f.code == code]


# --- the seed's figures -----------------------------------------------------------------------


# Project 1, sub-item 1, line ⑥: 3万元 = 1.2万 (60人×100元×2天) + 0.8万 (2000元×4人)
# + 0.2万 (2辆×1000元) + 0.8万.
def retirement_training(buffet="12000.00", total="30000.00"):
    return line(
        6,
        "退休适应性培训费",
        total,
        "3万元",
        "⑥",
        children=[
            line(
                1,
                "自助餐费",
                buffet,
                "1.2万元",
                factors=[factor("60", "人"), factor("100", "元"), factor("2", "天")],
                ref="buffet",
            ),
            line(
                2, "讲课费", "8000.00", "0.8万元", factors=[factor("2000", "元"), factor("4", "人")]
            ),
            line(
                3, "租车费", "2000.00", "0.2万元", factors=[factor("2", "辆"), factor("1000", "元")]
            ),
            line(4, "场租费、材料费", "8000.00", "0.8万元"),
        ],
        ref="line-6",
    )


def retirees_sub_item(**overrides):
    """Project 1, sub-item 1 as the seed states it: ten lines, two made of parts."""
    lines = [
        line(
            1,
            "处级离退休老干部春节、老年节走访慰问及座谈会经费",
            "300000.00",
            "30万元",
            "①",
            children=[
                line(
                    1,
                    "慰问金",
                    "200000.00",
                    "20万元",
                    factors=[factor("200", "人"), factor("500", "元"), factor("2", "节")],
                ),
                line(2, "系列活动经费补助", "60000.00", "6万元"),
                line(
                    3,
                    "餐费",
                    "18000.00",
                    "1.8万元",
                    factors=[factor("180", "人"), factor("50", "元"), factor("2", "节")],
                ),
                line(4, "会场使用费", "22000.00", "2.2万元"),
            ],
        ),
        line(
            2,
            "老干部、老党员特困帮扶资金",
            "30000.00",
            "3万元",
            "②",
            factors=[factor("30", "人"), factor("1000", "元")],
        ),
        line(
            3,
            "健康体检费",
            "160000.00",
            "16万元",
            "③",
            factors=[factor("800", "元"), factor("200", "人")],
        ),
        line(4, "看望生病住院处级离退休老干部慰问金", "30000.00", "3万元", "④"),
        line(5, "离退休干部党支部工作经费", "3000.00", "0.3万元", "⑤"),
        retirement_training(),
        line(
            7,
            "离退休干部支部书记、支委读书班培训经费",
            "20000.00",
            "2万元",
            "⑦",
            children=[
                line(
                    1,
                    "自助餐费",
                    "10000.00",
                    "1万元",
                    factors=[factor("100", "人"), factor("100", "元"), factor("1", "天")],
                ),
                line(
                    2,
                    "租车费",
                    "3000.00",
                    "0.3万元",
                    factors=[factor("3", "辆"), factor("1000", "元")],
                ),
                line(3, "场租费、材料费", "7000.00", "0.7万元"),
            ],
        ),
        line(8, "组织部离退休党支部工作补贴", "3000.00", "0.3万元", "⑧"),
        line(
            9,
            "离退休干部党组织书记、副书记、支委工作补贴",
            "8400.00",
            "0.84万元",
            "⑨",
            children=[
                line(
                    1,
                    "书记",
                    "3600.00",
                    "3600元",
                    factors=[factor("1", "人"), factor("300", "元/月"), factor("12", "月")],
                ),
                line(
                    2,
                    "支委",
                    "4800.00",
                    "4800元",
                    factors=[factor("2", "人"), factor("200", "元/月"), factor("12", "月")],
                ),
            ],
        ),
        line(
            10,
            "党员活动经费",
            "4500.00",
            "0.45万元",
            "⑩",
            factors=[factor("9", "人"), factor("500", "元")],
        ),
    ]
    fields = {
        "sequence": 1,
        "name": "离退休老干部、老党员工作经费",
        "lines": tuple(lines),
        "texts": (
            ("content", "根据澄办发〔2004〕5号文件《关于成立中共澄江县委老干部局委员会的通知》"),
        ),
        "ref": "sub-1",
    }
    fields.update(overrides)
    return SubItemData(**fields)


def archives_sub_item():
    """Project 1, sub-item 3: 7.837024万元 and a 15200元 purchase (800个 × 19元/个)."""
    return SubItemData(
        sequence=3,
        name="干部人事档案数字化建设及管理制作经费",
        lines=(
            line(1, "干部人事档案数字化建设及管理制作经费", "78370.24", "7.837024万元", "①"),
            line(
                2,
                "干部人事档案盒",
                "15200.00",
                "15200元",
                "②",
                factors=[factor("800", "个"), factor("19", "元/个")],
            ),
        ),
    )


def activity_centre_sub_item(with_text=True, with_utilities=False):
    """Project 1, sub-item 5: 21.4450元 among 15.7845万元, 5万元 and 7.5万元."""
    lines = [
        line(1, "安保服务费用", "157845.00", "15.7845万元" if with_text else ""),
        line(2, "保洁服务费用", "21.45", "21.4450元" if with_text else "", ref="cleaning"),
        line(3, "绿化管护服务费用", "50000.00", "5万元" if with_text else ""),
        line(4, "日常宣传印刷、水电等费用", "75000.00", "7.5万元" if with_text else ""),
    ]
    if with_utilities:
        lines += [line(5, "水费", "6321.00", "6321元"), line(6, "电费", "3328.00", "3328元")]
    return SubItemData(sequence=5, name="老干部活动中心日常工作经费", lines=tuple(lines))


def talent_sub_item():
    """Project 1, sub-item 6: the plan's amounts."""
    return SubItemData(
        sequence=6,
        name="全域柔性引才专项资金",
        lines=(
            line(
                1,
                "引进人员租房补贴",
                "24000.00",
                "2.4万元",
                factors=[factor("2", "人"), factor("1.2", "万元/人")],
            ),
            line(
                2,
                "“假日专家”所需费用",
                "500000.00",
                "50万元",
                factors=[factor("5", "名"), factor("10", "万元/人")],
            ),
            line(3, "高层次教育人才引进费用", "950000.00", "95万元"),
            line(4, "文旅行业人才所需费用", "378000.00", "37.8万元"),
            line(5, "专家、人才交流座谈会等", "50000.00", "5万元"),
            line(6, "引进人才关爱工作经费", "80000.00", "8万"),
            line(7, "人才队伍教育培训调研专项资金", "20000.00", "2万"),
        ),
    )


def new_organisations_sub_item(**overrides):
    """Project 2, sub-item 6: 51.67万元 from five calculations, and 5万元 of meetings."""
    parts = [
        line(
            1,
            "党委工作补助经费",
            "30000.00",
            "3万元",
            factors=[factor("6", "个"), factor("5000", "元/年")],
        ),
        line(
            2,
            "党总支工作补助经费",
            "27000.00",
            "2.7万元",
            factors=[factor("9", "个"), factor("3000", "元/年")],
        ),
        line(
            3,
            "党支部工作补助经费",
            "168000.00",
            "16.8万元",
            factors=[factor("112", "个"), factor("1500", "元/年")],
        ),
        line(
            4,
            "党组织书记岗位补贴",
            "228000.00",
            "22.8万元",
            factors=[factor("95", "名"), factor("200", "元/月"), factor("12", "月")],
        ),
        line(
            5,
            "党员教育培训补助经费",
            "63700.00",
            "6.37万元",
            factors=[factor("1274", "人"), factor("50", "元/年")],
        ),
    ]
    fields = {
        "sequence": 6,
        "name": "两新组织党建经费",
        "lines": (
            line(1, "两新组织党建补助经费", "516700.00", "51.67万元", "①", children=parts),
            line(2, "会议培训费用", "50000.00", "5万元", "②"),
        ),
        "milestones": (
            MilestoneData(
                sequence=1,
                description="于2023年8月前完成补助下拨",
                due_year=2023,
                due_month=8,
                ref="m-6-1",
            ),
            MilestoneData(
                sequence=2, description="计划在2024年8月前完成支出计划", due_year=2024, due_month=8
            ),
        ),
    }
    fields.update(overrides)
    return SubItemData(**fields)


def insurance_sub_item():
    """Project 2, sub-item 10: 406380元 alone (1563名 × 260元)."""
    return SubItemData(
        sequence=10,
        name="村组干部意外伤害保险经费",
        lines=(
            line(
                1,
                "村组干部意外伤害保险费用",
                "406380.00",
                "406380元",
                factors=[factor("1563", "名"), factor("260", "元/人")],
            ),
        ),
    )


# --- severity, location, finding --------------------------------------------------------------


def test_severity_values_and_chinese_labels():
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    assert [s.label for s in Severity] == ["错误", "警告", "提示"]
    assert f"finding-{Severity.ERROR}" == "finding-error"


def test_findings_are_frozen():
    finding = Finding(
        code="x",
        severity=Severity.INFO,
        location=Location(kind="project", path=(), label="项目"),
        message="m",
    )
    with pytest.raises(AttributeError):
        finding.code = "y"  # type: ignore[misc]


def test_consistent_seed_figures_give_no_finding():
    p = project(
        [retirees_sub_item(), archives_sub_item(), talent_sub_item()],
        declared_total=str(
            itemised_total(project([retirees_sub_item(), archives_sub_item(), talent_sub_item()]))
        ),
    )
    assert check_project(p) == []
    p2 = project([new_organisations_sub_item(milestones=()), insurance_sub_item()], "973080.00")
    assert check_project(p2) == []


def test_empty_project_and_none_everywhere_give_no_finding():
    assert check_project(project()) == []
    assert check_project(project(declared_total="1500000.00")) == []
    bare = SubItemData(
        sequence=1,
        name="x",
        lines=(line(1, "a"), line(2, "b", children=[line(1, "c"), line(2, "d")])),
        milestones=(MilestoneData(sequence=1),),
        texts=(("content", ""),),
    )
    assert check_project(project([bare])) == []
    assert check_project(project([bare], citations=(CitationData(sequence=1, title=""),))) == []


def test_zero_amounts_are_consistent():
    zero = SubItemData(
        sequence=1,
        name="x",
        declared=D("0.00"),
        lines=(
            line(1, "a", "0.00", "0元", factors=[factor("0", "人"), factor("100", "元")]),
            line(2, "b", "0.00"),
        ),
    )
    assert check_project(project([zero], "0.00")) == []


# --- 1. line factors vs declared ---------------------------------------------------------------


def test_line_whose_factors_do_not_give_its_amount_is_an_error():
    sub = retirees_sub_item(lines=(retirement_training(buffet="13000.00", total="31000.00"),))
    (finding,) = only(check_project(project([sub])), checks.LINE_FORMULA_MISMATCH)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "按计算式 60人 × 100元 × 2天 = 12,000.00元，申报金额为 13,000.00元，相差 1,000.00元。"
    )
    assert (finding.expected, finding.actual) == (D("12000.00"), D("13000.00"))
    assert finding.location == Location(
        kind="line",
        path=(1, 6, 1),
        label="子项目1 第⑥项 退休适应性培训费，其中 自助餐费",
        field="declared",
        ref="buffet",
    )


def test_line_formula_with_wan_units_and_decimals():
    good = line(1, "租房补贴", "24000.00", factors=[factor("2", "人"), factor("1.2", "万元/人")])
    bad = replace(good, declared=D("12000.00"))
    assert check_project(project([SubItemData(sequence=1, name="x", lines=(good,))])) == []
    (finding,) = check_project(project([SubItemData(sequence=1, name="x", lines=(bad,))]))
    assert finding.code == checks.LINE_FORMULA_MISMATCH
    assert "2人 × 1.2万元/人 = 24,000.00元" in finding.message


def test_line_without_declared_amount_or_without_factors_is_not_compared():
    sub = SubItemData(
        sequence=1,
        name="x",
        lines=(
            line(1, "a", factors=[factor("2"), factor("3")]),
            line(2, "场租费、材料费", "8000.00"),
        ),
    )
    assert check_project(project([sub])) == []


# --- 2. child lines vs parent ------------------------------------------------------------------


def test_children_that_do_not_add_up_are_an_error():
    sub = retirees_sub_item(lines=(retirement_training(total="31000.00"),))
    (finding,) = check_project(project([sub]))
    assert finding.code == checks.LINE_CHILDREN_MISMATCH
    assert finding.severity is Severity.ERROR
    assert finding.location.path == (1, 6)
    assert finding.location.label == "子项目1 第⑥项 退休适应性培训费"
    assert (finding.expected, finding.actual) == (D("30000.00"), D("31000.00"))
    assert finding.message.startswith("所列 4 项明细合计 30,000.00元")
    assert "自助餐费 12,000.00元 + 讲课费 8,000.00元" in finding.message
    assert finding.message.endswith("申报金额为 31,000.00元，相差 1,000.00元。")


def test_children_with_an_amount_already_over_the_parent_is_an_error():
    parent = line(
        1, "a", "100.00", children=[line(1, "b", "80.00"), line(2, "c", "30.00"), line(3, "d")]
    )
    (finding,) = check_project(project([SubItemData(sequence=1, name="x", lines=(parent,))]))
    assert finding.code == checks.LINE_CHILDREN_MISMATCH
    assert finding.expected == D("110.00")
    # below the parent with one child unknown: nothing to say
    parent = replace(parent, declared=D("200.00"))
    assert check_project(project([SubItemData(sequence=1, name="x", lines=(parent,))])) == []


def test_three_levels_of_children_are_checked_at_every_level():
    deep = line(
        1,
        "一级",
        "1100.00",
        marker="①",
        children=[
            line(
                1,
                "二级",
                "600.00",
                marker="(1)",
                children=[
                    line(1, "三级甲", "350.00", factors=[factor("3"), factor("100")], ref="deep"),
                    line(2, "三级乙", "300.00"),
                ],
            ),
            line(2, "二级乙", "400.00"),
        ],
    )
    findings = check_project(project([SubItemData(sequence=2, name="x", lines=(deep,))]))
    assert [(f.code, f.location.path) for f in findings] == [
        (checks.LINE_CHILDREN_MISMATCH, (2, 1)),
        (checks.LINE_CHILDREN_MISMATCH, (2, 1, 1)),
        (checks.LINE_FORMULA_MISMATCH, (2, 1, 1, 1)),
    ]
    assert findings[-1].location.label == "子项目2 第①项 一级，其中 第(1)项 二级，其中 三级甲"
    assert findings[-1].location.ref == "deep"


# --- 3. sub-item declared total vs its lines ---------------------------------------------------


def test_sub_item_total_that_is_not_the_sum_of_its_lines_is_an_error():
    sub = new_organisations_sub_item(declared=D("516700.00"), milestones=())
    (finding,) = check_project(project([sub]))
    assert finding.code == checks.SUB_ITEM_TOTAL_MISMATCH
    assert finding.severity is Severity.ERROR
    assert finding.location == Location(
        kind="sub_item", path=(6,), label="子项目6 两新组织党建经费", field="declared"
    )
    assert (finding.expected, finding.actual) == (D("566700.00"), D("516700.00"))
    assert "各项明细合计 56.67万元（566,700.00元）" in finding.message
    assert "相差 5万元（50,000.00元）" in finding.message


def test_sub_item_total_equal_to_its_lines_or_without_lines_is_fine():
    sub = new_organisations_sub_item(declared=D("566700.00"), milestones=())
    assert check_project(project([sub])) == []
    assert check_project(project([SubItemData(sequence=1, name="x", declared=D("5"))])) == []


def test_sub_item_lines_partly_without_amount():
    lines = (line(1, "a", "300.00"), line(2, "b"))
    over = SubItemData(sequence=1, name="x", declared=D("200.00"), lines=lines)
    (finding,) = check_project(project([over]))
    assert finding.code == checks.SUB_ITEM_TOTAL_MISMATCH
    assert "已列明金额的 1 项明细" in finding.message
    under = replace(over, declared=D("500.00"))
    assert check_project(project([under])) == []


# --- 4. project: itemised vs declared ----------------------------------------------------------


def test_itemised_over_declared_total_is_an_error_in_plain_words():
    subs = [
        retirees_sub_item(),
        archives_sub_item(),
        talent_sub_item(),
        SubItemData(sequence=2, name="干部教育培训专项资金"),
    ]
    p = project(subs, "1500000.00")
    (finding,) = check_project(p)
    itemised = itemised_total(p)
    assert finding.code == checks.PROJECT_ITEMISED_OVER_DECLARED
    assert finding.severity is Severity.ERROR
    assert finding.location.kind == "project"
    assert finding.location.label == "项目"
    assert (finding.expected, finding.actual) == (itemised, D("1500000.00"))
    assert finding.message.startswith("各子项目细化金额合计 ")
    assert "超过申报总额 150万元（1,500,000.00元）" in finding.message
    assert "多出 " in finding.message


def test_itemised_under_declared_with_every_sub_item_itemised_is_an_error():
    p = project([insurance_sub_item()], "4000000.00")
    (finding,) = check_project(p)
    assert finding.code == checks.PROJECT_ITEMISED_UNDER_DECLARED
    assert finding.severity is Severity.ERROR
    assert "少于申报总额 400万元" in finding.message


def test_itemised_under_declared_with_sub_items_without_amount_is_info():
    subs = [
        SubItemData(sequence=1, name="a"),
        insurance_sub_item(),
        SubItemData(sequence=4, name="b"),
    ]
    (finding,) = check_project(project(subs, "4000000.00"))
    assert finding.code == checks.PROJECT_PARTLY_ITEMISED
    assert finding.severity is Severity.INFO
    assert finding.message.startswith(
        "2 个子项目（子项目1、4）未列明金额，已细化部分合计 40.638万元"
    )
    assert "申报总额 400万元（4,000,000.00元）" in finding.message
    assert (finding.expected, finding.actual) == (D("406380.00"), D("4000000.00"))


def test_itemised_equal_to_declared_or_no_declared_total_is_fine():
    assert check_project(project([insurance_sub_item()], "406380.00")) == []
    assert (
        check_project(
            project([insurance_sub_item(), SubItemData(sequence=2, name="b")], "406380.00")
        )
        == []
    )
    assert check_project(project([insurance_sub_item()])) == []


# --- 5. funding sources ------------------------------------------------------------------------


def _sources(*amounts):
    names = ["本级财政拨款", "上级补助", "自筹"]
    return tuple(
        FundingSourceData(sequence=i, name=names[i - 1], amount=D(a))
        for i, a in enumerate(amounts, 1)
    )


def test_funding_sources_that_do_not_add_up_are_an_error():
    p = project(
        [insurance_sub_item()], "406380.00", funding_sources=_sources("300000.00", "100000.00")
    )
    (finding,) = check_project(p)
    assert finding.code == checks.FUNDING_SOURCES_MISMATCH
    assert finding.severity is Severity.ERROR
    assert finding.location.kind == "funding_source"
    assert (finding.expected, finding.actual) == (D("400000.00"), D("406380.00"))
    assert "本级财政拨款 30万元、上级补助 10万元" in finding.message


def test_funding_sources_that_add_up_or_are_absent_are_fine():
    p = project(
        [insurance_sub_item()], "406380.00", funding_sources=_sources("306380.00", "100000.00")
    )
    assert check_project(p) == []
    assert check_project(project(funding_sources=_sources("1.00"))) == []


# --- 6. suspicious unit ------------------------------------------------------------------------


def test_seed_cleaning_fee_in_yuan_is_suspected_to_be_wan():
    (finding,) = check_project(project([activity_centre_sub_item()]))
    assert finding.code == checks.LINE_UNIT_SUSPECT
    assert finding.severity is Severity.WARNING
    assert finding.location.path == (5, 2)
    assert finding.location.ref == "cleaning"
    assert "疑为 21.4450万元（214,450.00元）" in finding.message
    assert "“21.4450元”" in finding.message
    assert (finding.expected, finding.actual) == (D("214450.00"), D("21.45"))


def test_unit_suspect_also_on_magnitudes_alone_and_beside_small_siblings():
    (finding,) = check_project(project([activity_centre_sub_item(with_text=False)]))
    assert finding.code == checks.LINE_UNIT_SUSPECT
    assert "疑为 21.45万元（214,500.00元）" in finding.message
    # the water and electricity bills (6321元, 3328元) beside it change nothing
    findings = check_project(project([activity_centre_sub_item(with_utilities=True)]))
    assert [(f.code, f.location.path) for f in findings] == [(checks.LINE_UNIT_SUSPECT, (5, 2))]


def test_unit_suspect_among_child_lines():
    parent = line(
        1,
        "a",
        "50002.50",
        children=[
            line(1, "b", "20000.00", "2万元"),
            line(2, "c", "30000.00", "3万元"),
            line(3, "d", "2.50", "2.5元"),
        ],
    )
    (finding,) = check_project(project([SubItemData(sequence=1, name="x", lines=(parent,))]))
    assert finding.code == checks.LINE_UNIT_SUSPECT
    assert finding.location.path == (1, 1, 3)


@pytest.mark.parametrize(
    "sub",
    [
        archives_sub_item(),  # 15200元 beside 7.837024万元
        insurance_sub_item(),  # 406380元 alone
        retirees_sub_item(),  # 0.3万 / 0.84万 / 0.45万 beside 30万; 3600元 and 4800元 parts
        talent_sub_item(),  # 2万 beside 95万
        new_organisations_sub_item(milestones=()),
        SubItemData(
            sequence=9,
            name="村（社区）干部离任补助经费",
            lines=(
                line(1, "离任补助资金", "3516344.00", "3516344元"),
                line(2, "离任补助资金（重述）", "3516344.00", "3516344元"),
            ),
        ),
    ],
    ids=["archives", "insurance-alone", "retirees", "talent", "new-organisations", "repeated"],
)
def test_legitimate_small_amounts_are_not_suspected(sub):
    assert only(check_project(project([sub])), checks.LINE_UNIT_SUSPECT) == []


@pytest.mark.parametrize(
    "small",
    [
        line(3, "邮寄费", "50.00", "50元"),  # 50万 would be ten times the largest
        line(3, "资料费", "500.00", "500元"),  # not a hundred times smaller than 3万
        line(3, "印刷费", "100.00", "0.01万元"),  # written in 万元 already
        line(
            3, "档案盒", "20.00", "20元", factors=[factor("2", "个"), factor("10", "元/个")]
        ),  # its formula holds
        line(3, "零星支出", "0.00", "0元"),  # zero
    ],
    ids=["postage", "not-much-smaller", "written-in-wan", "confirmed-by-formula", "zero"],
)
def test_small_amounts_that_do_not_fit_the_wan_reading_are_not_suspected(small):
    sub = SubItemData(
        sequence=1,
        name="x",
        lines=(
            line(1, "培训费", "30000.00", "3万元"),
            line(2, "场租费", "50000.00", "5万元"),
            small,
        ),
    )
    assert only(check_project(project([sub])), checks.LINE_UNIT_SUSPECT) == []


def test_siblings_are_only_lines_under_the_same_parent():
    # 21.45元 in one sub-item, the 万元 lines in another: no siblings to compare with.
    a = SubItemData(sequence=1, name="a", lines=(line(1, "保洁服务费用", "21.45", "21.4450元"),))
    b = SubItemData(
        sequence=2, name="b", lines=(line(1, "安保服务费用", "157845.00", "15.7845万元"),)
    )
    assert check_project(project([a, b])) == []


# --- 7. duplicate citations --------------------------------------------------------------------

SEED_CITATIONS = (
    CitationData(
        sequence=1,
        title="中共澄江县委会议纪要第十五期中共澄江县第十一届委员会第六十七次常委会会议纪要",
        cited_text="《中共澄江县委会议纪要第十五期中共澄江县第十一届委员会第六十七次常委会会议纪要》",
    ),
    CitationData(
        sequence=2,
        title="云南省老干部政治待遇的八项制度规定",
        document_number="云办发〔2006〕1号",
        cited_text="《云南省老干部政治待遇的八项制度规定》（云办发〔2006〕1号）",
    ),
    CitationData(
        sequence=3,
        title="关于进一步加强和改进离退休干部工作的实施意见",
        cited_text="《关于进一步加强和改进离退休干部工作的实施意见》",
        ref="c3",
    ),
    CitationData(
        sequence=4,
        title="关于进一步加强和改进离退休干部工作的实施意见",
        cited_text="《关于进一步加强和改进离退休干部工作的实施意见》",
        ref="c4",
    ),
    CitationData(
        sequence=27,
        title="中共云南省委老干部局关于印发<云南省创建老年大学省级示范校试行办法>的通知",
        document_number="云老发〔2013〕5号",
        cited_text="《中共云南省委老干部局关于印发<云南省创建老年大学省级示范校试行办法>的通知》（云老发【2013】5号）",
        ref="c27",
    ),
)


def test_seed_document_cited_twice_is_a_warning_at_the_second_citation():
    findings = only(check_project(project(citations=SEED_CITATIONS)), checks.CITATION_DUPLICATE)
    (finding,) = findings
    assert finding.severity is Severity.WARNING
    assert finding.location == Location(
        kind="citation", path=(4,), label="立项依据第4条", field="title", ref="c4"
    )
    assert "立项依据第3条" in finding.message
    assert "《关于进一步加强和改进离退休干部工作的实施意见》" in finding.message


def test_duplicate_titles_compare_loosely():
    first = CitationData(
        sequence=1,
        title="关于印发<2018—2022年澄江县干部教育培训规划>的通知",
        document_number="澄办发〔2018〕1号",
    )
    second = CitationData(
        sequence=2,
        title="《关于印发〈2018—2022年 澄江县干部教育培训规划〉的通知》",
        document_number="澄办发（2018）1号",
    )
    third = CitationData(
        sequence=3,
        title="关于印发＜2018—2022年澄江县干部教育培训规划＞的通知",
        document_number="澄办发〔2018〕1号",
    )
    findings = only(
        check_project(project(citations=(first, second, third))), checks.CITATION_DUPLICATE
    )
    assert [f.location.path for f in findings] == [(2,), (3,)]
    assert all("立项依据第1条" in f.message for f in findings)
    assert "（澄办发〔2018〕1号）" in findings[0].message


def test_same_title_with_other_document_number_is_not_a_duplicate():
    a = CitationData(
        sequence=1,
        title="关于深化非公企业党组织覆盖提升行动的通知",
        document_number="云组通〔2017〕23号",
    )
    b = CitationData(
        sequence=2,
        title="关于深化非公企业党组织覆盖提升行动的通知",
        document_number="玉组通〔2017〕20号",
    )
    assert check_project(project(citations=(a, b))) == []


# --- 8. non-standard document numbers ----------------------------------------------------------


def test_non_standard_doc_number_in_a_citation():
    findings = only(check_project(project(citations=SEED_CITATIONS)), checks.DOC_NUMBER_NONSTANDARD)
    (finding,) = findings
    assert finding.severity is Severity.WARNING
    assert finding.message == "文号“云老发【2013】5号”不是标准写法，应为“云老发〔2013〕5号”。"
    assert finding.location == Location(
        kind="citation", path=(27,), label="立项依据第27条", field="cited_text", ref="c27"
    )


def test_non_standard_doc_numbers_in_project_and_sub_item_texts():
    sub = retirees_sub_item(
        texts=(
            (
                "content",
                "⑩党员活动经费0.45万元。根据澄办发（2004）5号文件《关于成立中共澄江县委老干部局委员会的通知》；又见澄办发（2004）5号。",
            ),
            ("plan", "计划在11月完成支出计划。"),
        )
    )
    p = project(
        [sub],
        texts=(
            ("basis_preamble", "根据"),
            (
                "outcomes",
                "2021年12月，玉溪市文明委（2021）10号，确认澄江市老年大学“继续保留文明单位称号”",
            ),
        ),
        ref="p1",
    )
    findings = only(check_project(p), checks.DOC_NUMBER_NONSTANDARD)
    assert [
        (f.location.kind, f.location.path, f.location.field, f.location.label) for f in findings
    ] == [
        ("project", (), "outcomes", "项目实施成效"),
        ("sub_item", (1,), "content", "子项目1 项目实施内容"),
    ]
    assert (
        findings[0].message
        == "文号“玉溪市文明委（2021）10号”不是标准写法，应为“玉溪市文明委〔2021〕10号”。"
    )
    assert findings[1].message == "文号“澄办发（2004）5号”不是标准写法，应为“澄办发〔2004〕5号”。"
    assert findings[0].location.ref == "p1"
    assert findings[1].location.ref == "sub-1"


def test_standard_doc_numbers_and_bracketed_years_give_no_finding():
    p = project(
        [retirees_sub_item()],
        texts=(
            (
                "outcomes",
                "《澄江市“十四五”人才发展规划（2021—2025年）》（澄发〔2022〕3号）、《若干措施（试行）》",
            ),
        ),
        citations=SEED_CITATIONS[:2],
    )
    assert check_project(p) == []


# --- 9. milestones -----------------------------------------------------------------------------


def test_milestone_due_in_another_year_is_a_warning():
    p = project([new_organisations_sub_item()])
    (finding,) = check_project(p)
    assert finding.code == checks.MILESTONE_YEAR_MISMATCH
    assert finding.severity is Severity.WARNING
    assert finding.location == Location(
        kind="milestone", path=(6, 1), label="子项目6 计划节点1", field="due_year", ref="m-6-1"
    )
    assert "2023年8月" in finding.message
    assert "2024年" in finding.message


def test_seed_party_service_centre_milestone():
    sub = SubItemData(
        sequence=8,
        name="党群服务中心2024年度建设及常态化运行经费",
        milestones=(
            MilestoneData(
                sequence=1,
                description="确保于2023年11月前按时按质按量完成年度建设计划，并完成建设资金拨付",
                due_year=2023,
                due_month=11,
            ),
        ),
    )
    (finding,) = check_project(project([sub]))
    assert "2023年11月" in finding.message


def test_milestones_in_the_fiscal_year_or_without_year_are_fine():
    milestones = (
        MilestoneData(sequence=1, due_year=2024, due_month=3),
        MilestoneData(sequence=2, due_month=6),
        MilestoneData(sequence=3),
        MilestoneData(sequence=4, due_month=12),
        MilestoneData(sequence=5, due_month=1),
    )
    assert check_project(project([SubItemData(sequence=1, name="x", milestones=milestones)])) == []


@pytest.mark.parametrize("month", [0, 13, -1])
def test_milestone_month_outside_1_to_12_is_an_error(month):
    sub = SubItemData(
        sequence=1, name="x", milestones=(MilestoneData(sequence=2, due_month=month),)
    )
    (finding,) = check_project(project([sub]))
    assert finding.code == checks.MILESTONE_MONTH_INVALID
    assert finding.severity is Severity.ERROR
    assert finding.location.field == "due_month"
    assert finding.location.path == (1, 2)


def test_milestone_with_bad_month_and_other_year_gives_both():
    sub = SubItemData(
        sequence=1, name="x", milestones=(MilestoneData(sequence=1, due_year=2023, due_month=13),)
    )
    findings = check_project(project([sub]))
    # one location, ordered by field: due_month before due_year
    assert codes(findings) == [checks.MILESTONE_MONTH_INVALID, checks.MILESTONE_YEAR_MISMATCH]
    assert "2023年" in findings[1].message and "13月" not in findings[1].message


# --- order -------------------------------------------------------------------------------------


def test_findings_are_ordered_by_location_then_code():
    broken_training = retirees_sub_item(
        lines=(retirement_training(buffet="13000.00", total="32000.00"),)
    )
    p = project(
        [
            new_organisations_sub_item(declared=D("1.00")),
            broken_training,
            activity_centre_sub_item(),
        ],
        "100.00",
        citations=SEED_CITATIONS,
        funding_sources=_sources("50.00"),
        texts=(("outcomes", "玉溪市文明委（2021）10号"),),
    )
    findings = check_project(p)
    assert [(f.location.kind, f.location.path, f.code) for f in findings] == [
        ("project", (), checks.PROJECT_ITEMISED_OVER_DECLARED),
        ("project", (), checks.DOC_NUMBER_NONSTANDARD),
        ("funding_source", (), checks.FUNDING_SOURCES_MISMATCH),
        ("citation", (4,), checks.CITATION_DUPLICATE),
        ("citation", (27,), checks.DOC_NUMBER_NONSTANDARD),
        ("line", (1, 6), checks.LINE_CHILDREN_MISMATCH),
        ("line", (1, 6, 1), checks.LINE_FORMULA_MISMATCH),
        ("line", (5, 2), checks.LINE_UNIT_SUSPECT),
        ("sub_item", (6,), checks.SUB_ITEM_TOTAL_MISMATCH),
        ("milestone", (6, 1), checks.MILESTONE_YEAR_MISMATCH),
    ]
    assert check_project(p) == findings


# --- properties --------------------------------------------------------------------------------

_counts = st.integers(min_value=1, max_value=2000).map(D)
_prices = st.decimals(min_value=D("0.01"), max_value=D("5000"), places=2, allow_nan=False)
_units = st.sampled_from(["元", "元/人", "元/月", "万元", "万元/人"])


@st.composite
def _consistent_line(draw, sequence: int, depth: int = 0):
    """A line whose declared amount holds: its factors' product, or its children's sum."""
    kind = draw(st.sampled_from(["factors", "lump"] + (["children"] if depth < 2 else [])))
    if kind == "factors":
        factors = (
            FactorData(value=draw(_counts), unit="人"),
            FactorData(value=draw(_prices), unit=draw(_units)),
        )
        base = LineData(sequence=sequence, name=f"明细{sequence}", factors=factors)
        return replace(base, declared=computed_amount(base), ref=("line", depth, sequence))
    if kind == "children":
        size = draw(st.integers(1, 3))
        children = tuple(draw(_consistent_line(i, depth + 1)) for i in range(1, size + 1))
        base = LineData(sequence=sequence, name=f"明细{sequence}", children=children)
        return replace(base, declared=children_total(base))
    return LineData(sequence=sequence, name=f"明细{sequence}", declared=draw(_prices))


@st.composite
def _consistent_project(draw):
    subs = []
    for s in range(1, draw(st.integers(1, 4)) + 1):
        lines = tuple(draw(_consistent_line(i)) for i in range(1, draw(st.integers(0, 4)) + 1))
        sub = SubItemData(sequence=s, name=f"子项目{s}", lines=lines)
        if lines and draw(st.booleans()):
            sub = replace(
                sub,
                declared=itemised_total(ProjectData(name="", fiscal_year=2024, sub_items=(sub,))),
            )
        subs.append(sub)
    p = ProjectData(name="p", fiscal_year=2024, sub_items=tuple(subs))
    return replace(p, declared_total=itemised_total(p))


@given(_consistent_project())
def test_a_consistent_tree_gives_no_error(p):
    assert [f for f in check_project(p) if f.severity is Severity.ERROR] == []


def _factor_lines(p: ProjectData):
    """(sub-item index, line index) of every top-level line that has factors."""
    return [
        (si, li)
        for si, sub in enumerate(p.sub_items)
        for li, ln in enumerate(sub.lines)
        if ln.factors
    ]


@given(_consistent_project(), st.data())
def test_perturbing_one_line_gives_exactly_one_formula_error_there(p, data):
    candidates = _factor_lines(p)
    if not candidates:
        return
    si, li = data.draw(st.sampled_from(candidates))
    delta = data.draw(
        st.decimals(min_value=D("0.01"), max_value=D("1000"), places=2)
        | st.decimals(min_value=D("-1000"), max_value=D("-0.01"), places=2)
    )
    sub = p.sub_items[si]
    target = sub.lines[li]
    changed = replace(target, declared=target.declared + delta)
    lines = (*sub.lines[:li], changed, *sub.lines[li + 1 :])
    perturbed = replace(
        p, sub_items=(*p.sub_items[:si], replace(sub, lines=lines), *p.sub_items[si + 1 :])
    )
    errors = only(check_project(perturbed), checks.LINE_FORMULA_MISMATCH)
    assert [f.location.path for f in errors] == [(sub.sequence, target.sequence)]
    (error,) = errors
    assert error.severity is Severity.ERROR
    assert error.actual - error.expected == delta


@given(_consistent_project())
def test_check_project_is_deterministic_and_sorted(p):
    first = check_project(p)
    assert first == check_project(p)
    assert first == sorted(first, key=checks._order)


# --- source notes (原文如此) -------------------------------------------------------------------


def _noted(finding: Finding, explanation: str = "原文如此。") -> SourceNoteData:
    code, place, message = finding.key
    return SourceNoteData(code=code, place=place, message=message, explanation=explanation)


def test_a_source_note_answers_its_error_and_nothing_else():
    sub = retirees_sub_item(lines=(retirement_training(buffet="13000.00", total="30000.00"),))
    found = check_project(project([sub]))
    errors = [f for f in found if f.severity is Severity.ERROR]
    assert len(errors) == 2 and all(f.blocking for f in errors)
    formula = only(found, checks.LINE_FORMULA_MISMATCH)[0]
    assert formula.location.place == "line:1.6.1:declared"

    kept = check_project(project([sub], source_notes=(_noted(formula, "原文即写13000元。"),)))
    (kept_formula,) = only(kept, checks.LINE_FORMULA_MISMATCH)
    assert kept_formula.source_note == "原文即写13000元。" and not kept_formula.blocking
    (children,) = only(kept, checks.LINE_CHILDREN_MISMATCH)
    assert children.blocking and children.source_note == ""
    # Apart from the note, the findings are the same ones, in the same order.
    assert [replace(f, source_note="") for f in kept] == found


def test_a_changed_figure_reopens_the_error():
    sub = retirees_sub_item(lines=(retirement_training(buffet="13000.00", total="30000.00"),))
    (formula,) = only(check_project(project([sub])), checks.LINE_FORMULA_MISMATCH)
    note = _noted(formula)
    other = retirees_sub_item(lines=(retirement_training(buffet="14000.00", total="30000.00"),))
    (reopened,) = only(
        check_project(project([other], source_notes=(note,))), checks.LINE_FORMULA_MISMATCH
    )
    assert reopened.blocking and reopened.source_note == ""


def test_only_errors_take_a_note():
    suspect = SubItemData(
        sequence=5,
        name="老干部活动中心日常工作项目经费",
        lines=(line(1, "安保服务费用", "157845.00"), line(2, "保洁服务费用", "21.45", "21.4450元")),
    )
    (warning,) = check_project(project([suspect]))
    assert warning.severity is Severity.WARNING
    (again,) = check_project(project([suspect], source_notes=(_noted(warning),)))
    assert again.source_note == "" and not again.blocking


@given(_consistent_project(), st.data())
def test_notes_keep_exactly_the_errors_they_name(p, data):
    """Break some lines; note some of the errors. Exactly the noted ones stop blocking, and a
    note whose code, place or message differs by anything answers nothing."""
    candidates = _factor_lines(p)
    if not candidates:
        return
    chosen = data.draw(st.sets(st.sampled_from(candidates), min_size=1))
    subs = list(p.sub_items)
    for si, li in chosen:
        lines = list(subs[si].lines)
        lines[li] = replace(lines[li], declared=lines[li].declared + D("1.00"))
        subs[si] = replace(subs[si], lines=tuple(lines))
    broken = replace(p, sub_items=tuple(subs))
    errors = [f for f in check_project(broken) if f.severity is Severity.ERROR]
    kept = data.draw(st.sets(st.sampled_from(errors)) if errors else st.just(set()))
    wrong = data.draw(st.sampled_from(["code", "place", "message"]))
    misses = []
    for finding in set(errors) - kept:
        near = _noted(finding)
        misses.append(replace(near, **{wrong: getattr(near, wrong) + "x"}))
    notes = tuple(_noted(f) for f in kept) + tuple(misses)
    result = check_project(replace(broken, source_notes=notes))
    assert {f.key for f in result if f.blocking} == {f.key for f in set(errors) - kept}
    assert {f.key for f in result if f.source_note} == {f.key for f in kept}


# --- 其中: children that are only a part ------------------------------------------------------


def _part_of(declared: str, *parts: str | None, partial: bool = True) -> ProjectData:
    children = [line(i, f"部分{i}", amount) for i, amount in enumerate(parts, start=1)]
    whole = replace(line(1, "农村党员教育培训经费", declared, children=children), partial=partial)
    return project([SubItemData(sequence=2, name="2024年农村党员教育培训经费", lines=(whole,))])


def test_a_part_smaller_than_the_whole_is_no_error():
    assert check_project(_part_of("742800.00", "260000.00")) == []
    # Read as a full breakdown, the same figures are an error of 48.28万.
    (finding,) = check_project(_part_of("742800.00", "260000.00", partial=False))
    assert finding.code == checks.LINE_CHILDREN_MISMATCH
    assert finding.expected == D("260000.00") and finding.actual == D("742800.00")


def test_parts_larger_than_the_whole_are_an_error():
    (finding,) = check_project(_part_of("500000.00", "260000.00", "300000.00"))
    assert finding.code == checks.LINE_CHILDREN_MISMATCH
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "其中所列 2 项合计 560,000.00元，超过申报金额 500,000.00元，多出 60,000.00元："
        "其中的部分不能大于整体。"
    )
    assert (finding.expected, finding.actual) == (D("560000.00"), D("500000.00"))


@given(
    st.decimals(min_value=0, max_value=10**7, places=2),
    st.lists(
        st.none() | st.decimals(min_value=0, max_value=10**7, places=2), min_size=1, max_size=5
    ),
)
def test_parts_are_an_error_exactly_when_those_stated_exceed_the_whole(whole, parts):
    found = check_project(_part_of(str(whole), *[None if p is None else str(p) for p in parts]))
    stated = sum((p for p in parts if p is not None), D("0"))
    mismatches = only(found, checks.LINE_CHILDREN_MISMATCH)  # (small parts may look like 万元)
    assert len(mismatches) == (1 if stated > whole else 0)


def test_empty_outcomes_are_a_warning():
    texts = (("funding_text", "安排150万元。"), ("outcomes", "  \n"))
    (finding,) = check_project(project(texts=texts))
    assert finding.code == checks.OUTCOMES_EMPTY and finding.severity is Severity.WARNING
    assert finding.location.field == "outcomes"
    assert check_project(project(texts=(("outcomes", "让离退休干部感受到组织的关怀。"),))) == []
    assert check_project(project()) == []  # a tree that carries no texts is not judged


def _sub(milestones, content_lines=(), declared=None, texts=()):
    return SubItemData(
        sequence=1,
        name="子项目",
        declared=declared,
        lines=tuple(content_lines),
        milestones=tuple(milestones),
        texts=tuple(texts),
    )


def _plan_findings(sub):
    project = ProjectData(name="项目", fiscal_year=2024, sub_items=(sub,))
    return [f for f in check_project(project) if f.code == "plan_content_mismatch"]


def test_a_plan_that_prices_its_nodes_otherwise_than_the_content_is_flagged_with_both_sums():
    lines = [
        LineData(sequence=1, name="慰问", declared=Decimal("300000")),
        LineData(sequence=2, name="看望", declared=Decimal("30000")),
    ]
    nodes = [
        MilestoneData(sequence=1, amount=Decimal("300000")),
        MilestoneData(
            sequence=2, amount=Decimal("7500"), payment_mode="quarterly", per_period=True
        ),
    ]
    assert _plan_findings(_sub(nodes, lines)) == []  # 30万 + 4 × 0.75万 = 33万: it holds
    [finding] = _plan_findings(
        _sub([*nodes[:1], MilestoneData(sequence=2, amount=Decimal("7500"))], lines)
    )
    assert finding.severity == "info"  # a comparison of readings, hedged
    assert (finding.expected, finding.actual) == (Decimal("330000"), Decimal("307500"))
    assert "实施内容" in finding.message and "可能" in finding.message  # both places, hedged


def test_a_plan_pricing_one_node_or_none_is_no_breakdown_to_compare():
    lines = [LineData(sequence=1, name="慰问", declared=Decimal("300000"))]
    assert _plan_findings(_sub([MilestoneData(sequence=1, amount=Decimal("1"))], lines)) == []
    assert _plan_findings(_sub([MilestoneData(sequence=1), MilestoneData(sequence=2)], lines)) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("为抓好2023年度澄江市基层党建各项重点任务落实，特制定如下实施方案。", True),
        ("为做好2024年度工作。", False),  # the fiscal year
        ("根据《关于抓好2023年度基层党建工作的通知》。", False),  # a document's title
        ("未支付2021、2022、2023年安保服务费用。", False),  # past years, no work set out
    ],
)
def test_work_set_out_for_another_year_is_noted(text, flagged):
    project = ProjectData(name="项目", fiscal_year=2024, texts=(("basis_closing", text),))
    found = [f for f in check_project(project) if f.code == "text_year_mismatch"]
    assert bool(found) == flagged
    if flagged:
        assert found[0].severity == "info" and "2023年度" in found[0].message


@pytest.mark.parametrize(
    ("passage", "declared", "flagged"),
    [
        (
            "原实职副处级以上离老干部50余人，县内每人200元，县外每人300元，需经费3万元",
            "30000",
            True,
        ),
        (
            "原实职副处级以上离老干部50余人，县内每人200元，县外每人300元，需经费1.5万元",
            "15000",
            False,
        ),
        ("离退休干部30多人，每人100元，需经费2000元", "2000", True),  # less than the least
        (
            "离退休干部30人，每人100元，需经费3000元",
            "3000",
            False,
        ),  # no rough count: not this check
    ],
)
def test_an_amount_outside_what_its_rough_count_and_prices_allow_is_noted(
    passage, declared, flagged
):
    sub = _sub(
        [],
        [LineData(sequence=1, name="慰问金", declared=Decimal(declared), marker="①")],
        texts=(("content", "①" + passage + "。"),),
    )
    project = ProjectData(name="项目", fiscal_year=2024, sub_items=(sub,))
    found = [f for f in check_project(project) if f.code == "line_outside_stated_range"]
    assert bool(found) == flagged
    if flagged:
        assert found[0].severity == "info" and "估算" in found[0].message


def test_a_rate_the_plan_states_otherwise_than_the_contents_calculation_is_flagged():
    from budget.tree import FactorData

    def priced(name, rate, unit="元/年"):
        return LineData(
            sequence=1,
            name=name,
            declared=None,
            factors=(FactorData(Decimal("6"), "个"), FactorData(Decimal(rate), unit)),
        )

    plan = "计划按照每个党委、总支每年党建工作经费不少于10000元、6000元，每名书记每月200元发放。"
    sub = _sub(
        [],
        [
            priced("党委工作补助经费", "5000"),
            priced("党总支工作补助经费", "6000"),
            priced("书记岗位补贴", "200", "元/月"),
        ],
        texts=(("content", ""), ("plan", plan)),
    )
    project = ProjectData(name="项目", fiscal_year=2024, sub_items=(sub,))
    [finding] = [f for f in check_project(project) if f.code == "plan_rate_mismatch"]
    assert "每党委10000元" in finding.message and "5000元/年" in finding.message
    assert "总支" not in finding.message and "书记" not in finding.message  # those agree
