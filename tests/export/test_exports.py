"""Each export read back by its consumer: JSON Schema, pandas, pyarrow, networkx."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.export import export
from dyad.export.gdelt import COLUMNS

PLOVER_SCHEMA = {
    "type": "object",
    "required": ["id", "date", "event_type", "mode", "context", "actor1", "actor2", "country", "text"],
    "properties": {
        "id": {"type": "string"},
        "date": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        "event_type": {"enum": ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                                "COERCE", "ASSAULT", "STATEMENT"]},
        "mode": {"type": ["string", "null"]},
        "context": {"type": "array", "items": {"type": "string"}},
        "actor1": {"type": ["string", "null"]}, "actor2": {"type": ["string", "null"]},
        "country": {"type": ["string", "null"]},
        "text": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["sentence", "url"], "properties": {"sentence": {"type": "string"}}}},
    },
}


def test_jsonl_is_the_document_contract(corpus_store, tmp_path):
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[2] / "dyad/schema/document.schema.json").read_text())
    path = tmp_path / "docs.jsonl"
    assert export(corpus_store, "jsonl", path) == 3
    docs = [json.loads(line) for line in path.read_text().splitlines()]
    for doc in docs:
        jsonschema.validate(doc, schema)
    assert sorted(docs, key=lambda d: d["id"]) == sorted((d.to_dict() for d in corpus_store.documents), key=lambda d: d["id"])


def test_parquet_one_file_per_table(corpus_store, tmp_path):
    pd = pytest.importorskip("pandas")
    export(corpus_store, "parquet", tmp_path / "pq")
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    assert len(events) == 4 and {"cameo", "source_actor_id", "date_start"} <= set(events.columns)
    assert len(pd.read_parquet(tmp_path / "pq" / "merged_events.parquet")) == 4


def test_gdelt_csv(corpus_store, tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "events.gdelt.tsv"
    assert export(corpus_store, "gdelt", path) == 4
    table = pd.read_csv(path, sep="\t", dtype=str)
    assert list(table.columns) == COLUMNS and len(COLUMNS) == 61
    assert COLUMNS[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                              "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    consult = table[table.EventCode == "042"].iloc[0]
    assert (consult.SQLDATE, consult.MonthYear, consult.Actor1Code, consult.Actor2Name) == ("20240304", "202403", "RUS", "HAMAS")
    assert (consult.EventBaseCode, consult.EventRootCode, consult.QuadClass) == ("042", "04", "1")
    assert (consult.ActionGeo_CountryCode, consult.SOURCEURL) == ("RS", "https://www.a.com/1")  # FIPS 10-4, as GDELT
    assert table.GLOBALEVENTID.is_unique


def test_plover_records_validate(corpus_store, tmp_path):
    import jsonschema

    path = tmp_path / "events.plover.jsonl"
    assert export(corpus_store, "plover", path) == 4
    records = [json.loads(line) for line in path.read_text().splitlines()]
    for record in records:
        jsonschema.validate(record, PLOVER_SCHEMA)
    visit = next(r for r in records if r["cameo"] == "042")
    assert (visit["event_type"], visit["mode"], visit["actor1"], visit["actor2"]) == ("CONSULT", "visit", "Russia", "Hamas")
    assert visit["text"][0]["sentence"] == "Russia met Hamas in Moscow."


def test_graphml_loads_in_networkx(corpus_store, tmp_path):
    nx = pytest.importorskip("networkx")
    path = tmp_path / "net.graphml"
    export(corpus_store, "graphml", path)
    graph = nx.read_graphml(path)
    names = {node: data["name"] for node, data in graph.nodes(data=True)}
    edges = {(names[s], names[t]): data for s, t, data in graph.edges(data=True)}
    assert edges[("Russia", "Hamas")]["weight"] == 2 and edges[("Russia", "Hamas")]["cooperation"] == 2
    assert edges[("Russia", "Ukraine")]["conflict"] == 1 and edges[("Russia", "Ukraine")]["conflict_goldstein"] == 10.0
    assert graph.nodes[next(n for n in names if names[n] == "Russia")]["code"] == "RUS"


def test_unknown_format(corpus_store, tmp_path):
    from dyad.errors import BadOption

    with pytest.raises(BadOption, match="--format 'xml' is not supported; use jsonl, parquet, gdelt, plover, graphml"):
        export(corpus_store, "xml", tmp_path / "x")
