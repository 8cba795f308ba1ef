"""The actor network as GraphML: actors are nodes, directed dyads are weighted edges.

Edge weights count merged events (one per real-world event): ``weight`` all of
them, ``cooperation`` QuadClass 1-2, ``conflict`` QuadClass 3-4, and the
Goldstein sums split by sign (``cooperation_goldstein`` >= 0, ``conflict_goldstein`` >= 0).
"""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

NODE_KEYS = [("name", "string"), ("code", "string"), ("kind", "string"), ("country", "string"), ("sector", "string")]
EDGE_KEYS = [("weight", "int"), ("cooperation", "int"), ("conflict", "int"), ("goldstein_sum", "double"),
             ("cooperation_goldstein", "double"), ("conflict_goldstein", "double"), ("n_mentions", "int")]

EDGES_SQL = """
SELECT source_actor_id AS source, target_actor_id AS target, count(*) AS weight,
       count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
       round(sum(goldstein), 3) AS goldstein_sum,
       round(coalesce(sum(goldstein) FILTER (WHERE goldstein > 0), 0), 3) AS cooperation_goldstein,
       round(coalesce(-sum(goldstein) FILTER (WHERE goldstein < 0), 0), 3) AS conflict_goldstein,
       sum(n_mentions) AS n_mentions
FROM merged_events WHERE source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
GROUP BY source_actor_id, target_actor_id ORDER BY source_actor_id, target_actor_id
"""


def export_graphml(store, path: Path) -> int:
    edges = store.query(EDGES_SQL)
    used = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = store.query("SELECT * FROM actors WHERE list_contains(?, id) ORDER BY id", [used]) if used else []
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for name, kind in NODE_KEYS:
        lines.append(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>')
    for name, kind in EDGE_KEYS:
        lines.append(f'  <key id="{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>')
    lines.append('  <graph id="dyad" edgedefault="directed">')
    for node in nodes:
        lines.append(f"    <node id={quoteattr(node['id'])}>")
        lines += [f'      <data key="{k}">{_text(node[k])}</data>' for k, _ in NODE_KEYS if node[k] is not None]
        lines.append("    </node>")
    for i, edge in enumerate(edges):
        lines.append(f'    <edge id="e{i}" source={quoteattr(edge["source"])} target={quoteattr(edge["target"])}>')
        lines += [f'      <data key="{k}">{edge[k]}</data>' for k, _ in EDGE_KEYS]
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(edges)


def _text(value: object) -> str:
    from xml.sax.saxutils import escape

    return escape(str(value))
