# The two entry points named at the top of README.md. Both set up .venv first
# (idempotent: reinstalls only when pyproject.toml or constraints.txt change).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export FINNEWS_DATA ?= $(CURDIR)/../shared

.PHONY: setup demo test test-all bench lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,ml]'
	touch $@

## main job on the sample corpus: parse every page in corpora/ into out/demo/
demo: setup
	$(BIN)/finnews extract corpora/pages --out out/demo --format json
	$(BIN)/finnews extract corpora/pages/newsletter-smallcap-weekly.html --format text

## fast test suite (what CI runs)
test: setup
	$(BIN)/python -m pytest -q

## everything, including slow tests over ../shared
test-all: setup
	$(BIN)/python -m pytest -q -m ""

bench: setup
	$(BIN)/python benchmarks/extraction.py

lint: setup
	$(BIN)/ruff check nlp tests benchmarks

clean:
	rm -rf out .pytest_cache
