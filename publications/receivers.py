"""What the PDF app does when the projects app announces a publication: it queues the
revision's PDFs (``jobs.queue_after_publish``), after the publication has committed
(``projects.publishing``). Nothing is rendered here; a worker renders them."""

from __future__ import annotations

from django.conf import settings
from django.dispatch import receiver

from projects.publishing import revision_published

from . import jobs


@receiver(revision_published, dispatch_uid="publications.queue_on_publish")
def queue_on_publish(sender, project, **kwargs):
    if settings.RENDER_PDFS_ON_PUBLISH:
        jobs.queue_after_publish(project.pk)
