"""What the project page and the PDF show of a project, computed once from its records."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budget import checks, rollups
from budget.checks import Finding

from . import selectors
from .charts import Bar, money_bars
from .models import Project, SubItem


@dataclass(frozen=True)
class SubItemView:
    sub_item: SubItem
    lines: tuple[selectors.LineNode, ...]
    total: Decimal | None
    findings: tuple[Finding, ...]


def project_page_context(project: Project) -> dict:
    """Everything the eight sections, the calculation tables and the findings need."""
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
    chart = money_bars(
        [
            Bar(label=f"{view.sub_item.sequence}.{view.sub_item.name}", amount=view.total)
            for view in sub_items
        ],
        title=f"{project.name}：各子项目细化金额",
    )
    return {
        "project": project,
        "chart": chart,
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


def disclosure_page_context(disclosure, projects: list[Project]) -> dict:
    """One department's document for one year: every project's sections, and the totals."""
    pages = [
        # Each project's anchors (s1…s8, sub-N) get a prefix, so ids stay unique in the page.
        {**project_page_context(project), "anchor": f"p{project.sequence}-"}
        for project in projects
    ]
    return {
        "disclosure": disclosure,
        "pages": pages,
        "declared_total": rollups.total(p["project"].declared_total for p in pages),
        "itemised_total": rollups.total(p["itemised_total"] for p in pages),
        "findings_count": sum(len(p["findings"]) for p in pages),
    }
