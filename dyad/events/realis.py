"""Realis: whether an event is asserted, negated, intended, requested or hypothetical,
read from negation, auxiliaries, conditions and the verb that governs it."""
from __future__ import annotations

from spacy.tokens import Token

from ..english import CONDITIONAL_MARKS, FUTURE_AUX, GOVERNING_PREPS, HYPOTHETICAL_AUX, REFUSAL_MODALS
from ..lexicons import word_class
from ..syntax import carrier_of, clause_head, for_clause, infinitive_complement, prep_object

# An appeal is a request and an expressed intent a plan, whatever the verb's tense.
REALIS_BY_ROOT = {"02": "requested", "03": "intended"}


# Governors that make the event under them something other than a plain fact.
NEGATING = word_class("negating_governors")


INTENDING = word_class("intending_governors")


# Governors that make the act under them a commitment the source states ("agreed to", "offered
# to", "is ready to", "vowed to", "threatened to"): CAMEO codes the statement of intent (03, 13).
# Plans and schedules ("plans to visit", "is due to meet") are not in the list: they report an
# act to come and keep its own code.
COMMISSIVE = word_class("commissive_governors")


# verbs of saying under which "it would send", "it will release" is the source's own announcement
ANNOUNCING = word_class("announcing_verbs")


REQUESTING = word_class("requesting_verbs")
# the requesting verbs that ask even when no one asked is named ("called for talks")
APPEALING = word_class("appealing_verbs")


def realis_of(tok: Token) -> str:
    def negated(t: Token) -> bool:
        return any(c.dep_ == "neg" for c in t.children)

    if negated(tok):
        return "negated"
    carrier = carrier_of(tok)
    if carrier.i != tok.i:
        verb_realis = realis_of(carrier)  # "failed to reach an agreement", "will hold talks": the verb's status
        if verb_realis == "asserted" and carrier.lemma_.lower() in COMMISSIVE:
            return "intended"  # "offered talks", "pledged aid": what is offered is yet to happen
        return verb_realis
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
        return "hypothetical"
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in tok.children):
        return "hypothetical"  # "will strike if talks fail": the act hangs on the condition
    node = clause_head(tok)
    if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
        return "hypothetical"
    if obligation_of(node) is not None:
        return "requested"  # "said Israel must reopen the crossings": a demand
    if "would" in aux and "have" not in aux and node.dep_ == "ccomp" and node.head.lemma_.lower() in ANNOUNCING:
        return "intended"  # "said it would send troops": the reported "will" ("would have struck" stays counterfactual)
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    in_for_clause = for_clause(node)
    governed_noun = tok.pos_ == "NOUN" and (tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in GOVERNING_PREPS))
    complement = node.dep_ == "xcomp" or infinitive_complement(node)
    if complement or node.dep_ in ("ccomp", "acl") or in_for_clause or governed_noun:
        governor = node.head
        if governor.pos_ in ("ADJ", "ADP"):  # "ready to meet", "called for talks"
            governor = governor.head
        lemma = governor.lemma_.lower()
        if lemma in NEGATING:
            return "negated"
        if negated(governor) and complement:
            return "negated"
        if lemma in REQUESTING and (complement or in_for_clause or tok.pos_ == "NOUN"):
            has_object = any(c.dep_ in ("dobj", "dative") for c in governor.children) or prep_object(governor, "on") is not None
            if has_object or lemma in APPEALING:
                return "requested"
        if lemma in INTENDING or node.head.lemma_.lower() in INTENDING:
            return "intended"
    if aux & FUTURE_AUX or ("going" in aux and "to" in {c.lower_ for c in tok.children}):
        return "intended"
    return "asserted"


def obligation_of(node: Token) -> Token | None:
    """The verb of saying over "Y must do Z" ("HRW said the authorities must ensure ..."),
    when the one obliged is not the speaker: the speaker demands it of them."""
    if node.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ == "must" for c in node.children):
        return None
    saying = node.head
    if saying.lemma_.lower() not in ANNOUNCING | {"demand", "insist"}:
        return None
    doer = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doer is None or doer.pos_ == "PRON":
        return None  # "we must act", "it must withdraw" may bind the speaker: not a demand on another
    return saying


def modal_refusal(tok: Token) -> bool:
    """"will not", "would not", "won't", "cannot" + a cooperative verb: a refusal."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    negated = any(c.dep_ == "neg" for c in tok.children)
    return negated and bool(aux & REFUSAL_MODALS)


def is_future(tok: Token, realis: str) -> bool:
    """An act still to come: intended, and in the future or scheduled ("will host talks on
    Monday", "is due to visit", "plans to travel") rather than reported as agreed."""
    if realis != "intended":
        return False
    node = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else tok
    aux = {c.lower_ for c in node.children if c.dep_ == "aux"}
    return bool(aux & FUTURE_AUX) or node.dep_ == "xcomp" and node.head.tag_ in ("VBZ", "VBP", "JJ", "VBG")
