"""Readers by format: each yields ``Article`` records, or ``ReadError`` records
for input it cannot use, so one bad file or line never stops the others.

A path is looked at with ``stat`` before it is opened: devices, FIFOs and sockets are
skipped with a warning (opening one could block forever or never end), and a symlink
loop is reported, not followed. Text is UTF-8, or UTF-16/UTF-32 with a byte-order mark
(``decoding.py``); HTML goes through ``html_text.py``.
"""
from __future__ import annotations

import codecs
import csv
import errno
import io
import json
import os
import re
import stat
import sys
import traceback
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..errors import (
    E_BAD_GZIP,
    E_BINARY_INPUT,
    E_EMPTY_INPUT,
    E_ENCODING,
    E_INPUT_MISSING,
    E_INPUT_UNREADABLE,
    E_MALFORMED_CSV,
    E_MALFORMED_JSON,
    E_NO_TEXT,
    E_READER_FAILED,
    E_SYMLINK_LOOP,
    E_TOO_LARGE,
    E_UNSUPPORTED_INPUT,
    E_WRONG_TYPE,
    W_SPECIAL_FILE,
)
from .compressed import open_gunzip
from .decoding import (BINARY_SNIFF_BYTES, binary_or_empty, binary_problem, byte_order_mark, decode_bytes, not_utf8,
                       sniff)
from .html_text import html_article
from .records import DEFAULT_FIELDS, Article, Fields, ReadError, Record, normalize_published

# The web's uploads read through these (their names from before the split into modules).
_binary_or_empty = binary_or_empty
_decode = decode_bytes
_html_article = html_article

DEFAULT_MAX_BYTES = 10_000_000

TEXT_SUFFIXES = ("", ".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES[1:] + HTML_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES

# Field names tried in order; the first non-empty string wins.
TEXT_FIELDS = ("text", "content", "content_original", "body", "article")
ID_FIELDS = ("id", "ID")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "publish_date")

STDIN_ORIGIN = "<stdin>"
MAX_TITLE_CHARS = 200

# First non-empty line, then a blank line: a headline candidate.
HEADLINE = re.compile(r"\A\s*(?P<title>[^\n]+?)[ \t]*\n[ \t]*\n")
SENTENCE_FINAL_PERIOD = re.compile(r"\.[”’\"')\]]*\Z")
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")  # from a JSON "\ud800" escape; UTF-8 cannot hold one

SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


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
            continue
        try:
            is_directory = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError):
            is_directory = False  # read_file reports why
        if is_directory:
            yield from read_directory(path, max_bytes=max_bytes, fields=fields)
        else:
            yield from read_file(path, max_bytes=max_bytes, fields=fields)


def read_directory(
    directory: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fields: Fields = DEFAULT_FIELDS
) -> Iterator[Record]:
    """Read the supported files under ``directory``, recursively, in sorted order."""
    files, errors = directory_files(directory)
    yield from sorted(errors, key=lambda error: error.origin)
    for full in files:
        yield from read_file(full, max_bytes=max_bytes, fields=fields)


def directory_files(directory: str | os.PathLike[str]) -> tuple[list[str], list[ReadError]]:
    """The files under ``directory`` a reader handles, sorted by their path inside it, and the
    problems met on the way. Hidden entries are skipped; a symlinked directory is followed unless
    it leads back to a directory being walked (a loop: reported, not entered)."""
    found: list[tuple[tuple[str, ...], str]] = []
    errors: list[ReadError] = []
    try:
        top = os.stat(directory)
    except OSError as error:
        return [], [_os_error(_display(directory), error)]
    # (path, parts inside ``directory``, (device, inode) of the directories above and at it)
    pending: list[tuple[str, tuple[str, ...], frozenset]] = [
        (os.fspath(directory), (), frozenset({(top.st_dev, top.st_ino)}))]
    while pending:
        path, parts, ancestors = pending.pop()
        try:
            with os.scandir(path) as listing:
                entries = list(listing)
        except OSError as error:
            errors.append(_os_error(_display(path), error))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_directory = entry.is_dir()  # follows a symlink
            except OSError:
                is_directory = False  # a symlink loop or the like: read_file reports it
            if not is_directory:
                if detect_format(entry.name) is not None:
                    found.append(((*parts, entry.name), entry.path))
                continue
            try:
                info = os.stat(entry.path)
            except OSError as error:
                errors.append(_os_error(_display(entry.path), error))
                continue
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                errors.append(ReadError(
                    _display(entry.path),
                    f"symlink loop: it leads back to {_display(os.path.realpath(entry.path))}, a directory being "
                    "read; skipped (remove the link, or point it outside the input)", E_SYMLINK_LOOP))
                continue
            pending.append((entry.path, (*parts, entry.name), ancestors | {key}))
    return [full for _, full in sorted(found)], errors


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
    """Read one file with the reader its suffix names; anything but a regular file is never opened."""
    origin = _display(path)
    if problem := _not_a_regular_file(path, origin):
        yield problem
        return
    file_format = detect_format(path)
    if file_format == "txt":
        records = read_text_file(path, max_bytes=max_bytes)
    elif file_format == "html":
        records = read_html_file(path, max_bytes=max_bytes)
    elif file_format == "jsonl":
        records = read_jsonl_file(path, max_bytes=max_bytes, fields=fields)
    elif file_format == "csv":
        records = read_csv_file(path, max_bytes=max_bytes, fields=fields)
    else:
        suffix = os.path.splitext(origin)[1]
        yield ReadError(
            origin,
            f"unsupported file type '{suffix}'; use one of "
            f"{', '.join(SUPPORTED_SUFFIXES)}, a file without suffix, a directory or -",
            E_UNSUPPORTED_INPUT,
        )
        return
    yield from _guarded(records, origin)


def read_text_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """Read a plain-text article; a short first line set off by a blank line is its title."""
    origin = _display(path)
    data = _read_bytes(path, max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    text = decode_bytes(data, origin)
    if isinstance(text, ReadError):
        yield text
        return
    yield _text_article(text, origin=origin, file_format="txt")


def read_html_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """Extract the main text and metadata of a saved HTML page (nothing is fetched)."""
    origin = _display(path)
    data = _read_bytes(path, max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    if problem := sniff(data, origin):
        yield problem
        return
    yield html_article(data, origin)


def read_jsonl_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fields: Fields = DEFAULT_FIELDS
) -> Iterator[Record]:
    """Read one JSON object per line (``.gz`` is decompressed); blank lines are skipped."""
    origin = _display(path)
    try:
        with _open_bytes(path) as stream:
            head = stream.read1(BINARY_SNIFF_BYTES)  # one read: a truncated .gz fails later, its lines read
        bom = byte_order_mark(head)
        if bom is None and (problem := binary_problem(head, origin)):
            yield problem
            return
        with _open_bytes(path) as stream:
            lines = io.TextIOWrapper(stream, encoding=bom[2].lower()) if bom and bom[1] != "utf-8" else stream
            yield from _jsonl_records(lines, origin, max_bytes=max_bytes, fields=fields)
    except (EOFError, zlib.error) as error:
        yield ReadError(origin, _bad_gzip(error), E_BAD_GZIP)
    except OSError as error:
        yield _os_error(origin, error)


def read_csv_file(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, fields: Fields = DEFAULT_FIELDS
) -> Iterator[Record]:
    """Read one article per CSV row (header row required; ``.gz`` is decompressed).

    A file whose header has none of the text columns is one error for the whole file; a row
    that cannot be used (a quote left open, invalid UTF-8) is one error, and the others are read.
    """
    origin = _display(path)
    csv.field_size_limit(max(max_bytes, 131072))
    try:
        with _open_bytes(path) as raw:
            head = raw.read1(BINARY_SNIFF_BYTES)  # one read: a truncated .gz fails later, its rows read
        bom = byte_order_mark(head)
        if bom is None and (problem := sniff(head, origin)):
            yield problem
            return
        # Undecodable UTF-8 bytes become lone surrogates, so the row holding them is the one error.
        encoding, decode_errors = ("utf-8-sig", "surrogateescape")
        if bom and bom[1] != "utf-8":
            encoding, decode_errors = bom[2].lower(), "strict"
        with _open_bytes(path) as raw:
            stream = io.TextIOWrapper(raw, encoding=encoding, errors=decode_errors, newline="")
            yield from _csv_records(stream, origin, fields=fields, max_bytes=max_bytes)
    except (EOFError, zlib.error) as error:
        yield ReadError(origin, _bad_gzip(error), E_BAD_GZIP)
    except UnicodeDecodeError as error:
        yield ReadError(origin, f"not valid {error.encoding.upper()} text ({error.reason}); re-save it as UTF-8",
                        E_ENCODING)
    except OSError as error:
        yield _os_error(origin, error)


def read_stdin(stream: IO[str] | None, *, max_bytes: int = DEFAULT_MAX_BYTES,
               fields: Fields = DEFAULT_FIELDS) -> Iterator[Record]:
    """Read standard input: JSON lines when the first non-empty line starts with ``{``, else one text article.

    The bytes are read (``stream.buffer``) and decoded as a file's are, so binary data or another
    encoding is one error, not a traceback."""
    if stream is None or getattr(stream, "closed", False):
        yield ReadError(STDIN_ORIGIN, "standard input is closed; pipe an article to it or pass a path",
                        E_INPUT_UNREADABLE)
        return
    buffer = getattr(stream, "buffer", None)
    try:
        data = buffer.read() if buffer is not None else stream.read().encode("utf-8", "replace")
    except OSError as error:
        yield _os_error(STDIN_ORIGIN, error)
        return
    bom = byte_order_mark(data)
    problem = binary_problem(data, STDIN_ORIGIN) if bom is None else None
    if problem and problem.code == E_BINARY_INPUT:
        yield ReadError(STDIN_ORIGIN, "input looks like binary data, not text; pipe plain text or JSON lines "
                        "(one object a line) to dyad, or pass the file's path", E_BINARY_INPUT)
        return
    if problem:
        yield problem
        return
    if bom is not None and bom[1] != "utf-8":
        text = decode_bytes(data, STDIN_ORIGIN)
        if isinstance(text, ReadError):
            yield text
            return
        data = text.encode("utf-8")
    if data.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{"):
        yield from _jsonl_records(io.BytesIO(data), STDIN_ORIGIN, max_bytes=max_bytes, fields=fields)
        return
    if len(data) > max_bytes:
        yield ReadError(STDIN_ORIGIN, _too_big(len(data), max_bytes, "input"), E_TOO_LARGE)
        return
    if not data.strip():
        yield ReadError(STDIN_ORIGIN, "input is empty", E_EMPTY_INPUT)
        return
    text = decode_bytes(data, STDIN_ORIGIN)
    if isinstance(text, ReadError):
        yield text
        return
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


# --- helpers -----------------------------------------------------------------


def _display(path: str | os.PathLike[str]) -> str:
    """A path as text that prints and stores anywhere: undecodable bytes in a name become ``\\xNN``."""
    return os.fsdecode(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _not_a_regular_file(path: str | os.PathLike[str], origin: str) -> ReadError | None:
    """Why ``path`` must not be opened (missing, a loop, a device, FIFO or socket); None for a file."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as error:
        return _os_error(origin, error) if isinstance(error, OSError) else ReadError(
            origin, f"not a usable path ({error})", E_INPUT_MISSING)
    for is_kind, kind in SPECIAL_FILES:
        if is_kind(mode):
            return ReadError(origin, f"skipped: {kind}, not a regular file (dyad never opens one: it could "
                             "block or never end); to read from a pipe, pass - and pipe it to standard input",
                             W_SPECIAL_FILE)
    return None


def _open_bytes(path: str | os.PathLike[str]) -> IO[bytes]:
    """A file's bytes, decompressed when its name ends in ``.gz`` (as far as they go: see ``compressed.py``)."""
    return open_gunzip(path) if os.fsdecode(path).lower().endswith(".gz") else open(path, "rb")


def _guarded(records: Iterator[Record], origin: str) -> Iterator[Record]:
    """A reader's records; if the reader itself raises, one error for the rest of the file."""
    try:
        yield from records
    except Exception as error:  # a bug in a reader must cost this file only, never the run
        where = traceback.extract_tb(error.__traceback__)[-1]
        yield ReadError(origin, f"dyad's reader failed on this file ({type(error).__name__}: {error}, at "
                        f"{os.path.basename(where.filename)}:{where.lineno}); the other files were read; please "
                        "report it with the file", E_READER_FAILED)


def _text_article(text: str, *, origin: str, file_format: str) -> Article:
    title, body = split_headline(text)
    return Article(text=body, title=title, origin=origin, format=file_format)


def _csv_records(stream: IO[str], origin: str, *, fields: Fields, max_bytes: int) -> Iterator[Record]:
    lines = _RowLines(stream)
    reader = csv.reader(lines)
    header: list[str] = []
    try:
        while not header:
            header = next(reader)
    except StopIteration:
        yield ReadError(origin, "file is empty", E_EMPTY_INPUT)
        return
    except csv.Error as error:
        yield ReadError(f"{origin}:{reader.line_num}", f"malformed CSV header ({error})", E_MALFORMED_CSV)
        return
    text_fields = fields.names("text", TEXT_FIELDS)
    if not set(text_fields) & set(header):
        yield ReadError(
            origin,
            f"no text column (expected one of {', '.join(text_fields)}; the header has "
            f"{', '.join(header[:12])}); pass --text-field with the column that holds the article text",
            E_NO_TEXT,
        )
        return
    while True:
        start = reader.line_num + 1
        lines.row.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield _csv_error(f"{origin}:{start}", str(error), start, reader.line_num, max_bytes)
            continue
        if not row:
            continue  # a blank line
        line_origin = f"{origin}:{start}"
        if len(lines.row) > 1 and (problem := _strict_csv_problem(lines.row)):
            # a quoted field that runs over several lines and does not close cleanly: a quote left open
            yield _csv_error(line_origin, problem, start, reader.line_num, max_bytes)
            continue
        record: dict[str, Any] = dict(zip(header, row))
        if any(LONE_SURROGATE.search(value) for value in row):
            yield ReadError(line_origin, _undecodable_row(row), E_ENCODING)
            continue
        yield _record_article(record, line_origin, fields=fields, file_format="csv",
                              short_row=(len(row), len(header)) if len(row) < len(header) else None)


class _RowLines:
    """The lines the csv reader pulls, kept for the row it is reading (to re-check a multi-line row)."""

    def __init__(self, stream: Iterable[str]) -> None:
        self.lines = iter(stream)
        self.row: list[str] = []

    def __iter__(self) -> _RowLines:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.row.append(line)
        return line


def _strict_csv_problem(lines: list[str]) -> str | None:
    """What a strict parse says of a row's lines: None when they are one well-formed row."""
    try:
        list(csv.reader(lines, strict=True))
    except csv.Error as error:
        return str(error)
    return None


def _csv_error(origin: str, problem: str, start: int, end: int, max_bytes: int) -> ReadError:
    if "field larger than field limit" in problem:
        return ReadError(origin, f"row starting on line {start} is above the {max_bytes / 1_000_000:g} MB limit "
                         "per article", E_TOO_LARGE)
    if "unexpected end of data" in problem:
        return ReadError(origin, f"unterminated quote: the quoted field opened on line {start} is never closed, so "
                         f"lines {start}-{end} (the rest of the file) are one field; close the quote (a quote "
                         'inside a quoted field is written twice: "")', E_MALFORMED_CSV)
    if end > start:
        return ReadError(origin, f"unterminated quote: the quoted field opened on line {start} runs over lines "
                         f"{start}-{end} and closes in the middle of a field ({problem}); lines {start}-{end} were "
                         'skipped; close the quote where the field ends (a quote inside it is written twice: "")',
                         E_MALFORMED_CSV)
    return ReadError(origin, f"malformed CSV row ({problem}); fix the quoting of line {start}", E_MALFORMED_CSV)


def _undecodable_row(row: list[str]) -> str:
    value = next(v for v in row if LONE_SURROGATE.search(v))
    byte = ord(LONE_SURROGATE.search(value).group()) - 0xDC00
    return f"not valid UTF-8 text (byte 0x{byte:02x} in this row); re-save the file as UTF-8"


def _jsonl_records(lines: Iterable[bytes | str], origin: str, *, max_bytes: int,
                   fields: Fields = DEFAULT_FIELDS) -> Iterator[Record]:
    """One record per non-blank line: bytes lines are decoded as UTF-8, text lines are taken as they are."""
    seen_content = False
    lineno = 0
    iterator = iter(lines)
    while True:
        try:
            raw_line = next(iterator)
        except StopIteration:
            break
        except UnicodeDecodeError as error:  # a UTF-16/32 stream: nothing after a bad code unit can be trusted
            yield ReadError(f"{origin}:{lineno + 1}", f"not valid {error.encoding.upper()} text ({error.reason}); "
                            "the rest of the file was not read; re-save it as UTF-8", E_ENCODING)
            return
        lineno += 1
        line_origin = f"{origin}:{lineno}"
        if isinstance(raw_line, str):
            size, line = len(raw_line.encode("utf-8", "surrogatepass")), raw_line
        else:
            if lineno == 1 and raw_line.startswith(codecs.BOM_UTF8):
                raw_line = raw_line[len(codecs.BOM_UTF8):]
            size, line = len(raw_line), None
        if size > max_bytes:
            seen_content = True
            yield ReadError(line_origin, _too_big(size, max_bytes, "line"), E_TOO_LARGE)
            continue
        if line is None:
            try:
                line = raw_line.decode("utf-8")
            except UnicodeDecodeError as error:
                seen_content = True
                yield ReadError(line_origin, not_utf8(raw_line, error), E_ENCODING)
                continue
        if not line.strip():
            continue
        seen_content = True
        yield _json_article(line, line_origin, fields=fields)
    if not seen_content:
        yield ReadError(origin, "file is empty", E_EMPTY_INPUT)


def _json_article(line: str, origin: str, *, fields: Fields = DEFAULT_FIELDS) -> Record:
    try:
        record = json.loads(line.strip(), parse_int=_json_int)
    except json.JSONDecodeError as error:
        return ReadError(origin, f"malformed JSON ({error.msg} at column {error.colno})", E_MALFORMED_JSON)
    except RecursionError:
        return ReadError(origin, "malformed JSON (nested too deeply to read); write one flat JSON object a line",
                         E_MALFORMED_JSON)
    if not isinstance(record, dict):
        return ReadError(origin, f"expected a JSON object, got {_json_type(record)}", E_MALFORMED_JSON)
    return _record_article(record, origin, fields=fields, file_format="jsonl")


def _json_int(digits: str) -> int | float:
    """A JSON integer; one too long for Python's int conversion limit becomes a float, not an error."""
    try:
        return int(digits)
    except ValueError:
        return float(digits)


def _record_article(record: dict[str, Any], origin: str, *, fields: Fields, file_format: str,
                    short_row: tuple[int, int] | None = None) -> Record:
    text_fields = fields.names("text", TEXT_FIELDS)
    text = _first_string(record, text_fields)
    if text is None:
        return _no_text(record, origin, text_fields, short_row)
    return Article(
        text=_valid_text(text),
        id=_first_id(record, fields.names("id", ID_FIELDS)),
        title=_optional_text(_first_string(record, fields.names("title", TITLE_FIELDS))),
        url=_optional_text(_first_string(record, fields.names("url", URL_FIELDS))),
        published=normalize_published(_optional_text(_first_string(record, fields.names("date", DATE_FIELDS)))),
        origin=origin,
        format=file_format,
    )


def _no_text(record: dict[str, Any], origin: str, text_fields: tuple[str, ...],
             short_row: tuple[int, int] | None) -> ReadError:
    """Why a record has no text: a text field of another type, an empty one, or none at all."""
    expected = f"expected one of {', '.join(text_fields)}"
    present = [(name, record[name]) for name in text_fields if record.get(name) is not None]
    for name, value in present:
        if not isinstance(value, str):
            fix = "; join the paragraphs into one string" if isinstance(value, list) else ""
            return ReadError(origin, f"`{name}` is {_json_type(value)}, expected a string{fix}", E_WRONG_TYPE)
    if present:
        name = present[0][0]
        return ReadError(origin, f"no text field: `{name}` is empty; put the article's text in one of "
                         f"{', '.join(text_fields)}", E_NO_TEXT)
    if short_row is not None:
        return ReadError(origin, f"no text field: the row has {short_row[0]} of the header's {short_row[1]} "
                         f"columns ({expected}); check the row's commas and quotes", E_NO_TEXT)
    return ReadError(origin, f"no text field ({expected})", E_NO_TEXT)


def _valid_text(text: str) -> str:
    """A JSON "\\ud800" escape gives a lone surrogate, which no UTF-8 output can hold: it becomes U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", text)


def _optional_text(text: str | None) -> str | None:
    return None if text is None else _valid_text(text)


def _first_id(record: dict[str, Any], id_fields: tuple[str, ...] = ID_FIELDS) -> str | None:
    for field in id_fields:
        value = record.get(field)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return _valid_text(str(value))
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
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    return "a number"


def _read_bytes(path: str | os.PathLike[str], max_bytes: int) -> bytes | ReadError:
    origin = _display(path)
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return ReadError(origin, _too_big(size, max_bytes, "file"), E_TOO_LARGE)
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as error:
        return _os_error(origin, error)


def _too_big(size: int, max_bytes: int, what: str) -> str:
    return (
        f"{what} is {size / 1_000_000:.1f} MB, above the "
        f"{max_bytes / 1_000_000:g} MB limit per article"
    )


def _bad_gzip(error: BaseException) -> str:
    if isinstance(error, EOFError):
        return ("not a valid gzip file (it is cut short: the data end before gzip's end-of-stream marker); the "
                "articles before the cut were read; copy or download the file again")
    detail = str(error).split(": ", 1)[-1] or type(error).__name__
    return f"not a valid gzip file ({detail}); compress it with gzip, or drop the .gz suffix if it is plain text"


def _os_error(origin: str, error: OSError) -> ReadError:
    if error.errno == errno.ELOOP:
        return ReadError(origin, "symlink loop (too many levels of symbolic links); fix or remove the link",
                         E_SYMLINK_LOOP)
    if isinstance(error, FileNotFoundError):
        return ReadError(origin, "no such file or directory", E_INPUT_MISSING)
    if isinstance(error, PermissionError):
        return ReadError(origin, "cannot be read (permission denied)", E_INPUT_UNREADABLE)
    return ReadError(origin, f"cannot be read ({error.strerror or error})", E_INPUT_UNREADABLE)


def _os_reason(error: OSError) -> str:
    return _os_error("", error).reason
