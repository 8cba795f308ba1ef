"""Event type and actor coding against the PLOVER gold-standard records (development half).

Reads ``../shared/data/plover_gsr_dev/PLOVER_GSR_dev.json`` (never copied here): one edited news
sentence per record with its PLOVER event type and source/target actors (ISO-3 country or ``IGO``
code, optional sector). The records use PLOVER's older type names; DEMAND, DISAPPROVE,
INVESTIGATE and FIGHT are read as REQUEST, ACCUSE, ACCUSE and ASSAULT.

Figures:

- main-event type accuracy: the PLOVER type of the event dyad would choose for the sentence (the
  first event in text order that is not a plain statement, 01, and names an actor on one side at
  least, when there is one; else the first that is not a plain statement; else the first event)
  equals the gold type; a sentence with no event counts as wrong. An actorless happening kept by
  --monadic ("a bombing near Samarra") is the main event only when no event names an actor: every
  PLOVER record has an actor;
- any-event type recall: some event of the sentence has the gold type;
- source/target country accuracy: over records with a gold source (target), the main event's
  source (target) actor has one of the gold codes (its country, or ``IGO`` for an
  intergovernmental body);
- source/target sector accuracy: the same over gold actors that carry a sector, read as its
  primary three-letter code: PLOVER appends an ethnic or religious tag in lower case ("MILsrp",
  "CVLkur"), writes journalists JRN where CAMEO (and dyad) write MED, and civilians now CVL, now
  CIV. A gold IMG (international militant group) or NGO stands where a country would: the actor
  whose code begins so has it.

A few gold country codes are CAMEO's older forms or slips of the coder (JAP, ITL, VTN) and are
read as the ISO codes they stand for.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Actor, Document, Event

DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plover_gsr_dev"
DATA_FILE = "PLOVER_GSR_dev.json"
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}  # gold country codes not in ISO 3166
SECTOR_SYNONYMS = {"JRN": "MED", "CIV": "CVL"}  # PLOVER's journalists, CAMEO's media; civilians spelt CIV
NON_STATE_INTERNATIONAL = frozenset({"IGO", "IMG", "NGO"})  # gold codes standing where a country would


@dataclass(frozen=True)
class PloverRecord:
    id: str
    text: str
    event: str  # in the 2021 vocabulary
    sources: tuple[dict, ...]
    targets: tuple[dict, ...]


def _actors(value) -> tuple[dict, ...]:
    return tuple(a for a in value if isinstance(a, dict)) if isinstance(value, list) else ()


def load_plover(root: str | Path = DEFAULT_DIR) -> list[PloverRecord]:
    """The event records of the development half (the documentation record is left out)."""
    path = Path(root)
    path = path / DATA_FILE if path.is_dir() else path
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no {DATA_FILE}; pass the plover_gsr_dev folder")
    records = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        if not raw.get("text") or not raw.get("event"):
            continue
        event = str(raw["event"]).upper()
        records.append(PloverRecord(str(raw.get("id", len(records))), raw["text"], OLD_TYPES.get(event, event),
                                    _actors(raw.get("source")), _actors(raw.get("target"))))
    return records


HALVES = ("even", "odd")


def select_half(records: Sequence[PloverRecord], half: str | None) -> list[PloverRecord]:
    """The records at even (0, 2, ...) or odd positions of the file, or all of them for ``None``:
    one half is studied, the other held out."""
    if half is None:
        return list(records)
    if half not in HALVES:
        raise ValueError(f"half {half!r}: use one of {', '.join(HALVES)}")
    return list(records[HALVES.index(half)::2])


def main_event(doc: Document) -> Event | None:
    """The event dyad would choose for a one-sentence text: the first that is not a plain statement
    and names an actor, else the first that is not a plain statement, else the first."""
    events = sorted(doc.events, key=lambda e: e.trigger.start)
    acts = [e for e in events if e.root != "01"]
    return next((e for e in acts if e.source or e.target), acts[0] if acts else events[0] if events else None)


def _codes(actor: Actor | None) -> set[str]:
    if actor is None:
        return set()
    codes = {actor.country} if actor.country else set()
    if (actor.code or "")[:3] in NON_STATE_INTERNATIONAL:
        codes.add(actor.code[:3])  # al-Qaeda IMGMUSALQ is IMG, Amnesty NGOHRIAI NGO
    if actor.sector == "IGO":
        codes.add("IGO")
    return codes


def _primary_sector(sector: str) -> str:
    """"MILsrp" -> MIL, "JRNchr" -> MED: the sector without PLOVER's ethnic or religious tag."""
    primary = sector[:3].upper()
    return SECTOR_SYNONYMS.get(primary, primary)


@dataclass
class PloverTally:
    records: int = 0
    with_events: int = 0
    main_ok: int = 0
    any_ok: int = 0
    counts: Counter = field(default_factory=Counter)  # (side, kind) -> [gold, ok]
    confusion: Counter = field(default_factory=Counter)

    def add_side(self, side: str, gold: Sequence[dict], actor: Actor | None) -> None:
        codes = {OLD_CODES.get(c, c) for c in (str(a.get("code") or "").upper() for a in gold if a.get("code"))}
        if codes:
            self.counts[(side, "country", "gold")] += 1
            self.counts[(side, "country", "ok")] += bool(codes & _codes(actor))
        sectors = {_primary_sector(str(a["sector"])) for a in gold if a.get("sector") and str(a["sector"]).strip("*")}
        if sectors:
            self.counts[(side, "sector", "gold")] += 1
            self.counts[(side, "sector", "ok")] += bool(actor is not None and actor.sector in sectors)

    def as_dict(self) -> dict:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        out = {"records": self.records, "with_events": self.with_events,
               "main_event_type_accuracy": ratio(self.main_ok, self.records),
               "any_event_type_recall": ratio(self.any_ok, self.records)}
        for side in ("source", "target"):
            for kind in ("country", "sector"):
                gold, ok = self.counts[(side, kind, "gold")], self.counts[(side, kind, "ok")]
                out[f"{side}_{kind}_accuracy"] = ratio(ok, gold)
                out[f"{side}_{kind}_gold"] = gold
        out["confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())}
        return out


def score_record(doc: Document, gold: PloverRecord, tally: PloverTally) -> None:
    tally.records += 1
    tally.with_events += bool(doc.events)
    main = main_event(doc)
    predicted = main.plover if main is not None else None
    tally.main_ok += predicted == gold.event
    tally.any_ok += any(e.plover == gold.event for e in doc.events)
    tally.confusion[(gold.event, predicted or "-")] += 1
    actors = {a.id: a for a in doc.actors}
    tally.add_side("source", gold.sources, actors.get(main.source) if main and main.source else None)
    tally.add_side("target", gold.targets, actors.get(main.target) if main and main.target else None)


def score_plover(pipeline, records: Sequence[PloverRecord], *, batch_size: int = 32) -> dict:
    """Run ``pipeline`` (built with ``monadic=True``) on every record and score it."""
    tally = PloverTally()
    texts = ({"text": r.text, "id": r.id} for r in records)
    for gold, doc in zip(records, pipeline.extract_many(texts, batch_size=batch_size)):
        score_record(doc, gold, tally)
    return tally.as_dict()


def format_report(figures: dict) -> str:
    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    lines = [f"PLOVER development half: {figures['records']} records, {figures['with_events']} with events",
             f"  main-event type accuracy  {pct(figures['main_event_type_accuracy'])}",
             f"  any-event type recall     {pct(figures['any_event_type_recall'])}"]
    for side in ("source", "target"):
        for kind in ("country", "sector"):
            lines.append(f"  {side} {kind} accuracy{' ' * (16 - len(side) - len(kind))}"
                         f"{pct(figures[f'{side}_{kind}_accuracy'])} (of {figures[f'{side}_{kind}_gold']})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dyad.eval.plover", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", default=None)
    parser.add_argument("--half", choices=HALVES, default=None)
    args = parser.parse_args(argv)
    from ..config import DEFAULT_MODEL
    from ..pipeline import Pipeline

    figures = score_plover(Pipeline(args.model or DEFAULT_MODEL, monadic=True),
                           select_half(load_plover(args.data_dir), args.half))
    print(json.dumps(figures, indent=2) if args.json else format_report(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
