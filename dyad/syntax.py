"""Walks over the dependency parse shared by every stage: subjects, prepositional objects,
conjuncts, clause heads, the verb that carries an event noun, passives, definiteness.

Pure functions of spaCy tokens; the verb classes they consult come from
``dyad/data/word_classes.tsv``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .english import DEFINITE_DETERMINERS, DEMONSTRATIVE_PLURALS
from .datelines import in_dateline
from .lexicons import word_class
from .sentences import text_of

# verbs that only carry the event their object names ("carried out strikes", "held talks"), or
# only its status ("failed to reach an agreement", "will hold talks")
CARRYING_VERBS = word_class("support_verbs") | word_class("light_verbs")
COMMISSIVE = word_class("commissive_governors")
INTENDING = word_class("intending_governors")
NEGATING = word_class("negating_governors")
REFUSING = word_class("refusing_verbs")
REQUESTING = word_class("requesting_verbs")
STATEMENT_NOUNS = word_class("statement_nouns")  # "a statement", "a letter", "a plan": what a body issues


def definite(tok: Token, *, plural_demonstratives: bool = False, unmodified: bool = False) -> bool:
    """A noun with a definite determiner ("the", "this", "that"; with ``plural_demonstratives``
    also "these", "those"); with ``unmodified``, one that has no adjective or compound either
    ("the minister", not "the Florida senator")."""
    words = DEFINITE_DETERMINERS | DEMONSTRATIVE_PLURALS if plural_demonstratives else DEFINITE_DETERMINERS
    if not any(c.dep_ == "det" and c.lower_ in words for c in tok.children):
        return False
    return not unmodified or not any(c.dep_ in ("amod", "compound") for c in tok.children)

def with_conjuncts(token: Token | None) -> list[Token]:
    if token is None:
        return []
    out = [token]
    for conj in token.conjuncts:
        if conj.i > token.i:
            out.append(conj)
    return out[:4]


def all_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def prep_object(tok: Token, word: str) -> Token | None:
    objects = prep_objects(tok, word)
    return objects[0] if objects else None


def prep_objects(tok: Token, word: str) -> list[Token]:
    """Objects of a preposition, coordinated prepositions included ("with X ... and with Y")."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "prt", "dative") and child.lower_ == word:
            for prep in [child, *(c for c in child.conjuncts if c.lower_ == word)]:
                out += [p for p in prep.children if p.dep_ == "pobj"]
    return out


def carrier_of(tok: Token) -> Token:
    """The verb an event noun's status comes from ("failed to reach an agreement", "agreed to
    provide aid", "refused to hold talks"): its support or light verb, else the word itself."""
    if (tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB"
            and tok.head.lemma_.lower() in CARRYING_VERBS):
        return tok.head
    return tok


def clause_head(tok: Token) -> Token:
    """The first of coordinated verbs, which holds their shared governor ("agreed to meet and sign")."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node


def infinitive_complement(tok: Token) -> bool:
    """"vowed on Friday to expel ...", "pledged on Tuesday to restore ...": with a word in
    between the parser often takes the infinitive for a purpose clause; after a verb of
    intending, asking or refusing it is the verb's complement."""
    return (tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and tok.head.lemma_.lower() in INTENDING | REQUESTING | COMMISSIVE | REFUSING | NEGATING)


def subject_of(tok: Token) -> Token | None:
    """The logical subject, inherited through coordination, control and relative clauses. A
    dateline the parser took for a second subject ("MANILA — The Philippines accused ...") is
    never the subject."""
    for child in tok.children:
        if child.dep_ in ("nsubj", "csubj"):
            if not in_dateline(text_of(tok.doc), child.idx):
                return child
            # "HAVANA — Colombia's government and the ELN agreed": the parser hangs the real
            # subject on the dateline as its apposition
            appos = next((c for c in child.children if c.dep_ == "appos" and not in_dateline(text_of(tok.doc), c.idx)), None)
            if appos is not None:
                return appos
    for child in tok.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if tok.dep_ == "relcl":
        return tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return None  # "the siege imposed on Gaza": the participle's agent is unstated
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in STATEMENT_NOUNS:
        return statement_author(tok.head)  # "issued a declaration demanding ...": the issuer demands
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        return subject_of(tok.head)
    if tok.dep_ == "xcomp" or infinitive_complement(tok):
        governor = tok.head
        if governor.pos_ == "ADJ":  # "is ready to cooperate"
            governor = governor.head
        obj = next((c for c in governor.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and governor.lemma_.lower() in REQUESTING:
            return obj  # object control: "urged Russia to pressure ..."
        on_obj = prep_object(governor, "on")
        if on_obj is not None and governor.lemma_.lower() == "call":
            return on_obj  # "called on the government to come"
        return subject_of(governor)
    if tok.dep_ == "advcl" and tok.tag_ in ("VB", "VBG"):
        return subject_of(tok.head)
    return None


def statement_author(noun: Token) -> Token | None:
    """Who a statement, letter or plan is by: its possessor ("Iran's letter"), its "by" or
    "from" phrase, else the subject of the verb that issues it ("the PKK issued a declaration")."""
    author = next((c for c in noun.children if c.dep_ == "poss"), None)
    author = author or prep_object(noun, "by") or prep_object(noun, "from")
    return author if author is not None else governing_subject(noun)


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def governing_subject(noun: Token) -> Token | None:
    """For "Israel launched air strikes on Gaza": the subject of the verb over the noun."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head) if noun.dep_ != "nsubjpass" else prep_object(head, "by")
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and head.lower_ in ("in", "into", "with"):
        return subject_of(head.head)
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in ("go", "embark"):
        return subject_of(head.head)  # "teachers went on strike", "embarked on a tour of Asia"
    if (noun.dep_ == "pobj" and head.lower_ in ("to", "on", "upon") and head.head.pos_ == "VERB"
            and head.head.lemma_.lower() in COMMISSIVE):
        return subject_of(head.head)  # "agreed to a ceasefire", "agreed on a prisoner swap", "committed to talks"
    return None


def for_clause(node: Token) -> bool:
    """"called for Mali to release the soldiers": an infinitive clause opened by "for"."""
    return node.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in node.children)


def governor_of(tok: Token) -> Token:
    """The word a clause or event noun hangs on, past a coordinating head, an adjective or a
    preposition ("ready to meet", "called for talks", "agreed to meet and sign")."""
    governor = clause_head(tok).head
    if governor.pos_ in ("ADJ", "ADP") and governor.lemma_.lower() not in COMMISSIVE:
        governor = governor.head
    return governor
