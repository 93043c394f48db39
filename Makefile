# conflictwatch — set-up and everyday commands. Each target installs what it needs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python

.PHONY: demo test lint bench install clean system-packages

# Runtime install (+ extras the main job uses).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[postgres,parquet]'
	touch $@

# Everything the test suite, lint and benchmarks need (Debian packages: scripts/system-packages).
$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[postgres,parquet,dask,pdf,test,lint,bench]'
	touch $@

system-packages:
	./scripts/system-packages

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(PY) -m conflictwatch.demo

test: $(VENV)/.installed-dev system-packages
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: $(VENV)/.installed-dev
	$(PY) benchmarks/bench_import.py
	$(PY) benchmarks/bench_geocode.py

clean:
	rm -rf $(VENV) demo/out .pytest_cache .mypy_cache .ruff_cache
