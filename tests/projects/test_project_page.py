"""The public project page: the eight sections in order, built from the records."""

import html as html_module
import re

import pytest
from django.urls import reverse

from budget.amounts import format_wan
from projects import public_version
from projects.models import Project, Status
from tests.conftest import force_status

pytestmark = pytest.mark.django_db

HEADINGS = [
    "一、项目名称",
    "二、立项依据",
    "三、项目实施单位",
    "四、项目基本概况",
    "五、项目实施内容",
    "六、资金安排情况",
    "七、项目实施计划",
    "八、项目实施成效",
]


def page_text(response) -> str:
    html = response.content.decode()
    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_project_page_shows_the_eight_sections_in_order(client, seed):
    for project in Project.objects.published():
        response = client.get(project.get_absolute_url())
        assert response.status_code == 200
        text = page_text(response)
        positions = [text.index(heading) for heading in HEADINGS]
        assert positions == sorted(positions)


def test_project_page_reads_like_the_seed(client, seed, seed_tree):
    project_tree = seed_tree["projects"][1]
    project = Project.objects.published().get(sequence=2)
    text = page_text(client.get(project.get_absolute_url()))
    basis = (
        project_tree["basis_preamble"]
        + "".join(c["cited_text"] + c["separator"] for c in project_tree["citations"])
        + project_tree["basis_closing"]
    )
    assert basis in text
    for sub in project_tree["sub_items"]:
        assert f"{sub['sequence']}.{sub['content']}" in text
        if sub["plan"]:
            assert f"{sub['sequence']}.{sub['plan']}" in text
    assert "1.村（社区）干部绩效补贴经费；2.2024年农村党员教育培训经费；" in text
    assert project_tree["outcomes"][:40] in text


def test_project_page_writes_out_every_calculation(client, seed):
    project = Project.objects.published().get(sequence=2)
    text = page_text(client.get(project.get_absolute_url()))
    assert "1563名 × 260元" in text
    assert "406,380.00" in text
    assert "95名 × 200元/月 × 12月" in text
    assert "228,000.00" in text


def test_project_page_shows_declared_against_itemised_total(client, seed):
    project = Project.objects.published().get(sequence=1)
    text = page_text(client.get(project.get_absolute_url()))
    assert "150万元" in text
    assert "壹佰伍拾万元整" in text
    assert "各子项目细化合计" in text
    assert "核对结果" in text
    # The itemised figure itself, from the roll-up of the records (not a fixed label).
    from budget import rollups
    from projects import selectors

    tree = selectors.with_tree(Project.objects.filter(pk=project.pk)).get()
    itemised = rollups.itemised_total(selectors.project_data(tree))
    assert itemised > project.declared_total
    assert format_wan(itemised) in text


def test_project_page_query_budget(client, seed, django_assert_max_num_queries):
    project = Project.objects.published().get(sequence=1)
    # Loaded, not published through the workflow: no page document yet (projects/pagedoc.py).
    # The version of what is published (projects/public_version.py), the page's queries
    # (revisions, document, PDF record), and to build the document, the revision, the
    # whole tree in a constant number of queries whatever its size (sub-items, lines,
    # factors, milestones, citations, funding, indicators), and its write.
    with django_assert_max_num_queries(16):
        first = client.get(project.get_absolute_url())
    public_version.bump(public_version.SITE)  # the stored page is stale
    # The site's and the project's versions, and the page's three queries.
    with django_assert_max_num_queries(5):
        again = client.get(project.get_absolute_url())
    assert again.content == first.content


def test_drafts_answer_404_not_403(client, seed):
    project = Project.objects.published().get(sequence=1)
    force_status(Project.objects.filter(pk=project.pk), Status.DRAFT)
    assert client.get(project.get_absolute_url()).status_code == 404
    assert client.get(project.get_revision_url()).status_code == 404
    assert project.name not in page_text(client.get(reverse("projects:home")))


def test_revision_url_shows_that_revision(client, seed):
    project = Project.objects.published().get(sequence=1)
    response = client.get(project.get_revision_url())
    assert response.status_code == 200
    assert "第1版" in page_text(response)


def test_home_lists_published_projects(client, seed):
    text = page_text(client.get(reverse("projects:home")))
    assert "干部教育培训专项资金" in text
    assert "引领乡村振兴工作经费" in text


def test_a_line_made_of_parts_shows_their_sum_beside_its_declared_amount(client, seed):
    project = Project.objects.published().get(sequence=1)
    html = client.get(project.get_absolute_url()).content.decode()
    row = re.search(
        r'<tr class="depth-0[^"]*">\s*<th scope="row">①处级离退休老干部.*?</tr>', html, re.S
    )
    assert row is not None
    assert "下列 4 项之和" in row.group()
    assert row.group().count("300,000.00") == 2  # computed and declared agree
    assert "differs" not in row.group()


@pytest.mark.usefixtures("guards_off")
def test_a_line_whose_factors_disagree_is_marked(client, seed):
    from projects.models import LineItem

    line = LineItem.objects.get(declared_amount="406380.00")
    LineItem.objects.filter(pk=line.pk).update(declared_amount="406381.00")
    project = Project.objects.published().get(sequence=2)
    html = client.get(project.get_absolute_url()).content.decode()
    row = re.search(r'<tr class="depth-0 differs">.*?</tr>', html, re.S)
    assert row is not None and "406,380.00" in row.group() and "406,381.00" in row.group()
    assert "相差 1.00元" in page_text(client.get(project.get_absolute_url()))


def test_withdrawn_projects_answer_404(client, seed):
    project = Project.objects.published().get(sequence=2)
    force_status(Project.objects.filter(pk=project.pk), Status.WITHDRAWN)
    assert client.get(project.get_absolute_url()).status_code == 404
    assert client.get(project.get_revision_url()).status_code == 404


def test_a_superseded_revision_keeps_its_own_url_and_points_to_the_live_one(client, seed):
    project = Project.objects.published().get(sequence=1)
    force_status(Project.objects.filter(pk=project.pk), Status.SUPERSEDED)
    Project.objects.create(
        disclosure=project.disclosure,
        lineage=project.lineage,
        revision=2,
        sequence=1,
        name=project.name,
        implementing_unit=project.implementing_unit,
        declared_total=project.declared_total,
        status=Status.PUBLISHED,
    )
    old = client.get(project.get_revision_url())
    assert old.status_code == 200
    assert "已被更正的旧版本" in page_text(old)
    assert "第2版" in page_text(client.get(project.get_absolute_url()))


def test_home_query_budget(client, seed, django_assert_max_num_queries):
    # The project list (with its departments) and the totals: two queries however many rows,
    # and the version of what is published.
    with django_assert_max_num_queries(3):
        client.get(reverse("projects:home"))


def test_home_totals_by_department_and_year(client, seed):
    text = page_text(client.get(reverse("projects:home"))).replace(" ", "")
    assert "按单位和年度汇总" in text
    assert "2024\n中共澄江市委组织部\n2\n550" in "\n".join(
        line.strip() for line in text.splitlines() if line.strip()
    )
    force_status(Project.objects.filter(sequence=2), Status.DRAFT)
    text = page_text(client.get(reverse("projects:home")))
    assert "550" not in text and "150" in text


@pytest.mark.usefixtures("guards_off")
def test_funding_sources_indicators_and_milestones_are_shown(client, seed):
    from decimal import Decimal

    from projects.models import FundingSource, PerformanceIndicator

    project = Project.objects.published().get(sequence=2)
    FundingSource.objects.create(
        project=project, sequence=1, name="市级财政", amount=Decimal("3000000.00")
    )
    FundingSource.objects.create(project=project, sequence=2, name="自筹", amount=Decimal("900000"))
    PerformanceIndicator.objects.create(
        project=project,
        sequence=1,
        level1="output",
        level2="数量指标",
        name="补助农村党员人数",
        comparator="ge",
        target="7428",
        unit="人",
    )
    text = page_text(client.get(project.get_absolute_url()))
    assert "资金来源" in text and "市级财政" in text and "300" in text
    assert "补助农村党员人数" in text and "≥7428人" in text
    assert "产出指标" in text
    # The 2023 plan node of sub-item 6, with its date as written.
    assert "2023年8月" in text
    assert "一次性付款" in text
    # The sources add up to 390万元 against a declared 400万元: a finding says so.
    assert "390万元" in text
