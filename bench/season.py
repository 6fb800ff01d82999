"""A publishing season at scale: how many stored pages one publication leaves valid, and what
readers get while projects are published every second, as ratios to the floor measured in the
same run.

    make bench-season   # BENCH_PROJECTS=100000 BENCH_DEPARTMENTS=100 BENCH_SECONDS=20

Runs under scripts/with-postgres.sh, with the database bench/site.py fills (generate_demo_data,
unless it already holds projects), a throwaway Redis as the shared cache and gunicorn with the
production settings, stored pages on. It prints:

* **valid after one publication**: the share of published projects whose stored pages (their
  permalink, revisions, data) are still valid after one correction is published, worked out
  from the versions the pages are stored under (projects/public_version.py), over every
  project; and the same for the department-year documents;
* **the season**: readers on a mix of addresses (project pages 70 %, disclosure pages 10 %,
  filtered lists 10 %, search 5 %, home 5 %) for BENCH_SECONDS, first with nothing published
  meanwhile, then while a correction is published every second through the workflow (create,
  submit, publish, as staff would); throughput as a share of the floor measured just before,
  and p50 / p99 latency.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys

from bench.site import (
    CONNECTIONS,
    PATHS_SCRIPT,
    PY,
    REPO,
    SCRATCH,
    environment,
    manage,
    prepare,
    server,
    settle,
    warm,
    wrk,
)
from tests.throwaway import redis

SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))

# One correction published through the workflow, by two staff accounts (four eyes).
PUBLISH = """
import random
from django.contrib.auth import get_user_model
from projects import workflow
from projects.models import Project
User = get_user_model()
clerk, _ = User.objects.get_or_create(username="bench-clerk", defaults={"is_staff": True})
reviewer, _ = User.objects.get_or_create(username="bench-reviewer", defaults={"is_staff": True})
rng = random.Random()

def publish_one():
    ids = list(Project.objects.published().values_list("pk", flat=True)[:5000])
    for _ in range(20):
        live = Project.objects.get(pk=rng.choice(ids))
        try:
            draft = workflow.create_correction(live, clerk)
        except workflow.WorkflowError:
            continue
        # Generated texts may not add up; a correction that states its itemised total does.
        Project.objects.filter(pk=draft.pk).update(declared_total=draft.itemised_total)
        try:
            workflow.submit(draft, clerk)
            note = "基准测试。"
            workflow.publish(draft, reviewer, explanation=note, correction_note=note)
            return True
        except workflow.WorkflowError:
            Project.objects.filter(pk=draft.pk).delete()
    return False
"""

VALIDITY = (
    PUBLISH
    + """
import json
from projects.models import Disclosure, PublicVersion

def tokens():
    return dict(PublicVersion.objects.values_list("scope", "token"))

def page_token(versions, scope):
    return versions.get("site", "0") + "." + versions.get(scope, "0")

lineages = list(Project.objects.published().values_list("lineage", flat=True))
documents = [
    f"disclosure:{slug}:{year}"
    for slug, year in Disclosure.objects.published().values_list(
        "department__slug", "fiscal_year"
    )
]
before = tokens()
assert publish_one(), "no project could be corrected"
after = tokens()
projects = [f"project:{lineage}" for lineage in lineages]
print(json.dumps({
    "projects": len(projects),
    "projects_valid": sum(page_token(before, s) == page_token(after, s) for s in projects),
    "documents": len(documents),
    "documents_valid": sum(page_token(before, s) == page_token(after, s) for s in documents),
}))
"""
)

PUBLISHER = (
    PUBLISH
    + """
import os, time
deadline = time.monotonic() + float(os.environ["BENCH_SEASON_SECONDS"])
done = 0
while time.monotonic() < deadline:
    started = time.monotonic()
    done += publish_one()
    time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
print(done)
"""
)

MIX = {"project": 70, "disclosure": 10, "list": 10, "search": 5, "home": 5}


def mix(paths: dict) -> list[str]:
    """A list of addresses in the season's proportions, shuffled."""
    rng = random.Random(11)
    pool = {**paths, "home": ["/"]}
    listing = []
    for kind, share in MIX.items():
        listing += [rng.choice(pool[kind]) for _ in range(share * 10)]
    rng.shuffle(listing)
    return listing


DISCLOSURES_SCRIPT = """
import json, random
from projects.models import Disclosure
rng = random.Random(5)
rows = list(Disclosure.objects.published().values_list("department__slug", "fiscal_year"))
rows = rng.sample(rows, min(50, len(rows)))
print(json.dumps([f"/disclosures/{slug}/{year}/" for slug, year in rows]))
"""


def main() -> int:
    if not os.environ.get("DATABASE_URL") or shutil.which("wrk") is None:
        print("Run `make bench-season` (PostgreSQL through scripts/with-postgres.sh, and wrk).")
        return 2
    env = environment()
    count = prepare(env)
    validity = json.loads(manage("shell", "-v", "0", "-c", VALIDITY, env=env))
    paths = json.loads(manage("shell", "-v", "0", "-c", PATHS_SCRIPT, env=env))
    paths["disclosure"] = json.loads(manage("shell", "-v", "0", "-c", DISCLOSURES_SCRIPT, env=env))
    season = mix(paths)
    figures = {}
    with redis(SCRATCH) as url:
        env["REDIS_URL"] = url
        with server(env, PUBLIC_PAGE_CACHE="1") as (base, master):
            warm(base, {"season": sorted(set(season))})
            for name, publishing in (("steady", False), ("season", True)):
                settle(master)
                floor = wrk(base, ["/bench/floor/"], seconds=SECONDS, connections=CONNECTIONS)
                settle(master)
                publisher = None
                if publishing:
                    publisher = subprocess.Popen(
                        [PY, "manage.py", "shell", "-v", "0", "-c", PUBLISHER],
                        cwd=REPO,
                        env={**env, "BENCH_SEASON_SECONDS": str(SECONDS)},
                        stdout=subprocess.PIPE,
                        text=True,
                    )
                figures[name] = wrk(base, season, seconds=SECONDS, connections=CONNECTIONS)
                figures[name]["floor_rate"] = floor["rate"]
                if publisher is not None:
                    out, _ = publisher.communicate(timeout=SECONDS + 120)
                    figures[name]["published"] = int(out.strip().splitlines()[-1])
                print(name, json.dumps(figures[name]), flush=True)

    print(f"\n{count:,} projects on PostgreSQL, gunicorn, {os.cpu_count()} cores, Redis")
    share = validity["projects_valid"] / validity["projects"]
    documents = validity["documents_valid"] / validity["documents"]
    print(
        f"valid after one publication: {validity['projects_valid']:,} of "
        f"{validity['projects']:,} projects' stored pages ({share:.3%}), "
        f"{validity['documents_valid']:,} of {validity['documents']:,} documents' ({documents:.2%})"
    )
    failed = 0
    for name, f in figures.items():
        failed += f["non2xx"] + f["failed"]
        extra = f", {f['published']} corrections published" if "published" in f else ""
        print(
            f"{name:8} {f['rate']:8.1f}/s {f['rate'] / f['floor_rate']:6.1%} of the floor "
            f"({f['floor_rate']:.0f}/s), p50 {f['p50'] / 1000:.1f} ms, "
            f"p99 {f['p99'] / 1000:.1f} ms{extra}"
        )
    if failed:
        print(f"\n{failed} requests failed or answered other than 2xx")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
