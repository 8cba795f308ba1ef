"""An event's source and target: the trigger pattern's slots filled from the parse, and the
places a target hides when the slot is empty (the verb's object, its recipient, its complement)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors.index import ActorIndex, actor_of
from ..datelines import in_dateline
from ..english import FUTURE_AUX
from ..lexicons import word_class
from ..sentences import text_of
from ..syntax import clause_head, for_clause, governing_subject, is_passive, prep_object, prep_objects, subject_of, with_conjuncts
from .lexicon import Pattern

SUPPORT_VERBS = word_class("support_verbs")
REQUESTING = word_class("requesting_verbs")
ANNOUNCING = word_class("announcing_verbs")
COLLECTIVE_KINDS = frozenset({"COUNTRY", "GROUP", "ORGANIZATION", "IGO"})

@dataclass(frozen=True, slots=True)
class Arg:
    actor: str | None
    token: Token | None


def _slot_token(tok: Token, slot: str, pattern: Pattern) -> Token | None:
    if slot == "nsubj":
        if is_passive(tok):
            return prep_object(tok, "by")
        return subject_of(tok)
    if slot == "dobj":
        if is_passive(tok):
            return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        return next((c for c in tok.children if c.dep_ == "dobj"), None)
    if slot == "iobj":
        return next((c for c in tok.children if c.dep_ == "dative"), None)
    if slot == "particle":
        obj = prep_object(tok, pattern.particle)
        return obj or next((c for c in tok.children if c.dep_ == "dobj"), None)
    if slot == "poss":
        return next((c for c in tok.children if c.dep_ == "poss"), None)
    if slot == "compound":
        return next((c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")), None)
    if slot == "governor":
        return governing_subject(tok)
    if slot.startswith("prep:"):
        word = slot[5:]
        found = prep_object(tok, word)
        if found is None and pattern.pos == "NOUN":
            # the parser often hangs the noun's argument on its verb: "launched air strikes
            # on Yemen", "the siege imposed on Gaza"
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
                found = prep_object(tok.head, word)
            for child in tok.children:
                if found is None and child.dep_ == "acl" and child.tag_ == "VBN":
                    found = prep_object(child, word)
        return found
    return None


def fill_slots(tok: Token, slots: tuple[str, ...], pattern: Pattern, index: ActorIndex, exclude: set[str]) -> list[Arg]:
    for slot in slots:
        if slot == "none":
            continue
        head = _slot_token(tok, slot, pattern)
        if head is None:
            continue
        heads = with_conjuncts(head)
        word = slot[5:] if slot.startswith("prep:") else pattern.particle if slot == "particle" else ""
        if word:
            # the other objects of the same preposition: "called on Wednesday on the court to ..."
            seen_heads = {h.i for h in heads}
            heads += [t for t in prep_objects(tok, word)[1:] if t.i not in seen_heads]
        args = [arg for t in heads for arg in _sides_named_in(t, _argument_actor(t, index), index)]
        args = [a for a in args if a.actor not in exclude or a.actor is None]
        if any(a.actor for a in args):
            return [a for a in args if a.actor]
        # the subject of the act, or of the verb carrying an event noun ("it is prepared to impose martial law")
        speaker = _reported_speaker(tok, head, index) if slot in ("nsubj", "governor") else None
        if speaker is not None and speaker.actor not in exclude:
            return [speaker]
    return [Arg(None, None)]


def _reported_speaker(tok: Token, subject: Token, index: ActorIndex) -> Arg | None:
    """"Palestinian leaders said they would boycott ...", "the rebels announced that we will
    fight on": "they" or "we" as the subject of what a body says it will do is that body (what
    "they" did, "Israel said they fired rockets", may be someone else's act). "It" after a
    single body's word is that body whatever the tense ("Syria says it is willing to withdraw",
    "the ministry said it had sent"), also when the act is a complement of its clause."""
    word = subject.lower_
    if word not in ("they", "we", "it"):
        return None
    verb = subject.head if subject.dep_ == "nsubj" else tok  # "it is willing to withdraw": the clause is "is"
    node = clause_head(verb)
    if node.dep_ != "ccomp" or node.head.lemma_.lower() not in ANNOUNCING:
        return None
    if word != "it" and not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"}
                                for c in (*tok.children, *verb.children, *node.children)):
        return None
    speaker = subject_of(node.head)
    actor = index.get(_argument_actor(speaker, index)) if speaker is not None else None
    if actor is None or actor.kind not in COLLECTIVE_KINDS:
        return None
    if word == "it" and speaker.tag_ in ("NNS", "NNPS"):
        return None  # "it" is no plural speaker ("the rebels said it ...")
    return Arg(actor.id, speaker)


def _sides_named_in(tok: Token, actor: str | None, index: ActorIndex) -> list[Arg]:
    """"Pakistani and Afghan officials", "Israeli and Hamas negotiators": a group named by
    coordinated modifiers that are actors of their own is those actors, each a side; so are the
    modifiers of a word that is no actor itself ("Russian and Syrian jets")."""
    own = index.get(index.actor_at(tok.i))
    if own is not None and own.kind != "GROUP":
        return [Arg(actor, tok)]
    modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
    named: dict[str, Token] = {}
    for first in modifiers:
        for word in (first, *(c for c in first.conjuncts if c.i < tok.i)):
            side = index.actor_at(word.i)
            if side and (own is None or side != own.id):
                named.setdefault(side, word)
    if len(named) < 2 or not any(m.conjuncts for m in modifiers):
        return [Arg(actor, tok)]
    return [Arg(side, word) for side, word in named.items()]


def _argument_actor(tok: Token, index: ActorIndex) -> str | None:
    """The actor an argument names; a dateline the parser hung on the verb ("NIAMEY — The
    junta accused ...") is none."""
    return None if in_dateline(text_of(tok.doc), tok.idx) else actor_of(tok, index)


def object_noun_targets(tok: Token, index: ActorIndex, exclude: set[str]) -> list[Arg]:
    """"signed a trade agreement with Chile", "suspended military aid to Pakistan", "lifted
    sanctions on Iran": the target hangs on the verb's object."""
    if tok.pos_ != "VERB":
        return []
    for obj in (c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "NUM")):
        for word in ("with", "to", "on", "against", "for", "toward", "towards", "between", "among"):
            found = [arg for pobj in prep_objects(obj, word) for p in with_conjuncts(pobj)
                     for arg in _sides_named_in(p, actor_of(p, index), index)]
            found = [a for a in found if a.actor and a.actor not in exclude]
            if found:  # "hosted talks between Israel and Hamas": both sides
                return found
        for word in ("with", "to", "on", "against"):
            # the parser often hangs the object's partner on the verb: "suspended cooperation
            # with the agency", "sent aid to Gaza"
            for pobj in prep_objects(tok, word):
                actor = actor_of(pobj, index)
                if actor and actor not in exclude:
                    return [Arg(actor, pobj)]
        # whose the object is: "rejected Iran's offer", "declined Biden's request", "violated a
        # ban by the UN", "spurned offers of talks from Kabul"
        authors = [c for c in obj.children if c.dep_ == "poss"] + prep_objects(obj, "by") + prep_objects(obj, "from")
        for author in authors:
            actor = index.actor_at(author.i) or actor_of(author, index, depth=1)
            if actor and actor not in exclude:
                return [Arg(actor, author)]
    return []


def support_verb_targets(tok: Token, index: ActorIndex, exclude: set[str]) -> list[Arg]:
    """"offered talks to Venezuela", "gave Kyiv new aid": an event noun carried by a support
    verb goes to the verb's recipient."""
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in SUPPORT_VERBS:
        return []
    verb = tok.head
    recipients = ([c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"] + prep_objects(verb, "to")
                  + prep_objects(tok, "to"))
    for recipient in recipients:
        actor = actor_of(recipient, index)
        if actor and actor not in exclude:
            return [Arg(actor, recipient)]
    return []


def _complement_clauses(tok: Token) -> list[Token]:
    """The clauses that say what is asked: a verb's complement; a noun's clause ("its demand that
    Israel ease restrictions"), which the parser hangs on the verb over the noun when a word
    comes between ("reiterated its demand today that Israel ease ...")."""
    clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") or for_clause(c)
               or (c.dep_ == "acl" and tok.pos_ == "NOUN")]
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        clauses += [c for c in tok.head.children if c.i > tok.i and (for_clause(c) or (
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)))]
    return clauses


def complement_targets(tok: Token, index: ActorIndex, exclude: set[str]) -> list[Arg]:
    """The target of a threat, appeal or intent lies in what is threatened or asked:
    "vowed to curb its work with the agency" -> the agency."""
    for clause in (c for c in _complement_clauses(tok) if tok.lemma_.lower() in REQUESTING):
        # "wants Russia to become involved", "needs Russia to exert its influence": the one asked
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        actor = actor_of(subject, index) if subject is not None else None
        if actor and actor not in exclude:
            return [Arg(actor, subject)]
    for xcomp in (c for c in tok.children if c.dep_ == "xcomp"):
        queue = [xcomp]
        while queue:
            node = queue.pop(0)
            for child in node.children:
                if child.dep_ in ("dobj", "pobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    actor = actor_of(child, index)
                    if actor and actor not in exclude:
                        return [Arg(actor, child)]
                if child.dep_ in ("dobj", "prep", "pobj", "xcomp", "dative"):
                    queue.append(child)
    return []
