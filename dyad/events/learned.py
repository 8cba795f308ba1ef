"""The learned layer over the rule candidates: a logistic regression that says how likely a
candidate is a real event of its CAMEO code, and picks among the codes the lexicon offers for
its trigger word.

The model is a plain weight vector over hashed sparse features (``dyad/data/event_model.npz``,
built by ``tools/train_event_model.py``; what it was trained on is in ``dyad/data/README.md``).
Scoring is a sum of a few dozen weights per candidate, so the layer costs next to nothing next
to the parse. Features are strings hashed with CRC-32 (stable across processes, unlike
``hash``) into ``2**BITS`` slots.

Why a hand-written logistic regression and not scikit-learn: the whole model is one dot
product at run time and one gradient loop at build time (``fit``), the data are a few thousand
candidates, and a full-batch deterministic fit gives the same weights on every machine and
version, which is what the reproducibility test checks. Nothing here needs more than numpy.
"""
from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .. import linear
from ..data_files import data_path
from ..linear import ModelSlot
from ..sentences import sentences
from .cameo import PENTACLASS_BY_ROOT, lookup
from .candidates import Candidate, EventContext

BITS = 18
MODEL_FILE = "event_model.npz"
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "ADV"})


def fold_of(sentence_id: str) -> int:
    """The frozen fold (0-4) of a sentence: ``int(sha1(id).hexdigest(), 16) % 5``. For the
    ConfliBERT and multi-coder sentences the id is ``dyad.eval.conflibert.join_key`` of the text."""
    return int(hashlib.sha1(sentence_id.encode("utf-8")).hexdigest(), 16) % 5


# ---------------------------------------------------------------- features

def _kind(context: EventContext, actor_id: str | None) -> tuple[str, str]:
    actor = context.index.get(actor_id)
    if actor is None:
        return "NONE", "NONE"
    return actor.kind, actor.sector or "-"


def sentence_words(candidate: Candidate) -> tuple[str, ...]:
    """The content lemmas of the candidate's sentence (once each, in order)."""
    sent = sentences(candidate.tok.doc)[candidate.sent_i]
    seen: dict[str, None] = {}
    for tok in sent:
        if tok.pos_ in CONTENT_POS and not tok.is_stop and tok.is_alpha:
            seen.setdefault(tok.lemma_.lower(), None)
    return tuple(seen)


def features(candidate: Candidate, code: str, context: EventContext, words: Sequence[str]) -> list[str]:
    """The feature strings of ``candidate`` read as an event of CAMEO ``code``."""
    tok, pattern = candidate.tok, candidate.pattern
    root = code[:2]
    penta = str(PENTACLASS_BY_ROOT.get(root, "?"))
    lemma = tok.lemma_.lower()
    src_kind, src_sector = _kind(context, next((a.actor for a in candidate.sources if a.actor), None))
    tgt_kind, tgt_sector = _kind(context, next((a.actor for a in candidate.targets if a.actor), None))
    own = code == candidate.cameo
    out = [
        "bias", f"code={code}", f"root={root}", f"penta={penta}", f"own={own}", f"own|root={own}|{root}",
        f"lemma|pos={lemma}|{pattern.pos}", f"lemma|code={lemma}|{code}", f"lemma|root={lemma}|{root}",
        f"pattern={pattern.line}|{code}", f"particle|root={pattern.particle}|{root}",
        f"objclass|root={pattern.object_class}|{root}", f"realis|root={candidate.realis}|{root}",
        f"src|root={src_kind}|{root}", f"tgt|root={tgt_kind}|{root}",
        f"srcsec|penta={src_sector}|{penta}", f"tgtsec|penta={tgt_sector}|{penta}",
        f"sides|root={candidate.has_source}|{candidate.has_target}|{root}",
        f"dep|root={tok.dep_}|{root}", f"head|root={tok.head.lemma_.lower()}|{root}",
        f"tag|root={tok.tag_}|{root}", f"inferred={candidate.inferred_target}",
        f"recoded={candidate.trigger.i != tok.i}|{root}", f"reciprocal={candidate.reciprocal}|{root}",
        f"restated={candidate.restated}", f"gated={pattern.gated}|{bool(pattern.origin)}|{root}",
    ]
    out += [f"w|penta={w}|{penta}" for w in words]
    out += [f"w={w}" for w in words]
    return out


def hashed(feature_strings: Iterable[str]) -> np.ndarray:
    mask = (1 << BITS) - 1
    return np.fromiter((zlib.crc32(f.encode("utf-8")) & mask for f in feature_strings), dtype=np.int64)


def alternatives(candidate: Candidate, context: EventContext) -> tuple[str, ...]:
    """The candidate's own code first, then, for each other CAMEO root the lexicon gives its word,
    that root's most specific code. Codes of one root are not rivals here: the training labels
    (a sentence's class, an annotated action's root) cannot tell them apart."""
    codes = [candidate.cameo]
    if candidate.trigger.i != candidate.tok.i or candidate.cameo[:2] != candidate.pattern.cameo[:2]:
        return tuple(codes)  # recoded by a rule (a refusal, a reduction, a demand): the rule's code stands
    roots = {candidate.cameo[:2]}
    for pattern in context.lexicon.get((candidate.pattern.lemma, candidate.pattern.pos), ()):
        if pattern.gated and not candidate.pattern.gated:
            continue  # a gated row is a rival only as a candidate of its own (see ``gate_below``)
        if pattern.cameo[:2] not in roots:
            roots.add(pattern.cameo[:2])
            codes.append(pattern.cameo)
    return tuple(codes)


# ---------------------------------------------------------------- the model

@dataclass(frozen=True)
class EventModel:
    weights: np.ndarray  # float32, 2**BITS
    recode_margin: float  # an alternative code must beat the rule's by this much
    drop_below: float  # candidates scored under this are not events
    rescue_above: float = 1.1  # one-sided events kept: candidates scored this high are coded though a cautious rule would drop them
    gate_below: float = 1.1  # a gated PETRARCH2 row (lexicon.Pattern.gated) scored under this gives way to the hand row

    def probability(self, feature_strings: Sequence[str]) -> float:
        z = float(self.weights[hashed(feature_strings)].sum())
        return float(1.0 / (1.0 + np.exp(-z)))

    def save(self, path: str | Path) -> None:
        nonzero = np.flatnonzero(self.weights)
        np.savez_compressed(path, bits=np.int64(BITS), index=nonzero.astype(np.int32),
                            weight=self.weights[nonzero].astype(np.float32),
                            thresholds=np.array([self.recode_margin, self.drop_below, self.rescue_above, self.gate_below],
                                                dtype=np.float64))

    @classmethod
    def load(cls, path: str | Path) -> EventModel:
        with np.load(path) as data:
            weights = np.zeros(1 << int(data["bits"]), dtype=np.float32)
            weights[data["index"]] = data["weight"]
            thresholds = [float(x) for x in data["thresholds"]]
        return cls(weights, *thresholds)


def _shipped() -> EventModel | None:
    path = data_path(MODEL_FILE)
    return EventModel.load(path) if path.is_file() else None


_SLOT: ModelSlot[EventModel] = ModelSlot(_shipped)
# tools and tests swap the model (or None: the layer off) with ``using``
using = _SLOT.using
shipped_model = _SLOT.shipped
active_model = _SLOT.active


def fit(rows: Sequence[np.ndarray], labels: Sequence[int], *, l2: float = 1e-3, steps: int = 300,
        rate: float = 0.5, sample_weight: Sequence[float] | None = None) -> np.ndarray:
    """``dyad.linear.fit`` at this layer's hash size: the same rows give the same weights."""
    return linear.fit(rows, labels, bits=BITS, l2=l2, steps=steps, rate=rate, sample_weight=sample_weight)


# ---------------------------------------------------------------- the pass

ScoreKey = tuple[int, int, str]


def key_of(candidate: Candidate) -> ScoreKey:
    return candidate.tok.i, candidate.trigger.i, candidate.cameo


def score_candidates(candidates: tuple[Candidate, ...], context: EventContext,
                     ) -> tuple[tuple[Candidate, ...], dict[ScoreKey, float]]:
    """Each candidate recoded to the lexicon's best-scored code for its word (when it beats the
    rule's by the model's margin), dropped when unlikely to be an event, and its probability
    returned as the event's confidence. Without a model the candidates pass unchanged."""
    model = active_model()
    if model is None or not candidates:
        return tuple(c for c in candidates if not c.pattern.gated), {}
    words_of: dict[int, tuple[str, ...]] = {}
    kept: list[Candidate] = []
    scores: dict[ScoreKey, float] = {}
    for candidate in candidates:
        words = words_of.setdefault(candidate.sent_i, sentence_words(candidate))
        scored = [(model.probability(features(candidate, code, context, words)), code)
                  for code in alternatives(candidate, context)]
        best_p, best = max(scored[1:], default=(-1.0, ""))
        own_p = scored[0][0]
        if best and best_p > own_p + model.recode_margin:
            candidate, own_p = replace(candidate, cameo=best), best_p
        if own_p < model.drop_below and not candidate.restated:
            continue
        kept.append(candidate)
        scores[key_of(candidate)] = round(own_p, 3)
    return _gated(kept, scores, model.gate_below), scores


def _gated(candidates: list[Candidate], scores: dict[ScoreKey, float], gate_below: float) -> tuple[Candidate, ...]:
    """A PETRARCH2 row on a word the hand table codes ("gated") replaces the hand row's candidate
    on the same word when the model scores it at least ``gate_below``; otherwise it gives way."""
    passed = {c.tok.i for c in candidates if c.pattern.gated and scores[key_of(c)] >= gate_below}
    return tuple(c for c in candidates if (c.tok.i in passed) == c.pattern.gated)


def pentaclass(code: str) -> int:
    return PENTACLASS_BY_ROOT[lookup(code).root]
