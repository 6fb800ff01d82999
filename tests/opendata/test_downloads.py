"""Per-project and per-disclosure downloads: JSON (the API's shape), CSV (one row per line
item, BOM for Excel), XLSX (reopened with openpyxl and compared with the records)."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from opendata import xlsx
from opendata.tables import LINES, PROJECTS, SUB_ITEMS, Field, Table, cell
from projects import exports
from projects.models import Citation, LineItem, Project, SubItem

pytestmark = pytest.mark.django_db


def project_url(project, fmt, revision=True):
    if revision:
        return reverse(
            "opendata:project-revision-data",
            kwargs={"lineage": project.lineage, "revision": project.revision, "fmt": fmt},
        )
    return reverse("opendata:project-data", kwargs={"lineage": project.lineage, "fmt": fmt})


def disclosure_url(disclosure, fmt):
    return reverse(
        "opendata:disclosure-data",
        kwargs={
            "department": disclosure.department.slug,
            "year": disclosure.fiscal_year,
            "fmt": fmt,
        },
    )


def sheet_rows(workbook, title):
    sheet = workbook[title]
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def yuan(value) -> Decimal:
    """A number read back from a spreadsheet, to the 分."""
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_project_xlsx_values_are_the_records(client, seed):
    project = Project.objects.published().get(sequence=1)
    response = client.get(project_url(project, "xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == xlsx.XLSX_TYPE
    assert "filename*=utf-8''" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert {"项目", "子项目", "测算明细", "立项依据"} <= set(workbook.sheetnames)

    (row,) = sheet_rows(workbook, "项目")
    assert row["项目名称"] == project.name
    assert yuan(row["申报总额（元）"]) == project.declared_total
    assert yuan(row["细化金额合计（元）"]) == project.itemised_total
    column = [f.name for f in PROJECTS.fields].index("declared_total") + 1
    assert workbook["项目"].cell(2, column).number_format == xlsx.YUAN_FORMAT  # shown in 元

    sub_items = sheet_rows(workbook, "子项目")
    assert [r["子项目名称"] for r in sub_items] == list(
        SubItem.objects.filter(project=project).order_by("sequence").values_list("name", flat=True)
    )
    lines = sheet_rows(workbook, "测算明细")
    assert len(lines) == LineItem.objects.filter(sub_item__project=project).count()
    stored = LineItem.objects.filter(sub_item__project=project)
    assert sorted(
        yuan(r["申报金额（元）"]) for r in lines if r["申报金额（元）"] is not None
    ) == sorted(stored.exclude(declared_amount=None).values_list("declared_amount", flat=True))
    child = next(r for r in lines if r["明细编号"] == "1.1" and r["子项目序号"] == 1)
    assert child["明细名称"] == "慰问金" and child["上级明细编号"] == "1"
    assert isinstance(child["申报金额（元）"], int | float)  # a number, not text
    citations = sheet_rows(workbook, "立项依据")
    assert [r["引用原文"] for r in citations] == list(
        Citation.objects.filter(project=project)
        .order_by("sequence")
        .values_list("cited_text", flat=True)
    )


def test_project_csv_is_one_row_per_line_with_bom(client, seed):
    project = Project.objects.published().get(sequence=1)
    response = client.get(project_url(project, "csv", revision=False))
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(rows[0]) == exports.LINE_COLUMNS
    assert len(rows) == LineItem.objects.filter(sub_item__project=project).count()
    assert {r["项目名称"] for r in rows} == {project.name}
    assert any(r["因子"] for r in rows)
    # 末级明细 says which rows a sum may add: a parent's amount is also in its children's.
    leaves = LineItem.objects.filter(sub_item__project=project, children=None).count()
    assert [r["末级明细"] for r in rows].count("是") == leaves < len(rows)
    assert set(r["末级明细"] for r in rows) == {"是", "否"}


def test_disclosure_downloads(client, seed):
    json_ = client.get(disclosure_url(seed, "json"))
    assert json_.json()["schema"] == "portal.disclosure-tree/1"
    assert json_.json() == client.get("/api/v1/disclosures/chengjiang-zzb/2024").json()
    csv_rows = list(
        csv.DictReader(io.StringIO(client.get(disclosure_url(seed, "csv")).content.decode()[1:]))
    )
    assert len(csv_rows) == LineItem.objects.count()
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(disclosure_url(seed, "xlsx")).content))
    assert [r["项目名称"] for r in sheet_rows(workbook, "项目")] == [
        "干部教育培训专项资金",
        "引领乡村振兴工作经费",
    ]


def test_downloads_have_etags_and_answer_304(client, seed):
    project = Project.objects.published().get(sequence=1)
    for fmt in ("json", "csv", "xlsx"):
        first = client.get(project_url(project, fmt))
        assert first["ETag"]
        assert "immutable" in first["Cache-Control"]
        again = client.get(project_url(project, fmt), HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, fmt


def test_xlsx_is_the_same_bytes_whenever_it_is_made(client, seed, monkeypatch):
    """Its ETag and checksum hold: no time of writing inside the workbook or its zip."""
    import time

    project = Project.objects.published().get(sequence=1)
    first = client.get(project_url(project, "xlsx")).content
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3 * 24 * 3600)
    later = client.get(project_url(project, "xlsx")).content
    assert later == first
    workbook = openpyxl.load_workbook(io.BytesIO(first))
    assert workbook.properties.modified == project.published_at.replace(tzinfo=None, microsecond=0)


def test_pages_link_the_downloads(client, seed):
    project = Project.objects.published().get(sequence=1)
    page = client.get(project.get_absolute_url()).content.decode()
    for fmt in ("json", "csv", "xlsx"):
        url = project_url(project, fmt)
        assert '<link rel="alternate" type=' in page
        assert page.count(f'href="{url}"') == 2, fmt  # the <link> and the visible link
    disclosure_page = client.get(seed.get_absolute_url()).content.decode()
    for fmt in ("json", "csv", "xlsx"):
        assert disclosure_page.count(f'href="{disclosure_url(seed, fmt)}"') == 2, fmt


def test_unknown_format_or_project_is_404(client, seed):
    project = Project.objects.published().get(sequence=1)
    assert client.get(f"/projects/{project.lineage}/data.txt").status_code == 404
    assert client.get(project_url(project, "json").replace("/r1/", "/r9/")).status_code == 404


def test_download_query_budget(client, seed, django_assert_max_num_queries):
    # The project, its tree (sub-items, lines, factors, milestones, citations, funding,
    # indicators) in a fixed number of queries whatever the size of the project, and the
    # versions of what it shows (the site's and the project's, for the cache) on the first.
    project = Project.objects.published().get(sequence=1)
    for fmt in ("json", "csv", "xlsx"):
        with django_assert_max_num_queries(13):
            assert client.get(project_url(project, fmt)).status_code == 200


# --- Amounts in XLSX and CSV: exact to the 分 for any amount the models can hold ------------

AMOUNTS = st.decimals(
    min_value=Decimal("0"), max_value=Decimal("99999999999999.99"), places=2, allow_nan=False
)
MONEY = Table(
    "money",
    "金额",
    "Amounts",
    (Field("amount", "number", "金额（元）", "Amount", "value", amount=True),),
    lambda amounts, base_url: ((a,) for a in amounts),
)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.one_of(AMOUNTS, st.sampled_from([xlsx.MAX_EXACT, Decimal("0.01")])),
        min_size=1,
        max_size=20,
    )
)
def test_xlsx_amounts_read_back_exactly(amounts):
    content = xlsx.workbook_bytes([amounts], tables=[MONEY])
    sheet = openpyxl.load_workbook(io.BytesIO(content))["金额"]
    read = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [yuan(v) for v in read] == amounts
    # A number wherever a double holds it exactly, text (never a rounded number) beyond.
    assert [isinstance(v, str) for v in read] == [a > xlsx.MAX_EXACT for a in amounts]


@given(st.one_of(st.none(), AMOUNTS))
def test_csv_cells_keep_two_decimals(amount):
    text = cell(amount)
    if amount is None:
        assert text == ""
    else:
        assert Decimal(text) == amount and text.count(".") == 1 and len(text.split(".")[1]) == 2


def test_tables_line_up_with_their_fields(seed):
    """Every row of every table has one value per declared field (checked on the seed)."""
    from opendata import selection

    for project in selection.iter_with_tree(selection.live_projects()):
        for table in (PROJECTS, SUB_ITEMS, LINES):
            for row in table.rows(project, ""):
                assert len(row) == len(table.fields), table.name
