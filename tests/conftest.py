"""Shared fixtures: the spaCy pipeline is built once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pipeline():
    from dyad.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline):
    def run(text: str, published: str | None = "2024-03-06"):
        return pipeline.extract(text, published=published)

    return run


def actor_named(doc, name):
    return next((a for a in doc.actors if a.name == name), None)


def events_by(doc, source_name, target_name):
    names = {a.id: a.name for a in doc.actors}
    return [e for e in doc.events if names.get(e.source) == source_name and names.get(e.target) == target_name]


# --- corpus store (tests/store, tests/engines, tests/export) --------------------

def make_document(text: str, events=(), *, published: str | None = "2024-03-06", url: str | None = None,
                  quotes=(), doc_id: str | None = None):
    """A hand-made Document: ``events`` are (source, target, cameo, date, place_country, reciprocal)
    with actor names; each name becomes a COUNTRY actor whose code is its first three letters."""
    from dyad.document import Actor, Document, Event, Mention, Place, Quote, Span, Trigger
    from dyad.pipeline import content_id

    names: list[str] = []
    for source, target, *_ in events:
        for name in (source, target):
            if name and name not in names:
                names.append(name)
    for speaker, _ in quotes:
        if speaker not in names:
            names.append(speaker)
    local = {name: f"a{i}" for i, name in enumerate(names, start=1)}
    actors = tuple(Actor(id=local[n], name=n, kind="COUNTRY", code=n[:3].upper(), country=n[:3].upper(),
                         mentions=(Mention(0, len(n), n, "name"),)) for n in names)
    built = []
    for i, (source, target, cameo, date, country, reciprocal) in enumerate(events, start=1):
        granularity = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
        quad = {"01": 1, "04": 1, "05": 1, "06": 2, "11": 3, "19": 4}.get(cameo[:2], 1)
        built.append(Event(
            id=f"e{i}", source=local.get(source), target=local.get(target), cameo=cameo, root=cameo[:2],
            label="label", plover="CONSULT" if cameo.startswith("04") else "ASSAULT", quad_class=quad,
            goldstein=-10.0 if quad == 4 else 1.0, realis="asserted", trigger=Trigger(0, 4, text[:4]),
            sentence=0, date=date, date_granularity=granularity,
            place=Place(name=f"City of {country}", country=country) if country else None,
            mentions=(Span(0, 4),), confidence=0.9, reciprocal=reciprocal))
    built_quotes = tuple(Quote(id=f"q{i}", text=words, start=0, end=len(words), kind="direct", cue="said",
                               speaker=local[speaker]) for i, (speaker, words) in enumerate(quotes, start=1))
    return Document(id=doc_id or content_id(text), text=text, url=url, published=published,
                    sentences=(Span(0, len(text)),), actors=actors, events=tuple(built), quotes=built_quotes,
                    meta={"model": "hand-made"})


@pytest.fixture()
def corpus_store(tmp_path):
    """A fresh dyad database holding three hand-made documents (merged with a 1-day window)."""
    from dyad.store import Store
    from dyad.store.merge import rebuild_merged
    from dyad.store.rows import document_rows

    docs = [
        make_document("Russia met Hamas in Moscow.", [("Russia", "Hamas", "042", "2024-03-04", "RUS", False),
                                                      ("Russia", "Ukraine", "190", "2024-03", None, False)],
                      url="https://www.a.com/1", quotes=[("Russia", "We will talk.")]),
        # a second Russia-Hamas meeting: same CAMEO root a day later, but in another country, so not merged
        make_document("Russia hosted Hamas.", [("Russia", "Hamas", "043", "2024-03-05", "TUR", False)],
                      url="https://b.org/2", published="2024-03-07"),
        make_document("France and Germany talked.", [("France", "Germany", "040", "2024-04-01", "FRA", True)],
                      published="2024-04-02"),
    ]
    store = Store.open(tmp_path / "corpus.duckdb")
    for i, doc in enumerate(docs):
        store.write(document_rows(doc.to_dict(), source_id=f"s{i}", origin=f"in.jsonl:{i + 1}",
                                  file_format="jsonl", input_hash=f"h{i}"))
    rebuild_merged(store, window_days=1)
    store.documents = docs
    yield store
    store.close()


def wait_for_first_commit(process, wal, deadline: float) -> None:
    """Return once an ingest ``process`` has committed its first chunk: its WAL holds the runs row
    (which names the model, as nothing before it does), then grows again. No sleep guesses how long
    the migrations take on a busy machine."""
    import os
    import time

    from dyad.config import DEFAULT_MODEL

    marker, base = DEFAULT_MODEL.encode(), None
    while process.poll() is None and time.monotonic() < deadline:
        if base is None and os.path.exists(wal):
            with open(wal, "rb") as stream:
                if marker in stream.read():
                    base = os.path.getsize(wal)
        elif base is not None and os.path.getsize(wal) > base:
            return
        time.sleep(0.005)
