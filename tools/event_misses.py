"""Why gold events are missed and predicted ones wrong: one cause per false negative and false
positive of ``dyad eval tests/gold`` (``dyad/eval/misses.py``), counted in a table.

    .venv/bin/python tools/event_misses.py --files 1-50            # the table
    .venv/bin/python tools/event_misses.py --files 1-50 --list fn  # and every miss, by cause
    .venv/bin/python tools/event_misses.py --json misses.json      # all misses as JSON

Run it on the development files only (01-50): the blind files' failures are not studied.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.eval.misses import FN_CAUSES, FP_CAUSES, MissTable, classify_gold  # noqa: E402


def format_table(table: MissTable) -> str:
    lines = []
    for kind, names, title in (("fn", FN_CAUSES, "false negatives"), ("fp", FP_CAUSES, "false positives")):
        counts = table.counts(kind)
        lines.append(f"{title}: {sum(counts.values())} ({table.quoted(kind)} inside a quotation)")
        for name in names:
            if counts.get(name):
                quoted = sum(1 for m in table.misses if m.kind == kind and m.cause == name and m.in_quote)
                lines.append(f"  {counts[name]:4d}  {name}" + (f"  [{quoted} quoted]" if quoted else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT / "tests" / "gold"))
    parser.add_argument("--files", default="1-50", help="a range of gold file numbers (development: 1-50)")
    parser.add_argument("--list", choices=("fn", "fp", "all"), help="also print every miss of this kind")
    parser.add_argument("--cause", help="with --list: only causes containing this text")
    parser.add_argument("--json", help="write every miss to this JSON file")
    args = parser.parse_args(argv)
    low, _, high = args.files.partition("-")
    numbers = range(int(low), int(high or low) + 1)
    if numbers.stop > 51:
        parser.error("files 51-90 are blind: their failures are not studied")
    from dyad.pipeline import Pipeline

    table = classify_gold(Path(args.gold), Pipeline(), numbers)
    if args.list:
        for miss in sorted(table.misses, key=lambda m: (m.kind, m.cause, m.file)):
            if args.list in (miss.kind, "all") and (not args.cause or args.cause in miss.cause):
                print(f"[{miss.kind}] {miss.cause} | {miss.file} | {miss.trigger!r} | {miss.detail}"
                      f"{' | quoted' if miss.in_quote else ''}\n      {miss.sentence}")
        print()
    print(format_table(table))
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(m) for m in table.misses], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
