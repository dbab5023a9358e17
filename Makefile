# The two commands in the README call these targets. Everything installs into .venv from pyproject.toml.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install serve worker bench bench-profile backup-test tour clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,redis,sentry]"
	touch $(STAMP)

install: $(STAMP)

# run: migrate, load reference and demo data, start the worker in the background, serve on 127.0.0.1:8000.
# ADDR=127.0.0.1:8001 serves on another port; links in e-mails follow it (TAHUB_ADDR, unless SITE_URL is set).
# E-mails print in this output (the worker's console backend).
ADDR ?= 127.0.0.1:8000
run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py load_demo_data
	TAHUB_ADDR=$(ADDR) $(BIN)/python manage.py db_worker & echo $$! > var/worker.pid; \
	trap 'kill $$(cat var/worker.pid) 2>/dev/null' EXIT INT TERM; \
	TAHUB_ADDR=$(ADDR) $(BIN)/python manage.py runserver $(ADDR)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/djlint tahub --lint
	$(BIN)/mypy

# test: the suite in parallel, one process per core (pytest-xdist; each has its own test database).
PYTEST_ARGS ?= -n auto --dist loadfile
test: lint
	$(BIN)/pytest $(PYTEST_ARGS)

# backup-test: back up and restore the database and the uploads as docs/operations.md says ("Backup and
# restore"), then check every row and file came back: on SQLite, and on PostgreSQL too when DATABASE_URL points at it.
backup-test: install
	env -u DATABASE_URL $(BIN)/pytest -q -p no:cacheprovider tests/core/test_restore.py
	case "$$DATABASE_URL" in postgres*) $(BIN)/pytest -q -p no:cacheprovider tests/core/test_restore.py;; esac

# bench: gunicorn + production settings on PostgreSQL (database tahub_bench), loaded at a fixed concurrency;
# writes docs/performance.md. About 3 minutes; needs PostgreSQL at BENCH_PG (default 127.0.0.1:5432).
bench: install
	$(BIN)/python bench/run.py

# bench-profile: each page of issue 13 rendered in-process N times under cProfile (production settings, database
# tahub_profile at scale 10, made once); writes the "Profiles" section of docs/performance.md. URLS="/parties/ ..."
# profiles those instead, REPEAT=N renders each (20).
bench-profile: install
	$(BIN)/python bench/run.py --profile --repeat $(or $(REPEAT),20) $(URLS)

# tour: the nine role journeys of tests/browser/test_role_journeys.py, saving the home page and each role's first
# page (1280x800) to docs/tour/ for docs/tour.md.
tour: install
	TAHUB_TOUR_DIR=docs/tour TAHUB_REQUIRE_BROWSER=true $(BIN)/pytest -q -p no:cacheprovider tests/browser/test_role_journeys.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
