#!/usr/bin/env bash
# The production configuration on this machine: gunicorn + PostgreSQL (DATABASE_URL, or a
# throwaway server from scripts/with-postgres.sh), whitenoise static files, plain HTTP on
# loopback. Loads the seed disclosure into an empty database and prints the demo logins.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=portal.settings.prod
export SECRET_KEY="${SECRET_KEY:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export HTTPS="${HTTPS:-0}"
export PORTAL_VAR_DIR="${PORTAL_VAR_DIR:-$PWD/var/serve}"
mkdir -p "$PORTAL_VAR_DIR"
PY=.venv/bin/python
$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
if [ "$($PY manage.py shell -c 'from projects.models import Project; print(Project.objects.exists())')" = "False" ]; then
  $PY manage.py load_disclosure --publish fixtures/seed/chengjiang-zzb-2024.json
  $PY manage.py create_demo_users
fi
echo "门户：http://127.0.0.1:${PORT:-8000}/   管理后台：http://127.0.0.1:${PORT:-8000}/admin/"
exec .venv/bin/gunicorn -c portal/gunicorn.conf.py portal.wsgi
