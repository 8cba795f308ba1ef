"""The trigger lexicon (``dyad/data/triggers.tsv``): lemma -> CAMEO code and argument frame."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data_files import data_path, read_tsv
from ..errors import DataFileError
from .cameo import cameo_table

SLOT = re.compile(r"^(dobj|iobj|particle|poss|none|nsubj|governor|compound|prep:[a-z]+)$")
OBJECT_CLASSES = ("", "ACTOR", "PERSON", "STATEMENT", "THING")


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

    @property
    def specificity(self) -> int:
        return (2 if self.particle else 0) + (1 if self.object_class else 0)


def _slots(path: Path, lineno: int, value: str, default: str) -> tuple[str, ...]:
    slots = tuple(s.strip() for s in (value or default).split(",") if s.strip())
    for slot in slots:
        if not SLOT.match(slot):
            raise DataFileError(str(path), lineno, f"unknown slot {slot!r}; use dobj, iobj, particle, poss, governor, compound, nsubj, none or prep:WORD")
    return slots


def load_lexicon(path: str | Path | None = None) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    return _load(str(path or data_path("triggers.tsv")))


@lru_cache(maxsize=4)
def _load(path_text: str) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    path = Path(path_text)
    table = cameo_table()
    index: dict[tuple[str, str], list[Pattern]] = {}
    for lineno, row in read_tsv(path, ("lemma", "pos", "particle", "cameo", "target", "source", "object_class")):
        pos = row["pos"].upper()
        if pos not in ("VERB", "NOUN"):
            raise DataFileError(str(path), lineno, f"pos {row['pos']!r} must be VERB or NOUN")
        if row["cameo"] not in table:
            raise DataFileError(str(path), lineno, f"unknown CAMEO code {row['cameo']!r}")
        if row["object_class"] not in OBJECT_CLASSES:
            raise DataFileError(str(path), lineno, f"object_class {row['object_class']!r} must be one of {', '.join(c for c in OBJECT_CLASSES if c)} or empty")
        default_source = "nsubj" if pos == "VERB" else "poss,prep:by,governor"
        pattern = Pattern(
            lemma=row["lemma"].lower(), pos=pos, particle=row["particle"].lower(), cameo=row["cameo"],
            target=_slots(path, lineno, row["target"], "dobj"), source=_slots(path, lineno, row["source"], default_source),
            object_class=row["object_class"], line=lineno,
        )
        index.setdefault((pattern.lemma, pos), []).append(pattern)
    return {key: tuple(sorted(pats, key=lambda p: -p.specificity)) for key, pats in index.items()}
