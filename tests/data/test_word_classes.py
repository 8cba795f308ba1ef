"""Checks of the open word classes (dyad/data/word_classes.tsv) and their declared overlaps."""
from __future__ import annotations

import ast
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest

from dyad.data_files import data_path, read_tsv
from dyad.errors import DataFileError
from dyad.events.lexicon import load_lexicon
from dyad.lexicons import load_word_classes, word_class

PACKAGE = Path(__file__).resolve().parents[2] / "dyad"


def _members() -> dict[str, set[str]]:
    """word -> the classes it belongs to."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, entries in load_word_classes().items():
        for entry in entries:
            out[entry.word].add(name)
    return out


def _declared_overlaps() -> dict[frozenset[str], str]:
    declared = {}
    for lineno, row in read_tsv(data_path("word_class_overlaps.tsv"), ("class", "other", "reason")):
        assert row["reason"], f"word_class_overlaps.tsv:{lineno}: a declared overlap needs its reason"
        declared[frozenset((row["class"], row["other"]))] = row["reason"]
    return declared


def test_every_overlap_between_classes_is_explained():
    unexplained = defaultdict(list)
    declared = _declared_overlaps()
    for word, classes in _members().items():
        for pair in combinations(sorted(classes), 2):
            if frozenset(pair) not in declared:
                unexplained[pair].append(word)
    assert not unexplained, f"add a row with the reason to word_class_overlaps.tsv, or fix the class: {dict(unexplained)}"


def test_every_declared_overlap_still_overlaps():
    shared = {frozenset(pair) for classes in _members().values() for pair in combinations(sorted(classes), 2)}
    classes = set(load_word_classes())
    for pair in _declared_overlaps():
        assert pair <= classes, f"word_class_overlaps.tsv names a class that does not exist: {sorted(pair - classes)}"
        assert pair in shared, f"{sorted(pair)} no longer share a word: drop the row from word_class_overlaps.tsv"


def test_no_word_twice_in_a_class():
    for name, entries in load_word_classes().items():
        words = [e.word for e in entries]
        assert len(words) == len(set(words)), f"{name} repeats {sorted({w for w in words if words.count(w) > 1})}"


def _verb_families() -> dict[str, set[str]]:
    """lemma -> the two-digit CAMEO roots of its VERB rows in triggers.tsv."""
    roots: dict[str, set[str]] = defaultdict(set)
    from dyad.data_files import data_path

    for (lemma, pos), patterns in load_lexicon(data_path("triggers.tsv")).items():  # the hand rows only
        if pos == "VERB":
            roots[lemma] |= {p.cameo[:2] for p in patterns}
    return roots


# A governor class recodes the act under it into a CAMEO family; each of its words must show
# that family in triggers.tsv (so whoever edits the trigger lexicon sees the verb), or say in
# its note why it has no row of its own there.
RECODING_CLASSES = {
    "commissive_governors": {"03", "13"},  # intent to cooperate, or threat
    "requesting_verbs": {"02", "10"},  # appeal, or demand
    "appealing_verbs": {"02", "10"},
}


@pytest.mark.parametrize("name", sorted(RECODING_CLASSES))
def test_recoding_verbs_have_their_cameo_row_or_say_why(name):
    families = _verb_families()
    missing = [e.word for e in load_word_classes()[name]
               if not families.get(e.word, set()) & RECODING_CLASSES[name] and not e.note]
    assert not missing, f"{name}: add a triggers.tsv VERB row in {sorted(RECODING_CLASSES[name])} or a note: {missing}"


def test_a_note_is_not_left_on_a_word_that_has_its_row():
    families = _verb_families()
    for name, wanted in RECODING_CLASSES.items():
        stale = [e.word for e in load_word_classes()[name] if e.note and families.get(e.word, set()) & wanted]
        assert not stale, f"{name}: these words have their row now; drop the note: {stale}"


def test_every_class_in_the_file_is_read_by_the_code():
    """A class nobody reads is dead data; a class read but missing fails at import already."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    used = {node.args[0].value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "word_class"
            and node.args and isinstance(node.args[0], ast.Constant)}
    assert set(load_word_classes()) == used


def test_no_open_word_list_is_left_in_the_stage_code():
    """Sets of four or more lower-case words in the NLP stages belong in word_classes.tsv."""
    offenders = []
    for path in [*PACKAGE.glob("actors/*.py"), *PACKAGE.glob("events/*.py"), *PACKAGE.glob("quotes/*.py"), PACKAGE / "syntax.py"]:
        if path.name in ("kb_import.py", "kb_names.py"):
            continue  # the dictionary importer's own vocabulary of the TABARI format
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # sets of spaCy labels ("dobj", "nsubj") are the parser's vocabulary, not English words
        labels = {id(s) for a in ast.walk(tree) if isinstance(a, ast.Assign) and getattr(a.targets[0], "id", "").endswith("_DEPS")
                  for s in ast.walk(a.value)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Set) and id(node) not in labels and len(node.elts) >= 4 and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isalpha() and e.value.islower()
                    for e in node.elts):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, offenders


def test_the_loader_names_the_line_of_a_bad_row(tmp_path):
    bad = tmp_path / "classes.tsv"
    bad.write_text("class\tword\tnote\nsupport_verbs\tCarry\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"classes.tsv:2"):
        load_word_classes(str(bad))


def test_word_class_returns_the_words():
    assert {"carry", "launch"} <= word_class("support_verbs")
    with pytest.raises(KeyError):
        word_class("no_such_class")
