"""Read-only queries behind every page: plain dicts in, plain dicts out.

Each page renders exactly what its JSON twin under ``/api`` returns, so the
tests call these through the API. Nothing here writes.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..errors import BadOption, NotFound
from ..store.queries import REALIS, event_filters  # noqa: F401 (REALIS: read by the routes as data.REALIS)
from ..store.rows import document_dict
from ..store.sources import provenance
from .actor_timeline import actor_timeline
from .params import check_date, check_filters, check_rows, check_terms

EVENT_SORTS = {
    "date": "coalesce(e.date_start, d.published)", "source": "s.name", "target": "t.name", "cameo": "e.cameo",
    "goldstein": "e.goldstein", "realis": "e.realis", "confidence": "e.confidence", "place": "e.place_name",
    "published": "d.published", "sources": "m.n_sources", "outlets": "m.n_domains",
}
ORDERS = ["asc", "desc"]
NEWEST_FIRST = "coalesce(e.date_start, d.published) DESC NULLS LAST"  # ties under any sort: newest first


def plain(value: Any) -> Any:
    """Dates to ISO strings, recursively: what the JSON twin and the page both show."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


# --- corpus -------------------------------------------------------------------

def summary(store) -> dict[str, Any]:
    counts = {table: store.count(table) for table in
              ("documents", "actors", "events", "quotes", "merged_events", "errors")}
    span = store.query("SELECT min(published) AS first, max(published) AS last FROM documents")[0]
    return plain({"path": store.path, "counts": counts, "published": span})


def articles(store, *, q: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    check_rows(limit, offset)
    check_terms(q=q)
    where, params = "", []
    if q:
        where = "WHERE (title ILIKE ? OR id = ? OR source_id = ?)"
        params = [f"%{q}%", q, q]
    total = store.query(f"SELECT count(*) AS n FROM documents {where}", params)[0]["n"]
    items = store.query(
        "SELECT id, title, url, domain, published, n_actors, n_events, n_quotes, origin "
        f"FROM documents {where} ORDER BY published DESC NULLS LAST, title, id LIMIT ? OFFSET ?",
        params + [limit, offset])
    return plain({"total": total, "limit": limit, "offset": offset, "q": q, "items": items})


def article(store, doc_id: str) -> dict[str, Any]:
    """The stored Document in the output contract, plus each local actor's corpus id."""
    rows = store.query("SELECT * FROM documents WHERE id = ?", [doc_id])
    if not rows:
        raise NotFound("article", doc_id, "see /articles for the stored ones")
    fetched = {table: store.query(f"SELECT * FROM {table} WHERE document_id = ?", [doc_id])
               for table in ("document_actors", "mentions", "events", "quotes")}
    doc = document_dict(rows[0], fetched["document_actors"], fetched["mentions"], fetched["events"], fetched["quotes"])
    corpus_ids = {a["local_id"]: a["actor_id"] for a in fetched["document_actors"]}
    for actor in doc["actors"]:
        actor["corpus_id"] = corpus_ids.get(actor["id"])
    doc["origin"] = rows[0]["origin"]
    doc["fetches"] = provenance(store, doc_id)  # where `dyad fetch`/`dyad watch` got it: URL, source, time, status
    return plain(doc)


# --- actors -------------------------------------------------------------------

ACTOR_COUNTS = (
    "WITH m AS (SELECT actor_id, count(*) AS n_mentions, count(DISTINCT document_id) AS n_documents "
    "           FROM mentions GROUP BY actor_id), "
    "     ev AS (SELECT actor_id, count(*) AS n_events FROM ("
    "           SELECT source_actor_id AS actor_id FROM events UNION ALL SELECT target_actor_id FROM events) "
    "           WHERE actor_id IS NOT NULL GROUP BY actor_id) "
    "SELECT a.id, a.name, a.code, a.kind, a.country, a.sector, coalesce(m.n_documents, 0) AS n_documents, "
    "coalesce(m.n_mentions, 0) AS n_mentions, coalesce(ev.n_events, 0) AS n_events "
    "FROM actors a LEFT JOIN m ON m.actor_id = a.id LEFT JOIN ev ON ev.actor_id = a.id "
)


def actors(store, *, q: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    check_rows(limit, offset)
    check_terms(q=q)
    where, params = "", []
    if q:
        where = "WHERE (a.name ILIKE ? OR a.code ILIKE ? OR a.country ILIKE ?)"
        params = [f"%{q}%", f"{q}%", q]
    total = store.query(f"SELECT count(*) AS n FROM actors a {where}", params)[0]["n"]
    items = store.query(ACTOR_COUNTS + where + " ORDER BY n_mentions DESC, n_events DESC, a.name, a.id LIMIT ? OFFSET ?",
                        params + [limit, offset])
    return plain({"total": total, "limit": limit, "offset": offset, "q": q, "items": items})


def actor(store, actor_id: str, *, limit: int = 200) -> dict[str, Any]:
    found = store.query(ACTOR_COUNTS + "WHERE a.id = ?", [actor_id])
    if not found:
        raise NotFound("actor", actor_id, "search for it at /actors?q=NAME")
    record = found[0]
    # Roles, affiliations and memberships are stored per document with local ids: resolve them there.
    local_rows = store.query(
        "SELECT da.document_id, da.local_id, da.roles, da.affiliations, da.members, d.published "
        "FROM document_actors da JOIN documents d ON d.id = da.document_id WHERE da.actor_id = ?", [actor_id])
    doc_ids = sorted({r["document_id"] for r in local_rows})
    names = {}
    for row in store.query("SELECT document_id, local_id, actor_id, name FROM document_actors "
                           "WHERE list_contains(?, document_id)", [doc_ids]) if doc_ids else []:
        names[(row["document_id"], row["local_id"])] = (row["actor_id"], row["name"])
    roles: dict[tuple, dict] = {}
    affiliations: dict[str, dict] = {}
    members: dict[str, dict] = {}
    for row in local_rows:
        doc = row["document_id"]
        for role in json.loads(row["roles"] or "[]"):
            org_id, org_name = names.get((doc, role.get("organization")), (None, None))
            key = (role.get("title"), org_id, role.get("status"))
            entry = roles.setdefault(key, {"title": role.get("title"), "organization": org_name,
                                           "organization_id": org_id, "status": role.get("status"), "n_documents": 0,
                                           "first_seen": None, "last_seen": None})
            entry["n_documents"] += 1
            if (seen := row["published"]) is not None:  # the role as the articles state it, first and last
                entry["first_seen"] = min(entry["first_seen"] or seen, seen)
                entry["last_seen"] = max(entry["last_seen"] or seen, seen)
        for local in json.loads(row["affiliations"] or "[]"):
            if (doc, local) in names:
                corpus, name = names[(doc, local)]
                affiliations.setdefault(corpus, {"id": corpus, "name": name, "n_documents": 0})["n_documents"] += 1
        for local in json.loads(row["members"] or "[]"):
            if (doc, local) in names:
                corpus, name = names[(doc, local)]
                members.setdefault(corpus, {"id": corpus, "name": name, "n_documents": 0})["n_documents"] += 1
    member_of: dict[str, dict] = {}
    groups = store.query(
        "SELECT g.document_id, g.actor_id AS id, g.name, g.members, mine.local_id FROM document_actors g "
        "JOIN document_actors mine ON mine.document_id = g.document_id AND mine.actor_id = ? "
        "WHERE g.members <> '[]'", [actor_id])
    for group in groups:
        if group["local_id"] in json.loads(group["members"]):
            member_of.setdefault(group["id"], {"id": group["id"], "name": group["name"], "n_documents": 0})["n_documents"] += 1
    as_source = _actor_events(store, "e.source_actor_id = ?", actor_id, limit)
    as_target = _actor_events(store, "e.target_actor_id = ?", actor_id, limit)
    quotes = store.query(
        "SELECT q.document_id, q.id AS quote_id, q.text, q.kind, q.cue, d.title, d.published, d.domain, d.url "
        "FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.speaker_actor_id = ? "
        "ORDER BY d.published DESC NULLS LAST, q.document_id, q.start LIMIT ?", [actor_id, limit])
    timeline = actor_timeline(store, actor_id)
    partners = store.query(  # merged events: a happening reported by three outlets counts once
        "SELECT other AS id, a.name, count(*) AS n_events, count(*) FILTER (WHERE as_source) AS n_as_source, "
        "count(*) FILTER (WHERE NOT as_source) AS n_as_target FROM ("
        " SELECT target_actor_id AS other, true AS as_source FROM merged_events WHERE source_actor_id = ?"
        " UNION ALL SELECT source_actor_id, false FROM merged_events WHERE target_actor_id = ?) "
        "JOIN actors a ON a.id = other WHERE other <> ? GROUP BY other, a.name ORDER BY n_events DESC, a.name LIMIT 20",
        [actor_id, actor_id, actor_id])
    by_count = lambda d: sorted(d.values(), key=lambda x: (-x["n_documents"], x.get("name") or x.get("title") or ""))
    by_last_seen = sorted(by_count(roles), key=lambda r: r["last_seen"] or dt.date.min, reverse=True)  # stable
    return plain({
        "actor": record, "roles": by_last_seen, "affiliations": by_count(affiliations),
        "members": by_count(members), "member_of": by_count(member_of), "partners": partners,
        "events_as_source": as_source, "events_as_target": as_target, "quotes": quotes, "timeline": timeline,
    })


EVENT_COLUMNS = (
    "coalesce(e.date, strftime(d.published, '%Y-%m-%d')) AS date, e.source_actor_id AS source_id, s.name AS source, "
    "e.trigger_text AS trigger, e.target_actor_id AS target_id, t.name AS target, e.cameo, e.root, e.label, e.plover, "
    "e.quad_class, e.goldstein, e.realis, e.place_name AS place, e.place_country, e.confidence, "
    "sp.name AS speaker, e.document_id, e.id AS event_id, d.title, strftime(d.published, '%Y-%m-%d') AS published, "
    "em.merged_id, m.n_sources, m.n_domains "
)
EVENT_FROM = (  # each document event is in one merged event (none before the first merge)
    "FROM events e JOIN documents d ON d.id = e.document_id "
    "LEFT JOIN actors s ON s.id = e.source_actor_id LEFT JOIN actors t ON t.id = e.target_actor_id "
    "LEFT JOIN actors sp ON sp.id = e.speaker_actor_id "
    "LEFT JOIN event_mentions em ON em.document_id = e.document_id AND em.event_id = e.id "
    "LEFT JOIN merged_events m ON m.id = em.merged_id "
)


def _actor_events(store, condition: str, actor_id: str, limit: int) -> list[dict]:
    return store.query(f"SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE {condition} "
                       f"ORDER BY {NEWEST_FIRST}, e.document_id, e.id LIMIT ?",
                       [actor_id, limit])


# --- dyads --------------------------------------------------------------------

def dyads(store, *, limit: int = 50) -> dict[str, Any]:
    check_rows(limit)
    items = store.query(
        "SELECT m.source_actor_id AS source_id, s.name AS source, m.target_actor_id AS target_id, t.name AS target, "
        "count(*) AS n_events, round(avg(m.goldstein), 2) AS goldstein_mean, "
        "count(*) FILTER (WHERE m.quad_class IN (1, 2)) AS cooperation, "
        "count(*) FILTER (WHERE m.quad_class IN (3, 4)) AS conflict "
        "FROM merged_events m JOIN actors s ON s.id = m.source_actor_id JOIN actors t ON t.id = m.target_actor_id "
        "GROUP BY ALL ORDER BY n_events DESC, source, target LIMIT ?", [limit])
    return plain({"items": items})


def dyad(store, a: str, b: str, *, limit: int = 500) -> dict[str, Any]:
    """Events between two actors, either direction: merged events by month, and every report."""
    pair = store.query("SELECT id, name, code, country FROM actors WHERE id = ? OR id = ?", [a, b])
    by_id = {row["id"]: row for row in pair}
    for key in (a, b):
        if key not in by_id:
            raise NotFound("actor", key, "dyad pages take two actor ids, as linked from an actor page")
    both = "((x.source_actor_id = ? AND x.target_actor_id = ?) OR (x.source_actor_id = ? AND x.target_actor_id = ?))"
    params = [a, b, b, a]
    timeline = store.query(
        "SELECT strftime(date_trunc('month', coalesce(x.date_start, x.first_published)), '%Y-%m') AS month, "
        "count(*) AS n_events, count(*) FILTER (WHERE x.quad_class IN (1, 2)) AS cooperation, "
        "count(*) FILTER (WHERE x.quad_class IN (3, 4)) AS conflict, round(avg(x.goldstein), 2) AS goldstein_mean, "
        "count(*) FILTER (WHERE x.source_actor_id = ?) AS a_to_b, count(*) FILTER (WHERE x.source_actor_id = ?) AS b_to_a "
        f"FROM merged_events x WHERE {both} AND coalesce(x.date_start, x.first_published) IS NOT NULL "
        "GROUP BY month ORDER BY month", [a, b] + params)
    events = store.query(
        f"SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE {both.replace('x.', 'e.')} "
        "ORDER BY coalesce(e.date_start, d.published) NULLS LAST, e.document_id, e.id LIMIT ?", params + [limit])
    return plain({"a": by_id[a], "b": by_id[b], "timeline": timeline, "events": events})


# --- events -------------------------------------------------------------------

def events(store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
           code: str | None = None, since: str | None = None, until: str | None = None,
           realis: str | None = None, country: str | None = None, sort: str = "date", order: str = "desc",
           limit: int | None = 100, offset: int = 0) -> dict[str, Any]:
    """Events as reported (one row per document event), filtered, sorted (newest first by default) and paged;
    each row names its merged event and how many articles and outlets report it."""
    if limit is not None:
        check_rows(limit, offset)
    check_terms(actor=actor, source=source, target=target)
    check_filters(code=code, country=country, realis=realis)
    check_date("since", since)
    check_date("until", until)
    if sort not in EVENT_SORTS:
        raise BadOption("sort", sort, list(EVENT_SORTS))
    if order not in ORDERS:
        raise BadOption("order", order, ORDERS)
    where, params = event_filters(actor=actor, source=source, target=target, code=code, since=since, until=until,
                                  realis=realis, country=country, substring=True, prefix="")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = store.query(f"SELECT count(*) AS n {EVENT_FROM}{clause}", params)[0]["n"]
    direction = "ASC" if order == "asc" else "DESC"
    sql = (f"SELECT {EVENT_COLUMNS} {EVENT_FROM}{clause} "
           f"ORDER BY {EVENT_SORTS[sort]} {direction} NULLS LAST, {NEWEST_FIRST}, e.document_id, e.id"
           + (" LIMIT ? OFFSET ?" if limit is not None else ""))
    items = store.query(sql, params + ([limit, offset] if limit is not None else []))
    filters = {"actor": actor, "source": source, "target": target, "code": code, "since": since, "until": until,
               "realis": realis, "country": country, "sort": sort, "order": order}
    return plain({"total": total, "limit": limit, "offset": offset, "filters": filters, "items": items})


# --- live sources -----------------------------------------------------------------

def sources(store, *, limit: int = 50) -> dict[str, Any]:
    """What `dyad watch` follows (``dyad.store.sources.sources``) and the latest fetch errors."""
    from ..store.sources import sources as source_rows  # the name `sources` is this function's

    check_rows(limit)
    items = source_rows(store)
    errors = store.query("SELECT run_id, origin AS url, reason, created FROM errors WHERE reason LIKE '[E05_]%' "
                         "ORDER BY created DESC, origin LIMIT ?", [limit])
    return plain({"items": items, "errors": errors})
