"""Reading a ``.gz`` file as far as it goes: a truncated download gives every byte before the damage,
then ``EOFError`` (Python's ``gzip`` module drops the last block it was decompressing)."""
from __future__ import annotations

import io
import zlib
from typing import IO

GZIP_WBITS = zlib.MAX_WBITS | 16  # a gzip header and trailer around the deflate stream
CHUNK = 1 << 16  # compressed bytes read, and at most this many decompressed bytes made, at a time


class Gunzip(io.RawIOBase):
    """The decompressed bytes of a gzip stream (several members follow one another, as in ``cat a.gz b.gz``).

    Wrap it in ``io.BufferedReader`` to read lines. A stream cut short raises ``EOFError`` only once
    everything before the cut has been read; a stream that is not gzip raises ``zlib.error``."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self.raw = raw
        self.decompressor = zlib.decompressobj(GZIP_WBITS)
        self.pending = b""
        self.started = False
        self.finished = False
        self.decompressor_fed = None  # the decompressor that has had input (a fresh one has not)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            if self.finished:
                return 0
            self.pending = self._next_block()
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size

    def _next_block(self) -> bytes:
        decompressor = self.decompressor
        if decompressor.eof and decompressor.unused_data:  # what follows a member in this chunk
            data = decompressor.unused_data
            decompressor = self.decompressor = zlib.decompressobj(GZIP_WBITS)
        elif decompressor.unconsumed_tail and not decompressor.eof:  # output was capped: the same input goes on
            data = decompressor.unconsumed_tail
        else:
            data = self.raw.read(CHUNK)
            if not data:
                self.finished = True
                if self.started and not decompressor.eof:
                    raise EOFError("compressed file ended before the end-of-stream marker was reached")
                return b""
            if decompressor.eof:  # what follows a member, in a new chunk
                decompressor = self.decompressor = zlib.decompressobj(GZIP_WBITS)
        if self.started and decompressor is not self.decompressor_fed and not data.strip(b"\x00"):
            self.finished = True  # zero padding after the last member, which gzip(1) allows
            return b""
        self.started = True
        self.decompressor_fed = decompressor
        return decompressor.decompress(data, CHUNK)

    def close(self) -> None:
        if not self.closed:
            self.raw.close()
        super().close()


def open_gunzip(path) -> io.BufferedReader:
    """``path``'s decompressed bytes as a buffered binary stream (close it to close the file)."""
    return io.BufferedReader(Gunzip(open(path, "rb")))
