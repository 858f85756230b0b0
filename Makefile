# Vetted: `make run` serves the CMS with demo content; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test bench lint-content migrate demo clean help

help:
	@echo "make run    - install, migrate, load demo articles, serve http://$(HOST):$(PORT)"
	@echo "make test   - run the whole test suite (SQLite; set DATABASE_URL for PostgreSQL)"
	@echo "make bench  - run the benchmarks in bench/"
	@echo "make lint-content - lint every article in the CMS"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

migrate: $(VENV)/.runtime
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v 0

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev migrate
	$(BIN)/python bench/lint_throughput.py
	$(BIN)/python bench/links/run.py
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python bench/save_overhead.py

lint-content: migrate
	$(BIN)/python manage.py lint_content --all

clean:
	rm -rf var .pytest_cache
