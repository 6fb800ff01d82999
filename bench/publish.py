"""Publishing in a disclosure of 50 projects: what the reviewer waits for, against a floor
measured in the same run.

    make bench-publish                 # BENCH_PROJECTS=50 BENCH_ROUNDS=5 BENCH_OLD_ROUNDS=2

A department's disclosure of BENCH_PROJECTS published projects (``generate_demo_data``'s
builder, ``demo.generator``) on PostgreSQL. Each round a clerk makes a correction of the
next project and submits it, and the reviewer publishes it through the admin's publish page
(a POST through the whole middleware, in process), the time of that request being the figure.
After the commit, publishing used to render the corrected revision's PDF and the whole
department-year document's inside that request; it now queues both for the worker. Three ways,
interleaved round by round so that drift in the machine's speed hits them alike:

- **floor**: RENDER_PDFS_ON_PUBLISH=0, the publication and nothing else;
- **queued**: RENDER_PDFS_ON_PUBLISH=1, the two PDFs queued (``publications.jobs``);
- **rendered in the request**: the code before the queue (``render_after_publish``, kept here
  for the contrast), both PDFs rendered after the commit, in the request.

Then a first reader of a PDF not yet rendered (the page that says it is being made, against
rendering it as the first reader used to), and the worker rendering what was queued.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
SCRATCH = tempfile.TemporaryDirectory(prefix="portal-bench-publish-")
os.environ["MEDIA_ROOT"] = str(Path(SCRATCH.name) / "media")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

PROJECTS = int(os.environ.get("BENCH_PROJECTS", "50"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
OLD_ROUNDS = int(os.environ.get("BENCH_OLD_ROUNDS", "2"))


def rendered_in_request(project_pk: int) -> None:
    """What publishing did after the commit before the queue (``render_after_publish``)."""
    from projects.models import Project
    from publications import services

    project = Project.objects.published(include_superseded=True).filter(pk=project_pk).first()
    services.project_rendition(project)
    services.disclosure_rendition(project.disclosure)


def main() -> None:
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    from demo.generator import generate
    from projects import workflow
    from projects.models import Disclosure, Project
    from projects.roles import CLERK, REVIEWER
    from publications import jobs
    from publications.models import RenderJob, Rendition

    call_command("migrate", verbosity=0)
    if Project.objects.exists():
        sys.exit("bench/publish.py builds its own disclosure: give it an empty database.")
    generate(departments=1, projects=PROJECTS, seed=1, draft_ratio=0)
    disclosure = Disclosure.objects.get()
    live = list(Project.objects.published().filter(disclosure=disclosure).order_by("sequence"))
    print(
        f"{disclosure.title}: {len(live)} published projects, "
        f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}"
    )

    User = get_user_model()
    staff = {}
    for name, role in (("clerk", CLERK), ("reviewer", REVIEWER)):
        user = User.objects.create_user(name, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        disclosure.department.members.add(user)
        staff[name] = user
    reviewer = Client()
    reviewer.force_login(staff["reviewer"])
    targets = iter(live)

    def publish_one(mode: str) -> tuple[float, int]:
        """Seconds of the reviewer's publish request, and its queries."""
        correction = workflow.create_correction(next(targets), staff["clerk"])
        correction = workflow.submit(correction, staff["clerk"])
        url = reverse("admin:projects_project_workflow", args=[correction.pk, "publish"])
        settings.RENDER_PDFS_ON_PUBLISH = mode != "floor"
        queue = jobs.queue_after_publish
        if mode == "old":
            jobs.queue_after_publish = rendered_in_request
        try:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = reviewer.post(url, {"explanation": "", "correction_note": "基准。"})
                seconds = time.perf_counter() - started
        finally:
            jobs.queue_after_publish = queue
        assert response.status_code == 302, response.content.decode()[:2000]
        assert Project.objects.get(pk=correction.pk).status == "published"
        return seconds, len(queries)

    modes = {"floor": [], "queued": [], "old": []}
    queries = {}
    for n in range(max(ROUNDS, OLD_ROUNDS)):
        for mode in modes:
            if (mode == "old" and n >= OLD_ROUNDS) or (mode != "old" and n >= ROUNDS):
                continue
            seconds, count = publish_one(mode)
            modes[mode].append(seconds)
            queries[mode] = count

    labels = {
        "floor": "floor: publish, no PDF work",
        "queued": "queued for the worker (now)",
        "old": "rendered in the request (before)",
    }
    floor = statistics.median(modes["floor"])
    print(f"\nthe reviewer's publish request ({ROUNDS} rounds; rendered: {OLD_ROUNDS})")
    print(f"{'':34} {'median':>10} {'max':>10} {'× floor':>8} {'queries':>8}")
    for mode, times in modes.items():
        if not times:
            continue
        median = statistics.median(times)
        print(
            f"{labels[mode]:34} {median * 1000:8.0f} ms {max(times) * 1000:7.0f} ms "
            f"{median / floor:8.2f} {queries[mode]:8d}"
        )

    # A first reader of a PDF nobody has rendered yet: the page that says so, against the
    # render the first reader used to wait for.
    fresh = [p for p in targets][:ROUNDS]
    reader = Client()
    waits = []
    for project in fresh:
        started = time.perf_counter()
        response = reader.get(reverse("publications:project-pdf", args=[project.lineage]))
        waits.append(time.perf_counter() - started)
        assert response.status_code == 503
    from publications import services

    started = time.perf_counter()
    services.project_rendition(fresh[0])
    render_seconds = time.perf_counter() - started
    print(
        f"\na first reader of a PDF not yet rendered: {statistics.median(waits) * 1000:.0f} ms "
        f"(the page saying it is being made; median of {len(waits)}), against "
        f"{render_seconds:.2f} s to render it in the request as before"
    )

    # What the worker then does, out of every request.
    pending = RenderJob.objects.filter(status="queued").count()
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="bench",
        excluded_queue_names=[],
    )
    tasks = DBTaskResult.objects.filter(status="READY").count()
    started = time.perf_counter()
    worker.run()
    drained = time.perf_counter() - started
    document = Rendition.objects.filter(kind="disclosure").latest("rendered_at")
    print(
        f"the worker then ran the {tasks} tasks of the {pending} queued jobs in {drained:.1f} s, "
        f"out of every request (the document: {document.pages} pages, rendered once; the "
        "jobs of documents since corrected find the one that stands rendered)"
    )


if __name__ == "__main__":
    main()
