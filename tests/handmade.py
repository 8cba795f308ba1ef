"""Hand-built parses: a spaCy ``Doc`` from a table, and dyad's stages run on it, no model loaded.

A rule test that parses its sentence with the model breaks whenever the model changes its
mind; one that builds the parse by hand pins the rule. ``tools/doc_table.py "sentence"``
prints the model's parse in the table format read here; paste it into the test as a raw
string (its cells may hold backslash escapes) and keep the test's expected values::

    SERBIA_REFUSED = r'''
    # Serbia refused to meet Kosovo in Brussels.
    # i  word      tag  pos    dep    head  lemma     ent    ws
     >0  Serbia    NNP  PROPN  nsubj  1     Serbia    B-GPE  1
      1  refused   VBD  VERB   ROOT   1     refuse    O      1
    ...
    '''

    def test_refusal_is_coded_on_the_act_refused():
        doc = run_stages(doc_from_table(SERBIA_REFUSED))
        assert [(e.cameo, e.trigger.text) for e in doc.events] == [("125", "refused")]

Columns (``tools/doc_table.py`` documents them too): ``i`` the token index, ``>`` marking a
sentence start; ``word``; fine-grained ``tag``; coarse ``pos``; ``dep`` label; ``head`` as
a token index (a root heads itself); ``lemma``; ``ent`` as IOB plus label (``O`` outside,
``-`` unannotated); ``ws`` 1 when a space follows. In ``word``, ``lemma`` (and any cell) a
backslash escapes whitespace: ``\\n``, ``\\s`` (space), ``\\t``, ``\\\\``; ``\\0`` is empty.
Lines that start with ``#`` and blank lines are ignored.

``run_stages`` runs the stages on such a Doc in ``Pipeline._document``'s order (mentions,
resolve, quotes, speaker pronouns, events) and returns the same plain ``Document``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

COLUMNS = ("i", "word", "tag", "pos", "dep", "head", "lemma", "ent", "ws")
_ROW = re.compile(r">?\d+$")
_UNESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "s": " ", "t": "\t", "r": "\r", "\\": "\\", "0": ""}


@lru_cache(maxsize=1)
def blank_english() -> Language:
    """``spacy.blank("en")``, built once: its vocab holds every hand-built Doc, and
    ``find_mentions`` uses it for the knowledge base's PhraseMatcher."""
    return spacy.blank("en")


def unescape(cell: str) -> str:
    def one(match: re.Match) -> str:
        if match.group(1) not in _ESCAPED:
            raise ValueError(f"unknown escape \\{match.group(1)} in cell {cell!r}; use \\n, \\s, \\t, \\r, \\\\ or \\0")
        return _ESCAPED[match.group(1)]

    return _UNESCAPE.sub(one, cell)


def doc_from_table(table: str) -> Doc:
    """The Doc a table describes (see the module docstring), in ``blank_english()``'s vocab.

    The sentence starts marked ``>`` must be those the tree implies (each root's subtree is
    a sentence, as in a parsed Doc); a mismatch, a row out of order or a head outside the
    Doc is a ValueError naming the row."""
    rows = []
    for lineno, line in enumerate(table.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        cells = stripped.split()
        if len(cells) != len(COLUMNS) or not _ROW.match(cells[0]):
            raise ValueError(f"table line {lineno}: expected {len(COLUMNS)} cells ({' '.join(COLUMNS)}), got {line!r}")
        if int(cells[0].lstrip(">")) != len(rows):
            raise ValueError(f"table line {lineno}: token index {cells[0]!r}, expected {len(rows)}")
        if cells[8] not in ("0", "1"):
            raise ValueError(f"table line {lineno}: ws must be 0 or 1, got {cells[8]!r}")
        rows.append(cells)
    if not rows:
        raise ValueError("the table has no token rows")
    heads = [int(r[5]) for r in rows]
    bad = next((n for n, h in enumerate(heads) if not 0 <= h < len(rows)), None)
    if bad is not None:
        raise ValueError(f"token {bad} ({rows[bad][1]!r}): head {heads[bad]} is outside the Doc of {len(rows)} tokens")
    doc = Doc(
        blank_english().vocab,
        words=[unescape(r[1]) for r in rows],
        spaces=[r[8] == "1" for r in rows],
        tags=[unescape(r[2]) for r in rows],
        pos=[unescape(r[3]) for r in rows],
        deps=[unescape(r[4]) for r in rows],
        heads=heads,
        lemmas=[unescape(r[6]) for r in rows],
        ents=[None if r[7] == "-" else r[7] for r in rows],
    )
    marked = [r[0].startswith(">") for r in rows]
    implied = [bool(tok.is_sent_start) for tok in doc]
    if marked != implied:
        n = next(n for n, (a, b) in enumerate(zip(marked, implied)) if a != b)
        raise ValueError(f"token {n} ({rows[n][1]!r}): the table {'marks' if marked[n] else 'does not mark'} a sentence "
                         f"start there, the tree {'does' if implied[n] else 'does not'}")
    return doc


def run_stages(doc: Doc, *, published: str | None = "2024-03-06", monadic: bool = False, learned: bool = False):
    """dyad's stages on a ready Doc, in ``Pipeline._document``'s order, with the default
    knowledge base and trigger lexicon; the plain ``Document`` it would return. The learned
    layers (``dyad/events/learned.py``, ``dyad/quotes/learned.py``) are off unless ``learned``: a
    rule test pins the rules."""
    from contextlib import nullcontext

    from dyad.events import learned as learned_layer
    from dyad.quotes import learned as learned_quotes
    from dyad.actors.coref import speaker_pronouns
    from dyad.document import Document, Span
    from dyad.events.coder import find_events
    from dyad.events.dates import parse_published
    from dyad.pipeline import _attach_speakers, content_id
    from dyad.quotes.finder import find_quotes_and_speakers
    from dyad.sentences import sentences

    _, lexicon = _kb_and_lexicon()
    date = parse_published(published)
    index = actor_index(doc)  # find_mentions, then resolve_actors
    with nullcontext() if learned else learned_quotes.using(None):
        quotes, warnings, index = find_quotes_and_speakers(doc, index)
    index = index.with_mentions(doc, speaker_pronouns(doc, index, quotes))
    with nullcontext() if learned else learned_layer.using(None):
        events = _attach_speakers(find_events(doc, index, lexicon, date, monadic=monadic), quotes)
    return Document(
        id=content_id(doc.text), text=doc.text, published=date.isoformat() if date else None,
        sentences=tuple(Span(s.start_char, s.end_char) for s in sentences(doc)),
        actors=tuple(index.actors), events=tuple(events), quotes=tuple(quotes), warnings=tuple(warnings),
        meta={"model": "hand-made"},
    )


def actor_index(doc: Doc):
    """The actors stage alone (mentions, then resolution): the ``ActorIndex`` later stages read."""
    from dyad.actors.mentions import find_mentions
    from dyad.actors.resolve import resolve_actors

    kb, _ = _kb_and_lexicon()
    return resolve_actors(doc, find_mentions(doc, kb, blank_english()), kb)


@lru_cache(maxsize=1)
def _kb_and_lexicon():
    from dyad.actors.kb import load_kb
    from dyad.events.lexicon import load_lexicon

    return load_kb(()), load_lexicon()


def token(doc: Doc, text: str, nth: int = 0):
    """The ``nth`` token (from 0) whose text is ``text``; a KeyError lists the Doc's words."""
    found = [tok for tok in doc if tok.text == text]
    if len(found) <= nth:
        raise KeyError(f"no token {text!r} (#{nth}) in {[t.text for t in doc]}")
    return found[nth]


@lru_cache(maxsize=1)
def doc_table_tool():
    """``tools/doc_table.py`` as a module (``tools/`` is not a package): its ``format_table``
    writes the tables ``doc_from_table`` reads."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "doc_table.py"
    spec = importlib.util.spec_from_file_location("doc_table", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
