"""Cross-document event merging: reports of one real-world event become one merged event.

Rules (``merge_events`` is the pure part and is what the tests exercise):
- same source and target actor (corpus identity, ``rows.actor_key``); a reciprocal event matches either
  direction;
- CAMEO codes that agree at the root (first two digits): outlets code one happening at different
  detail ("160" reduce relations, "163" embargo). The merged event keeps the most specific code
  (the longest; then the most reported; then the smallest) and lists every member's code in ``codes``;
- compatible realis: the same, or asserted and intended (one outlet reports as done what another
  reports as announced); a denial, a request or a hypothesis only joins its own kind;
- dates compatible at the coarser granularity: the intervals they cover (a day; a whole month or year
  for coarser dates), widened by ``window_days``, overlap. An undated event stands at its article's
  publication day; with neither it only joins other undated events;
- places compatible: same country, or one of them without a country;
- an event joins the first cluster (in date order) whose every member it is compatible with
  (complete linkage: reports a day apart do not chain into a week-long event).
The tables are dropped and rebuilt, so the result depends only on the stored events.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from typing import Any

from .rows import short_hash

EVENT_COLUMNS = (
    "e.document_id, e.id, e.source_actor_id, e.target_actor_id, e.cameo, e.base_code, e.root, e.plover, "
    "e.realis, e.quad_class, e.goldstein, e.date, e.date_granularity, e.date_start, e.date_end, "
    "e.place_name, e.place_country, e.place_lat, e.place_lon, e.reciprocal, e.sentence, "
    "e.trigger_start, e.trigger_end, e.trigger_text, d.url, d.domain, d.published"
)


# Realis values that may describe one happening: an act reported as done and as announced.
REALIS_CLASS = {"asserted": "act", "intended": "act"}


def merge_key(event: dict[str, Any]) -> tuple:
    """Events that may merge share this key (the unordered actor pair, CAMEO root, realis class);
    ``merge_events`` clusters inside it. The Spark engine groups by it too."""
    pair = tuple(sorted((event["source_actor_id"] or "", event["target_actor_id"] or "")))
    realis = event["realis"] or ""
    return pair, event["root"] or (event["cameo"] or "")[:2], REALIS_CLASS.get(realis, realis)


def merge_events(events: list[dict[str, Any]], *, window_days: int = 1) -> tuple[list[dict], list[dict]]:
    """Events (rows of the ``events`` table joined with their document's url, domain and published)
    -> (merged_events rows, event_mentions rows)."""
    window = dt.timedelta(days=window_days)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for event in events:
        groups[merge_key(event)].append(event)
    merged_rows: list[dict] = []
    link_rows: list[dict] = []
    for key in sorted(groups):
        clusters: list[list[dict]] = []
        for event in sorted(groups[key], key=_order):
            for cluster in clusters:
                if all(_compatible(event, other, window) for other in cluster):
                    cluster.append(event)
                    break
            else:
                clusters.append([event])
        for cluster in clusters:
            merged, links = _merged_row(cluster)
            merged_rows.append(merged)
            link_rows.extend(links)
    merged_rows.sort(key=lambda r: r["id"])
    link_rows.sort(key=lambda r: (r["merged_id"], r["document_id"], r["event_id"]))
    return merged_rows, link_rows


def rebuild_merged(store, *, window_days: int = 1) -> int:
    """Recompute ``merged_events`` and ``event_mentions`` from ``events``; return the merged count."""
    import pyarrow as pa

    events = store.query(f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id "
                         "ORDER BY e.document_id, e.id")
    merged, links = merge_events(events, window_days=window_days)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_mentions")
        con.execute("DELETE FROM merged_events")
        con.execute("DELETE FROM merge_state")
        for table, rows in (("merged_events", merged), ("event_mentions", links)):
            if rows:
                con.register("_incoming", pa.Table.from_pylist(rows))
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
                con.unregister("_incoming")
        con.execute("INSERT INTO merge_state VALUES (?, ?, ?, current_timestamp)", [window_days, len(events), len(merged)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(merged)


def _interval(event: dict) -> tuple[dt.date | None, dt.date | None]:
    if event["date_start"] is not None:
        return event["date_start"], event["date_end"]
    published = event.get("published")
    return published, published


def _order(event: dict) -> tuple:
    start, end = _interval(event)
    return (start is None, start or dt.date.min, end or dt.date.min, event["document_id"], event["id"])


def _compatible(a: dict, b: dict, window: dt.timedelta) -> bool:
    if not (a["reciprocal"] or b["reciprocal"]) and (a["source_actor_id"], a["target_actor_id"]) != (
            b["source_actor_id"], b["target_actor_id"]):
        return False
    if a["place_country"] and b["place_country"] and a["place_country"] != b["place_country"]:
        return False
    a_start, a_end = _interval(a)
    b_start, b_end = _interval(b)
    if a_start is None or b_start is None:
        return a_start is None and b_start is None
    return a_start <= b_end + window and b_start <= a_end + window


def _merged_row(cluster: list[dict]) -> tuple[dict, list[dict]]:
    merged_id = short_hash(*sorted(f"{e['document_id']}/{e['id']}" for e in cluster))
    first = cluster[0]
    directed = next((e for e in cluster if not e["reciprocal"]), first)
    counts = Counter(e["cameo"] for e in cluster)
    # the most specific code: the longest, then the most reported, then the smallest
    cameo = min(counts, key=lambda code: (-len(code), -counts[code], code))
    realis = "asserted" if any(e["realis"] == "asserted" for e in cluster) else _most_common(e["realis"] for e in cluster)
    domains = sorted({e["domain"] for e in cluster if e.get("domain")})
    dated = [e for e in cluster if e["date_start"] is not None]
    # the most precise date reported: day over month over year, then the earliest
    best = min(dated, key=lambda e: (e["date_end"] - e["date_start"], e["date_start"])) if dated else None
    placed = [e for e in cluster if e["place_country"] or e["place_name"]]
    place = placed[0] if placed else None
    published = [e["published"] for e in cluster if e.get("published")]
    first_report = min(cluster, key=lambda e: (e.get("published") or dt.date.max, e["document_id"], e["id"]))
    merged = {
        "id": merged_id, "source_actor_id": directed["source_actor_id"], "target_actor_id": directed["target_actor_id"],
        "base_code": cameo[:3], "cameo": cameo, "root": first["root"], "codes": json.dumps(sorted(counts)),
        "plover": _most_common(e["plover"] for e in cluster if e["plover"]) if any(e["plover"] for e in cluster) else None,
        "realis": realis,
        "quad_class": _most_common(e["quad_class"] for e in cluster),
        "goldstein": round(sum(e["goldstein"] for e in cluster) / len(cluster), 3),
        "date": best["date"] if best else None, "date_granularity": best["date_granularity"] if best else None,
        "date_start": best["date_start"] if best else None, "date_end": best["date_end"] if best else None,
        "place_name": place["place_name"] if place else None, "place_country": place["place_country"] if place else None,
        "place_lat": place["place_lat"] if place else None, "place_lon": place["place_lon"] if place else None,
        "reciprocal": all(e["reciprocal"] for e in cluster) or (
            len({(e["source_actor_id"], e["target_actor_id"]) for e in cluster}) > 1),
        "is_root": any(e["sentence"] == 0 for e in cluster),
        "n_mentions": len(cluster), "n_sources": len({e["document_id"] for e in cluster}),
        "n_domains": len(domains), "domains": json.dumps(domains),
        "first_published": min(published) if published else None, "source_url": first_report.get("url"),
    }
    links = [{"merged_id": merged_id, "document_id": e["document_id"], "event_id": e["id"],
              "trigger_start": e["trigger_start"], "trigger_end": e["trigger_end"], "trigger_text": e["trigger_text"],
              "url": e.get("url"), "published": e.get("published")} for e in cluster]
    return merged, links


def _most_common(values) -> Any:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], str(v)))
