"""Roles of persons: titles before a name, appositions, relative clauses ("who leads ..."),
"NAME of ORG"; each role tied to the organisation or country it belongs to, current or former."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..document import Role
from ..lexicons import word_class
from ..sentences import sentence_of
from .builder import ActorBuilder
from .kb import KnowledgeBase

FORMER_WORDS = word_class("former_markers")


def _left_titles(doc: Doc, start: int, owner: dict[int, ActorBuilder]) -> list[Span]:
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
    in_name = end == start and doc[start].ent_iob_ == "I"  # the tagger's name began on a title: "Special Counsel X"
    while k >= sent_start and (doc[k].pos_ in ("ADJ", "PROPN", "NOUN") or doc[k].text == "-" or doc[k].lower_ == "then" or doc[k].lower_ in FORMER_WORDS
                               or _possessor_mark(doc, k, sent_start)):
        if doc[k].ent_type_ == "PERSON" and (k not in owner or owner[k].kind == "PERSON") and not in_name:
            break  # another person's name; a country the tagger took for one ("Malawi's") is kept
        in_name = in_name and doc[k].ent_iob_ == "I"
        k -= 1
    if k + 1 < end:
        titles.insert(0, doc[k + 1:end])
    return titles


def _possessor_mark(doc: Doc, k: int, sent_start: int) -> bool:
    """The "'s" of a proper-noun possessor before a title: "Britain's Foreign Secretary X"."""
    return doc[k].tag_ == "POS" and k - 1 >= sent_start and doc[k - 1].pos_ == "PROPN" and k + 1 < len(doc) \
        and doc[k + 1].pos_ in ("PROPN", "NOUN", "ADJ")


def add_person_roles(doc: Doc, builders: list[ActorBuilder], owner: dict[int, ActorBuilder], kb: KnowledgeBase) -> None:
    heads: dict[str, ActorBuilder | None] = {}  # "commission" -> the one body the article names "... Commission"
    for o in builders:
        if o.kind in ("ORGANIZATION", "IGO") and o.name.split():
            head = o.name.split()[-1].lower()
            heads[head] = None if head in heads and heads[head] is not o else o
    for b in builders:
        if b.kind != "PERSON":
            continue
        for start, end, via in list(b.mentions):
            titles = _left_titles(doc, start, owner)
            for title in titles:
                _apply_title(b, title, owner, kb, heads=heads)
            # "the commission's chairwoman, Justice Ruth Chikoti": the apposition stands before the titles
            for appos in _appositions(doc, min([start] + [t.start for t in titles]), end):
                if any(owner.get(t.i) is b for t in appos):
                    continue
                _apply_title(b, appos, owner, kb, heads=heads)
            for clause, status in _relative_roles(doc, start, end):
                _apply_title(b, clause, owner, kb, status=status)
            body = _of_organisation(doc, end, owner)
            if body is not None and body.kind == "COUNTRY":
                if b.roles:  # "King Hassan of Morocco", "President Ana Ruiz of Peru": a titled person's country
                    b.country = b.country or body.country
            elif body is not None and body.id not in b.affiliations:
                b.affiliations.append(body.id)  # "Ana Petrova of the ruling Unity party"
                b.country = b.country or body.country


# verbs that state a position in a relative clause: "X, who leads the party, ..."
POSITION_VERBS = word_class("position_verbs")


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


def _of_organisation(doc: Doc, end: int, owner: dict[int, ActorBuilder]) -> ActorBuilder | None:
    """The organisation in "NAME of [the] [ruling] ORG [party]" right after a person's name."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    for tok in doc[end + 1:min(len(doc), end + 7)]:
        body = owner.get(tok.i)
        if body is not None:
            return body if body.kind in ("ORGANIZATION", "IGO", "COUNTRY") else None
        if (tok.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PART", "PUNCT") and tok.tag_ not in ("VBG", "VBN")) or tok.text == ",":
            return None
    return None


# Tokens that may sit inside an appositive title: "the former deputy chair of the party's youth wing".
_TITLE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})


def _title_token(tok: Token) -> bool:
    if tok.tag_ in ("VBG", "VBN") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in ("ADJ", "NOUN", "PROPN"):
        return True  # a participle before a noun: "Algeria's leading rights activist", "an exiled opposition leader"
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
        possessor = end + 2 < k and doc[end + 1].pos_ == "PROPN" and doc[end + 2].tag_ == "POS"  # "X, Algeria's leading activist"
        # "Kofi Annan, UN secretary-general,": a body's name opening a title that ends in a noun
        named_body = bool(window) and doc[end + 1].pos_ == "PROPN" and any(t.pos_ == "NOUN" for t in window[1:])
        if window and (k == sent.end or doc[k].text in (",", ".", ";")) and (doc[end + 1].pos_ in ("DET", "ADJ", "NOUN") or possessor or named_body):
            spans.append(window)
    # before the name: "... chaired by the former governor of the central bank, Ana Rojas"
    if start - 1 > sent.start and doc[start - 1].text == ",":
        k = start - 2
        while k >= sent.start and start - k <= 15 and doc[k].text != "," and _title_token(doc[k]):
            k -= 1
        window = doc[k + 1:start - 1]
        possessor = _possessor_start(window)
        if possessor is not None:  # "Kosovo's deputy prime minister, Arben Krasniqi"
            spans.append(doc[possessor:start - 1])
            return spans
        while len(window) and window[0].pos_ not in ("DET", "ADJ", "NOUN"):
            window = doc[window.start + 1:window.end]
        if len(window) and window[0].pos_ == "DET":
            spans.append(window)
    return spans


def _possessor_start(window: Span) -> int | None:
    """Where a proper-noun possessor opens a title window ("[Kosovo]'s deputy prime minister"),
    when the window is that possessor and title words after it."""
    marks = [t.i for t in window if t.tag_ == "POS"]
    if len(marks) != 1 or marks[0] - 1 < window.start or window.doc[marks[0] - 1].pos_ != "PROPN" \
            or marks[0] + 1 >= window.end:
        return None
    j = marks[0] - 1
    while j - 1 >= window.start and window.doc[j - 1].pos_ == "PROPN":
        j -= 1
    return j


def _apply_title(person: ActorBuilder, title: Span, owner: dict[int, ActorBuilder], kb: KnowledgeBase, status: str = "current",
                 heads: dict[str, ActorBuilder | None] | None = None) -> None:
    lowered = title.text.lower()
    if re.search(r"\bthen[-\s]", lowered):
        status = "then"
    elif any(re.search(rf"\b{w}\b", lowered) for w in FORMER_WORDS):
        status = "former"
    agent = _head_agent(re.sub(r"\b(then|former|ex)-", " ", lowered), kb)
    orgs: list[ActorBuilder] = []
    for tok in title:
        other = owner.get(tok.i)
        if other is not None and other is not person and other not in orgs and other.kind != "PERSON":
            orgs.append(other)
    if not orgs and heads:  # "the commission's chairwoman": the one body the article names "... Commission"
        orgs = [heads[t.lower_] for t in title[:-1] if t.pos_ == "NOUN" and t.nbor().tag_ == "POS" and heads.get(t.lower_)]
    if agent is None and not orgs:
        return
    # the organisation a title belongs to: the named body, else the country ("Russian Foreign Minister")
    organization = next((o for o in orgs if o.kind in ("ORGANIZATION", "IGO")), None) or next(
        (o for o in orgs if o.kind == "COUNTRY"), None)
    clean_title = re.sub(r"^(the|a|an|its|their|whose)\s+", "", title.text.strip(" ,"), flags=re.I)
    if organization is not None and title[0].i in owner and owner[title[0].i] is organization:
        clean_title = re.sub(r"^[^,]*?['’]s\s+", "", clean_title)  # "Britain's Foreign Secretary": the role is the title
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
            if status == "current":  # an official of an international body is coded by the body (CAMEO IGO)
                person.sector = "IGO"
    # a member of a named organisation shares its sector (a Hezbollah commander is LBNREB in CAMEO);
    # otherwise the title says it (minister -> GOV, general -> MIL, "army spokesman" -> MIL)
    if organization is not None and organization.kind == "ORGANIZATION" and organization.sector:
        person.sector = person.sector or organization.sector
    elif agent is not None:
        person.sector = person.sector or _title_sector(title, agent, kb)


def _head_agent(words: str, kb: KnowledgeBase):
    """The agent term heading a title: the longest one ending last before "of", "for" or "to"
    ("deputy envoy" is an envoy, not a deputy; "minister of defence" reads its whole phrase)."""
    whole = kb.find_agent(words)
    tokens = words.replace("-", " ").split()
    cut = next((n for n, t in enumerate(tokens) if t in ("of", "for", "to") and n), len(tokens))
    for end in range(cut, 0, -1):
        for start in range(0, end):
            agent = kb.find_agent(" ".join(tokens[start:end]))
            if agent is not None and agent.term.split()[-1] == tokens[end - 1].rstrip("s"):
                return whole if whole is not None and len(whole.term.split()) > end - start else agent
    return whole


def _title_sector(title: Span, agent, kb: KnowledgeBase) -> str | None:
    """The sector a title gives: a specific title's own ("judge" JUD, "colonel" MIL); for a
    generic one ("spokesman", "leader", GOV by default) the body the title names, when it names
    one: "army spokesman" MIL, "opposition leader" OPP, "party leader" PTY, "union chief" LAB."""
    if agent.kind == "PERSON" and agent.sector != "GOV":
        return agent.sector
    for tok in title:
        body = kb.agents.get(tok.lemma_.lower()) or kb.agents.get(tok.lower_)
        if body is not None and body.kind != "PERSON" and body.sector:
            return body.sector
    return agent.sector if agent.kind == "PERSON" else None


def office_sectors(builders: list[ActorBuilder], kb: KnowledgeBase) -> None:
    """A person holding a generic office ("president", "leader", "spokesman") of a named body
    takes the body's sector once the body's is known ("Marisol Arancibia, the president of the
    CUT" is LAB when the CUT is a workers' union; "GERB leader X" PTY): the title alone said GOV."""
    by_id = {b.id: b for b in builders}
    for person in builders:
        if person.kind != "PERSON" or person.sector not in (None, "GOV"):
            continue
        for role in person.roles:
            body = by_id.get(role.organization) if role.organization and role.status == "current" else None
            if body is None or body.kind != "ORGANIZATION" or not body.sector:
                continue
            agent = _head_agent(role.title.lower(), kb)
            if agent is None or (agent.kind == "PERSON" and agent.sector == "GOV"):
                person.sector = body.sector
                person.country = person.country or body.country
                break


def add_pronoun_possessor_titles(doc: Doc, builders: list[ActorBuilder], owner: dict[int, ActorBuilder], kb: KnowledgeBase) -> None:
    """"Hezbollah denied it. Its deputy leader, Ali Haidar, ...": a title before a name whose
    possessor is a pronoun, read once coreference has said whose it is. The body it names is
    then the person's (a stated tie outweighs the article's country, guessed before)."""
    for person in builders:
        if person.kind != "PERSON":
            continue
        for start, _, via in list(person.mentions):
            if via != "name":
                continue
            first = min([t.start for t in _left_titles(doc, start, owner)], default=start)
            comma = first - 1
            k = comma - 1
            while k > 0 and comma - k <= 6 and (doc[k].pos_ in ("NOUN", "ADJ", "PROPN") or doc[k].text == "-"):
                k -= 1
            relative = doc[k].lower_ == "whose" and k >= 2 and doc[k - 1].text == ","  # "Togo, whose foreign minister, X"
            possessor = owner.get(k - 2 if relative else k)
            if comma < 2 or doc[comma].text != "," or k >= comma - 1 or (doc[k].tag_ != "PRP$" and not relative) \
                    or possessor is None or possessor.kind == "PERSON":
                continue
            title = re.sub(r"^(its|their|whose)\s+", "", doc[k:comma].text.strip(" ,"), flags=re.I)
            # another office the text ties the person to stands; the article's country, guessed
            # for a title with none named, does not
            tied = any(r.organization and r.status == "current" and r.title != title for r in person.roles)
            _apply_title(person, doc[k:comma], owner, kb)
            if possessor.kind in ("ORGANIZATION", "IGO", "COUNTRY"):  # a relative pronoun is no mention of its antecedent
                person.roles = list(dict.fromkeys(replace(r, organization=possessor.id) if r.title == title and r.status == "current"
                                                  else r for r in person.roles))
                if possessor.kind != "COUNTRY" and possessor.id not in person.affiliations:
                    person.affiliations.append(possessor.id)
            if not tied and possessor.country:
                person.country = possessor.country
