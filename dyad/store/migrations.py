"""Named schema migrations, applied in order and recorded in the ``migrations`` table.

Never edit a migration that has shipped: add a new one at the end of ``MIGRATIONS``.
JSON columns are VARCHAR holding JSON text (DuckDB's json extension is not needed).
"""
from __future__ import annotations

from .rows import actor_key, settle_sql

INITIAL = """
CREATE TABLE documents (
    id VARCHAR PRIMARY KEY,          -- first 16 hex digits of SHA-256 of the cleaned text
    source_id VARCHAR,               -- the id the input gave, if any
    title VARCHAR,
    url VARCHAR,
    domain VARCHAR,
    published DATE,
    text VARCHAR NOT NULL,
    origin VARCHAR,                  -- file[:line] the article was read from
    format VARCHAR,
    model VARCHAR,
    n_sentences INTEGER, n_actors INTEGER, n_mentions INTEGER, n_events INTEGER, n_quotes INTEGER,
    sentences VARCHAR,               -- JSON [[start, end], ...]
    warnings VARCHAR,                -- JSON list of strings
    removed VARCHAR                  -- JSON list of strings
);
CREATE TABLE inputs (
    input_hash VARCHAR PRIMARY KEY,  -- SHA-256 prefix of the raw input text: skipped before the NLP on re-runs
    document_id VARCHAR NOT NULL
);
CREATE TABLE actors (
    id VARCHAR PRIMARY KEY,          -- hash of canonical name + code: stable across documents and runs
    name VARCHAR NOT NULL,
    code VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR
);
CREATE TABLE document_actors (
    document_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,       -- a1, a2, ... inside the document
    actor_id VARCHAR NOT NULL,
    name VARCHAR, kind VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR,
    roles VARCHAR, affiliations VARCHAR, members VARCHAR,   -- JSON, local ids as in the Document
    PRIMARY KEY (document_id, local_id)
);
CREATE TABLE mentions (
    document_id VARCHAR NOT NULL,
    local_actor_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,            -- order of the mention within its actor
    start INTEGER, "end" INTEGER, text VARCHAR, via VARCHAR,
    PRIMARY KEY (document_id, local_actor_id, seq)
);
CREATE TABLE events (
    document_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,             -- e1, e2, ... inside the document
    source VARCHAR, target VARCHAR,  -- local actor ids
    source_actor_id VARCHAR, target_actor_id VARCHAR,
    cameo VARCHAR NOT NULL, base_code VARCHAR, root VARCHAR, label VARCHAR, plover VARCHAR,
    quad_class INTEGER, goldstein DOUBLE, realis VARCHAR,
    date VARCHAR, date_text VARCHAR, date_granularity VARCHAR, date_source VARCHAR,
    date_start DATE, date_end DATE,  -- the interval ``date`` covers (a month: its first and last day)
    place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    sentence INTEGER,
    speaker VARCHAR, speaker_actor_id VARCHAR,
    confidence DOUBLE, reciprocal BOOLEAN,
    mentions VARCHAR,                -- JSON [[start, end], ...]
    PRIMARY KEY (document_id, id)
);
CREATE TABLE quotes (
    document_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    text VARCHAR, start INTEGER, "end" INTEGER, kind VARCHAR, cue VARCHAR,
    speaker VARCHAR, speaker_actor_id VARCHAR, speaker_text VARCHAR,
    PRIMARY KEY (document_id, id)
);
CREATE SEQUENCE run_ids START 1;
CREATE TABLE runs (
    id INTEGER PRIMARY KEY DEFAULT nextval('run_ids'),
    dyad_version VARCHAR, model VARCHAR, options VARCHAR,   -- options: JSON
    started TIMESTAMP, finished TIMESTAMP, status VARCHAR,  -- running, finished, interrupted (killed; marked when the next run starts)
    n_read INTEGER, n_skipped INTEGER, n_documents INTEGER, n_duplicates INTEGER, n_errors INTEGER
);
CREATE TABLE errors (
    id VARCHAR PRIMARY KEY,          -- hash of origin + stage + reason: a re-run does not repeat a row
    run_id INTEGER,
    origin VARCHAR, line INTEGER, stage VARCHAR, reason VARCHAR,
    created TIMESTAMP
);
"""

MERGED = """
CREATE TABLE merged_events (
    id VARCHAR NOT NULL,             -- hash of the member events: same members, same id
    source_actor_id VARCHAR, target_actor_id VARCHAR,
    base_code VARCHAR, cameo VARCHAR, root VARCHAR, plover VARCHAR, realis VARCHAR,
    quad_class INTEGER, goldstein DOUBLE,
    date VARCHAR, date_granularity VARCHAR, date_start DATE, date_end DATE,
    place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    reciprocal BOOLEAN, is_root BOOLEAN,
    n_mentions INTEGER, n_sources INTEGER, n_domains INTEGER,
    first_published DATE, source_url VARCHAR
);
CREATE TABLE event_mentions (
    merged_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    url VARCHAR, published DATE
);
CREATE TABLE merge_state (window_days INTEGER, n_events INTEGER, n_merged INTEGER, merged_at TIMESTAMP);
"""

# The versions of the libraries that made a run's rows (NULL for runs made before this migration).
RUN_VERSIONS = """
ALTER TABLE runs ADD COLUMN spacy_version VARCHAR;
ALTER TABLE runs ADD COLUMN model_version VARCHAR;       -- the spaCy pipeline package's version
ALTER TABLE runs ADD COLUMN ftfy_version VARCHAR;
ALTER TABLE runs ADD COLUMN trafilatura_version VARCHAR;
ALTER TABLE runs ADD COLUMN duckdb_version VARCHAR;
"""

# One corpus actor per entity (issue 14): actor ids become ``rows.actor_key`` (identity name, and country
# unless a person) instead of a hash of name and code, so re-key every table that holds one, then rebuild
# ``actors`` by ``rows.settle_sql``. Merged events cluster by actor id: they are cleared, and the next
# ingest or ``dyad merge`` rebuilds them.
ACTOR_IDENTITY = """
UPDATE document_actors SET actor_id = dyad_actor_key(name, kind, country);
UPDATE mentions SET actor_id = d.actor_id FROM document_actors d
    WHERE mentions.document_id = d.document_id AND mentions.local_actor_id = d.local_id;
UPDATE events SET source_actor_id = d.actor_id FROM document_actors d
    WHERE events.document_id = d.document_id AND events.source = d.local_id;
UPDATE events SET target_actor_id = d.actor_id FROM document_actors d
    WHERE events.document_id = d.document_id AND events.target = d.local_id;
UPDATE events SET speaker_actor_id = d.actor_id FROM document_actors d
    WHERE events.document_id = d.document_id AND events.speaker = d.local_id;
UPDATE quotes SET speaker_actor_id = d.actor_id FROM document_actors d
    WHERE quotes.document_id = d.document_id AND quotes.speaker = d.local_id;
DELETE FROM actors;
INSERT INTO actors BY NAME SELECT actor_id AS id, * EXCLUDE (actor_id) FROM ({settled});
DELETE FROM event_mentions;
DELETE FROM merged_events;
DELETE FROM merge_state;
""".format(settled=settle_sql("document_actors"))

# Live sources (issue 18): what `dyad watch` follows, the URLs each source has listed (its seen set),
# the conditional-GET validators of each listing, and where every fetched document came from.
LIVE_SOURCES = """
CREATE TABLE sources (
    url VARCHAR PRIMARY KEY,         -- as written in the SOURCES file: a feed, a sitemap or a home page
    kind VARCHAR,                    -- feed, sitemap or site (found on the first round)
    listings VARCHAR,                -- JSON list of the feed/sitemap URLs read each round
    every_seconds INTEGER,
    last_round TIMESTAMP, last_run_id INTEGER,
    n_new INTEGER, n_errors INTEGER, -- of the last round: new documents, failures
    n_documents INTEGER,             -- documents from this source so far
    next_due TIMESTAMP
);
CREATE TABLE source_urls (
    source VARCHAR NOT NULL,         -- sources.url
    url VARCHAR NOT NULL,            -- an item URL the source listed, once fetched (or failed for good)
    first_seen TIMESTAMP, status INTEGER,  -- the HTTP status; -1: failed for now, tried again next round
    PRIMARY KEY (source, url)
);
CREATE TABLE http_validators (
    url VARCHAR PRIMARY KEY,         -- a feed or sitemap URL
    etag VARCHAR, last_modified VARCHAR, checked TIMESTAMP
);
CREATE TABLE fetches (
    url VARCHAR NOT NULL,            -- the URL asked for
    final_url VARCHAR,               -- after redirects
    canonical_url VARCHAR,           -- the page's own <link rel=canonical> or og:url, else final_url
    source VARCHAR,                  -- sources.url, NULL for `dyad fetch`
    fetched TIMESTAMP, status INTEGER,
    title VARCHAR, authors VARCHAR, published VARCHAR,
    input_hash VARCHAR,              -- inputs.input_hash of the extracted text
    document_id VARCHAR,             -- the document it became (a duplicate: the stored one)
    run_id INTEGER,
    PRIMARY KEY (url, input_hash)
);
"""

# An event place's GeoNames row, first-level region, feature and how precisely it was placed
# (place, region, country, or dateline: placed only by the article's dateline).
PLACE_DETAIL = """
ALTER TABLE events ADD COLUMN place_geonames_id BIGINT;
ALTER TABLE events ADD COLUMN place_admin1 VARCHAR;
ALTER TABLE events ADD COLUMN place_feature VARCHAR;
ALTER TABLE events ADD COLUMN place_precision VARCHAR;
"""

# Cross-outlet merging (issue 19): a merged event keeps its most specific CAMEO code in ``cameo`` and lists
# every member's code in ``codes``; ``domains`` lists the outlets reporting it. Both JSON lists; rows merged
# before this migration get their one code and their reports' domains, and the next merge recomputes them.
MERGE_CODES = """
ALTER TABLE merged_events ADD COLUMN codes VARCHAR;      -- JSON ["163", "1631"]: the codes of its reports
ALTER TABLE merged_events ADD COLUMN domains VARCHAR;    -- JSON ["cnn.com", "reuters.com"]: the outlets reporting it
UPDATE merged_events SET codes = '["' || cameo || '"]';
UPDATE merged_events SET domains = '[]';
UPDATE merged_events SET domains = d.domains FROM (
    SELECT m.merged_id, '[' || string_agg(DISTINCT '"' || doc.domain || '"', ', ' ORDER BY '"' || doc.domain || '"') || ']' AS domains
    FROM event_mentions m JOIN documents doc ON doc.id = m.document_id
    WHERE doc.domain IS NOT NULL GROUP BY m.merged_id) d
WHERE merged_events.id = d.merged_id;
"""

# (name, SQL), in order. Names are recorded once applied.
MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", INITIAL),
    ("0002_merged_events", MERGED),
    ("0003_run_versions", RUN_VERSIONS),
    ("0004_actor_identity", ACTOR_IDENTITY),
    ("0005_live_sources", LIVE_SOURCES),
    ("0006_place_detail", PLACE_DETAIL),
    ("0007_merge_codes", MERGE_CODES),
]

CREATE_LEDGER = "CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied TIMESTAMP)"


def pending(applied: set[str]) -> list[tuple[str, str]]:
    return [(name, sql) for name, sql in MIGRATIONS if name not in applied]


def apply_pending(con) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; return their names."""
    con.execute(CREATE_LEDGER)
    _register_functions(con)
    applied = {row[0] for row in con.execute("SELECT name FROM migrations").fetchall()}
    done = []
    for name, sql in pending(applied):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO migrations VALUES (?, current_timestamp)", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(name)
    return done


def _register_functions(con) -> None:
    """The Python functions migrations call, as DuckDB scalar functions (once per connection)."""
    import duckdb

    try:
        con.create_function("dyad_actor_key", actor_key, ["VARCHAR"] * 3, "VARCHAR",
                            null_handling="special", side_effects=False)
    except duckdb.NotImplementedException:  # already registered on this connection
        pass


def store_schema() -> dict[str, list[tuple[str, str]]]:
    """Column names and DuckDB types of every store table, read from the migrations themselves."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        apply_pending(con)
        rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                           "ORDER BY table_name, ordinal_position").fetchall()
    finally:
        con.close()
    schema: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        schema.setdefault(table, []).append((column, data_type))
    return schema
