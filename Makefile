# Two commands for everyone: `make run` and `make test` (see README.md).
# Everything else here is what those two are made of.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
SPACY_MODEL := var/spacy_nl/meta.json
NODE_MODULES := node_modules/.package-lock.json
PIP_VERSION := 24.0

.PHONY: install run test check lint train validate shell test-stories pytest bench cluster lock clean

install: $(INSTALLED) $(SPACY_MODEL) $(NODE_MODULES)

# Python 3.10: a pyenv shim selected by .python-version, or a system python3.10.
$(PY):
	@py=""; for c in python3.10 "$$HOME/.pyenv/versions/$$(cat .python-version 2>/dev/null)/bin/python3.10"; do \
	  if "$$c" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then py="$$c"; break; fi; \
	done; \
	if [ -z "$$py" ]; then \
	  echo "Python 3.10 is required but was not found: install it (for example 'pyenv install 3.10.13', or your system's python3.10 and python3.10-venv packages) and run make again." >&2; \
	  exit 1; \
	fi; \
	"$$py" -m venv $(VENV)

$(INSTALLED): requirements.lock | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(PY) -m pip check
	touch $@

# spaCy's blank Dutch pipeline with the lookup lemmatizer, which config.yml's
# NLU pipeline loads from var/spacy_nl; built from installed packages only.
$(SPACY_MODEL): $(INSTALLED) bot/build_spacy.py
	$(PY) -m bot.build_spacy

# Front-end packages from package-lock.json: the widget's socket.io client
# (served as is, no build step) and playwright-core for its browser test.
$(NODE_MODULES): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "npm is required for the chat widget: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm) and run make again." >&2; \
	  exit 1; }
	npm ci --no-audit --no-fund
	touch $@

run: install
	$(PY) -m bot run

shell: install
	$(PY) -m bot shell

validate: install
	$(PY) -m bot validate

train: install
	$(PY) -m bot train

test-stories: install
	$(PY) -m bot test-stories

pytest: install
	$(PY) -m pytest

# Lint and types (pyproject.toml).
lint: $(INSTALLED)
	$(VENV)/bin/ruff check
	$(VENV)/bin/mypy

# The fast loop while developing: lint, types and the unit tests (no model,
# no servers). mypy runs beside the unit tests, its report after theirs: on
# a 2-core machine its cold start (about 7 s without var/mypy, as on CI) no
# longer adds to theirs. The unit tests run on two workers (pytest-xdist): on
# the 2-core machine of the twenty-second session that took 58 s against 78 to
# 84 s in one process (README.md, "The fast loop"); `make check CHECK_WORKERS=0`
# runs them in one process, which costs less CPU on a machine that is busy.
CHECK_WORKERS ?= 2
check: $(INSTALLED)
	$(VENV)/bin/ruff check
	@echo "$(VENV)/bin/mypy & $(PY) -m pytest tests/unit -q -n $(CHECK_WORKERS)"
	@types=$$(mktemp); $(VENV)/bin/mypy >"$$types" 2>&1 & mypy=$$!; \
	$(PY) -m pytest tests/unit -q -n $(CHECK_WORKERS); tests=$$?; \
	wait $$mypy; mypy=$$?; cat "$$types"; rm -f "$$types"; \
	[ $$tests -eq 0 ] && [ $$mypy -eq 0 ]

# Everything: data validation, the model, the test stories, lint and types,
# then every test (unit and integration).
test: install
	$(PY) -m bot validate
	$(PY) -m bot train
	$(PY) -m bot test-stories
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest

bench: install
	$(PY) -m bot bench

# N Rasa replicas and M action servers behind HAProxy, PostgreSQL and Redis
# (.env: CLUSTER_RASA_REPLICAS, CLUSTER_ACTION_SERVERS); `python -m bot cluster --bench` measures it.
cluster: install
	$(PY) -m bot cluster

# Re-resolve requirements/base.in within requirements/constraints.txt and pin
# every package; run after changing either file.
lock:
	rm -rf .lockvenv && python3.10 -m venv .lockvenv
	.lockvenv/bin/pip install --quiet pip==$(PIP_VERSION)
	.lockvenv/bin/pip install --quiet -r requirements/base.in -c requirements/constraints.txt
	{ echo "# Every package of the environment, pinned. Regenerate with 'make lock'."; \
	  echo "# Installed with --no-deps so nothing outside this list can come in."; \
	  .lockvenv/bin/pip freeze --all | grep -v '^pip=='; } > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) models var results .pytest_cache .ruff_cache node_modules
