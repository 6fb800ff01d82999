"""A citizen's walk on a phone and a PC: home → search → project → registry, with axe-core
checking every public page for serious or critical WCAG violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from projects.models import Project

from .conftest import watch_policy_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


def serious_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("device", VIEWPORTS)
def test_home_search_project_registry(live_server, seed, browser, device, screenshot_dir):
    context = browser.new_context(locale="zh-CN", viewport=VIEWPORTS[device])
    page = context.new_page()
    blocked = watch_policy_violations(page)
    problems = {}

    def check(name):
        page.screenshot(path=str(screenshot_dir / f"journey-{device}-{name}.png"), full_page=False)
        found = serious_violations(page)
        if found:
            problems[name] = found

    page.goto(live_server.url + "/")
    check("home")
    page.fill("input[name=q]", "慰问金")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("mark", has_text="慰问金").count() >= 1
    check("search")
    page.click("ol.results a >> nth=0")
    page.wait_for_selector("article.project")
    assert "干部教育培训专项资金" in page.locator("h1").inner_text()
    check("project")
    page.click("a.citation >> nth=0")
    page.wait_for_selector("text=引用本文件的已公开项目")
    check("document")
    page.goto(live_server.url + "/documents/")
    check("registry")
    page.goto(live_server.url + "/projects/?has_findings=true")
    check("list")
    page.goto(live_server.url + Project.objects.first().disclosure.get_absolute_url())
    check("disclosure")
    context.close()
    assert problems == {}
    assert blocked == [], blocked  # nothing the Content-Security-Policy had to stop
