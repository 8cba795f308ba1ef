"""The open word classes and the reporting-cue lexicon, loaded once from ``dyad/data/``.

Every stage reads its verbs and nouns of a kind ("support verbs", "honorifics", "verbs of
saying") from here, never from a list in its own code, so an edit to
``word_classes.tsv`` or ``reporting_verbs.tsv`` changes every rule that uses the class.
The trigger lexicon (``triggers.tsv``) has its own loader in ``events/lexicon.py`` because
it is checked against the CAMEO table.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data_files import data_path, read_tsv
from .errors import DataFileError


@dataclass(frozen=True, slots=True)
class WordClassEntry:
    word_class: str
    word: str
    note: str
    line: int


@lru_cache(maxsize=4)
def load_word_classes(path: str | None = None) -> dict[str, tuple[WordClassEntry, ...]]:
    """Class name -> its entries, in file order (``word_classes.tsv``)."""
    source = Path(path) if path else data_path("word_classes.tsv")
    table: dict[str, list[WordClassEntry]] = {}
    for lineno, row in read_tsv(source, ("class", "word")):
        word = row["word"]
        if not word or word != word.lower():
            raise DataFileError(str(source), lineno, f"word {word!r} must be a non-empty lower-case lemma")
        entry = WordClassEntry(row["class"], word, row.get("note", ""), lineno)
        table.setdefault(entry.word_class, []).append(entry)
    return {name: tuple(entries) for name, entries in table.items()}


def word_class(name: str) -> frozenset[str]:
    """The words of one class; a name missing from the file is a programming error."""
    classes = load_word_classes()
    if name not in classes:
        raise KeyError(f"word class {name!r} is not in word_classes.tsv")
    return frozenset(entry.word for entry in classes[name])


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue: a verb of saying or thinking, or a source phrase ("according to")."""

    lemma: str
    particle: str
    kind: str  # speech, cognition, source, quotation


@lru_cache(maxsize=4)
def load_reporting_verbs(path: str | None = None) -> dict[str, tuple[Cue, ...]]:
    """Lemma -> its cues, those with a particle first (``reporting_verbs.tsv``)."""
    table: dict[str, list[Cue]] = {}
    for _, row in read_tsv(Path(path) if path else data_path("reporting_verbs.tsv"), ("lemma", "particle", "kind")):
        cue = Cue(row["lemma"].lower(), row["particle"].lower(), row["kind"] or "speech")
        table.setdefault(cue.lemma, []).append(cue)
    return {k: tuple(sorted(v, key=lambda c: not c.particle)) for k, v in table.items()}


def is_speech_verb(lemma: str) -> bool:
    """A verb of saying (not of thinking): its subject is someone who speaks."""
    return any(cue.kind == "speech" for cue in load_reporting_verbs().get(lemma, ()))


@lru_cache(maxsize=4)
def body_head_sectors(path: str | None = None) -> dict[str, str]:
    """Head noun of an organisation's name -> the sector it gives (``body_heads.tsv``)."""
    source = Path(path) if path else data_path("body_heads.tsv")
    table: dict[str, str] = {}
    for lineno, row in read_tsv(source, ("head", "sector")):
        head = row["head"]
        if not head or head != head.lower() or not row["sector"].isupper():
            raise DataFileError(str(source), lineno, f"head {head!r} must be lower case with an upper-case sector code")
        table[head] = row["sector"]
    return table
