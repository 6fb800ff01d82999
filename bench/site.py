"""The public site at scale, over HTTP, as ratios to the framework floor measured in the same run.

    make bench-site   # BENCH_PROJECTS=100000 BENCH_DEPARTMENTS=100 BENCH_SECONDS=10
    BENCH_MODES=cached BENCH_MEMORY_REQUESTS=0 make bench-site   # one column, no memory run

Runs under scripts/with-postgres.sh. Fills the database with ``generate_demo_data`` (unless it
already holds projects), starts a throwaway Redis as the shared cache, then gunicorn with the
production settings (bench/settings.py: prod plus the floor view) three times (MODES):
nothing kept (every request reads and renders everything); only each revision's body kept (as
just after a publication, which makes every stored page stale); everything kept. Each time
every address is requested once, then wrk measures, for BENCH_SECONDS each:

* the floor: a bare Django view returning a constant, through the same middleware and server,
  measured again just before each figure, which is given as a share of it;
* the project page, over 200 projects; the list filtered by department, by year and page,
  and by amount; search over terms cut from project names; the API's project list, by page.

Requests accept gzip, as browsers do.
Throughput is with 8 connections (the server has 2 × cores + 1 sync workers); latencies
(project page, lists, search, API) are with one connection, so that they are the time a
reader waits and not a queue. Between figures it waits until the workers are idle. Then a
worker's memory over 10,000 project pages, with one worker, no recycling and nothing kept.
Prints a table and exits non-zero when any request failed.
docs/performance.md has the figures.
"""

from __future__ import annotations

import atexit
import json
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tests.throwaway import free_port, redis

REPO = Path(__file__).resolve().parent.parent
PY = str(REPO / ".venv" / "bin" / "python")
PROJECTS = int(os.environ.get("BENCH_PROJECTS", "100000"))
DEPARTMENTS = int(os.environ.get("BENCH_DEPARTMENTS", "100"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
MEMORY_REQUESTS = int(os.environ.get("BENCH_MEMORY_REQUESTS", "10000"))
SCRATCH = Path(tempfile.mkdtemp(prefix="portal-bench-site-"))
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)  # also when a run is cut short
# PUBLIC_PAGE_CACHE of each column: every request answered by its view (as just after a
# publication, which makes every stored page stale); stored pages and API answers.
MODES = {"uncached": "0", "cached": "1"}
if os.environ.get("BENCH_MODES"):  # some of them, comma-separated
    _chosen = [mode.strip() for mode in os.environ["BENCH_MODES"].split(",") if mode.strip()]
    if not _chosen or set(_chosen) - set(MODES):
        sys.exit(f"BENCH_MODES: some of {', '.join(MODES)}, comma-separated")
    MODES = {mode: MODES[mode] for mode in _chosen}

# Printed by manage.py shell: the addresses to request, drawn from what was generated.
PATHS_SCRIPT = """
import json, math, random
from urllib.parse import quote
from projects.models import Department, Project
rng = random.Random(7)
published = Project.objects.published()
ids = list(published.values_list("lineage", flat=True).order_by("pk"))
names = list(published.values_list("name", flat=True).order_by("pk")[:5000])
slugs = list(Department.objects.values_list("slug", flat=True).order_by("slug"))
years = sorted(set(published.values_list("disclosure__fiscal_year", flat=True)))
pages = max(1, min(20, len(ids) // len(years) // 50))
terms = []
for name in rng.sample(names, min(50, len(names))):
    size = rng.choice((2, 2, 3, 4))
    start = rng.randrange(max(1, len(name) - size))
    terms.append(name[start:start + size])
print(json.dumps({
    "project": [f"/projects/{lineage}/" for lineage in rng.sample(ids, min(200, len(ids)))],
    "list": [f"/projects/?department={rng.choice(slugs)}" for _ in range(40)]
    + [f"/projects/?year={rng.choice(years)}&page={rng.randrange(1, pages + 1)}"
       for _ in range(40)]
    + [f"/projects/?min_wan={rng.randrange(1, 50)}&max_wan={rng.randrange(50, 500)}"
       for _ in range(20)],
    "search": [f"/search/?q={quote(term)}" for term in sorted(set(terms))],
    "api": [f"/api/v1/projects?page={rng.randrange(1, math.ceil(len(ids) / 50) + 1)}"
            for _ in range(100)],
}, ensure_ascii=False))
"""


def environment() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "0",
        "PORTAL_VAR_DIR": str(SCRATCH / "var"),
        "OPENDATA_API_RATE": "1000000/s",  # the benchmark is one client asking a lot
        "RENDER_PDFS_ON_PUBLISH": "0",
    }


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


@contextmanager
def server(env: dict, **settings: str):
    """gunicorn with portal/gunicorn.conf.py on a free loopback port; yields (base, master)."""
    port = free_port()
    env = {**env, **settings, "PORT": str(port)}
    process = subprocess.Popen(
        [str(REPO / ".venv/bin/gunicorn"), "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("gunicorn did not start")
        yield base, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def wrk(base: str, paths: list[str], *, seconds: int, connections: int) -> dict:
    listing = SCRATCH / f"paths-{abs(hash(tuple(paths)))}.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(REPO / "bench/rotate.lua"),
            base,
        ],
        env={**os.environ, "BENCH_PATHS": str(listing)},
        capture_output=True,
        text=True,
    )
    line = next((x for x in result.stdout.splitlines() if x.startswith("BENCH ")), None)
    if result.returncode or line is None:
        sys.exit(f"wrk failed on {paths[:3]}…:\n{result.stdout}\n{result.stderr}")
    figures = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}
    figures["rate"] = figures["requests"] / (figures["micros"] / 1e6)
    return figures


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))


def workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def warm(base: str, paths: dict) -> None:
    """Every address once, so that what is kept is there before the figures are taken."""
    for listing in paths.values():
        for path in listing:
            request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()


def cpu_ticks(master: int) -> int:
    ticks = 0
    for pid in workers(master):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:  # a worker recycled meanwhile
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks


def settle(master: int) -> None:
    """Wait until the workers are idle: wrk stops sending at the end of its run, but requests
    it had sent (a slow list: seconds) are still being answered, and would be counted against
    the next figure."""
    deadline = time.monotonic() + 120
    before = cpu_ticks(master)
    while time.monotonic() < deadline:
        time.sleep(0.3)
        now = cpu_ticks(master)
        if now - before <= 1:
            return
        before = now


def measure(base: str, master: int, paths: dict) -> dict:
    figures = {}
    warm(base, paths)
    floors = []
    for kind, listing in paths.items():
        if kind == "floor":
            continue
        # The floor again just before each figure: on a shared two-core machine it drifts by
        # a third within a run, and each ratio is to the floor measured next to it.
        settle(master)
        floors.append(wrk(base, paths["floor"], seconds=SECONDS, connections=CONNECTIONS))
        settle(master)
        figures[kind] = wrk(base, listing, seconds=SECONDS, connections=CONNECTIONS)
        figures[kind]["floor_rate"] = floors[-1]["rate"]
    # The floor's row: the range it moved in, and every request it got right or wrong.
    figures = {
        "floor": {
            "rates": [f["rate"] for f in floors],
            **{key: sum(f[key] for f in floors) for key in ("requests", "non2xx", "failed")},
        },
        **figures,
    }
    for kind in ("floor", "project", "list", "search", "api"):
        settle(master)
        figures[f"{kind} (1 client)"] = wrk(base, paths[kind], seconds=SECONDS, connections=1)
    return figures


def memory(env: dict, paths: dict) -> list[tuple[int, int]]:
    """One worker, never recycled, page cache off: its RSS after each slice of requests."""
    # Project pages, which read and render a whole tree each (lists, searches and API pages
    # of common terms take ten to a hundred times longer at 100,000 projects and would make
    # the 10,000 requests last an hour).
    mixed = list(paths["project"])
    random.Random(3).shuffle(mixed)
    samples = []
    # Nothing kept in the process (no stored pages, no copies of Redis's entries), so that
    # what grows is what the request path leaks.
    quiet = {"PUBLIC_PAGE_CACHE": "0", "PUBLIC_LOCAL_CACHE_BYTES": "0"}
    with server(env, GUNICORN_WORKERS="1", GUNICORN_MAX_REQUESTS="0", **quiet) as (base, master):
        (worker,) = workers(master)
        done = 0
        samples.append((done, rss_kib(worker)))
        while done < MEMORY_REQUESTS:
            done += wrk(base, mixed, seconds=max(2, SECONDS // 2), connections=2)["requests"]
            samples.append((done, rss_kib(worker)))
    return samples


def prepare(env: dict) -> int:
    """The database migrated and filled (``generate_demo_data``, unless it already holds
    projects), static files collected; how many projects it holds."""
    manage("migrate", "--noinput", "-v", "0", env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)
    count = int(
        manage(
            "shell",
            "-v",
            "0",
            "-c",
            "from projects.models import Project; print(Project.objects.count())",
            env=env,
        )
    )
    if not count:
        started = time.perf_counter()
        manage(
            "generate_demo_data",
            f"--departments={DEPARTMENTS}",
            f"--projects={PROJECTS}",
            "--seed=1",
            env=env,
        )
        took = time.perf_counter() - started
        print(f"generate_demo_data: {PROJECTS:,} projects in {took:.0f} s")
        count = PROJECTS
    return count


def main() -> int:
    if not os.environ.get("DATABASE_URL") or shutil.which("wrk") is None:
        print("Run `make bench` (PostgreSQL through scripts/with-postgres.sh, and wrk).")
        return 2
    env = environment()
    count = prepare(env)
    paths = {
        "floor": ["/bench/floor/"],
        **json.loads(manage("shell", "-v", "0", "-c", PATHS_SCRIPT, env=env)),
    }
    results = {}
    with redis(SCRATCH) as url:
        env["REDIS_URL"] = url
        for mode, pages in MODES.items():
            with server(env, PUBLIC_PAGE_CACHE=pages) as (base, pid):
                results[mode] = measure(base, pid, paths)
            print(mode, json.dumps(results[mode]), flush=True)  # kept if the run is cut short
        samples = memory(env, paths)

    cores = os.cpu_count()
    print(f"\n{count:,} projects on PostgreSQL, gunicorn (portal/gunicorn.conf.py), {cores} cores,")
    print(f"wrk {CONNECTIONS} connections × {SECONDS} s per figure\n")
    print(f"{'':24}" + "".join(f"{mode:>24}" for mode in MODES))
    failed = 0
    for kind in results[next(iter(MODES))]:
        cells = []
        for mode in MODES:
            f = results[mode][kind]
            failed += f["non2xx"] + f["failed"]
            if "1 client" in kind:
                cells.append(f"p50 {f['p50'] / 1000:5.1f} p95 {f['p95'] / 1000:5.1f} ms")
            elif kind == "floor":
                cells.append(f"{min(f['rates']):.0f}–{max(f['rates']):.0f}/s")
            else:
                cells.append(f"{f['rate']:8.1f}/s {f['rate'] / f['floor_rate']:6.1%}")
        print(f"{kind:24}" + "".join(f"{cell:>24}" for cell in cells))
    print(
        "\n(throughput: requests per second and share of the floor's, measured just before it;"
        " the floor's row: the lowest and highest of those; latency in ms)"
    )
    if len(samples) > 1:
        first, last = samples[1], samples[-1]
        growth = (last[1] - first[1]) / 1024
        print(
            f"\nworker memory: {samples[0][1] / 1024:.0f} MiB at start, "
            f"{first[1] / 1024:.0f} MiB after {first[0]:,} requests, "
            f"{last[1] / 1024:.0f} MiB after {last[0]:,} ({growth:+.1f} MiB)"
        )
        print("  " + ", ".join(f"{n:,}: {kib / 1024:.0f}" for n, kib in samples))
    if failed:
        print(f"\n{failed} requests failed or answered other than 2xx")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
