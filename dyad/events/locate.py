"""Where an event happened: a locative phrase on its trigger, object or target, the place its verb
acts on, a locative in a clause it governs, the sentence's only place, else the dateline (marked
``precision="dateline"``); geocoded with the offline gazetteer. Of the places one phrase names,
the finest wins ("Kalemie in Tanganyika province" is Kalemie, in the region Tanganyika)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.index import ActorIndex
from ..datelines import dateline_places, in_dateline
from ..document import Place
from ..english import DIRECTIONS, LOCATIVE_PREPS, PARTITIVES
from ..lexicons import word_class
from ..sentences import entities_between, entity_at, sentence_of, text_of
from ..syntax import prep_objects
from .places import load_gazetteer

ATTACK_ROOTS = frozenset({"18", "19", "20"})
# visits and meetings happen where they go: "travel to Oslo", "a trip to Luanda"
MOTION_ROOTS = frozenset({"04"})
# prepositions that place any event ("marched through Tunis", "clashes along the border")
PLACING_PREPS = LOCATIVE_PREPS + ("through", "throughout", "along", "within", "outside", "inside")
# where a movement starts or ends places it when nothing else does ("fled from Goma")
PATH_PREPS = ("from", "to", "into", "toward", "towards")
PLACE_ENTS = ("GPE", "LOC", "FAC")
# a named place the gazetteer lacks (None) is most often a small one: as fine as a town; of
# equally fine places the first named wins ("Amroussa village in Bouinan district")
_FINE = {"place": 0, None: 0, "news_region": 2, "region": 3, "country": 4}


def place_for(tok: Token, index: ActorIndex, actors_by_id, target: Token | None = None,
               hints: frozenset[str] = frozenset(), root: str = "", visit: bool = False,
               sides: frozenset[str | None] = frozenset()) -> Place | None:
    """A locative phrase on the trigger ("met in Damascus", "struck a depot on the outskirts of
    Damascus") or on its target ("met X in Doha"), geocoded offline. A named country is kept
    only when nothing more precise is named; a visit with no stated place happened in the
    place visited. The event's own actors are not its place ("called on Hanoi to ..."), and
    an attack happens where what it hit stands ("struck the Tartus naval base")."""
    look = _Looker(index, actors_by_id, hints, sides, root)
    heads = [tok] + ([target] + [c for c in target.children if c.dep_ == "appos"] if target is not None else [])
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if dobj is not None:
        heads += [dobj, *dobj.conjuncts]  # "struck a depot near Kharkiv", "shot a man and a boy in Tulkarm"
    # a locative the parser hung on a time phrase places the act: "at dawn near the city of Huancayo"
    heads += [g for c in tok.children if c.dep_ == "prep" for g in c.children
              if g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")]
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        heads.append(tok.head)  # "imposed a siege on the Gaza Strip"
    country_level: Place | None = None
    if dobj is not None and root in ATTACK_ROOTS:
        found = look.finest(_place_tokens(dobj)[1:])  # the names inside what was hit, not the thing itself
        if found is not None and found.precision != "country":
            return found
        if tok.lemma_.lower() not in word_class("place_verbs"):  # "captured Sweden's title" is no place
            country_level = found  # "strike Iran's nuclear sites": in Iran, when nothing finer is named
    words = PLACING_PREPS + (("to",) if root in MOTION_ROOTS else ())
    arguments = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    arguments += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for tier in ([(head, words) for head in heads] + [(tok, ("object",))],  # "rebels captured Bentiu"
                 [(arg, ("in", "near", "inside", "outside")) for arg in arguments],  # "was captured by police in Karachi"
                 [(head, PATH_PREPS) for head in heads[:1]],  # "fled from Goma"
                 [(head, ("direction",)) for head in heads],  # "shot 30 km northeast of Karbala"
                 [(t, PLACING_PREPS) for t in _with_objects(_clauses(tok))]):  # "a shop they ran in Colombo"
        found = look.finest([t for head, preps in tier for t in look.named_on(head, preps)])
        if found is None:
            continue
        if found.precision == "country":  # a named country only when nothing finer is named
            country_level = country_level or found
            continue
        return found
    if country_level is None and visit and target is not None:
        return look.place(target)  # "visited Russia": it happened there
    return country_level or look.only_place(tok) or _dateline(tok, look)


class _Looker:
    """Reads and geocodes place names for one event."""

    def __init__(self, index: ActorIndex, actors_by_id, hints, sides, root: str) -> None:
        self.index, self.actors_by_id, self.hints, self.sides, self.root = index, actors_by_id, hints, sides, root
        self.gazetteer = load_gazetteer()

    def named_on(self, head: Token, preps: tuple[str, ...]) -> list[Token]:
        """The words naming places in the locatives ``preps`` on ``head`` (``object``: its
        direct object, when the verb acts on places)."""
        if preps == ("direction",):
            # a compass point from a place, not from a country ("south of Syria" is loose for southern Syria)
            return [t for obj in _by_direction(head) if not self._country(obj) for t in _place_tokens(obj)]
        if preps == ("object",):
            # a verb that acts on places, or an object that is a kind of place ("patrolled the streets of X")
            # (a place verb's object named as a place: "captured the West Bank chief of Hamas" is no place)
            objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and (
                c.lemma_.lower() in word_class("place_nouns") or head.lemma_.lower() in word_class("place_verbs")
                and (c.ent_type_ in PLACE_ENTS or c.pos_ == "PROPN"))]
            if head.lemma_.lower() in word_class("place_verbs"):
                # a part of a place a place verb acts on: "patrolled the centre of Colombo", "Tbilisi's main avenue"
                return [t for obj in objects for t in _place_tokens(obj)] + [
                    t for c in head.children if c.dep_ == "dobj" and c not in objects and c.pos_ in ("NOUN", "NUM")
                    and self.index.actor_at(c.i) is None for t in _place_tokens(c)[1:]
                    if c.lower_ in PARTITIVES or not self._country(t)]  # "a third of Croatia", not "Sweden's crown"
        else:
            objects = [obj for word in preps for obj in prep_objects(head, word)
                       if not self._side(obj, word) and head.lemma_.lower() not in word_class("reporter_nouns")]
        return [t for obj in objects for t in _place_tokens(obj)]

    def _country(self, tok: Token) -> bool:
        """A country named as a country (its capital, "Washington", is a place)."""
        actor = self.actors_by_id.get(self.index.actor_at(tok.i))
        return actor is not None and actor.kind == "COUNTRY" and _via(actor, tok) not in ("capital", "metonym")

    def _side(self, obj: Token, word: str) -> bool:
        # "called on Hanoi", "imposed sanctions on Iran": an actor, not a place (a siege on Gaza is in Gaza)
        actor = self.index.actor_at(obj.i)
        return (actor is not None and actor in self.sides and word not in ("in", "at", "near")
                and self.root not in ATTACK_ROOTS)

    def finest(self, tokens: list[Token]) -> Place | None:
        """Of the places named, the finest, with the region named beside it as its ``admin1``;
        a country named as an actor only when nothing finer is named."""
        places, inner = [], []
        for candidate in tokens:
            place = self.place(candidate)
            if place is not None and all(place.name != p.name for p in places):
                places.append(place)
                if not _container(candidate):
                    inner.append(place)
        if not places:
            return None
        # "the East Ghouta region of rural Damascus": the named region lies in what follows "of"
        best = min(inner or places, key=lambda p: _FINE.get(p.feature, 0))
        region = next((p for p in places if p.feature in ("region", "news_region") and p is not best), None)
        if region is not None and best.feature == "place" and region.country in (None, best.country):
            best = replace(best, admin1=region.name)
        return best

    def place(self, obj: Token) -> Place | None:
        return _geocode_token(obj, self.index, self.actors_by_id, self.hints, self.gazetteer)

    def only_place(self, tok: Token) -> Place | None:
        """The sentence's only place, for an event with no locative of its own: a named
        place, not a country, not one of the event's sides, not an adjective ("a U.S. strike")."""
        sent = sentence_of(tok)
        found: dict[str, Place] = {}
        for ent in entities_between(tok.doc, sent.start, sent.end):
            if ent.label_ not in PLACE_ENTS or ent.root.dep_ in ("amod", "compound", "poss", "nmod") \
                    or in_dateline(text_of(tok.doc), ent.start_char):
                continue  # an adjective, or the dateline (the last resort, marked as such)
            if self.index.actor_at(ent.root.i) in self.sides and self.index.actor_at(ent.root.i) is not None:
                continue
            if {ent.root.head.lemma_.lower(), ent.root.head.head.lemma_.lower()} & word_class("reporter_nouns"):
                continue  # "our correspondent in Cairo"
            if _not_where(ent.root):
                continue
            place = self.place(ent.root)
            if place is None or place.precision == "country":
                continue
            found[place.name] = place
        return next(iter(found.values())) if len(found) == 1 else None


def _not_where(root: Token) -> bool:
    """A name that says who acted or where someone comes from, not where anything happened: the
    subject of a verb ("a claim that Moscow rejects", "after Washington declared"), or an origin
    on a noun ("a young man from Efrin", "fighters from Homs")."""
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return True
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN", "PRON")


def _container(tok: Token) -> bool:
    """A name after "of" on an area named in its own right ("the East Ghouta region of rural
    Damascus"): the place that contains the one named, not the finer place ("the West Bank city
    of Hebron" is Hebron)."""
    of = tok.head
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in word_class("place_nouns"):
        # "Baghdad's northern neighbourhood of Qahira", "Baghdad's Karrada district": the owner holds
        # the place named after "of" or before the kind of place
        return any(c.dep_ == "prep" and c.lower_ == "of" or c.dep_ == "compound" and c.pos_ == "PROPN"
                   for c in tok.head.children)
    return of.lower_ == "of" and of.dep_ == "prep" and of.head.lemma_.lower() in word_class("area_nouns") and any(
        c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.ent_type_ != "NORP" for c in of.head.children)


def _clauses(tok: Token) -> list[Token]:
    """Words of the clauses next to the trigger, where a following or relative clause names the
    place: a clause on one of its nouns ("a shop they ran in Colombo", "shot by gunmen who waited
    inside the courtyard of X"), one it governs ("killed when gunmen stormed a hotel in Kabul"), or
    the one it sits in; a verb it is coordinated with shares its clauses ("were killed, and 50
    wounded, in an explosion that ripped through a mosque in X")."""
    out = _relative_clauses(tok)
    out += [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "conj") and c.pos_ == "VERB"]
    if tok.dep_ in ("xcomp", "advcl", "conj", "relcl", "acl") and tok.head.pos_ in ("VERB", "NOUN"):
        out.append(tok.head)
    out += [r for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" for r in _relative_clauses(c)]
    return out


def _with_objects(verbs: list[Token]) -> list[Token]:
    """Verbs and their direct objects: "killed two soldiers and wounded two more people in Balad"."""
    return verbs + [c for v in verbs if v.pos_ == "VERB" for c in v.children if c.dep_ == "dobj"]


def _relative_clauses(tok: Token) -> list[Token]:
    nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    nouns += [g for c in tok.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    return [c for n in nouns for c in n.children if c.dep_ in ("relcl", "acl")]


def _by_direction(head: Token) -> list[Token]:
    """The place a compass point measures from: "30 km northeast of Karbala", "positions north of Hama"."""
    return [g for d in head.children if d.dep_ in ("advmod", "npadvmod", "amod") and d.lower_ in DIRECTIONS
            for p in d.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def _dateline(tok: Token, look: _Looker) -> Place | None:
    """The last resort: the place of the dateline before the event, marked as such."""
    text = text_of(tok.doc)
    spans = [s for s in dateline_places(text) if s[0] < tok.idx]
    if not spans:
        return None
    start, end = spans[-1]
    place = look.gazetteer.geocode(text[start:end].title(), hints=look.hints)
    return replace(place, name=text[start:end].title(), precision="dateline") if place else None


def _place_tokens(obj: Token) -> list[Token]:
    """The object of a locative preposition and the names inside it ("the outskirts of
    Damascus", "EU headquarters in Brussels", "the Tartus naval base")."""
    out = [obj]
    for child in obj.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN" or child.dep_ in ("poss", "amod") and child.ent_type_ in PLACE_ENTS \
                and child.pos_ == "PROPN":
            out.append(child)  # "the Tartus naval base", "Mecca's main hospital"
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "near", "outside"):
            out += [t for g in child.children if g.dep_ == "pobj" for t in _place_tokens(g)]
        if child.dep_ == "appos":
            out += _place_tokens(child)  # "Kalemie, Tanganyika province"
    return out


def _via(actor, tok: Token) -> str | None:
    return next((m.via for m in actor.mentions if m.start <= tok.idx < m.end), None)


def _geocode_token(obj: Token, index: ActorIndex, actors_by_id, hints, gazetteer) -> Place | None:
    named = obj.ent_type_ in PLACE_ENTS
    actor = actors_by_id.get(index.actor_at(obj.i))
    country = actor is not None and actor.kind == "COUNTRY"  # whatever entity label the parser gave it
    # "the town of Kupres", "the village of X": a place, whatever the parser or the gazetteer make of it
    called_place = obj.head.lower_ == "of" and obj.head.head.lemma_.lower() in word_class("place_nouns") \
        and obj.pos_ == "PROPN" and obj.text[:1].isupper()
    # "Baghdad's Dora district", "Hazrama village", "the Chebaa Farms area": the name of a kind of place
    compound_place = (obj.dep_ == "compound" and obj.pos_ == "PROPN" and obj.text[:1].isupper() and obj.ent_type_ != "NORP"
                      and obj.head.pos_ == "NOUN"
                      and obj.head.lemma_.lower() in word_class("place_nouns") | word_class("area_nouns"))
    called_place = called_place or compound_place
    # a town the parser took for a person, where an event happens ("demonstrated in Grozny")
    person_town = obj.ent_type_ == "PERSON" and obj.pos_ == "PROPN" and (
        obj.dep_ == "pobj" and obj.head.lower_ in ("in", "inside", "near", "outside")
        or obj.dep_ == "dobj" and obj.head.lemma_.lower() in word_class("place_verbs"))  # "patrolled Kassa"
    if not (named or country or called_place or person_town) and not (
            obj.pos_ == "PROPN" and obj.text[:1].isupper() and obj.ent_type_ in ("", "ORG")):
        return None  # a people ("captured 11 Iranians"), a person or a date is no place
    ent = entity_at(obj)
    name = ent.text if ent is not None else obj.text
    if compound_place and (ent is None or ent.label_ not in PLACE_ENTS):
        # the whole name before the kind of place ("Tora Manda locality"), whatever the parser made of it
        name = obj.doc[min(t.i for t in obj.subtree if t.pos_ == "PROPN"):obj.i + 1].text
    name = name[4:] if name.lower().startswith("the ") else name
    name = name[:-2] if name[-2:] in ("'s", "’s") and len(name) > 3 else name  # "Palmyra's countryside"
    if name.lower() in word_class("world_regions"):
        return None  # "the Middle East", "Southeast Asia": coarser than any country
    if person_town and not called_place:
        return gazetteer.geocode(name, hints=hints, villages=False, features=("place",))
    if called_place and actor is not None and actor.kind not in ("COUNTRY", "LOCATION"):
        found = gazetteer.geocode(name, hints=hints, villages=True, features=("place",))
        return found or Place(name=name, precision="place")
    if actor is not None and actor.kind not in ("COUNTRY", "LOCATION"):
        if actor.code is None and actor.kind == "ORGANIZATION":
            # a town the parser took for an organisation ("captured Bentiu"): a town, a village only as
            # what a place verb acts on
            acted_on = obj.dep_ == "dobj" and obj.head.lemma_.lower() in word_class("place_verbs")
            return gazetteer.geocode(name, hints=hints, villages=acted_on, features=("place",))
        return None  # an organisation is not a place
    if actor is not None and actor.kind == "COUNTRY" and _via(actor, obj) not in ("capital", "metonym"):
        if obj.dep_ in ("compound", "amod", "npadvmod") and obj.head.lemma_.lower() not in word_class("place_nouns"):
            return None  # an adjective: "a U.S. airstrike", "US-led forces"
        return gazetteer.country(name, actor.country)
    # a village only for a name the parser reads as a place, or "the village of X"
    villages = named or called_place
    found = gazetteer.geocode(name, hints=hints | ({actor.country} if actor and actor.country else set()),
                              villages=villages)
    if found is not None:
        return found
    if named and obj.head.lemma_.lower() in word_class("place_nouns") and obj.dep_ == "compound":
        # "Tanganyika province", "Idlib governorate": a region the gazetteer names otherwise
        return Place(name=name, country=actor.country if actor is not None else None, feature="region", precision="region")
    if named or called_place:
        return Place(name=name, country=actor.country if actor is not None else _country_in(obj, index, actors_by_id),
                     precision="place")  # a named place the gazetteer lacks: most often a local one
    return None


def _country_in(obj: Token, index: ActorIndex, actors_by_id) -> str | None:
    """"near Kobani in Syria", "Mellit, North Darfur, Sudan": a country named with the place."""
    for tok in obj.subtree:
        actor = actors_by_id.get(index.actor_at(tok.i))
        if actor is not None and actor.kind == "COUNTRY":
            return actor.country
    return None
