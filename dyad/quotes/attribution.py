"""Attribution of a quotation in marks: the window where its cue may stand, the cue and
speaker chosen in it, and the fallbacks when no cue is found (a colon, someone's words, the
clause the quotation sits in, the previous quotation or reporting sentence)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..actors.index import ActorIndex
from ..datelines import in_dateline
from ..lexicons import Cue, word_class
from ..sentences import sentence_at_char, sentence_of, text_of
from ..syntax import subject_of
from .cues import SPEECH_ACT, SPEECH_ACT_VERBS
from .marks import QuoteSpan
from .speakers import is_person, noun_phrase, speaker_actor, speaker_token

def reporting_sentences(doc: Doc, cues, spans: list[QuoteSpan], index: ActorIndex) -> dict[int, tuple[str, str]]:
    """Sentence end -> (speaker, speaker text) of the sentence's main verb of saying whose
    speaker resolves to an actor. Cues inside quotations report someone else's words."""
    found: dict[int, tuple[int, str, str]] = {}
    acts = [(tok, SPEECH_ACT) for tok in doc if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_ACT_VERBS]
    for cue_tok, cue in cues + acts:
        if cue.kind not in ("speech", "quotation") or any(sp.covers(cue_tok.idx) for sp in spans):
            continue
        who = speaker_token(cue_tok, cue)
        if who is None or any(sp.covers(who.idx) for sp in spans):
            continue
        speaker = speaker_actor(who, index)
        if speaker is None:
            continue
        # the main clause's verb, not one reported inside it ("X said critics had predicted …")
        depth = sum(1 for _ in cue_tok.ancestors)
        end = sentence_of(cue_tok).end_char
        if end not in found or depth < found[end][0]:
            found[end] = (depth, speaker, noun_phrase(who))
    return {end: (speaker, words) for end, (_, speaker, words) in found.items()}


def previous_sentence_end(doc: Doc, text: str, start: int) -> int:
    """End of the sentence before ``start`` when only whitespace and stray marks lie between."""
    k = start
    while k > 0 and text[k - 1] in " \n\t\"“”'’":
        k -= 1
    sent = sentence_at_char(doc, k - 1) if k > 0 else None
    return sent.end_char if sent is not None and not text[sent.end_char:start].strip(" \n\t\"“”'’") else -1


def attribution_window(doc: Doc, qs: QuoteSpan, cues) -> tuple[int, int]:
    """The characters where the quotation's attribution may stand: its sentences, plus a
    short sentence or one opening with a reporting verb right after it ("… ?” he urged them)."""
    text = text_of(doc)
    first = sentence_at_char(doc, qs.start)
    last = sentence_at_char(doc, max(qs.start, qs.end - 1))
    lo = first.start_char if first is not None else qs.start
    hi = last.end_char if last is not None else qs.end
    if last is not None and last.end < len(doc) and "\n" not in text[qs.end:last.end_char + 2]:
        after = sentence_of(doc[last.end])
        opening = [c for c in cues if after.start <= c[0].i < after.start + 5]
        if after.start_char - hi <= 1 and (len(after) <= 8 or opening or _bare_attribution(after, cues)):
            hi = after.end_char
    return lo, hi


def _bare_attribution(sent: Span, cues) -> bool:
    """A sentence that only says who spoke ("Rep. Jane Roe (D-Ore.) said on Tuesday."): the
    sentence splitter cut it from the quotation before it. Its root is a reporting verb that
    takes no complement of its own."""
    root = sent.root
    if len(sent) > 20 or not any(t.i == root.i and c.kind != "cognition" for t, c in cues):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for c in root.children)


def attribute(doc, qs, window, cues, spans, index, verbs, words) -> tuple[str | None, Token | None]:
    """(cue, speaker token) by the first rule that applies: a reporting verb in the window,
    a reporting verb before a colon that introduces the quotation, the clause the quotation
    sits in."""
    lo, hi = window
    candidates = [(t, c) for t, c in cues if lo <= t.idx < hi and not qs.covers(t.idx) and c.kind != "cognition"]
    # a cue in the quotation's own sentences beats a closer one in the sentence after it
    # ("…, he said, “…” Asked if …, she replied"): that one belongs to the next quotation
    last = sentence_at_char(doc, max(qs.start, qs.end - 1))
    own_end = last.end_char if last is not None else qs.end
    candidates.sort(key=lambda tc: (tc[0].idx >= own_end, min(abs(tc[0].idx - qs.start), abs(tc[0].idx - qs.end))))
    introduced = _introduced_by_colon(doc, qs, cues, spans)
    for cue_tok, cue in candidates[:1] or ([introduced] if introduced else []):
        who = speaker_token(cue_tok, cue)
        if who is None and cue.kind != "source":
            who = _inverted_subject(cue_tok, text_of(doc), qs, colon=introduced is not None and introduced[0].i == cue_tok.i)
        if who is None or any(sp.covers(who.idx) for sp in spans) or in_dateline(text_of(doc), who.idx):
            who = nearest_person_before(cue_tok, index, spans)
        return (cue_tok.text if not cue.particle else f"{cue_tok.text} {cue.particle}"), who
    who, verb = _governing_speaker(doc, qs, index, verbs, words)
    return verb, who


def adjacent(text: str, previous_end: int, start: int) -> bool:
    """Only whitespace and stray marks between the previous quotation's sentence and this one."""
    if previous_end < 0:
        return False
    return previous_end >= start or not text[previous_end:start].strip(" \n\t\"“”'’.,")


def _introduced_by_colon(doc: Doc, qs: QuoteSpan, cues, spans) -> tuple[Token, Cue] | None:
    """“...” after "In a 1963 speech, he declared:" (often with a paragraph break between)."""
    k = qs.start - 2
    while k >= 0 and text_of(doc)[k].isspace():
        k -= 1
    if k < 0 or text_of(doc)[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    sent = sentence_of(colon[0])
    found = [(t, c) for t, c in cues if sent.start <= t.i < colon[0].i and c.kind != "cognition"
             and not any(sp.covers(t.idx) for sp in spans)]
    return found[-1] if found else None


INVERTED_SUBJECT_DEPS = frozenset({"dobj", "attr", "npadvmod", "oprd", "appos", "nsubj"})


def _inverted_subject(cue_tok: Token, text: str, qs: QuoteSpan, *, colon: bool = False) -> Token | None:
    """“…,” added a Texas Republican: after a quotation the verb comes first and the small
    parser often takes the subject that follows for an object. Only when the verb follows
    the quotation's closing mark, with nothing but punctuation between, or opens the sentence
    whose colon introduces the quotation ("Continued Hale: “…”")."""
    if not colon and not any(end <= cue_tok.idx and not text[end:cue_tok.idx].strip(" ,”\"'’") for _, end in qs.pieces):
        return None
    for child in cue_tok.rights:
        if child.dep_ in INVERTED_SUBJECT_DEPS and child.pos_ in ("PROPN", "NOUN"):
            return child
    if colon:  # the parse of a fronted verb is often broken: the noun phrase up to the colon
        phrase = []
        for tok in cue_tok.doc[cue_tok.i + 1:cue_tok.i + 8]:
            if tok.text == ":":
                return phrase[-1] if phrase and phrase[-1].pos_ in ("PROPN", "NOUN") else None
            if tok.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PUNCT"):
                return None
            phrase.append(tok)
    return None


def nearest_person_before(cue_tok: Token, index: ActorIndex, spans: list[QuoteSpan]) -> Token | None:
    """When the parse gives the cue no subject ("Speaking with X, Y, the head of Z, said"), or
    takes a dateline for it ("WASHINGTON (AP) — President Ana Ruiz said"), the speaker is the closest person named before the cue in its sentence, outside quotations."""
    sent = sentence_of(cue_tok)
    fallback = None
    for tok in reversed(sent[: cue_tok.i - sent.start]):
        if any(s.covers(tok.idx) for s in spans):
            continue
        actor = index.get(index.actor_at(tok.i))
        if actor is None or actor.kind == "LOCATION":
            continue
        if actor.kind == "PERSON":
            return tok
        fallback = fallback or tok
    return fallback


# Verbs that state who calls something by the quoted words ("dubbed it “a farce”").
NAMING_VERBS = word_class("naming_verbs")


def _governing_speaker(doc: Doc, qs: QuoteSpan, index: ActorIndex, verbs, words: int) -> tuple[Token | None, str | None]:
    """The speaker of a quotation without a cue: a name right before a colon, or the subject
    of the verb whose clause contains the quotation. One or two quoted words (scare quotes)
    are attributed only through a verb of saying or naming."""
    owner = _owner_of_words(doc, qs, index)
    if owner is not None:
        return owner, None
    k = qs.start - 2
    while k >= 0 and text_of(doc)[k].isspace():
        k -= 1
    if k >= 0 and text_of(doc)[k] == ":":
        before = doc.char_span(max(0, k - 60), k, alignment_mode="contract")
        if before is not None and len(before) and before[-1].pos_ == "PROPN" and index.actor_at(before[-1].i):
            return before[-1], None
        # "The senator released a statement:", "Here is the senator in 1998:", "The board was
        # clear in its ruling:" — the subject of the clause the colon ends
        node = before[-1] if before is not None and len(before) else None
        for _ in range(4):
            if node is None or qs.covers(node.idx):
                break
            if node.pos_ in ("VERB", "AUX"):
                subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
                if subject is not None and not qs.covers(subject.idx) and speaker_actor(subject, index):
                    return subject, None
                break
            node = node.head if node.head.i != node.i else None
    inside = doc.char_span(qs.start, qs.end, alignment_mode="expand")
    if inside is None or not len(inside):
        return None, None
    root = inside.root
    if qs.covers(root.head.idx) or root.head.i == root.i:
        # the quotation heads the sentence (“Go back,” Trump barked): the saying verb hangs off it
        for child in root.children:
            if child.pos_ == "VERB" and not qs.covers(child.idx) and child.dep_ in ("ccomp", "parataxis", "conj", "advcl"):
                subject = next((c for c in child.children if c.dep_ == "nsubj" and not qs.covers(c.idx)), None)
                if subject is not None and speaker_actor(subject, index):
                    return subject, child.text
    node = inside[0]
    for _ in range(6):
        node = node.head
        if node.pos_ in ("VERB", "AUX") and not qs.covers(node.idx):
            subject = next((c for c in node.children if c.dep_ in ("nsubj",) and not qs.covers(c.idx)), None)
            if subject is None:
                subject = subject_of(node)  # "Trump went after Bush, calling him “a total stiff”"
            if subject is None or qs.covers(subject.idx):
                return None, None
            lemma = node.lemma_.lower()
            if lemma in verbs and all(cue.kind == "cognition" for cue in verbs[lemma]):
                return None, None  # "X thinks cats are “cuties”": a thought is not speech; the marks are the writer's
            stated = lemma in verbs or lemma in NAMING_VERBS
            actor = speaker_actor(subject, index)
            if actor is None or (words <= 2 and not stated and not is_person(actor, index)):
                return None, None
            return subject, node.text if stated else None
        if node.head.i == node.i:
            break
    return None, None


# Nouns for someone's words: "In Roe's words, “…”", "the minister's reply: “…”"
WORDS_NOUNS = word_class("words_nouns")


def _owner_of_words(doc: Doc, qs: QuoteSpan, index: ActorIndex) -> Token | None:
    """The quotation right after a noun for someone's words is theirs: the noun's possessor
    ("In Roe's words, “…”") or its "of" phrase ("in the words of Roe, “…”")."""
    text = text_of(doc)
    k = qs.start - 1
    while k > 0 and text[k - 1] in " \n\t,:—–-“\"":
        k -= 1
    if k <= 0 or k < qs.start - 6:
        return None
    span = doc.char_span(max(0, k - 40), k, alignment_mode="contract")
    if span is None or not len(span):
        return None
    last = span[-1]
    if last.lemma_.lower() in WORDS_NOUNS:
        noun = last
    elif last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lemma_.lower() in WORDS_NOUNS:
        noun = last.head.head  # "in the words of Roe,"
    else:
        return None
    for child in noun.children:
        owners = [child] if child.dep_ == "poss" else [g for g in child.children if g.dep_ == "pobj"] if child.lower_ == "of" else []
        for owner in owners:
            if not qs.covers(owner.idx) and speaker_actor(owner, index):
                return owner
    return None


SIGNATURE_DASHES = "―—–-"


def signed_by(doc: Doc, qs: QuoteSpan, index: ActorIndex) -> Token | None:
    """A quotation signed after a dash (“We deserve better.” ― Ana Ruiz, Tucson): the name
    that follows the dash on the same line, when it names a person or an organisation."""
    text = text_of(doc)
    k = qs.end
    while k < len(text) and text[k] in " \t\"”'’.,":
        k += 1
    if k >= len(text) or text[k] not in SIGNATURE_DASHES:
        return None
    k += 1
    while k < len(text) and text[k] in " \t":
        k += 1
    line_end = text.find("\n", k)
    span = doc.char_span(k, len(text) if line_end < 0 else line_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for tok in span[:6]:
        if tok.text in (",", "(", ";"):
            break
        actor = index.get(index.actor_at(tok.i))
        if actor is not None and actor.kind in ("PERSON", "ORGANIZATION", "GROUP", "IGO"):
            return tok
    return None
