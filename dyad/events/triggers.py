"""Which trigger pattern of the lexicon a word matches: part of speech, particle or
modifier, and the class of its object."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..actors.index import ActorIndex
from ..lexicons import word_class
from .lexicon import Pattern

PERSON_ENTS = frozenset({"PERSON"})


ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


STATEMENT_WORDS = word_class("statement_nouns")


def pos_key(tok: Token) -> str | None:
    if tok.pos_ == "VERB":
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _particle_ok(tok: Token, particle: str) -> bool:
    if not particle:
        return True
    if particle.startswith("mod:"):
        word = particle[4:]
        return any(c.lower_ == word and c.dep_ in ("compound", "amod", "nmod") for c in tok.children)
    if any(c.lower_ == particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children):
        return True
    # "called for Kenya to withdraw": the preposition is parsed as the clause's complementiser
    return any(c.dep_ in ("advcl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == particle for m in c.children)
               for c in tok.children)


def choose_pattern(tok: Token, patterns: Iterable[Pattern], index: ActorIndex) -> Pattern | None:
    for pattern in patterns:  # most specific first
        if not _particle_ok(tok, pattern.particle):
            continue
        if pattern.object_class and not _object_class_ok(tok, pattern, index):
            continue
        return pattern
    return None


def _object_class_ok(tok: Token, pattern: Pattern, index: ActorIndex) -> bool:
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return pattern.object_class not in ("PERSON", "THING")  # "returned to Gaza" returns no property
    if pattern.object_class == "STATEMENT":
        return obj.lemma_.lower() in STATEMENT_WORDS
    if any(c.dep_ == "oprd" for c in tok.children):
        return False  # "called it a mistake", "named him envoy": naming, not acting on the object
    is_actor = index.actor_at(obj.i) is not None or obj.ent_type_ in ACTOR_ENTS
    if pattern.object_class == "PERSON":
        return obj.ent_type_ in PERSON_ENTS or obj.pos_ == "PRON" and obj.lower_ in ("him", "her", "them")
    if pattern.object_class == "ACTOR":
        return is_actor
    return not is_actor  # THING
