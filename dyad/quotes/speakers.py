"""Who speaks: the speaker word of a cue, and the actor a speaker phrase names."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..actors.index import ActorIndex, actor_of
from ..english import SAYING_PREPOSITIONS
from ..document import Actor
from ..lexicons import Cue, body_head_sectors, word_class
from ..sentences import text_of

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
        if actor is not None and actor.kind == "PERSON" and tok.lower_ in GENDERED_PRONOUNS:
            return agreeing_person(tok, actor, index)
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


GENDERED_PRONOUNS = {"he": "m", "she": "f"}
FEMININE = word_class("feminine_nouns")
MASCULINE = word_class("masculine_nouns")
_TITLE_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
# how far back (tokens) a pronoun whose resolution disagrees in gender looks for a person that agrees
GENDER_WINDOW = 120


def gender_of(actor: Actor, text: str) -> str | None:
    """"f" or "m" when the article says: a courtesy title before one of the person's mentions
    ("Mrs. Roe", "Mr. Roe") or a gendered word in a title the person holds ("spokeswoman")."""
    found = set()
    for mention in actor.mentions:
        words = mention.text.lower().replace(".", " ").split()
        before = _TITLE_BEFORE.search(text[max(0, mention.start - 12):mention.start])
        if before is not None:
            words.append(before.group(1).lower())
        found.update("f" if w in FEMININE else "m" for w in words if w in FEMININE or w in MASCULINE)
    for role in actor.roles:
        found.update("f" if w in FEMININE else "m" for w in role.title.lower().split() if w in FEMININE or w in MASCULINE)
    return found.pop() if len(found) == 1 else None


def agreeing_person(tok: Token, actor: Actor, index: ActorIndex) -> str | None:
    """A "he" or "she" resolved to a person the article gives the other gender is the closest
    person named before it who agrees (or whose gender the article does not give)."""
    text = text_of(tok.doc)
    want = GENDERED_PRONOUNS[tok.lower_]
    if gender_of(actor, text) in (None, want):
        return actor.id
    unknown = None
    for j in range(tok.i - 1, max(-1, tok.i - GENDER_WINDOW), -1):
        other = index.get(index.actor_at(j))
        if other is None or other.kind != "PERSON" or other.id == actor.id or tok.doc[j].pos_ == "PRON" \
                or _quoted_between(text[tok.doc[j].idx:tok.idx]):
            continue  # a name inside a quotation is not who the narrative goes on about
        gender = gender_of(other, text)
        if gender == want:
            return other.id
        if gender is None and unknown is None:
            unknown = other.id
    return unknown


def _quoted_between(text: str) -> bool:
    """The text from a name to the pronoun closes a quotation the name sits in."""
    return text.count("”") > text.count("“") or text.count('"') % 2 == 1


def is_person(actor_id: str | None, index: ActorIndex) -> bool:
    actor = index.get(actor_id)
    return actor is not None and actor.kind == "PERSON"
