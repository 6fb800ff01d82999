"""The tree's nodes as the importer builds them (dicts of ``portal.disclosure-tree/1``), the
findings it reports, and the tree read back as :mod:`budget.tree` data for the checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..amounts import (
    AmountError,
    ParsedAmount,
    parse_amount_exact,
    round_yuan,
)
from ..tree import (
    CitationData,
    FactorData,
    FundingSourceData,
    LineData,
    MilestoneData,
    ProjectData,
    SubItemData,
)
from .lines import Line as ParsedLine

_TRAILING = " \t\u3000。；;，,"


class TextImportError(ValueError):
    """Text that cannot be imported at all; the message says why, in Chinese."""


@dataclass
class Finding:
    """What the importer noticed. ``origin`` is ``import`` (reading the text: an ``error``
    here means the document cannot be stored) or ``check`` (the consistency checks of
    :mod:`budget.checks` on the parsed figures, shown to reviewers, never blocking)."""

    severity: str  # error | warning | info
    message: str
    line: int | None = None  # 1-based input line, when the finding is about one
    project: int | None = None  # project sequence
    origin: str = "import"
    # The field a warning says could not be read (未能识别): department, fiscal_year, name,
    # implementing_unit, declared_total; staff are sent to it. ``projects``: the text was read
    # as one project of it all; ``rows``: rows of a table were left unread; ``groups``: how a
    # list in groups splits into projects is a guess.
    field: str | None = None
    # What kind of note it is, where code acts on it (not on its wording): ``unplaced`` (a
    # line no rule placed), ``outside_list`` (a line around a list, kept with project 1),
    # ``title_overflow`` (a line of the title area kept with project 1).
    kind: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "severity": self.severity,
            "line": self.line,
            "project": self.project,
            "field": self.field,
            "kind": self.kind,
            "message": self.message,
        }


def yuan_text(amount: ParsedAmount | None) -> str | None:
    return None if amount is None else f"{round_yuan(amount.value):.2f}"


def written(amount: ParsedAmount | None) -> str:
    """The amount as written, when it reads on its own as that amount (``150万元``); ""
    for a bare figure of a 万元 table (``150``), whose unit is in its heading."""
    if amount is None or len(amount.text) > 50:
        return ""
    try:
        alone = parse_amount_exact(amount.text).value
    except AmountError:
        return ""
    return amount.text if round_yuan(alone) == round_yuan(amount.value) else ""


def take_total(
    node: dict,
    amount: ParsedAmount,
    findings: list[Finding],
    message: str,
    line: int,
    *,
    text: str | None = None,
    anchor: dict | None = None,
) -> None:
    """A project's total read from where no label states it: its amount, as written (``text``,
    else :func:`written`), its line in ``anchor``, and a warning sending staff to check it."""
    node["declared_total_yuan"] = yuan_text(amount)
    node["declared_total_text"] = written(amount) if text is None else text
    if anchor is not None:
        anchor["declared_total"] = line
    findings.append(Finding("warning", message, line, node["sequence"], field="declared_total"))


def trimmed(text: str) -> str:
    text = text.strip(_TRAILING)
    # A half-width full stop after a Chinese character ends the sentence (购置.); after a
    # digit it may be part of what is written (经费1.), and stays.
    if re.search(r"[\u4e00-\u9fff）)”]\.$", text):
        text = text[:-1].strip(_TRAILING)
    return text


def line_node(
    line: ParsedLine,
    sequence: int,
    findings: list[Finding],
    project: int,
    *,
    fallback_name: str,
    where: int | None,
) -> dict:
    amount = line.amount
    if amount is not None and round_yuan(amount.value) != amount.value:
        findings.append(
            Finding(
                "warning",
                f"金额“{amount.text}”精确到了分以下，按原文保留，存为"
                f"{round_yuan(amount.value):.2f}元，请核对单位（可能应为万元）。",
                line=where,
                project=project,
            )
        )
    if line.guess:
        findings.append(
            Finding("warning", line.guess, line=where, project=project, field="calculations")
        )
    return {
        "sequence": sequence,
        "marker": line.marker,
        "name": line.name or fallback_name or (amount.text if amount else ""),
        "amount_yuan": yuan_text(amount),
        "amount_text": written(amount),
        "source": line.source,
        "formula": line.formula,
        "factors": [
            {"value": format(value.normalize(), "f"), "unit": unit, "label": label}
            for value, unit, label in line.factors
        ],
        "partial": line.partial,
        "children": [
            line_node(child, index, findings, project, fallback_name=fallback_name, where=where)
            for index, child in enumerate(line.children, start=1)
        ],
    }


def line_data(node: dict) -> LineData:
    """A line of the tree as :mod:`budget.rollups` and :mod:`budget.checks` input."""
    return LineData(
        sequence=node["sequence"],
        name=node["name"],
        declared=Decimal(node["amount_yuan"]) if node["amount_yuan"] else None,
        amount_text=node["amount_text"],
        marker=node["marker"],
        factors=tuple(
            FactorData(Decimal(f["value"]), f["unit"], f["label"]) for f in node["factors"]
        ),
        children=tuple(line_data(child) for child in node["children"]),
        partial=node.get("partial", False),
    )


def project_data(node: dict, fiscal_year: int) -> ProjectData:
    """The tree node of a project as :mod:`budget.checks` input."""
    return ProjectData(
        name=node["name"],
        fiscal_year=fiscal_year,
        declared_total=Decimal(node["declared_total_yuan"])
        if node["declared_total_yuan"]
        else None,
        sub_items=tuple(
            SubItemData(
                sequence=sub["sequence"],
                name=sub["name"],
                declared=Decimal(sub["declared_amount_yuan"])
                if sub["declared_amount_yuan"]
                else None,
                lines=tuple(line_data(line) for line in sub["lines"]),
                milestones=tuple(
                    MilestoneData(
                        sequence=m["sequence"],
                        description=m["description"],
                        due_year=m["due_year"],
                        due_month=m["due_month"],
                        amount=Decimal(m["amount_yuan"]) if m["amount_yuan"] else None,
                        payment_mode=m["payment_mode"],
                        per_period=m.get("per_period", False),
                    )
                    for m in sub["milestones"]
                ),
                texts=(("content", sub["content"]), ("plan", sub["plan"])),
            )
            for sub in node["sub_items"]
        ),
        citations=tuple(
            CitationData(c["sequence"], c["title"], c["document_number"], c["cited_text"])
            for c in node["citations"]
        ),
        funding_sources=tuple(
            FundingSourceData(s["sequence"], s["name"], Decimal(s["amount_yuan"]))
            for s in node["funding_sources"]
        ),
        texts=(("basis_closing", node["basis_closing"]), ("outcomes", node["outcomes"])),
    )


def append_text(node: dict, key: str, text: str) -> None:
    node[key] = f"{node[key]}\n{text}" if node[key] else text


def sub_item_node(
    sequence: int,
    name: str,
    content: str = "",
    amount: ParsedAmount | None = None,
    lines: list[dict] | None = None,
) -> dict:
    """A sub-item of the tree read from a list, a notice or its parts: no plan, no milestones."""
    return {
        "sequence": sequence,
        "name": name[:200],
        "content": content,
        "plan": "",
        "declared_amount_yuan": yuan_text(amount),
        "declared_amount_text": written(amount),
        "lines": lines or [],
        "milestones": [],
    }
