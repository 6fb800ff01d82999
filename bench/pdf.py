"""PDF rendering against the WeasyPrint floor, measured in the same run.

The floor is WeasyPrint turning the very same pre-rendered HTML string and attachments into
PDF/A-3b (``render.to_pdf``: same stylesheet, same fetcher, no database, no templates); the
ratio is what the portal adds (reading the records, the context, the templates, the exports). Also
prints peak memory, file size, and serving a stored PDF against a static file of the same size.
Seed project 1 and a synthetic disclosure of about 50 pages (the seed's projects repeated).

    make bench-pdf
"""

import copy
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "0"
os.environ["RENDER_PDFS_ON_PUBLISH"] = "0"
SCRATCH = tempfile.TemporaryDirectory(prefix="portal-bench-pdf-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(SCRATCH.name) / 'bench.sqlite3'}")
os.environ["MEDIA_ROOT"] = str(Path(SCRATCH.name) / "media")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


def best(fn, rounds: int = ROUNDS) -> float:
    """Median seconds of ``rounds`` runs."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(fn) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    from projects import selectors
    from projects.models import Disclosure, Project
    from projects.services import load_disclosure_tree
    from publications import render, services

    call_command("migrate", verbosity=0)
    seed = json.loads((REPO / "fixtures/seed/chengjiang-zzb-2024.json").read_text())
    load_disclosure_tree(seed, publish=True)
    # A longer document (about 50 pages): five of the seed's projects, as another department.
    big = copy.deepcopy(seed)
    big["department"] |= {"name": "基准测试单位", "short_name": "基准测试", "slug": "bench"}
    big["disclosure"]["title"] = "基准测试单位2024年预算重点领域财政项目文本公开"
    big["projects"] = [
        copy.deepcopy(p) | {"sequence": n * 2 + p["sequence"]}
        for n in range(3)
        for p in seed["projects"]
    ][:5]
    load_disclosure_tree(big, publish=True)

    project = selectors.with_tree(
        Project.objects.filter(sequence=1, disclosure__department__slug="chengjiang-zzb")
    ).get()
    disclosure = Disclosure.objects.get(department__slug="bench")
    projects = list(
        selectors.with_tree(Project.objects.filter(disclosure=disclosure)).order_by("sequence")
    )

    cases = [
        (
            "seed project 1",
            lambda: render.project_pdf(project),
            render.project_source(project),
        ),
        (
            f"disclosure, {len(projects)} projects",
            lambda: render.disclosure_pdf(disclosure, projects),
            render.disclosure_source(disclosure, projects),
        ),
    ]
    heads = ("pages", "size KB", "floor s", "portal s", "ratio", "peak MiB")
    print(f"{'document':28} " + " ".join(f"{h:>8}" for h in heads))
    for name, full, source in cases:
        result = full()
        # Interleaved, so that drift in the machine's speed hits both sides alike.
        floors, portals = [], []
        for _ in range(ROUNDS):
            floors.append(best(lambda source=source: render.to_pdf(source), rounds=1))
            portals.append(best(full, rounds=1))
        floor, portal = statistics.median(floors), statistics.median(portals)
        print(
            f"{name:28} {result.pages:8d} {len(result.content) / 1024:8.0f} {floor:8.2f} "
            f"{portal:8.2f} {portal / floor:6.2f} {peak_mib(full):8.0f}"
        )

    # Serving: a stored PDF through its view, against a static file of the same size.
    rendition = services.project_rendition(project)
    static_dir = Path(SCRATCH.name) / "static"
    static_dir.mkdir()
    (static_dir / "same-size.bin").write_bytes(b"\0" * rendition.size)
    from django.views.static import serve

    urlpatterns = [
        path("static-file/<path:path>", serve, {"document_root": static_dir}),
        path("", include("portal.urls")),
    ]
    module = type(sys)("bench_pdf_urls")
    module.urlpatterns = urlpatterns
    sys.modules["bench_pdf_urls"] = module
    url = f"/projects/{project.lineage}/r{project.revision}/pdf/"
    with override_settings(ROOT_URLCONF="bench_pdf_urls", ALLOWED_HOSTS=["testserver"]):
        client = Client()

        def rate(target: str) -> float:
            n = 200
            start = time.perf_counter()
            for _ in range(n):
                b"".join(client.get(target).streaming_content)
            return n / (time.perf_counter() - start)

        static_rate = statistics.median(rate("/static-file/same-size.bin") for _ in range(3))
        pdf_rate = statistics.median(rate(url) for _ in range(3))
    print(
        f"serving a stored {rendition.size / 1024:.0f} KB PDF: {pdf_rate:.0f} req/s; "
        f"static file of the same size: {static_rate:.0f} req/s ({pdf_rate / static_rate:.0%})"
    )


if __name__ == "__main__":
    main()
