# Two entry points: `make demo` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.dyad-installed

.PHONY: demo test install bench eval clean serve demo-watch corpus serve-corpus

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

# Live sources without the internet: tests/live/live_site.py serves invented news on 127.0.0.1 (an RSS feed,
# a home page naming an Atom feed, a sitemap, robots.txt, and pages that 404, time out, are a PDF, are
# disallowed, redirect, repeat or are reposted). Two `dyad watch --once` rounds into watch.duckdb: the first
# stores the articles and an errors row per failure, the second adds nothing. Then the sources and events.
WATCH_PORT ?= 8765
demo-watch: $(STAMP)
	rm -f watch-sources.txt
	$(BIN)/python tests/live/live_site.py --port $(WATCH_PORT) --sources watch-sources.txt & site=$$!; \
	trap "kill $$site" EXIT; \
	while [ ! -s watch-sources.txt ]; do sleep 0.2; done; \
	$(BIN)/dyad watch watch-sources.txt --db watch.duckdb --once --delay 0.2 --timeout 2 --retries 1 --backoff 0.5 && \
	$(BIN)/dyad watch watch-sources.txt --db watch.duckdb --once --delay 0.2 --timeout 2 --retries 1 --backoff 0.5 && \
	$(BIN)/dyad sources --db watch.duckdb && $(BIN)/dyad errors --db watch.duckdb && $(BIN)/dyad events --db watch.duckdb
	@echo "Browse it: $(BIN)/dyad serve --db watch.duckdb (then /sources and /network)"

# A real corpus to explore: the first $(N) AllSides articles (../shared/data/allsides, Apache-2.0) plus the
# articles of the stories hand-grouped in tests/gold/merge_pairs.tsv (the first 300 alone hold almost no story
# told by two outlets), ingested into allsides.duckdb (idempotent: a rerun adds nothing); then
# `make serve-corpus` to browse it.
N ?= 300
ALLSIDES ?= ../shared/data/allsides/allsides_articles.jsonl.gz
corpus: $(STAMP)
	@test -f $(ALLSIDES) || { echo "Error: $(ALLSIDES): no such file; pass ALLSIDES=path/to/allsides_articles.jsonl.gz"; exit 1; }
	$(BIN)/python -c "import gzip,itertools,sys; sys.stdout.writelines(itertools.islice(gzip.open('$(ALLSIDES)','rt',encoding='utf-8'),$(N)))" > allsides-$(N).jsonl
	$(BIN)/python -c "from dyad.eval.merge_pairs import read_pairs, select_articles; import sys; \
	ids = {i for p in read_pairs('tests/gold/merge_pairs.tsv') for i in (p.a.doc, p.b.doc)}; \
	sys.stdout.writelines(select_articles('$(ALLSIDES)', ids))" > allsides-stories.jsonl
	$(BIN)/dyad ingest allsides-$(N).jsonl allsides-stories.jsonl --db allsides.duckdb --no-progress

serve-corpus: corpus
	$(BIN)/dyad serve --db allsides.duckdb --port $(PORT)

eval: $(STAMP)
	$(BIN)/dyad eval tests/gold

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info
