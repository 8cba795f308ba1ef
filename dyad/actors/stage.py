"""Actors: recognise mentions, resolve them against the knowledge base, merge, add roles.

Find, then write: ``find_mentions`` is a pure function of the Doc; ``resolve_actors``
turns the mentions into plain ``Actor`` records plus a token -> actor index that the
events and quotes stages use to resolve their arguments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..document import Actor, Mention, Role
from ..sentences import sentence_of, sentences
from .kb import KnowledgeBase

NER_KINDS = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION", "NORP": "GROUP", "FAC": "LOCATION"}
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
# Definite descriptions that refer back to the last organisation or country named.
ORG_DESCRIPTIONS = frozenset({"movement", "group", "organization", "organisation", "party", "faction", "militia", "alliance",
                              "coalition", "bloc", "union", "agency", "programme", "program", "court", "ministry", "commission",
                              "council", "organisation", "body", "mission", "fund", "bank", "front", "league", "force", "forces"})
# descriptions that may also name an international body ("the bloc" for the EU)
BODY_DESCRIPTIONS = frozenset({"bloc", "alliance", "union", "agency", "programme", "program", "organization", "organisation",
                               "body", "mission", "fund", "bank", "court", "commission", "council", "league", "forces", "force"})
COUNTRY_DESCRIPTIONS = frozenset({"country", "nation", "kingdom", "republic"})
FORMER_WORDS = frozenset({"former", "ex", "onetime", "erstwhile", "late"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "sheikh", "lord", "lady", "prof"})
_POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that names an actor: token offsets, kind and how it was found."""

    start: int  # token index
    end: int
    kind: str
    via: str
    kb_key: str | None = None
    country: str | None = None  # for a name that contains a country ("Malawi Electoral Commission")


@dataclass
class _Builder:
    id: str
    name: str
    kind: str
    key: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    kb_members: tuple[str, ...] = ()
    roles: list[Role] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    text_members: list[str] = field(default_factory=list)  # builder ids of members the text states
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end, via


@dataclass
class ActorIndex:
    """The actors of one document and the token -> actor id map."""

    actors: list[Actor]
    by_token: dict[int, str]
    by_id: dict[str, Actor] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {a.id: a for a in self.actors}

    def actor_at(self, token_i: int) -> str | None:
        return self.by_token.get(token_i)

    def get(self, actor_id: str | None) -> Actor | None:
        return self.by_id.get(actor_id) if actor_id is not None else None

    def with_mentions(self, doc: Doc, extra: list[tuple[str, int, str]]) -> "ActorIndex":
        """A copy with one-token mentions added: (actor id, token index, via)."""
        if not extra:
            return self
        by_token = dict(self.by_token)
        added: dict[str, list[Mention]] = {}
        for actor_id, i, via in extra:
            if i in by_token:
                continue
            by_token[i] = actor_id
            tok = doc[i]
            added.setdefault(actor_id, []).append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, via))
        actors = [replace(a, mentions=tuple(sorted(a.mentions + tuple(added.get(a.id, ())), key=lambda m: m.start)))
                  for a in self.actors]
        return ActorIndex(actors, by_token)


FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})


def speaker_pronouns(doc: Doc, index: ActorIndex, quotes) -> list[tuple[str, int, str]]:
    """Inside a quotation "I" is its speaker and "we" the speaker's organisation (or the
    speaking body itself): “We are ready to talk,” the deputy leader of the party said."""
    extra = []
    for quote in quotes:
        if quote.speaker is None or quote.kind == "indirect":
            continue
        speaker = index.get(quote.speaker)
        if speaker is None:
            continue
        group = speaker.id
        if speaker.kind == "PERSON":
            group = speaker.affiliations[0] if speaker.affiliations else None
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        for tok in span or ():
            lower = tok.lower_
            if lower in FIRST_SINGULAR and speaker.kind == "PERSON":
                extra.append((speaker.id, tok.i, "pronoun"))
            elif lower in FIRST_PLURAL and group is not None:
                extra.append((group, tok.i, "pronoun"))
    return extra


@lru_cache(maxsize=4)
def _matcher(nlp, kb: KnowledgeBase) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for form, (key, via) in kb.surfaces.items():
        matcher.add(f"{key}\t{via}", [nlp.make_doc(form)])
    return matcher


def find_mentions(doc: Doc, kb: KnowledgeBase, nlp) -> list[Candidate]:
    """Knowledge-base matches plus spaCy entities, longest first, without overlaps."""
    matcher = _matcher(nlp, kb)
    found: list[Candidate] = []
    for match_id, start, end in matcher(doc):
        key, via = nlp.vocab.strings[match_id].split("\t")
        entry = kb.entries[key]
        found.append(Candidate(start, end, entry.kind, via, key))
    for ent in doc.ents:
        kind = NER_KINDS.get(ent.label_)
        if kind is None:
            continue
        start, end = _trim(ent)
        if kind != "PERSON" and _speaks_like_a_person(doc, start, end, kb):
            kind = "PERSON"
        if kind == "PERSON":
            start, end = _extend_name(doc, start, end, kb)
        if start >= end or _is_title_word(doc, start, end, kb):
            continue  # "Defence" in "Defence Minister" tagged as an organisation is part of a title
        found.append(Candidate(start, end, kind, "name"))
    found += _unlabelled_speakers(doc, kb)
    return _select(found, doc)


def _unlabelled_speakers(doc: Doc, kb: KnowledgeBase) -> list[Candidate]:
    """A capitalised name the tagger left unlabelled but that says something ("Blackwell wrote")
    is a person: the subject of a verb of saying is nearly always someone."""
    from ..quotes.finder import load_reporting_verbs

    cues = load_reporting_verbs()
    out = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper():
            continue
        if not any(c.kind == "speech" for c in cues.get(tok.head.lemma_.lower(), ())):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
            start -= 1
        span = doc[start:tok.i + 1]
        if span.text in kb.surfaces or span.text.lower() in kb.agents or tok.text.lower() in kb.agents:
            continue
        out.append(Candidate(start, tok.i + 1, "PERSON", "name"))
    return out


HONORIFIC_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "adm", "capt", "pres", "amb", "prof", "rev", "sir", "dame", "judge", "justice"})


def _speaks_like_a_person(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> bool:
    """The small tagger often labels a surname an organisation or a place ("Blackwell wrote",
    "Sen. Kaine said"). A name not in the knowledge base is a person when an honorific
    precedes it, or when it is one or two capitalised words that act as the subject of a
    verb of saying."""
    span = doc[start:end]
    if span.text in kb.surfaces or any(t.text in kb.surfaces for t in span):
        return False
    if start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFIC_TITLES:
        return True
    if len(span) > 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
        return False
    root = span.root
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
        return False
    from ..quotes.finder import load_reporting_verbs  # the same cue lexicon as the quotes stage

    cues = load_reporting_verbs().get(root.head.lemma_.lower(), ())
    return any(c.kind == "speech" for c in cues)


def _is_title_word(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> bool:
    words = doc[start:end].text.lower()
    if words in kb.agents:
        return True
    following = doc[end].text.lower() if end < len(doc) else ""
    return bool(following) and f"{words} {following}" in kb.agents


def _extend_name(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> tuple[int, int]:
    """Grow a person's name over adjacent capitalised proper nouns the tagger left out
    ("Omar Said" + "Khalil"), never over title words ("Minister") or known names."""
    def name_part(tok: Token) -> bool:
        return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.text.lower() not in kb.agents
                and tok.text not in kb.surfaces and sentence_of(tok).start == sentence_of(doc[start]).start)

    while end < len(doc) and name_part(doc[end]):
        end += 1
    while start > 0 and name_part(doc[start - 1]) and doc[start - 1].ent_type_ in ("", "PERSON", "GPE", "ORG"):
        if doc[start - 1].ent_type_ and doc[start - 1].ent_iob_ == "B" and doc[start - 1].ent_type_ != "PERSON":
            break
        start -= 1
    return start, end


def _trim(ent: Span) -> tuple[int, int]:
    """Drop leading determiners/honorifics and a trailing possessive from an entity."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].lower_.rstrip(".") in HONORIFICS):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _select(found: list[Candidate], doc: Doc) -> list[Candidate]:
    # A demonym inside a longer person or organisation name ("Russian Foreign
    # Ministry") belongs to that name; otherwise the knowledge base wins, then length.
    # A country inside a longer organisation name ("Malawi Electoral Commission",
    # "Bank of England") likewise gives that organisation its country.
    organisations = [c for c in found if not c.kb_key and c.kind == "ORGANIZATION"]

    def inside_organisation(c: Candidate) -> Candidate | None:
        return next((o for o in organisations if o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start), None)

    def rank(c: Candidate) -> tuple:
        yields = c.via == "demonym" or (c.kb_key and c.kind == "COUNTRY" and inside_organisation(c) is not None)
        return (0 if c.kb_key and not yields else 1, -(c.end - c.start), c.start)

    taken: set[int] = set()
    chosen: list[Candidate] = []
    for cand in sorted(found, key=rank):
        span = set(range(cand.start, cand.end))
        if span & taken:
            continue
        if not cand.kb_key and cand.kind == "ORGANIZATION":
            country = next((c.kb_key for c in found if c.kind == "COUNTRY" and c.kb_key and cand.start <= c.start and c.end <= cand.end), None)
            cand = Candidate(cand.start, cand.end, cand.kind, cand.via, None, country)
        chosen.append(cand)
        taken |= span
    return sorted(chosen, key=lambda c: c.start)


def _person_key(tokens: list[str]) -> str:
    return " ".join(t.lower() for t in tokens)


def resolve_actors(doc: Doc, candidates: list[Candidate], kb: KnowledgeBase) -> ActorIndex:
    builders: list[_Builder] = []
    by_key: dict[str, _Builder] = {}
    token_owner: dict[int, _Builder] = {}

    def new(name: str, kind: str, key: str, **attrs) -> _Builder:
        builder = _Builder(id=f"a{len(builders) + 1}", name=name, kind=kind, key=key, **attrs)
        builders.append(builder)
        by_key[key] = builder
        return builder

    def attach(builder: _Builder, start: int, end: int, via: str) -> None:
        builder.mentions.append((start, end, via))
        for i in range(start, end):
            token_owner[i] = builder

    # Persons: full names first so later surname-only mentions join them.
    def person_with_surname(words: list[str]) -> _Builder | None:
        # "Al Hashimi" ends "Karim Al Hashimi"; a first name alone is not enough
        key = _person_key(words)
        for b in builders:
            name_words = b.key.split()
            if b.kind == "PERSON" and len(words) <= len(name_words) and key == " ".join(name_words[-len(words):]):
                return b
        return None

    persons = [c for c in candidates if c.kind == "PERSON" and not c.kb_key]
    for cand in sorted(persons, key=lambda c: (-(c.end - c.start), c.start)):
        words = [t.text for t in doc[cand.start:cand.end]]
        owner = person_with_surname(words)
        if owner is None:
            owner = new(" ".join(words), "PERSON", _person_key(words))
            via = "name"
        else:
            via = "surname" if len(words) < len(owner.key.split()) else "name"
        attach(owner, cand.start, cand.end, via)

    for cand in candidates:
        if cand.kind == "PERSON" and not cand.kb_key:
            continue
        if cand.kb_key:
            entry = kb.entries[cand.kb_key]
            owner = by_key.get(entry.key) or new(
                entry.name, entry.kind, entry.key, country=entry.country, sector=entry.sector,
                code=entry.code, kb_members=entry.members,
            )
            via = cand.via
            if via == "capital" and doc[cand.start:cand.end].root.dep_ in ("nsubj", "nsubjpass", "poss"):
                via = "metonym"  # "Moscow said": the capital acting as its government
            attach(owner, cand.start, cand.end, via)
            continue
        words = [t.text for t in doc[cand.start:cand.end]]
        person = person_with_surname(words)
        if person is not None:  # the tagger sometimes labels a lone surname ORG or GPE
            attach(person, cand.start, cand.end, "surname")
            continue
        text = doc[cand.start:cand.end].text
        previous = token_owner.get(cand.start - 2)
        if (previous is not None and previous.kind == "ORGANIZATION" and doc[cand.start - 1].text == "("
                and text.isupper() and cand.end < len(doc) and doc[cand.end].text == ")"):
            # "the Malawi Electoral Commission (MEC)": the acronym names the same body
            attach(previous, cand.start, cand.end, "acronym")
            by_key.setdefault(f"{cand.kind}:{text.lower()}", previous)
            continue
        key = f"{cand.kind}:{text.lower()}"
        owner = by_key.get(key) or new(text, cand.kind, key, country=cand.country,
                                       code=cand.country if cand.kind == "ORGANIZATION" and cand.country else None)
        attach(owner, cand.start, cand.end, cand.via)

    _add_bare_surnames(doc, builders, token_owner, person_with_surname, attach)
    _add_person_roles(doc, builders, token_owner, kb)
    _add_coreference(doc, builders, token_owner, kb)
    _add_group_mentions(doc, builders, token_owner, kb, new, attach)
    _add_stated_memberships(doc, token_owner)
    return _freeze(doc, builders, kb)


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


def _group_head(tok: Token, kb: KnowledgeBase):
    """The agent term a common noun names, with its modifiers: "Sudanese army", "riot police"."""
    if tok.pos_ != "NOUN" or tok.dep_ == "compound":
        return None
    lemma = tok.lemma_.lower()
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    for mod in modifiers:  # "security forces", "border guards"
        agent = kb.agents.get(f"{mod.lower_} {lemma}")
        if agent is not None:
            return agent
    return kb.agents.get(lemma)


def _add_group_mentions(doc: Doc, builders: list[_Builder], owner: dict[int, _Builder], kb: KnowledgeBase, new, attach) -> None:
    """Unnamed collective actors ("the army", "Sudanese police", "protesters", "lawmakers") and
    definite descriptions of a named organisation ("the commission" after "the Electoral Commission")."""
    belongs_to: dict[str, _Builder] = {}  # "delegation" -> the body an earlier "delegation of X" named
    home: str | None | object = _UNSET  # the article's country, found on first need
    for tok in doc:
        if tok.i in owner or tok.pos_ != "NOUN":
            continue
        lemma = tok.lemma_.lower()
        if lemma in belongs_to and _has_determiner(tok) and not _named_body(tok, owner):
            attach(belongs_to[lemma], tok.i, tok.i + 1, "description")
            continue
        # "the commission" -> the last organisation named "... Commission"; "union leaders" ->
        # the leaders of the union named before
        describes = _has_determiner(tok) or (tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i not in owner)
        if describes and lemma.rstrip("s") in {b.name.split()[-1].lower().rstrip("s") for b in builders}:
            named = next((b for b in reversed(_before(builders, tok.i)) if b.kind in ("ORGANIZATION", "IGO")
                          and b.name.split()[-1].lower().rstrip("s") == lemma.rstrip("s")), None)
            if named is not None:
                attach(named, tok.i, tok.i + 1, "description")
                continue
        agent = _group_head(tok, kb)
        if agent is None:
            continue
        plural = tok.tag_ in ("NNS", "NNPS") or agent.kind == "GROUP"
        if not plural:
            continue  # "the minister" is a person, not a group; left to coreference
        body = _named_body(tok, owner)
        if body is not None:
            belongs_to[lemma] = body
            continue  # "the Taliban administration", "a delegation of the party's leaders": the body itself
        countries = [owner[c.i] for c in tok.subtree if c.i in owner and owner[c.i].kind == "COUNTRY" and c.i < tok.i]
        country = countries[0].country if countries else None
        bare = not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod") for c in tok.children)
        if country is None and agent.term in DOMESTIC_BODIES and (_has_determiner(tok) or bare):
            # "the authorities", "police" with no country named: the country the story is about,
            # as a reader takes it (group builders added in this pass do not change it)
            if home is _UNSET:
                home = _home_country(builders)
            country = home
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i and c.i not in owner]
        start = min([tok.i] + [m.i for m in modifiers] + [c.i for c in tok.children if c.i in owner and c.i < tok.i and owner[c.i].kind == "COUNTRY"])
        name = doc[start:tok.i + 1].text
        key = f"GROUP:{country}:{agent.term}"
        builder = next((b for b in builders if b.key == key), None) or new(
            name, "GROUP", key, country=country, sector=agent.sector, code=(country or "") + agent.sector)
        attach(builder, tok.i, tok.i + 1, "agent")


# The state's own bodies, which a story names without their country when it is the country
# the story is about ("the authorities", "the police", "the government").
DOMESTIC_BODIES = frozenset({"authorities", "authority", "government", "police", "army", "military", "parliament",
                             "security forces", "cabinet", "judiciary", "prosecutors", "junta"})


_UNSET = object()


def _home_country(builders: list[_Builder]) -> str | None:
    """The country the article mentions most, when it is mentioned at least twice and more than any other."""
    counts = sorted(((len(b.mentions), b.country) for b in builders if b.kind == "COUNTRY" and b.country), reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def _named_body(tok: Token, owner: dict[int, _Builder]) -> _Builder | None:
    """The organisation a group noun belongs to: "Hamas fighters", "the army's engineers",
    "a delegation of the party's leaders", "troops from the African Union"."""
    for child in tok.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod") and child.i in owner and owner[child.i].kind in ("ORGANIZATION", "IGO"):
            return owner[child.i]
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.i in owner and owner[pobj.i].kind in ("ORGANIZATION", "IGO"):
                    return owner[pobj.i]
                found = _named_body(pobj, owner)
                if found is not None:
                    return found
    return None


# Verbs and participles that introduce a body's members: "which consists of", "made up of",
# "comprising", "whose members include", "which groups", "bringing together".
MEMBERSHIP_VERBS = frozenset({"consist", "comprise", "include", "compose", "group", "unite", "bring", "gather", "make", "count"})
COLLECTIVE_NOUNS = frozenset({"coalition", "alliance", "bloc", "group", "union", "grouping", "club", "league", "quartet", "partnership", "consortium", "federation"})


def _add_stated_memberships(doc: Doc, owner: dict[int, _Builder]) -> None:
    """Memberships the text states about a named body: "the Quartet, which consists of A, B,
    C and D", "a bloc made up of A and B", "an alliance of A, B and C"."""
    for tok in doc:
        body = owner.get(tok.i)
        if body is None or body.kind not in ("IGO", "ORGANIZATION", "GROUP") or tok.head.i in owner and owner[tok.head.i] is body and tok.head.i != tok.i:
            continue
        heads: list[Token] = []
        for child in tok.children:
            if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in MEMBERSHIP_VERBS:
                heads += _membership_objects(child)
            if child.dep_ == "prep" and child.lower_ == "of" and (tok.lemma_.lower() in COLLECTIVE_NOUNS or body.kind != "PERSON"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and len(_with_all_conjuncts(objects[0])) >= 2:
                    heads += objects
        members: list[_Builder] = []
        for head in heads:
            for member_tok in _with_all_conjuncts(head):
                member = owner.get(member_tok.i)
                if member is not None and member is not body and member.kind != "PERSON" and member not in members:
                    members.append(member)
        for member in members:
            if member.id not in body.text_members:
                body.text_members.append(member.id)


def _membership_objects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by")):
        out += [c for c in prep.children if c.dep_ == "pobj"]
    for prt in (c for c in verb.children if c.dep_ == "prt"):  # "made up of"
        for prep in (c for c in prt.children if c.dep_ == "prep"):
            out += [c for c in prep.children if c.dep_ == "pobj"]
    # "whose members include A and B": the members are the object either way
    return out


def _with_all_conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def _has_determiner(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _before(builders: list[_Builder], i: int) -> list[_Builder]:
    """Actors first mentioned before token i, in order of their latest mention before i."""
    seen = [(max(s for s, _, _ in b.mentions if s < i), b) for b in builders if any(s < i for s, _, _ in b.mentions)]
    return [b for _, b in sorted(seen, key=lambda x: x[0])]


def _left_titles(doc: Doc, start: int) -> list[Span]:
    """Pre-nominal titles, read from the surface: "Chilean Interior Minister Ana Rojas",
    "then-Kenyan Vice President (now opposition leader) Paul Otieno" (two titles)."""
    titles: list[Span] = []
    sent_start = sentence_of(doc[start]).start
    k = start - 1
    end = start
    if k > sent_start and doc[k].text == ")":
        opening = next((j for j in range(k - 1, max(sent_start, k - 12) - 1, -1) if doc[j].text == "("), None)
        if opening is not None:
            inner = doc[opening + 1:k]
            while len(inner) and inner[0].pos_ in ("CCONJ", "PUNCT"):
                inner = doc[inner.start + 1:inner.end]
            if len(inner):
                titles.append(inner)
            k = opening - 1
            end = opening
    while k >= sent_start and (doc[k].pos_ in ("ADJ", "PROPN", "NOUN") or doc[k].text == "-" or doc[k].lower_ in ("then", "former", "ex")):
        if doc[k].ent_type_ == "PERSON":
            break
        k -= 1
    if k + 1 < end:
        titles.insert(0, doc[k + 1:end])
    return titles


def _add_person_roles(doc: Doc, builders: list[_Builder], owner: dict[int, _Builder], kb: KnowledgeBase) -> None:
    for b in builders:
        if b.kind != "PERSON":
            continue
        for start, end, via in list(b.mentions):
            for title in _left_titles(doc, start):
                _apply_title(b, title, owner, kb)
            for appos in _appositions(doc, start, end):
                if any(owner.get(t.i) is b for t in appos):
                    continue
                _apply_title(b, appos, owner, kb)
            for clause, status in _relative_roles(doc, start, end):
                _apply_title(b, clause, owner, kb, status=status)
            body = _of_organisation(doc, end, owner)
            if body is not None and body.id not in b.affiliations:
                b.affiliations.append(body.id)  # "Levan Abashidze of the ruling Georgian Dream party"
                b.country = b.country or body.country


# verbs that state a position in a relative clause: "X, who leads the party, ..."
POSITION_VERBS = frozenset({"lead", "head", "chair", "run", "command", "direct", "found", "represent", "serve", "be"})


def _relative_roles(doc: Doc, start: int, end: int) -> list[tuple[Span, str]]:
    """Roles stated in a relative clause on a name: "X, who leads the Renewal Party" (current),
    "X, who headed the central bank until 2020" (former), "X, who is the party's treasurer"."""
    head = doc[start:end].root
    out = []
    for clause in (c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in POSITION_VERBS):
        tokens = [t for t in clause.subtree if t.dep_ not in ("nsubj", "punct", "advcl", "ccomp") or t.i == clause.i]
        tokens = [t for t in tokens if t.lower_ not in ("who", "whom", "that")]
        if clause.lemma_ == "be":
            attr = next((c for c in clause.children if c.dep_ == "attr"), None)
            if attr is None:
                continue
            tokens = list(attr.subtree)
        if not tokens:
            continue
        lo, hi = min(t.i for t in tokens), max(t.i for t in tokens) + 1
        status = "former" if clause.tag_ == "VBD" or (clause.lemma_ == "be" and clause.tag_ == "VBD") else "current"
        out.append((doc[lo:hi], status))
    return out


def _of_organisation(doc: Doc, end: int, owner: dict[int, _Builder]) -> _Builder | None:
    """The organisation in "NAME of [the] [ruling] ORG [party]" right after a person's name."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    for tok in doc[end + 1:min(len(doc), end + 7)]:
        body = owner.get(tok.i)
        if body is not None:
            return body if body.kind in ("ORGANIZATION", "IGO") else None
        if (tok.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PART", "PUNCT") and tok.tag_ not in ("VBG", "VBN")) or tok.text == ",":
            return None
    return None


# Tokens that may sit inside an appositive title: "the former deputy chair of the party's youth wing".
_TITLE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})


def _title_token(tok: Token) -> bool:
    return tok.pos_ in _TITLE_POS or tok.lower_ in ("of", "for", "’", "'", "-", "and") and tok.text != ","


def _appositions(doc: Doc, start: int, end: int) -> list[Span]:
    """Comma-delimited appositions next to a name, read from the surface.

    The small parser often attaches appositions to the wrong head, so the window
    between the name and the neighbouring comma is read directly: it must look
    like a noun phrase and begin with a determiner or an adjective ("the deputy
    head of ...", "a former envoy", "former head of ...").
    """
    spans: list[Span] = []
    sent = sentence_of(doc[start])
    # after the name: "Name, the deputy leader of the Labour Party, said"
    if end < sent.end and doc[end].text == ",":
        k = end + 1
        while k < sent.end and k - end <= 14 and doc[k].text != "," and _title_token(doc[k]):
            k += 1
        window = doc[end + 1:k]
        if window and (k == sent.end or doc[k].text in (",", ".", ";")) and doc[end + 1].pos_ in ("DET", "ADJ", "NOUN"):
            spans.append(window)
    # before the name: "... chaired by the former governor of the central bank, Ana Rojas"
    if start - 1 > sent.start and doc[start - 1].text == ",":
        k = start - 2
        while k >= sent.start and start - k <= 15 and doc[k].text != "," and _title_token(doc[k]):
            k -= 1
        window = doc[k + 1:start - 1]
        while len(window) and window[0].pos_ not in ("DET", "ADJ", "NOUN"):
            window = doc[window.start + 1:window.end]
        if len(window) and window[0].pos_ == "DET":
            spans.append(window)
    return spans


def _apply_title(person: _Builder, title: Span, owner: dict[int, _Builder], kb: KnowledgeBase, status: str = "current") -> None:
    lowered = title.text.lower()
    if re.search(r"\bthen[-\s]", lowered):
        status = "then"
    elif any(re.search(rf"\b{w}\b", lowered) for w in FORMER_WORDS):
        status = "former"
    agent = kb.find_agent(re.sub(r"\b(then|former|ex)-", " ", lowered))
    orgs: list[_Builder] = []
    for tok in title:
        other = owner.get(tok.i)
        if other is not None and other is not person and other not in orgs and other.kind != "PERSON":
            orgs.append(other)
    if agent is None and not orgs:
        return
    # the organisation a title belongs to: the named body, else the country ("Russian Foreign Minister")
    organization = next((o for o in orgs if o.kind in ("ORGANIZATION", "IGO")), None) or next(
        (o for o in orgs if o.kind == "COUNTRY"), None)
    clean_title = re.sub(r"^(the|a|an)\s+", "", title.text.strip(" ,"), flags=re.I)
    role = Role(title=clean_title, organization=organization.id if organization else None, status=status)
    if role not in person.roles:
        person.roles.append(role)
    if status != "current" and person.country:
        return  # a former or then-role does not override what is already known
    if organization is not None:
        if organization.kind != "COUNTRY" and organization.id not in person.affiliations:
            person.affiliations.append(organization.id)
        person.country = person.country or organization.country
        if organization.kind == "IGO":
            person.code = person.code or organization.code
    # a member of a named organisation shares its sector (a Hezbollah commander is LBNREB in CAMEO);
    # otherwise the title says it (minister -> GOV, general -> MIL)
    if organization is not None and organization.kind == "ORGANIZATION" and organization.sector:
        person.sector = person.sector or organization.sector
    elif agent is not None and agent.kind == "PERSON":
        person.sector = person.sector or agent.sector


SINGULAR_THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_NON_PERSON = ("ORGANIZATION", "IGO", "COUNTRY", "GROUP")
# how many sentences back a he/she may reach: news keeps one protagonist across a paragraph
PERSON_PRONOUN_WINDOW = 5


def _add_coreference(doc: Doc, builders: list[_Builder], owner: dict[int, _Builder], kb: KnowledgeBase) -> None:
    """Pronouns and definite descriptions to the antecedent a reader would pick.

    Candidates must agree (he/she: a person; it/its: a singular organisation, body,
    country or group; they/their: a group or an organisation), lie within the two
    previous sentences, and a subject is preferred over other mentions. A pronoun
    with no such antecedent stays unresolved.
    """
    sentence_of = {}
    for n, sent in enumerate(sentences(doc)):
        for i in range(sent.start, sent.end):
            sentence_of[i] = n
    recent: list[tuple[int, _Builder, bool]] = []  # token index, actor, was a subject
    quoted = None  # computed on first need
    for tok in doc:
        current = owner.get(tok.i)
        if current is not None:
            is_subject = tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass")
            if not recent or recent[-1][1] is not current or recent[-1][0] != tok.i - 1:
                recent.append((tok.i, current, is_subject))
            continue
        lower = tok.lower_
        antecedent = None
        via = "pronoun"
        if tok.pos_ == "PRON" and lower in PERSON_PRONOUNS:
            # an object pronoun never means its own clause's subject ("Ana urged him" is not Ana)
            clause_subject = _clause_subject_owner(tok, owner) if lower in ("him", "her") and tok.dep_ in ("dobj", "dative", "pobj") else None
            antecedent = _pick(recent, sentence_of, tok.i,
                               lambda b: b.kind == "PERSON" and b is not clause_subject, window=PERSON_PRONOUN_WINDOW)
        elif tok.pos_ == "PRON" and lower in SINGULAR_THING_PRONOUNS and _referential_it(tok):
            own = _subject_side(tok, owner, builders)
            antecedent = _pick(recent, sentence_of, tok.i, lambda b: b.kind in _NON_PERSON and b not in own, window=1)
        elif tok.pos_ == "PRON" and lower in PLURAL_PRONOUNS:
            own = _subject_side(tok, owner, builders)
            antecedent = _pick(recent, sentence_of, tok.i, lambda b: b.kind in ("GROUP", "ORGANIZATION") and b not in own, window=1)
        elif tok.pos_ == "NOUN" and _definite(tok):
            lemma = tok.lemma_.lower()
            via = "description"
            if lemma in ORG_DESCRIPTIONS:
                kinds = ("ORGANIZATION", "IGO") if lemma in BODY_DESCRIPTIONS else ("ORGANIZATION",)
                # "the alliance" is first the body whose name says alliance, else the last body
                named = _pick(recent, sentence_of, tok.i, lambda b: b.kind in kinds and lemma in b.name.lower(), window=6)
                antecedent = named or _pick(recent, sentence_of, tok.i, lambda b: b.kind in kinds, window=4)
            elif lemma in COUNTRY_DESCRIPTIONS:
                antecedent = _pick(recent, sentence_of, tok.i, lambda b: b.kind == "COUNTRY", window=4)
            elif lemma in kb.agents and kb.agents[lemma].kind == "PERSON" and tok.tag_ == "NN":
                # "the president" -> the last person whose role names a president
                antecedent = _pick(recent, sentence_of, tok.i, lambda b: b.kind == "PERSON" and any(
                    lemma in r.title.lower() for r in b.roles), window=6)
                if antecedent is None and tok.dep_ in ("nsubj", "nsubjpass"):
                    # an epithet as subject ("The billionaire businessman said") names the person
                    # the story is about: the last person who was a subject, close by
                    antecedent = _pick([r for r in recent if r[2]], sentence_of, tok.i, lambda b: b.kind == "PERSON", window=2)
        elif tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and _modified_epithet(tok, kb, owner):
            # "The Florida senator said", "the billionaire businessman added": a described person
            # as subject is the person whose role it names, else the story's last subject person
            lemma = tok.lemma_.lower()
            via = "description"
            if quoted is None:
                quoted = _quoted_chars(doc)
            # a name inside someone's quotation is not who the narrative is describing
            narrated = [r for r in recent if not quoted(doc[r[0]].idx)]
            fits = lambda b: b.kind == "PERSON" and _agrees_with_modifiers(tok, b, owner)
            antecedent = _pick(narrated, sentence_of, tok.i, lambda b: fits(b) and any(
                lemma in r.title.lower() for r in b.roles), window=6)
            if antecedent is None:
                antecedent = _pick([r for r in narrated if r[2]], sentence_of, tok.i, fits, window=2)
        if antecedent is not None:
            _attach_coref(antecedent, tok.i, tok.i + 1, via, owner)
            recent.append((tok.i, antecedent, tok.dep_ in ("nsubj", "nsubjpass")))


def _subject_side(tok: Token, owner: dict[int, _Builder], builders: list[_Builder]) -> list[_Builder]:
    """For an object pronoun ("urged it", "accused them"): its clause's subject and the body or
    country that subject speaks for. Nobody urges or accuses their own side, so "Chinese
    spokesman Chen accused Manila and urged it to halt" is Manila, not China."""
    if tok.dep_ not in ("dobj", "dative", "pobj"):
        return []
    subject = _clause_subject_owner(tok, owner)
    if subject is None:
        return []
    affiliated = set(subject.affiliations)
    return [subject] + [b for b in builders if b.id in affiliated
                        or (subject.country and b.kind == "COUNTRY" and b.country == subject.country)]


def _clause_subject_owner(tok: Token, owner: dict[int, _Builder]) -> _Builder | None:
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return owner.get(subject.i) if subject is not None else None


def _pick(recent, sentence_of, i: int, agrees, window: int = 2) -> _Builder | None:
    here = sentence_of.get(i, 0)
    candidates = [(j, b, subj) for j, b, subj in reversed(recent) if agrees(b) and here - sentence_of.get(j, 0) <= window]
    if not candidates:
        return None
    # prefer the latest subject in the closest sentence that has a candidate
    closest = sentence_of.get(candidates[0][0], 0)
    for j, b, subj in candidates:
        if sentence_of.get(j, 0) == closest and subj:
            return b
    for j, b, subj in candidates:
        if subj:
            return b
    return candidates[0][1]


def _referential_it(tok: Token) -> bool:
    """"its" and an "it" that acts ("it said", "it accused") refer; "it is up to", "it was
    clear that" do not."""
    if tok.lower_ == "its":
        return True
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_ not in ("be", "seem", "appear", "take", "remain", "happen"):
        return not any(c.dep_ in ("ccomp", "xcomp") and c.i > head.i and head.lemma_ in ("make",) for c in head.children)
    return tok.dep_ in ("dobj", "pobj") and head.lemma_ not in ("make", "take", "do")


def _quoted_chars(doc: Doc):
    """A test of whether a character offset lies inside a quotation."""
    from bisect import bisect_right

    from ..quotes.finder import find_quote_spans
    from ..sentences import text_of

    spans, _ = find_quote_spans(text_of(doc))
    starts = [s.start for s in spans]

    def inside(char: int) -> bool:
        k = bisect_right(starts, char) - 1
        return k >= 0 and spans[k].start <= char < spans[k].end
    return inside


# adjectives that set the described person apart from the one just named ("the other candidate")
CONTRASTIVE_MODIFIERS = frozenset({"other", "another", "new", "next", "previous", "first", "second", "third", "last",
                                   "incoming", "outgoing", "rival", "opposing", "same", "different", "younger", "elder", "older"})


def _modified_epithet(tok: Token, kb: KnowledgeBase, owner: dict[int, "_Builder"]) -> bool:
    """"the Florida senator", "the billionaire businessman": a definite singular person title
    with modifiers that do not name someone else (not "the Acme spokesman", "the other senator")."""
    lemma = tok.lemma_.lower()
    agent = kb.agents.get(lemma)
    if agent is None or agent.kind != "PERSON" or tok.tag_ != "NN":
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    if not modifiers:
        return False  # a bare "the senator" is the plain definite description
    for child in tok.children:
        if child.dep_ in ("poss", "nummod", "appos"):
            return False
        if child.dep_ in ("amod", "compound"):
            if any(t.lower_ in CONTRASTIVE_MODIFIERS for t in child.subtree):
                return False
            named = owner.get(child.i)
            if named is not None and named.kind in ("PERSON", "ORGANIZATION", "IGO"):
                return False
    return True


def _agrees_with_modifiers(tok: Token, person: "_Builder", owner: dict[int, "_Builder"]) -> bool:
    """A country or place in the description must be the person's own ("the Chinese president")."""
    for child in tok.children:
        named = owner.get(child.i) if child.dep_ in ("amod", "compound") else None
        if named is not None and named.country and person.country and named.country != person.country:
            return False
    return True


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and not any(
        c.dep_ in ("amod", "compound") for c in tok.children
    )


def _attach_coref(builder: _Builder, start: int, end: int, via: str, owner: dict[int, _Builder]) -> None:
    builder.mentions.append((start, end, via))
    for i in range(start, end):
        owner[i] = builder


def _freeze(doc: Doc, builders: list[_Builder], kb: KnowledgeBase) -> ActorIndex:
    # keep actor ids in order of first mention
    builders.sort(key=lambda b: min(s for s, _, _ in b.mentions))
    renumber = {b.id: f"a{n}" for n, b in enumerate(builders, start=1)}
    key_to_id = {b.key: renumber[b.id] for b in builders}
    name_to_id = {b.name: renumber[b.id] for b in builders}
    actors: list[Actor] = []
    by_token: dict[int, str] = {}
    for b in builders:
        actor_id = renumber[b.id]
        mentions = tuple(
            Mention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), doc[s:e].text, via)
            for s, e, via in sorted(set(b.mentions))
        )
        for s, e, _ in b.mentions:
            for i in range(s, e):
                by_token[i] = actor_id
        code = b.code
        if b.kind == "PERSON" and code is None and b.country:
            code = b.country + (b.sector or "")
        members = tuple(dict.fromkeys(
            [mid for mid in (key_to_id.get(m) or name_to_id.get(m) for m in b.kb_members) if mid]
            + [renumber[m] for m in b.text_members]
        ))
        actors.append(Actor(
            id=actor_id, name=b.name, kind=b.kind, code=code, country=b.country, sector=b.sector,
            roles=tuple(Role(r.title, renumber.get(r.organization) if r.organization else None, r.status) for r in b.roles),
            affiliations=tuple(renumber[a] for a in b.affiliations),
            members=members, mentions=mentions,
        ))
    return ActorIndex(actors, by_token)
