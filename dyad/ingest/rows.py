"""Rows of the record formats: CSV rows and JSON lines to ``Article`` records, or ``ReadError``
records naming the line and what is wrong (split from ``readers.py``, which opens the files)."""
from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..errors import E_EMPTY_INPUT, E_ENCODING, E_MALFORMED_CSV, E_MALFORMED_JSON, E_NO_TEXT, E_TOO_LARGE, E_WRONG_TYPE
from .decoding import not_utf8
from .records import DEFAULT_FIELDS, Article, Fields, ReadError, Record, normalize_published

TEXT_FIELDS = ("text", "content", "content_original", "body", "article")
ID_FIELDS = ("id", "ID")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "publish_date")

LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")  # from a JSON "\ud800" escape; UTF-8 cannot hold one


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


def _too_big(size: int, max_bytes: int, what: str) -> str:
    return (
        f"{what} is {size / 1_000_000:.1f} MB, above the "
        f"{max_bytes / 1_000_000:g} MB limit per article"
    )
