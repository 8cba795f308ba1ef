"""Bytes to text: UTF-8, or UTF-16/UTF-32 with a byte-order mark; binary data and text in an
encoding dyad does not read are a ``ReadError`` naming the fix (an ``iconv`` command line)."""
from __future__ import annotations

import codecs
import re

from ..errors import E_BINARY_INPUT, E_EMPTY_INPUT, E_ENCODING
from .records import ReadError

BINARY_SNIFF_BYTES = 8192
NON_TEXT_BYTES = re.compile(rb"[\x00-\x07\x0e-\x1a\x1c-\x1f\x7f]")
NON_TEXT_CHARS = re.compile(r"[\x00-\x07\x0e-\x1a\x1c-\x1f\x7f]")

# Byte-order marks, longest first (UTF-32LE's begins with UTF-16LE's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def byte_order_mark(data: bytes) -> tuple[bytes, str, str] | None:
    """``(mark, codec, name)`` of the byte-order mark ``data`` starts with, if any."""
    return next((bom for bom in BOMS if data.startswith(bom[0])), None)


def decode_bytes(data: bytes, origin: str) -> str | ReadError:
    """A whole file's text: UTF-8, or UTF-16/UTF-32 when a byte-order mark says so."""
    bom = byte_order_mark(data)
    if bom is None or bom[1] == "utf-8":
        if problem := sniff(data, origin):
            return problem
    mark, codec, name = bom or (b"", "utf-8", "UTF-8")
    body = data[len(mark):]
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as error:
        if codec == "utf-8":
            return ReadError(origin, not_utf8(body, error, shift=len(mark)), E_ENCODING)
        return ReadError(origin, f"not valid {name} text ({error.reason} at byte {error.start + len(mark)}); "
                         "re-save it as UTF-8", E_ENCODING)
    if not text.strip():
        return ReadError(origin, "file is empty", E_EMPTY_INPUT)
    if codec != "utf-8" and _looks_binary(text):
        return ReadError(origin, f"looks like a binary file, not text (control characters in its {name} text)",
                         E_BINARY_INPUT)
    return text


def sniff(data: bytes, origin: str) -> ReadError | None:
    """What makes a whole file unusable as text (binary data, UTF-16/32 without a byte-order mark or
    not valid in it, nothing but whitespace), or None."""
    bom = byte_order_mark(data)
    if bom is not None and bom[1] != "utf-8":
        text = decode_bytes(data, origin)
        return text if isinstance(text, ReadError) else None
    if problem := binary_problem(data, origin):
        return problem
    if not data.strip():
        return ReadError(origin, "file is empty", E_EMPTY_INPUT)
    return None


def binary_or_empty(data: bytes) -> str | None:
    """The reason ``data`` is not usable text, for callers that need only the reason (the web's uploads)."""
    problem = sniff(data, "")
    return problem.reason if problem else None


def binary_problem(data: bytes, origin: str) -> ReadError | None:
    """Binary data, text with NUL bytes, or UTF-16/32 text without a byte-order mark, judged on the head."""
    head = data[:BINARY_SNIFF_BYTES]
    if not NON_TEXT_BYTES.search(head):
        return None
    if unmarked := _unmarked_utf16_or_32(head):
        return ReadError(origin, f"looks like {unmarked} text without a byte-order mark; convert it to UTF-8 with "
                         f"iconv -f {unmarked} -t UTF-8 (dyad reads UTF-16 and UTF-32 only with a byte-order mark)",
                         E_ENCODING)
    if b"\x00" in head and _mostly_utf8_text(head):
        first = head.index(b"\x00")
        return ReadError(origin, f"text with NUL bytes (the first at byte {first}); remove them, e.g. with "
                         "tr -d '\\000' < FILE > FILE.clean", E_BINARY_INPUT)
    # Control bytes, not high bytes: UTF-8 Arabic or Russian text is mostly high bytes.
    if b"\x00" in head or len(NON_TEXT_BYTES.findall(head)) > 0.1 * len(head):
        return ReadError(origin, "looks like a binary file, not text", E_BINARY_INPUT)
    return None


def _unmarked_utf16_or_32(head: bytes) -> str | None:
    """``UTF-16LE`` etc. when ``head`` reads as text in that encoding (NUL high bytes where a
    Latin-script text has them) though it carries no byte-order mark; else None."""
    for name, width, high in (("UTF-32LE", 4, (2, 3)), ("UTF-32BE", 4, (0, 1)),
                              ("UTF-16LE", 2, (1,)), ("UTF-16BE", 2, (0,))):
        usable = len(head) - len(head) % width
        if usable < 4 * width:
            continue
        units = [head[i:i + width] for i in range(0, usable, width)]
        zero_high = sum(all(unit[i] == 0 for i in high) for unit in units)
        if zero_high < 0.6 * len(units):
            continue
        try:
            text = head[:usable].decode(name.lower())
        except UnicodeDecodeError:
            continue
        if text.strip() and not _looks_binary(text) and sum(c.isalpha() for c in text) > 0.3 * len(text):
            return name
    return None


def _mostly_utf8_text(head: bytes) -> bool:
    """A few NUL bytes in otherwise valid UTF-8 text (not a binary format with NULs throughout)."""
    if head.count(b"\x00") > 0.01 * len(head) + 1:
        return False
    stripped = head.replace(b"\x00", b"")
    try:
        text = stripped.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(stripped) - 4:  # not just a character cut by the sniff's end
            return False
        text = stripped[:error.start].decode("utf-8")
    return bool(text.strip()) and not _looks_binary(text)


def _looks_binary(text: str) -> bool:
    sample = text[:BINARY_SNIFF_BYTES]
    return "\x00" in sample or len(NON_TEXT_CHARS.findall(sample)) > 0.1 * len(sample)


def not_utf8(data: bytes, error: UnicodeDecodeError, *, shift: int = 0) -> str:
    return (
        f"not valid UTF-8 text (byte 0x{data[error.start]:02x} at offset "
        f"{error.start + shift}); re-save it as UTF-8"
    )
