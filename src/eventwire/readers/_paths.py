"""Expand the command-line PATH arguments into the inputs to read, in order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..records import ReadError

FORMATS = ("jsonl", "csv", "tsv", "txt", "html")
STDIN = "<stdin>"

_ALIASES = {"ndjson": "jsonl", "htm": "html"}
_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
}


@dataclass(frozen=True)
class Source:
    """One input: a file, or standard input (``path`` None)."""

    name: str  # as shown in messages and origins
    fmt: str | None  # None: sniff from the content (standard input only)
    path: str | None


def normalize_format(input_format: str | None) -> str | None:
    """Canonical format name; ValueError for an unknown one (a usage error)."""
    if input_format is None:
        return None
    fmt = _ALIASES.get(input_format.lower(), input_format.lower())
    if fmt not in FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; expected one of {', '.join(FORMATS)}")
    return fmt


def extension(path: str) -> str:
    """The format-bearing extension, lower-cased, without a trailing ``.gz``."""
    name = os.path.basename(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def format_of(path: str) -> str | None:
    return _EXTENSIONS.get(extension(path))


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(top: str, fmt: str | None) -> Iterator[Source | ReadError]:
    """Known-extension files under ``top``, sorted by path components."""
    errors: list[ReadError] = []

    def onerror(exc: OSError) -> None:
        errors.append(ReadError(exc.filename or top, None, (exc.strerror or str(exc)).lower()))

    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=onerror):
        dirnames[:] = [d for d in dirnames if not _is_hidden(d)]
        rel = os.path.relpath(dirpath, top)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in filenames:
            if not _is_hidden(name) and format_of(name):
                found.append(((*parts, name), os.path.join(dirpath, name)))
    yield from errors
    if not found and not errors:
        yield ReadError(top, None, "no input files in directory (known extensions: "
                        + ", ".join(_EXTENSIONS) + ", optionally .gz)")
    for _, path in sorted(found):
        yield Source(path, fmt or format_of(path), path)


def _file(path: str, fmt: str | None) -> Source | ReadError:
    fmt = fmt or format_of(path)
    if fmt is None:
        ext = extension(path)
        what = f"'{ext}'" if ext else "(no file extension)"
        return ReadError(path, None, f"unknown format {what}; use --input-format")
    return Source(path, fmt, path)


def _glob(pattern: str, fmt: str | None) -> Iterator[Source | ReadError]:
    """Files matching ``pattern``, sorted; directories it matches are not walked
    (a ``**`` pattern would otherwise read the same file twice)."""
    matches = sorted(set(glob.glob(pattern, recursive=True)))
    files = [m for m in matches if os.path.isfile(m) and (fmt or format_of(m))]
    if not matches:
        yield ReadError(pattern, None, "no such file or directory")
    elif not files:
        yield ReadError(pattern, None, "no input file with a known extension matches; use --input-format")
    for path in files:
        yield Source(path, fmt or format_of(path), path)


def expand(paths: Sequence[str] | None, fmt: str | None) -> Iterator[Source | ReadError]:
    """Sources (or errors) for ``paths``; None, [] and "-" mean standard input."""
    for path in paths or ["-"]:
        if path == "-":
            yield Source(STDIN, fmt, None)
        elif os.path.isdir(path):
            yield from _walk(path, fmt)
        elif os.path.exists(path):
            yield _file(path, fmt)
        elif glob.has_magic(path):
            yield from _glob(path, fmt)
        else:
            yield ReadError(path, None, "no such file or directory")
