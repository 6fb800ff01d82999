"""Search at scale: p50/p95 of substring search over N published projects on PostgreSQL,
against a floor measured in the same run (the same ORM round trip with a constant query).

    make bench-search            # N=100000 on a throwaway PostgreSQL
    BENCH_PROJECTS=20000 make bench-search
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
SUB_ITEMS = 3
WORDS = (
    "干部 教育 培训 慰问 老干部 党建 乡村 振兴 人才 档案 "
    "体检 保险 补贴 服务 群众 活动 经费 宣传 维护 建设"
).split()
QUERIES = [
    "慰问金",
    "意外伤害",
    "澄办发〔2014〕104号",
    "第99999号项目",
    "档案数字化",
    "不存在的词语",
]


def build() -> None:
    from projects.models import Department, Disclosure, Project, Region, Status, SubItem

    rng = random.Random(1)
    region = Region.objects.create(name="测试省")
    departments = Department.objects.bulk_create(
        Department(name=f"测试单位{d}", slug=f"bench-{d}", region=region) for d in range(100)
    )
    disclosures = Disclosure.objects.bulk_create(
        Disclosure(department=d, fiscal_year=2024, title=f"{d.name}2024年公开") for d in departments
    )
    batch = 5000
    for start in range(0, N, batch):
        projects = Project.objects.bulk_create(
            Project(
                disclosure=disclosures[n % len(disclosures)],
                sequence=n // len(disclosures) + 1,
                name=f"第{n}号项目{''.join(rng.sample(WORDS, 3))}经费",
                implementing_unit="测试单位",
                outcomes="".join(rng.choices(WORDS, k=60)),
                declared_total=Decimal(rng.randrange(10_000, 10_000_000)),
                status=Status.PUBLISHED,
            )
            for n in range(start, min(N, start + batch))
        )
        SubItem.objects.bulk_create(
            SubItem(
                project=p,
                sequence=s,
                name="".join(rng.sample(WORDS, 2)),
                content="".join(rng.choices(WORDS, k=120)),
                plan="".join(rng.choices(WORDS, k=30)),
            )
            for p in projects
            for s in range(1, SUB_ITEMS + 1)
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timings(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    from projects.models import Project
    from projects.search import matching_projects

    if connection.vendor != "postgresql":
        sys.exit("bench/search.py measures PostgreSQL; run it through `make bench-search`.")
    call_command("migrate", verbosity=0)
    if not Project.objects.exists():
        started = time.perf_counter()
        build()
        print(
            f"built {N} projects × {SUB_ITEMS} sub-items in {time.perf_counter() - started:.0f} s"
        )

    floor = timings(lambda: list(Project.objects.filter(pk=1).values_list("pk")), 50)
    samples = []
    for query in QUERIES:
        # What the search page runs: the count and the first page of 20.
        samples += timings(
            lambda q=query: (matching_projects(q).count(), list(matching_projects(q)[:20])), 5
        )
    p50 = statistics.median(samples)
    p95 = statistics.quantiles(samples, n=20)[18]
    base = statistics.median(floor)
    print(f"floor (one-row ORM query)  p50 {base:7.2f} ms")
    print(
        f"search over {N} projects   p50 {p50:7.2f} ms  p95 {p95:7.2f} ms",
        f"({p50 / base:.0f}× floor)",
    )


if __name__ == "__main__":
    main()
