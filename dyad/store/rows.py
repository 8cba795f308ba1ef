"""Pure functions from a Document dict (the JSON contract) to table rows, and back.

The writer and the JSONL export share them, so what is stored is exactly what
``Document.to_dict()`` returned.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..lexicons import word_class

# The tables one document's rows go to, in the order they are written (and ``dyad load`` inserts them).
TABLES = ("documents", "inputs", "actors", "document_actors", "mentions", "events", "quotes")


def short_hash(*parts: object) -> str:
    """First 16 hex digits of SHA-256 over the parts joined by a unit separator."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def input_hash(text: str) -> str:
    """Key of a raw input text: a re-run skips inputs whose hash is stored, before any NLP."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


# The columns of a corpus actor settled from all its documents' rows (``settle_sql``).
SETTLED_COLUMNS = ("name", "kind", "code", "country", "sector")
_INITIAL = re.compile(r"^[a-z]\.?$")
_NAME_JUNK = re.compile(r"[^\w\s'-]+")


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return word_class("honorifics") | word_class("person_titles")


def identity_name(name: str, kind: str | None) -> str:
    """The name two documents must share to be one corpus actor.

    Case, accents, punctuation and a leading "the" never separate two actors; for a person
    neither do honorifics and titles ("Mr.", "Gen.") nor middle initials: "Donald J. Trump",
    "Mr. Donald Trump" and "DONALD TRUMP" are one name. A surname alone stays apart: a
    document resolves it to the full name it uses, when it uses one."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    words = _NAME_JUNK.sub(" ", "".join(ch for ch in folded if not unicodedata.combining(ch))).split()
    if kind == "PERSON":
        while len(words) > 1 and words[0].rstrip(".") in _honorifics():
            words = words[1:]
        if len(words) > 2:
            words = [words[0], *(w for w in words[1:-1] if not _INITIAL.match(w)), words[-1]]
    elif len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def actor_key(name: str, kind: str | None, country: str | None) -> str:
    """Corpus actor id, stable across documents and runs.

    A person is one actor per identity name, whatever code an article's date gave them (Donald
    Trump is USAGOV in 2018, ELI in 2022: one actor). Anything else is one per identity name and
    country, so "the Interior Ministry" of two countries, or one whose country is unknown, stay apart."""
    if kind == "PERSON":
        return short_hash("PERSON", identity_name(name, kind))
    return short_hash(identity_name(name, kind), country or "")


def settle_sql(document_actors: str, where: str = "") -> str:
    """SELECT of ``actor_id`` and the SETTLED_COLUMNS of each actor in ``document_actors``.

    Each column is the value most of the actor's document rows give, empty values aside, ties
    going to the smallest: a function of the set of documents, never of their order or of how
    many workers wrote them. A person's columns come from the documents that give a name of
    more than one word when any does: the articles that say only "Obama" or "Ms. Warren"
    (``surnames.join_surnames``) never outvote those that say "Barack Obama", nor give the code
    when those do. DuckDB's and Spark's SQL both run it."""
    columns = ", ".join(SETTLED_COLUMNS)
    picks = ", ".join(f"max(val) FILTER (WHERE col = '{c}') AS {c}" for c in SETTLED_COLUMNS)
    lone = "CASE WHEN kind = 'PERSON' AND name NOT LIKE '% %' THEN 1 ELSE 0 END"
    cells = " UNION ALL ".join(f"SELECT actor_id, '{c}' AS col, {c} AS val, {lone} AS lone FROM rows_"
                               for c in SETTLED_COLUMNS)
    return (
        f"WITH rows_ AS (SELECT actor_id, {columns} FROM {document_actors} {where}), "
        f"cells AS ({cells}), "
        "votes AS (SELECT actor_id, col, val, lone, count(*) AS n FROM cells WHERE val IS NOT NULL "
        "GROUP BY actor_id, col, val, lone), "
        "ranked AS (SELECT actor_id, col, val, "
        "row_number() OVER (PARTITION BY actor_id, col ORDER BY lone, n DESC, val) AS r FROM votes) "
        f"SELECT actor_id, {picks} FROM ranked WHERE r = 1 GROUP BY actor_id"
    )


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def date_interval(date: str | None) -> tuple[dt.date | None, dt.date | None]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` -> first and last day it covers."""
    if not date:
        return None, None
    try:
        parts = [int(p) for p in date.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    except (ValueError, IndexError):
        return None, None


def document_rows(doc: dict[str, Any], *, source_id: str | None, origin: str, file_format: str,
                  input_hash: str) -> dict[str, list[dict[str, Any]]]:
    """Every row one Document contributes, by table."""
    doc_id = doc["id"]
    local_to_corpus = {a["id"]: actor_key(a["name"], a["kind"], a.get("country")) for a in doc["actors"]}
    published = doc.get("published")
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    rows["documents"].append({
        "id": doc_id, "source_id": source_id, "title": doc.get("title"), "url": doc.get("url"),
        "domain": domain_of(doc.get("url")),
        "published": dt.date.fromisoformat(published) if published else None,
        "text": doc["text"], "origin": origin, "format": file_format,
        "model": (doc.get("meta") or {}).get("model"),
        "n_sentences": len(doc["sentences"]), "n_actors": len(doc["actors"]),
        "n_mentions": sum(len(a["mentions"]) for a in doc["actors"]),
        "n_events": len(doc["events"]), "n_quotes": len(doc["quotes"]),
        "sentences": json.dumps([[s["start"], s["end"]] for s in doc["sentences"]]),
        "warnings": json.dumps(list(doc["warnings"]), ensure_ascii=False),
        "removed": json.dumps(list(doc["removed"]), ensure_ascii=False),
    })
    rows["inputs"].append({"input_hash": input_hash, "document_id": doc_id})
    for actor in doc["actors"]:
        corpus_id = local_to_corpus[actor["id"]]
        rows["actors"].append({"id": corpus_id, "name": actor["name"], "code": actor.get("code"),
                               "kind": actor["kind"], "country": actor.get("country"), "sector": actor.get("sector")})
        rows["document_actors"].append({
            "document_id": doc_id, "local_id": actor["id"], "actor_id": corpus_id,
            "name": actor["name"], "kind": actor["kind"], "code": actor.get("code"),
            "country": actor.get("country"), "sector": actor.get("sector"),
            "roles": json.dumps(actor["roles"], ensure_ascii=False),
            "affiliations": json.dumps(actor["affiliations"]), "members": json.dumps(actor["members"]),
        })
        for seq, mention in enumerate(actor["mentions"]):
            rows["mentions"].append({"document_id": doc_id, "local_actor_id": actor["id"], "actor_id": corpus_id,
                                     "seq": seq, "start": mention["start"], "end": mention["end"],
                                     "text": mention["text"], "via": mention["via"]})
    for event in doc["events"]:
        start, end = date_interval(event.get("date"))
        place = event.get("place") or {}
        rows["events"].append({
            "document_id": doc_id, "id": event["id"], "source": event["source"], "target": event["target"],
            "source_actor_id": local_to_corpus.get(event["source"]),
            "target_actor_id": local_to_corpus.get(event["target"]),
            "cameo": event["cameo"], "base_code": event["cameo"][:3], "root": event["root"],
            "label": event["label"], "plover": event.get("plover"),
            "quad_class": event["quad_class"], "goldstein": float(event["goldstein"]), "realis": event["realis"],
            "date": event.get("date"), "date_text": event.get("date_text"),
            "date_granularity": event.get("date_granularity"), "date_source": event.get("date_source"),
            "date_start": start, "date_end": end,
            "place_name": place.get("name"), "place_country": place.get("country"),
            "place_lat": place.get("lat"), "place_lon": place.get("lon"),
            "place_geonames_id": place.get("geonames_id"), "place_admin1": place.get("admin1"),
            "place_feature": place.get("feature"), "place_precision": place.get("precision"),
            "trigger_start": event["trigger"]["start"], "trigger_end": event["trigger"]["end"],
            "trigger_text": event["trigger"]["text"], "sentence": event["sentence"],
            "speaker": event.get("speaker"), "speaker_actor_id": local_to_corpus.get(event.get("speaker")),
            "confidence": float(event["confidence"]), "reciprocal": bool(event["reciprocal"]),
            "mentions": json.dumps([[m["start"], m["end"]] for m in event["mentions"]]),
        })
    for quote in doc["quotes"]:
        rows["quotes"].append({
            "document_id": doc_id, "id": quote["id"], "text": quote["text"], "start": quote["start"],
            "end": quote["end"], "kind": quote["kind"], "cue": quote.get("cue"), "speaker": quote.get("speaker"),
            "speaker_actor_id": local_to_corpus.get(quote.get("speaker")), "speaker_text": quote.get("speaker_text"),
        })
    return rows


def document_dict(document: dict, actors: list[dict], mentions: list[dict], events: list[dict],
                  quotes: list[dict]) -> dict[str, Any]:
    """Rebuild the ``Document.to_dict()`` contract from stored rows (one document's rows, in key order)."""
    by_actor: dict[str, list[dict]] = {}
    for m in sorted(mentions, key=lambda m: (m["local_actor_id"], m["seq"])):
        by_actor.setdefault(m["local_actor_id"], []).append(
            {"start": m["start"], "end": m["end"], "text": m["text"], "via": m["via"]})
    published = document["published"]
    return {
        "id": document["id"], "text": document["text"], "title": document["title"], "url": document["url"],
        "published": published.isoformat() if published else None,
        "sentences": [{"start": s, "end": e} for s, e in json.loads(document["sentences"])],
        "actors": [{
            "id": a["local_id"], "name": a["name"], "kind": a["kind"], "code": a["code"], "country": a["country"],
            "sector": a["sector"], "roles": json.loads(a["roles"]), "affiliations": json.loads(a["affiliations"]),
            "members": json.loads(a["members"]), "mentions": by_actor.get(a["local_id"], []),
        } for a in sorted(actors, key=lambda a: _local_order(a["local_id"]))],
        "events": [{
            "id": e["id"], "source": e["source"], "target": e["target"], "cameo": e["cameo"], "root": e["root"],
            "label": e["label"], "plover": e["plover"], "quad_class": e["quad_class"], "goldstein": e["goldstein"],
            "realis": e["realis"], "trigger": {"start": e["trigger_start"], "end": e["trigger_end"], "text": e["trigger_text"]},
            "sentence": e["sentence"], "speaker": e["speaker"], "date": e["date"], "date_text": e["date_text"],
            "date_granularity": e["date_granularity"], "date_source": e["date_source"],
            "place": None if e["place_name"] is None else {
                "name": e["place_name"], "country": e["place_country"], "lat": e["place_lat"], "lon": e["place_lon"],
                "geonames_id": e.get("place_geonames_id"), "admin1": e.get("place_admin1"),
                "feature": e.get("place_feature"), "precision": e.get("place_precision")},
            "mentions": [{"start": s, "end": x} for s, x in json.loads(e["mentions"])],
            "confidence": e["confidence"], "reciprocal": e["reciprocal"],
        } for e in sorted(events, key=lambda e: _local_order(e["id"]))],
        "quotes": [{
            "id": q["id"], "text": q["text"], "start": q["start"], "end": q["end"], "kind": q["kind"], "cue": q["cue"],
            "speaker": q["speaker"], "speaker_text": q["speaker_text"],
        } for q in sorted(quotes, key=lambda q: _local_order(q["id"]))],
        "warnings": json.loads(document["warnings"]), "removed": json.loads(document["removed"]),
        "meta": {"model": document["model"]},
    }


def _local_order(local_id: str) -> tuple[str, int]:
    """a2 before a10."""
    digits = "".join(ch for ch in local_id if ch.isdigit())
    return (local_id.rstrip("0123456789"), int(digits) if digits else 0)
