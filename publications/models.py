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
