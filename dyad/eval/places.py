"""Event places scored against the event_location sentences (Halterman, "Geolocating Political
Events in Text"): single news sentences, each with one event VERB span and, where annotators saw
one, the LOCATION span where that event happened.

Three figures:

- ``on_verb``: the share of sentences where dyad (run with ``monadic=True``) has an event whose
  trigger overlaps the gold verb;
- ``place_accuracy``: of those with a gold place, the share whose event names it: the place name
  equals the gold span or one contains the other ("Kodori" for "the Kodori Gorge"), or both
  geocode to the same gazetteer row; where the annotators marked several places for the event
  ("the Jabal Mohsen area in Tripoli" as both names), naming any of them counts;
- ``no_place_rate``: of those without a gold place, the share whose event gives no place.

A sentence is read without a dateline or publication date, so a dateline place never counts.

``--half even`` (or ``odd``) keeps only the records whose 0-based line index in the data file is even
(odd): rules are studied on one half and checked on the other, held out.

    python -m dyad.eval.places /path/to/event_location_dev [--half even|odd] [--every N] [--limit N] [--json]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ..document import Document, Event

DATA_FILE = "labeled_text_dev.jsonl.gz"
DEFAULT_DIR = Path("../shared/data/event_location_dev")
HALVES = {"even": 0, "odd": 1}


@dataclass(frozen=True)
class Sentence:
    text: str
    verb: tuple[int, int]
    place: tuple[int, int] | None
    others: tuple[tuple[int, int], ...] = ()  # further places the annotators marked for the event

    @property
    def place_text(self) -> str | None:
        return self.text[self.place[0]:self.place[1]] if self.place else None

    @property
    def place_texts(self) -> tuple[str, ...]:
        return tuple(self.text[a:b] for a, b in ((self.place,) if self.place else ()) + self.others)


@dataclass
class PlaceScores:
    sentences: int = 0
    on_verb: int = 0
    with_place: int = 0  # on the verb, gold has a place
    place_right: int = 0
    without_place: int = 0  # on the verb, gold has none
    no_place_given: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        rate = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
        return {**asdict(self), "on_verb_rate": rate(self.on_verb, self.sentences),
                "place_accuracy": rate(self.place_right, self.with_place),
                "no_place_rate": rate(self.no_place_given, self.without_place)}


def read_sentences(folder: Path, *, every: int = 1, limit: int | None = None,
                   half: str | None = None) -> Iterator[Sentence]:
    """The records of ``folder/labeled_text_dev.jsonl.gz`` (or ``folder`` itself as a file), every
    ``every``-th one (a deterministic subsample), at most ``limit``; with ``half`` ("even" or
    "odd") only those at an even (odd) 0-based line index, ``every`` counting within that half."""
    if half is not None and half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    path = folder / DATA_FILE if folder.is_dir() else folder
    opener = gzip.open if path.suffix == ".gz" else open
    kept = 0
    with opener(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if half is not None and n % 2 != HALVES[half]:
                continue
            if (n // 2 if half is not None else n) % every or (limit is not None and kept >= limit):
                continue
            record = json.loads(line)
            verb = next((s for s in record["spans"] if s["label"] == "VERB"), None)
            if verb is None:
                continue
            places = [s for s in record["spans"] if s["label"] == "LOCATION"]
            if places and not _whole_words(record["text"], places[0]):
                continue  # a span whose offsets do not fall on the sentence's words (a few records)
            others = tuple((s["start"], s["end"]) for s in places[1:] if _whole_words(record["text"], s))
            kept += 1
            yield Sentence(record["text"], (verb["start"], verb["end"]),
                           (places[0]["start"], places[0]["end"]) if places else None, others)


def _whole_words(text: str, span: dict) -> bool:
    inside = text[span["start"]:span["end"]]
    return (len(inside.strip()) > 1 and (span["start"] == 0 or not text[span["start"] - 1].isalnum())
            and (span["end"] >= len(text) or not text[span["end"]].isalnum()))


def _norm(name: str) -> str:
    name = re.sub(r"^(?:the|in|at)\s+", "", name.strip(), flags=re.I)
    return re.sub(r"[^\w ]+", "", name).lower().strip()


def place_matches(predicted: str, gold: str, gazetteer=None) -> bool:
    a, b = _norm(predicted), _norm(gold)
    if not a or not b:
        return False
    if a == b or re.search(rf"\b{re.escape(a)}\b", b) or re.search(rf"\b{re.escape(b)}\b", a):
        return True
    if gazetteer is not None:
        one, two = gazetteer.geocode(predicted), gazetteer.geocode(gold)
        return one is not None and two is not None and one.geonames_id is not None and one.geonames_id == two.geonames_id
    return False


def _event_on(document: Document, verb: tuple[int, int]) -> Event | None:
    on = [e for e in document.events
          if any(m.start < verb[1] and verb[0] < m.end for m in (e.trigger, *e.mentions))]
    return next((e for e in on if e.place is not None), on[0] if on else None)


def score(pipeline, sentences: Iterable[Sentence], gazetteer=None) -> PlaceScores:
    scores = PlaceScores()
    started = time.perf_counter()
    items = list(sentences)
    documents = pipeline.extract_many([{"text": s.text} for s in items], batch_size=32)
    for sentence, document in zip(items, documents):
        scores.sentences += 1
        event = _event_on(document, sentence.verb)
        if event is None:
            continue
        scores.on_verb += 1
        if sentence.place is None:
            scores.without_place += 1
            scores.no_place_given += event.place is None
        else:
            scores.with_place += 1
            scores.place_right += event.place is not None and any(
                place_matches(event.place.name, gold, gazetteer) for gold in sentence.place_texts)
    scores.seconds = round(time.perf_counter() - started, 1)
    return scores


def evaluate(folder: Path, model: str, *, every: int = 1, limit: int | None = None,
             half: str | None = None) -> PlaceScores:
    from ..events.places import load_gazetteer
    from ..pipeline import Pipeline

    return score(Pipeline(model, monadic=True), read_sentences(folder, every=every, limit=limit, half=half),
                 load_gazetteer())


def main(argv: list[str] | None = None) -> None:
    from ..config import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--every", type=int, default=1, help="Keep every N-th sentence (deterministic subsample).")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--half", choices=sorted(HALVES), default=None,
                        help="Only the records at an even (odd) 0-based line index: study one half, hold out the other.")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate(args.folder, args.model, every=args.every, limit=args.limit, half=args.half).as_dict()
    json.dump(result, sys.stdout, indent=2) if args.json else print(result)


if __name__ == "__main__":
    main()
