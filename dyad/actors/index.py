"""The actor index of one document, and the lookup from a noun phrase to the actor it names.

Every stage after actors resolves its arguments through ``ActorIndex`` and ``actor_of``:
an event's source, a quotation's speaker.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..document import Actor, Mention
from ..english import RELATIVE_PRONOUNS
from ..syntax import definite, prep_object

@dataclass
class ActorIndex:
    """The actors of one document and the token -> actor id map."""

    actors: list[Actor]
    by_token: dict[int, str]
    by_id: dict[str, Actor] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {a.id: a for a in self.actors}

    def actor_at(self, token_i: int) -> str | None:
        return self.by_token.get(token_i)

    def get(self, actor_id: str | None) -> Actor | None:
        return self.by_id.get(actor_id) if actor_id is not None else None

    def with_mentions(self, doc: Doc, extra: list[tuple[str, int, str]]) -> "ActorIndex":
        """A copy with one-token mentions added: (actor id, token index, via)."""
        if not extra:
            return self
        by_token = dict(self.by_token)
        added: dict[str, list[Mention]] = {}
        for actor_id, i, via in extra:
            if i in by_token:
                continue
            by_token[i] = actor_id
            tok = doc[i]
            added.setdefault(actor_id, []).append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, via))
        actors = [replace(a, mentions=tuple(sorted(a.mentions + tuple(added.get(a.id, ())), key=lambda m: m.start)))
                  for a in self.actors]
        return ActorIndex(actors, by_token)


# dependency labels that lead from an argument head to the actor it names
# ("then-Nigerian President Ada Okafor": the name, not the adjective, is the actor)
_ARG_PATHS = ("appos", "compound", "poss", "nmod", "amod")


def actor_of(token: Token | None, index: ActorIndex, depth: int = 3) -> str | None:
    found = _actor_in_phrase(token, index, depth)
    if found is None and token is not None and token.pos_ == "NOUN" and definite(token, plural_demonstratives=True):
        # "the delegation" names whoever "a delegation of the party's leaders" did earlier
        doc = token.doc
        earlier = _noun_positions(doc).get(token.lemma_, ())
        for i in reversed(earlier[: bisect_left(earlier, token.i)]):
            found = _actor_in_phrase(doc[i], index, depth)
            if found:
                break
    return found


def _noun_positions(doc: Doc) -> dict[str, list[int]]:
    """Common nouns by lemma -> their token positions, built once per document (a backward
    scan per definite noun would make long articles quadratic)."""
    cached = doc.user_data.get("dyad_noun_positions")
    if cached is None:
        cached = {}
        for tok in doc:
            if tok.pos_ == "NOUN":
                cached.setdefault(tok.lemma_, []).append(tok.i)
        doc.user_data["dyad_noun_positions"] = cached
    return cached


def _actor_in_phrase(token: Token | None, index: ActorIndex, depth: int = 3) -> str | None:
    """The actor an argument names: its own mention, or one inside its noun phrase.

    "A team of the army's engineers" -> the army. Relative
    clauses and participles are not searched: their actors are someone else.
    """
    if token is None:
        return None
    found = index.actor_at(token.i)
    if found or depth == 0:
        return found
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return _actor_in_phrase(token.head.head, index, depth - 1)
    children = sorted(token.children, key=lambda c: _ARG_PATHS.index(c.dep_) if c.dep_ in _ARG_PATHS else 99)
    for child in children:
        if child.dep_ in _ARG_PATHS:
            found = index.actor_at(child.i)
            if found:
                return found
    for child in token.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "positions held by the rebels"
            agent = prep_object(child, "by")
            if agent is not None and index.actor_at(agent.i):
                return index.actor_at(agent.i)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _actor_in_phrase(pobj, index, depth - 1)
                    if found:
                        return found
    for child in token.children:
        if child.dep_ in _ARG_PATHS:
            found = _actor_in_phrase(child, index, depth - 1)
            if found:
                return found
    return None
