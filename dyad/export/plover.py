"""Merged events as PLOVER JSON lines: one record per event with its text evidence.

Fields follow the PLOVER data model (id, date, event_type, mode, context,
actor1/actor2 with country, country, text); ``mode`` and ``context`` come from the
PLOVER columns of ``dyad/data/cameo_codes.tsv`` when the CAMEO code has them.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SQL = """
SELECT m.*, s.name AS s_name, s.code AS s_code, s.country AS s_country,
       t.name AS t_name, t.code AS t_code, t.country AS t_country
FROM merged_events m
LEFT JOIN actors s ON s.id = m.source_actor_id LEFT JOIN actors t ON t.id = m.target_actor_id
WHERE m.plover IS NOT NULL ORDER BY m.id
"""

EVIDENCE_SQL = """
SELECT em.merged_id, em.url, d.text, d.sentences, e.sentence
FROM event_mentions em JOIN events e ON e.document_id = em.document_id AND e.id = em.event_id
JOIN documents d ON d.id = em.document_id
ORDER BY em.merged_id, em.published NULLS LAST, em.document_id, em.event_id
"""


@lru_cache(maxsize=1)
def plover_modes() -> dict[str, tuple[str | None, str | None]]:
    from ..data_files import data_path, read_tsv

    return {row["cameo"]: (row.get("plover_mode") or None, row.get("plover_context") or None)
            for _, row in read_tsv(data_path("cameo_codes.tsv"), ("cameo",))}


def plover_record(event: dict, evidence: list[dict]) -> dict:
    mode, context = plover_modes().get(event["cameo"], (None, None))
    return {
        "id": event["id"],
        "date": event["date"] or (event["first_published"].isoformat() if event["first_published"] else None),
        "event_type": event["plover"],
        "mode": mode,
        "context": [context] if context else [],
        "actor1": event["s_name"], "actor1_code": event["s_code"], "actor1_country": event["s_country"],
        "actor2": event["t_name"], "actor2_code": event["t_code"], "actor2_country": event["t_country"],
        "country": event["place_country"] or event["t_country"] or event["s_country"],
        "location": event["place_name"],
        "cameo": event["cameo"], "quad_class": event["quad_class"], "goldstein": event["goldstein"],
        "realis": event["realis"], "n_mentions": event["n_mentions"], "n_sources": event["n_sources"],
        "text": evidence,
    }


def export_plover(store, path: Path) -> int:
    evidence: dict[str, list[dict]] = {}
    for row in store.query(EVIDENCE_SQL):
        start, end = json.loads(row["sentences"])[row["sentence"]]
        evidence.setdefault(row["merged_id"], []).append({"sentence": row["text"][start:end], "url": row["url"]})
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for event in store.query(SQL):
            out.write(json.dumps(plover_record(event, evidence.get(event["id"], [])), ensure_ascii=False) + "\n")
            count += 1
    return count
