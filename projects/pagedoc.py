"""A revision's page document: what its body shows, worked out once, as plain JSON.

The body of a project (its eight sections, calculation tables, findings and chart: the
project page, each project of a disclosure's page, the PDFs, the reviewer's preview) is a
function of the revision's records alone, and a published revision never changes
(``GuardedChild`` and the database triggers). So the tree is read, checked, rolled up and
formatted once, into a document of strings and numbers (``build``), and the body is drawn
from that document by one template, ``templates/projects/body.html`` (``render``).

A published revision's document is stored beside it (``PageDocument``), as its itemised
total and finding count are on its row: written when it is published, or by the first read
of a revision that has none, or whose document other code wrote (``version``: a digest of
the sources that make documents, so that no change to them leaves old documents served).
The page then reads one row and draws it, instead of nine queries, some 160 model objects
and the checks.
A draft's document is built for each preview and never stored.

The document holds no markup: every text in it is escaped when the template draws it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.defaultfilters import date as format_date
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

from budget import amounts, checks, rollups
from budget.checks import Finding

from . import selectors
from .charts import Bar, money_bars
from .models import FROZEN_STATUSES, PageDocument, Project, SubItem

# What a document is made by: the tree's reading, the checks, roll-ups and formatting, the
# records' labels, the addresses it links to, and this module.
# What a document is made from: every Python file of the packages below, and the templates.
# Derived from the tree, not listed file by file: a new or moved module that shapes the
# documents (a formatter, a check) cannot be missed. A change anywhere in them rebuilds each
# stored document once, on its next read.
SOURCE_PACKAGES = ("budget", "projects", "infra", "portal")
TEMPLATE = "projects/body.html"


@dataclass(frozen=True)
class SubItemView:
    sub_item: SubItem
    lines: tuple[selectors.LineNode, ...]
    total: Decimal | None
    findings: tuple[Finding, ...]


def _context(project: Project) -> dict:
    """The tree read, checked and rolled up: what the document is written from."""
    data, forests = selectors.project_tree(project)
    findings = checks.check_project(data)
    by_sub_item: dict[int, list[Finding]] = {}
    project_findings = []
    for finding in findings:
        path = finding.location.path
        if finding.location.kind in ("sub_item", "line", "milestone") and path:
            by_sub_item.setdefault(path[0], []).append(finding)
        else:
            project_findings.append(finding)
    sub_items = []
    for sub_item, sub_data in zip(project.sub_items.all(), data.sub_items, strict=True):
        sub_items.append(
            SubItemView(
                sub_item=sub_item,
                lines=forests[sub_item.pk],
                total=rollups.sub_item_total(sub_data),
                findings=tuple(by_sub_item.get(sub_item.sequence, ())),
            )
        )
    return {
        "project": project,
        "disclosure": project.disclosure,
        "sub_items": sub_items,
        "citations": list(project.citations.all()),
        "funding_sources": list(project.funding_sources.all()),
        "indicators": list(project.performance_indicators.all()),
        "milestones": [
            milestone
            for sub_item in project.sub_items.all()
            for milestone in sub_item.milestones.all()
        ],
        "findings": findings,
        "project_findings": project_findings,
        "itemised_total": rollups.itemised_total(data),
        "unitemised": rollups.unitemised_sub_items(data),
        "overview": "；".join(f"{s.sequence}.{s.name}" for s in project.sub_items.all()) + "。",
    }


@cache
def version() -> str:
    """A digest of the code and templates that make documents (``SOURCE_PACKAGES``): documents
    written by other code are built again when read."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    files = [f for package in SOURCE_PACKAGES for f in (base / package).rglob("*.py")]
    files += [f for f in (base / "templates").rglob("*") if f.is_file()]
    for file in sorted(files):
        if "migrations" in file.parts:
            continue
        digest.update(str(file.relative_to(base)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _blank(format_amount: Callable[..., str], value: Decimal | None, **options) -> str:
    """An amount in ``budget.amounts``' format, "" for none."""
    return "" if value is None else format_amount(value, **options)


def _money(value: Decimal | None) -> dict[str, str]:
    """An amount as the page writes it: 150万元, with 1,500,000.00元 on hover ("" if none)."""
    if value is None:
        return {"wan": "", "yuan": "", "daxie": ""}
    return {
        "wan": amounts.format_wan(value),
        "yuan": amounts.format_yuan(value),
        "daxie": amounts.to_daxie(value),
    }


def _finding(finding: Finding) -> dict[str, str]:
    return {
        "severity": str(finding.severity),
        "label": finding.severity.label,
        "where": finding.location.label,
        "message": finding.message,
        "source_note": finding.source_note,
    }


def _rows(nodes, depth: int = 0) -> list[dict[str, Any]]:
    """A sub-item's calculation lines, depth first, as the table's rows."""
    rows = []
    for node in nodes:
        line = node.line
        rows.append(
            {
                "depth": depth,
                "differs": node.differs,
                "label": f"{line.marker}{line.name}",
                # The line's factors as calculated: a rate's base line (①×10%) comes first.
                "factors": [
                    {"label": f.label, "value": f"{amounts.format_decimal(f.value)}{f.unit}"}
                    for f in node.data.factors
                ],
                "children": len(node.children),
                "partial": line.partial,
                "computed": _blank(amounts.format_yuan, unit=False, value=node.computed),
                "declared_yuan": _blank(
                    amounts.format_yuan, unit=False, value=line.declared_amount
                ),
                "declared_wan": _blank(amounts.format_wan, unit=False, value=line.declared_amount),
                "amount_text": line.amount_text,
            }
        )
        rows.extend(_rows(node.children, depth + 1))
    return rows


def _due(milestone) -> str:
    if not milestone.due_month:
        return "—"
    year = f"{milestone.due_year}年" if milestone.due_year else ""
    return f"{year}{milestone.due_month}月"


def build(project: Project) -> dict[str, Any]:
    """The document of ``project``, whose tree is loaded (``selectors.add_trees``)."""
    context = _context(project)
    return {
        "sequence": project.sequence,
        "name": project.name,
        "revision": project.revision,
        # In the portal's time zone, as Django's templates write a date.
        "published": format_date(localtime(project.published_at), "Y年n月j日")
        if project.published_at
        else "",
        "correction_note": project.correction_note,
        "finding_total": len(context["findings"]),
        "findings": [_finding(f) for f in context["project_findings"]],
        "warning_explanation": project.warning_explanation,
        "basis_preamble": project.basis_preamble,
        "citations": [
            {
                "url": c.document.get_absolute_url(),
                "text": c.cited_text,
                "separator": c.separator,
            }
            for c in context["citations"]
        ],
        "basis_closing": project.basis_closing,
        "implementing_unit": project.implementing_unit,
        "overview": context["overview"],
        "sub_items": [
            {
                "sequence": view.sub_item.sequence,
                "name": view.sub_item.name,
                "content": view.sub_item.content,
                "plan": view.sub_item.plan,
                "total": amounts.format_wan(view.total) if view.total is not None else None,
                # Whether the total is the sub-item's own stated amount, or its lines' sum.
                "stated": view.sub_item.declared_amount is not None,
                "rows": _rows(view.lines),
                "findings": [_finding(f) for f in view.findings],
            }
            for view in context["sub_items"]
        ],
        "funding_text": project.funding_text,
        "declared": _money(project.declared_total),
        "itemised": _money(context["itemised_total"]),
        "unitemised": len(context["unitemised"]),
        # Amounts as text, Decimal again when drawn (JSON has no decimal type).
        "chart": [
            [f"{view.sub_item.sequence}.{view.sub_item.name}", _plain(view.total)]
            for view in context["sub_items"]
        ],
        "funding_sources": [
            {
                "name": s.name,
                "wan": _blank(amounts.format_wan, unit=False, value=s.amount),
                "yuan": _blank(amounts.format_yuan, value=s.amount),
            }
            for s in context["funding_sources"]
        ],
        "milestones": [
            {
                "sub_item": m.sub_item.sequence,
                "description": m.description,
                "due": _due(m),
                "payment": m.get_payment_mode_display(),
                "wan": _blank(amounts.format_wan, unit=False, value=m.amount) or "—",
                "yuan": _blank(amounts.format_yuan, value=m.amount),
                # Paid each month or quarter: the year's amount beside it (每季度0.75 → 全年3).
                "per": m.get_payment_mode_display() if m.per_period else "",
                "year_wan": _blank(
                    amounts.format_wan,
                    unit=False,
                    value=rollups.milestone_total(selectors.milestone_data(m)),
                )
                if m.per_period
                else "",
            }
            for m in context["milestones"]
        ],
        "outcomes": project.outcomes,
        "indicators": [
            {
                "level1": i.get_level1_display(),
                "level2": i.level2,
                "name": i.name,
                "value": (i.get_comparator_display() if i.comparator != "qualitative" else "")
                + f"{i.target}{i.unit}",
            }
            for i in context["indicators"]
        ],
    }


def _plain(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def chart(document: dict[str, Any]) -> SafeString:
    """The bar chart of where the money goes (``projects.charts``), from the document."""
    return money_bars(
        [
            Bar(label=label, amount=None if a is None else Decimal(a))
            for label, a in document["chart"]
        ],
        title=f"{document['name']}：各子项目细化金额",
    )


def body_context(document: dict[str, Any], *, disclosure_title: str, anchor: str = "") -> dict:
    """What ``TEMPLATE`` draws a body from. The disclosure's title is the one text in it that
    lives outside the revision; ``anchor`` prefixes its ids (several bodies in one page)."""
    return {
        "doc": document,
        "chart": chart(document),
        "disclosure_title": disclosure_title,
        "anchor": anchor,
    }


def render(document: dict[str, Any], *, disclosure_title: str, anchor: str = "") -> SafeString:
    """The body drawn from ``document`` (``body_context``)."""
    context = body_context(document, disclosure_title=disclosure_title, anchor=anchor)
    return mark_safe(render_to_string(TEMPLATE, context))  # autoescaped by the template


def documents(projects: list[Project]) -> list[dict[str, Any]]:
    """The documents of ``projects`` (rows), in order: published revisions' stored documents
    (read in one query; built and written where missing or stale), drafts' built afresh. The
    trees of those that need building are read together, in the queries of one tree."""
    frozen = [p.pk for p in projects if p.status in FROZEN_STATUSES]
    stored = dict(
        PageDocument.objects.filter(project_id__in=frozen, version=version()).values_list(
            "project_id", "data"
        )
    )
    missing = [p for p in projects if p.pk not in stored]
    selectors.add_trees(missing)
    built = {p.pk: build(p) for p in missing}
    store({pk: document for pk, document in built.items() if pk in frozen})
    return [stored[p.pk] if p.pk in stored else built[p.pk] for p in projects]


def page_document(page: selectors.ProjectPage) -> dict[str, Any]:
    """The document of a project's page (``selectors.project_page``): the one stored with the
    revision, or, where there is none by this code, one built from its tree (then stored)."""
    if page.document is not None and page.document[0] == version():
        return page.document[1]
    row = Project.objects.select_related("disclosure__department").get(pk=page.project.pk)
    return documents([row])[0]


def bodies(
    projects: list[Project], anchor: Callable[[Project], str] = lambda project: ""
) -> list[SafeString]:
    """The bodies of ``projects`` (rows with their disclosure), in order."""
    return [
        render(document, disclosure_title=project.disclosure.title, anchor=anchor(project))
        for project, document in zip(projects, documents(projects), strict=True)
    ]


def store(built: dict[int, dict[str, Any]]) -> None:
    """Write published revisions' documents (by project pk), replacing older ones."""
    if built:
        PageDocument.objects.bulk_create(
            [
                PageDocument(project_id=pk, version=version(), data=data)
                for pk, data in built.items()
            ],
            update_conflicts=True,
            unique_fields=["project"],
            update_fields=["version", "data"],
        )
