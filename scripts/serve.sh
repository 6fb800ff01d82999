#!/usr/bin/env bash
# The production configuration on this machine: gunicorn and the worker that renders the PDFs
# (`manage.py db_worker`) + PostgreSQL (DATABASE_URL, or a throwaway server from
# scripts/with-postgres.sh), whitenoise static files, plain HTTP on loopback. Loads the seed
# disclosure into an empty database (the demo logins are the demo's only: create an account
# with `manage.py createsuperuser`). The two processes live and die together: when either
# stops (or Ctrl-C, or TERM), the other is stopped too.
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
# -v 0: Django 5.2's shell otherwise prints how many models it imported before the answer.
if [ "$($PY manage.py shell -v 0 -c 'from projects.models import Project; print(Project.objects.exists())')" = "False" ]; then
  $PY manage.py load_disclosure --publish fixtures/seed/chengjiang-zzb-2024.json
  # Refused outside the demo (DEBUG and SQLite only), and says so: the site serves without.
  $PY manage.py create_demo_users || true
fi
echo "门户：http://127.0.0.1:${PORT:-8000}/   管理后台：http://127.0.0.1:${PORT:-8000}/admin/"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
$PY manage.py db_worker --no-reload &
pids+=($!)
.venv/bin/gunicorn -c portal/gunicorn.conf.py portal.wsgi &
pids+=($!)
status=0
wait -n "${pids[@]}" || status=$?
echo "gunicorn 或 PDF 生成进程已停止（退出码 $status），另一个随之停止。" >&2
exit "$status"
