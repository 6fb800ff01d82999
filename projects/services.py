"""Writes: creating disclosures from a curated or imported tree.

Every write here runs ``full_clean()`` before ``save()`` and happens inside one transaction,
so a document is stored whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from budget import checks, rollups
from budget.amounts import AmountError, parse_amount_exact, round_yuan
from budget.docnumbers import DocNumberError, parse_doc_number
from budget.formulas import FormulaError, parse_formula
from budget.searchtext import search_document, tsvector_literal

from . import public_version, publishing, search, selectors
from .models import (
    FROZEN_STATUSES,
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
    ProjectSearch,
    Region,
    SourceNote,
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
    project_ids: tuple[int, ...] = ()  # the projects stored by this load


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
    document = PolicyDocument.objects.filter(title=title, document_number=number).first()
    if document is None:
        document = _save(PolicyDocument(title=title, document_number=number, **fields))
    return document


def _factors(node: dict[str, Any], formula: str, where: str) -> list[dict[str, Any]]:
    """A line's factors: as curated (values as strings), or read from its formula.

    When both are given they must agree, so a page never shows one calculation and stores
    another.
    """
    parsed = []
    if formula:
        try:
            parsed = parse_formula(formula).factors
        except FormulaError as error:
            raise TreeError(f"{where}：{error}") from None
    given = node.get("factors") or []
    if not given:
        return [{"value": f.value, "unit": f.unit, "label": ""} for f in parsed]
    factors = []
    for item in given:
        raw = item.get("value")
        if not isinstance(raw, str):
            raise TreeError(f'{where}：因子数值应写成字符串（如 "60"），不能是数字。')
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise TreeError(f"{where}：无法识别的因子数值“{raw}”。") from None
        factors.append(
            {"value": value, "unit": item.get("unit", ""), "label": item.get("label", "")}
        )
    if parsed and [(f.value, f.unit) for f in parsed] != [(f["value"], f["unit"]) for f in factors]:
        raise TreeError(f"{where}：因子与计算式“{formula}”不一致。")
    return factors


def refresh_summary(project: Project) -> Project:
    """Store the project's itemised total, number of findings and search row, from its records.

    Lists and filters read these columns, and search reads the search row, instead of walking
    every project's tree. A published revision never changes, so its summary, stored when it
    is loaded or published, stays true; edits made in the admin call this again.
    """
    tree = selectors.with_tree(Project.objects.filter(pk=project.pk)).get()
    data = selectors.project_data(tree)
    project.itemised_total = rollups.itemised_total(data)
    project.finding_count = len(checks.check_project(data))
    Project.objects.filter(pk=project.pk).update(
        itemised_total=project.itemised_total, finding_count=project.finding_count
    )
    _store_search_row(tree)
    if tree.status in FROZEN_STATUSES:  # recomputed for a public revision: pages show them
        public_version.project_changed(tree)
    return project


def _store_search_row(tree: Project) -> None:
    """Write the search row of a project whose sub-items and citations are prefetched."""
    document = search_document(
        search.project_texts(tree, tree.sub_items.all(), tree.citations.all())
    )
    grams = tsvector_literal(document.grams) if search.grams_indexed() else None
    ProjectSearch.objects.update_or_create(
        project_id=tree.pk,
        defaults={"text": document.text, "grams": grams, **search.display_order(tree)},
    )


def refresh_display_order(projects: QuerySet[Project] | None = None) -> int:
    """Copy the display order (year, department name, number) into the search rows of
    ``projects`` (every project when None), after a department was renamed or a disclosure
    moved to another year or department; returns how many rows changed. One statement.
    """
    rows = ProjectSearch.objects.all()
    if projects is not None:
        rows = rows.filter(project__in=projects.values("pk"))
    project = Project.objects.filter(pk=OuterRef("project_id"))
    return rows.update(
        fiscal_year=Subquery(project.values("disclosure__fiscal_year")[:1]),
        department_name=Subquery(project.values("disclosure__department__name")[:1]),
        sequence=Subquery(project.values("sequence")[:1]),
    )


def refresh_document_citers(document: PolicyDocument) -> int:
    """Rebuild the search rows of every project citing ``document``, after its title or 文号
    changed; returns how many. Every revision is rebuilt, published or not, since each has
    its own row.
    """
    projects = (
        Project.objects.filter(pk__in=document.citations.values("project_id"))
        .select_related("disclosure__department")
        .order_by("pk")
        .prefetch_related(
            "sub_items", Prefetch("citations", queryset=Citation.objects.select_related("document"))
        )
    )
    count = 0
    with transaction.atomic():
        for tree in projects:
            _store_search_row(tree)
            count += 1
    return count


def _save(instance):
    """Validate, then save; a record that breaks a rule becomes a TreeError saying which."""
    try:
        instance.full_clean()
    except ValidationError as error:
        messages = "；".join(
            f"{instance._meta.get_field(field).verbose_name if field != NON_FIELD_ERRORS else ''}"
            f"{'：' if field != NON_FIELD_ERRORS else ''}{'，'.join(problems)}"
            for field, problems in error.message_dict.items()
        )
        raise TreeError(f"{instance._meta.verbose_name}“{instance}”：{messages}") from None
    instance.save()
    return instance


def _flag(node: dict[str, Any], key: str, where: str) -> bool:
    """An optional true/false field (false when absent)."""
    value = node.get(key, False)
    if not isinstance(value, bool):
        raise TreeError(f"{where}：“{key}”应为 true 或 false，而不是“{value}”。")
    return value


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
                partial=_flag(node, "partial", here),
            )
        )
        for index, factor in enumerate(_factors(node, line.formula, here), start=1):
            _save(Factor(line=line, sequence=index, **factor))
        _lines(sub_item, node.get("children") or [], line, here)


def load_disclosure_tree(
    tree: dict[str, Any],
    *,
    publish: bool = False,
    replace: bool = False,
    append: bool = False,
    user=None,
    history_note: str = "",
) -> LoadResult:
    """Store a disclosure tree (schema ``portal.disclosure-tree/1``, see docs/disclosure-tree.md).

    Projects are stored as drafts, or as published first revisions with ``publish=True`` (the
    seed is an already published document). Into a disclosure that already has projects, the
    tree's projects are added at their own numbers when none of those numbers is taken (the
    per-project files of one disclosure rebuild it); otherwise nothing is stored
    (``created=False``), unless ``replace=True``, which deletes its draft projects first;
    published projects are never replaced here (corrections are their own workflow). With
    ``append=True`` the projects are added as drafts after those the disclosure already has,
    numbered on from them, whatever its title (an uploaded file: ``projects.ingest``).
    ``history_note`` is the reason written in each stored project's first history record.
    """
    try:
        with transaction.atomic():
            return _load(
                tree,
                publish=publish,
                replace=replace,
                append=append,
                user=user,
                history_note=history_note,
            )
    except KeyError as error:
        raise TreeError(f"数据缺少字段“{error.args[0]}”。") from None
    except (TypeError, AttributeError) as error:
        raise TreeError(f"数据结构不符合格式：{error}") from None


def _disclosure_source(meta: dict[str, Any]) -> dict[str, Any]:
    """The text's first publication (``source_published_on``, ISO date; ``source_url``), as
    given, or TreeError."""
    source: dict[str, Any] = {}
    if meta.get("source_published_on"):
        try:
            source["source_published_on"] = date.fromisoformat(meta["source_published_on"])
        except (TypeError, ValueError):
            raise TreeError(
                f"原文公开日期“{meta['source_published_on']}”不是日期（应为 2024-03-01 的形式）。"
            ) from None
    if meta.get("source_url"):
        try:
            URLValidator(schemes=["http", "https"])(meta["source_url"])
        except ValidationError:
            raise TreeError(f"原文网址“{meta['source_url']}”不是 http(s) 网址。") from None
        source["source_url"] = meta["source_url"][:500]
    return source


def _load(
    tree: dict[str, Any], *, publish: bool, replace: bool, append: bool, user, history_note: str
) -> LoadResult:
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
    source = _disclosure_source(meta)
    disclosure, created = Disclosure.objects.get_or_create(
        department=department,
        fiscal_year=meta["fiscal_year"],
        defaults={"title": meta["title"], **source},
    )
    # Where the text was first published is the disclosure's, given when it is created: an
    # upload appended to a published disclosure, or a file that is skipped, never changes
    # what its public pages say (a later file fills it in below, once it is loaded).
    missing = {key: value for key, value in source.items() if not getattr(disclosure, key)}
    offset = 0
    if not created and append:
        # Numbered on from every project the disclosure holds, whatever its status; the row
        # lock makes two appends at once take turns.
        Disclosure.objects.select_for_update().filter(pk=disclosure.pk).first()
        offset = max(disclosure.projects.values_list("sequence", flat=True), default=0)
    elif not created and disclosure.title != meta["title"]:
        raise TreeError(
            f"{department.name}{disclosure.fiscal_year}年已有公开文本“{disclosure.title}”，"
            f"与载入的标题“{meta['title']}”不同。"
        )
    if not created and not append:
        existing = disclosure.projects.all()
        if replace:
            if existing.exclude(status=Status.DRAFT).exists():
                raise TreeError(f"“{disclosure.title}”已有非草稿项目，不能整体替换。")
            existing.delete()
        else:
            # Files of single projects of one disclosure (its per-project downloads) rebuild it
            # one after another: projects of numbers the disclosure does not hold are added at
            # their numbers; a file whose numbers are taken is not loaded (skipped).
            taken = set(existing.values_list("sequence", flat=True))
            if taken & {node["sequence"] for node in tree["projects"]}:
                return LoadResult(disclosure=disclosure, created=False, projects=0)
        if missing and not existing.exclude(status=Status.DRAFT).exists():
            # The one-project files of a disclosure not yet public: a later one may state
            # where the text was first published when the first did not.
            for key, value in missing.items():
                setattr(disclosure, key, value)
            disclosure.save(update_fields=list(missing))

    now = timezone.now()
    stored: list[int] = []
    for node in tree["projects"]:
        where = f"项目{node.get('sequence')}"
        project = Project(
            disclosure=disclosure,
            sequence=offset + node["sequence"],
            name=node["name"],
            implementing_unit=node.get("implementing_unit", ""),
            basis_preamble=node.get("basis_preamble", ""),
            basis_closing=node.get("basis_closing", ""),
            declared_total=_amount(node, "declared_total", where),
            declared_total_text=node.get("declared_total_text", ""),
            funding_text=node.get("funding_text", ""),
            outcomes=node.get("outcomes", ""),
            classification_code=node.get("classification_code", ""),
            # Stored as a draft, children and all; published at the end, in one step,
            # since a published revision accepts no more children.
            status=Status.DRAFT,
        )
        if history_note:
            project._change_reason = history_note  # django-simple-history's record reason
        _save(project)
        stored.append(project.pk)
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
        for note in node.get("source_notes") or []:
            _save(
                SourceNote(
                    project=project,
                    **{key: note[key] for key in ("code", "place", "message", "explanation")},
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
                        per_period=_flag(milestone, "per_period", f"{here} 计划节点"),
                        amount_text=milestone.get("amount_text", ""),
                    )
                )
    projects = list(disclosure.projects.filter(pk__in=stored))
    for project in projects:
        refresh_summary(project)
        if publish:
            project.status = Status.PUBLISHED
            project.published_at = now
            project.published_by = user
            project.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    if publish:
        publishing.after_publication(projects)
    return LoadResult(
        disclosure=disclosure,
        created=True,
        projects=len(tree["projects"]),
        project_ids=tuple(stored),
    )


def sync_factors(line: LineItem) -> None:
    """Store a line's factors as its formula states them (``60人×100元×2天`` → 60 人, 100 元,
    2 天), keeping the labels of factors that did not change; no formula, no factors."""
    parsed = parse_formula(line.formula).factors if line.formula else []
    current = list(line.factors.order_by("sequence"))
    if [(f.value, f.unit) for f in current] == [(f.value, f.unit) for f in parsed]:
        return
    labels = {(f.value, f.unit): f.label for f in current}
    line.factors.all().delete()
    Factor.objects.bulk_create(
        Factor(
            line=line,
            sequence=index,
            value=factor.value,
            unit=factor.unit,
            label=labels.get((factor.value, factor.unit), ""),
        )
        for index, factor in enumerate(parsed, start=1)
    )
