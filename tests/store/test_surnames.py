"""A person some articles name by surname alone is the corpus's full-name person of that surname
(``dyad.store.surnames``): hand-made document rows, no model."""
from __future__ import annotations

from dyad.document import Actor, Document, Event, Mention, Trigger
from dyad.store import Store
from dyad.store.rows import actor_key, document_rows
from dyad.store.surnames import join_surnames, surname_targets


def document(doc_id: str, names: list[tuple[str, str | None]]) -> dict:
    actors = tuple(Actor(id=f"a{i}", name=name, kind="PERSON", code=code, country=code and code[:3],
                         sector=code and code[3:], mentions=(Mention(0, len(name), name, "name"),))
                   for i, (name, code) in enumerate(names, start=1))
    events = (Event(id="e1", source="a1", target=None, cameo="010", root="01", label="say", plover="CONSULT",
                    quad_class=1, goldstein=0.0, realis="asserted", trigger=Trigger(0, 4, "said"), sentence=0,
                    confidence=0.9, reciprocal=False),)
    return Document(id=doc_id, text=f"{names[0][0]} said.", published="2018-05-01", actors=actors,
                    events=events).to_dict()


def write(store: Store, docs: list[dict]) -> None:
    for doc in docs:
        store.write(document_rows(doc, source_id=None, origin=doc["id"], file_format="txt", input_hash=doc["id"]))


def test_a_lone_surname_joins_the_dominant_full_name_only():
    documents = {"donald trump": {"d1", "d2", "d3", "d4"}, "melania trump": {"d5"}, "trump": {"d6"},
                 "hillary clinton": {"d7", "d8"}, "bill clinton": {"d9"}, "clinton": {"d10"}, "putin": {"d11"}}
    assert surname_targets(documents) == {"trump": "donald trump"}  # 4 >= 4 x 1; 2 < 4 x 1; no Putin in full


def test_a_nickname_and_a_middle_name_join_the_full_name():
    documents = {"bernie sanders": {"d1", "d2", "d3"}, "bernard sanders": {"d4"}, "sarah sanders": {"d5"},
                 "sarah huckabee sanders": {"d6"}, "thom tillis": {"d7"}, "thomas tillis": {"d8"}}
    assert surname_targets(documents) == {"bernard sanders": "bernie sanders", "sarah huckabee sanders": "sarah sanders",
                                          "thomas tillis": "thom tillis"}  # a tie: the first in alphabetical order


def test_the_store_joins_surnames_and_keeps_the_full_name(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        write(store, [document(f"full{i}", [("Donald Trump", "USAGOV")]) for i in range(4)])
        write(store, [document("melania", [("Melania Trump", None)])])
        write(store, [document(f"lone{i}", [("Trump", None)]) for i in range(5)])  # outnumber the full name
        assert join_surnames(store) == 5
        trump = actor_key("Donald Trump", "PERSON", None)
        assert store.query("SELECT id, name, code FROM actors WHERE name LIKE '%Trump' ORDER BY name") == [
            {"id": trump, "name": "Donald Trump", "code": "USAGOV"},
            {"id": actor_key("Melania Trump", "PERSON", None), "name": "Melania Trump", "code": None}]
        for table, column in (("mentions", "actor_id"), ("events", "source_actor_id")):
            ids = {r["id"] for r in store.query(f"SELECT DISTINCT {column} AS id FROM {table} "
                                                "WHERE document_id LIKE 'lone%'")}
            assert ids == {trump}
        assert join_surnames(store) == 0  # recomputed from the rows: nothing more to do
        # a second Melania: Donald no longer outnumbers the others four to one, and "Trump" is itself again
        write(store, [document("melania2", [("Melania Trump", None)])])
        assert join_surnames(store) == 5
        assert store.query("SELECT name FROM actors WHERE id = ?", [actor_key("Trump", "PERSON", None)]) == [
            {"name": "Trump"}]
