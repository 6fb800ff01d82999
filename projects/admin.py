"""Admin for browsing and fixing records, in Chinese; roles and scoping come with the workflow."""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Prefetch
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from nested_admin import NestedModelAdminMixin, NestedStackedInline, NestedTabularInline
from nested_admin.formsets import NestedInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from budget.amounts import format_wan, format_yuan
from budget.checks import Finding
from budget.formulas import product

from . import (
    admin_accounts,  # noqa: F401  (registers the staff accounts' admin)
    admin_import,  # noqa: F401  (registers the 导入公开文本 page)
    history,
    selectors,
    services,
)
from .admin_workflow import WorkflowAdminMixin, finding_url
from .converters import LARGEST
from .forms import (
    MONEY_FIELDS,
    TEXT_LIMIT,
    ChildFormSet,
    CitationForm,
    CitationFormSet,
    LineItemForm,
    PlainDecimalField,
    amount_formfield,
)
from .models import (
    Citation,
    Department,
    Disclosure,
    Factor,
    FrozenRevisionError,
    FundingSource,
    LineItem,
    Milestone,
    PerformanceIndicator,
    PolicyDocument,
    Project,
    Region,
    Status,
    SubItem,
)
from .roles import reviews_only

admin.site.site_header = "重点领域财政项目文本公开 · 管理后台"
admin.site.site_title = "财政项目文本公开管理"
admin.site.index_title = "工作台"
# The start page: what waits for this person, above the tables (projects/workspace.py).
admin.site.index_template = "admin/start.html"


def wan(value):
    return format_wan(value) if value is not None else "—"


def frozen(obj) -> bool:
    """Whether a record is (part of) a submitted or published revision, which nobody may
    change: a submission waits for review as it is, a publication never changes."""
    if obj is None or obj.pk is None:
        return False
    # Asked many times per page (every inline, every permission): answered once per object.
    if not hasattr(obj, "_admin_frozen"):
        obj._admin_frozen = obj._is_locked() if isinstance(obj, Project) else obj._stored_locked()
    return obj._admin_frozen


def sees_every_department(user) -> bool:
    """Superusers work across departments; everyone else, administrators (管理员) included,
    only in the departments they are members of."""
    return user.is_superuser


def _valid_id(model, value) -> bool:
    """Whether ``value`` (from an address) can be an id of ``model`` at all."""
    try:
        number = model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return number is not None and 0 < number <= LARGEST


class SafeAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete widget looks up the selected value as it is: a value that is not
    an id (``?disclosure=abc`` in an add page's address, or posted) would be a 500 while the
    page is drawn. Such a value selects nothing; the form says the choice is not valid."""

    def optgroups(self, name, value, attr=None):
        model = self.field.remote_field.model
        kept = [item for item in value if _valid_id(model, item)]
        return super().optgroups(name, kept, attr)


class SafeAutocomplete:
    """For every admin and inline: autocomplete fields with ``SafeAutocompleteSelect``, and
    text fields that leave a NUL to the models' rule for invisible and control characters
    (``PlainText``), whose message names it, instead of Django's, whose Chinese translation
    speaks of an empty string."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and hasattr(field, "validators"):
            field.validators = [
                v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
            ]
        return field

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        widget = getattr(field, "widget", None)
        inner = getattr(widget, "widget", widget)  # inside RelatedFieldWidgetWrapper
        if type(inner) is AutocompleteSelect:
            inner.__class__ = SafeAutocompleteSelect
        return field


class DepartmentScoped(SafeAutocomplete):
    """Every list, page, history, deletion and bulk action works on this queryset, so a record
    of another department is as absent as a deleted one. ``department_path`` leads from the
    model to its department ("" for the department itself)."""

    department_path = ""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if sees_every_department(request.user):
            return queryset
        lookup = f"{self.department_path}__in" if self.department_path else "pk__in"
        queryset = queryset.filter(**{lookup: request.user.departments.all()})
        # A reviewer who is not also a clerk sees a project once it is submitted, not while
        # it is still a clerk's draft.
        project = self.department_path.removesuffix("disclosure__department")
        if self.department_path.endswith("disclosure__department") and reviews_only(request.user):
            queryset = queryset.exclude(**{f"{project}status": Status.DRAFT})
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A record can only be attached to a parent the user may see (autocompletes included).
        related = self.admin_site._registry.get(db_field.related_model)
        if isinstance(related, DepartmentScoped) and "queryset" not in kwargs:
            kwargs["queryset"] = related.get_queryset(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ScopedChoicesFilter(admin.SimpleListFilter):
    """A list filter whose choices come from the rows the user may see: a clerk is not shown
    other departments' names or years. A value that is not one of the choices selects
    nothing."""

    path = ""  # the field filtered on
    label_path = ""  # what a choice is called (the value itself if empty)
    label_format = "{}"

    def lookups(self, request, model_admin):
        names = [self.path, self.label_path or self.path]
        rows = model_admin.get_queryset(request).order_by(*names).values_list(*names).distinct()
        return [(value, self.label_format.format(label)) for value, label in rows]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if value not in {str(choice) for choice, _ in self.lookup_choices}:
            return queryset.none()
        return queryset.filter(**{self.path: value})


class FiscalYearFilter(ScopedChoicesFilter):
    title = "预算年度"
    parameter_name = "year"
    path = "disclosure__fiscal_year"
    label_format = "{}年"


class DepartmentFilter(ScopedChoicesFilter):
    title = "预算单位"
    parameter_name = "department"
    path = "disclosure__department"
    label_path = "disclosure__department__name"


class ScopedHistory(SimpleHistoryAdmin):
    """The edit history (django-simple-history) of a record, for those who may see the record:
    another department's record has no history page, as it has no change page. Only those who
    see every department may read the history of a deleted record. Related rows edited on the
    record's page (inlines) are listed below its own changes."""

    object_history_template = "admin/projects/object_history.html"

    def _hidden(self, request, object_id, version_id=None) -> bool:
        if not _valid_id(self.model, object_id):
            return True
        if version_id is not None and not _valid_id(self.model, version_id):
            return True
        if sees_every_department(request.user):
            return False
        return not self.get_queryset(request).filter(pk=object_id).exists()

    def _absent(self, request, object_id):
        # What Django's own change page answers for a record that does not exist.
        return self._get_obj_does_not_exist_redirect(request, self.model._meta, object_id)

    def history_view(self, request, object_id, extra_context=None):
        if self._hidden(request, object_id):
            return self._absent(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "related_changes": history.related_changes(self.model, object_id),
        }
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if self._hidden(request, object_id, version_id):
            return self._absent(request, object_id)
        if request.method != "GET":
            # An old version is shown, never saved back: changes go through the change page,
            # its inlines and its checks.
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class StaffEntry(SafeAutocomplete):
    """Money typed as staff write it (``20万``, ``200,000.00``, full-width digits), and line
    formulas (``60人×100元×2天``) checked, then stored as the line's factors."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in MONEY_FIELDS and db_field.get_internal_type() == "DecimalField":
            return amount_formfield(db_field)
        if db_field.get_internal_type() == "DecimalField":
            kwargs.setdefault("form_class", PlainDecimalField)
        if db_field.get_internal_type() == "TextField" and db_field.max_length is None:
            kwargs.setdefault("max_length", TEXT_LIMIT)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is LineItem:
            for line_form in formset.forms:
                warn_mismatch(request, line_form)
                line = line_form.instance
                if (
                    line.pk
                    and "formula" in line_form.changed_data
                    and line_form not in (formset.deleted_forms)
                ):
                    services.sync_factors(line)


def warn_mismatch(request, line_form) -> None:
    """A line saved although its formula does not give its amount: said at once, with what
    to do (the checks block submission until it is corrected or kept as 原文如此)."""
    if getattr(line_form, "mismatch", "") and line_form.instance.pk:
        messages.warning(
            request,
            f"测算明细“{line_form.instance}”：{line_form.mismatch}。已保存；录入有误的请改正，"
            "原文即如此的请在提交审核时写明原文如此的说明。",
        )


class FrozenReadOnly:
    """A published revision and everything in it is shown read-only: no saving, no deleting,
    no adding to it (the models and the database refuse it as well)."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not frozen(obj)

    def delete_queryset(self, request, queryset):
        try:
            super().delete_queryset(request, queryset)
        except FrozenRevisionError as error:
            self.message_user(request, str(error), messages.ERROR)


class FrozenReadOnlyInline(FrozenReadOnly):
    formset = ChildFormSet

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not frozen(obj)


@admin.register(Region)
class RegionAdmin(SafeAutocomplete, admin.ModelAdmin):
    list_display = ["name", "parent"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


@admin.register(Department)
class DepartmentAdmin(DepartmentScoped, admin.ModelAdmin):
    list_display = ["name", "short_name", "region"]
    filter_horizontal = ["members"]
    list_select_related = ["region"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["region"]

    def get_readonly_fields(self, request, obj=None):
        # Membership decides who manages which accounts; an administrator changes it on the
        # accounts' own pages, within their departments (projects.admin_accounts).
        if request.user.is_superuser:
            return []
        return ["members"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Search results are listed by department name from a copy on each search row.
        if change and "name" in form.changed_data:
            services.refresh_display_order(Project.objects.filter(disclosure__department=obj))


class ProjectInline(admin.TabularInline):
    model = Project
    fields = ["sequence", "name", "revision", "status"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Disclosure)
class DisclosureAdmin(DepartmentScoped, ScopedHistory):
    department_path = "department"
    list_display = ["title", "department", "fiscal_year"]
    list_filter = ["fiscal_year"]
    list_select_related = ["department"]
    search_fields = ["title", "department__name"]
    autocomplete_fields = ["department"]
    inlines = [ProjectInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "source_url":
            kwargs["assume_scheme"] = "https"  # 原文网址 typed without one is an https address
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Search results are listed by year and department from a copy on each search row.
        if change and {"fiscal_year", "department"} & set(form.changed_data):
            services.refresh_display_order(Project.objects.filter(disclosure=obj))


class PastedCitation:
    """A citation's document chosen by autocomplete or made from a pasted citation."""

    form = CitationForm
    autocomplete_fields = ["document"]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if not self.has_change_permission(request, obj):
            # Shown read-only: there is nothing to paste into.
            fields = [name for name in fields if name != "pasted"]
        return fields


class PrefetchedRows:
    """A nested formset takes its rows from its parent row's prefetched relation (the parent
    inline prefetches them with the same filter as the nested inline's queryset), so that the
    editor reads each kind of row once, not once per parent row."""

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            cache = getattr(self.instance, "_prefetched_objects_cache", {})
            name = self.fk.remote_field.get_accessor_name()
            if self.instance.pk is not None and name in cache:
                self._queryset = list(cache[name])
        return super().get_queryset()

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if form.instance.pk is not None and self.instance.pk is not None:
            # A stored row is locked exactly when the revision above it is: known already,
            # not asked of the database once per row.
            form.instance._admin_frozen = frozen(self.instance)
        return form


class LabelledDelete:
    """A row's 删除 box named for screen readers (it stands in a column under a header)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = "删除本行"


class NestedChildFormSet(LabelledDelete, PrefetchedRows, ChildFormSet, NestedInlineFormSet):
    """``ChildFormSet`` inside the project's one editor, where formsets nest."""


class NestedCitationFormSet(LabelledDelete, PrefetchedRows, CitationFormSet, NestedInlineFormSet):
    """``CitationFormSet`` inside the project's one editor."""


class LabelledCells:
    """For the editor's inlines: each field of a table row is named for screen readers
    (``aria-label``), since the table's header cells do not label the inputs below them."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for field in formset.form.base_fields.values():
            field.widget.attrs.setdefault("aria-label", str(field.label))
        return formset


class ShowsFindings(LabelledCells):
    """For the project editor's inlines: a column 核对 with the findings about each row,
    beside the fields they concern. The findings are the project's, worked out once per
    page (``ProjectAdmin.findings_by_row``) and handed down from inline to nested inline."""

    finding_kind = ""
    findings: dict[tuple[str, int], list[Finding]] = {}

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            inline.findings = self.findings
        return inlines

    @admin.display(description="核对")
    def checks(self, obj):
        found = self.findings.get((self.finding_kind, obj.pk), []) if obj and obj.pk else []
        return findings_list(found) if found else "—"


# A line's own fields, as every table of lines shows them.
LINE_FIELDS = ["sequence", "marker", "name", "declared_amount", "amount_text", "formula"]


class EditorChildLineInline(ShowsFindings, StaffEntry, FrozenReadOnlyInline, NestedTabularInline):
    """A line's child lines (其中 / the parts it adds up from), under the line. Deeper levels
    are edited on the child's own page (its link)."""

    model = LineItem
    verbose_name = "下级明细"
    verbose_name_plural = "下级明细（组成本行的各项，或原文“其中”所列部分）"
    form = LineItemForm
    formset = NestedChildFormSet
    fk_name = "parent"
    fields = [*LINE_FIELDS, "checks"]
    readonly_fields = ["checks"]
    finding_kind = "line"
    extra = 0
    show_change_link = True
    is_sortable = False
    classes = ["child-lines"]


class EditorLineInline(ShowsFindings, StaffEntry, FrozenReadOnlyInline, NestedTabularInline):
    """A sub-item's lines (测算明细), each with its child lines in place."""

    model = LineItem
    form = LineItemForm
    formset = NestedChildFormSet
    fk_name = "sub_item"
    fields = [*LINE_FIELDS, "partial", "source", "checks"]
    readonly_fields = ["checks"]
    finding_kind = "line"
    inlines = [EditorChildLineInline]
    extra = 0
    is_sortable = False
    classes = ["lines"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(parent__isnull=True)


# A milestone's fields, on the editor and on the sub-item's own page.
MILESTONE_FIELDS = [
    "sequence",
    "description",
    "due_year",
    "due_month",
    "payment_mode",
    "amount",
    "per_period",
    "amount_text",
]


class EditorMilestoneInline(ShowsFindings, StaffEntry, FrozenReadOnlyInline, NestedTabularInline):
    model = Milestone
    formset = NestedChildFormSet
    fields = [*MILESTONE_FIELDS, "checks"]
    readonly_fields = ["checks"]
    finding_kind = "milestone"
    extra = 0
    is_sortable = False
    classes = ["milestones"]


class EditorSubItemInline(ShowsFindings, StaffEntry, FrozenReadOnlyInline, NestedStackedInline):
    """四、五 and 七 of the text for one sub-item: its name and amount, what it does (with its
    calculation lines) and its plan (with its milestones)."""

    model = SubItem
    formset = NestedChildFormSet
    fieldsets = [
        (
            None,
            {"fields": ["sequence", "name", "declared_amount", "declared_amount_text", "checks"]},
        ),
        ("五、项目实施内容", {"fields": ["content"]}),
        ("七、项目实施计划", {"fields": ["plan"]}),
    ]
    readonly_fields = ["checks"]
    finding_kind = "sub_item"
    inlines = [EditorLineInline, EditorMilestoneInline]
    extra = 0
    is_sortable = False
    classes = ["sub-items"]

    def get_queryset(self, request):
        # The nested formsets' rows, read once for all sub-items (PrefetchedRows).
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "lines",
                    queryset=LineItem.objects.filter(parent__isnull=True).prefetch_related(
                        "children"
                    ),
                ),
                "milestones",
            )
        )


class CitationInline(
    ShowsFindings, PastedCitation, StaffEntry, FrozenReadOnlyInline, NestedTabularInline
):
    model = Citation
    # What to do, said where it is done (the columns' help is only in tooltips).
    verbose_name_plural = (
        "立项依据引用（选择政策文件；或在“粘贴引文”处粘贴原文的《标题》（文号），自动查找或新建）"
    )
    formset = NestedCitationFormSet
    fields = ["sequence", "document", "pasted", "cited_text", "separator", "checks"]
    readonly_fields = ["checks"]
    finding_kind = "citation"
    extra = 0
    is_sortable = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document")


class FundingSourceInline(ShowsFindings, StaffEntry, FrozenReadOnlyInline, NestedTabularInline):
    model = FundingSource
    formset = NestedChildFormSet
    fields = ["sequence", "name", "amount", "amount_text", "checks"]
    readonly_fields = ["checks"]
    finding_kind = "funding_source"
    extra = 0
    is_sortable = False


class PerformanceIndicatorInline(
    LabelledCells, StaffEntry, FrozenReadOnlyInline, NestedTabularInline
):
    model = PerformanceIndicator
    formset = NestedChildFormSet
    fields = ["sequence", "level1", "level2", "name", "comparator", "target", "unit"]
    extra = 0
    is_sortable = False


def findings_list(found: list[Finding], project: Project | None = None):
    """Findings as a list: label, where, what, and the source note (原文如此) of an error kept
    as written. Given the project, where links to the place to fix it (``finding_url``: on
    the editor, the field in place)."""
    anchors = getattr(project, "_admin_anchors", None)
    return format_html(
        '<ul class="findings">{}</ul>',
        format_html_join(
            "",
            '<li class="finding-{}"><strong>{}</strong> {}：{}{}</li>',
            (
                (
                    f.severity,
                    f.severity.label,
                    format_html(
                        '<a href="{}">{}</a>', finding_url(f, project, anchors), f.location.label
                    )
                    if project is not None
                    else f.location.label,
                    f.message,
                    format_html("<br>原文如此：{}", f.source_note) if f.source_note else "",
                )
                for f in found
            ),
        ),
    )


@admin.register(Project)
class ProjectAdmin(
    WorkflowAdminMixin,
    DepartmentScoped,
    StaffEntry,
    FrozenReadOnly,
    NestedModelAdminMixin,
    ScopedHistory,
):
    """One editor for a whole project, in the order of the text (一 to 八): citations,
    sub-items with their lines, child lines and milestones, funding sources and indicators
    nested in place (django-nested-admin), each row with its findings beside it, all findings
    at the top, and every error of a save listed at the top with a link to its field."""

    department_path = "disclosure__department"
    list_display = ["name", "sequence", "status", "revision", "declared_wan", "disclosure"]
    list_filter = ["status", FiscalYearFilter, DepartmentFilter]
    list_select_related = ["disclosure__department"]
    search_fields = ["name", "implementing_unit"]
    autocomplete_fields = ["disclosure"]
    save_on_top = True
    # Status and revision change only through the publishing workflow, never by editing a field.
    readonly_fields = ["status", "revision", "lineage", "published_at", "published_by", "findings"]
    fieldsets = [
        ("核对结果", {"fields": ["findings"]}),
        ("一、项目名称", {"fields": ["disclosure", "sequence", "name"]}),
        ("二、立项依据", {"fields": ["basis_preamble"]}),
        ("立项依据结语", {"fields": ["basis_closing"]}),
        ("三、项目实施单位", {"fields": ["implementing_unit"]}),
        ("六、资金安排情况", {"fields": ["declared_total", "declared_total_text", "funding_text"]}),
        ("八、项目实施成效", {"fields": ["outcomes"]}),
        (
            "修订与状态",
            {
                "fields": [
                    "status",
                    "lineage",
                    "revision",
                    "published_at",
                    "published_by",
                    "correction_note",
                    "withdrawal_reason",
                    "classification_code",
                ]
            },
        ),
    ]
    inlines = [
        CitationInline,
        EditorSubItemInline,
        FundingSourceInline,
        PerformanceIndicatorInline,
    ]
    # The page in the order of the text: fieldsets by name, inlines by model.
    TEXT_ORDER = [
        "核对结果",
        "一、项目名称",
        "二、立项依据",
        Citation,
        "立项依据结语",
        "三、项目实施单位",
        SubItem,  # 四 lists them; 五 and 七 are each sub-item's content and plan
        "六、资金安排情况",
        FundingSource,
        "八、项目实施成效",
        PerformanceIndicator,
        "修订与状态",
    ]

    def findings_by_row(self, request, obj) -> dict[tuple[str, int], list[Finding]]:
        """The project's findings by (kind, row id)."""
        if obj is None or obj.pk is None:
            return {}
        by_row: dict[tuple[str, int], list[Finding]] = {}
        for finding in project_findings(obj):
            if finding.location.ref is not None:
                by_row.setdefault((finding.location.kind, finding.location.ref), []).append(finding)
        return by_row

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        found = self.findings_by_row(request, obj)
        for inline in inlines:
            inline.findings = found
        return inlines

    def render_change_form(self, request, context, *args, **kwargs):
        fieldsets = {fieldset.name: fieldset for fieldset in context["adminform"]}
        inlines = {f.opts.model: f for f in context.get("inline_admin_formsets", [])}
        context["sections"] = [
            ("inline", inlines[key]) if key in inlines else ("fieldset", fieldsets[key])
            for key in self.TEXT_ORDER
            if key in inlines or key in fieldsets
        ]
        formsets = [f.formset for f in inlines.values()]
        context["error_links"] = error_links(context["adminform"].form, formsets)
        if context.get("original") is not None:
            # Where each row is on this page, so that a finding links to its field in place.
            context["original"]._admin_anchors = row_anchors(formsets)
        return super().render_change_form(request, context, *args, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The inlines are saved now: store the totals and search row they add up to.
        services.refresh_summary(form.instance)

    @admin.display(description="申报总额", ordering="declared_total")
    def declared_wan(self, obj):
        return wan(obj.declared_total)

    @admin.display(description="核对结果")
    def findings(self, obj):
        if obj.pk is None:
            return "保存后显示。"
        found = project_findings(obj)
        if not found:
            return "未发现问题。"
        hint = ""
        if any(f.blocking for f in found):
            hint = mark_safe(
                '<p class="help">错误须改正后才能提交审核；如原文即如此，可在'
                "“提交审核”页该错误旁写明原文如此的说明。</p>"
            )
        return format_html("{}{}", findings_list(found, obj), hint)


def project_findings(project: Project) -> list[Finding]:
    """The stored project's findings, worked out once for the page that shows it (the
    summary at the top and every row's column read them)."""
    if not hasattr(project, "_admin_findings"):
        tree = selectors.with_tree(Project.objects.filter(pk=project.pk)).get()
        project._admin_findings = selectors.project_findings(tree)
    return project._admin_findings


_FINDING_KINDS = {
    SubItem: "sub_item",
    LineItem: "line",
    Milestone: "milestone",
    Citation: "citation",
    FundingSource: "funding_source",
}


def row_anchors(formsets) -> dict[tuple[str, int], str]:
    """(finding kind, row id) → the form prefix of the row on the editor, nested rows too."""
    anchors = {}

    def walk(formset):
        kind = _FINDING_KINDS.get(formset.model)
        for row in formset.forms:
            if kind is not None and row.instance.pk is not None:
                anchors[(kind, row.instance.pk)] = row.prefix
            for nested in getattr(row, "nested_formsets", []):
                walk(nested)

    for formset in formsets:
        walk(formset)
    return anchors


def error_links(form, formsets) -> list[tuple[str, str, str]]:
    """Every error of a posted page, main form and nested formsets alike, as (where, what,
    link to the field): listed at the top, so none is missed below or beside the screen."""
    links = []

    def add(form, where):
        for name, errors in form.errors.items():
            if name == "__all__" or name not in form.fields:
                label, anchor = where or "本页", ""
            else:
                field = form[name]
                label = f"{where} {field.label}" if where else str(field.label)
                anchor = f"#{field.auto_id}"
            for error in errors:
                links.append((label, error, anchor))

    def walk(formset, where):
        child_lines = formset.model is LineItem and formset.fk.name == "parent"
        name = "下级明细" if child_lines else str(formset.model._meta.verbose_name)
        for error in formset.non_form_errors():
            links.append((f"{where}{name}", error, f"#{formset.prefix}-group"))
        for index, row in enumerate(formset.forms, start=1):
            here = f"{where}{name}第{index}行"
            add(row, here)
            for nested in getattr(row, "nested_formsets", []):
                walk(nested, f"{here} › ")

    add(form, "")
    for formset in formsets:
        walk(formset, "")
    return links


class RefreshesProjectMixin:
    """For a project's child rows: after an edit or delete, the projects they belong to (the
    one chosen now and the one before) get their totals and search row stored again."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for project_id in {form.instance.project_id, form.initial.get("project")} - {None}:
            services.refresh_summary(Project(pk=project_id))

    def delete_model(self, request, obj):
        project_id = obj.project_id
        super().delete_model(request, obj)
        services.refresh_summary(Project(pk=project_id))

    def delete_queryset(self, request, queryset):
        project_ids = set(queryset.values_list("project_id", flat=True))
        super().delete_queryset(request, queryset)
        for project_id in sorted(project_ids):
            services.refresh_summary(Project(pk=project_id))


class LineItemInline(StaffEntry, FrozenReadOnlyInline, admin.TabularInline):
    model = LineItem
    form = LineItemForm
    fk_name = "sub_item"
    fields = [*LINE_FIELDS, "parent", "partial", "source"]
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        # A published sub-item shows its lines read-only, each naming its parent line.
        return super().get_queryset(request).select_related("parent")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "parent":
            sub_item_id = request.resolver_match.kwargs.get("object_id")
            field.queryset = LineItem.objects.filter(sub_item_id=sub_item_id)
            # Evaluated once for the whole formset, not once per row.
            field.choices = list(field.choices)
        return field


class MilestoneInline(StaffEntry, FrozenReadOnlyInline, admin.TabularInline):
    model = Milestone
    fields = MILESTONE_FIELDS
    extra = 0


@admin.register(SubItem)
class SubItemAdmin(
    DepartmentScoped, StaffEntry, FrozenReadOnly, RefreshesProjectMixin, ScopedHistory
):
    department_path = "project__disclosure__department"
    list_display = ["__str__", "project", "declared_wan"]
    list_select_related = ["project"]
    search_fields = ["name", "content", "plan"]
    autocomplete_fields = ["project"]
    inlines = [LineItemInline, MilestoneInline]

    @admin.display(description="申报金额", ordering="declared_amount")
    def declared_wan(self, obj):
        return wan(obj.declared_amount)


class FactorInline(StaffEntry, FrozenReadOnlyInline, admin.TabularInline):
    model = Factor
    fields = ["sequence", "value", "unit", "label"]
    extra = 0


class ChildLineInline(StaffEntry, FrozenReadOnlyInline, admin.TabularInline):
    model = LineItem
    form = LineItemForm
    fk_name = "parent"
    fields = [*LINE_FIELDS, "partial"]
    extra = 0
    show_change_link = True


@admin.register(LineItem)
class LineItemAdmin(DepartmentScoped, StaffEntry, FrozenReadOnly, ScopedHistory):
    department_path = "sub_item__project__disclosure__department"
    list_display = ["__str__", "sub_item", "declared_wan", "formula"]
    list_select_related = ["sub_item__project"]
    search_fields = ["name", "formula"]
    autocomplete_fields = ["sub_item", "parent"]
    inlines = [FactorInline, ChildLineInline]
    form = LineItemForm
    readonly_fields = ["computed"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        warn_mismatch(request, form)
        if "formula" in form.changed_data or not change:
            services.sync_factors(form.instance)
        services.refresh_summary(Project(pk=form.instance.sub_item.project_id))

    @admin.display(description="申报金额", ordering="declared_amount")
    def declared_wan(self, obj):
        return wan(obj.declared_amount)

    @admin.display(description="按计算式核算")
    def computed(self, obj):
        factors = list(obj.factors.all()) if obj.pk else []
        if not factors:
            return "没有计算式。" if obj.pk else "保存后按计算式核算。"
        result = product(factors)
        declared = wan(obj.declared_amount) if obj.declared_amount is not None else "未写明"
        text = f"{format_yuan(result)}（申报 {declared}）"
        if obj.declared_amount is not None and result != obj.declared_amount:
            return format_html("<strong>{}：与申报金额不一致</strong>", text)
        return text


@admin.register(Factor)
class FactorAdmin(DepartmentScoped, StaffEntry, FrozenReadOnly, ScopedHistory):
    department_path = "line__sub_item__project__disclosure__department"
    list_display = ["__str__", "label", "line"]
    list_select_related = ["line"]
    autocomplete_fields = ["line"]


@admin.register(Milestone)
class MilestoneAdmin(DepartmentScoped, StaffEntry, FrozenReadOnly, ScopedHistory):
    department_path = "sub_item__project__disclosure__department"
    list_display = ["__str__", "sub_item", "due_year", "due_month", "payment_mode", "amount"]
    list_select_related = ["sub_item__project"]
    autocomplete_fields = ["sub_item"]


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(SafeAutocomplete, ScopedHistory):
    list_display = ["title", "document_number", "issuing_body"]
    search_fields = ["title", "document_number"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Search finds a project by the title and 文号 of what it cites.
        if change and {"title", "document_number"} & set(form.changed_data):
            services.refresh_document_citers(obj)


@admin.register(Citation)
class CitationAdmin(
    PastedCitation,
    DepartmentScoped,
    StaffEntry,
    FrozenReadOnly,
    RefreshesProjectMixin,
    ScopedHistory,
):
    department_path = "project__disclosure__department"
    fields = ["project", "sequence", "document", "pasted", "cited_text", "separator"]
    list_display = ["cited_text", "project", "sequence"]
    list_select_related = ["project"]
    search_fields = ["cited_text"]
    autocomplete_fields = ["project", "document"]


@admin.register(FundingSource)
class FundingSourceAdmin(DepartmentScoped, StaffEntry, FrozenReadOnly, ScopedHistory):
    department_path = "project__disclosure__department"
    list_display = ["name", "project", "amount"]
    list_select_related = ["project"]
    autocomplete_fields = ["project"]


@admin.register(PerformanceIndicator)
class PerformanceIndicatorAdmin(DepartmentScoped, StaffEntry, FrozenReadOnly, ScopedHistory):
    department_path = "project__disclosure__department"
    list_display = ["name", "project", "level1", "level2", "comparator", "target", "unit"]
    list_select_related = ["project"]
    autocomplete_fields = ["project"]
