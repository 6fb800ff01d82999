"""The 导入公开文本 page: a clerk uploads Word, PDF, Excel or text files of project texts, checks
each value beside the line of the file it was read from, corrects it or cancels, and confirms
to get drafts (``projects/ingest.py``). The uploaded file is kept with its SHA-256 and can be
downloaded from its page by staff of its department."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.validators import URLValidator
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from budget.amounts import format_yuan
from sourcefiles.read import ACCEPT

from . import ingest
from .models import Department, SourceFile, Status
from .roles import reviews_only

# Each file is read by a job in the worker; a few at a time keeps a clerk's queue short.
MAX_FILES = 5
# A file still 识别中 after this long: its worker was stopped; the page says so.
READING_PATIENCE_SECONDS = 600


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, each checked as Django checks one (its documented way)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        one = super().clean
        if isinstance(data, list | tuple):
            return [one(item, initial) for item in data] or [one(None, initial)]
        return [one(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="公开文本文件",
        help_text="可一次选择多个文件（最多 5 个）：Word（.docx）、PDF（不超过 100 页）、"
        "Excel（.xlsx）或文本（.txt），每个不超过 20 MB。旧版 .doc、.xls 请先另存为 .docx、.xlsx。",
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )


class ConfirmForm(forms.Form):
    department = forms.ModelChoiceField(Department.objects.none(), label="预算单位")
    fiscal_year = forms.IntegerField(label="预算年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="公开文本标题", max_length=200)
    source_published_on = forms.DateField(
        label="原文公开日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="文本在原处公开的日期；与本站公开日期分开显示。",
    )
    source_url = forms.URLField(
        label="原文网址",
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],  # as the loader accepts
    )

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments


def _departments(user):
    if user.is_superuser:
        return Department.objects.order_by("name")
    return user.departments.order_by("name")


@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "format",
        "state",
        "department",
        "uploaded_by",
        "uploaded_at",
        "short_hash",
    ]
    list_filter = ["state"]
    search_fields = ["name", "sha256"]
    ordering = ["-uploaded_at"]

    @admin.display(description="SHA-256")
    def short_hash(self, obj):
        return f"{obj.sha256[:16]}…"

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("department", "uploaded_by")
        if request.user.is_superuser:
            return queryset
        # Uploads waiting for confirmation are their uploader's alone; imported files are the
        # source of their department's projects, for its staff (reviewers and auditors
        # compare the records with them).
        waiting = queryset.filter(state__in=SourceFile.WAITING, uploaded_by=request.user)
        imported = queryset.filter(
            state=SourceFile.State.IMPORTED, department__in=request.user.departments.all()
        )
        if reviews_only(request.user):
            # As with the projects: a reviewer sees them once the clerk has submitted them.
            imported = imported.exclude(projects__status=Status.DRAFT)
        return (waiting | imported).distinct()

    def has_change_permission(self, request, obj=None):
        return False  # what was read is corrected in the preview, the rest in the editor

    def has_delete_permission(self, request, obj=None):
        # An imported file is the drafts' source, kept for the audit; only an upload still
        # waiting for confirmation can go (its 取消导入 button removes the file too).
        if obj is not None and obj.state not in SourceFile.WAITING:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        return {}  # no bulk deletion: each cancellation removes its file

    def delete_model(self, request, obj):
        ingest.cancel(obj)

    def get_urls(self):
        return [
            path(
                "<int:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="projects_sourcefile_preview",
            ),
            path(
                "<int:object_id>/download/",
                self.admin_site.admin_view(self.download_view),
                name="projects_sourcefile_download",
            ),
            *super().get_urls(),
        ]

    def _record(self, request, object_id) -> SourceFile:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request), pk=object_id)

    @staticmethod
    def _go(request, url: str):
        """A redirect; to the page's upload script, the address as JSON, so that the
        messages are shown on the page it opens, not spent on a hidden request."""
        if request.headers.get("X-Requested-With") == "XMLHttpRequest":
            return JsonResponse({"redirect": url})
        return HttpResponseRedirect(url)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(
            reverse("admin:projects_sourcefile_preview", args=[object_id])
            if str(object_id).isdigit()
            else reverse("admin:projects_sourcefile_changelist")
        )

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        refused: list[tuple[str, str]] = []
        if request.method == "POST" and form.is_valid():
            uploads = form.cleaned_data["files"]
            if len(uploads) > MAX_FILES:
                form.add_error("files", f"一次最多上传 {MAX_FILES} 个文件。")
            else:
                received = []
                for upload in uploads:
                    try:
                        data = upload.read(ingest.MAX_BYTES + 1)
                        received.append(ingest.receive(upload.name, data, request.user))
                    except ingest.IngestError as error:
                        refused.append((upload.name, str(error)))
                for name, problem in refused:
                    messages.error(request, f"“{name}”未能读取：{problem}")
                if len(received) == 1 and not refused:
                    return self._go(
                        request,
                        reverse("admin:projects_sourcefile_preview", args=[received[0].pk]),
                    )
                if received:
                    messages.success(
                        request,
                        f"已上传 {len(received)} 个文件，识别完成后请逐个核对并确认导入。",
                    )
                    return self._go(request, reverse("admin:projects_sourcefile_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "导入公开文本",
            "form": form,
            "max_files": MAX_FILES,
        }
        return TemplateResponse(request, "admin/projects/sourcefile/upload.html", context)

    def _cancel(self, request, record):
        if not self.has_delete_permission(request, record):
            raise PermissionDenied
        try:
            ingest.cancel(record)
        except ingest.IngestError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.path)
        messages.success(request, f"已取消导入“{record.name}”，文件未保留。")
        return HttpResponseRedirect(reverse("admin:projects_sourcefile_changelist"))

    def _waiting_view(self, request, record):
        """The page of a file being read (it refreshes itself until the worker is done) or
        that could not be read (the reason, and a button to remove the entry)."""
        if request.method == "POST" and "cancel" in request.POST:
            return self._cancel(request, record)
        waited = (timezone.now() - record.uploaded_at).total_seconds()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"核对导入：{record.name}",
            "record": record,
            "stalled": waited > READING_PATIENCE_SECONDS,
            "can_cancel": self.has_delete_permission(request, record),
        }
        return TemplateResponse(request, "admin/projects/sourcefile/waiting.html", context)

    def preview_view(self, request, object_id):
        record = self._record(request, object_id)
        if request.method == "GET" and request.headers.get("X-Requested-With") == "XMLHttpRequest":
            waited = (timezone.now() - record.uploaded_at).total_seconds()
            return JsonResponse(  # the waiting page's question
                {"state": record.state, "stalled": waited > READING_PATIENCE_SECONDS}
            )
        if record.state in (SourceFile.State.READING, SourceFile.State.FAILED):
            return self._waiting_view(request, record)
        departments = _departments(request.user)
        data = ingest.preview(record)
        head = {value.key: value for value in data["head"]}
        chosen = departments.filter(name=head["department"].value).first()
        if chosen is None and departments.count() == 1:
            chosen = departments.first()
        initial = {
            "department": chosen,
            "fiscal_year": head["fiscal_year"].value,
            "title": head["title"].value,
            "source_published_on": head["source_published_on"].value,
        }
        form = ConfirmForm(request.POST or None, initial=initial, departments=departments)
        corrections = {}
        for project in data["projects"]:
            typed = {}
            for value in project["values"]:
                field = f"p{project['sequence']}-{value.key}"
                if request.method == "POST":
                    typed[value.key] = request.POST.get(field, "")
            corrections[project["sequence"]] = typed
        # The projects staff left out (不导入此项目), by the preview's numbers; after the
        # import, those that were.
        dropped = (
            {int(number) for number in request.POST.getlist("drop") if number.isdigit()}
            if request.method == "POST" and record.state == SourceFile.State.PREVIEW
            else set(record.result.get("dropped", []))
        )
        if request.method == "POST" and "cancel" in request.POST:
            return self._cancel(request, record)
        if request.method == "POST" and record.state != SourceFile.State.PREVIEW:
            # (a second tab, a second press: what was imported stands, and the page says so)
            form.add_error(None, "该文件已导入，不能重复导入。")
        if request.method == "POST" and record.state == SourceFile.State.PREVIEW:
            if not self.has_add_permission(request):
                raise PermissionDenied
            if form.is_valid():
                try:
                    projects = ingest.confirm(
                        record,
                        department=form.cleaned_data["department"],
                        fiscal_year=form.cleaned_data["fiscal_year"],
                        title=form.cleaned_data["title"],
                        corrections=corrections,
                        user=request.user,
                        source_published_on=form.cleaned_data["source_published_on"],
                        source_url=form.cleaned_data["source_url"],
                        dropped=dropped,
                    )
                except ingest.IngestError as error:
                    form.add_error(None, str(error))
                else:
                    messages.success(
                        request,
                        format_html(
                            "已导入 {} 个项目，均为草稿（未公开），请在编辑页逐项核对后提交审核。",
                            len(projects),
                        ),
                    )
                    return HttpResponseRedirect(
                        reverse("admin:projects_project_change", args=[projects[0].pk])
                        if len(projects) == 1
                        else reverse("admin:projects_project_changelist")
                        + f"?disclosure__id__exact={projects[0].disclosure_id}"
                    )
        for project in data["projects"]:
            rows = []
            for value in project["values"]:
                if request.method == "POST":
                    shown = corrections[project["sequence"]].get(value.key, "")
                elif value.value is None:
                    shown = ""
                elif value.key == "declared_total":
                    shown = format_yuan(Decimal(value.value))
                else:
                    shown = value.value
                rows.append((value, shown))
            project["rows"] = rows
            project["dropped"] = project["sequence"] in dropped
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"核对导入：{record.name}",
            "record": record,
            "form": form,
            "data": data,
            "lines": record.result.get("lines", []),
            "unplaced_lines": {line["line"] for line in data["unplaced"]},
            "other_department": (
                head["department"].value
                if head["department"].value
                and not departments.filter(name=head["department"].value).exists()
                else ""
            ),
            "can_confirm": record.state == SourceFile.State.PREVIEW
            and self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/projects/sourcefile/preview.html", context)

    def download_view(self, request, object_id):
        record = self._record(request, object_id)
        if not record.file:
            raise Http404("文件无法读取，未保留。")
        response = FileResponse(record.file.open("rb"), as_attachment=True, filename=record.name)
        response["X-Content-Type-Options"] = "nosniff"
        return response
