"""Cross-outlet event merging scored on hand-labelled pairs of reports (``tests/gold/merge_pairs.tsv``).

Each pair names two reports, each an article and a ``word#n`` locator (the n-th whole-word occurrence
of ``word`` in the article's text); the report's events are the stored events whose trigger span
covers that occurrence, else those whose trigger is at most ``NEAR_WORDS`` words from it in the same
sentence (the annotator picked the predicate's word before seeing dyad's output: "would impose higher
tariffs" may be stored with the trigger "tariffs"). A pair is predicted *merged* when an event of one report and an event of the
other share a merged event. A pair with a report where dyad found no event is *not found*: it is
counted apart and left out of precision and recall (``recall_all`` counts such positives as missed).
The pairs file's schema is in ``tests/gold/README.md``.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GoldFileError

DEFAULT_PAIRS = Path("tests/gold/merge_pairs.tsv")
DEFAULT_CORPUS = Path("../shared/data/allsides/allsides_articles.jsonl.gz")
COLUMNS = ("pair", "story", "label", "doc_a", "outlet_a", "trigger_a", "doc_b", "outlet_b", "trigger_b",
           "happening_a", "happening_b")
LABELS = {"merge": True, "no-merge": False}
LOCATOR = re.compile(r"^(?P<word>[^#\s]+)#(?P<n>[1-9][0-9]*)$")
NEAR_WORDS = 2          # at most this many words between the locator and a trigger that does not cover it
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Report:
    doc: str            # the article's ID in the corpus (``documents.source_id`` once stored)
    word: str
    occurrence: int     # 1 for the first occurrence


@dataclass(frozen=True)
class Pair:
    pair: str
    story: str
    merge: bool
    a: Report
    b: Report


@dataclass
class MergeScores:
    pairs: int = 0
    positives: int = 0
    negatives: int = 0
    tp: int = 0         # labelled merge, merged
    fn: int = 0         # labelled merge, apart
    fp: int = 0         # labelled no-merge, merged
    tn: int = 0         # labelled no-merge, apart
    not_found: list[str] = field(default_factory=list)   # pair ids with a report dyad found no event for
    stories: int = 0

    def as_dict(self) -> dict:
        rate = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
        located = self.tp + self.fn + self.fp + self.tn
        precision, recall = rate(self.tp, self.tp + self.fp), rate(self.tp, self.tp + self.fn)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else None
        return {"pairs": self.pairs, "positives": self.positives, "negatives": self.negatives,
                "stories": self.stories, "located": located, "not_found": len(self.not_found),
                "located_rate": rate(located, self.pairs), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "tn": self.tn, "precision": precision, "recall": recall, "f1": f1,
                "recall_all": rate(self.tp, self.positives), "not_found_pairs": self.not_found}


def read_pairs(path: str | Path) -> list[Pair]:
    """The pairs of a merge-pairs TSV, checked row by row (``GoldFileError`` names file and line)."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise GoldFileError(f"{path}:1", f"the header must be the columns {', '.join(COLUMNS)}")
    pairs, seen = [], set()
    for line, row in enumerate(rows[1:], start=2):
        where = f"{path}:{line}"
        if len(row) != len(COLUMNS):
            raise GoldFileError(where, f"{len(row)} fields; expected {len(COLUMNS)} separated by tabs")
        values = dict(zip(COLUMNS, row))
        if values["label"] not in LABELS:
            raise GoldFileError(where, f"label {values['label']!r}; use merge or no-merge")
        if values["pair"] in seen:
            raise GoldFileError(where, f"pair id {values['pair']!r} is used twice")
        seen.add(values["pair"])
        reports = []
        for side in ("a", "b"):
            match = LOCATOR.match(values[f"trigger_{side}"])
            if not match or not values[f"doc_{side}"]:
                raise GoldFileError(where, f"trigger_{side} {values[f'trigger_{side}']!r}; write word#n, e.g. lifted#1")
            reports.append(Report(values[f"doc_{side}"], match["word"], int(match["n"])))
        pairs.append(Pair(values["pair"], values["story"], LABELS[values["label"]], *reports))
    return pairs


def locate(text: str, word: str, occurrence: int) -> tuple[int, int] | None:
    """The span of the ``occurrence``-th whole-word, case-insensitive ``word`` in ``text``, or None."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)  # re-imposed is no "imposed"
    for n, match in enumerate(pattern.finditer(text), start=1):
        if n == occurrence:
            return match.span()
    return None


def score(pairs: Iterable[Pair], merged_ids: Callable[[Report], set[str]]) -> MergeScores:
    """Score ``pairs``; ``merged_ids(report)`` gives the merged events of the report's events (empty: not found)."""
    scores = MergeScores()
    stories = set()
    for pair in pairs:
        scores.pairs += 1
        stories.add(pair.story)
        scores.positives += pair.merge
        scores.negatives += not pair.merge
        a, b = merged_ids(pair.a), merged_ids(pair.b)
        if not a or not b:
            scores.not_found.append(pair.pair)
            continue
        together = bool(a & b)
        if pair.merge:
            scores.tp += together
            scores.fn += not together
        else:
            scores.fp += together
            scores.tn += not together
    scores.stories = len(stories)
    return scores


def store_lookup(store) -> Callable[[Report], set[str]]:
    """``merged_ids`` over a store: documents by their source id, events by trigger span."""
    texts = {row["source_id"]: (row["id"], row["text"], json.loads(row["sentences"] or "[]")) for row in
             store.query("SELECT source_id, id, text, sentences FROM documents WHERE source_id IS NOT NULL")}
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for row in store.query("SELECT document_id, trigger_start, trigger_end, merged_id FROM event_mentions"):
        spans[row["document_id"]].append((row["trigger_start"], row["trigger_end"], row["merged_id"]))

    def merged_ids(report: Report) -> set[str]:
        if report.doc not in texts:
            return set()
        document_id, text, sentences = texts[report.doc]
        span = locate(text, report.word, report.occurrence)
        if span is None:
            return set()
        return report_events(text, sentences, span, spans[document_id])

    return merged_ids


def report_events(text: str, sentences: list[list[int]], span: tuple[int, int],
                  events: list[tuple[int, int, str]]) -> set[str]:
    """The merged ids of the events at ``span``: triggers covering it, else near it in its sentence."""
    covering = {merged for start, end, merged in events if start < span[1] and span[0] < end}
    if covering:
        return covering
    sentence = next(((s, e) for s, e in sentences if s <= span[0] < e), (0, len(text)))
    near = set()
    for start, end, merged in events:
        if not (sentence[0] <= start < sentence[1]):
            continue
        between = text[end:span[0]] if end <= span[0] else text[span[1]:start]
        if len(WORD.findall(between)) <= NEAR_WORDS:
            near.add(merged)
    return near


def score_store(store, pairs: Iterable[Pair]) -> MergeScores:
    """Score ``pairs`` against the merged events of ``store`` (its articles already ingested and merged)."""
    return score(pairs, store_lookup(store))


def select_articles(corpus: str | Path, ids: Iterable[str]) -> list[str]:
    """The JSONL lines of ``corpus`` (``.jsonl`` or ``.jsonl.gz``) whose ``ID`` is in ``ids``, in corpus order."""
    wanted = set(ids)
    opener = gzip.open if str(corpus).endswith(".gz") else open
    lines = []
    with opener(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if '"ID"' in line and json.loads(line).get("ID") in wanted:
                lines.append(line if line.endswith("\n") else line + "\n")
    return lines


def format_report(figures: dict) -> str:
    return (f"{figures['pairs']} pairs ({figures['positives']} merge, {figures['negatives']} no-merge) from "
            f"{figures['stories']} stories; located {figures['located']} ({figures['located_rate']}), "
            f"not found {figures['not_found']}\n"
            f"merged together: precision {figures['precision']} recall {figures['recall']} F1 {figures['f1']} "
            f"(tp {figures['tp']} fp {figures['fp']} fn {figures['fn']} tn {figures['tn']}); "
            f"recall counting not-found positives as missed {figures['recall_all']}")
