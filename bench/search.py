"""Search at scale: p50/p95 of substring search over N published projects on PostgreSQL,
against a floor measured in the same run (the same ORM round trip with a constant query).

    make bench-search            # N=100000 on a throwaway PostgreSQL
    BENCH_PROJECTS=20000 make bench-search

Each query is timed as the search page runs it: the count (capped at 1,000), then the first
page of 20 with its sub-items and citations, and their snippets; figures are given per class of
query (common, mid, rare, none) and overall, and for the last page of a common term. The
synthetic projects draw their text from a budget vocabulary, so short words such as 培训 occur
in most of them; a few phrases (慰问金, 馆藏) are rare, and every project cites two or three of a
few hundred policy documents, its 文号 written in one of the bracket forms met in real texts.
One project in 50 stays a draft, which search must pass over.

With DATABASE_URL set (to a database this script built before) it measures again without
building: ``DATABASE_URL=postgres://… .venv/bin/python bench/search.py``.
"""

import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

N = int(os.environ.get("BENCH_PROJECTS", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
GRAMS_INDEX = "projects_projectsearch_grams_gin"  # migration 0005
SUB_ITEMS = 3
DOCUMENTS = 400
DRAFT_EVERY = 50  # one project in 50 stays a draft
WORDS = (
    "干部 教育 培训 老干部 党建 乡村 振兴 人才 档案 体检 保险 补贴 服务 群众 活动 经费 "
    "宣传 维护 建设 组织 工作 开展 实施 保障 管理 人员 标准 支出 资金 项目 年度 计划 "
    "会议 学习 调研 考核 选派 驻村 队员 基层 党员 阵地 信息 系统 运行 采购 设备 印刷 "
    "资料 场地 租赁 交通 食宿 讲师 课酬 聘请 专家 评审 验收 审计 绩效 目标 考察 交流 "
    "春节 走访 困难 帮扶 慰问 离退休 医疗 费用 按照 规定 结合 实际 全市 各级 单位 "
    "部门 完成 任务 提升 能力 水平 质量 效益 满意度"
).split()
# Rare phrases and how often a sub-item's content carries one.
RARE = [("慰问金", 0.01), ("意外伤害保险", 0.005), ("档案数字化", 0.002), ("馆藏", 0.001)]
ISSUERS = ["澄办发", "澄发", "玉老通", "云老发", "澄组通", "玉组发", "澄党人才", "云办发"]
BRACKETS = ["〔〕", "【】", "（）", "()"]
# By how many projects hold them at 100,000: most, some thousands or hundreds, a few, none.
QUERIES = {
    "common": ["培训", "慰", "培训经费"],
    "mid": ["慰问金", "意外伤害", "澄办发〔2014〕104号", "澄办发【2014】104号"],
    "rare": ["馆藏", "档案数字化", "第99999号项目"],
    "none": ["不存在的词语"],
}
PAGE = 20
DEEP = "培训"  # also timed at the last page the capped count allows


def sentence(rng: random.Random, words: int) -> str:
    text = "".join(rng.choices(WORDS, k=words))
    for phrase, rate in RARE:
        if rng.random() < rate:
            cut = rng.randrange(len(text) + 1)
            text = text[:cut] + phrase + text[cut:]
    return text


def build() -> None:
    from budget.searchtext import search_document, tsvector_literal
    from projects.models import (
        Citation,
        Department,
        Disclosure,
        PolicyDocument,
        Project,
        ProjectSearch,
        Region,
        Status,
        SubItem,
    )
    from projects.search import display_order, project_texts

    rng = random.Random(1)
    with connection.cursor() as cursor:
        # A bulk load lets GIN queue its entries and merges them once at the end (see below);
        # in service the index takes each project's entries as it is written.
        cursor.execute(f'ALTER INDEX "{GRAMS_INDEX}" SET (fastupdate = on)')
    region = Region.objects.create(name="测试省")
    departments = Department.objects.bulk_create(
        Department(name=f"测试单位{d}", slug=f"bench-{d}", region=region) for d in range(100)
    )
    disclosures = Disclosure.objects.bulk_create(
        Disclosure(department=d, fiscal_year=2024, title=f"{d.name}2024年公开") for d in departments
    )
    numbers = {("澄办发", 2014, 104)}
    while len(numbers) < DOCUMENTS:
        numbers.add((rng.choice(ISSUERS), rng.randrange(2000, 2024), rng.randrange(1, 200)))
    documents = PolicyDocument.objects.bulk_create(
        PolicyDocument(
            title=f"关于{''.join(rng.sample(WORDS, 3))}的通知",
            document_number=f"{issuer}〔{year}〕{serial}号",
            issuer_code=issuer,
            year=year,
            serial=serial,
        )
        for issuer, year, serial in sorted(numbers)
    )
    batch = 2000
    for start in range(0, N, batch):
        projects = Project.objects.bulk_create(
            Project(
                disclosure=disclosures[n % len(disclosures)],
                sequence=n // len(disclosures) + 1,
                name=f"第{n}号项目{''.join(rng.sample(WORDS, 3))}经费",
                implementing_unit="测试单位",
                basis_closing="等文件精神，结合实际，特制定如下实施方案。",
                funding_text=f"项目申报资金{rng.randrange(1, 500)}万元。",
                outcomes=sentence(rng, 60),
                declared_total=Decimal(rng.randrange(10_000, 10_000_000)),
                # Children are added to drafts only (published revisions are frozen); the
                # batch is published below, but for a few left as drafts, which search
                # must skip.
                status=Status.DRAFT,
            )
            for n in range(start, min(N, start + batch))
        )
        sub_items = {p.pk: [] for p in projects}
        citations = {p.pk: [] for p in projects}
        for p in projects:
            for s in range(1, SUB_ITEMS + 1):
                sub_items[p.pk].append(
                    SubItem(
                        project=p,
                        sequence=s,
                        name="".join(rng.sample(WORDS, 2)),
                        content=sentence(rng, 120),
                        plan=sentence(rng, 30),
                    )
                )
            # Citations lean on a few popular documents, like real ones.
            cited = {documents[min(int(rng.expovariate(0.02)), DOCUMENTS - 1)] for _ in range(3)}
            for s, document in enumerate(cited, start=1):
                brackets = rng.choice(BRACKETS)
                number = document.document_number.replace("〔", brackets[0]).replace(
                    "〕", brackets[1]
                )
                citations[p.pk].append(
                    Citation(
                        project=p,
                        document=document,
                        sequence=s,
                        cited_text=f"《{document.title}》（{number}）",
                    )
                )
        SubItem.objects.bulk_create(row for rows in sub_items.values() for row in rows)
        Citation.objects.bulk_create(row for rows in citations.values() for row in rows)
        rows = []
        for p in projects:
            document = search_document(project_texts(p, sub_items[p.pk], citations[p.pk]))
            rows.append(
                ProjectSearch(
                    project=p,
                    text=document.text,
                    grams=tsvector_literal(document.grams),
                    **display_order(p),
                )
            )
        ProjectSearch.objects.bulk_create(rows)
        Project.objects.filter(pk__in=[p.pk for p in projects if p.pk % DRAFT_EVERY]).update(
            status=Status.PUBLISHED
        )
    with connection.cursor() as cursor:
        cursor.execute(f'ALTER INDEX "{GRAMS_INDEX}" SET (fastupdate = off)')
        cursor.execute("VACUUM ANALYZE")  # merges the queued GIN entries


def timings(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def percentile(samples: list[float], p: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def main() -> None:
    from projects.models import Project
    from projects.search import COUNT_CAP, hits, search_results

    if connection.vendor != "postgresql":
        sys.exit("bench/search.py measures PostgreSQL; run it through `make bench-search`.")
    call_command("migrate", verbosity=0)
    if not Project.objects.exists():
        started = time.perf_counter()
        build()
        print(
            f"built {N} projects × {SUB_ITEMS} sub-items, {DOCUMENTS} cited documents",
            f"in {time.perf_counter() - started:.0f} s",
        )

    def page(query: str, number: int = 1) -> str:
        # What the search page runs: the capped count, one page of 20, its snippets.
        count, results = search_results(query)
        for project in results[(number - 1) * PAGE : number * PAGE]:
            hits(project, query)
        return str(count)

    floor = statistics.median(
        timings(lambda: list(Project.objects.filter(pk=1).values_list("pk")), 50)
    )
    print(f"floor (one-row ORM query)        p50 {floor:7.2f} ms")
    samples: list[float] = []
    for kind, queries in QUERIES.items():
        by_kind: list[float] = []
        for query in queries:
            count = page(query)  # warm up
            times = timings(lambda q=query: page(q), ROUNDS)
            by_kind += times
            print(
                f"  {count:>12} found  p50 {statistics.median(times):7.2f} ms",
                f" p95 {percentile(times, 95):7.2f} ms  {query}",
            )
        samples += by_kind
        print(
            f"{kind:>6} ({len(by_kind)} samples)         p50 {statistics.median(by_kind):7.2f} ms",
            f" p95 {percentile(by_kind, 95):7.2f} ms",
        )
    p50 = statistics.median(samples)
    p95 = percentile(samples, 95)
    print(
        f"search over {N} projects   p50 {p50:7.2f} ms  p95 {p95:7.2f} ms",
        f"({p50 / floor:.0f}× floor)",
    )
    last = COUNT_CAP // PAGE
    times = timings(lambda: page(DEEP, last), ROUNDS)
    print(
        f"page {last} of {DEEP} (the last one)  p50 {statistics.median(times):7.2f} ms",
        f" p95 {percentile(times, 95):7.2f} ms",
    )


if __name__ == "__main__":
    main()
