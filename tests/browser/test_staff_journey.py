"""A clerk and a reviewer of one department take a small project from entry to publication in
Chromium, as they would without a manual: the clerk enters it (amounts as 1.2万, a line's
calculation 60人×100元×2天, a citation pasted as written), previews and submits it; the
reviewer publishes it; the public page and its PDF show it. Then a correction is entered and
published, and the public comparison of the two revisions shows what changed."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from pypdf import PdfReader

from projects.models import Department, Disclosure, PolicyDocument, Project, Region, Status
from projects.roles import CLERK, REVIEWER
from tests.jobs import run_queued_jobs

from .conftest import watch_policy_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "慰问经费-2024-审核"
CITATION = "《云南省老干部政治待遇的八项制度规定》（云办发〔2006〕1号）"
NAME = "离退休干部走访慰问经费"


@pytest.fixture
def department(db):
    region = Region.objects.create(name="测试市")
    department = Department.objects.create(
        name="中共测试市委老干部局", short_name="测试市委老干部局", slug="test-lgb", region=region
    )
    Disclosure.objects.create(
        department=department,
        fiscal_year=2024,
        title="中共测试市委老干部局2024年预算重点领域财政项目文本公开",
    )
    User = get_user_model()
    for username, role in (("clerk", CLERK), ("reviewer", REVIEWER)):
        user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        department.members.add(user)
    return department


def log_in(browser, base: str, username: str):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.blocked = watch_policy_violations(page)
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def choose(page, field: str, typed: str, option: str) -> None:
    """Pick an option of an autocomplete (select2) field by typing part of it."""
    page.click(f".field-{field} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", typed)
    page.click(f".select2-results__option:has-text('{option}')")


def save_and_continue(page) -> None:
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()


def take_step(page, label: str, **fields) -> None:
    page.click(f".object-tools a:has-text('{label}')")
    for selector, value in fields.items():
        page.fill(f"#id_{selector}", value)
    page.click(f"input[type=submit][value='{label}']")
    refused = ".errornote[role=alert]"  # the step page again, saying why
    page.wait_for_load_state()
    assert page.locator(f".messagelist .success, {refused}").count(), page.content()[:4000]
    assert page.locator(refused).count() == 0, page.locator(refused).all_inner_texts()


def edit_line(page, project: Project, amount: str, formula: str) -> None:
    """In the project's one editor, the calculation line of its sub-item, in place."""
    row = "sub_items-0-lines-0"
    if page.locator(f"#id_{row}-name").count() == 0:
        page.click(
            "#sub_items-0-lines-group a.djn-add-handler.djn-level-2.djn-model-projects-lineitem"
        )
        page.fill(f"#id_{row}-sequence", "1")
        page.fill(f"#id_{row}-name", "慰问品")
    page.fill(f"#id_{row}-declared_amount", amount)
    page.fill(f"#id_{row}-formula", formula)
    save_and_continue(page)


def test_clerk_enters_reviewer_publishes_then_a_correction(
    live_server, browser, department, screenshot_dir, settings
):
    base = live_server.url
    clerk = log_in(browser, base, "clerk")

    # The clerk enters the project, a citation pasted as written and one sub-item.
    clerk.goto(f"{base}/admin/projects/project/add/")
    choose(clerk, "disclosure", "老干部", "2024年预算重点领域财政项目文本公开")
    clerk.fill("#id_sequence", "1")
    clerk.fill("#id_name", NAME)
    clerk.fill("#id_implementing_unit", "中共测试市委老干部局")
    clerk.fill("#id_basis_preamble", "根据")
    clerk.fill("#id_declared_total", "1.2万")
    clerk.fill("#id_outcomes", "让离退休干部感受到组织的关怀。")
    clerk.click("#citations-group .add-row a")
    clerk.fill("#id_citations-0-sequence", "1")
    clerk.fill("#id_citations-0-pasted", CITATION)
    clerk.click("#sub_items-group a.djn-add-handler.djn-level-1.djn-model-projects-subitem")
    clerk.fill("#id_sub_items-0-sequence", "1")
    clerk.fill("#id_sub_items-0-name", "春节走访慰问")
    clerk.fill("#id_sub_items-0-declared_amount", "12,000.00")
    clerk.fill("#id_sub_items-0-content", "春节前走访慰问离退休干部60人。")
    clerk.fill("#id_sub_items-0-plan", "2024年1月完成走访。")
    save_and_continue(clerk)
    project = Project.objects.get(name=NAME)
    assert project.declared_total == 12000
    document = PolicyDocument.objects.get(document_number="云办发〔2006〕1号")
    assert document.title == "云南省老干部政治待遇的八项制度规定"
    # The only citation, its separator left at the default: nothing after it (no "》、").
    assert project.citations.get().separator == ""

    edit_line(clerk, project, "1.2万", "60人×100元×2天")
    assert project.sub_items.get().lines.get().factors.count() == 3
    clerk.goto(f"{base}/admin/projects/project/{project.pk}/change/")
    assert "未发现问题" in clerk.locator(".field-findings").inner_text()
    clerk.screenshot(path=str(screenshot_dir / "staff-entry.png"), full_page=True)

    # The clerk looks at the page the public will see, then submits.
    clerk.click(".object-tools a:has-text('预览公开页面')")
    clerk.wait_for_selector(".preview-banner")
    assert "60人" in clerk.content() and "云办发〔2006〕1号" in clerk.content()
    clerk.screenshot(path=str(screenshot_dir / "staff-preview.png"), full_page=False)
    clerk.go_back()
    take_step(clerk, "提交审核")
    assert Project.objects.get(pk=project.pk).status == Status.SUBMITTED

    # The reviewer of the department publishes it.
    reviewer = log_in(browser, base, "reviewer")
    reviewer.goto(f"{base}/admin/projects/project/{project.pk}/change/")
    take_step(reviewer, "审核公开")  # no 警告: nothing to explain, no field for it
    project.refresh_from_db()
    assert project.status == Status.PUBLISHED and project.published_by.username == "reviewer"

    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(base + project.get_absolute_url())
    text = public.locator("main").inner_text()
    assert NAME in text and "春节走访慰问" in text and "云南省老干部政治待遇的八项制度规定" in text
    public.screenshot(path=str(screenshot_dir / "staff-published.png"), full_page=False)
    # The PDF is rendered by the worker: its first reader is told so, on a page that refreshes
    # itself into the download once the PDF is there (here after 1 s), and only once.
    settings.PDF_PENDING_RETRY_SECONDS = 1
    downloads = []
    public.on("download", lambda download: downloads.append(download))
    public.goto(f"{base}/projects/{project.lineage}/pdf/")
    assert "PDF 正在生成" in public.locator("main").inner_text()
    public.screenshot(path=str(screenshot_dir / "pdf-pending.png"), full_page=False)
    with public.expect_download(timeout=15_000):
        run_queued_jobs()
    public.wait_for_timeout(1500)  # past the next refresh, were there one
    assert len(downloads) == 1
    first_page = PdfReader(downloads[0].path()).pages[0].extract_text().replace("\n", "")
    assert NAME in first_page
    assert "PDF 正在生成" in public.locator("main").inner_text()  # the page stays as it was

    # A correction: two days become three; the clerk enters it, the reviewer publishes it.
    clerk.goto(f"{base}/admin/projects/project/{project.pk}/change/")
    take_step(clerk, "创建更正版本")
    correction = Project.objects.get(lineage=project.lineage, revision=2)
    assert clerk.url.endswith(f"/admin/projects/project/{correction.pk}/change/")
    clerk.fill("#id_declared_total", "1.8万")
    clerk.fill("#id_sub_items-0-declared_amount", "1.8万")
    save_and_continue(clerk)
    edit_line(clerk, correction, "18000", "60人×100元×3天")
    clerk.goto(f"{base}/admin/projects/project/{correction.pk}/change/")
    take_step(clerk, "提交审核")
    reviewer.goto(f"{base}/admin/projects/project/{correction.pk}/change/")
    take_step(reviewer, "审核公开", correction_note="慰问天数由2天更正为3天。")
    assert Project.objects.get(pk=project.pk).status == Status.SUPERSEDED

    public.goto(base + project.get_absolute_url())
    assert "慰问天数由2天更正为3天。" in public.locator("main").inner_text()
    public.click("a:has-text('与第1版比较')")
    compared = public.locator("main").inner_text()
    assert "六、申报总额" in compared and "1.2万元" in compared and "1.8万元" in compared
    # The changed figure of the calculation is marked: 2 deleted, 3 inserted.
    assert public.locator("main del", has_text="2").count() >= 1
    assert public.locator("main ins", has_text="3").count() >= 1
    public.screenshot(path=str(screenshot_dir / "staff-compare.png"), full_page=True)
    # The admin (autocompletes, inlines, previews) works under the strict policy.
    assert clerk.blocked == [] and reviewer.blocked == []
