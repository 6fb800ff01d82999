"""The home page: the latest publications, not every project (at 100,000 projects listing them
all took 16 s), totals by department and year, and the way to the full list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.models import Status
from projects.selectors import LATEST
from tests.projects.factories import DisclosureFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_the_latest_publications_and_links_to_all(
    client, django_assert_max_num_queries
):
    disclosure = DisclosureFactory()
    now = timezone.now()
    projects = [
        ProjectFactory(
            disclosure=disclosure,
            sequence=n,
            name=f"第{n:02d}号测试项目",
            status=Status.PUBLISHED,
            published_at=now - timedelta(days=n),
        )
        for n in range(1, LATEST + 6)
    ]
    ProjectFactory(disclosure=disclosure, sequence=99, name="未公开的草稿", status=Status.DRAFT)
    with django_assert_max_num_queries(4):  # the versions, the latest, the totals
        html = client.get(reverse("projects:home")).content.decode()
    shown = [p.name for p in projects if p.name in html]
    assert shown == [p.name for p in projects[:LATEST]]  # newest first, LATEST of them
    assert html.index(projects[0].name) < html.index(projects[1].name)
    assert "未公开的草稿" not in html
    assert f'href="{reverse("projects:projects")}"' in html
    assert f'<td class="num">{LATEST + 5}</td>' in html  # the totals count every project
