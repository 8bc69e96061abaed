"""Open one input as a binary stream: gunzip when needed, refuse binary data.

Gzip is recognised by its magic bytes rather than the ``.gz`` suffix, so that
compressed standard input works too.  Everything stays streamed: only the first
8 KiB are looked at up front.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO, NamedTuple

HEAD_SIZE = 8192
_GZIP_MAGIC = b"\x1f\x8b"

# What a damaged gzip stream raises while being read.
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


class InputError(Exception):
    """An input that cannot be read at all; ``args[0]`` is the reason."""


class Opened(NamedTuple):
    stream: io.BufferedReader  # positioned at the start of the (decompressed) data
    head: bytes  # its first HEAD_SIZE bytes (fewer for a short input)


class _Prefixed(io.RawIOBase):
    """Raw stream that replays ``head`` and then continues with ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO, closers: tuple[BinaryIO, ...]):
        self._head = memoryview(head)
        self._rest = rest
        self._closers = closers  # closed with us (not stdin: the caller owns it)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            for f in self._closers:
                f.close()
        super().close()


def _read_head(f: BinaryIO) -> bytes:
    # read() on pipes or raw files may return short; loop until full or EOF.
    chunks, size = [], 0
    while size < HEAD_SIZE:
        chunk = f.read(HEAD_SIZE - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def open_stream(raw: BinaryIO, *, close_raw: bool = True) -> Opened:
    """Wrap ``raw``; raise InputError for binary data, gzip errors for bad gzip."""
    closers: tuple[BinaryIO, ...] = (raw,) if close_raw else ()
    try:
        head = _read_head(raw)
        rest: BinaryIO = raw
        if head.startswith(_GZIP_MAGIC):
            gz = gzip.GzipFile(fileobj=io.BufferedReader(_Prefixed(head, raw, ())), mode="rb")
            closers = (gz, *closers)  # GzipFile never closes a fileobj it was given
            head = _read_head(gz)
            rest = gz
        if b"\0" in head:
            raise InputError("binary data, not text")
    except BaseException:
        for f in closers:
            f.close()
        raise
    return Opened(io.BufferedReader(_Prefixed(head, rest, closers), 1 << 16), head)


def open_path(path: str) -> Opened:
    """Open a file by name (OSError when it cannot be opened)."""
    return open_stream(open(path, "rb"))  # noqa: SIM115 - closed by the returned stream


def describe(exc: BaseException) -> str:
    """Short reason for a read failure, for ReadError."""
    if isinstance(exc, InputError):
        return str(exc.args[0])
    if isinstance(exc, GZIP_ERRORS):
        return f"corrupt gzip data: {exc}"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    if isinstance(exc, UnicodeError):
        return f"cannot decode: {exc}"
    return str(exc) or type(exc).__name__
