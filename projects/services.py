"""Writes: creating disclosures from a curated or imported tree.

Every write here runs ``full_clean()`` before ``save()`` and happens inside one transaction,
so a document is stored whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from budget.amounts import AmountError, parse_amount_exact, round_yuan
from budget.docnumbers import DocNumberError, parse_doc_number
from budget.formulas import parse_formula

from .models import (
    Citation,
    Department,
    Disclosure,
    Factor,
    FundingSource,
    LineItem,
    Milestone,
    PerformanceIndicator,
    PolicyDocument,
    Project,
    Region,
    Status,
    SubItem,
)

TREE_SCHEMA = "portal.disclosure-tree/1"


class TreeError(ValueError):
    """A disclosure tree that cannot be stored; the message says where and why (in Chinese)."""


@dataclass(frozen=True)
class LoadResult:
    disclosure: Disclosure
    created: bool
    projects: int


def _amount(node: dict[str, Any], key: str, where: str) -> Decimal | None:
    """A 2-place 元 amount from the tree, cross-checked against the text as written."""
    raw = node.get(f"{key}_yuan")
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise TreeError(f'{where}：金额 {key}_yuan 应写成字符串（如 "300000.00"），不能是数字。')
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise TreeError(f"{where}：无法识别的金额“{raw}”。") from None
    if value != round_yuan(value) or value < 0:
        raise TreeError(f"{where}：金额“{raw}”应为不小于 0、精确到分的数。")
    text = node.get(f"{key}_text") or ""
    if text:
        try:
            written = parse_amount_exact(text).value
        except AmountError as error:
            raise TreeError(f"{where}：{error}") from None
        if round_yuan(written) != value:
            raise TreeError(f"{where}：金额原文“{text}”与 {raw} 元不符。")
    return value


def _region(path: list[str]) -> Region:
    if not path:
        raise TreeError("预算单位缺少所属行政区划（region）。")
    parent = None
    for name in path:
        parent, _ = Region.objects.get_or_create(name=name, parent=parent)
    return parent


def _document(citation: dict[str, Any], where: str) -> PolicyDocument:
    title = citation.get("title") or ""
    number = citation.get("document_number") or ""
    if not title:
        raise TreeError(f"{where}：缺少文件标题。")
    fields: dict[str, Any] = {}
    if number:
        try:
            parsed = parse_doc_number(number)
        except DocNumberError as error:
            raise TreeError(f"{where}：{error}") from None
        if parsed.normalised != number:
            raise TreeError(f"{where}：文号应写成规范形式“{parsed.normalised}”。")
        fields = {"issuer_code": parsed.issuer, "year": parsed.year, "serial": parsed.serial}
    document, created = PolicyDocument.objects.get_or_create(
        title=title, document_number=number, defaults=fields
    )
    if created:
        document.full_clean()
    return document


def _save(instance):
    instance.full_clean()
    instance.save()
    return instance


def _lines(sub_item: SubItem, nodes: list[dict], parent: LineItem | None, where: str) -> None:
    for node in nodes:
        here = f"{where} 明细{node.get('marker', '')}{node.get('name', '')}"
        line = _save(
            LineItem(
                sub_item=sub_item,
                parent=parent,
                sequence=node["sequence"],
                marker=node.get("marker", ""),
                name=node["name"],
                declared_amount=_amount(node, "amount", here),
                amount_text=node.get("amount_text", ""),
                formula=node.get("formula", ""),
                source=node.get("source", "content"),
            )
        )
        factors = node.get("factors") or []
        if not factors and line.formula:
            factors = [
                {"value": str(f.value), "unit": f.unit, "label": ""}
                for f in parse_formula(line.formula).factors
            ]
        Factor.objects.bulk_create(
            [
                Factor(
                    line=line,
                    sequence=index,
                    value=Decimal(f["value"]),
                    unit=f.get("unit", ""),
                    label=f.get("label", ""),
                )
                for index, f in enumerate(factors, start=1)
            ]
        )
        _lines(sub_item, node.get("children") or [], line, here)


@transaction.atomic
def load_disclosure_tree(
    tree: dict[str, Any], *, publish: bool = False, replace: bool = False, user=None
) -> LoadResult:
    """Store a disclosure tree (schema ``portal.disclosure-tree/1``, see docs/disclosure-tree.md).

    Projects are stored as drafts, or as published first revisions with ``publish=True`` (the
    seed is an already published document). A disclosure that already has projects is left
    alone unless ``replace=True``, which deletes its draft projects first; published projects
    are never replaced here (corrections are their own workflow).
    """
    if tree.get("schema") != TREE_SCHEMA:
        raise TreeError(f"不支持的数据格式“{tree.get('schema')}”，应为“{TREE_SCHEMA}”。")
    dept = tree["department"]
    department = Department.objects.filter(name=dept["name"]).first()
    if department is None:
        department = _save(
            Department(
                name=dept["name"],
                short_name=dept.get("short_name", ""),
                slug=dept["slug"],
                region=_region(dept.get("region") or []),
            )
        )
    meta = tree["disclosure"]
    disclosure, created = Disclosure.objects.get_or_create(
        department=department,
        fiscal_year=meta["fiscal_year"],
        defaults={"title": meta["title"]},
    )
    if not created:
        existing = disclosure.projects.all()
        if existing.exists() and not replace:
            return LoadResult(disclosure=disclosure, created=False, projects=0)
        if existing.exclude(status=Status.DRAFT).exists():
            raise TreeError(f"“{disclosure.title}”已有非草稿项目，不能整体替换。")
        existing.delete()

    now = timezone.now()
    for node in tree["projects"]:
        where = f"项目{node.get('sequence')}"
        project = _save(
            Project(
                disclosure=disclosure,
                sequence=node["sequence"],
                name=node["name"],
                implementing_unit=node.get("implementing_unit", ""),
                basis_preamble=node.get("basis_preamble", ""),
                basis_closing=node.get("basis_closing", ""),
                declared_total=_amount(node, "declared_total", where),
                declared_total_text=node.get("declared_total_text", ""),
                funding_text=node.get("funding_text", ""),
                outcomes=node.get("outcomes", ""),
                classification_code=node.get("classification_code", ""),
                status=Status.PUBLISHED if publish else Status.DRAFT,
                published_at=now if publish else None,
                published_by=user if publish else None,
            )
        )
        for citation in node.get("citations") or []:
            here = f"{where} 立项依据第{citation.get('sequence')}条"
            _save(
                Citation(
                    project=project,
                    document=_document(citation, here),
                    sequence=citation["sequence"],
                    cited_text=citation["cited_text"],
                    separator=citation.get("separator", ""),
                )
            )
        for source in node.get("funding_sources") or []:
            here = f"{where} 资金来源{source.get('name')}"
            _save(
                FundingSource(
                    project=project,
                    sequence=source["sequence"],
                    name=source["name"],
                    amount=_amount(source, "amount", here),
                    amount_text=source.get("amount_text", ""),
                )
            )
        for indicator in node.get("performance_indicators") or []:
            _save(
                PerformanceIndicator(
                    project=project,
                    **{
                        key: indicator[key]
                        for key in ("sequence", "level1", "level2", "name", "comparator", "target")
                    },
                    unit=indicator.get("unit", ""),
                )
            )
        for sub in node.get("sub_items") or []:
            here = f"{where} 子项目{sub.get('sequence')}"
            sub_item = _save(
                SubItem(
                    project=project,
                    sequence=sub["sequence"],
                    name=sub["name"],
                    content=sub.get("content", ""),
                    plan=sub.get("plan", ""),
                    declared_amount=_amount(sub, "declared_amount", here),
                    declared_amount_text=sub.get("declared_amount_text", ""),
                )
            )
            _lines(sub_item, sub.get("lines") or [], None, here)
            for milestone in sub.get("milestones") or []:
                _save(
                    Milestone(
                        sub_item=sub_item,
                        sequence=milestone["sequence"],
                        description=milestone.get("description", ""),
                        due_year=milestone.get("due_year"),
                        due_month=milestone.get("due_month"),
                        payment_mode=milestone.get("payment_mode", "one_off"),
                        amount=_amount(milestone, "amount", f"{here} 计划节点"),
                        amount_text=milestone.get("amount_text", ""),
                    )
                )
    return LoadResult(disclosure=disclosure, created=True, projects=len(tree["projects"]))
