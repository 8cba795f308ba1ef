"""Readers by format (txt, html, jsonl, csv, directories, stdin) -> ``Article`` records.

Readers yield ``ReadError`` records instead of raising, so one bad file or line
never stops the others.
"""
from __future__ import annotations

from dyad.ingest.readers import (
    DEFAULT_FIELDS,
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    Article,
    Fields,
    ReadError,
    Record,
    detect_format,
    normalize_published,
    read_directory,
    read_csv_file,
    read_file,
    read_html_file,
    read_jsonl_file,
    read_paths,
    read_stdin,
    read_text_file,
    split_headline,
)

__all__ = [
    "DEFAULT_FIELDS",
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Article",
    "Fields",
    "ReadError",
    "Record",
    "detect_format",
    "normalize_published",
    "read_directory",
    "read_csv_file",
    "read_file",
    "read_html_file",
    "read_jsonl_file",
    "read_paths",
    "read_stdin",
    "read_text_file",
    "split_headline",
]
