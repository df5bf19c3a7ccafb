# Samizdat: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address links name (the sign-in line, canonical and og:url links): where `make run`
# serves, unless BASE_URL gives the name others reach it by.
BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: install messages static run serve test bench bench-copies lint format migrations-check e2e clean

install: $(VENV)/.installed

# The development environment: what the site runs plus the test, lint and bench tools.
$(VENV)/.installed: requirements.lock requirements-dev.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $@

# What production installs, alone: the bench's app servers run from it, so their memory is
# what a production worker's would be, and a test starts a worker from it.
RUNTIME_VENV := .runtime-venv
$(RUNTIME_VENV)/.installed: requirements.lock
	test -d $(RUNTIME_VENV) || $(PYTHON) -m venv $(RUNTIME_VENV)
	$(RUNTIME_VENV)/bin/pip install --quiet -r requirements.lock
	touch $@

# Compiled catalogues are build output; polib needs no system gettext.
messages: install
	$(BIN)/python -m samizdat.compile_messages

static: install
	$(MANAGE) collectstatic --noinput -v0

run serve: export BASE_URL := $(BASE_URL)

run: install messages static
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_demo --if-empty
	$(MANAGE) load_live_demo
	$(MANAGE) ensure_editor
	$(serve_site)

# What `make run` serves once it has set everything up: granian with the worker beside it.
# samizdat.settings.local shows no debug page, whatever address it is bound to.
define serve_site
@echo "Serving on $(BASE_URL)/  (Ctrl+C stops the server and the worker)"
@trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT; \
  $(MANAGE) worker & \
  DJANGO_SETTINGS_MODULE=samizdat.settings.local $(BIN)/granian --interface wsgi \
    --host $(HOST) --port $(PORT) --workers 2 --blocking-threads 4 --no-access-log \
    samizdat.wsgi:application
endef

serve:
	$(serve_site)

# The 25 slowest tests are listed at the end, to see where the time goes.
# Tests in parallel processes (pytest-xdist), each with its own test database, Redis database
# (samizdat/settings/test.py), cache folder and ports; TEST_WORKERS=0 runs them in this one.
# Tests marked xdist_group share an expensive fixture and go to one worker; the order of
# the rest is kept (conftest.py runs the tests that empty the database last).
TEST_WORKERS ?= 2
# On PostgreSQL the test databases commit without waiting for the disk: a crash of the
# server could lose the last commits of a test run, which nobody needs back. Tests that
# commit much (151 of accounts, corrections and search paging) took 14 % less time, two
# runs each way; the whole run's time is mostly elsewhere (browser tests, app servers).
# Commits stay atomic and visible to every other connection at once, so no test sees
# anything different. libpq reads this for every connection, the app servers and workers
# that tests start included.
test: export PGOPTIONS ?= -c synchronous_commit=off
test: install messages $(RUNTIME_VENV)/.installed
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder --durations=25

# Load tests on loopback against the app servers, PostgreSQL and Redis; writes bench/results.md.
# About 15 minutes; the 100,000-article corpus is built once and kept (bench/corpus.py).
bench: install messages $(RUNTIME_VENV)/.installed
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.render_cpu
	$(BIN)/python -m bench.worker_memory
	BENCH_RUNS=1 BENCH_SECONDS=5 BENCH_EVENTS=200000 $(BIN)/python -m bench.readership
	$(BIN)/python -m bench.search_flood
	$(BIN)/python -m bench.front
	$(BIN)/python -m bench.newsletter
	BENCH_EVENTS=100000 $(BIN)/python -m bench.engagement
	$(BIN)/python -m bench.analytics_dashboard
	$(BIN)/pytest -q -s -p no:warnings bench/editor_flow.py
	$(BIN)/python -m bench.live_polling

# The static copy of the whole corpus apart from `make bench`: it renders tens of thousands
# of pages and takes hours on a shared two-core machine (docs/bench.md).
bench-copies: install messages
	$(BIN)/python -m bench.static_export
	$(BIN)/python -m bench.editions

e2e: install messages
	$(BIN)/pytest e2e

# axe-core for the accessibility browser tests. Without npm they are skipped (failed in CI).
test e2e: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: accessibility tests will be skipped (and fail in CI)"; fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) static media cache db.sqlite3 db.sqlite3-wal db.sqlite3-shm
