"""Freeze the five folds of the ConfliBERT CAMEO sentences: ``dyad/data/conflibert_folds.tsv``.

    python tools/build_conflibert_folds.py [CONFLIBERT_DIR] [--out dyad/data/conflibert_folds.tsv]

A sentence's fold is ``int(sha1(key).hexdigest(), 16) % 5`` where ``key`` is
``dyad.eval.conflibert.join_key`` of its text (letters and digits, lower case), the rule
``dyad.events.learned.fold_of`` applies. The file lists, for every sentence of
``cameo_ner_train.txt`` in order, its index, the sha1 of its key (no text is copied) and its
fold, so a figure "on folds it was not trained on" can be checked against it.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.eval.conflibert import join_key, load_conflibert  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "conflibert"
DEFAULT_OUT = ROOT / "dyad" / "data" / "conflibert_folds.tsv"
FOLDS = 5
HEADER = ("# Frozen folds of the ConfliBERT CAMEO sentences (cameo_ner_train.txt), built by\n"
          "# tools/build_conflibert_folds.py. fold = int(sha1(join_key(text)).hexdigest(), 16) % 5; key_sha1 is that sha1.\n"
          "sentence\tkey_sha1\tfold\n")


def fold_of(key: str) -> int:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % FOLDS


def rows(data: Path) -> list[tuple[int, str, int]]:
    out = []
    for sentence in load_conflibert(data):
        key = join_key(sentence.text)
        out.append((sentence.index, hashlib.sha1(key.encode("utf-8")).hexdigest(), fold_of(key)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.data / "cameo_ner_train.txt").is_file():
        sys.exit(f"Error: {args.data}: no cameo_ner_train.txt; pass the ConfliBERT CAMEO folder")
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for index, digest, fold in rows(args.data):
            handle.write(f"{index}\t{digest}\t{fold}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
