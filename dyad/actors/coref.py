"""Coreference: pronouns and definite descriptions to the actor a reader would pick, and
"I"/"we" inside a quotation to its speaker."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..english import FIRST_PLURAL, FIRST_SINGULAR, PERSON_PRONOUNS, PLURAL_PRONOUNS, SINGULAR_THING_PRONOUNS
from ..lexicons import word_class
from ..quotes.marks import find_quote_spans
from ..sentences import sentences, text_of
from ..syntax import definite
from .builder import ActorBuilder, attach_mention
from .index import ActorIndex
from .kb import KnowledgeBase

# Definite descriptions that refer back to the last organisation or country named.
ORG_DESCRIPTIONS = word_class("org_descriptions")


# descriptions that may also name an international body ("the bloc" for the EU)
BODY_DESCRIPTIONS = word_class("body_descriptions")


COUNTRY_DESCRIPTIONS = word_class("country_descriptions")


# descriptions any organisation may take ("the group"); the others name a kind of body, so
# "the agency" is not the body a name calls a movement ("the Houthi movement")
GENERIC_ORG_DESCRIPTIONS = word_class("generic_org_descriptions")
_SAME_NOUN = {"organization": "organisation", "program": "programme", "forces": "force"}


_NON_PERSON = ("ORGANIZATION", "IGO", "COUNTRY", "GROUP")


# how many sentences back a he/she may reach: news keeps one protagonist across a paragraph
PERSON_PRONOUN_WINDOW = 5

# the gender a third-person pronoun tells
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
# courtesy titles ("Mrs", "Mr") and gendered nouns ("spokeswoman", "chairman") that tell a person's gender
FEMININE = word_class("feminine_nouns")
MASCULINE = word_class("masculine_nouns")


def _word_gender(word: str) -> str | None:
    word = word.lower().rstrip(".")
    return "f" if word in FEMININE else "m" if word in MASCULINE else None


def person_gender(b: ActorBuilder, doc: Doc) -> str | None:
    """"f" or "m" when the article tells: a courtesy title before one of the person's names
    ("Mrs. Roe", "Mr. Roe"), a gendered word in a name or in a title the person holds
    ("spokeswoman"). None when the article does not say, or says both. (The he or she
    already read as the person is no evidence: one misread pronoun would then steer the
    next ones; measured worse on PolNeAR.)"""
    found = set()
    for s, e, via in b.mentions:
        if via == "pronoun":
            continue
        before = s - 2 if s >= 2 and doc[s - 1].text == "." else s - 1  # "Mr . Roe" split in two
        found.update(_word_gender(t.text) for t in doc[max(0, before):e] if t.i == before or t.i >= s)
    for role in b.roles:
        found.update(_word_gender(w) for w in role.title.split())
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def add_coreference(doc: Doc, builders: list[ActorBuilder], owner: dict[int, ActorBuilder], kb: KnowledgeBase) -> None:
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
    recent: list[tuple[int, ActorBuilder, bool]] = []  # token index, actor, was a subject
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
            # "she" is never a person the article calls "Mr." or "spokesman"
            want = PRONOUN_GENDER[lower]
            fits = lambda b: b.kind == "PERSON" and b is not clause_subject and person_gender(b, doc) in (None, want)
            antecedent = _pick(recent, sentence_of, tok.i, fits, window=PERSON_PRONOUN_WINDOW)
            if antecedent is not None and person_gender(antecedent, doc) is None:
                antecedent = _told_gender_in_sentence(recent, sentence_of, antecedent, fits, want, doc)
        elif tok.pos_ == "PRON" and lower in SINGULAR_THING_PRONOUNS and _referential_it(tok):
            own = _subject_side(tok, owner, builders)
            antecedent = _pick(recent, sentence_of, tok.i, lambda b: b.kind in _NON_PERSON and b not in own, window=1)
        elif tok.pos_ == "PRON" and lower in PLURAL_PRONOUNS:
            own = _subject_side(tok, owner, builders)
            antecedent = _pick(recent, sentence_of, tok.i, lambda b: b.kind in ("GROUP", "ORGANIZATION") and b not in own, window=1)
        elif tok.pos_ == "NOUN" and definite(tok, unmodified=True):
            lemma = tok.lemma_.lower()
            via = "description"
            if lemma in ORG_DESCRIPTIONS:
                kinds = ("ORGANIZATION", "IGO") if lemma in BODY_DESCRIPTIONS else ("ORGANIZATION",)
                # "the alliance" is first the body whose name says alliance, else the last body
                # whose name names no other kind of body
                named = _pick(recent, sentence_of, tok.i, lambda b: b.kind in kinds and lemma in b.name.lower(), window=6)
                antecedent = named or _pick(recent, sentence_of, tok.i, lambda b: b.kind in kinds
                                            and not _other_kind(b, lemma, doc), window=4)
            elif lemma in COUNTRY_DESCRIPTIONS:
                antecedent = _pick(recent, sentence_of, tok.i, lambda b: b.kind == "COUNTRY", window=4)
            elif lemma in kb.agents and kb.agents[lemma].kind == "PERSON" and tok.tag_ == "NN":
                # "the president" -> the last person whose role names a president
                antecedent = _pick(recent, sentence_of, tok.i, lambda b: b.kind == "PERSON" and any(
                    lemma in r.title.lower() for r in b.roles), window=6)
                if antecedent is None and tok.dep_ in ("nsubj", "nsubjpass"):
                    # an epithet as subject ("The veteran diplomat said") names the person
                    # the story is about: the last person who was a subject, close by
                    antecedent = _pick([r for r in recent if r[2]], sentence_of, tok.i, lambda b: b.kind == "PERSON", window=2)
        elif tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and _modified_epithet(tok, kb, owner):
            # "The Florida senator said", "the veteran diplomat added": a described person
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
            attach_mention(antecedent, tok.i, tok.i + 1, via, owner)
            recent.append((tok.i, antecedent, tok.dep_ in ("nsubj", "nsubjpass")))


def _told_gender_in_sentence(recent, sentence_of, chosen: ActorBuilder, fits, want: str, doc: Doc) -> ActorBuilder:
    """In the sentence the pick came from, a person the article gives the pronoun's gender
    ("Congresswoman Ruiz") over the one whose gender it does not give."""
    sent = next((sentence_of.get(j, 0) for j, b, _ in reversed(recent) if b is chosen), None)
    for j, b, _ in reversed(recent):
        n = sentence_of.get(j, 0)
        if n < sent:
            break
        if n == sent and fits(b) and person_gender(b, doc) == want:
            return b
    return chosen


def _kind_noun(word: str) -> str:
    word = word.lower()
    return _SAME_NOUN.get(word, word)


def _other_kind(b: ActorBuilder, lemma: str, doc: Doc) -> bool:
    """A named organisation whose name ends in another kind of body than the description says:
    "the agency" is not "the Houthi movement", "the bloc" not "the United Civic Party". An
    international body takes many descriptions ("the bloc" for the European Union)."""
    if b.kind == "IGO" or lemma in GENERIC_ORG_DESCRIPTIONS:
        return False
    heads = {_kind_noun(doc[e - 1].text) for s, e, via in b.mentions if via not in ("pronoun", "description")}
    heads.add(_kind_noun(b.name.split()[-1]) if b.name.split() else "")
    own = _kind_noun(lemma)
    return any(h != own and h in ORG_DESCRIPTIONS and h not in GENERIC_ORG_DESCRIPTIONS for h in heads)


def _subject_side(tok: Token, owner: dict[int, ActorBuilder], builders: list[ActorBuilder]) -> list[ActorBuilder]:
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


def _clause_subject_owner(tok: Token, owner: dict[int, ActorBuilder]) -> ActorBuilder | None:
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return owner.get(subject.i) if subject is not None else None


def _pick(recent, sentence_of, i: int, agrees, window: int = 2) -> ActorBuilder | None:
    here = sentence_of.get(i, 0)
    candidates = []
    for j, b, subj in reversed(recent):  # in text order, so the first one too far back ends the search
        if here - sentence_of.get(j, 0) > window:
            break
        if agrees(b):
            candidates.append((j, b, subj))
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
    spans, _ = find_quote_spans(text_of(doc))
    starts = [s.start for s in spans]

    def inside(char: int) -> bool:
        k = bisect_right(starts, char) - 1
        return k >= 0 and spans[k].start <= char < spans[k].end
    return inside


# adjectives that set the described person apart from the one just named ("the other candidate")
CONTRASTIVE_MODIFIERS = word_class("contrastive_modifiers")


def _modified_epithet(tok: Token, kb: KnowledgeBase, owner: dict[int, "ActorBuilder"]) -> bool:
    """"the Florida senator", "the veteran diplomat": a definite singular person title
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


def _agrees_with_modifiers(tok: Token, person: "ActorBuilder", owner: dict[int, "ActorBuilder"]) -> bool:
    """A country or place in the description must be the person's own ("the Chinese president")."""
    for child in tok.children:
        named = owner.get(child.i) if child.dep_ in ("amod", "compound") else None
        if named is not None and named.country and person.country and named.country != person.country:
            return False
    return True


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
