"""Quotation attribution scored against PolNeAR (Newell et al., LREC 2018).

A PolNeAR split folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``
(BRAT standoff). Text-bound lines carry a label and character spans into the raw
text, discontinuous spans joined by ``;``::

    T3\tContent 115 290\tthat Hillary Clinton's team ...
    T9\tContent 315 448;463 553\t"One of ..." "Yesterday, ..."

and one event line ties them into an attribution; its trigger is ``Attribution``
or ``Attribution-no-source``, a long content can continue as ``Content2``::

    E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1

``Discard``/``Discuss`` spans belong to no attribution and are ignored. A surface
text may contain newlines, so lines that are neither ``T`` nor ``E`` are skipped.
Two dev articles were annotated by six annotators; the first file (by annotator
id) is used.

Matching: a predicted quote matches a gold attribution when their contents share
at least half of the shorter span. Precision counts predicted quotes matching
any gold content, recall gold contents matched by any predicted quote (a
PolNeAR content often spans two quotations dyad reports separately, so the
matching is not one-to-one). The speaker of the best-overlapping quote is
correct when one of its actor's mentions overlaps the gold source; a quote with
no speaker actor counts as wrong. DIRECT gold contents contain a quotation mark.

    python -m dyad.eval.polnear /path/to/polnear/dev [--limit N] [--json]
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document

QUOTATION_MARKS = frozenset('"“”')
GROUPS = ("all", "direct", "indirect")
Spans = tuple[tuple[int, int], ...]

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
_ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}$")


@dataclass(frozen=True)
class Attribution:
    id: str
    content: Spans
    source: Spans = ()
    cue: Spans = ()
    direct: bool = False


@dataclass(frozen=True)
class PolnearDoc:
    name: str
    text: str
    attributions: tuple[Attribution, ...]
    annotator: str = ""
    n_annotations: int = 1  # how many annotators' files exist for this article


# ---------------------------------------------------------------- loading

def parse_ann(ann: str, text: str) -> tuple[Attribution, ...]:
    """Attributions of one BRAT ``.ann`` file; ``text`` is the article it annotates."""
    spans: dict[str, Spans] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.split("\n"):
        if match := _TEXT_BOUND.match(line):
            spans[match[1]] = tuple(tuple(map(int, seg.split())) for seg in match[3].split(";"))
        elif match := _EVENT.match(line):
            args = [arg.split(":", 1) for arg in match[2].split() if ":" in arg]
            events.append((match[1], [(role, ref) for role, ref in args]))
    attributions = []
    for event_id, args in events:
        roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
        for role, ref in args:
            base = role.rstrip("0123456789")  # Content2 continues Content
            if base in roles and ref in spans:
                roles[base].extend(spans[ref])
        if not roles["Content"]:
            continue  # an unfinished annotation: a trigger with no content
        content = tuple(sorted(roles["Content"]))
        direct = any(ch in QUOTATION_MARKS for start, end in content for ch in text[start:end])
        attributions.append(Attribution(event_id, content, tuple(sorted(roles["Source"])),
                                        tuple(sorted(roles["Cue"])), direct))
    return tuple(attributions)


def load_polnear(split_dir: str | Path, *, limit: int | None = None) -> list[PolnearDoc]:
    """Articles of one PolNeAR split folder (``text/`` and ``attributions/``), sorted by name."""
    root = Path(split_dir)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{root}: expected 'text/' and 'attributions/' folders; pass a PolNeAR split folder such as polnear/dev")
    by_name: dict[str, list[Path]] = {}
    for ann_path in sorted(ann_dir.glob("*.ann")):
        by_name.setdefault(_ANNOTATOR_SUFFIX.sub("", ann_path.stem), []).append(ann_path)
    docs = []
    for text_path in sorted(text_dir.glob("*.txt")):
        ann_paths = by_name.get(text_path.stem)
        if not ann_paths:
            continue
        text = _read(text_path)
        ann_path = ann_paths[0]
        annotator = ann_path.stem[len(text_path.stem) + 1:]
        docs.append(PolnearDoc(text_path.stem, text, parse_ann(_read(ann_path), text), annotator, len(ann_paths)))
        if limit and len(docs) >= limit:
            break
    return docs


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:  # keep "\r": offsets count it
        return handle.read()


# ---------------------------------------------------------------- offsets

class OffsetMap:
    """Maps character offsets in a cleaned text back to the original text."""

    def __init__(self, original: str, cleaned: str) -> None:
        self.identity_shift: int | None = None
        self.ratio = 1.0
        lead = len(original) - len(original.lstrip())
        if cleaned == original.strip():
            self.identity_shift = lead
            return
        if len(cleaned) == len(original):  # character-for-character substitutions (NBSP -> space)
            self.identity_shift = 0
            return
        matcher = difflib.SequenceMatcher(None, original, cleaned, autojunk=False)
        self.ratio = matcher.ratio()
        to_original = [0] * (len(cleaned) + 1)
        for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
            for k in range(j1, j2):
                to_original[k] = i1 + min(k - j1, max(i2 - i1 - 1, 0))
        to_original[len(cleaned)] = len(original)
        self._to_original = to_original

    @property
    def aligned(self) -> bool:
        """True when the texts differed by more than surrounding whitespace or substitutions."""
        return self.identity_shift is None

    def point(self, offset: int) -> int:
        if self.identity_shift is not None:
            return offset + self.identity_shift
        return self._to_original[max(0, min(offset, len(self._to_original) - 1))]

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.point(start), self.point(start)
        return self.point(start), self.point(end - 1) + 1


# ---------------------------------------------------------------- scoring

def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: Iterable[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(overlap(x, y) for x in a for y in b)


def content_match(predicted: tuple[int, int], gold: Spans) -> int:
    """Characters shared when they reach half of the shorter span, else 0."""
    shared = spans_overlap([predicted], gold)
    shorter = min(predicted[1] - predicted[0], sum(e - s for s, e in gold))
    return shared if shorter > 0 and shared * 2 >= shorter else 0


def _group(kind: str) -> str:
    return "indirect" if kind == "indirect" else "direct"  # partial quotes carry quotation marks


@dataclass
class Tally:
    documents: int = 0
    aligned: int = 0
    skipped: int = 0
    multi_annotated: int = 0
    gold: Counter = field(default_factory=Counter)
    gold_matched: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)  # by direct/indirect group
    predicted_matched: Counter = field(default_factory=Counter)
    predicted_kinds: Counter = field(default_factory=Counter)  # by Quote.kind
    predicted_kinds_matched: Counter = field(default_factory=Counter)
    sourced: Counter = field(default_factory=Counter)  # matched gold with a gold source
    source_correct: Counter = field(default_factory=Counter)
    source_strict: Counter = field(default_factory=Counter)  # the nearest mention, or the source's head word
    no_speaker: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        content, source = {}, {}
        for group in GROUPS:
            p = ratio(self.predicted_matched[group], self.predicted[group])
            r = ratio(self.gold_matched[group], self.gold[group])
            content[group] = {
                "predicted": self.predicted[group], "predicted_matched": self.predicted_matched[group],
                "gold": self.gold[group], "gold_matched": self.gold_matched[group],
                "precision": p, "recall": r,
                "f1": round(2 * p * r / (p + r), 3) if p and r else (0.0 if p is not None and r is not None else None),
            }
            source[group] = {
                "matched_with_gold_source": self.sourced[group], "correct": self.source_correct[group],
                "accuracy": ratio(self.source_correct[group], self.sourced[group]),
                "strict_correct": self.source_strict[group],
                "strict_accuracy": ratio(self.source_strict[group], self.sourced[group]),
                "no_speaker": self.no_speaker[group],
            }
        return {
            "documents": self.documents, "aligned": self.aligned, "skipped": self.skipped,
            "multi_annotated": self.multi_annotated,
            "predicted_kinds": {k: {"predicted": self.predicted_kinds[k], "matched": self.predicted_kinds_matched[k]}
                                for k in sorted(self.predicted_kinds)},
            "content": content, "source": source,
        }


def score_document(doc: Document, gold: PolnearDoc, tally: Tally, offsets: OffsetMap | None = None) -> None:
    """Add one article's figures to ``tally``; ``offsets`` maps ``doc`` offsets to ``gold.text``."""
    offsets = offsets or OffsetMap(gold.text, doc.text)
    tally.documents += 1
    tally.aligned += offsets.aligned
    tally.multi_annotated += gold.n_annotations > 1
    quotes = [(q, offsets.span(q.start, q.end)) for q in doc.quotes]
    mentions = {a.id: [offsets.span(m.start, m.end) for m in a.mentions] for a in doc.actors}
    names = {a.id: a.name for a in doc.actors}

    for quote, span in quotes:
        groups = ("all", _group(quote.kind))
        hit = any(content_match(span, g.content) for g in gold.attributions)
        tally.predicted_kinds[quote.kind] += 1
        tally.predicted_kinds_matched[quote.kind] += hit
        for group in groups:
            tally.predicted[group] += 1
            tally.predicted_matched[group] += hit

    for attribution in gold.attributions:
        groups = ("all", "direct" if attribution.direct else "indirect")
        scored = [(content_match(span, attribution.content), quote) for quote, span in quotes]
        best_shared, best = max(scored, key=lambda pair: pair[0], default=(0, None))
        for group in groups:
            tally.gold[group] += 1
        if not best_shared:
            continue
        for group in groups:
            tally.gold_matched[group] += 1
        if not attribution.source:
            continue  # Attribution-no-source: nothing to check the speaker against
        correct = best.speaker is not None and any(
            spans_overlap([m], attribution.source) for m in mentions.get(best.speaker, ()))
        strict = best.speaker is not None and speaker_strictly_right(
            mentions.get(best.speaker, ()), names.get(best.speaker, ""), offsets.span(best.start, best.end),
            attribution.source, gold.text)
        for group in groups:
            tally.sourced[group] += 1
            tally.source_correct[group] += correct
            tally.source_strict[group] += strict
            tally.no_speaker[group] += best.speaker is None


def speaker_strictly_right(mentions: Sequence[tuple[int, int]], name: str, quote: tuple[int, int],
                           source: Spans, text: str) -> bool:
    """The strict speaker score: right when the gold source overlaps the speaker's mention
    nearest the quotation (outside the quoted words), or when the gold source's head word
    is a word of the speaker's name. The lenient score accepts any mention of the actor,
    which flatters coreference that merges different people."""
    outside = [m for m in mentions if m[1] <= quote[0] or m[0] >= quote[1] or not _in_quoted_words(text, quote, m)]
    if outside:
        nearest = min(outside, key=lambda m: quote[0] - m[1] if m[1] <= quote[0] else m[0] - quote[1])
        if spans_overlap([nearest], source):
            return True
    head = _head_word(" ".join(text[s:e] for s, e in source))
    return bool(head) and head.lower() in {w.lower() for w in re.findall(r"[\w'’.-]+", name)}


def _in_quoted_words(text: str, quote: tuple[int, int], mention: tuple[int, int]) -> bool:
    """Whether a mention inside a quotation's extent lies within its quoted words, not in the
    attribution between the pieces of a split quotation (“We are ready,” he said, “to talk.”):
    read from the last quotation mark between the quotation's start and the mention."""
    between = text[quote[0]:mention[0]]
    marks = [ch for ch in between if ch in QUOTATION_MARKS]
    if not marks:
        return True
    if marks[-1] == "”":
        return False
    if marks[-1] == "“":
        return True
    return between.count('"') % 2 == 0


def _head_word(phrase: str) -> str:
    """The head of an English noun phrase: its last word before a comma, "of", "who" or "from"."""
    core = re.split(r",|\b(?:of|who|whose|from|at|in|for|with|that)\b", phrase, maxsplit=1)[0]
    words = re.findall(r"[\w'’.-]+", core)
    return words[-1].rstrip(".") if words else ""


def score_polnear(pipeline, docs: Sequence[PolnearDoc], *, min_ratio: float = 0.9, batch_size: int = 16) -> dict:
    """Run ``pipeline`` on every article and score its quotes; see the module docstring.

    Articles whose cleaned text aligns to the original below ``min_ratio`` are skipped.
    """
    tally = Tally()
    articles = ({"text": d.text, "id": d.name} for d in docs)
    for gold, doc in zip(docs, pipeline.extract_many(articles, batch_size=batch_size)):
        offsets = OffsetMap(gold.text, doc.text)
        if offsets.ratio < min_ratio:
            tally.skipped += 1
            continue
        score_document(doc, gold, tally, offsets)
    return tally.as_dict()


# ---------------------------------------------------------------- command line

def format_report(figures: dict) -> str:
    def pct(value: float | None) -> str:
        return "   -" if value is None else f"{value:.3f}"

    lines = [
        f"documents: {figures['documents']}  aligned after cleaning: {figures['aligned']}  "
        f"skipped: {figures['skipped']}  multi-annotated (first annotator used): {figures['multi_annotated']}",
        "",
        f"{'':9} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'src n':>6} {'src acc':>7} {'strict':>7} {'no spk':>6}",
    ]
    for group in GROUPS:
        c, s = figures["content"][group], figures["source"][group]
        lines.append(f"{group.upper():9} {c['gold']:>5} {c['predicted']:>5} {pct(c['precision']):>6} {pct(c['recall']):>6} "
                     f"{pct(c['f1']):>6} {s['matched_with_gold_source']:>6} {pct(s['accuracy']):>7} "
                     f"{pct(s['strict_accuracy']):>7} {s['no_speaker']:>6}")
    kinds = ", ".join(f"{k} {v['predicted']} ({v['matched']} matched)" for k, v in figures["predicted_kinds"].items())
    lines += ["", f"predicted quotes by kind: {kinds or 'none'}"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyad.eval.polnear", description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", type=Path, help="a PolNeAR split folder with text/ and attributions/")
    parser.add_argument("--limit", type=int, default=0, help="at most N articles (0: all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path")
    args = parser.parse_args(argv)
    try:
        docs = load_polnear(args.split_dir, limit=args.limit or None)
    except FileNotFoundError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 2

    from ..errors import DyadError
    from ..pipeline import DEFAULT_MODEL, Pipeline

    try:
        pipeline = Pipeline(args.model or DEFAULT_MODEL)
    except DyadError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    figures = score_polnear(pipeline, docs)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(figures, indent=2) if args.json else format_report(figures) + f"\n\nseconds: {figures['seconds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
