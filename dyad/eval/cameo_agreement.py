"""How dyad's event types agree with people: the ConfliBERT 5-way labels and the CAMEO
roots of the multi-coder study (each sentence coded by four or five people).

* 5-way (``cameo_class_train.tsv``: ``sentence<TAB>label``; 0 statement, 1 verbal
  cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict): dyad's
  main event of the sentence gives its class through the CAMEO root. The labels follow the
  PentaClass grouping used with Phoenix-style CAMEO data, not GDELT's QuadClass: statements
  and appeals (01-02) are class 0, intents, consultation and diplomatic cooperation (03-05)
  class 1, material cooperation (06-09) class 2, demands, disapproval, rejection, threats
  and reduced relations (10-13, 16) class 3, protest, force posture, coercion and violence
  (14-15, 17-20) class 4. The QuadClass reading is reported next to it. Accuracy,
  per-class precision/recall/F1 and a confusion matrix; a sentence where dyad codes nothing
  is reported as "none" (strict), and separately with "none" read as a statement (a
  sentence with no cooperation or conflict is a statement in this scheme).
* Multi-coder (``cameo_conflibert_rounds_merged.jsonl``): for each sentence the CAMEO roots
  each coder gave; agreement between two coders is 1 when their first actions share the
  root, and the same for dyad's main event against each coder. dyad's figure is read next
  to the coders' agreement with each other.

The main event: one that happened or was stated (a negated event, "did not attack", is no
event in CAMEO), not a statement when the sentence has another event (the statement
usually only reports it), then the highest confidence, then the first.

    python -m dyad.eval.cameo_agreement ../shared/data [--limit N] [--json]
"""
from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..document import Document, Event
from ..events.cameo import PENTACLASS_BY_ROOT

CLASSES = ("statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


def main_event(doc: Document) -> Event | None:
    happened = [e for e in doc.events if e.realis != "negated"]
    if not happened:
        return None
    substantive = [e for e in happened if e.root not in ("01", "02")]
    pool = substantive or happened
    return max(pool, key=lambda e: (e.confidence, -e.trigger.start))


def pentaclass(event: Event | None) -> int | None:
    """The five-way class of an event's CAMEO root (see the module docstring)."""
    if event is None:
        return None
    return PENTACLASS_BY_ROOT[event.root]


def quadclass_reading(event: Event | None) -> int | None:
    """The same five classes read through GDELT's QuadClass (01-02 still statements)."""
    if event is None:
        return None
    return 0 if event.root in ("01", "02") else event.quad_class


def load_pentaclass(path: Path, limit: int | None = None) -> list[tuple[str, int]]:
    rows: list[tuple[str, int]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if len(row) != 2 or not row[1].strip().isdigit():
                raise ValueError(f"{path}:{n}: expected 'sentence<TAB>label'")
            rows.append((row[0], int(row[1])))
    return rows[:limit] if limit else rows


def score_pentaclass(gold: Sequence[int], predicted: Sequence[int | None]) -> dict:
    def figures(pred: Sequence[int | None]) -> dict:
        confusion = Counter(zip(gold, pred))
        per_class = {}
        for c, name in enumerate(CLASSES):
            tp = confusion[(c, c)]
            fp = sum(v for (g, p), v in confusion.items() if p == c and g != c)
            fn = sum(v for (g, p), v in confusion.items() if g == c and p != c)
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            per_class[name] = {"precision": round(prec, 3), "recall": round(rec, 3),
                               "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0, "n": tp + fn}
        labels = list(range(5)) + [None]
        matrix = [[confusion[(g, p)] for p in labels] for g in range(5)]
        correct = sum(confusion[(c, c)] for c in range(5))
        return {"accuracy": round(correct / len(gold), 3) if gold else None, "per_class": per_class,
                "confusion": {"rows": list(CLASSES), "columns": list(CLASSES) + ["none"], "matrix": matrix}}

    strict = figures(predicted)
    lenient = figures([0 if p is None else p for p in predicted])
    return {"sentences": len(gold), "coded": sum(p is not None for p in predicted),
            "strict": strict, "none_as_statement": lenient}


def load_multicoder(path: Path, limit: int | None = None) -> list[dict]:
    """Sentences with each complete coder's first-action CAMEO root (two digits)."""
    out: dict[str, dict] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            roots = {}
            for coder, data in record["coders"].items():
                actions = sorted(data.get("actions") or [], key=lambda a: a.get("action", 0))
                if data.get("annotation_complete") != "True" or not actions:
                    continue
                root = str(actions[0].get("cameo_root", "")).split(" ")[0].split("-")[-1]
                if root.isdigit():
                    roots[coder] = f"{int(root):02d}"
            if len(roots) >= 2:
                item = out.setdefault(record["sentence"], {"sentence": record["sentence"], "roots": {}})
                item["roots"].update({f"{record['round']}:{c}": r for c, r in roots.items()})
    items = list(out.values())
    return items[:limit] if limit else items


def score_multicoder(items: Sequence[dict], dyad_roots: Sequence[str | None]) -> dict:
    pair_agree = pair_total = dyad_agree = dyad_total = lenient_agree = 0
    for item, mine in zip(items, dyad_roots):
        roots = list(item["roots"].values())
        for a, b in itertools.combinations(roots, 2):
            pair_total += 1
            pair_agree += a == b
        for r in roots:
            dyad_total += 1
            dyad_agree += mine == r
            lenient_agree += (mine or "01") == r
    return {"sentences": len(items), "coder_pairs": pair_total,
            "coder_coder_agreement": round(pair_agree / pair_total, 3) if pair_total else None,
            "dyad_coder_agreement": round(dyad_agree / dyad_total, 3) if dyad_total else None,
            "dyad_coder_agreement_none_as_statement": round(lenient_agree / dyad_total, 3) if dyad_total else None,
            "dyad_coded": sum(r is not None for r in dyad_roots)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="dyad's event types against human coders")
    parser.add_argument("data", type=Path, help="the shared data folder (holds conflibert/ and cameo_multicoder/)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    penta_path = args.data / "conflibert" / "cameo_class_train.tsv"
    multi_path = args.data / "cameo_multicoder" / "cameo_conflibert_rounds_merged.jsonl"
    for path in (penta_path, multi_path):
        if not path.is_file():
            print(f"Error: {path}: not found; pass the folder that holds conflibert/ and cameo_multicoder/", file=sys.stderr)
            return 2
    from ..pipeline import DEFAULT_MODEL, Pipeline

    pipeline = Pipeline(args.model or DEFAULT_MODEL, monadic=True)
    started = time.perf_counter()
    penta = load_pentaclass(penta_path, args.limit)
    docs = pipeline.extract_many({"text": s} for s, _ in penta)
    events = [main_event(d) for d in docs]
    predicted = [pentaclass(e) for e in events]
    figures = {"pentaclass": score_pentaclass([g for _, g in penta], predicted)}
    figures["quadclass_reading"] = score_pentaclass([g for _, g in penta], [quadclass_reading(e) for e in events])
    items = load_multicoder(multi_path, args.limit)
    roots = [(lambda e: e.root if e else None)(main_event(d)) for d in pipeline.extract_many({"text": i["sentence"]} for i in items)]
    figures["multicoder"] = score_multicoder(items, roots)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    p = figures["pentaclass"]
    print(f"5-way ({p['sentences']} sentences, dyad codes {p['coded']}): accuracy strict {p['strict']['accuracy']}, "
          f"none-as-statement {p['none_as_statement']['accuracy']}")
    q = figures["quadclass_reading"]
    print(f"  read through GDELT QuadClass instead: strict {q['strict']['accuracy']}, "
          f"none-as-statement {q['none_as_statement']['accuracy']}")
    for name, f in p["none_as_statement"]["per_class"].items():
        print(f"  {name:22s} P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} (n={f['n']})")
    print("  confusion (rows gold, columns dyad; last column: no event):")
    for name, row in zip(CLASSES, p["strict"]["confusion"]["matrix"]):
        print(f"  {name:22s} " + " ".join(f"{v:5d}" for v in row))
    m = figures["multicoder"]
    print(f"multi-coder ({m['sentences']} sentences, {m['coder_pairs']} coder pairs): coder-coder root agreement "
          f"{m['coder_coder_agreement']}, dyad-coder {m['dyad_coder_agreement']} (dyad codes {m['dyad_coded']}; "
          f"{m['dyad_coder_agreement_none_as_statement']} with no event read as a statement, 01)")
    print(f"seconds: {figures['seconds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
