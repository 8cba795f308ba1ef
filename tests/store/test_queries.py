"""Queries over a hand-made corpus, as library calls and through the CLI (json and csv)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from dyad.cli.main import app
from dyad.errors import BadOption
from dyad.store import queries


def test_events_filters(corpus_store):
    assert len(queries.events(corpus_store)) == 4
    assert {e["target"] for e in queries.events(corpus_store, actor="russia")} == {"Hamas", "Ukraine"}
    assert [e["cameo"] for e in queries.events(corpus_store, code="04", source="Russia")] == ["042", "043"]
    assert [e["cameo"] for e in queries.events(corpus_store, target="Ukraine")] == ["190"]
    assert [e["cameo"] for e in queries.events(corpus_store, since="2024-04")] == ["040"]
    assert [e["cameo"] for e in queries.events(corpus_store, until="2024-03-04")] == ["190", "042"]
    assert queries.events(corpus_store, realis="negated") == []
    assert len(queries.events(corpus_store, limit=1)) == 1


@pytest.mark.parametrize("options, message", [
    ({"realis": "maybe"}, "--realis 'maybe' is not supported"),
    ({"since": "last week"}, "--since 'last week' is not supported; use a date as YYYY"),
    ({"code": "x4"}, "--code 'x4' is not supported"),
])
def test_events_bad_options(corpus_store, options, message):
    with pytest.raises(BadOption, match=message):
        queries.events(corpus_store, **options)


def test_actors(corpus_store):
    rows = queries.actors(corpus_store)
    assert rows[0]["name"] == "Russia" and rows[0]["n_documents"] == 2 and rows[0]["n_events"] == 3
    assert [r["name"] for r in queries.actors(corpus_store, name="germ")] == ["Germany"]


def test_dyads(corpus_store):
    rows = {(r["source"], r["target"]): r for r in queries.dyads(corpus_store)}
    assert rows[("Russia", "Hamas")]["n_events"] == 2  # 042 and 043 are placed in different countries
    ukraine = rows[("Russia", "Ukraine")]
    assert (ukraine["goldstein_sum"], ukraine["q4_material_conflict"]) == (-10.0, 1)


def test_timeline(corpus_store):
    assert [(r["period"], r["n_events"]) for r in queries.timeline(corpus_store, "Russia", by="month")] == [("2024-03-01", 3)]
    assert [r["period"] for r in queries.timeline(corpus_store, "Hamas", "Russia", by="day")] == ["2024-03-04", "2024-03-05"]
    assert queries.timeline(corpus_store, "Germany", "France", by="week")[0]["cooperation"] == 1
    with pytest.raises(BadOption, match="--by 'year' is not supported; use day, week, month"):
        queries.timeline(corpus_store, "Russia", by="year")


def test_quotes(corpus_store):
    assert [q["text"] for q in queries.quotes(corpus_store, speaker="russ")] == ["We will talk."]
    assert queries.quotes(corpus_store, speaker="France") == []


@pytest.mark.parametrize("args, check", [
    (["events", "--actor", "Russia", "--format", "json"], lambda out: len(json.loads(out)) == 3),
    (["actors", "--format", "csv"], lambda out: next(csv.DictReader(io.StringIO(out)))["name"] == "Russia"),
    (["dyads", "--format", "json"], lambda out: json.loads(out)[0]["source"] == "Russia"),
    (["timeline", "Russia", "Ukraine", "--by", "month", "--format", "json"], lambda out: json.loads(out)[0]["n_events"] == 1),
    (["quotes", "--speaker", "Russia", "--format", "csv"], lambda out: "We will talk." in out),
    (["errors", "--format", "json"], lambda out: json.loads(out) == []),
    (["events", "--format", "table"], lambda out: "Events (4)" in out),
])
def test_cli_queries(corpus_store, args, check):
    path = corpus_store.path
    corpus_store.close()  # one writer: the CLI opens it read-only
    result = CliRunner().invoke(app, [*args, "--db", path])
    assert result.exit_code == 0, result.output
    assert check(result.stdout)
