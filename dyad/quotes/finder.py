"""Quotations: find quoted spans, their reporting cue and their speaker.

``find_quote_spans`` is a pure scan of the text (no model); ``find_quotes`` links
each span to a cue and a speaker through the parse and the actor index.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..actors.stage import ActorIndex
from ..data_files import data_path, read_tsv
from ..document import Quote
from ..sentences import sentence_at_char, sentence_of, text_of
from ..errors import W_UNBALANCED_QUOTE
from ..events.coder import actor_of, subject_of as _clause_subject

OPENERS = "“«„"
CLOSERS = "”»"
MAX_QUOTE_CHARS = 1500  # an unclosed mark never swallows more than this
PARTIAL_MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    closed: bool
    parts: tuple[tuple[int, int], ...] = ()  # the pieces of a quotation split by its attribution

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.end),)

    def covers(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.pieces)


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    particle: str
    kind: str  # speech, cognition, source


@lru_cache(maxsize=4)
def load_reporting_verbs(path: str | None = None) -> dict[str, tuple[Cue, ...]]:
    table: dict[str, list[Cue]] = {}
    for _, row in read_tsv(Path(path) if path else data_path("reporting_verbs.tsv"), ("lemma", "particle", "kind")):
        cue = Cue(row["lemma"].lower(), row["particle"].lower(), row["kind"] or "speech")
        table.setdefault(cue.lemma, []).append(cue)
    return {k: tuple(sorted(v, key=lambda c: not c.particle)) for k, v in table.items()}


def _is_opening(text: str, i: int) -> bool:
    """Decide a mark's direction from its neighbours; the glyph only breaks ties
    (sloppy text uses ” to open: 'in 2015. ”We are ready')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([{—–-:"
    space_after = after.isspace() or after in ".,;:!?)]}" or i + 1 >= len(text)
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    if text[i] in OPENERS:
        return True
    if text[i] in CLOSERS:
        return False
    return not before.isalnum()


def find_quote_spans(text: str) -> tuple[list[QuoteSpan], list[str]]:
    """Paired double quotation marks, paragraph by paragraph.

    A paragraph that ends inside a quotation continues it only when the next
    paragraph opens with a mark (the newswire convention); otherwise the span
    is capped at the paragraph end and a warning is returned.
    """
    spans: list[QuoteSpan] = []
    warnings: list[str] = []
    open_at: int | None = None
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and i + 1 < n and text[i + 1] == "\n" and open_at is not None:
            # paragraph break inside an open quotation
            j = i
            while j < n and text[j].isspace():
                j += 1
            continues = j < n and text[j] in '"“«„' and _is_opening(text, j)
            end = i
            spans.append(QuoteSpan(open_at, end, False))
            if not continues:
                warnings.append(f"{W_UNBALANCED_QUOTE} quotation mark at offset {open_at - 1} is never closed; capped at the paragraph end")
            open_at = None
            i = j
            continue
        if ch in '"“”«»„':
            if _is_opening(text, i) and open_at is None:
                open_at = i + 1
            elif open_at is not None:
                spans.append(QuoteSpan(open_at, i, True))
                open_at = None
            elif ch in OPENERS or _starts_words(text, i + 1):
                # nothing is open, so a "closing" mark before words opens a quotation
                open_at = i + 1
        if open_at is not None and i - open_at > MAX_QUOTE_CHARS:
            spans.append(QuoteSpan(open_at, i, False))
            warnings.append(f"{W_UNBALANCED_QUOTE} quotation mark at offset {open_at - 1} is never closed; capped at {MAX_QUOTE_CHARS} characters")
            open_at = None
        i += 1
    if open_at is not None:
        spans.append(QuoteSpan(open_at, n, False))
        warnings.append(f"{W_UNBALANCED_QUOTE} quotation mark at offset {open_at - 1} is never closed; capped at the end of the text")
    return [_trimmed(s, text) for s in spans if text[s.start:s.end].strip()], warnings


def _trimmed(span: QuoteSpan, text: str) -> QuoteSpan:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, span.closed, span.parts)


def _starts_words(text: str, i: int) -> bool:
    while i < len(text) and text[i] == " ":
        i += 1
    return i < len(text) and text[i].isalpha() and text[i].isupper()


# Verbs of saying with a common sense that is not saying when they take a plain object
# ("Russia has maintained close ties", "the army added 500 troops", "claimed responsibility")
DUAL_SENSE = frozenset({"maintain", "hold", "add", "claim", "stress", "underline", "underscore", "highlight"})
# objects that keep them verbs of saying ("stressed the point", "repeated the claim")
SPEECH_OBJECTS = frozenset({"statement", "word", "claim", "remark", "comment", "point", "view", "line", "position",
                            "argument", "message", "this", "that", "it", "what", "innocence", "importance"})


def _other_sense(tok: Token, spans: list[QuoteSpan]) -> bool:
    if tok.lemma_.lower() not in DUAL_SENSE or any(c.dep_ == "ccomp" for c in tok.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in SPEECH_OBJECTS
               and not any(sp.covers(c.idx) for sp in spans) for c in tok.children)


def _cue_tokens(doc: Doc, verbs, spans: list[QuoteSpan] = ()) -> list[tuple[Token, Cue]]:
    found = []
    for tok in doc:
        if tok.lemma_.lower() in verbs and verbs[tok.lemma_.lower()][0].kind == "quotation" and _takes_complement(tok, spans):
            continue  # "continued to fight", "continuing the talks": not a quotation's cue
        if _other_sense(tok, spans):
            continue
        # by lemma, else by the word itself ("according" has the lemma "accord")
        for cue in verbs.get(tok.lemma_.lower(), ()) or verbs.get(tok.lower_, ()):
            if cue.particle:
                if not any(c.lower_ == cue.particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children) and not (
                    tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == cue.particle
                ):
                    continue
            elif tok.pos_ not in ("VERB",):
                continue
            found.append((tok, cue))
            break
    return found


def _takes_complement(tok: Token, spans: list[QuoteSpan]) -> bool:
    """A verb with an object or clause of its own outside quotation marks ("continued to
    fight"), or a participle modifying a noun ("a message reading …")."""
    if tok.dep_ == "acl":
        return True
    return any(child.dep_ in ("dobj", "xcomp", "ccomp") and not any(sp.covers(child.idx) for sp in spans)
               for child in tok.children)


def _speaker_token(cue_tok: Token, cue: Cue) -> Token | None:
    if cue.kind == "source":  # "according to X"
        nxt = cue_tok.doc[cue_tok.i + 1] if cue_tok.i + 1 < len(cue_tok.doc) else None
        heads = [cue_tok] + ([nxt] if nxt is not None else [])
        for head in heads:
            for child in head.children:
                if child.dep_ == "pobj":
                    return child
        return None
    if cue_tok.lemma_.lower() in ASKING:
        for child in cue_tok.children:  # "X was asked by host Y, “…”": the question is Y's
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
    for child in cue_tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if cue_tok.dep_ == "conj":
        return _speaker_token(cue_tok.head, cue)
    if cue_tok.dep_ == "advcl" and cue_tok.tag_ == "VBG":  # "Speaking with X, Y said"
        return _speaker_token(cue_tok.head, cue)
    prep = cue_tok.head
    if cue_tok.dep_ == "pcomp" and cue_tok.tag_ == "VBG" and prep.lower_ in SAYING_PREPOSITIONS \
            and prep.head.pos_ in ("VERB", "AUX"):
        return _speaker_token(prep.head, cue)  # "X ended the talks by saying …"
    return None


ASKING = frozenset({"ask", "tell", "question", "press", "challenge"})
# "by/after/while saying …" is said by the subject of the verb the phrase qualifies; "for saying" is not
# ("Y attacked X for saying …" reports X's words)
SAYING_PREPOSITIONS = frozenset({"by", "after", "before", "while", "when", "upon", "on", "in"})


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


def speaker_actor(tok: Token, index: ActorIndex) -> str | None:
    """The actor a speaker phrase names: the phrase's own head ("Trump", "he", "the ministry"),
    a person or organisation inside the phrase ("spokesman Ned Price", "a delegation of the
    party"), or the body a spokesperson speaks for ("a spokesman for the ministry"). Unlike an
    event argument, a speaker is never a place or country found deeper in the phrase: "the ad
    in Ohio" is not Ohio speaking."""
    found = index.actor_at(tok.i)
    if found:
        # places do not speak: a dateline city or a place in the phrase is never the speaker
        actor = index.get(found)
        return None if actor is not None and actor.kind == "LOCATION" else found
    broad = actor_of(tok, index)
    actor = index.get(broad)
    if actor is not None and actor.kind in ("PERSON", "ORGANIZATION", "IGO", "GROUP"):
        return broad
    for child in tok.children:
        if child.dep_ in ("appos", "compound") and index.actor_at(child.i):
            actor = index.get(index.actor_at(child.i))
            if actor is not None and actor.kind in ("PERSON", "ORGANIZATION", "IGO", "GROUP"):
                return actor.id
    if tok.lemma_.lower() in SPOKESPEOPLE:
        for child in tok.children:
            if child.dep_ == "poss" and index.actor_at(child.i):
                return index.actor_at(child.i)
            if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and index.actor_at(pobj.i):
                        return index.actor_at(pobj.i)
    return None


SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "ambassador", "office", "statement", "aide", "adviser", "advisor", "official", "officials"})


def _nearest_person_before(cue_tok: Token, index: ActorIndex, spans: list[QuoteSpan]) -> Token | None:
    """When the parse gives the cue no subject ("Speaking with X, Y, the head of Z, said"),
    the speaker is the closest person named before the cue in its sentence, outside quotations."""
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


def _noun_phrase(tok: Token) -> str:
    tokens = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct") or t.i == tok.i]
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    # stop at the first comma so appositions do not leak in
    span = tok.doc[lo:hi]
    return re.split(r"[,:“\"]", span.text, maxsplit=1)[0].strip() or span.text.split(",")[0].strip()


def _sentence_of(doc: Doc, char: int) -> Span | None:
    return sentence_at_char(doc, char)


def find_quotes(doc: Doc, index: ActorIndex) -> tuple[list[Quote], list[str]]:
    text = text_of(doc)
    verbs = load_reporting_verbs()
    spans, warnings = find_quote_spans(text)
    spans = _merge_split(spans, text)
    cues = _cue_tokens(doc, verbs, spans)
    reporters: dict[int, tuple[str, str]] | None = None  # computed on first need
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_end = -1
    for qs in spans:
        content = " ".join(text[a:b].strip() for a, b in qs.pieces)
        words = len(content.split())
        kind = "partial" if _is_partial(text, qs, words) else "direct"
        window = _attribution_window(doc, qs, cues)
        cue_text, who = _attribute(doc, qs, window, cues, spans, index, verbs, words)
        speaker = speaker_actor(who, index) if who is not None else None
        speaker_text = _noun_phrase(who) if who is not None else None
        if cue_text is None and kind == "direct" and previous is not None and previous.speaker is not None \
                and speaker is None and _adjacent(text, previous_end, window[0]):
            # no reporting verb of its own right after another quotation: it runs on
            speaker, speaker_text = previous.speaker, previous.speaker_text
        elif cue_text is None and kind == "direct" and speaker is None \
                and not text[window[0]:qs.start].strip(" \n\t\"“”'’"):
            # right after a sentence that reports someone's words ("…, he told reporters.")
            if reporters is None:
                reporters = _reporting_sentences(doc, cues, spans, index)
            speaker, speaker_text = reporters.get(_previous_sentence_end(doc, text, window[0]), (None, None))
        if kind == "partial" and words <= 2 and cue_text is None and not _person(speaker, index):
            speaker = speaker_text = None  # scare quotes are attributed only when a speaker is stated
        quote = Quote(id=f"q{len(quotes) + 1}", text=content, start=qs.start, end=qs.end, kind=kind,
                      cue=cue_text, speaker=speaker, speaker_text=speaker_text)
        quotes.append(quote)
        if kind == "direct":
            previous, previous_end = quote, window[1]
    indirect = _indirect_quotes(doc, index, cues, quotes, len(quotes))
    return _partials_in_reported_speech(quotes, indirect, cues) + indirect, warnings


def _partials_in_reported_speech(quotes: list[Quote], indirect: list[Quote], cues) -> list[Quote]:
    """Words quoted inside someone's reported speech ("He pointed out that their cooperation is
    “not a recent thing.”") are that speaker's, unless a verb of saying inside the reported
    clause gives them to someone else ("She said X had called it “a disaster”")."""
    out: list[Quote] = []
    for quote in quotes:
        if quote.kind == "partial":
            host = next((r for r in indirect if r.speaker is not None and r.start <= quote.start and quote.end <= r.end + 2), None)
            if host is not None and not any(host.start <= tok.idx < host.end for tok, _ in cues):
                quote = replace(quote, speaker=host.speaker, speaker_text=host.speaker_text, cue=host.cue)
        out.append(quote)
    return out


# Verbs of a speech act whose words often follow as a quotation of their own
# ("Vell praised the governor's leadership. “We need someone who …”").
SPEECH_ACT_VERBS = frozenset({"praise", "criticize", "criticise", "attack", "defend", "dismiss", "mock", "ridicule",
                              "reject", "thank", "apologize", "apologise", "congratulate", "condemn", "denounce",
                              "decry", "deride", "hail", "slam", "lambaste", "blame"})
SPEECH_ACT = Cue("", "", "speech")


def _reporting_sentences(doc: Doc, cues, spans: list[QuoteSpan], index: ActorIndex) -> dict[int, tuple[str, str]]:
    """Sentence end -> (speaker, speaker text) of the sentence's main verb of saying whose
    speaker resolves to an actor. Cues inside quotations report someone else's words."""
    found: dict[int, tuple[int, str, str]] = {}
    acts = [(tok, SPEECH_ACT) for tok in doc if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_ACT_VERBS]
    for cue_tok, cue in cues + acts:
        if cue.kind not in ("speech", "quotation") or any(sp.covers(cue_tok.idx) for sp in spans):
            continue
        who = _speaker_token(cue_tok, cue)
        if who is None or any(sp.covers(who.idx) for sp in spans):
            continue
        speaker = speaker_actor(who, index)
        if speaker is None:
            continue
        # the main clause's verb, not one reported inside it ("X said critics had predicted …")
        depth = sum(1 for _ in cue_tok.ancestors)
        end = sentence_of(cue_tok).end_char
        if end not in found or depth < found[end][0]:
            found[end] = (depth, speaker, _noun_phrase(who))
    return {end: (speaker, words) for end, (_, speaker, words) in found.items()}


def _previous_sentence_end(doc: Doc, text: str, start: int) -> int:
    """End of the sentence before ``start`` when only whitespace and stray marks lie between."""
    k = start
    while k > 0 and text[k - 1] in " \n\t\"“”'’":
        k -= 1
    sent = _sentence_of(doc, k - 1) if k > 0 else None
    return sent.end_char if sent is not None and not text[sent.end_char:start].strip(" \n\t\"“”'’") else -1


def _attribution_window(doc: Doc, qs: QuoteSpan, cues) -> tuple[int, int]:
    """The characters where the quotation's attribution may stand: its sentences, plus a
    short sentence or one opening with a reporting verb right after it ("… ?” he urged them)."""
    text = text_of(doc)
    first = _sentence_of(doc, qs.start)
    last = _sentence_of(doc, max(qs.start, qs.end - 1))
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


def _attribute(doc, qs, window, cues, spans, index, verbs, words) -> tuple[str | None, Token | None]:
    """(cue, speaker token) by the first rule that applies: a reporting verb in the window,
    a reporting verb before a colon that introduces the quotation, the clause the quotation
    sits in."""
    lo, hi = window
    candidates = [(t, c) for t, c in cues if lo <= t.idx < hi and not qs.covers(t.idx) and c.kind != "cognition"]
    # a cue in the quotation's own sentences beats a closer one in the sentence after it
    # ("…, he said, “…” Asked if …, she replied"): that one belongs to the next quotation
    last = _sentence_of(doc, max(qs.start, qs.end - 1))
    own_end = last.end_char if last is not None else qs.end
    candidates.sort(key=lambda tc: (tc[0].idx >= own_end, min(abs(tc[0].idx - qs.start), abs(tc[0].idx - qs.end))))
    introduced = _introduced_by_colon(doc, qs, cues, spans)
    for cue_tok, cue in candidates[:1] or ([introduced] if introduced else []):
        who = _speaker_token(cue_tok, cue)
        if who is None and cue.kind != "source":
            who = _inverted_subject(cue_tok, text_of(doc), qs, colon=introduced is not None and introduced[0].i == cue_tok.i)
        if who is None or any(sp.covers(who.idx) for sp in spans):
            who = _nearest_person_before(cue_tok, index, spans)
        return (cue_tok.text if not cue.particle else f"{cue_tok.text} {cue.particle}"), who
    who, verb = _governing_speaker(doc, qs, index, verbs, words)
    return verb, who


def _adjacent(text: str, previous_end: int, start: int) -> bool:
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


# Verbs that state who calls something by the quoted words ("dubbed it “a farce”").
NAMING_VERBS = frozenset({"call", "describe", "dub", "label", "term", "brand", "deride", "hail", "denounce", "decry", "slam", "praise", "characterize", "characterise"})


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
                subject = _clause_subject(node)  # "Trump went after Bush, calling him “a total stiff”"
            if subject is None or qs.covers(subject.idx):
                return None, None
            lemma = node.lemma_.lower()
            stated = lemma in verbs or lemma in NAMING_VERBS
            actor = speaker_actor(subject, index)
            if actor is None or (words <= 2 and not stated and not _person(actor, index)):
                return None, None
            return subject, node.text if stated else None
        if node.head.i == node.i:
            break
    return None, None


# Nouns for someone's words: "In Roe's words, “…”", "the minister's reply: “…”"
WORDS_NOUNS = frozenset({"word", "statement", "response", "reply", "answer", "message", "remark", "comment",
                         "tweet", "verdict", "retort", "explanation", "argument"})


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


def _person(actor_id: str | None, index: ActorIndex) -> bool:
    actor = index.get(actor_id)
    return actor is not None and actor.kind == "PERSON"


def _is_partial(text: str, qs: QuoteSpan, words: int) -> bool:
    """Quoted words inside the writer's own sentence ("called it “a farce”"), as opposed to
    a quotation that stands as a sentence of its own (“It's fine,” he said)."""
    k = qs.start - 2
    while k >= 0 and text[k] == " ":
        k -= 1
    glued_to_prose = k >= 0 and (text[k].isalnum() or text[k] in "’',")
    starts_lower = text[qs.start:qs.start + 1].islower()
    if words <= PARTIAL_MAX_WORDS:
        return glued_to_prose and text[k] != "," or starts_lower
    return glued_to_prose and starts_lower


def _merge_split(spans: list[QuoteSpan], text: str) -> list[QuoteSpan]:
    """“We are ready,” he said, “to cooperate.” is one quotation."""
    merged: list[QuoteSpan] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            between = text[prev.end + 1:span.start - 1]
            if (prev.closed and text[prev.end - 1:prev.end] == "," and between.strip().endswith(",")
                    and len(between) < 80 and "\n" not in between and text[span.start:span.start + 1].islower()):
                merged[-1] = QuoteSpan(prev.start, span.end, span.closed, prev.pieces + span.pieces)
                continue
        merged.append(span)
    return merged


def _indirect_quotes(doc: Doc, index: ActorIndex, cues, direct: list[Quote], offset: int) -> list[Quote]:
    """Reported speech: the clause a reporting verb takes ("X said (that) CLAUSE") and the clause
    an "according to X" phrase qualifies ("According to X, CLAUSE" / "CLAUSE, according to X")."""
    out: list[Quote] = []
    covered = [(q.start, q.end) for q in direct]
    for cue_tok, cue in cues:
        if cue.kind == "quotation" or any(s - 1 <= cue_tok.idx < e + 1 for s, e in covered):
            continue
        if cue.kind == "source":
            clause = _qualified_clause(cue_tok)
            found = [(clause, _speaker_token(cue_tok, cue))] if clause is not None else []
        else:
            found = [(_clause_span(child), _speaker_token(cue_tok, cue)) for child in cue_tok.children if child.dep_ == "ccomp"]
        for span, who in found:
            if span is None:
                continue
            lo, hi = span
            inside = sum(max(0, min(hi, e) - max(lo, s)) for s, e in covered)
            if inside > (hi - lo) / 2 or lo < cue_tok.idx < hi:
                continue
            body = text_of(doc)[lo:hi]
            if len(body.split()) < 3:
                continue
            out.append(Quote(
                id=f"q{offset + len(out) + 1}", text=body, start=lo, end=hi, kind="indirect",
                cue=cue_tok.text if not cue.particle else f"{cue_tok.text} {cue.particle}",
                speaker=speaker_actor(who, index) if who is not None else None,
                speaker_text=_noun_phrase(who) if who is not None else None,
            ))
    return out


def _clause_span(clause: Token, skip: Token | None = None) -> tuple[int, int] | None:
    """Characters of a clause without its complementiser ("that") and trailing punctuation,
    leaving out the subtree of ``skip``."""
    skipped = {t.i for t in skip.subtree} if skip is not None else set()
    tokens = [t for t in clause.subtree if t.i not in skipped and not (t.dep_ == "mark" and t.head.i == clause.i)]
    if not tokens:
        return None
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t.text) for t in tokens)
    text = text_of(clause.doc)
    while lo < hi and text[lo] in ",;: ":
        lo += 1
    while hi > lo and text[hi - 1] in ".,;: ":
        hi -= 1
    return lo, hi


def _qualified_clause(according: Token) -> tuple[int, int] | None:
    """The clause "according to X" qualifies, without the phrase itself."""
    head = according.head
    if head.i == according.i or head.pos_ not in ("VERB", "AUX"):
        return None
    return _clause_span(head, skip=according)
