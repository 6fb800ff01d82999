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


def test_api_is_readable_from_another_origin(live_server, seed, page, tmp_path):
    # A page of another site (another port on this machine, with no policy of ours) reads the
    # API across origins; the portal's own pages may only connect to the portal itself.
    import functools
    import http.server
    import threading

    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>报道</title>", encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{other.server_address[1]}/")
        count = page.evaluate(
            "url => fetch(url).then(r => r.json()).then(body => body.count)",
            live_server.url + "/api/v1/projects?year=2024",
        )
    finally:
        other.shutdown()
    assert count == 2
