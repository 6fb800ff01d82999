# Two commands set everything up: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SEED := fixtures/seed/chengjiang-zzb-2024.json
# Python keeps the bytecode it compiles (__pycache__, ignored by git): where the environment
# turns that off (PYTHONDONTWRITEBYTECODE), every test worker, live server and subprocess
# would compile every module again, 8 s of each process's start.
unexport PYTHONDONTWRITEBYTECODE
# veraPDF checks the PDFs against PDF/A-3B and PDF/UA-1 in the suite where it is installed
# (a `verapdf` on PATH, or VERAPDF=command); without it, the structural checks still run.
VERAPDF ?= $(shell command -v verapdf 2>/dev/null)
export VERAPDF

.PHONY: importer-score test-fast bench bench-season bench-faults bench-importer bench-pdf bench-publish bench-search bench-site demo serve test check pytest install system-bench system-demo system-test migrate-demo seed-demo lint format clean messages

## demo: install, set up the SQLite database under var/, load the seed, serve on 127.0.0.1:$(PORT)
## with the worker that renders the PDFs beside it (it stops when the server does)
# Links the PDFs and exports print point at the address the demo serves (PORT).
demo: export PORTAL_BASE_URL ?= http://127.0.0.1:$(PORT)
demo: system-demo install
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_disclosure --publish --skip-existing $(SEED)
	@echo "演示账号："
	@$(PY) manage.py create_demo_users
	@echo "门户：http://127.0.0.1:$(PORT)/   管理后台：http://127.0.0.1:$(PORT)/admin/"
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## serve: the production configuration locally: gunicorn and the PDF worker, PostgreSQL
## (DATABASE_URL or a throwaway server), whitenoise static files, on 127.0.0.1:$(PORT)
serve: system-test install
	PORT=$(PORT) scripts/with-postgres.sh scripts/serve.sh

## test: install, start a throwaway PostgreSQL, run lint, checks and the whole suite
test: system-test install
	scripts/with-postgres.sh $(MAKE) --no-print-directory check

# One test worker more than the cores: the suite waits on PostgreSQL, Chromium and live
# servers, and a third worker on two cores used that idle time (make test on a fresh clone:
# 4:05–4:11 with two workers, 3:50–3:59 with three).
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))

# What `make test` runs once a database is there (DATABASE_URL set).
check:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

## test-fast: the inner loop: lint and the suite without browser, PDF and slow tests
test-fast: system-test install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	scripts/with-postgres.sh $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist worksteal -m "not browser and not pdf and not slow" $(PYTEST_ARGS)

system-demo:
	@scripts/system-deps.sh demo

system-test:
	@scripts/system-deps.sh test

system-bench:
	@scripts/system-deps.sh bench

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --no-compile -e '.[dev]'
	@touch $@

## messages: compile the Chinese catalogues under locale/ after editing a .po (gettext's msgfmt)
messages: install
	$(PY) manage.py compilemessages --locale zh_Hans --ignore ".venv" --ignore "var"

lint:
	$(VENV)/bin/ruff check .

format:
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf var $(VENV)

## bench: every benchmark, each printing ratios against a floor measured in the same run
## (docs/performance.md): the site at 100,000 projects over HTTP, search, PDF, publishing, importer
bench: bench-site bench-season bench-search bench-pdf bench-publish bench-importer

## bench-site: project page, lists, search and API at $(BENCH_PROJECTS) projects on PostgreSQL
## through gunicorn, uncached and cached, against a bare view; a worker's memory
BENCH_PROJECTS ?= 100000
bench-site: system-bench install
	BENCH_PROJECTS=$(BENCH_PROJECTS) scripts/with-postgres.sh $(PY) -m bench.site

## bench-season: at $(BENCH_PROJECTS) projects: the share of stored pages one publication leaves
## valid, and readers' throughput and p99 while a correction is published every second
bench-season: system-bench install
	BENCH_PROJECTS=$(BENCH_PROJECTS) scripts/with-postgres.sh $(PY) -m bench.season

## importer-score: how well the importer reads the real texts of tests/importer/corpus/:
## right, flagged and silently wrong values per field and per layout (FILES=1: per file)
importer-score: install
	$(PY) -m tests.importer.score $(if $(FILES),--files)

## bench-importer: parsing and importing disclosure texts against their floors
bench-importer: install
	$(PY) bench/importer.py

## bench-pdf: PDF rendering against WeasyPrint on the same HTML; serving against a static file
bench-pdf: system-demo install
	$(PY) bench/pdf.py

## bench-publish: the reviewer's publish request in a disclosure of 50 projects on PostgreSQL,
## the PDFs queued for the worker, against publishing alone and the old in-request rendering
bench-publish: system-test install
	scripts/with-postgres.sh $(PY) bench/publish.py

## bench-faults: 100 clients for 60 s against gunicorn + PostgreSQL, then PostgreSQL stopped
## for 10 s mid-run: 503 notice while down, recovery, nothing lost (bench/faults.py)
bench-faults: system-test install
	scripts/with-postgres.sh $(PY) -m bench.faults

## bench-search: substring search at 100,000 projects on a throwaway PostgreSQL
bench-search: system-test install
	scripts/with-postgres.sh $(PY) bench/search.py
