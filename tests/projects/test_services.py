"""Loading a disclosure tree: stored whole or not at all, with clear errors."""

import copy
import json
from decimal import Decimal

import pytest

from projects.models import Project, Status
from projects.services import TreeError, load_disclosure_tree
from tests.conftest import force_status

pytestmark = pytest.mark.django_db


def test_trees_load_as_drafts_unless_published(seed_tree):
    result = load_disclosure_tree(seed_tree)
    assert result.created and result.projects == 2
    assert set(Project.objects.values_list("status", flat=True)) == {Status.DRAFT}
    assert not Project.objects.published().exists()


def test_a_wrong_schema_is_refused(seed_tree):
    tree = dict(seed_tree, schema="something-else")
    with pytest.raises(TreeError, match="不支持的数据格式"):
        load_disclosure_tree(tree)


def test_an_amount_that_disagrees_with_its_text_is_refused_and_nothing_is_stored(seed_tree):
    tree = copy.deepcopy(seed_tree)
    line = tree["projects"][1]["sub_items"][9]["lines"][0]
    line["amount_yuan"] = "406381.00"
    with pytest.raises(TreeError, match=r"406381\.00"):
        load_disclosure_tree(tree)
    assert not Project.objects.exists()


def test_amounts_must_be_strings_not_json_numbers(seed_tree):
    tree = copy.deepcopy(seed_tree)
    tree["projects"][0]["declared_total_yuan"] = 1500000
    with pytest.raises(TreeError, match="字符串"):
        load_disclosure_tree(tree)


def test_a_non_standard_document_number_in_the_record_is_refused(seed_tree):
    tree = copy.deepcopy(seed_tree)
    tree["projects"][0]["citations"][0]["document_number"] = "云办发【2006】1号"
    with pytest.raises(TreeError, match="云办发〔2006〕1号"):
        load_disclosure_tree(tree)


def test_replace_swaps_drafts_but_never_published_projects(seed_tree):
    load_disclosure_tree(seed_tree)
    assert load_disclosure_tree(seed_tree, replace=True).created
    assert Project.objects.count() == 2
    force_status(Project.objects.filter(sequence=1), Status.PUBLISHED)
    with pytest.raises(TreeError, match="非草稿"):
        load_disclosure_tree(seed_tree, replace=True)


def first_line(tree):
    return tree["projects"][1]["sub_items"][9]["lines"][0]


def test_factor_values_must_be_strings(seed_tree):
    tree = copy.deepcopy(seed_tree)
    first_line(tree)["factors"][0]["value"] = 1563.0
    with pytest.raises(TreeError, match="因子数值应写成字符串"):
        load_disclosure_tree(tree)


def test_factors_must_agree_with_the_formula(seed_tree):
    tree = copy.deepcopy(seed_tree)
    first_line(tree)["factors"][1]["value"] = "261"
    with pytest.raises(TreeError, match="不一致"):
        load_disclosure_tree(tree)


def test_factors_are_read_from_the_formula_when_not_listed(seed_tree):
    tree = copy.deepcopy(seed_tree)
    first_line(tree)["factors"] = []
    load_disclosure_tree(tree)
    from projects.models import LineItem

    line = LineItem.objects.get(declared_amount="406380.00")
    assert [(f.value, f.unit) for f in line.factors.order_by("sequence")] == [
        (1563, first_line(seed_tree)["factors"][0]["unit"]),
        (260, first_line(seed_tree)["factors"][1]["unit"]),
    ]


def test_a_record_that_breaks_a_rule_is_named(seed_tree):
    tree = copy.deepcopy(seed_tree)
    tree["projects"][0]["sub_items"][0]["milestones"][0]["payment_mode"] = "whenever"
    with pytest.raises(TreeError, match="支付方式"):
        load_disclosure_tree(tree)
    assert not Project.objects.exists()


def test_a_missing_field_is_named(seed_tree):
    tree = copy.deepcopy(seed_tree)
    del tree["projects"][0]["name"]
    with pytest.raises(TreeError, match="name"):
        load_disclosure_tree(tree)


def test_a_different_title_for_an_existing_disclosure_is_refused(seed_tree):
    load_disclosure_tree(seed_tree)
    tree = copy.deepcopy(seed_tree)
    tree["disclosure"]["title"] = "另一个标题"
    with pytest.raises(TreeError, match="另一个标题"):
        load_disclosure_tree(tree, replace=True)


def test_the_command_reports_a_bad_file_without_a_traceback(tmp_path, seed_tree):
    from django.core.management import CommandError, call_command

    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "portal.disclosure-tree/1"', encoding="utf-8")
    with pytest.raises(CommandError, match="无法读取"):
        call_command("load_disclosure", str(bad))
    tree = copy.deepcopy(seed_tree)
    first_line(tree)["amount_yuan"] = "1"
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError, match="不符"):
        call_command("load_disclosure", str(wrong))


def test_the_per_project_files_of_a_disclosure_rebuild_it_and_a_skipped_file_is_an_error(
    seed, tmp_path
):
    """Each project's PDF carries its record as a one-project tree: loading the files of one
    disclosure one after another rebuilds it; a file whose projects are there already is not
    a success."""
    import io

    from django.core.management import CommandError, call_command

    from projects import exports, selectors
    from projects.models import Disclosure

    projects = list(selectors.with_tree(Project.objects.filter(disclosure=seed)))
    base = "http://portal.test"
    paths = []
    for project in projects:
        tree = exports.disclosure_tree(seed, [project], base)
        # Loaded as another unit's, beside the published original (which cannot be deleted).
        tree["department"] |= {"name": "某县重建核对单位", "slug": "rebuild-check"}
        path = tmp_path / f"p{project.sequence}.json"
        path.write_bytes(exports.tree_json(tree))
        paths.append(path)
    before = exports.tree_json(exports.disclosure_tree(seed, projects, base))
    out = io.StringIO()
    call_command("load_disclosure", "--publish", *map(str, paths), stdout=out)
    assert out.getvalue().count("已载入") == 2
    disclosure = Disclosure.objects.get(department__slug="rebuild-check")
    rebuilt = list(selectors.with_tree(Project.objects.filter(disclosure=disclosure)))
    assert [p.sequence for p in sorted(rebuilt, key=lambda p: p.sequence)] == [1, 2]
    after = json.loads(exports.tree_json(exports.disclosure_tree(disclosure, rebuilt, base)))
    # The same records (the projects' identifiers and dates are the new ones').
    for node_before, node_after in zip(
        json.loads(before)["projects"], after["projects"], strict=True
    ):
        assert node_before["sub_items"] == node_after["sub_items"]
        assert node_before["declared_total_yuan"] == node_after["declared_total_yuan"]
    with pytest.raises(CommandError, match="未载入"):
        call_command("load_disclosure", "--publish", str(paths[1]), stdout=io.StringIO())
    call_command(
        "load_disclosure", "--publish", "--skip-existing", str(paths[1]), stdout=io.StringIO()
    )
    assert Project.objects.filter(disclosure=disclosure).count() == 2


def test_where_and_when_a_text_was_first_published_is_kept_apart_and_shown(seed_tree, client):
    from datetime import date

    from projects import exports, selectors
    from projects.models import Disclosure
    from publications import render

    tree = copy.deepcopy(seed_tree)
    tree["disclosure"] |= {
        "source_published_on": "2024-03-01",
        "source_url": "https://www.example.gov.cn/zdly/2024.html",
    }
    load_disclosure_tree(tree, publish=True)
    disclosure = Disclosure.objects.get()
    assert disclosure.source_published_on == date(2024, 3, 1)
    projects = list(selectors.with_tree(Project.objects.filter(disclosure=disclosure)))
    exported = exports.disclosure_tree(disclosure, projects, "")["disclosure"]
    assert exported["source_published_on"] == "2024-03-01"
    assert exported["source_url"] == "https://www.example.gov.cn/zdly/2024.html"
    # Both dates on the page and in the PDF: the original's and the portal's.
    page = client.get(projects[0].get_absolute_url()).content.decode()
    assert "原文公开日期" in page and "2024年3月1日" in page and "本站公开日期" in page
    assert 'href="https://www.example.gov.cn/zdly/2024.html"' in page
    html = render.project_source(projects[0]).html
    assert "原文公开日期" in html and "2024年3月1日" in html and "本站公开日期" in html


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ({"source_published_on": "2024年3月1日"}, "不是日期"),
        ({"source_published_on": "2024-02-30"}, "不是日期"),
        ({"source_url": "javascript:alert(1)"}, "不是 http"),
    ],
)
def test_a_bad_first_publication_is_refused(seed_tree, source, message):
    tree = copy.deepcopy(seed_tree)
    tree["disclosure"] |= source
    with pytest.raises(TreeError, match=message):
        load_disclosure_tree(tree)


def test_a_milestone_paid_each_quarter_counts_four_times_and_the_page_says_so(seed, client):
    from decimal import Decimal

    from budget import rollups
    from projects import selectors

    project = selectors.with_tree(Project.objects.filter(disclosure=seed, sequence=1)).get()
    data = selectors.project_data(project)
    plan = sum((rollups.milestone_total(m) or Decimal(0)) for m in data.sub_items[0].milestones)
    # The plan of P1 子项目1 as the text means it: 30 + 4 × 0.75 + 16 + 3 + 2 + 1.59 万元.
    assert plan == Decimal("555900.00")
    page = client.get(project.get_absolute_url()).content.decode()
    assert "每期 0.75" in page and "全年 3" in page


def test_a_milestones_per_period_must_be_true_or_false(seed_tree):
    tree = copy.deepcopy(seed_tree)
    tree["projects"][0]["sub_items"][0]["milestones"][0]["per_period"] = "yes"
    with pytest.raises(TreeError, match="per_period"):
        load_disclosure_tree(tree)


def test_the_seeds_narrative_findings_cite_both_places(seed):
    from budget.checks import check_project
    from projects import selectors

    found = {}
    for project in selectors.with_tree(Project.objects.filter(disclosure=seed)):
        for finding in check_project(selectors.project_data(project)):
            found.setdefault((project.sequence, finding.code), []).append(finding)
    # P1 子项目1: its plan (30万, 4 × 0.75万, 16万, 3万, 2万, 1.59万) leaves out ② and ⑧.
    [plan] = found[(1, "plan_content_mismatch")]
    assert (plan.actual, plan.expected) == (Decimal("555900.00"), Decimal("588900.00"))
    # P2's basis sets out the work of 2023 in a 2024 text.
    [year] = found[(2, "text_year_mismatch")]
    assert "抓好2023年度" in year.message
    # P2 子项目6: the plan's 10000/6000/3000元 and 100元 against the content's 5000/3000/1500
    # and 50元; the 200元 a month for a 书记 agrees.
    [rates] = found[(2, "plan_rate_mismatch")]
    for pair in ("每党委10000元", "5000元/年", "每支部3000元", "1500元/年", "每党员100元"):
        assert pair in rates.message
    assert "书记" not in rates.message
