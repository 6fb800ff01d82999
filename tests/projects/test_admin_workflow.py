"""The lifecycle through the admin, as a clerk and a reviewer of one department would take it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from projects.models import Department, Project, Status
from projects.roles import CLERK, REVIEWER
from tests.accounts import staff_client

pytestmark = pytest.mark.django_db


def step_url(project, step):
    return reverse("admin:projects_project_workflow", args=[project.pk, step])


@pytest.fixture
def staff(django_user_model, draft):
    department = draft.disclosure.department
    elsewhere = Department.objects.create(
        name="另一单位", slug="elsewhere", region=department.region
    )
    return {
        "clerk": staff_client(django_user_model, "clerk", CLERK, department),
        "reviewer": staff_client(django_user_model, "reviewer", REVIEWER, department),
        "stranger": staff_client(django_user_model, "stranger", REVIEWER, elsewhere),
    }


def test_clerk_submits_reviewer_publishes_then_a_correction(staff, draft):
    change = reverse("admin:projects_project_change", args=[draft.pk])
    page = staff["clerk"].get(change).content.decode()
    assert step_url(draft, "submit") in page
    assert step_url(draft, "publish") not in page

    assert staff["clerk"].get(step_url(draft, "submit")).status_code == 200
    response = staff["clerk"].post(step_url(draft, "submit"))
    assert response.status_code == 302
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED

    assert staff["clerk"].post(step_url(draft, "publish")).status_code == 403
    assert staff["stranger"].post(step_url(draft, "publish")).status_code == 404

    refused = staff["reviewer"].post(step_url(draft, "publish"), {"explanation": ""})
    assert refused.status_code == 200 and "警告" in refused.content.decode()
    response = staff["reviewer"].post(step_url(draft, "publish"), {"explanation": "已核实。"})
    assert response.status_code == 302
    published = Project.objects.get(pk=draft.pk)
    assert published.status == Status.PUBLISHED and published.published_by.username == "reviewer"

    response = staff["clerk"].post(step_url(published, "correct"))
    correction = Project.objects.get(lineage=draft.lineage, revision=2)
    assert response["Location"] == reverse("admin:projects_project_change", args=[correction.pk])
    assert correction.status == Status.DRAFT


def test_reviewer_returns_with_a_comment_and_withdraws_with_a_reason(staff, draft):
    staff["clerk"].post(step_url(draft, "submit"))
    empty = staff["reviewer"].post(step_url(draft, "return"), {"comment": ""})
    assert empty.status_code == 200
    staff["reviewer"].post(step_url(draft, "return"), {"comment": "请补充测算依据。"})
    returned = Project.objects.get(pk=draft.pk)
    assert returned.status == Status.DRAFT and returned.review_comment == "请补充测算依据。"

    staff["clerk"].post(step_url(draft, "submit"))
    staff["reviewer"].post(step_url(draft, "publish"), {"explanation": "已核实。"})
    staff["reviewer"].post(step_url(draft, "withdraw"), {"reason": "项目已取消。"})
    withdrawn = Project.objects.get(pk=draft.pk)
    assert withdrawn.status == Status.WITHDRAWN and withdrawn.withdrawal_reason == "项目已取消。"


def test_a_step_from_the_wrong_state_says_why(staff, draft):
    response = staff["clerk"].post(step_url(draft, "correct"))
    assert response.status_code == 200
    assert "只有" in response.content.decode()
    assert Project.objects.filter(lineage=draft.lineage).count() == 1
    # A reviewer does not see a clerk's draft at all until it is submitted.
    assert staff["reviewer"].post(step_url(draft, "withdraw"), {"reason": "x"}).status_code == 404


def test_each_finding_links_to_the_place_to_fix_it(staff, draft):
    from decimal import Decimal
    from html.parser import HTMLParser

    from projects.models import LineItem

    # A line whose factors no longer give its amount, and a declared total below the items.
    line = (
        LineItem.objects.filter(sub_item__project=draft, factors__isnull=False)
        .order_by("pk")
        .first()
    )
    LineItem.objects.filter(pk=line.pk).update(declared_amount=line.declared_amount + 1)
    Project.objects.filter(pk=draft.pk).update(declared_total=Decimal("1.00"))

    class Links(HTMLParser):
        def __init__(self):
            super().__init__()
            self.inside, self.links = False, []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "ul" and attrs.get("class") == "findings":
                self.inside = True
            elif tag == "a" and self.inside:
                self.links.append(attrs["href"])

        def handle_endtag(self, tag):
            if tag == "ul":
                self.inside = False

    # On the project's editor, a finding links to its field in place, on the same page.
    editor = staff["clerk"].get(reverse("admin:projects_project_change", args=[draft.pk]))
    page = editor.content.decode()
    parser = Links()
    parser.feed(page)
    assert "#id_declared_total" in parser.links
    in_place = [link for link in parser.links if link.endswith("-declared_amount")]
    assert in_place, parser.links
    for link in parser.links:
        assert link.startswith("#"), link
        assert f'id="{link[1:]}"' in page, link
    # (the line changed is among the rows linked to; the seed's own lines may be too)
    rows = [link[len("#id_") : -len("-declared_amount")] for link in in_place]
    assert any(f'name="{row}-id" value="{line.pk}"' in page for row in rows), rows

    # Elsewhere (the submit page), it links to the page where the record is fixed.
    parser = Links()
    parser.feed(staff["clerk"].get(step_url(draft, "submit")).content.decode())
    line_page = reverse("admin:projects_lineitem_change", args=[line.pk])
    assert any(link.startswith(line_page) for link in parser.links), parser.links
    project_page = reverse("admin:projects_project_change", args=[draft.pk])
    assert f"{project_page}#id_declared_total" in parser.links
    for link in set(parser.links):
        page = staff["clerk"].get(link.split("#")[0])
        assert page.status_code == 200, link
        anchor = link.partition("#")[2]
        if anchor:
            assert f'id="{anchor}"' in page.content.decode(), link


def test_staff_preview_the_public_page_and_the_pdf_before_publishing(staff, draft):
    import io

    from pypdf import PdfReader

    preview = reverse("admin:projects_project_preview", args=[draft.pk])
    change = staff["clerk"].get(reverse("admin:projects_project_change", args=[draft.pk]))
    assert preview in change.content.decode()

    response = staff["clerk"].get(preview)
    assert response.status_code == 200
    text = response.content.decode()
    assert "预览，尚未公开" in text and draft.name in text and "noindex" in text
    # The page body is the public one: its eight sections and the line tables.
    assert "二、立项依据" in text and "五、" in text
    assert "no-store" in response["Cache-Control"]
    # Another department's reviewer does not see it.
    assert staff["stranger"].get(preview).status_code == 404

    pdf = staff["clerk"].get(reverse("admin:projects_project_preview_pdf", args=[draft.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "no-store" in pdf["Cache-Control"]
    reader = PdfReader(io.BytesIO(pdf.content))
    first = reader.pages[0].extract_text()
    assert draft.name in first.replace("\n", "")
    assert not Project.objects.get(pk=draft.pk).published_at  # nothing was stored

    # Once published, the public page is the preview.
    assert staff["clerk"].post(step_url(draft, "submit")).status_code == 302
    staff["reviewer"].post(step_url(draft, "publish"), {"explanation": "已核实。"})
    assert Project.objects.get(pk=draft.pk).status == Status.PUBLISHED
    assert staff["reviewer"].get(preview).status_code == 404


def test_the_publish_page_asks_to_explain_only_a_warning(staff, draft):
    from projects.models import Milestone

    Milestone.objects.filter(sub_item__project=draft).update(due_year=2024)  # no 警告 left
    staff["clerk"].post(step_url(draft, "submit"))
    page = staff["reviewer"].get(step_url(draft, "publish")).content.decode()
    assert 'name="explanation"' not in page
    response = staff["reviewer"].post(step_url(draft, "publish"), {"correction_note": ""})
    assert response.status_code == 302
    assert Project.objects.get(pk=draft.pk).status == Status.PUBLISHED


def test_the_publish_page_asks_to_explain_a_warning(staff, draft):
    staff["clerk"].post(step_url(draft, "submit"))
    page = staff["reviewer"].get(step_url(draft, "publish")).content.decode()
    assert 'name="explanation"' in page and "对“警告”的说明" in page
