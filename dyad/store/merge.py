"""Cross-document event merging: reports of one real-world event become one merged event.

Rules (``merge_events`` is the pure part and is what the tests exercise):
- same source actor, target actor, CAMEO base code (first 3 digits) and realis;
  a reciprocal event matches either direction;
- dates compatible: the intervals they cover (a day; a whole month or year for
  coarser dates), widened by ``window_days``, overlap. An undated event stands at
  its article's publication day; with neither it only joins other undated events;
- places compatible: same country, or one of them without a country;
- an event joins the first cluster (in date order) whose every member it is compatible with.
The tables are dropped and rebuilt, so the result depends only on the stored events.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from .rows import short_hash

EVENT_COLUMNS = (
    "e.document_id, e.id, e.source_actor_id, e.target_actor_id, e.cameo, e.base_code, e.root, e.plover, "
    "e.realis, e.quad_class, e.goldstein, e.date, e.date_granularity, e.date_start, e.date_end, "
    "e.place_name, e.place_country, e.place_lat, e.place_lon, e.reciprocal, e.sentence, "
    "e.trigger_start, e.trigger_end, e.trigger_text, d.url, d.domain, d.published"
)


def merge_events(events: list[dict[str, Any]], *, window_days: int = 1) -> tuple[list[dict], list[dict]]:
    """Events (rows of the ``events`` table joined with their document's url, domain and published)
    -> (merged_events rows, event_mentions rows)."""
    window = dt.timedelta(days=window_days)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for event in events:
        pair = tuple(sorted((event["source_actor_id"] or "", event["target_actor_id"] or "")))
        groups[(pair, event["base_code"], event["realis"])].append(event)
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
    cameo = _most_common(e["cameo"] for e in cluster)
    dated = [e for e in cluster if e["date_start"] is not None]
    # the most precise date reported: day over month over year, then the earliest
    best = min(dated, key=lambda e: (e["date_end"] - e["date_start"], e["date_start"])) if dated else None
    placed = [e for e in cluster if e["place_country"] or e["place_name"]]
    place = placed[0] if placed else None
    published = [e["published"] for e in cluster if e.get("published")]
    first_report = min(cluster, key=lambda e: (e.get("published") or dt.date.max, e["document_id"], e["id"]))
    merged = {
        "id": merged_id, "source_actor_id": directed["source_actor_id"], "target_actor_id": directed["target_actor_id"],
        "base_code": first["base_code"], "cameo": cameo, "root": first["root"],
        "plover": _most_common(e["plover"] for e in cluster if e["plover"]) if any(e["plover"] for e in cluster) else None,
        "realis": first["realis"],
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
        "n_domains": len({e["domain"] for e in cluster if e.get("domain")}),
        "first_published": min(published) if published else None, "source_url": first_report.get("url"),
    }
    links = [{"merged_id": merged_id, "document_id": e["document_id"], "event_id": e["id"],
              "trigger_start": e["trigger_start"], "trigger_end": e["trigger_end"], "trigger_text": e["trigger_text"],
              "url": e.get("url"), "published": e.get("published")} for e in cluster]
    return merged, links


def _most_common(values) -> Any:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], str(v)))
