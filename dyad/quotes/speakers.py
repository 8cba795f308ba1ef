"""Who speaks: the speaker word of a cue, and the actor a speaker phrase names."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..actors.index import ActorIndex, actor_of
from ..english import SAYING_PREPOSITIONS
from ..lexicons import Cue, body_head_sectors, word_class

def speaker_token(cue_tok: Token, cue: Cue) -> Token | None:
    if cue.kind == "source":  # "according to X"
        nxt = cue_tok.doc[cue_tok.i + 1] if cue_tok.i + 1 < len(cue_tok.doc) else None
        heads = [cue_tok] + ([nxt] if nxt is not None else [])
        for head in heads:
            for child in head.children:
                if child.dep_ == "pobj":
                    return child
        return None
    if cue_tok.lemma_.lower() in ASKING:
        for child in cue_tok.children:  # "X was asked by host Y, “…”": the question is Y's
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
    for child in cue_tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WP", "WDT") and cue_tok.dep_ == "relcl":
                return cue_tok.head  # "Ana Ruiz, who said …": the noun the clause describes
            return child
    if cue_tok.dep_ == "conj":
        return speaker_token(cue_tok.head, cue)
    if cue_tok.dep_ == "advcl" and cue_tok.tag_ == "VBG":  # "Speaking with X, Y said"
        return speaker_token(cue_tok.head, cue)
    prep = cue_tok.head
    if cue_tok.dep_ == "pcomp" and cue_tok.tag_ == "VBG" and prep.lower_ in SAYING_PREPOSITIONS \
            and prep.head.pos_ in ("VERB", "AUX"):
        return speaker_token(prep.head, cue)  # "X ended the talks by saying …"
    return None


ASKING = word_class("asking_verbs")


def speaker_actor(tok: Token, index: ActorIndex) -> str | None:
    """The actor a speaker phrase names: the phrase's own head ("Trump", "he", "the ministry"),
    a person or organisation inside the phrase ("spokesman Ned Price", "a delegation of the
    party"), or the body a spokesperson speaks for ("a spokesman for the ministry"). Unlike an
    event argument, a speaker is never a place or country found deeper in the phrase: "the ad
    in Ohio" is not Ohio speaking."""
    found = index.actor_at(tok.i)
    if found:
        # places do not speak: a dateline city or a place in the phrase is never the speaker
        actor = index.get(found)
        if actor is not None and actor.kind == "LOCATION":
            return None
        return found
    for child in tok.children:  # "Ana's brother, Luis Ruiz, said": the apposition, not the possessor
        if child.dep_ == "appos" and is_person(index.actor_at(child.i), index):
            return index.actor_at(child.i)
    broad = actor_of(tok, index)
    actor = index.get(broad)
    if actor is not None and actor.kind in ("PERSON", "ORGANIZATION", "IGO", "GROUP"):
        return broad
    for child in tok.children:
        if child.dep_ in ("appos", "compound") and index.actor_at(child.i):
            actor = index.get(index.actor_at(child.i))
            if actor is not None and actor.kind in ("PERSON", "ORGANIZATION", "IGO", "GROUP"):
                return actor.id
    if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in body_head_sectors():
        # "Norway's foreign ministry", "the Rwandan defence ministry", "the ministry in Kyiv": an
        # unnamed body of a named state speaks for it
        for child in tok.children:
            owners = [child] if child.dep_ in ("poss", "compound", "amod") else \
                [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ in ("of", "in") else []
            for owner in owners:
                actor = index.get(index.actor_at(owner.i))
                if actor is not None and actor.kind == "COUNTRY":
                    return actor.id
    if tok.lemma_.lower() in SPOKESPEOPLE:
        for child in tok.children:
            if child.dep_ == "poss" and index.actor_at(child.i):
                return index.actor_at(child.i)
            if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and index.actor_at(pobj.i):
                        return index.actor_at(pobj.i)
    return None


SPOKESPEOPLE = word_class("spokespeople")


def noun_phrase(tok: Token) -> str:
    tokens = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct") or t.i == tok.i]
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    # stop at the first comma so appositions do not leak in
    span = tok.doc[lo:hi]
    return re.split(r"[,:“\"]", span.text, maxsplit=1)[0].strip() or span.text.split(",")[0].strip()


def is_person(actor_id: str | None, index: ActorIndex) -> bool:
    actor = index.get(actor_id)
    return actor is not None and actor.kind == "PERSON"
