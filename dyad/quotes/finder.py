"""Quotations of one document: spans in marks with their cue and speaker, partial quotations
inside reported speech, and indirect quotations ("X said that ...", "according to X, ...").

``find_quotes`` reads the Doc and the actor index and returns plain ``Quote`` records.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors.index import ActorIndex
from ..document import Quote
from ..lexicons import Cue, load_reporting_verbs
from ..sentences import text_of
from ..datelines import in_dateline
from .attribution import (NAMING_VERBS, adjacent, signed_by, attribute, attribution_window, nearest_person_before, previous_sentence_end,
                          reporting_sentences)
from .complements import MIN_WORDS, clause_span, complement_spans, coordinated_act
from . import learned
from .cues import find_cues
from .mentions import is_title
from .marks import find_quote_spans, is_headline, is_partial, merge_split

PARTIAL_SCARE_WORDS = 2
from .sources import SpeakerBook
from .speakers import is_person, noun_phrase, speaker_token

def find_quotes(doc: Doc, index: ActorIndex) -> tuple[list[Quote], list[str]]:
    quotes, warnings, _ = find_quotes_and_speakers(doc, index)
    return quotes, warnings


def find_quotes_and_speakers(doc: Doc, index: ActorIndex) -> tuple[list[Quote], list[str], ActorIndex]:
    """Quotes, warnings, and the actor index with what the speakers add to it: a speaker
    phrase resolved to a known actor becomes one of its mentions ("the former senator said"),
    a document or unnamed group that speaks becomes a GROUP actor ("the ruling said")."""
    book = SpeakerBook(index)
    quotes, warnings = _find_quotes(doc, index, book)
    return quotes, warnings, book.final_index(doc)


def _find_quotes(doc: Doc, index: ActorIndex, book: SpeakerBook) -> tuple[list[Quote], list[str]]:
    text = text_of(doc)
    verbs = load_reporting_verbs()
    spans, warnings = find_quote_spans(text)
    spans = merge_split(spans, text)
    cues = find_cues(doc, verbs, spans)
    reporters: dict[int, tuple[str, str]] | None = None  # computed on first need
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_end = -1
    for qs in spans:
        content = " ".join(text[a:b].strip() for a, b in qs.pieces)
        words = len(content.split())
        if is_title(doc, text, qs):
            continue  # the name of a show, a film or a document in marks is nobody's words
        kind = "partial" if is_partial(text, qs, words) else "direct"
        window = attribution_window(doc, qs, cues)
        cue_text, who = attribute(doc, qs, window, cues, spans, index, verbs, words)
        if who is None:
            who = signed_by(doc, qs, index)
        speaker = book.resolve(who)
        speaker_text = noun_phrase(who) if who is not None else None
        if cue_text is None and kind == "direct" and previous is not None and previous.speaker is not None \
                and speaker is None and adjacent(text, previous_end, window[0]):
            # no reporting verb of its own right after another quotation: it runs on
            speaker, speaker_text = previous.speaker, previous.speaker_text
        elif cue_text is None and kind == "direct" and speaker is None \
                and not text[window[0]:qs.start].strip(" \n\t\"“”'’"):
            # right after a sentence that reports someone's words ("…, he told reporters.")
            if reporters is None:
                reporters = reporting_sentences(doc, cues, spans, index)
            speaker, speaker_text = reporters.get(previous_sentence_end(doc, text, window[0]), (None, None))
        if kind == "partial" and words <= 2 and cue_text is None and not is_person(speaker, index):
            speaker = speaker_text = None  # scare quotes are attributed only when a speaker is stated
        if kind == "direct" and cue_text is None and speaker is None and is_headline(text, qs):
            continue  # a headline or title in marks, alone in its paragraph, is nobody's words
        quote = Quote(id=f"q{len(quotes) + 1}", text=content, start=qs.start, end=qs.end, kind=kind,
                      cue=cue_text, speaker=speaker, speaker_text=speaker_text)
        quotes.append(quote)
        if kind == "direct":
            previous, previous_end = quote, window[1]
    indirect = indirect_quotes(doc, index, cues, quotes, len(quotes), book)
    indirect += learned_quotes(doc, index, spans, quotes + indirect, book)
    thoughts = _thought_spans(cues)
    found = [q for q in _partials_in_reported_speech(doc, quotes, indirect, cues) if not _marks_in_a_thought(q, thoughts)]
    return [replace(q, id=f"q{n}") for n, q in enumerate(found, start=1)], warnings


def _thought_spans(cues) -> list[tuple[int, int]]:
    """Characters of the clauses verbs of thinking take ("X believes that CLAUSE")."""
    return [span for tok, cue in cues if cue.kind == "cognition"
            for child in tok.children if child.dep_ == "ccomp" for span in [clause_span(child)] if span]


def _marks_in_a_thought(quote: Quote, thoughts: list[tuple[int, int]]) -> bool:
    """One or two quoted words inside what someone thinks, with no one said to have said them
    ("X thinks cats are “cuties”"), are the writer's marks, not a quotation."""
    if quote.kind != "partial" or len(quote.text.split()) > PARTIAL_SCARE_WORDS or quote.speaker or quote.cue:
        return False
    return any(lo <= quote.start < hi for lo, hi in thoughts)


def _partials_in_reported_speech(doc: Doc, quotes: list[Quote], indirect: list[Quote], cues) -> list[Quote]:
    """A term quoted inside someone's reported speech ("He pointed out that their cooperation is
    “not a new idea.”") is part of that one attribution: one ``partial`` quotation whose text
    is the quoted words and whose span is the whole reported clause, not a partial and an
    indirect quotation of the same words. Quoted words with a verb of their own that the
    paraphrase goes on after ("said the group “did not harm anyone” and was ready to talk") are
    a statement of their own and stay apart, with the reported clause's speaker; so are words a
    verb of naming inside the clause gives an act of their own ("and called the report “a
    lie”"), and words a verb of saying inside it gives to someone else ("She said X had called
    it “a disaster”")."""
    hosts: dict[int, list[Quote]] = {}
    out: list[Quote] = []
    for quote in quotes:
        if quote.kind == "partial":
            host = next((n for n, r in enumerate(indirect) if r.start <= quote.start and quote.end <= r.end + 2
                         and (r.speaker is not None or quote.speaker is None)), None)
            if host is not None and not any(indirect[host].start <= tok.idx < indirect[host].end for tok, _ in cues):
                if not _named_inside(doc, indirect[host], quote) and (quote.end >= indirect[host].end - 2 or not _has_verb(doc, quote)):
                    hosts.setdefault(host, []).append(quote)
                    continue
                quote = replace(quote, speaker=indirect[host].speaker, speaker_text=indirect[host].speaker_text,
                                cue=indirect[host].cue)
        out.append(quote)
    merged = [replace(r, kind="partial", text=" ".join(q.text for q in hosts[n]), end=max([r.end] + [q.end for q in hosts[n]]))
              if n in hosts else r for n, r in enumerate(indirect)]
    return out + merged


def _named_inside(doc: Doc, host: Quote, quote: Quote) -> bool:
    """A verb of naming inside the reported clause, before the quoted words, gives them their own
    act ("said its troops held fire and called the report “a lie”")."""
    words = doc.char_span(host.start, quote.start, alignment_mode="contract")
    return words is not None and any(tok.pos_ == "VERB" and tok.lemma_.lower() in NAMING_VERBS for tok in words)


def _has_verb(doc: Doc, quote: Quote) -> bool:
    words = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return words is not None and any(tok.pos_ in ("VERB", "AUX") for tok in words)


def indirect_quotes(doc: Doc, index: ActorIndex, cues, direct: list[Quote], offset: int,
                    book: SpeakerBook | None = None) -> list[Quote]:
    """Reported speech: the clause a reporting verb takes ("X said (that) CLAUSE") and the clause
    an "according to X" phrase qualifies ("According to X, CLAUSE" / "CLAUSE, according to X")."""
    verbs = load_reporting_verbs()
    out: list[Quote] = []
    covered = [(q.start, q.end) for q in direct]
    for cue_tok, cue in cues:
        if cue.kind in ("quotation", "cognition") or any(s - 1 <= cue_tok.idx < e + 1 for s, e in covered):
            continue
        if cue.kind == "source":
            clause = _qualified_clause(cue_tok)
            found = [(clause, speaker_token(cue_tok, cue))] if clause is not None else []
        else:
            found = [(clause_span(child, skip=coordinated_act(child, verbs)), speaker_token(cue_tok, cue))
                     for child in cue_tok.children if child.dep_ == "ccomp"]
            found = found or [(span, speaker_token(cue_tok, cue)) for span in complement_spans(cue_tok, cue)]
        # a dateline taken for the subject ("WASHINGTON (AP) — President Ana Ruiz said that ...")
        found = [(span, nearest_person_before(cue_tok, index, []) if who is not None and in_dateline(text_of(doc), who.idx) else who)
                 for span, who in found]
        for span, who in found:
            if span is None:
                continue
            lo, hi = span
            inside = sum(max(0, min(hi, e) - max(lo, s)) for s, e in covered)
            if inside > (hi - lo) / 2 or lo < cue_tok.idx < hi:
                continue
            body = text_of(doc)[lo:hi]
            if len(body.split()) < MIN_WORDS:
                continue
            speaker = (book or SpeakerBook(index)).resolve(who)
            out.append(Quote(
                id=f"q{offset + len(out) + 1}", text=body, start=lo, end=hi, kind="indirect",
                cue=cue_tok.text if not cue.particle else f"{cue_tok.text} {cue.particle}",
                speaker=speaker,
                speaker_text=noun_phrase(who) if who is not None else None,
            ))
    return out


def learned_quotes(doc: Doc, index: ActorIndex, spans, found: list[Quote], book: SpeakerBook) -> list[Quote]:
    """Attributions the learned layer finds beyond the reporting verbs ("urged his supporters to
    watch the polls", "the poll shows Clinton ahead"), most likely first, each kept when its cue
    and content lie outside every quotation already found (an attribution is never nested in
    another) and its content is not mostly one already found."""
    taken = [(q.start, q.end) for q in found]
    out: list[Quote] = []
    verbs = load_reporting_verbs()
    for candidate, _ in sorted(learned.attributions(doc, spans), key=lambda cp: -cp[1]):
        if any(cue.kind in ("cognition", "quotation") for cue in verbs.get(candidate.tok.lemma_.lower(), ())):
            continue  # a thought is not a quotation, nor is "continued"
        lo, hi = candidate.span
        cue_at = candidate.tok.idx
        if any(s <= cue_at < e or min(hi, e) - max(lo, s) > min(hi - lo, e - s) / 2 for s, e in taken):
            continue
        who = speaker_token(candidate.tok, SAYING)
        if who is not None and (lo <= who.idx < hi or in_dateline(text_of(doc), who.idx)):
            who = None
        taken.append((lo, hi))
        out.append(Quote(id="", text=text_of(doc)[lo:hi], start=lo, end=hi, kind="indirect", cue=candidate.tok.text,
                         speaker=book.resolve(who), speaker_text=noun_phrase(who) if who is not None else None))
    return out


SAYING = Cue("", "", "speech")


def _qualified_clause(according: Token) -> tuple[int, int] | None:
    """The clause "according to X" qualifies, without the phrase itself."""
    head = according.head
    # the parser often hangs the phrase on a noun of the clause ("won by 46 percent to 42
    # percent, according to the poll"): the clause is the one that noun belongs to
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.i == according.i or head.pos_ not in ("VERB", "AUX"):
        return None
    return clause_span(head, skip=according)
