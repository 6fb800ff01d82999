"""The code's release: part of the key of every stored page."""

import hashlib
from functools import cache as once
from pathlib import Path

from django.conf import settings


@once
def release() -> str:
    """What the pages are made with: RELEASE from the environment (a deploy sets it), or a
    digest of the templates, static files and Python sources, so that a deploy that changes
    how pages look never serves copies made by the code before it."""
    if settings.RELEASE:
        return settings.RELEASE
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in (
        "templates",
        "static",
        "portal",
        "projects",
        "publications",
        "opendata",
        "infra",
        "budget",
    ):
        for path in sorted((base / folder).rglob("*")):
            if path.is_file() and path.suffix in {".html", ".py", ".css", ".svg", ".js"}:
                # Contents, not times: every server of one deploy gets the same release.
                digest.update(str(path.relative_to(base)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
