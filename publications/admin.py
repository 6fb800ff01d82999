"""The PDFs' render jobs in the admin: each one's state (排队 / 生成中 / 已生成 / 失败), the
reason a render failed, and a way to queue it again. Staff see the jobs of the departments
they are members of, as they see those departments' projects (superusers see all)."""

from __future__ import annotations

from csp.decorators import csp_exempt
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django_tasks_db.models import DBTaskResult

from projects import admin as projects_admin
from projects.admin import sees_every_department
from projects.models import Project

from . import jobs, render
from .models import Kind, RenderJob

# The queue's own rows (django-tasks-db registers an English page for them) are plumbing:
# staff follow the jobs here, and `manage.py prune_db_task_results` clears old rows.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)

UNCHANGED = "任务正在排队、生成中或已生成，未作改动。"


@admin.register(RenderJob)
class RenderJobAdmin(admin.ModelAdmin):
    list_display = ["document", "status", "attempts", "reason", "updated_at", "file"]
    list_filter = ["status", "kind", "origin"]
    list_select_related = ["project", "disclosure__department", "rendition"]
    search_fields = ["disclosure__title", "project__name"]
    actions = ["retry_selected"]
    fields = [
        "document",
        "kind",
        "status",
        "origin",
        "attempts",
        "error",
        "run_after",
        "started_at",
        "finished_at",
        "created_at",
        "updated_at",
        "file",
        "content_key",
    ]
    readonly_fields = fields
    change_form_template = "admin/publications/renderjob/change_form.html"

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related(*self.list_select_related)
        if sees_every_department(request.user):
            return queryset
        return queryset.filter(disclosure__department__in=request.user.departments.all())

    # Whoever may read projects may see how their PDFs are coming along and queue a failed
    # one again (it renders the same published records again: nothing changes but the file).
    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm("projects.view_project")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_retry_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="文件")
    def document(self, job: RenderJob) -> str:
        department = job.disclosure.department
        where = f"{department.short_name or department.name}{job.disclosure.fiscal_year}年"
        if job.kind == Kind.PROJECT:
            project = job.project
            return f"{where} 项目{project.sequence} {project.name}（第{project.revision}版）"
        return f"{where} 公开文本（全文）"

    @admin.display(description="失败原因")
    def reason(self, job: RenderJob) -> str:
        return truncatechars(job.error, 60) if job.error else "—"

    @admin.display(description="PDF")
    def file(self, job: RenderJob):
        if job.rendition is None:
            return "—"
        return format_html("{} 页，{} KB", job.rendition.pages, (job.rendition.size + 1023) // 1024)

    @admin.action(description="重新生成所选 PDF", permissions=["retry"])
    def retry_selected(self, request, queryset):
        queued = sum(jobs.retry(job) for job in queryset)
        left = queryset.count() - queued
        if queued:
            self.message_user(request, f"已重新排队 {queued} 个 PDF 生成任务。", messages.SUCCESS)
        if left:
            self.message_user(
                request,
                f"{left} 个{UNCHANGED}",
                messages.WARNING,
            )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/retry/",
                self.admin_site.admin_view(self.retry_view),
                name="publications_renderjob_retry",
            ),
            *super().get_urls(),
        ]

    def retry_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_retry_permission(request):
            raise PermissionDenied
        job = self.get_object(request, object_id)
        if job is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if jobs.retry(job):
            self.message_user(request, "已重新排队，稍后刷新本页查看进度。", messages.SUCCESS)
        else:
            self.message_user(request, UNCHANGED, messages.WARNING)
        return redirect(reverse("admin:publications_renderjob_change", args=[job.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "retryable": job is not None
            and self.has_retry_permission(request)
            and jobs.retryable(job),
        }
        return super().change_view(request, object_id, form_url, extra_context)


class PdfPreview:
    """The PDF app's part of a project's admin: the PDF of a draft or a submission, exactly
    as publishing would render it now, not stored. (The projects app draws the preview page
    and links to it by name; it does not import this app.)"""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/preview/pdf/",
                # A PDF, not an HTML page: the page policy does not apply.
                self.admin_site.admin_view(csp_exempt()(self.preview_pdf_view)),
                name="projects_project_preview_pdf",
            ),
            *super().get_urls(),
        ]

    def preview_pdf_view(self, request, object_id):
        project = self._previewed(request, object_id)  # scoped, drafts and submissions only
        project.published_at = timezone.now()  # what the PDF will print; never saved
        pdf = render.project_pdf(project)
        response = HttpResponse(pdf.content, content_type="application/pdf")
        name = f"预览-{render.project_stem(project)}.pdf"
        response["Content-Disposition"] = content_disposition_header(False, name)
        return response


class ProjectAdmin(PdfPreview, projects_admin.ProjectAdmin):
    pass


admin.site.unregister(Project)
admin.site.register(Project, ProjectAdmin)
