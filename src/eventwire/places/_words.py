"""The places stage's word lists, from ``data/places/words.yaml`` (read once, on import)."""

from __future__ import annotations

from pathlib import Path

import yaml

WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "places" / "words.yaml"


def _load() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}
    for key, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{WORDS_FILE}: {key}: expected a list of words (quote words YAML reads otherwise)")
    return {key: frozenset(words) for key, words in data.items()}


_WORDS = _load()


def place_words(key: str) -> frozenset[str]:
    """One list of ``words.yaml``."""
    return _WORDS[key]
