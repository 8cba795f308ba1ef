"""The DuckDB store: migrations, clear open errors, whole-document writes, version columns."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from conftest import make_document
from dyad.config import DEFAULT_MODEL
from dyad.errors import StoreLocked, StoreMissing, StoreNotDuckDB
from dyad.export.jsonl import iter_documents
from dyad.store import Store
from dyad.store.migrations import MIGRATIONS, apply_pending
from dyad.store.rows import actor_key, date_interval, domain_of
from dyad.store.versions import VERSION_COLUMNS, library_versions, model_version


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
    assert len(russia) == 1 and russia[0]["id"] == actor_key("Russia", "COUNTRY", "RUS")
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




def test_an_old_database_migrates_and_keeps_its_runs(tmp_path):
    """A database made before 0003_run_versions gains the version columns; its runs keep NULL there."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE migrations (name VARCHAR PRIMARY KEY, applied TIMESTAMP)")
    for name, sql in MIGRATIONS[:2]:
        con.execute(sql)
        con.execute("INSERT INTO migrations VALUES (?, current_timestamp)", [name])
    con.execute("INSERT INTO runs (dyad_version, model, options, status) VALUES ('0.0.9', 'old', '{}', 'finished')")
    con.close()
    with pytest.raises(Exception, match="0003_run_versions"):  # a reader does not migrate: it says what is pending
        Store.open(path, read_only=True)
    with Store.open(path) as store:
        assert store.pending_migrations() == []
        old = store.query("SELECT * FROM runs")[0]
        assert old["model"] == "old" and all(old[column] is None for column in VERSION_COLUMNS)
        run_id = store.start_run(dyad_version="0.1.0", model="m", options={}, versions={"spacy_version": "3.8.0"})
        new = store.query("SELECT * FROM runs WHERE id = ?", [run_id])[0]
        assert new["spacy_version"] == "3.8.0" and new["duckdb_version"] is None


def test_library_versions_come_from_the_installed_packages():
    versions = library_versions(DEFAULT_MODEL)
    assert list(versions) == list(VERSION_COLUMNS)
    assert versions["duckdb_version"] == duckdb.__version__
    assert versions["model_version"] and versions["spacy_version"] and versions["ftfy_version"]
    assert model_version("no_such_model_package") is None


def test_a_model_directory_gives_its_meta_version(tmp_path):
    (tmp_path / "meta.json").write_text('{"lang": "en", "name": "custom", "version": "1.2.3"}')
    assert model_version(str(tmp_path)) == "1.2.3"


def test_the_schema_is_read_from_the_migrations():
    from dyad.store.migrations import store_schema

    con = duckdb.connect()
    apply_pending(con)
    runs = dict(store_schema()["runs"])
    assert all(runs[column] == "VARCHAR" for column in VERSION_COLUMNS) and runs["id"] == "INTEGER"

def test_a_write_is_all_or_nothing(tmp_path):
    doc = make_document("Chile met Peru.", [("Chile", "Peru", "042", None, None, False)])
    from dyad.store.rows import document_rows
    rows = document_rows(doc.to_dict(), source_id=None, origin="x", file_format="txt", input_hash="h")
    rows["events"][0]["cameo"] = None  # NOT NULL: the whole transaction must roll back
    with Store.open(tmp_path / "db.duckdb") as store:
        with pytest.raises(Exception):
            store.write(rows)
        assert all(store.count(t) == 0 for t in ("documents", "mentions", "events", "inputs"))
