"""Text cleaning: a chain of small ``str -> str`` steps composed by ``clean_text``."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dyad.clean.steps import (
    DEFAULT_STEPS,
    Step,
    normalize_whitespace,
    remove_furniture,
    repair_glued_sentences,
    repair_unicode,
    strip_markup,
)

__all__ = [
    "CleanResult",
    "DEFAULT_STEPS",
    "Step",
    "clean_text",
    "normalize_whitespace",
    "remove_furniture",
    "repair_glued_sentences",
    "repair_unicode",
    "strip_markup",
]


@dataclass(frozen=True)
class CleanResult:
    """The cleaned text and every piece of furniture removed from it, verbatim."""

    text: str
    removed: tuple[str, ...] = ()


def clean_text(text: str, *, steps: Sequence[Step] = DEFAULT_STEPS) -> CleanResult:
    """Run ``steps`` in order; a step may return ``text`` or ``(text, removed)``."""
    removed: list[str] = []
    for step in steps:
        result = step(text)
        if isinstance(result, tuple):
            text, pieces = result
            removed.extend(pieces)
        else:
            text = result
    return CleanResult(text=text, removed=tuple(removed))
