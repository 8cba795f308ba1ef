"""The hashed-feature logistic regression behind dyad's learned layers (events and quotes).

Features are strings hashed into ``2**bits`` slots; a model is one weight per slot. ``fit``
trains by full-batch AdaGrad with no shuffling and no random draws, so the same rows give the
same weights on every run. ``ModelSlot`` holds a layer's shipped model (read once from
``dyad/data``) and lets tools and tests put another one, or none, in its place.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Generic, TypeVar

import numpy as np

M = TypeVar("M")


def fit(rows: Sequence[np.ndarray], labels: Sequence[int], *, bits: int, l2: float = 1e-3, steps: int = 300,
        rate: float = 0.5, sample_weight: Sequence[float] | None = None) -> np.ndarray:
    """Weights (float32, ``2**bits``) of a logistic regression over ``rows`` (each the hashed
    slots of one example) and 0/1 ``labels``, each example weighted by ``sample_weight``."""
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    index = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    row_of = np.repeat(np.arange(len(rows)), lengths)
    y = np.asarray(labels, dtype=np.float64)
    sw = np.ones(len(rows)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    total = max(float(sw.sum()), 1e-12)
    size = 1 << bits
    w = np.zeros(size)
    squared = np.full(size, 1e-8)
    for _ in range(steps):
        z = np.bincount(row_of, weights=w[index], minlength=len(rows))
        err = (1.0 / (1.0 + np.exp(-z)) - y) * sw / total
        grad = np.bincount(index, weights=err[row_of], minlength=size) + l2 * w
        squared += grad * grad
        w -= rate * grad / np.sqrt(squared)
    return w.astype(np.float32)


class ModelSlot(Generic[M]):
    """A learned layer's model: the shipped one, read on first use by ``load`` (None when no
    file is shipped), unless ``using`` put another in its place."""

    def __init__(self, load: Callable[[], M | None]):
        self._load = load
        self._loaded = False
        self._shipped: M | None = None
        self._override: list[M | None] = []

    def shipped(self) -> M | None:
        if not self._loaded:
            self._shipped, self._loaded = self._load(), True
        return self._shipped

    def active(self) -> M | None:
        return self._override[-1] if self._override else self.shipped()

    @contextmanager
    def using(self, model: M | None) -> Iterator[None]:
        """Run with ``model`` instead of the shipped one; ``None`` turns the layer off."""
        self._override.append(model)
        try:
            yield
        finally:
            self._override.pop()
