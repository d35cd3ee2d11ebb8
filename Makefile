# One command each: `make convert` (set up, convert the bundled seed), `make test` (set up, run all checks).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/000_45a6f49ae89e1481.txt

.PHONY: setup convert test lint bench clean

$(BIN)/policyparse: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/policyparse

convert: setup
	$(BIN)/policyparse convert $(SEED) --to json -o seed.json
	@echo "wrote seed.json"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/parse_bench.py
	$(BIN)/python benchmarks/diff_bench.py

clean:
	rm -rf $(VENV) dist build seed.json .pytest_cache .mypy_cache .ruff_cache .hypothesis
