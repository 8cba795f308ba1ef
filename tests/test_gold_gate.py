"""Accuracy gate: `dyad eval tests/gold` must not fall below the recorded floors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.eval.scorer import evaluate

pytestmark = pytest.mark.model
HERE = Path(__file__).parent


def test_gold_floors(pipeline):
    floors = json.loads((HERE / "eval_baseline.json").read_text(encoding="utf-8"))
    report, _ = evaluate(HERE / "gold", pipeline)
    figures = report.as_dict()
    assert report.articles >= 12
    for key in ("actors", "events", "quotes", "quotes_with_speaker"):
        assert figures[key]["f1"] >= floors[key], (key, figures[key])
