"""Staff roles as Django groups; the data migration 0002 creates them with their permissions.

Department scoping (a clerk sees only their own department) belongs to the staff-workflow
work; the groups and their model permissions exist from the start.
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
    + [("projects", "add_policydocument")],
    REVIEWER: [("projects", c) for c in _codenames(("view",), PROJECT_MODELS + REFERENCE_MODELS)]
    + [("projects", "change_project")],
    ADMINISTRATOR: [
        ("projects", c) for c in _codenames(("add", "change", "delete", "view"), REFERENCE_MODELS)
    ]
    + [("projects", c) for c in _codenames(("view",), PROJECT_MODELS)]
    + [("auth", c) for c in _codenames(("add", "change", "view"), ("user",))]
    + [("auth", "view_group")],
}
