"""The published record as data: the disclosure-tree JSON round trip and the line-item CSV."""

import copy
import csv
import io
import json
from decimal import Decimal

import pytest

from budget import rollups
from projects import exports, selectors
from projects.models import LineItem, Project
from projects.services import load_disclosure_tree

pytestmark = pytest.mark.django_db


def seed_export(seed):
    projects = selectors.with_tree(Project.objects.published().filter(disclosure=seed)).order_by(
        "sequence"
    )
    return exports.disclosure_tree(seed, projects)


def without_publication(tree):
    tree = copy.deepcopy(tree)
    for project in tree["projects"]:
        del project["publication"]
    return tree


def test_export_of_the_seed_is_the_curated_tree(seed, seed_tree):
    """Field by field: what the loader stored, written back, is exactly the curated file."""
    assert without_publication(seed_export(seed)) == seed_tree


def test_export_loads_back_as_the_same_records(seed, seed_tree):
    """Published records cannot be deleted, so the copy goes in as another department."""
    other = {"name": "另一单位", "short_name": "另一", "slug": "other"}
    exported = json.loads(exports.tree_json(seed_export(seed)))
    exported["department"] |= other
    exported["disclosure"]["title"] = "另一单位2024年公开"
    copy_of = load_disclosure_tree(exported, publish=True).disclosure
    expected = copy.deepcopy(seed_tree)
    expected["department"] |= other
    expected["disclosure"]["title"] = "另一单位2024年公开"
    assert without_publication(seed_export(copy_of)) == expected


def test_publication_block_states_revision_totals_and_findings(seed):
    node = seed_export(seed)["projects"][0]
    block = node["publication"]
    project = Project.objects.get(sequence=1)
    assert block["revision"] == 1
    assert block["status"] == "published"
    assert block["url"] == project.get_revision_url()
    assert Decimal(block["itemised_total_yuan"]) == project.itemised_total
    assert len(block["findings"]) == project.finding_count
    assert {"code", "severity", "where", "message"} <= set(block["findings"][0])


def test_tree_json_is_stable_and_readable(seed):
    first = exports.tree_json(seed_export(seed))
    assert first == exports.tree_json(seed_export(seed))
    assert "干部教育培训专项资金".encode() in first  # not \\u-escaped


def test_lines_csv_has_one_row_per_line_with_context(seed):
    projects = selectors.with_tree(Project.objects.published()).order_by("sequence")
    text = "".join(exports.lines_csv(projects))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header, body = rows[0], rows[1:]
    assert header == exports.LINE_COLUMNS
    assert len(body) == LineItem.objects.count()
    by_number = {(r[2], r[5], r[7]): dict(zip(header, r, strict=True)) for r in body}
    child = by_number[("1", "1", "1.1")]
    assert child["明细名称"] == "慰问金"
    assert child["计算式"] == "200人×500元×2节"
    assert child["因子"].startswith("200人（")
    assert child["申报金额（元）"] == "200000.00"
    assert child["计算金额（元）"] == "200000.00"
    assert child["金额原文"] == "20万元"


def test_lines_csv_sums_match_the_roll_up(seed):
    """An auditor summing top-level rows per project gets the itemised total on the page."""
    projects = list(selectors.with_tree(Project.objects.published()).order_by("sequence"))
    rows = list(csv.DictReader(io.StringIO("".join(exports.lines_csv(projects)).lstrip("\ufeff"))))
    for project in projects:
        top = [
            r for r in rows if r["项目序号"] == str(project.sequence) and "." not in r["明细编号"]
        ]
        total = sum(Decimal(r["申报金额（元）"] or r["计算金额（元）"] or "0") for r in top)
        expected = sum(
            (rollups.line_amount(line) or Decimal(0))
            for sub in selectors.project_data(project).sub_items
            for line in sub.lines
        )
        assert total == expected
