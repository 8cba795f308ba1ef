"""The trigger lexicon: lemma -> CAMEO code and argument frame.

Hand rows come from ``dyad/data/triggers.tsv``; rows converted from PETRARCH2's verb dictionary
(``petrarch_verbs.tsv``, built by ``tools/build_petrarch_verbs.py``) are added under the rule in
``dyad/data/README.md``: a hand row wins on an identical key, and a lemma the hand table already
codes gets no bare PETRARCH row, only constrained ones (a particle, a prepositional phrase or an
object noun)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..data_files import data_path, read_tsv
from ..errors import DataFileError
from .cameo import cameo_table

SLOT = re.compile(r"^(dobj|iobj|particle|poss|none|nsubj|governor|compound|prep:[a-z]+)$")
OBJECT_CLASSES = ("", "ACTOR", "PERSON", "STATEMENT", "THING")
NOUN_PREFIX = "noun:"  # object_class "noun:PHRASE": the object is that noun (rows from PETRARCH2)
PETRARCH_FILE = "petrarch_verbs.tsv"
# The target the converter writes for a PETRARCH2 object-noun pattern with no target mark (+).
GUESSED_TARGET = ("iobj", "prep:to", "prep:with", "prep:against", "prep:on")


@dataclass(frozen=True, slots=True)
class Pattern:
    lemma: str
    pos: str  # VERB or NOUN
    particle: str  # "", a particle/preposition word, or "mod:WORD"
    cameo: str
    target: tuple[str, ...]
    source: tuple[str, ...]
    object_class: str
    line: int
    origin: str = ""  # "" for a hand row, else the PETRARCH2 dictionary line
    attested: bool = True  # a PETRARCH2 row on the verb its pattern was found with
    gated: bool = False  # a PETRARCH2 row on a word the hand table codes: coded only if the learned layer passes it

    @property
    def specificity(self) -> int:
        particle = 3 if " " in self.particle else 2 if self.particle else 0
        return particle + (2 if self.object_class.startswith(NOUN_PREFIX) else 1 if self.object_class else 0)


def _slots(path: Path, lineno: int, value: str, default: str) -> tuple[str, ...]:
    slots = tuple(s.strip() for s in (value or default).split(",") if s.strip())
    for slot in slots:
        if not SLOT.match(slot):
            raise DataFileError(str(path), lineno, f"unknown slot {slot!r}; use dobj, iobj, particle, poss, governor, compound, nsubj, none or prep:WORD")
    return slots


def load_lexicon(path: str | Path | None = None, extra: str | Path | None = None) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """The hand rows of ``path`` (``triggers.tsv``) and, when ``path`` is the default, the
    PETRARCH2 rows (``extra``, ``petrarch_verbs.tsv`` when present)."""
    if extra is None and path is None and data_path(PETRARCH_FILE).is_file():
        extra = data_path(PETRARCH_FILE)
    return _load(str(path or data_path("triggers.tsv")), str(extra or ""))


@lru_cache(maxsize=4)
def _load(path_text: str, extra_text: str = "") -> dict[tuple[str, str], tuple[Pattern, ...]]:
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pattern in _read(Path(path_text)):
        index.setdefault((pattern.lemma, pattern.pos), []).append(pattern)
    if extra_text:
        hand_keys = {_key(p) for patterns in index.values() for p in patterns}
        hand_lemmas = set(index)
        for pattern in _read(Path(extra_text)):
            if _key(pattern) in hand_keys:
                continue  # a hand row wins on an identical key
            if not pattern.attested:
                continue  # a pattern spread to a synonym it was not found with
            if pattern.target == GUESSED_TARGET:
                continue  # the pattern does not say where its target is
            if not _names_a_noun(pattern):
                continue  # a verb of a synonym block, bare or with a particle only, is too broad ("lead", "look to")
            if (pattern.lemma, pattern.pos) in hand_lemmas:
                # the hand table decides what a word it codes means, unless the learned layer
                # is sure of the PETRARCH2 row (``learned.score_candidates``, ``gate_below``)
                pattern = replace(pattern, gated=True)
            index.setdefault((pattern.lemma, pattern.pos), []).append(pattern)
    # most specific first; among equals the longer noun phrase, then the hand row
    order = lambda p: (-p.specificity, -p.object_class.count(" ") - p.particle.count(" "), bool(p.origin))  # noqa: E731
    return {key: tuple(sorted(pats, key=order)) for key, pats in index.items()}


def _names_a_noun(pattern: Pattern) -> bool:
    """A row that names the noun the verb acts on or reaches ("rushed aid", "withdrew from the treaty")."""
    return pattern.object_class.startswith(NOUN_PREFIX) or (" " in pattern.particle and not pattern.particle.startswith("mod:"))


def _key(pattern: Pattern) -> tuple[str, str, str, str]:
    return pattern.lemma, pattern.pos, pattern.particle, pattern.object_class


@lru_cache(maxsize=512)
def _cached_slots(value: str, default: str) -> tuple[str, ...] | None:
    """Slots of a value seen before (the PETRARCH2 file repeats a few dozen over 41,000 rows);
    None for a bad value, which ``_slots`` then reports with its file and line."""
    try:
        return _slots(Path(), 0, value, default)
    except DataFileError:
        return None


def _slots_at(path: Path, lineno: int, value: str, default: str) -> tuple[str, ...]:
    return _cached_slots(value, default) or _slots(path, lineno, value, default)


def read_rows(path: Path):
    """Every row of a trigger file as a ``Pattern``, checked as the loader checks it."""
    yield from _read(Path(path))


def _read(path: Path):
    table = cameo_table()
    for lineno, row in read_tsv(path, ("lemma", "pos", "particle", "cameo", "target", "source", "object_class")):
        pos = row["pos"].upper()
        if pos not in ("VERB", "NOUN"):
            raise DataFileError(str(path), lineno, f"pos {row['pos']!r} must be VERB or NOUN")
        if row["cameo"] not in table:
            raise DataFileError(str(path), lineno, f"unknown CAMEO code {row['cameo']!r}")
        if row["object_class"] not in OBJECT_CLASSES and not row["object_class"].startswith(NOUN_PREFIX):
            raise DataFileError(str(path), lineno, f"object_class {row['object_class']!r} must be one of {', '.join(c for c in OBJECT_CLASSES if c)}, noun:PHRASE or empty")
        default_source = "nsubj" if pos == "VERB" else "poss,prep:by,governor"
        yield Pattern(
            lemma=row["lemma"].lower(), pos=pos, particle=row["particle"].lower(), cameo=row["cameo"],
            target=_slots_at(path, lineno, row["target"], "dobj"), source=_slots_at(path, lineno, row["source"], default_source),
            object_class=row["object_class"], line=lineno, origin=row.get("origin", ""),
            attested=row.get("attested", "yes") == "yes",
        )
