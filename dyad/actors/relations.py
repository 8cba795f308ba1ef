"""Membership and command relations stated by verbs and prepositions: "she joined the rebels",
"he was assigned to the 3rd Brigade", "she commanded the garrison", "a colonel in the navy",
"a member of the party", "spokesman for the armed forces", "Ghana joined the bloc".

Read over the dependency parse after coreference, so "its spokesman" and "the movement's
deputy leader" reach the body a pronoun or description names. A person gets the body as an
affiliation (and a title's role its organisation); a country or body that joins another
becomes one of its members.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..lexicons import word_class
from ..sentences import sentence_of
from ..syntax import all_conjuncts
from .builder import ActorBuilder
from .kb import KnowledgeBase
from .roles import POSITION_VERBS, _appositions, _apply_title, _left_titles

# "joined the rebels", "enlisted in the army", "defected to the opposition"
JOINING_VERBS = word_class("joining_verbs")
# "was assigned to the 3rd Brigade", "was posted to the garrison", "was appointed to the council"
ASSIGNMENT_VERBS = word_class("assignment_verbs")
# "served in the navy", "fought with the militia", "sits in parliament for the UNM"
SERVICE_VERBS = word_class("service_verbs")
# nouns that tie a person to the body after them: "a member of", "leader of", "spokesman for"
RELATION_NOUNS = word_class("relation_nouns")

_BODIES = ("ORGANIZATION", "IGO", "GROUP")
_TO = ("to", "into")
_IN = ("in", "with", "for", "within")


def add_stated_relations(doc: Doc, builders: list[ActorBuilder], owner: dict[int, ActorBuilder], kb: KnowledgeBase) -> None:
    """Affiliations and memberships stated by verbs, relation nouns and possessive titles."""
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX"):
            _verb_relation(tok, owner)
        elif tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in RELATION_NOUNS or _person_title(tok, kb)):
            _noun_relation(tok, owner)
    for b in builders:
        if b.kind == "PERSON":
            _titles_named_by_reference(doc, b, owner, kb)


def _person_title(tok: Token, kb: KnowledgeBase) -> bool:
    agent = kb.agents.get(tok.lemma_.lower())
    return agent is not None and agent.kind == "PERSON"


def _body(tok: Token | None, owner: dict[int, ActorBuilder]) -> list[ActorBuilder]:
    """The bodies a noun phrase (and its conjuncts) names."""
    if tok is None:
        return []
    out = []
    for t in all_conjuncts(tok):
        b = owner.get(t.i)
        if b is not None and b.kind in _BODIES and b not in out:
            out.append(b)
    return out


def _objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            out += [c for c in child.children if c.dep_ == "pobj"]
    return out


def _subjects(verb: Token, owner: dict[int, ActorBuilder]) -> list[ActorBuilder]:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("relcl", "acl") and verb.head.i in owner:
        subject = verb.head  # "Ana Ruiz, who joined the party in 2010"
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    return [owner[t.i] for t in all_conjuncts(subject) if t.i in owner]


def _verb_relation(verb: Token, owner: dict[int, ActorBuilder]) -> None:
    lemma = verb.lemma_.lower()
    if lemma in JOINING_VERBS:
        bodies = [b for t in [c for c in verb.children if c.dep_ == "dobj"] + _objects(verb, _TO + ("in",)) for b in _body(t, owner)]
    elif lemma in ASSIGNMENT_VERBS:
        bodies = [b for t in _objects(verb, _TO + _IN) for b in _body(t, owner)]
    elif lemma in SERVICE_VERBS:
        bodies = [b for t in _objects(verb, _IN) for b in _body(t, owner)]
    elif lemma in POSITION_VERBS and lemma != "be" and verb.dep_ != "relcl":
        bodies = [b for t in (c for c in verb.children if c.dep_ == "dobj") for b in _body(t, owner)]
    else:
        return
    for subject in _subjects(verb, owner):
        for body in bodies:
            _relate(subject, body)


def _noun_relation(noun: Token, owner: dict[int, ActorBuilder]) -> None:
    """"X, a member of Y", "X is the leader of Y", "X, spokesman for Y", "a colonel in the navy"."""
    bodies = [b for t in _objects(noun, ("of", "for", "in", "at", "with", "to")) for b in _body(t, owner)]
    if not bodies:
        return
    holders: list[ActorBuilder] = []
    if noun.dep_ == "appos" and noun.head.i in owner:
        holders = [owner[noun.head.i]]  # "Ana Ruiz, a member of the party"
    elif noun.dep_ == "attr":
        holders = _subjects(noun.head, owner)  # "Ruiz is a member of the party"
    elif noun.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "appos" and c.i in owner for c in noun.children):
        holders = [owner[c.i] for c in noun.children if c.dep_ == "appos" and c.i in owner]  # "the leader of Y, X, said"
    for holder in holders:
        for body in bodies:
            _relate(holder, body)


def _relate(holder: ActorBuilder, body: ActorBuilder) -> None:
    if holder is body:
        return
    if holder.kind == "PERSON":
        if body.kind in ("ORGANIZATION", "IGO") and body.id not in holder.affiliations:
            holder.affiliations.append(body.id)
        holder.country = holder.country or body.country
    elif holder.kind in ("COUNTRY", "ORGANIZATION") and body.kind in ("ORGANIZATION", "IGO") \
            and holder.id not in body.text_members:
        body.text_members.append(holder.id)  # "Ghana joined the bloc"


def _titles_named_by_reference(doc: Doc, person: ActorBuilder, owner: dict[int, ActorBuilder], kb: KnowledgeBase) -> None:
    """A title whose body a pronoun or description names: "Its secretary-general, X", "the
    movement's deputy leader, X" (read after coreference). The title is read again with its
    body; a role read before without one, or tied only to the article's country, gives way."""
    countries = {b.id for b in owner.values() if b.kind == "COUNTRY"}
    for start, end, via in list(person.mentions):
        if via not in ("name", "surname"):
            continue
        for title in _left_titles(doc, start, owner) + _appositions(doc, start, end):
            body = next((owner[t.i] for t in title if t.i in owner and owner[t.i].kind in ("ORGANIZATION", "IGO")
                         and owner[t.i] is not person and _named_or_pronoun(t, owner[t.i])), None)
            if body is None or body.id in person.affiliations:
                continue
            text = title.text.lower()
            person.roles = [r for r in person.roles if not (r.title.lower() in text and (
                r.organization is None or r.organization in countries))]
            _apply_title(person, title, owner, kb)


def _named_or_pronoun(tok: Token, body: ActorBuilder) -> bool:
    """A body's mention that can carry a title: its name, a pronoun ("its"), or a description its
    name bears out ("the movement's" for a Movement); a bare "the agency's" resolved to the last
    body named is too weak to tie a person to it."""
    via = next((v for s, e, v in body.mentions if s <= tok.i < e), None)
    return via != "description" or tok.lemma_.lower() in body.name.lower()


# titles held only in an international body: "Secretary-General X", "the High Commissioner"
IGO_TITLES = word_class("igo_titles")


def tie_international_titles(doc: Doc, builders: list[ActorBuilder]) -> None:
    """A title only an international body has ("Secretary-General Lars Eriksen", "Director-General
    X") with no body named on it belongs to the body named in the same sentence, else to the
    article's only international body: the person is coded by that body (sector IGO)."""
    bodies = [b for b in builders if b.kind == "IGO"]
    if not bodies:
        return
    for person in builders:
        if person.kind != "PERSON":
            continue
        untied = [r for r in person.roles if r.organization is None and r.status == "current"
                  and any(t in r.title.lower().replace("-", " ") for t in IGO_TITLES)]
        if not untied:
            continue
        body = _igo_near(doc, person, bodies)
        if body is None:
            continue
        person.roles = [replace(r, organization=body.id) if r in untied else r for r in person.roles]
        _relate(person, body)
        person.sector, person.code = "IGO", body.code


def _igo_near(doc: Doc, person: ActorBuilder, bodies: list[ActorBuilder]) -> ActorBuilder | None:
    first = min(s for s, _, _ in person.mentions)
    sent = sentence_of(doc[first])
    near = [b for b in bodies if any(sent.start <= s < sent.end for s, _, _ in b.mentions)]
    if len(near) == 1:
        return near[0]
    return bodies[0] if len(bodies) == 1 and not near else None
