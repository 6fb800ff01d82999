"""A data journalist's walk in Chromium: project page → its data links → the open-data page →
the API documentation, with axe-core on each page; and a cross-origin fetch of the API from
another page, as a notebook or a newsroom chart would make it."""

import pytest

from projects.models import Project
from tests.browser.test_citizen_journey import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_journalist_finds_the_data_and_the_api_docs(live_server, seed, page):
    project = Project.objects.published().get(sequence=1)
    problems = {}
    page.goto(live_server.url + project.get_absolute_url())
    links = page.locator("p.data-downloads a")
    assert links.count() >= 3
    assert links.nth(2).get_attribute("href").endswith("/r1/data.xlsx")
    page.click("p.data-downloads >> text=开放数据说明")
    page.wait_for_selector("h1:has-text('开放数据')")
    problems["index"] = serious_violations(page)
    page.click("text=接口说明")
    page.wait_for_selector("h1:has-text('接口说明')")
    assert page.locator("section.api-operation").count() == 8
    problems["api-docs"] = serious_violations(page)
    assert {name: found for name, found in problems.items() if found} == {}


def test_api_is_readable_from_another_origin(live_server, seed, page):
    # Another origin: the same server under another host name is enough for the browser.
    other = live_server.url.replace("localhost", "127.0.0.1")
    if other == live_server.url:
        other = live_server.url.replace("127.0.0.1", "localhost")
    page.goto(other + "/data/")
    count = page.evaluate(
        "url => fetch(url).then(r => r.json()).then(body => body.count)",
        live_server.url + "/api/v1/projects?year=2024",
    )
    assert count == 2
