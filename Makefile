# One command each: `make convert` (set up, convert the bundled seed), `make test` (set up, run all checks).
# `make convert` installs only what converting needs; `make test` adds the developer tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/000_45a6f49ae89e1481.txt

.PHONY: setup convert test lint docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The runtime dependencies only (lark, attrs, regex, cattrs, rapidfuzz, lxml).
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The developer tools too: pytest, hypothesis, mypy, ruff, build, jsonschema, selenium, MkDocs.
$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.runtime $@

setup: $(VENV)/.dev

convert: $(VENV)/.runtime
	$(BIN)/policyparse convert $(SEED) --to json -o seed.json
	@echo "wrote seed.json"

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/mypy

# The documentation site (MkDocs, API reference from the docstrings); warnings are errors.
docs: $(VENV)/.dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir site

test: lint docs
	$(BIN)/python -m pytest

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/parse_bench.py
	$(BIN)/python benchmarks/diff_bench.py

clean:
	rm -rf $(VENV) dist build site seed.json .pytest_cache .mypy_cache .ruff_cache .hypothesis
