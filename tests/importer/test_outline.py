"""budget.importer.outline: headings in the styles real texts use, projects, extra sections."""

import pytest

from budget.importer import outline as o


@pytest.mark.parametrize(
    ("line", "kind", "inline"),
    [
        ("一、项目名称", o.NAME, ""),
        ("二、 立项依据", o.BASIS, ""),
        ("三．项目实施单位", o.UNIT, ""),
        ("（四）项目基本概况", o.OVERVIEW, ""),
        ("(5)项目实施内容", o.CONTENT, ""),
        ("6.资金安排情况", o.FUNDING, ""),
        ("七、实施计划", o.PLAN, ""),
        ("八、项目实施成效", o.OUTCOMES, ""),
        ("（一）项目名称：学前教育保教费补助资金", o.NAME, "学前教育保教费补助资金"),
        ("项目实施单位：红塔区教育体育局", o.UNIT, "红塔区教育体育局"),
        ("一、项目名称 干部教育培训专项资金", o.NAME, "干部教育培训专项资金"),
        ("九、项目支出绩效目标表", o.PERFORMANCE, ""),
        ("第六部分 资金安排情况", o.FUNDING, ""),
        ("　一、项目名称　", o.NAME, ""),
        ("六、资金安排情况（单位：万元）", o.FUNDING, "（单位：万元）"),
        ("资金安排（万元）：150", o.FUNDING, "（万元）：150"),
        ("项目名称　学前教育保教费补助资金", o.NAME, "学前教育保教费补助资金"),
        ("项目实施单位\t红塔区教育体育局", o.UNIT, "红塔区教育体育局"),
        ("3)实施主体。宣城市文化和旅游局。", o.UNIT, "宣城市文化和旅游局。"),
        ("(1)项目概述。以申报项目和资金为基础", o.OVERVIEW, "以申报项目和资金为基础"),
    ],
)
def test_headings(line, kind, inline):
    heading = o.classify_heading(line)
    assert heading is not None
    assert (heading.kind, heading.inline) == (kind, inline)


@pytest.mark.parametrize(
    "line",
    [
        "实施内容包括维修教学舞台后墙地板",
        "1.实施内容为采购设备",
        "项目名称之外的一段话",
        "实施内容 包括维修教学舞台后墙地板",
        "根据《项目名称管理办法》",
        "",
    ],
)
def test_sentences_are_not_headings(line):
    assert o.classify_heading(line) is None


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("项目1.", ("1", "")),
        ("项目2：引领乡村振兴工作经费", ("2", "引领乡村振兴工作经费")),
        ("项目三、", ("三", "")),
        # (a line running on from the name: its words up to the first stop, without the
        # number of the document that gave the money)
        (
            "项目一:阿财农〔2023〕387号乌力吉苏木集体经济项目,项目全年预算数*元,完成预算的100%。",
            ("一", "乌力吉苏木集体经济项目"),
        ),
        ("项目二:阿财农〔2023〕387号", ("二", "阿财农〔2023〕387号")),
    ],
)
def test_project_markers(line, marker):
    assert o.project_marker(line) == marker


def test_project_markers_are_not_section_words():
    assert o.project_marker("项目名称") is None
    assert o.project_marker("项目基本概况") is None


def test_projects_open_at_markers_at_a_repeated_name_and_at_numbered_headers():
    text = "\n".join(
        [
            "某局2024年项目文本公开",
            "项目名称：甲",
            "资金安排情况：10万元",
            "项目名称：乙",
            "资金安排情况：20万元",
            "三、丙项目",
            "1.项目名称",
            "丙经费",
        ]
    )
    outline = o.parse_outline(text)
    assert [line.text for line in outline.title_lines] == ["某局2024年项目文本公开"]
    assert [p.section(o.NAME).text for p in outline.projects] == ["甲", "乙", "丙经费"]
    assert outline.projects[2].header_name == "丙项目"


def test_unknown_numbered_heading_is_an_extra_section_with_its_line():
    outline = o.parse_outline("项目名称：甲\n八、项目实施成效\n好。\n九、其他说明\n全额保障。")
    (extra,) = outline.projects[0].all(o.EXTRA)
    assert (extra.heading.number, extra.text) == (4, "全额保障。")


def test_section_text_keeps_line_numbers():
    outline = o.parse_outline("一、项目名称\n\n甲\n二、立项依据\n根据\n\n《乙》")
    basis = outline.projects[0].section(o.BASIS)
    assert [line.number for line in basis.body_lines] == [5, 7]
    assert basis.text == "根据\n《乙》"


def test_rows_of_a_performance_table_that_look_like_headings_stay_in_the_table():
    text = "\n".join(
        [
            "项目名称：甲经费",
            "资金安排情况：20万元",
            "项目支出绩效目标表",
            "项目名称：甲经费",
            "实施单位：某局",
            "九、其他说明",
        ]
    )
    (project,) = o.parse_outline(text).projects
    table = project.section(o.PERFORMANCE)
    assert table.text == "项目名称：甲经费\n实施单位：某局"
    assert [s.kind for s in project.sections] == [o.NAME, o.FUNDING, o.PERFORMANCE, o.EXTRA]


def test_a_numbered_line_above_sections_numbered_another_way_opens_a_project():
    text = (
        "市文旅局2023年项目及绩效目标情况\n"
        "1.非遗传承与保护\n1)项目概述。加强专项资金管理。\n2)立项依据。《非物质文化遗产法》。\n"
        "3)实施主体。宣城市文化和旅游局。\n"
        "2.文化惠民工程\n1)项目概述。开展送戏下乡。\n3)实施主体。宣城市文化馆。\n"
    )
    outline = o.parse_outline(text)
    assert [block.header_name for block in outline.projects] == ["非遗传承与保护", "文化惠民工程"]
    assert [s.kind for s in outline.projects[0].sections] == [o.OVERVIEW, o.BASIS, o.UNIT]


@pytest.mark.parametrize(
    "text",
    [
        # Numbered like its sections: a paragraph.
        "一、安全饮水提升改造\n1.实施地点:某村\n3.补助标准:283万元\n4.资金来源及规模:资金283万元\n",
        # A field and its value, not a project's name.
        "1.补助标准:283万元\n(1)资金来源:财政资金\n",
    ],
)
def test_a_numbered_line_that_is_a_paragraph_or_a_field_opens_no_project(text):
    outline = o.parse_outline(text)
    assert all(block.header_name != "补助标准:283万元" for block in outline.projects)


def test_cells_run_together_go_on_lines_of_their_own_and_nothing_else_does():
    text = (
        "预算单位某街道办事处项目主管部门某区财政局项目名称市政日常维护经费\n项目名称市政维护\n"
        "项目名称及内容\n实施单位名称\n项目资金管理"
    )
    out, origin = o.split_run_on(text)
    assert out.split("\n") == [
        "预算单位 某街道办事处",
        "项目主管部门 某区财政局",
        "项目名称 市政日常维护经费",
        "项目名称 市政维护",  # a naming cell and its value
        "项目名称及内容",  # a column's heading: nothing to cut
        "实施单位名称",
        "项目资金管理",  # not a naming cell
    ]
    assert origin == [1, 1, 1, 2, 3, 4, 5]


def test_a_numbered_heading_of_a_matter_opens_no_project():
    text = (
        "一、项目概况\n1.项目名称:柞水县凤镇中心卫生院装修改造项目。\n"
        "2.项目建设单位:柞水县凤镇中心卫生院。\n7.项目总投资:总投资150.00万元。\n"
        "四、项目建设单位名称和联系方式\n建设单位:柞水县凤镇中心卫生院\n"
    )
    assert len(o.parse_outline(text).projects) == 1


def test_a_name_field_under_a_marked_line_naming_it_opens_the_next_project_after_a_goal():
    text = (
        "示范区2023年度衔接资金项目实施计划\n"
        "一、产业发展类(2个、资金规模800万元)\n"
        "(一)示范区农产品种植产业园项目\n"
        "项目名称:示范区农产品种植产业园项目\n"
        "责任单位:示范区脱贫衔接办\n"
        "资金规模和筹措方式:财政衔接推进乡村振兴补助资金500万元。\n"
        "绩效目标:带动脱贫劳动力务工100人以上,每人每年务工收入可达2万元以上。\n"
        "(二)示范区小型农田水利配套设施桥梁建设项目\n"
        "项目名称:示范区小型农田水利配套设施桥梁建设项目\n"
        "责任单位:示范区农业农村局\n"
    )
    projects = o.parse_outline(text).projects
    assert [project.section(o.NAME).inline for project in projects] == [
        "示范区农产品种植产业园项目",
        "示范区小型农田水利配套设施桥梁建设项目",
    ]
    # the marked line is the second project's, not a line of the first one's goal
    assert projects[1].marker.text == "(二)示范区小型农田水利配套设施桥梁建设项目"
    assert [line.text for line in projects[0].section(o.PERFORMANCE).lines] == []
