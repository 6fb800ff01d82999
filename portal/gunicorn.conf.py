"""gunicorn for the portal: `gunicorn -c portal/gunicorn.conf.py portal.wsgi` (see `make serve`).

Sync workers, two per core plus one, recycled after a few thousand requests so that no worker
grows without bound; every value can be overridden by the environment.

The application is loaded once in the master (``preload_app``) and its objects are moved out
of the garbage collector's sight before the workers fork (``gc.freeze``): the collector then
no longer walks Django's modules, templates and URL patterns on every collection, and the
workers share those pages with the master instead of copying them (measured in
docs/performance.md).
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
# Forwarded headers are trusted only from the load balancer in front.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"


def when_ready(server):
    """Once in the master, with the app loaded: what each worker would do on its first
    requests (portal/warmup.py), so that a recycled worker does not make readers wait."""
    if preload_app:
        from portal.warmup import warm

        warm()


def pre_fork(server, worker):
    gc.freeze()
