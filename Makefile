# Two commands: `make run` (the main job on the embedded model) and `make test` (lint, types, tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROMPT ?= ¿Cuál es la capital de Francia? Responde en una frase.

.PHONY: run test lint typecheck docs pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the project's metadata changes.
$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[local,cli,multilingual]"
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[all]" --group dev
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/polypick run "$(PROMPT)" -n 3 --max-tokens 64 --seed 7 --judge local

test: $(VENV)/.test-installed lint typecheck docs pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

# The documentation site, built strictly: a broken link or anchor fails the build. Nothing is
# downloaded at build time (built-in search only). The site goes to site/, which git ignores.
docs: $(VENV)/.test-installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

pytest: $(VENV)/.test-installed
	$(BIN)/pytest

bench: $(VENV)/.test-installed
	$(BIN)/python benchmarks/sampling_latency.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache site
