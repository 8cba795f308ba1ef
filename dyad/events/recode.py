"""CAMEO codes what is said about an act: a refusal is a rejection (12), a commitment an
intent (03), a threat a threat (13), an appeal an appeal (02), a demand a demand (10); a
strike by workers is a labour strike (143)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.index import ActorIndex, actor_of
from ..english import FUTURE_AUX
from ..lexicons import word_class
from ..syntax import carrier_of, clause_head, governor_of, infinitive_complement, subject_of, with_conjuncts
from .arguments import Arg, fill_slots
from .candidates import Candidate, EventContext
from .cameo import appeal_code, demand_code, intent_code, reject_code, threat_code
from .realis import ANNOUNCING, COMMISSIVE, modal_refusal, obligation_of

REFUSING = word_class("refusing_verbs")


AGREEING = word_class("agreeing_verbs")


THREATENING = word_class("threatening_verbs")


HOSTILE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


# "said it would send aid" pledges material help, cooperation or a concession (06-08) or
# threatens force (17-20); "said she would meet X" only schedules a meeting
ANNOUNCED_ROOTS = frozenset({"06", "07", "08", "17", "18", "19", "20"})


def refusals(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """CAMEO codes a refusal of cooperation as rejection ("refused to meet" -> 125, "will not
    accept refugees" -> 124): the refused event takes the reject code and is asserted; with a
    refusing verb, that verb becomes the trigger. A plain past negation ("did not meet") says
    something did not happen, not that it was refused, and stays negated."""
    return tuple(_refused(candidate) for candidate in candidates)


def _refused(candidate: Candidate) -> Candidate:
    if candidate.realis == "negated" and modal_refusal(candidate.tok):
        code = reject_code(candidate.cameo)
        if code is not None:
            return replace(candidate, cameo=code, realis="asserted")
    node = carrier_of(candidate.tok)  # "refused to meet the envoys": the talks are what is refused
    governor = node.head
    if not (node.dep_ == "xcomp" or infinitive_complement(node)) or governor.lemma_.lower() not in REFUSING:
        return candidate
    code = reject_code(candidate.cameo)
    if code is None:
        return candidate
    return replace(candidate, cameo=code, realis="asserted", trigger=governor)


# Who strikes says which strike it is: workers, teachers, doctors and citizens walk out
# (CAMEO 143), armies and states attack (19).
LABOUR_SECTORS = frozenset({"LAB", "EDU", "HLH", "CVL"})


def labour_strikes(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """A strike gone on, or made by workers, teachers, doctors or citizens, is a labour strike (143)."""
    index = context.index
    out = []
    for candidate in candidates:
        tok = candidate.tok
        if (tok.lemma_.lower() == "strike" and tok.pos_ == "NOUN" and not candidate.pattern.particle
                and candidate.cameo.startswith("19")):
            gone_on = tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() == "go"
            sectors = {index.get(a.actor).sector for a in candidate.sources if a.actor and index.get(a.actor) is not None}
            if gone_on or sectors & LABOUR_SECTORS:
                candidate = replace(candidate, cameo="143")
        out.append(candidate)
    return tuple(out)


def intents_and_appeals(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """CAMEO codes what was said about an act: "agreed to lift sanctions" is an intent (0351),
    "urged Tehran to release the crew" an appeal (0253), "threatened to impose sanctions" a
    threat (1312), "said Israel must withdraw" a demand (106). The act keeps its realis; an
    appeal or demand verb already coded (020 "urged", 100 "demanded") takes the specific code
    and the act under it is marked restated."""
    out = list(candidates)
    position = {c.tok.i: k for k, c in enumerate(out)}
    for k in range(len(out)):
        candidate = out[k]
        if candidate.trigger.i != candidate.tok.i and candidate.cameo[:2] == "12":
            continue  # already recoded (a refusal)
        # a cut is told by its verb ("vowed to curb its work with the agency"), an event noun by the
        # verb that carries it ("agreed to provide aid")
        anchor = carrier_of(candidate.trigger)
        obligation = obligation_of(anchor) if candidate.realis == "requested" else None
        if candidate.realis == "intended":
            out[k] = _stated_intent(candidate, anchor, context)
        elif obligation is not None:
            out[k] = _demand_made(candidate, obligation, context)
        elif candidate.realis == "requested":
            code = appeal_code(candidate.cameo)
            if code is None:
                continue
            asker = position.get(governor_of(anchor).i)
            asked_by = out[asker] if asker is not None else None
            if asked_by is not None and asked_by.cameo.startswith("02"):
                if asked_by.cameo == "020" or code.startswith(asked_by.cameo):
                    out[asker] = replace(asked_by, cameo=code)
                out[k] = replace(out[k], restated=True)
            elif asked_by is not None and asked_by.cameo.startswith("10"):
                # "demanded the reporter's release": one demand, coded with what is demanded (1053)
                demanded = demand_code(candidate.cameo)
                if demanded is not None and asked_by.cameo == "100":
                    out[asker] = replace(asked_by, cameo=demanded)
                out[k] = replace(out[k], restated=True)
            else:
                out[k] = replace(candidate, cameo=code)
    return tuple(out)


def _stated_intent(candidate: Candidate, anchor: Token, context: EventContext) -> Candidate:
    """An act under a commissive governor ("agreed to", "offered", "vowed to") or announced by
    its own source ("said it would send troops"): an intent (03) or a threat (13)."""
    governor = governor_of(anchor)
    node = clause_head(anchor)
    commissive = (governor.i != anchor.i and governor.lemma_.lower() in COMMISSIVE
                  and (node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "acl") or infinitive_complement(node)))
    if anchor.i != candidate.tok.i and anchor.lemma_.lower() in COMMISSIVE:
        commissive, governor = True, anchor  # "offered talks", "pledged aid"
    if not commissive and not (candidate.cameo[:2] in ANNOUNCED_ROOTS and _announced_by_source(anchor, context.index)):
        return candidate
    hostile = candidate.cameo[:2] in HOSTILE_ROOTS
    threatening = (commissive and governor.lemma_.lower() in THREATENING) or (hostile and not commissive)
    # "offered to send troops", "is ready to deploy" keep the act; "vowed to retaliate",
    # "said it would strike back" threaten it
    code = threat_code(candidate.cameo) if threatening else (None if hostile else intent_code(candidate.cameo))
    if code is None:
        return candidate
    candidate = replace(candidate, cameo=code)
    if commissive and governor.pos_ == "VERB":
        candidate = replace(candidate, trigger=governor)  # "agreed", "offered": the words that state the intent
    if commissive and governor.lemma_.lower() in THREATENING:
        candidate = replace(candidate, realis="asserted")  # "threatened to ...": the threat was made
    return candidate


def _demand_made(candidate: Candidate, obligation: Token, context: EventContext) -> Candidate:
    """"X said Y must withdraw": X demands it of Y, a speech act asserted like an accusation."""
    code = demand_code(candidate.cameo)
    speaker = tuple(fill_slots(obligation, ("nsubj",), candidate.pattern, context.index, set()))
    obliged = tuple(a for a in candidate.sources if a.actor)
    if code is None or not any(a.actor for a in speaker) or not obliged:
        return candidate
    if {a.actor for a in speaker} & {a.actor for a in obliged}:
        return candidate
    return replace(candidate, cameo=code, sources=speaker, targets=obliged, realis="asserted")


def _announced_by_source(tok: Token, index: ActorIndex) -> bool:
    """"Kenya said it would send troops": a future act in the complement of the source's own
    verb of saying is the source's announcement of intent."""
    node = clause_head(tok)
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"} | {c.lower_ for c in node.children if c.dep_ == "aux"}
    if not aux & (FUTURE_AUX | {"would"}) or node.dep_ != "ccomp" or node.head.lemma_.lower() not in ANNOUNCING:
        return False
    speaker, doer = subject_of(node.head), subject_of(node)
    if speaker is None or doer is None:
        return False
    if doer.pos_ == "PRON":
        return True
    doer_actor = actor_of(doer, index)
    return doer_actor is not None and doer_actor == actor_of(speaker, index)


def statements_about_plans(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """"hoped to sign a deal", "agreed to resume flights": a statement verb over an
    infinitive. When the infinitive is itself an event, it is the event (its realis says
    intended) and the statement is restated; otherwise agreeing to act is CAMEO's 03
    "express intent to cooperate"."""
    events_at = {c.tok.i for c in candidates}
    out = []
    for candidate in candidates:
        if candidate.pattern.pos == "VERB" and candidate.cameo.startswith("01"):
            xcomps = [c for c in candidate.tok.children if c.dep_ == "xcomp" or infinitive_complement(c)]
            if any(x.i in events_at for x in xcomps):
                candidate = replace(candidate, restated=True)
            elif (xcomps or _agreed_to(candidate.tok)) and candidate.tok.lemma_.lower() in AGREEING:
                candidate = replace(candidate, cameo="030")
            else:
                candidate = _obligation_stated(candidate, events_at, context)
        out.append(candidate)
    return tuple(out)


def _agreed_to(verb: Token) -> bool:
    """"agreed to an extension of the mandate", "consented to the plan": agreeing to what is no
    event is CAMEO 030 too (an event noun there is coded as its own 03 intent, "agreed to a
    ceasefire"); agreeing with someone ("agree with the Senate that ...") stays a statement."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" for o in c.children)
               for c in verb.children)


def _obligation_stated(candidate: Candidate, events_at: set[int], context: EventContext) -> Candidate:
    """"declared that China must drop its barriers", "said the two forces must ensure security":
    a statement that another actor must act demands it of them (CAMEO 100) even when what they
    must do is no event of the lexicon (when it is, ``_demand_made`` codes it)."""
    for clause in (c for c in candidate.tok.children if c.dep_ == "ccomp" and c.i not in events_at):
        saying = obligation_of(clause)
        if saying is None or saying.i != candidate.tok.i:
            continue
        doer = next(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
        mine = {a.actor for a in candidate.sources if a.actor}
        obliged = [Arg(actor, t) for t in with_conjuncts(doer) if (actor := actor_of(t, context.index)) and actor not in mine]
        if obliged and mine:
            return replace(candidate, cameo="100", targets=tuple(obliged))
    return candidate


# Verbs that tell what an attack did to people: "air strikes killed 31 civilians", "attacked a post,
# killing 14 soldiers", "raided a school and killed four civilians" (casualty_verbs)
CASUALTY_VERBS = word_class("casualty_verbs")
ATTACK_ROOTS = frozenset({"18", "19", "20"})


def attack_outcomes(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """The killing or wounding an attack caused is that attack told to its end, not a second event:
    a casualty verb whose subject is an attack noun ("the drone strike killed two fighters"), or
    that the attack's verb governs as a participle or a coordinated verb ("attacked a post,
    killing 14 soldiers"; "raided a school and killed four civilians"), is restated, and its victims
    become the attack's target when they name an actor that is no unnamed group, or the attack has none."""
    out = list(candidates)
    position = {c.tok.i: k for k, c in enumerate(out)}
    for k, casualty in enumerate(candidates):
        if casualty.pattern.pos != "VERB" or casualty.tok.lemma_.lower() not in CASUALTY_VERBS:
            continue
        attack_k = next((position[t.i] for t in _attacks_told(casualty.tok, context.index) if t.i in position
                         and out[position[t.i]].cameo[:2] in ATTACK_ROOTS
                         and t.lemma_.lower() not in CASUALTY_VERBS), None)  # "killed one and wounded two": two tolls
        if attack_k is None:
            continue
        attack = out[attack_k]
        if _victims_name_the_target(attack, casualty, context.index):
            attack = replace(attack, targets=tuple(a for a in casualty.targets if a.actor))
        out[attack_k] = attack
        out[k] = replace(casualty, restated=True)
    return tuple(out)


def _victims_name_the_target(attack: Candidate, casualty: Candidate, index: ActorIndex) -> bool:
    """The victims are the attack's target when they name an actor that is no unnamed group ("two
    Hezbollah fighters" over the country of the place struck), or when the attack has no target.
    An unnamed group killed ("civilians") does not replace what the attack names, even an unnamed
    group ("raided a school ... and killed four civilians" keeps the school)."""
    victims = [index.get(a.actor) for a in casualty.targets if a.actor]
    if not victims:
        return False
    return not attack.has_target or any(v is not None and v.kind != "GROUP" for v in victims)


def _attacks_told(verb: Token, index: ActorIndex) -> list[Token]:
    """The words that may tell the attack a casualty verb ends: its subject when that names an act,
    not a doer ("the strike killed", not "suicide bombers killed"), the verb it hangs on as a
    participle or coordinated verb, and the event noun that verb carries."""
    found = []
    subject = subject_of(verb)
    if (subject is not None and subject.pos_ == "NOUN" and index.actor_at(subject.i) is None
            and verb.dep_ not in ("advcl", "conj", "xcomp")):
        found.append(subject)
    if verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB":
        head = verb.head
        found.append(head)
        found += [c for c in head.children if c.dep_ == "dobj" and carrier_of(c).i == head.i]
    return found
