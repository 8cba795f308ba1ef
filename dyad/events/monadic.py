"""The trigger lexicon for one-sided events (``--monadic``): the rows of ``lexicon.py`` plus
PETRARCH2's bare verb rows for acts of force, protest and coercion.

A dyadic event needs a source and a target, so the lexicon leaves out PETRARCH2's bare verbs of a
synonym block ("wound", "injure", "abduct", "ransack"): with no noun to pin them down they are too
broad to decide a dyad. An act of force is an event whoever does it ("nine people were wounded",
"gunmen ransacked the office"), so with ``--monadic`` such a verb is read as its bare PETRARCH2
row, a fallback after the word's own rows, when the hand table does not code the word. Verbs of a
block whose everyday sense is no act of force ("contain", "match", "master", "ring") are listed in
the word class ``broad_force_verbs`` and stay out, as do the verbs that only say an event noun
happened (``occurring_verbs``: "a car bomb exploded" is the bomb's event)."""
from __future__ import annotations

from functools import lru_cache

from ..data_files import data_path
from ..lexicons import word_class
from .lexicon import PETRARCH_FILE, Pattern, read_rows

# protest, military posture, coercion, assault, fighting, mass violence: acts told whoever does them
FORCE_ROOTS = ("14", "15", "17", "18", "19", "20")


def monadic_lexicon(lexicon: dict[tuple[str, str], tuple[Pattern, ...]]) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """``lexicon`` with the bare PETRARCH2 verb rows of ``FORCE_ROOTS`` added after each word's
    own rows, for words the hand table does not code."""
    if not data_path(PETRARCH_FILE).is_file():
        return lexicon
    out = dict(lexicon)
    for pattern in _bare_force_rows():
        key = (pattern.lemma, pattern.pos)
        rows = out.get(key, ())
        if any(not p.origin for p in rows) or any(p.cameo == pattern.cameo and not p.particle and not p.object_class for p in rows):
            continue  # the hand table decides what a word it codes means
        out[key] = rows + (pattern,)
    return out


@lru_cache(maxsize=1)
def _bare_force_rows() -> tuple[Pattern, ...]:
    # "a car bomb exploded": a verb that only says the event its subject names happened is a mention of it
    broad = word_class("broad_force_verbs") | word_class("occurring_verbs")
    seen: set[str] = set()
    rows = []
    for pattern in read_rows(data_path(PETRARCH_FILE)):
        if (pattern.pos == "VERB" and not pattern.particle and not pattern.object_class and pattern.attested
                and pattern.cameo[:2] in FORCE_ROOTS and pattern.lemma not in broad and pattern.lemma not in seen):
            seen.add(pattern.lemma)  # the first row of a word, as PETRARCH2 lists its main sense first
            rows.append(pattern)
    return tuple(rows)
