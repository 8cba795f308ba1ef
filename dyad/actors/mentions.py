"""Find actor mentions: knowledge-base names plus spaCy entities, trimmed and without overlaps.

``find_mentions`` is a pure function of the Doc; ``resolve.py`` turns its spans into actors.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..english import ARTICLES, POSSESSIVE_MARKS
from ..lexicons import is_speech_verb, word_class
from ..datelines import in_dateline
from ..sentences import sentence_of, text_of
from .kb import KnowledgeBase

NER_KINDS = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION", "NORP": "GROUP", "FAC": "LOCATION"}


HONORIFICS = word_class("honorifics")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that names an actor: token offsets, kind and how it was found."""

    start: int  # token index
    end: int
    kind: str
    via: str
    kb_key: str | None = None
    country: str | None = None  # for a name that contains a country ("Lesotho Electoral Commission")


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
    text = text_of(doc)
    for ent in doc.ents:
        kind = NER_KINDS.get(ent.label_)
        if kind is None:
            continue
        start, end = _trim(ent)
        if kind == "ORGANIZATION" and end - start > 1 and doc[end - 1].lower_ in NAMED_BODY_NOUNS and doc[end - 1].is_lower \
                and all(t.text[:1].isupper() for t in doc[start:end - 1]):
            end -= 1  # "the GERB party": the name is GERB, the noun says what it names (as in "GERB leader")
        if end - start > 2 and doc[start].lower_ in STANCE_PREFIXES and doc[start + 1].text == "-":
            continue  # "a pro-Trump rally": a stance, not a mention of the person
        if sum(c.isalnum() for t in doc[start:end] for c in t.text) < 2:
            continue  # "(D., Calif.)", "R": a single capital is an initial or a party tag ("E3", "G7" are names)
        if start < end and in_dateline(text, doc[start].idx):
            continue  # "WASHINGTON (AP) —": where the story was filed, not an actor in it
        if kind != "PERSON" and _speaks_like_a_person(doc, start, end, kb):
            kind = "PERSON"
        elif kind in ("PERSON", "ORGANIZATION"):
            kind = _described_kind(doc, start, end, kb) or kind
        if kind == "PERSON":
            start, end = _extend_name(doc, start, end, kb)
        if start >= end or _is_title_word(doc, start, end, kb):
            continue  # "Defence" in "Defence Minister" tagged as an organisation is part of a title
        if kind in ("PERSON", "ORGANIZATION") and _names_a_thing(doc, start, end):
            continue  # "the tanker Stena Impero", "Kalibr missiles": vessels and weapons are not actors
        if kind != "LOCATION" and _used_as_place(doc, start, end):
            kind = "LOCATION"  # "docked in Bandar Abbas": a gazetteer name after a locative preposition
        found.append(Candidate(start, end, kind, "name"))
    found += _unlabelled_speakers(doc, kb)
    return _select(found, doc)


STANCE_PREFIXES = word_class("stance_prefixes")
VESSEL_NOUNS = word_class("vessel_nouns")
WEAPON_NOUNS = word_class("weapon_nouns")
LOCATIVE_PREPOSITIONS = word_class("locative_prepositions")


def _names_a_thing(doc: Doc, start: int, end: int) -> bool:
    """A ship's name after its kind ("the tanker Stena Impero", "the frigate 'Nova'") or a
    weapon's before its kind ("Kalibr missiles", "a Patriot battery")."""
    k = start - 1
    while k >= 0 and (doc[k].is_quote or doc[k].text == ","):
        k -= 1
    if k >= 0 and doc[k].lemma_.lower() in VESSEL_NOUNS:
        return True
    if 0 < start and end < len(doc) and doc[start - 1].is_quote and doc[end].is_quote and start >= 2 \
            and doc[start - 2].lower_ == "the":
        return True  # 'the "Stena Impero"': a quoted name after "the" is a ship's or a work's
    return end < len(doc) and doc[end].lemma_.lower() in WEAPON_NOUNS


def _used_as_place(doc: Doc, start: int, end: int) -> bool:
    """A gazetteer name after a locative preposition ("in Bandar Abbas"), or after "to"/"from"
    when it has two words or more (a one-word name after "to" is often a person's: "wrote to Jackson")."""
    before = doc[start - 1].lower_ if start else ""
    if before not in LOCATIVE_PREPOSITIONS and not (before in ("to", "from") and end - start > 1):
        return False
    from ..events.places import load_gazetteer  # noqa: PLC0415 (loaded on first need: the gazetteer is large)
    return load_gazetteer().knows(doc[start:end].text)


def _unlabelled_speakers(doc: Doc, kb: KnowledgeBase) -> list[Candidate]:
    """A capitalised name the tagger left unlabelled but that says something ("Blackwell wrote")
    is a person: the subject of a verb of saying is nearly always someone."""
    out = []
    text = text_of(doc)
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper():
            continue
        if in_dateline(text, tok.idx):
            continue
        if not is_speech_verb(tok.head.lemma_.lower()):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
            start -= 1
        span = doc[start:tok.i + 1]
        if span.text in kb.surfaces or span.text.lower() in kb.agents or tok.text.lower() in kb.agents:
            continue
        # "Corruption Watch, a civic group, said": a description can say it is a body
        out.append(Candidate(start, tok.i + 1, _described_kind(doc, start, tok.i + 1, kb) or "PERSON", "name"))
    return out


HONORIFIC_TITLES = word_class("person_titles")


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
    return is_speech_verb(root.head.lemma_.lower())  # the same cue lexicon as the quotes stage


# nouns that describe an organisation, never a person: "state broadcaster X", "X, a civic group"
BODY_NOUNS = word_class("body_nouns") | word_class("org_descriptions") | word_class("collective_nouns")


def _described_kind(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> str | None:
    """The kind a name's description says, over the tagger's: a title in a comma apposition
    ("Bola Adeyemi, the president of Nigeria"; "Its coordinator, Fritz Baptiste") makes a
    person, a body noun ("Corruption Watch, a civic group"; "state broadcaster Tele Sahel";
    "the FNSEA, France's largest farm union") an organisation. None when nothing says."""
    if doc[start:end].text in kb.surfaces:
        return None
    heads = []
    sent = sentence_of(doc[start])
    if end + 1 < sent.end and doc[end].text == ",":
        k = end + 1
        while k < sent.end and k - end <= 10 and doc[k].text != "," and doc[k].lower_ not in ("of", "for", "who", "which"):
            k += 1
        window = [t for t in doc[end + 1:k] if t.pos_ in ("NOUN", "PROPN")]
        if window and doc[end + 1].pos_ in ("DET", "ADJ", "PROPN", "PRON"):
            heads.append(window[-1])
    # a noun right before the name ("state broadcaster X"), or before a comma ("Its coordinator, X":
    # a title only, since "the commander of the mission, X" ends in a body noun that is not X's)
    comma = start >= 2 and doc[start - 1].text == ","
    before = start - 2 if comma else start - 1
    if before >= sent.start and doc[before].pos_ == "NOUN":
        heads.append(doc[before])
    if end < sent.end and doc[end].pos_ == "NOUN" and doc[end].lemma_.lower() in NAMED_BODY_NOUNS:
        return "ORGANIZATION"  # "the Lelo party", "the Fatah movement": the name of the body the noun heads
    for head in heads:
        lemma = head.lemma_.lower()
        agent = kb.agents.get(lemma)
        if (lemma in BODY_NOUNS or (agent is not None and agent.kind == "GROUP")) and not (comma and head.i == before):
            return "ORGANIZATION"
        if agent is not None and agent.kind == "PERSON" or lemma in RELATION_NOUNS:
            return "PERSON"
    return None


RELATION_NOUNS = word_class("relation_nouns")
# nouns after a name that make it a body's name ("the Lelo party"); "administration" and
# "government", which follow a leader's name ("the Ruiz administration"), are not among them
NAMED_BODY_NOUNS = word_class("org_descriptions")


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
    while start < end and (doc[start].lower_ in ARTICLES or doc[start].lower_.rstrip(".") in HONORIFICS
                           or doc[start].is_punct):  # a stray quotation mark or bracket: '"Stena Impero'
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE_MARKS or doc[end - 1].is_punct):
        end -= 1
    if end - start > 2 and doc[end - 1].like_num and doc[end - 2].text == "[":
        end -= 2  # a footnote mark: "Lena Vogt,[2"
        while end > start and doc[end - 1].is_punct:
            end -= 1
    return start, end


def _select(found: list[Candidate], doc: Doc) -> list[Candidate]:
    # A demonym inside a longer person or organisation name ("Russian Foreign
    # Ministry") belongs to that name; otherwise the knowledge base wins, then length.
    # A country inside a longer organisation name ("Lesotho Electoral Commission",
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
