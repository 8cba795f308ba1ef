"""Records are a function of the set of articles: not of their order, chunking or worker count.

The store's corpus actor takes each of its columns by vote over all its documents' rows
(``rows.settle_sql``), so an actor's kind, code, country and sector cannot depend on which
document happened to be written first.
"""
from __future__ import annotations

import itertools

import duckdb
import pytest

from dyad.config import DEFAULT_MODEL
from dyad.document import Actor, Document, Mention
from dyad.store import Store
from dyad.store.migrations import MIGRATIONS, apply_pending
from dyad.store.rows import actor_key, document_rows, identity_name

# (document text, [(name, kind, code, country, sector)]): one person told three ways, and a ministry
# of two countries under one name.
PEOPLE = [
    ("Ana Ruiz spoke.", [("Ana Ruiz", "PERSON", "PERGOV", "PER", "GOV"), ("Interior Ministry", "ORG", None, "PER", "GOV")]),
    ("Mrs. Ana Ruiz left.", [("Mrs. Ana Ruiz", "PERSON", None, "PER", None)]),
    ("Ana M. Ruiz won.", [("Ana M. Ruiz", "PERSON", "PERGOV", None, "GOV"), ("Interior Ministry", "ORG", None, "CHL", "GOV")]),
    ("Ana Ruiz, the former minister.", [("Ana Ruiz", "PERSON", "PERELI", "PER", "ELI")]),
]


def document(text: str, actors: list[tuple]) -> dict:
    return Document(id=f"d{abs(hash(text)) % 10**8}", text=text, published="2024-01-02", actors=tuple(
        Actor(id=f"a{i}", name=name, kind=kind, code=code, country=country, sector=sector,
              mentions=(Mention(0, len(name), name, "name"),))
        for i, (name, kind, code, country, sector) in enumerate(actors, start=1))).to_dict()


def stored_actors(tmp_path, order: tuple[int, ...], *, together: bool) -> list[tuple]:
    path = tmp_path / f"{'-'.join(map(str, order))}{'t' if together else 's'}.duckdb"
    with Store.open(path) as store:
        batches = [[PEOPLE[i] for i in order]] if together else [[PEOPLE[i]] for i in order]
        for batch in batches:
            rows: dict[str, list] = {}
            for n, (text, actors) in enumerate(batch):
                for table, table_rows in document_rows(document(text, actors), source_id=None, origin=text,
                                                       file_format="txt", input_hash=text).items():
                    rows.setdefault(table, []).extend(table_rows)
            store.write(rows)
        return [tuple(r.values()) for r in store.query("SELECT * FROM actors ORDER BY id")]


def test_a_person_told_three_ways_is_one_actor_voted_over_its_documents(tmp_path):
    actors = stored_actors(tmp_path, (0, 1, 2, 3), together=False)
    person = [row for row in actors if row[3] == "PERSON"]
    # name: "Ana Ruiz" twice; code: PERGOV twice beats PERELI once and two empty; country PER 3 to 0
    assert person == [(actor_key("Ana Ruiz", "PERSON", None), "Ana Ruiz", "PERGOV", "PERSON", "PER", "GOV")]
    ministries = sorted(row[4] for row in actors if row[1] == "Interior Ministry")
    assert ministries == ["CHL", "PER"]  # one name, two countries: two actors


@pytest.mark.parametrize("together", [False, True])
def test_every_order_and_batching_gives_the_same_actors(tmp_path, together):
    expected = stored_actors(tmp_path, (0, 1, 2, 3), together=False)
    for order in itertools.permutations(range(4)):
        assert stored_actors(tmp_path, order, together=together) == expected, order


def test_a_tie_goes_to_the_smallest_value(tmp_path):
    with Store.open(tmp_path / "tie.duckdb") as store:
        for text, sector in (("B said.", "GOV"), ("B left.", "ELI")):
            rows = document_rows(document(text, [("Bo Li", "PERSON", None, "CHN", sector)]), source_id=None,
                                 origin=text, file_format="txt", input_hash=text)
            store.write(rows)
        assert store.query("SELECT sector FROM actors") == [{"sector": "ELI"}]


@pytest.mark.parametrize("name, kind, identity", [
    ("Donald J. Trump", "PERSON", "donald trump"), ("Mr. Donald Trump", "PERSON", "donald trump"),
    ("DONALD TRUMP", "PERSON", "donald trump"), ("Trump", "PERSON", "trump"), ("Mr. Trump", "PERSON", "trump"),
    ("Gen. Jon Berg", "PERSON", "jon berg"), ("Ségolène Royal", "PERSON", "segolene royal"),
    ("the United Nations", "IGO", "united nations"), ("Mr. Smith Inc.", "ORG", "mr smith inc"),
])
def test_identity_name(name, kind, identity):
    assert identity_name(name, kind) == identity


def test_the_migration_re_keys_a_store_written_with_name_and_code_ids(tmp_path):
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE migrations (name VARCHAR PRIMARY KEY, applied TIMESTAMP)")
    for name, sql in MIGRATIONS[:3]:  # the schema before actor identity
        con.execute(sql)
        con.execute("INSERT INTO migrations VALUES (?, current_timestamp)", [name])
    for n, (old_id, name, code) in enumerate((("k1", "Donald Trump", "USAGOV"), ("k2", "Mr. Donald Trump", None))):
        con.execute("INSERT INTO actors VALUES (?, ?, ?, 'PERSON', 'USA', NULL)", [old_id, name, code])
        con.execute("INSERT INTO document_actors VALUES (?, 'a1', ?, ?, 'PERSON', ?, 'USA', NULL, '[]', '[]', '[]')",
                    [f"d{n}", old_id, name, code])
        con.execute("INSERT INTO mentions VALUES (?, 'a1', ?, 0, 0, 5, 'Trump', 'name')", [f"d{n}", old_id])
    applied = apply_pending(con)
    assert applied[0] == "0004_actor_identity"
    key = actor_key("Donald Trump", "PERSON", "USA")
    assert con.execute("SELECT id, name, code FROM actors").fetchall() == [(key, "Donald Trump", "USAGOV")]
    assert {r[0] for r in con.execute("SELECT actor_id FROM mentions").fetchall()} == {key}
    con.close()


# --- the whole pipeline, two orders, one and two workers ------------------------------------

ARTICLES = {  # the team's own sentences
    "a.txt": "President Donald Trump met Japanese Prime Minister Shinzo Abe in Tokyo on Monday. "
             "Trump said the talks had been productive.",
    "b.txt": "Donald J. Trump criticised China on Tuesday. Mr. Trump accused Beijing of unfair trade.",
    "c.txt": "Shinzo Abe urged North Korea to return to talks, Japan's government said.",
    "d.txt": "Iran's foreign minister Mohammad Javad Zarif condemned the sanctions on Wednesday.",
    "e.txt": "Russia and Ukraine exchanged prisoners on Sunday, officials in Kyiv said.",
    "f.txt": "Mr. Trump visited American troops in Iraq. He thanked the soldiers.",
}
COMPARED = ("documents", "inputs", "actors", "document_actors", "mentions", "events", "quotes", "errors",
            "merged_events", "event_mentions")
RUN_COLUMNS = {"errors": ("run_id", "created")}


def all_tables(path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table in COMPARED:
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in RUN_COLUMNS.get(table, ())]
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(con.execute(f"SELECT {select} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.mark.model
def test_two_orders_and_one_or_two_workers_give_the_same_tables(tmp_path):
    from dyad.engines.ingest import ingest

    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name in sorted(ARTICLES)]
    runs = {"forward-1": (paths, 1), "backward-2": (paths[::-1], 2)}
    tables = {}
    for label, (ordered, workers) in runs.items():
        with Store.open(tmp_path / f"{label}.duckdb") as store:
            ingest(store, ordered, model=DEFAULT_MODEL, workers=workers, batch_size=2, published="2019-06-03",
                   merge_window_days=1)
        tables[label] = all_tables(tmp_path / f"{label}.duckdb")
    forward, backward = tables["forward-1"], tables["backward-2"]
    assert len(forward["documents"]) == len(ARTICLES) and forward["events"]
    for table in COMPARED:
        assert forward[table] == backward[table], table
