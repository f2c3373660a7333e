# Lavka: `make run` starts the app, `make test` checks everything (ruff, mypy, pytest).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run test test-postgres test-dist dist lint bench screenshots translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip >/dev/null
	$(BIN)/python -m pip install -e '.[test]'
	touch $(STAMP)

# PyInstaller, for the bundle only: `make test` does not need it.
$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -e '.[test,dist]'
	touch $(DIST_STAMP)

run: $(STAMP)
	$(BIN)/python app.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The whole suite on SQLite files, then the service suite again on a throw-away PostgreSQL
# cluster (skipped, with the reason, where PostgreSQL's server is not installed).
test: lint
	$(BIN)/python -m pytest -m "not dist"
	$(BIN)/python -m pytest -m "not dist" --backend=postgresql

# The service suite on PostgreSQL alone: initdb + pg_ctl in a temporary folder (Debian:
# apt-get install postgresql), or the server LAVKA_TEST_POSTGRES names.
test-postgres: $(STAMP)
	$(BIN)/python -m pytest -m "not dist" --backend=postgresql

# The one-folder bundle in dist/lavka and, on Linux, dist/lavka-<version>-linux-<machine>.tar.gz.
dist: $(DIST_STAMP)
	$(BIN)/python installer/build.py

# Builds the bundle into a temporary folder and runs it with no Python on PATH (minutes).
test-dist: $(DIST_STAMP)
	$(BIN)/python -m pytest -m dist

# The figures on the big base (cached in .bench/). `make bench BACKEND=postgresql`: the service
# figures on a local PostgreSQL loaded with that base, beside SQLite's (a cluster of its own kept
# in .bench/, or the server LAVKA_TEST_POSTGRES names).
BACKEND ?= sqlite
bench: $(STAMP)
	$(BIN)/python -m tests.bench.run --backend $(BACKEND)

# Screens of every section on the demo business, for a person to look at (.screenshots/).
screenshots: $(STAMP)
	if command -v xvfb-run >/dev/null; then \
		xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python -m tests.screenshots; \
	else QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.screenshots; fi

# Refresh the Russian translation source from the code, then compile it for the app.
TS := resources/translations/lavka_ru.ts
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$($(BIN)/python -c 'from ui.translation import catalogue_sources as s; print(*s())') -ts $(TS)
	$(BIN)/pyside6-lrelease $(TS) -qm resources/translations/lavka_ru.qm

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist *.egg-info
