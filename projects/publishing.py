"""What follows a publication, in one place a reader can follow.

When revisions become public (``workflow.publish``, or the loader's ``publish=True``):

1. the versions of what shows the revisions change (``public_version.project_changed``: the
   project's pages, its disclosure's, the lists), so stored pages and downloads made from the
   old records are no longer served, and every other project's stay;
2. once the transaction has committed, ``revision_published`` is sent for each revision. The
   apps that build on this one listen to it: the PDF app queues the revision's PDFs
   (``publications/receivers.py``). This app imports none of them; they are told.

Withdrawing a revision changes the public version too (``workflow.withdraw``). Nothing here
runs from ``save()`` or a model signal.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.dispatch import Signal

from . import public_version
from .models import Project

# Sent once a revision's publication has committed; arguments: ``project``, the revision.
revision_published = Signal()


def after_publication(projects: list[Project]) -> None:
    """The versions of what shows these revisions change now (each project's pages, its
    disclosure's, the lists; nothing else); the revisions are announced once this commits."""
    public_version.project_changed(*projects)
    for project in projects:
        transaction.on_commit(
            partial(revision_published.send, sender=Project, project=project), robust=True
        )
