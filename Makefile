# Two commands: `make run` (the main job on the embedded model) and `make test` (lint, types, tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROMPT ?= ¿Cuál es la capital de Francia? Responde en una frase.

.PHONY: run test lint typecheck pytest bench clean

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

test: $(VENV)/.test-installed lint typecheck pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

pytest: $(VENV)/.test-installed
	$(BIN)/pytest

bench: $(VENV)/.test-installed
	$(BIN)/python benchmarks/sampling_latency.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
