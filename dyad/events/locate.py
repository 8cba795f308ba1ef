"""Where an event happened: a locative phrase on its trigger, object or target, geocoded with
the offline gazetteer."""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.index import ActorIndex
from ..document import Place
from ..english import LOCATIVE_PREPS
from ..sentences import entity_at
from ..syntax import prep_objects
from .places import load_gazetteer

ATTACK_ROOTS = frozenset({"18", "19", "20"})


# visits and meetings happen where they go: "travel to Oslo", "a trip to Luanda"
MOTION_ROOTS = frozenset({"04"})


def place_for(tok: Token, index: ActorIndex, actors_by_id, target: Token | None = None,
               hints: frozenset[str] = frozenset(), root: str = "", visit: bool = False,
               sides: frozenset[str | None] = frozenset()) -> Place | None:
    """A locative phrase on the trigger ("met in Damascus", "struck a depot on the outskirts of
    Damascus") or on its target ("met X in Doha"), geocoded offline. A named country is kept
    only when nothing more precise is named; a visit with no stated place happened in the
    place visited. The event's own actors are not its place ("called on Hanoi to ..."), and
    an attack happens where what it hit stands ("struck the Tartus naval base")."""
    gazetteer = load_gazetteer()
    heads = [tok] + ([target] + [c for c in target.children if c.dep_ == "appos"] if target is not None else [])
    words = LOCATIVE_PREPS + (("to",) if root in MOTION_ROOTS else ())
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if dobj is not None:
        heads.append(dobj)  # "struck a depot near Kharkiv"
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        heads.append(tok.head)  # "imposed a siege on the Gaza Strip"
    country_level: Place | None = None
    if dobj is not None and root in ATTACK_ROOTS:
        for candidate in _place_tokens(dobj)[1:]:  # the names inside what was hit, not the thing itself
            place = _geocode_token(candidate, index, actors_by_id, hints, gazetteer)
            if place is not None and (place.lat is not None or place.country) and index.actor_at(candidate.i) is None:
                return place
    for head in heads:
        for word in words:
            for obj in prep_objects(head, word):
                if (index.actor_at(obj.i) is not None and index.actor_at(obj.i) in sides and word not in ("in", "at", "near")
                        and root not in ATTACK_ROOTS):
                    continue  # "called on Hanoi", "imposed sanctions on Iran": an actor, not a place (a siege on Gaza is in Gaza)
                for candidate in _place_tokens(obj):
                    place = _geocode_token(candidate, index, actors_by_id, hints, gazetteer)
                    if place is None:
                        continue
                    if place.lat is not None and actors_by_id.get(index.actor_at(candidate.i)) is not None \
                            and actors_by_id[index.actor_at(candidate.i)].kind == "COUNTRY" \
                            and _via(actors_by_id[index.actor_at(candidate.i)], candidate) not in ("capital", "metonym"):
                        country_level = country_level or place
                        continue
                    return place
    if country_level is None and visit and target is not None:
        return _geocode_token(target, index, actors_by_id, hints, gazetteer)  # "visited Russia": it happened there
    return country_level


def _place_tokens(obj: Token) -> list[Token]:
    """The object of a locative preposition and the names inside it ("the outskirts of
    Damascus", "EU headquarters in Brussels", "the Tartus naval base")."""
    out = [obj]
    for child in obj.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            out.append(child)
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "near", "outside"):
            out += [t for g in child.children if g.dep_ == "pobj" for t in _place_tokens(g)]
    return out


def _via(actor, tok: Token) -> str | None:
    return next((m.via for m in actor.mentions if m.start <= tok.idx < m.end), None)


def _geocode_token(obj: Token, index: ActorIndex, actors_by_id, hints, gazetteer) -> Place | None:
    if obj.ent_type_ not in ("GPE", "LOC", "FAC") and not (obj.pos_ == "PROPN" and obj.text[:1].isupper()):
        return None
    ent = entity_at(obj)
    name = ent.text if ent is not None else obj.text
    name = name[4:] if name.lower().startswith("the ") else name
    actor = actors_by_id.get(index.actor_at(obj.i))
    if actor is not None and actor.kind not in ("COUNTRY", "LOCATION"):
        return None  # an organisation is not a place
    if actor is not None and actor.kind == "COUNTRY" and _via(actor, obj) not in ("capital", "metonym"):
        return gazetteer.country(name, actor.country)
    found = gazetteer.geocode(name, hints=hints | ({actor.country} if actor and actor.country else set()))
    if found is not None:
        return found
    if obj.ent_type_ in ("GPE", "LOC", "FAC"):
        return Place(name=name, country=actor.country if actor is not None else _country_in(obj, index, actors_by_id))
    return None


def _country_in(obj: Token, index: ActorIndex, actors_by_id) -> str | None:
    """"near Kobani in Syria", "Mellit, North Darfur, Sudan": a country named with the place."""
    for tok in obj.subtree:
        actor = actors_by_id.get(index.actor_at(tok.i))
        if actor is not None and actor.kind == "COUNTRY":
            return actor.country
    return None
