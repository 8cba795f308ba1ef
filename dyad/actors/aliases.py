"""One actor for a body named twice: "the Front, also known as the FLN", "the Rally (formerly the
Bloc)", "the National Liberation Front (FLN)" and every later "FLN"; and "his Azerbaijani
counterpart", a person of another country in the role of the one it mirrors.

Cue words are data: ``alias_cues`` and ``counterpart_nouns`` in ``dyad/data/word_classes.tsv``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..lexicons import word_class
from .builder import ActorBuilder

ALIAS_CUES = tuple(tuple(cue.split()) for cue in sorted(word_class("alias_cues"), key=lambda c: -len(c.split())))
COUNTERPART_NOUNS = word_class("counterpart_nouns")
BODIES = ("ORGANIZATION", "IGO", "GROUP")


def _cue_end(doc: Doc, k: int) -> int | None:
    """The token after an alias cue starting at k ("also known as"), else None."""
    for cue in ALIAS_CUES:
        words = [t.lower_ for t in doc[k:k + len(cue)]]
        if tuple(words) == cue:
            return k + len(cue)
    return None


def _name_run(doc: Doc, k: int, owner: dict[int, ActorBuilder]) -> int:
    """The end of the capitalised words (an unowned name) starting at k."""
    end = k
    while end < len(doc) and end not in owner and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    return end


def merge_aliases(doc: Doc, builders: list[ActorBuilder], owner: dict[int, ActorBuilder], attach) -> None:
    """Merge a body's other names, stated right after one of its mentions, into it."""
    acronyms: dict[str, ActorBuilder] = {}
    for body in list(builders):
        if body not in builders or body.kind not in BODIES + ("PERSON",):
            continue
        for _, end, _ in sorted(body.mentions):
            if end >= len(doc) or doc[end].text not in ("(", ","):
                continue
            bracket = doc[end].text == "("
            k = end + 1
            after_cue = _cue_end(doc, k) if k < len(doc) else None
            if after_cue is None and not bracket:
                continue
            k = after_cue if after_cue is not None else k
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            if k >= len(doc):
                continue
            other = owner.get(k)
            if other is body:
                continue
            if other is not None:
                if other.kind == "COUNTRY" or other.kind == "PERSON" and body.kind != "PERSON":
                    continue
                if after_cue is None and not _acronym(doc[k].text):
                    continue  # "(FLN)" is a name; "(the army)" is not
                last = next((e for s, e, _ in other.mentions if s == k), k + 1)
                _merge(body, other, builders, owner, attach)
            else:
                last = _name_run(doc, k, owner)
                if last == k or (after_cue is None and not (last == k + 1 and _acronym(doc[k].text))):
                    continue
                attach(body, k, last, "acronym" if doc[k:last].text.isupper() else "alias")
            if _acronym(doc[k:last].text):
                acronyms[doc[k:last].text] = body
    _later_acronyms(doc, builders, owner, attach, acronyms)


def _acronym(text: str) -> bool:
    """Capitals of at least two letters or digits ("FLN", "U.N.", "E3"): a single capital is an
    initial or a party tag ("Nancy Pelosi (D., Calif.)", "(R)"), which many people share."""
    return text.isupper() and sum(c.isalnum() for c in text) >= 2


def _merge(body: ActorBuilder, other: ActorBuilder, builders, owner, attach) -> None:
    if body.kind == "PERSON" and other.kind in BODIES:
        body.kind = other.kind  # "the Popular Front" the tagger took for a person
    if not other.name.isupper():  # an acronym the text defines is the text's, whatever else it may stand for
        body.country = body.country or other.country
        body.sector = body.sector or other.sector
        body.code = body.code or other.code
    for start, end, _ in other.mentions:
        attach(body, start, end, "acronym" if other.name.isupper() else "alias")
    builders.remove(other)


def _later_acronyms(doc: Doc, builders, owner, attach, acronyms: dict[str, ActorBuilder]) -> None:
    """Every later use of an acronym defined in the text names the same body."""
    for tok in doc:
        body = acronyms.get(tok.text)
        if body is None:
            continue
        other = owner.get(tok.i)
        if other is None:
            attach(body, tok.i, tok.i + 1, "acronym")
        elif other is not body and other in builders and other.name == tok.text and other.kind != "COUNTRY":
            _merge(body, other, builders, owner, attach)


def add_counterparts(doc: Doc, builders: list[ActorBuilder], owner: dict[int, ActorBuilder], new, attach) -> None:
    """"his Azerbaijani counterpart": a person of the country named on the noun, in the sector of
    the role it mirrors (the possessor's, else the last person with a sector named before)."""
    for tok in doc:
        if tok.i in owner or tok.lemma_.lower() not in COUNTERPART_NOUNS:
            continue
        country = next((owner[c.i] for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                        and c.i in owner and owner[c.i].kind == "COUNTRY"), None)
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"):
            country = country or next((owner[p.i] for p in prep.children if p.i in owner and owner[p.i].kind == "COUNTRY"), None)
        if country is None:
            continue
        mirror = next((owner[c.i] for c in tok.children if c.dep_ == "poss" and c.i in owner
                       and owner[c.i].kind == "PERSON"), None)
        if mirror is None:
            mirror = next((b for b in reversed(builders) if b.kind == "PERSON" and b.sector
                           and any(s < tok.i for s, _, _ in b.mentions)), None)
        sector = mirror.sector if mirror is not None else None
        named = _named_counterpart(doc, tok.i, owner)
        if named is not None and named is not mirror:  # "his Azerbaijani counterpart, Elnur Hasanov": the named person
            named.country = named.country or country.country
            named.sector = named.sector or sector
            continue
        name = f"{doc[min(c.i for c in tok.children if c.i in owner and owner[c.i] is country)].text} {tok.text}" \
            if any(c.i < tok.i and c.i in owner and owner[c.i] is country for c in tok.children) else tok.text
        person = new(name, "PERSON", f"COUNTERPART:{country.country}:{sector}:{tok.i}",
                     country=country.country, sector=sector)
        attach(person, tok.i, tok.i + 1, "description")


def _named_counterpart(doc: Doc, i: int, owner: dict[int, ActorBuilder]) -> ActorBuilder | None:
    """The person a counterpart noun stands beside as title or apposition: "counterpart Elnur
    Hasanov", "counterpart, Elnur Hasanov", "Elnur Hasanov, his counterpart"."""
    for k in (i + 1, i + 2, i - 3):
        person = owner.get(k)
        if person is not None and person.kind == "PERSON" and 0 <= k < len(doc) and doc[k].pos_ == "PROPN":
            return person
    return None

