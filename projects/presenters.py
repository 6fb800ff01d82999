"""What a disclosure's page and PDF show, and a revision as entries to compare."""

from __future__ import annotations

from budget import rollups
from budget.amounts import format_wan

from . import pagedoc, selectors
from .models import Project


def disclosure_page_context(disclosure, projects: list[Project]) -> dict:
    """One department's document for one year (its page and its PDF): every live project's
    body, and the totals of the summaries stored with each revision."""
    # Each project's anchors (s1…s8, sub-N) get a prefix, so ids stay unique in the page.
    bodies = pagedoc.bodies(projects, anchor=lambda project: f"p{project.sequence}-")
    return {
        "disclosure": disclosure,
        "pages": [
            {"project": project, "body": body}
            for project, body in zip(projects, bodies, strict=True)
        ],
        "declared_total": rollups.total(p.declared_total for p in projects),
        "itemised_total": rollups.total(p.itemised_total for p in projects),
        "findings_count": sum(p.finding_count for p in projects),
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
    for note in project.source_notes.all():
        entries[f"note/{note.code}/{note.place}"] = ("原文如此说明", note.explanation)
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
            f"{line.marker}{line.name}：{line.formula or '—'}，申报 {_wan(line.declared_amount)}"
            + ("，下级只列其中一部分" if line.partial else ""),
        )
        entries.update(_line_entries(sub_item, node.children, number))
    return entries


def _wan(value) -> str:
    return "未写明" if value is None else format_wan(value)
