"""``dyad ingest`` with any engine: idempotent re-runs, error rows, field options, versions in the runs row."""
from __future__ import annotations

import gzip
import json

from conftest import make_document
from dyad.engines.ingest import ingest
from dyad.engines.local import ChunkResult
from dyad.store import Store
from dyad.store.versions import VERSION_COLUMNS, library_versions


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
    assert errors[("blob.txt", None, "read")] == "[E035] looks like a binary file, not text"
    assert errors[("lines.jsonl", 2, "read")] == "[E038] expected a JSON object, got an array"
    assert errors[("truncated.jsonl.gz", None, "read")].startswith("[E042] not a valid gzip file")
    assert errors[("nofield.csv", None, "read")].startswith("[E039] no text column (expected one of text, content")
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


def test_the_runs_row_records_the_library_versions(tmp_path):
    good = write_inputs(tmp_path)
    with Store.open(tmp_path / "db.duckdb") as store:
        report, _ = run_ingest(store, [good])
        run = store.query("SELECT * FROM runs WHERE id = ?", [report.run_id])[0]
    assert {column: run[column] for column in VERSION_COLUMNS} == library_versions("fake")
    assert run["duckdb_version"] and run["spacy_version"] and run["model_version"] is None  # no package "fake"
