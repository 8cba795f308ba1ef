"""Read-only queries over a dyad database; each returns a list of row dicts.

``events`` lists document-level events (one per report); ``dyads`` and
``timeline`` count merged events (one per real-world event, see ``merge.py``).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import BadOption
from .rows import date_interval

PERIODS = ["day", "week", "month"]
REALIS = ["asserted", "negated", "intended", "requested", "hypothetical"]


def parse_bound(option: str, value: str | None, *, end: bool) -> dt.date | None:
    """``2017``, ``2017-01`` or ``2017-01-31`` -> the first (or, for ``end``, last) day it covers."""
    if value is None:
        return None
    start, last = date_interval(value)
    if start is None:
        raise BadOption(option, value, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return last if end else start


def event_filters(*, actor: str | None = None, source: str | None = None, target: str | None = None,
                  code: str | None = None, since: str | None = None, until: str | None = None,
                  realis: str | None = None, country: str | None = None, substring: bool = False,
                  prefix: str = "--") -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for filtering ``events e`` joined with ``documents d`` and the
    source and target ``actors s``/``t``; shared by the CLI queries and the web app. Names match
    whole (case-insensitive) or, with ``substring``, anywhere; option names in errors carry ``prefix``."""
    if realis and realis not in REALIS:
        raise BadOption(f"{prefix}realis", realis, REALIS)
    if code and not code.isdigit():
        raise BadOption(f"{prefix}code", code, "CAMEO digits, e.g. 04 or 042")
    where: list[str] = []
    params: list[Any] = []
    for value, clause, count in ((actor, "(s.name ILIKE ? OR t.name ILIKE ?)", 2), (source, "s.name ILIKE ?", 1),
                                 (target, "t.name ILIKE ?", 1)):
        if value:
            where.append(clause)
            params += [f"%{value}%" if substring else value] * count
    if code:
        where.append("starts_with(e.cameo, ?)")
        params.append(code)
    if realis:
        where.append("e.realis = ?")
        params.append(realis)
    if country:
        where.append("(s.country = ? OR t.country = ? OR e.place_country = ?)")
        params += [country.upper()] * 3
    if (start := parse_bound(f"{prefix}since", since or None, end=False)) is not None:
        where.append("coalesce(e.date_end, d.published) >= ?")
        params.append(start)
    if (stop := parse_bound(f"{prefix}until", until or None, end=True)) is not None:
        where.append("coalesce(e.date_start, d.published) <= ?")
        params.append(stop)
    return where, params


def events(store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
           code: str | None = None, since: str | None = None, until: str | None = None,
           realis: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
    where, params = event_filters(actor=actor, source=source, target=target, code=code, since=since,
                                  until=until, realis=realis)
    sql = (
        "SELECT coalesce(e.date, strftime(d.published, '%Y-%m-%d')) AS date, s.name AS source, e.trigger_text AS trigger, "
        "t.name AS target, e.cameo, e.label, e.quad_class, e.goldstein, e.realis, e.place_name AS place, "
        "d.title, d.url, e.document_id, e.id AS event_id "
        "FROM events e JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY coalesce(e.date_start, d.published) NULLS LAST, e.document_id, e.id"
        + (" LIMIT ?" if limit else "")
    )
    return store.query(sql, params + ([limit] if limit else []))


def actors(store, *, name: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
    where = "WHERE a.name ILIKE ?" if name else ""
    sql = (
        "WITH m AS (SELECT actor_id, count(*) AS n_mentions, count(DISTINCT document_id) AS n_documents "
        "           FROM mentions GROUP BY actor_id), "
        "     ev AS (SELECT actor_id, count(*) AS n_events FROM ("
        "           SELECT source_actor_id AS actor_id FROM events UNION ALL SELECT target_actor_id FROM events) "
        "           WHERE actor_id IS NOT NULL GROUP BY actor_id) "
        "SELECT a.name, a.code, a.kind, a.country, a.sector, coalesce(m.n_documents, 0) AS n_documents, "
        "coalesce(m.n_mentions, 0) AS n_mentions, coalesce(ev.n_events, 0) AS n_events, a.id "
        f"FROM actors a LEFT JOIN m ON m.actor_id = a.id LEFT JOIN ev ON ev.actor_id = a.id {where} "
        "ORDER BY n_mentions DESC, n_events DESC, a.name, a.id" + (" LIMIT ?" if limit else "")
    )
    return store.query(sql, ([f"%{name}%"] if name else []) + ([limit] if limit else []))


def dyads(store, *, limit: int | None = 20) -> list[dict[str, Any]]:
    sql = (
        "SELECT s.name AS source, t.name AS target, count(*) AS n_events, sum(m.n_mentions) AS n_mentions, "
        "round(sum(m.goldstein), 2) AS goldstein_sum, round(avg(m.goldstein), 2) AS goldstein_mean, "
        "count(*) FILTER (WHERE m.quad_class = 1) AS q1_verbal_coop, count(*) FILTER (WHERE m.quad_class = 2) AS q2_material_coop, "
        "count(*) FILTER (WHERE m.quad_class = 3) AS q3_verbal_conflict, count(*) FILTER (WHERE m.quad_class = 4) AS q4_material_conflict "
        "FROM merged_events m JOIN actors s ON s.id = m.source_actor_id JOIN actors t ON t.id = m.target_actor_id "
        "GROUP BY s.name, t.name ORDER BY n_events DESC, n_mentions DESC, source, target" + (" LIMIT ?" if limit else "")
    )
    return store.query(sql, [limit] if limit else [])


def timeline(store, actor: str, other: str | None = None, *, by: str = "month") -> list[dict[str, Any]]:
    """Merged events involving ``actor`` (with ``other``: between the two, either direction) per period.

    An event counts at the first day of its date; undated events at their first report's publication day.
    """
    if by not in PERIODS:
        raise BadOption("--by", by, PERIODS)
    where = "(s.name ILIKE ? OR t.name ILIKE ?)"
    params: list[Any] = [actor, actor]
    if other:
        where = "((s.name ILIKE ? AND t.name ILIKE ?) OR (s.name ILIKE ? AND t.name ILIKE ?))"
        params = [actor, other, other, actor]
    sql = (
        f"SELECT strftime(date_trunc('{by}', coalesce(m.date_start, m.first_published)), '%Y-%m-%d') AS period, "
        "count(*) AS n_events, sum(m.n_mentions) AS n_mentions, round(sum(m.goldstein), 2) AS goldstein_sum, "
        "round(avg(m.goldstein), 2) AS goldstein_mean, "
        "count(*) FILTER (WHERE m.quad_class IN (1, 2)) AS cooperation, count(*) FILTER (WHERE m.quad_class IN (3, 4)) AS conflict "
        "FROM merged_events m LEFT JOIN actors s ON s.id = m.source_actor_id LEFT JOIN actors t ON t.id = m.target_actor_id "
        f"WHERE {where} AND coalesce(m.date_start, m.first_published) IS NOT NULL GROUP BY period ORDER BY period"
    )
    return store.query(sql, params)


def quotes(store, *, speaker: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
    where = "WHERE (a.name ILIKE ? OR q.speaker_text ILIKE ?)" if speaker else ""
    sql = (
        "SELECT coalesce(a.name, q.speaker_text) AS speaker, q.text, q.kind, q.cue, "
        "strftime(d.published, '%Y-%m-%d') AS published, d.title, d.url, q.document_id, q.id AS quote_id "
        "FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN actors a ON a.id = q.speaker_actor_id "
        f"{where} ORDER BY d.published NULLS LAST, q.document_id, q.start" + (" LIMIT ?" if limit else "")
    )
    return store.query(sql, ([f"%{speaker}%"] * 2 if speaker else []) + ([limit] if limit else []))


def errors(store, *, limit: int | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT run_id, origin, line, stage, reason FROM errors ORDER BY run_id, origin, line NULLS FIRST, reason"
           + (" LIMIT ?" if limit else ""))
    return store.query(sql, [limit] if limit else [])
