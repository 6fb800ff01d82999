"""Search at scale: p50/p95 of substring search over N published projects on PostgreSQL,
against a floor measured in the same run (the same ORM round trip with a constant query).

    make bench-search            # N=100000 on a throwaway PostgreSQL
    BENCH_PROJECTS=20000 make bench-search

Each query is timed as the search page runs it: the count (capped at 1,000), then the first
page of 20 with its sub-items and citations, and their snippets; figures are given per class of
query (common, mid, rare, none) and overall, and for the last page of a common term. The
projects are those of ``manage.py generate_demo_data`` (``demo.generator``, seed 1, 100
departments): real-looking disclosures whose words repeat as real ones do, so short words such
as 培训 occur in many projects and a few phrases in few; every project cites two to five of a
pool of 400 policy documents, the popular ones more often. About one project in 50 stays a
draft, which search must pass over.

With DATABASE_URL set (to a database this script built before) it measures again without
building: ``DATABASE_URL=postgres://… .venv/bin/python bench/search.py``.
"""

import os
import statistics
import sys
import time
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
DEPARTMENTS = 100
SEED = 1
# By the share of projects that hold them in the generator's data (demo/vocab.py),
# as measured at 3,000 projects (seed 1): common 20% or more, mid 2-10%, rare under 1%, none.
QUERIES = {
    "common": ["培训", "慰", "慰问金", "档案数字化"],
    "mid": ["意外伤害", "馆藏", "培训经费"],
    "rare": ["澄办发〔2014〕104号", "澄办发【2014】104号"],
    "none": ["不存在的词语", "五华区博物馆"],
}
PAGE = 20
DEEP = "培训"  # also timed at the last page the capped count allows


def build() -> None:
    """The projects of ``manage.py generate_demo_data`` (one builder for demos and benches):
    real-looking disclosures of DEPARTMENTS departments, about one project in 50 a draft,
    which search must pass over."""
    from demo.generator import generate

    result = generate(departments=DEPARTMENTS, projects=N, seed=SEED)
    phases = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in result.timings.items())
    print(
        f"built {result.projects} projects ({result.published} published), {result.sub_items}",
        f"sub-items, {result.lines} lines, {result.citations} citations of {result.documents}",
        f"documents: {phases}",
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


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
        print(f"built and analysed in {time.perf_counter() - started:.0f} s")

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
