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
import os
import re
import stat
import sys
import traceback
import zlib
from collections.abc import Iterable, Iterator
from typing import IO

from ..errors import (
    E_BAD_GZIP,
    E_BINARY_INPUT,
    E_EMPTY_INPUT,
    E_ENCODING,
    E_INPUT_MISSING,
    E_INPUT_UNREADABLE,
    E_READER_FAILED,
    E_SYMLINK_LOOP,
    E_TOO_LARGE,
    E_UNSUPPORTED_INPUT,
    W_SPECIAL_FILE,
)
from .compressed import open_gunzip
from .decoding import (BINARY_SNIFF_BYTES, binary_or_empty, binary_problem, byte_order_mark, decode_bytes, sniff)
from .html_text import html_article
from .records import DEFAULT_FIELDS, Article, Fields, ReadError, Record, normalize_published  # noqa: F401 (re-exported)
from .rows import (DATE_FIELDS, ID_FIELDS, TEXT_FIELDS, TITLE_FIELDS, URL_FIELDS, _csv_records,  # noqa: F401
                   _jsonl_records, _too_big)

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

STDIN_ORIGIN = "<stdin>"
MAX_TITLE_CHARS = 200

# First non-empty line, then a blank line: a headline candidate.
HEADLINE = re.compile(r"\A\s*(?P<title>[^\n]+?)[ \t]*\n[ \t]*\n")
SENTENCE_FINAL_PERIOD = re.compile(r"\.[”’\"')\]]*\Z")

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
