"""What a citizen sees in a real browser: the project page renders 汉字, sections and tables."""

import pytest

from projects.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_project_page_in_chromium(live_server, seed, page, screenshot_dir):
    project = Project.objects.published().get(sequence=1)
    page.goto(live_server.url + project.get_absolute_url())
    headings = page.locator("article h2").all_inner_texts()
    sections = [h for h in headings if h[:2] in {f"{n}、" for n in "一二三四五六七八"}]
    assert sections == [
        "一、项目名称",
        "二、立项依据",
        "三、项目实施单位",
        "四、项目基本概况",
        "五、项目实施内容",
        "六、资金安排情况",
        "七、项目实施计划",
        "八、项目实施成效",
    ]
    # The calculation table of sub-item 1 shows the 自助餐费 line with its factors.
    row = page.locator("table.calc tr", has_text="自助餐费").first
    assert "60人 × 100元 × 2天" in row.inner_text()
    # Amount cells are right-aligned, as figures in a Chinese budget table are.
    align = page.locator("table.calc td.num").first.evaluate("e => getComputedStyle(e).textAlign")
    assert align == "right"
    # The text is drawn with a real CJK font, not boxes: ask Chromium which platform font
    # rendered the project title's glyphs.
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    assert any("CJK" in font["familyName"] and font["glyphCount"] > 5 for font in fonts), fonts
    page.screenshot(path=str(screenshot_dir / "project-1.png"), full_page=True)


def test_phone_width_has_no_horizontal_page_scroll(live_server, seed, browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    project = Project.objects.published().get(sequence=2)
    page.goto(live_server.url + project.get_absolute_url())
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0
