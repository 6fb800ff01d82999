"""The one-command demo: embedded SQLite under var/, debug pages, loopback only."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1") == "1"
# A fixed key is acceptable only here: the demo serves loopback and holds no secrets.
SECRET_KEY = os.environ.get("SECRET_KEY") or "demo-only-insecure-key-do-not-deploy"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")  # noqa: F405
