"""The 导入公开文本 page: a clerk uploads a Word file, sees each value beside the line it came
from, corrects what was misread and confirms; drafts are made in the clerk's department, the
file is kept with its SHA-256 and named in the drafts' history. Bad files are refused in
Chinese with nothing stored; other departments see nothing of it."""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import Project, SourceFile, Status
from projects.roles import CLERK, REVIEWER
from tests.accounts import staff_client
from tests.jobs import run_queued_jobs

pytestmark = pytest.mark.django_db

ADD = reverse("admin:projects_sourcefile_add")

TEXT = [
    "某县交通运输局2024年预算重点领域财政项目文本公开",
    "一、项目名称",
    "农村公路养护经费",
    "二、立项依据",
    "《农村公路养护管理办法》（交通运输部令2015年第22号）。",
    "三、项目实施单位",
    "某县公路事业发展中心",
    "四、项目基本概况",
    "对全县农村公路开展日常养护。",
    "五、项目实施内容",
    "农村公路日常养护。按每公里每年1500元的标准，全县412公里，需资金61.8万元。",
    "六、资金安排情况",
    "项目资金61.8万元，全部为县级财政资金。",
]


def docx_bytes(lines=TEXT) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def upload(client, name: str, data: bytes, *, read: bool = True):
    """Post one file; then, unless ``read`` is false, let the worker read it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(ADD, {"files": [SimpleUploadedFile(name, data)]})
    if read:
        run_queued_jobs()
    return response


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def clerk(django_user_model, seed):
    return staff_client(django_user_model, "clerk", CLERK, seed.department)


def stored_files(media) -> list:
    return [path for path in media.rglob("*") if path.is_file()]


def test_a_clerk_uploads_checks_corrects_and_confirms(clerk, seed, media):
    data = docx_bytes()
    response = upload(clerk, "养护经费.docx", data)
    record = SourceFile.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:projects_sourcefile_preview", args=[record.pk])
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert record.file.read() == data
    assert (record.format, record.state, record.name) == ("docx", "preview", "养护经费.docx")

    page = clerk.get(response.url).content.decode()
    # Each value beside the line it was read from and where that line is in the file.
    assert 'value="农村公路养护经费"' in page
    assert "某县公路事业发展中心" in page and "第7段" in page
    assert 'value="618,000.00元"' in page and "第13段" in page
    assert record.sha256 in page
    # The sub-item, its calculation and the citation, each beside its line and place.
    details = page[page.index("import-details") :]
    assert "农村公路养护经费：618000.00元" in details
    assert "农村公路养护经费：618000.00元（412公里×1500元）" in details
    assert "按每公里每年1500元的标准" in details and "第11段" in details
    assert "《农村公路养护管理办法》（交通运输部令2015年第22号）" in details
    assert "第5段" in details

    form = {
        "department": seed.department.pk,
        "fiscal_year": "2024",
        "title": "某县交通运输局2024年预算重点领域财政项目文本公开",
        "p1-name": "农村公路日常养护经费",
        "p1-implementing_unit": "某县公路事业发展中心",
        "p1-declared_total": "62万",
        "source_published_on": "2024-03-01",
        "source_url": "https://www.example.gov.cn/zdly/2024.html",
        "confirm": "1",
    }
    response = clerk.post(reverse("admin:projects_sourcefile_preview", args=[record.pk]), form)
    assert response.status_code == 302
    # A clerk's drafts appended to a published disclosure never change what its public pages
    # say: the first publication is a new disclosure's, given when it is made.
    seed.refresh_from_db()
    assert (seed.source_published_on, seed.source_url) == (None, "")
    project = Project.objects.get(name="农村公路日常养护经费")
    # A draft, never published, in the clerk's department's disclosure, after its projects.
    assert project.status == Status.DRAFT
    assert project.disclosure == seed
    assert project.sequence == 3
    assert project.declared_total == Decimal("620000.00")
    assert project.declared_total_text == "62万"
    assert project.citations.count() == 1
    record.refresh_from_db()
    assert record.state == "imported" and list(record.projects.all()) == [project]
    # The draft's history names the file, and its history page links to it.
    first = project.history.earliest()
    assert record.sha256[:16] in first.history_change_reason
    history = clerk.get(reverse("admin:projects_project_history", args=[project.pk])).content
    assert reverse("admin:projects_sourcefile_download", args=[record.pk]).encode() in history
    download = clerk.get(reverse("admin:projects_sourcefile_download", args=[record.pk]))
    assert b"".join(download.streaming_content) == data
    # An imported file stays: it is the drafts' source.
    delete = reverse("admin:projects_sourcefile_delete", args=[record.pk])
    assert clerk.post(delete, {"post": "yes"}).status_code == 403
    assert SourceFile.objects.filter(pk=record.pk).exists()


def test_a_year_the_text_does_not_state_is_flagged_and_must_be_chosen(clerk, seed):
    upload(clerk, "无年份.docx", docx_bytes([TEXT[0].replace("2024年", ""), *TEXT[1:]]))
    record = SourceFile.objects.get()
    url = reverse("admin:projects_sourcefile_preview", args=[record.pk])
    page = clerk.get(url).content.decode()
    assert "预算年度未能识别" in page
    assert "novalidate" in page.split('<form method="post"')[1].split(">")[0]
    assert "{#" not in page and "{%" not in page  # (no template comment shown as text)
    response = clerk.post(url, {"department": seed.department.pk, "title": "标题", "confirm": "1"})
    assert response.status_code == 200
    # (said by the server, in Chinese: the form leaves checking to it, not to the browser,
    # which would say it in its own language)
    assert "这个字段是必填项" in response.content.decode()
    assert not Project.objects.filter(status=Status.DRAFT).exists()
    assert SourceFile.objects.get().state == "preview"


def test_a_wrong_amount_typed_in_the_preview_is_refused_and_nothing_is_made(clerk, seed):
    upload(clerk, "养护经费.docx", docx_bytes())
    record = SourceFile.objects.get()
    url = reverse("admin:projects_sourcefile_preview", args=[record.pk])
    form = {
        "department": seed.department.pk,
        "fiscal_year": "2024",
        "title": "标题",
        "p1-name": "农村公路养护经费",
        "p1-declared_total": "-5万",
        "confirm": "1",
    }
    response = clerk.post(url, form)
    assert response.status_code == 200
    assert "金额不能为负数" in response.content.decode()
    assert not Project.objects.filter(status=Status.DRAFT).exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("旧版.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "另存为"),
        ("空.txt", b"", "空文件"),
        ("图片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "不支持 .png"),
        ("乱码.txt", b"\xff" * 40, "无法识别文件编码"),
    ],
)
def test_a_bad_file_gets_a_chinese_message_and_nothing_is_stored(clerk, media, name, data, message):
    response = upload(clerk, name, data, read=False)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SourceFile.objects.exists()
    assert stored_files(media) == []


def test_a_file_is_read_by_the_worker_while_its_page_waits(clerk, media):
    response = upload(clerk, "养护经费.docx", docx_bytes(), read=False)
    record = SourceFile.objects.get()
    assert record.state == SourceFile.State.READING
    page = clerk.get(response.url).content.decode()
    assert "正在读取文件并识别项目" in page and "import-waiting.js" in page
    assert "确认导入为草稿" not in page
    # The page's script asks whether it is done.
    ask = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    assert clerk.get(response.url, **ask).json() == {"state": "reading", "stalled": False}
    run_queued_jobs()
    record.refresh_from_db()
    assert record.state == SourceFile.State.PREVIEW
    assert clerk.get(response.url, **ask).json() == {"state": "preview", "stalled": False}
    page = clerk.get(response.url).content.decode()
    assert 'value="农村公路养护经费"' in page and "import-waiting.js" not in page


def test_a_file_that_turns_out_unreadable_says_why_and_its_file_is_not_kept(
    clerk, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(clerk, "说明.txt", "这里只有一句话，没有项目。".encode())
    record = SourceFile.objects.get()
    assert record.state == SourceFile.State.FAILED
    assert stored_files(media) == []  # nothing of the file is kept
    page = clerk.get(response.url).content.decode()
    assert "未能读取：文本中没有找到任何项目" in page
    assert (
        clerk.get(reverse("admin:projects_sourcefile_download", args=[record.pk])).status_code
        == 404
    )
    # Its uploader removes the entry.
    clerk.post(response.url, {"cancel": "1"})
    assert not SourceFile.objects.exists()


def test_a_file_cancelled_before_it_is_read_is_not_read(
    clerk, media, django_capture_on_commit_callbacks
):
    response = upload(clerk, "养护经费.docx", docx_bytes(), read=False)
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(response.url, {"cancel": "1"})
    run_queued_jobs()  # the job finds nothing to read
    assert not SourceFile.objects.exists()
    assert stored_files(media) == []


def test_cancelling_removes_the_upload_and_its_file(
    clerk, media, django_capture_on_commit_callbacks
):
    upload(clerk, "养护经费.docx", docx_bytes())
    record = SourceFile.objects.get()
    assert len(stored_files(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(
            reverse("admin:projects_sourcefile_preview", args=[record.pk]), {"cancel": "1"}
        )
    assert response.status_code == 302
    assert not SourceFile.objects.exists()
    assert stored_files(media) == []


def test_several_files_at_once_each_get_a_preview_and_a_bad_one_is_named(clerk):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [
        SimpleUploadedFile("一.docx", docx_bytes()),
        SimpleUploadedFile(
            "二.docx", docx_bytes([TEXT[0], *TEXT[1:3], "三、项目实施单位", "某乡人民政府"])
        ),
        SimpleUploadedFile("坏.pdf", b"%PDF-1.7 broken"),
    ]
    response = clerk.post(ADD, {"files": files}, follow=True)
    run_queued_jobs()
    assert SourceFile.objects.count() == 2
    assert set(SourceFile.objects.values_list("state", flat=True)) == {"preview"}
    page = response.content.decode()
    assert "“坏.pdf”未能读取" in page
    assert "一.docx" in page and "二.docx" in page


def test_other_departments_and_reviewers_cannot_reach_an_upload(clerk, django_user_model, seed):
    from projects.models import Department, Region

    upload(clerk, "养护经费.docx", docx_bytes())
    record = SourceFile.objects.get()
    other = Department.objects.create(
        name="某县财政局",
        short_name="财政局",
        slug="other",
        region=Region.objects.create(name="某县"),
    )
    stranger = staff_client(django_user_model, "stranger", CLERK, other)
    for name in ("preview", "download"):
        url = reverse(f"admin:projects_sourcefile_{name}", args=[record.pk])
        assert stranger.get(url).status_code == 404
    assert (
        record.name
        not in stranger.get(reverse("admin:projects_sourcefile_changelist")).content.decode()
    )
    reviewer = staff_client(django_user_model, "reviewer", REVIEWER, seed.department)
    assert reviewer.get(ADD).status_code == 403


def confirm_form(seed, **more):
    return {
        "department": seed.department.pk,
        "fiscal_year": "2024",
        "title": "标题",
        "p1-name": "农村公路养护经费",
        "p1-implementing_unit": "某县公路事业发展中心",
        "p1-declared_total": "61.8万",
        "confirm": "1",
    } | more


def test_a_long_file_name_is_kept_and_confirming_twice_makes_one_set_of_drafts(clerk, seed):
    name = "某县交通运输局2024年预算重点领域财政项目文本公开（农村公路养护经费，终稿，已盖章）.docx"
    upload(clerk, name, docx_bytes())
    record = SourceFile.objects.get()
    assert record.name == name
    url = reverse("admin:projects_sourcefile_preview", args=[record.pk])
    assert clerk.post(url, confirm_form(seed)).status_code == 302
    again = clerk.post(url, confirm_form(seed))
    assert again.status_code == 200
    assert Project.objects.filter(name="农村公路养护经费").count() == 1
    reason = Project.objects.get(name="农村公路养护经费").history.earliest().history_change_reason
    assert record.sha256[:16] in reason


def test_the_page_script_gets_the_address_as_json_and_the_messages_wait_for_it(clerk):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [SimpleUploadedFile("一.docx", docx_bytes()), SimpleUploadedFile("坏.pdf", b"%PDF-1")]
    response = clerk.post(ADD, {"files": files}, headers={"X-Requested-With": "XMLHttpRequest"})
    assert response.json() == {"redirect": reverse("admin:projects_sourcefile_changelist")}
    page = clerk.get(response.json()["redirect"]).content.decode()
    assert "“坏.pdf”未能读取" in page


def test_an_administrator_without_the_import_role_cannot_read_uploads(
    clerk, django_user_model, seed
):
    from projects.roles import ADMINISTRATOR

    upload(clerk, "养护经费.docx", docx_bytes())
    record = SourceFile.objects.get()
    clerk.post(reverse("admin:projects_sourcefile_preview", args=[record.pk]), confirm_form(seed))
    administrator = staff_client(django_user_model, "admin2", ADMINISTRATOR, seed.department)
    for name in ("preview", "download"):
        url = reverse(f"admin:projects_sourcefile_{name}", args=[record.pk])
        assert administrator.get(url).status_code == 403


def test_a_reviewer_sees_an_imported_file_once_its_drafts_are_submitted(
    clerk, django_user_model, seed
):
    from projects import workflow

    upload(clerk, "养护经费.docx", docx_bytes())
    record = SourceFile.objects.get()
    preview = reverse("admin:projects_sourcefile_preview", args=[record.pk])
    reviewer = staff_client(django_user_model, "reviewer", REVIEWER, seed.department)
    assert reviewer.get(preview).status_code == 404  # waiting: the uploader's alone
    clerk.post(preview, confirm_form(seed))
    assert reviewer.get(preview).status_code == 404  # imported, still a draft
    project = Project.objects.get(name="农村公路养护经费")
    workflow.submit(project, django_user_model.objects.get(username="clerk"))
    assert reviewer.get(preview).status_code == 200


def test_a_new_disclosure_keeps_when_and_where_its_text_was_first_published(clerk, seed):
    from projects.models import Disclosure

    upload(clerk, "养护经费.docx", docx_bytes())
    record = SourceFile.objects.get()
    form = {
        "department": seed.department.pk,
        "fiscal_year": "2025",
        "title": "某县交通运输局2025年预算重点领域财政项目文本公开",
        "p1-name": "农村公路养护经费",
        "p1-implementing_unit": "某县公路事业发展中心",
        "p1-declared_total": "61.8万",
        "source_published_on": "2025-03-01",
        "source_url": "https://www.example.gov.cn/zdly/2025.html",
        "confirm": "1",
    }
    url = reverse("admin:projects_sourcefile_preview", args=[record.pk])
    assert clerk.post(url, form | {"source_url": "ftp://example.gov.cn/a"}).status_code == 200
    assert clerk.post(url, form).status_code == 302
    made = Disclosure.objects.get(fiscal_year=2025)
    assert str(made.source_published_on) == "2025-03-01"
    assert made.source_url == "https://www.example.gov.cn/zdly/2025.html"


def test_a_text_read_as_one_project_of_it_all_says_so_first(clerk, seed):
    """A news item with money but no project the importer can read gives a draft to work
    from, and the first thing the clerk is told is that it may hold several projects."""
    lines = [
        "河北围场600万补贴资金农民受益",
        "截至目前已经完成涉及全县9个乡镇的贫困村设施蔬菜建棚面积900亩，落实补助资金600万元。",
    ]
    upload(clerk, "新闻.docx", docx_bytes(lines))
    record = SourceFile.objects.get()
    assert record.state == SourceFile.State.PREVIEW
    page = clerk.get(reverse("admin:projects_sourcefile_preview", args=[record.pk]))
    flags = page.content.decode().split('<ul class="import-flags">')[1].split("</ul>")[0]
    first = flags.split("<li>")[1]
    assert "项目划分" in first and "请按原文逐一录入" in first
    assert "600万元" in flags  # the amount is flagged for checking too


def test_lines_kept_as_written_are_highlighted_in_the_preview(clerk):
    # A list of projects: the notice's words around it are kept with project 1, as written,
    # and listed for staff under 未归入字段的文字, each with its place in the file.
    lines = [
        "关于下达2024年衔接资金项目计划的通知",
        "1.甲村道路硬化项目,安排资金50万元。",
        "2.乙村饮水安全项目,安排资金30万元。",
        "请各乡镇抓紧组织实施。",
    ]
    upload(clerk, "计划.docx", docx_bytes(lines))
    record = SourceFile.objects.get()
    page = clerk.get(reverse("admin:projects_sourcefile_preview", args=[record.pk])).content
    page = page.decode()
    kept = page[page.index('id="unplaced"') :]
    assert "请各乡镇抓紧组织实施。" in kept and "第4段" in kept


def test_a_line_cut_in_pieces_is_listed_once_among_the_kept_lines(clerk):
    # A form's cells glued to their values on one line: cut a cell a line to be read, the
    # pieces no field took are the same line of the file, listed once.
    line = (
        "1、某市财政预算支出项目绩效目标自评表项目名称2021年人才培养培训一次性开办费"
        "项目实施单位某市急救中心项目主管单位某市卫生健康委员会项目负责人项目属性1、常年性口"
        "2、延续性口项目资金来源中央(万元)省、地(万元)本级(万元)合计(万元)执行率4.918.423.3"
    )
    upload(clerk, "自评表.txt", (line + "\n").encode())
    record = SourceFile.objects.get()
    page = clerk.get(reverse("admin:projects_sourcefile_preview", args=[record.pk])).content
    kept = page.decode()[page.decode().index('id="unplaced"') :].split("</ul>")[0]
    assert kept.count('href="#line-1"') == 1


def test_a_title_made_up_for_a_text_without_one_is_made_up_again_by_what_staff_chose(clerk, seed):
    # No title, no department, no year in the text: the title the importer gives it names
    # none; confirmed in the clerk's department and a year, it names those.
    line = "近日,某部门下达某项补助资金50万元,用于某村道路硬化项目。"
    upload(clerk, "无标题.txt", (line + "\n").encode())
    record = SourceFile.objects.get()
    made_up = record.result["tree"]["disclosure"]["title"]
    assert made_up == "预算重点领域财政项目文本公开"
    url = reverse("admin:projects_sourcefile_preview", args=[record.pk])
    clerk.post(url, confirm_form(seed, title=made_up, fiscal_year="2023"))
    (project,) = record.projects.all()
    assert project.disclosure.title == f"{seed.department.name}2023年预算重点领域财政项目文本公开"


def test_a_preview_stored_before_findings_had_a_kind_still_highlights_its_kept_lines():
    from projects.ingest import _kept_as_written

    old = {"severity": "info", "line": 4, "message": "这行文字不属于列表中的项目，已按原文保留…"}
    assert _kept_as_written(old)
    assert not _kept_as_written({"severity": "warning", "line": 2, "message": "金额未能识别"})
    assert _kept_as_written({"severity": "warning", "line": 9, "kind": "unplaced", "message": ""})
    # A section's line kept as written has no kind: its wording says so.
    assert _kept_as_written({"severity": "info", "kind": None, "message": "已按原文保留在八中"})
    assert not _kept_as_written({"severity": "info", "kind": "other", "message": "已按原文保留"})


def test_a_long_source_line_is_shown_cut_to_the_words_around_each_value_marked(clerk, seed):
    items = "".join(
        f"{n}、{name}小区,涉及居民{80 + n}户,楼宇{n}栋,建筑面积{n}000平方米,计划投资{amount}万元。"
        for n, (name, amount) in enumerate(
            [("天阳楼", "418"), ("城东商贸城", "251.6"), ("缫丝厂家属", "321")], 1
        )
    )
    text = f"2021年某市老旧小区改造项目\n某市2021年老旧小区改造项目包括:{items}\n"
    upload(clerk, "老旧小区.txt", text.encode())
    record = SourceFile.objects.get()
    page = clerk.get(reverse("admin:projects_sourcefile_preview", args=[record.pk])).content
    page = page.decode()
    assert "<mark>城东商贸城小区</mark>" in page and "<mark>251.6万元</mark>" in page
    # each cut to its own words: the second project's cell does not show the third's
    cell = page.split("<mark>城东商贸城小区</mark>", 1)[1].split("</td>", 1)[0]
    assert "缫丝厂" not in cell and cell.endswith("…")


def test_a_value_a_long_line_writes_twice_is_shown_beside_the_whole_line(clerk, seed):
    items = "".join(
        f"{n}、{name}小区,涉及居民{80 + n}户,楼宇{n}栋,建筑面积{n}000平方米,计划投资300万元。"
        for n, name in enumerate(["天阳楼", "城东商贸城", "缫丝厂家属"], 1)
    )
    text = f"2021年某市老旧小区改造项目\n某市2021年老旧小区改造项目包括:{items}\n"
    upload(clerk, "老旧小区.txt", text.encode())
    record = SourceFile.objects.get()
    page = clerk.get(reverse("admin:projects_sourcefile_preview", args=[record.pk])).content
    page = page.decode()
    assert "<mark>天阳楼小区</mark>" in page  # (a name written once is marked)
    assert "<mark>300万元</mark>" not in page  # (a sum written three times: the line whole)


def preview_of(clerk, name: str, data: bytes) -> str:
    """Upload ``data`` as ``name``, let the worker read it: the address of its preview."""
    upload(clerk, name, data)
    return reverse("admin:projects_sourcefile_preview", args=[SourceFile.objects.get().pk])


LIST = [
    "关于下达2024年衔接资金项目计划的通知",
    "1.甲村道路硬化项目,安排资金50万元。",
    "2.乙村饮水安全项目,安排资金30万元。",
    "3.丙村产业路项目,安排资金20万元。",
    "请各乡镇抓紧组织实施。",
]


def list_form(seed, **more):
    return {
        "department": seed.department.pk,
        "fiscal_year": "2024",
        "title": "标题",
        "p1-name": "甲村道路硬化项目",
        "p1-declared_total": "50万",
        "p2-name": "乙村饮水安全项目",
        "p2-implementing_unit": "乙村村民委员会",
        "p2-declared_total": "30万",
        "p3-name": "丙村产业路项目",
        "p3-declared_total": "20万",
        "confirm": "1",
    } | more


def test_a_project_staff_leave_out_is_not_imported_and_nothing_of_the_file_is_lost(clerk, seed):
    url = preview_of(clerk, "计划.docx", docx_bytes(LIST))
    page = clerk.get(url).content.decode()
    assert page.count('name="drop"') == 3 and "不导入此项目" in page
    # The first is left out, with a name emptied: a project not imported needs none.
    response = clerk.post(url, list_form(seed, drop=["1", "3"], **{"p1-name": ""}))
    assert response.status_code == 302
    assert not Project.objects.filter(name__in=["甲村道路硬化项目", "丙村产业路项目"]).exists()
    project = Project.objects.get(name="乙村饮水安全项目")
    # numbered after the disclosure's own projects, without a gap for the one left out
    assert project.name == "乙村饮水安全项目"
    assert project.sequence == project.disclosure.projects.count()
    # the words around the list, kept with the first project, stay with the first one kept
    assert "请各乡镇抓紧组织实施。" in project.outcomes
    reason = project.history.earliest().history_change_reason
    assert reason.endswith("预览中的项目1、3未导入")
    # and the file's page says which were left out
    page = clerk.get(url).content.decode()
    assert page.count("未导入</span>") == 2 and 'name="drop"' not in page


def test_leaving_out_every_project_is_refused_and_nothing_is_made(clerk, seed):
    url = preview_of(clerk, "计划.docx", docx_bytes(LIST))
    response = clerk.post(url, list_form(seed, drop=["1", "2", "3"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "请至少保留一个项目" in page
    assert page.count('name="drop" value="') == 3 and page.count(" checked>") == 3
    assert not Project.objects.filter(name__in=["甲村道路硬化项目", "乙村饮水安全项目"]).exists()
    assert SourceFile.objects.get().state == "preview"


def test_a_text_of_one_project_offers_nothing_to_leave_out(clerk):
    upload(clerk, "养护经费.docx", docx_bytes())
    record = SourceFile.objects.get()
    page = clerk.get(reverse("admin:projects_sourcefile_preview", args=[record.pk]))
    assert 'name="drop"' not in page.content.decode()


def test_a_second_confirmation_from_a_stale_page_says_the_file_was_imported(clerk, seed):
    url = preview_of(clerk, "计划.docx", docx_bytes(LIST))
    unit = {"p1-implementing_unit": "甲村村民委员会"}
    assert clerk.post(url, list_form(seed, drop=["3"], **unit)).status_code == 302
    # the same page sent again with other boxes ticked: nothing changes, the page says why
    again = clerk.post(url, list_form(seed, drop=["1", "2"], **unit)).content.decode()
    assert "该文件已导入，不能重复导入。" in again
    assert again.count("未导入</span>") == 1  # project 3, as imported
    assert Project.objects.filter(name="甲村道路硬化项目").exists()


def test_the_history_says_which_projects_were_left_out_within_its_hundred_characters():
    from projects.ingest import _left_out

    assert _left_out([1, 3], 60) == "，预览中的项目1、3未导入"
    said = _left_out(list(range(3, 41)), 50)
    assert len(said) <= 50 and said.endswith("等38个未导入") and "、2等" not in said
    assert said.startswith("，预览中的项目3、4、")


def test_leaving_out_the_first_project_moves_only_the_lines_kept_with_it(clerk, seed):
    # Each project's own notes (its heading line kept as written) stay its own: the kept
    # project gets none of the dropped one's, and nothing of its own twice.
    lines = [
        "某县农业农村局2024年预算重点领域财政项目文本公开",
        "一、甲村道路硬化工程",
        "项目名称：甲村道路硬化项目",
        "三、项目实施单位",
        "某县交通运输局",
        "六、资金安排情况",
        "项目总投资50万元。",
        "八、项目实施成效",
        "方便群众出行。",
        "二、乙村饮水安全巩固提升",
        "项目名称：乙村饮水工程",
        "三、项目实施单位",
        "某县水利局",
        "六、资金安排情况",
        "项目总投资30万元。",
        "八、项目实施成效",
        "保障饮水安全。",
    ]
    url = preview_of(clerk, "两个项目.docx", docx_bytes(lines))
    form = {
        "department": seed.department.pk,
        "fiscal_year": "2024",
        "title": "标题",
        "p2-name": "乙村饮水工程",
        "p2-implementing_unit": "某县水利局",
        "p2-declared_total": "30万",
        "drop": ["1"],
        "confirm": "1",
    }
    assert clerk.post(url, form).status_code == 302
    project = Project.objects.get(name="乙村饮水工程")
    assert "甲村" not in project.outcomes
    assert all(project.outcomes.count(line) <= 1 for line in project.outcomes.split("\n"))
