# Two commands: `make run` (the main job on the embedded model) and `make test` (lint, types, docs
# and the test suite on Python 3.11, then the suite on the oldest and newest supported Pythons).
# Both install exactly the versions in uv.lock, with a pinned uv; `make lock` refreshes the lock.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
PROMPT ?= ¿Cuál es la capital de Francia? Responde en una frase.

# The oldest and newest Pythons polypick supports; pyenv's, where it has them.
PYENV_ROOT ?= $(HOME)/.pyenv
PYTHON_OLDEST ?= $(or $(lastword $(wildcard $(PYENV_ROOT)/versions/3.10.*/bin/python3.10)),python3.10)
PYTHON_NEWEST ?= $(or $(lastword $(wildcard $(PYENV_ROOT)/versions/3.13.*/bin/python3.13)),python3.13)
PYTHON_oldest = $(PYTHON_OLDEST)
PYTHON_newest = $(PYTHON_NEWEST)

# uv uses the Pythons on this machine and never downloads one.
export UV_PYTHON_DOWNLOADS := never
# Another uv building llama-cpp-python into the same cache holds its lock for the whole build
# (a quarter of an hour on 2 busy cores): wait for it rather than fail after uv's 5 minutes.
export UV_LOCK_TIMEOUT := 3600

# What `make test` installs, on every Python: every extra and both dependency groups.
# llama-cpp-python's wheel is built once (it is tagged py3-none) and taken from uv's cache after.
TEST_SET := --all-extras --group dev --group llama-server

.PHONY: run test test-latest lock check-lock lint typecheck docs pytest pytest-oldest \
	pytest-newest bench clean

# A new UV_VERSION makes a new .tools.
UV_STAMP := $(TOOLS)/.uv-$(UV_VERSION)
$(UV_STAMP):
	rm -rf $(TOOLS)
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet "uv==$(UV_VERSION)"
	touch $@

# uv.lock must match pyproject.toml: a range edited without `make lock` stops here.
check-lock: | $(UV_STAMP)
	@$(UV) lock --check --quiet || { \
		echo "uv.lock does not match pyproject.toml: run 'make lock' to refresh it, then commit uv.lock." >&2; \
		exit 1; }

# Refreshes uv.lock after an edit of pyproject.toml, keeping every other version as it is;
# `make lock LOCK_FLAGS=--upgrade` moves everything to the newest versions the ranges allow.
lock: | $(UV_STAMP)
	$(UV) lock --python $(PYTHON) $(LOCK_FLAGS)

# Reinstall whenever the project's metadata or the lock changes.
$(VENV)/.run-installed: pyproject.toml uv.lock | $(UV_STAMP)
	@$(MAKE) --no-print-directory check-lock
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --python $(PYTHON) --no-dev \
		--extra local --extra cli --extra multilingual
	rm -f $(VENV)/.test-installed
	touch $@

$(VENV)/.test-installed: pyproject.toml uv.lock | $(UV_STAMP)
	@$(MAKE) --no-print-directory check-lock
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --python $(PYTHON) $(TEST_SET)
	touch $@ $(VENV)/.run-installed

.venv-%/.installed: pyproject.toml uv.lock | $(UV_STAMP)
	@$(MAKE) --no-print-directory check-lock
	UV_PROJECT_ENVIRONMENT=.venv-$* $(UV) sync --locked --python $(PYTHON_$(*)) $(TEST_SET)
	touch $@

run: $(VENV)/.run-installed
	$(BIN)/polypick run "$(PROMPT)" -n 3 --max-tokens 64 --seed 7 --judge local

test: lint typecheck docs pytest pytest-oldest pytest-newest

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

# The suite on the oldest and newest supported Pythons, less the tests that run the embedded model
# (they run on 3.11 above; skipping them here keeps `make test` within its time).
pytest-oldest: .venv-oldest/.installed
	POLYPICK_TEST_SKIP_EMBEDDED_MODEL=1 .venv-oldest/bin/pytest -p no:cacheprovider

pytest-newest: .venv-newest/.installed
	POLYPICK_TEST_SKIP_EMBEDDED_MODEL=1 .venv-newest/bin/pytest -p no:cacheprovider

# Drift: the same checks in a throwaway environment with the newest versions the ranges allow,
# ignoring uv.lock. A failure here is an upstream release that would break a fresh install.
# A new environment takes the newest versions as it is; --upgrade would add nothing but
# --refresh, which compiles llama-cpp-python again.
LATEST := .venv-latest
test-latest: | $(UV_STAMP)
	rm -rf $(LATEST)
	$(UV) venv --quiet --python $(PYTHON) $(LATEST)
	VIRTUAL_ENV=$(LATEST) $(UV) pip install --quiet -e ".[all]" --group dev --group llama-server
	VIRTUAL_ENV=$(LATEST) $(UV) pip list --quiet --format freeze > $(LATEST)/versions.txt
	$(LATEST)/bin/ruff check .
	$(LATEST)/bin/ruff format --check .
	$(LATEST)/bin/lint-imports
	$(LATEST)/bin/mypy
	NO_MKDOCS_2_WARNING=1 $(LATEST)/bin/mkdocs build --strict --site-dir $(LATEST)/site
	$(LATEST)/bin/pytest -p no:cacheprovider

bench: $(VENV)/.test-installed
	$(BIN)/python benchmarks/sampling_latency.py

clean:
	rm -rf $(VENV) .venv-oldest .venv-newest $(LATEST) $(TOOLS) .mypy_cache .pytest_cache \
		.ruff_cache site
