# Two entry points: `make demo` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.dyad-installed

.PHONY: demo test install bench eval clean serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark,web]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dyad extract examples/border_talks.txt --published 2025-03-14 --format table

test: $(STAMP)
	$(BIN)/python -m pytest

# The bundled examples in the web app: ingest them (idempotent) and serve at http://127.0.0.1:$(PORT)/
PORT ?= 8000
serve: $(STAMP)
	$(BIN)/dyad ingest examples --db examples.duckdb --published 2025-03-14 --workers 1 --no-progress
	$(BIN)/dyad serve --db examples.duckdb --port $(PORT)

eval: $(STAMP)
	$(BIN)/dyad eval tests/gold

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info
