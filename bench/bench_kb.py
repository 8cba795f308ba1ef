"""Cost of the knowledge base: load time, and actor matching per document, with the Phoenix
dictionaries and heads_2000.tsv (the default) against the hand-kept files alone (the KB before
issue 14), each beside bare spaCy ``nlp.pipe`` on the same texts.

    python bench/bench_kb.py [--data DIR] [--limit N]

Texts: the Wikinews CSVs of bench_extract.py. Matching is ``find_mentions`` + ``resolve_actors``
on already-parsed Docs; the ratio printed is (spaCy + matching) over spaCy alone, so 1.10 means
the actors stage adds 10% to a bare parse.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import DEFAULT_DATA, load_texts  # noqa: E402


def hand_kept_kb():
    """The knowledge base as it was before the Phoenix dictionaries: the hand-kept files only."""
    from dyad.actors import kb as K
    from dyad.data_files import data_path
    kb = K.KnowledgeBase()
    K.load_countries(kb, data_path("countries.tsv"))
    K.load_igos(kb, data_path("igos.tsv"))
    K.load_organizations(kb, data_path("organizations.tsv"))
    K.load_agents(kb, data_path("agents.tsv"))
    K.load_shared_names(kb, data_path("shared_names.tsv"))
    return kb


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    from dyad.actors.kb import _load_kb
    from dyad.actors.mentions import _matcher, find_mentions
    from dyad.actors.resolve import resolve_actors
    from dyad.config import DEFAULT_MODEL
    from dyad.events.dates import parse_published
    from dyad.pipeline import load_model

    nlp = load_model(DEFAULT_MODEL)
    rows = load_texts(args.data, args.limit)
    texts = [r["text"] for r in rows]
    list(nlp.pipe(texts[:10]))  # warm-up
    docs, spacy_s = timed(lambda: list(nlp.pipe(texts, batch_size=16)))
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars} characters; bare spaCy nlp.pipe {spacy_s:.2f} s")
    for label, build in (("before (hand-kept files)", hand_kept_kb),
                         ("after (default: + Phoenix, heads_2000)", lambda: _load_kb.__wrapped__(()))):
        kb, load_s = timed(build)
        _, matcher_s = timed(lambda: _matcher(nlp, kb))
        for doc in docs[:5]:  # warm-up: lazily loaded tables (the gazetteer) are not the KB's cost
            resolve_actors(doc, find_mentions(doc, kb, nlp), kb)
        def match():
            for doc, row in zip(docs, rows):
                resolve_actors(doc, find_mentions(doc, kb, nlp), kb, parse_published(row.get("published")))
        _, match_s = timed(match)
        print(f"{label}: load {load_s:.2f} s + matcher {matcher_s:.2f} s (once per process); "
              f"{len(kb.surfaces)} names, {len(kb.people.by_key)} person keys; matching "
              f"{1000 * match_s / len(docs):.1f} ms/doc; (spaCy + matching) / spaCy = {(spacy_s + match_s) / spacy_s:.3f}")


if __name__ == "__main__":
    main()
