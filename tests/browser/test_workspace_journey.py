"""A new clerk enters the seed's project 2 in Chromium without a manual, on the project's one
editor: four sub-items with their lines, a 其中 line, a rate of another line, a milestone,
and the text's own inconsistency kept as 原文如此. The reviewer finds it on the start page,
sees what it is and publishes it; the published page says what the text says.

The journey's page loads and form posts are counted and kept here: a change that makes entry
longer fails this test. Every staff page of the journey passes axe (WCAG 2.1 AA)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from projects.models import Department, Disclosure, LineItem, Project, Region, SourceNote, Status
from projects.roles import CLERK, REVIEWER

from .conftest import watch_policy_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "乡村振兴-2024-录入"
NAME = "引领乡村振兴工作经费"
# The journey's length: navigations (page loads, a post and its redirect counted once) and
# form posts, for the clerk and the reviewer together.
PAGE_LOADS = 12
FORM_POSTS = 6
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def department(db):
    region = Region.objects.create(name="澄江市")
    department = Department.objects.create(
        name="中共澄江市委组织部（录入练习）", short_name="练习", slug="practice", region=region
    )
    Disclosure.objects.create(
        department=department,
        fiscal_year=2024,
        title="中共澄江市委组织部2024年预算重点领域财政项目文本公开（录入练习）",
    )
    for username, role in (("clerk", CLERK), ("reviewer", REVIEWER)):
        user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        department.members.add(user)
    return department


class Journey:
    """Counts what a person's browser loads and posts, and checks each page with axe."""

    def __init__(self):
        self.loads = 0
        self.posts = 0
        self.inaccessible: list[str] = []

    def watch(self, page):
        page.on(
            "framenavigated",
            lambda frame: (
                setattr(self, "loads", self.loads + 1) if frame == page.main_frame else None
            ),
        )
        page.on(
            "request",
            lambda request: (
                setattr(self, "posts", self.posts + 1)
                if request.method == "POST" and request.is_navigation_request()
                else None
            ),
        )

    def audit(self, page):
        before = len(page.blocked)
        results = Axe().run(page, options={"runOnly": RULES})
        page.evaluate("0")  # a round trip: the console messages of the run have all arrived
        # axe-core sets inline styles while it measures contrast: those are its, not the page's.
        del page.blocked[before:]
        for violation in results.response["violations"]:
            self.inaccessible.append(f"{page.url}: {violation['id']} {violation['help']}")


def log_in(browser, base, username, journey):
    page = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900}).new_page()
    page.blocked = watch_policy_violations(page)
    journey.watch(page)
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def add(page, prefix: str, level: int) -> None:
    """Click the 添加另一个… link of a group of rows on the editor (level 1 is the page's)."""
    page.click(f"#{prefix}-group a.djn-add-handler.djn-level-{level}")


def fill(page, prefix: str, **fields) -> None:
    for name, value in fields.items():
        page.fill(f"#id_{prefix}-{name}", value)


def save(page) -> None:
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1, page.content()[:3000]


def enter_the_project(page) -> None:
    """The text of project 2, in its order, on one page."""
    page.click("#start-page a.addlink")
    page.click(".field-disclosure .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "录入练习")
    page.click(".select2-results__option:has-text('录入练习')")
    page.fill("#id_sequence", "2")
    page.fill("#id_name", NAME)
    page.fill("#id_basis_preamble", "根据")
    add(page, "citations", 1)
    fill(
        page,
        "citations-0",
        sequence="1",
        pasted="《澄江县党员关爱基金管理办法》（澄党建发〔2018〕3号）",
    )
    page.fill("#id_implementing_unit", "中共澄江市委组织部")
    page.fill("#id_declared_total", "400万")
    page.fill("#id_declared_total_text", "400万元")
    page.fill("#id_funding_text", "引领乡村振兴工作经费安排400万元。")
    page.fill("#id_outcomes", "以党建引领乡村振兴，推动基层党组织全面进步、全面过硬。")

    # Sub-item 1: a rate of basic pay (its base line first; the rate after the first save).
    add(page, "sub_items", 1)
    fill(page, "sub_items-0", sequence="1", name="村（社区）干部绩效补贴经费")
    fill(page, "sub_items-0", content="按村（社区）干部每月基本报酬的10%的标准核定绩效补贴。")
    fill(page, "sub_items-0", plan="村（社区）干部绩效补贴经费项目是一次性付款项目。")
    add(page, "sub_items-0-lines", 2)
    fill(page, "sub_items-0-lines-0", sequence="1", marker="①", name="每月基本报酬")
    fill(page, "sub_items-0-lines-0", declared_amount="52.8万")

    # Sub-item 2: 50万 for 2024 beside 74.28万 for 2023, of which 26万 from 玉溪市.
    add(page, "sub_items", 1)
    fill(page, "sub_items-1", sequence="2", name="2024年农村党员教育培训经费")
    fill(page, "sub_items-1", declared_amount="50万", declared_amount_text="50万元")
    fill(page, "sub_items-1", content="2023年共7428名农村党员，共补助74.28万，其中玉溪市"
         "财政下达的26万。2024年参照2023年计划，需预算农村党员教育培训经费50万元。")  # fmt: skip
    fill(page, "sub_items-1", plan="2024年农村党员教育培训经费项目是一次性付款项目。")
    add(page, "sub_items-1-lines", 2)
    fill(page, "sub_items-1-lines-0", sequence="1", name="农村党员教育培训经费")
    fill(page, "sub_items-1-lines-0", declared_amount="50万", amount_text="50万元")
    add(page, "sub_items-1-lines", 2)
    fill(page, "sub_items-1-lines-1", sequence="2", name="2023年农村党员教育培训补助")
    fill(page, "sub_items-1-lines-1", declared_amount="74.28万", amount_text="74.28万")
    fill(page, "sub_items-1-lines-1", formula="7428人×100元/人")
    page.check("#id_sub_items-1-lines-1-partial")
    add(page, "sub_items-1-lines-1-children", 3)
    fill(page, "sub_items-1-lines-1-children-0", sequence="1", name="玉溪市财政下达")
    fill(page, "sub_items-1-lines-1-children-0", declared_amount="26万", amount_text="26万")

    # Sub-item 5: two lines with their calculations, and a milestone.
    add(page, "sub_items", 1)
    fill(page, "sub_items-2", sequence="5", name="基层党建“四级联创”项目经费")
    fill(page, "sub_items-2", content="①“四级联创”现场会工作经费，共需24万元。②抓党建促乡村"
         "振兴工作经费，共需25万元。")  # fmt: skip
    fill(page, "sub_items-2", plan="基层党建“四级联创”项目经费项目是一次性付款项目，"
         "计划在2024年10月完成支出计划。")  # fmt: skip
    add(page, "sub_items-2-lines", 2)
    fill(page, "sub_items-2-lines-0", sequence="1", marker="①", name="“四级联创”现场会工作经费")
    fill(page, "sub_items-2-lines-0", declared_amount="24万", formula="12次×2万元")
    add(page, "sub_items-2-lines", 2)
    fill(page, "sub_items-2-lines-1", sequence="2", marker="②", name="抓党建促乡村振兴工作经费")
    fill(page, "sub_items-2-lines-1", declared_amount="25万", formula="5个×5万元")
    add(page, "sub_items-2-milestones", 2)
    fill(page, "sub_items-2-milestones-0", sequence="1", description="完成支出计划")
    fill(page, "sub_items-2-milestones-0", due_year="2024", due_month="10")

    # Sub-item 7: the text states no amount for it.
    add(page, "sub_items", 1)
    fill(page, "sub_items-3", sequence="7", name="党员教育培训及“智慧党建”工作经费")
    fill(page, "sub_items-3", content="开展新一轮党员和党组织书记培训轮训。")
    fill(page, "sub_items-3", plan="计划于2024年12月前完成。")
    save(page)


def test_a_new_clerk_enters_project_2_and_a_reviewer_publishes_it(
    live_server, browser, department, screenshot_dir
):
    base = live_server.url
    journey = Journey()
    clerk = log_in(browser, base, "clerk", journey)
    journey.audit(clerk)  # the start page
    enter_the_project(clerk)
    project = Project.objects.get(name=NAME)
    journey.audit(clerk)  # the editor, with the findings

    # The rate: 10% of line ① of the same sub-item, entered as the text puts it.
    add(clerk, "sub_items-0-lines", 2)
    fill(clerk, "sub_items-0-lines-1", sequence="2", marker="②", name="绩效补贴")
    fill(clerk, "sub_items-0-lines-1", declared_amount="5.28万", formula="①×10%")
    save(clerk)
    rate = LineItem.objects.get(sub_item__project=project, name="绩效补贴")
    assert rate.declared_amount == Decimal("52800.00")
    partial = LineItem.objects.get(sub_item__project=project, name="2023年农村党员教育培训补助")
    assert partial.partial and partial.children.get().declared_amount == Decimal("260000.00")
    # What is left: the text's own inconsistency (74.28万 beside a 50万 sub-item), nothing else.
    summary = clerk.locator(".field-findings").inner_text()
    assert "子项目2" in summary and "错误" in summary
    clerk.screenshot(path=str(screenshot_dir / "workspace-editor.png"), full_page=False)

    # Submitting: the error is kept as written, with where the text says so.
    clerk.click(".object-tools a:has-text('提交审核')")
    journey.audit(clerk)
    clerk.fill(
        ".source-note-field textarea",
        "原文子项目2写明2023年共补助74.28万，2024年预算50万元，两处原文如此。",
    )
    clerk.click("input[type=submit][value='提交审核']")
    clerk.wait_for_selector(".messagelist .success")
    assert Project.objects.get(pk=project.pk).status == Status.SUBMITTED
    assert SourceNote.objects.filter(project=project).count() == 1

    # The reviewer: the start page lists it, the project's page shows it, one post publishes.
    reviewer = log_in(browser, base, "reviewer", journey)
    waiting = reviewer.locator("#start-waiting").inner_text()
    assert NAME in waiting and "clerk" in waiting
    reviewer.click(f"#start-waiting a:has-text('{NAME}')")
    reviewer.click(".object-tools a:has-text('审核公开')")
    journey.audit(reviewer)
    assert "原文如此" in reviewer.locator("ul.findings").inner_text()
    reviewer.click("input[type=submit][value='审核公开']")
    reviewer.wait_for_selector(".messagelist .success")
    assert Project.objects.get(pk=project.pk).status == Status.PUBLISHED

    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(base + project.get_absolute_url())
    text = public.locator("main").inner_text()
    for said in (
        NAME,
        "澄党建发〔2018〕3号",
        "7428人 × 100元/人",
        "其中列出 1 项（部分）",
        "528000元 × 10%",
        "12次 × 2万元",
        "原文如此。预算单位说明：原文子项目2写明",
        "2024年10月",
    ):
        assert said in text, said
    public.screenshot(path=str(screenshot_dir / "workspace-published.png"), full_page=False)

    assert journey.inaccessible == []
    assert clerk.blocked == [], clerk.blocked
    assert reviewer.blocked == [], reviewer.blocked
    assert (journey.loads, journey.posts) == (PAGE_LOADS, FORM_POSTS)
