"""Unnamed collective actors ("the army", "Sudanese police", "protesters"), descriptions of a
named body ("the commission"), and the memberships a text states ("the Quartet, which consists of ...")."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from ..datelines import dateline_places
from ..lexicons import is_speech_verb, word_class
from ..sentences import sentence_of, text_of
from ..syntax import all_conjuncts, definite
from .builder import ActorBuilder, mentioned_before
from .kb import KnowledgeBase

def _group_head(tok: Token, kb: KnowledgeBase):
    """The agent term a common noun names, with its modifiers: "Sudanese army", "riot police"."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return None
    # the lemma, else the word as written: the lemmatiser makes "media" "medium"
    forms = dict.fromkeys((tok.lemma_.lower(), tok.lower_))
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    for mod in modifiers:  # "security forces", "border guards", "state media"
        for form in forms:
            agent = kb.agents.get(f"{mod.lower_} {form}")
            if agent is not None:
                return agent
    return next((kb.agents[form] for form in forms if form in kb.agents), None)


def add_group_mentions(doc: Doc, builders: list[ActorBuilder], owner: dict[int, ActorBuilder], kb: KnowledgeBase, new, attach) -> None:
    """Unnamed collective actors ("the army", "Sudanese police", "protesters", "lawmakers") and
    definite descriptions of a named organisation ("the commission" after "the Electoral Commission")."""
    belongs_to: dict[str, ActorBuilder] = {}  # "delegation" -> the body an earlier "delegation of X" named
    home: str | None | object = _UNSET  # the article's country, found on first need
    last_words: set[str] = set()
    counted = -1
    for tok in doc:
        if tok.i in owner or not (tok.pos_ == "NOUN" or _agent_tagged_proper(tok, owner, kb)):
            continue
        lemma = tok.lemma_.lower()
        if lemma in belongs_to and definite(tok) and not _named_body(tok, owner):
            attach(belongs_to[lemma], tok.i, tok.i + 1, "description")
            continue
        # "the commission" -> the last organisation named "... Commission"; "union leaders" ->
        # the leaders of the union named before
        describes = definite(tok) or (tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i not in owner)
        if len(builders) != counted:  # the actors' last name words, renewed when an actor is added
            last_words, counted = {b.name.split()[-1].lower().rstrip("s") for b in builders}, len(builders)
        if describes and lemma.rstrip("s") in last_words:
            named = next((b for b in reversed(mentioned_before(builders, tok.i)) if b.kind in ("ORGANIZATION", "IGO")
                          and b.name.split()[-1].lower().rstrip("s") == lemma.rstrip("s")), None)
            if named is not None:
                attach(named, tok.i, tok.i + 1, "description")
                continue
        agent = _group_head(tok, kb)
        if agent is None:
            continue
        body = _apposed_body(tok, owner)
        if body is not None and agent.kind == "GROUP":
            _describe_body(body, tok, agent.sector, owner)
            attach(body, tok.i, tok.i + 1, "description")
            continue
        plural = tok.tag_ in ("NNS", "NNPS") or agent.kind == "GROUP"
        if not plural and not _unnamed_official(tok, owner):
            continue  # "the minister" is a person, not a group; left to coreference
        body = _named_body(tok, owner)
        if body is not None:
            belongs_to[lemma] = body
            continue  # "the Taliban administration", "a delegation of the party's leaders": the body itself
        countries = [owner[c.i] for c in tok.subtree if c.i in owner and owner[c.i].kind == "COUNTRY" and c.i < tok.i
                     and not _stance(doc, c.i)]
        country = countries[0].country if countries else None
        country = country or _located_in(doc, tok.i, owner)
        if country is None and tok.dep_ == "conj" and tok.head.i in owner and owner[tok.head.i].kind == "GROUP":
            country = owner[tok.head.i].country  # "Israeli helicopters and tanks": the demonym covers both
        bare = not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod") for c in tok.children)
        if country is None and agent.term.split()[-1] in DOMESTIC_BODIES and (definite(tok) or bare):
            # "the authorities", "police" with no country named: the country the story is about,
            # as a reader takes it (group builders added in this pass do not change it)
            if home is _UNSET:
                home = _home_country(builders, doc)
            country = home
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i and c.i not in owner]
        sector = _generic_sector(tok, agent, modifiers, owner, kb)
        start = min([tok.i] + [m.i for m in modifiers] + [c.i for c in tok.children if c.i in owner and c.i < tok.i and owner[c.i].kind == "COUNTRY"])
        name = doc[start:tok.i + 1].text
        key = f"GROUP:{country}:{agent.term}" + ("" if sector == agent.sector else f":{sector}")
        builder = next((b for b in builders if b.key == key), None) or new(
            name, "GROUP", key, country=country, sector=sector, code=(country or "") + sector)
        attach(builder, tok.i, tok.i + 1, "agent")


def _stance(doc: Doc, i: int) -> bool:
    """A country named in a stance ("an anti-Syria journalist", "pro-Russian separatists"): what
    the group is for or against, not whose it is."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES


STANCE_PREFIXES = word_class("stance_prefixes")


def _agent_tagged_proper(tok: Token, owner: dict[int, ActorBuilder], kb: KnowledgeBase) -> bool:
    """A group noun the tagger took for a proper noun ("Israel's Cabinet", "Afghanistan's defence
    ministry"): a collective agent word whose modifiers are agent words, lower case or a country,
    so not part of a body's own name ("the Unity Party")."""
    agent = kb.agents.get(tok.lower_)
    if tok.pos_ != "PROPN" or agent is None or agent.kind != "GROUP":
        return False
    if not any(c.dep_ in ("det", "poss", "compound", "amod") and c.i < tok.i for c in tok.children):
        return False  # a bare capitalised word ("Artillery damaged ...") opens a sentence or names something
    return all(c.is_lower or (c.i in owner and owner[c.i].kind == "COUNTRY") or f"{c.lower_} {tok.lower_}" in kb.agents
               for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i)


def _apposed_body(tok: Token, owner: dict[int, ActorBuilder]) -> ActorBuilder | None:
    """The named organisation a body noun stands in apposition to: "the FNSEA, France's largest
    farm union", "Perludem, an election watchdog"."""
    head = tok.head
    if tok.dep_ != "appos" or head.i not in owner or owner[head.i].kind != "ORGANIZATION":
        return None
    doc = tok.doc
    comma = tok.left_edge.i - 1
    after = tok.right_edge.i + 1
    if comma <= head.i or doc[comma].text != "," or any(owner.get(k) is not owner[head.i] for k in range(head.i, comma)):
        return None
    # closed by a comma or the sentence's end: "According to Perludem, the court had ..." is no apposition
    return owner[head.i] if after >= len(doc) or doc[after].is_punct else None


def _describe_body(body: ActorBuilder, noun: Token, sector: str, owner: dict[int, ActorBuilder]) -> None:
    """What an apposition says of a body no dictionary knows: its sector and the country of its
    possessor or demonym ("France's largest farm union": FRA, LAB)."""
    if body.code not in (None, body.country):
        return  # a dictionary's body: its own code stands
    countries = [owner[c.i] for c in noun.children if c.i in owner and owner[c.i].kind == "COUNTRY"]
    body.country = body.country or (countries[0].country if countries else None)
    body.sector = body.sector or sector
    if body.country and body.code in (None, body.country):
        body.code = body.country + body.sector


def _generic_sector(tok: Token, agent, modifiers: list[Token], owner: dict[int, ActorBuilder], kb: KnowledgeBase) -> str:
    """The sector of a group a generic title heads ("leaders", "officials", "spokesmen": GOV by
    default) from the body it names: "rebel leaders" REB, "union officials" LAB, "leaders of
    the opposition coalition" OPP, "officials of the Lelo party" (a named body's own sector);
    the head's own sector otherwise, and always for a specific one ("army officers")."""
    if agent.kind == "GROUP" and agent.sector == "PTY":  # "the opposition coalition", "opposition parties"
        named = (kb.agents.get(m.lemma_.lower()) for m in modifiers)
        return next((a.sector for a in named if a is not None and a.sector == "OPP"), agent.sector)
    if agent.kind != "PERSON" or agent.sector != "GOV":
        return agent.sector
    words = list(modifiers)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            words += [t for t in pobj.subtree if t.i <= pobj.i]
    for word in sorted(words, key=lambda t: t.i):
        body = owner.get(word.i)
        if body is not None and body.kind == "ORGANIZATION" and body.sector:
            return body.sector
        if body is None and word.pos_ == "NOUN":
            named = kb.agents.get(word.lemma_.lower()) or kb.agents.get(word.lower_)
            if named is not None and named.sector != "GOV" and (named.kind == "GROUP" or named.sector in BODY_SECTORS):
                return named.sector
    return agent.sector


# sectors a person noun names as a body when it modifies a title: "rebel leaders" are the rebels'
BODY_SECTORS = frozenset({"REB", "OPP", "INS", "MIL", "LAB", "PTY", "CRM"})


def _unnamed_official(tok: Token, owner: dict[int, ActorBuilder]) -> bool:
    """"a senior British minister", "an Israeli official": one unnamed holder of a title whose
    country is named on it, an actor of that country's sector (no later "the minister" points
    back to a name, so coreference has nothing to give it)."""
    if not _country_on_title(tok, owner):
        return False
    # "a British minister, Ana Ruiz," / "Ana Ruiz, a British minister": a named person's title
    doc = tok.doc
    named = [t for t in (tok.head, *tok.children) if t.i in owner and owner[t.i].kind == "PERSON"]
    beside = [doc[k] for k in (tok.i + 2, tok.i - 3) if 0 <= k < len(doc) and doc[k].i in owner]
    if named or any(owner[t.i].kind == "PERSON" for t in beside) or tok.dep_ == "appos":
        return False
    # "a US official said ...": an anonymous source of what is reported, who is no actor of it;
    # one who warns, demands or threatens ("a British minister threatened") acts
    return not (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in NEUTRAL_SAYING)


NEUTRAL_SAYING = frozenset({"say", "tell", "add"})  # verbs that only report


def _country_on_title(tok: Token, owner: dict[int, ActorBuilder]) -> bool:
    """A title that names its country: "a British minister", "Montenegro's prime minister",
    "the president of Armenia" (a definite title without one, "the minister", is someone named)."""
    def country(t: Token) -> bool:
        return t.i in owner and owner[t.i].kind == "COUNTRY"

    children = list(tok.children)
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "nummod" for c in children):  # "one U.S. soldier"
        return any(country(c) and c.i < tok.i for c in children)
    if any(c.dep_ == "poss" and country(c) for c in children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and any(
        country(obj) for prep in children if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children if obj.dep_ == "pobj")


def _located_in(doc: Doc, i: int, owner: dict[int, ActorBuilder]) -> str | None:
    """The country of a place right after a group noun: "the government in Kabul", "police in
    Gaza", "the consensus government [in the West Bank]" (a bracket or parenthesis may open)."""
    k = i + 1
    if k < len(doc) and doc[k].text in ("[", "("):
        k += 1
    if k >= len(doc) or doc[k].lower_ != "in":
        return None
    k += 1
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    place = owner.get(k) if k < len(doc) else None
    return place.country if place is not None and place.kind == "COUNTRY" else None


# The state's own bodies, which a story names without their country when it is the country
# the story is about ("the authorities", "the police", "the government").
DOMESTIC_BODIES = word_class("domestic_bodies")
ETHNIC_MARKERS = word_class("ethnic_markers")


_UNSET = object()


def _home_country(builders: list[ActorBuilder], doc: Doc | None = None) -> str | None:
    """The country the article is about: the one it mentions most, when it is mentioned at
    least twice and more than any other; the dateline's country ("KYIV —") counts as two
    mentions, a weak prior a reader uses too."""
    counts: Counter = Counter()
    for b in builders:
        if b.kind == "COUNTRY" and b.country:
            counts[b.country] += len(b.mentions)
    filed = dateline_country(doc) if doc is not None else None
    if filed:
        counts[filed] += DATELINE_WEIGHT
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# how many mentions of its country a dateline is worth
DATELINE_WEIGHT = 2


def dateline_country(doc: Doc) -> str | None:
    """The country of the article's first dateline place ("KYIV —" -> UKR), or None; geocoded
    once per document (several stages ask)."""
    if "dyad_dateline_country" in doc.user_data:
        return doc.user_data["dyad_dateline_country"]
    text = text_of(doc)
    places = dateline_places(text)
    country = None
    if places:
        from ..events.places import load_gazetteer  # noqa: PLC0415 (the gazetteer is large: loaded on first need)
        start, end = places[0]
        place = load_gazetteer().geocode(text[start:end], villages=False)
        country = place.country if place is not None else None
    doc.user_data["dyad_dateline_country"] = country
    return country


def _named_body(tok: Token, owner: dict[int, ActorBuilder]) -> ActorBuilder | None:
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
MEMBERSHIP_VERBS = word_class("membership_verbs")


COLLECTIVE_NOUNS = word_class("collective_nouns")


def add_stated_memberships(doc: Doc, owner: dict[int, ActorBuilder]) -> None:
    """Memberships the text states about a named body: "the Quartet, which consists of A, B,
    C and D", "a bloc made up of A and B", "an alliance of A, B and C"."""
    for tok in doc:
        body = owner.get(tok.i)
        if body is None or body.kind not in ("IGO", "ORGANIZATION", "GROUP") or tok.head.i in owner and owner[tok.head.i] is body and tok.head.i != tok.i:
            continue
        heads: list[Token] = []
        # "the Coalition for Change, an alliance made up of A, B and C": through an apposition too
        described = [tok] + [c for c in tok.children if c.dep_ == "appos" and c.i not in owner] + _surface_apposition(doc, tok, owner)
        for child in (c for d in described for c in d.children):
            if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in MEMBERSHIP_VERBS:
                heads += _membership_objects(child)
            if child.dep_ == "prep" and child.lower_ == "of" and (tok.lemma_.lower() in COLLECTIVE_NOUNS or body.kind != "PERSON"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and len(all_conjuncts(objects[0])) >= 2:
                    heads += objects
        members: list[ActorBuilder] = []
        for head in heads:
            for member_tok in all_conjuncts(head):
                # "the Lelo party": the name compounded on the noun names the member
                member = owner.get(member_tok.i) or next(
                    (owner[c.i] for c in member_tok.children if c.dep_ == "compound" and c.i in owner), None)
                if member is not None and member is not body and member.kind != "PERSON" and member not in members:
                    members.append(member)
        for member in members:
            if member.id not in body.text_members:
                body.text_members.append(member.id)


def _surface_apposition(doc: Doc, tok: Token, owner: dict[int, ActorBuilder]) -> list[Token]:
    """The noun of ", an alliance ..." right after a body's name, read from the surface: the small
    parser often hangs such an apposition on another word of the sentence."""
    end = tok.i
    while end + 1 < len(doc) and owner.get(end + 1) is owner[tok.i]:
        end += 1
    if end + 2 >= len(doc) or doc[end + 1].text != "," or doc[end + 2].pos_ != "DET":
        return []
    k = end + 3
    while k < len(doc) and k <= end + 5 and doc[k].pos_ == "ADJ":
        k += 1
    return [doc[k]] if k < len(doc) and doc[k].pos_ == "NOUN" and k not in owner else []


def _membership_objects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by")):
        out += [c for c in prep.children if c.dep_ == "pobj"]
    for prt in (c for c in verb.children if c.dep_ == "prt"):  # "made up of"
        for prep in (c for c in prt.children if c.dep_ == "prep"):
            out += [c for c in prep.children if c.dep_ == "pobj"]
    # "whose members include A and B": the members are the object either way
    return out


def sentence_country(doc: Doc, builders: list[ActorBuilder]) -> None:
    """A titled person the text gives no country takes the country their sentence names when it
    names exactly one ("Judge Ana Ruiz opened investigations against Chilean officials"); an
    unnamed group ("students", "the forces") takes it when the whole story names one country
    only (with its dateline's): a story naming several leaves a group's country open."""
    # a country named only as what someone is for or against ("anti-Syria") is not the story's
    countries = [b for b in builders if b.kind == "COUNTRY" and b.country and not all(_stance(doc, s) for s, _, _ in b.mentions)]
    owner = {i: c for c in countries for s, e, _ in c.mentions for i in range(s, e)}
    story: set[str] | None = None
    for b in builders:
        if b.kind == "GROUP" and not b.country and b.sector is None:
            b.country = _demonym_before(doc, b, owner)  # "Iraqi Kurds": a people named with its country
            if _names_people(doc, b):
                b.sector = "CVL"  # "Kurds", "Shiites": a people, civilians in CAMEO
            b.code = (b.country or "") + (b.sector or "") or None
        if b.country or b.sector in (None, "IGO") or b.kind not in ("GROUP", "PERSON"):
            continue
        if b.kind == "GROUP":
            if story is None:
                filed = dateline_country(doc)
                story = {c.country for c in countries} | ({filed} if filed else set())
            named = set(story)
        else:
            sent = sentence_of(doc[min(s for s, _, _ in b.mentions)])
            named = {c.country for c in countries if any(sent.start <= s < sent.end for s, _, _ in c.mentions)}
        if len(named) != 1:
            continue
        b.country = named.pop()
        if b.kind == "GROUP" or b.code == b.sector:
            b.code = b.country + (b.sector or "")


def _names_people(doc: Doc, group: ActorBuilder) -> bool:
    """A group the tagger named as a nationality or people ("Kurds", "Shiites") and used as a
    plural noun, not as a modifier ("Islamic fundamentalists")."""
    return any(via == "name" and doc[end - 1].ent_type_ == "NORP" and names_a_people(doc, start, end)
               for start, end, via in group.mentions)


def _demonym_before(doc: Doc, group: ActorBuilder, owner: dict[int, ActorBuilder]) -> str | None:
    """The country of a demonym right before a group's first name mention ("Iraqi Kurds")."""
    start, end, _ = min(group.mentions)
    country = owner.get(start - 1)
    if country is None or doc[start - 1].head.i not in range(start, end):
        return None
    return country.country


def names_a_people(doc: Doc, start: int, end: int) -> bool:
    """A plural demonym used as a noun ("Algerians marched", "ethnic Albanians"): the people,
    not their state (a demonym modifying a noun, "Algerian police", is left to the noun)."""
    root = doc[start:end].root
    return root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound", "nmod", "poss")


def people_country(doc: Doc, start: int, end: int, country: str, owner: dict[int, ActorBuilder]) -> str | None:
    """The country of a people: the one after "of" ("the Albanians of southern Serbia"); none for
    an ethnic group ("ethnic Turks" in Sweden are no actor of Turkey); else the demonym's own."""
    root = doc[start:end].root
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            place = owner.get(obj.i)
            if place is not None and place.kind == "COUNTRY" and place.country:
                return place.country
    return None if start and doc[start - 1].lower_ in ETHNIC_MARKERS else country
