"""The seed disclosure as records: its figures match the text, and the checks report its quirks."""

from decimal import Decimal

import pytest

from budget.checks import Severity
from projects import selectors
from projects.models import Citation, Department, Disclosure, LineItem, Project, SubItem
from projects.services import load_disclosure_tree

pytestmark = pytest.mark.django_db


def findings(sequence):
    project = selectors.with_tree(Project.objects.filter(sequence=sequence)).get()
    return selectors.project_findings(project)


def test_seed_is_one_department_one_year_two_projects(seed):
    assert Department.objects.get().name == "中共澄江市委组织部"
    assert seed.fiscal_year == 2024
    assert seed.title == "中共澄江市委组织部2024年预算重点领域财政项目文本公开"
    assert list(Project.objects.published().values_list("sequence", "name")) == [
        (1, "干部教育培训专项资金"),
        (2, "引领乡村振兴工作经费"),
    ]
    assert Disclosure.objects.published().get() == seed


def test_seed_projects_have_all_their_sub_items(seed):
    assert SubItem.objects.filter(project__sequence=1).count() == 7
    assert SubItem.objects.filter(project__sequence=2).count() == 10
    assert SubItem.objects.get(project__sequence=2, sequence=10).name == "村组干部意外伤害保险经费"


def test_seed_declared_totals(seed):
    totals = dict(Project.objects.values_list("sequence", "declared_total"))
    assert totals == {1: Decimal("1500000.00"), 2: Decimal("4000000.00")}


def test_seed_citations_in_order_with_document_numbers(seed, seed_tree):
    for project_tree in seed_tree["projects"]:
        citations = Citation.objects.filter(project__sequence=project_tree["sequence"]).order_by(
            "sequence"
        )
        assert [c.cited_text for c in citations] == [
            c["cited_text"] for c in project_tree["citations"]
        ]
    first = Citation.objects.get(project__sequence=1, sequence=1)
    assert first.document.title.startswith("中共澄江县委会议纪要第十五期")
    cited = Citation.objects.get(cited_text__contains="云老发【2013】5号")
    assert cited.document.document_number == "云老发〔2013〕5号"
    assert (cited.document.issuer_code, cited.document.year, cited.document.serial) == (
        "云老发",
        2013,
        5,
    )
    number = Citation.objects.get(project__sequence=2, cited_text__contains="澄办发〔2014〕104号")
    assert number.document.title.startswith(
        "澄江县村（社区）“两委”和监督委员会干部离任补助发放办法"
    )


def test_seed_twice_cited_document_is_one_policy_document(seed):
    twice = Citation.objects.filter(
        project__sequence=1, document__title="关于进一步加强和改进离退休干部工作的实施意见"
    )
    assert twice.count() == 2
    assert len({c.document_id for c in twice}) == 1


def test_seed_line_with_four_parts(seed):
    line = LineItem.objects.get(
        sub_item__project__sequence=1, sub_item__sequence=1, parent=None, sequence=1
    )
    assert line.declared_amount == Decimal("300000.00")
    parts = [c.declared_amount for c in line.children.order_by("sequence")]
    assert parts == [
        Decimal("200000.00"),
        Decimal("60000.00"),
        Decimal("18000.00"),
        Decimal("22000.00"),
    ]


def test_seed_lines_with_factors(seed):
    buffet = LineItem.objects.get(
        sub_item__project__sequence=1,
        name__startswith="自助餐费",
        declared_amount=Decimal("12000.00"),
    )
    assert [(f.value, f.unit) for f in buffet.factors.order_by("sequence")] == [
        (Decimal("60"), "人"),
        (Decimal("100"), "元"),
        (Decimal("2"), "天"),
    ]
    insurance = LineItem.objects.get(declared_amount=Decimal("406380.00"))
    assert [f.value for f in insurance.factors.order_by("sequence")] == [
        Decimal("1563"),
        Decimal("260"),
    ]
    assert LineItem.objects.filter(declared_amount=Decimal("3516344.00")).exists()
    suspicious = LineItem.objects.get(amount_text="21.4450元")
    assert suspicious.declared_amount == Decimal("21.45")


def test_seed_itemised_total_exceeds_declared_total_of_project_1(seed):
    project = selectors.with_tree(Project.objects.filter(sequence=1)).get()
    from budget import rollups

    itemised = rollups.itemised_total(selectors.project_data(project))
    assert itemised > Decimal("1500000.00")
    over = [
        f
        for f in findings(1)
        if f.location.kind == "project" and f.severity == Severity.ERROR and f.expected is not None
    ]
    assert any(f.actual == itemised or f.expected == itemised for f in over)
    assert any("150万元" in f.message for f in over)


def test_seed_known_inconsistencies_are_reported(seed):
    messages_1 = [f.message for f in findings(1)]
    messages_2 = [f.message for f in findings(2)]
    assert any("21.4450万元" in m for m in messages_1), messages_1
    assert any("关于进一步加强和改进离退休干部工作的实施意见" in m for m in messages_1)
    assert any("云老发【2013】5号" in m and "云老发〔2013〕5号" in m for m in messages_1)
    assert any("澄办发（2004）5号" in m and "澄办发〔2004〕5号" in m for m in messages_1)
    assert any("2023年8月" in m for m in messages_2), messages_2
    assert any("2023年11月" in m for m in messages_2), messages_2


def test_seed_consistent_calculations_raise_no_arithmetic_error(seed):
    """Every calculation the seed writes out holds; only the totals do not."""
    for sequence in (1, 2):
        line_errors = [
            f
            for f in findings(sequence)
            if f.location.kind == "line" and f.severity == Severity.ERROR
        ]
        assert line_errors == []


def test_loading_the_seed_twice_changes_nothing(seed, seed_tree):
    result = load_disclosure_tree(seed_tree, publish=True)
    assert not result.created
    assert Project.objects.count() == 2


def _content(snapshot) -> dict:
    """Each table's rows without their ids, keys and timestamps: what the rows say."""
    from django.db import models

    content = {}
    for model, rows in snapshot.rows:
        skip = {
            f.attname
            for f in model._meta.concrete_fields
            if f.primary_key
            or isinstance(f, models.ForeignKey | models.UUIDField | models.DateTimeField)
            or f.name in ("id", "token", "version", "grams", "scope")
        }
        content[model._meta.label] = sorted(
            repr(sorted((k, v) for k, v in row.items() if k not in skip)) for row in rows
        )
    return content


def test_the_seed_loaded_from_scratch_gives_the_rows_the_tests_put_back(seed_tree, seed_snapshot):
    """The ``seed`` fixture puts back the loader's rows (tests/snapshots.py); loading the seed
    through the loader now, in this test, writes rows that say the same."""
    from tests.snapshots import capture

    again = capture(lambda: load_disclosure_tree(seed_tree, publish=True).disclosure)
    assert _content(again) == _content(seed_snapshot)
    assert {model for model, _ in again.rows} >= {Project, SubItem, LineItem, Citation}


def test_the_rows_put_back_are_the_rows_captured(seed, seed_snapshot):
    """What the ``seed`` fixture copies back (tests/snapshots.py) reads as what was captured,
    every column of every row, ``ProjectSearch.live`` (which the database works out) included."""
    for model, rows in seed_snapshot.rows:
        keys = [row[model._meta.pk.attname] for row in rows]
        assert tuple(model._base_manager.filter(pk__in=keys).order_by("pk").values()) == rows
