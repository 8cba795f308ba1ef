"""Why a gold event was missed, or a predicted one was wrong: one cause for each false negative
and each false positive of the gold scorer (``scorer.match_events``), read from a trace of the
events stage on the same text.

The trace (``trace_events``) reruns the candidate steps of ``dyad.events.coder.find_events`` and
keeps what each step dropped, so a gold event that never became an event can be told apart:
no trigger for its words, a trigger the candidate filters dropped (a state, an object of another
act, a repeated line), a candidate the rules or the learned layer dropped (no source, no target,
restated), or an event that came out with another root, source or target. A false positive is
told apart by where it stands: on a gold event's words (another root or pair, an extra pair),
on a state or possession, a topic noun, an unrealised act, a statement, or nowhere near any
gold event.

The cause names are fixed strings (``FN_CAUSES``, ``FP_CAUSES``) so that tables before and after
a change compare; ``tools/event_misses.py`` prints the table over gold files.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..actors.index import ActorIndex
from ..document import Document, Event
from ..events.candidates import Candidate, EventContext, find_candidates
from ..events.coder import PASSES, _coded, _rescued
from ..events.learned import score_candidates
from ..events.triggers import choose_pattern, pos_key
from ..lexicons import word_class
from ..sentences import sentences

FN_CAUSES = (
    "trigger words not in text",
    "gold one-sided (dyadic run)",
    "no trigger on the gold words",
    "trigger pattern unmet (particle/object)",
    "trigger filtered: state/possession",
    "trigger filtered: carried by another event",
    "trigger filtered: furniture/date",
    "dropped by the learned layer",
    "dropped: restated/superseded",
    "dropped: no source",
    "dropped: no target",
    "dropped: no source nor target",
    "dropped: active verb lost its subject",
    "dropped: statement with no target",
    "dropped: other",
    "wrong code root",
    "right code, wrong source",
    "right code, wrong target",
    "right code, sides swapped",
    "right code, wrong source and target",
    "right event, taken by another gold event",
)
FP_CAUSES = (
    "on a gold trigger: wrong root",
    "on a gold trigger: wrong source",
    "on a gold trigger: wrong target",
    "on a gold trigger: wrong pair",
    "on a gold trigger: extra pair (gold matched)",
    "state or possession",
    "topic noun (no event verb)",
    "unrealised (negated/hypothetical)",
    "statement (01) not annotated",
    "no gold event there",
)

STATE_VERBS = word_class("state_verbs")
COPULAS = frozenset({"be", "become", "remain"})


@dataclass(frozen=True)
class EventTrace:
    """What each step of the events stage did with the words of one parsed text."""

    doc: Doc
    lexicon_hits: frozenset[int]  # tokens whose lemma the lexicon has a row for
    pattern_hits: frozenset[int]  # ... and one of whose rows' conditions hold
    furniture: frozenset[int]  # tokens of sentences dropped as page furniture or dates
    found: tuple[Candidate, ...]  # find_candidates
    refined: tuple[Candidate, ...]  # after the rule passes
    scored: tuple[Candidate, ...]  # kept by the learned layer
    coded: tuple[Candidate, ...]  # those that become events


def trace_events(doc: Doc, index: ActorIndex, lexicon, *, monadic: bool = False) -> EventTrace:
    """``find_events``'s candidate steps on ``doc``, each step's survivors kept."""
    context = EventContext(
        index=index, lexicon=lexicon, actors_by_id={a.id: a for a in index.actors},
        countries=frozenset(a.country for a in index.actors if a.kind == "COUNTRY" and a.country),
    )
    lexicon_hits, pattern_hits, dated = set(), set(), set()
    for tok in doc:
        pos = pos_key(tok)
        patterns = lexicon.get((tok.lemma_.lower(), pos)) if pos else None
        if not patterns:
            continue
        lexicon_hits.add(tok.i)
        if tok.ent_type_ in ("DATE", "TIME"):
            dated.add(tok.i)
        elif choose_pattern(tok, patterns, index) is not None:
            pattern_hits.add(tok.i)
    found = find_candidates(doc, index, lexicon)
    refined = found
    for refine in PASSES:
        refined = refine(refined, context)
    scored, scores = score_candidates(refined, context)
    coded = tuple(_coded(scored, index, monadic, rescued=_rescued(scored, scores, monadic)))
    furniture = set(dated)
    found_sents = {c.sent_i for c in found}
    for n, sent in enumerate(sentences(doc)):
        if n not in found_sents and any(t.i in pattern_hits for t in sent) and _all_furniture(sent, found):
            furniture |= {t.i for t in sent}
    return EventTrace(doc, frozenset(lexicon_hits), frozenset(pattern_hits), frozenset(furniture),
                      found, refined, scored, coded)


def _all_furniture(sent, found: tuple[Candidate, ...]) -> bool:
    # a sentence with trigger words but no candidate at all: find_candidates skipped it whole
    return not any(sent.start <= c.tok.i < sent.end for c in found)


@dataclass
class Miss:
    kind: str  # "fn" or "fp"
    cause: str
    file: str
    trigger: str
    sentence: str
    detail: str = ""
    in_quote: bool = False


@dataclass
class MissTable:
    misses: list[Miss] = field(default_factory=list)

    def counts(self, kind: str) -> dict[str, int]:
        names = FN_CAUSES if kind == "fn" else FP_CAUSES
        out = {name: 0 for name in names}
        for miss in self.misses:
            if miss.kind == kind:
                out[miss.cause] = out.get(miss.cause, 0) + 1
        return out

    def quoted(self, kind: str) -> int:
        return sum(1 for m in self.misses if m.kind == kind and m.in_quote)


# ---------------------------------------------------------------- locating a gold trigger

def trigger_spans(text: str, trigger: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of the gold trigger (case-insensitive when it is not found as
    written); a trigger of several words not found whole is looked for by its first word."""
    if not trigger:
        return []
    for flags in (0, re.IGNORECASE):
        found = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(trigger)}(?!\w)", text, flags)]
        if found:
            return found
    first = trigger.split()[0]
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(first)}(?!\w)", text, re.IGNORECASE)]


def _tokens_in(doc: Doc, span: tuple[int, int]) -> list[int]:
    return [t.i for t in doc if t.idx < span[1] and span[0] < t.idx + len(t.text) and not t.is_punct]


def _event_spans(event: Event) -> list[tuple[int, int]]:
    return [(event.trigger.start, event.trigger.end)] + [(m.start, m.end) for m in event.mentions]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------- causes

def fn_cause(gold_event: dict, events_there: list[tuple[str | None, str | None, str]], trace: EventTrace,
             tokens: list[int]) -> tuple[str, str]:
    """The cause of a missed gold event and a detail, from the events dyad coded on its words
    (as gold-aligned ``(source, target, root)``) and the trace of the stage on those words."""
    want = (gold_event.get("source"), gold_event.get("target"), str(gold_event.get("root") or "")[:2])
    if events_there:
        same_root = [e for e in events_there if e[2] == want[2]]
        if not same_root:
            return "wrong code root", "dyad " + ",".join(sorted({e[2] for e in events_there})) + f" gold {want[2]}"
        best = max(same_root, key=lambda e: (e[0] == want[0]) + (e[1] == want[1]))
        detail = f"dyad {best[0]} -> {best[1]}"
        if best[:2] == want[:2]:
            return "right event, taken by another gold event", detail  # merged tellings, or a gold duplicate
        if best[0] == want[1] and best[1] == want[0]:
            return "right code, sides swapped", detail
        if best[0] != want[0] and best[1] != want[1]:
            return "right code, wrong source and target", detail
        return ("right code, wrong source" if best[0] != want[0] else "right code, wrong target"), detail
    return _dropped_cause(trace, tokens)


def _dropped_cause(trace: EventTrace, tokens: list[int]) -> tuple[str, str]:
    at = set(tokens)
    words = " ".join(trace.doc[i].lemma_.lower() for i in tokens)

    def here(cands: Iterable[Candidate]) -> list[Candidate]:
        return [c for c in cands if c.tok.i in at or c.trigger.i in at]

    def sides(c: Candidate) -> str:
        def one(args) -> str:
            return ",".join(f"{a.token.text if a.token is not None else '-'}={a.actor or '?'}" for a in args) or "-"
        return f"{c.cameo} src[{one(c.sources)}] tgt[{one(c.targets)}]"

    coded = here(trace.coded)
    if coded:
        return "dropped: other", f"coded {coded[0].cameo} but no event (same actor on both sides?)"
    scored = here(trace.scored)
    if scored:
        c = scored[0]
        superseded = {x.trigger.i for x in trace.scored if x.trigger.i != x.tok.i}
        if c.restated or c.tok.i in superseded:
            return "dropped: restated/superseded", sides(c)
        if c.pattern.pos == "VERB" and not c.has_source and c.has_target:
            return "dropped: active verb lost its subject" if not _passive(c) else "dropped: no source", sides(c)
        if c.cameo.startswith("01"):
            return "dropped: statement with no target", sides(c)
        if not c.has_source and not c.has_target:
            return "dropped: no source nor target", sides(c)
        if not c.has_source:
            return "dropped: no source", sides(c)
        if not c.has_target:
            return "dropped: no target", sides(c)
        return "dropped: other", sides(c)
    if here(trace.refined):
        return "dropped by the learned layer", here(trace.refined)[0].cameo
    if here(trace.found):
        return "dropped: other", "lost in a rule pass"
    if at & trace.furniture:
        return "trigger filtered: furniture/date", words
    hits = [i for i in tokens if i in trace.pattern_hits]
    if hits:
        tok = trace.doc[hits[0]]
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in STATE_VERBS:
            return "trigger filtered: state/possession", f"{tok.head.lemma_} {tok.lemma_}"
        return "trigger filtered: carried by another event", f"{tok.lemma_} under {tok.head.lemma_}"
    if at & trace.lexicon_hits:
        return "trigger pattern unmet (particle/object)", words
    return "no trigger on the gold words", words


def _passive(candidate: Candidate) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in candidate.tok.children)


def fp_cause(event: Event, key: tuple, gold_here: list[tuple[dict, bool]], doc: Doc | None) -> tuple[str, str]:
    """The cause of a predicted event no gold event matched. ``gold_here``: the gold events whose
    trigger words it stands on, each with whether another prediction matched it."""
    if gold_here:
        unmatched = [g for g, matched in gold_here if not matched]
        if not unmatched:
            return "on a gold trigger: extra pair (gold matched)", f"{key[0]} -> {key[1]} {key[2]}"
        g = unmatched[0]
        if str(g.get("root"))[:2] != key[2]:
            return "on a gold trigger: wrong root", f"dyad {key[2]} gold {g.get('root')}"
        src_ok, tgt_ok = g.get("source") == key[0], g.get("target") == key[1]
        cause = ("on a gold trigger: wrong target" if src_ok else "on a gold trigger: wrong source" if tgt_ok
                 else "on a gold trigger: wrong pair")
        return cause, f"dyad {key[0]} -> {key[1]}, gold {g.get('source')} -> {g.get('target')}"
    if doc is not None:
        tok = next((t for t in doc if t.idx == event.trigger.start), None)
        if tok is not None and _a_state(tok):
            return "state or possession", f"{tok.head.lemma_} {tok.lemma_}"
        if tok is not None and tok.pos_ in ("NOUN", "PROPN") and _topic_noun(tok, event):
            return "topic noun (no event verb)", f"{tok.lemma_} ({tok.dep_} of {tok.head.lemma_})"
    if event.realis in ("negated", "hypothetical"):
        return "unrealised (negated/hypothetical)", event.realis
    if event.root == "01":
        return "statement (01) not annotated", event.cameo
    return "no gold event there", event.cameo


def _a_state(tok) -> bool:
    """The trigger, or the verb carrying it, is one of possession or lasting state, or a copula."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    while verb.dep_ in ("pobj", "prep") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() in STATE_VERBS or (tok.pos_ == "NOUN" and verb.lemma_.lower() in COPULAS)


def _topic_noun(tok, event: Event) -> bool:
    """A noun trigger that no verb carries and that has no mention besides itself."""
    return len(event.mentions) <= 1 and tok.dep_ in ("pobj", "compound", "conj", "appos", "npadvmod", "nsubj", "ROOT")


# ---------------------------------------------------------------- one document

def classify(document: Document, gold: dict, trace: EventTrace | None, file: str = "", *,
             monadic: bool = False) -> list[Miss]:
    """One ``Miss`` per false negative and false positive of ``scorer.match_events``; a gold
    event with a null side is its own cause when the run kept dyads only (``monadic`` false)."""
    from .scorer import _align_actors, match_events

    mapping = _align_actors(document, gold["actors"])
    predicted = [(mapping.get(e.source), mapping.get(e.target), e.root) for e in document.events]
    used, fns, fps = match_events(predicted, gold["events"])
    matched_gold = {g for g, _ in used}
    text = document.text
    quote_spans = [(q.start, q.end) for q in document.quotes]
    names = {a.id: f"{a.name}? ({a.kind})" for a in document.actors}  # actors the gold does not list
    sent_spans = [(s.start, s.end) for s in document.sentences]
    gold_spans = {n: trigger_spans(text, g.get("trigger") or "") for n, g in enumerate(gold["events"])}
    out: list[Miss] = []
    for n in fns:
        g = gold["events"][n]
        spans = gold_spans[n]
        if not spans:
            out.append(Miss("fn", "trigger words not in text", file, g.get("trigger") or "", "", ""))
            continue
        if not monadic and not (g.get("source") and g.get("target")):
            span = spans[0]
            out.append(Miss("fn", "gold one-sided (dyadic run)", file, g.get("trigger") or "",
                            _sentence_at(text, sent_spans, span[0]), f"{g.get('source')} -> {g.get('target')}",
                            any(_overlaps(span, q) for q in quote_spans)))
            continue
        options = []
        for span in spans:
            there = [predicted[i] for i, e in enumerate(document.events)
                     if any(_overlaps(span, s) for s in _event_spans(e))]
            tokens = _tokens_in(trace.doc, span) if trace is not None else []
            cause, detail = fn_cause(g, there, trace, tokens) if trace is not None or there else ("no trigger on the gold words", "")
            options.append((FN_CAUSES.index(cause), span, cause, detail))
        _, span, cause, detail = max(options)  # the occurrence where dyad came closest
        out.append(Miss("fn", cause, file, g.get("trigger") or "", _sentence_at(text, sent_spans, span[0]),
                        f"{g.get('source')} -> {g.get('target')} {g.get('cameo') or g.get('root')}: {detail}",
                        any(_overlaps(span, q) for q in quote_spans)))
    for i in fps:
        event = document.events[i]
        span = (event.trigger.start, event.trigger.end)
        here = [(gold["events"][n], n in matched_gold) for n, spans in gold_spans.items()
                if any(_overlaps(s, es) for s in spans for es in _event_spans(event))]
        cause, detail = fp_cause(event, predicted[i], here, trace.doc if trace is not None else None)
        out.append(Miss("fp", cause, file, event.trigger.text, _sentence_at(text, sent_spans, span[0]),
                        f"{event.cameo} {predicted[i][0] or names.get(event.source)} -> "
                        f"{predicted[i][1] or names.get(event.target)}: {detail}",
                        any(_overlaps(span, q) for q in quote_spans)))
    return out


def _sentence_at(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    span = next((s for s in spans if s[0] <= offset < s[1]), None)
    return " ".join(text[span[0]:span[1]].split()) if span else ""


# ---------------------------------------------------------------- gold files

def trace_article(pipeline, text: str, published: str | None, title: str | None = None) -> tuple[Document, EventTrace]:
    """The pipeline's Document for ``text`` and a trace of its events stage (the text parsed
    again and the stages before events rerun as ``Pipeline._stages`` runs them)."""
    from ..actors.coref import speaker_pronouns
    from ..actors.mentions import find_mentions
    from ..actors.resolve import resolve_actors
    from ..events.dates import parse_published
    from ..quotes.finder import find_quotes_and_speakers

    document = pipeline.extract(text, published=published, title=title)
    doc = pipeline.nlp(document.text)
    index = resolve_actors(doc, find_mentions(doc, pipeline.kb, pipeline.nlp), pipeline.kb, parse_published(published))
    quotes, _, index = find_quotes_and_speakers(doc, index)
    index = index.with_mentions(doc, speaker_pronouns(doc, index, quotes))
    return document, trace_events(doc, index, pipeline.lexicon, monadic=pipeline.monadic)


def classify_gold(root, pipeline, numbers: range | None = None) -> MissTable:
    """Every false negative and false positive over the gold files under ``root``."""
    from .scorer import gold_files, load_gold

    table = MissTable()
    for path in gold_files(root):
        if numbers is not None and not (path.name[:2].isdigit() and int(path.name[:2]) in numbers):
            continue
        gold = load_gold(path)
        document, trace = trace_article(pipeline, gold["text"], str(gold.get("published") or "") or None, gold.get("title"))
        table.misses += classify(document, gold, trace, path.stem, monadic=pipeline.monadic)
    return table
