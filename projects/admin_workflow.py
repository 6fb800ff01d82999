"""The lifecycle in the admin: one page per step (submit, return, publish, withdraw, correct),
each a short form in front of the function in ``projects.workflow`` that does the work."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from budget.checks import Finding, Severity

from . import pagedoc, roles, selectors, workflow
from .models import FROZEN_STATUSES, Project, Status

# Where a finding about each kind of record is fixed: that record's own admin page.
_KIND_PAGES = {
    "sub_item": "admin:projects_subitem_change",
    "line": "admin:projects_lineitem_change",
    "milestone": "admin:projects_milestone_change",
    "citation": "admin:projects_citation_change",
    "funding_source": "admin:projects_fundingsource_change",
}
# Aliases of the checks' field names to the form fields on those pages.
_FORM_FIELDS = {"declared": "declared_amount", "title": "document"}


def finding_url(finding: Finding, project: Project, anchors: dict | None = None) -> str:
    """The admin page (and the field on it) where a finding is fixed. On the project's editor
    (``anchors``: the form prefix of each row on it, by finding kind and row id), the field
    in place on the same page."""
    location = finding.location
    name = _FORM_FIELDS.get(location.field, location.field)
    if anchors is not None:
        prefix = "" if location.kind == "project" else anchors.get((location.kind, location.ref))
        if prefix is not None:
            field = f"{prefix}-{name}" if prefix else name
            return f"#id_{field}" if name else f"#{prefix}"
    page = _KIND_PAGES.get(location.kind)
    if page is not None and location.ref is not None:
        return (
            f"{reverse(page, args=[location.ref])}#id_{name}"
            if name
            else reverse(page, args=[location.ref])
        )
    url = reverse("admin:projects_project_change", args=[project.pk])
    if location.kind == "funding_source":
        return f"{url}#funding_sources-group"
    return f"{url}#id_{name}" if name else url


@dataclass(frozen=True)
class Step:
    label: str
    start: Status
    role: str
    help: str


STEPS = {
    "submit": Step(
        "提交审核",
        Status.DRAFT,
        roles.CLERK,
        "提交后由本单位审核人员审核。核对发现的错误须先改正；原文即如此的，在该错误旁写明说明。",
    ),
    "return": Step("退回修改", Status.SUBMITTED, roles.REVIEWER, "退回给录入员修改，请写明意见。"),
    "publish": Step(
        "审核公开",
        Status.SUBMITTED,
        roles.REVIEWER,
        "公开后本版本不能再修改；核对警告须写明说明，公众会在核对结果旁看到。",
    ),
    "withdraw": Step(
        "撤回", Status.PUBLISHED, roles.REVIEWER, "撤回后项目不再公开；原因将向公众说明。"
    ),
    "correct": Step(
        "创建更正版本",
        Status.PUBLISHED,
        roles.CLERK,
        "复制本版本的全部内容为新的草稿，修改后再提交审核。",
    ),
}


def note_field(finding: Finding) -> str:
    """The form field of a finding's source note: named after what the note answers, so that
    a figure changed meanwhile gives another field and the old statement is not applied."""
    digest = hashlib.sha256("\0".join(finding.key).encode("utf-8")).hexdigest()
    return f"note_{digest[:16]}"


class StepForm(forms.Form):
    comment = forms.CharField(label="退回意见", widget=forms.Textarea, required=False)
    explanation = forms.CharField(
        label="对“警告”的说明",
        help_text="核对结果中标为“警告”的各项，公开前请说明原因；公众会在核对结果旁看到。",
        widget=forms.Textarea,
        required=False,
    )
    correction_note = forms.CharField(
        label="更正说明（更正版本必填）", widget=forms.Textarea, required=False
    )
    reason = forms.CharField(label="撤回原因", widget=forms.Textarea, required=False)

    FIELDS = {
        "return": ["comment"],
        "publish": ["explanation", "correction_note"],
        "withdraw": ["reason"],
    }

    def __init__(self, step: str, *args, findings=(), **kwargs):
        super().__init__(*args, **kwargs)
        warned = any(f.severity == Severity.WARNING for f in findings)
        for name in list(self.fields):
            if name not in self.FIELDS.get(step, []) or (name == "explanation" and not warned):
                # Nothing to explain, nothing to ask: the field shows only with a 警告.
                del self.fields[name]
        # Submitting: beside each error, the statement that the published text has it so.
        self.notes: dict[str, Finding] = {}
        if step == "submit":
            for finding in findings:
                if finding.severity == Severity.ERROR:
                    name = note_field(finding)
                    self.notes[name] = finding
                    self.fields[name] = forms.CharField(
                        label="原文如此说明",
                        help_text="原文即为此数时填写：说明原文哪里这样写（审核人员和公众会看到）；"
                        "录入有误的请改正，不要填写。",
                        required=False,
                        max_length=500,
                        initial=finding.source_note,
                        widget=forms.Textarea(attrs={"rows": 3}),
                    )

    def note_explanations(self) -> dict[tuple[str, str, str], str]:
        """The source notes as posted, by the key of the finding each answers."""
        return {finding.key: self.cleaned_data[name] for name, finding in self.notes.items()}

    def step_fields(self) -> list:
        """The fields of the step itself (the notes are drawn beside their findings)."""
        return [self[name] for name in self.fields if name not in self.notes]


def may_take(user, step: str) -> bool:
    return user.is_superuser or user.groups.filter(name=STEPS[step].role).exists()


def available_steps(user, project) -> list[tuple[str, Step]]:
    return [
        (name, step)
        for name, step in STEPS.items()
        if project.status == step.start and may_take(user, name)
    ]


class WorkflowAdminMixin:
    """For ProjectAdmin: the step pages and the buttons for them on the change page."""

    change_form_template = "admin/projects/project/change_form.html"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/workflow/<slug:step>/",
                self.admin_site.admin_view(self.workflow_view),
                name="projects_project_workflow",
            ),
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="projects_project_preview",
            ),
            *super().get_urls(),
        ]

    def _previewed(self, request, object_id) -> Project:
        """The draft or submitted revision, with its tree, if the user may see it."""
        project = self.get_object(request, object_id)  # scoped to the user's departments
        if project is None or project.status in FROZEN_STATUSES:
            # A published revision is previewed by its public page.
            raise Http404("没有找到可预览的草稿，或它不属于您所在的单位。")
        return selectors.with_tree(Project.objects.filter(pk=project.pk)).get()

    def preview_view(self, request, object_id):
        """The public page exactly as it will be, under a banner saying it is not public. (Its
        PDF, rendered as publishing would, is the PDF app's: ``publications.admin``.)"""
        project = self._previewed(request, object_id)
        context = {
            "project": project,
            "body": pagedoc.bodies([project])[0],
            "preview_pdf": reverse("admin:projects_project_preview_pdf", args=[project.pk]),
            "change_url": reverse("admin:projects_project_change", args=[project.pk]),
        }
        return TemplateResponse(request, "admin/projects/project/preview.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        project = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "workflow_steps": available_steps(request.user, project) if project else [],
            "previewable": project is not None and project.status not in FROZEN_STATUSES,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_view(self, request, object_id, step):
        if step not in STEPS:
            raise Http404("没有这个操作。")
        project = self.get_object(request, object_id)  # scoped to the user's departments
        if project is None:
            raise Http404("没有找到该项目，或它不属于您所在的单位。")
        if not may_take(request.user, step):
            raise PermissionDenied
        found = workflow.findings(project)
        form = StepForm(step, request.POST if request.method == "POST" else None, findings=found)
        if request.method == "POST" and form.is_valid():
            try:
                if form.notes:
                    # Stored even if the step then fails: what the clerk wrote is not lost.
                    workflow.keep_as_written(project, form.note_explanations())
                result = self._take(step, project, request.user, form.cleaned_data)
            except workflow.WorkflowError as error:
                form.add_error(None, str(error))
                found = workflow.findings(project)
            else:
                messages.success(request, f"“{project.name}”：{STEPS[step].label}完成。")
                return redirect(reverse("admin:projects_project_change", args=[result.pk]))
        notes = {finding.key: name for name, finding in form.notes.items()}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"{STEPS[step].label}：{project}",
            "project": project,
            "step": STEPS[step],
            "form": form,
            "findings": [
                (f, finding_url(f, project), form[notes[f.key]] if f.key in notes else None)
                for f in found
            ],
        }
        return TemplateResponse(request, "admin/projects/project/workflow.html", context)

    @staticmethod
    def _take(step: str, project, user, data):
        if step == "submit":
            return workflow.submit(project, user)
        if step == "return":
            return workflow.return_to_draft(project, user, data["comment"])
        if step == "publish":
            return workflow.publish(
                project,
                user,
                explanation=data.get("explanation", ""),
                correction_note=data["correction_note"],
            )
        if step == "withdraw":
            return workflow.withdraw(project, user, data["reason"])
        return workflow.create_correction(project, user)
