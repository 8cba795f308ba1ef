"""Train the learned event layer (``dyad/events/learned.py``) and measure it on held-out data.

Reads ``../shared/data`` (never copied here): the ConfliBERT class sentences (5-way label per
sentence), the multi-coder sentences (CAMEO root per marked action word), the PLOVER
development half (event type per sentence) and the gold articles ``tests/gold`` 01-50 (never
51 and up). Every text is parsed once and the parses are cached under ``/tmp`` (``--cache``).
The rule candidates of each text (after all the coder's passes) are turned into rows, one per
candidate and code the lexicon offers for its word, labelled 1 when that code is right.

    python tools/train_event_model.py                     # train on everything but fold 4, write dyad/data/event_model.npz
    python tools/train_event_model.py --evaluate          # also: 5-fold held-out ConfliBERT 5-way accuracy, before -> after
    python tools/train_event_model.py --no-plover --plover-score   # cross-dataset: trained without PLOVER, scored on it

ConfliBERT folds are frozen: ``learned.fold_of(join_key(sentence))``. The shipped model is
trained on folds 0-3 (with the other sets' sentences of fold 4 left out as well), so fold 4 is
a test no part of it has seen.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.clean import clean_text  # noqa: E402
from dyad.eval.conflibert import Tally, join_key, load_conflibert, read_labels, score_sentence  # noqa: E402
from dyad.events import coder, learned  # noqa: E402
from dyad.events.cameo import lookup, plover_type  # noqa: E402
from dyad.events.dates import parse_published  # noqa: E402
from dyad.events.realis import REALIS_BY_ROOT  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
TEST_FOLD = 4
PLOVER_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
SEED_CONFIG = {"l2": 1e-3, "steps": 300, "rate": 0.5, "recode_margin": 0.15, "drop_below": 0.0, "rescue_above": 0.3,
               "gate_below": 0.5}


@dataclass
class Item:
    """One text to parse and how its candidates are labelled."""

    dataset: str
    key: str  # fold key (join_key of the sentence) or file name
    text: str
    published: str | None = None
    label: int | None = None  # ConfliBERT 5-way class
    actions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, root) in text
    plover: str | None = None
    ner: object = None  # the ConfliBERT NER sentence, for scoring

    @property
    def fold(self) -> int | None:
        return learned.fold_of(self.key) if self.dataset in ("conflibert", "conflibert_ner", "multicoder") else None


# ---------------------------------------------------------------- the data

def conflibert_items(data: Path) -> list[Item]:
    labels = read_labels((data / "conflibert" / "cameo_class_train.tsv").read_text(encoding="utf-8"))
    items = []
    for line in (data / "conflibert" / "cameo_class_train.tsv").read_text(encoding="utf-8").splitlines():
        text, _, _ = line.rpartition("\t")
        if text.strip():
            items.append(Item("conflibert", join_key(text), text, label=labels[join_key(text)]))
    return items


def conflibert_ner_items(data: Path) -> list[Item]:
    """The sentences ``dyad.eval.conflibert`` scores (token-joined), with their labels."""
    return [Item("conflibert_ner", join_key(s.text), s.text, label=s.label, ner=s)
            for s in load_conflibert(data / "conflibert") if s.label is not None]


def multicoder_items(data: Path) -> list[Item]:
    items = []
    for line in (data / "cameo_multicoder" / "cameo_conflibert_rounds_merged.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        text, actions = row["sentence"], []
        for coded in row["coders"].values():
            roots = {f"Action-{a['action']}": re.search(r"-(\d+)", a.get("cameo_root") or "") for a in coded["actions"]}
            for kind, word, start in coded["entities"]:
                found = roots.get(kind)
                if found and isinstance(start, int):
                    actions.append((start, start + len(word), found.group(1).zfill(2)))
        if any(c["annotation_complete"] == "True" for c in row["coders"].values()):
            items.append(Item("multicoder", join_key(text), text, actions=actions))
    return items


def plover_items(data: Path) -> list[Item]:
    records = json.loads((data / "plover_gsr_dev" / "PLOVER_GSR_dev.json").read_text(encoding="utf-8"))
    return [Item("plover", r["id"], r["text"], plover=PLOVER_OLD_NAMES.get(r["event"], r["event"]))
            for r in records if r.get("text") and r.get("event")]


def gold_items(gold_dir: Path) -> list[Item]:
    from dyad.eval.scorer import load_gold

    items = []
    for path in sorted(gold_dir.glob("*.yaml")):
        if not path.name[:2].isdigit() or not 1 <= int(path.name[:2]) <= 50:
            continue  # 51 and up are blind: never trained on
        gold = load_gold(path)
        text = clean_text(gold["text"]).text
        actions = []
        for event in gold["events"]:
            trigger, root = str(event.get("trigger") or ""), str(event.get("root") or str(event.get("cameo", ""))[:2])
            for m in re.finditer(rf"(?<!\w){re.escape(trigger)}(?!\w)", text) if trigger else ():
                actions.append((m.start(), m.end(), root))
        items.append(Item("gold", path.name, gold["text"], published=gold.get("published"), actions=actions))
    return items


# ---------------------------------------------------------------- parsing, cached

def parsed(pipeline, items: list[Item], cache: Path, name: str) -> list:
    """The spaCy Docs of ``items`` (cleaned text), from ``cache`` when the texts are the same."""
    from spacy.tokens import DocBin

    texts = [clean_text(item.text).text for item in items]
    digest = hashlib.sha1(("\0".join(texts) + pipeline.model_name).encode("utf-8")).hexdigest()[:12]
    path = cache / f"{name}-{digest}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(pipeline.nlp.vocab))
    docs = list(pipeline.nlp.pipe(texts, batch_size=32, n_process=1))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def run_stages(pipeline, item: Item, doc):
    """The Document dyad makes of ``doc`` (the pipeline's own stages, from the cached parse)."""
    published = parse_published(item.published)
    return pipeline._document([pipeline._stages(doc, published, 0)], {"text": item.text, "published": item.published},
                              clean_text(item.text), published)


# ---------------------------------------------------------------- rows

def _label(item: Item, candidate, code: str) -> int:
    if item.label is not None:
        return int(learned.pentaclass(code) == item.label)
    if item.plover is not None:  # the event's PLOVER type, as coder._events_of gives it
        realis = REALIS_BY_ROOT.get(code[:2], candidate.realis) if candidate.realis in ("asserted", "intended") else candidate.realis
        return int(plover_type(lookup(code), realis) == item.plover)
    start = candidate.trigger.idx
    end = max(start + len(candidate.trigger.text), candidate.tok.idx + len(candidate.tok.text))
    start = min(start, candidate.tok.idx)
    return int(any(s < end and start < e and root == code[:2] for s, e, root in item.actions))


def candidate_rows(pipeline, items: list[Item], docs: list) -> list[tuple[Item, list[tuple[np.ndarray, int]]]]:
    """Per item, a (hashed features, label) row for each candidate and code the lexicon offers."""
    captured: list = []
    real = coder.score_candidates

    def record(candidates, context):
        captured.append((candidates, context))
        return candidates, {}

    out = []
    coder.score_candidates = record
    try:
        for item, doc in zip(items, docs):
            captured.clear()
            run_stages(pipeline, item, doc)
            rows = []
            for candidates, context in captured:
                for candidate in candidates:
                    words = learned.sentence_words(candidate)
                    for code in learned.alternatives(candidate, context):
                        rows.append((learned.hashed(learned.features(candidate, code, context, words)),
                                     _label(item, candidate, code)))
            out.append((item, rows))
    finally:
        coder.score_candidates = real
    return out


def train(rows_by_item, config: dict, *, keep=lambda item: True) -> learned.EventModel:
    rows, labels, weights = [], [], []
    per_set = Counter(item.dataset for item, rows_ in rows_by_item if keep(item) for _ in rows_)
    for item, item_rows in rows_by_item:
        if not keep(item):
            continue
        for x, y in item_rows:
            rows.append(x)
            labels.append(y)
            weights.append(1000.0 / per_set[item.dataset])  # each data set weighs the same
    w = learned.fit(rows, labels, l2=config["l2"], steps=config["steps"], rate=config["rate"], sample_weight=weights)
    return learned.EventModel(w, config["recode_margin"], config["drop_below"], config["rescue_above"], config["gate_below"])


# ---------------------------------------------------------------- measuring

def five_way(pipeline, items: list[Item], docs: list, model) -> dict:
    """``dyad.eval.conflibert`` figures of ``items`` with ``model`` (None: rules only)."""
    tally, main = Tally(), 0
    with learned.using(model):
        for item, doc in zip(items, docs):
            document = run_stages(pipeline, item, doc)
            score_sentence(document, item.ner, tally)
            if document.events:  # the event dyad would choose: highest confidence, then first
                best = max(document.events, key=lambda e: (e.confidence, -e.trigger.start))
                main += learned.pentaclass(best.cameo) == item.label
    c, n = tally.as_dict()["class"], tally.labelled
    return {"labelled": n, "with_events": c["labelled_with_events"],
            "first_event": c["first_event_agrees"], "any_event": c["any_event_agrees"],
            "first_event_of_all": round(tally.class_first / n, 3) if n else None,
            "main_event_of_all": round(main / n, 3) if n else None}


def plover_score(pipeline, items: list[Item], docs: list, model) -> dict:
    """PLOVER type of the event dyad would choose for the sentence (highest confidence, then first)."""
    main = anyhit = with_events = 0
    with learned.using(model):
        for item, doc in zip(items, docs):
            events = run_stages(pipeline, item, doc).events
            if not events:
                continue
            with_events += 1
            best = max(events, key=lambda e: (e.confidence, -e.trigger.start))
            main += best.plover == item.plover
            anyhit += any(e.plover == item.plover for e in events)
    n = len(items)
    return {"sentences": n, "with_events": with_events, "main_type": round(main / n, 3), "any_type": round(anyhit / n, 3)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/dyad_event_model_cache"))
    parser.add_argument("--out", type=Path, default=ROOT / "dyad" / "data" / learned.MODEL_FILE)
    parser.add_argument("--no-plover", action="store_true", help="leave the PLOVER half out of training")
    parser.add_argument("--evaluate", action="store_true", help="5-fold held-out ConfliBERT 5-way accuracy")
    parser.add_argument("--plover-score", action="store_true", help="score the PLOVER half (meaningful with --no-plover)")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help=f"change a setting of {SEED_CONFIG}")
    args = parser.parse_args(argv)

    from dyad.pipeline import Pipeline

    pipeline = Pipeline(monadic=True)
    sets = {"conflibert": conflibert_items(args.data), "multicoder": multicoder_items(args.data),
            "plover": plover_items(args.data), "gold": gold_items(args.gold)}
    if args.no_plover:
        plover_eval = sets.pop("plover")
    rows_by_item = []
    for name, items in sets.items():
        rows_by_item += candidate_rows(pipeline, items, parsed(pipeline, items, args.cache, name))
        print(f"{name}: {len(items)} texts", file=sys.stderr)
    config = dict(SEED_CONFIG)
    for setting in args.set:
        key, _, value = setting.partition("=")
        config[key] = type(SEED_CONFIG[key])(value)
    model = train(rows_by_item, config, keep=lambda item: item.fold != TEST_FOLD)
    report = {"config": config, "rows": sum(len(r) for _, r in rows_by_item)}
    if args.evaluate:
        ner = conflibert_ner_items(args.data)
        ner_docs = parsed(pipeline, ner, args.cache, "conflibert_ner")
        folds = {}
        for k in range(5):
            held = [(i, d) for i, d in zip(ner, ner_docs) if i.fold == k]
            fold_model = model if k == TEST_FOLD else train(rows_by_item, config, keep=lambda item, k=k: item.fold != k)
            items_k, docs_k = [i for i, _ in held], [d for _, d in held]
            folds[k] = {"rules": five_way(pipeline, items_k, docs_k, None), "learned": five_way(pipeline, items_k, docs_k, fold_model)}
            print(f"fold {k}: {folds[k]}", file=sys.stderr)
        report["conflibert_folds"] = folds
        for figure in ("first_event_of_all", "main_event_of_all"):
            for side in ("rules", "learned"):
                total = sum(f[side][figure] * f[side]["labelled"] for f in folds.values())
                report[f"{side}_{figure}"] = round(total / sum(f[side]["labelled"] for f in folds.values()), 3)
    if args.plover_score:
        items = plover_eval if args.no_plover else sets["plover"]
        docs = parsed(pipeline, items, args.cache, "plover")
        report["plover"] = {"rules": plover_score(pipeline, items, docs, None), "learned": plover_score(pipeline, items, docs, model)}
    if not args.no_write:
        model.save(args.out)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
