"""Staff roles as Django groups; the data migration 0002 creates them with their permissions,
and ``ensure_roles`` (after every migrate) keeps them exactly as listed here.

Everyone but a superuser works in their own departments only (``projects.admin``); who may
manage which accounts is in ``projects.admin_accounts``.
"""

CLERK = "录入员"
REVIEWER = "审核员"
ADMINISTRATOR = "管理员"

PROJECT_MODELS = (
    "project",
    "subitem",
    "lineitem",
    "factor",
    "milestone",
    "citation",
    "fundingsource",
    "performanceindicator",
)
REFERENCE_MODELS = ("region", "department", "disclosure", "policydocument")


def _codenames(actions, models):
    return [f"{action}_{model}" for model in models for action in actions]


# group name → (app label, permission codename) pairs
ROLE_PERMISSIONS = {
    CLERK: [
        ("projects", c) for c in _codenames(("add", "change", "delete", "view"), PROJECT_MODELS)
    ]
    + [("projects", c) for c in _codenames(("view",), REFERENCE_MODELS)]
    + [("projects", "add_policydocument")]
    # The 导入公开文本 page: upload, check and confirm or cancel (projects.admin_import).
    + [("projects", c) for c in _codenames(("add", "delete", "view"), ("sourcefile",))],
    REVIEWER: [
        ("projects", c)
        for c in _codenames(("view",), PROJECT_MODELS + REFERENCE_MODELS + ("sourcefile",))
    ]
    + [("projects", "change_project")],
    # An administrator looks after their own departments: their disclosures and accounts, and
    # the shared registries (regions, policy documents). Departments themselves are created
    # and removed by a superuser, who also names their first administrator.
    ADMINISTRATOR: [
        ("projects", c)
        for c in _codenames(
            ("add", "change", "delete", "view"), ("region", "disclosure", "policydocument")
        )
    ]
    + [("projects", c) for c in _codenames(("change", "view"), ("department",))]
    + [("projects", c) for c in _codenames(("view",), PROJECT_MODELS)]
    + [("auth", c) for c in _codenames(("add", "change", "view"), ("user",))]
    + [("auth", "view_group")],
}


def reviews_only(user) -> bool:
    """A reviewer who is not also a clerk: sees a department's drafts only once submitted."""
    names = set(user.groups.values_list("name", flat=True))
    return REVIEWER in names and CLERK not in names


def ensure_roles(**kwargs) -> None:
    """Create the role groups with their permissions where missing (after every migrate, and
    after a test database is flushed, through ``post_migrate``). Existing groups get exactly
    the permissions listed here."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for name, permissions in ROLE_PERMISSIONS.items():
        wanted = Q(pk__in=[])
        for app_label, codename in permissions:
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(wanted))
