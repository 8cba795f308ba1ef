"""Event candidates: every word that matches a trigger pattern, with its arguments and
realis, before the passes in ``coder.py`` refine them."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..actors.index import ActorIndex
from ..lexicons import word_class
from ..sentences import sentences, text_of
from .arguments import Arg, complement_targets, fill_slots, object_noun_targets, support_verb_targets
from .cameo import reduce_code
from .lexicon import Pattern
from .realis import realis_of
from .triggers import choose_pattern, pos_key

# Verbs that only carry the event their object names ("carried out strikes", "held talks").
SUPPORT_VERBS = word_class("support_verbs")


RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})


# Verbs that cut back or call off the cooperation their object names ("reduced aid to",
# "halted talks with", "cancelled a visit to"): CAMEO 16.
REDUCING = word_class("reducing_verbs")


def _yields_to_noun(tok: Token, pattern: Pattern, chosen: dict[int, Pattern]) -> bool:
    """A support verb gives way to the event noun it carries: "launched air strikes",
    "imposed sanctions", "the siege imposed on the city" are one event each, coded by the
    noun. A verb with meaning of its own ("rejected the offer", "signed the accord") stays."""
    if pattern.pos != "VERB" or tok.lemma_.lower() not in SUPPORT_VERBS:
        return False
    if any(c.dep_ == "dobj" and chosen.get(c.i, pattern).pos == "NOUN" and c.i in chosen for c in tok.children):
        return True
    return tok.dep_ == "acl" and tok.head.i in chosen and chosen[tok.head.i].pos == "NOUN"


def _object_of_an_act(tok: Token, pattern: Pattern, chosen: dict[int, Pattern]) -> bool:
    """An event noun that is what another event acts on ("suspended military aid", "condemned
    the attack", "rejected the offer") is the object, not a second event: the verb is coded.
    A noun with its own author ("condemned Russia's attack on Ukraine") stays an event."""
    if pattern.pos != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = tok.head
    if verb.i not in chosen or chosen[verb.i].pos != "VERB" or verb.lemma_.lower() in SUPPORT_VERBS:
        return False
    if chosen[verb.i].cameo.startswith("01"):
        return False  # "described its visit to Moscow": talking about an event leaves it an event
    return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible event: the matched word and pattern, its arguments and what the passes
    made of it. Passes never change a candidate; they return a new one (``dataclasses.replace``)."""

    tok: Token
    pattern: Pattern
    sources: tuple[Arg, ...]
    targets: tuple[Arg, ...]
    sent_i: int
    cameo: str
    trigger: Token  # the word shown as trigger ("refused" for a refusal)
    realis: str = "asserted"
    reciprocal: bool = False
    inferred_target: bool = False  # the partner is the article's, not the sentence's
    restated: bool = False  # told again by another candidate (an appeal verb, a statement about a plan): not coded

    @property
    def has_source(self) -> bool:
        return any(a.actor for a in self.sources)

    @property
    def has_target(self) -> bool:
        return any(a.actor for a in self.targets)


@dataclass(frozen=True, slots=True)
class EventContext:
    """What the passes over candidates read besides the candidates themselves."""

    index: ActorIndex
    lexicon: dict
    actors_by_id: dict
    countries: frozenset[str]


# Verbs of possession and lasting state: an event noun as their object is a state, not an
# event ("has an agreement with", "maintained a ceasefire").
STATE_VERBS = word_class("state_verbs")


# Words that open a line of page furniture: "Related: ...", "Read more: ...", "Photo: ...", "By ...".
BOILERPLATE = word_class("boilerplate_cues")


def _hand_noun_object(tok: Token, chosen: dict[int, Pattern]) -> bool:
    """A PETRARCH2 verb row whose object is an event noun of the hand table gives way to it."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.i in chosen and not chosen[c.i].origin
               and chosen[c.i].pos == "NOUN" for c in tok.children)


def _a_state(tok: Token, pattern: Pattern) -> bool:
    return pattern.pos == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in STATE_VERBS


def _furniture(sent, seen: set[str]) -> bool:
    """A line that tells no news: a sentence said before word for word (a headline repeated as
    the lead), or a line opened by a page-furniture cue and a colon ("Related:", "Photo:"), or a
    byline ("By Jane Doe, Reuters": "by" opening a line without a verb)."""
    key = " ".join(text_of(sent.doc)[sent.start_char:sent.end_char].lower().split())
    if key in seen:
        return True
    seen.add(key)
    words: list[Token] = []  # the first four words are all a cue needs
    for t in sent:
        if not t.is_space:
            words.append(t)
            if len(words) == 4:
                break
    for n in (1, 2, 3):
        cue = " ".join(t.lower_ for t in words[:n])
        if cue in BOILERPLATE and len(words) > n and words[n].text in (":", "|", "-", "—"):
            return True
    return bool(words) and words[0].lower_ == "by" and not any(t.pos_ in ("VERB", "AUX") for t in sent)


def find_candidates(doc: Doc, index: ActorIndex, lexicon) -> tuple[Candidate, ...]:
    """Every word that matches a trigger pattern and is not carried by another event, with its
    arguments and realis, in document order."""
    chosen: dict[int, Pattern] = {}
    twins: dict[int, Pattern] = {}  # the hand row a gated PETRARCH2 row would replace (learned.py decides)
    for tok in doc:
        pos = pos_key(tok)
        if tok.ent_type_ in ("DATE", "TIME"):
            continue  # "in March", "on Sunday": a date, not a march
        patterns = lexicon.get((tok.lemma_.lower(), pos)) if pos else None
        pattern = choose_pattern(tok, patterns, index) if patterns else None
        if pattern is not None:
            chosen[tok.i] = pattern
            hand = choose_pattern(tok, [p for p in patterns if not p.origin], index) if pattern.gated else None
            if hand is not None:
                twins[tok.i] = hand
    for i in [i for i, p in chosen.items() if p.origin and _hand_noun_object(doc[i], chosen)]:
        del chosen[i]  # the hand table codes the noun: "opened fire", "concluded talks" are the noun's events
        if i in twins:
            chosen[i] = twins.pop(i)
    recoded = _denials(doc, chosen) | _reductions(doc, chosen)
    found: list[Candidate] = []
    seen: set[str] = set()
    sents = sentences(doc)
    starts = [s.start for s in sents]
    furniture = {n for n, sent in enumerate(sents) if _furniture(sent, seen)}
    for i in sorted(chosen):  # document order, sentence by sentence
        sent_i = bisect_right(starts, i) - 1
        if sent_i < 0 or sent_i in furniture or i >= sents[sent_i].end:
            continue
        tok = doc[i]
        for pattern in (chosen[i], twins[i]) if i in twins else (chosen[i],):
            if _yields_to_noun(tok, pattern, chosen) or _object_of_an_act(tok, pattern, chosen) or _a_state(tok, pattern):
                continue
            found.append(_candidate(tok, pattern, sent_i, recoded.get(tok.i, ("", None)), index))
    return tuple(found)


def _candidate(tok: Token, pattern: Pattern, sent_i: int, recoded: tuple[str, Token | None], index: ActorIndex) -> Candidate:
    sources = tuple(fill_slots(tok, pattern.source, pattern, index, set()))
    source_ids = {a.actor for a in sources if a.actor}
    targets = tuple(fill_slots(tok, pattern.target, pattern, index, source_ids))
    if not any(a.actor for a in targets) and pattern.origin:
        # a PETRARCH2 row names where its target is, or its object noun does ("cancelled a visit to X")
        targets = tuple(object_noun_targets(tok, index, source_ids)) or targets
    elif not any(a.actor for a in targets) and not pattern.cameo.startswith("01"):
        targets = tuple(object_noun_targets(tok, index, source_ids)
                        or complement_targets(tok, index, source_ids)
                        or support_verb_targets(tok, index, source_ids)) or targets
    cameo, trigger = recoded
    trigger = trigger or tok
    return _reciprocal(Candidate(tok, pattern, sources, targets, sent_i, cameo=cameo or pattern.cameo,
                                 trigger=trigger, realis=realis_of(trigger)))


def _reciprocal(candidate: Candidate) -> Candidate:
    """"Russia and China met", "negotiators from A and B agreed": each acts on the other, the
    first named is the source."""
    sources = candidate.sources
    if (len(sources) > 1 and not candidate.has_target and not candidate.reciprocal
            and RECIPROCAL_ROOTS & {candidate.cameo[:2], candidate.pattern.cameo[:2]}):
        return replace(candidate, sources=sources[:1], targets=sources[1:2], reciprocal=True)
    return candidate


def reciprocal_sides(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """The same split for a candidate a pass recoded into a cooperative root: "A and B agreed
    to resume flights" is an intent (03) of each to the other once "agreed" is read as one."""
    return tuple(_reciprocal(c) for c in candidates)


DENYING = word_class("denying_verbs")


CLAIM_NOUNS = word_class("claim_nouns")


def _denials(doc: Doc, chosen: dict[int, Pattern]) -> dict[int, tuple[str, Token | None]]:
    """"rejected the accusations", "denied the claim": turning down what was said about one is
    CAMEO 016 (deny responsibility), a statement, not a rejection of a proposal (12)."""
    out: dict[int, tuple[str, Token | None]] = {}
    for i, pattern in chosen.items():
        verb = doc[i]
        if pattern.pos != "VERB" or verb.lemma_.lower() not in DENYING:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        said = obj.lemma_.lower() in CLAIM_NOUNS or (obj.i in chosen and chosen[obj.i].cameo[:2] == "11")
        if said:
            out[i] = ("016", None)
    return out


def _reductions(doc: Doc, chosen: dict[int, Pattern]) -> dict[int, tuple[str, Token | None]]:
    """"reduced military aid to Argentina", "suspended talks with Kyiv", "cancelled a visit to
    Paris": a cooperative event noun under a verb of cutting or calling off is CAMEO 16. When
    the verb is itself a trigger ("suspended" 160) it takes the finer code and the noun stays
    its object; otherwise the noun's event is recoded and the verb shown as its trigger."""
    out: dict[int, tuple[str, Token | None]] = {}
    for i, pattern in chosen.items():
        tok = doc[i]
        verb = tok.head
        if pattern.pos != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() not in REDUCING:
            continue
        code = reduce_code(pattern.cameo)
        if code is None:
            continue
        if verb.i in chosen:
            out[verb.i] = (code, None)
        else:
            out[i] = (code, verb)
    return out
