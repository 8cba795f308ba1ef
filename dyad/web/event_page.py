"""One merged event (a happening counted once) and its reports side by side, for the event page.

Each report is a document event linked to the merged event by ``event_mentions``: its article, outlet,
URL, publication date, trigger and the sentence it stands in, cut at the trigger's character offsets
so the page can highlight the trigger without parsing any markup.
"""
from __future__ import annotations

import json
from typing import Any

from ..errors import NotFound
from ..events.cameo import cameo_table
from .data import plain
from .render import QUAD_CLASSES

MAX_REPORTS = 500
CONTEXT = 320  # characters kept on each side of the trigger when a sentence is longer
# Names the merging may give a column listing the other CAMEO codes its reports had (shown when present).
OTHER_CODE_COLUMNS = ("codes", "other_codes", "cameo_codes", "merged_codes")

REPORTS = (
    "SELECT em.document_id, em.event_id, d.title, coalesce(d.url, em.url) AS url, d.domain, d.published, "
    "e.trigger_start, e.trigger_end, e.trigger_text AS trigger, e.sentence, e.cameo, e.label, e.realis, e.date, "
    "e.date_text, e.date_granularity, e.goldstein, e.confidence, e.place_name AS place, e.source_actor_id AS source_id, "
    "s.name AS source, e.target_actor_id AS target_id, t.name AS target, d.sentences, d.text "
    "FROM event_mentions em JOIN events e ON e.document_id = em.document_id AND e.id = em.event_id "
    "JOIN documents d ON d.id = em.document_id "
    "LEFT JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id "
    "WHERE em.merged_id = ? ORDER BY d.published NULLS LAST, d.domain NULLS LAST, em.document_id, em.event_id LIMIT ?"
)


def merged_event(store, merged_id: str) -> dict[str, Any]:
    """The merged event `merged_id` with its codes' labels, actors, and every report with its sentence."""
    found = store.query(
        "SELECT m.*, s.name AS source, t.name AS target FROM merged_events m "
        "LEFT JOIN actors s ON s.id = m.source_actor_id LEFT JOIN actors t ON t.id = m.target_actor_id "
        "WHERE m.id = ?", [merged_id])
    if not found:
        raise NotFound("merged event", merged_id, "open one from a row of /events")
    event = found[0]
    event["label"] = cameo_label(event.get("cameo"))
    event["root_label"] = cameo_label(event.get("root"))
    event["quad_class_label"] = QUAD_CLASSES.get(event.get("quad_class"))
    event["other_codes"] = other_codes(event)
    reports = [report(row) for row in store.query(REPORTS, [merged_id, MAX_REPORTS])]
    outlets: dict[str, int] = {}
    for row in reports:
        if row["domain"]:
            outlets[row["domain"]] = outlets.get(row["domain"], 0) + 1
    return plain({
        "event": event, "reports": reports, "n_reports": len(reports), "n_outlets": len(outlets),
        "n_articles": len({row["document_id"] for row in reports}),
        "n_without_outlet": sum(1 for row in reports if not row["domain"]),
        "outlets": [{"domain": domain, "n_reports": n} for domain, n in sorted(outlets.items(), key=lambda x: (-x[1], x[0]))],
    })


def cameo_label(cameo: str | None) -> str | None:
    code = cameo_table().get(cameo or "")
    return code.name if code else None


def other_codes(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The other CAMEO codes merged into this event, if the merging recorded them: [{cameo, label}]."""
    column = next((name for name in OTHER_CODE_COLUMNS if event.get(name)), None)
    if column is None:
        return []
    value = event.pop(column)
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = value.replace(",", " ").split()
        if isinstance(value, (str, int)):
            value = [value]
    if isinstance(value, dict):  # {code: count}
        value = list(value)
    codes = [str(code) for code in value if code] if isinstance(value, (list, tuple)) else []
    return [{"cameo": code, "label": cameo_label(code)} for code in dict.fromkeys(codes) if code != event.get("cameo")]


def report(row: dict[str, Any]) -> dict[str, Any]:
    """A report row with its sentence cut around the trigger: before, trigger, after (plain text)."""
    text, sentences = row.pop("text"), row.pop("sentences")
    start, end = row["trigger_start"], row["trigger_end"]
    row["excerpt"] = None
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        left, right = sentence_bounds(sentences, row["sentence"], start, end, len(text))
        row["excerpt"] = {"before": _clip_left(text[left:start]), "trigger": text[start:end],
                          "after": _clip_right(text[end:right]), "start": left, "end": right}
    return row


def sentence_bounds(sentences: str | None, index: Any, start: int, end: int, length: int) -> tuple[int, int]:
    """The stored sentence `index` if it holds the trigger, else a window around it (clipped, with an ellipsis)."""
    try:
        spans = json.loads(sentences or "[]")
        left, right = spans[index] if isinstance(index, int) and index >= 0 else (None, None)
        if isinstance(left, int) and isinstance(right, int) and left <= start and end <= right <= length:
            return left, right
    except (ValueError, TypeError, IndexError, KeyError):
        pass
    return max(0, start - 2 * CONTEXT), min(length, end + 2 * CONTEXT)


def _clip_left(text: str) -> str:
    text = text.lstrip()
    if len(text) <= CONTEXT:
        return text
    cut = text[-CONTEXT:]
    return "\u2026" + cut[cut.find(" ") + 1:] if " " in cut else "\u2026" + cut


def _clip_right(text: str) -> str:
    text = text.rstrip()
    if len(text) <= CONTEXT:
        return text
    cut = text[:CONTEXT]
    return (cut[:cut.rfind(" ")] if " " in cut else cut) + "\u2026"
