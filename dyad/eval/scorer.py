"""Scoring dyad against gold articles (format in ``tests/gold/README.md``).

Actors match on name or alias (case-insensitive); events when source, target and
CAMEO root all match; quotes when the gold text overlaps the predicted quotation
by at least half of the gold text, and, for the speaker score, the speakers match. Every
predicted quotation that matches none counts against precision, short ones included: a scare
quote reported as a quotation ("called it “propaganda”") is the error issue 16 is about.
Places (kind LOCATION) are not actors and are not scored; unnamed groups (kind GROUP)
count when they match a gold actor and are not held against precision otherwise.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from ..document import Document
from ..errors import ExtraMissing, GoldFileError

SCORED_KINDS = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "IGO", "GROUP"})


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Report:
    actors: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    quote_speakers: Counts = field(default_factory=Counts)
    roles: Counts = field(default_factory=Counts)
    affiliations: Counts = field(default_factory=Counts)
    members: Counts = field(default_factory=Counts)
    coreference: Counts = field(default_factory=Counts)
    realis_correct: int = 0
    date_correct: int = 0
    dated_gold: int = 0
    place_correct: int = 0
    placed_gold: int = 0
    country_correct: int = 0
    sector_correct: int = 0
    coded_gold: int = 0
    articles: int = 0

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "actors": self.actors.as_dict(),
            "events": self.events.as_dict(),
            "quotes": self.quotes.as_dict(),
            "quotes_with_speaker": self.quote_speakers.as_dict(),
            "event_realis_accuracy": round(self.realis_correct / self.events.tp, 3) if self.events.tp else None,
            "event_date_accuracy": round(self.date_correct / self.dated_gold, 3) if self.dated_gold else None,
            "event_place_accuracy": round(self.place_correct / self.placed_gold, 3) if self.placed_gold else None,
            "actor_country_accuracy": _ratio(self.country_correct, self.coded_gold),
            "actor_sector_accuracy": _ratio(self.sector_correct, self.coded_gold),
            "roles": self.roles.as_dict(),
            "affiliations": self.affiliations.as_dict(),
            "members": self.members.as_dict(),
            "coreference": self.coreference.as_dict(),
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _yaml() -> ModuleType:
    """PyYAML, imported here because only gold scoring needs it (the ``dyad[eval]`` extra)."""
    try:
        import yaml
    except ImportError as err:
        raise ExtraMissing("eval", "pyyaml") from err
    return yaml


def load_gold(path: Path) -> dict:
    yaml = _yaml()
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise GoldFileError(str(path), f"cannot read gold file ({err})") from err
    if not isinstance(gold, dict) or not isinstance(gold.get("text"), str):
        raise GoldFileError(str(path), "a gold file is a mapping with at least a 'text' string")
    for key in ("actors", "events", "quotes"):
        gold[key] = gold.get(key) or []
    return gold


def gold_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    files = sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml"))
    if not files:
        raise GoldFileError(str(root), "no *.yaml gold files found")
    return files


def _forms(values: Iterable[str]) -> set[str]:
    return {v.lower().strip() for v in values if v}


def _align_actors(doc: Document, gold_actors: list[dict]) -> dict[str, str]:
    """Predicted actor id -> gold actor name."""
    gold_forms = [(g["name"], _forms([g["name"], *(g.get("aliases") or [])])) for g in gold_actors]
    mapping: dict[str, str] = {}
    for actor in doc.actors:
        forms = _forms([actor.name] + [m.text for m in actor.mentions if m.via not in ("pronoun", "description")])
        best = max(gold_forms, key=lambda g: len(g[1] & forms), default=None)
        if best is not None and best[1] & forms:
            mapping[actor.id] = best[0]
        elif actor.kind == "GROUP" and actor.country:
            # "Colombia's government" (COLGOV) where the gold names the country
            country = next((g["name"] for g in gold_actors if g.get("kind") == "COUNTRY" and g.get("country") == actor.country), None)
            if country:
                mapping[actor.id] = country
    return mapping


def score_document(doc: Document, gold: dict, report: Report) -> None:
    report.articles += 1
    mapping = _align_actors(doc, gold["actors"])
    scored = [a for a in doc.actors if a.kind in SCORED_KINDS]
    matched_gold = {mapping[a.id] for a in scored if a.id in mapping}
    report.actors.tp += len(matched_gold)
    # the gold lists unnamed groups ("police", "protesters") only when they take part in an
    # event, so an unmatched group is not counted against precision
    report.actors.fp += sum(1 for a in scored if a.id not in mapping and a.kind != "GROUP")
    report.actors.fn += len(gold["actors"]) - len(matched_gold)

    _score_relations(doc, gold, mapping, report)

    predicted = [(mapping.get(e.source), mapping.get(e.target), e.root) for e in doc.events]
    pairs, missed, wrong = match_events(predicted, gold["events"])
    report.events.fn += len(missed)
    report.events.tp += len(pairs)
    report.events.fp += len(wrong)
    for n, hit in pairs:
        g, event = gold["events"][n], doc.events[hit]
        if event.realis == (g.get("realis") or "asserted"):
            report.realis_correct += 1
        if g.get("date"):
            report.dated_gold += 1
            report.date_correct += event.date == str(g["date"])
        if g.get("place"):
            report.placed_gold += 1
            report.place_correct += event.place is not None and event.place.country == g["place"].get("country")

    text = gold["text"]
    quote_used: set[int] = set()
    speaker_used: set[int] = set()
    for g in gold["quotes"]:
        needle = g["text"]
        start = text.find(needle)
        span = (start, start + len(needle)) if start >= 0 else None
        hits = [i for i, q in enumerate(doc.quotes) if span and _overlap((q.start, q.end), span) >= len(needle) / 2]
        hit = next((i for i in hits if i not in quote_used), None)
        if hit is None:
            report.quotes.fn += 1
            report.quote_speakers.fn += 1
            continue
        quote_used.add(hit)
        report.quotes.tp += 1
        speaker_hit = next((i for i in hits if i not in speaker_used and mapping.get(doc.quotes[i].speaker) == g.get("speaker")), None)
        if speaker_hit is None:
            report.quote_speakers.fn += 1
        else:
            speaker_used.add(speaker_hit)
            report.quote_speakers.tp += 1
    report.quotes.fp += len(doc.quotes) - len(quote_used)
    report.quote_speakers.fp += len(doc.quotes) - len(speaker_used)


def match_events(predicted: list[tuple], gold_events: list[dict]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Gold events matched to predicted ``(source, target, root)`` keys in gold order: the
    (gold index, predicted index) pairs, the gold indices missed and the predicted indices
    wrong. A duplicate of a matched gold event (same source, target, root) is not wrong."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    for n, g in enumerate(gold_events):
        key = (g.get("source"), g.get("target"), str(g.get("root") or str(g.get("cameo", ""))[:2]))
        hit = next((i for i, p in enumerate(predicted) if i not in used and tuple(p[:3]) == key), None)
        if hit is None:
            missed.append(n)
            continue
        used.add(hit)
        pairs.append((n, hit))
    matched_keys = {tuple(predicted[i][:3]) for i in used}
    wrong = [i for i, p in enumerate(predicted) if i not in used and tuple(p[:3]) not in matched_keys]
    return pairs, missed, wrong


def _score_relations(doc: Document, gold: dict, mapping: dict[str, str], report: Report) -> None:
    """Codes, roles, affiliations, memberships and coreference of the actors both sides know.

    A role matches when the titles contain one another (case-insensitive) and the status agrees;
    affiliations and members compare gold actor names. Coreference scores the pronoun and
    description mentions the gold lists: right when dyad links that span to the gold actor.
    """
    by_gold: dict[str, list] = {}
    for actor in doc.actors:
        if actor.id in mapping:
            by_gold.setdefault(mapping[actor.id], []).append(actor)
    for g in gold["actors"]:
        predicted = by_gold.get(g["name"], [])
        if predicted and (g.get("country") or g.get("sector")):
            report.coded_gold += 1
            report.country_correct += any(a.country == g.get("country") for a in predicted)
            report.sector_correct += any(a.sector == g.get("sector") for a in predicted)
        if "roles" in g:
            got = [(r.title.lower(), r.status) for a in predicted for r in a.roles]
            want = [(r["title"].lower(), r.get("status", "current")) for r in g.get("roles") or []]
            hits = sum(1 for t, st in want if any((t in p or p in t) and st == ps for p, ps in got))
            report.roles.tp += hits
            report.roles.fn += len(want) - hits
            report.roles.fp += max(0, len(got) - hits)
        for key, counts in (("affiliations", report.affiliations), ("members", report.members)):
            if key not in g:
                continue
            got_names = {mapping.get(x) for a in predicted for x in getattr(a, key)} - {None}
            want_names = set(g.get(key) or [])
            counts.tp += len(got_names & want_names)
            counts.fn += len(want_names - got_names)
            counts.fp += len(got_names - want_names)
    text = gold["text"]
    for item in gold.get("coreference") or []:
        start = _nth(text, item["text"], int(item.get("occurrence", 1)))
        if start < 0:
            continue
        end = start + len(item["text"])
        linked = [a for a in doc.actors if any(m.start < end and start < m.end for m in a.mentions)]
        if any(mapping.get(a.id) == item["actor"] for a in linked):
            report.coreference.tp += 1
        elif linked:
            report.coreference.fp += 1
            report.coreference.fn += 1
        else:
            report.coreference.fn += 1


def _nth(text: str, needle: str, n: int) -> int:
    import re

    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]
    return found[n - 1] if 0 < n <= len(found) else -1


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(root: Path, pipeline, numbers: range | None = None) -> tuple[Report, list[tuple[Path, Report]]]:
    """Score every gold file under ``root`` (only those whose leading number is in ``numbers``)."""
    total = Report()
    per_file: list[tuple[Path, Report]] = []
    for path in gold_files(root):
        if numbers is not None and not (path.name[:2].isdigit() and int(path.name[:2]) in numbers):
            continue
        gold = load_gold(path)
        doc = pipeline.extract(gold["text"], published=str(gold.get("published") or "") or None, title=gold.get("title"))
        if doc.text != gold["text"].strip():
            raise GoldFileError(str(path), "cleaning changed the gold text; write gold text that needs no cleaning")
        one = Report()
        score_document(doc, gold, one)
        score_document(doc, gold, total)
        per_file.append((path, one))
    return total, per_file
