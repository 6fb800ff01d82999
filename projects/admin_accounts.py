"""Staff accounts in the admin: who may manage which accounts, and what each may grant.

- A superuser manages every account and grants anything: superuser status, staff status,
  any group or permission.
- A 管理员 (administrator) who is not a superuser manages only the accounts of their own
  departments: accounts that belong to at least one of them and to no other department, that
  are not superusers and that hold nothing but the three roles (no other group, no permission
  of their own). On those accounts they set the name, e-mail, password, whether the account is
  active, its roles and its departments (among their own). They grant nothing else: staff
  status follows the roles (an account with a role can open the admin, one without cannot),
  and superuser status, other groups and single permissions are not on their form at all, so
  a posted value for them is ignored. Their own account they may rename and give a new
  password, but not its roles, departments or active status.

The rule is enforced where the admin reads and writes: the queryset (an account out of reach is
as absent as a deleted one, its password page included) and the form (only the fields above,
with choices limited to the roles and the administrator's departments).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.db.models import Q

from .models import Department
from .roles import ADMINISTRATOR, ROLE_PERMISSIONS

User = get_user_model()


# A permission as staff read it: 项目：修改, not "projects | 项目 | Can change 项目" (Django
# names permissions in English when it creates them).
_ACTIONS = {"add": "增加", "change": "修改", "delete": "删除", "view": "查看"}


def permission_label(permission) -> str:
    action, _, _model = permission.codename.partition("_")
    model = permission.content_type.model_class()
    kind = model._meta.verbose_name if model is not None else permission.content_type.model
    return f"{kind}：{_ACTIONS.get(action, permission.name)}"


class ChinesePermissions:
    """For the admins that show permissions (superusers only): each one named in Chinese."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions") and field is not None:
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field


def is_administrator(user) -> bool:
    return user.groups.filter(name=ADMINISTRATOR).exists()


def role_groups():
    return Group.objects.filter(name__in=ROLE_PERMISSIONS).order_by("name")


def managed_accounts(user):
    """The accounts ``user`` may manage (their own included; what they may change on it is
    limited by the form)."""
    if user.is_superuser:
        return User.objects.all()
    if not is_administrator(user):
        return User.objects.filter(pk=user.pk)
    mine = Department.objects.filter(members=user)
    others = Department.objects.exclude(pk__in=mine)
    within = (
        User.objects.filter(is_superuser=False, departments__in=mine)
        .exclude(departments__in=others)
        .exclude(groups__in=Group.objects.exclude(name__in=ROLE_PERMISSIONS))
        .exclude(user_permissions__isnull=False)
    )
    return User.objects.filter(Q(pk__in=within.values("pk")) | Q(pk=user.pk))


class AccountFields(forms.ModelForm):
    """Roles and departments on an account's form, limited to what the editor may give."""

    roles = forms.ModelMultipleChoiceField(
        label="角色",
        queryset=Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="录入员录入和修改本单位的项目；审核员审核公开；管理员管理本单位的账号和基础数据。",
    )
    departments = forms.ModelMultipleChoiceField(
        label="所属预算单位",
        queryset=Department.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="账号只能看到和处理所属单位的记录。",
    )

    def limit(self, editor, editable: set[str]) -> None:
        """Only the ``editable`` fields, with the choices ``editor`` may give; an
        administrator's account must belong to at least one of their departments."""
        for name in list(self.fields):
            if name not in editable:
                del self.fields[name]
        if "roles" in self.fields:
            self.fields["roles"].queryset = role_groups()
            if self.instance.pk is not None:
                self.initial["roles"] = list(self.instance.groups.filter(name__in=ROLE_PERMISSIONS))
        if "departments" in self.fields:
            departments = Department.objects.order_by("name")
            if not editor.is_superuser:
                departments = departments.filter(members=editor)
                self.fields["departments"].required = True
            self.fields["departments"].queryset = departments
            if self.instance.pk is not None:
                self.initial["departments"] = list(self.instance.departments.all())

    def save_accounts(self, user) -> None:
        """Store roles and departments; groups and departments beyond the editor's choices
        (a superuser's grants) are kept."""
        if "roles" in self.fields:
            kept = user.groups.exclude(name__in=ROLE_PERMISSIONS)
            user.groups.set([*kept, *self.cleaned_data["roles"]])
        if "departments" in self.fields:
            offered = self.fields["departments"].queryset
            kept = user.departments.exclude(pk__in=offered)
            user.departments.set([*kept, *self.cleaned_data["departments"]])


class AccountChangeForm(AccountFields, UserChangeForm):
    pass


class AccountCreationForm(AccountFields, AdminUserCreationForm):
    pass


class StaffUserAdmin(ChinesePermissions, UserAdmin):
    form = AccountChangeForm
    add_form = AccountCreationForm
    list_display = ("username", "first_name", "last_name", "is_active", "is_staff", "role_names")
    list_filter = ("is_active", "groups")

    ADMINISTRATOR_FIELDSETS = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("first_name", "last_name", "email")}),
        ("角色与单位", {"fields": ("is_active", "roles", "departments")}),
        ("重要日期", {"fields": ("last_login", "date_joined")}),
    )
    # Their own account: nobody raises or lowers their own privileges.
    OWN_FIELDSETS = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("first_name", "last_name", "email")}),
        ("角色与单位", {"fields": ("is_active", "role_names", "department_names")}),
        ("重要日期", {"fields": ("last_login", "date_joined")}),
    )
    # A superuser's page is Django's (groups and permissions included), with departments.
    SUPERUSER_FIELDSETS = (*UserAdmin.fieldsets, ("所属预算单位", {"fields": ("departments",)}))
    ADD_FIELDSETS = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "usable_password", "password1", "password2"),
            },
        ),
        ("角色与单位", {"fields": ("roles", "departments")}),
    )

    def get_queryset(self, request):
        accounts = managed_accounts(request.user).values("pk")
        return super().get_queryset(request).filter(pk__in=accounts).prefetch_related("groups")

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.ADD_FIELDSETS
        if request.user.is_superuser:
            return self.SUPERUSER_FIELDSETS
        if obj.pk == request.user.pk:
            return self.OWN_FIELDSETS
        return self.ADMINISTRATOR_FIELDSETS

    def get_readonly_fields(self, request, obj=None):
        readonly = ["last_login", "date_joined"]
        if obj is not None and obj.pk == request.user.pk and not request.user.is_superuser:
            readonly += ["is_active", "role_names", "department_names"]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        editor = request.user
        # Exactly the fields of the page: a value posted for any other is ignored.
        editable = set(flatten_fieldsets(self.get_fieldsets(request, obj))) - set(
            self.get_readonly_fields(request, obj)
        )

        class Limited(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.limit(editor, editable)

        return Limited

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            obj.is_superuser = False
            if obj.pk != request.user.pk:
                # Staff status follows the roles the administrator gives.
                obj.is_staff = bool(form.cleaned_data.get("roles"))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.save_accounts(form.instance)

    def has_delete_permission(self, request, obj=None):
        # Accounts are deactivated, not deleted, except by a superuser: the edit history
        # names who made each change.
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    # Shown read-only (an administrator's own account) and in the list.
    @admin.display(description="角色")
    def role_names(self, obj):
        return "、".join(g.name for g in obj.groups.all() if g.name in ROLE_PERMISSIONS)

    @admin.display(description="所属预算单位")
    def department_names(self, obj):
        return "、".join(d.name for d in obj.departments.all())


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)


class ChineseGroupAdmin(ChinesePermissions, GroupAdmin):
    pass


admin.site.unregister(Group)
admin.site.register(Group, ChineseGroupAdmin)
