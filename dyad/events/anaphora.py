"""Targets found outside the event's own clause: the country of an attacked place, "both
sides", the author of an event referred back to ("condemned the attack"), and the
partner an offer leaves implicit."""
from __future__ import annotations

from dataclasses import replace

from ..lexicons import word_class
from ..syntax import definite, prep_objects
from .arguments import Arg
from .candidates import Candidate, EventContext
from .locate import place_for
from .triggers import choose_pattern

# "urged both sides to return to talks", "called on the two countries to talks": the pair
# the article last set against or beside each other
PAIR_NOUNS = word_class("pair_nouns")


# hostile acts against a place are acts against the country it lies in ("shelled villages near
# Kharkiv" -> Ukraine), as CAMEO coders code them
PLACE_TARGET_ROOTS = frozenset({"15", "17", "18", "19", "20"})


# reactions to something done to the reacting side: praise, disapproval, rejection, threats
REACTION_ROOTS = frozenset({"05", "11", "12", "13"})
# "denied the claim", "rejected the accusations" (recoded 016 by candidates._denials): a reaction too
DENIAL = "016"
# the sectors through which a state is acted on (CAMEO: government, military)
STATE_SECTORS = ("GOV", "MIL")


def targets_from_places(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """A hostile act with no named target hits the country of the place it struck, unless
    that is the attacker's own country."""
    index, actors_by_id = context.index, context.actors_by_id
    country_actor = {a.country: a.id for a in index.actors if a.kind == "COUNTRY" and a.country}
    out = []
    for candidate in candidates:
        if not candidate.has_target and candidate.has_source and candidate.cameo[:2] in PLACE_TARGET_ROOTS:
            place = place_for(candidate.tok, index, actors_by_id, None, context.countries, candidate.cameo[:2])
            sources = {actors_by_id[a.actor].country for a in candidate.sources if a.actor and a.actor in actors_by_id}
            # fighting at home names no foreign target
            if place is not None and place.country in country_actor and place.country not in sources:
                candidate = replace(candidate, targets=(Arg(country_actor[place.country], None),))
        out.append(candidate)
    return tuple(out)


def pair_anaphora(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """"urged both sides to return to talks": the pair the article last set against or beside
    each other, neither of them the source."""
    out = list(candidates)
    for n, candidate in enumerate(out):
        if candidate.has_target:
            continue
        heads = [a.token for a in candidate.targets if a.token is not None]
        heads += [c for c in candidate.tok.children if c.dep_ in ("dobj", "dative")]
        heads += prep_objects(candidate.tok, "on")
        pair = next((h for h in heads if h.lemma_.lower() in PAIR_NOUNS and h.tag_ in ("NNS", "NNPS")
                     and any(c.lower_ in ("both", "two") for c in h.children)), None)
        if pair is None:
            continue
        mine = {a.actor for a in candidate.sources if a.actor}
        for earlier in reversed(out[:n]):
            sides = [a.actor for a in earlier.sources[:1] + earlier.targets[:1] if a.actor]
            if len(sides) == 2 and sides[0] != sides[1] and not mine & set(sides):
                out[n] = replace(candidate, targets=(Arg(sides[0], pair), Arg(sides[1], pair)))
                break
    return tuple(out)


def event_anaphora(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """"condemned the attack", "welcomed the veto", "rejected the accusations": the target is
    whoever carried out the event the noun refers back to, found earlier in the article: the
    same word, or the nearest event of the same CAMEO root ("accused" ... "the accusations").
    A reaction to an act with no author named answers whoever last acted on the one reacting."""
    out = list(candidates)
    for n, candidate in enumerate(out):
        if candidate.has_target:
            continue
        obj = next((c for c in candidate.tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is None or not definite(obj, plural_demonstratives=True):
            continue
        author = _author_referred_to(candidate, obj, out[:n], context)
        reacting = candidate.cameo[:2] in REACTION_ROOTS or candidate.cameo == DENIAL
        if author is None and reacting and not context.index.actor_at(obj.i):
            author = _last_to_act_on(candidate, out[:n], context)
        if author is not None:
            out[n] = replace(candidate, targets=(Arg(author, obj),))
    return tuple(out)


def _author_referred_to(candidate: Candidate, obj, earlier: list[Candidate], context: EventContext) -> str | None:
    lemma = obj.lemma_.lower()
    patterns = context.lexicon.get((lemma, "NOUN"))
    obj_pattern = choose_pattern(obj, patterns, context.index) if patterns else None
    obj_root = obj_pattern.cameo[:2] if obj_pattern is not None else None
    mine = {a.actor for a in candidate.sources if a.actor}
    for other in reversed(earlier):
        same = other.tok.lemma_.lower() == lemma or (obj_root is not None and other.cameo[:2] == obj_root)
        if same and other.tok.i != obj.i and other.has_source:
            source = next(a for a in other.sources if a.actor)
            return source.actor if source.actor not in mine else None
    return None


def _last_to_act_on(candidate: Candidate, earlier: list[Candidate], context: EventContext) -> str | None:
    """"Quito rejected the note", "Oslo condemned the ruling": whoever last acted on
    the one reacting. A state is acted on through its officials: a country that reacts
    answers an act on its government or its envoy ("summoned Togo's ambassador")."""
    mine = {a.actor for a in candidate.sources if a.actor}
    actors = context.actors_by_id
    states = {actors[m].country for m in mine if m in actors and actors[m].kind == "COUNTRY" and actors[m].country}

    def acted_on(actor_id: str) -> bool:
        actor = actors.get(actor_id)
        return actor_id in mine or (actor is not None and actor.country in states
                                    and (actor.sector or "").startswith(STATE_SECTORS))

    for other in reversed(earlier):
        if any(acted_on(a.actor) for a in other.targets if a.actor) and other.has_source:
            source = next(a for a in other.sources if a.actor)
            return source.actor if source.actor not in mine else None
    return None


def implicit_partners(candidates: tuple[Candidate, ...], context: EventContext) -> tuple[Candidate, ...]:
    """"We are ready to help," said a rebel commander, in an article about the rebels and Turkey:
    an offer of cooperation, talks or support (intended, or CAMEO 03) that names no partner is
    made to the partner the article pairs the source with, when one actor is paired with it at
    least twice before and more often than any other. The event is marked inferred and its
    confidence lowered. A state's government or military actors count as the state ("Ghana's
    foreign minister visited Togo" pairs Ghana with Togo)."""
    side = _state_sides(context)
    pairs: dict[str, dict[str, int]] = {}  # actor -> partner -> events so far (one pass)
    out = []
    for candidate in candidates:
        if candidate.restated:
            pass
        elif candidate.has_source and candidate.has_target:
            sides = {side.get(a.actor, a.actor) for a in candidate.sources + candidate.targets if a.actor}
            for actor in sides:
                counts = pairs.setdefault(actor, {})
                for other in sides - {actor}:
                    counts[other] = counts.get(other, 0) + 1
        elif _leaves_partner_implicit(candidate):
            source = next(a.actor for a in candidate.sources if a.actor)
            ranked = sorted(pairs.get(side.get(source, source), {}).items(), key=lambda kv: -kv[1])
            if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                candidate = replace(candidate, targets=(Arg(ranked[0][0], None),), inferred_target=True)
        out.append(candidate)
    return tuple(out)


def _state_sides(context: EventContext) -> dict[str, str]:
    """Actor id -> the id of the country actor it acts for: a government or military actor of a
    country the document names as a country."""
    actors = context.actors_by_id.values()
    country = {a.country: a.id for a in actors if a.kind == "COUNTRY" and a.country}
    return {a.id: country[a.country] for a in actors
            if a.kind != "COUNTRY" and a.country in country and (a.sector or "").startswith(STATE_SECTORS)}


def _leaves_partner_implicit(candidate: Candidate) -> bool:
    """An offer with a source and no target: what was done names its partner; only an offer
    may leave it to the reader."""
    if candidate.has_target or not candidate.has_source or candidate.cameo[:2] not in ("03", "04", "05"):
        return False
    if candidate.realis != "intended" and not candidate.cameo.startswith("03"):
        return False
    return not candidate.reciprocal
