"""The content of reported speech that is not a clause: what a speech act's prepositional
phrase carries ("accused the senator of lying", "insisted on a recount", "condemned the
decision as illegal")."""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import Cue, word_class
from ..sentences import text_of
from .marks import close_marks

# "verb preposition" pairs whose object is what was said ("accuse X of", "insist on", "call for")
CONTENT_PREPOSITIONS = word_class("content_prepositions")


MIN_WORDS = 2


def _span(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t.text) for t in tokens)
    return lo, hi


def _subtree(tok: Token) -> list[Token]:
    return [t for t in tok.subtree if not (t.is_punct and (t.i == tok.left_edge.i or t.i == tok.right_edge.i))]


def complement_spans(cue_tok: Token, cue: Cue) -> list[tuple[int, int]]:
    """Characters of the content a verb of saying carries without a clause: an "X as Y"
    portrayal ("portrays itself as neutral", "condemned the decision as illegal"), or the
    object of its content preposition ("accused X of lying", "insisted on a recount"), as
    ``content_prepositions`` pairs them. Nothing when the verb takes a clause. A bare object
    ("condemned the attack", "urged them to talk") reports an act, not what was said."""
    children = list(cue_tok.children)
    if any(c.dep_ in ("ccomp", "parataxis") for c in children):
        return []
    if cue.particle and f"{cue.lemma} {cue.particle}" not in CONTENT_PREPOSITIONS:
        return []  # "put it", "point out": the particle is no content preposition
    lemma = cue_tok.lemma_.lower()
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    found: list[tuple[int, int] | None] = []
    # the parser often hangs the preposition on the object ("accused [the minister of lying]")
    preps = children + ([g for g in obj.children if g.dep_ == "prep"] if obj is not None else [])
    for child in preps:
        if child.dep_ != "prep" or f"{lemma} {child.lower_}" not in CONTENT_PREPOSITIONS:
            continue
        inner = [t for g in child.children if g.dep_ in ("pobj", "pcomp") for t in _subtree(g)]
        if not inner:
            continue
        if child.lower_ == "as" and obj is not None:
            found.append(_span(_subtree(obj) + inner))  # "portrays itself as neutral"
        else:
            found.append(_span(inner))
    return [s for s in found if s is not None and len(text_of(cue_tok.doc)[s[0]:s[1]].split()) >= MIN_WORDS]


def clause_span(clause: Token, skip: Token | None = None) -> tuple[int, int] | None:
    """Characters of a clause without its complementiser ("that") and trailing punctuation,
    leaving out the subtree of ``skip``."""
    skipped = {t.i for t in skip.subtree} if skip is not None else set()
    if skip is not None and skip.left_edge.i > 0 and clause.doc[skip.left_edge.i - 1].dep_ == "cc":
        skipped.add(skip.left_edge.i - 1)  # the "and" before a left-out conjunct
    tokens = [t for t in clause.subtree if t.i not in skipped and not (t.dep_ == "mark" and t.head.i == clause.i)]
    if skip is not None:  # the full stop after a left-out final phrase ("…, according to X.") is no edge
        tokens = [t for t in tokens if not (t.is_punct and t.i > skip.right_edge.i)]
    if not tokens:
        return None
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t.text) for t in tokens)
    text = text_of(clause.doc)
    while lo < hi and text[lo] in ",;: ":
        lo += 1
    while hi > lo and text[hi - 1] in ".,;: ":
        hi -= 1
    return lo, close_marks(text, lo, hi)


def coordinated_act(clause: Token, verbs) -> Token | None:
    """A verb of saying the parser coordinates with the reported clause's verb though it has no
    subject of its own ("said the plan would fail and urged new talks"): the speaker's second
    act, not part of what was reported."""
    for child in clause.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and child.i > clause.i \
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children) \
                and any(cue.kind == "speech" for cue in verbs.get(child.lemma_.lower(), ())):
            return child
    return None
