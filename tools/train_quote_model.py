"""Build dyad/data/quote_model.npz: the learned layer of indirect attribution
(``dyad/quotes/learned.py``), from the PolNeAR train split (never dev).

Each verb candidate of a train article (``learned.candidates`` on spaCy's parse of the raw
text) is labelled 1 when the verb lies in an annotated attribution's cue and its content
matches that attribution's content as the PolNeAR scorer matches them
(``dyad.eval.polnear.content_match``: they share half of the shorter span), else 0. (Matching
any content would reward a verb inside someone's reported words: the scorer's half-of-the-
shorter rule lets a short span inside a long content match it.) Articles whose name hashes to fold 0 (``fold_of``) are held out to choose the
threshold: the lowest probability at which the kept held-out candidates reach ``--precision``.
The shipped weights are then fitted on every train article with that threshold.

    python tools/train_quote_model.py ../shared/data/polnear/train [--limit N] [--out PATH]
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.eval.polnear import content_match, load_polnear  # noqa: E402
from dyad.pipeline import DEFAULT_MODEL, load_model  # noqa: E402
from dyad.quotes import learned  # noqa: E402
from dyad.quotes.marks import find_quote_spans, merge_split  # noqa: E402
from dyad.sentences import text_of  # noqa: E402


def fold_of(name: str) -> int:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 5


def examples(docs, parsed) -> tuple[list[np.ndarray], list[int], list[int]]:
    """Hashed rows, labels and the fold of each candidate of every article."""
    rows, labels, folds = [], [], []
    for gold, doc in zip(docs, parsed):
        spans = merge_split(find_quote_spans(text_of(doc))[0], text_of(doc))
        for candidate in learned.candidates(doc, spans):
            rows.append(learned.hashed(learned.features(candidate)))
            labels.append(int(any(_in(candidate.tok.idx, a.cue) and content_match(candidate.span, a.content)
                                  for a in gold.attributions)))
            folds.append(fold_of(gold.name))
    return rows, labels, folds


def _in(char: int, spans) -> bool:
    return any(start <= char < end for start, end in spans)


def threshold_for(probabilities: np.ndarray, labels: np.ndarray, precision: float) -> float:
    """The lowest probability at which the candidates kept reach ``precision``."""
    order = np.argsort(-probabilities)
    hits = np.cumsum(labels[order])
    kept = np.arange(1, len(order) + 1)
    good = np.flatnonzero(hits / kept >= precision)
    return float(probabilities[order][good[-1]]) if len(good) else 1.0


def train(rows, labels, folds, precision: float) -> tuple[learned.QuoteModel, dict]:
    y = np.asarray(labels)
    held = np.asarray(folds) == 0
    weights = learned.fit([r for r, h in zip(rows, held) if not h], y[~held])
    model = learned.QuoteModel(weights, 0.5)
    p = np.array([model.weights[r].sum() for r, h in zip(rows, held) if h], dtype=np.float64)
    p = 1.0 / (1.0 + np.exp(-p))
    keep = threshold_for(p, y[held], precision)
    kept = p >= keep
    report = {"candidates": len(rows), "positives": int(y.sum()), "held_out": int(held.sum()),
              "threshold": round(keep, 3), "held_out_kept": int(kept.sum()),
              "held_out_precision": round(float(y[held][kept].mean()), 3) if kept.any() else None,
              "held_out_recall_of_positives": round(float(y[held][kept].sum() / max(1, y[held].sum())), 3)}
    return learned.QuoteModel(learned.fit(rows, y), keep), report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--precision", type=float, default=0.85, help="held-out precision the threshold keeps")
    parser.add_argument("--out", type=Path, default=ROOT / "dyad" / "data" / learned.MODEL_FILE)
    args = parser.parse_args()
    docs = load_polnear(args.split_dir, limit=args.limit or None)
    nlp = load_model(DEFAULT_MODEL)
    rows, labels, folds = examples(docs, nlp.pipe((d.text for d in docs), batch_size=16))
    model, report = train(rows, labels, folds, args.precision)
    model.save(args.out)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
