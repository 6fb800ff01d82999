"""What the project page and the PDF show of a project, computed once from its records."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from budget import checks, rollups
from budget.amounts import format_wan
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


def revision_entries(project: Project) -> dict[str, tuple[str, str]]:
    """A revision as labelled texts and amounts, keyed stably, for ``budget.compare``."""
    entries = {
        "name": ("一、项目名称", project.name),
        "basis": (
            "二、立项依据",
            project.basis_preamble
            + "".join(c.cited_text + c.separator for c in project.citations.all())
            + project.basis_closing,
        ),
        "unit": ("三、项目实施单位", project.implementing_unit),
    }
    _, forests = selectors.project_tree(project)
    for sub in project.sub_items.all():
        n = sub.sequence
        entries[f"sub/{n}/name"] = (f"四、子项目{n}名称", sub.name)
        entries[f"sub/{n}/content"] = (f"五、子项目{n}实施内容", sub.content)
        entries[f"sub/{n}/amount"] = (f"子项目{n}申报金额", _wan(sub.declared_amount))

        entries.update(_line_entries(n, forests[sub.pk], ""))
        entries[f"sub/{n}/plan"] = (f"七、子项目{n}实施计划", sub.plan)
    entries["declared_total"] = ("六、申报总额", _wan(project.declared_total))
    entries["funding"] = ("六、资金安排情况", project.funding_text)
    for source in project.funding_sources.all():
        entries[f"fund/{source.sequence}"] = (
            f"资金来源{source.sequence}",
            f"{source.name} {_wan(source.amount)}",
        )
    entries["outcomes"] = ("八、项目实施成效", project.outcomes)
    return entries


def amount_keys(*entries: dict[str, tuple[str, str]]) -> frozenset[str]:
    """The entries that are one amount each, shown as old → new rather than digit by digit."""
    return frozenset(
        key
        for found in entries
        for key in found
        if key == "declared_total" or key.endswith("/amount") or key.startswith("fund/")
    )


def _line_entries(sub_item: int, nodes, prefix: str) -> dict[str, tuple[str, str]]:
    entries = {}
    for node in nodes:
        number = f"{prefix}.{node.line.sequence}" if prefix else str(node.line.sequence)
        line = node.line
        entries[f"line/{sub_item}/{number}"] = (
            f"子项目{sub_item} 测算明细{number}",
            f"{line.marker}{line.name}：{line.formula or '—'}，申报 {_wan(line.declared_amount)}",
        )
        entries.update(_line_entries(sub_item, node.children, number))
    return entries


def _wan(value) -> str:
    return "未写明" if value is None else format_wan(value)
