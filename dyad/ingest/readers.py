"""Readers by format: each yields ``Article`` records, or ``ReadError`` records
for input it cannot use, so one bad file or line never stops the others."""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

DEFAULT_MAX_BYTES = 10_000_000

TEXT_SUFFIXES = ("", ".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES[1:] + HTML_SUFFIXES + JSONL_SUFFIXES

# Field names tried in order; the first non-empty string wins.
TEXT_FIELDS = ("text", "content", "content_original", "body", "article")
ID_FIELDS = ("id", "ID")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "publish_date")

STDIN_ORIGIN = "<stdin>"
BINARY_SNIFF_BYTES = 8192
MAX_TITLE_CHARS = 200

# First non-empty line, then a blank line: a headline candidate.
HEADLINE = re.compile(r"\A\s*(?P<title>[^\n]+?)[ \t]*\n[ \t]*\n")
SENTENCE_FINAL_PERIOD = re.compile(r"\.[”’\"')\]]*\Z")
NON_TEXT_BYTES = re.compile(rb"[\x00-\x07\x0e-\x1a\x1c-\x1f\x7f]")


@dataclass(frozen=True)
class Fields:
    """Field (JSONL key or CSV column) names to use instead of the defaults tried in order."""

    text: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None

    def names(self, which: str, defaults: tuple[str, ...]) -> tuple[str, ...]:
        chosen = getattr(self, which)
        return (chosen,) if chosen else defaults


DEFAULT_FIELDS = Fields()


@dataclass(frozen=True)
class Article:
    """One input article as read, before cleaning."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str = ""
    format: str = ""


@dataclass(frozen=True)
class ReadError:
    """Input that could not be read: where, and why (with the fix when there is one)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Record = Article | ReadError


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin: IO[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Fields = DEFAULT_FIELDS,
) -> Iterator[Record]:
    """Read every path in order; ``-`` reads ``stdin`` (``sys.stdin`` by default).

    Directories are walked recursively in sorted order, skipping hidden entries
    and files whose suffix is not supported.
    """
    for path in paths:
        if str(path) == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin, max_bytes=max_bytes, fields=fields)
        elif os.path.isdir(path):
            yield from read_directory(path, max_bytes=max_bytes, fields=fields)
        elif not os.path.exists(path):
            yield ReadError(str(path), "no such file or directory")
        else:
            yield from read_file(path, max_bytes=max_bytes, fields=fields)


def read_directory(
    directory: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fields: Fields = DEFAULT_FIELDS
) -> Iterator[Record]:
    """Read the supported files under ``directory``, recursively, in sorted order."""
    errors: list[ReadError] = []

    def on_error(error: OSError) -> None:
        errors.append(ReadError(str(error.filename), _os_reason(error)))

    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(directory, onerror=on_error):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if name.startswith(".") or detect_format(name) is None:
                continue
            full = os.path.join(root, name)
            found.append((Path(os.path.relpath(full, directory)).parts, full))
    yield from errors
    for _, full in sorted(found):
        yield from read_file(full, max_bytes=max_bytes, fields=fields)


def detect_format(path: str | os.PathLike[str]) -> str | None:
    """The reader for a file name: ``txt``, ``html``, ``jsonl`` or ``csv``; None if unsupported."""
    name = os.path.basename(path).lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    suffix = os.path.splitext(name)[1]
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    return None


def read_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fields: Fields = DEFAULT_FIELDS
) -> Iterator[Record]:
    """Read one file with the reader its suffix names."""
    file_format = detect_format(path)
    if file_format == "txt":
        yield from read_text_file(path, max_bytes=max_bytes)
    elif file_format == "html":
        yield from read_html_file(path, max_bytes=max_bytes)
    elif file_format == "jsonl":
        yield from read_jsonl_file(path, max_bytes=max_bytes, fields=fields)
    elif file_format == "csv":
        yield from read_csv_file(path, max_bytes=max_bytes, fields=fields)
    else:
        suffix = os.path.splitext(str(path))[1]
        yield ReadError(
            str(path),
            f"unsupported file type '{suffix}'; use one of "
            f"{', '.join(SUPPORTED_SUFFIXES)}, a file without suffix, a directory or -",
        )


def read_text_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """Read a plain-text article; a short first line set off by a blank line is its title."""
    origin = str(path)
    data = _read_bytes(path, max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    text = _decode(data, origin)
    if isinstance(text, ReadError):
        yield text
        return
    yield _text_article(text, origin=origin, file_format="txt")


def read_html_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """Extract the main text and metadata of a saved HTML page (nothing is fetched)."""
    origin = str(path)
    data = _read_bytes(path, max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    if problem := _binary_or_empty(data):
        yield ReadError(origin, problem)
        return
    yield _html_article(data, origin)


def read_jsonl_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fields: Fields = DEFAULT_FIELDS
) -> Iterator[Record]:
    """Read one JSON object per line (``.gz`` is decompressed); blank lines are skipped."""
    origin = str(path)
    opener = gzip.open if origin.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            yield from _jsonl_records(stream, origin, max_bytes=max_bytes, fields=fields)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        yield ReadError(origin, f"not a valid gzip file ({error})")
    except OSError as error:
        yield ReadError(origin, _os_reason(error))


def read_csv_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fields: Fields = DEFAULT_FIELDS
) -> Iterator[Record]:
    """Read one article per CSV row (header row required; ``.gz`` is decompressed).

    A file whose header has none of the text columns is one error for the whole file.
    """
    origin = str(path)
    opener = gzip.open if origin.lower().endswith(".gz") else open
    csv.field_size_limit(max(max_bytes, 131072))
    try:
        with opener(path, "rb") as raw:
            head = raw.read(BINARY_SNIFF_BYTES)
        if problem := _binary_or_empty(head):
            yield ReadError(origin, problem)
            return
        with opener(path, "rt", encoding="utf-8-sig", newline="") as stream:
            yield from _csv_records(csv.DictReader(stream), origin, fields=fields)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        yield ReadError(origin, f"not a valid gzip file ({error})")
    except UnicodeDecodeError as error:
        yield ReadError(origin, f"not valid UTF-8 text ({error.reason} at byte {error.start} of a block); re-save it as UTF-8")
    except csv.Error as error:
        yield ReadError(origin, f"malformed CSV ({error})")
    except OSError as error:
        yield ReadError(origin, _os_reason(error))


def read_stdin(stream: IO[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fields: Fields = DEFAULT_FIELDS) -> Iterator[Record]:
    """Read standard input: JSON lines when the first non-empty line starts with ``{``, else one text article."""
    text = stream.read()
    if text.lstrip().startswith("{"):
        yield from _jsonl_records(io.BytesIO(text.encode("utf-8")), STDIN_ORIGIN, max_bytes=max_bytes, fields=fields)
        return
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        yield ReadError(STDIN_ORIGIN, _too_big(size, max_bytes, "input"))
    elif not text.strip():
        yield ReadError(STDIN_ORIGIN, "input is empty")
    else:
        yield _text_article(text, origin=STDIN_ORIGIN, file_format="stdin")


def split_headline(text: str) -> tuple[str | None, str]:
    """``(title, body)``: the first non-empty line is a title when a blank line
    follows it, it is under 200 characters and it does not end with a period."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = HEADLINE.match(text)
    if match is None:
        return None, text
    title = match["title"].strip()
    body = text[match.end():].strip()
    if len(title) >= MAX_TITLE_CHARS or SENTENCE_FINAL_PERIOD.search(title) or not body:
        return None, text
    return title, body


def normalize_published(raw: str | None) -> str | None:
    """``YYYY-MM-DD`` for an ISO date or datetime; anything else is kept as found."""
    if raw is None or not raw.strip():
        return None
    value = raw.strip()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return raw


# --- helpers -----------------------------------------------------------------


def _text_article(text: str, *, origin: str, file_format: str) -> Article:
    title, body = split_headline(text)
    return Article(text=body, title=title, origin=origin, format=file_format)


def _html_article(data: bytes, origin: str) -> Record:
    import trafilatura  # heavy; only HTML input needs it

    text = trafilatura.extract(
        data,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if not text or not text.strip():
        return ReadError(origin, "no article text found in the HTML")
    metadata = trafilatura.extract_metadata(data)
    title = (metadata.title or None) if metadata else None
    # trafilatura gives one line per block; blank lines mark paragraphs as in .txt
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if title and len(paragraphs) > 1 and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]  # the <h1> repeats the title
    return Article(
        text="\n\n".join(paragraphs),
        title=title,
        url=(metadata.url or None) if metadata else None,
        published=normalize_published(metadata.date) if metadata else None,
        origin=origin,
        format="html",
    )


def _csv_records(reader: csv.DictReader, origin: str, *, fields: Fields) -> Iterator[Record]:
    header = reader.fieldnames or []
    text_fields = fields.names("text", TEXT_FIELDS)
    if not header:
        yield ReadError(origin, "file is empty")
        return
    if not set(text_fields) & set(header):
        yield ReadError(
            origin,
            f"no text column (expected one of {', '.join(text_fields)}; the header has "
            f"{', '.join(header[:12])}); pass --text-field with the column that holds the article text",
        )
        return
    for row in reader:
        line_origin = f"{origin}:{reader.line_num}"
        yield _record_article({k: v for k, v in row.items() if k is not None}, line_origin, fields=fields, file_format="csv")


def _jsonl_records(stream: IO[bytes], origin: str, *, max_bytes: int, fields: Fields = DEFAULT_FIELDS) -> Iterator[Record]:
    seen_content = False
    for lineno, raw_line in enumerate(stream, start=1):
        line_origin = f"{origin}:{lineno}"
        if lineno == 1 and raw_line.startswith(b"\xef\xbb\xbf"):
            raw_line = raw_line[3:]
        if len(raw_line) > max_bytes:
            seen_content = True
            yield ReadError(line_origin, _too_big(len(raw_line), max_bytes, "line"))
            continue
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError as error:
            seen_content = True
            yield ReadError(line_origin, _not_utf8(raw_line, error))
            continue
        if not line.strip():
            continue
        seen_content = True
        yield _json_article(line, line_origin, fields=fields)
    if not seen_content:
        yield ReadError(origin, "file is empty")


def _json_article(line: str, origin: str, *, fields: Fields = DEFAULT_FIELDS) -> Record:
    try:
        record = json.loads(line.strip())
    except json.JSONDecodeError as error:
        return ReadError(origin, f"malformed JSON ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return ReadError(origin, f"expected a JSON object, got {_json_type(record)}")
    return _record_article(record, origin, fields=fields, file_format="jsonl")


def _record_article(record: dict[str, Any], origin: str, *, fields: Fields, file_format: str) -> Record:
    text_fields = fields.names("text", TEXT_FIELDS)
    text = _first_string(record, text_fields)
    if text is None:
        return ReadError(origin, f"no text field (expected one of {', '.join(text_fields)})")
    return Article(
        text=text,
        id=_first_id(record, fields.names("id", ID_FIELDS)),
        title=_first_string(record, fields.names("title", TITLE_FIELDS)),
        url=_first_string(record, fields.names("url", URL_FIELDS)),
        published=normalize_published(_first_string(record, fields.names("date", DATE_FIELDS))),
        origin=origin,
        format=file_format,
    )


def _first_id(record: dict[str, Any], id_fields: tuple[str, ...] = ID_FIELDS) -> str | None:
    for field in id_fields:
        value = record.get(field)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value)
    return None


def _first_string(record: dict[str, Any], fields: Iterable[str]) -> str | None:
    for field in fields:
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    return "a number"


def _read_bytes(path: str | os.PathLike[str], max_bytes: int) -> bytes | ReadError:
    origin = str(path)
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return ReadError(origin, _too_big(size, max_bytes, "file"))
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as error:
        return ReadError(origin, _os_reason(error))


def _decode(data: bytes, origin: str) -> str | ReadError:
    if problem := _binary_or_empty(data):
        return ReadError(origin, problem)
    bom = b"\xef\xbb\xbf"
    offset = len(bom) if data.startswith(bom) else 0
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as error:
        return ReadError(origin, _not_utf8(data[offset:], error, shift=offset))


def _binary_or_empty(data: bytes) -> str | None:
    head = data[:BINARY_SNIFF_BYTES]
    # Control bytes, not high bytes: UTF-8 Arabic or Russian text is mostly high bytes.
    if b"\x00" in head or len(NON_TEXT_BYTES.findall(head)) > 0.1 * len(head):
        return "looks like a binary file, not text"
    if not data.strip():
        return "file is empty"
    return None


def _not_utf8(data: bytes, error: UnicodeDecodeError, *, shift: int = 0) -> str:
    return (
        f"not valid UTF-8 text (byte 0x{data[error.start]:02x} at offset "
        f"{error.start + shift}); re-save it as UTF-8"
    )


def _too_big(size: int, max_bytes: int, what: str) -> str:
    return (
        f"{what} is {size / 1_000_000:.1f} MB, above the "
        f"{max_bytes / 1_000_000:g} MB limit per article"
    )


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "cannot be read (permission denied)"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    return f"cannot be read ({error.strerror or error})"
