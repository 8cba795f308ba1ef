"""Files through Hadoop's FileSystem API (via the Spark driver's JVM), so inputs and outputs may be
local paths or any Hadoop-compatible URL (``hdfs://``, ``s3a://``, ...)."""
from __future__ import annotations

import os
from collections.abc import Iterable

from ..errors import E_INPUT_MISSING
from ..ingest import ReadError, detect_format


def _file_system(spark, uri: str):
    sc = spark.sparkContext
    path = sc._jvm.org.apache.hadoop.fs.Path(uri)
    return path, path.getFileSystem(sc._jsc.hadoopConfiguration())


def list_inputs(spark, paths: Iterable[str]) -> tuple[list[tuple[str, str]], list[ReadError]]:
    """(qualified URI, origin) of every input file, in the local engine's reading order, and read errors.

    Directories are walked recursively in sorted order, skipping hidden entries and unsupported
    suffixes, as ``dyad.ingest.read_directory`` does; origins are the paths as given (joined for files
    found in a directory), so ``documents.origin`` and ``errors.origin`` match a local run."""
    files: list[tuple[str, str]] = []
    errors: list[ReadError] = []
    for given in paths:
        given = str(given)
        path, fs = _file_system(spark, given)
        if not fs.exists(path):
            errors.append(ReadError(given, "no such file or directory", E_INPUT_MISSING))
            continue
        root = fs.makeQualified(path).toString()
        if not fs.getFileStatus(path).isDirectory():
            files.append((root, given))
            continue
        found = []
        listing = fs.listFiles(path, True)
        while listing.hasNext():
            uri = listing.next().getPath().toString()
            parts = tuple(uri[len(root):].strip("/").split("/"))
            if any(part.startswith(".") for part in parts) or detect_format(parts[-1]) is None:
                continue
            found.append((parts, uri))
        files.extend((uri, os.path.join(given, *parts)) for parts, uri in sorted(found))
    return files, errors


def remove(spark, uri: str) -> None:
    path, fs = _file_system(spark, uri)
    if fs.exists(path):
        fs.delete(path, False)


def read_text(spark, uri: str) -> str | None:
    """A small file's text, or None when it does not exist."""
    path, fs = _file_system(spark, uri)
    if not fs.exists(path):
        return None
    jvm = spark.sparkContext._jvm
    stream = fs.open(path)
    try:
        reader = jvm.java.io.BufferedReader(jvm.java.io.InputStreamReader(stream, "UTF-8"))
        lines = []
        line = reader.readLine()
        while line is not None:
            lines.append(line)
            line = reader.readLine()
        return "\n".join(lines)
    finally:
        stream.close()


def write_text(spark, uri: str, text: str) -> None:
    """Write a small file (overwriting)."""
    path, fs = _file_system(spark, uri)
    stream = fs.create(path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()
