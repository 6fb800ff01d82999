"""Admin for browsing and fixing records, in Chinese; roles and scoping come with the workflow."""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from budget.amounts import format_wan, format_yuan
from budget.formulas import product

from . import (
    admin_accounts,  # noqa: F401  (registers the staff accounts' admin)
    history,
    roles,
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


def reviews_only(user) -> bool:
    names = set(user.groups.values_list("name", flat=True))
    return roles.REVIEWER in names and roles.CLERK not in names


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
        if db_field.get_internal_type() == "TextField" and db_field.max_length is None:
            kwargs.setdefault("max_length", TEXT_LIMIT)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is LineItem:
            for line_form in formset.forms:
                line = line_form.instance
                if (
                    line.pk
                    and "formula" in line_form.changed_data
                    and line_form not in (formset.deleted_forms)
                ):
                    services.sync_factors(line)


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


class CitationInline(PastedCitation, StaffEntry, FrozenReadOnlyInline, admin.TabularInline):
    model = Citation
    formset = CitationFormSet
    fields = ["sequence", "document", "pasted", "cited_text", "separator"]
    extra = 0


class SubItemInline(StaffEntry, FrozenReadOnlyInline, admin.StackedInline):
    model = SubItem
    fields = ["sequence", "name", "declared_amount", "declared_amount_text", "content", "plan"]
    extra = 0
    show_change_link = True


class FundingSourceInline(StaffEntry, FrozenReadOnlyInline, admin.TabularInline):
    model = FundingSource
    fields = ["sequence", "name", "amount", "amount_text"]
    extra = 0


class PerformanceIndicatorInline(StaffEntry, FrozenReadOnlyInline, admin.TabularInline):
    model = PerformanceIndicator
    fields = ["sequence", "level1", "level2", "name", "comparator", "target", "unit"]
    extra = 0


@admin.register(Project)
class ProjectAdmin(WorkflowAdminMixin, DepartmentScoped, StaffEntry, FrozenReadOnly, ScopedHistory):
    department_path = "disclosure__department"
    list_display = ["name", "sequence", "status", "revision", "declared_wan", "disclosure"]
    list_filter = ["status", FiscalYearFilter, DepartmentFilter]
    list_select_related = ["disclosure__department"]
    search_fields = ["name", "implementing_unit"]
    autocomplete_fields = ["disclosure"]
    # Status and revision change only through the publishing workflow, never by editing a field.
    readonly_fields = ["status", "revision", "lineage", "published_at", "published_by", "findings"]
    fieldsets = [
        (None, {"fields": ["disclosure", "sequence", "name", "implementing_unit", "findings"]}),
        ("二、立项依据", {"fields": ["basis_preamble", "basis_closing"]}),
        (
            "六、资金安排情况",
            {"fields": ["declared_total", "declared_total_text", "funding_text"]},
        ),
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
    inlines = [CitationInline, SubItemInline, FundingSourceInline, PerformanceIndicatorInline]

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
        project = selectors.with_tree(Project.objects.filter(pk=obj.pk)).get()
        found = selectors.project_findings(project)
        if not found:
            return "未发现问题。"
        items = format_html_join(
            "",
            '<li><strong>{}</strong> <a href="{}">{}</a>：{}{}</li>',
            (
                (
                    f.severity.label,
                    finding_url(f, obj),
                    f.location.label,
                    f.message,
                    format_html("<br>原文如此：{}", f.source_note) if f.source_note else "",
                )
                for f in found
            ),
        )
        hint = ""
        if any(f.blocking for f in found):
            hint = mark_safe(
                '<p class="help">错误须改正后才能提交审核；如原文即如此，可在'
                "“提交审核”页该错误旁写明原文如此的说明。</p>"
            )
        return format_html('<ul class="findings">{}</ul>{}', items, hint)


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
    fields = [
        "sequence",
        "marker",
        "name",
        "declared_amount",
        "amount_text",
        "formula",
        "parent",
        "partial",
        "source",
    ]
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
    fields = [
        "sequence",
        "description",
        "due_year",
        "due_month",
        "payment_mode",
        "amount",
        "amount_text",
    ]
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
    fields = ["sequence", "marker", "name", "declared_amount", "amount_text", "formula", "partial"]
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
