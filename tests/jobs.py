"""The render queue's jobs run in the test's own process and transaction, as the worker
(``manage.py db_worker``) runs them: nothing works the queue in the test suite, so a test sees
its PDFs queued, then runs them when it needs them."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max


def run_queued_jobs(*, at: datetime | None = None, limit: int = 100) -> int:
    """Run the queue's tasks in the worker's order until none is ready, those they queue
    included, as the worker would at the time ``at`` (now, or later: past a retry's pause).
    Returns how many ran (at most ``limit``, against a job that would queue itself for ever)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        tasks = DBTaskResult.objects.filter(status=TaskResultStatus.READY).filter(
            Q(run_after=get_date_max()) | Q(run_after__lte=at or timezone.now())
        )
        task = tasks.first()
        if task is None:
            break
        task.claim(worker.worker_id)
        worker.run_task(task)
        ran += 1
    return ran
