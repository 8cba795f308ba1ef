"""The local engine: records out, failures as error outcomes, same results for 1 and 2 processes."""
from __future__ import annotations

import pytest

import dyad.engines.local as local
from dyad.config import DEFAULT_MODEL
from dyad.engines.local import LocalEngine, run_chunk


class Exploding:
    """Stands in for a Pipeline: fails on one article, as a spaCy stage might."""

    def extract_many(self, articles):
        from conftest import make_document

        for article in articles:
            if article["text"] == "bad":
                raise RuntimeError("stage crashed")
            yield make_document(article["text"])


def test_a_failing_article_becomes_an_error_and_the_chunk_goes_on(monkeypatch):
    monkeypatch.setattr(local, "_PIPELINE", Exploding())
    result = run_chunk([{"key": "k1", "text": "good one"}, {"key": "k2", "text": "bad"}, {"key": "k3", "text": "fine"}])
    assert [sorted(o) for o in result.outcomes] == [["document", "key"], ["error", "key"], ["document", "key"]]
    assert result.outcomes[1]["error"].startswith("RuntimeError: stage crashed (at test_local_engine.py:")
    assert isinstance(result.outcomes[0]["document"], dict)  # plain records, never spaCy objects
    assert result.peak_rss_mb > 0


def test_outcomes_keep_input_order_with_a_bounded_window(monkeypatch):
    monkeypatch.setattr(local, "init_worker", lambda *args: setattr(local, "_PIPELINE", Exploding()))
    chunks = [[{"key": f"k{i}", "text": f"text {i}"}] for i in range(10)]
    keys = [o["key"] for r in LocalEngine(model="x", workers=1).map(iter(chunks)) for o in r.outcomes]
    assert keys == [f"k{i}" for i in range(10)]


@pytest.mark.model
def test_two_processes_give_the_same_records_as_one():
    articles = [{"key": f"k{i}", "text": text, "published": "2024-03-06"} for i, text in enumerate([
        "Chile hosted talks with Peru in Santiago on Monday.",
        "Kenya condemned Uganda on Tuesday.",
        "Norway offered aid to Sudan.",
        "Japan met South Korea in Tokyo on Friday.",
    ])]
    chunks = [articles[:2], articles[2:]]
    one = [o for r in LocalEngine(model=DEFAULT_MODEL, workers=1).map(chunks) for o in r.outcomes]
    two_results = list(LocalEngine(model=DEFAULT_MODEL, workers=2).map(chunks))
    two = [o for r in two_results for o in r.outcomes]
    assert one == two
    assert any(o["document"]["events"] for o in one)
