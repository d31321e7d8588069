# Set-up and everyday commands. `make run` and `make test` are all a fresh machine needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/newsroom

.PHONY: install run serve migrate demo test test-sqlite test-postgres test-browser lint format check messages clean worker beat bench bench-quick bench-pages bench-search bench-soak wrk backup restore

install: $(STAMP)

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) is needed (set PYTHON=...)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_periodic_jobs

demo: migrate
	$(MANAGE) load_demo_newsroom

run: demo
	$(MANAGE) runserver $(HOST):$(PORT)

serve: run

test: test-sqlite

test-sqlite: install
	$(BIN)/pytest

# The same suite against the machine's PostgreSQL (pytest-django creates test_newsroom).
# Left out: the browser and Celery worker tests, which run a newsroom of their own on a
# SQLite file whichever database the suite has, so `make test` covers them.
test-postgres: install
	DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/pytest -m "not browser and not celery"

# The browser journeys alone (Playwright on Debian's Chromium, /usr/bin/chromium).
test-browser: install
	$(BIN)/pytest -m browser

# Production's background jobs: a Celery worker and beat (needs CELERY_BROKER_URL or
# REDIS_URL; without a broker every job runs in-process and neither is needed).
worker: install
	$(BIN)/celery -A cms worker -l info

beat: install
	$(BIN)/celery -A cms beat -l info

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Extract the site's strings into locale/ and compile them (needs GNU gettext).
messages: install
	$(MANAGE) makemessages --no-obsolete --ignore=.venv --ignore=static \
		-l en -l ru -l pt -l zh_Hans -l hi -l ar -l fa -l am
	$(MANAGE) compilemessages --ignore=.venv

# The database (SQLite's online copy or pg_dump) and the media files, in backups/<timestamp>/.
# `make restore` puts back the latest; BACKUP=backups/<timestamp> picks another.
BACKUP ?=
backup: install
	$(MANAGE) backup_newsroom

restore: install
	$(MANAGE) restore_newsroom $(BACKUP)

clean:
	rm -rf $(VENV) .test-media

# Benchmarks on a scale dataset of their own (never the development database): the demo
# newsroom plus BENCH_ARTICLES synthetic articles per locale, built once per size and
# database and reused. BENCH_DATABASE=postgres runs on the machine's PostgreSQL.
BENCH_ARTICLES ?= 20000
BENCH_DATABASE ?= sqlite
BENCH_DIR := bench-results
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench_$(BENCH_ARTICLES)
BENCH_URL = $(if $(filter postgres,$(BENCH_DATABASE)),$(BENCH_POSTGRES_URL),sqlite:///$(CURDIR)/$(BENCH_DIR)/newsroom-$(BENCH_ARTICLES).sqlite3)
BENCH_READY = $(BENCH_DIR)/$(BENCH_DATABASE)-$(BENCH_ARTICLES).ready

BENCH_SECONDS ?= 10
# Timed requests per admin page (p50 and p95 in process, cms/bench/admin_pages.py).
BENCH_ADMIN_REQUESTS ?= 20
BENCH_SOAK_SECONDS ?= 120

bench: bench-pages bench-search bench-soak

# A few minutes in all: 500 articles per locale, 3 seconds of load per page and mode, no
# soak. Fails when a page exceeds its query budget (cms/bench/pages.py).
bench-quick:
	$(MAKE) bench-pages bench-search BENCH_ARTICLES=500 BENCH_SECONDS=3 BENCH_ADMIN_REQUESTS=3

# The load generator: Debian's wrk, installed when missing and we may (root, apt-get).
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "wrk is missing; installing it from Debian's packages"; \
			apt-get update -qq && apt-get install -y -qq wrk >/dev/null; \
		else echo "make bench needs wrk: apt-get install wrk" >&2; exit 1; fi; }

# gunicorn (2 workers, DEBUG off) on loopback, driven by wrk.
bench-pages: $(BENCH_READY) | wrk
	DATABASE_URL=$(BENCH_URL) $(MANAGE) bench_pages --seconds $(BENCH_SECONDS) \
		--admin-requests $(BENCH_ADMIN_REQUESTS) --json $(BENCH_DIR)/pages-$(BENCH_DATABASE)-$(BENCH_ARTICLES).json

$(BENCH_READY): | $(STAMP)
	@mkdir -p $(BENCH_DIR)
	@if [ "$(BENCH_DATABASE)" = postgres ]; then \
		dropdb -h 127.0.0.1 -U postgres --if-exists newsroom_bench_$(BENCH_ARTICLES) && \
		createdb -h 127.0.0.1 -U postgres newsroom_bench_$(BENCH_ARTICLES); \
	else rm -f $(BENCH_DIR)/newsroom-$(BENCH_ARTICLES).sqlite3; fi
	DATABASE_URL=$(BENCH_URL) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_URL) $(MANAGE) load_demo_newsroom
	DATABASE_URL=$(BENCH_URL) $(MANAGE) generate_newsroom --articles $(BENCH_ARTICLES) --no-index
	# Our indexes only (readers' search, the admin's page titles): Wagtail's own index of
	# 160,000 pages, which the admin's page search does not read, is not built.
	DATABASE_URL=$(BENCH_URL) $(MANAGE) update_index --readers-only
	# What autovacuum does on a live server: planner statistics and the visibility map
	# after the bulk load (index-only scans need the latter).
	@if [ "$(BENCH_DATABASE)" = postgres ]; then psql "$(BENCH_URL)" -qc "VACUUM ANALYZE"; fi
	touch $@

# Reads, searches and newsletter posts side by side at 32 connections for
# BENCH_SOAK_SECONDS: fails on any 5xx, a lost subscription or worker memory that grows.
bench-soak: $(BENCH_READY) | wrk
	DATABASE_URL=$(BENCH_URL) $(MANAGE) bench_soak --seconds $(BENCH_SOAK_SECONDS) \
		--json $(BENCH_DIR)/soak-$(BENCH_DATABASE)-$(BENCH_ARTICLES).json

bench-search: $(BENCH_READY)
	DATABASE_URL=$(BENCH_URL) $(MANAGE) bench_search \
		--json $(BENCH_DIR)/search-$(BENCH_DATABASE)-$(BENCH_ARTICLES).json
