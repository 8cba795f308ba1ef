"""The network behind /network: layout, node and edge sets, labels, the ego view and the period presets.

Most tests build a small store by hand (actors and merged events written directly), so they need no model;
the ones through the API use the ingested web corpus and are marked `model`.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest

from dyad.errors import BadOption, NotFound
from dyad.store import Store
from dyad.web import network as net

HUB, LEAVES, PAIR = "hub", [f"leaf{i:02d}" for i in range(24)], ("p1", "p2")


def merged(source: str, target: str, day: str, goldstein: float = 1.0, n: int = 1) -> list[tuple]:
    when = dt.date.fromisoformat(day)
    return [(f"{source}-{target}-{day}-{i}", source, target, "04", goldstein, 1 if goldstein >= 0 else 3, when, when)
            for i in range(n)]


@pytest.fixture()
def store(tmp_path):
    """A hub with 24 leaves (leaf i has 24 - i events with it; leaf00 and leaf01 also talk), and a separate pair.

    Everything is dated 2024-01 except the pair, in 2025-03.
    """
    rows = []
    for i, leaf in enumerate(LEAVES):
        rows += merged(HUB, leaf, "2024-01-10", goldstein=-4.0 if i % 2 else 3.0, n=len(LEAVES) - i)
    rows += merged("leaf00", "leaf01", "2024-01-12", n=2)
    rows += merged(*PAIR, "2025-03-01", n=30)
    with Store.open(tmp_path / "net.duckdb") as store:
        for actor in [HUB, *LEAVES, *PAIR]:
            store.con.execute("INSERT INTO actors (id, name, kind, country) VALUES (?, ?, ?, ?)",
                              [actor, actor.title(), "PERSON" if actor.startswith("leaf") else "COUNTRY", "NOR"])
        store.con.executemany("INSERT INTO merged_events (id, source_actor_id, target_actor_id, root, goldstein, "
                              "quad_class, date_start, date_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        yield store


def test_layout_is_deterministic_and_bounded():
    nodes = [f"n{i}" for i in range(12)]
    edges = [(nodes[i], nodes[(i + 1) % 12], i + 1) for i in range(12)] + [("n0", "n6", 5), ("n0", "ghost", 3)]
    first, second = net.layout(nodes, edges), net.layout(list(nodes), list(edges))
    assert first == second and set(first) == set(nodes)
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in first.values())
    assert len({(round(x, 2), round(y, 2)) for x, y in first.values()}) == 12, "no two nodes on one spot"
    assert net.layout([], []) == {} and net.layout(["a"], []) == {"a": (0.0, 0.0)}


def test_small_parts_sit_in_a_grid_beside_the_main_one():
    main = [f"m{i}" for i in range(10)]
    edges = [(main[0], m, 3) for m in main[1:]] + [("a", "b", 1)]
    nodes = main + ["a", "b"] + [f"alone{i}" for i in range(12)]
    positions = net.layout(nodes, edges)
    assert all(-1 <= positions[m][0] <= 1 and -1 <= positions[m][1] <= 1 for m in main)
    others = [positions[n] for n in nodes if n not in main]
    # Right of the main part, within two columns of the grid, and inside its height: near, not far away.
    assert all(net.GRID_LEFT <= x <= net.GRID_LEFT + 2 * net.CELL_WIDTH and -1 <= y <= 1 for x, y in others)
    assert len(set(others)) == len(others)
    assert math.dist(positions["a"], positions["b"]) < net.CELL_WIDTH, "a pair stays together in its cell"


def test_the_crowded_middle_is_opened_up():
    """A star's leaves do not pile onto their hub: every two nodes keep some distance."""
    nodes = ["hub"] + [f"l{i}" for i in range(40)]
    positions = net.layout(nodes, [("hub", leaf, 1) for leaf in nodes[1:]])
    closest = min(math.dist(a, b) for a, b in itertools.combinations(positions.values(), 2))
    assert closest > 0.05


def test_network_keeps_the_busiest_actors_and_their_edges(store):
    result = net.network(store, max_nodes=5)
    assert [n["id"] for n in result["nodes"]] == [HUB, "p1", "p2", "leaf00", "leaf01"]
    assert {(e["source"], e["target"]) for e in result["edges"]} == {
        (HUB, "leaf00"), (HUB, "leaf01"), ("p1", "p2"), ("leaf00", "leaf01")}
    assert result["n_nodes_total"] == 27
    hub_leaf = next(e for e in result["edges"] if e["target"] == "leaf00")
    assert (hub_leaf["n_events"], hub_leaf["goldstein_mean"], hub_leaf["cooperation"]) == (24, 3.0, 24)
    assert net.network(store, max_nodes=5) == result, "same database, same coordinates"


def test_names_only_on_the_busiest_nodes(store):
    nodes = net.network(store, max_nodes=27)["nodes"]
    named = [n["id"] for n in nodes if n["label"]]
    assert len(named) == net.LABELS
    ranked = sorted(nodes, key=lambda n: (-n["n_events"], n["id"]))
    assert set(named) == {n["id"] for n in ranked[:net.LABELS]}
    assert not {"leaf23", "leaf22"} & set(named)


def test_an_unlinked_pair_sits_beside_the_hub(store):
    nodes = {n["id"]: n for n in net.network(store, max_nodes=27)["nodes"]}
    assert all(-1 <= nodes[n]["x"] <= 1 for n in [HUB, *LEAVES])
    assert net.GRID_LEFT <= nodes["p1"]["x"] <= net.GRID_LEFT + net.CELL_WIDTH
    assert abs(nodes["p1"]["y"] - nodes["p2"]["y"]) < net.CELL_HEIGHT


def test_ego_view_is_the_actor_and_its_partners(store):
    result = net.network(store, actor="leaf00")
    assert [n["id"] for n in result["nodes"]] == ["leaf00", HUB, "leaf01"]
    assert {(e["source"], e["target"]) for e in result["edges"]} == {
        (HUB, "leaf00"), (HUB, "leaf01"), ("leaf00", "leaf01")}, "edges among the partners too"
    centre = result["nodes"][0]
    assert (centre["x"], centre["y"]) == (0.0, 0.0) and all(n["label"] for n in result["nodes"])
    assert result["ego"]["name"] == "Leaf00" and result["filters"]["actor"] == "leaf00"
    hub = net.network(store, actor=HUB, max_nodes=4)
    assert [n["id"] for n in hub["nodes"]] == [HUB, "leaf00", "leaf01", "leaf02"]
    assert net.network(store, actor="p1", since="2024", until="2024")["nodes"][0]["id"] == "p1"  # no partners then


def test_ego_view_of_an_unknown_actor_is_not_found(store):
    with pytest.raises(NotFound):
        net.network(store, actor="no-such-actor")


def test_period_presets_and_filter(store):
    periods = net.periods(store)
    assert [(p["value"], p["n_events"]) for p in periods] == [("2025", 30), ("2024", 302)]
    assert periods[1]["months"] == [{"value": "2024-01", "n_events": 302}]
    assert net.period_bounds("2025-03") == ("2025-03", "2025-03")
    only_2025 = net.network(store, since="2025", until="2025")
    assert {n["id"] for n in only_2025["nodes"]} == {"p1", "p2"}
    assert net.network(store, since="2023", until="2023")["nodes"] == []


@pytest.mark.parametrize("period", ["2025-13", "2025-03-01", "25", "2025-", "٢٠٢٥"])
def test_bad_periods_are_bad_options(period):
    with pytest.raises(BadOption):
        net.period_bounds(period)


@pytest.mark.parametrize("options", [{"max_nodes": 0}, {"max_nodes": 501}, {"actor": "x" * 201}, {"root": "21"},
                                     {"since": "2025-02-30"}])
def test_bad_values_are_bad_options(store, options):
    with pytest.raises(BadOption):
        net.network(store, **options)


# --- through the API, on the ingested web corpus ---------------------------------

@pytest.mark.model
def test_api_ego_view_and_period(client, ids):
    norway = ids["actors"]["Norway"]
    ego = client.get("/api/network", params={"actor": norway}).json()
    assert ego["nodes"][0]["id"] == norway and ego["ego"]["name"] == "Norway"
    assert len(ego["nodes"]) >= 2 and all(norway in (e["source"], e["target"]) or
                                          {e["source"], e["target"]} <= {n["id"] for n in ego["nodes"]} for e in ego["edges"])
    assert client.get("/api/network", params={"actor": "no-such-actor"}).status_code == 404
    whole = client.get("/api/network").json()
    assert "2025" in [p["value"] for p in whole["periods"]]
    period = client.get("/api/network", params={"period": "2025-03"}).json()
    assert period["filters"]["since"] == period["filters"]["until"] == "2025-03" and period["nodes"]
    assert client.get("/api/network", params={"period": "2025-13"}).status_code == 400
    page = client.get("/network", params={"actor": norway})
    assert page.status_code == 200 and "Network around Norway" in page.text


def test_steps_to_the_neighbouring_periods(store):
    presets = net.periods(store)
    assert net.steps(presets, "2024", "2024") == {"previous": None, "next": "2025"}
    assert net.steps(presets, "2025-03", "2025-03") == {"previous": "2024-01", "next": None}
    assert net.steps(presets, "2024", "2025") == {"previous": None, "next": None}
    assert net.network(store, since="2025", until="2025")["steps"]["previous"] == "2024"


def test_a_connected_part_of_500_nodes_is_laid_out():
    """networkx's spring layout wants scipy from 500 nodes on; the layout takes ForceAtlas2 there instead."""
    nodes = [f"n{i:03d}" for i in range(500)]
    positions = net.layout(nodes, [(nodes[i], nodes[i + 1], 1) for i in range(499)])
    assert set(positions) == set(nodes) and all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in positions.values())
