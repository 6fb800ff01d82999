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

Rows are plain dicts with ids taken ahead from each table's sequence, written in batches:
with COPY from a thread of its own on PostgreSQL (the server stores one batch while Python
builds the next), with ``bulk_create`` elsewhere. A large PostgreSQL run also drops the GIN
indexes of the tables it writes and builds them once at the end, and pauses their
frozen-revision triggers while it writes (``bulk``, see :func:`generate`). Everything happens
in one transaction: a run is stored whole or not at all.
"""

from __future__ import annotations

import io
import random
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import Max
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
from projects import public_version, search
from projects.models import (
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

from . import vocab

BATCH = 1000
# From this many projects on, a PostgreSQL run takes the tables for itself (see generate()).
BULK_FROM = 5000
SHANGHAI = ZoneInfo("Asia/Shanghai")
# The tables this module writes row by row (the others get a few rows through the ORM).
_BULK_MODELS = (
    Project,
    SubItem,
    LineItem,
    Factor,
    Milestone,
    Citation,
    FundingSource,
    PerformanceIndicator,
    ProjectSearch,
)


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
    # Seconds per phase: building the records in Python ("build"), computing the search rows
    # ("search"), writing the rows ("write"), the deferred foreign-key checks and the index
    # builds of a bulk run ("finish").
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
    draft_ratio: Decimal | float = Decimal("0.02"),
    documents: int = 400,
    batch_size: int = BATCH,
    bulk: bool | None = None,
    progress: Callable[[int], None] | None = None,
) -> GenerateResult:
    """Build ``projects`` projects spread over ``departments`` departments and ``years`` fiscal
    years ending with ``year``, citing a pool of ``documents`` policy documents.

    About ``draft_ratio`` of the projects stay drafts. ``progress`` is called with the number
    of projects written after each batch. Raises :class:`DemoDataError` for impossible
    numbers or a department name or address already taken.

    ``bulk`` (PostgreSQL; by default from ``BULK_FROM`` projects on) takes the tables for the
    run: it drops their GIN indexes and builds them again at the end, and pauses their
    frozen-revision triggers while it writes, since every row it writes belongs to a draft
    it created in this transaction, which the triggers let through anyway. Other sessions
    wait for the tables until the run commits. The triggers are back on before the projects
    are published, and at the commit.
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
    if bulk is None:
        bulk = projects >= BULK_FROM
    bulk = bulk and connection.vendor == "postgresql"
    builder = _Builder(random.Random(seed), year=year, years=years, draft_ratio=draft_ratio)
    with transaction.atomic():
        _lock_tables()
        with _bulk_run(bulk, builder.timings):
            try:
                builder.run(departments, projects, documents, batch_size, progress)
            finally:
                builder.copier.close()
        # Published only now, each batch in one UPDATE, with every guard on.
        started = time.perf_counter()
        ids = builder.to_publish
        for start in range(0, len(ids), batch_size):
            Project.objects.filter(pk__in=ids[start : start + batch_size]).update(
                status=Status.PUBLISHED
            )
        # What the public sees changed, for projects nobody named: every stored page is stale.
        public_version.bump(public_version.SITE)
        builder.timings["publish"] = time.perf_counter() - started
    return builder.result


@contextmanager
def _bulk_run(enabled: bool, timings: dict[str, float]) -> Iterator[None]:
    """Drop the GIN indexes of the tables written and pause their frozen-revision triggers;
    afterwards build the indexes again, as they were, and switch the triggers back on."""
    if not enabled:
        yield
        return
    tables = [model._meta.db_table for model in _BULK_MODELS]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND indexdef LIKE '%% USING gin %%' ORDER BY indexname",
            [tables],
        )
        indexes = cursor.fetchall()
        # The triggers of migration 0007 on the child tables (not the project's own, which
        # guards the status change at the end).
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND c.relname = ANY(%s) AND c.relname <> %s "
            "AND t.tgname LIKE '%%frozen' ORDER BY c.relname",
            [tables, Project._meta.db_table],
        )
        triggers = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        for table, trigger in triggers:
            cursor.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER "{trigger}"')
    yield
    started = time.perf_counter()
    with connection.cursor() as cursor:
        # PostgreSQL alters no table with foreign-key checks still queued: run them now
        # (Django defers them to the commit).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, trigger in triggers:
            cursor.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER "{trigger}"')
        timings["finish"] = time.perf_counter() - started
        # The builds sort their entries in memory; the default 64 MB spills to disk.
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _, definition in indexes:
            cursor.execute(definition)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    timings["indexes"] = time.perf_counter() - started - timings["finish"]


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value: object) -> str:
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
            return value.translate(_COPY_ESCAPES)
        return value
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)  # int, Decimal, UUID


class _Copier:
    """Sends COPY data to PostgreSQL from a thread of its own, so the server stores one batch
    while Python builds the next (the two cores of a small machine both busy). One COPY at a
    time, in order, in the run's transaction; the main thread waits for it before it sends
    a statement of its own (:meth:`wait`), since a connection carries one at a time."""

    def __init__(self):
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="demodata-copy")
        self.pending: list[Future] = []

    def submit(self, sql: str, buffer: io.StringIO) -> None:
        raw = connection.connection  # the psycopg2 connection, opened by now
        self.pending.append(self.executor.submit(self._copy, raw, sql, buffer))

    @staticmethod
    def _copy(raw, sql: str, buffer: io.StringIO) -> None:
        with raw.cursor() as cursor:
            cursor.copy_expert(sql, buffer)

    def wait(self) -> None:
        """Until every COPY sent has finished; raises the first one's error."""
        pending, self.pending = self.pending, []
        for future in pending:
            future.result()

    def close(self) -> None:
        try:
            self.wait()
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)


class _Table:
    """Rows of one model, as dicts of column values (by attname), written in one go: COPY on
    PostgreSQL, ``bulk_create`` elsewhere. Ids are given by :class:`_Ids`."""

    def __init__(self, model, now: datetime, copier: _Copier):
        self.model = model
        self.copier = copier
        self.fields = model._meta.concrete_fields
        self.defaults: dict[str, object] = {}
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.defaults[f.attname] = now
            elif f.has_default() and not callable(f.default):
                self.defaults[f.attname] = f.default
            elif f.null:
                self.defaults[f.attname] = None
            elif f.empty_strings_allowed and not f.primary_key:
                self.defaults[f.attname] = ""
        self.rows: list[dict[str, object]] = []

    def write(self) -> None:
        if not self.rows:
            return
        if connection.vendor == "postgresql":
            self._copy()
        else:
            self.model.objects.bulk_create(self.model(**(self.defaults | row)) for row in self.rows)
        self.rows = []

    def _copy(self) -> None:
        names = [f.attname for f in self.fields]
        columns = ", ".join(f'"{f.column}"' for f in self.fields)
        defaults = self.defaults
        buffer = io.StringIO()
        for row in self.rows:
            values = [row[name] if name in row else defaults[name] for name in names]
            buffer.write("\t".join(map(_copy_text, values)))
            buffer.write("\n")
        buffer.seek(0)
        sql = f'COPY "{self.model._meta.db_table}" ({columns}) FROM STDIN'
        self.copier.submit(sql, buffer)


class _Ids:
    """Primary keys handed out ahead of the rows, so children can name their parents.

    On PostgreSQL a block is taken from the table's sequence in one statement, which is safe
    because the run holds a lock on the table that keeps other writers out (see
    :func:`_lock_tables`); elsewhere ids follow the largest one (the transaction holds the
    write lock on SQLite).
    """

    BLOCK = 20_000

    def __init__(self, before_query: Callable[[], None]):
        # The connection may carry only one statement at a time, a COPY included.
        self.before_query = before_query
        self.next_id: dict[type, int] = {}
        self.end: dict[type, int] = {}

    def next(self, model) -> int:
        value = self.next_id.get(model, 0)
        if value >= self.end.get(model, 0):
            value = self._block(model)
            self.end[model] = value + self.BLOCK
        self.next_id[model] = value + 1
        return value

    def _block(self, model) -> int:
        """The first id of a fresh block of ``BLOCK`` ids."""
        self.before_query()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT setval(s, nextval(s) + %s - 1) FROM pg_get_serial_sequence(%s, 'id') s",
                    [self.BLOCK, model._meta.db_table],
                )
                return cursor.fetchone()[0] - self.BLOCK + 1
        if model not in self.end:
            return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        return self.end[model]


def _lock_tables() -> None:
    """Keep other writers out of the tables written until the run commits (readers go on)."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(f'"{model._meta.db_table}"' for model in _BULK_MODELS)
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")


@lru_cache(maxsize=4096)
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
    return [round_yuan(Decimal(part) / 100) for part in parts]


@dataclass(frozen=True)
class _Line:
    name: str
    amount: Decimal
    formula: str = ""
    factors: tuple[tuple[Decimal, str, str], ...] = ()
    children: tuple[_Line, ...] = ()

    @lru_cache(maxsize=65_536)  # noqa: B019 - lines repeat, and are never let go of anyway
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

    @lru_cache(maxsize=65_536)  # noqa: B019 - as above
    def written(self) -> str:
        """As 五 writes it: 自助餐费1.2万元（60人×100元×2天）."""
        text = f"{self.name}{_amount_text(self.amount)}"
        if self.formula:
            text += f"（{self.formula}）"
        if self.children:
            text += "，其中：" + "，".join(child.written() for child in self.children)
        return text


@lru_cache(maxsize=65_536)
def _factor_line(template: vocab.LineTemplate, values: tuple[str, ...]) -> _Line:
    """A line of the template with these factor values; its amount is their product."""
    factors = tuple(
        (Decimal(value), f.unit, f.label) for value, f in zip(values, template.factors, strict=True)
    )
    amount = round_yuan(product(FactorData(value=v, unit=u) for v, u, _ in factors))
    formula = "×".join(f"{format_decimal(v)}{u}" for v, u, _ in factors)
    return _Line(template.name, amount, formula, factors)


class _Builder:
    def __init__(self, rng: random.Random, *, year: int, years: int, draft_ratio):
        self.rng = rng
        self.year = year
        self.years = list(range(year - years + 1, year + 1))
        self.draft_ratio = draft_ratio
        self.counts = dict.fromkeys(("published", "citations", "sub_items", "lines", "factors"), 0)
        self.timings = {"build": 0.0, "search": 0.0, "write": 0.0}
        self.grams = search.grams_indexed()
        now = timezone.now()
        self.copier = _Copier()
        self.ids = _Ids(before_query=self.copier.wait)
        self.tables = {model: _Table(model, now, self.copier) for model in _BULK_MODELS}
        self.to_publish: list[int] = []

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

    def run(self, n_departments, n_projects, n_documents, batch_size, progress) -> None:
        started = time.perf_counter()
        departments = self.departments(n_departments)
        disclosures = []
        for department, agency, place in departments:
            for year in self.years:
                disclosure = Disclosure(
                    department=department,
                    fiscal_year=year,
                    title=f"{department.name}{year}年预算重点领域财政项目文本公开",
                )
                disclosures.append((disclosure, agency, place))
        Disclosure.objects.bulk_create(d for d, _, _ in disclosures)
        self.pool, self.weights = self.documents(n_documents)
        shares = self.shares(n_projects, len(disclosures))
        self.timings["build"] += time.perf_counter() - started

        pending = 0
        for (disclosure, agency, place), share in zip(disclosures, shares, strict=True):
            published_at = self.published_at(disclosure.fiscal_year)
            for sequence in range(1, share + 1):
                self.project(disclosure, agency, place, sequence, published_at)
                pending += 1
                if pending >= batch_size:
                    self.write(pending, progress)
                    pending = 0
        self.write(pending, progress)
        started = time.perf_counter()
        self.copier.wait()
        self.timings["write"] += time.perf_counter() - started
        self.result = GenerateResult(
            departments=len(departments),
            disclosures=len(disclosures),
            projects=n_projects,
            documents=len(self.pool),
            timings=self.timings,
            **self.counts,
        )

    def published_at(self, fiscal_year: int) -> datetime:
        """When a disclosure went public: a working hour between late January and March of its
        year (budgets are disclosed within 20 days of approval), never in the future."""
        day = datetime(fiscal_year, 1, 20, tzinfo=SHANGHAI) + timedelta(
            days=self.rng.randrange(0, 70), hours=self.rng.randrange(9, 18)
        )
        return min(day, timezone.now().replace(microsecond=0))

    def write(self, projects: int, progress) -> None:
        started = time.perf_counter()
        self.copier.wait()  # one batch in flight at most
        for table in self.tables.values():
            table.write()
        self.timings["write"] += time.perf_counter() - started
        if progress is not None and projects:
            progress(projects)

    def add(self, model, **row) -> int:
        """Queue a row of ``model``; returns its id."""
        if model is not ProjectSearch and "id" not in row:
            row["id"] = self.ids.next(model)
        self.tables[model].rows.append(row)
        return row.get("id")

    # --- one project -----------------------------------------------------------------------

    def project(self, disclosure, agency, place, sequence, published_at) -> None:
        started = time.perf_counter()
        rng = self.rng
        topic = vocab.TOPICS[rng.choice(agency.topics)]
        year = disclosure.fiscal_year
        department = disclosure.department
        draft = rng.random() < self.draft_ratio
        units = [department.name, *(u.format(place=place) for u in agency.units)]
        project = SimpleNamespace(
            disclosure=disclosure,
            sequence=sequence,
            name=f"{year}年{topic.name}{rng.choice(topic.suffixes)}",
            implementing_unit=units[0] if rng.random() < 0.6 else rng.choice(units),
            basis_preamble="根据",
            basis_closing=f"等文件精神，为{topic.purpose}，结合实际，特制定如下实施方案。",
            outcomes=(
                f"通过项目实施，{topic.outcome}。资金使用规范，"
                f"项目按计划于{year}年12月底前全部完成。"
            ),
        )
        lineage = uuid.UUID(int=rng.getrandbits(128), version=4)
        project_id = self.ids.next(Project)

        # 四、五、七: sub-items, their calculations and plans.
        templates = rng.sample(topic.sub_items, rng.randint(1, len(topic.sub_items)))
        sub_items = []
        sub_data = []
        for s, template in enumerate(templates, start=1):
            lines = self.lines(template.family)
            amount = rollups.total(line.amount for line in lines)
            content = (
                f"{template.intro}。具体测算如下："
                + "；".join(f"{vocab.CIRCLED[i]}{line.written()}" for i, line in enumerate(lines))
                + f"。合计{_amount_text(amount)}。"
            )
            nodes, plan = self.milestones(template.name, amount, year)
            sub = SimpleNamespace(name=template.name, content=content, plan=plan)
            sub_items.append(sub)
            sub_id = self.add(
                SubItem,
                project_id=project_id,
                sequence=s,
                name=sub.name,
                content=content,
                plan=plan,
                declared_amount=amount,
                declared_amount_text=_amount_text(amount),
            )
            line_data = []
            for i, line in enumerate(lines, start=1):
                marker = vocab.CIRCLED[i - 1]
                self.store_line(sub_id, None, line, i, marker)
                line_data.append(line.data(i, marker))
            for m, (description, month, mode, part) in enumerate(nodes, start=1):
                self.add(
                    Milestone,
                    sub_item_id=sub_id,
                    sequence=m,
                    description=description,
                    due_year=year,
                    due_month=month,
                    payment_mode=mode,
                    amount=part,
                    amount_text=_amount_text(part),
                )
            sub_data.append(
                SubItemData(
                    sequence=s,
                    name=sub.name,
                    declared=amount,
                    lines=tuple(line_data),
                    milestones=tuple(
                        MilestoneData(sequence=m, description=d, due_year=year, due_month=mo)
                        for m, (d, mo, _, _) in enumerate(nodes, start=1)
                    ),
                    texts=(("content", content), ("plan", plan)),
                )
            )
        total = rollups.total(sub.declared for sub in sub_data)

        # 六: the declared total and where it comes from.
        names = rng.choice(vocab.FUNDING_SCHEMES)
        shares = {1: [100], 2: [70, 30], 3: [50, 30, 20]}[len(names)]
        parts = _split(total, shares) if total >= 10000 * len(names) else [total]
        funding = list(zip(names, parts, strict=False))
        for f, (name, part) in enumerate(funding, start=1):
            self.add(
                FundingSource,
                project_id=project_id,
                sequence=f,
                name=name,
                amount=part,
                amount_text=format_wan(part),
            )
        if len(funding) > 1:
            sources = "，".join(f"{name}{format_wan(part)}" for name, part in funding)
            project.funding_text = f"项目资金共计{format_wan(total)}，其中{sources}。"
        else:
            project.funding_text = f"项目资金共计{format_wan(total)}，由{funding[0][0]}安排。"

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
            citations.append(SimpleNamespace(cited_text=text, document=document, sequence=c))
            self.add(
                Citation,
                project_id=project_id,
                document_id=document.pk,
                sequence=c,
                cited_text=text,
                separator="、" if c < len(cited) else "",
            )

        # The 项目支出绩效目标表.
        first = sub_data[0].lines[0]
        count = format_decimal(first.factors[0].value) if first.factors else "1"
        rows = [
            (IndicatorLevel.OUTPUT, "数量指标", *topic.output[:1], Comparator.GE, count),
            (IndicatorLevel.OUTPUT, "质量指标", "资金使用合规率", Comparator.EQ, "100"),
            (IndicatorLevel.OUTPUT, "时效指标", "项目完成时间", Comparator.LE, f"{year}年12月"),
            (IndicatorLevel.COST, "经济成本指标", "项目总成本", Comparator.LE, format_wan(total)),
            (
                IndicatorLevel.BENEFIT,
                "社会效益指标",
                topic.outcome.split("，")[0],
                Comparator.QUALITATIVE,
                "有效提升",
            ),
            (
                IndicatorLevel.SATISFACTION,
                "满意度指标",
                "服务对象满意度",
                Comparator.GE,
                str(rng.choice((85, 90, 95))),
            ),
        ]
        units = [topic.output[1], "%", "", "", "", "%"]
        for i, ((level1, level2, name, comparator, target), unit) in enumerate(
            zip(rows, units, strict=True), start=1
        ):
            self.add(
                PerformanceIndicator,
                project_id=project_id,
                sequence=i,
                level1=level1,
                level2=level2,
                name=name,
                comparator=comparator,
                target=target,
                unit=unit,
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
                FundingSourceData(sequence=f, name=name, amount=part)
                for f, (name, part) in enumerate(funding, start=1)
            ),
            texts=(
                ("basis_preamble", project.basis_preamble),
                ("basis_closing", project.basis_closing),
                ("funding_text", project.funding_text),
                ("outcomes", project.outcomes),
            ),
        )
        self.add(
            Project,
            id=project_id,
            disclosure_id=disclosure.pk,
            lineage=lineage,
            revision=1,
            # Stored as a draft, children and all; published at the end of the run.
            status=Status.DRAFT,
            sequence=sequence,
            name=project.name,
            implementing_unit=project.implementing_unit,
            basis_preamble=project.basis_preamble,
            basis_closing=project.basis_closing,
            declared_total=total,
            declared_total_text=format_wan(total),
            funding_text=project.funding_text,
            outcomes=project.outcomes,
            # The summaries refresh_summary stores, from the same plain data the pages check.
            itemised_total=rollups.itemised_total(data),
            finding_count=len(checks.check_project(data)),
            published_at=None if draft else published_at,
        )
        if not draft:
            self.to_publish.append(project_id)
            self.counts["published"] += 1
        self.counts["sub_items"] += len(sub_items)
        self.counts["citations"] += len(citations)
        built = time.perf_counter()
        self.timings["build"] += built - started

        document = search_document(search.project_texts(project, sub_items, citations))
        self.add(
            ProjectSearch,
            project_id=project_id,
            text=document.text,
            grams=tsvector_literal(document.grams) if self.grams else None,
            **search.display_order(project),
        )
        self.timings["search"] += time.perf_counter() - built

    def factor_line(self, template: vocab.LineTemplate) -> _Line:
        return _factor_line(template, tuple(self.rng.choice(f.values) for f in template.factors))

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
                    children=tuple(children),
                )
            )
        if rng.random() < 0.1:
            lump = Decimal(rng.randrange(5, 100) * 200)
            lines.append(_Line(rng.choice(vocab.LUMP_SUMS), lump))
        return lines

    def store_line(self, sub_id, parent_id, line: _Line, sequence: int, marker: str) -> None:
        line_id = self.add(
            LineItem,
            sub_item_id=sub_id,
            parent_id=parent_id,
            sequence=sequence,
            marker=marker,
            name=line.name,
            declared_amount=line.amount,
            amount_text=_amount_text(line.amount),
            formula=line.formula,
        )
        self.counts["lines"] += 1
        for f, (value, unit, label) in enumerate(line.factors, start=1):
            self.add(Factor, line_id=line_id, sequence=f, value=value, unit=unit, label=label)
        self.counts["factors"] += len(line.factors)
        for c, child in enumerate(line.children, start=1):
            self.store_line(sub_id, line_id, child, c, "")

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
            if mode not in (PaymentMode.ONE_OFF, PaymentMode.AS_NEEDED):
                mode = PaymentMode.ONE_OFF
            nodes = [(f"完成{name}", rng.randint(3, 12), mode, amount)]
        plan = "；".join(
            f"{year}年{month}月底前{description}，{PaymentMode(m).label}{_amount_text(part)}"
            for description, month, m, part in nodes
        )
        return nodes, plan + "。"
