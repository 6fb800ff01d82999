"""A clerk with a neighbouring county's PDF and no manual: uploads it in Chromium, watches the
progress bar, sees each value beside the table row it came from, corrects the amount the
table left without a unit, leaves out a project already entered, and gets drafts. The pages
pass axe (WCAG 2.1 AA) and the page's Content-Security-Policy blocks nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe

from projects.models import Project, SourceFile, Status
from projects.roles import CLERK
from tests.accounts import staff_account
from tests.jobs import run_queued_jobs

from .conftest import watch_policy_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ROW = "<tr>" + "<td>{}</td>" * 6 + "</tr>"


def neighbours_pdf(path) -> None:
    from weasyprint import HTML

    rows = [
        ("序号", "项目名称", "建设地点", "建设内容", "投资规模", "责任单位"),
        ("1", "甲村道路硬化", "甲村", "硬化道路2公里", "120", "某镇人民政府"),
        ("2", "乙村饮水工程", "乙村", "新建管道3000米", "45.5", "某县水利局"),
        ("3", "丙村产业路", "丙村", "已另行录入", "30", "某镇人民政府"),
    ]
    html = (
        "<html><head><style>body{font-family:'Noto Sans CJK SC'} table{border-collapse:"
        "collapse} td{border:1px solid #000;padding:3px 6px}</style></head><body>"
        "<h3>2024年某县衔接资金项目计划表</h3>"
        "<table>" + "".join(ROW.format(*row) for row in rows) + "</table></body></html>"
    )
    HTML(string=html).write_pdf(path)


def test_a_clerk_imports_a_neighbours_pdf_and_corrects_what_it_left_open(
    browser, live_server, seed, django_user_model, tmp_path, settings, screenshot_dir
):
    settings.MEDIA_ROOT = tmp_path / "media"
    user, _ = staff_account(django_user_model, "newclerk", CLERK, seed.department)
    user.set_password("导入-2024-练习")
    user.save()
    pdf = tmp_path / "衔接资金项目计划.pdf"
    neighbours_pdf(pdf)

    page = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900}).new_page()
    blocked = watch_policy_violations(page)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "newclerk")
    page.fill("#id_password", "导入-2024-练习")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.click("text=导入公开文本")
    page.click(".object-tools a.addlink")  # 增加 导入公开文本: the upload form
    page.set_input_files("#id_files", str(pdf))
    assert page.locator(".upload-progress progress").count() == 1
    # Sent by the page's script, which shows the upload's progress, then follows the answer.
    with page.expect_request(lambda r: r.method == "POST" and r.resource_type == "xhr"):
        page.click("form[data-upload-progress] [type=submit]")
    page.wait_for_url("**/preview/")
    # The worker reads it; the page says so and refreshes itself until it is done.
    assert "正在读取文件并识别项目" in page.locator("[role=status]").inner_text()
    violations = Axe().run(page, options={"runOnly": RULES}).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in violations]
    run_queued_jobs()
    page.wait_for_selector("#p1", timeout=15_000)

    # The table says no unit: the amounts are left open and flagged, each beside its row.
    flagged = page.locator("tr.flagged")
    assert flagged.count() >= 2
    row = page.locator("#p1 tr", has_text="项目名称")
    assert row.locator("input").input_value() == "甲村道路硬化"
    assert "表1 第2行" in row.inner_text()
    violations = Axe().run(page, options={"runOnly": RULES}).response["violations"]
    assert not violations, [
        (v["id"], [n["target"] for n in v["nodes"]][:5], v["nodes"][0].get("failureSummary", ""))
        for v in violations
    ]
    page.screenshot(path=str(screenshot_dir / "import-preview.png"), full_page=True)

    page.fill("#p1-declared_total", "120万")
    page.fill("#p2-declared_total", "45.5万")
    # The third was entered by hand already: left out, and dimmed so the page shows it.
    opacity = "e => getComputedStyle(e).opacity"
    assert page.locator("#p3 tbody").evaluate(opacity) == "1"
    page.check("#p3 input[name=drop]")
    assert float(page.locator("#p3 tbody").evaluate(opacity)) < 1
    page.locator("#p3").screenshot(path=str(screenshot_dir / "import-preview-left-out.png"))
    page.click("input[name=confirm]")
    page.wait_for_url("**/project/**")
    assert page.locator(".messagelist .success").count() == 1

    drafts = Project.objects.filter(status=Status.DRAFT, disclosure=seed).order_by("sequence")
    assert [(p.name, p.implementing_unit, p.declared_total) for p in drafts] == [
        ("甲村道路硬化", "某镇人民政府", Decimal("1200000.00")),
        ("乙村饮水工程", "某县水利局", Decimal("455000.00")),
    ]
    assert SourceFile.objects.get().state == "imported"
    assert not blocked, blocked
