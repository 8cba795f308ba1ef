"""Resolve mention spans into actors: one actor per person, knowledge-base entry or named
body, then roles, coreference, unnamed groups and stated memberships, frozen into an index."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from itertools import count
from datetime import date

from spacy.tokens import Doc

from ..lexicons import body_head_sectors, word_class

from .aliases import add_counterparts, merge_aliases
from .builder import ActorBuilder, freeze
from .coref import add_coreference
from .groups import _UNSET, _home_country, add_group_mentions, add_stated_memberships, names_a_people, people_country, sentence_country
from .index import ActorIndex
from .kb import Entry, KnowledgeBase
from .mentions import Candidate
from .people import HONORIFICS, name_keys
from .relations import add_stated_relations, tie_international_titles
from .roles import add_person_roles, add_pronoun_possessor_titles, office_sectors

# words that, inside a name the tagger marked, are a title before it (agents.tsv's person nouns aside)
NAME_TITLES = HONORIFICS | word_class("relation_nouns") | word_class("name_titles")


def _person_key(tokens: list[str]) -> str:
    return " ".join(t.lower() for t in tokens)


class _Registry:
    """The actors of one document while they are built: ids in creation order, lookup keys,
    and which actor owns each token."""

    def __init__(self) -> None:
        self.builders: list[ActorBuilder] = []
        self.by_key: dict[str, ActorBuilder] = {}
        self.token_owner: dict[int, ActorBuilder] = {}
        self.serial = count(1)

    def new(self, name: str, kind: str, key: str, **attrs) -> ActorBuilder:
        # ids never repeat, though merging aliases removes builders
        builder = ActorBuilder(id=f"a{next(self.serial)}", name=name, kind=kind, key=key, **attrs)
        self.builders.append(builder)
        self.by_key[key] = builder
        return builder

    def attach(self, builder: ActorBuilder, start: int, end: int, via: str) -> None:
        builder.mentions.append((start, end, via))
        for i in range(start, end):
            self.token_owner[i] = builder

    def person_with_surname(self, words: list[str]) -> ActorBuilder | None:
        # "Al Hashimi" ends "Karim Al Hashimi"; a first name alone is not enough
        key = _person_key(words)
        for b in self.builders:
            name_words = b.key.split()
            if b.kind == "PERSON" and len(words) <= len(name_words) and key == " ".join(name_words[-len(words):]):
                return b
        return None


def resolve_actors(doc: Doc, candidates: list[Candidate], kb: KnowledgeBase, published: date | None = None) -> ActorIndex:
    reg = _Registry()
    builders, token_owner, new, attach = reg.builders, reg.token_owner, reg.new, reg.attach
    peoples: list[tuple[Candidate, Entry]] = []  # "Algerians", "Bosnian Serbs": placed once the countries are known
    _add_persons(doc, candidates, kb, reg, peoples)
    evidence = country_evidence(doc, candidates, kb)
    _add_named(doc, candidates, kb, reg, evidence, peoples)
    for cand, entry in peoples:
        country = people_country(doc, cand.start, cand.end, entry.country, token_owner)
        key = f"GROUP:{country}:{entry.key}:people"
        owner = reg.by_key.get(key) or new(doc[cand.start:cand.end].text, "GROUP", key, country=country,
                                           sector="CVL", code=(country or "") + "CVL")
        attach(owner, cand.start, cand.end, "agent")
    _add_bare_surnames(doc, builders, token_owner, reg.person_with_surname, attach)
    merge_aliases(doc, builders, token_owner, attach)
    add_person_roles(doc, builders, token_owner, kb)
    tie_international_titles(doc, builders)
    _name_lone_surnames(builders, kb, published)
    _add_known_people(builders, kb, published, frozenset(evidence.named))
    _titles_at_home(builders, doc)
    add_coreference(doc, builders, token_owner, kb)
    add_pronoun_possessor_titles(doc, builders, token_owner, kb)
    add_counterparts(doc, builders, token_owner, new, attach)
    add_group_mentions(doc, builders, token_owner, kb, new, attach)
    add_stated_memberships(doc, token_owner)
    add_stated_relations(doc, builders, token_owner, kb)
    _unknown_bodies(builders, doc, kb)
    office_sectors(builders, kb)
    sentence_country(doc, builders)
    return freeze(doc, builders, kb)


def _add_persons(doc: Doc, candidates: list[Candidate], kb: KnowledgeBase, reg: _Registry,
                 peoples: list[tuple[Candidate, Entry]]) -> None:
    """Persons: full names first so later surname-only mentions join them."""
    persons = [(_name_start(doc, c.start, c.end, kb), c) for c in candidates if c.kind == "PERSON" and not c.kb_key]
    for start, cand in sorted(persons, key=lambda p: (-(p[1].end - p[0]), p[0])):
        words = [t.text for t in doc[cand.start:cand.end]]
        if len(words) > 1 and all(kb.surfaces.get(w, ("", ""))[1] == "demonym" for w in words):
            # "Bosnian Serbs" tagged a person: a people, of the first demonym's country
            peoples.append((cand, kb.entries[kb.surfaces[words[0]][0]]))
            continue
        words = words[start - cand.start:]
        owner = reg.person_with_surname(words)
        if owner is None:
            owner = reg.new(" ".join(words), "PERSON", _person_key(words))
            via = "name"
        else:
            via = "surname" if len(words) < len(owner.key.split()) else "name"
        reg.attach(owner, start, cand.end, via)


def _name_start(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> int:
    """Where a person's name starts after the titles the tagger took into it: "Special Counsel
    Robert Mueller", "Sen. Sanders", "Budget Chairman Paul Ryan" are "Robert Mueller", "Sanders",
    "Paul Ryan" (the title is then read as a role, as when the tagger leaves it out). A title is
    an honorific, a person title, a person noun of the knowledge base or a relation noun; the
    name keeps at least its last word. Nor are a word before the name that is no proper noun
    ("Incumbent George Bush"), a word in capitals before a mixed-case name (a photo or agency
    credit: "REUTERS Obama") or a word said twice ("Trump Trump") part of it."""
    cut = start
    for k in range(start, end - 1):
        word = doc[k].lower_.rstrip(".")
        agent = kb.agents.get(word)
        if word in NAME_TITLES or (agent is not None and agent.kind == "PERSON") or doc[k].pos_ == "CCONJ":
            cut = k + 1  # "Trump and Pence" tagged one name: the last of them
    while end - cut > 1 and (doc[cut].pos_ not in ("PROPN", "PUNCT") and doc[cut + 1].pos_ == "PROPN"
                             or doc[cut].text == doc[cut + 1].text
                             or len(doc[cut]) > 2 and doc[cut].is_alpha and doc[cut].text.isupper()
                             and not doc[cut + 1].text.isupper()):
        cut += 1
    return cut


def _add_named(doc: Doc, candidates: list[Candidate], kb: KnowledgeBase, reg: _Registry, evidence,
               peoples: list[tuple[Candidate, Entry]]) -> None:
    """Everything else named: knowledge-base entries, then the tagger's organisations and places."""
    for cand in candidates:
        if cand.kind == "PERSON" and not cand.kb_key:
            continue
        if cand.kb_key:
            entry = kb.entries[cand.kb_key]
            if kb.is_shared(doc[cand.start:cand.end].text):
                entry = in_context(entry, doc[cand.start:cand.end].text, evidence)
            if entry.kind == "COUNTRY" and cand.via == "demonym" and names_a_people(doc, cand.start, cand.end):
                peoples.append((cand, entry))  # "Algerians", "ethnic Albanians": placed once the countries are known
                continue
            owner = reg.by_key.get(entry.key) or reg.new(
                entry.name, entry.kind, entry.key, country=entry.country, sector=entry.sector,
                code=entry.code, kb_members=entry.members,
            )
            via = cand.via
            if via == "capital" and doc[cand.start:cand.end].root.dep_ in ("nsubj", "nsubjpass", "poss"):
                via = "metonym"  # "Moscow said": the capital acting as its government
            reg.attach(owner, cand.start, cand.end, via)
            continue
        words = [t.text for t in doc[cand.start:cand.end]]
        person = reg.person_with_surname(words)
        if person is not None:  # the tagger sometimes labels a lone surname ORG or GPE
            reg.attach(person, cand.start, cand.end, "surname")
            continue
        text = doc[cand.start:cand.end].text
        previous = reg.token_owner.get(cand.start - 2)
        if (previous is not None and previous.kind == "ORGANIZATION" and doc[cand.start - 1].text == "("
                and text.isupper() and cand.end < len(doc) and doc[cand.end].text == ")"):
            # "the Lesotho Electoral Commission (LEC)": the acronym names the same body
            reg.attach(previous, cand.start, cand.end, "acronym")
            reg.by_key.setdefault(f"{cand.kind}:{text.lower()}", previous)
            continue
        key = f"{cand.kind}:{text.lower()}"
        owner = reg.by_key.get(key) or reg.new(text, cand.kind, key, country=cand.country,
                                               code=cand.country if cand.kind == "ORGANIZATION" and cand.country else None)
        reg.attach(owner, cand.start, cand.end, cand.via)


def _add_known_people(builders: list[ActorBuilder], kb: KnowledgeBase, published: date | None,
                      countries: frozenset[str]) -> None:
    """A person the knowledge base knows gets the country and sector of the role held on the
    publication date; what the text itself says (a title, an organisation) wins. A full name
    the dictionary knows under another form takes the dictionary's ("Joseph R. Biden" is "Joe
    Biden"), so that articles writing it either way name one corpus actor."""
    for b in builders:
        if b.kind == "PERSON" and " " in b.name and b.sector != "IGO":
            b.name = kb.people.known_name(b.name) or b.name
        if b.kind != "PERSON" or (b.country and b.sector) or b.sector == "IGO":
            continue  # an official of an international body is not the namesake the dictionary knows
        coded = kb.people.lookup(b.name, published, countries)
        if coded is None or (b.country and coded.country and b.country != coded.country):
            continue
        b.country = b.country or coded.country
        b.sector = b.sector or coded.sector
        if coded.country is None and coded.code:
            b.code = b.code or coded.code  # a UN official: IGOUNO


def _titles_at_home(builders: list[ActorBuilder], doc: Doc) -> None:
    """"Prime Minister Ana Ruiz" with no country named on the title holds an office of the
    country the article is about (the one named at least twice and more than any other), as a
    reader takes it; the role is tied to that country."""
    home = None
    for b in builders:
        if b.kind != "PERSON" or b.country or b.sector not in HOME_SECTORS:
            continue
        if not any(r.status == "current" for r in b.roles):
            continue
        if any(r.organization is not None and r.status == "current" for r in b.roles):
            continue  # tied to a body of no known country: the article's country is too weak a guess
        home = home or _home_country(builders, doc)
        if home is None:
            return
        country = next((c for c in builders if c.kind == "COUNTRY" and c.country == home), None)
        b.country = home
        b.roles = [replace(r, organization=country.id) if r.organization is None and r.status == "current" and country
                   else r for r in b.roles]


def _unknown_bodies(builders: list[ActorBuilder], doc: Doc, kb: KnowledgeBase) -> None:
    """An organisation no dictionary knows takes its sector from the head of its name ("Central
    Workers' Union" LAB, "Ministry of Disaster Management" GOV, "Minsk City Court" JUD) and, when
    nothing names its country, the country the article is about (a weak prior: a body a story
    names without saying whose it is is most often a body of the story's country)."""
    home: str | None | object = _UNSET  # the article's country, found on first need
    for b in builders:
        if b.kind != "ORGANIZATION" or (b.country and b.sector) or b.key in kb.entries:
            continue  # a dictionary body without a country is an international one (Amnesty International)
        b.sector = b.sector or _name_sector(b.name, kb) or _described_sector(doc, b, kb)
        if b.country is None:
            if home is _UNSET:
                home = _home_country(builders, doc)
            b.country = home
        if b.country and (b.code is None or b.code == b.country):
            b.code = b.country + (b.sector or "")
    # a person tied to such a body takes its country and sector ("a spokesman for the Ministry of X")
    by_id = {b.id: b for b in builders}
    for b in builders:
        if b.kind != "PERSON" or (b.country and b.sector) or b.sector == "IGO":
            continue
        tied = [by_id[r.organization] for r in b.roles if r.organization in by_id and r.status == "current"]
        tied += [by_id[a] for a in b.affiliations if a in by_id]
        tied = [o for o in tied if o.kind == "ORGANIZATION" and o.country]
        if b.country is None:
            b.country = next((o.country for o in tied), None)
        if b.sector is None and b.country:
            b.sector = next((o.sector for o in tied if o.country == b.country and o.sector), None)


def _described_sector(doc: Doc, body: ActorBuilder, kb: KnowledgeBase) -> str | None:
    """The sector a collective noun right next to a body's name gives it: "the opposition Broad
    Front" OPP, "the Lelo party" PTY."""
    for start, end, via in body.mentions:
        if via in ("pronoun", "description"):
            continue
        for k in (start - 1, end):
            if 0 <= k < len(doc) and doc[k].pos_ == "NOUN":
                agent = kb.agents.get(doc[k].lemma_.lower())
                if agent is not None and agent.kind == "GROUP":
                    return agent.sector
    return None


def _name_sector(name: str, kb: KnowledgeBase) -> str | None:
    """The sector of the noun heading a name (``body_heads.tsv``, else a collective agent noun):
    its last words, or those before its first "of" ("Ministry of Disaster Management")."""
    words = name.lower().replace("’", "'").split()
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    heads = body_head_sectors()
    for size in (2, 1):
        if len(words) < size:
            continue
        phrase = " ".join(words[-size:])
        if phrase in heads:
            return heads[phrase]
        agent = kb.agents.get(phrase)
        if agent is not None and agent.kind == "GROUP":
            return agent.sector
    return None


def _name_lone_surnames(builders: list[ActorBuilder], kb: KnowledgeBase, published: date | None) -> None:
    """A person named by surname alone ("Trump said", "Mr. Putin"), in an article that gives no
    fuller name with that surname, is the one known person of that surname in office on the
    publication date: so the articles that say "Trump" and those that say "Donald Trump" name
    one corpus actor. Nobody or several in office: the surname stays as written."""
    surnames = [(name_keys(b.name) or [""])[0] for b in builders]
    for builder, key in zip(builders, surnames):
        if builder.kind != "PERSON" or not key or " " in key or len(key) < 3:
            continue
        if any(other is not builder and b_key.endswith(" " + key) for other, b_key in zip(builders, surnames)
               if other.kind == "PERSON"):
            continue  # the article's own "Hillary Clinton" decides, not the knowledge base
        holder = kb.people.holder_by_surname(key, published)
        if holder is not None:
            builder.name = holder.name
            builder.key = _person_key(holder.name.split())


def _add_bare_surnames(doc: Doc, builders, owner, person_with_surname, attach) -> None:
    """Surnames the tagger did not mark as entities ("Ruto said") join the person named earlier."""
    if not any(b.kind == "PERSON" for b in builders):
        return
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in owner or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and j not in owner and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        person = person_with_surname([t.text for t in doc[i:j]])
        if person is not None and min(s for s, _, _ in person.mentions) < i:
            attach(person, i, j, "surname")
        i = j


# sectors of the state's own bodies: a country named on one of them ("the Chilean government",
# "Peru's president") shows the story is about that country's home affairs
DOMESTIC_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP"})

# sectors of a titled person's office that, with no country named, are the article's country's
# ("the army's spokesman", "opposition leader X"): the state's bodies, its forces and its politics
HOME_SECTORS = DOMESTIC_SECTORS | {"MIL", "OPP", "PTY"}


@dataclass(frozen=True, slots=True)
class CountryEvidence:
    """What an article says about the countries in it: how often each is named, or named by a
    body of its own (knowledge-base organisations included), and how often it is named on
    one of its own state bodies."""

    named: Counter
    domestic: Counter


def country_evidence(doc: Doc, candidates: list[Candidate], kb: KnowledgeBase) -> CountryEvidence:
    named: Counter = Counter()
    domestic: Counter = Counter()
    for cand in candidates:
        if not cand.kb_key or kb.is_shared(doc[cand.start:cand.end].text):
            continue
        entry = kb.entries[cand.kb_key]
        if entry.country is None:
            continue
        named[entry.country] += 1
        root = doc[cand.start:cand.end].root
        agent = kb.agents.get(root.head.lemma_.lower()) if root.dep_ in ("amod", "compound", "poss", "nmod") else None
        if cand.kind == "COUNTRY" and agent is not None and agent.sector in DOMESTIC_SECTORS:
            domestic[entry.country] += 1
    return CountryEvidence(named, domestic)


def in_context(entry: Entry, form: str, evidence: CountryEvidence) -> Entry:
    """A name bodies of several countries share ("Congress", "Labour Party") means the
    knowledge base's body (the one English news means most often) unless the article never
    names that body's country and names another country's own state bodies ("the Chilean
    government sent the bill to Congress"): then it is that country's body of the same sector."""
    if entry.country is None or evidence.named[entry.country]:
        return entry
    ranked = [(n, evidence.named[c], c) for c, n in evidence.domestic.items() if c != entry.country]
    ranked.sort(reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]):
        return entry
    home = ranked[0][2]
    name = form[4:] if form.lower().startswith("the ") else form
    return Entry(key=f"ORGANIZATION:{home}:{name.lower()}", name=name, kind="ORGANIZATION", country=home,
                 sector=entry.sector, code=home + (entry.sector or ""))
