"""The staff start page (the admin's index): what waits for this person, by role.

A clerk sees the drafts they worked on and those a reviewer returned; a reviewer the
submissions waiting for review, with who submitted them, when, how many findings the checks
have and, for a correction, what it changes against the revision the public sees; everyone
the latest publications of their departments. An account in no department is told why it
sees nothing and whom to ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from budget.compare import compare

from . import roles
from .models import Project, Status
from .presenters import amount_keys, revision_entries

LISTED = 20  # rows a section shows; the change list has the rest
CHANGES_NAMED = 3  # changes of a correction named in the waiting list


@dataclass
class Waiting:
    project: Project
    live: Project | None  # the revision the public sees, for a correction
    changes: list[str] = field(default_factory=list)  # labels of what changed


@dataclass
class StartPage:
    no_department: bool
    enters: bool  # may enter and change projects (a clerk)
    reviews: bool  # may publish (a reviewer)
    mine: list[Project]
    drafts: int  # drafts of the departments in all, whoever entered them
    returned: list[Project]
    waiting: list[Waiting]
    recent: list[Project]


def _projects(user) -> QuerySet[Project]:
    projects = Project.objects.select_related("disclosure__department")
    if user.is_superuser:
        return projects
    return projects.filter(disclosure__department__in=user.departments.all())


def _waiting(submitted: list[Project]) -> list[Waiting]:
    """Each submission with the revision the public sees (one query for all) and, for a
    correction, what it changes against it."""
    live = {
        p.lineage: p
        for p in Project.objects.filter(
            lineage__in=[p.lineage for p in submitted], status=Status.PUBLISHED
        )
    }
    waiting = []
    for project in submitted:
        shown = live.get(project.lineage)
        if shown is None:
            waiting.append(Waiting(project, None))
            continue
        entries = (revision_entries(shown), revision_entries(project))
        changes = compare(*entries, whole=amount_keys(*entries))
        waiting.append(Waiting(project, shown, [change.label for change in changes]))
    return waiting


def start_page(user) -> StartPage:
    groups = set(user.groups.values_list("name", flat=True))
    enters = user.is_superuser or roles.CLERK in groups
    reviews = user.is_superuser or roles.REVIEWER in groups
    no_department = not user.is_superuser and not user.departments.exists()
    projects = _projects(user)
    mine = returned = waiting = []
    drafts = 0
    if enters:
        worked_on = Project.history.filter(history_user=user).values("id")
        draft = projects.filter(status=Status.DRAFT)
        mine = list(
            draft.filter(pk__in=worked_on, review_comment="").order_by("-updated_at")[:LISTED]
        )
        returned = list(draft.exclude(review_comment="").order_by("-updated_at")[:LISTED])
        drafts = draft.count()
    if reviews or enters:
        submitted = projects.filter(status=Status.SUBMITTED).select_related("submitted_by")
        waiting = _waiting(list(submitted.order_by("submitted_at")[:LISTED]))
    recent = list(
        projects.filter(status=Status.PUBLISHED)
        .select_related("published_by")
        .order_by("-published_at")[:10]
    )
    return StartPage(no_department, enters, reviews, mine, drafts, returned, waiting, recent)
