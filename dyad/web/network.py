"""The actor network behind `/network`: nodes, edges, a deterministic layout and the period presets.

Nodes are actors sized by merged events, edges are directed dyads with their count and mean Goldstein
score. The layout is networkx's Fruchterman-Reingold (`spring_layout`) with a fixed seed, so the same
database draws the same picture: the largest connected part is spread over the canvas, the small parts
(pairs, triads, actors whose partners were cut) sit in a grid beside it instead of drifting away.
The ego view (`actor=`) draws one actor in the centre and its partners on rings around it.
"""
from __future__ import annotations

import math
import re
from typing import Any

from ..errors import BadOption, NotFound
from ..store.queries import parse_bound
from .data import plain
from .params import check_date, check_filters, check_nodes, check_terms

SEED = 20250325
PERIOD = re.compile(r"[0-9]{4}(-[0-9]{2})?")
K = 2.0  # spring length in units of 1/sqrt(n), networkx's default being 1
ITERATIONS = 200
SPREAD = 0.55  # the radial exponent that opens up the middle (1 would leave the spring layout as it is)
LABELS = 18  # names drawn on the most connected nodes; the others show on hover
GRID_LEFT = 1.1  # the main component spans [-1, 1] on each axis; the grid of small parts starts here
CELL_WIDTH, CELL_HEIGHT = 0.16, 0.2  # one small component's cell


def _networkx():
    try:
        import networkx as nx
    except ImportError as exc:  # the web extra brings it; a bare install of dyad does not
        raise ImportError("the network layout needs networkx: pip install 'dyad[web]'") from exc
    return nx


def _graph(nodes: list[str], edges: list[tuple[str, str, int]]):
    """An undirected graph of ``nodes`` (in order) whose edge weight grows with the events both ways."""
    nx = _networkx()
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for source, target, n_events in edges:
        if source == target or source not in graph or target not in graph:
            continue
        before = graph.edges[source, target]["events"] if graph.has_edge(source, target) else 0
        graph.add_edge(source, target, events=before + n_events)
    for _, _, attrs in graph.edges(data=True):
        attrs["weight"] = 1.0 + math.log1p(attrs["events"])  # heavy dyads pull closer, but not into one spot
    return graph


def _spread(graph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Spring layout of one connected part, its crowded middle opened up, rescaled into [-1, 1]²."""
    nx = _networkx()
    import numpy as np  # networkx's layouts run on it; it comes with spaCy

    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        return {nodes[0]: (-0.6, 0.0), nodes[1]: (0.6, 0.0)}
    n = len(nodes)
    # Start from a circle in a fixed order so the result does not hang on set iteration order; k above
    # networkx's 1/sqrt(n) pushes a hub's partners apart, and 200 iterations let 300 nodes settle.
    start = {node: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i, node in enumerate(nodes)}
    if n < 500:
        positions = nx.spring_layout(graph.subgraph(nodes), pos=start, k=K / math.sqrt(n), iterations=ITERATIONS,
                                     weight="weight", seed=SEED, method="force")
    else:  # networkx's spring layout needs scipy from 500 nodes on; ForceAtlas2 needs numpy only
        positions = nx.forceatlas2_layout(graph.subgraph(nodes), pos={k: np.array(v) for k, v in start.items()},
                                          max_iter=ITERATIONS, weight="weight", seed=SEED)
    xy = {node: (float(p[0]), float(p[1])) for node, p in positions.items()}
    cx, cy = sum(x for x, _ in xy.values()) / n, sum(y for _, y in xy.values()) / n
    reach = max(math.hypot(x - cx, y - cy) for x, y in xy.values()) or 1.0
    spread = {}
    for node, (x, y) in xy.items():
        # News networks are hub-centred: the busiest actors crowd the middle while leaves ring the edge.
        # Radius r -> r^SPREAD (in units of the reach) gives the middle more room and the rim less.
        r = math.hypot(x - cx, y - cy) / reach
        factor = r ** SPREAD / r if r > 0 else 0.0
        spread[node] = ((x - cx) * factor, (y - cy) * factor)
    # Each axis on its own to [-1, 1]: the page is wider than tall, and names run across.
    xs, ys = [x for x, _ in spread.values()], [y for _, y in spread.values()]
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    sx, sy = (max(xs) - min(xs)) / 2 or 1.0, (max(ys) - min(ys)) / 2 or 1.0
    return {node: ((x - mx) / sx, (y - my) / sy) for node, (x, y) in spread.items()}


def layout(nodes: list[str], edges: list[tuple[str, str, int]]) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` (heaviest first): the largest connected part in [-1, 1]², the rest in a grid
    of small cells to its right, largest parts first. Same nodes and edges in, same positions out."""
    if not nodes:
        return {}
    graph = _graph(nodes, edges)
    order = {node: i for i, node in enumerate(nodes)}
    nx = _networkx()
    parts = sorted((sorted(part, key=order.__getitem__) for part in nx.connected_components(graph)),
                   key=lambda part: (-len(part), order[part[0]]))
    main, rest = parts[0], parts[1:]
    positions = {node: xy for node, xy in _spread(graph, main).items()}
    if not rest:
        return _rounded(positions)
    rows = int(2 / CELL_HEIGHT)  # cells per column, top to bottom beside the main part
    for i, part in enumerate(rest):
        column, row = divmod(i, rows)
        cx = GRID_LEFT + CELL_WIDTH / 2 + column * CELL_WIDTH
        cy = 1 - CELL_HEIGHT / 2 - row * CELL_HEIGHT
        for node, (x, y) in _spread(graph, part).items():
            positions[node] = (cx + x * CELL_WIDTH * 0.35, cy + y * CELL_HEIGHT * 0.35)
    return _rounded(positions)


def ego_layout(centre: str, partners: list[str]) -> dict[str, tuple[float, float]]:
    """The centre at the origin and its partners (heaviest first) on rings around it, the heaviest inside."""
    positions = {centre: (0.0, 0.0)}
    ring, start, radius = 0, 0, 0.5
    while start < len(partners):
        size = 12 + 8 * ring  # the outer rings are longer, so names there keep their spacing
        members = partners[start:start + size]
        for i, node in enumerate(members):
            angle = math.pi / 2 - 2 * math.pi * i / len(members) + ring * 0.3
            positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
        start += size
        ring += 1
        radius += 0.3
    scale = max(0.5, radius - 0.3)
    return _rounded({node: (x / scale, y / scale) for node, (x, y) in positions.items()})


def _rounded(positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    return {node: (round(x, 4) + 0.0, round(y, 4) + 0.0) for node, (x, y) in positions.items()}


def labelled(weights: dict[str, int], degrees: dict[str, int], *, top: int = LABELS) -> set[str]:
    """The ``top`` nodes by events, then partners, then id: the ones whose names are drawn."""
    return set(sorted(weights, key=lambda n: (-weights[n], -degrees.get(n, 0), n))[:top])


# --- data ---------------------------------------------------------------------

EDGES_SQL = (
    "SELECT m.source_actor_id AS source, m.target_actor_id AS target, count(*) AS n_events, "
    "round(avg(m.goldstein), 2) AS goldstein_mean, count(*) FILTER (WHERE m.quad_class IN (1, 2)) AS cooperation, "
    "count(*) FILTER (WHERE m.quad_class IN (3, 4)) AS conflict "
    "FROM merged_events m JOIN actors s ON s.id = m.source_actor_id JOIN actors t ON t.id = m.target_actor_id "
)
WHEN = "coalesce(m.date_start, m.first_published)"


def _edges(store, *, since, until, root, country, realis) -> list[dict]:
    where, params = ["m.source_actor_id IS NOT NULL", "m.target_actor_id IS NOT NULL",
                     "m.source_actor_id <> m.target_actor_id"], []
    if (start := parse_bound("since", since or None, end=False)) is not None:
        where.append("coalesce(m.date_end, m.first_published) >= ?")
        params.append(start)
    if (stop := parse_bound("until", until or None, end=True)) is not None:
        where.append(f"{WHEN} <= ?")
        params.append(stop)
    if root:
        where.append("m.root = ?")
        params.append(root)
    if realis:
        where.append("m.realis = ?")
        params.append(realis)
    if country:
        where.append("(s.country = ? OR t.country = ?)")
        params += [country.upper(), country.upper()]
    return store.query(EDGES_SQL + f"WHERE {' AND '.join(where)} GROUP BY ALL ORDER BY n_events DESC, source, target",
                       params)


def _weights(edges: list[dict]) -> dict[str, int]:
    weight: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weight[end] = weight.get(end, 0) + edge["n_events"]
    return weight


def _ego(store, actor: str, edges: list[dict], max_nodes: int) -> tuple[list[str], list[dict]]:
    """The actor and its heaviest partners, with every edge among them."""
    if not store.query("SELECT 1 FROM actors WHERE id = ?", [actor]):
        raise NotFound("actor", actor, "the ego view takes an actor id, as linked from an actor page")
    with_actor: dict[str, int] = {}
    for edge in edges:
        if actor in (edge["source"], edge["target"]):
            other = edge["target"] if edge["source"] == actor else edge["source"]
            with_actor[other] = with_actor.get(other, 0) + edge["n_events"]
    partners = sorted(with_actor, key=lambda n: (-with_actor[n], n))[:max_nodes - 1]
    keep = {actor, *partners}
    return [actor, *partners], [e for e in edges if e["source"] in keep and e["target"] in keep]


def network(store, *, since: str | None = None, until: str | None = None, root: str | None = None,
            country: str | None = None, realis: str | None = None, max_nodes: int = 80,
            actor: str | None = None) -> dict[str, Any]:
    """Actors as nodes (size: merged events, x/y from `layout`, names on the top `LABELS`), directed dyads
    as edges with their count and mean Goldstein score; with ``actor``, that actor and its partners only."""
    check_nodes(max_nodes)
    check_filters(root=root, country=country, realis=realis)
    check_terms(actor=actor)
    check_date("since", since)
    check_date("until", until)
    edges = _edges(store, since=since, until=until, root=root, country=country, realis=realis)
    weight = _weights(edges)
    if actor:
        kept, edges = _ego(store, actor, edges, max_nodes)
        weight.setdefault(actor, 0)
    else:
        kept = sorted(weight, key=lambda n: (-weight[n], n))[:max_nodes]
        keep = set(kept)
        edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
    info = {r["id"]: r for r in store.query(
        "SELECT id, name, code, kind, country FROM actors WHERE list_contains(?, id)", [kept])} if kept else {}
    shown = _weights(edges)
    degree = {n: len({e["target"] if e["source"] == n else e["source"] for e in edges if n in (e["source"], e["target"])})
              for n in kept}
    pairs = [(e["source"], e["target"], e["n_events"]) for e in edges]
    positions = ego_layout(kept[0], kept[1:]) if actor else layout(kept, pairs)
    names = labelled({n: shown.get(n, 0) for n in kept}, degree, top=len(kept) if actor and len(kept) <= 40 else LABELS)
    nodes = [{**info[n], "n_events": weight[n], "n_shown": shown.get(n, 0), "degree": degree[n],
              "label": n in names or n == actor, "x": positions[n][0], "y": positions[n][1]} for n in kept]
    countries = [r["country"] for r in store.query(
        "SELECT DISTINCT country FROM actors WHERE country IS NOT NULL ORDER BY country")]
    return plain({
        "filters": {"since": since, "until": until, "root": root, "country": country, "realis": realis,
                    "max_nodes": max_nodes, "actor": actor},
        "ego": info.get(actor) if actor else None,
        "nodes": nodes, "edges": edges, "n_nodes_total": len(weight), "countries": countries,
        "periods": (presets := periods(store)), "steps": steps(presets, since, until),
    })


def periods(store) -> list[dict[str, Any]]:
    """The years and months that hold merged events, newest first, with their counts: the period presets."""
    rows = store.query(
        f"SELECT strftime({WHEN}, '%Y') AS year, strftime({WHEN}, '%Y-%m') AS month, count(*) AS n_events "
        f"FROM merged_events m WHERE {WHEN} IS NOT NULL GROUP BY ALL ORDER BY month DESC")
    years: dict[str, dict[str, Any]] = {}
    for row in rows:
        year = years.setdefault(row["year"], {"value": row["year"], "n_events": 0, "months": []})
        year["n_events"] += row["n_events"]
        year["months"].append({"value": row["month"], "n_events": row["n_events"]})
    return list(years.values())


def period_bounds(period: str) -> tuple[str, str]:
    """A period preset (``YYYY`` or ``YYYY-MM``) as the since and until it stands for: itself at both ends."""
    if not PERIOD.fullmatch(period):
        raise BadOption("period", period, "a year or month, YYYY or YYYY-MM")
    check_date("period", period)
    return period, period


def steps(presets: list[dict[str, Any]], since: str | None, until: str | None) -> dict[str, str | None]:
    """When one period is shown (since = until = a year or month), the periods with events before and after it."""
    if not since or since != until:
        return {"previous": None, "next": None}
    if len(since) == 4:
        values = [year["value"] for year in presets]
    else:
        values = [month["value"] for year in presets for month in year["months"]]
    values.sort()
    before = [v for v in values if v < since]
    after = [v for v in values if v > since]
    return {"previous": before[-1] if before else None, "next": after[0] if after else None}
