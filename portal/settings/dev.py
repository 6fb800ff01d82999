"""The one-command demo: embedded SQLite under var/, loopback only.

DEBUG is off by default, so the demo shows the pages the public and the staff will see (the
Chinese 404 and 500 pages); `DEBUG=1 make demo` gives Django's debug pages instead. Static files
are served by whitenoise straight from the source folders, as runserver would with DEBUG on.
"""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "0") == "1"
# The demo's own logins may be made here and only here (create_demo_users).
DEMO = True
# A fixed key is acceptable only here: the demo serves loopback and holds no secrets.
SECRET_KEY = os.environ.get("SECRET_KEY") or "demo-only-insecure-key-do-not-deploy"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")  # noqa: F405

MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
WHITENOISE_USE_FINDERS = True  # from the apps' and the project's static folders, no collectstatic
WHITENOISE_AUTOREFRESH = True  # a changed file is served at once
