"""Project page throughput against the framework floor, measured in the same run.

The floor is a bare Django view returning a constant through the same middleware stack; the
figure that matters is the ratio, which does not depend on the machine's speed. Uses a
throwaway SQLite database in a temporary folder with the seed loaded (or DATABASE_URL when set).

    make bench
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "0"
SCRATCH = tempfile.TemporaryDirectory(prefix="portal-bench-")  # removed at exit
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(SCRATCH.name) / 'bench.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))


def floor(request):
    return HttpResponse("ok")


urlpatterns = [path("floor/", floor), path("", include("portal.urls"))]


def throughput(client: Client, url: str) -> float:
    """Median requests per second over ROUNDS rounds of REQUESTS requests."""
    rates = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(REQUESTS):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        rates.append(REQUESTS / (time.perf_counter() - start))
    return statistics.median(rates)


def main() -> None:
    from projects.models import Project
    from projects.services import load_disclosure_tree

    call_command("migrate", verbosity=0)
    tree = json.loads((REPO / "fixtures/seed/chengjiang-zzb-2024.json").read_text("utf-8"))
    load_disclosure_tree(tree, publish=True)
    project = Project.objects.published().get(sequence=1)
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]):
        client = Client()
        client.get("/floor/")
        client.get(project.get_absolute_url())  # warm up templates and caches
        base = throughput(client, "/floor/")
        page = throughput(client, project.get_absolute_url())
    print(f"floor (bare view)        {base:8.1f} req/s")
    print(f"project page (uncached)  {page:8.1f} req/s   {page / base:6.1%} of floor")


if __name__ == "__main__":
    main()
