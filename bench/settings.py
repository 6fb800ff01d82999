"""The production settings with the benchmark's floor view added to the URLs (bench/urls.py)."""

from portal.settings.prod import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
