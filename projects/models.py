"""The disclosure domain: departments, yearly disclosures, projects and everything a project states.

Money is ``DecimalField(max_digits=16, decimal_places=2)`` in 元 (see ``AMOUNT``); 万元 is an input
and display unit only. A project row is one *revision*: revisions of the same project share a
``lineage``; at most one of them is published (live) at a time. What the public may see is
decided in one place, ``ProjectQuerySet.published()``; every other ``published()`` builds on it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from budget.docnumbers import DocNumberError, parse_doc_number
from budget.text import problem as text_problem

MAX_DIGITS = 16
DECIMAL_PLACES = 2


def amount_field(verbose_name: str, help_text: str, *, null: bool = False) -> models.DecimalField:
    """An amount in 元: 16 digits, 2 places."""
    return models.DecimalField(
        verbose_name,
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=null,
        blank=null,
        help_text=help_text,
    )


def non_negative(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=name,
        violation_error_message="金额不能为负数。",
    )


def staff_member(verbose_name: str, related_name: str, help_text: str) -> models.ForeignKey:
    """Who took a lifecycle step (left empty if the account is later deleted)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    PUBLISHED = "published", "已公开"
    SUPERSEDED = "superseded", "已被更正"
    WITHDRAWN = "withdrawn", "已撤回"


OPEN_STATUSES = (Status.DRAFT, Status.SUBMITTED)
# A revision that has been published never changes again: not its fields, not its children.
FROZEN_STATUSES = (Status.PUBLISHED, Status.SUPERSEDED, Status.WITHDRAWN)
# A submitted revision is locked while it waits for review: the reviewer publishes exactly what
# was submitted, or returns it to the clerk, who may then change it again.
LOCKED_STATUSES = (Status.SUBMITTED, *FROZEN_STATUSES)
# What may still change on a frozen project row: where it is in its lifecycle, the public reason
# for a withdrawal, and the summaries computed from its (unchanging) records.
FROZEN_MUTABLE_FIELDS = frozenset(
    {"status", "withdrawal_reason", "itemised_total", "finding_count", "updated_at"}
)
# What review writes on a submitted project row: none of it is the content that was submitted.
SUBMITTED_MUTABLE_FIELDS = FROZEN_MUTABLE_FIELDS | {
    "review_comment",
    "warning_explanation",
    "correction_note",
    "published_at",
    "published_by",
}
# The fields of a project row that record its lifecycle, not what the text says: everything
# else (and every row below it) is the content that review covers.
LIFECYCLE_FIELDS = SUBMITTED_MUTABLE_FIELDS | {
    "id",
    "lineage",
    "revision",
    "submitted_at",
    "submitted_by",
    "submitted_digest",
    "created_at",
}


class FrozenRevisionError(Exception):
    """A write to a published revision (or anything in it). PostgreSQL refuses it too, by
    trigger (migrations 0007 and 0014), so no path around the models gets through."""

    def __init__(
        self,
        what: str = "已公开的修订版",
        remedy: str = "请创建更正版本",
        verbs: str = "修改或删除",
    ):
        super().__init__(f"{what}不能{verbs}：{remedy}。")


class SubmittedRevisionError(FrozenRevisionError):
    """A write to a revision that waits for review (or anything in it)."""

    def __init__(self, what: str = "待审核的项目", verbs: str = "修改或删除"):
        super().__init__(what, "请由审核人员退回修改后再改", verbs)


def locked_error(status: str, what: str) -> FrozenRevisionError:
    """The error for a write to a record of a project in ``status`` (one of LOCKED_STATUSES)."""
    if status == Status.SUBMITTED:
        return SubmittedRevisionError(f"待审核项目中的{what}", "添加、修改或删除")
    return FrozenRevisionError(f"已公开修订版中的{what}", verbs="添加、修改或删除")


class PlainText:
    """Every text field of a record refuses control characters and invisible formatting
    characters (``budget.text``), with the reason at the field: one rule for the admin, the
    loader and anything else that validates. Multi-line texts (TextField) may hold tabs and
    line breaks; single-line ones tabs only."""

    def clean_fields(self, exclude=None) -> None:
        errors: dict = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if field.name in errors or (exclude and field.name in exclude):
                continue
            message = text_problem(
                getattr(self, field.attname), multiline=isinstance(field, models.TextField)
            )
            if message:
                errors[field.name] = [message]
        if errors:
            raise ValidationError(errors)


class GuardedChild(PlainText):
    """Save and delete refuse rows of a locked revision (submitted or published; the current
    parent and, for an existing row, the stored one). ``project_path`` comes from the model's
    queryset."""

    def _project_path(self) -> str:
        return type(self)._default_manager.get_queryset().project_path

    def _parent_lock(self) -> str | None:
        """The status of the project the row is being attached to, if it locks the row."""
        first, _, rest = self._project_path().partition("__")
        field = self._meta.get_field(first)
        # Walk the cached parents (a tree being built in memory) before asking the database.
        node, hops = self, [first, *([h for h in rest.split("__")] if rest else [])]
        for hop in hops:
            hop_field = node._meta.get_field(hop)
            if not hop_field.is_cached(node):
                break
            node = getattr(node, hop)
        else:
            return node.status if node.status in LOCKED_STATUSES else None
        parent_id = getattr(self, field.attname)
        if parent_id is None:
            return None
        if not rest:
            statuses = Project.objects.filter(pk=parent_id).values_list("status", flat=True)
        else:
            statuses = field.related_model._default_manager.filter(pk=parent_id).values_list(
                f"{rest}__status", flat=True
            )
        status = statuses.first()
        return status if status in LOCKED_STATUSES else None

    def _stored_lock(self) -> str | None:
        """The status of the project the stored row belongs to, if it locks the row."""
        if self.pk is None:
            return None
        path = self._project_path()
        return (
            type(self)
            ._default_manager.filter(pk=self.pk, **{f"{path}__status__in": LOCKED_STATUSES})
            .values_list(f"{path}__status", flat=True)
            .first()
        )

    def _stored_locked(self) -> bool:
        """Whether the stored row may not change (its project is submitted or published)."""
        return self._stored_lock() is not None

    def clean(self) -> None:
        """A form that would add a row under a submitted or published parent (or move a row
        there) says so, instead of failing when it saves. (A row that is already in one is
        shown read-only and never gets this far.)"""
        super().clean()
        status = self._parent_lock()
        if status is not None:
            raise ValidationError(str(locked_error(status, self._meta.verbose_name)))

    def save(self, *args, **kwargs):
        status = self._parent_lock() or self._stored_lock()
        if status is not None:
            raise locked_error(status, self._meta.verbose_name)
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        status = self._stored_lock()
        if status is not None:
            raise locked_error(status, self._meta.verbose_name)
        return super().delete(*args, **kwargs)


class Region(PlainText, models.Model):
    """An administrative region (云南省 › 玉溪市 › 澄江市)."""

    name = models.CharField("名称", max_length=50, help_text="行政区划名称，如“澄江市”。")
    parent = models.ForeignKey(
        "self",
        verbose_name="上级区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="上级行政区划；省级区划留空。",
    )

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"],
                name="region_unique_name_in_parent",
                violation_error_message="同一上级区划下已有同名区划。",
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(parent__isnull=True),
                name="region_unique_top_level_name",
                violation_error_message="已有同名的省级区划。",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DepartmentQuerySet(models.QuerySet):
    def published(self) -> DepartmentQuerySet:
        """Departments with at least one published project."""
        return self.filter(
            Exists(Project.objects.published().filter(disclosure__department=OuterRef("pk")))
        )


class Department(PlainText, models.Model):
    """A budget unit (预算单位) that publishes disclosures."""

    name = models.CharField(
        "单位名称", max_length=100, unique=True, help_text="预算单位全称，如“中共澄江市委组织部”。"
    )
    short_name = models.CharField(
        "简称", max_length=50, blank=True, help_text="页面上显示的简称，如“澄江市委组织部”。"
    )
    slug = models.SlugField(
        "网址标识",
        max_length=60,
        unique=True,
        help_text="网址中使用的英文或拼音标识，如“chengjiang-zzb”。",
    )
    region = models.ForeignKey(
        Region,
        verbose_name="所属区划",
        on_delete=models.PROTECT,
        related_name="departments",
        help_text="预算单位所在的行政区划。",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="工作人员",
        related_name="departments",
        blank=True,
        help_text="本单位的录入和审核人员：在管理后台只能看到和处理本单位的记录。",
    )

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = "预算单位"
        verbose_name_plural = "预算单位"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DisclosureQuerySet(models.QuerySet):
    def published(self) -> DisclosureQuerySet:
        """Disclosures with at least one published project."""
        return self.filter(Exists(Project.objects.published().filter(disclosure=OuterRef("pk"))))


class Disclosure(PlainText, models.Model):
    """One department's publication for one fiscal year; holds its projects in order."""

    department = models.ForeignKey(
        Department,
        verbose_name="预算单位",
        on_delete=models.PROTECT,
        related_name="disclosures",
        help_text="发布本文本的预算单位。",
    )
    fiscal_year = models.PositiveSmallIntegerField("预算年度", help_text="四位数年份，如 2024。")
    title = models.CharField(
        "标题",
        max_length=200,
        help_text="文本标题，如“中共澄江市委组织部2024年预算重点领域财政项目文本公开”。",
    )
    # Where and when the text was first published, apart from when it entered the portal
    # (the projects' publication dates): an imported 2024 text is not one published in 2026.
    source_published_on = models.DateField(
        "原文公开日期",
        null=True,
        blank=True,
        help_text="该文本在原处（如单位网站）公开的日期；本站收录后公开的日期另行记录。",
    )
    source_url = models.URLField(
        "原文网址", max_length=500, blank=True, help_text="该文本原来公开的网址，如有。"
    )

    objects = DisclosureQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "公开文本"
        verbose_name_plural = "公开文本"
        ordering = ["-fiscal_year", "department_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "fiscal_year"],
                name="disclosure_unique_department_year",
                violation_error_message="该单位该年度已有公开文本。",
            ),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=2000) & Q(fiscal_year__lte=2100),
                name="disclosure_fiscal_year_range",
                violation_error_message="预算年度应在 2000 至 2100 之间。",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "projects:disclosure",
            kwargs={"department": self.department.slug, "year": self.fiscal_year},
        )


class ProjectQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """Refuses to change a frozen revision beyond its lifecycle fields, or to reopen it,
        and a submitted one beyond what review writes. Publishing goes through the workflow
        (``projects.publishing``), which says what it makes stale; code that changes statuses
        in bulk (the demo generator) bumps the public version itself."""
        touches_content = bool(set(kwargs) - FROZEN_MUTABLE_FIELDS)
        reopens = kwargs.get("status", Status.PUBLISHED) in OPEN_STATUSES
        if (touches_content or reopens) and self.filter(status__in=FROZEN_STATUSES).exists():
            raise FrozenRevisionError()
        if set(kwargs) - SUBMITTED_MUTABLE_FIELDS and self.filter(status=Status.SUBMITTED).exists():
            raise SubmittedRevisionError()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status__in=FROZEN_STATUSES).exists():
            raise FrozenRevisionError()
        if self.filter(status=Status.SUBMITTED).exists():
            raise SubmittedRevisionError()
        return super().delete()

    def published(self, *, include_superseded: bool = False) -> ProjectQuerySet:
        """What the public may see: the live revision of each project.

        Every public read (pages, PDFs, data, search, feeds, sitemap, API) starts here.
        ``include_superseded`` adds older revisions that a correction replaced, which stay
        readable at their own addresses; drafts, submissions and withdrawn projects never appear.
        """
        if not include_superseded:
            return self.filter(status=Status.PUBLISHED)
        # A withdrawn project takes its older revisions off the public site with it. NOT EXISTS
        # by lineage (indexed), not NOT IN: PostgreSQL answers NOT IN with a scan of every
        # project for the withdrawn ones, on each query.
        withdrawn = Project.objects.filter(lineage=OuterRef("lineage"), status=Status.WITHDRAWN)
        return self.filter(status__in=[Status.PUBLISHED, Status.SUPERSEDED]).filter(
            ~Exists(withdrawn)
        )


class Project(PlainText, models.Model):
    """One revision of a key-area project: the eight sections of the published text."""

    disclosure = models.ForeignKey(
        Disclosure,
        verbose_name="公开文本",
        on_delete=models.PROTECT,
        related_name="projects",
        help_text="本项目所属的年度公开文本。",
    )
    lineage = models.UUIDField(
        "项目标识",
        default=uuid.uuid4,
        editable=False,
        db_index=True,
        help_text="同一项目各次修订共用的标识，用于固定网址。",
    )
    revision = models.PositiveIntegerField(
        "修订版次", default=1, help_text="第几次修订，从 1 开始。"
    )
    status = models.CharField(
        "状态",
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="草稿 → 待审核 → 已公开；更正后旧版为“已被更正”。",
    )
    sequence = models.PositiveSmallIntegerField(
        "项目序号", help_text="在公开文本中的顺序，如“项目1.”为 1。"
    )
    name = models.CharField("项目名称", max_length=200, help_text="一、项目名称。")
    implementing_unit = models.CharField(
        "项目实施单位", max_length=200, help_text="三、项目实施单位。"
    )
    basis_preamble = models.CharField(
        "立项依据引语",
        max_length=200,
        blank=True,
        default="根据",
        help_text="二、立项依据中第一份文件之前的文字，通常为“根据”。",
    )
    basis_closing = models.TextField(
        "立项依据结语",
        blank=True,
        help_text="二、立项依据中最后一份文件之后的文字，如“等文件精神，……特制定如下实施方案。”",
    )
    declared_total = amount_field(
        "申报总额（元）", "六、资金安排情况中申报的资金总额，以元计。", null=True
    )
    declared_total_text = models.CharField(
        "申报总额原文", max_length=50, blank=True, help_text="原文中的写法，如“150万元”。"
    )
    funding_text = models.TextField(
        "资金安排情况", blank=True, help_text="六、资金安排情况，按原文。"
    )
    outcomes = models.TextField("项目实施成效", blank=True, help_text="八、项目实施成效，按原文。")
    classification_code = models.CharField(
        "功能分类科目",
        max_length=20,
        blank=True,
        help_text="支出功能分类科目编码（可选），如“2013299”。",
    )
    itemised_total = amount_field(
        "细化金额合计（元）",
        "由各子项目测算明细汇总得出（系统计算，随记录更新）；用于列表和筛选。",
        null=True,
    )
    finding_count = models.PositiveIntegerField(
        "核对问题数", default=0, help_text="自动核对发现的问题数（系统计算，随记录更新）。"
    )
    published_at = models.DateTimeField(
        "公开时间", null=True, blank=True, help_text="本修订版公开的时间。"
    )
    published_by = staff_member("公开人", "published_projects", "批准公开本修订版的审核人员。")
    submitted_at = models.DateTimeField(
        "提交时间", null=True, blank=True, help_text="录入员提交审核的时间。"
    )
    submitted_by = staff_member("提交人", "submitted_projects", "提交本修订版审核的人员。")
    submitted_digest = models.CharField(
        "提交内容摘要",
        max_length=64,
        blank=True,
        editable=False,
        help_text="提交审核时全部内容的 SHA-256（系统计算）；公开时内容须与之一致。",
    )
    review_comment = models.TextField(
        "退回意见", blank=True, help_text="审核人员退回草稿时写给录入员的意见。"
    )
    warning_explanation = models.TextField(
        "核对警告说明",
        blank=True,
        help_text="带着核对警告公开时的书面说明，在公开页面上显示于核对结果旁。",
    )
    correction_note = models.TextField(
        "更正说明", blank=True, help_text="更正后公开时向公众说明改了什么、为什么。"
    )
    withdrawal_reason = models.TextField(
        "撤回原因", blank=True, help_text="撤回已公开项目时向公众说明的原因。"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True, help_text="记录创建时间。")
    updated_at = models.DateTimeField("修改时间", auto_now=True, help_text="记录最后修改时间。")

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "项目"
        verbose_name_plural = "项目"
        ordering = ["disclosure_id", "sequence", "-revision"]
        constraints = [
            non_negative("declared_total", "project_declared_total_non_negative"),
            non_negative("itemised_total", "project_itemised_total_non_negative"),
            models.CheckConstraint(condition=Q(revision__gte=1), name="project_revision_positive"),
            models.UniqueConstraint(
                fields=["lineage", "revision"],
                name="project_unique_revision",
                violation_error_message="该项目已有相同版次。",
            ),
            models.UniqueConstraint(
                fields=["lineage"],
                condition=Q(status=Status.PUBLISHED),
                name="project_one_live_revision",
                violation_error_message="同一项目只能有一个已公开的现行版本。",
            ),
            models.UniqueConstraint(
                fields=["lineage"],
                condition=Q(status__in=OPEN_STATUSES),
                name="project_one_open_revision",
                violation_error_message="同一项目只能有一个未公开的修订稿。",
            ),
            models.UniqueConstraint(
                fields=["disclosure", "sequence"],
                condition=Q(status=Status.PUBLISHED),
                name="project_unique_live_sequence",
                violation_error_message="本公开文本中已有相同序号的已公开项目。",
            ),
            models.UniqueConstraint(
                fields=["disclosure", "sequence"],
                condition=Q(status__in=OPEN_STATUSES),
                name="project_unique_open_sequence",
                violation_error_message="本公开文本中已有相同序号的未公开项目。",
            ),
        ]
        indexes = [
            # The home page's latest publications, read without sorting every live project.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status=Status.PUBLISHED),
                name="project_latest_published",
            ),
            # The lists' amount filters, counted and paged without reading the projects' rows.
            models.Index(
                fields=["declared_total", "id"],
                condition=Q(status=Status.PUBLISHED),
                name="project_live_declared_total",
            ),
        ]

    def __str__(self) -> str:
        return f"项目{self.sequence}. {self.name}（第{self.revision}版）"

    def save(self, *args, **kwargs):
        stored = self._stored()
        fields = kwargs.get("update_fields")
        if stored in FROZEN_STATUSES and (
            fields is None or set(fields) - FROZEN_MUTABLE_FIELDS or self.status in OPEN_STATUSES
        ):
            raise FrozenRevisionError()
        reviewing = fields is not None and not set(fields) - SUBMITTED_MUTABLE_FIELDS
        if stored == Status.SUBMITTED and not reviewing:
            raise SubmittedRevisionError()
        super().save(*args, **kwargs)
        self._stored_status = self.status

    def get_absolute_url(self) -> str:
        """The permalink: always the latest published revision of this project."""
        return reverse("projects:project", kwargs={"lineage": self.lineage})

    def imported_from(self):
        """The uploaded files this project's lineage was imported from (``SourceFile``)."""
        return SourceFile.objects.filter(projects__lineage=self.lineage).distinct()

    def get_revision_url(self) -> str:
        return reverse(
            "projects:project-revision", kwargs={"lineage": self.lineage, "revision": self.revision}
        )

    def delete(self, *args, **kwargs):
        stored = self._stored()
        if stored in LOCKED_STATUSES:
            raise locked_error(stored, "项目")
        return super().delete(*args, **kwargs)

    def namesake(self) -> Project | None:
        """Another project of the same disclosure with the same name (not a revision of this
        one, not superseded or withdrawn): entered twice, it would be counted twice in every
        total of its department."""
        if not self.disclosure_id or not self.name:
            return None
        return (
            Project.objects.filter(disclosure_id=self.disclosure_id, name=self.name.strip())
            .exclude(lineage=self.lineage)
            .exclude(status__in=(Status.SUPERSEDED, Status.WITHDRAWN))
            .order_by("sequence")
            .first()
        )

    def validate_unique(self, exclude=None) -> None:
        # Here rather than in clean(): Django leaves a field out of it (exclude) once the field
        # is refused, so that a name the form refused (a NUL in it) is never looked up.
        super().validate_unique(exclude=exclude)
        if exclude and {"name", "disclosure"} & set(exclude):
            return
        other = self.namesake()
        if other is not None:
            raise ValidationError(
                {
                    "name": f"本公开文本中已有同名项目（第{other.sequence}项，"
                    f"{other.get_status_display()}），请勿重复录入；"
                    "如确是另一个项目，请在名称中加以区分。"
                }
            )

    def validate_constraints(self, exclude=None) -> None:
        # The lifecycle fields are never on a form, but the rules that depend on them (one
        # open revision per project, unique numbers among the open projects of a document)
        # hold whatever the form shows: they are checked here, not left to the database.
        exclude = set(exclude or ()) - {"status", "lineage"}
        super().validate_constraints(exclude=exclude)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_status = instance.__dict__.get("status")
        return instance

    def _stored(self) -> str | None:
        """The status of the row as stored (None for a new row)."""
        stored = getattr(self, "_stored_status", None)
        if stored is None and self.pk is not None:
            stored = Project.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        return stored

    def _is_locked(self) -> bool:
        """Whether the stored row's content may not change: submitted, or published."""
        return self._stored() in LOCKED_STATUSES


class ChildQuerySet(models.QuerySet):
    """Rows that belong to a project; public exactly when their project is."""

    project_path = "project"

    def published(self, *, include_superseded: bool = False) -> ChildQuerySet:
        projects = Project.objects.published(include_superseded=include_superseded)
        return self.filter(**{f"{self.project_path}__in": projects})

    def _lock(self) -> str | None:
        """The status of a submitted or published project among these rows' projects."""
        status = f"{self.project_path}__status"
        return (
            self.filter(**{f"{status}__in": LOCKED_STATUSES}).values_list(status, flat=True).first()
        )

    def _refuse_if_locked(self, status: str | None) -> None:
        if status is not None:
            raise locked_error(status, self.model._meta.verbose_name)

    def update(self, **kwargs):
        self._refuse_if_locked(self._lock())
        return super().update(**kwargs)

    def delete(self):
        self._refuse_if_locked(self._lock())
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            self._refuse_if_locked(obj._parent_lock())
        return super().bulk_create(objs, *args, **kwargs)


class SubItemQuerySet(ChildQuerySet):
    project_path = "project"


class SubItem(GuardedChild, models.Model):
    """A sub-item (子项目) of a project: 四 lists it, 五 describes it, 七 plans it."""

    project = models.ForeignKey(
        Project,
        verbose_name="项目",
        on_delete=models.CASCADE,
        related_name="sub_items",
        help_text="所属项目（修订版）。",
    )
    sequence = models.PositiveSmallIntegerField("序号", help_text="四、项目基本概况中的序号。")
    name = models.CharField(
        "子项目名称", max_length=200, help_text="四、项目基本概况中列出的名称。"
    )
    content = models.TextField(
        "实施内容", blank=True, help_text="五、项目实施内容中本子项目的段落，按原文（不含序号）。"
    )
    plan = models.TextField(
        "实施计划", blank=True, help_text="七、项目实施计划中本子项目的段落，按原文（不含序号）。"
    )
    declared_amount = amount_field(
        "子项目申报金额（元）", "原文为整个子项目写明的金额；未写明则留空。", null=True
    )
    declared_amount_text = models.CharField(
        "申报金额原文", max_length=50, blank=True, help_text="原文中的写法，如“50万元”。"
    )

    objects = SubItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "子项目"
        verbose_name_plural = "子项目"
        ordering = ["project_id", "sequence"]
        constraints = [
            non_negative("declared_amount", "subitem_declared_amount_non_negative"),
            models.UniqueConstraint(
                fields=["project", "sequence"],
                name="subitem_unique_sequence",
                violation_error_message="本项目中已有相同序号的子项目。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sequence}.{self.name}"


class PaymentMode(models.TextChoices):
    ONE_OFF = "one_off", "一次性付款"
    MONTHLY = "monthly", "按月支付"
    QUARTERLY = "quarterly", "按季度支付"
    AS_NEEDED = "as_needed", "按需据实支付"
    INSTALMENTS = "instalments", "分期支付"
    OTHER = "other", "其他"


class MilestoneQuerySet(ChildQuerySet):
    project_path = "sub_item__project"


class Milestone(GuardedChild, models.Model):
    """A node of a sub-item's plan (七): when, how and how much is paid."""

    sub_item = models.ForeignKey(
        SubItem,
        verbose_name="子项目",
        on_delete=models.CASCADE,
        related_name="milestones",
        help_text="所属子项目。",
    )
    sequence = models.PositiveSmallIntegerField("序号", help_text="在本子项目计划中的顺序。")
    description = models.CharField(
        "计划内容", max_length=300, blank=True, help_text="简述本节点要完成的事项。"
    )
    due_year = models.PositiveSmallIntegerField(
        "完成年份",
        null=True,
        blank=True,
        help_text="原文写明的年份；未写明则留空（视为预算年度）。",
    )
    due_month = models.PositiveSmallIntegerField(
        "完成月份", null=True, blank=True, help_text="1 至 12；未写明则留空。"
    )
    payment_mode = models.CharField(
        "支付方式",
        max_length=12,
        choices=PaymentMode.choices,
        default=PaymentMode.ONE_OFF,
        help_text="一次性付款、按月、按季度、按需据实支付等。",
    )
    amount = amount_field("计划金额（元）", "本节点计划支出的金额；未写明则留空。", null=True)
    per_period = models.BooleanField(
        "按期金额",
        default=False,
        help_text="金额为每期（每月、每季度）支付的金额，如“每季度支出0.75万元”；"
        "全年金额为其乘以全年期数（12个月、4个季度）。",
    )
    amount_text = models.CharField(
        "金额原文", max_length=50, blank=True, help_text="原文中的写法，如“0.75万元”。"
    )

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "计划节点"
        verbose_name_plural = "计划节点"
        ordering = ["sub_item_id", "sequence"]
        constraints = [
            non_negative("amount", "milestone_amount_non_negative"),
            models.CheckConstraint(
                condition=Q(due_month__isnull=True) | (Q(due_month__gte=1) & Q(due_month__lte=12)),
                name="milestone_due_month_range",
                violation_error_message="月份应在 1 至 12 之间。",
            ),
            models.UniqueConstraint(
                fields=["sub_item", "sequence"],
                name="milestone_unique_sequence",
                violation_error_message="本子项目中已有相同序号的计划节点。",
            ),
        ]

    def __str__(self) -> str:
        return self.description or f"计划节点{self.sequence}"


class LineSource(models.TextChoices):
    CONTENT = "content", "五、项目实施内容"
    PLAN = "plan", "七、项目实施计划"


class LineItemQuerySet(ChildQuerySet):
    project_path = "sub_item__project"


class LineItem(GuardedChild, models.Model):
    """A line-item calculation (测算明细) of a sub-item; may be made of child lines."""

    sub_item = models.ForeignKey(
        SubItem,
        verbose_name="子项目",
        on_delete=models.CASCADE,
        related_name="lines",
        help_text="所属子项目。",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级明细",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        help_text="若本行是某一明细的组成部分，选择该明细；否则留空。",
    )
    sequence = models.PositiveSmallIntegerField("序号", help_text="在同级明细中的顺序。")
    marker = models.CharField(
        "原文编号", max_length=10, blank=True, help_text="原文中的编号，如“①”；没有则留空。"
    )
    name = models.CharField("明细名称", max_length=300, help_text="如“自助餐费”。")
    declared_amount = amount_field(
        "申报金额（元）", "原文写明的金额，以元计；未写明则留空。", null=True
    )
    amount_text = models.CharField(
        "金额原文", max_length=50, blank=True, help_text="原文中的写法，如“1.2万元”。"
    )
    formula = models.CharField(
        "计算式",
        max_length=200,
        blank=True,
        help_text="如“60人×100元×2天”；乘号可写 ×、x、*。没有计算过程则留空。",
    )
    source = models.CharField(
        "出处",
        max_length=10,
        choices=LineSource.choices,
        default=LineSource.CONTENT,
        help_text="金额写在原文哪一部分。",
    )
    partial = models.BooleanField(
        "下级只列其中一部分",
        default=False,
        help_text="原文写“其中……”，下级明细只列出本行金额的一部分时勾选：下级合计可以小于本行金额，"
        "但不能超过；不勾选则下级合计应等于本行金额。",
    )

    objects = LineItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "测算明细"
        verbose_name_plural = "测算明细"
        # Top-level lines first (NULL parents), then children, each in their own order.
        ordering = [models.F("parent_id").asc(nulls_first=True), "sequence"]
        constraints = [
            non_negative("declared_amount", "lineitem_declared_amount_non_negative"),
            models.UniqueConstraint(
                fields=["sub_item", "sequence"],
                condition=Q(parent__isnull=True),
                name="lineitem_unique_top_sequence",
                violation_error_message="本子项目中已有相同序号的明细。",
            ),
            models.UniqueConstraint(
                fields=["parent", "sequence"],
                condition=Q(parent__isnull=False),
                name="lineitem_unique_child_sequence",
                violation_error_message="上级明细下已有相同序号的明细。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.marker}{self.name}"

    def save(self, *args, **kwargs):
        if self.parent_id is not None and self.sub_item_id is None:
            # A child line entered with its parent on one page: the parent, saved first, now
            # knows its sub-item (when the form was checked, neither was saved yet).
            self.sub_item_id = self.parent.sub_item_id
        return super().save(*args, **kwargs)

    def clean_fields(self, exclude=None) -> None:
        if self.parent_id is not None and self.sub_item_id is None:
            # A child line belongs to its parent's sub-item; the admin's child inline omits it.
            self.sub_item_id = self.parent.sub_item_id
        super().clean_fields(exclude=exclude)

    def clean(self) -> None:
        super().clean()
        if self.parent_id is not None and self.sub_item_id is None:
            self.sub_item_id = self.parent.sub_item_id
        if self.parent_id is not None and self.parent.sub_item_id != self.sub_item_id:
            raise ValidationError({"parent": "上级明细必须属于同一子项目。"})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": "上级明细不能是本行或其下级。"})
            ancestor = ancestor.parent


class FactorQuerySet(ChildQuerySet):
    project_path = "line__sub_item__project"


class Factor(GuardedChild, models.Model):
    """One factor of a line's calculation: 60 人, 100 元, 2 天."""

    line = models.ForeignKey(
        LineItem,
        verbose_name="测算明细",
        on_delete=models.CASCADE,
        related_name="factors",
        help_text="所属测算明细。",
    )
    sequence = models.PositiveSmallIntegerField("序号", help_text="在计算式中的顺序。")
    value = models.DecimalField(
        "数值", max_digits=20, decimal_places=6, help_text="按原文，如 60、1.2、200。"
    )
    unit = models.CharField(
        "单位", max_length=20, blank=True, help_text="按原文，如“人”“元/月”“万元”。"
    )
    label = models.CharField(
        "含义", max_length=200, blank=True, help_text="这个数代表什么，如“参训人数”。"
    )

    objects = FactorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "计算因子"
        verbose_name_plural = "计算因子"
        ordering = ["line_id", "sequence"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="factor_value_non_negative",
                violation_error_message="因子数值不能为负数。",
            ),
            models.UniqueConstraint(
                fields=["line", "sequence"],
                name="factor_unique_sequence",
                violation_error_message="本明细中已有相同序号的因子。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value.normalize():f}{self.unit}"


class PolicyDocumentQuerySet(models.QuerySet):
    def published(self) -> PolicyDocumentQuerySet:
        """Documents cited by at least one published project."""
        return self.filter(Exists(Citation.objects.published().filter(document=OuterRef("pk"))))


class PolicyDocument(PlainText, models.Model):
    """A document cited as a legal basis (立项依据文件); shared across projects."""

    title = models.CharField("文件标题", max_length=300, help_text="不含书名号《》的标题，按原文。")
    document_number = models.CharField(
        "文号",
        max_length=60,
        blank=True,
        help_text="规范写法（六角括号〔〕），如“澄办发〔2014〕104号”；没有文号则留空。",
    )
    issuer_code = models.CharField(
        "发文机关代字", max_length=30, blank=True, help_text="文号中年份之前的部分，如“澄办发”。"
    )
    year = models.PositiveSmallIntegerField(
        "发文年份", null=True, blank=True, help_text="文号中的年份，如 2014。"
    )
    serial = models.PositiveIntegerField(
        "发文序号", null=True, blank=True, help_text="文号中的序号，如 104。"
    )
    issuing_body = models.CharField(
        "发文机关", max_length=200, blank=True, help_text="已知时填写发文机关全称。"
    )

    objects = PolicyDocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "政策文件"
        verbose_name_plural = "政策文件"
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["title", "document_number"],
                name="policydocument_unique_title_number",
                violation_error_message="已有相同标题和文号的政策文件。",
            ),
        ]

    def __str__(self) -> str:
        if self.document_number:
            return f"《{self.title}》（{self.document_number}）"
        return f"《{self.title}》"

    def save(self, *args, **kwargs):
        # A published revision cites a document by what it was called then: its title and
        # 文号 no longer change (the issuing body may still be filled in).
        if self._renamed_while_cited():
            raise FrozenRevisionError(
                "已公开项目引用的政策文件的标题和文号", "如确需更改，请新建一份政策文件"
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("projects:document", kwargs={"pk": self.pk})

    def clean(self) -> None:
        """A 文号 must be one document number; it is stored in the standard 〔〕 form, with
        its issuer's code, year and serial."""
        super().clean()
        if not self.document_number or text_problem(self.document_number, multiline=False):
            return  # an invisible character is refused at the field (PlainText), as in a title
        try:
            number = parse_doc_number(self.document_number)
        except DocNumberError as error:
            raise ValidationError({"document_number": str(error)}) from None
        self.document_number = number.normalised
        self.issuer_code, self.year, self.serial = number.issuer, number.year, number.serial

    def _cited_by_frozen(self) -> bool:
        return Citation.objects.filter(
            document_id=self.pk, project__status__in=FROZEN_STATUSES
        ).exists()

    def _renamed_while_cited(self) -> bool:
        """Whether the title or 文号 differs from the stored row although a published
        revision cites it by them."""
        if self.pk is None:
            return False
        stored = PolicyDocument.objects.filter(pk=self.pk).values("title", "document_number")
        stored = stored.first()
        current = {"title": self.title, "document_number": self.document_number}
        return stored is not None and stored != current and self._cited_by_frozen()

    def validate_constraints(self, exclude=None) -> None:
        super().validate_constraints(exclude=exclude)
        if self._renamed_while_cited():
            raise ValidationError(_DOCUMENT_FROZEN)


_DOCUMENT_FROZEN = (
    "已公开的项目引用了这份文件，标题和文号不能再修改；如确需更改，请新建一份政策文件。"
)


class CitationQuerySet(ChildQuerySet):
    project_path = "project"


class Citation(GuardedChild, models.Model):
    """A project's citation of a policy document, in order, kept exactly as cited."""

    project = models.ForeignKey(
        Project,
        verbose_name="项目",
        on_delete=models.CASCADE,
        related_name="citations",
        help_text="引用该文件的项目（修订版）。",
    )
    document = models.ForeignKey(
        PolicyDocument,
        verbose_name="政策文件",
        on_delete=models.PROTECT,
        related_name="citations",
        help_text="被引用的政策文件。",
    )
    sequence = models.PositiveSmallIntegerField("序号", help_text="在立项依据中的顺序。")
    cited_text = models.TextField(
        "引用原文", help_text="原文中的引用写法，含书名号和文号，如“《……》（云办发〔2006〕1号）”。"
    )
    separator = models.CharField(
        "分隔符",
        max_length=10,
        blank=True,
        default="、",
        help_text="本条与下一条之间的原文标点，通常为“、”；最后一条留空。",
    )

    objects = CitationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "立项依据引用"
        verbose_name_plural = "立项依据引用"
        ordering = ["project_id", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "sequence"],
                name="citation_unique_sequence",
                violation_error_message="本项目中已有相同序号的引用。",
            ),
        ]

    def __str__(self) -> str:
        return self.cited_text


class FundingSourceQuerySet(ChildQuerySet):
    project_path = "project"


class FundingSource(GuardedChild, models.Model):
    """A part of a project's total by source (市级财政 / 区级财政 / 自筹 …)."""

    project = models.ForeignKey(
        Project,
        verbose_name="项目",
        on_delete=models.CASCADE,
        related_name="funding_sources",
        help_text="所属项目（修订版）。",
    )
    sequence = models.PositiveSmallIntegerField("序号", help_text="列示顺序。")
    name = models.CharField(
        "资金来源", max_length=100, help_text="如“本级财政拨款”“上级补助”“自筹”。"
    )
    amount = amount_field("金额（元）", "该来源安排的金额，以元计。")
    amount_text = models.CharField(
        "金额原文", max_length=50, blank=True, help_text="原文中的写法，如“20万元”。"
    )

    objects = FundingSourceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "资金来源"
        verbose_name_plural = "资金来源"
        ordering = ["project_id", "sequence"]
        constraints = [
            non_negative("amount", "fundingsource_amount_non_negative"),
            models.UniqueConstraint(
                fields=["project", "sequence"],
                name="fundingsource_unique_sequence",
                violation_error_message="本项目中已有相同序号的资金来源。",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SourceNoteQuerySet(ChildQuerySet):
    project_path = "project"


class SourceNote(GuardedChild, models.Model):
    """An error of the checks that the published text itself contains, kept as written
    (原文如此), with the unit's explanation, which the reviewer and the public see beside it.

    It answers one finding: the one with this code, place and message (``budget.checks``).
    When a figure changes, the message changes with it and the error is open again; notes
    that answer no finding any more are dropped when the revision is submitted.
    """

    project = models.ForeignKey(
        Project,
        verbose_name="项目",
        on_delete=models.CASCADE,
        related_name="source_notes",
        help_text="所属项目（修订版）。",
    )
    code = models.CharField("核对项", max_length=50, help_text="核对结果的代码，系统填写。")
    place = models.CharField("位置", max_length=100, help_text="核对结果在项目中的位置，系统填写。")
    message = models.TextField("核对结果", help_text="说明所针对的核对结果，系统填写。")
    explanation = models.TextField(
        "原文如此说明",
        help_text="说明原文即为此数（例如原文前后数字不一致），公众将在核对结果旁看到。",
    )

    objects = SourceNoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "原文如此说明"
        verbose_name_plural = "原文如此说明"
        ordering = ["project_id", "place", "code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "code", "place", "message"],
                name="sourcenote_unique_finding",
                violation_error_message="本项目中已有针对同一核对结果的说明。",
            ),
            models.CheckConstraint(
                condition=~Q(explanation=""), name="sourcenote_explanation_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"原文如此：{self.message}"


class IndicatorLevel(models.TextChoices):
    OUTPUT = "output", "产出指标"
    BENEFIT = "benefit", "效益指标"
    SATISFACTION = "satisfaction", "满意度指标"
    COST = "cost", "成本指标"


class Comparator(models.TextChoices):
    GE = "ge", "≥"
    LE = "le", "≤"
    EQ = "eq", "="
    GT = "gt", ">"
    LT = "lt", "<"
    QUALITATIVE = "qualitative", "定性"


class PerformanceIndicatorQuerySet(ChildQuerySet):
    project_path = "project"


class PerformanceIndicator(GuardedChild, models.Model):
    """A row of the 项目支出绩效目标表."""

    project = models.ForeignKey(
        Project,
        verbose_name="项目",
        on_delete=models.CASCADE,
        related_name="performance_indicators",
        help_text="所属项目（修订版）。",
    )
    sequence = models.PositiveSmallIntegerField("序号", help_text="在绩效目标表中的顺序。")
    level1 = models.CharField(
        "一级指标",
        max_length=12,
        choices=IndicatorLevel.choices,
        help_text="产出、效益、满意度等。",
    )
    level2 = models.CharField(
        "二级指标", max_length=50, help_text="如“数量指标”“质量指标”“时效指标”“社会效益指标”。"
    )
    name = models.CharField("三级指标", max_length=200, help_text="指标名称，如“培训人次”。")
    comparator = models.CharField(
        "比较方式",
        max_length=12,
        choices=Comparator.choices,
        default=Comparator.GE,
        help_text="≥、≤、= 或定性描述。",
    )
    target = models.CharField("指标值", max_length=100, help_text="目标值，如“200”“按时完成”。")
    unit = models.CharField("计量单位", max_length=20, blank=True, help_text="如“人次”“%”。")

    objects = PerformanceIndicatorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "绩效指标"
        verbose_name_plural = "绩效指标"
        ordering = ["project_id", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "sequence"],
                name="indicator_unique_sequence",
                violation_error_message="本项目中已有相同序号的绩效指标。",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProjectSearch(models.Model):
    """The searchable text of one project revision, kept apart so lists never load it.

    Rebuilt by ``services.refresh_summary`` from the project's fields, sub-items and cited
    documents (see ``budget.searchtext``). On PostgreSQL ``grams`` holds the text's distinct
    character unigrams and bigrams as lexemes, GIN-indexed (migration 0005); elsewhere it is
    left empty and search reads ``text`` alone.
    """

    project = models.OneToOneField(
        Project,
        verbose_name="项目",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search",
        help_text="本检索记录对应的项目（修订版）。",
    )
    text = models.TextField(
        "检索文本",
        help_text="项目各部分文字的检索形式（半角、大写），系统生成，随项目更新。",
    )
    grams = SearchVectorField(
        "检索字元",
        null=True,
        blank=True,
        help_text="检索文本中的单字和相邻两字（仅 PostgreSQL），系统生成。",
    )
    # The public display order (newest year, department name, project number), copied here so
    # that one index yields a term's matches in that order and the first page stops early,
    # instead of sorting every match of a common term (see docs/search.md). Rewritten with the
    # row, and by services.refresh_display_order when a department or disclosure changes.
    fiscal_year = models.PositiveSmallIntegerField(
        "排序：预算年度", default=0, help_text="所属公开文本的预算年度（排序用，系统生成）。"
    )
    department_name = models.CharField(
        "排序：预算单位",
        max_length=100,
        default="",
        help_text="所属预算单位的名称（排序用，系统生成）。",
    )
    sequence = models.PositiveSmallIntegerField(
        "排序：项目序号", default=0, help_text="项目在公开文本中的序号（排序用，系统生成）。"
    )
    # Whether the row's project is a live revision: written by the database alone (triggers of
    # migration 0017 keep it equal to status = 'published' on every write of either table;
    # what Django writes here is replaced). The public lists' pages are read from the index
    # below: one page of the display order without sorting or joining every live project.
    live = models.BooleanField(
        "排序：现行版本",
        default=False,
        editable=False,
        help_text="项目是否为已公开的现行版本（排序用，由数据库按项目状态维护）。",
    )

    class Meta:
        verbose_name = "项目检索记录"
        verbose_name_plural = "项目检索记录"
        indexes = [
            models.Index(
                fields=["-fiscal_year", "department_name", "sequence", "project"],
                name="projectsearch_display_order",
            ),
            models.Index(
                fields=["-fiscal_year", "department_name", "sequence", "project"],
                condition=Q(live=True),
                name="projectsearch_live_order",
            ),
        ]

    def __str__(self) -> str:
        return f"检索：{self.project_id}"


class PublicVersion(models.Model):
    """A token per scope of what the public sees (everything, the site's shared records, one
    project, one department-year document) that changes when what it covers changes.

    Public pages and downloads are stored under the tokens of what they show and send them as
    their ETag (``infra/pagecache.py``), so a publication makes stale only the pages that show
    it. ``projects.public_version`` reads and changes them.
    """

    scope = models.CharField(
        "范围",
        max_length=100,
        unique=True,
        default="all",
        help_text="all（全部公开内容）、site（各页共用的单位、区划、文件）、project:项目标识、"
        "disclosure:单位标识:年度。",
    )
    token = models.CharField("版本标识", max_length=32)
    changed_at = models.DateTimeField("变更时间")

    class Meta:
        verbose_name = "公开内容版本"
        verbose_name_plural = "公开内容版本"

    def __str__(self) -> str:
        return f"{self.token}（{self.changed_at:%Y-%m-%d %H:%M:%S}）"


class PageDocument(models.Model):
    """A published revision's page document (``projects/pagedoc.py``): what its body shows,
    worked out once from its records, which never change. Written by the code, never edited;
    built again when ``version`` is not the code's (``pagedoc.version``)."""

    project = models.OneToOneField(
        Project,
        verbose_name="项目",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="page_document",
    )
    version = models.CharField("生成代码版本", max_length=16)
    data = models.JSONField("页面文档")

    class Meta:
        verbose_name = "页面文档"
        verbose_name_plural = "页面文档"

    def __str__(self) -> str:
        return f"{self.project_id} {self.version}"


class SourceFile(models.Model):
    """A file staff uploaded on the 导入公开文本 page: kept as sent, with its SHA-256, so an
    auditor can compare the drafts made from it with what the unit sent (``projects/ingest.py``).

    ``result`` holds what was read from it until staff confirm or cancel: the disclosure tree,
    the findings, where each value was read, and every line of the file with its place. A file
    is read by a job in the worker (a 100-page PDF takes tens of seconds): ``reading`` until
    then, ``failed`` with ``error`` (and its stored file removed) when it cannot be read.
    """

    class State(models.TextChoices):
        READING = "reading", "识别中"
        FAILED = "failed", "无法读取"
        PREVIEW = "preview", "待确认"
        IMPORTED = "imported", "已导入为草稿"

    WAITING = (State.READING, State.FAILED, State.PREVIEW)
    """An upload not imported: its uploader's alone, and it may be cancelled."""

    file = models.FileField("文件", upload_to="imports/%Y/%m/")
    name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    size = models.PositiveIntegerField("大小（字节）")
    format = models.CharField("格式", max_length=10)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.PREVIEW)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    department = models.ForeignKey(
        Department,
        verbose_name="预算单位",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="source_files",
    )
    projects = models.ManyToManyField(
        Project, verbose_name="导入的项目", related_name="source_files", blank=True
    )
    result = models.JSONField("识别结果", default=dict)
    error = models.TextField("无法读取的原因", blank=True)

    class Meta:
        verbose_name = "导入的公开文本"
        verbose_name_plural = "导入公开文本"
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name}（SHA-256 {self.sha256[:12]}…）"
