"""The lifecycle in the admin: one page per step (submit, return, publish, withdraw, correct),
each a short form in front of the function in ``projects.workflow`` that does the work."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import roles, workflow
from .models import Status


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
        "提交后由本单位审核人员审核；核对发现的错误须先改正。",
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


class StepForm(forms.Form):
    comment = forms.CharField(label="退回意见", widget=forms.Textarea, required=False)
    explanation = forms.CharField(label="对核对警告的说明", widget=forms.Textarea, required=False)
    correction_note = forms.CharField(
        label="更正说明（更正版本必填）", widget=forms.Textarea, required=False
    )
    reason = forms.CharField(label="撤回原因", widget=forms.Textarea, required=False)

    FIELDS = {
        "return": ["comment"],
        "publish": ["explanation", "correction_note"],
        "withdraw": ["reason"],
    }

    def __init__(self, step: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in self.FIELDS.get(step, []):
                del self.fields[name]


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
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        project = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "workflow_steps": available_steps(request.user, project) if project else [],
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
        form = StepForm(step, request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                result = self._take(step, project, request.user, data)
            except workflow.WorkflowError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"“{project.name}”：{STEPS[step].label}完成。")
                return redirect(reverse("admin:projects_project_change", args=[result.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"{STEPS[step].label}：{project}",
            "project": project,
            "step": STEPS[step],
            "form": form,
            "findings": workflow.findings(project),
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
                explanation=data["explanation"],
                correction_note=data["correction_note"],
            )
        if step == "withdraw":
            return workflow.withdraw(project, user, data["reason"])
        return workflow.create_correction(project, user)
