"""The edit history of a record's related rows, for the staff history page.

django-simple-history keeps one historical row per save or delete of every project record
(who, when, what type of change). The admin's history page of a project shows the project's
own rows; staff edit citations, sub-items, lines and factors on the same pages, so those
changes are gathered here and listed below, each with what changed from the row before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from .models import (
    LIFECYCLE_FIELDS,
    Citation,
    Factor,
    FundingSource,
    LineItem,
    Milestone,
    PerformanceIndicator,
    Project,
    SourceNote,
    SubItem,
)

# Enough for any page a person reads; older changes stay in the tables.
LIMIT = 200

_TYPE_LABELS = {"+": "新建", "~": "修改", "-": "删除"}

# The change reason of the rows a correction copies from the published revision: copying is
# not authoring, so it does not make the copier one of the revision's editors.
CLONED = "复制已公开版本，创建更正版本"


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class Entry:
    when: object
    user: object
    action: str
    kind: str
    label: str
    changes: list[Change] = field(default_factory=list)


def _tracked(model) -> list:
    return [f for f in model._meta.concrete_fields if f.name != "id"]


def _entries(model, records) -> list[Entry]:
    """One entry per historical row, with the fields that differ from the row before."""
    fields = _tracked(model)
    kind = model._meta.verbose_name
    entries = []
    ordered = sorted(records, key=lambda r: (r.id, r.history_date, r.history_id))
    for _, rows in groupby(ordered, key=lambda r: r.id):
        previous = None
        for record in rows:
            changes = []
            if previous is not None and record.history_type == "~":
                for f in fields:
                    old, new = getattr(previous, f.attname), getattr(record, f.attname)
                    if old != new:
                        changes.append(Change(str(f.verbose_name), old, new))
            entries.append(
                Entry(
                    when=record.history_date,
                    user=record.history_user,
                    action=_TYPE_LABELS.get(record.history_type, record.history_type),
                    kind=str(kind),
                    label=str(record.instance),
                    changes=changes,
                )
            )
            previous = record
    return entries


def _rows(model, **lookup):
    return list(model.history.filter(**lookup).select_related("history_user"))


def _line_ids(sub_item_ids) -> set[int]:
    return set(LineItem.history.filter(sub_item_id__in=sub_item_ids).values_list("id", flat=True))


def related_changes(model, object_id) -> list[Entry]:
    """Changes to the rows edited on the page of ``model`` ``object_id``, newest first."""
    try:
        object_id = int(object_id)
    except (TypeError, ValueError):
        return []
    groups: list[tuple[type, list]] = []
    if model is Project:
        sub_item_ids = set(
            SubItem.history.filter(project_id=object_id).values_list("id", flat=True)
        )
        line_ids = _line_ids(sub_item_ids)
        groups = [
            (Citation, _rows(Citation, project_id=object_id)),
            (FundingSource, _rows(FundingSource, project_id=object_id)),
            (PerformanceIndicator, _rows(PerformanceIndicator, project_id=object_id)),
            (SourceNote, _rows(SourceNote, project_id=object_id)),
            (SubItem, _rows(SubItem, project_id=object_id)),
            (Milestone, _rows(Milestone, sub_item_id__in=sub_item_ids)),
            (LineItem, _rows(LineItem, id__in=line_ids)),
            (Factor, _rows(Factor, line_id__in=line_ids)),
        ]
    elif model is SubItem:
        line_ids = _line_ids({object_id})
        groups = [
            (Milestone, _rows(Milestone, sub_item_id=object_id)),
            (LineItem, _rows(LineItem, id__in=line_ids)),
            (Factor, _rows(Factor, line_id__in=line_ids)),
        ]
    elif model is LineItem:
        groups = [
            (LineItem, _rows(LineItem, parent_id=object_id)),
            (Factor, _rows(Factor, line_id=object_id)),
        ]
    entries = [entry for related, rows in groups for entry in _entries(related, rows)]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:LIMIT]


def content_editors(project_id: int) -> set[int]:
    """Who changed what a revision states, by user id: every change to the rows below it and
    every change of the project row's own content (not its lifecycle: submitting, returning
    and publishing are not edits), except rows a correction copied. Changes made outside a
    request (the loader, the importer) have no user and are not counted."""
    content = [f.attname for f in _tracked(Project) if f.name not in LIFECYCLE_FIELDS]
    editors: set[int] = set()
    previous = None
    for record in Project.history.filter(id=project_id).order_by("history_date", "history_id"):
        changed = previous is None or any(
            getattr(record, name) != getattr(previous, name) for name in content
        )
        if changed and record.history_change_reason != CLONED and record.history_user_id:
            editors.add(record.history_user_id)
        previous = record
    sub_item_ids = set(SubItem.history.filter(project_id=project_id).values_list("id", flat=True))
    line_ids = _line_ids(sub_item_ids)
    for model, lookup in (
        (Citation, {"project_id": project_id}),
        (FundingSource, {"project_id": project_id}),
        (PerformanceIndicator, {"project_id": project_id}),
        (SourceNote, {"project_id": project_id}),
        (SubItem, {"project_id": project_id}),
        (Milestone, {"sub_item_id__in": sub_item_ids}),
        (LineItem, {"id__in": line_ids}),
        (Factor, {"line_id__in": line_ids}),
    ):
        editors |= set(
            model.history.filter(**lookup, history_user__isnull=False)
            .exclude(history_change_reason=CLONED)
            .values_list("history_user_id", flat=True)
        )
    return editors
