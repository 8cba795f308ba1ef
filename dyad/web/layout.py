"""A small deterministic force-directed layout (Fruchterman-Reingold), pure Python.

Same nodes and edges in, same positions out: no random seed, no numpy, so the
network page looks the same on every load and the web extra stays light.
"""
from __future__ import annotations

import math


def spring_layout(nodes: list[str], edges: list[tuple[str, str, int]], *, iterations: int = 60) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for ``nodes`` (in order), pulled together along weighted ``edges``."""
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    # Start on a circle in the given order (heaviest first), then relax.
    xs = [math.cos(2 * math.pi * i / n) for i in range(n)]
    ys = [math.sin(2 * math.pi * i / n) for i in range(n)]
    links = [(index[a], index[b], math.log1p(w)) for a, b, w in edges if a in index and b in index and a != b]
    k = math.sqrt(4.0 / n)  # ideal distance for an area of 2 x 2
    temperature = 0.2
    gravity = 0.6
    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                ddx, ddy = xi - xs[j], yi - ys[j]
                dist2 = ddx * ddx + ddy * ddy or 1e-9
                force = k * k / dist2  # repulsion k²/d, applied along (ddx, ddy)/d
                dx[i] += ddx * force
                dy[i] += ddy * force
                dx[j] -= ddx * force
                dy[j] -= ddy * force
        for i, j, w in links:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            dist = math.sqrt(ddx * ddx + ddy * ddy) or 1e-9
            force = dist * (1.0 + w) / k  # attraction d²/k, stronger for heavier edges
            dx[i] -= ddx * force
            dy[i] -= ddy * force
            dx[j] += ddx * force
            dy[j] += ddy * force
        for i in range(n):  # gravity keeps separate components in view instead of drifting apart
            dx[i] -= xs[i] * gravity
            dy[i] -= ys[i] * gravity
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if length > 0:
                step = min(length, temperature)
                xs[i] += dx[i] / length * step
                ys[i] += dy[i] / length * step
        temperature *= 0.95
    # Rescale into [-1, 1] around the centre.
    cx, cy = sum(xs) / n, sum(ys) / n
    scale = max(max(abs(x - cx) for x in xs), max(abs(y - cy) for y in ys)) or 1.0
    return {node: (round((xs[i] - cx) / scale, 4), round((ys[i] - cy) / scale, 4)) for node, i in index.items()}
