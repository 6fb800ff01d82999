"""A stored PDF: rendered once from published records, kept through Django's storage API."""

from __future__ import annotations

from django.db import models

from projects.models import Disclosure, Project


class Kind(models.TextChoices):
    PROJECT = "project", "项目"
    DISCLOSURE = "disclosure", "公开文本"


class RenditionQuerySet(models.QuerySet):
    def published(self):
        """Renditions of public records: a project's public revisions; a disclosure's PDF of the
        live projects it was rendered from (checked by the caller through ``content_key``)."""
        return self.filter(
            models.Q(kind=Kind.PROJECT, project__in=Project.objects.published(True))
            | models.Q(kind=Kind.DISCLOSURE, disclosure__in=Disclosure.objects.published())
        )


class Rendition(models.Model):
    """One PDF of one published revision (``kind=project``), or of one department-year
    document as it stood with a given set of live revisions (``kind=disclosure``)."""

    kind = models.CharField(
        "类型", max_length=20, choices=Kind.choices, help_text="项目或公开文本。"
    )
    project = models.ForeignKey(
        Project,
        verbose_name="项目（版次）",
        on_delete=models.PROTECT,
        related_name="renditions",
        null=True,
        blank=True,
        help_text="类型为项目时，所渲染的那一版。",
    )
    disclosure = models.ForeignKey(
        Disclosure,
        verbose_name="公开文本",
        on_delete=models.PROTECT,
        related_name="renditions",
        help_text="所属的部门年度公开文本。",
    )
    content_key = models.CharField(
        "内容标识",
        max_length=64,
        help_text="所含各版次的 SHA-256 标识；公开文本的内容变了，标识随之改变。",
    )
    file = models.FileField("文件", max_length=300, upload_to="pdf/", help_text="存储中的 PDF。")
    size = models.PositiveBigIntegerField("大小（字节）", help_text="PDF 文件的字节数。")
    sha256 = models.CharField("SHA-256", max_length=64, help_text="PDF 文件的 SHA-256 摘要。")
    pages = models.PositiveIntegerField("页数", help_text="PDF 的页数。")
    attachments = models.JSONField(
        "附件", default=list, help_text="内嵌的数据文件：名称、字节数与 SHA-256。"
    )
    published_at = models.DateTimeField(
        "公开时间", help_text="所含版次的公开时间（公开文本取最晚的一项），也写入 PDF。"
    )
    rendered_at = models.DateTimeField("生成时间", auto_now_add=True, help_text="生成 PDF 的时间。")

    objects = RenditionQuerySet.as_manager()

    class Meta:
        verbose_name = "PDF 文件"
        verbose_name_plural = "PDF 文件"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "disclosure", "content_key"], name="rendition_unique_content"
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(kind="project"),
                name="rendition_one_per_revision",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="project", project__isnull=False)
                | models.Q(kind="disclosure", project__isnull=True),
                name="rendition_kind_matches_project",
            ),
        ]

    def __str__(self) -> str:
        return self.file.name


class JobStatus(models.TextChoices):
    QUEUED = "queued", "排队"
    RUNNING = "running", "生成中"
    DONE = "done", "已生成"
    FAILED = "failed", "失败"


class JobOrigin(models.TextChoices):
    PUBLISH = "publish", "公开时"
    READER = "reader", "首次下载"
    STAFF = "staff", "工作人员重试"


PENDING = (JobStatus.QUEUED, JobStatus.RUNNING)


class RenderJob(models.Model):
    """The rendering of one PDF in the job queue (``publications/jobs.py``): what staff see in
    the admin, and what makes a request for a missing PDF queue it once, not once per reader.

    One row per PDF, identified as its ``Rendition`` is (kind, department-year document,
    ``content_key``). A failing render is tried again after a pause that grows, a bounded
    number of times, then marked failed with its reason; staff may queue it again."""

    kind = models.CharField(
        "类型", max_length=20, choices=Kind.choices, help_text="项目或公开文本。"
    )
    project = models.ForeignKey(
        Project,
        verbose_name="项目（版次）",
        # A job means nothing without the record it renders (a published one cannot be
        # deleted anyway).
        on_delete=models.CASCADE,
        related_name="render_jobs",
        null=True,
        blank=True,
        help_text="类型为项目时，要生成 PDF 的那一版。",
    )
    disclosure = models.ForeignKey(
        Disclosure,
        verbose_name="公开文本",
        on_delete=models.CASCADE,
        related_name="render_jobs",
        help_text="所属的部门年度公开文本。",
    )
    content_key = models.CharField(
        "内容标识", max_length=64, help_text="与所生成 PDF 的内容标识相同：所含各版次的 SHA-256。"
    )
    status = models.CharField(
        "状态",
        max_length=20,
        choices=JobStatus.choices,
        default=JobStatus.QUEUED,
        help_text=(
            "排队：等待后台任务；生成中：正在生成；已生成：PDF 已保存；失败：多次重试仍未生成。"
        ),
    )
    origin = models.CharField(
        "来源",
        max_length=20,
        choices=JobOrigin.choices,
        default=JobOrigin.READER,
        help_text="最近一次排队的原因：公开时、读者首次下载，或工作人员重试。",
    )
    attempts = models.PositiveSmallIntegerField(
        "已尝试次数", default=0, help_text="本轮已开始生成的次数；工作人员重试时从零算起。"
    )
    ticket = models.PositiveIntegerField(
        "排队序号",
        default=0,
        help_text="每次排队加一；队列里早先的任务凭它认出自己已被取代，不再运行。",
    )
    error = models.TextField(
        "失败原因", blank=True, help_text="最近一次生成失败的原因；生成成功后清空。"
    )
    run_after = models.DateTimeField(
        "计划时间", help_text="最早在此时间生成；失败后重试会推迟，间隔逐次加长。"
    )
    started_at = models.DateTimeField(
        "开始时间", null=True, blank=True, help_text="最近一次开始生成的时间。"
    )
    finished_at = models.DateTimeField(
        "结束时间", null=True, blank=True, help_text="最近一次生成完成或最终失败的时间。"
    )
    rendition = models.ForeignKey(
        Rendition,
        verbose_name="PDF 文件",
        # The file's record outlives its job's; `render_pdfs --force` replaces records.
        on_delete=models.SET_NULL,
        related_name="render_jobs",
        null=True,
        blank=True,
        help_text="生成并保存的 PDF。",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True, help_text="首次排队的时间。")
    updated_at = models.DateTimeField(
        "更新时间", auto_now=True, help_text="状态最近一次变化的时间。"
    )

    class Meta:
        verbose_name = "PDF 生成任务"
        verbose_name_plural = "PDF 生成任务"
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "disclosure", "content_key"], name="renderjob_one_per_pdf"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="project", project__isnull=False)
                | models.Q(kind="disclosure", project__isnull=True),
                name="renderjob_kind_matches_project",
            ),
        ]
        indexes = [models.Index(fields=["status", "-updated_at"], name="renderjob_status_idx")]

    def __str__(self) -> str:
        if self.kind == Kind.PROJECT:
            return f"{self.project.name}（第{self.project.revision}版）的 PDF"
        return f"{self.disclosure.title}的 PDF"
