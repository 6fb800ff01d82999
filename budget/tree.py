"""A project as plain data, the input of roll-ups and consistency checks.

The Django side builds these from its records (``projects.selectors``); the importer builds
them from text. Every node carries an opaque ``ref`` (for example a primary key) so that a
finding can point back to the record it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class FactorData:
    """One factor of a line's calculation, e.g. 60 人 or 200 元/月 or 1.2 万元/人."""

    value: Decimal
    unit: str = ""
    label: str = ""


@dataclass(frozen=True)
class LineData:
    """A line-item calculation (测算明细), possibly made of child lines."""

    sequence: int
    name: str
    declared: Decimal | None = None  # 元, as stated in the text; None when not stated
    amount_text: str = ""  # the amount as written, e.g. "21.4450元"; "" when not kept
    marker: str = ""  # as written, e.g. "①"
    factors: tuple[FactorData, ...] = ()
    children: tuple[LineData, ...] = ()
    # The children are only a part of the line (其中…): they may add up to less, never more.
    partial: bool = False
    ref: Any = None


@dataclass(frozen=True)
class MilestoneData:
    """A plan node (计划节点) of a sub-item."""

    sequence: int
    description: str = ""
    due_year: int | None = None  # None: the year is not stated (read as the fiscal year)
    due_month: int | None = None
    amount: Decimal | None = None
    payment_mode: str = ""  # one_off, monthly, quarterly … (projects.Milestone.PaymentMode)
    per_period: bool = False  # the amount is paid each month or quarter
    ref: Any = None


@dataclass(frozen=True)
class SubItemData:
    sequence: int
    name: str
    declared: Decimal | None = None  # a total the text states for the whole sub-item
    lines: tuple[LineData, ...] = ()
    milestones: tuple[MilestoneData, ...] = ()
    texts: tuple[tuple[str, str], ...] = ()  # (field name, text): narrative to scan, e.g. content
    ref: Any = None


@dataclass(frozen=True)
class CitationData:
    sequence: int
    title: str
    document_number: str = ""  # normalised 〔〕 form, "" when the citation gives none
    cited_text: str = ""  # exactly as cited, brackets included
    ref: Any = None


@dataclass(frozen=True)
class FundingSourceData:
    sequence: int
    name: str
    amount: Decimal
    ref: Any = None


@dataclass(frozen=True)
class SourceNoteData:
    """An error of the checks that is in the published text itself, kept as written (原文如此)
    with the unit's explanation. It answers one finding only, the one with this code, place
    (``checks.Location.place``) and message: when a figure changes, so does the message, and
    the error is open again."""

    code: str
    place: str
    message: str
    explanation: str


@dataclass(frozen=True)
class ProjectData:
    name: str
    fiscal_year: int
    declared_total: Decimal | None = None
    sub_items: tuple[SubItemData, ...] = ()
    citations: tuple[CitationData, ...] = ()
    funding_sources: tuple[FundingSourceData, ...] = ()
    texts: tuple[tuple[str, str], ...] = ()  # (field name, text): project-level narrative
    source_notes: tuple[SourceNoteData, ...] = ()
    ref: Any = None
    extra: dict[str, Any] = field(default_factory=dict)
