"""Fixtures of the staff workflow tests: staff accounts and a draft like the seed's project 2."""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth import get_user_model

from projects.models import Project
from projects.services import load_disclosure_tree


@pytest.fixture
def users(db):
    User = get_user_model()
    return {
        name: User.objects.create_user(name, password="x", is_staff=True)
        for name in ("clerk", "reviewer", "other")
    }


@pytest.fixture
def draft(seed_tree):
    """The seed's project 2 as a draft, in a department of its own."""
    tree = copy.deepcopy(seed_tree)
    tree["department"] |= {"name": "测试单位", "short_name": "测试", "slug": "test-unit"}
    tree["disclosure"]["title"] = "测试单位2024年预算重点领域财政项目文本公开"
    tree["projects"] = [tree["projects"][1] | {"sequence": 1}]
    load_disclosure_tree(tree)
    draft = Project.objects.get(disclosure__department__slug="test-unit")
    # The seed declares 400万元 against 972.9424万元 itemised, an error that blocks submission;
    # this draft states the itemised total, as a corrected entry would.
    Project.objects.filter(pk=draft.pk).update(
        declared_total=draft.itemised_total, declared_total_text=""
    )
    return Project.objects.get(pk=draft.pk)
