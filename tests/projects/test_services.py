"""Loading a disclosure tree: stored whole or not at all, with clear errors."""

import copy

import pytest

from projects.models import Project, Status
from projects.services import TreeError, load_disclosure_tree

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
    Project.objects.filter(sequence=1).update(status=Status.PUBLISHED)
    with pytest.raises(TreeError, match="非草稿"):
        load_disclosure_tree(seed_tree, replace=True)
