"""Which trigger pattern of the lexicon a word matches: part of speech, particle or
modifier, and the class of its object."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Token

from ..actors.index import ActorIndex
from ..lexicons import word_class
from .lexicon import NOUN_PREFIX, Pattern

PERSON_ENTS = frozenset({"PERSON"})


ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


STATEMENT_WORDS = word_class("statement_nouns")


def pos_key(tok: Token) -> str | None:
    if tok.pos_ == "VERB":
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _plurals(word: str) -> frozenset[str]:
    forms = {word, word + "s"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith(("s", "x", "ch", "sh")):
        forms.add(word + "es")
    return frozenset(forms)


@lru_cache(maxsize=4096)
def _phrase(text: str) -> tuple[tuple[tuple[frozenset[str], tuple[str, ...]], ...], tuple[frozenset[str], ...]]:
    """A PETRARCH noun phrase (``army|navy troop_ship|aid``): the head's alternatives, each its
    word forms and required modifier words, and the modifier slots before it."""
    slots = text.split(" ")
    heads = tuple((_plurals(alt.split("_")[-1]), tuple(alt.split("_")[:-1])) for alt in slots[-1].split("|"))
    return heads, tuple(frozenset(slot.split("|")) for slot in slots[:-1])


def phrase_ok(tok: Token, text: str) -> bool:
    """Whether ``tok`` heads the noun phrase ``text`` (its word or plural, with its modifiers)."""
    heads, modifiers = _phrase(text)
    words = {tok.lower_, tok.lemma_.lower()}
    left = {w for c in tok.lefts for w in (c.lower_, c.lemma_.lower())}
    if not any(forms & words and all(m in left for m in mods) for forms, mods in heads):
        return False
    return all(slot & left for slot in modifiers)


def _objects(prep: Token):
    """The preposition's objects, and those of a preposition under it ("pulled out of the accord")."""
    for child in prep.children:
        yield child
        if child.dep_ == "prep":
            yield from child.children


def _particle_ok(tok: Token, particle: str) -> bool:
    if not particle:
        return True
    if " " in particle and not particle.startswith("mod:"):  # "to border": preposition and its object
        prep, noun = particle.split(" ", 1)
        return any(c.lower_ == prep and c.dep_ in ("prep", "prt", "agent", "dative")
                   and any(o.dep_ == "pobj" and phrase_ok(o, noun) for o in _objects(c)) for c in tok.children)
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


OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "acomp", "oprd")


def _object_class_ok(tok: Token, pattern: Pattern, index: ActorIndex) -> bool:
    if pattern.object_class.startswith(NOUN_PREFIX):
        noun = pattern.object_class[len(NOUN_PREFIX):]
        return any(c.dep_ in OBJECT_DEPS and phrase_ok(c, noun) for c in tok.children)
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
