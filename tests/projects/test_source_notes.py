"""Errors the published text itself contains (原文如此): kept with the unit's explanation, seen by
the reviewer and the public, and nothing else let through.

The seed's project 2 declares 400万元 in 六、资金安排情况 against 972.9424万元 itemised in 五:
a real error of the source, which a clerk entering it as written must be able to submit.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from budget.checks import PROJECT_ITEMISED_OVER_DECLARED, Severity
from projects import selectors, workflow
from projects.admin_workflow import note_field
from projects.models import FrozenRevisionError, LineItem, Project, SourceNote, Status
from projects.roles import CLERK, REVIEWER
from tests.accounts import staff_client

pytestmark = pytest.mark.django_db

EXPLANATION = "原文资金安排情况一节写明安排400万元，与各子项目合计不一致，按原文录入。"


def as_in_source(draft: Project) -> Project:
    """The draft with the source's own total (400万元) and no notes yet."""
    Project.objects.filter(pk=draft.pk).update(declared_total=Decimal("4000000.00"))
    SourceNote.objects.filter(project=draft).delete()
    return Project.objects.get(pk=draft.pk)


def the_error(project: Project):
    (error,) = [f for f in workflow.findings(project) if f.severity == Severity.ERROR]
    assert error.code == PROJECT_ITEMISED_OVER_DECLARED
    return error


def test_an_error_kept_as_written_is_submitted_published_and_shown(client, draft, users):
    draft = as_in_source(draft)
    with pytest.raises(workflow.WorkflowError, match="原文如此"):
        workflow.submit(draft, users["clerk"])

    error = the_error(draft)
    workflow.keep_as_written(draft, {error.key: f"  {EXPLANATION}\n"})
    note = SourceNote.objects.get(project=draft)
    assert (note.code, note.place, note.message) == error.key
    assert note.explanation == EXPLANATION  # trimmed
    assert not the_error(draft).blocking

    workflow.submit(draft, users["clerk"])
    workflow.publish(draft, users["reviewer"], explanation="计划节点年份原文如此。")

    page = client.get(draft.get_absolute_url()).content.decode()
    assert error.message in page
    assert "原文如此。</strong>预算单位说明：" + EXPLANATION in page
    body = client.get(f"/api/v1/projects/{draft.lineage}").json()["project"]
    (finding,) = [f for f in body["publication"]["findings"] if f["severity"] == "error"]
    assert finding["source_note"] == EXPLANATION
    assert body["source_notes"] == [
        {
            "code": error.code,
            "place": "project::declared_total",
            "message": error.message,
            "explanation": EXPLANATION,
        }
    ]


def test_a_note_answers_only_the_figures_it_was_written_for(draft, users):
    draft = as_in_source(draft)
    workflow.keep_as_written(draft, {the_error(draft).key: EXPLANATION})
    Project.objects.filter(pk=draft.pk).update(declared_total=Decimal("3000000.00"))
    reopened = the_error(draft)
    assert reopened.blocking  # another figure, another message: the note does not answer it
    with pytest.raises(workflow.WorkflowError, match="错误"):
        workflow.submit(draft, users["clerk"])
    # A note for a finding the checks no longer make is not stored, and nothing is lost.
    workflow.keep_as_written(draft, {("other_code", "project::", "x"): "说明"})
    assert SourceNote.objects.filter(project=draft).count() == 1


def test_notes_that_answer_nothing_are_dropped_at_submission(draft, users):
    draft = as_in_source(draft)
    workflow.keep_as_written(draft, {the_error(draft).key: EXPLANATION})
    Project.objects.filter(pk=draft.pk).update(declared_total=draft.itemised_total)
    workflow.submit(draft, users["clerk"])
    assert not SourceNote.objects.filter(project=draft).exists()


def test_an_empty_explanation_takes_the_note_back(draft, users):
    draft = as_in_source(draft)
    key = the_error(draft).key
    workflow.keep_as_written(draft, {key: EXPLANATION})
    workflow.keep_as_written(draft, {key: "   "})
    assert not SourceNote.objects.filter(project=draft).exists()
    assert the_error(draft).blocking


def test_a_note_with_hidden_characters_is_refused(draft):
    draft = as_in_source(draft)
    with pytest.raises(workflow.WorkflowError, match="原文如此说明"):
        workflow.keep_as_written(draft, {the_error(draft).key: "原文\x00如此"})
    assert not SourceNote.objects.filter(project=draft).exists()


def test_the_notes_are_part_of_what_is_submitted(draft, users):
    draft = as_in_source(draft)
    key = the_error(draft).key
    workflow.keep_as_written(draft, {key: EXPLANATION})
    before = selectors.content_digest(draft)
    workflow.keep_as_written(draft, {key: EXPLANATION + "另见附件。"})
    assert selectors.content_digest(draft) != before
    # A note written by a reviewer makes them one of the revision's editors (four eyes).
    with_reviewer = SourceNote.objects.get(project=draft)
    with_reviewer._history_user = users["reviewer"]
    with_reviewer.explanation = EXPLANATION
    with_reviewer.save()
    workflow.submit(draft, users["clerk"])
    with pytest.raises(workflow.WorkflowError, match="四眼"):
        workflow.publish(draft, users["reviewer"], explanation="说明")


def test_the_seed_states_its_own_errors_and_a_correction_keeps_them(seed, users):
    for project in selectors.with_tree(Project.objects.published()):
        found = selectors.project_findings(project)
        assert [f for f in found if f.blocking] == []
        noted = {f.key for f in found if f.source_note}
        assert {(n.code, n.place, n.message) for n in project.source_notes.all()} == noted
        assert noted  # each of the two seed projects has its total over the declared one

    live = Project.objects.published().get(sequence=2)
    correction = workflow.create_correction(live, users["clerk"])
    assert [n.explanation for n in correction.source_notes.all()] == [
        n.explanation for n in live.source_notes.all()
    ]
    workflow.submit(correction, users["clerk"])  # refused before notes existed
    workflow.publish(
        correction, users["reviewer"], explanation="原文如此。", correction_note="核对后重新公开。"
    )
    assert Project.objects.published().get(sequence=2).pk == correction.pk


def test_a_published_revisions_notes_never_change(seed):
    project = Project.objects.published().get(sequence=1)
    note = project.source_notes.get()
    note.explanation = "改写"
    with pytest.raises(FrozenRevisionError):
        note.save()
    with pytest.raises(FrozenRevisionError):
        SourceNote(
            project=project, code="x", place="project::", message="m", explanation="e"
        ).save()
    if connection.vendor != "postgresql":
        return
    for sql, params in (
        ("UPDATE projects_sourcenote SET explanation = 'x' WHERE id = %s", [note.pk]),
        ("DELETE FROM projects_sourcenote WHERE id = %s", [note.pk]),
        (
            "INSERT INTO projects_sourcenote (project_id, code, place, message, explanation)"
            " VALUES (%s, 'x', 'project::', 'm', 'e')",
            [project.pk],
        ),
    ):
        with pytest.raises(DatabaseError, match="已公开的修订版"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql, params)


# --- in the admin ----------------------------------------------------------------------------


def test_the_clerk_writes_the_note_beside_the_error_and_the_reviewer_reads_it(
    django_user_model, draft
):
    draft = as_in_source(draft)
    department = draft.disclosure.department
    clerk = staff_client(django_user_model, "clerk", CLERK, department)
    reviewer = staff_client(django_user_model, "reviewer", REVIEWER, department)
    submit = reverse("admin:projects_project_workflow", args=[draft.pk, "submit"])
    error = the_error(draft)
    field = note_field(error)

    page = clerk.get(submit).content.decode()
    assert f'name="{field}"' in page
    assert page.index(error.message) < page.index(f'name="{field}"')  # beside its error
    change = clerk.get(reverse("admin:projects_project_change", args=[draft.pk]))
    assert "原文如此" in change.content.decode()  # the project page says where to state it

    refused = clerk.post(submit, {field: ""})
    assert refused.status_code == 200 and "原文如此" in refused.content.decode()
    assert Project.objects.get(pk=draft.pk).status == Status.DRAFT

    hidden = clerk.post(submit, {field: "原文\u202e如此"})
    assert hidden.status_code == 200
    assert "原文\u202e如此" in hidden.content.decode()  # what was typed is still there
    assert not SourceNote.objects.filter(project=draft).exists()

    assert clerk.post(submit, {field: EXPLANATION}).status_code == 302
    assert Project.objects.get(pk=draft.pk).status == Status.SUBMITTED
    assert SourceNote.objects.get(project=draft).explanation == EXPLANATION

    publish = reverse("admin:projects_project_workflow", args=[draft.pk, "publish"])
    page = reviewer.get(publish).content.decode()
    assert "原文如此</strong>（录入员说明）：" + EXPLANATION in page
    assert 'name="note_' not in page  # the reviewer reads the note, and cannot change it


def test_a_note_survives_a_submission_that_fails(django_user_model, draft):
    """Two errors, one explained: the submission is refused and the explanation is kept."""
    draft = as_in_source(draft)
    line = LineItem.objects.filter(sub_item__project=draft).exclude(formula="").first()
    line.declared_amount += Decimal("1.00")
    line.save()
    clerk = staff_client(django_user_model, "clerk", CLERK, draft.disclosure.department)
    submit = reverse("admin:projects_project_workflow", args=[draft.pk, "submit"])
    errors = [f for f in workflow.findings(draft) if f.severity == Severity.ERROR]
    assert len(errors) == 2
    total = next(f for f in errors if f.code == PROJECT_ITEMISED_OVER_DECLARED)
    response = clerk.post(
        submit, {note_field(f): "" for f in errors} | {note_field(total): EXPLANATION}
    )
    assert response.status_code == 200
    assert Project.objects.get(pk=draft.pk).status == Status.DRAFT
    assert SourceNote.objects.get(project=draft).explanation == EXPLANATION
    assert EXPLANATION in clerk.get(submit).content.decode()  # shown again, filled in
