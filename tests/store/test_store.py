"""The DuckDB store: migrations, clear open errors, whole-document writes, idempotent ingest."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from conftest import make_document
from dyad.engines.local import ChunkResult
from dyad.errors import StoreLocked, StoreMissing, StoreNotDuckDB
from dyad.export.jsonl import iter_documents
from dyad.store import Store, ingest
from dyad.store.migrations import MIGRATIONS
from dyad.store.rows import actor_key, date_interval, domain_of


class FakeEngine:
    """Turns each article into a hand-made Document without spaCy: "cleaning" is strip(),
    an article containing FAIL raises inside the pipeline."""

    def __init__(self):
        self.seen: list[str] = []

    def map(self, chunks):
        for chunk in chunks:
            outcomes = []
            for article in chunk:
                self.seen.append(article["text"])
                if "FAIL" in article["text"]:
                    outcomes.append({"key": article["key"], "error": "ValueError: boom (at fake.py:1)"})
                    continue
                doc = make_document(article["text"].strip(), [("Chile", "Peru", "042", "2024-03-04", None, False)],
                                    published=article["published"], url=article["url"])
                outcomes.append({"key": article["key"], "document": doc.to_dict()})
            yield ChunkResult(outcomes, pid=1, peak_rss_mb=1.0)


def run_ingest(store, paths, **options):
    engine = FakeEngine()
    report = ingest(store, [str(p) for p in paths], model="fake", engine=engine, batch_size=2, **options)
    return report, engine


def table_rows(store, table):
    return store.query(f"SELECT * EXCLUDE (run_id, created) FROM {table} ORDER BY ALL") if table == "errors" \
        else store.query(f"SELECT * FROM {table} ORDER BY ALL")


def test_migrations_are_applied_once_and_recorded(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store.open(path) as store:
        assert [r["name"] for r in store.query("SELECT name FROM migrations ORDER BY name")] == [n for n, _ in MIGRATIONS]
    with Store.open(path) as store:  # re-open: nothing pending, nothing re-applied
        assert store.count("migrations") == len(MIGRATIONS)
        assert store.pending_migrations() == []
    with Store.open(path, read_only=True) as store:
        assert store.count("documents") == 0


def test_not_a_duckdb_file(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("just text\n")
    with pytest.raises(StoreNotDuckDB, match=r"\[E007\] .*notes.duckdb is not a dyad DuckDB database"):
        Store.open(path)


def test_missing_database_read_only(tmp_path):
    with pytest.raises(StoreMissing, match="no such database"):
        Store.open(tmp_path / "none.duckdb", read_only=True)


def test_database_locked_by_another_writer(tmp_path):
    path = tmp_path / "busy.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r}); "
                               "print('ready', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLocked, match=r"\[E008\] .*busy.duckdb is in use by another dyad process"):
            Store.open(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()


def test_stored_rows_rebuild_the_document_contract(corpus_store):
    ids = [d.id for d in corpus_store.documents]
    rebuilt = list(iter_documents(corpus_store, ids))
    assert rebuilt == [d.to_dict() for d in corpus_store.documents]


def test_corpus_actors_are_merged_across_documents(corpus_store):
    russia = corpus_store.query("SELECT * FROM actors WHERE name = 'Russia'")
    assert len(russia) == 1 and russia[0]["id"] == actor_key("Russia", "RUS")
    assert corpus_store.query("SELECT count(DISTINCT document_id) AS n FROM mentions WHERE actor_id = ?",
                              [russia[0]["id"]])[0]["n"] == 2


@pytest.mark.parametrize("date, expected", [
    ("2024-02", ("2024-02-01", "2024-02-29")), ("2024", ("2024-01-01", "2024-12-31")),
    ("2024-03-04", ("2024-03-04", "2024-03-04")), (None, (None, None)), ("March", (None, None))])
def test_date_interval(date, expected):
    assert tuple(d.isoformat() if d else None for d in date_interval(date)) == expected


@pytest.mark.parametrize("url, domain", [("https://www.nytimes.com/a", "nytimes.com"), ("bbc.co.uk/x", "bbc.co.uk"), (None, None)])
def test_domain_of(url, domain):
    assert domain_of(url) == domain


def write_inputs(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text("".join(json.dumps({"id": f"g{i}", "text": f"Article number {i}.", "url": f"https://x.com/{i}"}) + "\n"
                            for i in range(5)) + '{"text": "Article number 1.   "}\n' + '{"text": "FAIL here"}\n')
    return good


def test_rerun_adds_nothing_and_skips_before_the_pipeline(tmp_path):
    good = write_inputs(tmp_path)
    with Store.open(tmp_path / "db.duckdb") as store:
        first, engine = run_ingest(store, [good])
        assert (first.read, first.documents, first.duplicates, first.errors) == (7, 5, 1, 1)
        snapshot = {t: table_rows(store, t) for t in ("documents", "mentions", "events", "actors", "inputs", "errors", "merged_events")}
        second, engine = run_ingest(store, [good])
        assert engine.seen == ["FAIL here"]  # stored inputs never reach the pipeline; only the failure is retried
        assert (second.documents, second.skipped, second.errors) == (0, 6, 1)
        assert {t: table_rows(store, t) for t in snapshot} == snapshot
        runs = store.query("SELECT * FROM runs ORDER BY id")
        assert [r["n_documents"] for r in runs] == [5, 0] and all(r["status"] == "finished" for r in runs)
        assert runs[0]["model"] == "fake" and runs[0]["dyad_version"]


def test_source_id_is_kept_and_id_is_the_content_hash(tmp_path):
    good = write_inputs(tmp_path)
    with Store.open(tmp_path / "db.duckdb") as store:
        run_ingest(store, [good])
        row = store.query("SELECT id, source_id, origin FROM documents WHERE source_id = 'g0'")[0]
        from dyad.pipeline import content_id
        assert row["id"] == content_id("Article number 0.")
        assert row["origin"].endswith("good.jsonl:1")


def test_bad_inputs_become_error_rows(tmp_path):
    (tmp_path / "truncated.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Chile thanked Peru."}\n' * 50)[:30])
    (tmp_path / "nofield.csv").write_text("headline,summary\nA,B\n")
    (tmp_path / "lines.jsonl").write_text('{"text": "Chile thanked Peru."}\n[1, 2]\n')
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\x03binary" * 20)
    (tmp_path / "ok.csv").write_text('id,body,date\nc1,"Peru thanked Chile.",2024-05-03\n')
    with Store.open(tmp_path / "db.duckdb") as store:
        report, _ = run_ingest(store, [tmp_path])
        errors = {(r["origin"].rsplit("/", 1)[-1], r["line"], r["stage"]): r["reason"] for r in store.query("SELECT * FROM errors")}
        assert report.documents == 2 and report.errors == 4
    assert errors[("blob.txt", None, "read")] == "looks like a binary file, not text"
    assert errors[("lines.jsonl", 2, "read")] == "expected a JSON object, got an array"
    assert errors[("truncated.jsonl.gz", None, "read")].startswith("not a valid gzip file")
    assert errors[("nofield.csv", None, "read")].startswith("no text column (expected one of text, content")
    assert "--text-field" in errors[("nofield.csv", None, "read")]


def test_csv_field_options(tmp_path):
    path = tmp_path / "custom.csv"
    path.write_text('key,story,when\nk1,"Chile thanked Peru.",2024-05-03\n')
    from dyad.ingest import Fields
    with Store.open(tmp_path / "db.duckdb") as store:
        report, _ = run_ingest(store, [path], fields=Fields(text="story", id="key", date="when"))
        assert report.documents == 1
        row = store.query("SELECT source_id, published FROM documents")[0]
    assert row["source_id"] == "k1" and row["published"].isoformat() == "2024-05-03"


def test_a_write_is_all_or_nothing(tmp_path):
    doc = make_document("Chile met Peru.", [("Chile", "Peru", "042", None, None, False)])
    from dyad.store.rows import document_rows
    rows = document_rows(doc.to_dict(), source_id=None, origin="x", file_format="txt", input_hash="h")
    rows["events"][0]["cameo"] = None  # NOT NULL: the whole transaction must roll back
    with Store.open(tmp_path / "db.duckdb") as store:
        with pytest.raises(Exception):
            store.write(rows)
        assert all(store.count(t) == 0 for t in ("documents", "mentions", "events", "inputs"))
