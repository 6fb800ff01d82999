"""Reads: the records a page, a PDF or an export needs, with their joins done in the query.

Public reads start from ``published()``; nothing here re-filters by status by hand.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from budget import attribution, checks, rollups
from budget.amounts import round_yuan
from budget.formulas import formula_base, product, refers_to
from budget.tree import (
    CitationData,
    FactorData,
    FundingSourceData,
    LineData,
    MilestoneData,
    ProjectData,
    SourceNoteData,
    SubItemData,
)

from .models import (
    LIFECYCLE_FIELDS,
    Citation,
    Disclosure,
    LineItem,
    Milestone,
    PageDocument,
    PolicyDocument,
    Project,
    ProjectSearch,
    Status,
    SubItem,
)
from .search import DISPLAY_ORDER, ROW_ORDER


def _project_tree_prefetches() -> list:
    return [
        Prefetch(
            "sub_items",
            queryset=SubItem.objects.order_by("sequence").prefetch_related(
                Prefetch(
                    "lines",
                    queryset=LineItem.objects.order_by("sequence").prefetch_related("factors"),
                ),
                "milestones",
            ),
        ),
        Prefetch(
            "citations", queryset=Citation.objects.order_by("sequence").select_related("document")
        ),
        "funding_sources",
        "performance_indicators",
        "source_notes",
    ]


def with_tree(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Projects with their department and every child row, in a fixed number of queries."""
    return projects.select_related("disclosure__department__region").prefetch_related(
        *_project_tree_prefetches()
    )


def add_trees(projects: list[Project]) -> list[Project]:
    """Every child row of already loaded projects, in the same queries as ``with_tree``."""
    prefetch_related_objects(projects, *_project_tree_prefetches())
    return projects


# Fields added after revisions were first submitted: left out of the digest while they hold
# their default, so that what was submitted before them still matches what it was.
_LATER_FIELDS = {"partial", "per_period"}


def _values(instance, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """A row's own values as text, without its key and the keys of the rows above it."""
    parents = {"project", "sub_item", "line", "parent", "document"}
    return {
        f.name: "" if (value := getattr(instance, f.attname)) is None else str(value)
        for f in instance._meta.concrete_fields
        if not f.primary_key
        and f.name not in skip
        and f.name not in parents
        and not (f.name in _LATER_FIELDS and getattr(instance, f.attname) == f.get_default())
    }


def content_digest(project: Project) -> str:
    """SHA-256 of everything a revision states: its own fields (not those of its lifecycle),
    every row below it, in order, and the title and 文号 of each document it cites. Stored
    when the revision is submitted and compared when it is published, so that what the
    public sees is exactly what was submitted for review."""
    tree = with_tree(Project.objects.filter(pk=project.pk)).get()

    def lines(all_lines, parent_id):
        return [
            {**_values(line), "children": lines(all_lines, line.pk), "factors": factors(line)}
            for line in all_lines
            if line.parent_id == parent_id
        ]

    def factors(line):
        return [_values(f) for f in sorted(line.factors.all(), key=lambda f: f.sequence)]

    content = {
        **_values(tree, LIFECYCLE_FIELDS),
        "citations": [
            {**_values(c), "document": _values(c.document, frozenset({"year", "serial"}))}
            for c in tree.citations.all()
        ],
        "funding_sources": [_values(f) for f in tree.funding_sources.all()],
        "indicators": [_values(i) for i in tree.performance_indicators.all()],
        "sub_items": [
            {
                **_values(sub_item),
                "lines": lines(list(sub_item.lines.all()), None),
                "milestones": [_values(m) for m in sub_item.milestones.all()],
            }
            for sub_item in tree.sub_items.all()
        ],
    }
    notes = [_values(n) for n in tree.source_notes.all()]
    if notes:  # only when there are any: the digests of earlier submissions stay as they were
        content["source_notes"] = notes
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def public_project(lineage: UUID, revision: int | None = None) -> Project:
    """The live revision of a project, or one given public revision of it, with its whole
    tree; 404 otherwise. (The project page reads less: ``project_page``.)"""
    projects = Project.objects.published(include_superseded=revision is not None).filter(
        lineage=lineage
    )
    if revision is not None:
        projects = projects.filter(revision=revision)
    project = with_tree(projects).first()
    if project is None:
        raise Http404("没有找到已公开的项目。")
    return project


@dataclass
class ProjectPage:
    """What a project's page shows (``project_page``)."""

    project: Project  # the revision shown, with its disclosure and department
    revisions: list[Project]  # every public revision, oldest first (``project`` among them)
    document: tuple[str, dict] | None  # its stored page document: (version, data)


def project_page(lineage: UUID, revision: int | None = None) -> ProjectPage:
    """The live revision of a project (or the given public one) with its disclosure and
    department, every public revision of the project, and the shown revision's stored page
    document, in two queries; 404 otherwise."""
    revisions = list(public_revisions().filter(lineage=lineage).order_by("revision"))
    if revision is None:
        wanted = [p for p in revisions if p.status == Status.PUBLISHED]
    else:
        wanted = [p for p in revisions if p.revision == revision]
    if not wanted:
        raise Http404("没有找到已公开的项目。")
    shown = wanted[0]
    document = PageDocument.objects.filter(project=shown).values_list("version", "data").first()
    return ProjectPage(shown, revisions, document)


@dataclass(frozen=True)
class ProjectPages:
    """Pages of ``public_projects()``, filtered or not: the project list's and the API's,
    counted and sliced as the queryset would be.

    A page's keys are read first, then its rows whole: PostgreSQL then sorts and skips keys,
    not joined rows with their long texts. The keys are read along the index of live search
    rows (``ProjectSearch.live``, kept by the database; ``projectsearch_live_order``), which
    stops after the page instead of sorting every match; the count is the queryset's own,
    which joins no search row.

    ``on_index``: the queryset is ``public_projects()`` in its own order, filtered by nothing
    but these fields of the search rows (``{}``: unfiltered; ``{"fiscal_year": 2024}``), so
    the keys are read from that index alone, without joining the projects: at 100,000
    projects a late page in some 15 ms instead of 150. The rows are read through the
    queryset either way, so ``published()`` decides what is shown.
    """

    queryset: QuerySet[Project]
    on_index: dict[str, object] | None = None

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, page: slice) -> list[Project]:
        if self.on_index is not None:
            keys = (
                ProjectSearch.objects.filter(live=True, **self.on_index)
                .order_by(*ROW_ORDER)
                .values_list("project_id", flat=True)
            )
        else:
            keys = self.queryset.filter(search__live=True).values_list("pk", flat=True)
        pks = list(keys[page])
        rows = self.queryset.order_by().in_bulk(pks)
        return [rows[pk] for pk in pks if pk in rows]


def public_projects() -> QuerySet[Project]:
    """Every live project, in the public order (newest year, department name, project
    number; ``search.DISPLAY_ORDER``). Read pages of it through ``ProjectPages``."""
    return (
        Project.objects.published()
        .select_related("disclosure__department")
        .order_by(*DISPLAY_ORDER)
    )


LATEST = 20


def latest_projects(count: int = LATEST) -> list[Project]:
    """The live projects published last, newest first (the home page's; the list page has
    them all)."""
    return list(
        Project.objects.published()
        .select_related("disclosure__department")
        .order_by("-published_at", "-id")[:count]
    )


def totals_by_department_year():
    """Live projects summed by department and fiscal year, newest year first (one query)."""
    return (
        Project.objects.published()
        .values(
            "disclosure__fiscal_year",
            "disclosure__department__name",
            "disclosure__department__slug",
        )
        .annotate(projects=Count("pk"), declared=Coalesce(Sum("declared_total"), Decimal("0.00")))
        .order_by("-disclosure__fiscal_year", "disclosure__department__name")
    )


def public_revisions() -> QuerySet[Project]:
    """Every public revision: live ones and the corrected ones that keep their own address."""
    return Project.objects.published(include_superseded=True).select_related(
        "disclosure__department"
    )


def public_disclosures() -> QuerySet[Disclosure]:
    return Disclosure.objects.published().select_related("department")


def public_disclosure(
    department_slug: str, fiscal_year: int, *, tree: bool = True
) -> tuple[Disclosure, list[Project]]:
    """A disclosure with its live projects in order, each with its whole tree (with
    ``tree=False``, the rows only); 404 otherwise."""
    disclosure = (
        public_disclosures()
        .filter(department__slug=department_slug, fiscal_year=fiscal_year)
        .first()
    )
    if disclosure is None:
        raise Http404("没有找到已公开的公开文本。")
    projects = Project.objects.published().filter(disclosure=disclosure).order_by("sequence")
    if tree:
        projects = with_tree(projects)
    else:
        projects = projects.select_related("disclosure__department")
    projects = list(projects)
    return disclosure, projects


@dataclass(frozen=True)
class LineNode:
    """A line with its children, as the page and the PDF walk it."""

    line: LineItem
    children: tuple[LineNode, ...]
    data: LineData

    @property
    def computed(self) -> Decimal | None:
        """What the line works out to: its factors' product, else the sum of its children."""
        computed = rollups.computed_amount(self.data)
        return computed if computed is not None else rollups.children_total(self.data)

    @property
    def amount(self) -> Decimal | None:
        return rollups.line_amount(self.data)

    @property
    def differs(self) -> bool:
        return (
            self.computed is not None
            and self.line.declared_amount is not None
            and self.computed != self.line.declared_amount
        )


def base_line(reference: str, lines: list[LineItem]) -> LineItem | None:
    """The line of a sub-item that a formula's reference names (``①``, ``第2项``)."""
    return next(
        (
            line
            for line in lines
            if refers_to(reference, line.marker, line.sequence, top_level=line.parent_id is None)
        ),
        None,
    )


def line_base_amount(line: LineItem) -> Decimal | None:
    """What a line is worth as the base of another's rate: its declared amount, else the
    product of its own factors (a rate of a rate is not followed)."""
    if line.declared_amount is not None:
        return line.declared_amount
    factors = sorted(line.factors.all(), key=lambda f: f.sequence)
    return round_yuan(product(factors)) if factors else None


def _base_factors(lines: list[LineItem]) -> dict[int, FactorData]:
    """For each line whose formula is a rate of another line (``①×10%``), that line's amount
    as its first factor, labelled with the line; a reference that names no line with an
    amount gives none (the form refuses it; the line's own factors are then not a product)."""
    bases = {}
    for line in lines:
        reference = formula_base(line.formula) if line.formula else ""
        base = base_line(reference, lines) if reference else None
        amount = line_base_amount(base) if base is not None and base.pk != line.pk else None
        if amount is not None:
            bases[line.pk] = FactorData(value=amount, unit="元", label=f"{reference}{base.name}")
    return bases


def line_forest(sub_item: SubItem) -> tuple[LineNode, ...]:
    """The sub-item's prefetched lines as a tree (any depth), ordered by sequence. A line
    whose formula is a rate of another (``①×10%``) has that line's amount as its first
    factor, so that its product is its amount like any other line's."""
    by_parent: dict[int | None, list[LineItem]] = defaultdict(list)
    lines = list(sub_item.lines.all())
    for line in lines:
        by_parent[line.parent_id].append(line)
    bases = _base_factors(lines)

    def build(parent_id: int | None, seen: frozenset[int]) -> tuple[LineNode, ...]:
        nodes = []
        for line in sorted(by_parent.get(parent_id, ()), key=lambda item: item.sequence):
            if line.pk in seen:  # a cycle can only come from bad data; never loop on it
                continue
            children = build(line.pk, seen | {line.pk})
            data = LineData(
                sequence=line.sequence,
                name=line.name,
                declared=line.declared_amount,
                amount_text=line.amount_text,
                marker=line.marker,
                factors=(
                    *([bases[line.pk]] if line.pk in bases else []),
                    *(
                        FactorData(value=f.value, unit=f.unit, label=f.label)
                        for f in sorted(line.factors.all(), key=lambda f: f.sequence)
                    ),
                ),
                children=tuple(child.data for child in children),
                partial=line.partial,
                ref=line.pk,
            )
            nodes.append(LineNode(line=line, children=children, data=data))
        return tuple(nodes)

    return build(None, frozenset())


def milestone_data(m: Milestone) -> MilestoneData:
    """A stored milestone as plain data (checks, roll-ups: ``milestone_total``)."""
    return MilestoneData(
        sequence=m.sequence,
        description=m.description,
        due_year=m.due_year,
        due_month=m.due_month,
        amount=m.amount,
        payment_mode=m.payment_mode,
        per_period=m.per_period,
        ref=m.pk,
    )


def project_data(project: Project) -> ProjectData:
    """The project (with its prefetched tree) as plain data for roll-ups and checks."""
    return project_tree(project)[0]


def project_tree(project: Project) -> tuple[ProjectData, dict[int, tuple[LineNode, ...]]]:
    """The project as plain data, and each sub-item's line forest (by sub-item pk), built once."""
    sub_items = []
    forests = {}
    for sub_item in project.sub_items.all():
        forests[sub_item.pk] = forest = line_forest(sub_item)
        sub_items.append(
            SubItemData(
                sequence=sub_item.sequence,
                name=sub_item.name,
                declared=sub_item.declared_amount,
                lines=tuple(node.data for node in forest),
                milestones=tuple(milestone_data(m) for m in sub_item.milestones.all()),
                texts=(("content", sub_item.content), ("plan", sub_item.plan)),
                ref=sub_item.pk,
            )
        )
    data = ProjectData(
        name=project.name,
        fiscal_year=project.disclosure.fiscal_year,
        declared_total=project.declared_total,
        sub_items=tuple(sub_items),
        citations=tuple(
            CitationData(
                sequence=c.sequence,
                title=c.document.title,
                document_number=c.document.document_number,
                cited_text=c.cited_text,
                ref=c.pk,
            )
            for c in project.citations.all()
        ),
        funding_sources=tuple(
            FundingSourceData(sequence=f.sequence, name=f.name, amount=f.amount, ref=f.pk)
            for f in project.funding_sources.all()
        ),
        texts=(
            ("basis_preamble", project.basis_preamble),
            ("basis_closing", project.basis_closing),
            ("funding_text", project.funding_text),
            ("outcomes", project.outcomes),
        ),
        source_notes=tuple(
            SourceNoteData(code=n.code, place=n.place, message=n.message, explanation=n.explanation)
            for n in project.source_notes.all()
        ),
        ref=project.pk,
    )
    return data, forests


def project_findings(project: Project) -> list[checks.Finding]:
    return checks.check_project(project_data(project))


def _citing_projects() -> QuerySet[Project]:
    """Live projects that cite the outer query's policy document (for subqueries)."""
    return Project.objects.published().filter(
        Exists(Citation.objects.filter(project=OuterRef("pk"), document=OuterRef(OuterRef("pk"))))
    )


def _aggregate(queryset: QuerySet, aggregate) -> Subquery:
    """One aggregate over a correlated queryset, as a scalar subquery."""
    return Subquery(
        queryset.order_by()
        .annotate(group=Value(1))
        .values("group")
        .annotate(v=aggregate)
        .values("v")
    )


def public_documents() -> QuerySet[PolicyDocument]:
    """Every document cited by a live project, with how many projects cite it and the money
    they declare (each project counted once, however often it cites the document)."""
    citing = _citing_projects()
    return PolicyDocument.objects.published().annotate(
        project_count=_aggregate(citing, Count("pk")),
        money=Coalesce(_aggregate(citing, Sum("declared_total")), Decimal("0.00")),
    )


def public_document(pk: int) -> tuple[PolicyDocument, list[Citation]]:
    """A cited document and its citations by live projects, in disclosure order; 404 otherwise."""
    document = public_documents().filter(pk=pk).first()
    if document is None:
        raise Http404("没有找到被已公开项目引用的政策文件。")
    citations = list(
        Citation.objects.published()
        .filter(document=document)
        .select_related("project__disclosure__department")
        .order_by(
            "-project__disclosure__fiscal_year",
            "project__disclosure_id",
            "project__sequence",
            "sequence",
        )
    )
    return document, citations


def document_money(
    document: PolicyDocument, citations: list[Citation]
) -> tuple[list[tuple[Citation, list[attribution.Attributed]]], Decimal]:
    """Each citation of ``document`` with the money its project's text ties to the document
    (``budget.attribution``), and the sum of that money, each project counted once; the
    citing projects' trees in the queries of ``with_tree``, whatever their number."""
    projects = with_tree(Project.objects.filter(pk__in={c.project_id for c in citations}))
    money = {
        project.pk: attribution.attributed(
            project_data(project), number=document.document_number, title=document.title
        )
        for project in projects
    }
    rows = [(citation, money.get(citation.project_id, [])) for citation in citations]
    return rows, rollups.total(item.amount for items in money.values() for item in items)


def disclosure_list() -> QuerySet[Disclosure]:
    """Public disclosures with their number of live projects and those projects' declared sum."""
    live = Project.objects.published().filter(disclosure=OuterRef("pk"))
    return public_disclosures().annotate(
        project_count=Subquery(
            live.order_by().values("disclosure").annotate(n=Count("pk")).values("n")
        ),
        declared=Coalesce(
            Subquery(
                live.order_by().values("disclosure").annotate(s=Sum("declared_total")).values("s")
            ),
            Decimal("0.00"),
        ),
    )
