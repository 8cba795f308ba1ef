"""The annotated article: HTML built from character offsets, every text segment escaped.

``annotate`` is pure (a Document dict in, markup and records out), so it is
what the tests exercise; the templates only place its output.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
KIND_ORDER = {"quote": 0, "actor": 1, "event": 2}  # outer to inner, for class order only


@dataclass(frozen=True, slots=True)
class Annotated:
    html: Markup              # the text with <span class="hl ..."> highlights
    records: dict[str, dict]  # "event:e1" -> {"kind", "title", "fields": [[label, value], ...]}


def annotate(doc: dict[str, Any], *, link_actors: bool = False) -> Annotated:
    text = doc["text"]
    spans = _spans(doc, len(text))
    return Annotated(html=_markup(text, spans), records=records(doc, link_actors=link_actors))


def _spans(doc: dict[str, Any], length: int) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, css) per highlight, clipped to the text; empty or inverted spans dropped."""
    out = []

    def add(start: Any, end: Any, ref: str, css: str) -> None:
        if isinstance(start, int) and isinstance(end, int):
            start, end = max(0, start), min(length, end)
            if start < end:
                out.append((start, end, ref, css))

    for quote in doc.get("quotes", []):
        add(quote["start"], quote["end"], f"quote:{quote['id']}", "hl-quote")
    for actor in doc.get("actors", []):
        for mention in actor.get("mentions", []):
            add(mention["start"], mention["end"], f"actor:{actor['id']}", "hl-actor")
    for event in doc.get("events", []):
        quad = event.get("quad_class")
        add(event["trigger"]["start"], event["trigger"]["end"], f"event:{event['id']}",
            f"hl-event hl-q{quad}" if quad in QUAD_CLASSES else "hl-event")
    return out


def _markup(text: str, spans: list[tuple[int, int, str, str]]) -> Markup:
    """Cut the text at every span boundary; each piece is escaped and wrapped in the spans covering it."""
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, (start, end, _, _) in enumerate(spans):
        opening.setdefault(start, []).append(i)
        closing.setdefault(end, []).append(i)
    bounds = sorted({0, len(text), *opening, *closing})
    active: set[int] = set()
    parts: list[str] = []
    for left, right in zip(bounds, bounds[1:]):
        active.difference_update(closing.get(left, ()))
        active.update(opening.get(left, ()))
        piece = escape(text[left:right])
        if not active:
            parts.append(piece)
            continue
        covering = sorted(active, key=lambda i: (KIND_ORDER[spans[i][2].split(":", 1)[0]], spans[i][0], i))
        classes = " ".join(dict.fromkeys(["hl"] + [c for i in covering for c in spans[i][3].split()]))
        refs = " ".join(dict.fromkeys(spans[i][2] for i in covering))
        parts.append(f'<span class="{escape(classes)}" data-refs="{escape(refs)}" tabindex="0">{piece}</span>')
    return Markup("".join(parts))


def records(doc: dict[str, Any], *, link_actors: bool = False) -> dict[str, dict]:
    """What the detail panel shows for each highlight, as label/value pairs of plain text."""
    names = {a["id"]: a["name"] for a in doc.get("actors", [])}
    sentences = doc.get("sentences", [])
    text = doc["text"]
    out: dict[str, dict] = {}
    for actor in doc.get("actors", []):
        roles = [", ".join(filter(None, [r.get("title"), names.get(r.get("organization")),
                                        None if r.get("status") == "current" else r.get("status")]))
                 for r in actor.get("roles", [])]
        record = {"kind": "actor", "title": actor["name"], "fields": _fields([
            ("kind", actor.get("kind")), ("code", actor.get("code")), ("country", actor.get("country")),
            ("sector", actor.get("sector")), ("roles", "; ".join(roles)),
            ("affiliations", ", ".join(names.get(x, x) for x in actor.get("affiliations", []))),
            ("members", ", ".join(names.get(x, x) for x in actor.get("members", []))),
            ("mentions", len(actor.get("mentions", []))),
        ])}
        if link_actors and actor.get("corpus_id"):
            record["href"] = f"/actors/{actor['corpus_id']}"
        out[f"actor:{actor['id']}"] = record
    for event in doc.get("events", []):
        place = event.get("place") or {}
        sentence = event.get("sentence")
        evidence = None
        if isinstance(sentence, int) and 0 <= sentence < len(sentences):
            evidence = text[sentences[sentence]["start"]:sentences[sentence]["end"]]
        date = event.get("date")
        if date and event.get("date_text"):
            date = f"{date} (\u201c{event['date_text']}\u201d, {event.get('date_source') or 'resolved'})"
        out[f"event:{event['id']}"] = {"kind": "event", "title": f"{event.get('label')} ({event.get('cameo')})", "fields": _fields([
            ("source", names.get(event.get("source"), "-")), ("trigger", event["trigger"]["text"]),
            ("target", names.get(event.get("target"), "-")), ("CAMEO", event.get("cameo")),
            ("PLOVER", event.get("plover")), ("QuadClass", _quad(event.get("quad_class"))),
            ("Goldstein", event.get("goldstein")), ("realis", event.get("realis")), ("date", date),
            ("place", ", ".join(str(p) for p in (place.get("name"), place.get("country")) if p)),
            ("speaker", names.get(event.get("speaker"))), ("confidence", event.get("confidence")),
            ("reciprocal", "yes" if event.get("reciprocal") else None), ("evidence", evidence),
        ])}
    for quote in doc.get("quotes", []):
        speaker = names.get(quote.get("speaker")) or quote.get("speaker_text")
        out[f"quote:{quote['id']}"] = {"kind": "quote", "title": f"{quote.get('kind')} quotation", "fields": _fields([
            ("speaker", speaker), ("cue", quote.get("cue")), ("text", quote.get("text")),
        ])}
    return out


def _quad(quad: Any) -> str | None:
    return f"{quad} ({QUAD_CLASSES[quad]})" if quad in QUAD_CLASSES else None


def _fields(pairs: list[tuple[str, Any]]) -> list[list[str]]:
    return [[label, str(value)] for label, value in pairs if value not in (None, "", [])]
