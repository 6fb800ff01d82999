"""Queue PDFs once a revision is published: after the transaction commits, never inside it,
and never rendered here (a worker renders them: ``publications/jobs.py``). A stored PDF's
record changes the public pages too (they show its pages, size and checksum)."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from projects import public_version
from projects.models import Project, Status

from . import jobs
from .models import Rendition


@receiver(post_save, sender=Project, dispatch_uid="publications.render_on_publish")
def render_on_publish(sender, instance: Project, **kwargs):
    if instance.status != Status.PUBLISHED or not settings.RENDER_PDFS_ON_PUBLISH:
        return
    transaction.on_commit(partial(jobs.queue_after_publish, instance.pk))


@receiver(post_save, sender=Rendition, dispatch_uid="publications.rendition_public_version")
def rendition_saved(sender, instance: Rendition, **kwargs):
    public_version.bump()
