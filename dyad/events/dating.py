"""When an event happened: a date expression on its words or in its sentence, the narrative's
reference time for an undated past act, else the report's own date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..document import Event
from ..sentences import entities, entities_between, sentence_of, sentences, text_of
from .dates import ResolvedDate, resolve_date

def date_for(tok: Token, sent: Span, published: dt.date | None, target: Token | None = None, future: bool = False):
    """The date expression of an event: one attached to its target ("met X in Damascus in
    2010 and Y in Doha in 2015"), else one in the trigger's subtree, else the sentence's only date."""
    subtree = set(t.i for t in tok.subtree)
    dates = [ent for ent in entities_between(sent.doc, sent.start, sent.end) if ent.label_ == "DATE"]
    dates = [ent for ent in dates if not _modifies_argument(ent, tok)]
    near_target = []
    if target is not None:
        target_tree = set(t.i for t in target.subtree)
        near_target = [ent for ent in dates if ent.root.i in target_tree]
    preferred = [ent for ent in dates if ent.root.i in subtree and not _belongs_to_other_event(ent, tok)]
    if not near_target and target is not None and len(preferred) > 1:
        # "met X in Damascus in 2010 and Y in Doha in 2015", with the years hung on the verb:
        # each argument takes the date nearest to it
        preferred = sorted(preferred, key=lambda ent: min(abs(ent.start - target.i), abs(ent.end - 1 - target.i)))
    clause_level = near_target or preferred
    choices = clause_level or (dates if len(dates) == 1 else [])
    for ent in choices:
        resolved = resolve_date(ent.text, published, future=future) or _anaphoric_year(ent)
        if resolved and (clause_level or not _long_before(resolved, published)):
            return ent.text, resolved
    return None, None


_THAT_YEAR = re.compile(r"^(?:in\s+)?(?:that|the same)\s+year$", re.I)


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _anaphoric_year(ent: Span) -> ResolvedDate | None:
    """"that year" is the year last named before it, in the same or the previous sentence
    ("won the 1998 vote ... visited Paris that year")."""
    if not _THAT_YEAR.match(ent.text.strip()):
        return None
    sent = sentence_of(ent.root)
    start = sent.start
    if start > 0:
        start = sentence_of(ent.doc[start - 1]).start
    years = _YEAR.findall(ent.doc[start:ent.start].text)
    return ResolvedDate(years[-1], "year") if years else None


def _modifies_argument(ent: Span, tok: Token) -> bool:
    """A date that modifies one of the event's nouns dates that thing, not the event: "condemned
    the 2014 annexation", "last year's vote", "cited Marbury v. Madison (1803)". The event's own
    noun ("the 2014 annexation" as the trigger) keeps its date, and a date in a phrase of its own
    ("met X in Doha in 2015") is the event's."""
    root = ent.root
    head = root.head
    if head.i == tok.i or head.i == root.i or head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("DATE", "TIME"):
        return False  # ("on Tuesday evening": the noun is a time itself)
    if root.dep_ in ("nummod", "compound", "amod", "poss") and root.i < head.i:  # "the 2014 annexation"
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.text == "(" and head.pos_ == "PROPN"  # a case or law cited with its year


DECADES = 20  # years: a date this long before publication needs the event's own clause


def _long_before(resolved: ResolvedDate, published: dt.date | None) -> bool:
    return published is not None and int(resolved.value[:4]) <= published.year - DECADES


def _belongs_to_other_event(ent: Span, tok: Token) -> bool:
    # a date inside a relative clause or a nested noun belongs to that clause
    node = ent.root
    while node.i != tok.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "ccomp"):
            return True
        node = node.head
    return False


def report_dates(events: list[Event], published: dt.date | None) -> list[Event]:
    """An event with no date in its clause, sentence or episode is dated by the report
    itself, with granularity ``report`` so analysts can tell it from a stated date."""
    if published is None:
        return events
    return [event if event.date is not None else replace(
        event, date=published.isoformat(), date_granularity="report", date_source="report") for event in events]


def inherit_dates(doc: Doc, events: list[Event], published: dt.date | None) -> list[Event]:
    """Narrative reference time: a past-tense event reported without a date of its own
    happened on the last day named in the same or the previous paragraph, by a dated event
    or by any date expression ("Troops shelled the town ..." after "Thousands marched through
    the capital on Monday ..."). Marked ``date_source="context"`` so analysts can keep or drop it."""
    text = text_of(doc)
    anchors: list[tuple[int, ResolvedDate, str]] = []  # (offset, date, text) of the article's past dates
    for ent in entities(doc):
        if ent.label_ != "DATE":
            continue
        resolved = resolve_date(ent.text, published) or _anaphoric_year(ent)
        if resolved is not None and (published is None or resolved.value <= published.isoformat()):
            anchors.append((ent.start_char, resolved, ent.text))
    out: list[Event] = []
    for event in events:
        paragraph = text.count("\n\n", 0, event.trigger.start)
        if (event.date is None and event.realis in ("asserted", "negated") and _past(doc, event)
                and not any(ent.label_ == "DATE" for ent in _sentence_entities(doc, event))):
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


def _sentence_entities(doc: Doc, event: Event) -> list[Span]:
    sent = sentences(doc)[event.sentence]
    return entities_between(doc, sent.start, sent.end)


def _past(doc: Doc, event: Event) -> bool:
    tok = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if tok is None:
        return False
    tok = tok.root
    if tok.pos_ == "NOUN":
        tok = tok.head if tok.head.pos_ == "VERB" else tok
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and bool(aux & {"was", "were", "had"}))
