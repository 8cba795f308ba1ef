"""An actor's merged events over time, as source and as target, by QuadClass, for the actor page.

The period is a week when the actor's dated events span half a year or less, else a month. Events dated
far outside the corpus's publication dates (a 1940 treaty recalled in a 2019 article) would stretch the
chart to decades of empty axis, so those more than a year before the first or after the last article are
counted apart and left out of the chart, as are undated ones.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

WEEKLY_SPAN = dt.timedelta(days=182)
MARGIN = dt.timedelta(days=365)
QUADS = (1, 2, 3, 4)


def actor_timeline(store, actor_id: str) -> dict[str, Any]:
    """{"period": "week"|"month", "rows": [{start, label, as_source: [q1..q4], as_target: [q1..q4],
    goldstein_mean}], "left_out": {"undated", "earlier", "later"}}, rows oldest first."""
    events = store.query(
        "SELECT coalesce(m.date_start, m.first_published) AS day, m.quad_class, m.goldstein, "
        "m.source_actor_id = ? AS as_source, m.target_actor_id = ? AS as_target "
        "FROM merged_events m WHERE m.source_actor_id = ? OR m.target_actor_id = ?", [actor_id] * 4)
    corpus = store.query("SELECT min(published) AS first, max(published) AS last FROM documents")[0]
    earliest = _shifted(corpus["first"], -MARGIN, dt.date.min)
    latest = _shifted(corpus["last"], MARGIN, dt.date.max)
    left_out = {"undated": 0, "earlier": 0, "later": 0}
    kept = []
    for event in events:
        day = event["day"]
        if day is None:
            left_out["undated"] += 1
        elif day < earliest:
            left_out["earlier"] += 1
        elif day > latest:
            left_out["later"] += 1
        else:
            kept.append(event)
    days = [event["day"] for event in kept]
    period = "week" if not days or max(days) - min(days) <= WEEKLY_SPAN else "month"
    return {"period": period, "rows": _bins(kept, period), "left_out": left_out}


def _shifted(day: dt.date | None, delta: dt.timedelta, default: dt.date) -> dt.date:
    try:
        return day + delta if day else default
    except OverflowError:  # a year-1 or year-9999 publication date
        return default


def period_start(day: dt.date, period: str) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


def _bins(events: list[dict], period: str) -> list[dict[str, Any]]:
    bins: dict[dt.date, dict[str, Any]] = {}
    for event in events:
        if event["quad_class"] not in QUADS:
            continue
        start = period_start(event["day"], period)
        row = bins.setdefault(start, {"as_source": [0, 0, 0, 0], "as_target": [0, 0, 0, 0], "goldstein": []})
        quad = event["quad_class"] - 1
        if event["as_source"]:
            row["as_source"][quad] += 1
        if event["as_target"]:
            row["as_target"][quad] += 1
        if event["goldstein"] is not None:
            row["goldstein"].append(event["goldstein"])
    rows = []
    for start in sorted(bins):
        row = bins.pop(start)
        scores = row.pop("goldstein")
        label = f"week of {start.isoformat()}" if period == "week" else start.strftime("%Y-%m")
        rows.append({"start": start.isoformat(), "label": label, **row,
                     "goldstein_mean": round(sum(scores) / len(scores), 2) if scores else None})
    return rows
