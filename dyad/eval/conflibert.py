"""Event source and target scored against the ConfliBERT CAMEO data (Hu et al., 2022).

The folder holds two files:

* ``cameo_ner_train.txt``: one ``token TAG`` per line, a blank line between
  sentences; BIO tags ``S`` (source actor), ``T`` (target actor), ``R``
  (reciprocal: both sides), ``O`` elsewhere.
* ``cameo_class_train.tsv``: ``sentence<TAB>label``, no header; label 0 statement,
  1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
  conflict. Its sentences are in another order and only partly the same as the
  NER file's, so the two are joined on the letters and digits of the sentence.

Each sentence is rebuilt by joining its tokens with spaces and run through dyad
with one-sided events kept (``Pipeline(monadic=True)``). Gold spans are loose
entity spans, so an actor hits a span when any of its mentions shares a
character with it; an S or R span counts for the source side, a T or R span for
the target side. An event's class is its CAMEO root's PentaClass (01-02 statement,
03-05 verbal and 06-09 material cooperation, 10-13 and 16 verbal, 14-15 and 17-20
material conflict; see ``cameo_agreement``).

    python -m dyad.eval.conflibert /path/to/conflibert [--limit N] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document, Event
from .polnear import OffsetMap, overlap
from ..events.cameo import PENTACLASS_BY_ROOT

NER_FILE = "cameo_ner_train.txt"
CLASS_FILE = "cameo_class_train.tsv"
CLASS_NAMES = ("statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


@dataclass(frozen=True)
class ConflibertSentence:
    index: int
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    text: str
    token_offsets: tuple[tuple[int, int], ...]
    spans: dict[str, tuple[tuple[int, int], ...]]  # "S", "T", "R" -> character spans in ``text``
    label: int | None = None

    @property
    def source_spans(self) -> tuple[tuple[int, int], ...]:
        return self.spans.get("S", ()) + self.spans.get("R", ())

    @property
    def target_spans(self) -> tuple[tuple[int, int], ...]:
        return self.spans.get("T", ()) + self.spans.get("R", ())


# ---------------------------------------------------------------- loading

def read_conll(text: str) -> list[list[tuple[str, str]]]:
    """``token TAG`` lines into sentences; blank lines separate sentences."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, sep, tag = line.rpartition(" ")
        if not sep or not token:
            raise ValueError(f"line {number}: expected 'token TAG', got {line!r}")
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def bio_spans(tags: Sequence[str], offsets: Sequence[tuple[int, int]]) -> dict[str, tuple[tuple[int, int], ...]]:
    """Character spans per entity type; an I- tag after another type opens a new span."""
    spans: dict[str, list[tuple[int, int]]] = {}
    open_type: str | None = None
    for tag, (start, end) in zip(tags, offsets):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and kind == open_type:
            spans[kind][-1] = (spans[kind][-1][0], end)
        elif prefix in ("B", "I") and kind:
            spans.setdefault(kind, []).append((start, end))
            open_type = kind
        else:
            open_type = None
    return {kind: tuple(found) for kind, found in spans.items()}


def join_key(text: str) -> str:
    """Letters and digits only, so tokenised and running text meet ("governmentʼs" = "government 's")."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower()
                   if ch.isalnum() and unicodedata.category(ch) != "Lm")


def read_labels(text: str) -> dict[str, int]:
    labels: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        sentence, sep, label = line.rstrip("\r").rpartition("\t")
        if not sep or not label.strip().isdigit():
            raise ValueError(f"{CLASS_FILE}:{number}: expected 'sentence<TAB>label', got {line[:60]!r}")
        labels[join_key(sentence)] = int(label)
    return labels


def load_conflibert(root: str | Path, *, limit: int | None = None) -> list[ConflibertSentence]:
    """Sentences of the NER file in order, with the class label where the TSV has the sentence."""
    root = Path(root)
    ner_path = root / NER_FILE
    if not ner_path.is_file():
        raise FileNotFoundError(f"{root}: no {NER_FILE}; pass the ConfliBERT CAMEO folder")
    class_path = root / CLASS_FILE
    labels = read_labels(class_path.read_text(encoding="utf-8")) if class_path.is_file() else {}
    sentences = []
    for index, rows in enumerate(read_conll(ner_path.read_text(encoding="utf-8"))):
        if limit and index >= limit:
            break
        tokens = tuple(token for token, _ in rows)
        tags = tuple(tag for _, tag in rows)
        offsets, cursor = [], 0
        for token in tokens:
            offsets.append((cursor, cursor + len(token)))
            cursor += len(token) + 1
        sentences.append(ConflibertSentence(index, tokens, tags, " ".join(tokens), tuple(offsets),
                                            bio_spans(tags, offsets), labels.get(join_key("".join(tokens)))))
    return sentences


# ---------------------------------------------------------------- scoring

def event_class(event: Event) -> int:
    """The five-way class of the labels (PentaClass, as in ``cameo_agreement``)."""
    return PENTACLASS_BY_ROOT[event.root]


def _hits(mentions: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> bool:
    return any(overlap(m, g) for m in mentions for g in gold)


@dataclass
class Tally:
    sentences: int = 0
    aligned: int = 0
    with_source: int = 0  # sentences with a gold S or R span
    with_target: int = 0
    with_both: int = 0
    source_hit: int = 0
    target_hit: int = 0
    both_hit: int = 0  # one event hits both sides
    sentences_with_events: int = 0
    events: int = 0
    dyadic_events: int = 0
    events_source_ok: int = 0
    events_target_ok: int = 0
    events_both_ok: int = 0
    labelled: int = 0
    labelled_with_events: int = 0
    class_any: int = 0  # some event of the sentence has the label's class
    class_first: int = 0  # the first event (by trigger) has it
    class_events: int = 0  # events in labelled sentences
    class_events_ok: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold label, first event's class)

    def as_dict(self) -> dict:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "sentences": self.sentences, "aligned": self.aligned,
            "recall": {
                "with_gold_source": self.with_source, "source_hit": self.source_hit,
                "source_rate": ratio(self.source_hit, self.with_source),
                "with_gold_target": self.with_target, "target_hit": self.target_hit,
                "target_rate": ratio(self.target_hit, self.with_target),
                "with_both": self.with_both, "both_hit": self.both_hit,
                "both_rate": ratio(self.both_hit, self.with_both),
                "sentences_with_events": self.sentences_with_events,
            },
            "precision": {
                "events": self.events, "dyadic_events": self.dyadic_events,
                "source_ok": self.events_source_ok, "target_ok": self.events_target_ok, "both_ok": self.events_both_ok,
                "source_precision": ratio(self.events_source_ok, self.events),
                "target_precision": ratio(self.events_target_ok, self.events),
                "both_precision": ratio(self.events_both_ok, self.events),
                "both_precision_dyadic": ratio(self.events_both_ok, self.dyadic_events),
            },
            "class": {
                "labelled": self.labelled, "labelled_with_events": self.labelled_with_events,
                "any_event_agrees": ratio(self.class_any, self.labelled_with_events),
                "first_event_agrees": ratio(self.class_first, self.labelled_with_events),
                "event_agreement": ratio(self.class_events_ok, self.class_events),
                "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
            },
        }


def score_sentence(doc: Document, gold: ConflibertSentence, tally: Tally, offsets: OffsetMap | None = None) -> None:
    """Add one sentence's figures to ``tally``; ``offsets`` maps ``doc`` offsets to ``gold.text``."""
    offsets = offsets or OffsetMap(gold.text, doc.text)
    tally.sentences += 1
    tally.aligned += offsets.aligned
    mentions = {a.id: [offsets.span(m.start, m.end) for m in a.mentions] for a in doc.actors}
    sources, targets = gold.source_spans, gold.target_spans
    judged = [(e, bool(sources) and _hits(mentions.get(e.source, ()), sources),
               bool(targets) and _hits(mentions.get(e.target, ()), targets)) for e in doc.events]

    tally.sentences_with_events += bool(doc.events)
    tally.with_source += bool(sources)
    tally.with_target += bool(targets)
    tally.with_both += bool(sources) and bool(targets)
    tally.source_hit += any(s for _, s, _ in judged)
    tally.target_hit += any(t for _, _, t in judged)
    tally.both_hit += any(s and t for _, s, t in judged)

    if sources or targets:
        for event, source_ok, target_ok in judged:
            tally.events += 1
            tally.dyadic_events += event.source is not None and event.target is not None
            tally.events_source_ok += source_ok
            tally.events_target_ok += target_ok
            tally.events_both_ok += source_ok and target_ok

    if gold.label is not None:
        tally.labelled += 1
        if doc.events:
            classes = [event_class(e) for e in sorted(doc.events, key=lambda e: e.trigger.start)]
            tally.labelled_with_events += 1
            tally.class_any += gold.label in classes
            tally.class_first += classes[0] == gold.label
            tally.class_events += len(classes)
            tally.class_events_ok += sum(c == gold.label for c in classes)
            tally.confusion[(gold.label, classes[0])] += 1


def score_conflibert(pipeline, sentences: Sequence[ConflibertSentence], *, batch_size: int = 64) -> dict:
    """Run ``pipeline`` (built with ``monadic=True``) on every sentence and score its events."""
    tally = Tally()
    texts = ({"text": s.text, "id": str(s.index)} for s in sentences)
    for gold, doc in zip(sentences, pipeline.extract_many(texts, batch_size=batch_size)):
        score_sentence(doc, gold, tally)
    return tally.as_dict()


# ---------------------------------------------------------------- command line

def format_report(figures: dict) -> str:
    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    r, p, c = figures["recall"], figures["precision"], figures["class"]
    return "\n".join([
        f"sentences: {figures['sentences']}  with events: {r['sentences_with_events']}  "
        f"aligned after cleaning: {figures['aligned']}",
        "",
        "recall (sentences where some event's actor overlaps the gold span)",
        f"  source  {r['source_hit']:>5} / {r['with_gold_source']:<5} {pct(r['source_rate'])}",
        f"  target  {r['target_hit']:>5} / {r['with_gold_target']:<5} {pct(r['target_rate'])}",
        f"  both    {r['both_hit']:>5} / {r['with_both']:<5} {pct(r['both_rate'])}   (one event, both sides)",
        "",
        f"precision (of {p['events']} events, {p['dyadic_events']} with both actors)",
        f"  source ok {pct(p['source_precision'])}  target ok {pct(p['target_precision'])}  "
        f"both ok {pct(p['both_precision'])}  (dyadic only: {pct(p['both_precision_dyadic'])})",
        "",
        f"class agreement ({c['labelled_with_events']} of {c['labelled']} labelled sentences have events)",
        f"  any event {pct(c['any_event_agrees'])}  first event {pct(c['first_event_agrees'])}  "
        f"per event {pct(c['event_agreement'])}",
    ])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyad.eval.conflibert", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help=f"the ConfliBERT CAMEO folder with {NER_FILE}")
    parser.add_argument("--limit", type=int, default=0, help="at most the first N sentences (0: all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path")
    args = parser.parse_args(argv)
    try:
        sentences = load_conflibert(args.data_dir, limit=args.limit or None)
    except (FileNotFoundError, ValueError) as err:
        print(f"Error: {err}", file=sys.stderr)
        return 2

    from ..errors import DyadError
    from ..pipeline import DEFAULT_MODEL, Pipeline

    try:
        pipeline = Pipeline(args.model or DEFAULT_MODEL, monadic=True)
    except DyadError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    figures = score_conflibert(pipeline, sentences)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(figures, indent=2) if args.json else format_report(figures) + f"\n\nseconds: {figures['seconds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
