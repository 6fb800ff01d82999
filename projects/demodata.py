"""Synthetic disclosures at scale, for demonstrations and benchmarks.

:func:`generate` builds departments (real county names, invented budget units), one disclosure
per department and year, and projects with everything a real one states: 立项依据 citing a
shared pool of policy documents (a few popular ones cited by many projects, as in real texts),
sub-items with their narrative and plan, line items whose amounts are the product of their
factors (60人×100元×2天 = 12000元), composite lines made of child lines, milestones, funding
sources and performance indicators. Every total is the sum of its parts, so the portal's
checks find nothing to report; a few projects stay drafts.

The same seed gives the same records (pks and timestamps aside): every choice comes from one
``random.Random(seed)``, drawn in a fixed order, and the lineages (the public addresses) too.

Published projects end as ``load_disclosure --publish`` leaves them: first revisions stored
as drafts, children and all, with their itemised total, finding count and search row, then
flipped to published in one UPDATE per batch (a published revision accepts no children). No
PDF is rendered (they are rendered on first request), and no edit history is written.

Rows are written with ``bulk_create`` in batches. On PostgreSQL the GIN indexes of the tables
written (search grams and trigram indexes) are dropped first and built again at the end when
the run is large (``rebuild_indexes``): one build is much cheaper than growing them row by
row. Everything happens in one transaction: a run is stored whole or not at all.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone

from budget import checks, rollups
from budget.amounts import format_decimal, format_wan, round_yuan
from budget.formulas import product
from budget.searchtext import search_document, tsvector_literal
from budget.tree import (
    CitationData,
    FactorData,
    FundingSourceData,
    LineData,
    MilestoneData,
    ProjectData,
    SubItemData,
)

from . import demovocab as vocab
from . import search
from .models import (
    Citation,
    Comparator,
    Department,
    Disclosure,
    Factor,
    FundingSource,
    IndicatorLevel,
    LineItem,
    Milestone,
    PaymentMode,
    PerformanceIndicator,
    PolicyDocument,
    Project,
    ProjectSearch,
    Region,
    Status,
    SubItem,
)

BATCH = 1000
# From this many projects on, the GIN indexes are dropped during the run and built after.
REBUILD_INDEXES_FROM = 5000
SHANGHAI = ZoneInfo("Asia/Shanghai")
_MODELS_WITH_GIN = (Project, SubItem, Citation, PolicyDocument, ProjectSearch)


class DemoDataError(ValueError):
    """A run that cannot be made (bad numbers, names already taken); the message says why."""


@dataclass(frozen=True)
class GenerateResult:
    departments: int
    disclosures: int
    projects: int
    published: int
    documents: int
    citations: int
    sub_items: int
    lines: int
    factors: int
    # Seconds per phase: building the records in Python, writing rows, computing search rows,
    # building the GIN indexes.
    timings: dict[str, float] = field(default_factory=dict, compare=False)


def department_capacity() -> int:
    """How many distinct departments the vocabulary can name."""
    places = sum(1 + len(counties) for _, _, counties in vocab.CITIES)
    return places * len(vocab.AGENCIES)


def generate(
    *,
    departments: int,
    projects: int,
    seed: int,
    year: int = 2024,
    years: int = 1,
    draft_ratio: float = 0.02,
    documents: int = 400,
    batch_size: int = BATCH,
    rebuild_indexes: bool | None = None,
    progress: Callable[[int], None] | None = None,
) -> GenerateResult:
    """Build ``projects`` projects spread over ``departments`` departments and ``years`` fiscal
    years ending with ``year``, citing a pool of ``documents`` policy documents.

    About ``draft_ratio`` of the projects stay drafts. ``progress`` is called with the number
    of projects written after each batch. ``rebuild_indexes`` (PostgreSQL only) drops the GIN
    indexes of the tables written and builds them again at the end; by default, from
    ``REBUILD_INDEXES_FROM`` projects on. Raises :class:`DemoDataError` for impossible
    numbers or a department name or address already taken.
    """
    if departments < 1 or projects < 0 or years < 1 or documents < 1 or batch_size < 1:
        raise DemoDataError("单位数、年度数、文件数和批量须为正数，项目数不能为负数。")
    if departments > department_capacity():
        raise DemoDataError(f"最多可生成 {department_capacity()} 个预算单位。")
    if not 0 <= draft_ratio <= 1:
        raise DemoDataError("草稿比例应在 0 到 1 之间。")
    if not (2000 <= year - years + 1 and year <= 2100):
        raise DemoDataError("预算年度应在 2000 至 2100 之间。")
    if projects > departments * years * 30000:
        raise DemoDataError("每个公开文本最多 30000 个项目：请增加单位数或年度数。")
    if rebuild_indexes is None:
        rebuild_indexes = projects >= REBUILD_INDEXES_FROM
    builder = _Builder(random.Random(seed), year=year, years=years, draft_ratio=draft_ratio)
    with transaction.atomic():
        with _gin_indexes_deferred(rebuild_indexes and connection.vendor == "postgresql") as timer:
            result = builder.run(departments, projects, documents, batch_size, progress)
        result.timings["indexes"] = timer.seconds
    return result


class _Timer:
    seconds = 0.0


@contextmanager
def _gin_indexes_deferred(enabled: bool) -> Iterator[_Timer]:
    """Drop the GIN indexes of the tables written, and create them again, as they were."""
    timer = _Timer()
    if not enabled:
        yield timer
        return
    tables = [model._meta.db_table for model in _MODELS_WITH_GIN]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND indexdef LIKE '%% USING gin %%' ORDER BY indexname",
            [tables],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    yield timer
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # The builds sort their entries in memory; the default 64 MB spills to disk.
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _, definition in indexes:
            cursor.execute(definition)
    timer.seconds = time.perf_counter() - started


def _decimal(text: str) -> Decimal:
    return Decimal(text)


def _amount_text(amount: Decimal) -> str:
    """An amount as the texts write it: 万元 from 1万 up, else 元 (5000元)."""
    if amount >= 10000:
        return format_wan(amount)
    return f"{format_decimal(amount)}元"


def _split(total: Decimal, shares: list[int]) -> list[Decimal]:
    """``total`` split by ``shares`` (percentages adding to 100) in whole hundreds of 元,
    the last part taking the rest, so the parts add up to ``total`` exactly."""
    cents = int(total * 100)
    parts = [cents * share // 100 // 10000 * 10000 for share in shares[:-1]]
    parts.append(cents - sum(parts))
    return [Decimal(part) / 100 for part in parts]


@dataclass
class _Line:
    name: str
    amount: Decimal
    formula: str = ""
    factors: list[tuple[Decimal, str, str]] = field(default_factory=list)
    children: list[_Line] = field(default_factory=list)

    def data(self, sequence: int, marker: str) -> LineData:
        return LineData(
            sequence=sequence,
            name=self.name,
            declared=self.amount,
            amount_text=_amount_text(self.amount),
            marker=marker,
            factors=tuple(FactorData(value=v, unit=u, label=label) for v, u, label in self.factors),
            children=tuple(child.data(n, "") for n, child in enumerate(self.children, start=1)),
        )

    def written(self) -> str:
        """As 五 writes it: 自助餐费1.2万元（60人×100元×2天）."""
        text = f"{self.name}{_amount_text(self.amount)}"
        if self.formula:
            text += f"（{self.formula}）"
        if self.children:
            text += "，其中：" + "，".join(child.written() for child in self.children)
        return text


@dataclass
class _Batch:
    projects: list[Project] = field(default_factory=list)
    publish: list[Project] = field(default_factory=list)
    sub_items: list[SubItem] = field(default_factory=list)
    top_lines: list[LineItem] = field(default_factory=list)
    child_lines: list[LineItem] = field(default_factory=list)
    factors: list[Factor] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    funding: list[FundingSource] = field(default_factory=list)
    indicators: list[PerformanceIndicator] = field(default_factory=list)
    # Per project: its sub-items and citations, for its search row.
    texts: list[tuple[Project, list[SubItem], list[Citation]]] = field(default_factory=list)


class _Builder:
    def __init__(self, rng: random.Random, *, year: int, years: int, draft_ratio: float):
        self.rng = rng
        self.year = year
        self.years = list(range(year - years + 1, year + 1))
        self.draft_ratio = draft_ratio
        self.counts = dict.fromkeys(("published", "citations", "sub_items", "lines", "factors"), 0)
        self.timings = {"build": 0.0, "write": 0.0, "search rows": 0.0}
        self.grams = search.grams_indexed()

    # --- departments, disclosures, documents -----------------------------------------------

    def places(self) -> list[tuple[list[str], str, str]]:
        """Every place a department can sit in: (region path, name, slug code)."""
        places = []
        for city, city_code, counties in vocab.CITIES:
            places.append(([vocab.PROVINCE, city], city, city_code))
            for county, code in counties:
                places.append(([vocab.PROVINCE, city, county], county, code))
        return places

    def departments(self, count: int) -> list[tuple[Department, vocab.Agency, str]]:
        pairs = [(place, agency) for place in self.places() for agency in vocab.AGENCIES]
        chosen = sorted(self.rng.sample(range(len(pairs)), count))
        regions: dict[tuple[str, ...], Region] = {}

        def region(path: list[str]) -> Region:
            key = tuple(path)
            if key not in regions:
                parent = region(path[:-1]) if len(path) > 1 else None
                regions[key], _ = Region.objects.get_or_create(name=path[-1], parent=parent)
            return regions[key]

        rows = []
        for index in chosen:
            (path, place, code), agency = pairs[index]
            department = Department(
                name=agency.pattern.format(place=place),
                short_name=agency.short.format(place=place),
                slug=f"{code}-{agency.code}",
                region=region(path),
            )
            rows.append((department, agency, place))
        names = [d.name for d, _, _ in rows]
        slugs = [d.slug for d, _, _ in rows]
        taken = Department.objects.filter(name__in=names) | Department.objects.filter(
            slug__in=slugs
        )
        if taken.exists():
            raise DemoDataError(
                f"预算单位“{taken.order_by('name').first().name}”已存在：请在空数据库中生成。"
            )
        Department.objects.bulk_create(d for d, _, _ in rows)
        return rows

    def documents(self, count: int) -> tuple[list[PolicyDocument], list[float]]:
        """The shared pool, most cited first, and its cumulative weights (Zipf: the document
        at rank r is cited about 1/r as often as the first)."""
        rng = self.rng
        wanted: dict[tuple[str, str], tuple[str, int, int] | None] = {}
        # The 文号 the bench and the docs use as an example, cited often.
        wanted[("关于进一步加强干部教育培训工作的实施意见", "澄办发〔2014〕104号")] = (
            "澄办发",
            2014,
            104,
        )
        for statute in vocab.STATUTES[: max(0, min(len(vocab.STATUTES), count // 10))]:
            wanted[(statute, "")] = None
        while len(wanted) < count:
            subject = rng.choice(vocab.DOCUMENT_SUBJECTS)
            kind = rng.choice(vocab.DOCUMENT_KINDS)
            issuer = rng.choice(vocab.ISSUERS)
            year = rng.randrange(2006, self.year)
            serial = rng.randrange(1, 150)
            title = f"关于{subject}的{kind}"
            wanted.setdefault((title, f"{issuer}〔{year}〕{serial}号"), (issuer, year, serial))
        keys = list(wanted)[:count]
        rng.shuffle(keys)
        existing = {
            (d.title, d.document_number): d
            for d in PolicyDocument.objects.filter(title__in={title for title, _ in keys})
        }
        new = []
        for title, number in keys:
            if (title, number) not in existing:
                parts = wanted[(title, number)]
                issuer, year, serial = parts if parts else ("", None, None)
                new.append(
                    PolicyDocument(
                        title=title,
                        document_number=number,
                        issuer_code=issuer,
                        year=year,
                        serial=serial,
                    )
                )
        for document in PolicyDocument.objects.bulk_create(new):
            existing[(document.title, document.document_number)] = document
        pool = [existing[key] for key in keys]
        weights = list(accumulate(1 / rank for rank in range(1, len(pool) + 1)))
        return pool, weights

    def shares(self, total: int, count: int) -> list[int]:
        """``total`` projects split over ``count`` disclosures, unevenly, as in real life."""
        weights = [self.rng.uniform(0.3, 1.7) for _ in range(count)]
        scale = total / sum(weights)
        shares = [int(w * scale) for w in weights]
        for index in range(total - sum(shares)):
            shares[index % count] += 1
        return shares

    # --- the run ---------------------------------------------------------------------------

    def run(self, n_departments, n_projects, n_documents, batch_size, progress):
        started = time.perf_counter()
        departments = self.departments(n_departments)
        disclosures = []
        for department, agency, place in departments:
            for year in self.years:
                disclosures.append(
                    (
                        Disclosure(
                            department=department,
                            fiscal_year=year,
                            title=f"{department.name}{year}年预算重点领域财政项目文本公开",
                        ),
                        agency,
                        place,
                    )
                )
        Disclosure.objects.bulk_create(d for d, _, _ in disclosures)
        self.pool, self.weights = self.documents(n_documents)
        shares = self.shares(n_projects, len(disclosures))
        self.timings["build"] += time.perf_counter() - started

        batch = _Batch()
        for (disclosure, agency, place), share in zip(disclosures, shares, strict=True):
            published_at = self.published_at(disclosure.fiscal_year)
            for sequence in range(1, share + 1):
                tick = time.perf_counter()
                self.project(batch, disclosure, agency, place, sequence, published_at)
                self.timings["build"] += time.perf_counter() - tick
                if len(batch.projects) >= batch_size:
                    self.write(batch, progress)
                    batch = _Batch()
        if batch.projects:
            self.write(batch, progress)
        return GenerateResult(
            departments=len(departments),
            disclosures=len(disclosures),
            projects=n_projects,
            documents=len(self.pool),
            timings=self.timings,
            **self.counts,
        )

    def published_at(self, fiscal_year: int) -> datetime:
        """When a disclosure went public: a working day between late January and March of its
        year (budgets are disclosed within 20 days of approval), never in the future."""
        day = datetime(fiscal_year, 1, 20, tzinfo=SHANGHAI) + timedelta(
            days=self.rng.randrange(0, 70), hours=self.rng.randrange(9, 18)
        )
        return min(day, timezone.now().replace(microsecond=0))

    # --- one project -----------------------------------------------------------------------

    def project(self, batch, disclosure, agency, place, sequence, published_at) -> None:
        rng = self.rng
        topic = vocab.TOPICS[rng.choice(agency.topics)]
        year = disclosure.fiscal_year
        department = disclosure.department
        draft = rng.random() < self.draft_ratio
        units = [department.name, *(u.format(place=place) for u in agency.units)]
        project = Project(
            disclosure=disclosure,
            lineage=uuid.UUID(int=rng.getrandbits(128), version=4),
            revision=1,
            sequence=sequence,
            name=f"{year}年{topic.name}{rng.choice(topic.suffixes)}",
            implementing_unit=units[0] if rng.random() < 0.6 else rng.choice(units),
            basis_preamble="根据",
            basis_closing=f"等文件精神，为{topic.purpose}，结合实际，特制定如下实施方案。",
            outcomes=(
                f"通过项目实施，{topic.outcome}。资金使用规范，"
                f"项目按计划于{year}年12月底前全部完成。"
            ),
            # Stored as a draft, children and all; published in one UPDATE per batch.
            status=Status.DRAFT,
            published_at=None if draft else published_at,
        )

        # 四、五、七: sub-items, their calculations and plans.
        templates = rng.sample(topic.sub_items, rng.randint(1, len(topic.sub_items)))
        sub_data = []
        sub_rows = []
        for s, template in enumerate(templates, start=1):
            lines = self.lines(template.family)
            amount = rollups.total(line.amount for line in lines)
            content = (
                f"{template.intro}。具体测算如下："
                + "；".join(f"{vocab.CIRCLED[i]}{line.written()}" for i, line in enumerate(lines))
                + f"。合计{_amount_text(amount)}。"
            )
            milestones, plan = self.milestones(template.name, amount, year)
            sub = SubItem(
                project=project,
                sequence=s,
                name=template.name,
                content=content,
                plan=plan,
                declared_amount=amount,
                declared_amount_text=_amount_text(amount),
            )
            sub_rows.append(sub)
            batch.sub_items.append(sub)
            line_data = []
            for i, line in enumerate(lines, start=1):
                marker = vocab.CIRCLED[i - 1]
                self.store_line(batch, sub, None, line, i, marker)
                line_data.append(line.data(i, marker))
            for m, (description, month, mode, part) in enumerate(milestones, start=1):
                batch.milestones.append(
                    Milestone(
                        sub_item=sub,
                        sequence=m,
                        description=description,
                        due_year=year,
                        due_month=month,
                        payment_mode=mode,
                        amount=part,
                        amount_text=_amount_text(part),
                    )
                )
            sub_data.append(
                SubItemData(
                    sequence=s,
                    name=sub.name,
                    declared=amount,
                    lines=tuple(line_data),
                    milestones=tuple(
                        MilestoneData(sequence=m, description=d, due_year=year, due_month=mo)
                        for m, (d, mo, _, _) in enumerate(milestones, start=1)
                    ),
                    texts=(("content", sub.content), ("plan", sub.plan)),
                )
            )
        total = rollups.total(sub.declared_amount for sub in sub_rows)

        # 六: the declared total and where it comes from.
        names = rng.choice(vocab.FUNDING_SCHEMES)
        shares = {1: [100], 2: [70, 30], 3: [50, 30, 20]}[len(names)]
        parts = _split(total, shares) if total >= 10000 * len(names) else [total]
        names = names[: len(parts)]
        funding = [
            FundingSource(
                project=project, sequence=f, name=name, amount=part, amount_text=format_wan(part)
            )
            for f, (name, part) in enumerate(zip(names, parts, strict=True), start=1)
        ]
        batch.funding.extend(funding)
        project.declared_total = total
        project.declared_total_text = format_wan(total)
        project.funding_text = f"项目资金共计{format_wan(total)}" + (
            "，其中" + "，".join(f"{f.name}{f.amount_text}" for f in funding) + "。"
            if len(funding) > 1
            else f"，由{funding[0].name}安排。"
        )

        # 二: citations of the shared pool, the popular documents more often.
        cited: list[PolicyDocument] = []
        wanted = rng.randint(2, 5)
        while len(cited) < wanted:
            document = rng.choices(self.pool, cum_weights=self.weights)[0]
            if document not in cited:
                cited.append(document)
        citations = []
        for c, document in enumerate(cited, start=1):
            text = f"《{document.title}》"
            if document.document_number:
                # Most texts put the 文号 after the title, some before it (as the seed does).
                number = document.document_number
                text = f"{number}{text}" if rng.random() < 0.1 else f"{text}（{number}）"
            citations.append(
                Citation(
                    project=project,
                    document=document,
                    sequence=c,
                    cited_text=text,
                    separator="、" if c < len(cited) else "",
                )
            )
        batch.citations.extend(citations)

        # The 项目支出绩效目标表.
        quantity = sub_data[0].lines[0]
        count = quantity.factors[0].value if quantity.factors else Decimal(1)
        indicators = [
            (
                IndicatorLevel.OUTPUT,
                "数量指标",
                topic.output[0],
                Comparator.GE,
                count,
                topic.output[1],
            ),
            (IndicatorLevel.OUTPUT, "质量指标", "资金使用合规率", Comparator.EQ, "100", "%"),
            (IndicatorLevel.OUTPUT, "时效指标", "项目完成时间", Comparator.LE, f"{year}年12月", ""),
            (
                IndicatorLevel.COST,
                "经济成本指标",
                "项目总成本",
                Comparator.LE,
                format_wan(total, unit=False),
                "万元",
            ),
            (
                IndicatorLevel.BENEFIT,
                "社会效益指标",
                topic.outcome.split("，")[0],
                Comparator.QUALITATIVE,
                "有效提升",
                "",
            ),
            (
                IndicatorLevel.SATISFACTION,
                "满意度指标",
                "服务对象满意度",
                Comparator.GE,
                str(rng.choice((85, 90, 95))),
                "%",
            ),
        ]
        for i, (level1, level2, name, comparator, target, unit) in enumerate(indicators, start=1):
            batch.indicators.append(
                PerformanceIndicator(
                    project=project,
                    sequence=i,
                    level1=level1,
                    level2=level2,
                    name=name,
                    comparator=comparator,
                    target=format_decimal(target) if isinstance(target, Decimal) else target,
                    unit=unit,
                )
            )

        data = ProjectData(
            name=project.name,
            fiscal_year=year,
            declared_total=total,
            sub_items=tuple(sub_data),
            citations=tuple(
                CitationData(
                    sequence=c.sequence,
                    title=c.document.title,
                    document_number=c.document.document_number,
                    cited_text=c.cited_text,
                )
                for c in citations
            ),
            funding_sources=tuple(
                FundingSourceData(sequence=f.sequence, name=f.name, amount=f.amount)
                for f in funding
            ),
            texts=(
                ("basis_preamble", project.basis_preamble),
                ("basis_closing", project.basis_closing),
                ("funding_text", project.funding_text),
                ("outcomes", project.outcomes),
            ),
        )
        # The summaries refresh_summary stores, from the same plain data the pages check.
        project.itemised_total = rollups.itemised_total(data)
        project.finding_count = len(checks.check_project(data))
        batch.projects.append(project)
        if not draft:
            batch.publish.append(project)
        batch.texts.append((project, sub_rows, citations))
        self.counts["sub_items"] += len(sub_rows)
        self.counts["citations"] += len(citations)

    def factor_line(self, template: vocab.LineTemplate) -> _Line:
        factors = [(_decimal(self.rng.choice(f.values)), f.unit, f.label) for f in template.factors]
        amount = round_yuan(product(FactorData(value=v, unit=u) for v, u, _ in factors))
        formula = "×".join(f"{format_decimal(v)}{u}" for v, u, _ in factors)
        return _Line(template.name, amount, formula, factors)

    def lines(self, family: str) -> list[_Line]:
        rng = self.rng
        templates = vocab.LINES[family]
        picked = rng.sample(templates, rng.randint(min(2, len(templates)), min(4, len(templates))))
        lines = [self.factor_line(t) for t in picked]
        if family in vocab.COMPOSITES and len(templates) >= 2 and rng.random() < 0.2:
            children = [self.factor_line(t) for t in rng.sample(templates, 2)]
            lines.append(
                _Line(
                    vocab.COMPOSITES[family],
                    rollups.total(child.amount for child in children),
                    children=children,
                )
            )
        if rng.random() < 0.1:
            lump = Decimal(rng.randrange(5, 100) * 200)
            lines.append(_Line(rng.choice(vocab.LUMP_SUMS), lump))
        return lines

    def store_line(self, batch, sub, parent, line: _Line, sequence: int, marker: str) -> None:
        row = LineItem(
            sub_item=sub,
            parent=parent,
            sequence=sequence,
            marker=marker,
            name=line.name,
            declared_amount=line.amount,
            amount_text=_amount_text(line.amount),
            formula=line.formula,
        )
        (batch.top_lines if parent is None else batch.child_lines).append(row)
        self.counts["lines"] += 1
        for f, (value, unit, label) in enumerate(line.factors, start=1):
            batch.factors.append(Factor(line=row, sequence=f, value=value, unit=unit, label=label))
        self.counts["factors"] += len(line.factors)
        for c, child in enumerate(line.children, start=1):
            self.store_line(batch, sub, row, child, c, "")

    def milestones(self, name: str, amount: Decimal, year: int):
        """The plan of a sub-item: its nodes (description, month, mode, amount) and its text."""
        rng = self.rng
        mode = rng.choice(
            (
                PaymentMode.ONE_OFF,
                PaymentMode.QUARTERLY,
                PaymentMode.AS_NEEDED,
                PaymentMode.INSTALMENTS,
            )
        )
        if mode == PaymentMode.QUARTERLY and amount >= 40000:
            parts = _split(amount, [25, 25, 25, 25])
            nodes = [(f"第{q}季度{name}", q * 3, mode, part) for q, part in enumerate(parts, 1)]
        elif mode == PaymentMode.INSTALMENTS and amount >= 20000:
            first, second = _split(amount, [60, 40])
            month = rng.randint(3, 8)
            nodes = [
                (f"启动{name}，支付首期款", month, mode, first),
                (f"完成{name}并验收，支付尾款", rng.randint(month + 1, 12), mode, second),
            ]
        else:
            mode = (
                mode
                if mode in (PaymentMode.ONE_OFF, PaymentMode.AS_NEEDED)
                else PaymentMode.ONE_OFF
            )
            nodes = [(f"完成{name}", rng.randint(3, 12), mode, amount)]
        plan = "；".join(
            f"{year}年{month}月底前{description}，{PaymentMode(m).label}{_amount_text(part)}"
            for description, month, m, part in nodes
        )
        return nodes, plan + "。"

    # --- writing ---------------------------------------------------------------------------

    def write(self, batch: _Batch, progress) -> None:
        tick = time.perf_counter()
        Project.objects.bulk_create(batch.projects)
        SubItem.objects.bulk_create(batch.sub_items)
        LineItem.objects.bulk_create(batch.top_lines)
        LineItem.objects.bulk_create(batch.child_lines)
        Factor.objects.bulk_create(batch.factors)
        Milestone.objects.bulk_create(batch.milestones)
        Citation.objects.bulk_create(batch.citations)
        FundingSource.objects.bulk_create(batch.funding)
        PerformanceIndicator.objects.bulk_create(batch.indicators)
        self.timings["write"] += time.perf_counter() - tick
        tick = time.perf_counter()
        rows = []
        for project, sub_items, citations in batch.texts:
            document = search_document(search.project_texts(project, sub_items, citations))
            rows.append(
                ProjectSearch(
                    project=project,
                    text=document.text,
                    grams=tsvector_literal(document.grams) if self.grams else None,
                    **search.display_order(project),
                )
            )
        self.timings["search rows"] += time.perf_counter() - tick
        tick = time.perf_counter()
        ProjectSearch.objects.bulk_create(rows)
        if batch.publish:
            Project.objects.filter(pk__in=[p.pk for p in batch.publish]).update(
                status=Status.PUBLISHED
            )
        self.counts["published"] += len(batch.publish)
        self.timings["write"] += time.perf_counter() - tick
        if progress is not None:
            progress(len(batch.projects))
