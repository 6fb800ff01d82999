"""Settings shared by every environment."""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "django_tables2",
    "simple_history",
    # The project editor's nested inlines (sub-items › lines › child lines, milestones).
    "nested_admin",
    "portal.apps.AxesConfig",  # django-axes, named in Chinese
    "corsheaders",
    # The job queue that renders PDFs (django.tasks' backport; its queue in our database).
    "django_tasks",
    "django_tasks_db",
    "projects",
    "publications",
    "opendata",
    # Synthetic disclosures at scale: manage.py generate_demo_data.
    "demo",
    # Site-wide commands: backup and restore.
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before CommonMiddleware, so that its redirects carry the CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    # A stored public page is answered here: what lies below would not change it.
    "infra.pagecache.StoredPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A NUL in a parameter is a 400, not a database error.
    "infra.middleware.RejectNulMiddleware",
    # Inside CommonMiddleware, which would otherwise set HEAD's Content-Length to 0.
    "opendata.middleware.ApiHeadMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the edit history of the records.
    "simple_history.middleware.HistoryRequestMiddleware",
    # A Chinese 503 page while the database is out of reach.
    "infra.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp): everything from this origin, no inline script or
# style anywhere (the public pages and the admin have none), no plugins, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out user or address is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# DATABASE_URL decides the engine: sqlite:///… for the demo, postgres://… for tests and
# production. The default is the demo's embedded database under var/.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A persistent connection broken by a database restart is replaced, not reused.
        conn_health_checks=True,
    )
}
# A read replica of the primary (streaming replication) for the public pages, the downloads
# and the API; the admin and every write stay on the primary (infra/routers.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["infra.routers.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The version of what a stored page shows (of everything public, or of one project's or one
# department-year's pages), which it is kept under (infra/pagecache.py; the infrastructure
# imports no app, so the function is named here).
PUBLIC_VERSION = "projects.public_version.current"

# The largest form the admin reads. A project's page with ten sub-items, every text at its
# 20,000-character limit (projects.forms.TEXT_LIMIT), posts about 4 MB (URL-encoded, a 汉字
# takes 9 bytes), so no real form comes near 10 MB; past it the clerk gets a page that says
# the limit (portal.views.bad_request). A sub-item with a few hundred lines posts a few
# thousand fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Staff sessions: eight hours at most, and over when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Failed logins (django-axes): five failures for one account from one address lock that pair
# out for 15 minutes; the lockout page says so in Chinese. Counted in the database.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# The edit history is for reading: a draft is changed by editing it, never by reverting, so
# that every change goes through the same forms and checks.
SIMPLE_HISTORY_REVERT_DISABLED = True

LANGUAGE_CODE = "zh-hans"
# What Django's and its apps' catalogues leave in English (locale/, `make messages`).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"

# Stored PDFs go through Django's storage API: a local folder (MEDIA_ROOT) by default, object
# storage by configuration, e.g. STORAGE_BACKEND=storages.backends.s3.S3Storage with
# STORAGE_OPTIONS='{"bucket_name": "…"}' once django-storages[s3] is installed.
STORAGES = {
    "default": {
        "BACKEND": os.environ.get("STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(os.environ.get("STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# PDFs are rendered by jobs in a queue kept in the portal's own database (django-tasks with
# django-tasks-db), worked by `manage.py db_worker` in a process of its own, never inside a
# request (publications/jobs.py, docs/pdf.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Queue a revision's PDF, and its department-year document's, once it is published (after the
# commit). With 0, a PDF is queued by its first reader, or rendered by `render_pdfs`. Off in
# the test suite, where the tests that need the publish hook turn it on.
RENDER_PDFS_ON_PUBLISH = os.environ.get("RENDER_PDFS_ON_PUBLISH", "1") == "1"
# A failing render is tried this many times in all, waiting 30 s, 2 min, 8 min … (×4) in
# between, then marked failed with its reason for staff to see and queue again.
PDF_JOB_ATTEMPTS = 4
PDF_JOB_BACKOFF_SECONDS = 30
# A job that has not moved for this long (its worker killed mid-render, or its task lost) is
# queued again by the next reader who asks for its PDF.
PDF_JOB_STALE_SECONDS = 30 * 60
# What the page for a PDF that is not ready yet asks the browser: come back in this many
# seconds (Retry-After, and the page refreshes itself).
PDF_PENDING_RETRY_SECONDS = 10

# What a Chinese government website shows in its header and footer (政府网站发展指引).
PORTAL = {
    "name": os.environ.get("PORTAL_NAME", "重点领域财政项目文本公开平台"),
    "host_unit": os.environ.get("PORTAL_HOST_UNIT", "澄江市财政局"),
    "contact": os.environ.get("PORTAL_CONTACT", ""),
    "site_code": os.environ.get("PORTAL_SITE_CODE", ""),
    "icp": os.environ.get("PORTAL_ICP", ""),
    # The public address of the portal: links printed in PDFs and exports point there.
    "base_url": os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/"),
}

# Open data: anyone may read the API and the downloads from another site (GET only, no
# credentials); each client (by address, see NINJA_NUM_PROXIES behind a proxy) may make
# OPENDATA_API_RATE API requests. The count lives in the cache: without the shared cache
# (REDIS_URL) each gunicorn worker counts its own (infra/ratelimit.py).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = (
    r"^/(api/|data/|downloads/(\d+/)?data\.zip$|projects/.+/data\.|disclosures/.+/data\.)"
)
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After", "Content-Disposition"]
OPENDATA_API_RATE = os.environ.get("OPENDATA_API_RATE", "120/min")

# Public pages and downloads are cached per version of what is published (infra/pagecache.py,
# projects/public_version.py). Each process keeps its own cache unless REDIS_URL gives a
# shared one (prod.py); a process with its own cache sees a new publication within
# PUBLIC_VERSION_TTL seconds, one with the shared cache at once. PUBLIC_PAGE_CACHE=0 turns the
# stored pages off (conditional GET stays), for measuring the uncached site.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        # Pages are 20–200 KB: this bounds the cache of one process to some 100 MB.
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
}
PUBLIC_PAGE_CACHE = os.environ.get("PUBLIC_PAGE_CACHE", "1") == "1"
PUBLIC_PAGE_TIMEOUT = 24 * 3600
PUBLIC_VERSION_TTL = 2
PUBLIC_VERSION_LOCAL_TTL = 1
# Bytes of stored pages and bodies each process keeps of its own, in front of a shared cache
# (infra/nearcache.py); 0 with the per-process cache above, which is already local.
PUBLIC_LOCAL_CACHE_BYTES = 0
# The code's release, part of every stored page's key and ETag, so that pages made by an
# earlier deploy are not served by a later one; without it, a digest of the sources is used.
RELEASE = os.environ.get("RELEASE", "")
# Behind N reverse proxies the client's address is the Nth from the right of X-Forwarded-For;
# with 0 (no proxy) the header is ignored, so a client cannot dodge the limit by forging it.
NINJA_NUM_PROXIES = int(os.environ.get("NINJA_NUM_PROXIES", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every layout step at INFO; only its warnings matter here.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}
