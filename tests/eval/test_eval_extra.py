"""Gold scoring needs PyYAML, the ``dyad[eval]`` extra; without it the error names the extra."""
from __future__ import annotations

import subprocess
import sys

import pytest


def test_missing_pyyaml_names_the_extra(monkeypatch, tmp_path):
    from dyad.errors import ExtraMissing
    from dyad.eval.scorer import load_gold

    gold = tmp_path / "a.yaml"
    gold.write_text("text: Chile hosted Peru.\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)  # `import yaml` now raises ImportError
    with pytest.raises(ExtraMissing, match=r"'pyyaml' package is missing.*pip install 'dyad\[eval\]'"):
        load_gold(gold)


def test_gold_loads_with_pyyaml(tmp_path):
    pytest.importorskip("yaml")
    from dyad.eval.scorer import load_gold

    gold = tmp_path / "a.yaml"
    gold.write_text("text: Chile hosted Peru.\n", encoding="utf-8")
    assert load_gold(gold) == {"text": "Chile hosted Peru.", "actors": [], "events": [], "quotes": []}


def test_importing_the_scorer_does_not_import_yaml():
    code = "import sys, dyad.eval.scorer; print('yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
