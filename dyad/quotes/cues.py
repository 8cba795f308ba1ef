"""Reporting cues in a parsed document: verbs of saying and thinking, "according to", and
the speech acts whose words may follow as a quotation."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicons import Cue, word_class
from .marks import QuoteSpan

# Verbs of saying with a common sense that is not saying when they take a plain object
# ("Russia has maintained close ties", "the army added 500 troops", "claimed responsibility")
DUAL_SENSE = word_class("dual_sense_cues")


# objects that keep them verbs of saying ("stressed the point", "repeated the claim")
SPEECH_OBJECTS = word_class("speech_objects")


def _other_sense(tok: Token, spans: list[QuoteSpan]) -> bool:
    if tok.lemma_.lower() not in DUAL_SENSE or any(c.dep_ == "ccomp" for c in tok.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in SPEECH_OBJECTS
               and not any(sp.covers(c.idx) for sp in spans) for c in tok.children)


def find_cues(doc: Doc, verbs, spans: list[QuoteSpan] = ()) -> list[tuple[Token, Cue]]:
    found = []
    for tok in doc:
        if tok.lemma_.lower() in verbs and verbs[tok.lemma_.lower()][0].kind == "quotation" and _takes_complement(tok, spans):
            continue  # "continued to fight", "continuing the talks": not a quotation's cue
        if _other_sense(tok, spans):
            continue
        # by lemma, else by the word itself ("according" has the lemma "accord")
        for cue in verbs.get(tok.lemma_.lower(), ()) or verbs.get(tok.lower_, ()):
            if cue.particle:
                if not any(c.lower_ == cue.particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children) and not (
                    tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == cue.particle
                ):
                    continue
            elif tok.pos_ not in ("VERB",):
                continue
            found.append((tok, cue))
            break
    return found


def _takes_complement(tok: Token, spans: list[QuoteSpan]) -> bool:
    """A verb with an object or clause of its own outside quotation marks ("continued to
    fight"), or a participle modifying a noun ("a message reading …")."""
    if tok.dep_ == "acl":
        return True
    return any(child.dep_ in ("dobj", "xcomp", "ccomp") and not any(sp.covers(child.idx) for sp in spans)
               for child in tok.children)


# Verbs of a speech act whose words often follow as a quotation of their own
# ("Vell praised the governor's leadership. “We need a leader who …”").
SPEECH_ACT_VERBS = word_class("speech_act_verbs")


SPEECH_ACT = Cue("", "", "speech")
