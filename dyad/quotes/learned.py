"""The learned layer of indirect attribution: which verbs beyond the reporting-verb lexicon
report what someone said, thinks, wants or supports ("Trump urged his supporters to watch the
polls", "the poll shows Clinton ahead", "she spoke about the economy"), and the content they
carry.

Candidates come from the parse: each verb outside quotation marks with a content the grammar
gives it, tried in order: a clause (``ccomp``), an infinitive with its object (``xcomp``), the
object of a content preposition ("talked about", "called for"), a direct object. A logistic
regression over hashed features of the verb, its content and its subject says how likely the
candidate is an attribution; the model (``dyad/data/quote_model.npz``) is built by
``tools/train_quote_model.py`` from the PolNeAR train split (what and how in
``dyad/data/README.md``). Scoring is a sum of a dozen weights per verb, next to nothing beside
the parse. Features are hashed with CRC-32 (stable across processes, unlike ``hash``).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from .. import linear
from ..data_files import data_path
from ..english import REPORTED_THING_PREPS
from ..linear import ModelSlot
from ..sentences import text_of
from .complements import MIN_WORDS, clause_span
from .marks import QuoteSpan

BITS = 16
MODEL_FILE = "quote_model.npz"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True)
class Candidate:
    tok: Token  # the cue verb
    shape: str  # how the grammar gives the content: ccomp, xcomp, prep:about, dobj
    span: tuple[int, int]  # the content's characters


def _edges(tokens: Sequence[Token]) -> tuple[int, int] | None:
    tokens = [t for t in tokens if not t.is_punct] or list(tokens)
    if not tokens:
        return None
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def content_of(tok: Token) -> tuple[str, tuple[int, int]] | None:
    """(shape, characters) of what a verb carries, by the first shape the parse gives it."""
    children = list(tok.children)
    for child in children:
        if child.dep_ == "ccomp":
            span = clause_span(child)
            if span is not None:
                return "ccomp", span
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    for child in children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            tokens = list(child.subtree) + (list(obj.subtree) if obj is not None else [])
            span = _edges(tokens)
            if span is not None:
                return "xcomp", span
    for child in children:
        if child.dep_ == "prep" and child.lower_ in REPORTED_THING_PREPS:
            inner = [t for g in child.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
            span = _edges(inner)
            if span is not None:
                return f"prep:{child.lower_}", span
    if obj is not None:
        span = _edges(list(obj.subtree))
        if span is not None:
            return "dobj", span
    return None


# The shapes reported as quotations: a clause is a proposition someone states or holds ("X
# warned (that) S", "X believes S"). An infinitive, a prepositional or a plain object ("urged X
# to talk", "called for talks", "accused X of lying", "defended the police") reports a speech
# act, which the events stage codes (an appeal, an accusation), not words anyone said.
QUOTED_SHAPES = frozenset({"ccomp"})


def candidates(doc: Doc, spans: Sequence[QuoteSpan], shapes: frozenset[str] = QUOTED_SHAPES) -> list[Candidate]:
    """Every verb outside quotation marks with a content of a shape in ``shapes`` (``prep``
    for any preposition) and of at least ``MIN_WORDS`` words."""
    text = text_of(doc)
    found = []
    for tok in doc:
        if tok.pos_ != "VERB" or any(sp.covers(tok.idx) for sp in spans):
            continue
        content = content_of(tok)
        if content is None:
            continue
        shape, (lo, hi) = content
        if shape not in shapes and shape.split(":")[0] not in shapes:
            continue
        if lo <= tok.idx < hi or len(text[lo:hi].split()) < MIN_WORDS:
            continue
        found.append(Candidate(tok, shape, (lo, hi)))
    return found


def features(candidate: Candidate) -> list[str]:
    tok, shape = candidate.tok, candidate.shape
    lemma = tok.lemma_.lower()
    subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None and tok.dep_ in ("conj", "xcomp", "advcl"):
        subject = next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
    words = len(text_of(tok.doc)[candidate.span[0]:candidate.span[1]].split())
    found = [f"l={lemma}", f"s={shape}", f"ls={lemma}|{shape}", f"t={tok.tag_}", f"d={tok.dep_}",
             f"ld={lemma}|{tok.dep_}", f"w={min(words, 12) // 3}", "bias"]
    if subject is None:
        found += ["sp=NONE", f"lsp={lemma}|NONE"]
    else:
        kind = subject.ent_type_ or subject.pos_
        found += [f"sp={subject.pos_}", f"se={kind}", f"lsp={lemma}|{kind}", f"sd={subject.dep_}"]
        if subject.pos_ == "NOUN":
            found.append(f"sl={subject.lemma_.lower()}")
    if any(c.dep_ == "neg" for c in tok.children):
        found.append("neg")
    return found


def hashed(feature_strings: Iterable[str]) -> np.ndarray:
    mask = (1 << BITS) - 1
    return np.fromiter((zlib.crc32(f.encode("utf-8")) & mask for f in feature_strings), dtype=np.int64)


@dataclass(frozen=True)
class QuoteModel:
    weights: np.ndarray  # float32, 2**BITS
    keep_above: float  # a candidate is an attribution at or above this probability

    def probability(self, candidate: Candidate) -> float:
        z = float(self.weights[hashed(features(candidate))].sum())
        return float(1.0 / (1.0 + np.exp(-z)))

    def save(self, path: str | Path) -> None:
        nonzero = np.flatnonzero(self.weights)
        np.savez_compressed(path, bits=np.int64(BITS), index=nonzero.astype(np.int32),
                            weight=self.weights[nonzero].astype(np.float32),
                            keep_above=np.float64(self.keep_above))

    @classmethod
    def load(cls, path: str | Path) -> QuoteModel:
        with np.load(path) as data:
            weights = np.zeros(1 << int(data["bits"]), dtype=np.float32)
            weights[data["index"]] = data["weight"]
            return cls(weights, float(data["keep_above"]))


def _shipped() -> QuoteModel | None:
    path = data_path(MODEL_FILE)
    return QuoteModel.load(path) if path.is_file() else None


_SLOT: ModelSlot[QuoteModel] = ModelSlot(_shipped)
# tools and tests swap the model (or None: the layer off) with ``using``
using = _SLOT.using
shipped_model = _SLOT.shipped
active_model = _SLOT.active


def fit(rows: Sequence[np.ndarray], labels: Sequence[int], *, l2: float = 1e-3, steps: int = 300,
        rate: float = 0.5) -> np.ndarray:
    """``dyad.linear.fit`` at this layer's hash size: the same rows give the same weights."""
    return linear.fit(rows, labels, bits=BITS, l2=l2, steps=steps, rate=rate)


def attributions(doc: Doc, spans: Sequence[QuoteSpan], model: QuoteModel | None = None) -> list[tuple[Candidate, float]]:
    """The candidates the model keeps, with their probability."""
    model = model or active_model()
    if model is None:
        return []
    scored = [(c, model.probability(c)) for c in candidates(doc, spans)]
    return [(c, p) for c, p in scored if p >= model.keep_above]
