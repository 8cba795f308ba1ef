"""Freeze dyad's output on fixed text sets, and diff two snapshots record by record.

A refactor must leave the output unchanged except where a change is intended; this is
how that is checked. ``write`` runs the pipeline on the gold articles, the first N
Wikinews articles, the ConfliBERT sentences and the PolNeAR dev articles (the last
three from the read-only ``shared/data`` folder; nothing from them is stored in the
project) and writes one JSON line per text. ``diff`` compares two snapshots and counts,
per set and per part (actors, events, quotes, ...), how many texts changed.

    python tools/snapshot.py write --data ../shared/data --out /tmp/before.jsonl
    python tools/snapshot.py diff /tmp/before.jsonl /tmp/after.jsonl [--show 5]
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

PARTS = ("actors", "events", "quotes", "sentences", "warnings")


def texts(data: Path, gold: Path, wikinews_limit: int):
    """(set, key, text, published) for every text of the four sets, in a fixed order."""
    from dyad.eval.conflibert import load_conflibert
    from dyad.eval.polnear import load_polnear
    from dyad.eval.scorer import gold_files, load_gold

    for path in gold_files(gold):
        record = load_gold(path)
        yield "gold", path.stem, record["text"], record.get("published")
    csv.field_size_limit(sys.maxsize)
    count = 0
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with (data / "wikinews" / "data" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if count >= wikinews_limit:
                    break
                count += 1
                yield "wikinews", row["url"], row["text"], row["date"]
    for sentence in load_conflibert(data / "conflibert"):
        yield "conflibert", str(sentence.index), sentence.text, None
    for doc in load_polnear(data / "polnear" / "dev"):
        yield "polnear", doc.name, doc.text, None


def write(args: argparse.Namespace) -> int:
    from dyad.pipeline import Pipeline

    pipeline = Pipeline()
    items = list(texts(Path(args.data), Path(args.gold), args.wikinews))
    articles = ({"text": text, "published": published} for _, _, text, published in items)
    with open(args.out, "w", encoding="utf-8") as out:
        for (kind, key, _, _), doc in zip(items, pipeline.extract_many(articles)):
            record = doc.to_dict()
            record.pop("text")
            out.write(json.dumps({"set": kind, "key": key, "doc": record}, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(items)} texts -> {args.out}")
    return 0


def _load(path: str) -> dict[tuple[str, str], dict]:
    with open(path, encoding="utf-8") as handle:
        return {(r["set"], r["key"]): r["doc"] for r in map(json.loads, handle)}


def _key(record, names: dict[str, str]) -> str:
    """A record as compared: without its id, which renumbers when an earlier record goes, and
    with the actors it points at named (actor ids renumber when an earlier actor goes)."""
    if isinstance(record, dict):
        record = {k: v for k, v in record.items() if k != "id"}
        for field in ("source", "target", "speaker", "organization"):
            if record.get(field) in names:
                record[field] = names[record[field]]
        for field in ("affiliations", "members"):
            if isinstance(record.get(field), list):
                record[field] = sorted(names.get(a, a) for a in record[field])
        if isinstance(record.get("roles"), list):
            record["roles"] = [{**r, "organization": names.get(r.get("organization"), r.get("organization"))} for r in record["roles"]]
    return json.dumps(record, sort_keys=True)


def _changed(old: dict, new: dict, part: str) -> bool:
    old_names = {a["id"]: a["name"] for a in old.get("actors") or ()}
    new_names = {a["id"]: a["name"] for a in new.get("actors") or ()}
    return ({_key(x, old_names) for x in old.get(part) or ()} != {_key(x, new_names) for x in new.get(part) or ()})


def diff(args: argparse.Namespace) -> int:
    before, after = _load(args.before), _load(args.after)
    changed: Counter = Counter()
    records: Counter = Counter()
    gone: Counter = Counter()
    came: Counter = Counter()
    totals = Counter(kind for kind, _ in before)
    shown = 0
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            changed[(key[0], "missing")] += 1
            continue
        for part in PARTS:
            if old.get(part) != new.get(part) and _changed(old, new, part):
                changed[(key[0], part)] += 1
                old_names = {a["id"]: a["name"] for a in old.get("actors") or ()}
                new_names = {a["id"]: a["name"] for a in new.get("actors") or ()}
                olds = {_key(x, old_names) for x in old.get(part) or ()}
                news = {_key(x, new_names) for x in new.get(part) or ()}
                records[(key[0], part)] += len(olds ^ news)
                gone[(key[0], part)] += len(olds - news)
                came[(key[0], part)] += len(news - olds)
                if shown < args.show:
                    shown += 1
                    print(f"--- {key[0]} {key[1]} {part}")
                    for x in sorted(olds - news):
                        print("  -", x[:400])
                    for x in sorted(news - olds):
                        print("  +", x[:400])
    for kind in sorted(totals):
        parts = ", ".join(f"{part} {changed[(kind, part)]} texts/{records[(kind, part)]} records (-{gone[(kind, part)]} +{came[(kind, part)]})"
                          for part in PARTS + ("missing",) if changed[(kind, part)])
        print(f"{kind}: {totals[kind]} texts; changed: {parts or 'none'}")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("--data", default="../shared/data")
    w.add_argument("--gold", default="tests/gold")
    w.add_argument("--wikinews", type=int, default=300)
    w.add_argument("--out", required=True)
    d = sub.add_parser("diff")
    d.add_argument("before")
    d.add_argument("after")
    d.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)
    return write(args) if args.command == "write" else diff(args)


if __name__ == "__main__":
    sys.exit(main())
