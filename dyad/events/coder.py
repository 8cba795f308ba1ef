"""CAMEO event coding from the dependency parse.

``find_events`` is pure: it reads the Doc, the actor index and the trigger
lexicon and returns plain ``Event`` records with character offsets.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..actors.stage import ActorIndex
from ..document import Event, Place, Span as CharSpan, Trigger
from ..sentences import sentence_of, sentences, text_of
from .cameo import appeal_code, demand_code, intent_code, lookup, reduce_code, reject_code, threat_code
from .dates import ResolvedDate, resolve_date
from .lexicon import Pattern
from .places import load_gazetteer

# Verbs that only carry the event their object names ("carried out strikes", "held talks").
SUPPORT_VERBS = frozenset({"carry", "launch", "conduct", "stage", "hold", "impose", "make", "mount", "wage",
                           "begin", "start", "continue", "resume", "step", "announce", "extend", "declare",
                           "issue", "unleash", "commit", "perform", "undertake", "order", "deliver", "provide",
                           "send", "offer", "give", "pay", "lodge", "file", "place", "put", "slap", "level", "tighten",
                           "reopen", "restart", "renew", "revive", "relaunch", "fire", "return",
                           "allow", "permit", "grant", "restore", "establish", "share"})
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
# reactions to something done to the reacting side: praise, disapproval, rejection, threats
REACTION_ROOTS = frozenset({"05", "11", "12", "13"})
REFUSING = frozenset({"refuse", "decline", "reject", "spurn"})
# Verbs that cut back or call off the cooperation their object names ("reduced aid to",
# "halted talks with", "cancelled a visit to"): CAMEO 16.
REDUCING = frozenset({"reduce", "cut", "slash", "curtail", "decrease", "lower", "trim", "halve", "withhold", "freeze",
                      "halt", "stop", "suspend", "cancel", "scrap", "postpone", "terminate", "end", "withdraw",
                      "scale", "pause", "axe", "abandon", "break"})
# Verbs that only carry the noun's event for realis ("failed to reach an agreement", "will hold talks").
LIGHT_VERBS = frozenset({"reach", "strike", "seal", "clinch", "have", "take", "get", "pursue", "seek", "hold"})
CARRYING_VERBS = SUPPORT_VERBS | LIGHT_VERBS
AGREEING = frozenset({"agree", "consent", "commit"})
# An appeal is a request and an expressed intent a plan, whatever the verb's tense.
REALIS_BY_ROOT = {"02": "requested", "03": "intended"}
# Governors that make the event under them something other than a plain fact.
NEGATING = frozenset({"refuse", "decline", "deny", "fail", "reject", "avoid", "oppose", "rule"})
INTENDING = frozenset({"plan", "intend", "aim", "seek", "hope", "expect", "prepare", "promise", "pledge", "vow", "decide", "agree", "want", "wish", "ready", "willing", "prepared", "determined", "set", "schedule", "threaten", "offer", "consider", "mull", "propose"})
# Governors that make the act under them a commitment the source states ("agreed to", "offered
# to", "is ready to", "vowed to", "threatened to"): CAMEO codes the statement of intent (03, 13).
# Plans and schedules ("plans to visit", "is due to meet") are not in the list: they report an
# act to come and keep its own code.
COMMISSIVE = frozenset({"agree", "offer", "pledge", "promise", "vow", "commit", "consent", "undertake", "volunteer",
                        "threaten", "ready", "willing", "prepared", "open", "eager", "determined"})
THREATENING = frozenset({"threaten", "vow", "warn"})
HOSTILE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# "said it would send aid" pledges material help, cooperation or a concession (06-08) or
# threatens force (17-20); "said she would meet X" only schedules a meeting
ANNOUNCED_ROOTS = frozenset({"06", "07", "08", "17", "18", "19", "20"})
# verbs of saying under which "it would send", "it will release" is the source's own announcement
ANNOUNCING = frozenset({"say", "announce", "state", "tell", "confirm", "declare", "insist", "warn", "add", "stress",
                        "indicate", "signal", "write", "reiterate", "assure", "vow", "pledge", "promise"})
REQUESTING = frozenset({"urge", "call", "ask", "demand", "appeal", "press", "invite", "encourage", "request", "push", "implore", "beg", "need", "want", "require", "order", "instruct", "tell", "pressure", "persuade", "enlist"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
PERSON_ENTS = frozenset({"PERSON"})
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
STATEMENT_WORDS = frozenset({"statement", "report", "plan", "proposal", "document", "list", "video", "footage", "data", "figures", "findings", "details", "information", "communique", "declaration", "letter"})
# dependency labels that lead from an argument head to the actor it names
# ("then-Nigerian President Ada Okafor": the name, not the adjective, is the actor)
_ARG_PATHS = ("appos", "compound", "poss", "nmod", "amod")


@dataclass(frozen=True, slots=True)
class _Arg:
    actor: str | None
    token: Token | None


def _pos_key(tok: Token) -> str | None:
    if tok.pos_ == "VERB":
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _particle_ok(tok: Token, particle: str) -> bool:
    if not particle:
        return True
    if particle.startswith("mod:"):
        word = particle[4:]
        return any(c.lower_ == word and c.dep_ in ("compound", "amod", "nmod") for c in tok.children)
    if any(c.lower_ == particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children):
        return True
    # "called for Kenya to withdraw": the preposition is parsed as the clause's complementiser
    return any(c.dep_ in ("advcl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == particle for m in c.children)
               for c in tok.children)


def _choose(tok: Token, patterns: Iterable[Pattern], index: ActorIndex) -> Pattern | None:
    for pattern in patterns:  # most specific first
        if not _particle_ok(tok, pattern.particle):
            continue
        if pattern.object_class and not _object_class_ok(tok, pattern, index):
            continue
        return pattern
    return None


def _object_class_ok(tok: Token, pattern: Pattern, index: ActorIndex) -> bool:
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return pattern.object_class not in ("PERSON", "THING")  # "returned to Gaza" returns no property
    if pattern.object_class == "STATEMENT":
        return obj.lemma_.lower() in STATEMENT_WORDS
    if any(c.dep_ == "oprd" for c in tok.children):
        return False  # "called it a mistake", "named him envoy": naming, not acting on the object
    is_actor = index.actor_at(obj.i) is not None or obj.ent_type_ in ACTOR_ENTS
    if pattern.object_class == "PERSON":
        return obj.ent_type_ in PERSON_ENTS or obj.pos_ == "PRON" and obj.lower_ in ("him", "her", "them")
    if pattern.object_class == "ACTOR":
        return is_actor
    return not is_actor  # THING


def actor_of(token: Token | None, index: ActorIndex, depth: int = 3) -> str | None:
    found = _actor_in_phrase(token, index, depth)
    if found is None and token is not None and token.pos_ == "NOUN" and _is_definite(token):
        # "the delegation" names whoever "a delegation of the party's leaders" did earlier
        for earlier in reversed(token.doc[: token.i]):
            if earlier.lemma_ == token.lemma_ and earlier.pos_ == "NOUN":
                found = _actor_in_phrase(earlier, index, depth)
                if found:
                    break
    return found


def _is_definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)


def _actor_in_phrase(token: Token | None, index: ActorIndex, depth: int = 3) -> str | None:
    """The actor an argument names: its own mention, or one inside its noun phrase.

    "A team of the army's engineers" -> the army. Relative
    clauses and participles are not searched: their actors are someone else.
    """
    if token is None:
        return None
    found = index.actor_at(token.i)
    if found or depth == 0:
        return found
    if token.lower_ in ("which", "who", "that") and token.head.dep_ == "relcl":
        return _actor_in_phrase(token.head.head, index, depth - 1)
    children = sorted(token.children, key=lambda c: _ARG_PATHS.index(c.dep_) if c.dep_ in _ARG_PATHS else 99)
    for child in children:
        if child.dep_ in _ARG_PATHS:
            found = index.actor_at(child.i)
            if found:
                return found
    for child in token.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "positions held by the rebels"
            agent = _prep_object(child, "by")
            if agent is not None and index.actor_at(agent.i):
                return index.actor_at(agent.i)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _actor_in_phrase(pobj, index, depth - 1)
                    if found:
                        return found
    for child in token.children:
        if child.dep_ in _ARG_PATHS:
            found = _actor_in_phrase(child, index, depth - 1)
            if found:
                return found
    return None


def _with_conjuncts(token: Token | None) -> list[Token]:
    if token is None:
        return []
    out = [token]
    for conj in token.conjuncts:
        if conj.i > token.i:
            out.append(conj)
    return out[:4]


def _prep_object(tok: Token, word: str) -> Token | None:
    objects = _prep_objects(tok, word)
    return objects[0] if objects else None


def _prep_objects(tok: Token, word: str) -> list[Token]:
    """Objects of a preposition, coordinated prepositions included ("with X ... and with Y")."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "prt", "dative") and child.lower_ == word:
            for prep in [child, *(c for c in child.conjuncts if c.lower_ == word)]:
                out += [p for p in prep.children if p.dep_ == "pobj"]
    return out


def _carrier(tok: Token) -> Token:
    """The verb an event noun's status comes from ("failed to reach an agreement", "agreed to
    provide aid", "refused to hold talks"): its support or light verb, else the word itself."""
    if (tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB"
            and tok.head.lemma_.lower() in CARRYING_VERBS):
        return tok.head
    return tok


def _clause_head(tok: Token) -> Token:
    """The first of coordinated verbs, which holds their shared governor ("agreed to meet and sign")."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node


def _infinitive_complement(tok: Token) -> bool:
    """"threatened on Monday to reduce ...", "agreed on Thursday to reopen ...": with a word in
    between the parser often takes the infinitive for a purpose clause; after a verb of
    intending, asking or refusing it is the verb's complement."""
    return (tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and tok.head.lemma_.lower() in INTENDING | REQUESTING | COMMISSIVE | REFUSING | NEGATING)


def _subject(tok: Token) -> Token | None:
    """The logical subject, inherited through coordination, control and relative clauses."""
    for child in tok.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    for child in tok.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if tok.dep_ == "relcl":
        return tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return None  # "the siege imposed on Gaza": the participle's agent is unstated
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head)
    if tok.dep_ == "xcomp" or _infinitive_complement(tok):
        governor = tok.head
        if governor.pos_ == "ADJ":  # "is ready to cooperate"
            governor = governor.head
        obj = next((c for c in governor.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and governor.lemma_.lower() in REQUESTING:
            return obj  # object control: "urged Russia to pressure ..."
        on_obj = _prep_object(governor, "on")
        if on_obj is not None and governor.lemma_.lower() == "call":
            return on_obj  # "called on the government to come"
        return _subject(governor)
    if tok.dep_ == "advcl" and tok.tag_ in ("VB", "VBG"):
        return _subject(tok.head)
    return None


def subject_of(tok: Token) -> Token | None:
    """The logical subject of a verb (public: the quotes stage reads clauses the same way)."""
    return _subject(tok)


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _governing_subject(noun: Token) -> Token | None:
    """For "Israel launched air strikes on Gaza": the subject of the verb over the noun."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return _subject(head) if noun.dep_ != "nsubjpass" else _prep_object(head, "by")
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and head.lower_ in ("in", "into", "with"):
        return _subject(head.head)
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in ("go", "embark"):
        return _subject(head.head)  # "teachers went on strike", "embarked on a tour of Asia"
    return None


def _slot_token(tok: Token, slot: str, pattern: Pattern) -> Token | None:
    if slot == "nsubj":
        if _is_passive(tok):
            return _prep_object(tok, "by")
        return _subject(tok)
    if slot == "dobj":
        if _is_passive(tok):
            return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        return next((c for c in tok.children if c.dep_ == "dobj"), None)
    if slot == "iobj":
        return next((c for c in tok.children if c.dep_ == "dative"), None)
    if slot == "particle":
        obj = _prep_object(tok, pattern.particle)
        return obj or next((c for c in tok.children if c.dep_ == "dobj"), None)
    if slot == "poss":
        return next((c for c in tok.children if c.dep_ == "poss"), None)
    if slot == "compound":
        return next((c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")), None)
    if slot == "governor":
        return _governing_subject(tok)
    if slot.startswith("prep:"):
        word = slot[5:]
        found = _prep_object(tok, word)
        if found is None and pattern.pos == "NOUN":
            # the parser often hangs the noun's argument on its verb: "launched air strikes
            # on Yemen", "the siege imposed on Gaza"
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
                found = _prep_object(tok.head, word)
            for child in tok.children:
                if found is None and child.dep_ == "acl" and child.tag_ == "VBN":
                    found = _prep_object(child, word)
        return found
    return None


def _fill(tok: Token, slots: tuple[str, ...], pattern: Pattern, index: ActorIndex, exclude: set[str]) -> list[_Arg]:
    for slot in slots:
        if slot == "none":
            continue
        head = _slot_token(tok, slot, pattern)
        if head is None:
            continue
        heads = _with_conjuncts(head)
        if slot.startswith("prep:"):
            seen_heads = {h.i for h in heads}
            heads += [t for t in _prep_objects(tok, slot[5:])[1:] if t.i not in seen_heads]
        args = [_Arg(actor_of(t, index), t) for t in heads]
        args = [a for a in args if a.actor not in exclude or a.actor is None]
        if any(a.actor for a in args):
            return [a for a in args if a.actor]
    return [_Arg(None, None)]


def _realis(tok: Token) -> str:
    def negated(t: Token) -> bool:
        return any(c.dep_ == "neg" for c in t.children)

    if negated(tok):
        return "negated"
    carrier = _carrier(tok)
    if carrier.i != tok.i:
        verb_realis = _realis(carrier)  # "failed to reach an agreement", "will hold talks": the verb's status
        if verb_realis == "asserted" and carrier.lemma_.lower() in COMMISSIVE:
            return "intended"  # "offered talks", "pledged aid": what is offered is yet to happen
        return verb_realis
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
        return "hypothetical"
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in tok.children):
        return "hypothetical"  # "will strike if talks fail": the act hangs on the condition
    node = _clause_head(tok)
    if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
        return "hypothetical"
    if _obligation(node) is not None:
        return "requested"  # "said Israel must reopen the crossings": a demand
    if "would" in aux and "have" not in aux and node.dep_ == "ccomp" and node.head.lemma_.lower() in ANNOUNCING:
        return "intended"  # "said it would send troops": the reported "will" ("would have struck" stays counterfactual)
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    for_clause = _for_clause(node)
    governed_noun = tok.pos_ == "NOUN" and (tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in GOVERNING_PREPS))
    complement = node.dep_ == "xcomp" or _infinitive_complement(node)
    if complement or node.dep_ in ("ccomp", "acl") or for_clause or governed_noun:
        governor = node.head
        if governor.pos_ in ("ADJ", "ADP"):  # "ready to meet", "called for talks"
            governor = governor.head
        lemma = governor.lemma_.lower()
        if lemma in NEGATING:
            return "negated"
        if negated(governor) and complement:
            return "negated"
        if lemma in REQUESTING and (complement or for_clause or tok.pos_ == "NOUN"):
            has_object = any(c.dep_ in ("dobj", "dative") for c in governor.children) or _prep_object(governor, "on") is not None
            if has_object or lemma in ("urge", "call", "demand", "appeal", "request", "ask", "press"):
                return "requested"
        if lemma in INTENDING or node.head.lemma_.lower() in INTENDING:
            return "intended"
    if aux & FUTURE_AUX or ("going" in aux and "to" in {c.lower_ for c in tok.children}):
        return "intended"
    return "asserted"


# prepositions through which a verb governs an event noun ("agreed to a truce", "called for
# talks", "insisted on a ceasefire", "hopes of a deal"); "condolences over an attack" is not one
GOVERNING_PREPS = frozenset({"to", "for", "on", "of"})


def _obligation(node: Token) -> Token | None:
    """The verb of saying over "Y must do Z" ("HRW said the authorities must ensure ..."),
    when the one obliged is not the speaker: the speaker demands it of them."""
    if node.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ == "must" for c in node.children):
        return None
    saying = node.head
    if saying.lemma_.lower() not in ANNOUNCING | {"demand", "insist"}:
        return None
    doer = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doer is None or doer.pos_ == "PRON":
        return None  # "we must act", "it must withdraw" may bind the speaker: not a demand on another
    return saying


def _for_clause(node: Token) -> bool:
    """"called for Mali to release the soldiers": an infinitive clause opened by "for"."""
    return node.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in node.children)


def _date_for(tok: Token, sent: Span, published: dt.date | None, target: Token | None = None, future: bool = False):
    """The date expression of an event: one attached to its target ("met X in Damascus in
    2010 and Y in Doha in 2015"), else one in the trigger's subtree, else the sentence's only date."""
    subtree = set(t.i for t in tok.subtree)
    dates = [ent for ent in sent.ents if ent.label_ == "DATE"]
    near_target = []
    if target is not None:
        target_tree = set(t.i for t in target.subtree)
        near_target = [ent for ent in dates if ent.root.i in target_tree]
    preferred = [ent for ent in dates if ent.root.i in subtree and not _belongs_to_other_event(ent, tok)]
    if not near_target and target is not None and len(preferred) > 1:
        # "met X in Damascus in 2010 and Y in Doha in 2015", with the years hung on the verb:
        # each argument takes the date nearest to it
        preferred = sorted(preferred, key=lambda ent: min(abs(ent.start - target.i), abs(ent.end - 1 - target.i)))
    choices = near_target or preferred or (dates if len(dates) == 1 else [])
    for ent in choices:
        resolved = resolve_date(ent.text, published, future=future) or _anaphoric_year(ent)
        if resolved:
            return ent.text, resolved
    return None, None


_THAT_YEAR = re.compile(r"^(?:in\s+)?(?:that|the same)\s+year$", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _anaphoric_year(ent: Span) -> ResolvedDate | None:
    """"that year" is the year last named before it, in the same or the previous sentence
    ("won the 2006 elections ... visited Moscow that year")."""
    if not _THAT_YEAR.match(ent.text.strip()):
        return None
    sent = sentence_of(ent.root)
    start = sent.start
    if start > 0:
        start = sentence_of(ent.doc[start - 1]).start
    years = _YEAR.findall(ent.doc[start:ent.start].text)
    return ResolvedDate(years[-1], "year") if years else None


def _belongs_to_other_event(ent: Span, tok: Token) -> bool:
    # a date inside a relative clause or a nested noun belongs to that clause
    node = ent.root
    while node.i != tok.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "ccomp"):
            return True
        node = node.head
    return False


LOCATIVE = ("in", "at", "near", "outside", "inside", "on", "into", "across", "around", "over", "off")
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# visits and meetings happen where they go: "travel to Oslo", "a trip to Luanda"
MOTION_ROOTS = frozenset({"04"})


def _place_for(tok: Token, index: ActorIndex, actors_by_id, target: Token | None = None,
               hints: frozenset[str] = frozenset(), root: str = "", visit: bool = False,
               sides: frozenset[str | None] = frozenset()) -> Place | None:
    """A locative phrase on the trigger ("met in Damascus", "struck a depot on the outskirts of
    Damascus") or on its target ("met X in Doha"), geocoded offline. A named country is kept
    only when nothing more precise is named; a visit with no stated place happened in the
    place visited. The event's own actors are not its place ("called on Beijing to ..."), and
    an attack happens where what it hit stands ("struck the Natanz enrichment plant")."""
    gazetteer = load_gazetteer()
    heads = [tok] + ([target] + [c for c in target.children if c.dep_ == "appos"] if target is not None else [])
    words = LOCATIVE + (("to",) if root in MOTION_ROOTS else ())
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
            for obj in _prep_objects(head, word):
                if (index.actor_at(obj.i) is not None and index.actor_at(obj.i) in sides and word not in ("in", "at", "near")
                        and root not in ATTACK_ROOTS):
                    continue  # "called on Beijing", "imposed sanctions on Iran": an actor, not a place (a siege on Gaza is in Gaza)
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
    Damascus", "EU headquarters in Brussels", "the Fordow enrichment site")."""
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
    ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
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


def _confidence(source: str | None, target: str | None, pattern: Pattern, realis: str) -> float:
    score = 0.35
    score += 0.25 if source else 0.0
    score += 0.25 if target else 0.0
    score += 0.1 if pattern.specificity else 0.05
    return round(min(score, 1.0), 2)


def _yields_to_noun(tok: Token, pattern: Pattern, chosen: dict[int, Pattern]) -> bool:
    """A support verb gives way to the event noun it carries: "launched air strikes",
    "imposed sanctions", "the siege imposed on the city" are one event each, coded by the
    noun. A verb with meaning of its own ("rejected the offer", "signed the accord") stays."""
    if pattern.pos != "VERB" or tok.lemma_.lower() not in SUPPORT_VERBS:
        return False
    if any(c.dep_ == "dobj" and chosen.get(c.i, pattern).pos == "NOUN" and c.i in chosen for c in tok.children):
        return True
    return tok.dep_ == "acl" and tok.head.i in chosen and chosen[tok.head.i].pos == "NOUN"


def _object_of_an_act(tok: Token, pattern: Pattern, chosen: dict[int, Pattern]) -> bool:
    """An event noun that is what another event acts on ("suspended military aid", "condemned
    the attack", "rejected the offer") is the object, not a second event: the verb is coded.
    A noun with its own author ("condemned Russia's attack on Ukraine") stays an event."""
    if pattern.pos != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = tok.head
    if verb.i not in chosen or chosen[verb.i].pos != "VERB" or verb.lemma_.lower() in SUPPORT_VERBS:
        return False
    if chosen[verb.i].cameo.startswith("01"):
        return False  # "described its visit to Moscow": talking about an event leaves it an event
    return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children)


@dataclass
class _Candidate:
    tok: Token
    pattern: Pattern
    sources: list[_Arg]
    targets: list[_Arg]
    sent_i: int
    reciprocal: bool = False
    inferred_target: bool = False  # the partner is the article's, not the sentence's
    cameo: str = ""
    realis: str = "asserted"
    trigger: Token | None = None  # the word shown as trigger ("refused" for a refusal)

    def __post_init__(self) -> None:
        self.cameo = self.cameo or self.pattern.cameo
        self.trigger = self.trigger or self.tok

    @property
    def has_source(self) -> bool:
        return any(a.actor for a in self.sources)

    @property
    def has_target(self) -> bool:
        return any(a.actor for a in self.targets)


def _candidates(doc: Doc, index: ActorIndex, lexicon) -> list[_Candidate]:
    chosen: dict[int, Pattern] = {}
    for tok in doc:
        pos = _pos_key(tok)
        if tok.ent_type_ in ("DATE", "TIME"):
            continue  # "in March", "on Sunday": a date, not a march
        patterns = lexicon.get((tok.lemma_.lower(), pos)) if pos else None
        pattern = _choose(tok, patterns, index) if patterns else None
        if pattern is not None:
            chosen[tok.i] = pattern
    recoded = _denials(doc, chosen) | _reductions(doc, chosen)
    found: list[_Candidate] = []
    for sent_i, sent in enumerate(sentences(doc)):
        for tok in sent:
            pattern = chosen.get(tok.i)
            if pattern is None or _yields_to_noun(tok, pattern, chosen) or _object_of_an_act(tok, pattern, chosen):
                continue
            sources = _fill(tok, pattern.source, pattern, index, set())
            source_ids = {a.actor for a in sources if a.actor}
            targets = _fill(tok, pattern.target, pattern, index, source_ids)
            cameo, trigger = recoded.get(tok.i, ("", None))
            candidate = _Candidate(tok, pattern, sources, targets, sent_i, cameo=cameo, trigger=trigger)
            if not candidate.has_target and not pattern.cameo.startswith("01"):
                candidate.targets = (_object_noun_targets(tok, index, source_ids)
                                     or _complement_targets(tok, index, source_ids)
                                     or _support_verb_targets(tok, index, source_ids) or candidate.targets)
            if len(sources) > 1 and not candidate.has_target and pattern.cameo[:2] in RECIPROCAL_ROOTS:
                # "Russia and China met", "negotiators from A and B agreed": each acts on the other
                candidate.sources, candidate.targets, candidate.reciprocal = sources[:1], sources[1:2], True
            candidate.realis = _realis(candidate.trigger)
            found.append(candidate)
    return found


DENYING = frozenset({"reject", "deny", "dismiss", "refute", "rebuff", "rebut", "repudiate"})
CLAIM_NOUNS = frozenset({"claim", "account", "allegation", "accusation", "charge", "report", "suggestion", "assertion"})


def _denials(doc: Doc, chosen: dict[int, Pattern]) -> dict[int, tuple[str, Token | None]]:
    """"rejected the accusations", "denied the claim": turning down what was said about one is
    CAMEO 016 (deny responsibility), a statement, not a rejection of a proposal (12)."""
    out: dict[int, tuple[str, Token | None]] = {}
    for i, pattern in chosen.items():
        verb = doc[i]
        if pattern.pos != "VERB" or verb.lemma_.lower() not in DENYING:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        said = obj.lemma_.lower() in CLAIM_NOUNS or (obj.i in chosen and chosen[obj.i].cameo[:2] == "11")
        if said:
            out[i] = ("016", None)
    return out


def _reductions(doc: Doc, chosen: dict[int, Pattern]) -> dict[int, tuple[str, Token | None]]:
    """"reduced military aid to Argentina", "suspended talks with Kyiv", "cancelled a visit to
    Paris": a cooperative event noun under a verb of cutting or calling off is CAMEO 16. When
    the verb is itself a trigger ("suspended" 160) it takes the finer code and the noun stays
    its object; otherwise the noun's event is recoded and the verb shown as its trigger."""
    out: dict[int, tuple[str, Token | None]] = {}
    for i, pattern in chosen.items():
        tok = doc[i]
        verb = tok.head
        if pattern.pos != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() not in REDUCING:
            continue
        code = reduce_code(pattern.cameo)
        if code is None:
            continue
        if verb.i in chosen:
            out[verb.i] = (code, None)
        else:
            out[i] = (code, verb)
    return out


def _object_noun_targets(tok: Token, index: ActorIndex, exclude: set[str]) -> list[_Arg]:
    """"signed a trade agreement with Chile", "suspended military aid to Pakistan", "lifted
    sanctions on Iran": the target hangs on the verb's object."""
    if tok.pos_ != "VERB":
        return []
    for obj in (c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "NUM")):
        for word in ("with", "to", "on", "against", "for", "toward", "towards", "between", "among"):
            found = [_Arg(actor_of(p, index), p) for pobj in _prep_objects(obj, word) for p in _with_conjuncts(pobj)]
            found = [a for a in found if a.actor and a.actor not in exclude]
            if found:  # "hosted talks between Israel and Hamas": both sides
                return found
        for word in ("with", "to", "on", "against"):
            # the parser often hangs the object's partner on the verb: "suspended cooperation
            # with the agency", "sent aid to Gaza"
            for pobj in _prep_objects(tok, word):
                actor = actor_of(pobj, index)
                if actor and actor not in exclude:
                    return [_Arg(actor, pobj)]
        # whose the object is: "rejected Iran's offer", "declined Biden's request", "violated a
        # ban by the UN", "spurned offers of talks from Kabul"
        authors = [c for c in obj.children if c.dep_ == "poss"] + _prep_objects(obj, "by") + _prep_objects(obj, "from")
        for author in authors:
            actor = index.actor_at(author.i) or actor_of(author, index, depth=1)
            if actor and actor not in exclude:
                return [_Arg(actor, author)]
    return []


def _support_verb_targets(tok: Token, index: ActorIndex, exclude: set[str]) -> list[_Arg]:
    """"offered talks to Venezuela", "gave Kyiv new aid": an event noun carried by a support
    verb goes to the verb's recipient."""
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in SUPPORT_VERBS:
        return []
    verb = tok.head
    recipients = ([c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"] + _prep_objects(verb, "to")
                  + _prep_objects(tok, "to"))
    for recipient in recipients:
        actor = actor_of(recipient, index)
        if actor and actor not in exclude:
            return [_Arg(actor, recipient)]
    return []


def _complement_targets(tok: Token, index: ActorIndex, exclude: set[str]) -> list[_Arg]:
    """The target of a threat, appeal or intent lies in what is threatened or asked:
    "threatened to reduce its cooperation with the agency" -> the agency."""
    for clause in (c for c in tok.children
                   if (c.dep_ in ("ccomp", "xcomp") or _for_clause(c)) and tok.lemma_.lower() in REQUESTING):
        # "wants Russia to become involved", "needs Russia to exert its influence": the one asked
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        actor = actor_of(subject, index) if subject is not None else None
        if actor and actor not in exclude:
            return [_Arg(actor, subject)]
    for xcomp in (c for c in tok.children if c.dep_ == "xcomp"):
        queue = [xcomp]
        while queue:
            node = queue.pop(0)
            for child in node.children:
                if child.dep_ in ("dobj", "pobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    actor = actor_of(child, index)
                    if actor and actor not in exclude:
                        return [_Arg(actor, child)]
                if child.dep_ in ("dobj", "prep", "pobj", "xcomp", "dative"):
                    queue.append(child)
    return []


# "urged both sides to show restraint", "called on the two countries to talks": the pair
# the article last set against or beside each other
PAIR_NOUNS = frozenset({"side", "country", "ally", "neighbour", "neighbor", "party", "rival", "nation",
                        "government", "capital", "leader", "army", "enemy", "foe", "belligerent"})


# hostile acts against a place are acts against the country it lies in ("shelled villages near
# Kharkiv" -> Ukraine), as CAMEO coders code them
PLACE_TARGET_ROOTS = frozenset({"15", "17", "18", "19", "20"})


def _targets_from_places(candidates: list[_Candidate], index: ActorIndex, actors_by_id, countries) -> None:
    country_actor = {a.country: a.id for a in index.actors if a.kind == "COUNTRY" and a.country}
    for candidate in candidates:
        if candidate.has_target or not candidate.has_source or candidate.cameo[:2] not in PLACE_TARGET_ROOTS:
            continue
        place = _place_for(candidate.tok, index, actors_by_id, None, countries, candidate.cameo[:2])
        if place is None or place.country is None or place.country not in country_actor:
            continue
        sources = {actors_by_id[a.actor].country for a in candidate.sources if a.actor and a.actor in actors_by_id}
        if place.country in sources:
            continue  # fighting at home names no foreign target
        candidate.targets = [_Arg(country_actor[place.country], None)]


def _pair_anaphora(candidates: list[_Candidate]) -> None:
    for n, candidate in enumerate(candidates):
        if candidate.has_target:
            continue
        heads = [a.token for a in candidate.targets if a.token is not None]
        heads += [c for c in candidate.tok.children if c.dep_ in ("dobj", "dative")]
        heads += _prep_objects(candidate.tok, "on")
        pair = next((h for h in heads if h.lemma_.lower() in PAIR_NOUNS and h.tag_ in ("NNS", "NNPS")
                     and any(c.lower_ in ("both", "two") for c in h.children)), None)
        if pair is None:
            continue
        mine = {a.actor for a in candidate.sources if a.actor}
        for earlier in reversed(candidates[:n]):
            sides = [a.actor for a in earlier.sources[:1] + earlier.targets[:1] if a.actor]
            if len(sides) == 2 and sides[0] != sides[1] and not mine & set(sides):
                candidate.targets = [_Arg(sides[0], pair), _Arg(sides[1], pair)]
                break


def _event_anaphora(candidates: list[_Candidate], index: ActorIndex, lexicon) -> None:
    """"condemned the attack", "welcomed the veto", "rejected the accusations": the target is
    whoever carried out the event the noun refers back to, found earlier in the article: the
    same word, or the nearest event of the same CAMEO root ("accused" ... "the accusations")."""
    for n, candidate in enumerate(candidates):
        if candidate.has_target:
            continue
        obj = next((c for c in candidate.tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is None or not _is_definite(obj):
            continue
        lemma = obj.lemma_.lower()
        patterns = lexicon.get((lemma, "NOUN"))
        obj_pattern = _choose(obj, patterns, index) if patterns else None
        obj_root = obj_pattern.cameo[:2] if obj_pattern is not None else None
        mine = {a.actor for a in candidate.sources if a.actor}
        for earlier in reversed(candidates[:n]):
            same = earlier.tok.lemma_.lower() == lemma or (obj_root is not None and earlier.cameo[:2] == obj_root)
            if same and earlier.tok.i != obj.i and earlier.has_source:
                source = next(a for a in earlier.sources if a.actor)
                if source.actor not in mine:
                    candidate.targets = [_Arg(source.actor, obj)]
                break
        if candidate.has_target or candidate.cameo[:2] not in REACTION_ROOTS or index.actor_at(obj.i):
            continue
        # "Ankara rejected the protest", "Belarus condemned the decision": a reaction answers
        # whoever last acted on the one reacting
        for earlier in reversed(candidates[:n]):
            if mine & {a.actor for a in earlier.targets if a.actor} and earlier.has_source:
                source = next(a for a in earlier.sources if a.actor)
                if source.actor not in mine:
                    candidate.targets = [_Arg(source.actor, obj)]
                break


def _refusals(candidates: list[_Candidate]) -> None:
    """CAMEO codes a refusal of cooperation as rejection ("refused to meet" -> 125, "will not
    accept refugees" -> 124): the refused event takes the reject code and is asserted; with a
    refusing verb, that verb becomes the trigger. A plain past negation ("did not meet") says
    something did not happen, not that it was refused, and stays negated."""
    for candidate in candidates:
        if candidate.realis == "negated" and _modal_refusal(candidate.tok):
            code = reject_code(candidate.cameo)
            if code is not None:
                candidate.cameo, candidate.realis = code, "asserted"
                continue
        node = _carrier(candidate.tok)  # "refused to hold direct talks": the talks are what is refused
        governor = node.head
        if not (node.dep_ == "xcomp" or _infinitive_complement(node)) or governor.lemma_.lower() not in REFUSING:
            continue
        code = reject_code(candidate.cameo)
        if code is None:
            continue
        candidate.cameo, candidate.realis, candidate.trigger = code, "asserted", governor


def _only_the_press(candidate: _Candidate, index: ActorIndex) -> bool:
    targets = [index.get(a.actor) for a in candidate.targets if a.actor]
    return bool(targets) and all(t is not None and t.kind == "GROUP" and t.sector == "MED" for t in targets)


def _statements_about_plans(candidates: list[_Candidate]) -> set[int]:
    """"hoped to conclude talks", "agreed to resume flights": a statement verb over an
    infinitive. When the infinitive is itself an event, it is the event (its realis says
    intended) and the statement is dropped; otherwise agreeing to act is CAMEO's 03
    "express intent to cooperate"."""
    by_token = {c.tok.i: c for c in candidates}
    dropped: set[int] = set()
    for candidate in candidates:
        if candidate.pattern.pos != "VERB" or not candidate.cameo.startswith("01"):
            continue
        xcomps = [c for c in candidate.tok.children if c.dep_ == "xcomp" or _infinitive_complement(c)]
        if any(x.i in by_token for x in xcomps):
            dropped.add(candidate.tok.i)
        elif xcomps and candidate.tok.lemma_.lower() in AGREEING:
            candidate.cameo = "030"
    return dropped


def _governor(tok: Token) -> Token:
    """The word a clause or event noun hangs on, past a coordinating head, an adjective or a
    preposition ("ready to meet", "called for talks", "agreed to meet and sign")."""
    governor = _clause_head(tok).head
    if governor.pos_ in ("ADJ", "ADP") and governor.lemma_.lower() not in COMMISSIVE:
        governor = governor.head
    return governor


def _announced_by_source(tok: Token, index: ActorIndex) -> bool:
    """"Kenya said it would send troops": a future act in the complement of the source's own
    verb of saying is the source's announcement of intent."""
    node = _clause_head(tok)
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"} | {c.lower_ for c in node.children if c.dep_ == "aux"}
    if not aux & (FUTURE_AUX | {"would"}) or node.dep_ != "ccomp" or node.head.lemma_.lower() not in ANNOUNCING:
        return False
    speaker, doer = _subject(node.head), _subject(node)
    if speaker is None or doer is None:
        return False
    if doer.pos_ == "PRON":
        return True
    doer_actor = actor_of(doer, index)
    return doer_actor is not None and doer_actor == actor_of(speaker, index)


# Who strikes says which strike it is: workers, teachers, doctors and citizens walk out
# (CAMEO 143), armies and states attack (19).
LABOUR_SECTORS = frozenset({"LAB", "EDU", "HLH", "CVL"})


def _labour_strikes(candidates: list[_Candidate], index: ActorIndex) -> None:
    for candidate in candidates:
        tok = candidate.tok
        if tok.lemma_.lower() != "strike" or tok.pos_ != "NOUN" or candidate.pattern.particle or not candidate.cameo.startswith("19"):
            continue
        gone_on = tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() == "go"
        sectors = {index.get(a.actor).sector for a in candidate.sources if a.actor and index.get(a.actor) is not None}
        if gone_on or sectors & LABOUR_SECTORS:
            candidate.cameo = "143"


def _intents_and_appeals(candidates: list[_Candidate], index: ActorIndex) -> set[int]:
    """CAMEO codes what was said about an act: "agreed to lift sanctions" is an intent (0351),
    "urged Tehran to release the crew" an appeal (0253), "threatened to impose sanctions" a
    threat (1312). The act keeps its realis; an appeal verb already coded (020 "urged") takes
    the specific code and the act under it is dropped. Returns the tokens dropped."""
    by_token = {c.tok.i: c for c in candidates}
    dropped: set[int] = set()
    for candidate in candidates:
        if candidate.trigger.i != candidate.tok.i and candidate.cameo[:2] == "12":
            continue  # already recoded (a refusal)
        # a cut is told by its verb ("threatened to reduce its cooperation"), an event noun by the
        # verb that carries it ("agreed to provide aid")
        anchor = _carrier(candidate.trigger)
        governor = _governor(anchor)
        obligation = _obligation(anchor) if candidate.realis == "requested" else None
        if candidate.realis == "intended":
            node = _clause_head(anchor)
            commissive = (governor.i != anchor.i and governor.lemma_.lower() in COMMISSIVE
                          and (node.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "acl") or _infinitive_complement(node)))
            if anchor.i != candidate.tok.i and anchor.lemma_.lower() in COMMISSIVE:
                commissive, governor = True, anchor  # "offered talks", "pledged aid"
            if not commissive and not (candidate.cameo[:2] in ANNOUNCED_ROOTS and _announced_by_source(anchor, index)):
                continue
            hostile = candidate.cameo[:2] in HOSTILE_ROOTS
            threatening = (commissive and governor.lemma_.lower() in THREATENING) or (hostile and not commissive)
            # "offered to send troops", "is ready to deploy" keep the act; "vowed to retaliate",
            # "said it would strike back" threaten it
            code = threat_code(candidate.cameo) if threatening else (None if hostile else intent_code(candidate.cameo))
            if code is None:
                continue
            candidate.cameo = code
            if commissive and governor.pos_ == "VERB":
                candidate.trigger = governor  # "agreed", "offered": the words that state the intent
            if commissive and governor.lemma_.lower() in THREATENING:
                candidate.realis = "asserted"  # "threatened to ...": the threat was made
        elif obligation is not None:
            code = demand_code(candidate.cameo)
            speaker = _fill(obligation, ("nsubj",), candidate.pattern, index, set())
            obliged = [a for a in candidate.sources if a.actor]
            if code is None or not any(a.actor for a in speaker) or not obliged:
                continue
            if {a.actor for a in speaker} & {a.actor for a in obliged}:
                continue
            # the demand was made: a speech act, asserted like an accusation
            candidate.cameo, candidate.sources, candidate.targets, candidate.realis = code, speaker, obliged, "asserted"
        elif candidate.realis == "requested":
            code = appeal_code(candidate.cameo)
            if code is None:
                continue
            asked_by = by_token.get(governor.i)
            if asked_by is not None and asked_by.cameo.startswith("02"):
                if asked_by.cameo == "020" or code.startswith(asked_by.cameo):
                    asked_by.cameo = code
                dropped.add(candidate.tok.i)
            elif asked_by is not None and asked_by.cameo.startswith("10"):
                # "demanded Kuol's release": one demand, coded with what is demanded (1053)
                demanded = demand_code(candidate.cameo)
                if demanded is not None and asked_by.cameo == "100":
                    asked_by.cameo = demanded
                dropped.add(candidate.tok.i)
            else:
                candidate.cameo = code
    return dropped


def _implicit_partners(candidates: list[_Candidate], dropped: set[int]) -> None:
    """"We are ready to cooperate," said a Hamas official, in an article about Hamas and Russia:
    an offer of cooperation, talks or support (intended, or CAMEO 03) that names no partner is made to the partner
    the article pairs the source with, when one actor is paired with it at least twice before
    and more often than any other. The event is marked inferred and its confidence lowered."""
    pairs: dict[str, dict[str, int]] = {}  # actor -> partner -> events so far (one pass)
    for candidate in candidates:
        if candidate.tok.i in dropped:
            continue
        if candidate.has_source and candidate.has_target:
            sides = {a.actor for a in candidate.sources + candidate.targets if a.actor}
            for actor in sides:
                counts = pairs.setdefault(actor, {})
                for other in sides - {actor}:
                    counts[other] = counts.get(other, 0) + 1
            continue
        if candidate.has_target or not candidate.has_source or candidate.cameo[:2] not in ("03", "04", "05"):
            continue
        if candidate.realis != "intended" and not candidate.cameo.startswith("03"):
            continue  # what was done names its partner; only an offer may leave it to the reader
        if candidate.reciprocal:
            continue
        source = next(a.actor for a in candidate.sources if a.actor)
        ranked = sorted(pairs.get(source, {}).items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            candidate.targets, candidate.inferred_target = [_Arg(ranked[0][0], None)], True


def _modal_refusal(tok: Token) -> bool:
    """"will not", "would not", "won't", "cannot" + a cooperative verb: a refusal."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    negated = any(c.dep_ == "neg" for c in tok.children)
    return negated and bool(aux & {"will", "would", "wo", "can", "ca", "could", "shall"})


def find_events(doc: Doc, index: ActorIndex, lexicon, published: dt.date | None, *, monadic: bool = False) -> list[Event]:
    """Events with a resolved source and target (the dyad, as in CAMEO coding); with
    ``monadic=True`` also events where only one side resolved."""
    actors_by_id = {a.id: a for a in index.actors}
    countries = frozenset(a.country for a in index.actors if a.kind == "COUNTRY" and a.country)
    candidates = _candidates(doc, index, lexicon)
    _event_anaphora(candidates, index, lexicon)
    _pair_anaphora(candidates)
    _targets_from_places(candidates, index, actors_by_id, countries)
    _refusals(candidates)
    _labour_strikes(candidates, index)
    restated = _intents_and_appeals(candidates, index)
    _implicit_partners(candidates, restated)
    refusing_verbs = {c.trigger.i for c in candidates if c.trigger.i != c.tok.i} | _statements_about_plans(candidates) | restated
    sents = sentences(doc)
    events: list[Event] = []
    seen: set[tuple] = set()
    for candidate in candidates:
        tok, pattern = candidate.tok, candidate.pattern
        if tok.i in refusing_verbs:
            continue  # "refused" itself: the refusal is coded on the refused event
        if not (candidate.has_source and candidate.has_target) and not (monadic and (candidate.has_source or candidate.has_target)):
            continue
        if pattern.pos == "VERB" and not candidate.has_source and not _is_passive(tok):
            continue  # an active verb whose subject the parse lost: too unreliable to code
        if candidate.cameo.startswith("01") and (not candidate.has_target or _only_the_press(candidate, index)):
            continue  # a statement with no one it is about, or "told reporters", is not a dyadic event
        realis = candidate.realis
        if realis == "asserted" and candidate.cameo[:2] in REALIS_BY_ROOT:
            realis = REALIS_BY_ROOT[candidate.cameo[:2]]
        code = lookup(candidate.cameo)
        word = candidate.trigger
        trigger = Trigger(word.idx, word.idx + len(word.text), word.text)
        sent = sents[candidate.sent_i]
        for src in candidate.sources:
            for tgt in candidate.targets:
                if src.actor and src.actor == tgt.actor:
                    continue
                key = (src.actor, tgt.actor, code.cameo, tok.i)
                if key in seen:
                    continue
                seen.add(key)
                # a date on the words that state the act ("threatened on Monday to reduce ...") dates it
                dated = word if word.i != tok.i and word.is_ancestor(tok) else tok
                date_text, resolved = _date_for(dated, sent, published, tgt.token, future=_future(tok, realis))
                place = _place_for(tok, index, actors_by_id, tgt.token, countries, code.root, visit=code.cameo == "042",
                                   sides=frozenset({src.actor, tgt.actor}))
                events.append(Event(
                    id=f"e{len(events) + 1}", source=src.actor, target=tgt.actor,
                    cameo=code.cameo, root=code.root, label=code.name, plover=code.plover,
                    quad_class=code.quad_class, goldstein=code.goldstein, realis=realis,
                    trigger=trigger, sentence=candidate.sent_i, date=resolved.value if resolved else None,
                    date_text=date_text, date_granularity=resolved.granularity if resolved else None,
                    date_source="sentence" if resolved else None,
                    place=place, mentions=(CharSpan(trigger.start, trigger.end),),
                    confidence=_confidence(src.actor, tgt.actor, pattern, realis) - (0.15 if candidate.inferred_target else 0.0),
                    reciprocal=candidate.reciprocal,
                ))
    return _merge_repeats(_report_dates(_inherit_dates(doc, events, published), published))


def _report_dates(events: list[Event], published: dt.date | None) -> list[Event]:
    """An event with no date in its clause, sentence or episode is dated by the report
    itself, with granularity ``report`` so analysts can tell it from a stated date."""
    if published is None:
        return events
    return [event if event.date is not None else replace(
        event, date=published.isoformat(), date_granularity="report", date_source="report") for event in events]


def _merge_repeats(events: list[Event]) -> list[Event]:
    """The same event told twice in one article ("visited Moscow on Monday ... the visit")
    becomes one event with several mentions: same source, target and CAMEO code, and
    compatible dates and places. The first telling is kept; stated dates beat report dates."""
    merged: list[Event] = []
    for event in events:
        twin = next((m for m in merged if _same_happening(m, event)), None)
        if twin is None:
            merged.append(event)
            continue
        better = twin
        if twin.date_source in ("report", "context") and event.date_source == "sentence":
            better = replace(twin, date=event.date, date_text=event.date_text,
                             date_granularity=event.date_granularity, date_source=event.date_source)
        if better.place is None and event.place is not None:
            better = replace(better, place=event.place)
        better = replace(better, mentions=better.mentions + event.mentions,
                         confidence=min(1.0, round(max(twin.confidence, event.confidence) + 0.05, 2)))
        merged[merged.index(twin)] = better
    return [replace(event, id=f"e{n}") for n, event in enumerate(merged, start=1)]


def _same_happening(a: Event, b: Event) -> bool:
    if (a.source, a.target, a.cameo, a.realis) != (b.source, b.target, b.cameo, b.realis):
        return False
    if a.date_source == b.date_source == "sentence" and a.date != b.date:
        return False
    if a.place is not None and b.place is not None and a.place.country != b.place.country:
        return False
    return True


def _inherit_dates(doc: Doc, events: list[Event], published: dt.date | None) -> list[Event]:
    """Narrative reference time: a past-tense event reported without a date of its own
    happened on the last day named in the same or the previous paragraph, by a dated event
    or by any date expression ("Police fired tear gas ..." after "Thousands marched through
    the capital on Monday ..."). Marked ``date_source="context"`` so analysts can keep or drop it."""
    text = text_of(doc)
    anchors: list[tuple[int, ResolvedDate, str]] = []  # (offset, date, text) of the article's past dates
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        resolved = resolve_date(ent.text, published) or _anaphoric_year(ent)
        if resolved is not None and (published is None or resolved.value <= published.isoformat()):
            anchors.append((ent.start_char, resolved, ent.text))
    out: list[Event] = []
    for event in events:
        paragraph = text.count("\n\n", 0, event.trigger.start)
        if (event.date is None and event.realis in ("asserted", "negated") and _past(doc, event)
                and not any(ent.label_ == "DATE" for ent in _sentence(doc, event).ents)):
            before = [a for a in anchors if a[0] < event.trigger.start]
            # the reference time is the last date named, whatever its granularity: after "in 2010
            # ... in 2015" an undated act is not dated by a day named earlier
            if before and before[-1][1].granularity == "day" and paragraph - text.count("\n\n", 0, before[-1][0]) <= 1:
                _, resolved, date_text = before[-1]
                day = resolved.value
                episode = next((e for e in reversed(out) if e.date == day and e.date_source == "sentence"), None)
                event = replace(event, date=day, date_text=date_text, date_granularity="day", date_source="context",
                                place=event.place or (episode.place if episode else None))  # the same episode, the same place
        out.append(event)
    return out


def _future(tok: Token, realis: str) -> bool:
    """An act still to come: intended, and in the future or scheduled ("will host talks on
    Monday", "is due to visit", "plans to travel") rather than reported as agreed."""
    if realis != "intended":
        return False
    node = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else tok
    aux = {c.lower_ for c in node.children if c.dep_ == "aux"}
    return bool(aux & FUTURE_AUX) or node.dep_ == "xcomp" and node.head.tag_ in ("VBZ", "VBP", "JJ", "VBG")


def _sentence(doc: Doc, event: Event) -> Span:
    return sentences(doc)[event.sentence]


def _past(doc: Doc, event: Event) -> bool:
    tok = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if tok is None:
        return False
    tok = tok.root
    if tok.pos_ == "NOUN":
        tok = tok.head if tok.head.pos_ == "VERB" else tok
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and bool(aux & {"was", "were", "had"}))
