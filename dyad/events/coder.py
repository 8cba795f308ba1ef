"""CAMEO event coding from the dependency parse.

``find_events`` is pure: it reads the Doc, the actor index and the trigger lexicon and
returns plain ``Event`` records with character offsets.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from ..actors.index import ActorIndex
from ..document import Event, Span as CharSpan, Trigger
from ..sentences import sentences
from ..lexicons import word_class
from ..syntax import carrier_of, is_passive
from .cameo import lookup, plover_type
from .anaphora import event_anaphora, implicit_partners, pair_anaphora, targets_from_places
from .candidates import Candidate, EventContext, find_candidates, reciprocal_sides
from .dating import date_for, inherit_dates, report_dates
from .learned import active_model, key_of, score_candidates
from .lexicon import Pattern
from .locate import place_for
from .realis import REALIS_BY_ROOT, is_future
from .recode import attack_outcomes, intents_and_appeals, labour_strikes, refusals, statements_about_plans

# The passes over the candidates, in order. Each reads the candidates and returns new ones;
# later passes see what earlier ones decided:
#   the killing an attack caused joins the attack after places gave it a target (named victims
#   beat the country of the place hit); targets from the article's other events (anaphora) come
#   before recoding, because a
#   refusal or an appeal keeps the target found for the act; refusals come before intents,
#   because a refused act is not also an intent; intents and appeals mark what they restate
#   before implicit partners are counted; coordinated sources of an act recoded as cooperation
#   become each other's partner before partners are counted; statements about plans go last, after the act
#   they state has been coded.
PASSES: tuple[Callable[[tuple[Candidate, ...], EventContext], tuple[Candidate, ...]], ...] = (
    event_anaphora,
    pair_anaphora,
    targets_from_places,
    attack_outcomes,
    refusals,
    labour_strikes,
    intents_and_appeals,
    reciprocal_sides,
    implicit_partners,
    statements_about_plans,
)


def find_events(doc: Doc, index: ActorIndex, lexicon, published: dt.date | None, *, monadic: bool = False) -> list[Event]:
    """Events with a resolved source and target (the dyad, as in CAMEO coding); with
    ``monadic=True`` also events where only one side resolved."""
    context = EventContext(
        index=index, lexicon=lexicon, actors_by_id={a.id: a for a in index.actors},
        countries=frozenset(a.country for a in index.actors if a.kind == "COUNTRY" and a.country),
    )
    candidates = find_candidates(doc, index, lexicon)
    for refine in PASSES:
        candidates = refine(candidates, context)
    # the learned layer (learned.py) last: it scores what the rules made of each candidate
    candidates, scores = score_candidates(candidates, context)
    events: list[Event] = []
    seen: set[tuple] = set()
    for candidate in _coded(candidates, index, monadic, rescued=_rescued(candidates, scores, monadic)):
        events += _events_of(candidate, doc, context, published, seen, first_id=len(events) + 1,
                             learned=scores.get(key_of(candidate)))
    return merge_repeats(report_dates(inherit_dates(doc, events, published), published))


def _rescued(candidates: tuple[Candidate, ...], scores: dict, monadic: bool) -> frozenset[int]:
    """With one-sided events kept, the candidates the learned layer is sure of (``rescue_above``)
    are coded even where the two cautious rules below would drop them."""
    model = active_model()
    if not monadic or model is None:
        return frozenset()
    return frozenset(c.tok.i for c in candidates if scores.get(key_of(c), 0.0) >= model.rescue_above)


def _coded(candidates: tuple[Candidate, ...], index: ActorIndex, monadic: bool,
           rescued: frozenset[int] = frozenset()) -> list[Candidate]:
    """The candidates that become events: not restated by another, with their sides resolved."""
    # "refused" itself: the refusal is coded on the refused event, the word shown as its trigger
    superseded = {c.trigger.i for c in candidates if c.trigger.i != c.tok.i}
    out = []
    for candidate in candidates:
        if candidate.restated or candidate.tok.i in superseded:
            continue
        if not (candidate.has_source and candidate.has_target) and not (monadic and (
                candidate.has_source or candidate.has_target or _happening(candidate))):
            continue
        sure = candidate.tok.i in rescued
        if candidate.pattern.pos == "VERB" and not candidate.has_source and not is_passive(candidate.tok) and not sure \
                and not (monadic and _happening(candidate)):
            continue  # an active verb whose subject the parse lost: too unreliable to code as a dyad
        if candidate.cameo.startswith("01") and ((not candidate.has_target and not sure) or _only_the_press(candidate, index)):
            continue  # a statement with no one it is about, or "told reporters", is not a dyadic event
        out.append(candidate)
    return out


# Violence, protest, shows of force and coercion happen whether or not anyone is named ("a car bomb
# exploded in Mosul", "clashes erupted in Tripoli", "ten homes were torched", "troops patrolled the
# border", "killing 11 and wounding 24"): with --monadic, an asserted candidate of these roots with no
# actor on either side, or with its doer unnamed, is kept; told by a noun, only when it happened at a
# named place finer than a country (a bare "the war" is a topic, not an event), told by a verb also
# without a place.
HAPPENING_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})


def _happening(candidate: Candidate) -> bool:
    return candidate.cameo[:2] in HAPPENING_ROOTS and candidate.realis == "asserted"


def _events_of(candidate: Candidate, doc: Doc, context: EventContext, published: dt.date | None,
               seen: set[tuple], first_id: int, learned: float | None = None) -> list[Event]:
    """One event per source and target pair of a candidate, dated and placed; ``learned`` is
    the learned layer's probability, the event's confidence when there is one."""
    tok = candidate.tok
    realis = candidate.realis
    if realis in ("asserted", "intended") and candidate.cameo[:2] in REALIS_BY_ROOT:  # "would ask X to": still an appeal
        realis = REALIS_BY_ROOT[candidate.cameo[:2]]
    code = lookup(candidate.cameo)
    word = candidate.trigger
    trigger = Trigger(word.idx, word.idx + len(word.text), word.text)
    sent = sentences(doc)[candidate.sent_i]
    # a date on the words that state the act ("vowed on Friday to expel ...") dates it
    dated = word if word.i != tok.i and word.is_ancestor(tok) else tok
    events = []
    for src in candidate.sources:
        for tgt in candidate.targets:
            key = (src.actor, tgt.actor, code.cameo, tok.i)
            if (src.actor and src.actor == tgt.actor) or key in seen:
                continue
            seen.add(key)
            date_text, resolved = date_for(dated, sent, published, tgt.token, future=is_future(tok, realis))
            place = place_for(tok, context.index, context.actors_by_id, tgt.token, context.countries, code.root,
                              visit=code.cameo == "042", sides=frozenset({src.actor, tgt.actor}))
            if not (src.actor or tgt.actor) and candidate.pattern.pos != "VERB" and (
                    place is None or place.precision not in ("place", "region")):
                continue  # an actorless happening named by a noun needs its place (see HAPPENING_ROOTS)
            events.append(Event(
                id=f"e{first_id + len(events)}", source=src.actor, target=tgt.actor,
                cameo=code.cameo, root=code.root, label=code.name, plover=plover_type(code, realis),
                quad_class=code.quad_class, goldstein=code.goldstein, realis=realis,
                trigger=trigger, sentence=candidate.sent_i, date=resolved.value if resolved else None,
                date_text=date_text, date_granularity=resolved.granularity if resolved else None,
                date_source="sentence" if resolved else None,
                place=place, mentions=(CharSpan(trigger.start, trigger.end), *_carrier_spans(tok, word)),
                confidence=max(0.0, (learned if learned is not None else
                                     _confidence(src.actor, tgt.actor, candidate.pattern, realis))
                               - (INFERRED_PENALTY if candidate.inferred_target else 0.0)),
                reciprocal=candidate.reciprocal,
            ))
    # one act told once has one place: a locative the parse hung on one of its targets places the
    # pair of every target ("host talks between the United States and the Houthis in Muscat")
    placed = next((e.place for e in events if e.place is not None and e.place.precision != "dateline"), None)
    return [replace(e, place=placed) if placed is not None and (e.place is None or e.place.precision == "dateline")
            else e for e in events]


# a partner inferred from the article, not named in the sentence (anaphora.implicit_partners),
# lowers the event's confidence, the learned one too
INFERRED_PENALTY = 0.15


# verbs whose subject is an event noun and which only say it happened ("the attack occurred in X",
# "clashes erupted"); a support verb with no object says so too ("talks resumed")
OCCURRING_VERBS = word_class("occurring_verbs")
SUPPORT_VERBS = word_class("support_verbs")


def _carrier_spans(tok, word) -> tuple[CharSpan, ...]:
    """The verb that states an event noun's event is one of its mentions: "launched an assault",
    "the attack occurred in X", "clashes erupted"."""
    if word.i != tok.i or tok.pos_ != "NOUN" or tok.head.i == tok.i:
        return ()
    verb = carrier_of(tok)
    if verb is tok and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and (
            tok.head.lemma_.lower() in OCCURRING_VERBS or tok.head.lemma_.lower() in SUPPORT_VERBS
            and not any(c.dep_ == "dobj" for c in tok.head.children)):
        verb = tok.head
    return () if verb is tok else (CharSpan(verb.idx, verb.idx + len(verb.text)),)


def _confidence(source: str | None, target: str | None, pattern: Pattern, realis: str) -> float:
    score = 0.35
    score += 0.25 if source else 0.0
    score += 0.25 if target else 0.0
    score += 0.1 if pattern.specificity else 0.05
    return round(min(score, 1.0), 2)


def _only_the_press(candidate: Candidate, index: ActorIndex) -> bool:
    targets = [index.get(a.actor) for a in candidate.targets if a.actor]
    # "told reporters", and "told Reuters": an outlet named is the press too
    return bool(targets) and all(t is not None and t.sector == "MED" for t in targets)


def merge_repeats(events: list[Event]) -> list[Event]:
    """The same event told twice in one article ("visited Moscow on Monday ... the visit")
    becomes one event with several mentions: same source, target and CAMEO code, and
    compatible dates and places. The first telling is kept; stated dates beat report dates."""
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _same_happening(m, event)), None)
        if twin is None:
            merged.append(event)
            continue
        better = twin
        if twin.date_source in ("report", "context") and event.date_source == "sentence":
            better = replace(twin, date=event.date, date_text=event.date_text,
                             date_granularity=event.date_granularity, date_source=event.date_source)
        if better.place is None and event.place is not None:
            better = replace(better, place=event.place)
        better = replace(better, mentions=better.mentions + event.mentions,
                         confidence=min(1.0, round(max(twin.confidence, event.confidence) + 0.05, 2)))
        merged[merged.index(twin)] = better
    return [replace(event, id=f"e{n}") for n, event in enumerate(merged, start=1)]


def _same_happening(a: Event, b: Event) -> bool:
    if (a.source, a.target, a.cameo, a.realis) != (b.source, b.target, b.cameo, b.realis):
        return False
    if a.date_source == b.date_source == "sentence" and a.date != b.date:
        return False
    return not _places_apart(a.place, b.place)


def _places_apart(a, b) -> bool:
    """Two places that cannot be one event's: both stated (not only a dateline's guess), both in a
    known country, and the countries differ."""
    stated = [p for p in (a, b) if p is not None and p.precision != "dateline" and p.country]
    return len(stated) == 2 and stated[0].country != stated[1].country
